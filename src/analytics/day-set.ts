/**
 * A set of calendar days (epoch days) as a bitset of 30-day words, so a participant's attended
 * days cost a few numbers however many rows name them, and two partitions' sets merge by OR. One
 * array holds it all — `[firstWordIndex, word, word, …]` — which is also its JSON; the canonical
 * form drops empty words at both ends, so the same set gives the same JSON whatever order the
 * days arrived in.
 * @internal
 */

/** Days per word: 30 bits keeps every word a small integer in V8. */
const BITS = 30;

/** A day set as JSON: `[firstWordIndex, word, word, …]`; `[]` is the empty set. @internal */
export type DaySetJson = readonly number[];

/** A growable day set (the same layout, mutable). @internal */
export type DaySet = number[];

/** An empty set. @internal */
export function newDaySet(): DaySet {
  return [];
}

/** Adds a day. @internal */
export function addDay(set: DaySet, day: number): void {
  const w = Math.floor(day / BITS);
  const bit = 1 << (day - w * BITS);
  if (set.length === 0) {
    set.push(w, bit);
    return;
  }
  const first = set[0] ?? w;
  if (w < first) {
    set.splice(1, 0, ...new Array<number>(first - w).fill(0));
    set[0] = w;
  }
  const i = w - (set[0] ?? w) + 1;
  while (set.length <= i) set.push(0);
  set[i] = (set[i] ?? 0) | bit;
}

/** The word holding `w`, or 0. */
function wordAt(set: DaySetJson, w: number): number {
  if (set.length === 0) return 0;
  const i = w - (set[0] ?? 0) + 1;
  return i >= 1 && i < set.length ? (set[i] ?? 0) : 0;
}

/** The latest day in `[from, to]`, or `undefined`. @internal */
export function latestDayIn(set: DaySetJson, from: number, to: number): number | undefined {
  for (let w = Math.floor(to / BITS); w >= Math.floor(from / BITS); w--) {
    const word = wordAt(set, w);
    if (word === 0) continue;
    for (let b = BITS - 1; b >= 0; b--) {
      const day = w * BITS + b;
      if (day <= to && day >= from && (word & (1 << b)) !== 0) return day;
    }
  }
  return undefined;
}

/**
 * Calls `each(day)` for every day of the set in `[from, to]`, in ascending order, until it
 * returns `true` (any other result goes on). @internal
 */
export function forEachDayIn(
  set: DaySetJson,
  from: number,
  to: number,
  each: (day: number) => unknown,
): void {
  if (set.length === 0 || from > to) return;
  for (let w = Math.floor(from / BITS), last = Math.floor(to / BITS); w <= last; w++) {
    let word = wordAt(set, w);
    while (word !== 0) {
      const bit = 31 - Math.clz32(word & -word); // the lowest bit set
      const day = w * BITS + bit;
      if (day > to) return;
      if (day >= from && each(day) === true) return;
      word &= word - 1;
    }
  }
}

/** The earliest day in `[from, to]`, or `undefined`. @internal */
export function firstDayIn(set: DaySetJson, from: number, to: number): number | undefined {
  let first: number | undefined;
  forEachDayIn(set, from, to, (day) => {
    first = day;
    return true;
  });
  return first;
}

/** The canonical JSON (a trimmed copy). @internal */
export function daySetToJson(set: DaySetJson): DaySetJson {
  let lo = 1;
  let hi = set.length;
  while (lo < hi && set[lo] === 0) lo++;
  while (hi > lo && set[hi - 1] === 0) hi--;
  return lo >= hi ? [] : [(set[0] ?? 0) + lo - 1, ...set.slice(lo, hi)];
}

/** The union of two sets, canonical when both are. @internal */
export function unionDaySets(a: DaySetJson, b: DaySetJson): DaySetJson {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const first = Math.min(a[0] ?? 0, b[0] ?? 0);
  const last = Math.max((a[0] ?? 0) + a.length - 2, (b[0] ?? 0) + b.length - 2);
  const out: number[] = [first];
  for (let w = first; w <= last; w++) out.push(wordAt(a, w) | wordAt(b, w));
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
