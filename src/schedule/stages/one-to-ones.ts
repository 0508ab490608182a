/**
 * Stage 5, one-to-ones: the individual session every N weeks and the other one-to-ones a phase
 * asks of a participant (family therapy, medication management, case management), each placed in
 * its block of weeks around the participant's life and a free staff member.
 * @internal
 */
import { fromEpochDay, isoWeekKeyOfEpochDay, mondayOfEpochDay } from "../../core/calendar";
import { holds, lastOneToOne, typeCode } from "../ledger";
import { placeSolo } from "../placement";
import { oneToOnes, type OneToOne } from "../requirements";
import type { Person, PersonSpan, PlanState } from "../state";
import { LIMIT_NAMES } from "../staffing";

/** "between 2026-03-02 and 2026-03-08": a block's days, for messages. */
function between(blockStart: number, blockEnd: number): string {
  return `between ${fromEpochDay(blockStart)} and ${fromEpochDay(blockEnd - 1)}`;
}

/** Places (or, wholly before `keepDay`, checks) one one-to-one in each block of a phase span. */
function planBlocks(state: PlanState, person: Person, span: PersonSpan, req: OneToOne): void {
  const { clinic, ledger, keepDay } = state;
  const phase = state.program.phases[span.phaseIndex];
  if (phase === undefined) return;
  const code = typeCode(req.type);
  const blockDays = req.everyWeeks * 7;
  for (
    let blockStart = mondayOfEpochDay(span.phaseStart);
    blockStart < span.phaseEnd;
    blockStart += blockDays
  ) {
    const blockEnd = blockStart + blockDays;
    const lo = Math.max(blockStart, span.phaseStart, clinic.windowStart);
    const hi = Math.min(blockEnd, span.phaseEnd, clinic.windowEnd);
    if (lo >= hi) continue;
    // Only blocks wholly inside the phase and the window are judged (S8).
    const judged =
      blockStart >= span.phaseStart &&
      blockEnd <= span.phaseEnd &&
      blockStart >= clinic.windowStart &&
      blockEnd <= clinic.windowEnd;
    if (hi <= keepDay) {
      // Wholly kept: the block is what was held.
      if (judged && !holds(ledger, person.index, code, lo, hi))
        state.shortfalls.push({
          invariant: "S8",
          code: "kept-sessions",
          participantId: person.id,
          isoWeek: isoWeekKeyOfEpochDay(blockStart),
          phaseId: phase.id,
          message: `the kept sessions hold no ${req.type} ${between(blockStart, blockEnd)}`,
        });
      continue;
    }
    // A block that already holds one (the previous phase's, in a week where the phase changes, or
    // a kept one) is met. One-to-ones of a type are placed in date order, so the last one tells.
    if (lastOneToOne(ledger, person.index, code) >= blockStart) continue;
    const failure = placeSolo(
      state,
      person,
      req.type,
      req.minutes,
      Math.max(lo, keepDay),
      hi,
      span.phaseIndex,
    );
    if (failure !== undefined && judged)
      state.shortfalls.push({
        invariant: "S8",
        code: failure,
        participantId: person.id,
        isoWeek: isoWeekKeyOfEpochDay(blockStart),
        phaseId: phase.id,
        message: `no ${req.type} could be placed ${between(blockStart, blockEnd)}: ${failure === "no-participant-slot" ? "no open time fits the participant's other sessions and unavailability" : failure === "no-staff-slot" ? "no staff member of the right role was free when the participant was" : `no staff member of the right role was free within their limits (${LIMIT_NAMES[failure]}) when the participant was`}`,
      });
  }
}

/**
 * Places each person's one-to-ones: for each phase span and each one-to-one the phase asks of
 * them, one in every block of N ISO weeks counted from the ISO week in which the phase starts, on
 * the block's days of that phase (whole ISO weeks keep a week from holding two of the same
 * one-to-one, which the phase's band does not allow for). Responsible for S8, and (through
 * `placeSolo`) for S1, S2, S4 and S9 of what it places; a block it cannot fill is an `"S8"`
 * shortfall (`"no-staff-slot"`, `"no-participant-slot"`, the staff limit that kept the free staff
 * away — `"staff-daily-hours"`, `"staff-weekly-hours"`, `"staff-break"` — or `"kept-sessions"`
 * before `keep.before`).
 * @internal
 */
export function placeOneToOnes(state: PlanState): void {
  for (const person of state.people)
    for (const span of person.spans) {
      const phase = state.program.phases[span.phaseIndex];
      if (phase === undefined) continue;
      for (const req of oneToOnes(phase, person)) planBlocks(state, person, span, req);
    }
}
