/**
 * Stage 7, drug tests: each participant-week gets a random number of tests inside its bounds, on
 * random days the participant is on site, each collected in a free gap with a collector.
 * @internal
 */
import { pure } from "../../core/pure";
import { isoWeekKeyOfEpochDay, mondayOfEpochDay } from "../../core/calendar";
import type { PhaseId } from "../../core/ids";
import { createRng, type Rng } from "../../core/random";
import { isClosedDay } from "../clinic";
import { weekTestDays } from "../drug-tests";
import { holds, onSite, typeCode } from "../ledger";
import { spanOn } from "../path";
import { placeSolo } from "../placement";
import type { ShortfallCode } from "../records";
import type { Person, PlanState } from "../state";
import { fullWeek } from "../weeks";

const DRUG_TEST = /* @__PURE__ */ /* @__PURE__ */ pure(() => typeCode("drug-test"));

/** A week's drug-test bounds (the widest over the phases in force) and its first phase, or undefined when no day of it is enrolled. */
function weekBounds(
  state: PlanState,
  person: Person,
  monday: number,
): { min: number; max: number; phaseId: string | undefined } | undefined {
  let min = Number.POSITIVE_INFINITY;
  let max = 0;
  let phaseId: string | undefined;
  for (let day = monday; day < monday + 7; day++) {
    const span = spanOn(person.spans, day);
    const phase = span === undefined ? undefined : state.program.phases[span.phaseIndex];
    if (phase === undefined) continue;
    min = Math.min(min, phase.drugTestsPerWeek.min);
    max = Math.max(max, phase.drugTestsPerWeek.max);
    phaseId ??= phase.id;
  }
  return min === Number.POSITIVE_INFINITY ? undefined : { min, max, phaseId };
}

/** Reports an S12 shortfall for the person's week. */
function shortWeek(
  state: PlanState,
  person: Person,
  monday: number,
  phaseId: string | undefined,
  code: ShortfallCode,
  message: (isoWeek: string) => string,
): void {
  const isoWeek = isoWeekKeyOfEpochDay(monday);
  state.shortfalls.push({
    invariant: "S12",
    code,
    participantId: person.id,
    isoWeek,
    ...(phaseId === undefined ? {} : { phaseId: phaseId as PhaseId }),
    message: message(isoWeek),
  });
}

/** Plans one person's tests, week by week; `previous` carries the spacing across weeks. */
function testPerson(
  state: PlanState,
  person: Person,
  stream: Rng,
  favoured: (day: number) => boolean,
): void {
  const { program, ledger, keepDay } = state;
  const policy = program.drugTestPolicy;
  const callIn = policy.collectOn === "open-days";
  let previous: number | undefined;
  const firstMonday = mondayOfEpochDay(person.spans[0]?.startDay ?? state.clinic.windowStart);
  const lastDay = person.spans[person.spans.length - 1]?.endDay ?? state.clinic.windowStart;
  for (let monday = firstMonday; monday < lastDay; monday += 7) {
    const bounds = weekBounds(state, person, monday);
    if (bounds === undefined) continue;
    const { min, max, phaseId } = bounds;
    // Kept tests count toward the week; new ones go on on-site days from keepDay.
    let kept = 0;
    for (let day = monday; day < Math.min(monday + 7, keepDay); day++)
      if (holds(ledger, person.index, DRUG_TEST, day, day + 1)) {
        kept += 1;
        previous = day;
      }
    if (max === 0 && kept === 0) continue;
    if (monday + 7 <= keepDay) {
      if ((kept < min || kept > max) && fullWeek(person, monday))
        shortWeek(
          state,
          person,
          monday,
          phaseId,
          "kept-sessions",
          (w) =>
            `the kept sessions hold ${kept} drug test(s) in ${w}, outside the phase's ${min}–${max}`,
        );
      continue;
    }
    // The days a test may fall on: days of another session, or (call-in testing) any open day.
    const onSiteDays: number[] = [];
    for (let day = Math.max(monday, keepDay); day < monday + 7; day++)
      if (
        spanOn(person.spans, day) !== undefined &&
        (callIn ? !isClosedDay(state.clinic, day) : onSite(ledger, person.index, day))
      )
        onSiteDays.push(day);
    const { count, days } = weekTestDays({
      participantStream: stream,
      monday,
      onSiteDays,
      min,
      max,
      kept,
      previous,
      favoured,
      minDaysApart: policy.minDaysApart,
    });
    let placed = kept;
    for (const day of days) {
      if (placed >= kept + count) break;
      const phaseOfDay = spanOn(person.spans, day)?.phaseIndex ?? -1;
      if (
        placeSolo(
          state,
          person,
          "drug-test",
          policy.collectionMinutes,
          day,
          day + 1,
          phaseOfDay,
        ) === undefined
      ) {
        placed += 1;
        previous = day;
      }
    }
    if ((placed >= min && placed <= max) || !fullWeek(person, monday)) continue;
    // Above the maximum only when the kept tests are: a change from keepDay narrowed the week's band.
    const onSiteCount = kept + onSiteDays.length;
    if (placed > max)
      shortWeek(
        state,
        person,
        monday,
        phaseId,
        "kept-sessions",
        (w) =>
          `the kept sessions hold ${kept} drug test(s) in ${w}, more than the phase's maximum of ${max}`,
      );
    else
      shortWeek(
        state,
        person,
        monday,
        phaseId,
        onSiteCount < min ? "too-few-site-days" : "no-collection-slot",
        (w) =>
          `${placed} drug test(s) planned in ${w}, fewer than the phase's minimum of ${min}: ${onSiteCount < min ? `the participant is on site only ${onSiteCount} day(s) that week` : "no collection time was free"}`,
      );
  }
}

/**
 * Plans every person's drug tests (their stream: the seed's stream forked by their id, so nobody
 * else's plan changes theirs). Responsible for S12 — each full week's count inside the bounds of
 * the phases in force, only on days the participant is on site, days drawn at random from the
 * seeded stream (S11) by `weekTestDays` — and, through `placeSolo`, for S1, S2, S4 and S9 of each
 * collection. A week it cannot fill is an `"S12"` shortfall (`"too-few-site-days"`,
 * `"no-collection-slot"`, or `"kept-sessions"`).
 * @internal
 */
export function placeDrugTests(state: PlanState): void {
  const root = createRng(state.input.seed);
  const policy = state.program.drugTestPolicy;
  const favoured = (day: number): boolean =>
    policy.favourDayAfterBreak && isClosedDay(state.clinic, day - 1);
  for (const person of state.people) testPerson(state, person, root.fork(person.id), favoured);
}
