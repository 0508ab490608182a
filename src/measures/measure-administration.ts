/**
 * A measure administration as an app records it — which instrument, when, the answers, and the
 * respondent's sex where the cut-offs need it — validated at the edge and scored with
 * {@link scoreAdministration}.
 */
import { pure } from "../core/pure";
import { z } from "zod";
import { parserFor, type Result } from "../core/errors";
import { IsoDateSchema } from "../core/index";
import { Answer, answerIssues } from "./answers";
import { InstrumentId, Sex, instruments } from "./instruments";
import type { MeasureScore } from "./measure-score";
import { scoreAnswers } from "./score-measure";

/**
 * One administration of an instrument. The answers are checked against the instrument's rules
 * (count, types, ranges, skip logic), with one issue per bad item at `["answers", i]`; AUDIT-C
 * needs `sex`.
 */
export const MeasureAdministration = /* @__PURE__ */ pure(() =>
  z
    .strictObject({
      instrument: InstrumentId,
      /** The date the instrument was administered. */
      administeredOn: IsoDateSchema,
      /** One answer per item, item 1 first (see `AnswersByInstrument`). */
      answers: z.array(Answer).max(100),
      /** The respondent's sex; required for AUDIT-C, ignored by the others. */
      sex: Sex.optional(),
    })
    .superRefine(
      (value, ctx) => {
        // Runs even when other fields failed (so every problem is reported): guard the shape.
        const raw: unknown = value;
        if (typeof raw !== "object" || raw === null) return;
        const record = raw as Record<string, unknown>;
        const id = InstrumentId.safeParse(record["instrument"]);
        if (!id.success) return;
        const def = instruments[id.data];
        const answers = record["answers"];
        if (Array.isArray(answers) && answers.length <= 100)
          // Items zod already rejected (wrong type) are not reported twice.
          for (const issue of answerIssues(
            def,
            answers,
            ["answers"],
            (v) => !Answer.safeParse(v).success,
          ))
            ctx.addIssue({
              code: "custom",
              message: issue.message,
              path: [...issue.path],
              params: { code: issue.code },
            });
        if (def.scoring.kind === "sum-by-sex" && record["sex"] === undefined)
          ctx.addIssue({
            code: "custom",
            message: `${def.shortName} cut-offs depend on sex: give sex "female" or "male"`,
            path: ["sex"],
            params: { code: "sex-required" },
          });
      },
      { when: () => true },
    ),
);
/** A validated administration. */
export type MeasureAdministration = z.infer<typeof MeasureAdministration>;

const parser = /* @__PURE__ */ pure(() =>
  parserFor(MeasureAdministration, "parseMeasureAdministration"),
);

/**
 * Validates an administration from any input (a form, JSON, a stored record). Throws
 * {@link core!IopError | IopError} listing every problem: unknown instrument, bad date, and one
 * issue per bad item (`["answers", 8]` is item 9) — wrong count, wrong type, not an integer, out
 * of range, skipped when it may not be.
 *
 * @example
 * ```ts
 * const a = parseMeasureAdministration({
 *   instrument: "phq-9",
 *   administeredOn: "2026-03-09",
 *   answers: [1, 1, 1, 1, 1, 1, 1, 1, 0],
 * });
 * ```
 */
export function parseMeasureAdministration(input: unknown): MeasureAdministration {
  return parser.parse(input);
}

/** Like {@link parseMeasureAdministration}, but returns `{ success, data | error }`. */
export function safeParseMeasureAdministration(input: unknown): Result<MeasureAdministration> {
  return parser.safeParse(input);
}

/** Options of {@link scoreAdministration}. */
export interface ScoreAdministrationOptions {
  /**
   * Required when the administration is a DAST-10 (free for non-commercial use only): your
   * acknowledgement that this use is non-commercial. Without it a DAST-10 throws `licence-required`.
   */
  readonly licence?: "non-commercial";
}

/**
 * Scores a validated administration (from {@link parseMeasureAdministration}): the date and, for
 * AUDIT-C, the sex come from the record. A DAST-10 needs `{ licence: "non-commercial" }`.
 *
 * @example
 * ```ts
 * const score = scoreAdministration(parseMeasureAdministration(input));
 * ```
 */
export function scoreAdministration(
  administration: MeasureAdministration,
  options: ScoreAdministrationOptions = {},
): MeasureScore {
  return scoreAnswers("scoreAdministration", administration.instrument, administration.answers, {
    administeredOn: administration.administeredOn,
    ...(administration.sex === undefined ? {} : { sex: administration.sex }),
    ...(options.licence === undefined ? {} : { licence: options.licence }),
  });
}
