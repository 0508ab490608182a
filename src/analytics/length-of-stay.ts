/**
 * `lengthOfStay`: days in treatment per discharged episode, summarised (mean, median, quartiles)
 * overall and by discharge type, with TEDS-D's LOS bins — by the plain method or by TEDS's.
 */
import * as z from "zod/mini";
import { array, nullable, strictObject } from "../core/zod";
import type { IsoDate } from "../core/calendar";
import { pure } from "../core/pure";
import { issue, lazyInternal } from "../core/schema";
import type { TimeZone } from "../core/zone";
import { dischargeTypes, type DischargeType } from "../episode/index";
import { makeAggregate, parseOrThrow, type Aggregate, type PartialAggregate } from "./aggregate";
import {
  attendedDaysReader,
  attendedIssues,
  attendedLookup,
  mergeAttended,
  mergeByKey,
} from "./attended-days";
import { latestDayIn, type DaySetJson } from "./day-set";
import type { Keyed } from "./keyed";
import { startedEpisode } from "./episode-facts";
import { bump, histogramToJson, summarise, type DistributionSummary } from "./histogram";
import { DateText, OptionalDate, ZoneText, dayOr, isoMemo, windowCheck } from "./options";
import type { AttendanceRow, EpisodeLogRow } from "./rows";
import type { Citation } from "../core/sources";
import { analyticsSources } from "./sources";
import { tedsLosBins, tedsLosCode } from "./teds-codes";

/** The rows {@link lengthOfStay} reads. */
export interface LengthOfStaySources {
  /** Episode logs; discharged episodes that reached their first day of treatment are counted. */
  readonly episodes?: Iterable<EpisodeLogRow>;
  /** Attendance rows, for the date of last contact (TEDS method only; the plain method ignores them). */
  readonly attendance?: Iterable<AttendanceRow>;
}

/** Which discharges count: those on or between these dates (either end may be open). */
export interface DischargeWindow {
  /** First discharge date counted. @defaultValue no lower bound */
  readonly dischargedFrom?: IsoDate;
  /** Last discharge date counted. @defaultValue no upper bound */
  readonly dischargedTo?: IsoDate;
}

/**
 * Options of {@link lengthOfStay}: the plain method (discharge day − first day of treatment), or
 * TEDS's (both days count, up to the earlier of last contact and discharge), which reads
 * attendance in the program's `timeZone`.
 */
export type LengthOfStayOptions =
  | (DischargeWindow & { readonly method?: "plain" })
  | (DischargeWindow & { readonly method: "teds"; readonly timeZone: TimeZone });

/** Options as a partial holds them. */
export interface LengthOfStayNormalised {
  /** `"plain"` or `"teds"`. */
  readonly method: "plain" | "teds";
  /** The zone attendance is read in (TEDS method), else `null`. */
  readonly timeZone: TimeZone | null;
  /** First discharge date counted, or `null`. */
  readonly dischargedFrom: IsoDate | null;
  /** Last discharge date counted, or `null`. */
  readonly dischargedTo: IsoDate | null;
}

/** A discharged episode as a partial holds it: `[key, participantId, firstDay, dischargeDay, type]` (epoch days). */
export type StayJson = readonly [string, string, number, number, DischargeType];

/** The state of a length-of-stay partial. */
export interface LengthOfStayState {
  /** Discharged episodes, by key. */
  readonly episodes: readonly StayJson[];
  /** Days each participant attended a session (TEDS method), as day sets by participant. */
  readonly attended: Keyed<DaySetJson>;
}

/** A length-of-stay partial. */
export type LengthOfStayPartial = PartialAggregate<
  "lengthOfStay",
  LengthOfStayNormalised,
  LengthOfStayState
>;

/** One episode's stay. */
export interface EpisodeStay {
  /** The episode (the referral's `episodeId`, else `participantId@referralDate`). */
  readonly episodeKey: string;
  /** Whose episode. */
  readonly participantId: string;
  /** First day of treatment (the first phase started): TEDS's date of admission. */
  readonly admittedOn: IsoDate;
  /** Discharge date. */
  readonly dischargedOn: IsoDate;
  /** TEDS method: the last day a session was attended up to discharge, or `null` when none was recorded (then the discharge date counts). Plain method: `null`. */
  readonly lastContactOn: IsoDate | null;
  /** Length of stay in days, by the method. */
  readonly days: number;
  /** Its TEDS-D LOS code (1–37). */
  readonly tedsLosCode: number;
  /** How the episode ended. */
  readonly dischargeType: DischargeType;
}

/** A TEDS-D LOS bin with its count. */
export interface LosBinCount {
  /** LOS code, 1–37. */
  readonly code: number;
  /** The codebook's label. */
  readonly label: string;
  /** Episodes in the bin. */
  readonly count: number;
}

/** The report of {@link lengthOfStay}. */
export interface LengthOfStayReport {
  /** The method used. */
  readonly method: "plain" | "teds";
  /** Every counted episode's stay, by episode key. */
  readonly episodes: readonly EpisodeStay[];
  /** Days of stay over all episodes (right-skewed: read the median with the mean). */
  readonly summary: DistributionSummary;
  /** The same by discharge type. */
  readonly byDischargeType: Readonly<Record<DischargeType, DistributionSummary>>;
  /** Episodes per TEDS-D LOS code (only codes with episodes). */
  readonly bins: readonly LosBinCount[];
  /** TEDS method: episodes without any attended session recorded up to discharge. */
  readonly lastContactUnknown: number;
  /** Rows not used, by reason. */
  readonly excluded: LengthOfStayPartial["excluded"];
  /** The definition, in words. */
  readonly definition: string;
  /** Where it comes from. */
  readonly sources: readonly Citation[];
}

const OptionsInput = /* @__PURE__ */ lazyInternal(() =>
  strictObject({
    method: z.exactOptional(z.enum(["plain", "teds"])),
    timeZone: z.exactOptional(ZoneText()),
    dischargedFrom: z.exactOptional(DateText()),
    dischargedTo: z.exactOptional(DateText()),
  }).check(
    windowCheck("dischargedFrom", "dischargedTo"),
    z.refine(
      (o) => o.method !== "teds" || o.timeZone !== undefined,
      issue("time-zone-required", "the TEDS method reads attendance: give the program's timeZone", {
        path: ["timeZone"],
      }),
    ),
  ),
);

const Normalised: z.ZodMiniType<LengthOfStayNormalised> = /* @__PURE__ */ lazyInternal(() =>
  strictObject({
    method: z.enum(["plain", "teds"]),
    timeZone: nullable(ZoneText()),
    dischargedFrom: OptionalDate(),
    dischargedTo: OptionalDate(),
  }),
);

const DAY = /* @__PURE__ */ lazyInternal(() => z.int());
const State: z.ZodMiniType<LengthOfStayState> = /* @__PURE__ */ lazyInternal(() =>
  strictObject({
    episodes: array(z.tuple([z.string(), z.string(), DAY, DAY, z.enum(dischargeTypes)])),
    attended: array(z.tuple([z.string(), array(z.int())])),
  }),
);

/**
 * A stay by TEDS's outpatient method: (the earlier of the last attended day and the discharge) −
 * first day + 1, the last contact being the latest attended day in [first day, discharge]; without
 * one, the discharge counts.
 */
export function tedsStay(
  first: number,
  discharged: number,
  attended: DaySetJson,
): { days: number; lastContact: number | undefined } {
  const lastContact = latestDayIn(attended, first, discharged);
  return { days: Math.min(lastContact ?? discharged, discharged) - first + 1, lastContact };
}

/**
 * Length of stay in treatment, per discharged episode and summarised.
 *
 * **Definition.** The stay starts on the first day of treatment (the first `phase-started`: TEDS's
 * date of admission is the first service). Counted episodes are those discharged (in the
 * `dischargedFrom`–`dischargedTo` window) after starting treatment.
 * - `method: "plain"` — days = discharge date − first day (a same-day discharge is 0);
 * - `method: "teds"` — SAMHSA's method for outpatient services: days = (the earlier of the date of
 *   last contact and the discharge date) − first day + 1: both the admission day and the last day
 *   count, and a stay under one day counts as one. The last contact is the last day the participant
 *   attended a session on or before discharge (from `attendance`, read in `timeZone`); without any,
 *   the discharge date counts and the episode is counted in `lastContactUnknown`.
 *
 * So for every episode, TEDS days − plain days = 1 − (discharge − last contact). Summaries: mean,
 * and median and quartiles by Hyndman & Fan's definition 7, exact (computed from a histogram by
 * whole day). Bins: TEDS-D's LOS codes (1–30 by day, then 31–45, 46–60, 61–90, 91–120, 121–180,
 * 181–365, more than a year).
 *
 * Sources (registry citations in the report's `sources`, see {@link analyticsSources}): TEDS-D
 * codebooks, 2019 codebook (LOS); SAMHSA, TEDS 2005 Discharges, chapter 2 (the TEDS method: "the
 * earlier of either the date of last contact … or the date of discharge", admission and
 * discharge days "counted as full days for all outpatient service types"); Hyndman & Fan 1996
 * (quantiles).
 *
 * @example
 * ```ts
 * const los = lengthOfStay({ episodes: logs, attendance: rows }, { method: "teds", timeZone: "America/New_York" });
 * los.summary.median; // e.g. 57
 * // or in steps, one partial per worker:
 * const p = lengthOfStay.merge(lengthOfStay.partial(part1, opts), lengthOfStay.partial(part2, opts));
 * lengthOfStay.finish(p);
 * ```
 */
export const lengthOfStay: Aggregate<
  LengthOfStaySources,
  LengthOfStayOptions,
  LengthOfStayPartial,
  LengthOfStayReport
> = /* @__PURE__ */ pure(() =>
  makeAggregate<
    "lengthOfStay",
    LengthOfStaySources,
    LengthOfStayOptions,
    LengthOfStayNormalised,
    LengthOfStayState,
    LengthOfStayReport
  >({
    name: "lengthOfStay",
    sources: ["episodes", "attendance"],
    normalise(options: LengthOfStayOptions): LengthOfStayNormalised {
      const o = parseOrThrow(OptionsInput, options, "lengthOfStay");
      const method = o.method ?? "plain";
      return {
        method,
        timeZone: method === "teds" ? (o.timeZone ?? null) : null,
        dischargedFrom: o.dischargedFrom ?? null,
        dischargedTo: o.dischargedTo ?? null,
      };
    },
    begin(options, exclude, shared) {
      const from = dayOr(options.dischargedFrom, -Infinity);
      const to = dayOr(options.dischargedTo, Infinity);
      const stays: StayJson[] = [];
      const attended =
        options.timeZone === null
          ? undefined
          : attendedDaysReader(shared.attended(options.timeZone), exclude);
      return {
        rows: {
          episodes(log) {
            const f = startedEpisode(log, exclude, undefined, shared.facts);
            if (f === undefined) return;
            if (f.discharge === undefined) return exclude("not-discharged");
            if (f.discharge.on < from || f.discharge.on > to) return exclude("outside-window");
            stays.push([f.key, f.participantId, f.firstDay, f.discharge.on, f.discharge.type]);
          },
          attendance(row) {
            attended?.read(row);
          },
        },
        end() {
          const { merged, duplicates } = mergeByKey(stays, []);
          for (let i = 0; i < duplicates; i++) exclude("duplicate-episode");
          stays.length = 0; // counted once: a second partial() continues from the kept ones
          stays.push(...merged);
          return {
            episodes: [...merged],
            attended: attended === undefined ? [] : attended.json(),
          };
        },
      };
    },
    merge(a, b, _options, exclude) {
      const { merged, duplicates } = mergeByKey(a.episodes, b.episodes);
      exclude("duplicate-episode", duplicates);
      return { episodes: merged, attended: mergeAttended(a.attended, b.attended) };
    },
    finish(state, options, excluded): LengthOfStayReport {
      const setOf = attendedLookup(state.attended);
      const isoOf = isoMemo();
      let lastContactUnknown = 0;
      const all = new Map<number, number>();
      const byType = new Map(dischargeTypes.map((t) => [t, new Map<number, number>()]));
      const bins = new Map<number, number>();
      const episodes = state.episodes.map(([key, participantId, first, discharged, type]) => {
        let days = discharged - first;
        let lastContact: number | undefined;
        if (options.method === "teds") {
          ({ days, lastContact } = tedsStay(first, discharged, setOf(participantId)));
          if (lastContact === undefined) lastContactUnknown++;
        }
        bump(all, days);
        const h = byType.get(type);
        if (h !== undefined) bump(h, days);
        const code = tedsLosCode(days);
        bump(bins, code);
        return {
          episodeKey: key,
          participantId,
          admittedOn: isoOf(first),
          dischargedOn: isoOf(discharged),
          lastContactOn: lastContact === undefined ? null : isoOf(lastContact),
          days,
          tedsLosCode: code,
          dischargeType: type,
        };
      });
      const summaryOf = (t: DischargeType): DistributionSummary =>
        summarise(histogramToJson(byType.get(t) ?? new Map()));
      return {
        method: options.method,
        episodes,
        summary: summarise(histogramToJson(all)),
        byDischargeType: {
          completed: summaryOf("completed"),
          "transferred-higher": summaryOf("transferred-higher"),
          "transferred-lower": summaryOf("transferred-lower"),
          "not-completed": summaryOf("not-completed"),
        },
        bins: tedsLosBins
          .filter((b) => (bins.get(b.code) ?? 0) > 0)
          .map((b) => ({ code: b.code, label: b.label, count: bins.get(b.code) ?? 0 })),
        lastContactUnknown,
        excluded,
        definition:
          options.method === "teds"
            ? "days = (earlier of last attended day and discharge) − first day of treatment + 1 (SAMHSA TEDS, outpatient)"
            : "days = discharge date − first day of treatment",
        sources: [
          analyticsSources.tedsCodebook,
          analyticsSources.tedsDischarges2005,
          analyticsSources.hyndmanFan1996,
        ],
      };
    },
    schemas: { options: Normalised, state: State },
    check(state) {
      return attendedIssues(state.attended, "attended");
    },
  }),
);
