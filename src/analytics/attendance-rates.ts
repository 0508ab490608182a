/**
 * `attendanceRates`: seats attended, excused, no-show, late-cancelled and unrecorded — kept apart —
 * per participant, group, phase and ISO week, with an attendance rate per row.
 */
import * as z from "zod/mini";
import { array, strictObject } from "../core/zod";
import {
  isoWeekKeyOfEpochDay,
  mondayOfEpochDay,
  tryParseIsoWeek,
  type IsoDate,
} from "../core/calendar";
import { pure } from "../core/pure";
import { lazyInternal } from "../core/schema";
import type { TimeZone } from "../core/zone";
import type { IopIssue } from "../core/errors";
import { makeAggregate, parseOrThrow, type Aggregate, type PartialAggregate } from "./aggregate";
import { isKeyed, keyedFromMap, mergeKeyed, unsorted, type Keyed } from "./keyed";
import { DateText, OptionalDate, ZoneText, dayOr, windowCheck } from "./options";
import type { AttendanceRow } from "./rows";

/** The rows {@link attendanceRates} reads. */
export interface AttendanceRatesSources {
  /** Attendance rows (seats); each seat once. */
  readonly attendance?: Iterable<AttendanceRow>;
}

/** Options of {@link attendanceRates}. */
export interface AttendanceRatesOptions {
  /** The program's zone: a session counts on its local day there. */
  readonly timeZone: TimeZone;
  /** Count sessions on or after this local date. @defaultValue no lower bound */
  readonly from?: IsoDate;
  /** Count sessions on or before this local date. @defaultValue no upper bound */
  readonly to?: IsoDate;
  /** Whether an excused absence counts against the rate (the program's `absencePolicy.excusedCountsAsAbsent`). @defaultValue false */
  readonly excusedCountsAsAbsent?: boolean;
}

/** Options as a partial holds them. */
export interface AttendanceRatesNormalised {
  /** The zone. */
  readonly timeZone: TimeZone;
  /** First date counted, or `null`. */
  readonly from: IsoDate | null;
  /** Last date counted, or `null`. */
  readonly to: IsoDate | null;
  /** Whether excused absences count against the rate. */
  readonly excusedCountsAsAbsent: boolean;
}

/**
 * Seat counts as a partial holds them: `[seats, attended, late, leftEarly, excused, noShow,
 * lateCancel, unrecorded, minutesAttended]`.
 */
export type SeatCountsJson = readonly number[];

/** The state of an attendance-rates partial. */
export interface AttendanceRatesState {
  /** All seats. */
  readonly total: SeatCountsJson;
  /** By participant id. */
  readonly byParticipant: Keyed<SeatCountsJson>;
  /** By group id (group sessions only). */
  readonly byGroup: Keyed<SeatCountsJson>;
  /** By phase id (sessions with a phase). */
  readonly byPhase: Keyed<SeatCountsJson>;
  /** By ISO week (`"2026-W11"`) of the session's local date. */
  readonly byWeek: Keyed<SeatCountsJson>;
}

/** An attendance-rates partial. */
export type AttendanceRatesPartial = PartialAggregate<
  "attendanceRates",
  AttendanceRatesNormalised,
  AttendanceRatesState
>;

/** Seat counts for one participant, group, phase, week, or everyone. */
export interface SeatCounts {
  /** The participant, group, phase or ISO week (`"all"` for the total). */
  readonly key: string;
  /** Seats: scheduled places of a participant at a session. */
  readonly seats: number;
  /** Came (present, late or left early). */
  readonly attended: number;
  /** Of those, arrived late. */
  readonly late: number;
  /** Of those, left early. */
  readonly leftEarly: number;
  /** Absent with an excuse the clinic accepts. */
  readonly excused: number;
  /** Absent without an excuse (a no-show). */
  readonly noShow: number;
  /** Cancelled too late to fill the seat. */
  readonly lateCancel: number;
  /** Nothing recorded yet. */
  readonly unrecorded: number;
  /** Minutes attended. */
  readonly minutesAttended: number;
  /**
   * attended ÷ (attended + no-shows + late cancels, + excused when they count as absent), or
   * `null` when nothing is counted; unrecorded seats are not counted (record them).
   */
  readonly attendanceRate: number | null;
}

/** The report of {@link attendanceRates}. */
export interface AttendanceRatesReport {
  /** Everyone. */
  readonly total: SeatCounts;
  /** Per participant, by id. */
  readonly byParticipant: readonly SeatCounts[];
  /** Per group, by id. */
  readonly byGroup: readonly SeatCounts[];
  /** Per phase, by id. */
  readonly byPhase: readonly SeatCounts[];
  /** Per ISO week, in order. */
  readonly byWeek: readonly SeatCounts[];
  /** Rows not used, by reason. */
  readonly excluded: AttendanceRatesPartial["excluded"];
  /** The definition, in words. */
  readonly definition: string;
}

const FIELDS = 9;
const SEATS = 0;
const ATTENDED = 1;
const LATE = 2;
const LEFT_EARLY = 3;
const EXCUSED = 4;
const NO_SHOW = 5;
const LATE_CANCEL = 6;
const UNRECORDED = 7;
const MINUTES = 8;

const OptionsInput = /* @__PURE__ */ lazyInternal(() =>
  strictObject({
    timeZone: ZoneText(),
    from: z.exactOptional(DateText()),
    to: z.exactOptional(DateText()),
    excusedCountsAsAbsent: z.exactOptional(z.boolean()),
  }).check(windowCheck("from", "to")),
);

const Normalised: z.ZodMiniType<AttendanceRatesNormalised> = /* @__PURE__ */ lazyInternal(() =>
  strictObject({
    timeZone: ZoneText(),
    from: OptionalDate(),
    to: OptionalDate(),
    excusedCountsAsAbsent: z.boolean(),
  }),
);

const Vector = /* @__PURE__ */ lazyInternal(() =>
  array(z.int().check(z.minimum(0))).check(z.length(FIELDS)),
);
const State: z.ZodMiniType<AttendanceRatesState> = /* @__PURE__ */ lazyInternal(() =>
  strictObject({
    total: Vector,
    byParticipant: array(z.tuple([z.string(), Vector])),
    byGroup: array(z.tuple([z.string(), Vector])),
    byPhase: array(z.tuple([z.string(), Vector])),
    byWeek: array(z.tuple([z.string(), Vector])),
  }),
);

/** The field a status increments besides seats (`-1`: none). */
function fieldOf(status: AttendanceRow["status"]): number {
  switch (status) {
    case "present":
    case "late":
    case "left-early":
      return ATTENDED;
    case "absent-excused":
      return EXCUSED;
    case "absent-unexcused":
      return NO_SHOW;
    case "late-cancel":
      return LATE_CANCEL;
    case null:
      return UNRECORDED;
  }
}

/** Counts one seat: its outcome `field`, whether late or left early, and minutes attended. */
function tally(v: number[], field: number, late: number, leftEarly: number, minutes: number): void {
  v[SEATS] = (v[SEATS] ?? 0) + 1;
  v[field] = (v[field] ?? 0) + 1;
  v[LATE] = (v[LATE] ?? 0) + late;
  v[LEFT_EARLY] = (v[LEFT_EARLY] ?? 0) + leftEarly;
  v[MINUTES] = (v[MINUTES] ?? 0) + minutes;
}

/** The vector of a key in `map` (created at zero), remembering the last key asked for. */
function lastKeyCache<K>(map: Map<K, number[]>): (key: K) => number[] {
  let lastKey: K | undefined;
  let last: number[] = [];
  return (key) => {
    if (key === lastKey) return last;
    let v = map.get(key);
    if (v === undefined) {
      v = new Array<number>(FIELDS).fill(0);
      map.set(key, v);
    }
    lastKey = key;
    last = v;
    return v;
  };
}

const addVectors = (a: readonly number[], b: readonly number[]): number[] =>
  a.map((x, i) => x + (b[i] ?? 0));

const copy = (v: readonly number[]): number[] => [...v];

/**
 * Attendance per participant, group, phase and ISO week, with each outcome kept apart.
 *
 * **Definition.** A row is a seat: a participant scheduled at a session. Its local day in
 * `timeZone` decides the week and the window. Statuses: attended = present, late or left early
 * (late and left early are also counted apart, and minutes attended summed); excused; no-show (an
 * unexcused absence); late cancel; unrecorded (no status yet). Attendance rate = attended ÷
 * (attended + no-shows + late cancels, + excused when `excusedCountsAsAbsent`), the rule
 * `attendanceSummary` and phase exit use (a late cancel is an absence without excuse);
 * unrecorded seats are left out of it. Group and phase rows count only seats that name one.
 *
 * @example
 * ```ts
 * const rates = attendanceRates({ attendance: rows }, { timeZone: program.timeZone });
 * rates.total.attendanceRate; // e.g. 0.87
 * ```
 */
export const attendanceRates: Aggregate<
  AttendanceRatesSources,
  AttendanceRatesOptions,
  AttendanceRatesPartial,
  AttendanceRatesReport
> = /* @__PURE__ */ pure(() =>
  makeAggregate<
    "attendanceRates",
    AttendanceRatesSources,
    AttendanceRatesOptions,
    AttendanceRatesNormalised,
    AttendanceRatesState,
    AttendanceRatesReport
  >({
    name: "attendanceRates",
    sources: ["attendance"],
    normalise(options) {
      const o = parseOrThrow(OptionsInput, options, "attendanceRates");
      return {
        timeZone: o.timeZone,
        from: o.from ?? null,
        to: o.to ?? null,
        excusedCountsAsAbsent: o.excusedCountsAsAbsent ?? false,
      };
    },
    begin(options, exclude, shared) {
      const dayOf = shared.dayOf(options.timeZone);
      const from = dayOr(options.from, -Infinity);
      const to = dayOr(options.to, Infinity);
      const total = new Array<number>(FIELDS).fill(0);
      const byParticipant = new Map<string, number[]>();
      const byGroup = new Map<string, number[]>();
      const byPhase = new Map<string, number[]>();
      const byWeek = new Map<number, number[]>();
      // Rows come grouped (by participant, by session): the last key's vector skips the lookup.
      const participant = lastKeyCache(byParticipant);
      const group = lastKeyCache(byGroup);
      const phase = lastKeyCache(byPhase);
      const week = lastKeyCache(byWeek);
      let lastDay = Number.NaN;
      let thisWeek: number[] = [];
      return {
        rows: {
          attendance(row) {
            const day = dayOf(row.start);
            if (Number.isNaN(day)) return exclude("invalid-instant");
            if (day < from || day > to) return exclude("outside-window");
            const field = fieldOf(row.status);
            const late = row.status === "late" ? 1 : 0;
            const leftEarly = row.status === "left-early" ? 1 : 0;
            const minutes = field === ATTENDED ? (row.minutesAttended ?? 0) : 0;
            tally(total, field, late, leftEarly, minutes);
            tally(participant(row.participantId), field, late, leftEarly, minutes);
            if (row.groupId !== undefined)
              tally(group(row.groupId), field, late, leftEarly, minutes);
            if (row.phaseId !== undefined)
              tally(phase(row.phaseId), field, late, leftEarly, minutes);
            // Rows of one participant come day after day: the week is worked out when the day changes.
            if (day !== lastDay) {
              lastDay = day;
              thisWeek = week(mondayOfEpochDay(day));
            }
            tally(thisWeek, field, late, leftEarly, minutes);
          },
        },
        end() {
          const weeks = new Map<string, number[]>();
          for (const [monday, v] of byWeek) weeks.set(isoWeekKeyOfEpochDay(monday), v);
          return {
            total: [...total],
            byParticipant: keyedFromMap(byParticipant, copy),
            byGroup: keyedFromMap(byGroup, copy),
            byPhase: keyedFromMap(byPhase, copy),
            byWeek: keyedFromMap(weeks, copy),
          };
        },
      };
    },
    merge: (a, b) => ({
      total: addVectors(a.total, b.total),
      byParticipant: mergeKeyed(a.byParticipant, b.byParticipant, addVectors),
      byGroup: mergeKeyed(a.byGroup, b.byGroup, addVectors),
      byPhase: mergeKeyed(a.byPhase, b.byPhase, addVectors),
      byWeek: mergeKeyed(a.byWeek, b.byWeek, addVectors),
    }),
    finish(state, options, excluded): AttendanceRatesReport {
      const counts = (key: string, v: SeatCountsJson): SeatCounts => {
        const at = (i: number): number => v[i] ?? 0;
        const counted =
          at(ATTENDED) +
          at(NO_SHOW) +
          at(LATE_CANCEL) +
          (options.excusedCountsAsAbsent ? at(EXCUSED) : 0);
        return {
          key,
          seats: at(SEATS),
          attended: at(ATTENDED),
          late: at(LATE),
          leftEarly: at(LEFT_EARLY),
          excused: at(EXCUSED),
          noShow: at(NO_SHOW),
          lateCancel: at(LATE_CANCEL),
          unrecorded: at(UNRECORDED),
          minutesAttended: at(MINUTES),
          attendanceRate: counted === 0 ? null : at(ATTENDED) / counted,
        };
      };
      const rows = (r: Keyed<SeatCountsJson>): SeatCounts[] => r.map(([k, v]) => counts(k, v));
      return {
        total: counts("all", state.total),
        byParticipant: rows(state.byParticipant),
        byGroup: rows(state.byGroup),
        byPhase: rows(state.byPhase),
        byWeek: rows(state.byWeek),
        excluded,
        definition: `attendance rate = attended ÷ (attended + no-shows + late cancels${options.excusedCountsAsAbsent ? " + excused" : ""}); unrecorded seats not counted`,
      };
    },
    schemas: { options: Normalised, state: State },
    check(state) {
      const issues = (["byParticipant", "byGroup", "byPhase", "byWeek"] as const).flatMap(
        (key): IopIssue[] => (isKeyed(state[key]) ? [] : [unsorted([key])]),
      );
      state.byWeek.forEach(([key], i) => {
        if (tryParseIsoWeek(key) === undefined)
          issues.push({
            code: "invalid-week",
            path: ["byWeek", i, 0],
            message: `${key} is not an ISO week (YYYY-Www)`,
          });
      });
      return issues;
    },
  }),
);
