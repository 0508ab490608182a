// Re-planning from a date (PlanScheduleOptions.keep): a clinic plans, then the course of some
// participants changes from a day D (a discharge, an extension, a step-down, a new admission) and
// the window is planned again keeping everything before D. The past stays exactly as it was, and
// checkSchedule finds nothing in the whole result the planner did not itself report.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  instantToZoned,
  parseEnrollment,
  planSchedule,
  plannedPath,
  type Enrollment,
  type IsoDate,
  type PhaseId,
  type PlanScheduleOptions,
  type Schedule,
  type ScheduledSession,
} from "iopkit";
import {
  assertScheduleInvariants,
  enrollment,
  schedule,
  type PlanningInputOptions,
} from "iopkit/testing";

type Change = "same" | "end" | "extend" | "step-down";

/** The enrolment with its course changed from `day` on; the days before `day` are untouched. */
function changed(
  input: PlanScheduleOptions,
  e: Enrollment,
  change: Change,
  day: IsoDate,
  extraDays: number,
): Enrollment {
  if (change === "same") return e;
  if (change === "end") {
    const end = addDays(e.start > addDays(day, -1) ? e.start : addDays(day, -1), extraDays);
    return e.end !== undefined && e.end < end ? e : { ...e, end };
  }
  const path = plannedPath(input.program, e);
  const now = path.findIndex((p) => p.from <= day && day <= p.to);
  const current = path[now];
  if (current === undefined || current.from === day) return e;
  const phases = input.program.phases;
  const next =
    change === "extend"
      ? current.phaseId
      : phases[phases.findIndex((p) => p.id === current.phaseId) + 1]?.id;
  // plannedPath gives the phase ids the program defines.
  if (next === undefined) return e;
  return {
    ...e,
    path: [
      ...path
        .slice(0, now + 1)
        .map((p) => ({ phaseId: p.phaseId as PhaseId, from: p.from, reason: p.reason })),
      {
        phaseId: next as PhaseId,
        from: day,
        reason: change === "extend" ? "extension" : "step-down",
      },
    ],
  };
}

/** A planned schedule, a day D in its window, and enrolments changed from D (and new admissions). */
const replanCases = (options: PlanningInputOptions, maxBackdate = 0) =>
  schedule(options)
    .chain((planned) =>
      fc.record({
        planned: fc.constant(planned),
        offset: fc.integer({ min: 0, max: planned.input.weeks * 7 }),
        changes: fc.array(fc.constantFrom<Change>("same", "end", "extend", "step-down"), {
          minLength: planned.input.enrollments.length,
          maxLength: planned.input.enrollments.length,
        }),
        extraDays: fc.integer({ min: 0, max: 20 }),
        backdate: fc.integer({ min: 0, max: maxBackdate }),
        admitted: fc.array(
          enrollment({ program: planned.input.program, around: planned.input.from }),
          { maxLength: 2 },
        ),
      }),
    )
    .map(
      ({
        planned: { input, schedule: before },
        offset,
        changes,
        extraDays,
        backdate,
        admitted,
      }) => {
        const day = addDays(input.from, offset);
        // The course changes from `changeDay`: before the re-plan's date when backdated.
        const changeDay = addDays(day, -backdate);
        const newcomers = admitted.map((e, i) =>
          parseEnrollment({
            participant: { ...e.participant, id: `new-${i}` },
            start: addDays(day, i * 3),
          }),
        );
        const enrollments = [
          ...input.enrollments.map((e, i) =>
            changed(input, e, changes[i] ?? "same", changeDay, extraDays),
          ),
          ...newcomers,
        ];
        const after = planSchedule({
          ...input,
          enrollments,
          keep: { before: day, sessions: before.sessions },
        });
        return { input, before, day, enrollments, after };
      },
    );
const replanCase = replanCases({ maxWeeks: 6, maxParticipants: 10 });
/** Re-plans of crowded single-track programs with small groups, where rosters merge. */
const crowdedReplanCase = replanCases({
  maxWeeks: 8,
  maxParticipants: 16,
  program: { groupCapacity: 3, groupMinimum: 2, tracks: 1, phases: { min: 1, max: 2 } },
  staff: "never",
});

/** Re-plans whose changes are dated up to two weeks before the re-plan's date (a late discharge note). */
const backdatedCase = replanCases({ maxWeeks: 6, maxParticipants: 10 }, 14);

/** Local date of a session in the program's zone. */
const localDay = (input: PlanScheduleOptions, s: ScheduledSession): IsoDate =>
  instantToZoned(s.start, input.program.timeZone).date;

/**
 * Every group session whose group the schedule does not list, or whose participants are not all
 * members of that group (of its phase) on the session's date.
 */
function rosterMismatches(input: PlanScheduleOptions, s: Schedule): string[] {
  const groups = new Map(s.groups.map((g) => [g.id as string, g]));
  const out: string[] = [];
  for (const session of s.sessions) {
    if (session.groupId === undefined) continue;
    const group = groups.get(session.groupId);
    if (group === undefined) {
      out.push(`${session.id}: group ${session.groupId} is not in the schedule's groups`);
      continue;
    }
    if (session.phaseId !== undefined && group.phaseId !== session.phaseId)
      out.push(
        `${session.id}: group ${group.id} is of phase ${group.phaseId}, not ${session.phaseId}`,
      );
    const date = localDay(input, session);
    for (const id of session.participantIds)
      if (!group.members.some((m) => m.participantId === id && m.from <= date && date <= m.to))
        out.push(`${session.id}: ${id} is not on ${group.id}'s roster on ${date}`);
  }
  return out;
}

describe("planSchedule with keep: a re-plan from a date", () => {
  it("keeps every session before the date exactly, and breaks nothing it does not report", () => {
    fc.assert(
      fc.property(
        fc.oneof(replanCase, crowdedReplanCase),
        ({ input, before, day, enrollments, after }) => {
          const past = (s: Schedule): ScheduledSession[] =>
            s.sessions.filter((x) => localDay(input, x) < day);
          expect(past(after)).toEqual(past(before));
          expect(new Set(after.sessions.map((x) => x.id)).size).toBe(after.sessions.length);

          // S7 judges the course length of the enrolments this test changed, not the schedule.
          assertScheduleInvariants(after, { ...input, enrollments }, { ignore: ["S7"] });
        },
      ),
      { numRuns: 120 },
    );
  });

  it("takes off a kept session's roster only those a backdated change put outside their enrolment or phase, and reports each (S6, kept-outside-enrolment)", () => {
    fc.assert(
      fc.property(backdatedCase, ({ input, before, day, enrollments, after }) => {
        const past = (s: Schedule): ScheduledSession[] =>
          s.sessions.filter((x) => localDay(input, x) < day);
        const kept = new Map(past(after).map((x) => [x.id, x]));
        const removed = new Set(
          after.shortfalls
            .filter((f) => f.code === "kept-outside-enrolment")
            .map((f) => `${f.message.split(" ")[2]} ${f.participantId}`),
        );
        for (const f of after.shortfalls.filter((x) => x.code === "kept-outside-enrolment"))
          expect(f.invariant).toBe("S6");
        for (const was of past(before)) {
          const now = kept.get(was.id);
          const gone = was.participantIds.filter((id) => !(now?.participantIds ?? []).includes(id));
          // Nothing but the roster changes, and only by taking people off it, each reported.
          if (now !== undefined)
            expect({ ...now, participantIds: was.participantIds }).toEqual(was);
          for (const id of gone) expect(removed).toContain(`${was.id} ${id}`);
          expect(gone.length === was.participantIds.length).toBe(now === undefined);
        }
        expect(kept.size).toBeLessThanOrEqual(past(before).length);
        assertScheduleInvariants(after, { ...input, enrollments }, { ignore: ["S7"] });
      }),
      { numRuns: 120 },
    );
  });

  it("kept and new sessions agree on group ids and rosters: every group session's people are on its group's roster that day", () => {
    fc.assert(
      fc.property(fc.oneof(replanCase, crowdedReplanCase), ({ input, before, after }) => {
        expect(rosterMismatches(input, before)).toEqual([]);
        expect(rosterMismatches(input, after)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it("keeping nothing (before = the window's first day) plans as if there were no keep", () => {
    fc.assert(
      fc.property(schedule({ maxWeeks: 4 }), ({ input, schedule: s }) => {
        expect(
          planSchedule({ ...input, keep: { before: input.from, sessions: s.sessions } }),
        ).toEqual(s);
      }),
      { numRuns: 40 },
    );
  });
});
