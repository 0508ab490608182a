/** Time-zone arbitraries that favour the zones where calendars go wrong. */
import fc from "fast-check";

/**
 * Zones with interesting clocks: DST gaps and overlaps in both hemispheres, a 30-minute DST
 * (Lord Howe), half-hour and 45-minute offsets, no DST, and changes at local midnight.
 */
export const interestingZones = [
  "America/New_York",
  "Europe/London",
  "Australia/Lord_Howe",
  "Asia/Kolkata",
  "Australia/Sydney",
  "America/Santiago",
  "Pacific/Chatham",
  "America/Sao_Paulo",
  "Asia/Kathmandu",
  "America/St_Johns",
  "Africa/Casablanca",
  "UTC",
] as const;

/** Common zones with nothing special, for variety. */
export const everydayZones = [
  "America/Chicago",
  "America/Denver",
  "America/Los_Angeles",
  "Europe/Berlin",
  "Asia/Tokyo",
  "Africa/Johannesburg",
] as const;

/**
 * An IANA zone: usually one of {@link interestingZones}, sometimes an everyday one. Shrinks toward
 * `"America/New_York"`.
 */
export function zone(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...interestingZones) },
    { weight: 1, arbitrary: fc.constantFrom(...everydayZones) },
  );
}
