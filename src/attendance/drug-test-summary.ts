/**
 * `drugTestSummary`: each participant's tests read under the program's policy — counts, the
 * current run of negatives, the last positive, the sobriety date, and whether the next collection
 * should be observed.
 */
import { fromEpochDay, toEpochDay, type IsoDate } from "../core/calendar";
import { toEpochMs } from "../core/instant";
import { createZoneClock } from "../core/zone";
import type { Program } from "../program/index";
import { readDrugTest, type DrugTestOutcome, type DrugTestResult } from "./drug-test-result";

/** Options of {@link drugTestSummary}. */
export interface DrugTestSummaryOptions {
  /** The program: its zone (for local dates) and drug-test policy. */
  readonly program: Pick<Program, "timeZone" | "drugTestPolicy">;
  /** Validated results (`parseDrugTestResult`), in any order. */
  readonly results: readonly DrugTestResult[];
  /** Ignore results collected after this local date. */
  readonly asOf?: IsoDate;
}

/** One participant's drug tests, read under the program's policy. */
export interface DrugTestSummary {
  /** Whose tests. */
  readonly participantId: string;
  /** Results counted (collected on or before `asOf`). */
  readonly tests: number;
  /** Results by outcome. */
  readonly byResult: Readonly<Record<DrugTestOutcome, number>>;
  /** Results that count as positive (positives, plus refusals and misses when the policy says so). */
  readonly countedPositive: number;
  /** The most recent results that count as negative, in a row (0 when the latest does not). */
  readonly negativeStreak: number;
  /** Local date of the latest test. */
  readonly lastTestOn: IsoDate;
  /** Local date of the latest result that counts as positive, or `null`. */
  readonly lastPositiveOn: IsoDate | null;
  /**
   * The sobriety date: the local date of the latest **lab-confirmed** positive (the date of last
   * known use), or `null` when there is none among these results (keep the date recorded at
   * intake). Commercial EHRs reset it on a positive (DOMAIN.md "What commercial behavioural-health
   * EHRs offer"); a presumptive screen, a refusal or a miss does not reset it.
   */
  readonly sobrietyDate: IsoDate | null;
  /**
   * The latest result was positive, dilute or refused, so the next collection should be observed
   * (SAMHSA TIP 47: observed collection after a positive, dilute or tampered result).
   */
  readonly observeNextCollection: boolean;
}

interface Dated {
  readonly r: DrugTestResult;
  readonly ms: number;
  readonly day: number;
}

/**
 * Summarises drug tests per participant (sorted by participant id), reading each result with the
 * program's `drugTestPolicy` ({@link readDrugTest}).
 *
 * @example
 * ```ts
 * const [p1] = drugTestSummary({ program, results, asOf: "2026-04-05" });
 * p1?.negativeStreak; // e.g. 3
 * ```
 */
export function drugTestSummary(options: DrugTestSummaryOptions): DrugTestSummary[] {
  const { program, results } = options;
  const clock = createZoneClock(program.timeZone);
  const last = options.asOf === undefined ? Number.POSITIVE_INFINITY : toEpochDay(options.asOf);
  const byParticipant = new Map<string, Dated[]>();
  for (const r of results) {
    const ms = toEpochMs(r.collectedAt);
    const day = clock.localDayOf(ms);
    if (day > last) continue;
    let list = byParticipant.get(r.participantId);
    if (list === undefined) byParticipant.set(r.participantId, (list = []));
    list.push({ r, ms, day });
  }
  const out: DrugTestSummary[] = [];
  for (const id of [...byParticipant.keys()].sort()) {
    const list = (byParticipant.get(id) ?? []).sort((a, b) => a.ms - b.ms);
    const byResult = { negative: 0, positive: 0, dilute: 0, refused: 0, missed: 0 };
    let countedPositive = 0;
    let streak = 0;
    let lastPositive: number | null = null;
    let sobriety: number | null = null;
    for (const { r, day } of list) {
      byResult[r.result] += 1;
      const reading = readDrugTest(r.result, program.drugTestPolicy);
      if (reading === "positive") {
        countedPositive += 1;
        lastPositive = day;
      }
      if (r.result === "positive" && r.confirmed === true) sobriety = day;
      streak = reading === "negative" ? streak + 1 : 0;
    }
    const latest = list[list.length - 1];
    if (latest === undefined) continue;
    out.push({
      participantId: id,
      tests: list.length,
      byResult,
      countedPositive,
      negativeStreak: streak,
      lastTestOn: fromEpochDay(latest.day),
      lastPositiveOn: lastPositive === null ? null : fromEpochDay(lastPositive),
      sobrietyDate: sobriety === null ? null : fromEpochDay(sobriety),
      observeNextCollection:
        latest.r.result === "positive" ||
        latest.r.result === "dilute" ||
        latest.r.result === "refused",
    });
  }
  return out;
}
