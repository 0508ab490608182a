/**
 * Change between two administrations of the same instrument: per scale (the total, or each BAM
 * composite) the absolute and percent change, the direction, and the bands before and after; for
 * the PHQ-9 also response (≥ 50% drop from baseline) and remission (total < 5).
 */
import { pure } from "../core/pure";
import { z } from "zod";
import { misuse } from "../core/errors";
import { IsoDateSchema, LabelSchema, toEpochDay } from "../core/index";
import { InstrumentId, instruments } from "./instruments";
import { ScoreBand, type MeasureScore } from "./measure-score";

/** Whether things got better, worse or stayed the same on a scale. */
export const ChangeDirection = /* @__PURE__ */ pure(() =>
  z.enum(["improved", "worsened", "unchanged"]),
);
/**
 * `"improved"`, `"worsened"` or `"unchanged"`. A lower score is better on every scale except the
 * BAM protective composite, where higher is better.
 */
export type ChangeDirection = z.infer<typeof ChangeDirection>;

/** Change on one scale. */
export const ScaleChange = /* @__PURE__ */ pure(() =>
  z.strictObject({
    /** `"total"` for summed instruments; `"use"`, `"risk"` or `"protective"` for the BAM. */
    scale: z.enum(["total", "use", "risk", "protective"]),
    /** Score at baseline. */
    baseline: z.number().int().min(0),
    /** Score at follow-up. */
    followUp: z.number().int().min(0),
    /** `followUp − baseline` (negative when the score fell). */
    absoluteChange: z.number().int(),
    /** `absoluteChange / baseline × 100`, rounded to 0.1; `null` when the baseline is 0. */
    percentChange: z.number().nullable(),
    /** Better, worse or the same, taking the scale's direction into account. */
    direction: ChangeDirection,
    /** Band at baseline. */
    baselineBand: ScoreBand,
    /** Band at follow-up. */
    followUpBand: ScoreBand,
  }),
);
/** Change on one scale. */
export type ScaleChange = z.infer<typeof ScaleChange>;

/** Whether a change criterion (response, remission) is met, with the rule and its source. */
export const ChangeCriterion = /* @__PURE__ */ pure(() =>
  z.strictObject({
    /** Whether the follow-up meets the criterion. */
    met: z.boolean(),
    /** The rule, e.g. `"total at least 50% below a baseline above 0"`. */
    rule: LabelSchema,
    /** Where the rule comes from. */
    source: z.string().min(1).max(1000),
  }),
);
/** A criterion's outcome: `{ met, rule, source }`. */
export type ChangeCriterion = z.infer<typeof ChangeCriterion>;

/** Change between two administrations of one instrument. */
export const MeasureChange = /* @__PURE__ */ pure(() =>
  z.strictObject({
    instrument: InstrumentId,
    /** Date of the baseline administration, if recorded. */
    baselineOn: IsoDateSchema.optional(),
    /** Date of the follow-up administration, if recorded. */
    followUpOn: IsoDateSchema.optional(),
    /** One entry per scale: the total, or the BAM's use, risk and protective composites. */
    scales: z.array(ScaleChange).max(10),
    /** Response (PHQ-9: follow-up at least 50% below baseline); absent where no rule is defined. */
    response: ChangeCriterion.optional(),
    /** Remission (PHQ-9: follow-up total below 5); absent where no rule is defined. */
    remission: ChangeCriterion.optional(),
  }),
);
/** Change between two administrations. */
export type MeasureChange = z.infer<typeof MeasureChange>;

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
 * least 50% below a baseline above 0) and **remission** (follow-up total below 5) — source:
 * DOMAIN.md "Instruments" (PHQ-9 row). Other instruments have no such rule in a source iopkit
 * relies on (GAD-7 included), so only the change is reported.
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
  return {
    ...out,
    // Integer arithmetic: followUp ≤ baseline × (100 − drop) / 100, with a baseline above 0.
    response: {
      met:
        total.baseline > 0 &&
        total.followUp * 100 <= total.baseline * (100 - rules.responseDropPercent),
      rule: `total at least ${rules.responseDropPercent}% below a baseline above 0`,
      source: rules.source,
    },
    remission: {
      met: total.followUp < rules.remissionBelow,
      rule: `follow-up total below ${rules.remissionBelow}`,
      source: rules.source,
    },
  };
}
