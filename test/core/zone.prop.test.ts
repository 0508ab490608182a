import fc from "fast-check";
import { IANAZone } from "luxon";
import { describe, expect, it } from "vitest";
import { createZoneClock, MS_PER_DAY, tryParseInstant } from "iopkit/core";

// Zones with DST gaps and overlaps (northern and southern), a 30-minute DST, half-hour and
// 45-minute offsets, no DST, and changes at local midnight.
const zones = [
  "America/New_York",
  "Europe/London",
  "Australia/Lord_Howe",
  "Asia/Kolkata",
  "Australia/Sydney",
  "Pacific/Chatham",
  "America/Santiago",
  "America/Sao_Paulo",
  "Asia/Kathmandu",
  "UTC",
  "Africa/Casablanca",
  "America/St_Johns",
];

/** The RFC 5545 reading of a local time, found by brute force over every candidate offset. */
function oracle(zone: string, localMs: number): number {
  const z = IANAZone.create(zone);
  const offsets = new Set<number>();
  for (let h = -36; h <= 36; h += 1) offsets.add(z.offset(localMs + h * 3_600_000));
  const valid = [...offsets]
    .map((o) => localMs - o * 60_000)
    .filter((t) => z.offset(t) * 60_000 === localMs - t);
  if (valid.length > 0) return Math.min(...valid);
  // A gap: read with the offset in force just before it.
  const before = z.offset(localMs - 36 * 3_600_000);
  return localMs - before * 60_000;
}

// Days from 2020 to 2035, weighted toward days near DST changes by also sampling minutes near 0–4 h.
const day = fc.integer({ min: 18_262, max: 24_107 });
const minute = fc.oneof(fc.integer({ min: 0, max: 1439 }), fc.integer({ min: 0, max: 240 }));

describe("zone clock laws", () => {
  it("local → instant agrees with a brute-force RFC 5545 oracle", () => {
    fc.assert(
      fc.property(fc.constantFrom(...zones), day, minute, (zone, d, m) => {
        const clock = createZoneClock(zone);
        expect(clock.localToEpochMs(d, m)).toBe(oracle(zone, d * MS_PER_DAY + m * 60_000));
      }),
      { numRuns: 500 },
    );
  });

  it("is exact around every DST change of 2026 in each zone", () => {
    for (const zone of zones) {
      const clock = createZoneClock(zone);
      for (let d = 20_454; d < 20_454 + 365; d++) {
        // Only the days where the offset changes within ±1 day, at every quarter hour.
        const z = IANAZone.create(zone);
        if (z.offset(d * MS_PER_DAY - MS_PER_DAY) === z.offset(d * MS_PER_DAY + 2 * MS_PER_DAY))
          continue;
        for (let m = 0; m < 1440; m += 15)
          expect(clock.localToEpochMs(d, m)).toBe(oracle(zone, d * MS_PER_DAY + m * 60_000));
      }
    }
  });

  it("reads an instant back as the same local day and minute, unless the time fell in a gap", () => {
    fc.assert(
      fc.property(fc.constantFrom(...zones), day, minute, (zone, d, m) => {
        const clock = createZoneClock(zone);
        const t = clock.localToEpochMs(d, m);
        const z = IANAZone.create(zone);
        const inGap = z.offset(t) * 60_000 !== d * MS_PER_DAY + m * 60_000 - t;
        if (!inGap) {
          expect(clock.localDayOf(t)).toBe(d);
          expect(clock.localMinuteOf(t)).toBe(m);
        } else {
          // A gap moves the time later by the gap's length, never earlier.
          expect(clock.localDayOf(t) * 1440 + clock.localMinuteOf(t)).toBeGreaterThan(d * 1440 + m);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("offsets and formatting agree with luxon for any instant", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: 1.5e12, max: 2.1e12 }),
        (zone, ms) => {
          const clock = createZoneClock(zone);
          expect(clock.offsetAt(ms)).toBe(IANAZone.create(zone).offset(ms));
          const text = clock.format(ms);
          expect(tryParseInstant(text)).toBe(ms);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("gives the same answers whatever order the cache was filled in", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.array(fc.tuple(day, minute), { minLength: 1, maxLength: 30 }),
        (zone, points) => {
          const warm = createZoneClock(zone);
          const forward = points.map(([d, m]) => warm.localToEpochMs(d, m));
          const reversed = [...points]
            .reverse()
            .map(([d, m]) => createZoneClock(zone).localToEpochMs(d, m))
            .reverse();
          expect(forward).toEqual(reversed);
        },
      ),
    );
  });
});

describe("memoised instants", () => {
  it("instantAt equals format(localToEpochMs) for any local day and minute, cached or not", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.array(fc.tuple(day, minute), { minLength: 1, maxLength: 20 }),
        (zone, points) => {
          const clock = createZoneClock(zone);
          for (const [d, m] of [...points, ...points])
            expect(clock.instantAt(d, m)).toBe(clock.format(clock.localToEpochMs(d, m)));
        },
      ),
    );
  });
});
