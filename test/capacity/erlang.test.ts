// Erlang-B (de Bruin et al. 2010, the Erlang loss model): values against the closed form, the
// inverse at its boundary, and the arguments it refuses.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { erlangB, erlangBSeats, maxErlangLoad, maxErlangSeats } from "iopkit/capacity";
import { issuesOf } from "./fixtures";

/** B(c, A) from its definition, (A^c / c!) / Σ_{k ≤ c} A^k / k!, for small c. */
function closedForm(c: number, a: number): number {
  let term = 1;
  let sum = 1;
  for (let k = 1; k <= c; k++) {
    term *= a / k;
    sum += term;
  }
  return term / sum;
}

describe("erlangB", () => {
  it("equals the closed form: B(1, A) = A / (1 + A), and the ward example of 36 seats at load 30", () => {
    expect(erlangB(1, 1)).toBe(0.5);
    expect(erlangB(1, 3)).toBeCloseTo(0.75, 15);
    expect(erlangB(36, 30)).toBeCloseTo(closedForm(36, 30), 14);
    expect(erlangB(36, 30)).toBeCloseTo(0.042887, 6);
  });

  it("no seats refuse everyone; no load refuses no one when there is a seat", () => {
    expect(erlangB(0, 5)).toBe(1);
    expect(erlangB(0, 0)).toBe(1);
    expect(erlangB(1, 0)).toBe(0);
  });

  it("stays finite and in [0, 1] for the largest programs (the recursion does not overflow)", () => {
    // At seats = load = 10⁶, B ≈ sqrt(2 / (π A)) ≈ 0.0008 (the normal approximation).
    const b = erlangB(maxErlangLoad, maxErlangLoad);
    expect(b).toBeGreaterThan(0.0007);
    expect(b).toBeLessThan(0.0009);
    // Far past the load it underflows to 0, never to NaN.
    expect(erlangB(maxErlangSeats, maxErlangLoad)).toBe(0);
  });

  it("refuses seats that are not whole numbers from 0 to 10,000,000 and loads outside 0–1,000,000, naming each", () => {
    expect(issuesOf(() => erlangB(-1, 1))).toEqual([["out-of-range", ["seats"]]]);
    expect(issuesOf(() => erlangB(1.5, 1))).toEqual([["out-of-range", ["seats"]]]);
    expect(issuesOf(() => erlangB(maxErlangSeats + 1, 1))).toEqual([["out-of-range", ["seats"]]]);
    expect(erlangB(maxErlangSeats, 1)).toBeGreaterThanOrEqual(0);
    expect(issuesOf(() => erlangB(1, -0.1))).toEqual([["out-of-range", ["load"]]]);
    expect(issuesOf(() => erlangB(1, maxErlangLoad + 1))).toEqual([["out-of-range", ["load"]]]);
    expect(erlangB(1, maxErlangLoad)).toBeGreaterThan(0.99);
    expect(issuesOf(() => erlangB(Number.NaN, Number.POSITIVE_INFINITY))).toEqual([
      ["out-of-range", ["seats"]],
      ["out-of-range", ["load"]],
    ]);
  });
});

describe("erlangBSeats", () => {
  it("is the fewest seats at or under the target: 36 seats for 5 % at load 30 (B(35) ≈ 0.054 > 0.05 ≥ B(36) ≈ 0.043)", () => {
    expect(erlangBSeats(30, 0.05)).toBe(36);
    expect(erlangBSeats(30, erlangB(36, 30))).toBe(36);
    expect(erlangBSeats(30, erlangB(35, 30))).toBe(35);
    expect(erlangBSeats(30, (erlangB(35, 30) + erlangB(36, 30)) / 2)).toBe(36);
  });

  it("needs no seats for a target of 1, and one seat for any target ≥ A / (1 + A) below 1", () => {
    expect(erlangBSeats(2, 1)).toBe(0);
    expect(erlangBSeats(2, 2 / 3)).toBe(1);
    expect(erlangBSeats(2, 2 / 3 - 1e-9)).toBe(2);
    expect(erlangBSeats(0, 0.01)).toBe(1);
  });

  it("refuses a target outside (0, 1] and a bad load, naming each", () => {
    expect(issuesOf(() => erlangBSeats(1, 0))).toEqual([["out-of-range", ["refusal"]]]);
    expect(issuesOf(() => erlangBSeats(1, 1.0001))).toEqual([["out-of-range", ["refusal"]]]);
    expect(issuesOf(() => erlangBSeats(-1, Number.NaN))).toEqual([
      ["out-of-range", ["load"]],
      ["out-of-range", ["refusal"]],
    ]);
  });
});

describe("Erlang-B laws", () => {
  const load = fc.double({ min: 0.01, max: 200, noNaN: true });
  const seats = fc.integer({ min: 0, max: 300 });

  it("decreases in seats (strictly, until it underflows to 0)", () => {
    fc.assert(
      fc.property(seats, load, (c, a) => {
        const next = erlangB(c + 1, a);
        return next === 0 || next < erlangB(c, a);
      }),
    );
  });

  it("increases in load", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), load, load, (c, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        return erlangB(c, lo) <= erlangB(c, hi);
      }),
    );
  });

  it("the inverse is the fewest seats meeting the target: B(s) ≤ t and B(s − 1) > t", () => {
    fc.assert(
      fc.property(load, fc.double({ min: 1e-6, max: 1, noNaN: true }), (a, t) => {
        const s = erlangBSeats(a, t);
        return erlangB(s, a) <= t && (s === 0 || erlangB(s - 1, a) > t);
      }),
    );
  });

  it("inverse ∘ forward: the seats for B(c, A) are c", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), load, (c, a) => {
        const b = erlangB(c, a);
        fc.pre(b > 0);
        return erlangBSeats(a, b) === c;
      }),
    );
  });

  it("matches the closed form for small programs", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.double({ min: 0, max: 50, noNaN: true }),
        (c, a) => {
          expect(erlangB(c, a)).toBeCloseTo(closedForm(c, a), 12);
        },
      ),
    );
  });
});
