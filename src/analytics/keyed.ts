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

/** A lookup by key (a map built on the first call). @internal */
export function keyedLookup<T>(list: Keyed<T>): (key: string) => T | undefined {
  let map: Map<string, T> | undefined;
  return (key) => {
    map ??= new Map(list);
    return map.get(key);
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
