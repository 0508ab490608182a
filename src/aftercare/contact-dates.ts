/**
 * Dated contacts on the program's calendar: open days (an operating weekday that is not a
 * closure), the check-in cadence that thins out, and outreach attempts. Integer epoch days
 * throughout; calendar days in the program's zone, so DST never moves a date.
 * @internal
 */
import { misuse } from "../core/errors";
import { fromEpochDay, toEpochDay, weekdayOfEpochDay } from "../core/calendar";
import type { CheckInStage, Program } from "../program/index";
import type { ScheduledContact } from "./aftercare-plan";

/** The first open day on or after an epoch day. @internal */
export type NextOpenDay = (epochDay: number) => number;

/**
 * The program's open days: operating weekdays that are not closures. Throws `IopError`
 * (`no-open-day`) for a program that never opens (only a hand-made program can: `defineProgram`
 * requires an operating window).
 * @internal
 */
export function openDays(
  program: Pick<Program, "operatingHours" | "closures">,
  context: string,
): NextOpenDay {
  const weekdays = new Set<number>(program.operatingHours.map((w) => w.weekday));
  const closed = new Set<number>(program.closures.map(toEpochDay));
  // Past 7 × (closures + 1) days in a row, no day can be open.
  const bound = 7 * (closed.size + 1);
  return (start) => {
    for (let d = start; d <= start + bound; d++)
      if (weekdays.has(weekdayOfEpochDay(d)) && !closed.has(d)) return d;
    return misuse(context, "no-open-day", "the program has no open day: no operating hours");
  };
}

function contact(from: number, due: number, nominal: number): ScheduledContact {
  return {
    due: fromEpochDay(due),
    day: due - from,
    ...(due === nominal ? {} : { movedFrom: fromEpochDay(nominal) }),
  };
}

/**
 * Check-in dates from the first day of aftercare (`from`, day 0) by a cadence of stages:
 *
 * 1. The next check-in's nominal day is the previous check-in's **actual** day (day 0 for the
 *    first) plus the gap: the stage's `everyDays`, or the last gap between two check-ins when that
 *    was longer (a check-in pushed later by a closure widens the rhythm until a stage with a longer
 *    interval takes over).
 * 2. A stage ends when the nominal day would pass its `untilDay`; the next stage takes over from
 *    the same previous check-in. The plan ends after the last stage.
 * 3. A nominal day that is not open (a closure, or a weekday the clinic does not operate) moves
 *    forward to the next open day; `movedFrom` keeps the nominal date.
 *
 * So dates strictly increase and the gaps between check-ins never shrink, whatever the closures:
 * each gap is at least the gap before it. Stages must thin out (`AftercarePolicy` checks it).
 * @internal
 */
export function checkInDates(
  from: number,
  stages: readonly CheckInStage[],
  nextOpen: NextOpenDay,
): ScheduledContact[] {
  const out: ScheduledContact[] = [];
  let stage = 0;
  let previous = from;
  let lastGap = 0;
  while (stage < stages.length) {
    const s = stages[stage];
    if (s === undefined) break;
    const nominal = previous + Math.max(s.everyDays, lastGap);
    if (nominal - from > s.untilDay) {
      stage += 1;
      continue;
    }
    const due = nextOpen(nominal);
    out.push(contact(from, due, nominal));
    // The gap from day 0 to the first check-in is not a gap between check-ins.
    if (out.length > 1) lastGap = due - previous;
    previous = due;
  }
  return out;
}

/**
 * Outreach attempts on the given days of aftercare (strictly increasing), each moved forward to an
 * open day and kept after the one before.
 * @internal
 */
export function attemptDates(
  from: number,
  days: readonly number[],
  nextOpen: NextOpenDay,
): ScheduledContact[] {
  const out: ScheduledContact[] = [];
  let previous = Number.NEGATIVE_INFINITY;
  for (const d of days) {
    const nominal = from + d;
    const due = nextOpen(Math.max(nominal, previous + 1));
    out.push(contact(from, due, nominal));
    previous = due;
  }
  return out;
}
