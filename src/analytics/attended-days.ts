/**
 * The days each participant attended a session, as several aggregates need them (the date of last
 * contact for length of stay and TEDS, `iop-day` services for follow-up): read from attendance
 * rows into day sets, kept in partials as keyed JSON, merged by union. And the merging of
 * episode lists by key that those aggregates share.
 * @internal
 */
import type { IopIssue } from "../core/errors";
import type { TimeZone } from "../core/zone";
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
import { localDayReader } from "./local-day";
import type { AttendanceRow } from "./rows";

/** Attended statuses: the participant came. @internal */
export const isContact = (status: AttendanceRow["status"]): boolean =>
  status === "present" || status === "late" || status === "left-early";

/** Reads attended days of attendance rows into per-participant day sets. @internal */
export function attendedDaysReader(
  timeZone: TimeZone,
  exclude: (code: "invalid-instant") => void,
): { read(row: AttendanceRow): void; json(): Keyed<DaySetJson> } {
  const dayOf = localDayReader(timeZone);
  const sets = new Map<string, DaySet>();
  let lastId: string | undefined;
  let last = newDaySet();
  return {
    read(row) {
      if (!isContact(row.status)) return;
      const day = dayOf(row.start);
      if (Number.isNaN(day)) return exclude("invalid-instant");
      // Rows come grouped by participant or by session: the last participant's set is at hand.
      if (row.participantId !== lastId) {
        let set = sets.get(row.participantId);
        if (set === undefined) {
          set = newDaySet();
          sets.set(row.participantId, set);
        }
        lastId = row.participantId;
        last = set;
      }
      addDay(last, day);
    },
    json: () => keyedFromMap(sets, daySetToJson),
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
