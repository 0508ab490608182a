/**
 * A scored administration, as a plain JSON record an app stores (in an episode, with its date) and
 * exports (a FHIR Observation: the instrument's LOINC code from {@link instruments}, the total as
 * the value, BAM composites as components). Two shapes, told apart by `instrument`: a
 * {@link TotalScore} (PHQ-9, GAD-7, AUDIT-C, DAST-10) and a {@link BamScore}.
 */
import { pure } from "../core/pure";
import { z } from "zod";
import { IsoDateSchema, LabelSchema } from "../core/index";
import { Answer, BamSubstanceDays } from "./answers";
import { Sex } from "./instruments";

/** A band a score falls in, copied from the instrument's rules so the record explains itself. */
export const ScoreBand = /* @__PURE__ */ pure(() =>
  z.strictObject({
    /** Stable id, e.g. `"moderately-severe"`, `"positive"`. */
    id: LabelSchema,
    /** Label for people. */
    label: LabelSchema,
    /** Lowest score in the band, inclusive. */
    min: z.number().int().min(0),
    /** Highest score in the band, inclusive. */
    max: z.number().int().min(0),
  }),
);
/** A band: `{ id, label, min, max }`, e.g. `{ id: "mild", label: "Mild", min: 5, max: 9 }`. */
export type ScoreBand = z.infer<typeof ScoreBand>;

/** Something about a score a clinician must see, e.g. PHQ-9 item 9 above 0. */
export const ScoreFlag = /* @__PURE__ */ pure(() =>
  z.strictObject({
    /** Stable id, e.g. `"suicidal-ideation"`, `"inconsistent-answers"`. */
    code: LabelSchema,
    /** A sentence for people. */
    message: z.string().min(1).max(1000),
    /** The 1-based item number it concerns, if one. */
    item: z.number().int().min(1).max(100).optional(),
  }),
);
/** A flag on a score: `{ code, message, item? }`. */
export type ScoreFlag = z.infer<typeof ScoreFlag>;

const itemScores = /* @__PURE__ */ pure(() => z.array(z.number().int().min(0).nullable()).max(100));

/**
 * A score with a total: PHQ-9, GAD-7, AUDIT-C or DAST-10. `itemScores[i]` is item `i + 1`'s points
 * after reverse scoring; `total` is their sum; `band` is the band of the total (for AUDIT-C, the
 * band for `sex`).
 */
export const TotalScore = /* @__PURE__ */ pure(() =>
  z.strictObject({
    instrument: z.enum(["phq-9", "gad-7", "audit-c", "dast-10"]),
    /** When the instrument was administered. */
    administeredOn: IsoDateSchema.optional(),
    /** The respondent's sex, when the cut-offs depend on it (AUDIT-C). */
    sex: Sex.optional(),
    /** The answers as given. */
    answers: z.array(Answer).max(100),
    /** Points per item, after reverse scoring. */
    itemScores,
    /** Sum of the item points. */
    total: z.number().int().min(0),
    /** The band of the total. */
    band: ScoreBand,
    /** What a clinician must see. */
    flags: z.array(ScoreFlag).max(100),
  }),
);
/** A PHQ-9, GAD-7, AUDIT-C or DAST-10 score. */
export type TotalScore = z.infer<typeof TotalScore>;

/** One BAM composite's score and band. */
export const CompositeScore = /* @__PURE__ */ pure(() =>
  z.strictObject({
    /** Sum of the composite's items. */
    score: z.number().int().min(0),
    /** The composite's band. */
    band: ScoreBand,
  }),
);
/** A BAM composite: `{ score, band }`. */
export type CompositeScore = z.infer<typeof CompositeScore>;

/**
 * A BAM score: no total (none is validated), three composites. `itemScores[6]` (item 7, days per
 * substance) is `null`; skipped items score 0.
 */
export const BamScore = /* @__PURE__ */ pure(() =>
  z.strictObject({
    instrument: z.literal("bam"),
    /** When the instrument was administered. */
    administeredOn: IsoDateSchema.optional(),
    /** The answers as given; item 7 is a {@link BamSubstanceDays} object or `null`. */
    answers: z.array(z.union([z.number(), z.null(), BamSubstanceDays])).max(100),
    /** Points per item (`null` for item 7). */
    itemScores,
    /** Use (items 4, 5, 6), risk (1, 2, 3, 8, 11, 15) and protective (9, 10, 12, 13, 14, 16). */
    composites: z.strictObject({
      use: CompositeScore,
      risk: CompositeScore,
      protective: CompositeScore,
    }),
    /** What a clinician must see. */
    flags: z.array(ScoreFlag).max(100),
  }),
);
/** A Brief Addiction Monitor score. */
export type BamScore = z.infer<typeof BamScore>;

/** Any scored administration; `instrument` tells the two shapes apart. */
export const MeasureScore = /* @__PURE__ */ pure(() =>
  z.discriminatedUnion("instrument", [TotalScore, BamScore]),
);
/** A scored administration: a {@link TotalScore} or a {@link BamScore}. */
export type MeasureScore = z.infer<typeof MeasureScore>;
