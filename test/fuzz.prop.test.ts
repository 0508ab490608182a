/// <reference types="vite/client" />
// Bad input, once for all: every public entry that accepts outside data gets hostile input and
// must return a valid, JSON-round-trippable result or throw IopError — nothing else — without
// mutating its input or polluting Object.prototype. Entries register in test/fuzz/parts/<part>.ts.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IopError, isIopError } from "iopkit";
import type { FuzzEntry } from "./fuzz/entry";

// Every test/fuzz/parts/*.ts registers its part's entries.
const registered = import.meta.glob<{ entries: FuzzEntry[] }>("./fuzz/parts/*.ts", { eager: true });
const fuzzEntries = Object.keys(registered)
  .sort()
  .flatMap((file) => registered[file]?.entries ?? []);
import { SENTINEL, exoticValues, hostileJson } from "./fuzz/hostile";

const protoKeys = (): string[] => Object.getOwnPropertyNames(Object.prototype).sort();
const before = protoKeys();

/** Deep snapshot that keeps own `__proto__` keys (structuredClone would too, but be explicit). */
function snapshot(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(snapshot);
  if (typeof v === "object" && v !== null) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v))
      Object.defineProperty(out, k, {
        value: snapshot((v as Record<string, unknown>)[k]),
        enumerable: true,
      });
    return out;
  }
  return v;
}

function isResult(
  v: unknown,
): v is { success: true; data: unknown } | { success: false; error: unknown } {
  return typeof v === "object" && v !== null && "success" in v && typeof v.success === "boolean";
}

/** The value as JSON gives it back. */
const jsonRoundTrip = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;
/**
 * The value with every -0 read as 0: JSON has one zero, so a -0 a caller passed in (a computed
 * rating, say) comes back as 0, which is the same number; anything else that does not survive the
 * round trip (undefined, Dates, NaN, class instances) still fails the comparison.
 */
const zeroSigned = (value: unknown): unknown =>
  Object.is(value, -0)
    ? 0
    : Array.isArray(value)
      ? value.map(zeroSigned)
      : value !== null &&
          typeof value === "object" &&
          Object.getPrototypeOf(value) === Object.prototype
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, zeroSigned(v)]))
        : value;

/** True when the first stack frame outside the hostile value itself is the fuzz registry's glue. */
function thrownByHarness(e: unknown): boolean {
  const stack = e instanceof Error ? (e.stack ?? "") : "";
  const frames = stack
    .split("\n")
    .filter((l) => l.trimStart().startsWith("at "))
    .filter((l) => !/\bboom\b|hostile\.ts|node:internal|\(<anonymous>\)/.test(l));
  return /test[\\/]fuzz[\\/](entry|parts)/.test(frames[0] ?? "");
}

/** An IopError's message and issues never quote the planted name, and stay bounded. */
function expectNoPersonalData(name: string, e: IopError): void {
  if (e.message.includes(SENTINEL) || e.issues.some((i) => i.message.includes(SENTINEL)))
    throw new Error(`${name}: an error message quotes a record's text: ${e.message.slice(0, 300)}`);
  expect(e.issues.length).toBeLessThanOrEqual(100);
  expect(e.message.length).toBeLessThanOrEqual(20_000);
}

describe.each(fuzzEntries.map((e) => [e.name, e] as const))("fuzz %s", (_name, entry) => {
  it("returns a valid result or throws IopError, never mutates its input or pollutes prototypes", () => {
    const inputs = entry.inputs === undefined ? hostileJson : fc.oneof(hostileJson, entry.inputs);
    fc.assert(
      fc.property(inputs, (input) => {
        const copy = snapshot(input);
        try {
          const out = entry.call(input);
          if (isResult(out)) {
            // A safe… function: success data must be plain JSON; a failure must carry IopError.
            if (out.success) expect(jsonRoundTrip(out.data)).toEqual(zeroSigned(out.data));
            else {
              expect(out.error).toBeInstanceOf(IopError);
              expectNoPersonalData(entry.name, out.error as IopError);
            }
          } else if (out !== undefined && typeof out !== "function") {
            expect(jsonRoundTrip(out)).toEqual(zeroSigned(out));
          }
        } catch (e) {
          // A safe… function reports problems in its result: it never throws.
          if (entry.name.startsWith("safe"))
            throw new Error(
              `${entry.name} threw ${String(e)}; safe… functions must return a failure`,
              { cause: e },
            );
          if (!(e instanceof IopError))
            throw new Error(`${entry.name} threw ${String(e)} instead of IopError`, { cause: e });
          expect(e.issues.length).toBeGreaterThan(0);
          expectNoPersonalData(entry.name, e);
        }
        expect(snapshot(input)).toEqual(copy);
        expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
        expect(protoKeys()).toEqual(before);
      }),
      { numRuns: 200 },
    );
  });
});

describe.each(fuzzEntries.map((e) => [e.name, e] as const))(
  "fuzz %s (exotic values)",
  (_name, entry) => {
    it("returns a valid result or throws IopError for getters, Proxies, cycles, BigInt and symbols", () => {
      const values = exoticValues();
      // Alone, as every argument, and inside an object and a list.
      const inputs = values.flatMap(([label, v]) => [
        [label, v] as const,
        [`${label} (every argument)`, [v, v, v]] as const,
        [
          `${label} (in an object)`,
          { id: v, program: v, enrollments: [v], on: v, kind: v },
        ] as const,
      ]);
      for (const [label, input] of inputs) {
        let out: unknown;
        try {
          out = entry.call(input);
        } catch (e) {
          if (entry.name.startsWith("safe"))
            throw new Error(`${entry.name} threw for ${label}; safe… functions return a failure`, {
              cause: e,
            });
          // The registry's own glue (spreading arguments, building options) may read the value
          // first: what it raises is the test's doing, not the entry's.
          if (!isIopError(e) && thrownByHarness(e)) continue;
          if (!isIopError(e))
            throw new Error(`${entry.name} threw ${String(e)} for ${label} instead of IopError`, {
              cause: e,
            });
          expectNoPersonalData(`${entry.name} (${label})`, e);
          continue;
        }
        if (isResult(out) && !out.success) {
          expect(isIopError(out.error)).toBe(true);
          expectNoPersonalData(`${entry.name} (${label})`, out.error as IopError);
        }
      }
    });
  },
);
