/**
 * Drug-test results and how a program reads them. Testing follows SAMHSA TIP 47 (2006), Appendix B
 * (registry id `samhsa-tip-47`), and monitors adherence to prescribed medication
 * (`jarvis-2017-asam-drug-testing`): a substance the participant is prescribed (buprenorphine or
 * methadone for opioid use disorder, a prescribed benzodiazepine or stimulant) is **expected** —
 * finding it is not a positive, and its **absence** is the result to review. Specimen outcomes
 * follow the federal workplace terms (`hhs-mandatory-guidelines-urine-2017`): dilute, adulterated,
 * substituted and invalid are none of them a negative. Whether a refusal, a miss or a tampered
 * specimen counts as positive is the program's policy (unverified: a program choice, not a
 * standard).
 */
import * as z from "zod/mini";
import { _default, array, optional } from "../core/zod";
import type { Result } from "../core/errors";
import { InstantSchema, LabelSchema, ParticipantId, SessionId, type Instant } from "../core/index";
import { storedObject, versionFieldAdded, type RecordFormat } from "../core/record-format";
import { customIssue, lazySchema, parseWith, safeParseWith, type Schema } from "../core/schema";
import type { DrugTestPolicy } from "../program/index";

/**
 * What a test gave: `negative`, `positive` (a substance found: see
 * {@link DrugTestResult.substances} and {@link DrugTestResult.expected}), `dilute` (creatinine
 * and specific gravity lower than expected), `adulterated` (a substance not normally in urine, or
 * a normal one at an abnormal concentration), `substituted` (not consistent with human urine),
 * `invalid` (the laboratory could establish no other result), `refused`, or `missed` (a no-show).
 * The specimen terms are those of the HHS Mandatory Guidelines (`hhs-mandatory-guidelines-urine-2017`).
 */
export const drugTestOutcomes = [
  "negative",
  "positive",
  "dilute",
  "adulterated",
  "substituted",
  "invalid",
  "refused",
  "missed",
] as const;
/** A drug-test outcome: one of {@link drugTestOutcomes}. */
export type DrugTestOutcome = (typeof drugTestOutcomes)[number];
/** The schema of a {@link DrugTestOutcome}. */
export const DrugTestOutcome: Schema<DrugTestOutcome> = /* @__PURE__ */ lazySchema(() =>
  z.enum(drugTestOutcomes),
);

/**
 * The stored format of {@link DrugTestResult}s: 1 (iopkit 0.1.0), 2 (`formatVersion`), 3
 * (`expected`: what the participant was prescribed).
 * @internal
 */
export const drugTestResultFormat = {
  kind: "DrugTestResult",
  version: 3,
  steps: [
    versionFieldAdded,
    {
      from: 2,
      change:
        "expected added: the substances the participant was prescribed, which a test finds without it being a positive; format 2 counted every substance found as a positive, so an older record expected none",
      upgrade: (record, report) => {
        // A record written without formatVersion reads as format 1; one that already says what
        // was expected keeps it.
        if (record["expected"] !== undefined) return record;
        const expected: string[] = [];
        report({
          change: "filled",
          path: ["expected"],
          message:
            "expected filled with [] (no substance expected): format 2 counted every substance found as a positive; if the participant was on a prescribed medication the test detects, record it here",
          value: expected,
        });
        return { ...record, expected };
      },
    },
  ],
  nested: [],
} as const satisfies RecordFormat;

/**
 * One drug test of one participant. `confirmed` marks a positive a laboratory confirmed (a
 * presumptive screen alone leaves it unset); `observed` marks an observed collection (programs
 * observe the collection after a positive, dilute or tampered result; unverified: program
 * practice).
 */
export interface DrugTestResult {
  /** The record's format (see the guide "Storing records"). */
  formatVersion: 3;
  /** Whose test. */
  participantId: ParticipantId;
  /** When the sample was collected (or the test was due, for `refused` and `missed`). */
  collectedAt: Instant;
  /** What it gave. */
  result: DrugTestOutcome;
  /**
   * Substances found (a positive only; at most 50), e.g. `["opioids"]`, including expected ones
   * (`["buprenorphine"]` for a participant on buprenorphine).
   */
  substances?: string[] | undefined;
  /**
   * The substances the participant was prescribed when the sample was collected **and this test
   * detects** (at most 50), e.g. `["buprenorphine"]` or `["methadone"]` on medication for opioid
   * use disorder, `["benzodiazepines"]` on a prescribed benzodiazepine; `[]` when none. List only
   * what the panel tests for: naltrexone, for instance, is not detected by a drug screen, and a
   * standard immunoassay may not detect buprenorphine. Finding only these is an expected result,
   * not a positive; a negative or positive result without one of them is the finding to review
   * (adherence or diversion; `jarvis-2017-asam-drug-testing`). Compared without regard to case.
   * @defaultValue `[]`
   */
  expected: string[];
  /** A laboratory confirmed the positive. */
  confirmed?: boolean | undefined;
  /** The collection was observed. */
  observed?: boolean | undefined;
  /** The scheduled drug-test session, when there was one. */
  sessionId?: SessionId | undefined;
}

/** A drug-test result as an app writes it (ids as plain strings, `formatVersion` and `expected` may be left out). */
export interface DrugTestResultInput extends Omit<
  DrugTestResult,
  "formatVersion" | "participantId" | "sessionId" | "expected"
> {
  /** See {@link DrugTestResult.formatVersion}; a record without it is format 1. */
  formatVersion?: 3 | undefined;
  /** See {@link DrugTestResult.participantId}. */
  participantId: string;
  /** See {@link DrugTestResult.sessionId}. */
  sessionId?: string | undefined;
  /** See {@link DrugTestResult.expected}. @defaultValue `[]` */
  expected?: string[] | undefined;
}

/**
 * The schema of a {@link DrugTestResult}: substances and confirmation go with a positive only; a
 * positive of a participant with expected substances names what it found.
 */
export const DrugTestResult: Schema<DrugTestResult, DrugTestResultInput> =
  /* @__PURE__ */ lazySchema(() =>
    storedObject(
      drugTestResultFormat,
      {
        participantId: ParticipantId,
        collectedAt: InstantSchema,
        result: DrugTestOutcome,
        substances: optional(array(LabelSchema).check(z.maxLength(50))),
        expected: _default(array(LabelSchema).check(z.maxLength(50)), () => []),
        confirmed: optional(z.boolean()),
        observed: optional(z.boolean()),
        sessionId: optional(SessionId),
      },
      (object) =>
        object.check(
          z.superRefine((r, ctx) => {
            if (r.result !== "positive" && r.substances !== undefined && r.substances.length > 0)
              ctx.addIssue(
                customIssue(
                  "substances-without-positive",
                  `substances are recorded on a positive result, not on ${r.result}`,
                  ["substances"],
                ),
              );
            if (r.result !== "positive" && r.confirmed === true)
              ctx.addIssue(
                customIssue(
                  "confirmed-not-positive",
                  `only a positive result is confirmed, not ${r.result}`,
                  ["confirmed"],
                ),
              );
            if (
              r.result === "positive" &&
              r.expected.length > 0 &&
              (r.substances === undefined || r.substances.length === 0)
            )
              ctx.addIssue(
                customIssue(
                  "positive-without-substances",
                  `a positive of a participant expected to test positive for ${r.expected.join(", ")} must name the substances found, so an expected result is told from a positive`,
                  ["substances"],
                ),
              );
          }),
        ),
    ),
  );

/**
 * Validates a drug-test result from any input; throws {@link core!IopError | IopError} listing
 * every problem.
 * @example
 * ```ts
 * parseDrugTestResult({ participantId: "p-1", collectedAt: "2026-03-10T09:05:00-04:00", result: "negative" });
 * // A participant on buprenorphine whose test finds only buprenorphine: expected, not a positive.
 * parseDrugTestResult({
 *   participantId: "p-2", collectedAt: "2026-03-10T09:05:00-04:00",
 *   result: "positive", substances: ["buprenorphine"], expected: ["buprenorphine"],
 * });
 * ```
 */
export function parseDrugTestResult(input: unknown): DrugTestResult {
  return parseWith(DrugTestResult, "parseDrugTestResult", input);
}

/** Like {@link parseDrugTestResult}, but returns `{ success, data | error }`. */
export function safeParseDrugTestResult(input: unknown): Result<DrugTestResult> {
  return safeParseWith(DrugTestResult, "parseDrugTestResult", input);
}

/** What a result found, set against what was expected ({@link drugTestFindings}). */
export interface DrugTestFindings {
  /** Substances found that were not expected: what makes a positive a positive. */
  readonly unexpected: readonly string[];
  /** Expected substances found (adherence as prescribed). */
  readonly expectedFound: readonly string[];
  /**
   * Expected substances the test did not find, on a negative or positive result (a specimen that
   * could not be read says nothing): the clinically notable result (non-adherence or diversion).
   */
  readonly expectedAbsent: readonly string[];
}

const norm = (s: string): string => s.trim().toLowerCase();

/**
 * Sets a result's substances against its expected ones (compared without regard to case).
 * @example
 * ```ts
 * drugTestFindings({ result: "negative", expected: ["methadone"] });
 * // → { unexpected: [], expectedFound: [], expectedAbsent: ["methadone"] }
 * ```
 */
export function drugTestFindings(
  r: Pick<DrugTestResult, "result" | "substances"> & {
    readonly expected?: readonly string[] | undefined;
  },
): DrugTestFindings {
  const expected = r.expected ?? [];
  const found = r.result === "positive" ? (r.substances ?? []) : [];
  const expectedSet = new Set(expected.map(norm));
  const foundSet = new Set(found.map(norm));
  const read = r.result === "positive" || r.result === "negative";
  return {
    unexpected: found.filter((s) => !expectedSet.has(norm(s))),
    expectedFound: found.filter((s) => expectedSet.has(norm(s))),
    expectedAbsent: read ? expected.filter((s) => !foundSet.has(norm(s))) : [],
  };
}

/**
 * How a result counts: `negative`, `positive`, or `neither` (a specimen that could not be read as
 * either; a refusal or miss the policy does not count).
 */
export type DrugTestReading = "negative" | "positive" | "neither";

/** The policy fields {@link readDrugTest} reads. */
export type DrugTestReadingPolicy = Pick<
  DrugTestPolicy,
  "refusalCountsAsPositive" | "missedCountsAsPositive"
> &
  Partial<Pick<DrugTestPolicy, "tamperedCountsAsPositive" | "invalidCountsAsPositive">>;

/**
 * How a result counts under a program's policy:
 * - a positive whose substances are all expected ({@link DrugTestResult.expected}) counts as
 *   **negative** (an expected result; a missing expected substance is flagged by
 *   {@link drugTestFindings}, not counted); a positive with an unexpected substance, or that names
 *   none, counts as positive;
 * - a refusal (a miss) counts as positive when `refusalCountsAsPositive` (`missedCountsAsPositive`)
 *   is set;
 * - an adulterated or substituted specimen counts as positive when `tamperedCountsAsPositive` is
 *   set (the default), an invalid one when `invalidCountsAsPositive` is set (default: not);
 * - otherwise, and always for a dilute sample, `neither` (it breaks a run of negatives).
 * Every one of these policy choices is the program's (unverified: no standard sets them).
 * @example `readDrugTest("refused", program.drugTestPolicy) === "positive"` with the default policy
 */
export function readDrugTest(
  result:
    | DrugTestOutcome
    | (Pick<DrugTestResult, "result" | "substances"> & {
        readonly expected?: readonly string[] | undefined;
      }),
  policy: DrugTestReadingPolicy,
): DrugTestReading {
  const r = typeof result === "string" ? { result } : result;
  switch (r.result) {
    case "negative":
      return "negative";
    case "positive": {
      const found = r.substances ?? [];
      if (found.length === 0) return "positive";
      return drugTestFindings(r).unexpected.length > 0 ? "positive" : "negative";
    }
    case "refused":
      return policy.refusalCountsAsPositive ? "positive" : "neither";
    case "missed":
      return policy.missedCountsAsPositive ? "positive" : "neither";
    case "adulterated":
    case "substituted":
      return (policy.tamperedCountsAsPositive ?? true) ? "positive" : "neither";
    case "invalid":
      return policy.invalidCountsAsPositive === true ? "positive" : "neither";
    case "dilute":
      return "neither";
  }
}
