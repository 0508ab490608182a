/**
 * `tedsDischarge`: the TEDS-D discharge record of each discharged episode — reason for discharge,
 * length of stay and its code, service setting at admission and at discharge, days waiting,
 * referral source, and the admission/discharge pairs of frequency of use, employment, living
 * arrangement and self-help attendance — with every field iopkit cannot know reported missing
 * (TEDS's -9), never guessed.
 */
import * as z from "zod/mini";
import { array, object, strictObject } from "../core/zod";
import type { IsoDate } from "../core/calendar";
import type { IopIssue } from "../core/errors";
import { pure } from "../core/pure";
import { lazyInternal, lazySchema, type Schema } from "../core/schema";
import {
  dischargeReasons,
  dischargeTypes,
  type DischargeReason,
  type DischargeType,
} from "../episode/index";
import { levelOfCareIds, type LevelOfCareId, type Program } from "../program/index";
import { makeAggregate, parseOrThrow, type Aggregate, type PartialAggregate } from "./aggregate";
import { addExclusions, canonicalJson } from "./aggregate";
import type { DaySetJson } from "./day-set";
import { phaseOn, startedEpisode } from "./episode-facts";
import {
  attendedDaysReader,
  attendedIssues,
  attendedLookup,
  mergeAttended,
  mergeByKey,
} from "./attended-days";
import { isKeyed, keyedFromMap, keyedLookup, mergeKeyed, unsorted, type Keyed } from "./keyed";
import { tedsStay } from "./length-of-stay";
import { DateText, OptionalDate, ZoneText, dayOr, isoMemo, windowCheck } from "./options";
import { ReasonRuleSchema } from "./retention";
import type { AttendanceRow, EpisodeLogRow } from "./rows";
import type { Citation } from "../core/sources";
import {
  EMPLOYMENT,
  FREQUENCY_OF_USE,
  LIVING_ARRANGEMENT,
  REFERRAL_SOURCE,
  SELF_HELP_ATTENDANCE,
  TEDS_MISSING,
  TEDS_REASONS,
  tedsDaysWaitingCode,
  tedsLosCode,
  tedsReasonOf,
  tedsReasonRules,
  tedsServiceSettings,
  tedsSources,
  type TedsReasonCode,
  type TedsReasonRule,
  type TedsServiceCode,
} from "./teds-codes";

/** A participant's status at admission or at discharge, as TEDS asks for it (each field optional). */
export interface TedsStatus {
  /** Use of the primary substance in the past 30 days (FREQ1 / FREQ1_D). */
  frequencyOfUse?: keyof typeof FREQUENCY_OF_USE;
  /** Employment (EMPLOY / EMPLOY_D). */
  employment?: keyof typeof EMPLOYMENT;
  /** Living arrangement (LIVARAG / LIVARAG_D). */
  livingArrangement?: keyof typeof LIVING_ARRANGEMENT;
  /** Self-help group attendance in the past 30 days (FREQ_ATND_SELF_HELP / _D). */
  selfHelpAttendance?: keyof typeof SELF_HELP_ATTENDANCE;
}

/**
 * What an app records for TEDS about one episode that iopkit's records do not hold: the referral
 * source and the participant's status at admission and at discharge. One row of `profiles`.
 */
export interface TedsProfile {
  /** The episode: the referral's `episodeId`, else `participantId@referralDate`. */
  episodeKey: string;
  /** Who referred (PSOURCE). */
  referralSource?: keyof typeof REFERRAL_SOURCE;
  /** Status at admission. */
  admission?: TedsStatus;
  /** Status at discharge. */
  discharge?: TedsStatus;
}

const keysOf = <T extends Record<string, number>>(table: T) =>
  Object.keys(table) as [keyof T & string, ...(keyof T & string)[]];

const StatusSchema = (): Schema<TedsStatus> =>
  strictObject({
    frequencyOfUse: z.exactOptional(z.enum(keysOf(FREQUENCY_OF_USE))),
    employment: z.exactOptional(z.enum(keysOf(EMPLOYMENT))),
    livingArrangement: z.exactOptional(z.enum(keysOf(LIVING_ARRANGEMENT))),
    selfHelpAttendance: z.exactOptional(z.enum(keysOf(SELF_HELP_ATTENDANCE))),
  });

/** The schema of a {@link TedsProfile} (zod/mini). */
export const TedsProfile: Schema<TedsProfile> = /* @__PURE__ */ lazySchema(() =>
  strictObject({
    episodeKey: z.string().check(z.minLength(1), z.maxLength(300)),
    referralSource: z.exactOptional(z.enum(keysOf(REFERRAL_SOURCE))),
    admission: z.exactOptional(StatusSchema()),
    discharge: z.exactOptional(StatusSchema()),
  }),
);

/**
 * Validates a TEDS profile from any input; throws {@link core!IopError | IopError} listing every problem.
 * @example
 * ```ts
 * parseTedsProfile({ episodeKey: "ep-1", admission: { employment: "unemployed" }, discharge: { employment: "part-time" } });
 * ```
 */
export function parseTedsProfile(input: unknown): TedsProfile {
  return parseOrThrow(TedsProfile, input, "parseTedsProfile");
}

/** The rows {@link tedsDischarge} reads. */
export interface TedsDischargeSources {
  /** Episode logs of the program. */
  readonly episodes?: Iterable<EpisodeLogRow>;
  /** Attendance rows, for the date of last contact. */
  readonly attendance?: Iterable<AttendanceRow>;
  /** The app's TEDS profiles, one per episode at most. */
  readonly profiles?: Iterable<TedsProfile>;
}

/** Options of {@link tedsDischarge}. */
export interface TedsDischargeOptions {
  /** The program: its id, zone, level of care and phases (each phase's level of care). */
  readonly program: Pick<Program, "id" | "timeZone" | "levelOfCare" | "phases">;
  /** First discharge date reported. @defaultValue no lower bound */
  readonly dischargedFrom?: IsoDate;
  /** Last discharge date reported. @defaultValue no upper bound */
  readonly dischargedTo?: IsoDate;
  /** Discharge → REASON rules (a state's own first). @defaultValue {@link tedsReasonRules} */
  readonly reasonRules?: readonly TedsReasonRule[];
  /** Levels of care → SERVICES codes, on top of {@link tedsServiceSettings} (e.g. `{ "partial-hospitalization": 6 }`). */
  readonly serviceSettings?: Readonly<Partial<Record<LevelOfCareId, TedsServiceCode>>>;
}

/** Options as a partial holds them. */
export interface TedsDischargeNormalised {
  /** The program's id. */
  readonly programId: string;
  /** Its zone. */
  readonly timeZone: string;
  /** Phase ids in order. */
  readonly phaseIds: readonly string[];
  /** Each phase's level of care, in the same order. */
  readonly phaseLevels: readonly LevelOfCareId[];
  /** First discharge date, or `null`. */
  readonly dischargedFrom: IsoDate | null;
  /** Last discharge date, or `null`. */
  readonly dischargedTo: IsoDate | null;
  /** REASON rules. */
  readonly reasonRules: readonly TedsReasonRule[];
  /** Level → SERVICES code. */
  readonly serviceSettings: Readonly<Partial<Record<LevelOfCareId, TedsServiceCode>>>;
}

/**
 * A discharged episode in a partial: `[key, participantId, referralDay, firstDay, dischargeDay,
 * type, reason, admissionPhaseIndex, dischargePhaseIndex]` (epoch days; -1: phase unknown).
 */
export type TedsEpisodeJson = readonly [
  string,
  string,
  number,
  number,
  number,
  DischargeType,
  DischargeReason,
  number,
  number,
];

/** The state of a TEDS partial. */
export interface TedsDischargeState {
  /** Discharged episodes, by key. */
  readonly episodes: readonly TedsEpisodeJson[];
  /** Profiles by episode key. */
  readonly profiles: Keyed<TedsProfile>;
  /** Attended days by participant. */
  readonly attended: Keyed<DaySetJson>;
}

/** A TEDS partial. */
export type TedsDischargePartial = PartialAggregate<
  "tedsDischarge",
  TedsDischargeNormalised,
  TedsDischargeState
>;

/** The TEDS-D variables a record carries; `-9` is missing. */
export interface TedsFields {
  /** Reason for discharge, 1–7. */
  readonly REASON: TedsReasonCode;
  /** Length of stay code, 1–37. */
  readonly LOS: number;
  /** Service setting at admission, 1–8. */
  readonly SERVICES: number;
  /** Service setting at discharge, 1–8. */
  readonly SERVICES_D: number;
  /** Days waiting to enter treatment, 0–4. */
  readonly DAYWAIT: number;
  /** Referral source, 1–7. */
  readonly PSOURCE: number;
  /** Frequency of use of the primary substance at admission, 1–3. */
  readonly FREQ1: number;
  /** …at discharge. */
  readonly FREQ1_D: number;
  /** Employment at admission, 1–4. */
  readonly EMPLOY: number;
  /** …at discharge. */
  readonly EMPLOY_D: number;
  /** Living arrangement at admission, 1–3. */
  readonly LIVARAG: number;
  /** …at discharge. */
  readonly LIVARAG_D: number;
  /** Self-help attendance at admission, 1–5. */
  readonly FREQ_ATND_SELF_HELP: number;
  /** …at discharge. */
  readonly FREQ_ATND_SELF_HELP_D: number;
}

/** One episode's TEDS-D discharge record. */
export interface TedsDischargeRecord {
  /** The episode's key. */
  readonly episodeKey: string;
  /** Whose episode. */
  readonly participantId: string;
  /** Referral date (the request for service). */
  readonly referredOn: IsoDate;
  /** Date of admission: the first day of treatment. */
  readonly admittedOn: IsoDate;
  /** Discharge date. */
  readonly dischargedOn: IsoDate;
  /** Last attended session on or before discharge, or `null` when none is recorded. */
  readonly lastContactOn: IsoDate | null;
  /** Length of stay in days by TEDS's outpatient method. */
  readonly losDays: number;
  /** Days from referral to the first day of treatment. */
  readonly daysWaiting: number;
  /** The TEDS-D variables. */
  readonly fields: TedsFields;
  /** Variables reported missing (-9), in the order of `fields`. */
  readonly missing: readonly (keyof TedsFields)[];
}

/** The report of {@link tedsDischarge}. */
export interface TedsDischargeReport {
  /** One record per discharged episode, by episode key. */
  readonly records: readonly TedsDischargeRecord[];
  /** Records per REASON code. */
  readonly byReason: readonly {
    readonly code: TedsReasonCode;
    readonly label: string;
    readonly count: number;
  }[];
  /** Completed (REASON 1) ÷ records, or `null`. */
  readonly completionRate: number | null;
  /** Completed or transferred (REASON 1 or 4) ÷ records, or `null`. */
  readonly positiveConclusionRate: number | null;
  /** How many records miss each variable. */
  readonly missingCounts: Readonly<Record<keyof TedsFields, number>>;
  /** Rows not used, by reason. */
  readonly excluded: TedsDischargePartial["excluded"];
  /** Where the codes and rules come from. */
  readonly sources: readonly Citation[];
}

const FIELD_ORDER = [
  "REASON",
  "LOS",
  "SERVICES",
  "SERVICES_D",
  "DAYWAIT",
  "PSOURCE",
  "FREQ1",
  "FREQ1_D",
  "EMPLOY",
  "EMPLOY_D",
  "LIVARAG",
  "LIVARAG_D",
  "FREQ_ATND_SELF_HELP",
  "FREQ_ATND_SELF_HELP_D",
] as const satisfies readonly (keyof TedsFields)[];

const ServiceCode = /* @__PURE__ */ lazyInternal(() => z.literal([1, 2, 3, 4, 5, 6, 7, 8]));
const ServiceSettings = /* @__PURE__ */ lazyInternal(
  () =>
    z.partialRecord(z.enum(levelOfCareIds), ServiceCode) as unknown as z.ZodMiniType<
      Readonly<Partial<Record<LevelOfCareId, TedsServiceCode>>>
    >,
);

const OptionsInput = /* @__PURE__ */ lazyInternal(() =>
  object({
    dischargedFrom: z.exactOptional(DateText()),
    dischargedTo: z.exactOptional(DateText()),
    reasonRules: z.exactOptional(array(ReasonRuleSchema).check(z.maxLength(100))),
    serviceSettings: z.exactOptional(ServiceSettings),
  }).check(windowCheck("dischargedFrom", "dischargedTo")),
);

const Normalised: z.ZodMiniType<TedsDischargeNormalised> = /* @__PURE__ */ lazyInternal(() =>
  strictObject({
    programId: z.string(),
    timeZone: ZoneText(),
    phaseIds: array(z.string()),
    phaseLevels: array(z.enum(levelOfCareIds)),
    dischargedFrom: OptionalDate(),
    dischargedTo: OptionalDate(),
    reasonRules: array(ReasonRuleSchema),
    serviceSettings: ServiceSettings,
  }),
);

const State: z.ZodMiniType<TedsDischargeState> = /* @__PURE__ */ lazyInternal(
  () =>
    strictObject({
      episodes: array(
        z.tuple([
          z.string(),
          z.string(),
          z.int(),
          z.int(),
          z.int(),
          z.enum(dischargeTypes),
          z.enum(dischargeReasons),
          z.int(),
          z.int(),
        ]),
      ),
      profiles: array(z.tuple([z.string(), TedsProfile])),
      attended: array(z.tuple([z.string(), array(z.int())])),
    }) as unknown as z.ZodMiniType<TedsDischargeState>,
);

/** Of two profiles for one episode, the first in content order (the same in every partition). */
const firstProfile = (x: TedsProfile, y: TedsProfile): TedsProfile =>
  canonicalJson(x) <= canonicalJson(y) ? x : y;

/**
 * TEDS-D discharge records of the program's discharged episodes.
 *
 * **Definition** (codes: SAMHSA TEDS-D 2019 codebook).
 * - REASON: the discharge's type and reason through `reasonRules` (built in: died → 6,
 *   incarcerated → 5, completed → 1, transferred higher or lower → 4, the client left → 2, the
 *   facility ended it → 3, otherwise 7 — iopkit's reading, unverified against state manuals: a
 *   state overrides it);
 * - date of admission = the first day of treatment (TEDS: the first service); LOS by TEDS's
 *   outpatient method — (earlier of last contact and discharge) − admission + 1, last contact =
 *   the last attended session (see `lengthOfStay`), coded 1–30 by day then 31–37 by bin;
 * - SERVICES / SERVICES_D: the level of care of the admission phase and of the phase in force at
 *   discharge, through `serviceSettings` (built in: intensive outpatient 6, outpatient 7; other
 *   levels missing, as TEDS's codes for them depend on facts iopkit does not hold);
 * - DAYWAIT: days from the referral to the first day of treatment, binned 0, 1–7, 8–14, 15–30, 31+;
 * - PSOURCE and the admission/discharge pairs FREQ1, EMPLOY, LIVARAG, FREQ_ATND_SELF_HELP: from
 *   the episode's {@link TedsProfile}, missing (-9) where the profile does not say.
 * Codes are those of the public-use file; a state's submission format may differ (check the state
 * manual). Completion = REASON 1, positive conclusion = REASON 1 or 4 (SAMHSA's discharge reports
 * combine completion and transfer to further treatment).
 *
 * @example
 * ```ts
 * const teds = tedsDischarge({ episodes: logs, attendance: rows, profiles }, { program, dischargedFrom: "2026-07-01", dischargedTo: "2026-09-30" });
 * teds.records[0]?.fields.REASON; // 1
 * ```
 */
export const tedsDischarge: Aggregate<
  TedsDischargeSources,
  TedsDischargeOptions,
  TedsDischargePartial,
  TedsDischargeReport
> = /* @__PURE__ */ pure(() =>
  makeAggregate<
    "tedsDischarge",
    TedsDischargeSources,
    TedsDischargeOptions,
    TedsDischargeNormalised,
    TedsDischargeState,
    TedsDischargeReport
  >({
    name: "tedsDischarge",
    sources: ["episodes", "attendance", "profiles"],
    normalise(options) {
      const { program, ...rest } = options;
      const o = parseOrThrow(OptionsInput, rest, "tedsDischarge");
      return {
        programId: program.id,
        timeZone: program.timeZone,
        phaseIds: program.phases.map((p) => p.id as string),
        phaseLevels: program.phases.map((p) => p.levelOfCare ?? program.levelOfCare),
        dischargedFrom: o.dischargedFrom ?? null,
        dischargedTo: o.dischargedTo ?? null,
        reasonRules: o.reasonRules ?? tedsReasonRules,
        serviceSettings: { ...tedsServiceSettings, ...o.serviceSettings },
      };
    },
    begin(options, exclude, shared) {
      const from = dayOr(options.dischargedFrom, -Infinity);
      const to = dayOr(options.dischargedTo, Infinity);
      const episodes: TedsEpisodeJson[] = [];
      const profiles = new Map<string, TedsProfile>();
      let duplicateProfiles = 0;
      const attended = attendedDaysReader(shared.attended(options.timeZone), exclude);
      return {
        rows: {
          episodes(log) {
            const f = startedEpisode(log, exclude, options, shared.facts);
            if (f === undefined) return;
            if (f.discharge === undefined) return exclude("not-discharged");
            if (f.discharge.on < from || f.discharge.on > to) return exclude("outside-window");
            const index = (id: string | undefined): number =>
              id === undefined ? -1 : options.phaseIds.indexOf(id);
            episodes.push([
              f.key,
              f.participantId,
              f.referredOn,
              f.firstDay,
              f.discharge.on,
              f.discharge.type,
              f.discharge.reason,
              index(f.phases[0]?.phaseId),
              index(phaseOn(f, f.discharge.on)?.phaseId),
            ]);
          },
          attendance(row) {
            attended.read(row);
          },
          profiles(profile) {
            const held = profiles.get(profile.episodeKey);
            if (held === undefined) return void profiles.set(profile.episodeKey, profile);
            duplicateProfiles++;
            profiles.set(profile.episodeKey, firstProfile(held, profile));
          },
        },
        end() {
          const { merged, duplicates } = mergeByKey(episodes, []);
          for (let i = 0; i < duplicates; i++) exclude("duplicate-episode");
          for (let i = 0; i < duplicateProfiles; i++) exclude("duplicate-profile");
          episodes.length = 0;
          episodes.push(...merged);
          duplicateProfiles = 0;
          return {
            episodes: [...merged],
            profiles: keyedFromMap(profiles, (p) => p),
            attended: attended.json(),
          };
        },
      };
    },
    merge(a, b, _options, exclude) {
      const episodes = mergeByKey(a.episodes, b.episodes);
      let duplicates = 0;
      const profiles = mergeKeyed(a.profiles, b.profiles, (x, y) => {
        duplicates++;
        return firstProfile(x, y);
      });
      exclude("duplicate-episode", episodes.duplicates);
      exclude("duplicate-profile", duplicates);
      return {
        episodes: episodes.merged,
        profiles,
        attended: mergeAttended(a.attended, b.attended),
      };
    },
    finish: tedsReport,
    schemas: { options: Normalised, state: State },
    check(state, options) {
      const issues: IopIssue[] = attendedIssues(state.attended, "attended");
      if (!isKeyed(state.profiles)) issues.push(unsorted(["profiles"]));
      state.episodes.forEach((e, i) => {
        if (
          e[7] >= options.phaseIds.length ||
          e[8] >= options.phaseIds.length ||
          e[7] < -1 ||
          e[8] < -1
        )
          issues.push({
            code: "unknown-phase",
            path: ["episodes", i],
            message: "a phase index beyond the program's phases",
          });
      });
      return issues;
    },
  }),
);

function tedsReport(
  state: TedsDischargeState,
  options: TedsDischargeNormalised,
  excluded: TedsDischargePartial["excluded"],
): TedsDischargeReport {
  const setOf = attendedLookup(state.attended);
  const profileOf = keyedLookup(state.profiles);
  const isoOf = isoMemo();
  // Profiles of no episode: both lists ascend by key, so one walk finds them.
  let orphans = 0;
  for (let i = 0, j = 0; i < state.profiles.length; i++) {
    const k = state.profiles[i]?.[0] ?? "";
    while ((state.episodes[j]?.[0] ?? k) < k) j++;
    if (state.episodes[j]?.[0] !== k) orphans++;
  }
  const service = (phase: number): number => {
    const level = options.phaseLevels[phase];
    return level === undefined ? TEDS_MISSING : (options.serviceSettings[level] ?? TEDS_MISSING);
  };
  // A code table read through a Map: a property of the table's prototype is never a code.
  const codes = <K extends string>(table: Readonly<Record<K, number>>) => {
    const byKey = new Map<string | undefined, number>(Object.entries(table));
    return (key: K | undefined): number => byKey.get(key) ?? TEDS_MISSING;
  };
  const referral = codes(REFERRAL_SOURCE);
  const frequency = codes(FREQUENCY_OF_USE);
  const employment = codes(EMPLOYMENT);
  const living = codes(LIVING_ARRANGEMENT);
  const selfHelp = codes(SELF_HELP_ATTENDANCE);
  const missingCounts = new Array<number>(FIELD_ORDER.length).fill(0);
  const records = state.episodes.map((e): TedsDischargeRecord => {
    const [key, participantId, referred, first, discharged, type, reason, admPhase, disPhase] = e;
    const { days, lastContact } = tedsStay(first, discharged, setOf(participantId));
    const profile = profileOf(key);
    const adm = profile?.admission;
    const dis = profile?.discharge;
    const fields: TedsFields = {
      REASON: tedsReasonOf(type, reason, options.reasonRules),
      LOS: tedsLosCode(days),
      SERVICES: service(admPhase),
      SERVICES_D: service(disPhase),
      DAYWAIT: tedsDaysWaitingCode(first - referred),
      PSOURCE: referral(profile?.referralSource),
      FREQ1: frequency(adm?.frequencyOfUse),
      FREQ1_D: frequency(dis?.frequencyOfUse),
      EMPLOY: employment(adm?.employment),
      EMPLOY_D: employment(dis?.employment),
      LIVARAG: living(adm?.livingArrangement),
      LIVARAG_D: living(dis?.livingArrangement),
      FREQ_ATND_SELF_HELP: selfHelp(adm?.selfHelpAttendance),
      FREQ_ATND_SELF_HELP_D: selfHelp(dis?.selfHelpAttendance),
    };
    // The fields in FIELD_ORDER's order (named reads: no lookup by a variable key).
    const values = [
      fields.REASON,
      fields.LOS,
      fields.SERVICES,
      fields.SERVICES_D,
      fields.DAYWAIT,
      fields.PSOURCE,
      fields.FREQ1,
      fields.FREQ1_D,
      fields.EMPLOY,
      fields.EMPLOY_D,
      fields.LIVARAG,
      fields.LIVARAG_D,
      fields.FREQ_ATND_SELF_HELP,
      fields.FREQ_ATND_SELF_HELP_D,
    ];
    const missing: (keyof TedsFields)[] = [];
    let i = 0;
    for (const f of FIELD_ORDER) {
      if (values[i] === TEDS_MISSING) {
        missing.push(f);
        missingCounts[i] = (missingCounts[i] ?? 0) + 1;
      }
      i++;
    }
    return {
      episodeKey: key,
      participantId,
      referredOn: isoOf(referred),
      admittedOn: isoOf(first),
      dischargedOn: isoOf(discharged),
      lastContactOn: lastContact === undefined ? null : isoOf(lastContact),
      losDays: days,
      daysWaiting: first - referred,
      fields,
      missing,
    };
  });
  const byReason = [0, 0, 0, 0, 0, 0, 0];
  for (const r of records) byReason[r.fields.REASON - 1] = (byReason[r.fields.REASON - 1] ?? 0) + 1;
  const count = (c: number): number => byReason[c - 1] ?? 0;
  const share = (n: number): number | null => (records.length === 0 ? null : n / records.length);
  return {
    records,
    byReason: ([1, 2, 3, 4, 5, 6, 7] as const).map((c) => ({
      code: c,
      label: TEDS_REASONS[c],
      count: count(c),
    })),
    completionRate: share(count(1)),
    positiveConclusionRate: share(count(1) + count(4)),
    missingCounts: Object.fromEntries(
      FIELD_ORDER.map((f, k) => [f, missingCounts[k] ?? 0]),
    ) as Record<keyof TedsFields, number>,
    excluded:
      orphans === 0 ? excluded : addExclusions(excluded, { "profile-without-episode": orphans }),
    sources: tedsSources,
  };
}
