/**
 * Finds many strings inside text at once (Aho–Corasick), for `redact`'s scrubbing: linear in the
 * text whatever the number of patterns.
 *
 * Text and patterns are compared in a **folded** form, code point by code point: compatibility
 * decomposition (NFKD), locale-independent full case folding (upper case, then lower case: "ß" and
 * "SS" → "ss", final "ς" and "Σ" → "σ", dotless "ı" and dotted "İ" → "i"), then combining marks and
 * default-ignorable code points (zero-width joiners, soft hyphens, variation selectors) removed.
 * So NFC, NFD and NFKC spellings of a name, its upper- and lower-case copies, and copies with or
 * without accents all fold to the same text. Occurrences are found anywhere, not only between word
 * boundaries, and map back to whole code points of the original text (marks that follow included).
 * @internal
 */
import { pure } from "../core/pure";

const FOLDED = /* @__PURE__ */ pure(() => new Map<number, string>());
const MARKS = /[\p{M}\p{Default_Ignorable_Code_Point}]/gu;

/** The folded form of one code point (see the module notes); `""` for a mark. @internal */
export function foldCodePoint(cp: number): string {
  if (cp < 128) return String.fromCharCode(cp >= 65 && cp <= 90 ? cp + 32 : cp);
  let out = FOLDED.get(cp);
  if (out === undefined) {
    out = String.fromCodePoint(cp)
      .normalize("NFKD")
      .toUpperCase()
      .toLowerCase()
      .normalize("NFKD")
      .replace(MARKS, "");
    if (FOLDED.size < 65_536) FOLDED.set(cp, out);
  }
  return out;
}

const ASCII_NO_UPPER = /^[\0-@[-\x7f]*$/;

/** `text` folded code point by code point (see the module notes). @internal */
export function foldText(text: string): string {
  if (ASCII_NO_UPPER.test(text)) return text;
  let out = "";
  for (const ch of text) out += foldCodePoint(ch.codePointAt(0) ?? 0);
  return out;
}

/** One occurrence: `[start, end)` in the original text, and the (folded) pattern found there. @internal */
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
 * Compiles patterns (folded here; those that fold to nothing ignored) into a matcher.
 * @internal
 */
export function createTextMatcher(patterns: Iterable<string>): TextMatcher {
  const folded = [...new Set([...patterns].map(foldText).filter((p) => p.length > 0))].sort();
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

  /**
   * Feeds the folded text to the automaton; `onMatch(start, end, pattern)` gets each longest match
   * ending at a folded unit, as a range of whole code points of the original text.
   */
  const scan = (
    text: string,
    onMatch: (start: number, end: number, pattern: number) => boolean,
  ): void => {
    let state = 0;
    const origin: number[] = []; // the original index of each folded unit's code point
    for (let i = 0; i < text.length;) {
      const cp = text.codePointAt(i) ?? 0;
      const next = i + (cp > 0xffff ? 2 : 1);
      const f = foldCodePoint(cp);
      for (let k = 0; k < f.length; k++) {
        origin.push(i);
        state = step(state, f.charCodeAt(k));
        const b = best[state] ?? -1;
        if (b >= 0) {
          const length = (folded[b] ?? "").length;
          if (onMatch(origin[origin.length - length] ?? 0, next, b)) return;
        }
      }
      i = next;
    }
  };
  /** `end`, moved past the code points after it that fold to nothing (marks). */
  const pastMarks = (text: string, end: number): number => {
    let at = end;
    while (at < text.length) {
      const cp = text.codePointAt(at) ?? 0;
      if (foldCodePoint(cp) !== "") break;
      at += cp > 0xffff ? 2 : 1;
    }
    return at;
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
      scan(text, (start, end, p) => {
        candidates.push({ start, end: pastMarks(text, end), pattern: folded[p] ?? "" });
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
