// The attendance part reads session instants with a digit-by-digit fast path (the regex parser
// costs about 0.5 µs per instant): it must agree with core's tryParseInstant on every string.
// It is internal, so this test imports it from src.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatInstant, tryParseInstant } from "iopkit";
import { instantMs } from "../../src/attendance/session-index";

const canonical = fc
  .tuple(
    // Local dates in years 0001–9999 at every offset: formatInstant refuses the rest (its text
    // would not parse back).
    fc.integer({
      min: -62_135_596_800_000 + 18 * 3_600_000,
      max: 253_402_300_799_999 - 18 * 3_600_000,
    }),
    fc.integer({ min: -18 * 60, max: 18 * 60 }),
  )
  .map(([ms, offset]) => formatInstant(ms, offset));

/** A canonical instant with one character replaced, added or taken out. */
const broken = fc
  .tuple(
    canonical,
    fc.nat(28),
    fc.constantFrom(..."0123456789-+:.TZx 9"),
    fc.constantFrom(0, 1, -1),
  )
  .map(([t, i, c, grow]) => t.slice(0, i) + (grow < 0 ? "" : c) + t.slice(grow > 0 ? i : i + 1));

describe("instantMs (attendance's fast instant reader)", () => {
  it("agrees with tryParseInstant on canonical instants, broken ones and anything else", () => {
    fc.assert(
      fc.property(fc.oneof(canonical, broken, fc.string({ maxLength: 32 })), (t) => {
        expect(instantMs(t)).toBe(tryParseInstant(t));
      }),
      { numRuns: 5000 },
    );
  });

  it("agrees on month ends, leap days and other forms", () => {
    for (const t of [
      "2026-02-29T09:00:00.000-05:00",
      "2028-02-29T09:00:00.000-05:00",
      "2026-01-31T09:00:00.000+05:30",
      "2026-03-09T09:00:00Z",
      "2026-03-09T09:00:00.000+18:30",
      // One field past its range each, in the 29-character form the fast path reads.
      "0000-03-09T09:00:00.000-05:00",
      "2026-00-09T09:00:00.000-05:00",
      "2026-13-09T09:00:00.000-05:00",
      "2026-03-00T09:00:00.000-05:00",
      "2026-03-32T09:00:00.000-05:00",
      "2026-02-29T09:00:00.000-05:00",
      "2026-03-09T24:00:00.000-05:00",
      "2026-03-09T09:60:00.000-05:00",
      "2026-03-09T09:00:60.000-05:00",
      "2026-03-09T09:00:00.00x-05:00",
      "2026-03-09T09:00:00.000*05:00",
      "2026-03-09T09:00:00.000+18:01",
      "2026-03-09T09:00:00.000+05:60",
      // The edges that are in range, and a character more or less.
      "0001-01-01T00:00:00.000+00:00",
      "9999-12-31T23:59:59.999-18:00",
      "2026-03-09T09:00:00.000+18:00",
      "2026-03-09T09:00:00.000-05:00x",
      "2026-03-09T09:00:00.000-05:0",
    ])
      expect(instantMs(t)).toBe(tryParseInstant(t));
  });
});
