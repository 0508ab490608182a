/// <reference types="vite/client" />
// Bad input, once for all: every public entry that accepts outside data gets hostile input and
// must return a valid, JSON-round-trippable result or throw IopError — nothing else — without
// mutating its input or polluting Object.prototype. Entries register in test/fuzz/parts/<part>.ts.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IopError } from "iopkit";
import type { FuzzEntry } from "./fuzz/entry";

// Every test/fuzz/parts/*.ts registers its part's entries.
const registered = import.meta.glob<{ entries: FuzzEntry[] }>("./fuzz/parts/*.ts", { eager: true });
const fuzzEntries = Object.keys(registered)
  .sort()
  .flatMap((file) => registered[file]?.entries ?? []);
import { hostileJson } from "./fuzz/hostile";

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
            else expect(out.error).toBeInstanceOf(IopError);
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
        }
        expect(snapshot(input)).toEqual(copy);
        expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
        expect(protoKeys()).toEqual(before);
      }),
      { numRuns: 200 },
    );
  });
});
