/**
 * `followUpMeasure`: one engine for "an index event, then a qualifying service within a window",
 * with HEDIS IET (initiation and engagement), FUA, FUM and FUI built in as data with their sources.
 */
import * as z from "zod/mini";
import { array, nullable, strictObject } from "../core/zod";
import type { IsoDate } from "../core/calendar";
import type { IopIssue } from "../core/errors";
import { pure } from "../core/pure";
import { customIssue, issue, lazyInternal } from "../core/schema";
import type { TimeZone } from "../core/zone";
import { makeAggregate, parseOrThrow, type Aggregate, type PartialAggregate } from "./aggregate";
import { firstDayIn, forEachDayIn, type DaySetJson } from "./day-set";
import { addHistograms, isHistogramJson, type HistogramJson } from "./histogram";
import { attendedDaysReader, attendedIssues, attendedLookup, mergeAttended } from "./attended-days";
import { isKeyed, keyedFromMap, mergeKeyed, unsorted, type Keyed } from "./keyed";
import { epochDayOf } from "./local-day";
import {
  CitationSchema,
  DateText,
  OptionalDate,
  ZoneText,
  dayOr,
  isoMemo,
  windowCheck,
} from "./options";
import {
  encounterKinds,
  type AttendanceRow,
  type Encounter,
  type EncounterKind,
  type EpisodeLogRow,
} from "./rows";
import type { Citation } from "../core/sources";
import { analyticsSources } from "./sources";

/** A window of days relative to an index day, both ends included (0 is the index day). */
export interface DayWindow {
  /** First day, e.g. 0 (the index day counts) or 1 (it does not). */
  readonly fromDay: number;
  /** Last day, e.g. 7. */
  readonly toDay: number;
}

/**
 * A follow-up measure as data: which encounters are index events, which services qualify, in what
 * window, how many are needed, what excludes an index event, and the sources. An app can change a
 * window (or add a measure) when NCQA changes its specification.
 */
export interface FollowUpDefinition {
  /** Stable id, e.g. `"fua-7"`. */
  readonly id: string;
  /** Name for people. */
  readonly name: string;
  /** Encounter kinds that are index events (ignored when `anchor` is set). */
  readonly index: readonly EncounterKind[];
  /**
   * Another definition's id (earlier in the list): this measure's index events are that one's
   * met events, dated the day it was met (IET engagement counts from initiation). An index event
   * the anchor missed is missed here too.
   */
  readonly anchor?: string;
  /** Encounter kinds that count as follow-up. */
  readonly qualifying: readonly EncounterKind[];
  /** The days that count, relative to the index day. */
  readonly window: DayWindow;
  /** Qualifying services needed in the window. @defaultValue 1 */
  readonly minCount?: number;
  /** Kinds of which one alone meets the measure (IET engagement: a long-acting medication). */
  readonly sufficient?: readonly EncounterKind[];
  /** A further index event this many days or fewer after a counted one is not a new index event. */
  readonly indexDedupeDays?: number;
  /** An index event is excluded when one of these kinds falls in its window of days. */
  readonly exclusions?: readonly {
    readonly kinds: readonly EncounterKind[];
    readonly window: DayWindow;
  }[];
  /** Where the rules come from. */
  readonly sources: readonly Citation[];
  /** What could not be checked against the source itself, or `null`. */
  readonly unverified: string | null;
}

const FUA_QUALIFYING: readonly EncounterKind[] = [
  "outpatient-visit-sud",
  "outpatient-visit-mental-health",
  "telehealth-visit-sud",
  "telehealth-visit-mental-health",
  "iop-visit",
  "iop-day",
  "iop-admission",
  "php-visit",
  "peer-support",
  "sud-medication",
  "sud-medication-long-acting",
  "sud-screening",
  "observation-stay",
];
const FUM_QUALIFYING: readonly EncounterKind[] = [
  "outpatient-visit-mental-health",
  "telehealth-visit-mental-health",
  "iop-visit",
  "iop-day",
  "iop-admission",
  "php-visit",
  "observation-stay",
];
const FUI_QUALIFYING: readonly EncounterKind[] = [
  "outpatient-visit-sud",
  "telehealth-visit-sud",
  "iop-visit",
  "iop-day",
  "iop-admission",
  "php-visit",
  "sud-medication",
  "sud-medication-long-acting",
];
const IET_TREATMENT: readonly EncounterKind[] = [
  "outpatient-visit-sud",
  "telehealth-visit-sud",
  "iop-visit",
  "iop-day",
  "iop-admission",
  "php-visit",
  "sud-medication",
];
const ED_EXCLUSION = {
  kinds: ["inpatient-admission", "residential-admission"],
  window: { fromDay: 0, toDay: 30 },
} as const;

const fua = (days: 7 | 30): FollowUpDefinition => ({
  id: `fua-${days}`,
  name: `Follow-up within ${days} days of an ED visit for substance use (FUA)`,
  index: ["ed-visit-sud"],
  qualifying: FUA_QUALIFYING,
  window: { fromDay: 0, toDay: days },
  indexDedupeDays: 30,
  exclusions: [ED_EXCLUSION],
  sources: [analyticsSources.ncqaFua, analyticsSources.fuaTipSheet, analyticsSources.fuaSameDay],
  unverified:
    "only the first ED visit in 31 days counts, and visits followed by an inpatient or residential admission within 30 days are excluded: from payer summaries of the licensed NCQA specification",
});

const fum = (days: 7 | 30): FollowUpDefinition => ({
  id: `fum-${days}`,
  name: `Follow-up within ${days} days of an ED visit for mental illness (FUM)`,
  index: ["ed-visit-mental-illness"],
  qualifying: FUM_QUALIFYING,
  window: { fromDay: 0, toDay: days },
  indexDedupeDays: 30,
  exclusions: [ED_EXCLUSION],
  sources: [analyticsSources.fumDescription],
  unverified:
    "qualifying services, the 31-day repeat-visit rule and the admission exclusion follow FUA's; check them against the current NCQA specification",
});

const fui = (days: 7 | 30): FollowUpDefinition => ({
  id: `fui-${days}`,
  name: `Follow-up within ${days} days after high-intensity SUD care (FUI)`,
  index: ["inpatient-discharge-sud", "residential-discharge-sud", "withdrawal-discharge-sud"],
  qualifying: FUI_QUALIFYING,
  window: { fromDay: 1, toDay: days },
  sources: [analyticsSources.ncqaFui],
  unverified:
    "the list of qualifying services is a payer summary's; check it against the current NCQA specification",
});

/**
 * The built-in follow-up measures:
 * - `iet-initiation` — a treatment service within 14 days of a new SUD episode, the episode day
 *   counting (days 0–13; CMS137 Numerator 1);
 * - `iet-engagement` — from initiation, 2 or more treatment services, or one long-acting SUD
 *   medication, in the 34 days after it (days 1–34; CMS137 Numerator 2); an episode without
 *   initiation is not engaged;
 * - `fua-7`, `fua-30` — follow-up within 7 (8 days in all) or 30 (31) days of an ED visit for
 *   substance use, the ED day counting;
 * - `fum-7`, `fum-30` — the same after an ED visit for mental illness;
 * - `fui-7`, `fui-30` — follow-up within 7 or 30 days after a discharge from inpatient,
 *   residential or withdrawal-management SUD care, not counting the discharge day.
 * Each entry's `unverified` says what rests on a secondary source.
 */
export const followUpDefinitions: readonly FollowUpDefinition[] = /* @__PURE__ */ pure(() => [
  {
    id: "iet-initiation",
    name: "Initiation of SUD treatment within 14 days (IET)",
    index: ["sud-episode-start"],
    qualifying: [...IET_TREATMENT, "sud-medication-long-acting"],
    window: { fromDay: 0, toDay: 13 },
    sources: [analyticsSources.cms137],
    unverified:
      "which encounters start a new SUD episode (age, negative look-back, diagnosis) is the app's to decide; HEDIS's look-back differs from the eCQM's",
  },
  {
    id: "iet-engagement",
    name: "Engagement in SUD treatment within 34 days of initiation (IET)",
    index: [],
    anchor: "iet-initiation",
    qualifying: IET_TREATMENT,
    window: { fromDay: 1, toDay: 34 },
    minCount: 2,
    sufficient: ["sud-medication-long-acting"],
    sources: [analyticsSources.cms137],
    unverified:
      "an attended IOP day counts as one treatment service however many sessions it held (a per-diem day)",
  },
  fua(7),
  fua(30),
  fum(7),
  fum(30),
  fui(7),
  fui(30),
]);

/** The rows {@link followUpMeasure} reads. */
export interface FollowUpSources {
  /** Encounters outside the program's records (ED visits, discharges elsewhere, medications…). */
  readonly encounters?: Iterable<Encounter>;
  /** Episode logs: each first day of treatment is an `iop-admission`, each discharge an `iop-discharge`. */
  readonly episodes?: Iterable<EpisodeLogRow>;
  /** Attendance rows: each day a participant attended a session is an `iop-day`. */
  readonly attendance?: Iterable<AttendanceRow>;
}

/** Options of {@link followUpMeasure}. */
export interface FollowUpOptions {
  /** The day the data stand on: windows not closed by then are open, later services not counted. */
  readonly asOf: IsoDate;
  /** The program's zone, for attendance. */
  readonly timeZone: TimeZone;
  /** Index events on or after this date. @defaultValue no lower bound */
  readonly indexFrom?: IsoDate;
  /** Index events on or before this date. @defaultValue no upper bound */
  readonly indexTo?: IsoDate;
  /** The measures. @defaultValue {@link followUpDefinitions} */
  readonly definitions?: readonly FollowUpDefinition[];
}

/** Options as a partial holds them. */
export interface FollowUpNormalised {
  /** The as-of date. */
  readonly asOf: IsoDate;
  /** The zone. */
  readonly timeZone: TimeZone;
  /** First index date, or `null`. */
  readonly indexFrom: IsoDate | null;
  /** Last index date, or `null`. */
  readonly indexTo: IsoDate | null;
  /** The measures. */
  readonly definitions: readonly FollowUpDefinition[];
}

/** A participant's encounters: per kind, `[day, count]` pairs. */
export type EncountersByKind = Readonly<Partial<Record<EncounterKind, HistogramJson>>>;

/** The state of a follow-up partial. */
export interface FollowUpState {
  /** By participant, per kind used by the measures: `[day, count]` pairs (epoch days). */
  readonly encounters: Keyed<EncountersByKind>;
  /** Days each participant attended a session (`iop-day`), by participant. */
  readonly attended: Keyed<DaySetJson>;
}

/** A follow-up partial. */
export type FollowUpPartial = PartialAggregate<
  "followUpMeasure",
  FollowUpNormalised,
  FollowUpState
>;

/**
 * Where an index event stands on `asOf`: `met`; `missed` (its window closed without enough
 * follow-up); `open` (the window has not closed: not yet in the rate); `excluded` (an exclusion
 * fell in its window).
 */
export type FollowUpStatus = "met" | "missed" | "open" | "excluded";

/** One index event and its follow-up. */
export interface FollowUpEvent {
  /** Whose. */
  readonly participantId: string;
  /** The index day (for an anchored measure, the day the anchor was met). */
  readonly indexOn: IsoDate;
  /** Where it stands. */
  readonly status: FollowUpStatus;
  /** The day the measure was met, or `null`. */
  readonly metOn: IsoDate | null;
  /** The window's last day. */
  readonly windowEnds: IsoDate;
}

/** One measure's result. */
export interface FollowUpResult {
  /** The measure's definition. */
  readonly definition: FollowUpDefinition;
  /** Index events whose window closed: met + missed. */
  readonly denominator: number;
  /** Met. */
  readonly met: number;
  /** Missed. */
  readonly missed: number;
  /** Window still open at `asOf`. */
  readonly open: number;
  /** Excluded. */
  readonly excluded: number;
  /** `met / denominator`, or `null`. */
  readonly rate: number | null;
  /** Every index event, by participant then day. */
  readonly events: readonly FollowUpEvent[];
}

/** The report of {@link followUpMeasure}. */
export interface FollowUpReport {
  /** The as-of date. */
  readonly asOf: IsoDate;
  /** One result per measure, in the order of the definitions. */
  readonly measures: readonly FollowUpResult[];
  /** Rows not used, by reason. */
  readonly excluded: FollowUpPartial["excluded"];
}

const Kind = /* @__PURE__ */ lazyInternal(() => z.enum(encounterKinds));
const Kinds = /* @__PURE__ */ lazyInternal(() =>
  array(Kind).check(z.maxLength(encounterKinds.length)),
);
const Window = /* @__PURE__ */ lazyInternal(() =>
  strictObject({
    fromDay: z.int().check(z.minimum(-366), z.maximum(366)),
    toDay: z.int().check(z.minimum(-366), z.maximum(366)),
  }).check(
    z.refine(
      (w) => w.fromDay <= w.toDay,
      issue("window-ends-before-start", "the window ends before it starts", { path: ["toDay"] }),
    ),
  ),
);
const Definition: z.ZodMiniType<FollowUpDefinition> = /* @__PURE__ */ lazyInternal(() =>
  strictObject({
    id: z.string().check(z.minLength(1), z.maxLength(100)),
    name: z.string().check(z.maxLength(300)),
    index: Kinds,
    anchor: z.exactOptional(z.string()),
    qualifying: Kinds,
    window: Window,
    minCount: z.exactOptional(z.int().check(z.minimum(1), z.maximum(100))),
    sufficient: z.exactOptional(Kinds),
    indexDedupeDays: z.exactOptional(z.int().check(z.minimum(0), z.maximum(366))),
    exclusions: z.exactOptional(array(strictObject({ kinds: Kinds, window: Window }))),
    sources: array(CitationSchema()),
    unverified: nullable(z.string()),
  }),
);

/** Every anchor names a definition earlier in the list; ids are unique. */
function definitionIssues(definitions: readonly FollowUpDefinition[]): IopIssue[] {
  const seen = new Set<string>();
  const issues: IopIssue[] = [];
  definitions.forEach((d, i) => {
    if (seen.has(d.id))
      issues.push({
        code: "duplicate-definition",
        path: ["definitions", i, "id"],
        message: `a second definition with id ${d.id}`,
      });
    if (d.anchor !== undefined && !seen.has(d.anchor))
      issues.push({
        code: "unknown-anchor",
        path: ["definitions", i, "anchor"],
        message: `anchor ${d.anchor} is not a definition earlier in the list`,
      });
    seen.add(d.id);
  });
  return issues;
}

const Definitions = /* @__PURE__ */ lazyInternal(() =>
  array(Definition).check(
    z.maxLength(100),
    z.superRefine((defs, ctx) => {
      for (const found of definitionIssues(defs))
        ctx.addIssue(customIssue(found.code, found.message, found.path.slice(1)));
    }),
  ),
);

const OptionsInput = /* @__PURE__ */ lazyInternal(() =>
  strictObject({
    asOf: DateText(),
    timeZone: ZoneText(),
    indexFrom: z.exactOptional(DateText()),
    indexTo: z.exactOptional(DateText()),
    definitions: z.exactOptional(Definitions),
  }).check(windowCheck("indexFrom", "indexTo")),
);

const Normalised: z.ZodMiniType<FollowUpNormalised> = /* @__PURE__ */ lazyInternal(() =>
  strictObject({
    asOf: DateText(),
    timeZone: ZoneText(),
    indexFrom: OptionalDate(),
    indexTo: OptionalDate(),
    definitions: Definitions,
  }),
);

const State: z.ZodMiniType<FollowUpState> = /* @__PURE__ */ lazyInternal(
  () =>
    strictObject({
      encounters: array(
        z.tuple([z.string(), z.partialRecord(Kind, array(z.tuple([z.int(), z.int()])))]),
      ),
      attended: array(z.tuple([z.string(), array(z.int())])),
    }) as unknown as z.ZodMiniType<FollowUpState>,
);

/** Every kind a list of definitions reads. */
function kindsUsed(definitions: readonly FollowUpDefinition[]): Set<EncounterKind> {
  const kinds = new Set<EncounterKind>();
  for (const d of definitions)
    for (const k of [
      ...d.index,
      ...d.qualifying,
      ...(d.sufficient ?? []),
      ...(d.exclusions ?? []).flatMap((e) => e.kinds),
    ])
      kinds.add(k);
  return kinds;
}

/** One participant's evidence: their encounters by kind and the days they attended. */
interface Evidence {
  readonly encounters: Readonly<Partial<Record<EncounterKind, HistogramJson>>>;
  readonly attended: DaySetJson;
}

/** Index days of the kinds, one entry per encounter, ascending. */
function indexEvents(ev: Evidence, kinds: readonly EncounterKind[]): number[] {
  const days: number[] = [];
  for (const kind of kinds)
    for (const [day, n] of ev.encounters[kind] ?? []) for (let i = 0; i < n; i++) days.push(day);
  return days.length < 2 ? days : days.sort((a, b) => a - b);
}

/** `[day, count]` of the kinds on days `lo`–`hi` (an attended day is one `iop-day`). */
function servicesIn(
  ev: Evidence,
  kinds: readonly EncounterKind[],
  lo: number,
  hi: number,
): [number, number][] {
  const out: [number, number][] = [];
  for (const kind of kinds) {
    for (const [day, n] of ev.encounters[kind] ?? [])
      if (day >= lo && day <= hi) out.push([day, n]);
    if (kind === "iop-day") forEachDayIn(ev.attended, lo, hi, (day) => out.push([day, 1]));
  }
  return out.length < 2 ? out : out.sort((a, b) => a[0] - b[0]);
}

/** The earliest day of the kinds on days `lo`–`hi` (an attended day is an `iop-day`), or ∞. */
function firstServiceIn(
  ev: Evidence,
  kinds: readonly EncounterKind[],
  lo: number,
  hi: number,
): number {
  let first = Number.POSITIVE_INFINITY;
  for (const kind of kinds) {
    // A histogram's days ascend: its first day from `lo` on is its earliest in the window.
    for (const [day] of ev.encounters[kind] ?? [])
      if (day >= lo) {
        if (day <= hi) first = Math.min(first, day);
        break;
      }
    if (kind === "iop-day") first = Math.min(first, firstDayIn(ev.attended, lo, hi) ?? first);
  }
  return first;
}

/** The follow-up of one index day under one definition. */
function judge(
  d: FollowUpDefinition,
  ev: Evidence,
  indexDay: number,
  asOf: number,
): { status: FollowUpStatus; metOn: number | null; windowEnds: number } {
  const windowEnds = indexDay + d.window.toDay;
  for (const ex of d.exclusions ?? []) {
    const lo = indexDay + ex.window.fromDay;
    const hi = Math.min(indexDay + ex.window.toDay, asOf);
    if (firstServiceIn(ev, ex.kinds, lo, hi) !== Number.POSITIVE_INFINITY)
      return { status: "excluded", metOn: null, windowEnds };
  }
  const lo = indexDay + d.window.fromDay;
  const hi = Math.min(windowEnds, asOf);
  let metOn = firstServiceIn(ev, d.sufficient ?? [], lo, hi);
  const need = d.minCount ?? 1;
  if (need <= 1) metOn = Math.min(metOn, firstServiceIn(ev, d.qualifying, lo, hi));
  else {
    let seen = 0;
    for (const [day, n] of servicesIn(ev, d.qualifying, lo, hi)) {
      seen += n;
      if (seen >= need) {
        metOn = Math.min(metOn, day);
        break;
      }
    }
  }
  if (metOn !== Number.POSITIVE_INFINITY) return { status: "met", metOn, windowEnds };
  return { status: windowEnds <= asOf ? "missed" : "open", metOn: null, windowEnds };
}

/**
 * Follow-up measures: for each index event, whether a qualifying service followed in its window.
 *
 * **Definition.** For each measure (see {@link followUpDefinitions}) and participant: index events
 * are encounters of the `index` kinds dated `indexFrom`–`indexTo` (one per encounter; with
 * `indexDedupeDays`, one more within that many days after a counted one is skipped) — or, for an
 * anchored measure, the anchor's met events on the day they were met. An index event is
 * `excluded` when an exclusion kind falls in its exclusion window; `met` when, on the days
 * `window.fromDay`…`window.toDay` after it (0 = the index day), qualifying services reach
 * `minCount` or a `sufficient` kind occurs (counting only days up to `asOf`); otherwise `missed`
 * once its window has closed (its last day is on or before `asOf`), else `open`. Rate = met ÷
 * (met + missed). Qualifying services are the app's encounters plus this program's own care:
 * the first day of treatment (`iop-admission`) and every day a session was attended (`iop-day`).
 * Eligibility that needs claims or diagnoses (age, continuous enrolment, hospice, which ED visits
 * carry an SUD diagnosis) is the app's: it supplies only the encounters that qualify.
 *
 * @example
 * ```ts
 * const f = followUpMeasure({ encounters, episodes: logs, attendance: rows }, { asOf: "2026-12-31", timeZone: program.timeZone });
 * f.measures.find((m) => m.definition.id === "fui-7")?.rate;
 * ```
 */
export const followUpMeasure: Aggregate<
  FollowUpSources,
  FollowUpOptions,
  FollowUpPartial,
  FollowUpReport
> = /* @__PURE__ */ pure(() =>
  makeAggregate<
    "followUpMeasure",
    FollowUpSources,
    FollowUpOptions,
    FollowUpNormalised,
    FollowUpState,
    FollowUpReport
  >({
    name: "followUpMeasure",
    sources: ["encounters", "episodes", "attendance"],
    normalise(options) {
      const o = parseOrThrow(OptionsInput, options, "followUpMeasure");
      return {
        asOf: o.asOf,
        timeZone: o.timeZone,
        indexFrom: o.indexFrom ?? null,
        indexTo: o.indexTo ?? null,
        definitions: o.definitions ?? followUpDefinitions,
      };
    },
    begin(options, exclude, shared) {
      const used = kindsUsed(options.definitions);
      // Per participant, one flat list of (day, kind) pairs: histograms are built at the end.
      const encounters = new Map<string, number[]>();
      const attended = attendedDaysReader(shared.attended(options.timeZone), exclude);
      const kindIndex = new Map(encounterKinds.map((k, i) => [k, i]));
      const note = (participantId: string, kind: EncounterKind, day: number): void => {
        let mine = encounters.get(participantId);
        if (mine === undefined) {
          mine = [];
          encounters.set(participantId, mine);
        }
        mine.push(day, kindIndex.get(kind) ?? 0);
      };
      return {
        rows: {
          encounters(e) {
            if (!used.has(e.kind)) return exclude("unused-kind");
            note(e.participantId, e.kind, epochDayOf(e.on));
          },
          episodes(log) {
            const f = shared.facts(log);
            if (f === undefined) return exclude("no-referral");
            if (f.firstDay !== undefined && used.has("iop-admission"))
              note(f.participantId, "iop-admission", f.firstDay);
            if (f.discharge !== undefined && used.has("iop-discharge"))
              note(f.participantId, "iop-discharge", f.discharge.on);
          },
          attendance(row) {
            if (used.has("iop-day")) attended.read(row);
          },
        },
        end() {
          const byId = keyedFromMap(encounters, histogramsByKind);
          return { encounters: byId, attended: attended.json() };
        },
      };
    },
    merge(a, b) {
      const encounters = mergeKeyed(a.encounters, b.encounters, (x, y): EncountersByKind => {
        const mine: Partial<Record<EncounterKind, HistogramJson>> = {};
        for (const kind of encounterKinds) {
          const p = x[kind];
          const q = y[kind];
          if (p !== undefined || q !== undefined) mine[kind] = addHistograms(p ?? [], q ?? []);
        }
        return mine;
      });
      return { encounters, attended: mergeAttended(a.attended, b.attended) };
    },
    finish(state, options, excluded): FollowUpReport {
      const asOf = epochDayOf(options.asOf);
      const from = dayOr(options.indexFrom, -Infinity);
      const to = dayOr(options.indexTo, Infinity);
      const setOf = attendedLookup(state.attended);
      const isoOf = isoMemo();
      const definitions = options.definitions;
      const events: FollowUpEvent[][] = definitions.map(() => []);
      const position = new Map(definitions.map((d, i) => [d.id, i]));
      // One participant at a time, every definition in order: an anchored measure reads its
      // anchor's events of the same participant, judged just before. Only participants with an
      // encounter can have an index event (anchored measures: the anchor's participants).
      const mine: (FollowUpEvent[] | undefined)[] = definitions.map(() => undefined);
      for (const [id, kinds] of state.encounters) {
        const ev: Evidence = { encounters: kinds, attended: setOf(id) };
        mine.fill(undefined);
        definitions.forEach((d, k) => {
          const out: FollowUpEvent[] = [];
          const at = d.anchor === undefined ? undefined : position.get(d.anchor);
          if (at === undefined) {
            if (!d.index.some((kind) => kinds[kind] !== undefined))
              return void (mine[k] = undefined);
            const indexDays = dedupe(
              indexEvents(ev, d.index).filter((day) => day >= from && day <= to),
              d.indexDedupeDays,
            );
            for (const day of indexDays) {
              const j = judge(d, ev, day, asOf);
              out.push({
                participantId: id,
                indexOn: isoOf(day),
                status: j.status,
                metOn: j.metOn === null ? null : isoOf(j.metOn),
                windowEnds: isoOf(j.windowEnds),
              });
            }
          } else
            for (const a of mine[at] ?? []) {
              if (a.status === "met" && a.metOn !== null) {
                const j = judge(d, ev, epochDayOf(a.metOn), asOf);
                out.push({
                  participantId: id,
                  indexOn: a.metOn,
                  status: j.status,
                  metOn: j.metOn === null ? null : isoOf(j.metOn),
                  windowEnds: isoOf(j.windowEnds),
                });
              } else
                out.push({
                  participantId: id,
                  indexOn: a.indexOn,
                  status: a.status,
                  metOn: null,
                  windowEnds: a.windowEnds,
                });
            }
          mine[k] = out.length > 0 ? out : undefined;
          const list = events[k];
          if (list !== undefined) for (const e of out) list.push(e);
        });
      }
      const measures = definitions.map((d, k): FollowUpResult => {
        const list = events[k] ?? [];
        const tally = { met: 0, missed: 0, open: 0, excluded: 0 };
        for (const e of list) tally[e.status]++;
        return {
          definition: d,
          denominator: tally.met + tally.missed,
          met: tally.met,
          missed: tally.missed,
          open: tally.open,
          excluded: tally.excluded,
          rate: tally.met + tally.missed === 0 ? null : tally.met / (tally.met + tally.missed),
          events: list,
        };
      });
      return { asOf: options.asOf, measures, excluded };
    },
    schemas: { options: Normalised, state: State },
    check(state) {
      const issues = attendedIssues(state.attended, "attended");
      if (!isKeyed(state.encounters)) issues.push(unsorted(["encounters"]));
      state.encounters.forEach(([, kinds], i) => {
        for (const [kind, h] of Object.entries(kinds))
          if (h !== undefined && !isHistogramJson(h))
            issues.push({
              code: "invalid-histogram",
              path: ["encounters", i, 1, kind],
              message: "not [day, count ≥ 1] pairs by ascending day",
            });
      });
      return issues;
    },
  }),
);

/** Days are packed with their kind as `kind × SPAN + day + OFFSET`: any date of years 0–9999. */
const OFFSET = 2 ** 22;
const SPAN = 2 ** 23;

/**
 * A participant's `(day, kind index)` pairs as histograms by kind: sorted by kind, then day, in
 * one numeric sort, and counted run by run (kinds in `encounterKinds` order, as a merge writes them).
 */
function histogramsByKind(pairs: readonly number[]): EncountersByKind {
  const packed: number[] = [];
  for (let i = 0; i + 1 < pairs.length; i += 2)
    packed.push((pairs[i + 1] ?? 0) * SPAN + (pairs[i] ?? 0) + OFFSET);
  packed.sort((a, b) => a - b);
  const mine: Partial<Record<EncounterKind, HistogramJson>> = {};
  let kind = -1;
  let h: [number, number][] = [];
  for (const key of packed) {
    const k = Math.floor(key / SPAN);
    const day = key - k * SPAN - OFFSET;
    if (k !== kind) {
      kind = k;
      h = [];
      const name = encounterKinds[k];
      if (name !== undefined) mine[name] = h;
    }
    const last = h[h.length - 1];
    if (last !== undefined && last[0] === day) last[1]++;
    else h.push([day, 1]);
  }
  return mine;
}

/** Index days with repeats within `days` after a counted one removed (all kept without `days`). */
function dedupe(sorted: readonly number[], days: number | undefined): number[] {
  if (days === undefined) return [...sorted];
  const out: number[] = [];
  for (const day of sorted) {
    const last = out[out.length - 1];
    if (last === undefined || day - last > days) out.push(day);
  }
  return out;
}
