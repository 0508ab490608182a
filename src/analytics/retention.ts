/**
 * `retentionCurve`: Kaplan–Meier retention in treatment, people still enrolled censored at the
 * as-of date, with Greenwood intervals and numbers at risk; retention at 30/60/90 days; completion
 * and "positive conclusion" (completed or transferred to further treatment, as SAMHSA reports it).
 */
import * as z from "zod/mini";
import { array, strictObject } from "../core/zod";
import type { IsoDate } from "../core/calendar";
import { pure } from "../core/pure";
import { issue, lazyInternal, type Schema } from "../core/schema";
import { dischargeReasons, dischargeTypes } from "../episode/index";
import { makeAggregate, parseOrThrow, type Aggregate, type PartialAggregate } from "./aggregate";
import { startedEpisode } from "./episode-facts";
import {
  addHistograms,
  bump,
  histogramToJson,
  isHistogramJson,
  type HistogramJson,
} from "./histogram";
import {
  kaplanMeier,
  type ConfidenceTransform,
  type KaplanMeierStep,
  type SurvivalAt,
} from "./kaplan-meier";
import { epochDayOf } from "./local-day";
import { DateText, OptionalDate, dayOr, windowCheck } from "./options";
import type { EpisodeLogRow } from "./rows";
import type { Citation } from "../core/sources";
import { analyticsSources } from "./sources";
import {
  TEDS_REASONS,
  tedsReasonOf,
  tedsReasonRules,
  type TedsReasonCode,
  type TedsReasonRule,
} from "./teds-codes";

/** The rows {@link retentionCurve} reads. */
export interface RetentionSources {
  /** Episode logs; those that reached their first day of treatment by `asOf` are followed. */
  readonly episodes?: Iterable<EpisodeLogRow>;
}

/**
 * What ends retention: `"left-treatment"` — any discharge; `"not-completed"` — a discharge of
 * type `not-completed` (completions and transfers are censored on their discharge day).
 */
export type RetentionEndpoint = "left-treatment" | "not-completed";

/** Options of {@link retentionCurve}. */
export interface RetentionOptions {
  /** The day the data stand on: episodes still open then are censored at it. */
  readonly asOf: IsoDate;
  /** Follow only episodes whose first day of treatment is on or after this date. */
  readonly startedFrom?: IsoDate;
  /** …and on or before this date. */
  readonly startedTo?: IsoDate;
  /** What counts as the event. @defaultValue "left-treatment" */
  readonly endpoint?: RetentionEndpoint;
  /** Days to read retention at. @defaultValue [30, 60, 90] */
  readonly days?: readonly number[];
  /** Confidence level of the intervals, in (0, 1). @defaultValue 0.95 */
  readonly level?: number;
  /** How intervals are built from Greenwood's variance. @defaultValue "log-log" (Kalbfleisch & Prentice) */
  readonly transform?: ConfidenceTransform;
  /** Discharge → TEDS REASON rules, for completion and positive conclusion. @defaultValue {@link tedsReasonRules} */
  readonly reasonRules?: readonly TedsReasonRule[];
}

/** Options as a partial holds them. */
export interface RetentionNormalised {
  /** The as-of date. */
  readonly asOf: IsoDate;
  /** First start date followed, or `null`. */
  readonly startedFrom: IsoDate | null;
  /** Last start date followed, or `null`. */
  readonly startedTo: IsoDate | null;
  /** The event. */
  readonly endpoint: RetentionEndpoint;
  /** Days to read retention at. */
  readonly days: readonly number[];
  /** Confidence level. */
  readonly level: number;
  /** Interval transform. */
  readonly transform: ConfidenceTransform;
  /** Discharge → TEDS REASON rules. */
  readonly reasonRules: readonly TedsReasonRule[];
}

/** The state of a retention partial: days followed, by outcome, and discharges by TEDS reason. */
export interface RetentionState {
  /** Days from the first day of treatment to the event, `[day, count]`. */
  readonly events: HistogramJson;
  /** Days followed without the event (to `asOf`, or to a censoring discharge), `[day, count]`. */
  readonly censored: HistogramJson;
  /** Discharges by `asOf` per TEDS REASON code 1–7 (index 0 is code 1). */
  readonly reasons: readonly number[];
}

/** A retention partial. */
export type RetentionPartial = PartialAggregate<
  "retentionCurve",
  RetentionNormalised,
  RetentionState
>;

/** How followed episodes ended by `asOf`. */
export interface DischargeOutcomes {
  /** Discharged by `asOf`. */
  readonly discharged: number;
  /** TEDS REASON 1: treatment completed. */
  readonly completed: number;
  /** TEDS REASON 1 or 4: completed, or transferred to further treatment. */
  readonly positiveConclusion: number;
  /** `completed / discharged`, or `null` with no discharge. */
  readonly completionRate: number | null;
  /** `positiveConclusion / discharged`, or `null`. */
  readonly positiveConclusionRate: number | null;
  /** Discharges per TEDS REASON code. */
  readonly byReason: readonly {
    readonly code: TedsReasonCode;
    readonly label: string;
    readonly count: number;
  }[];
}

/** The report of {@link retentionCurve}. */
export interface RetentionReport {
  /** The as-of date. */
  readonly asOf: IsoDate;
  /** The event. */
  readonly endpoint: RetentionEndpoint;
  /** Episodes followed. */
  readonly episodes: number;
  /** Of them, with the event by `asOf`. */
  readonly events: number;
  /** Of them, censored. */
  readonly censored: number;
  /** The Kaplan–Meier curve: one step per day with an event. */
  readonly curve: readonly KaplanMeierStep[];
  /** Retention at the requested days (e.g. 30/60/90): Ŝ(day) = share still in treatment after day `day`. */
  readonly at: readonly SurvivalAt[];
  /** Median retention in days: the first day with Ŝ ≤ 0.5, or `null` if it stays above one half. */
  readonly medianDays: number | null;
  /** Confidence level and transform of the intervals. */
  readonly confidence: { readonly level: number; readonly transform: ConfidenceTransform };
  /** How the discharged ended. */
  readonly outcomes: DischargeOutcomes;
  /** Rows not used, by reason. */
  readonly excluded: RetentionPartial["excluded"];
  /** The definition, in words. */
  readonly definition: string;
  /** Where it comes from. */
  readonly sources: readonly Citation[];
}

/** A discharge → TEDS REASON rule (zod/mini). @internal */
export const ReasonRuleSchema: Schema<TedsReasonRule> = /* @__PURE__ */ lazyInternal(() =>
  strictObject({
    types: z.exactOptional(array(z.enum(dischargeTypes))),
    reasons: z.exactOptional(array(z.enum(dischargeReasons))),
    code: z.literal([1, 2, 3, 4, 5, 6, 7]),
    note: z.string(),
  }),
);

const Level = /* @__PURE__ */ lazyInternal(() =>
  z
    .number()
    .check(
      z.refine(
        (x) => x > 0 && x < 1,
        issue(
          "invalid-level",
          "the confidence level is a share strictly between 0 and 1, e.g. 0.95",
        ),
      ),
    ),
);
const Day = /* @__PURE__ */ lazyInternal(() => z.int().check(z.minimum(0), z.maximum(36_500)));
const Transform = /* @__PURE__ */ lazyInternal(() => z.enum(["log-log", "log", "plain"]));
const Endpoint = /* @__PURE__ */ lazyInternal(() => z.enum(["left-treatment", "not-completed"]));

const OptionsInput = /* @__PURE__ */ lazyInternal(() =>
  strictObject({
    asOf: DateText(),
    startedFrom: z.exactOptional(DateText()),
    startedTo: z.exactOptional(DateText()),
    endpoint: z.exactOptional(Endpoint),
    days: z.exactOptional(array(Day).check(z.maxLength(100))),
    level: z.exactOptional(Level),
    transform: z.exactOptional(Transform),
    reasonRules: z.exactOptional(array(ReasonRuleSchema).check(z.maxLength(100))),
  }).check(windowCheck("startedFrom", "startedTo")),
);

const Normalised: z.ZodMiniType<RetentionNormalised> = /* @__PURE__ */ lazyInternal(() =>
  strictObject({
    asOf: DateText(),
    startedFrom: OptionalDate(),
    startedTo: OptionalDate(),
    endpoint: Endpoint,
    days: array(Day),
    level: Level,
    transform: Transform,
    reasonRules: array(ReasonRuleSchema),
  }),
);

const Histogram = /* @__PURE__ */ lazyInternal(
  () => array(z.tuple([z.int(), z.int()])) as z.ZodMiniType<HistogramJson>,
);
const State: z.ZodMiniType<RetentionState> = /* @__PURE__ */ lazyInternal(() =>
  strictObject({
    events: Histogram,
    censored: Histogram,
    reasons: array(z.int().check(z.minimum(0))).check(z.length(7)),
  }),
);

/**
 * Retention in treatment as a Kaplan–Meier curve.
 *
 * **Definition.** Each episode is followed from its first day of treatment (day 0). It has the
 * event on its discharge day if it was discharged by `asOf` (any discharge, or with
 * `endpoint: "not-completed"` only a discharge of that type); otherwise it is censored — at `asOf`
 * while still enrolled (a discharge after `asOf` is not yet known), or on its discharge day when
 * that discharge is not the event. Ŝ(t) = Π over event days tᵢ ≤ t of (1 − dᵢ/nᵢ) (Kaplan & Meier
 * 1958), nᵢ followed at the start of day tᵢ (a day's events come before its censorings); Greenwood's
 * variance Ŝ² Σ dᵢ/(nᵢ(nᵢ − dᵢ)) (Greenwood 1926); intervals at `level` on the log–log scale by
 * default (Kalbfleisch & Prentice 2002; `transform: "log"` or `"plain"` otherwise), z from AS 241.
 * Retention at d days = Ŝ(d): the share still in treatment after day d. With no censoring Ŝ(t) is
 * exactly the share of episodes lasting more than t days.
 *
 * Completion and positive conclusion count discharges by `asOf` through the TEDS-D REASON rules
 * (`reasonRules`): completed = REASON 1; positive conclusion = REASON 1 or 4 (completed, or
 * transferred to further treatment: SAMHSA's reports combine them).
 *
 * @example
 * ```ts
 * const r = retentionCurve({ episodes: logs }, { asOf: "2026-12-31" });
 * r.at.find((a) => a.day === 30)?.survival; // 30-day retention
 * ```
 */
export const retentionCurve: Aggregate<
  RetentionSources,
  RetentionOptions,
  RetentionPartial,
  RetentionReport
> = /* @__PURE__ */ pure(() =>
  makeAggregate<
    "retentionCurve",
    RetentionSources,
    RetentionOptions,
    RetentionNormalised,
    RetentionState,
    RetentionReport
  >({
    name: "retentionCurve",
    sources: ["episodes"],
    normalise(options) {
      const o = parseOrThrow(OptionsInput, options, "retentionCurve");
      return {
        asOf: o.asOf,
        startedFrom: o.startedFrom ?? null,
        startedTo: o.startedTo ?? null,
        endpoint: o.endpoint ?? "left-treatment",
        days: [...new Set(o.days ?? [30, 60, 90])].sort((a, b) => a - b),
        level: o.level ?? 0.95,
        transform: o.transform ?? "log-log",
        reasonRules: o.reasonRules ?? tedsReasonRules,
      };
    },
    begin(options, exclude, shared) {
      const asOf = epochDayOf(options.asOf);
      const from = dayOr(options.startedFrom, -Infinity);
      const to = dayOr(options.startedTo, Infinity);
      const events = new Map<number, number>();
      const censored = new Map<number, number>();
      const reasons = [0, 0, 0, 0, 0, 0, 0];
      return {
        rows: {
          episodes(log) {
            const f = startedEpisode(log, exclude, undefined, shared.facts);
            if (f === undefined) return;
            if (f.firstDay > asOf) return exclude("started-after-as-of");
            if (f.firstDay < from || f.firstDay > to) return exclude("outside-window");
            const d = f.discharge;
            if (d === undefined || d.on > asOf) return bump(censored, asOf - f.firstDay);
            const code = tedsReasonOf(d.type, d.reason, options.reasonRules);
            reasons[code - 1] = (reasons[code - 1] ?? 0) + 1;
            const isEvent = options.endpoint === "left-treatment" || d.type === "not-completed";
            bump(isEvent ? events : censored, d.on - f.firstDay);
          },
        },
        end: () => ({
          events: histogramToJson(events),
          censored: histogramToJson(censored),
          reasons: [...reasons],
        }),
      };
    },
    merge: (a, b) => ({
      events: addHistograms(a.events, b.events),
      censored: addHistograms(a.censored, b.censored),
      reasons: a.reasons.map((n, i) => n + (b.reasons[i] ?? 0)),
    }),
    finish(state, options, excluded): RetentionReport {
      const fit = kaplanMeier(state.events, state.censored, {
        level: options.level,
        transform: options.transform,
        at: options.days,
      });
      const count = (h: HistogramJson): number => h.reduce((n, [, c]) => n + c, 0);
      const discharged = state.reasons.reduce((n, c) => n + c, 0);
      const completed = state.reasons[0] ?? 0;
      const positive = completed + (state.reasons[3] ?? 0);
      const share = (n: number): number | null => (discharged === 0 ? null : n / discharged);
      return {
        asOf: options.asOf,
        endpoint: options.endpoint,
        episodes: fit.subjects,
        events: count(state.events),
        censored: count(state.censored),
        curve: fit.steps,
        at: fit.at,
        medianDays: fit.median,
        confidence: { level: options.level, transform: options.transform },
        outcomes: {
          discharged,
          completed,
          positiveConclusion: positive,
          completionRate: share(completed),
          positiveConclusionRate: share(positive),
          byReason: state.reasons.map((n, i) => {
            const code = (i + 1) as TedsReasonCode;
            return { code, label: TEDS_REASONS[code], count: n };
          }),
        },
        excluded,
        definition:
          options.endpoint === "left-treatment"
            ? "Kaplan–Meier: time from the first day of treatment to discharge; still enrolled at the as-of date censored"
            : "Kaplan–Meier: time from the first day of treatment to a not-completed discharge; completions and transfers censored at discharge, the still enrolled at the as-of date",
        sources: [
          analyticsSources.kaplanMeier1958,
          analyticsSources.greenwood1926,
          analyticsSources.kalbfleischPrentice2002,
          analyticsSources.wichura1988,
          analyticsSources.tedsCodebook,
          analyticsSources.tedsDischarges2005,
        ],
      };
    },
    schemas: { options: Normalised, state: State },
    check(state) {
      return (["events", "censored"] as const).flatMap((key) =>
        isHistogramJson(state[key]) && state[key].every(([d]) => d >= 0)
          ? []
          : [
              {
                code: "invalid-histogram",
                path: [key],
                message: "not a histogram: [day ≥ 0, count ≥ 1] pairs by ascending day",
              },
            ],
      );
    },
  }),
);
