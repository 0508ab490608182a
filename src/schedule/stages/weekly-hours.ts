/**
 * Stage 8, weekly hours: every full week of each person's enrolment is judged against the hours
 * band of the phases in force, and anyone left without a single session is reported.
 * @internal
 */
import { fromEpochDay, isoWeekKeyOfEpochDay, mondayOfEpochDay } from "../../core/calendar";
import { hasAnySession, lostToClosure, weekHours } from "../ledger";
import { spanOn } from "../path";
import type { Person, PlanState } from "../state";
import { boundsText } from "../check";
import { fullWeek, weekBand } from "../weeks";

const CAUSE: Record<string, string> = {
  closure: ": sessions lost to a closure could not be made up that week",
  "phase-change-week": ": the phase changes mid-week",
  "kept-sessions": ": as the kept sessions hold it",
};

/** Reports each full week of the person's enrolment whose clinical hours lie outside its band (S5). */
function judgeWeeks(state: PlanState, person: Person): void {
  const { program, clinic, ledger } = state;
  const firstMonday = mondayOfEpochDay(person.spans[0]?.startDay ?? clinic.windowStart);
  const lastDay = person.spans[person.spans.length - 1]?.endDay ?? clinic.windowStart;
  for (let monday = firstMonday; monday + 7 <= lastDay; monday += 7) {
    if (!fullWeek(person, monday)) continue;
    const hours = weekHours(ledger, person.index, monday);
    const band = weekBand(program, person, monday);
    if (hours >= band.min - 1e-9 && hours <= band.max + 1e-9) continue;
    const code =
      monday + 7 <= state.keepDay
        ? "kept-sessions"
        : band.phaseChange
          ? "phase-change-week"
          : hours > band.max
            ? "above-band"
            : lostToClosure(ledger, person.index, monday)
              ? "closure"
              : "below-band";
    const phaseId = program.phases[spanOn(person.spans, monday)?.phaseIndex ?? -1]?.id;
    const isoWeek = isoWeekKeyOfEpochDay(monday);
    state.shortfalls.push({
      invariant: "S5",
      code,
      participantId: person.id,
      isoWeek,
      ...(phaseId === undefined ? {} : { phaseId: phaseId }),
      message: `${Math.round(hours * 100) / 100} clinical h in ${isoWeek}, outside ${boundsText(band.min, band.max)} h${CAUSE[code] ?? ""}`,
    });
  }
}

/**
 * Judges every person's weeks. Responsible for reporting S5 (each full week's clinical hours
 * inside the band of the phase in force, or the wider of two in a week where it changes): a week
 * outside it is an `"S5"` shortfall with its cause (`"closure"`, `"phase-change-week"`,
 * `"above-band"`, `"below-band"`, `"kept-sessions"`). And for S13: someone enrolled in the window
 * whose days there hold no session is put in `state.unschedulable` (`"no-sessions-in-window"`).
 * @internal
 */
export function judgeWeeklyHours(state: PlanState): void {
  for (const person of state.people) judgeWeeks(state, person);
  for (const person of state.people) {
    if (hasAnySession(state.ledger, person.index)) continue;
    const from = fromEpochDay(person.spans[0]?.startDay ?? state.clinic.windowStart);
    const to = fromEpochDay(
      (person.spans[person.spans.length - 1]?.endDay ?? state.clinic.windowStart) - 1,
    );
    state.unschedulable.push({
      participantId: person.id,
      code: "no-sessions-in-window",
      message: `enrolled ${from} to ${to} in this window, but no session of their phases falls on an open day then`,
    });
  }
}
