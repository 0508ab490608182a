/**
 * Scoring: answers in, a {@link MeasureScore} out — item points (with reverse scoring), the total
 * or BAM composites, the band, and flags. Everything is read from {@link instruments}; bad answers
 * throw one {@link core!IopError | IopError} naming every bad item.
 */
import { IopError, guardEntry, type IopIssue } from "../core/errors";
import { isIsoDate, type IsoDate } from "../core/index";
import type { Answer, BamAnswer } from "./answers";
import { answerIssues } from "./answers";
import {
  citationIds,
  instrumentIds,
  instruments,
  isInstrumentId,
  type InstrumentId,
  type Sex,
  type BandDefinition,
  type InstrumentDefinition,
  type ItemDefinition,
} from "./instruments";
import type {
  BamScore,
  CompositeScore,
  MeasureScore,
  ScoreBand,
  ScoreFlag,
  TotalScore,
} from "./measure-score";

/** Options every scoring function takes. */
export interface ScoreOptions {
  /** When the instrument was administered; copied to the result. Must be a real `YYYY-MM-DD` date. */
  readonly administeredOn?: IsoDate;
  /**
   * The respondent's age in whole years when the instrument was administered (0–130). An adult
   * instrument (AUDIT-C, DAST-10, BAM: validated from 18; see `instruments[id].ages`) scored for a
   * younger respondent gets the flag `outside-validated-ages`, which names the source and an
   * adolescent alternative. Leave it out when unknown: then nothing is flagged.
   */
  readonly ageYears?: number;
}

/** Options of {@link scoreAuditC}: the cut-off depends on sex (men ≥ 4, women ≥ 3). */
export interface AuditCOptions extends ScoreOptions {
  /** The respondent's sex, which picks the cut-off (hl7-us-core-7; bradley-2003-audit-c-women). */
  readonly sex: Sex;
}

/**
 * Options of {@link scoreDast10}. The DAST-10 is free for **non-commercial use only**; passing
 * `licence: "non-commercial"` states that your use is non-commercial. Commercial use needs
 * permission from the copyright holder.
 */
export interface Dast10Options extends ScoreOptions {
  /** Your acknowledgement that this use of the DAST-10 is non-commercial. Required. */
  readonly licence: "non-commercial";
}

/** The options {@link scoreMeasure} takes for each instrument. */
export interface ScoreOptionsByInstrument {
  /** PHQ-9. */
  "phq-9": ScoreOptions;
  /** GAD-7. */
  "gad-7": ScoreOptions;
  /** AUDIT-C: `sex` is required. */
  "audit-c": AuditCOptions;
  /** DAST-10: `licence: "non-commercial"` is required. */
  "dast-10": Dast10Options;
  /** BAM. */
  bam: ScoreOptions;
}

/** The answers {@link scoreMeasure} takes for each instrument. */
export interface AnswersByInstrument {
  /** 9 integers 0–3. */
  "phq-9": readonly number[];
  /** 7 integers 0–3. */
  "gad-7": readonly number[];
  /** 3 integers 0–4. */
  "audit-c": readonly number[];
  /** 10 booleans, `true` = yes. */
  "dast-10": readonly boolean[];
  /** 17 answers: codes 0–4 (item 14: 0 or 4), item 7 a substance-days object, `null` where skipped. */
  bam: readonly BamAnswer[];
}

/** What {@link scoreMeasure} returns for each instrument. */
export interface ScoreByInstrument {
  /** PHQ-9 score. */
  "phq-9": TotalScore;
  /** GAD-7 score. */
  "gad-7": TotalScore;
  /** AUDIT-C score. */
  "audit-c": TotalScore;
  /** DAST-10 score. */
  "dast-10": TotalScore;
  /** BAM composites. */
  bam: BamScore;
}

/**
 * The options argument of {@link scoreMeasure} for instrument `I`: optional when every option is,
 * required for AUDIT-C (`sex`) and DAST-10 (`licence`).
 */
export type ScoreOptionsArg<I extends InstrumentId> =
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  {} extends ScoreOptionsByInstrument[I]
    ? [options?: ScoreOptionsByInstrument[I]]
    : [options: ScoreOptionsByInstrument[I]];

/** Options after validation. */
interface CheckedOptions {
  administeredOn?: IsoDate;
  sex?: Sex;
  ageYears?: number;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** Throws `licence-required` unless the DAST-10 licence is acknowledged. */
function requireLicence(context: string, def: InstrumentDefinition, options: unknown): void {
  if (!def.licence.requiresAcknowledgement) return;
  const licence = isRecord(options) ? options["licence"] : undefined;
  if (licence === "non-commercial") return;
  throw new IopError(context, [
    {
      code: "licence-required",
      path: ["options", "licence"],
      message: `${def.shortName} is free for non-commercial use only. Pass { licence: "non-commercial" } to confirm this use is non-commercial; commercial use needs permission from the copyright holder.`,
    },
  ]);
}

/** Validates the options; returns their issues and the checked values. */
function checkOptions(
  def: InstrumentDefinition,
  options: unknown,
): { issues: IopIssue[]; checked: CheckedOptions } {
  const issues: IopIssue[] = [];
  const checked: CheckedOptions = {};
  if (options !== undefined && !isRecord(options)) {
    issues.push({ code: "invalid-type", path: ["options"], message: "options must be an object" });
  }
  const o = isRecord(options) ? options : {};
  const date = o["administeredOn"];
  if (date !== undefined) {
    if (typeof date === "string" && date.length === 10 && isIsoDate(date))
      checked.administeredOn = date;
    else
      issues.push({
        code: "invalid-date",
        path: ["options", "administeredOn"],
        message: "administeredOn must be a calendar date YYYY-MM-DD",
      });
  }
  const age = o["ageYears"];
  if (age !== undefined) {
    if (typeof age === "number" && Number.isInteger(age) && age >= 0 && age <= 130)
      checked.ageYears = age;
    else
      issues.push({
        code: "out-of-range",
        path: ["options", "ageYears"],
        message: "ageYears must be a whole number of years from 0 to 130",
      });
  }
  if (def.scoring.kind === "sum-by-sex") {
    const sex = o["sex"];
    if (sex === "female" || sex === "male") checked.sex = sex;
    else
      issues.push({
        code: "sex-required",
        path: ["options", "sex"],
        message: `${def.shortName} cut-offs depend on sex: pass sex "female" or "male"`,
      });
  }
  return { issues, checked };
}

/** The band containing `score`; the instrument data guarantees one. */
function bandOf(bands: readonly BandDefinition[], score: number): ScoreBand {
  const found = bands.find((b) => b.min <= score && score <= b.max);
  if (found === undefined)
    throw new IopError("scoreMeasure", [
      { code: "no-band", path: [], message: `no band contains the score ${score}` },
    ]);
  return { id: found.id, label: found.label, min: found.min, max: found.max };
}

/** Points of one valid answer after reverse scoring; `null` for item 7 of the BAM. */
function pointsOf(item: ItemDefinition, value: Answer): number | null {
  const r = item.response;
  if (r.kind === "substance-days") return null;
  if (value === null) return 0;
  switch (r.kind) {
    case "yes-no": {
      const yes = value === true;
      return (item.reverse ? !yes : yes) ? 1 : 0;
    }
    case "options": {
      const v = typeof value === "number" ? value : 0;
      if (!item.reverse) return v + 0;
      const values = r.options.map((o) => o.value);
      return Math.max(...values) - v + Math.min(...values);
    }
  }
}

/** A copy of an answer with `-0` turned into `0` (JSON has no negative zero). */
function copyAnswer(value: Answer): Answer {
  if (typeof value === "number") return value + 0;
  if (value === null || typeof value === "boolean") return value;
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(value)) if (typeof v === "number") out[k] = v + 0;
  return out;
}

/** The largest code of an answer (each substance's for item 7), or `undefined` when skipped. */
function highestCode(value: Answer | undefined): number | undefined {
  if (typeof value === "number") return value;
  if (value === null || value === undefined || typeof value === "boolean") return undefined;
  const codes = Object.values(value).filter((v): v is number => typeof v === "number");
  return codes.length === 0 ? undefined : Math.max(...codes);
}

/** The flags the instrument's rules raise. */
function flagsOf(
  def: InstrumentDefinition,
  answers: readonly Answer[],
  itemScores: readonly (number | null)[],
  total: number | undefined,
  band: ScoreBand | undefined,
): ScoreFlag[] {
  const flags: ScoreFlag[] = [];
  for (const rule of def.flags) {
    const answer = answers[rule.item - 1];
    let raised = false;
    switch (rule.kind) {
      case "item-at-least":
        raised = typeof answer === "number" && answer >= rule.atLeast;
        break;
      case "only-item-scored":
        raised =
          band !== undefined &&
          rule.inBands.includes(band.id) &&
          total !== undefined &&
          itemScores[rule.item - 1] === total;
        break;
      case "not-above": {
        const value = highestCode(answer);
        const limit = highestCode(answers[rule.limitItem - 1]);
        raised = value !== undefined && value > (limit ?? 0);
        break;
      }
    }
    if (raised) flags.push({ code: rule.code, message: rule.message, item: rule.item });
  }
  return flags;
}

/** The three BAM composites from item points. */
function compositesOf(
  def: InstrumentDefinition,
  itemScores: readonly (number | null)[],
): BamScore["composites"] {
  const defs = def.scoring.kind === "composites" ? def.scoring.composites : [];
  const composite = (id: string): CompositeScore => {
    const c = defs.find((x) => x.id === id);
    const score = (c?.items ?? []).reduce((sum, n) => sum + (itemScores[n - 1] ?? 0), 0);
    return { score, band: bandOf(c?.bands ?? [], score) };
  };
  return { use: composite("use"), risk: composite("risk"), protective: composite("protective") };
}

/** `outside-validated-ages` when the respondent is younger than the instrument's validated ages. */
function ageFlags(def: InstrumentDefinition, options: CheckedOptions): ScoreFlag[] {
  const ages = def.ages;
  const age = options.ageYears;
  if (ages === undefined || age === undefined || age >= ages.min) return [];
  return [
    {
      code: "outside-validated-ages",
      message: `${def.shortName} is validated for respondents ${ages.min} and over; this respondent is ${age}, so read the score and its bands with care. Source: ${citationIds(ages.sources)}.`,
    },
  ];
}

/** Scores answers that passed {@link answerIssues}. */
function scoreChecked(
  def: InstrumentDefinition,
  answers: readonly Answer[],
  options: CheckedOptions,
): MeasureScore {
  const copied = answers.map(copyAnswer);
  const itemScores = def.items.map((item, i) => pointsOf(item, copied[i] ?? null));
  const date =
    options.administeredOn === undefined ? {} : { administeredOn: options.administeredOn };
  const instrument = def.id;
  if (instrument === "bam")
    return {
      instrument,
      ...date,
      answers: copied as BamAnswer[],
      itemScores,
      composites: compositesOf(def, itemScores),
      flags: [...flagsOf(def, copied, itemScores, undefined, undefined), ...ageFlags(def, options)],
    };
  const scoring = def.scoring;
  const total = def.items.reduce(
    (sum, item, i) => sum + (item.scored ? (itemScores[i] ?? 0) : 0),
    0,
  );
  const sex = options.sex;
  const bands =
    scoring.kind === "sum"
      ? scoring.bands
      : scoring.kind === "sum-by-sex" && sex !== undefined
        ? scoring.bands[sex]
        : [];
  const band = bandOf(bands, total);
  return {
    instrument,
    ...date,
    ...(scoring.kind === "sum-by-sex" && sex !== undefined ? { sex } : {}),
    answers: copied,
    itemScores,
    total,
    band,
    flags: [...flagsOf(def, copied, itemScores, total, band), ...ageFlags(def, options)],
  };
}

/**
 * Validates answers and options for an instrument, then scores; `context` names the public
 * function in errors. Shared with `scoreAdministration`.
 * @internal
 */
export function scoreAnswers(
  context: string,
  id: InstrumentId,
  answers: unknown,
  options: unknown,
): MeasureScore {
  return guardEntry(context, () => scoreAnswersRead(context, id, answers, options));
}

/** {@link scoreAnswers}' work; anything it cannot read becomes an IopError there. */
function scoreAnswersRead(
  context: string,
  id: InstrumentId,
  answers: unknown,
  options: unknown,
): MeasureScore {
  const def = instruments[id];
  requireLicence(context, def, options);
  const { issues, checked } = checkOptions(def, options);
  const problems = [...answerIssues(def, answers), ...issues];
  if (problems.length > 0) throw new IopError(context, problems);
  return scoreChecked(def, answers as readonly Answer[], checked);
}

/**
 * Scores any instrument by id. Validates the answers (and options) and throws
 * {@link core!IopError | IopError} with one issue per bad item (path `["answers", i]` for item
 * `i + 1`), an unknown instrument (`unknown-instrument`), or — for the DAST-10 — a missing licence
 * acknowledgement (`licence-required`).
 *
 * @param instrument - the instrument id.
 * @param answers - one answer per item, in item order (see {@link AnswersByInstrument}).
 * @param options - `administeredOn`; AUDIT-C requires `sex`; DAST-10 requires `licence`.
 * @returns a {@link TotalScore}, or a {@link BamScore} for `"bam"`.
 *
 * @example
 * ```ts
 * scoreMeasure("gad-7", [1, 1, 2, 1, 0, 1, 0]).band.id; // "mild" (total 6)
 * scoreMeasure("audit-c", [2, 1, 1], { sex: "female" }).band.id; // "positive" (total 4)
 * ```
 */
export function scoreMeasure<I extends InstrumentId>(
  instrument: I,
  answers: AnswersByInstrument[I],
  ...options: ScoreOptionsArg<I>
): ScoreByInstrument[I] {
  if (!isInstrumentId(instrument))
    throw new IopError("scoreMeasure", [
      {
        code: "unknown-instrument",
        path: ["instrument"],
        message: `instrument must be one of ${instrumentIds.join(", ")}`,
      },
    ]);
  return scoreAnswers("scoreMeasure", instrument, answers, options[0]) as ScoreByInstrument[I];
}

/**
 * Scores a PHQ-9: 9 answers 0–3 ("Not at all" … "Nearly every day"), total 0–27; bands 0–4
 * minimal, 5–9 mild, 10–14 moderate, 15–19 moderately severe, 20–27 severe. **Item 9 (thoughts of
 * death or self-harm) above 0 raises the flag `suicidal-ideation`, whatever the total** — a
 * clinician must follow up. Source: kroenke-2001-phq9 (bands). LOINC 44261-6.
 *
 * Throws {@link core!IopError | IopError} with one issue per bad item (wrong count, not an
 * integer, out of range, wrong type), path `["answers", i]` for item `i + 1`.
 *
 * @param answers - 9 integers 0–3, item 1 first.
 * @param options - `administeredOn`, copied to the result.
 *
 * @example
 * ```ts
 * const s = scorePhq9([1, 1, 1, 1, 1, 1, 1, 1, 2], { administeredOn: "2026-03-09" });
 * s.total; // 10
 * s.band.id; // "moderate"
 * s.flags[0]?.code; // "suicidal-ideation"
 * ```
 */
export function scorePhq9(answers: readonly number[], options?: ScoreOptions): TotalScore {
  return scoreAnswers("scorePhq9", "phq-9", answers, options) as TotalScore;
}

/**
 * Scores a GAD-7: 7 answers 0–3, total 0–21; bands 0–4 minimal, 5–9 mild, 10–14 moderate,
 * 15–21 severe. Source: spitzer-2006-gad7. LOINC 70274-6 (panel 69737-5).
 * Throws {@link core!IopError | IopError} naming every bad item.
 *
 * @param answers - 7 integers 0–3, item 1 first.
 * @param options - `administeredOn`, copied to the result.
 */
export function scoreGad7(answers: readonly number[], options?: ScoreOptions): TotalScore {
  return scoreAnswers("scoreGad7", "gad-7", answers, options) as TotalScore;
}

/**
 * Scores an AUDIT-C: 3 answers 0–4, total 0–12. The screen is positive at **men ≥ 4, women ≥ 3**,
 * so `sex` is required (band ids `negative` / `positive`). A positive score whose points all come
 * from item 1 is flagged `points-from-frequency-only`. Source: bush-1998-audit-c; hl7-us-core-7 (AUDIT-C
 * screening example); bradley-2003-audit-c-women (PMID 12695273). LOINC 75626-2. WHO licence: generally free
 * (unverified). Throws {@link core!IopError | IopError} naming every bad item, or `sex-required`.
 *
 * @param answers - 3 integers 0–4, item 1 first.
 * @param options - `sex` (required) and `administeredOn`.
 *
 * @example
 * ```ts
 * scoreAuditC([1, 1, 1], { sex: "female" }).band.id; // "positive" (3 ≥ 3)
 * scoreAuditC([1, 1, 1], { sex: "male" }).band.id; // "negative" (3 < 4)
 * ```
 */
export function scoreAuditC(answers: readonly number[], options: AuditCOptions): TotalScore {
  return scoreAnswers("scoreAuditC", "audit-c", answers, options) as TotalScore;
}

/**
 * Scores a DAST-10: 10 yes/no answers (`true` = yes), 1 point each, **item 3 reverse-scored**
 * ("Are you always able to stop using drugs when you want to?" — "no" scores 1); total 0–10;
 * bands 0 none, 1–2 low, 3–5 moderate, 6–8 substantial, 9–10 severe (bands unverified against
 * a public scoring guide). Source: skinner-1982-dast; camh-dast-10 (licence).
 *
 * **Licence: the DAST-10 is free for non-commercial use only.** The call must say so with
 * `{ licence: "non-commercial" }`; the type requires it, and without it (e.g. from untyped code)
 * this throws {@link core!IopError | IopError} with code `licence-required`. Commercial use needs
 * permission from the copyright holder. Throws with one issue per bad item otherwise.
 *
 * @param answers - 10 booleans, item 1 first; `true` means the respondent answered yes.
 * @param options - `licence: "non-commercial"` (required) and `administeredOn`.
 *
 * @example
 * ```ts
 * const no = false;
 * const yes = true;
 * scoreDast10([yes, no, no, no, no, no, no, no, no, no], { licence: "non-commercial" }).total; // 2
 * ```
 */
export function scoreDast10(answers: readonly boolean[], options: Dast10Options): TotalScore {
  return scoreAnswers("scoreDast10", "dast-10", answers, options) as TotalScore;
}

/**
 * Scores a Brief Addiction Monitor (17 items, past 30 days): three composites, no total —
 * **use** = items 4 + 5 + 6 (0–12; any use ≥ 1), **risk** = items 1 + 2 + 3 + 8 + 11 + 15 (0–24;
 * elevated ≥ 12), **protective** = items 9 + 10 + 12 + 13 + 14 + 16 (0–24; low ≤ 12; higher is
 * better). Items 7 and 17 count towards no composite. Answers are the form's codes 0–4 from its
 * first to its last option (item 1: Excellent = 0 … Poor = 4; day counts 0, 1–3, 4–8, 9–15,
 * 16–30 = 0–4), item 14 is No = 0 / Yes = 4, item 7 is an object of days codes per substance,
 * and items 5 and 7 may be `null` when item 4 (resp. 6) is 0. Answers that contradict each other
 * (item 5 above item 4, a drug in item 7 above item 6) are flagged `inconsistent-answers`.
 *
 * Sources: cacciola-2013-bam (the instrument; the composites are not in the paper);
 * the codings and cut-offs follow the Blueprint BAM scoring guide and are **unverified** against
 * the VA manual. Licence: VA, likely public domain (unverified).
 *
 * @param answers - 17 answers, item 1 first.
 * @param options - `administeredOn`, copied to the result.
 */
export function scoreBam(answers: readonly BamAnswer[], options?: ScoreOptions): BamScore {
  return scoreAnswers("scoreBam", "bam", answers, options) as BamScore;
}
