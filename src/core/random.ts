/**
 * A small seeded pseudo-random generator, so every "random" choice iopkit makes (drug-test days,
 * simulated data) is reproducible from a seed.
 *
 * **Algorithm**: SFC32 (Chris Doty-Humphrey's Small Fast Counting generator, from PractRand;
 * 128-bit state, passes PractRand and TestU01 BigCrush), its four state words filled from the
 * seed by SplitMix32 and warmed up by 12 rounds. Not cryptographic.
 *
 * Streams can be *forked* by a label: `rng.fork("p-001|2026-W11")` gives a stream that depends only
 * on the parent's seed and the label, not on how many numbers were drawn before. The planner forks
 * per participant and week, so adding one participant does not change anyone else's test days.
 */
import { misuse, describeValue } from "./errors";

/** A seeded random stream. Holds mutable state: create one per task, never share between tasks. */
export interface Rng {
  /** The 32-bit seed this stream was built from. */
  readonly seed: number;
  /** A float uniformly in [0, 1), with 32 bits of randomness. */
  next(): number;
  /** An unsigned 32-bit integer. */
  nextUint32(): number;
  /** An integer uniformly in [min, max] (both inclusive), without modulo bias. */
  int(min: number, max: number): number;
  /** An element chosen uniformly; `undefined` for an empty array. */
  pick<T>(items: readonly T[]): T | undefined;
  /** A shuffled copy (Fisher–Yates); the input is not changed. */
  shuffle<T>(items: readonly T[]): T[];
  /** An independent stream determined by this stream's seed and `label` only. */
  fork(label: string | number): Rng;
}

/** 32-bit FNV-1a hash of a string (UTF-16 code units); throws {@link IopError} for anything but a string. */
export function hashString(text: string): number {
  if (typeof text !== "string")
    misuse("hashString", "invalid-input", `expected a string, got ${describeValue(text)}`);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A 32-bit number as 8 lowercase hex digits, for ids and pseudonyms built from {@link hashString}. @internal */
export function hex8(n: number): string {
  return (n >>> 0).toString(16).padStart(8, "0");
}

/**
 * The `n`-th output (1-based) of SplitMix32 seeded with `state`. Its state only advances by the
 * golden-ratio constant, so any output can be computed directly.
 */
function splitmixOutput(state: number, n: number): number {
  let z = ((state >>> 0) + n * 0x9e3779b9) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** Reduces any safe integer seed to 32 bits, mixing both halves so that nearby 53-bit seeds differ. */
function seed32(seed: number): number {
  const lo = seed >>> 0;
  const hi = Math.floor(seed / 0x1_0000_0000) >>> 0;
  return (lo ^ Math.imul(hi, 0x9e3779b1)) >>> 0;
}

/**
 * Creates a seeded stream. `seed` must be a safe integer (negative allowed); the same seed always
 * gives the same numbers, on every runtime. Throws {@link IopError} (`invalid-seed`) otherwise.
 * @example
 * ```ts
 * const rng = createRng(42);
 * rng.int(1, 6); // the same die roll every run
 * ```
 */
export function createRng(seed: number): Rng {
  if (!Number.isSafeInteger(seed))
    misuse("createRng", "invalid-seed", `seed must be a safe integer, got ${describeValue(seed)}`);
  return fromSeed32(seed32(seed));
}

/** SFC32 state in four 32-bit words, with the `Rng` methods on the prototype (no closures per stream). */
class Sfc32 implements Rng {
  readonly seed: number;
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    this.seed = seed;
    // The first four outputs of SplitMix32(seed), computed directly (forks are many).
    this.a = splitmixOutput(seed, 1);
    this.b = splitmixOutput(seed, 2);
    this.c = splitmixOutput(seed, 3);
    this.d = splitmixOutput(seed, 4);
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  nextUint32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    const c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (c + t) >>> 0;
    return t;
  }

  next(): number {
    return this.nextUint32() / 0x1_0000_0000;
  }

  int(min: number, max: number): number {
    if (
      !Number.isSafeInteger(min) ||
      !Number.isSafeInteger(max) ||
      max < min ||
      max - min >= 0x1_0000_0000
    ) {
      misuse(
        "Rng.int",
        "invalid-range",
        `needs integers min <= max spanning at most 2^32 values, got [${min}, ${max}]`,
      );
    }
    const span = max - min + 1;
    if (span === 0x1_0000_0000) return min + this.nextUint32();
    const limit = 0x1_0000_0000 - (0x1_0000_0000 % span);
    let x = this.nextUint32();
    while (x >= limit) x = this.nextUint32();
    return min + (x % span);
  }

  pick<T>(items: readonly T[]): T | undefined {
    return items.length === 0 ? undefined : items[this.int(0, items.length - 1)];
  }

  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      const tmp = out[i] as T;
      out[i] = out[j] as T;
      out[j] = tmp;
    }
    return out;
  }

  fork(label: string | number): Rng {
    const h = typeof label === "number" ? seed32(label) : hashString(label);
    return new Sfc32((Math.imul(this.seed ^ 0x5bd1e995, 0x27d4eb2d) ^ h) >>> 0);
  }
}

function fromSeed32(seed: number): Rng {
  return new Sfc32(seed);
}
