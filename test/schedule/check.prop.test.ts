// A checker that cannot fail is worthless: inject one kind of breach into a sound planned schedule
// and checkSchedule must report that invariant.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checkSchedule,
  parseEnrollment,
  planSchedule,
  programTemplates,
  toEpochMs,
  type Enrollment,
  type InvariantCode,
  type PlanScheduleOptions,
  type Schedule,
  type ScheduledSession,
  type SessionId,
  type StaffId,
} from "iopkit";
import { participant, staffTeam } from "iopkit/testing";

const program = programTemplates.substanceUseAdult({
  timeZone: "America/New_York",
  tracks: ["morning"],
});

/** A sound 4-week plan for 1–14 free participants of the adult template, with staff. */
const sound: fc.Arbitrary<{ input: PlanScheduleOptions; schedule: Schedule }> = fc
  .record({
    people: fc.uniqueArray(
      participant({ ageGroup: "adult", availability: "free", riskProfile: "iop-fit" }),
      { minLength: 1, maxLength: 14, selector: (p) => p.id },
    ),
    staff: staffTeam(program, { perRole: 4 }),
    seed: fc.integer(),
  })
  .map(({ people, staff, seed }) => {
    const enrollments = people.map((p) => parseEnrollment({ participant: p, start: "2026-10-26" }));
    const input = { program, enrollments, staff, from: "2026-10-26", weeks: 4, seed };
    return { input, schedule: planSchedule(input) };
  });

const shift = (instant: string, minutes: number): string =>
  new Date(toEpochMs(instant) + minutes * 60_000).toISOString();
const codes = (
  s: Schedule,
  input: PlanScheduleOptions,
  enrollments: readonly Enrollment[] = input.enrollments,
): InvariantCode[] => checkSchedule(s, { ...input, enrollments }).map((v) => v.code);
const withSessions = (s: Schedule, sessions: ScheduledSession[]): Schedule => ({ ...s, sessions });
const firstOf = (s: Schedule, pred: (x: ScheduledSession) => boolean): ScheduledSession => {
  const found = s.sessions.find(pred);
  if (found === undefined) throw new Error("the generated schedule has no such session");
  return found;
};

describe("checkSchedule catches every kind of injected breach", () => {
  it("starts from sound schedules", () => {
    fc.assert(
      fc.property(
        sound,
        ({ input, schedule }) => void expect(checkSchedule(schedule, input)).toEqual([]),
      ),
      { numRuns: 20 },
    );
  });

  it("S1: a participant added to a session that overlaps one of theirs", () => {
    fc.assert(
      fc.property(sound, ({ input, schedule }) => {
        const group = firstOf(schedule, (x) => x.sessionType === "group-therapy");
        const who = group.participantIds[0];
        if (who === undefined) return;
        const clash: ScheduledSession = {
          formatVersion: 2,
          id: "inject-s1" as SessionId,
          sessionType: "case-management",
          start: shift(group.start, 30),
          end: shift(group.start, 60),
          participantIds: [who],
          staffIds: [],
        };
        expect(codes(withSessions(schedule, [...schedule.sessions, clash]), input)).toContain("S1");
      }),
      { numRuns: 20 },
    );
  });

  it("S2: a staff member given a second session at the same time", () => {
    fc.assert(
      fc.property(sound, ({ input, schedule }) => {
        const a = firstOf(schedule, (x) => x.staffIds.length > 0);
        const twice: ScheduledSession = {
          formatVersion: 2,
          id: "inject-s2" as SessionId,
          sessionType: "case-management",
          start: shift(a.start, 15),
          end: shift(a.start, 45),
          // A session has a roster (an empty one is not a session: checkSchedule throws).
          participantIds: a.participantIds,
          staffIds: a.staffIds,
        };
        expect(codes(withSessions(schedule, [...schedule.sessions, twice]), input)).toContain("S2");
      }),
      { numRuns: 10 },
    );
  });

  it("S3: a group session over capacity", () => {
    fc.assert(
      fc.property(sound, ({ input, schedule }) => {
        const g = firstOf(schedule, (x) => x.groupId !== undefined);
        const extra = Array.from(
          { length: program.groupCapacity + 1 - g.participantIds.length },
          (_, i) => `ghost-${i}`,
        );
        const crowded = schedule.sessions.map((x) =>
          x.id === g.id
            ? { ...x, participantIds: [...x.participantIds, ...extra] as typeof x.participantIds }
            : x,
        );
        expect(codes(withSessions(schedule, crowded), input)).toContain("S3");
      }),
      { numRuns: 10 },
    );
  });

  it("S4: a session moved to a closure or outside opening hours", () => {
    fc.assert(
      fc.property(sound, fc.boolean(), ({ input, schedule }, closure) => {
        const one = firstOf(schedule, (x) => x.sessionType === "individual-therapy");
        const day = one.start.slice(0, 10);
        const edited = closure ? { ...input, program: { ...program, closures: [day] } } : input;
        const moved = closure
          ? schedule.sessions
          : schedule.sessions.map((x) =>
              x.id === one.id
                ? { ...x, start: `${day}T06:00:00.000-05:00`, end: `${day}T07:00:00.000-05:00` }
                : x,
            );
        expect(checkSchedule(withSessions(schedule, moved), edited).map((v) => v.code)).toContain(
          "S4",
        );
      }),
      { numRuns: 10 },
    );
  });

  it("S5: a full week emptied of a participant's group sessions", () => {
    fc.assert(
      fc.property(sound, ({ input, schedule }) => {
        const who = input.enrollments[0]?.participant.id;
        const emptied = schedule.sessions
          .map((x) =>
            x.start.slice(0, 10) >= "2026-11-02" && x.start.slice(0, 10) <= "2026-11-08"
              ? { ...x, participantIds: x.participantIds.filter((p) => p !== who) }
              : x,
          )
          .filter((x) => x.participantIds.length > 0);
        expect(codes(withSessions(schedule, emptied), input)).toContain("S5");
      }),
      { numRuns: 10 },
    );
  });

  it("S6: a session labelled with a phase the participant is not in, or a path that rises without a step-up", () => {
    fc.assert(
      fc.property(sound, ({ input, schedule }) => {
        const g = firstOf(schedule, (x) => x.phaseId === "intensive");
        const relabelled = schedule.sessions.map((x) =>
          x.id === g.id ? { ...x, phaseId: "transition" as typeof x.phaseId } : x,
        );
        expect(codes(withSessions(schedule, relabelled), input)).toContain("S6");
        const first = input.enrollments[0];
        if (first === undefined) return;
        const rising = parseEnrollment({
          ...first,
          path: [
            { phaseId: "step-down", from: first.start },
            { phaseId: "intensive", from: "2026-11-09", reason: "step-down" },
          ],
        });
        expect(codes(schedule, input, [rising, ...input.enrollments.slice(1)])).toContain("S6");
        const steppedUp = parseEnrollment({
          ...first,
          path: [
            { phaseId: "step-down", from: first.start },
            { phaseId: "intensive", from: "2026-11-09", reason: "step-up" },
          ],
        });
        expect(
          codes(schedule, input, [steppedUp, ...input.enrollments.slice(1)]).filter(
            (c) => c === "S6" || c === "S7",
          ),
        ).not.toContain("S7");
      }),
      { numRuns: 5 },
    );
  });

  it("S7: a planned course longer than the program allows, unless extended", () => {
    fc.assert(
      fc.property(sound, ({ input, schedule }) => {
        const first = input.enrollments[0];
        if (first === undefined) return;
        const long = parseEnrollment({
          ...first,
          path: [
            { phaseId: "intensive", from: first.start },
            { phaseId: "step-down", from: "2027-01-25" },
          ],
        });
        expect(codes(schedule, input, [long, ...input.enrollments.slice(1)])).toContain("S7");
        const extended = parseEnrollment({
          ...first,
          path: [
            { phaseId: "intensive", from: first.start },
            { phaseId: "step-down", from: "2027-01-25", reason: "extension" },
          ],
        });
        expect(codes(schedule, input, [extended, ...input.enrollments.slice(1)])).not.toContain(
          "S7",
        );
      }),
      { numRuns: 5 },
    );
  });

  it("S8: a participant's individual sessions removed", () => {
    fc.assert(
      fc.property(sound, ({ input, schedule }) => {
        const who = input.enrollments[0]?.participant.id;
        const kept = schedule.sessions.filter(
          (x) =>
            !(x.sessionType === "individual-therapy" && x.participantIds.includes(who as never)),
        );
        expect(codes(withSessions(schedule, kept), input)).toContain("S8");
      }),
      { numRuns: 10 },
    );
  });

  it("S9: a participant who becomes unavailable when one of their sessions runs", () => {
    fc.assert(
      fc.property(sound, ({ input, schedule }) => {
        const first = input.enrollments[0];
        if (first === undefined) return;
        const busy = parseEnrollment({
          ...first,
          participant: {
            ...first.participant,
            unavailable: [{ weekday: 1, from: "08:00", to: "12:00" }],
          },
        });
        expect(codes(schedule, input, [busy, ...input.enrollments.slice(1)])).toContain("S9");
      }),
      { numRuns: 5 },
    );
  });

  it("S10: a pattern session an hour off its wall-clock time (e.g. a UTC conversion without DST)", () => {
    fc.assert(
      fc.property(sound, ({ input, schedule }) => {
        const g = firstOf(
          schedule,
          (x) => x.patternEntry !== undefined && x.start.slice(0, 10) >= "2026-11-02",
        );
        const moved = schedule.sessions.map((x) =>
          x.id === g.id ? { ...x, start: shift(x.start, 60), end: shift(x.end, 60) } : x,
        );
        expect(codes(withSessions(schedule, moved), input)).toContain("S10");
      }),
      { numRuns: 10 },
    );
  });

  it("S12/S4: a drug test on a day the clinic is closed, or a week without its tests", () => {
    fc.assert(
      fc.property(sound, ({ input, schedule }) => {
        const who = input.enrollments[0]?.participant.id;
        if (who === undefined) return;
        const sunday: ScheduledSession = {
          formatVersion: 2,
          id: "inject-s12" as SessionId,
          sessionType: "drug-test",
          start: "2026-11-08T10:00:00.000-05:00",
          end: "2026-11-08T10:15:00.000-05:00",
          participantIds: [who],
          staffIds: [] as StaffId[],
        };
        // The template tests on any open day (call-in), so a Sunday test breaks opening hours
        // (S4) rather than the on-site rule; S12's count still counts it.
        expect(codes(withSessions(schedule, [...schedule.sessions, sunday]), input)).toContain(
          "S4",
        );
        const untested = schedule.sessions.filter(
          (x) => !(x.sessionType === "drug-test" && x.participantIds.includes(who)),
        );
        expect(codes(withSessions(schedule, untested), input)).toContain("S12");
      }),
      { numRuns: 10 },
    );
  });

  it("S13: a participant dropped from every session without a reason, or one who is not enrolled", () => {
    fc.assert(
      fc.property(sound, ({ input, schedule }) => {
        const who = input.enrollments[0]?.participant.id;
        const dropped = schedule.sessions
          .map((x) => ({ ...x, participantIds: x.participantIds.filter((p) => p !== who) }))
          .filter((x) => x.participantIds.length > 0);
        expect(codes(withSessions(schedule, dropped), input)).toContain("S13");
        expect(
          codes(
            schedule,
            { ...input, enrollments: input.enrollments.slice(1) },
            input.enrollments.slice(1),
          ),
        ).toContain("S13");
      }),
      { numRuns: 10 },
    );
  });
});
