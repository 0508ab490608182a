/**
 * Change between two administrations of the same instrument: per scale (the total, or each BAM
 * composite) the absolute and percent change, the direction, and the bands before and after; for
 * the PHQ-9 also response (≥ 50% drop) and remission (total < 5) from a baseline of 10 or more.
 */
import * as z from "zod/mini";
import { array, nullable, optional, strictObject } from "../core/zod";
import { misuse } from "../core/errors";
import { IsoDateSchema, LabelSchema, toEpochDay, type IsoDate } from "../core/index";
import { lazySchema, type Schema } from "../core/schema";
import { citationIds, InstrumentId, instruments } from "./instruments";
import { ScoreBand, type MeasureScore } from "./measure-score";

/** Whether things got better, worse or stayed the same on a scale. */
export const changeDirections = ["improved", "worsened", "unchanged"] as const;
/**
 * `"improved"`, `"worsened"` or `"unchanged"`: one of {@link changeDirections}. A lower score is
 * better on every scale except the BAM protective composite, where higher is better.
 */
export type ChangeDirection = (typeof changeDirections)[number];
/** The schema of a {@link ChangeDirection}. */
export const ChangeDirection: Schema<ChangeDirection> = /* @__PURE__ */ lazySchema(() =>
  z.enum(changeDirections),
);

/** The scales change is reported on: the total, or the BAM's composites. */
export const changeScales = ["total", "use", "risk", "protective"] as const;

/** Change on one scale. */
export interface ScaleChange {
  /** `"total"` for summed instruments; `"use"`, `"risk"` or `"protective"` for the BAM. */
  scale: (typeof changeScales)[number];
  /** Score at baseline. */
  baseline: number;
  /** Score at follow-up. */
  followUp: number;
  /** `followUp − baseline` (negative when the score fell). */
  absoluteChange: number;
  /** `absoluteChange / baseline × 100`, rounded to 0.1; `null` when the baseline is 0. */
  percentChange: number | null;
  /** Better, worse or the same, taking the scale's direction into account. */
  direction: ChangeDirection;
  /** Band at baseline. */
  baselineBand: ScoreBand;
  /** Band at follow-up. */
  followUpBand: ScoreBand;
}
/** The schema of a {@link ScaleChange}. */
export const ScaleChange: Schema<ScaleChange> = /* @__PURE__ */ lazySchema(() =>
  strictObject({
    scale: z.enum(changeScales),
    baseline: z.int().check(z.gte(0)),
    followUp: z.int().check(z.gte(0)),
    absoluteChange: z.int(),
    percentChange: nullable(z.number()),
    direction: ChangeDirection,
    baselineBand: ScoreBand,
    followUpBand: ScoreBand,
  }),
);

/**
 * Whether a change criterion (response, remission) applies and is met, with the rule and its
 * source: `{ applicable, met, rule, source }`.
 */
export interface ChangeCriterion {
  /**
   * Whether the criterion is defined for this baseline (PHQ-9: a baseline total of 10 or more).
   * When `false` the criterion is "not applicable" and `met` is `false`.
   */
  applicable: boolean;
  /** Whether the follow-up meets the criterion (always `false` when not applicable). */
  met: boolean;
  /** The rule, e.g. `"total at least 50% below a baseline of 10 or more"`. */
  rule: string;
  /** Where the rule comes from. */
  source: string;
}
/** The schema of a {@link ChangeCriterion}. */
export const ChangeCriterion: Schema<ChangeCriterion> = /* @__PURE__ */ lazySchema(() =>
  strictObject({
    applicable: z.boolean(),
    met: z.boolean(),
    rule: LabelSchema,
    source: z.string().check(z.minLength(1), z.maxLength(1000)),
  }),
);

/** Change between two administrations of one instrument. */
export interface MeasureChange {
  /** The instrument both administrations are of. */
  instrument: InstrumentId;
  /** Date of the baseline administration, if recorded. */
  baselineOn?: IsoDate | undefined;
  /** Date of the follow-up administration, if recorded. */
  followUpOn?: IsoDate | undefined;
  /** One entry per scale: the total, or the BAM's use, risk and protective composites. */
  scales: ScaleChange[];
  /** Response (PHQ-9: follow-up at least 50% below baseline); absent where no rule is defined. */
  response?: ChangeCriterion | undefined;
  /** Remission (PHQ-9: follow-up total below 5); absent where no rule is defined. */
  remission?: ChangeCriterion | undefined;
}
/** The schema of a {@link MeasureChange}. */
export const MeasureChange: Schema<MeasureChange> = /* @__PURE__ */ lazySchema(() =>
  strictObject({
    instrument: InstrumentId,
    baselineOn: optional(IsoDateSchema),
    followUpOn: optional(IsoDateSchema),
    scales: array(ScaleChange).check(z.maxLength(10)),
    response: optional(ChangeCriterion),
    remission: optional(ChangeCriterion),
  }),
);

/** The scales of a score: its total, or the BAM's composites, with their direction. */
function scalesOf(
  score: MeasureScore,
): { scale: ScaleChange["scale"]; value: number; band: ScoreBand; higherIsBetter: boolean }[] {
  if (score.instrument !== "bam")
    return [{ scale: "total", value: score.total, band: score.band, higherIsBetter: false }];
  const c = score.composites;
  return [
    { scale: "use", value: c.use.score, band: c.use.band, higherIsBetter: false },
    { scale: "risk", value: c.risk.score, band: c.risk.band, higherIsBetter: false },
    {
      scale: "protective",
      value: c.protective.score,
      band: c.protective.band,
      higherIsBetter: true,
    },
  ];
}

/**
 * Compares two administrations of the same instrument (baseline first). For every scale it
 * reports the absolute and percent change, whether it improved, worsened or stayed the same, and
 * the bands before and after. For the PHQ-9 it also reports **response** (follow-up total at
 * least 50% below the baseline) and **remission** (follow-up total below 5), both defined only
 * for a **baseline of 10 or more** (CMS159: "initial PHQ-9 … greater than nine", remission "less
 * than five"; CBE 1885: "reduced by 50% or greater" — registry ids `cms159-depression-remission`,
 * `cbe-1885-depression-response`). From a lower baseline both are `applicable: false` and not
 * met. Other instruments have no such rule in a public source (GAD-7 included), so only the
 * change is reported.
 *
 * Throws {@link core!IopError | IopError} when the instruments differ (`instrument-mismatch`) or
 * the follow-up is dated before the baseline (`follow-up-before-baseline`).
 *
 * @param baseline - the earlier score.
 * @param followUp - the later score.
 *
 * @example
 * ```ts
 * const change = measureChange(scorePhq9([3, 3, 2, 2, 2, 2, 2, 2, 0]), scorePhq9([1, 1, 1, 1, 0, 0, 0, 0, 0]));
 * change.scales[0]?.percentChange; // -77.8 (18 → 4)
 * change.response?.met; // true
 * change.remission?.met; // true (4 < 5)
 * ```
 */
export function measureChange(baseline: MeasureScore, followUp: MeasureScore): MeasureChange {
  if (baseline.instrument !== followUp.instrument)
    misuse(
      "measureChange",
      "instrument-mismatch",
      `cannot compare a ${baseline.instrument} score with a ${followUp.instrument} score`,
      ["followUp", "instrument"],
    );
  const from = baseline.administeredOn;
  const to = followUp.administeredOn;
  if (from !== undefined && to !== undefined && toEpochDay(to) < toEpochDay(from))
    misuse(
      "measureChange",
      "follow-up-before-baseline",
      `the follow-up (${to}) is dated before the baseline (${from})`,
      ["followUp", "administeredOn"],
    );
  const after = scalesOf(followUp);
  const scales = scalesOf(baseline).map((b, i): ScaleChange => {
    const a = after[i] ?? b;
    const absoluteChange = a.value - b.value;
    const better = b.higherIsBetter ? absoluteChange > 0 : absoluteChange < 0;
    return {
      scale: b.scale,
      baseline: b.value,
      followUp: a.value,
      absoluteChange,
      percentChange: b.value === 0 ? null : Math.round((absoluteChange / b.value) * 1000) / 10,
      direction: absoluteChange === 0 ? "unchanged" : better ? "improved" : "worsened",
      baselineBand: b.band,
      followUpBand: a.band,
    };
  });
  const rules = instruments[baseline.instrument].change;
  const out: MeasureChange = {
    instrument: baseline.instrument,
    ...(from === undefined ? {} : { baselineOn: from }),
    ...(to === undefined ? {} : { followUpOn: to }),
    scales,
  };
  const total = scales[0];
  if (rules === undefined || total === undefined || total.scale !== "total") return out;
  const applicable = total.baseline >= rules.minBaseline;
  const onBaseline = `a baseline of ${rules.minBaseline} or more`;
  return {
    ...out,
    // Integer arithmetic: followUp ≤ baseline × (100 − drop) / 100.
    response: {
      applicable,
      met: applicable && total.followUp * 100 <= total.baseline * (100 - rules.responseDropPercent),
      rule: `total at least ${rules.responseDropPercent}% below ${onBaseline}`,
      source: citationIds(rules.sources),
    },
    remission: {
      applicable,
      met: applicable && total.followUp < rules.remissionBelow,
      rule: `follow-up total below ${rules.remissionBelow}, from ${onBaseline}`,
      source: citationIds(rules.sources),
    },
  };
}
