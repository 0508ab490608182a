// checkAttendance matches records session by session with a shortcut (the previous record's
// session, the next seat); it must find exactly what a plain scan finds, whatever the order of the
// records and even when a roster lists someone twice (their first seat is theirs).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checkAttendance,
  parseAttendanceRecord,
  parseSchedule,
  type AttendanceRecord,
} from "iopkit";

const people = ["p1", "p2", "p3"];
const sessionIds = ["s1", "s2", "s3"];

/** The plain scan: each record's first seat by session and participant; a taken seat is a duplicate. */
function plain(
  rosters: readonly (readonly string[])[],
  records: readonly AttendanceRecord[],
): [string, readonly (string | number)[]][] {
  const taken = new Set<string>();
  const out: [string, readonly (string | number)[]][] = [];
  records.forEach((r, i) => {
    const s = sessionIds.indexOf(r.sessionId);
    const roster = rosters[s];
    if (roster === undefined)
      return void out.push(["unknown-session", ["attendance", i, "sessionId"]]);
    const j = roster.indexOf(r.participantId);
    if (j < 0) return void out.push(["not-on-roster", ["attendance", i, "participantId"]]);
    if (r.minutesAttended > 60)
      return void out.push(["minutes-beyond-session", ["attendance", i, "minutesAttended"]]);
    if (taken.has(`${s}|${j}`)) return void out.push(["duplicate-attendance", ["attendance", i]]);
    taken.add(`${s}|${j}`);
  });
  return out;
}

const input = fc.record({
  rosters: fc.array(fc.array(fc.constantFrom(...people), { minLength: 1, maxLength: 4 }), {
    minLength: 3,
    maxLength: 3,
  }),
  records: fc.array(
    fc.record({
      sessionId: fc.constantFrom(...sessionIds, "s9"),
      participantId: fc.constantFrom(...people),
      minutesAttended: fc.constantFrom(0, 30, 60, 61),
    }),
    { maxLength: 14 },
  ),
  rosterOrder: fc.boolean(),
});

describe("checkAttendance's matching", () => {
  it("finds what a plain scan finds, records in roster order or not, rosters with repeats", () => {
    fc.assert(
      fc.property(input, ({ rosters, records, rosterOrder }) => {
        const schedule = parseSchedule({
          window: { from: "2026-03-02", weeks: 1 },
          sessions: rosters.map((participantIds, k) => ({
            id: sessionIds[k] ?? "",
            sessionType: "group-therapy",
            start: `2026-03-0${2 + k}T09:00:00.000-05:00`,
            end: `2026-03-0${2 + k}T10:00:00.000-05:00`,
            participantIds,
            staffIds: [],
          })),
        });
        // In roster order: every seat of every session in turn (the order the shortcut expects).
        const rows = rosterOrder
          ? rosters.flatMap((r, k) =>
              r.map((participantId) => ({
                sessionId: sessionIds[k] ?? "",
                participantId,
                minutesAttended: 30,
              })),
            )
          : records;
        const attendance = rows.map((r) =>
          parseAttendanceRecord({
            ...r,
            status: r.minutesAttended > 0 ? "present" : "absent-unexcused",
          }),
        );
        const found = checkAttendance({ schedule, attendance }).map((i) => [i.code, i.path]);
        expect(found).toEqual(plain(rosters, attendance));
      }),
      { numRuns: 400 },
    );
  });

  it("a roster that lists p1 twice: p1's second record in roster order is a duplicate", () => {
    const schedule = parseSchedule({
      window: { from: "2026-03-02", weeks: 1 },
      sessions: [
        {
          id: "s1",
          sessionType: "group-therapy",
          start: "2026-03-02T09:00:00.000-05:00",
          end: "2026-03-02T10:00:00.000-05:00",
          participantIds: ["p1", "p2", "p1"],
          staffIds: [],
        },
      ],
    });
    const attendance = ["p1", "p2", "p1"].map((participantId) =>
      parseAttendanceRecord({
        sessionId: "s1",
        participantId,
        status: "present",
        minutesAttended: 60,
      }),
    );
    expect(checkAttendance({ schedule, attendance }).map((i) => [i.code, i.path])).toEqual([
      ["duplicate-attendance", ["attendance", 2]],
    ]);
  });
});
