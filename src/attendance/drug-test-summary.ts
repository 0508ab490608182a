/**
 * `drugTestSummary`: each participant's tests read under the program's policy — counts, the
 * current run of negatives, the last positive, the last lab-confirmed positive for an unexpected
 * substance, expected (prescribed) substances found and missing, and whether the next collection
 * should be observed.
 */
import { pure } from "../core/pure";
import { fromEpochDay, toEpochDay, type IsoDate } from "../core/calendar";
import { toEpochMs } from "../core/instant";
import { createZoneClock } from "../core/zone";
import type { Program } from "../program/index";
import {
  drugTestFindings,
  drugTestOutcomes,
  readDrugTest,
  type DrugTestOutcome,
  type DrugTestResult,
} from "./drug-test-result";

/** Options of {@link drugTestSummary}. */
export interface DrugTestSummaryOptions {
  /** The program: its zone (for local dates) and drug-test policy. */
  readonly program: Pick<Program, "timeZone" | "drugTestPolicy">;
  /** Validated results (`parseDrugTestResult`), in any order. */
  readonly results: readonly DrugTestResult[];
  /** Ignore results collected after this local date. */
  readonly asOf?: IsoDate;
}

/** A test that did not find a substance the participant was prescribed. */
export interface ExpectedAbsence {
  /** Local date of the test. */
  readonly on: IsoDate;
  /** The expected substances it did not find. */
  readonly substances: readonly string[];
}

/** One participant's drug tests, read under the program's policy. */
export interface DrugTestSummary {
  /** Whose tests. */
  readonly participantId: string;
  /** Results counted (collected on or before `asOf`). */
  readonly tests: number;
  /** Results by outcome. */
  readonly byResult: Readonly<Record<DrugTestOutcome, number>>;
  /**
   * Results that count as positive: positives with an unexpected substance, plus refusals, misses
   * and tampered or invalid specimens when the policy says so (`readDrugTest`).
   */
  readonly countedPositive: number;
  /**
   * Positives that found only expected (prescribed) substances: counted as negative, not positive.
   */
  readonly expectedPositives: number;
  /** The most recent results that count as negative, in a row (0 when the latest does not). */
  readonly negativeStreak: number;
  /** Local date of the latest test. */
  readonly lastTestOn: IsoDate;
  /** Local date of the latest result that counts as positive, or `null`. */
  readonly lastPositiveOn: IsoDate | null;
  /**
   * Local date of the latest **lab-confirmed** positive for an **unexpected** substance, or `null`
   * when there is none among these results. It is a test date, not a date of last use: a
   * substance is detected days after it was used, and use between tests goes unseen. A
   * presumptive screen, an expected (prescribed) substance, a refusal or a miss does not set it.
   */
  readonly lastConfirmedPositiveOn: IsoDate | null;
  /** Results that did not find an expected substance (see {@link DrugTestSummary.lastExpectedAbsence}). */
  readonly expectedAbsences: number;
  /**
   * The latest result that did not find a substance the participant was prescribed: the result to
   * review (adherence or diversion; `jarvis-2017-asam-drug-testing`), or `null`.
   */
  readonly lastExpectedAbsence: ExpectedAbsence | null;
  /**
   * The latest result was a positive for an unexpected substance, or a dilute, adulterated,
   * substituted, invalid or refused specimen, so the next collection should be observed
   * (unverified: common program practice; an expected positive does not call for it).
   */
  readonly observeNextCollection: boolean;
}

interface Dated {
  readonly r: DrugTestResult;
  readonly ms: number;
  readonly day: number;
}

/** Outcomes after which the next collection is observed (besides an unexpected positive). */
const OBSERVE_AFTER: ReadonlySet<DrugTestOutcome> = /* @__PURE__ */ pure(
  () => new Set(["dilute", "adulterated", "substituted", "invalid", "refused"]),
);

/**
 * Summarises drug tests per participant (sorted by participant id), reading each result with the
 * program's `drugTestPolicy` ({@link readDrugTest}) and its expected substances
 * ({@link drugTestFindings}).
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
    const byResult = Object.fromEntries(drugTestOutcomes.map((o) => [o, 0])) as Record<
      DrugTestOutcome,
      number
    >;
    let countedPositive = 0;
    let expectedPositives = 0;
    let streak = 0;
    let lastPositive: number | null = null;
    let confirmed: number | null = null;
    let absences = 0;
    let lastAbsence: ExpectedAbsence | null = null;
    let observe = false;
    for (const { r, day } of list) {
      byResult[r.result] += 1;
      const reading = readDrugTest(r, program.drugTestPolicy);
      const findings = drugTestFindings(r);
      if (reading === "positive") {
        countedPositive += 1;
        lastPositive = day;
      }
      if (r.result === "positive" && reading === "negative") expectedPositives += 1;
      if (r.result === "positive" && r.confirmed === true && reading === "positive")
        confirmed = day;
      if (findings.expectedAbsent.length > 0) {
        absences += 1;
        lastAbsence = { on: fromEpochDay(day), substances: findings.expectedAbsent };
      }
      streak = reading === "negative" ? streak + 1 : 0;
      observe = (r.result === "positive" && reading === "positive") || OBSERVE_AFTER.has(r.result);
    }
    const latest = list[list.length - 1];
    if (latest === undefined) continue;
    out.push({
      participantId: id,
      tests: list.length,
      byResult,
      countedPositive,
      expectedPositives,
      negativeStreak: streak,
      lastTestOn: fromEpochDay(latest.day),
      lastPositiveOn: lastPositive === null ? null : fromEpochDay(lastPositive),
      lastConfirmedPositiveOn: confirmed === null ? null : fromEpochDay(confirmed),
      expectedAbsences: absences,
      lastExpectedAbsence: lastAbsence,
      observeNextCollection: observe,
    });
  }
  return out;
}
