/**
 * Drug-test results and how a program reads them (SAMHSA TIP 47 appendix; DOMAIN.md "Drug
 * testing"): a refusal or a missed test may count as positive (a policy flag), a dilute sample is
 * neither, and only a lab-confirmed positive resets the sobriety date.
 */
import * as z from "zod/mini";
import { array, optional } from "../core/zod";
import type { Result } from "../core/errors";
import { InstantSchema, LabelSchema, ParticipantId, SessionId, type Instant } from "../core/index";
import { storedObject, versionFieldAdded, type RecordFormat } from "../core/record-format";
import { customIssue, lazySchema, parseWith, safeParseWith, type Schema } from "../core/schema";
import type { DrugTestPolicy } from "../program/index";

/** What a test gave: `negative`, `positive`, `dilute` (too diluted to read), `refused`, or `missed` (a no-show). */
export const drugTestOutcomes = ["negative", "positive", "dilute", "refused", "missed"] as const;
/** A drug-test outcome: one of {@link drugTestOutcomes}. */
export type DrugTestOutcome = (typeof drugTestOutcomes)[number];
/** The schema of a {@link DrugTestOutcome}. */
export const DrugTestOutcome: Schema<DrugTestOutcome> = /* @__PURE__ */ lazySchema(() =>
  z.enum(drugTestOutcomes),
);

/**
 * The stored format of {@link DrugTestResult}s: 1 (iopkit 0.1.0), 2 (`formatVersion`).
 * @internal
 */
export const drugTestResultFormat = {
  kind: "DrugTestResult",
  version: 2,
  steps: [versionFieldAdded],
  nested: [],
} as const satisfies RecordFormat;

/**
 * One drug test of one participant. `confirmed` marks a positive a laboratory confirmed (a
 * presumptive screen alone leaves it unset); `observed` marks an observed collection (advised after
 * a positive, dilute or tampered result: SAMHSA TIP 47).
 */
export interface DrugTestResult {
  /** The record's format (see the guide "Storing records"). */
  formatVersion: 2;
  /** Whose test. */
  participantId: ParticipantId;
  /** When the sample was collected (or the test was due, for `refused` and `missed`). */
  collectedAt: Instant;
  /** What it gave. */
  result: DrugTestOutcome;
  /** Substances found (a positive only; at most 50), e.g. `["opioids"]`. */
  substances?: string[] | undefined;
  /** A laboratory confirmed the positive. */
  confirmed?: boolean | undefined;
  /** The collection was observed. */
  observed?: boolean | undefined;
  /** The scheduled drug-test session, when there was one. */
  sessionId?: SessionId | undefined;
}

/** A drug-test result as an app writes it (ids as plain strings, `formatVersion` may be left out). */
export interface DrugTestResultInput extends Omit<
  DrugTestResult,
  "formatVersion" | "participantId" | "sessionId"
> {
  /** See {@link DrugTestResult.formatVersion}; a record without it is format 1. */
  formatVersion?: 2 | undefined;
  /** See {@link DrugTestResult.participantId}. */
  participantId: string;
  /** See {@link DrugTestResult.sessionId}. */
  sessionId?: string | undefined;
}

/** The schema of a {@link DrugTestResult}: substances and confirmation go with a positive only. */
export const DrugTestResult: Schema<DrugTestResult, DrugTestResultInput> =
  /* @__PURE__ */ lazySchema(() =>
    storedObject(
      drugTestResultFormat,
      {
        participantId: ParticipantId,
        collectedAt: InstantSchema,
        result: DrugTestOutcome,
        substances: optional(array(LabelSchema).check(z.maxLength(50))),
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
 * ```
 */
export function parseDrugTestResult(input: unknown): DrugTestResult {
  return parseWith(DrugTestResult, "parseDrugTestResult", input);
}

/** Like {@link parseDrugTestResult}, but returns `{ success, data | error }`. */
export function safeParseDrugTestResult(input: unknown): Result<DrugTestResult> {
  return safeParseWith(DrugTestResult, "parseDrugTestResult", input);
}

/** How a result counts: `negative`, `positive`, or `neither` (a dilute sample; a refusal or miss the policy does not count). */
export type DrugTestReading = "negative" | "positive" | "neither";

/**
 * How a result counts under a program's policy: a refusal (a missed test) counts as positive when
 * `refusalCountsAsPositive` (`missedCountsAsPositive`) is set — many programs do (DOMAIN.md "Drug
 * testing"); a dilute sample is neither negative nor positive (it breaks a run of negatives).
 * @example `readDrugTest("refused", program.drugTestPolicy) === "positive"` with the default policy
 */
export function readDrugTest(
  result: DrugTestOutcome,
  policy: Pick<DrugTestPolicy, "refusalCountsAsPositive" | "missedCountsAsPositive">,
): DrugTestReading {
  if (result === "negative" || result === "positive") return result;
  if (result === "refused") return policy.refusalCountsAsPositive ? "positive" : "neither";
  if (result === "missed") return policy.missedCountsAsPositive ? "positive" : "neither";
  return "neither";
}
