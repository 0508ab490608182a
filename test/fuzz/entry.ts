/**
 * The fuzz registry's shape. Every public entry point that accepts data from outside a program
 * registers in test/fuzz/parts/<part>.ts as `export const entries: FuzzEntry[]`; the fuzz property
 * (test/fuzz.prop.test.ts) finds every such file and asserts each entry returns a valid result or
 * throws `IopError` — never another exception — and never mutates its input or pollutes a prototype.
 */
import type fc from "fast-check";

/** One fuzzed entry. `call` receives one hostile value; multi-argument entries spread it. */
export interface FuzzEntry {
  readonly name: string;
  /** Inputs beyond plain hostile JSON (e.g. mutations of a valid record). */
  readonly inputs?: fc.Arbitrary<unknown>;
  readonly call: (input: unknown) => unknown;
}

/** Spreads a hostile value over `n` arguments: an array's elements, else the value n times. */
export function args(input: unknown, n: number): unknown[] {
  return Array.isArray(input)
    ? Array.from({ length: n }, (_, i) => (input as unknown[])[i])
    : Array.from({ length: n }, () => input);
}

export const s = (x: unknown): string => x as string;
export const n = (x: unknown): number => x as number;
