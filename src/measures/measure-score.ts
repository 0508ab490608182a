/**
 * A scored administration, as a plain JSON record an app stores (in an episode, with its date) and
 * exports (a FHIR Observation: the instrument's LOINC code from {@link instruments}, the total as
 * the value, BAM composites as components). Two shapes, told apart by `instrument`: a
 * {@link TotalScore} (PHQ-9, GAD-7, AUDIT-C, DAST-10) and a {@link BamScore}.
 */
import * as z from "zod/mini";
import { array, discriminatedUnion, nullable, optional, strictObject, union } from "../core/zod";
import { IsoDateSchema, LabelSchema, type IsoDate } from "../core/index";
import { lazySchema, variant, type Schema } from "../core/schema";
import { Answer, BamSubstanceDays } from "./answers";
import { Sex } from "./instruments";

/** A band a score falls in, copied from the instrument's rules so the record explains itself, e.g. `{ id: "mild", label: "Mild", min: 5, max: 9 }`. */
export interface ScoreBand {
  /** Stable id, e.g. `"moderately-severe"`, `"positive"`. */
  id: string;
  /** Label for people. */
  label: string;
  /** Lowest score in the band, inclusive. */
  min: number;
  /** Highest score in the band, inclusive. */
  max: number;
}
/** The schema of a {@link ScoreBand}. */
export const ScoreBand: Schema<ScoreBand> = /* @__PURE__ */ lazySchema(() =>
  strictObject({
    id: LabelSchema,
    label: LabelSchema,
    min: z.int().check(z.gte(0)),
    max: z.int().check(z.gte(0)),
  }),
);

/** Something about a score a clinician must see, e.g. PHQ-9 item 9 above 0: `{ code, message, item? }`. */
export interface ScoreFlag {
  /** Stable id, e.g. `"suicidal-ideation"`, `"inconsistent-answers"`. */
  code: string;
  /** A sentence for people. */
  message: string;
  /** The 1-based item number it concerns, if one. */
  item?: number | undefined;
}
/** The schema of a {@link ScoreFlag}. */
export const ScoreFlag: Schema<ScoreFlag> = /* @__PURE__ */ lazySchema(() =>
  strictObject({
    code: LabelSchema,
    message: z.string().check(z.minLength(1), z.maxLength(1000)),
    item: optional(z.int().check(z.gte(1), z.lte(100))),
  }),
);

const itemScores = () => array(nullable(z.int().check(z.gte(0)))).check(z.maxLength(100));

/** The instruments scored as a total (all but the BAM). */
export const totalScoreInstruments = ["phq-9", "gad-7", "audit-c", "dast-10"] as const;

/**
 * A PHQ-9, GAD-7, AUDIT-C or DAST-10 score. `itemScores[i]` is item `i + 1`'s points after
 * reverse scoring; `total` is their sum; `band` is the band of the total (for AUDIT-C, the band
 * for `sex`).
 */
export interface TotalScore {
  /** The instrument. */
  instrument: (typeof totalScoreInstruments)[number];
  /** When the instrument was administered. */
  administeredOn?: IsoDate | undefined;
  /** The respondent's sex, when the cut-offs depend on it (AUDIT-C). */
  sex?: Sex | undefined;
  /** The answers as given. */
  answers: Answer[];
  /** Points per item, after reverse scoring. */
  itemScores: (number | null)[];
  /** Sum of the item points. */
  total: number;
  /** The band of the total. */
  band: ScoreBand;
  /** What a clinician must see. */
  flags: ScoreFlag[];
}
/** The schema of a {@link TotalScore}. */
export const TotalScore: Schema<TotalScore> = /* @__PURE__ */ lazySchema(() =>
  strictObject({
    instrument: z.enum(totalScoreInstruments),
    administeredOn: optional(IsoDateSchema),
    sex: optional(Sex),
    answers: array(Answer).check(z.maxLength(100)),
    itemScores: itemScores(),
    total: z.int().check(z.gte(0)),
    band: ScoreBand,
    flags: array(ScoreFlag).check(z.maxLength(100)),
  }),
);

/** One BAM composite's score and band: `{ score, band }`. */
export interface CompositeScore {
  /** Sum of the composite's items. */
  score: number;
  /** The composite's band. */
  band: ScoreBand;
}
/** The schema of a {@link CompositeScore}. */
export const CompositeScore: Schema<CompositeScore> = /* @__PURE__ */ lazySchema(() =>
  strictObject({ score: z.int().check(z.gte(0)), band: ScoreBand }),
);

/** The three BAM composites. */
export interface BamComposites {
  /** Use: items 4, 5, 6. */
  use: CompositeScore;
  /** Risk factors: items 1, 2, 3, 8, 11, 15. */
  risk: CompositeScore;
  /** Protective factors: items 9, 10, 12, 13, 14, 16. */
  protective: CompositeScore;
}

/**
 * A Brief Addiction Monitor score: no total (none is validated), three composites.
 * `itemScores[6]` (item 7, days per substance) is `null`; skipped items score 0.
 */
export interface BamScore {
  /** Always `"bam"`. */
  instrument: "bam";
  /** When the instrument was administered. */
  administeredOn?: IsoDate | undefined;
  /** The answers as given; item 7 is a {@link BamSubstanceDays} object or `null`. */
  answers: (number | null | BamSubstanceDays)[];
  /** Points per item (`null` for item 7). */
  itemScores: (number | null)[];
  /** Use (items 4, 5, 6), risk (1, 2, 3, 8, 11, 15) and protective (9, 10, 12, 13, 14, 16). */
  composites: BamComposites;
  /** What a clinician must see. */
  flags: ScoreFlag[];
}
/** The schema of a {@link BamScore}. */
export const BamScore: Schema<BamScore> = /* @__PURE__ */ lazySchema(() =>
  strictObject({
    instrument: z.literal("bam"),
    administeredOn: optional(IsoDateSchema),
    answers: array(union([z.number(), z.null(), BamSubstanceDays])).check(z.maxLength(100)),
    itemScores: itemScores(),
    composites: strictObject({
      use: CompositeScore,
      risk: CompositeScore,
      protective: CompositeScore,
    }),
    flags: array(ScoreFlag).check(z.maxLength(100)),
  }),
);

/** A scored administration: a {@link TotalScore} or a {@link BamScore}; `instrument` tells them apart. */
export type MeasureScore = TotalScore | BamScore;
/** The schema of a {@link MeasureScore}. */
export const MeasureScore: Schema<MeasureScore> = /* @__PURE__ */ lazySchema(() =>
  discriminatedUnion("instrument", [variant(TotalScore), variant(BamScore)]),
);
