/**
 * Ids of planned sessions and groups: readable (`intensive.morning.g1.20261019.0`), stable for the
 * same input, and never longer than ids may be. Internal to `planSchedule`.
 * @internal
 */
import { fromEpochDay } from "../core/calendar";
import { limits } from "../core/limits";
import { hashString } from "../core/random";
import type { SessionTypeId } from "../program/index";

/** An id from parts that are already valid id text, hashed when it would be too long. @internal */
export function fitId(text: string): string {
  return text.length <= limits.maxIdLength ? text : safeId(text);
}

/** An id from its parts (any characters outside the id alphabet become "_"), hashed when it would be longer than ids may be. @internal */
export function safeId(text: string): string {
  const clean = text.replace(/[^A-Za-z0-9._:-]/g, "_");
  return clean.length <= limits.maxIdLength
    ? clean
    : `s.${hashString(clean).toString(36)}.${clean.length}.${hashString(clean.split("").reverse().join("")).toString(36)}`;
}

/** `"YYYYMMDD"` of epoch days, for ids, memoised per planning call. @internal */
export function compactDates(): (day: number) => string {
  const memo = new Map<number, string>();
  return (day) => {
    let text = memo.get(day);
    if (text === undefined) {
      text = fromEpochDay(day).replace(/-/g, "");
      memo.set(day, text);
    }
    return text;
  };
}

const SOLO_PREFIX: Partial<Record<SessionTypeId, string>> = {
  "individual-therapy": "ind",
  "family-therapy": "fam",
  "medication-management": "med",
  "case-management": "cm",
  "drug-test": "test",
};

/** The id prefix of a one-person session of a type (`ind`, `fam`, `med`, `cm`, `test`, else the type). @internal */
export function soloPrefix(type: SessionTypeId): string {
  return SOLO_PREFIX[type] ?? type;
}
