/**
 * A measure administration as an app records it — which instrument, when, the answers, and the
 * respondent's sex where the cut-offs need it — validated at the edge and scored with
 * {@link scoreAdministration}.
 */
import * as z from "zod/mini";
import { array, optional } from "../core/zod";
import type { Result } from "../core/errors";
import { IsoDateSchema, type IsoDate } from "../core/index";
import { storedObject, versionFieldAdded, type RecordFormat } from "../core/record-format";
import {
  built,
  customIssue,
  lazySchema,
  parseWith,
  safeParseWith,
  type Schema,
} from "../core/schema";
import { Answer, answerIssues } from "./answers";
import { InstrumentId, Sex, instruments, isInstrumentId } from "./instruments";
import type { MeasureScore } from "./measure-score";
import { scoreAnswers } from "./score-measure";

/**
 * The stored format of {@link MeasureAdministration} records: 1 (iopkit 0.1.0), 2 (`formatVersion`).
 * @internal
 */
export const measureAdministrationFormat = {
  kind: "MeasureAdministration",
  version: 2,
  steps: [versionFieldAdded],
  nested: [],
} as const satisfies RecordFormat;

/**
 * One administration of an instrument, validated: the answers were checked against the
 * instrument's rules (count, types, ranges, skip logic); AUDIT-C has `sex`.
 */
export interface MeasureAdministration {
  /** The record's format (see the guide "Storing records"). */
  formatVersion: 2;
  /** The instrument. */
  instrument: InstrumentId;
  /** The date the instrument was administered. */
  administeredOn: IsoDate;
  /** One answer per item, item 1 first (see `AnswersByInstrument`); at most 100. */
  answers: Answer[];
  /** The respondent's sex; required for AUDIT-C, ignored by the others. */
  sex?: Sex | undefined;
}

/** An administration as an app writes it (`formatVersion` may be left out). */
export interface MeasureAdministrationInput extends Omit<MeasureAdministration, "formatVersion"> {
  /** See {@link MeasureAdministration.formatVersion}; a record without it is format 1. */
  formatVersion?: 2 | undefined;
}

/**
 * The schema of a {@link MeasureAdministration}. The answers are checked against the
 * instrument's rules, with one issue per bad item at `["answers", i]`; AUDIT-C needs `sex`.
 */
export const MeasureAdministration: Schema<MeasureAdministration, MeasureAdministrationInput> =
  /* @__PURE__ */ lazySchema(() => {
    const answer = built(Answer);
    return storedObject(
      measureAdministrationFormat,
      {
        instrument: InstrumentId,
        administeredOn: IsoDateSchema,
        answers: array(Answer).check(z.maxLength(100)),
        sex: optional(Sex),
      },
      (object) =>
        object.check(
          z.superRefine(
            (value, ctx) => {
              // Runs even when other fields failed (so every problem is reported): guard the shape.
              const raw: unknown = value;
              if (typeof raw !== "object" || raw === null) return;
              const record = raw as Record<string, unknown>;
              const id = record["instrument"];
              if (!isInstrumentId(id)) return;
              const def = instruments[id];
              const answers = record["answers"];
              if (Array.isArray(answers) && answers.length <= 100)
                // Items zod already rejected (wrong type) are not reported twice.
                for (const found of answerIssues(
                  def,
                  answers,
                  ["answers"],
                  (v) => !z.safeParse(answer, v).success,
                ))
                  ctx.addIssue(customIssue(found.code, found.message, [...found.path]));
              if (def.scoring.kind === "sum-by-sex" && record["sex"] === undefined)
                ctx.addIssue(
                  customIssue(
                    "sex-required",
                    `${def.shortName} cut-offs depend on sex: give sex "female" or "male"`,
                    ["sex"],
                  ),
                );
            },
            { when: () => true },
          ),
        ),
    );
  });

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
  return parseWith(MeasureAdministration, "parseMeasureAdministration", input);
}

/** Like {@link parseMeasureAdministration}, but returns `{ success, data | error }`. */
export function safeParseMeasureAdministration(input: unknown): Result<MeasureAdministration> {
  return safeParseWith(MeasureAdministration, "parseMeasureAdministration", input);
}

/** Options of {@link scoreAdministration}. */
export interface ScoreAdministrationOptions {
  /**
   * Required when the administration is a DAST-10 (free for non-commercial use only): your
   * acknowledgement that this use is non-commercial. Without it a DAST-10 throws `licence-required`.
   */
  readonly licence?: "non-commercial";
  /**
   * The respondent's age in whole years on the day of the administration: an adult instrument
   * scored for someone younger is flagged `outside-validated-ages` (see `ScoreOptions.ageYears`).
   */
  readonly ageYears?: number;
}

/**
 * Scores a validated administration (from {@link parseMeasureAdministration}): the date and, for
 * AUDIT-C, the sex come from the record. A DAST-10 needs `{ licence: "non-commercial" }`.
 *
 * @example
 * ```ts
 * const score = scoreAdministration(
 *   parseMeasureAdministration({ instrument: "gad-7", administeredOn: "2026-03-09", answers: [1, 1, 2, 1, 0, 1, 0] }),
 * );
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
    ...(options.ageYears === undefined ? {} : { ageYears: options.ageYears }),
  });
}
