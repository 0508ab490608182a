/**
 * A set of calendar days (epoch days) as a bitset of 30-day words, so a participant's attended
 * days cost a few numbers however many rows name them, and two partitions' sets merge by OR. The
 * JSON form is canonical (leading and trailing empty words dropped): the same set gives the same
 * JSON whatever order the days arrived in.
 * @internal
 */

/** Days per word: 30 bits keeps every word a small integer in V8. */
const BITS = 30;

/** A day set as JSON: `[firstWordIndex, word, word, …]`; `[]` is the empty set. @internal */
export type DaySetJson = readonly number[];

/** A growable day set. @internal */
export interface DaySet {
  /** Index of `words[0]` (day `first·30` is its bit 0). */
  first: number;
  words: number[];
}

/** An empty set. @internal */
export function newDaySet(): DaySet {
  return { first: 0, words: [] };
}

/** Adds a day. @internal */
export function addDay(set: DaySet, day: number): void {
  const w = Math.floor(day / BITS);
  const bit = 1 << (day - w * BITS);
  if (set.words.length === 0) {
    set.first = w;
    set.words.push(bit);
    return;
  }
  if (w < set.first) {
    const grow = set.first - w;
    set.words.unshift(...new Array<number>(grow).fill(0));
    set.first = w;
  }
  const i = w - set.first;
  while (set.words.length <= i) set.words.push(0);
  set.words[i] = (set.words[i] ?? 0) | bit;
}

/** The latest day in `[from, to]`, or `undefined`. @internal */
export function latestDayIn(set: DaySet, from: number, to: number): number | undefined {
  for (let w = Math.floor(to / BITS); w >= Math.floor(from / BITS); w--) {
    const word = set.words[w - set.first] ?? 0;
    if (word === 0) continue;
    for (let b = BITS - 1; b >= 0; b--) {
      const day = w * BITS + b;
      if (day <= to && day >= from && (word & (1 << b)) !== 0) return day;
    }
  }
  return undefined;
}

/** Whether the set holds `day`. @internal */
export function hasDay(set: DaySet, day: number): boolean {
  const w = Math.floor(day / BITS);
  return ((set.words[w - set.first] ?? 0) & (1 << (day - w * BITS))) !== 0;
}

/** Days in `[from, to]`. @internal */
export function countDaysIn(set: DaySet, from: number, to: number): number {
  let n = 0;
  for (let day = from; day <= to; day++) if (hasDay(set, day)) n++;
  return n;
}

/** The canonical JSON. @internal */
export function daySetToJson(set: DaySet): DaySetJson {
  let lo = 0;
  let hi = set.words.length;
  while (lo < hi && set.words[lo] === 0) lo++;
  while (hi > lo && set.words[hi - 1] === 0) hi--;
  return lo === hi ? [] : [set.first + lo, ...set.words.slice(lo, hi)];
}

/** A set from its JSON (copied). @internal */
export function daySetFromJson(json: DaySetJson): DaySet {
  return json.length === 0 ? newDaySet() : { first: json[0] ?? 0, words: json.slice(1) };
}

/** The union of two sets' JSON, as JSON. @internal */
export function unionDaySets(a: DaySetJson, b: DaySetJson): DaySetJson {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const fa = a[0] ?? 0;
  const fb = b[0] ?? 0;
  const first = Math.min(fa, fb);
  const last = Math.max(fa + a.length - 2, fb + b.length - 2);
  const word = (json: DaySetJson, f: number, w: number): number =>
    w >= f && w <= f + json.length - 2 ? (json[w - f + 1] ?? 0) : 0;
  const out: number[] = [first];
  for (let w = first; w <= last; w++) out.push(word(a, fa, w) | word(b, fb, w));
  return out;
}

/** True when every word is a 30-bit integer and the ends are trimmed (canonical). @internal */
export function isDaySetJson(json: DaySetJson): boolean {
  if (json.length === 0) return true;
  if (json.length === 1 || !Number.isSafeInteger(json[0])) return false;
  for (let i = 1; i < json.length; i++) {
    const w = json[i] ?? -1;
    if (!Number.isInteger(w) || w < 0 || w >= 2 ** BITS) return false;
  }
  return json[1] !== 0 && json[json.length - 1] !== 0;
}
