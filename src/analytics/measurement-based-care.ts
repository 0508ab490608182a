/**
 * `measurementBasedCare`: per participant and instrument — baseline, latest score and band, change,
 * response and remission where a sourced rule exists, a worsening since the previous score, and
 * administrations due or overdue against the program's measurement schedule; per instrument, the
 * population's share improved, responding and in remission.
 */
import * as z from "zod/mini";
import { array, nullable, strictObject } from "../core/zod";
import type { IsoDate } from "../core/calendar";
import { pure } from "../core/pure";
import { issue, lazyInternal } from "../core/schema";
import {
  instrumentIds,
  type InstrumentId,
  MeasureScore,
  measureChange,
  type ScaleChange,
  type ScoreBand,
} from "../measures/index";
import { makeAggregate, parseOrThrow, type Aggregate, type PartialAggregate } from "./aggregate";
import { isKeyed, keyedFromMap, keyedLookup, mergeKeyed, unsorted, type Keyed } from "./keyed";
import { canonicalJson } from "./aggregate";
import { startedEpisode } from "./episode-facts";
import { epochDayOf } from "./local-day";
import { DateText, OptionalDate, CitationSchema, dayOr, isoMemo, windowCheck } from "./options";
import type { EpisodeLogRow, MeasureRow } from "./rows";
import type { Citation } from "../core/sources";
import { analyticsSources } from "./sources";

/** The rows {@link measurementBasedCare} reads. */
export interface MeasurementBasedCareSources {
  /** Scored administrations (each with `administeredOn`). */
  readonly measures?: Iterable<MeasureRow>;
  /** Episode logs: who is in treatment at `asOf`, and since when (for due dates). */
  readonly episodes?: Iterable<EpisodeLogRow>;
}

/** How often an instrument is given while in treatment (the program's measurement schedule). */
export interface MeasureScheduleEntry {
  /** The instrument. */
  readonly instrument: InstrumentId;
  /** Days from the first day of treatment, then from each administration, to the next one due. */
  readonly everyDays: number;
  /** Days after the due date before it counts as overdue. @defaultValue 0 */
  readonly graceDays?: number;
}

/** A response and remission rule for an instrument's total, with its sources. */
export interface ChangeCriteria {
  /** The instrument. */
  readonly instrument: InstrumentId;
  /** The rules apply when the baseline total is at least this. */
  readonly minBaseline: number;
  /** Response: the latest total is at least this many percent below the baseline. */
  readonly responseDropPercent: number;
  /** Remission: the latest total is below this. */
  readonly remissionBelow: number;
  /** Where the rule comes from. */
  readonly sources: readonly Citation[];
}

/**
 * The built-in change rules. PHQ-9 only: response = a total at least 50 % below a baseline of 10
 * or more, remission = a total below 5 (CMS159 counts only an index PHQ-9 above 9; the Psychiatric
 * Services 2020 cohort: baseline ≥ 10, response ≥ 50 % reduction, remission < 5). No other
 * instrument has such a rule in a source iopkit relies on: only the change is reported.
 */
export const changeCriteria: readonly ChangeCriteria[] = [
  {
    instrument: "phq-9",
    minBaseline: 10,
    responseDropPercent: 50,
    remissionBelow: 5,
    sources: [analyticsSources.cms159, analyticsSources.phq9Response],
  },
];

/** Options of {@link measurementBasedCare}. */
export interface MeasurementBasedCareOptions {
  /** The day the data stand on: later administrations are not counted; due dates are judged on it. */
  readonly asOf: IsoDate;
  /** Administrations before this date are not counted (e.g. an earlier episode's). @defaultValue none */
  readonly from?: IsoDate;
  /**
   * The program's measurement schedule; iopkit has no default (an interval is the program's
   * choice: CARF 2.A.12 asks the program to state it). @defaultValue [] (nothing is due)
   */
  readonly schedule?: readonly MeasureScheduleEntry[];
  /** Response and remission rules. @defaultValue {@link changeCriteria} */
  readonly criteria?: readonly ChangeCriteria[];
}

/** Options as a partial holds them. */
export interface MeasurementBasedCareNormalised {
  /** The as-of date. */
  readonly asOf: IsoDate;
  /** The first date counted, or `null`. */
  readonly from: IsoDate | null;
  /** The schedule (grace days filled in). */
  readonly schedule: readonly Required<MeasureScheduleEntry>[];
  /** The rules. */
  readonly criteria: readonly ChangeCriteria[];
}

/** One participant's record of one instrument in a partial. */
export interface InstrumentTrack {
  /** Administrations counted. */
  readonly count: number;
  /** The earliest (by date, then by content). */
  readonly baseline: MeasureScore;
  /** The one before the latest, or `null`. */
  readonly previous: MeasureScore | null;
  /** The latest. */
  readonly latest: MeasureScore;
}

/** A participant's tracks, per instrument. */
export type TracksByInstrument = Readonly<Partial<Record<InstrumentId, InstrumentTrack>>>;

/** An episode as measurement-based care needs it: `[key, firstDay, dischargeDay or null]` (epoch days). */
export type EpisodeInForce = readonly [string, number, number | null];

/** The state of a measurement-based-care partial. */
export interface MeasurementBasedCareState {
  /** By participant, per instrument. */
  readonly tracks: Keyed<TracksByInstrument>;
  /** By participant, the episode in force at `asOf` (latest start on or before it): `[key, firstDay, dischargeDay or null]`. */
  readonly episodes: Keyed<EpisodeInForce>;
}

/** A measurement-based-care partial. */
export type MeasurementBasedCarePartial = PartialAggregate<
  "measurementBasedCare",
  MeasurementBasedCareNormalised,
  MeasurementBasedCareState
>;

/** A score reduced to what the report shows. */
export interface ScorePoint {
  /** When it was given. */
  readonly on: IsoDate;
  /** The total (the BAM's use composite). */
  readonly value: number;
  /** Its band. */
  readonly band: ScoreBand;
}

/** Whether a rule is met, and whether it applies at all. */
export interface CriterionOutcome {
  /** The baseline is high enough for the rule to apply. */
  readonly applicable: boolean;
  /** Applicable and met. */
  readonly met: boolean;
  /** The rule in words. */
  readonly rule: string;
}

/** When the next administration is due. */
export interface MeasureDue {
  /** The due date: the last administration (or the first day of treatment) + `everyDays`. */
  readonly on: IsoDate;
  /** `asOf` is after the due date + `graceDays`. */
  readonly overdue: boolean;
  /** Days from the due date to `asOf` (negative: days left). */
  readonly daysPastDue: number;
}

/** One participant's progress on one instrument. */
export interface InstrumentProgress {
  /** The instrument. */
  readonly instrument: InstrumentId;
  /** Administrations counted. */
  readonly administrations: number;
  /** The first. */
  readonly baseline: ScorePoint;
  /** The latest. */
  readonly latest: ScorePoint;
  /** Change from baseline per scale (`measureChange`), or `null` with one administration. */
  readonly change: readonly ScaleChange[] | null;
  /** Response, where a rule exists for the instrument and two administrations do. */
  readonly response: CriterionOutcome | null;
  /** Remission, likewise. */
  readonly remission: CriterionOutcome | null;
  /** The latest is higher (worse) than the one before it on the first scale (total; BAM: use). */
  readonly worsenedSincePrevious: boolean;
  /** Flags of the latest score (e.g. `"suicidal-ideation"`). */
  readonly flags: readonly string[];
  /** The next administration, for scheduled instruments of participants in treatment at `asOf`. */
  readonly due: MeasureDue | null;
}

/** One participant's measures. */
export interface ParticipantMeasures {
  /** Who. */
  readonly participantId: string;
  /** In treatment at `asOf`, or `null` when no episode of theirs was read. */
  readonly inTreatment: boolean | null;
  /** Per instrument given, in the order of `InstrumentId`. */
  readonly instruments: readonly InstrumentProgress[];
  /** Scheduled instruments never given in the window, for a participant in treatment: when each is due. */
  readonly notYetGiven: readonly { readonly instrument: InstrumentId; readonly due: MeasureDue }[];
}

/** One instrument across the population. */
export interface InstrumentSummary {
  /** The instrument. */
  readonly instrument: InstrumentId;
  /** Participants with at least one administration. */
  readonly participants: number;
  /** …with two or more (their change is counted below). */
  readonly measuredTwice: number;
  /** Better at the latest than at baseline. */
  readonly improved: number;
  /** Worse. */
  readonly worsened: number;
  /** Unchanged. */
  readonly unchanged: number;
  /** `improved / measuredTwice`, or `null`. */
  readonly shareImproved: number | null;
  /** Mean of latest − baseline on the first scale over `measuredTwice`, or `null`. */
  readonly meanChange: number | null;
  /** Response: applicable (baseline high enough, two administrations) and met, or `null` without a rule. */
  readonly response: { readonly applicable: number; readonly met: number } | null;
  /** Remission, likewise. */
  readonly remission: { readonly applicable: number; readonly met: number } | null;
  /** Participants in treatment with this instrument due by `asOf` (overdue included). */
  readonly due: number;
  /** Of them, overdue. */
  readonly overdue: number;
}

/** The report of {@link measurementBasedCare}. */
export interface MeasurementBasedCareReport {
  /** The as-of date. */
  readonly asOf: IsoDate;
  /** Per participant, by id: everyone with a score, and everyone in treatment at `asOf`. */
  readonly participants: readonly ParticipantMeasures[];
  /** Per instrument with scores or on the schedule. */
  readonly summary: readonly InstrumentSummary[];
  /** Rows not used, by reason. */
  readonly excluded: MeasurementBasedCarePartial["excluded"];
  /** Where the definitions come from. */
  readonly sources: readonly Citation[];
}

const Instrument = /* @__PURE__ */ lazyInternal(() => z.enum(instrumentIds));
const Days = /* @__PURE__ */ lazyInternal(() => z.int().check(z.minimum(0), z.maximum(3650)));
const Criteria: z.ZodMiniType<ChangeCriteria> = /* @__PURE__ */ lazyInternal(() =>
  strictObject({
    instrument: Instrument,
    minBaseline: z.int().check(z.minimum(0)),
    responseDropPercent: z.number().check(z.minimum(0), z.maximum(100)),
    remissionBelow: z.int().check(z.minimum(0)),
    sources: array(CitationSchema()),
  }),
);
const ScheduleInput = /* @__PURE__ */ lazyInternal(() =>
  strictObject({
    instrument: Instrument,
    everyDays: Days.check(z.minimum(1)),
    graceDays: z.exactOptional(Days),
  }),
);
const ScheduleNormalised = /* @__PURE__ */ lazyInternal(() =>
  strictObject({ instrument: Instrument, everyDays: Days, graceDays: Days }),
);

const OptionsInput = /* @__PURE__ */ lazyInternal(() =>
  strictObject({
    asOf: DateText(),
    from: z.exactOptional(DateText()),
    schedule: z.exactOptional(
      array(ScheduleInput).check(
        z.maxLength(20),
        z.refine(
          (s) => new Set(s.map((e) => e.instrument)).size === s.length,
          issue("duplicate-instrument", "an instrument is scheduled twice"),
        ),
      ),
    ),
    criteria: z.exactOptional(array(Criteria).check(z.maxLength(20))),
  }).check(windowCheck("from", "asOf")),
);

const Normalised: z.ZodMiniType<MeasurementBasedCareNormalised> = /* @__PURE__ */ lazyInternal(() =>
  strictObject({
    asOf: DateText(),
    from: OptionalDate(),
    schedule: array(ScheduleNormalised),
    criteria: array(Criteria),
  }),
);

const Track = /* @__PURE__ */ lazyInternal(() =>
  strictObject({
    count: z.int().check(z.minimum(1)),
    baseline: MeasureScore,
    previous: nullable(MeasureScore),
    latest: MeasureScore,
  }),
);
const State: z.ZodMiniType<MeasurementBasedCareState> = /* @__PURE__ */ lazyInternal(
  () =>
    strictObject({
      tracks: array(z.tuple([z.string(), z.partialRecord(Instrument, Track)])),
      episodes: array(z.tuple([z.string(), z.tuple([z.string(), z.int(), nullable(z.int())])])),
    }) as unknown as z.ZodMiniType<MeasurementBasedCareState>,
);

/** Orders scores by date, then by content: a total order, so every partition picks the same. */
function compareScores(a: MeasureScore, b: MeasureScore): number {
  const da = a.administeredOn ?? "";
  const db = b.administeredOn ?? "";
  if (da !== db) return da < db ? -1 : 1;
  const ja = canonicalJson(a);
  const jb = canonicalJson(b);
  return ja === jb ? 0 : ja < jb ? -1 : 1;
}

/** Two tracks of one instrument combined. */
function mergeTracks(a: InstrumentTrack, b: InstrumentTrack): InstrumentTrack {
  const top = [a.latest, a.previous, b.latest, b.previous]
    .filter((s): s is MeasureScore => s !== null)
    .sort(compareScores);
  const latest = top[top.length - 1] ?? a.latest;
  const previous = top.length >= 2 ? (top[top.length - 2] ?? null) : null;
  return {
    count: a.count + b.count,
    baseline: compareScores(a.baseline, b.baseline) <= 0 ? a.baseline : b.baseline,
    // Two tracks of one administration each: the earlier is the previous of the later.
    previous: a.count + b.count >= 2 ? previous : null,
    latest,
  };
}

/** A track of one score. */
const single = (score: MeasureScore): InstrumentTrack => ({
  count: 1,
  baseline: score,
  previous: null,
  latest: score,
});

/** The first scale's value and band (total; BAM: use). */
function pointOf(score: MeasureScore): ScorePoint {
  const on = score.administeredOn ?? "";
  return score.instrument === "bam"
    ? { on, value: score.composites.use.score, band: score.composites.use.band }
    : { on, value: score.total, band: score.band };
}

/** The later of two episodes in force (latest start, then key). */
function laterEpisode(
  a: readonly [string, number, number | null] | undefined,
  b: readonly [string, number, number | null] | undefined,
): readonly [string, number, number | null] | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  if (a[1] !== b[1]) return a[1] > b[1] ? a : b;
  return a[0] >= b[0] ? a : b;
}

/**
 * Measurement-based care: each participant's scores over time, and the population's.
 *
 * **Definition.** Per participant and instrument, over administrations dated from `from` to
 * `asOf`: the baseline is the earliest, the latest the last; change per scale is
 * `measureChange(baseline, latest)` (direction: lower is better, except the BAM protective
 * composite). Response and remission follow `criteria` (built in: PHQ-9 response = latest total
 * ≤ baseline × 50 %, remission = latest total < 5, both only for a baseline of 10 or more —
 * CMS159; Psychiatric Services 2020) and are `null` for instruments without a rule. A worsening =
 * the latest is worse than the one before on the first scale. Due dates follow `schedule`: for a
 * participant in treatment at `asOf` (their latest episode started and not discharged by then),
 * the next administration is due `everyDays` after the last one (or after the first day of
 * treatment), overdue once `asOf` is more than `graceDays` past it. The Joint Commission
 * (CTS.03.01.09) asks for a standardized instrument used per person and aggregated per
 * population; these are the figures that serve both.
 *
 * @example
 * ```ts
 * const mbc = measurementBasedCare(
 *   { measures: scores, episodes: logs },
 *   { asOf: "2026-12-31", schedule: [{ instrument: "phq-9", everyDays: 14 }] },
 * );
 * mbc.summary.find((s) => s.instrument === "phq-9")?.shareImproved;
 * ```
 */
export const measurementBasedCare: Aggregate<
  MeasurementBasedCareSources,
  MeasurementBasedCareOptions,
  MeasurementBasedCarePartial,
  MeasurementBasedCareReport
> = /* @__PURE__ */ pure(() =>
  makeAggregate<
    "measurementBasedCare",
    MeasurementBasedCareSources,
    MeasurementBasedCareOptions,
    MeasurementBasedCareNormalised,
    MeasurementBasedCareState,
    MeasurementBasedCareReport
  >({
    name: "measurementBasedCare",
    sources: ["measures", "episodes"],
    normalise(options) {
      const o = parseOrThrow(OptionsInput, options, "measurementBasedCare");
      return {
        asOf: o.asOf,
        from: o.from ?? null,
        schedule: (o.schedule ?? []).map((e) => ({
          instrument: e.instrument,
          everyDays: e.everyDays,
          graceDays: e.graceDays ?? 0,
        })),
        criteria: o.criteria ?? changeCriteria,
      };
    },
    begin(options, exclude, shared) {
      const asOf = epochDayOf(options.asOf);
      const from = dayOr(options.from, -Infinity);
      const tracks = new Map<string, Map<InstrumentId, InstrumentTrack>>();
      const episodes = new Map<string, readonly [string, number, number | null]>();
      return {
        rows: {
          measures(row) {
            const on = row.score.administeredOn;
            if (on === undefined) return exclude("undated");
            const day = epochDayOf(on);
            if (day < from || day > asOf) return exclude("outside-window");
            let mine = tracks.get(row.participantId);
            if (mine === undefined) {
              mine = new Map();
              tracks.set(row.participantId, mine);
            }
            const t = mine.get(row.score.instrument);
            mine.set(
              row.score.instrument,
              t === undefined ? single(row.score) : mergeTracks(t, single(row.score)),
            );
          },
          episodes(log) {
            const f = startedEpisode(log, exclude, undefined, shared.facts);
            if (f === undefined) return;
            if (f.firstDay > asOf) return exclude("started-after-as-of");
            const e = [f.key, f.firstDay, f.discharge?.on ?? null] as const;
            const kept = laterEpisode(episodes.get(f.participantId), e);
            if (kept !== undefined) episodes.set(f.participantId, kept);
          },
        },
        end: () => ({
          tracks: keyedFromMap(tracks, (byInstrument): TracksByInstrument => {
            const mine: Partial<Record<InstrumentId, InstrumentTrack>> = {};
            for (const instrument of instrumentIds) {
              const track = byInstrument.get(instrument);
              if (track !== undefined) mine[instrument] = track;
            }
            return mine;
          }),
          episodes: keyedFromMap(episodes, (e) => e),
        }),
      };
    },
    merge: (a, b) => ({
      tracks: mergeKeyed(a.tracks, b.tracks, (x, y): TracksByInstrument => {
        const mine: Partial<Record<InstrumentId, InstrumentTrack>> = {};
        for (const instrument of instrumentIds) {
          const p = x[instrument];
          const q = y[instrument];
          const t = p === undefined ? q : q === undefined ? p : mergeTracks(p, q);
          if (t !== undefined) mine[instrument] = t;
        }
        return mine;
      }),
      episodes: mergeKeyed(a.episodes, b.episodes, (x, y) => laterEpisode(x, y) ?? x),
    }),
    finish(state, options, excluded) {
      return report(state, options, excluded);
    },
    check: (state) =>
      (["tracks", "episodes"] as const).flatMap((key) =>
        isKeyed(state[key]) ? [] : [unsorted([key])],
      ),
    schemas: { options: Normalised, state: State },
  }),
);

function report(
  state: MeasurementBasedCareState,
  options: MeasurementBasedCareNormalised,
  excluded: MeasurementBasedCarePartial["excluded"],
): MeasurementBasedCareReport {
  const asOf = epochDayOf(options.asOf);
  const tracksOf = keyedLookup(state.tracks);
  const episodeOf = keyedLookup(state.episodes);
  const ids = mergeKeyed(
    state.tracks.map(([id]) => [id, 0] as const),
    state.episodes.map(([id]) => [id, 0] as const),
    () => 0,
  ).map(([id]) => id);
  // Each instrument's schedule and rule (the first listed); due dates in epoch days, written once.
  const scheduleOf = new Map(options.schedule.map((s) => [s.instrument, s]));
  const criteriaOf = new Map<InstrumentId, ChangeCriteria>();
  for (const c of options.criteria)
    if (!criteriaOf.has(c.instrument)) criteriaOf.set(c.instrument, c);
  const isoOf = isoMemo();
  const dueOf = (entry: Required<MeasureScheduleEntry>, sinceDay: number): MeasureDue => {
    const onDay = sinceDay + entry.everyDays;
    const daysPastDue = asOf - onDay;
    return { on: isoOf(onDay), overdue: daysPastDue > entry.graceDays, daysPastDue };
  };
  const participants: ParticipantMeasures[] = [];
  for (const participantId of ids) {
    const episode = episodeOf(participantId);
    const inTreatment = episode === undefined ? null : episode[2] === null || episode[2] > asOf;
    const started = inTreatment === true && episode !== undefined ? episode[1] : undefined;
    const tracks = tracksOf(participantId) ?? {};
    const instruments: InstrumentProgress[] = [];
    for (const instrument of instrumentIds) {
      const track = tracks[instrument];
      if (track === undefined) continue;
      const scheduled = scheduleOf.get(instrument);
      const last = track.latest.administeredOn;
      const due =
        scheduled === undefined || started === undefined
          ? null
          : dueOf(scheduled, last === undefined ? started : epochDayOf(last));
      instruments.push(progress(instrument, track, criteriaOf.get(instrument), due));
    }
    // Someone in treatment with a scheduled instrument never given: due from the first day.
    const notYetGiven: { instrument: InstrumentId; due: MeasureDue }[] = [];
    if (started !== undefined)
      for (const s of options.schedule)
        if (tracks[s.instrument] === undefined)
          notYetGiven.push({ instrument: s.instrument, due: dueOf(s, started) });
    if (instruments.length > 0 || notYetGiven.length > 0)
      participants.push({ participantId, inTreatment, instruments, notYetGiven });
  }
  return {
    asOf: options.asOf,
    participants,
    summary: summaries(participants, options),
    excluded,
    sources: [analyticsSources.jointCommissionCts, ...options.criteria.flatMap((c) => c.sources)],
  };
}

function progress(
  instrument: InstrumentId,
  track: InstrumentTrack,
  criteria: ChangeCriteria | undefined,
  due: MeasureDue | null,
): InstrumentProgress {
  const baseline = pointOf(track.baseline);
  const latest = pointOf(track.latest);
  const twice = track.count >= 2;
  const change = twice ? measureChange(track.baseline, track.latest).scales : null;
  const applicable = twice && criteria !== undefined && baseline.value >= criteria.minBaseline;
  const outcome = (met: boolean, rule: string): CriterionOutcome => ({
    applicable,
    met: applicable && met,
    rule,
  });
  // The first scale (a total, or the BAM's use composite) is lower-is-better.
  const worsened = track.previous !== null && latest.value > pointOf(track.previous).value;
  return {
    instrument,
    administrations: track.count,
    baseline,
    latest,
    change,
    response:
      criteria === undefined || !twice
        ? null
        : outcome(
            // Integer arithmetic: latest ≤ baseline × (100 − drop) / 100.
            latest.value * 100 <= baseline.value * (100 - criteria.responseDropPercent),
            `total at least ${criteria.responseDropPercent}% below a baseline of ${criteria.minBaseline} or more`,
          ),
    remission:
      criteria === undefined || !twice
        ? null
        : outcome(
            latest.value < criteria.remissionBelow,
            `total below ${criteria.remissionBelow}, from a baseline of ${criteria.minBaseline} or more`,
          ),
    worsenedSincePrevious: worsened,
    flags: track.latest.flags.map((f) => f.code),
    due,
  };
}

function summaries(
  participants: readonly ParticipantMeasures[],
  options: MeasurementBasedCareNormalised,
): InstrumentSummary[] {
  // Each instrument's rows and due dates (the given ones', then the never given), in one pass.
  const rowsOf = new Map(instrumentIds.map((i) => [i, [] as InstrumentProgress[]]));
  const duesOf = new Map(instrumentIds.map((i) => [i, [] as (MeasureDue | null)[]]));
  for (const p of participants) {
    for (const r of p.instruments) {
      rowsOf.get(r.instrument)?.push(r);
      duesOf.get(r.instrument)?.push(r.due);
    }
    for (const n of p.notYetGiven) duesOf.get(n.instrument)?.push(n.due);
  }
  return instrumentIds.flatMap((instrument): InstrumentSummary[] => {
    const scheduled = options.schedule.find((s) => s.instrument === instrument);
    const rows = rowsOf.get(instrument) ?? [];
    if (rows.length === 0 && scheduled === undefined) return [];
    const twice = rows.filter((r) => r.change !== null);
    const direction = (d: string): number =>
      twice.filter((r) => r.change?.[0]?.direction === d).length;
    const hasRule = options.criteria.some((c) => c.instrument === instrument);
    const tallyOf = (key: "response" | "remission") =>
      hasRule
        ? {
            applicable: rows.filter((r) => r[key]?.applicable === true).length,
            met: rows.filter((r) => r[key]?.met === true).length,
          }
        : null;
    const dues = duesOf.get(instrument) ?? [];
    const due = dues.filter((d) => d !== null && d.daysPastDue >= 0).length;
    const overdue = dues.filter((d) => d?.overdue === true).length;
    const improved = direction("improved");
    const total = twice.reduce((n, r) => n + (r.change?.[0]?.absoluteChange ?? 0), 0);
    return [
      {
        instrument,
        participants: rows.length,
        measuredTwice: twice.length,
        improved,
        worsened: direction("worsened"),
        unchanged: direction("unchanged"),
        shareImproved: twice.length === 0 ? null : improved / twice.length,
        meanChange: twice.length === 0 ? null : total / twice.length,
        response: tallyOf("response"),
        remission: tallyOf("remission"),
        due,
        overdue,
      },
    ];
  });
}
