/**
 * The days each participant attended a session, as several aggregates need them (the date of last
 * contact for length of stay and TEDS, `iop-day` services for follow-up): read from attendance
 * rows into day sets, kept in partials as keyed JSON, merged by union. And the merging of
 * episode lists by key that those aggregates share.
 * @internal
 */
import type { IopIssue } from "../core/errors";
import {
  addDay,
  daySetToJson,
  isDaySetJson,
  newDaySet,
  unionDaySets,
  type DaySet,
  type DaySetJson,
} from "./day-set";
import { isKeyed, keyedFromMap, keyedLookup, mergeKeyed, unsorted, type Keyed } from "./keyed";
import type { LocalDayOf } from "./local-day";
import type { AttendanceRow } from "./rows";

/** Attended statuses: the participant came. @internal */
export const isContact = (status: AttendanceRow["status"]): boolean =>
  status === "present" || status === "late" || status === "left-early";

/**
 * Attended days of attendance rows, per participant: `read(row)` adds a row's day when the
 * participant came and says whether its start could be read; `json()` gives the sets as a partial
 * holds them. Several aggregates of one job read through one of these: `row()` numbers the row
 * being dispatched, and a row already read (the same number) is not read again.
 * @internal
 */
export interface AttendedDays {
  /** Adds the row's day if the participant came; `false` when its start is not an instant. */
  read(row: AttendanceRow): boolean;
  /** Each participant's days, keyed (computed once until more rows are read). */
  json(): Keyed<DaySetJson>;
}

/** Attended days read with `dayOf`; `row()` numbers the row being dispatched (`NaN`: not shared). @internal */
export function attendedDays(dayOf: LocalDayOf, row: () => number): AttendedDays {
  const sets = new Map<string, DaySet>();
  let lastId: string | undefined;
  let last = newDaySet();
  let lastRow = Number.NaN;
  let lastOk = true;
  let json: Keyed<DaySetJson> | undefined;
  const add = (r: AttendanceRow): boolean => {
    if (!isContact(r.status)) return true;
    const day = dayOf(r.start);
    if (Number.isNaN(day)) return false;
    // Rows come grouped by participant or by session: the last participant's set is at hand.
    if (r.participantId !== lastId) {
      let set = sets.get(r.participantId);
      if (set === undefined) {
        set = newDaySet();
        sets.set(r.participantId, set);
      }
      lastId = r.participantId;
      last = set;
    }
    addDay(last, day);
    json = undefined;
    return true;
  };
  return {
    read(r) {
      const n = row();
      // NaN never equals itself: an unshared reader reads every row.
      if (n === lastRow) return lastOk;
      lastRow = n;
      lastOk = add(r);
      return lastOk;
    },
    json: () => (json ??= keyedFromMap(sets, daySetToJson)),
  };
}

/** An aggregate's view of attended days: rows whose start is not an instant counted as excluded. @internal */
export function attendedDaysReader(
  days: AttendedDays,
  exclude: (code: "invalid-instant") => void,
): { read(row: AttendanceRow): void; json(): Keyed<DaySetJson> } {
  return {
    read(row) {
      if (!days.read(row)) exclude("invalid-instant");
    },
    json: () => days.json(),
  };
}

/** Two partials' attended days, unioned per participant. @internal */
export function mergeAttended(a: Keyed<DaySetJson>, b: Keyed<DaySetJson>): Keyed<DaySetJson> {
  return mergeKeyed(a, b, unionDaySets);
}

/** A participant's attended days (the empty set when they have none). @internal */
export function attendedLookup(attended: Keyed<DaySetJson>): (id: string) => DaySetJson {
  const get = keyedLookup(attended);
  return (id) => get(id) ?? [];
}

/** Issues of attended days in a parsed partial: keys in order, canonical day sets. @internal */
export function attendedIssues(attended: Keyed<DaySetJson>, key: string): IopIssue[] {
  const issues: IopIssue[] = isKeyed(attended) ? [] : [unsorted([key])];
  attended.forEach(([, json], i) => {
    if (!isDaySetJson(json))
      issues.push({
        code: "invalid-day-set",
        path: [key, i, 1],
        message: "not a canonical day set ([first word, 30-bit words…], ends non-zero)",
      });
  });
  return issues;
}

/**
 * Episodes (tuples keyed by their first element) sorted by key; of two with one key the first in
 * content order is kept and the other counted, so every partition keeps the same one. @internal
 */
export function mergeByKey<T extends readonly [string, ...unknown[]]>(
  a: readonly T[],
  b: readonly T[],
): { merged: T[]; duplicates: number } {
  const all = [...a, ...b].sort((x, y) =>
    x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : JSON.stringify(x) < JSON.stringify(y) ? -1 : 1,
  );
  const merged: T[] = [];
  let duplicates = 0;
  for (const e of all) {
    if (merged.length > 0 && merged[merged.length - 1]?.[0] === e[0]) duplicates++;
    else merged.push(e);
  }
  return { merged, duplicates };
}
