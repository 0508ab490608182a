import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createRng, hashString, IopError } from "iopkit/core";

describe("seeded random streams (SFC32 seeded by SplitMix32)", () => {
  it("produces the same numbers for the same seed on every run and runtime (golden values)", () => {
    const rng = createRng(42);
    expect([rng.nextUint32(), rng.nextUint32(), rng.nextUint32()]).toEqual(GOLDEN_42);
    expect(hashString("")).toBe(0x811c9dc5); // FNV-1a offset basis
    expect(hashString("a")).toBe(0xe40c292c); // FNV-1a published test vector
  });

  it("is deterministic for any seed", () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (seed) => {
        const a = createRng(seed);
        const b = createRng(seed);
        for (let i = 0; i < 20; i++) if (a.nextUint32() !== b.nextUint32()) return false;
        return true;
      }),
    );
  });

  it("keeps int() inside its inclusive bounds", () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: -1000, max: 1000 }),
        fc.nat(1000),
        (seed, min, span) => {
          const rng = createRng(seed);
          for (let i = 0; i < 20; i++) {
            const x = rng.int(min, min + span);
            if (x < min || x > min + span || !Number.isInteger(x)) return false;
          }
          return true;
        },
      ),
    );
  });

  it("keeps next() in [0, 1)", () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const rng = createRng(seed);
        for (let i = 0; i < 50; i++) {
          const x = rng.next();
          if (!(x >= 0 && x < 1)) return false;
        }
        return true;
      }),
    );
  });

  it("rolls a fair die (chi-square, 6000 rolls, p > 0.001 for each of 5 fixed seeds)", () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const rng = createRng(seed);
      const counts = [0, 0, 0, 0, 0, 0];
      for (let i = 0; i < 6000; i++) counts[rng.int(1, 6) - 1]! += 1;
      const chi = counts.reduce((s, c) => s + (c - 1000) ** 2 / 1000, 0);
      expect(chi).toBeLessThan(20.52); // chi-square critical value, 5 d.f., p = 0.001
    }
  });

  it("shuffles into a permutation without touching the input", () => {
    fc.assert(
      fc.property(fc.integer(), fc.array(fc.integer()), (seed, items) => {
        const copy = [...items];
        const out = createRng(seed).shuffle(items);
        expect(items).toEqual(copy);
        expect([...out].sort((a, b) => a - b)).toEqual([...items].sort((a, b) => a - b));
      }),
    );
  });

  it("forks streams that depend only on the seed and the label", () => {
    fc.assert(
      fc.property(fc.integer(), fc.string(), fc.nat(20), (seed, label, drawn) => {
        const a = createRng(seed);
        for (let i = 0; i < drawn; i++) a.next();
        const b = createRng(seed);
        expect(a.fork(label).nextUint32()).toBe(b.fork(label).nextUint32());
      }),
    );
    const r = createRng(7);
    expect(r.fork("p-1|2026-W11").nextUint32()).not.toBe(r.fork("p-2|2026-W11").nextUint32());
  });

  it("rejects seeds and ranges it cannot honour", () => {
    expect(() => createRng(1.5)).toThrow(IopError);
    expect(() => createRng(Number.NaN)).toThrow(IopError);
    expect(() => createRng(0).int(5, 1)).toThrow(IopError);
    expect(createRng(0).pick([])).toBeUndefined();
  });
});

// First three outputs for seed 42; a change here changes every seeded schedule: treat it as breaking.
const GOLDEN_42 = [1028872839, 2516511472, 400437680];
