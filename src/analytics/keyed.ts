/**
 * Values by key (a participant, group, phase, episode) as partials hold them: `[key, value]`
 * pairs sorted by key, each key once. Unlike an object with 100,000 keys it is cheap to build and
 * to merge (one pass over two sorted lists), and any key — `"__proto__"` included — is just data.
 * @internal
 */

import type { IopIssue } from "../core/errors";

/**
 * Values by key as a partial holds them: `[key, value]` pairs, keys strictly ascending (by UTF-16
 * code units), each once.
 */
export type Keyed<T> = readonly (readonly [string, T])[];

const byKey = <T>(a: readonly [string, T], b: readonly [string, T]): number =>
  a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;

/** The pairs of a map, sorted, each value converted. @internal */
export function keyedFromMap<V, T>(map: ReadonlyMap<string, V>, convert: (v: V) => T): Keyed<T> {
  const out: [string, T][] = [];
  for (const [key, value] of map) out.push([key, convert(value)]);
  return out.sort(byKey);
}

/** Two keyed lists merged; a key in both gets `combine(a, b)`. Inputs are not changed. @internal */
export function mergeKeyed<T>(a: Keyed<T>, b: Keyed<T>, combine: (x: T, y: T) => T): Keyed<T> {
  const out: (readonly [string, T])[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (y === undefined || (x !== undefined && x[0] < y[0])) {
      if (x !== undefined) out.push(x);
      i++;
    } else if (x === undefined || y[0] < x[0]) {
      out.push(y);
      j++;
    } else {
      out.push([x[0], combine(x[1], y[1])]);
      i++;
      j++;
    }
  }
  return out;
}

/** How far a lookup steps forward from the last key found before it searches by halves. */
const STEPS = 8;

/**
 * A lookup by key. A report walks participants (or episodes) in key order, so a lookup asked keys
 * in ascending order steps forward through the sorted list from where the last one stopped (no
 * hashing, memory read in order); a key further on or behind is found by halving. A list whose
 * keys do not ascend (not a valid partial) is looked up through a map.
 * @internal
 */
export function keyedLookup<T>(list: Keyed<T>): (key: string) => T | undefined {
  let map: Map<string, T> | undefined;
  let sorted: boolean | undefined;
  let at = 0;
  /** The first index in [lo, hi) whose key is not below `key`. */
  const search = (key: string, lo: number, hi: number): number => {
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((list[mid]?.[0] ?? "") < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return (key) => {
    sorted ??= isKeyed(list);
    if (!sorted) {
      map ??= new Map(list);
      return map.get(key);
    }
    const n = list.length;
    let i = at;
    const here = list[i];
    if (here === undefined || key < here[0]) i = search(key, 0, Math.min(i, n));
    else {
      const end = Math.min(n, i + STEPS);
      while (i < end && (list[i]?.[0] ?? "") < key) i++;
      if (i === end && i < n) i = search(key, i, n);
    }
    at = Math.min(i, Math.max(0, n - 1));
    const entry = list[i];
    return entry !== undefined && entry[0] === key ? entry[1] : undefined;
  };
}

/** True when the keys ascend strictly. @internal */
export function isKeyed(list: Keyed<unknown>): boolean {
  for (let i = 1; i < list.length; i++)
    if (!((list[i - 1]?.[0] ?? "") < (list[i]?.[0] ?? ""))) return false;
  return true;
}

/** The issue of a keyed list whose keys do not ascend. @internal */
export function unsorted(path: readonly (string | number)[]): IopIssue {
  return {
    code: "unsorted-keys",
    path: [...path],
    message: "the keys must ascend, each once (as a partial lists them)",
  };
}
