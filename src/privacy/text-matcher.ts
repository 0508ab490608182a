/**
 * Finds many strings inside text at once, case-insensitively (Aho–Corasick over UTF-16 code
 * units), for `redact`'s scrubbing: linear in the text whatever the number of patterns.
 *
 * Case folding is per code unit: a unit is replaced by its lower case when that is one unit, and
 * kept otherwise, so positions in the folded text are positions in the original.
 * @internal
 */

/** The lower case of one UTF-16 code unit, or the unit itself when its lower case is longer. */
export function foldUnit(unit: number): number {
  if (unit < 128) return unit >= 65 && unit <= 90 ? unit + 32 : unit;
  const lower = String.fromCharCode(unit).toLowerCase();
  return lower.length === 1 ? lower.charCodeAt(0) : unit;
}

const ASCII_NO_UPPER = /^[\0-@[-\x7f]*$/;

/** `text` folded unit by unit (see the module notes). @internal */
export function foldText(text: string): string {
  if (ASCII_NO_UPPER.test(text)) return text;
  let out = "";
  for (let i = 0; i < text.length; i++) out += String.fromCharCode(foldUnit(text.charCodeAt(i)));
  return out;
}

/** One occurrence: `[start, end)` in the text, and the (folded) pattern found there. @internal */
export interface TextMatch {
  readonly start: number;
  readonly end: number;
  readonly pattern: string;
}

/** A compiled set of patterns. @internal */
export interface TextMatcher {
  /** How many distinct (folded) patterns it holds. */
  readonly size: number;
  /** True when the text contains any pattern. */
  contains(text: string): boolean;
  /** Leftmost-longest, non-overlapping occurrences, in order. */
  findAll(text: string): TextMatch[];
}

const UNITS = 0x1_0000;

/**
 * Compiles patterns (folded here; empty ones ignored) into a matcher.
 * @internal
 */
export function createTextMatcher(patterns: Iterable<string>): TextMatcher {
  const folded = [...new Set([...patterns].filter((p) => p.length > 0).map(foldText))].sort();
  // Trie: edge (node, unit) → child, keyed node * 2^16 + unit in one map.
  const edges = new Map<number, number>();
  const depth: number[] = [0];
  const parent: number[] = [0];
  const unitIn: number[] = [0];
  const terminal: number[] = [-1];
  for (let p = 0; p < folded.length; p++) {
    const pattern = folded[p] ?? "";
    let node = 0;
    for (let i = 0; i < pattern.length; i++) {
      const key = node * UNITS + pattern.charCodeAt(i);
      let next = edges.get(key);
      if (next === undefined) {
        next = depth.length;
        edges.set(key, next);
        depth.push(i + 1);
        parent.push(node);
        unitIn.push(pattern.charCodeAt(i));
        terminal.push(-1);
      }
      node = next;
    }
    terminal[node] = p;
  }
  const count = depth.length;
  // Breadth-first order: bucket nodes by depth.
  const maxDepth = depth.reduce((a, b) => Math.max(a, b), 0);
  const buckets: number[][] = Array.from({ length: maxDepth + 1 }, () => []);
  for (let n = 1; n < count; n++) buckets[depth[n] ?? 0]?.push(n);
  const fail = new Array<number>(count).fill(0);
  // For each node, the pattern (index) of the longest match ending there, or -1.
  const best = new Array<number>(count).fill(-1);
  const step = (state: number, unit: number): number => {
    let s = state;
    for (;;) {
      const next = edges.get(s * UNITS + unit);
      if (next !== undefined) return next;
      if (s === 0) return 0;
      s = fail[s] ?? 0;
    }
  };
  for (const bucket of buckets)
    for (const n of bucket) {
      const up = parent[n] ?? 0;
      fail[n] = up === 0 ? 0 : step(fail[up] ?? 0, unitIn[n] ?? 0);
      const own = terminal[n] ?? -1;
      best[n] = own >= 0 ? own : (best[fail[n] ?? 0] ?? -1);
    }

  const scan = (text: string, onMatch: (end: number, pattern: number) => boolean): void => {
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      state = step(state, foldUnit(text.charCodeAt(i)));
      const b = best[state] ?? -1;
      if (b >= 0 && onMatch(i + 1, b)) return;
    }
  };

  return {
    size: folded.length,
    contains(text) {
      if (folded.length === 0) return false;
      let found = false;
      scan(text, () => (found = true));
      return found;
    },
    findAll(text) {
      if (folded.length === 0) return [];
      const candidates: TextMatch[] = [];
      scan(text, (end, p) => {
        const pattern = folded[p] ?? "";
        candidates.push({ start: end - pattern.length, end, pattern });
        return false;
      });
      candidates.sort((a, b) => a.start - b.start || b.end - a.end);
      const chosen: TextMatch[] = [];
      let reached = 0;
      for (const m of candidates)
        if (m.start >= reached) {
          chosen.push(m);
          reached = m.end;
        }
      return chosen;
    },
  };
}
