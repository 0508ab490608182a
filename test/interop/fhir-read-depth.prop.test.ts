// The two depth measures of the FHIR readers agree: textDepthOf (an NDJSON line's text) and
// depthOf (a parsed value), for any JSON value, strings with brackets and escapes included; and
// each stops just past its bound (maxDepth: 64 levels by default).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { depthOf, textDeeperThan, textDepthOf } from "../../src/interop/fhir/read/limits";

describe("depth of JSON", () => {
  it("textDepthOf(JSON.stringify(v)) = depthOf(v), up to the bound", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), fc.integer({ min: 0, max: 10 }), (v, max) => {
        const text = JSON.stringify(v);
        const full = depthOf(v, 1_000);
        expect(textDepthOf(text, 1_000)).toBe(full);
        expect(depthOf(v, max) > max).toBe(full > max);
        expect(textDepthOf(text, max) > max).toBe(full > max);
        expect(textDeeperThan(text, max)).toBe(full > max);
      }),
    );
  });

  it("reads brackets and escaped quotes inside strings as text", () => {
    expect(textDepthOf(JSON.stringify({ a: '{[\\"}]' }), 64)).toBe(1);
    expect(textDepthOf('[[["\\\\"]]]', 64)).toBe(3);
  });

  it("textDeeperThan: brackets inside strings count toward the quick bound, never toward the depth", () => {
    // Five brackets in all, depth 1: past a bound of 2 by count, so the exact scan decides.
    const text = JSON.stringify({ a: "{[{[" });
    expect(textDeeperThan(text, 2)).toBe(false);
    expect(textDeeperThan(text, 0)).toBe(true);
    expect(textDeeperThan("[[[]]]", 3)).toBe(false);
    expect(textDeeperThan("[[[[]]]]", 3)).toBe(true);
  });
});
