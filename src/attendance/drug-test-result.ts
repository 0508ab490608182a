/**
 * Drug-test results and how a program reads them (SAMHSA TIP 47 appendix; DOMAIN.md "Drug
 * testing"): a refusal or a missed test may count as positive (a policy flag), a dilute sample is
 * neither, and only a lab-confirmed positive resets the sobriety date.
 */
import { pure } from "../core/pure";
import { z } from "zod";
import { parserFor, type Result } from "../core/errors";
import { InstantSchema, LabelSchema, ParticipantId, SessionId } from "../core/index";
import type { DrugTestPolicy } from "../program/index";

/** What a test gave: `negative`, `positive`, `dilute` (too diluted to read), `refused`, or `missed` (a no-show). */
export const DrugTestOutcome = /* @__PURE__ */ pure(() =>
  z.enum(["negative", "positive", "dilute", "refused", "missed"]),
);
/** A drug-test outcome. */
export type DrugTestOutcome = z.infer<typeof DrugTestOutcome>;

/**
 * One drug test of one participant. `confirmed` marks a positive a laboratory confirmed (a
 * presumptive screen alone leaves it unset); `observed` marks an observed collection (advised after
 * a positive, dilute or tampered result: SAMHSA TIP 47).
 */
export const DrugTestResult = /* @__PURE__ */ pure(() =>
  z
    .strictObject({
      participantId: ParticipantId,
      /** When the sample was collected (or the test was due, for `refused` and `missed`). */
      collectedAt: InstantSchema,
      result: DrugTestOutcome,
      /** Substances found (a positive only), e.g. `["opioids"]`. */
      substances: z.array(LabelSchema).max(50).optional(),
      /** A laboratory confirmed the positive. */
      confirmed: z.boolean().optional(),
      /** The collection was observed. */
      observed: z.boolean().optional(),
      /** The scheduled drug-test session, when there was one. */
      sessionId: SessionId.optional(),
    })
    .superRefine((r, ctx) => {
      if (r.result !== "positive" && r.substances !== undefined && r.substances.length > 0)
        ctx.addIssue({
          code: "custom",
          path: ["substances"],
          message: `substances are recorded on a positive result, not on ${r.result}`,
          params: { code: "substances-without-positive" },
        });
      if (r.result !== "positive" && r.confirmed === true)
        ctx.addIssue({
          code: "custom",
          path: ["confirmed"],
          message: `only a positive result is confirmed, not ${r.result}`,
          params: { code: "confirmed-not-positive" },
        });
    }),
);
/** A drug-test result. */
export type DrugTestResult = z.infer<typeof DrugTestResult>;

const parser = /* @__PURE__ */ pure(() => parserFor(DrugTestResult, "parseDrugTestResult"));

/**
 * Validates a drug-test result from any input; throws {@link core!IopError | IopError} listing
 * every problem.
 * @example
 * ```ts
 * parseDrugTestResult({ participantId: "p-1", collectedAt: "2026-03-10T09:05:00-04:00", result: "negative" });
 * ```
 */
export function parseDrugTestResult(input: unknown): DrugTestResult {
  return parser.parse(input);
}

/** Like {@link parseDrugTestResult}, but returns `{ success, data | error }`. */
export function safeParseDrugTestResult(input: unknown): Result<DrugTestResult> {
  return parser.safeParse(input);
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
