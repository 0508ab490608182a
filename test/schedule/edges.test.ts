// Sessions at their edges: an end not after the start, an empty roster, DST gaps and neighbours,
// re-planning around a discharge.
import { describe, expect, it } from "vitest";
import {
  IopError,
  checkSchedule,
  defineProgram,
  expandPattern,
  parseEnrollment,
  parseParticipant,
  parseSchedule,
  planSchedule,
  programTemplates,
  safeParseSchedule,
  toICalendar,
  type Schedule,
  type ScheduledSession,
} from "iopkit";

import { person } from "../people";

const program = programTemplates.substanceUseAdult({ timeZone: "America/New_York" });

function thrown(fn: () => unknown): IopError {
  try {
    fn();
  } catch (e) {
    if (e instanceof IopError) return e;
    throw e;
  }
  throw new Error("did not throw");
}
const codes = (e: IopError): [string, string][] => e.issues.map((i) => [i.code, i.path.join(".")]);

/** A one-session schedule whose session ends `minutes` after its 09:00 start. */
function withLength(minutes: number, participantIds: string[] = ["p-1"]): Schedule {
  const end = new Date(Date.parse("2026-03-09T13:00:00.000Z") + minutes * 60_000)
    .toISOString()
    .replace("Z", "+00:00");
  return {
    formatVersion: 2,
    window: { from: "2026-03-09", weeks: 1 },
    sessions: [
      {
        formatVersion: 2,
        id: "s-1",
        sessionType: "group-therapy",
        start: "2026-03-09T13:00:00.000+00:00",
        end,
        participantIds,
        staffIds: [],
      } as unknown as ScheduledSession,
    ],
    groups: [],
    unschedulable: [],
    shortfalls: [],
  } as unknown as Schedule;
}

describe("a session ends after it starts and has a roster", () => {
  it("parseSchedule: −1 and 0 minutes are refused at sessions[0].end; 1 minute is a session", () => {
    expect(codes(thrown(() => parseSchedule(withLength(-1))))).toEqual([
      ["session-ends-before-start", "sessions.0.end"],
    ]);
    expect(codes(thrown(() => parseSchedule(withLength(0))))).toEqual([
      ["session-ends-before-start", "sessions.0.end"],
    ]);
    expect(safeParseSchedule(withLength(1)).success).toBe(true);
  });

  it("parseSchedule: an empty roster is refused at sessions[0].participantIds", () => {
    expect(codes(thrown(() => parseSchedule(withLength(60, []))))).toEqual([
      ["too-small", "sessions.0.participantIds"],
    ]);
  });

  it("checkSchedule throws for the same sessions instead of counting negative hours", () => {
    const context = { program, enrollments: [] };
    expect(codes(thrown(() => checkSchedule(withLength(-30), context)))).toEqual([
      ["session-ends-before-start", "sessions.0.end"],
    ]);
    expect(codes(thrown(() => checkSchedule(withLength(0), context)))).toEqual([
      ["session-ends-before-start", "sessions.0.end"],
    ]);
    expect(codes(thrown(() => checkSchedule(withLength(60, []), context)))).toEqual([
      ["too-small", "sessions.0.participantIds"],
    ]);
    expect(() => checkSchedule(withLength(1), context)).not.toThrow();
  });

  it("toICalendar never writes DTEND before DTSTART", () => {
    const options = { timeZone: program.timeZone, now: "2026-03-01T12:00:00Z" };
    for (const minutes of [-1, 0])
      expect(codes(thrown(() => toICalendar(withLength(minutes).sessions, options)))).toEqual([
        ["session-ends-before-start", "sessions"],
      ]);
    expect(toICalendar(withLength(1).sessions, options)).toContain("DTEND");
  });
});

describe("a pattern with times in a DST gap and its neighbour", () => {
  // Sundays 02:00 and 03:00 in New York; 2026-03-08 springs forward at 02:00 (02:00–02:59 do not
  // exist), so 02:00 moves to 03:00 EDT (RFC 5545, section 3.3.5) onto the 03:00 session.
  const gapProgram = defineProgram({
    id: "gap",
    name: "Gap",
    levelOfCare: "outpatient",
    population: "adult",
    conditionsServed: ["substance-use"],
    timeZone: "America/New_York",
    operatingHours: [{ weekday: 7, open: "01:00", close: "06:00" }],
    phases: [
      {
        id: "only",
        name: "Only",
        hoursPerWeek: { min: 1, max: 3 },
        weeks: { min: 2, max: 2 },
        pattern: [
          { sessionType: "group-therapy", weekday: 7, start: "02:00", durationMinutes: 60 },
          { sessionType: "group-therapy", weekday: 7, start: "03:00", durationMinutes: 60 },
        ],
        individualEveryWeeks: 2,
        drugTestsPerWeek: { min: 0, max: 0 },
        exitCriteria: {
          minWeeks: 2,
          minAttendanceRate: 0.8,
          negativeTestsInARow: 0,
          requiresClinicianSignOff: false,
        },
      },
    ],
    lengthWeeks: { min: 2, max: 2 },
  });
  const enrollments = [
    parseEnrollment({ participant: parseParticipant(person("p-1")), start: "2026-03-02" }),
  ];
  const schedule = planSchedule({
    program: gapProgram,
    enrollments,
    from: "2026-03-02",
    weeks: 2,
    seed: 1,
  });
  const starts = schedule.sessions
    .filter((x) => x.sessionType === "group-therapy")
    .map((x) => x.start);
  const allStarts = schedule.sessions.map((x) => x.start);

  it("never yields two sessions at one instant: the moved session is not held that day", () => {
    expect(starts).toEqual([
      "2026-03-08T03:00:00.000-04:00",
      "2026-03-15T02:00:00.000-04:00",
      "2026-03-15T03:00:00.000-04:00",
    ]);
    expect(new Set(allStarts).size).toBe(allStarts.length);
    expect(
      checkSchedule(schedule, { program: gapProgram, enrollments }).filter((v) => v.code === "S1"),
    ).toEqual([]);
  });

  it("expandPattern holds the same rule: both occurrences a week later, one on the gap day", () => {
    const occurrences = expandPattern({
      program: gapProgram,
      enrollments,
      from: "2026-03-02",
      weeks: 2,
    });
    expect(occurrences.map((o) => o.start)).toEqual(starts);
  });

  it("reports why, as a dst-gap shortfall of the week", () => {
    expect(
      schedule.shortfalls
        .filter((x) => x.code === "dst-gap")
        .map((x) => [x.invariant, x.participantId, x.isoWeek, x.phaseId]),
    ).toEqual([["S5", "p-1", "2026-W10", "only"]]);
  });
});
