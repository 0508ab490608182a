// Offsets with seconds (local mean time before standard time): every instant iopkit writes must
// parse with iopkit's own isInstant / InstantSchema and give back the same epoch millisecond, while
// the zone arithmetic stays exact. Offsets below are the tz database's (IANA tz, release 2025b,
// https://www.iana.org/time-zones), as the runtime's Intl reports them.
import fc from "fast-check";
import { IANAZone } from "luxon";
import { describe, expect, it } from "vitest";
import {
  createZoneClock,
  formatInstant,
  fromEpochDay,
  fromMinutes,
  InstantSchema,
  instantToZoned,
  isInstant,
  MS_PER_DAY,
  toEpochDay,
  tryParseInstant,
  zonedInstant,
} from "iopkit/core";

/** Zones and the years in which their offset had seconds (local or mean time of a city). */
const eras = [
  { zone: "Africa/Monrovia", from: 1920, to: 1971 }, // −0:44:30 until 1972-01-07
  { zone: "America/New_York", from: 1800, to: 1882 }, // −4:56:02 until 1883-11-18
  { zone: "Europe/Dublin", from: 1880, to: 1915 }, // −0:25:21 until 1916
  { zone: "Europe/Paris", from: 1892, to: 1910 }, // +0:09:21 until 1911-03-11
  { zone: "America/Sao_Paulo", from: 1800, to: 1913 }, // −3:06:28 until 1914
  { zone: "Asia/Kathmandu", from: 1800, to: 1919 }, // +5:41:16 until 1920
  { zone: "Africa/Abidjan", from: 1800, to: 1911 }, // −0:16:08 until 1912
  { zone: "Asia/Tokyo", from: 1800, to: 1887 }, // +9:18:59 until 1888
] as const;

const dayOf = (year: number): number => toEpochDay(`${year}-01-01`);
const era = fc.constantFrom(...eras);
/** A zone and an instant inside its era with seconds (a day's margin at the end for the offset). */
const zonedMs = era.chain((e) =>
  fc.record({
    zone: fc.constant(e.zone),
    ms: fc.integer({
      min: dayOf(e.from) * MS_PER_DAY,
      max: (dayOf(e.to + 1) - 1) * MS_PER_DAY - 1,
    }),
  }),
);
/** A zone and a local day and minute inside its era. */
const zonedLocal = era.chain((e) =>
  fc.record({
    zone: fc.constant(e.zone),
    day: fc.integer({ min: dayOf(e.from), max: dayOf(e.to + 1) - 2 }),
    minute: fc.integer({ min: 0, max: 1439 }),
  }),
);

/** The written offset of an instant, in minutes. */
const writtenOffset = (text: string): number => {
  const m = /([+-])(\d\d):(\d\d)$/.exec(text);
  if (m === null) throw new Error(`no offset in ${text}`);
  return (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
};

describe("offsets with seconds", () => {
  it("every sampled era really has an offset with seconds, as luxon (an independent reader of Intl) reports it", () => {
    fc.assert(
      fc.property(zonedMs, ({ zone, ms }) => {
        const offset = createZoneClock(zone).offsetAt(ms);
        expect(offset).toBe(IANAZone.create(zone).offset(ms));
        expect(Number.isInteger(offset)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it("every written instant parses, with isInstant and InstantSchema, back to the same epoch ms", () => {
    fc.assert(
      fc.property(zonedMs, ({ zone, ms }) => {
        const clock = createZoneClock(zone);
        const text = clock.format(ms);
        expect(isInstant(text)).toBe(true);
        expect(InstantSchema.safeParse(text).success).toBe(true);
        expect(tryParseInstant(text)).toBe(ms);
        // The offset is written rounded to the nearest minute: within 30 s of the exact one.
        expect(Math.abs(writtenOffset(text) - clock.offsetAt(ms)) * 60).toBeLessThanOrEqual(30);
        expect(formatInstant(ms, clock.offsetAt(ms))).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it("local day and minute → instant → local day and minute round-trips, through the written text too", () => {
    fc.assert(
      fc.property(zonedLocal, ({ zone, day, minute }) => {
        const clock = createZoneClock(zone);
        const ms = clock.localToEpochMs(day, minute);
        expect(clock.localDayOf(ms)).toBe(day);
        expect(clock.localMinuteOf(ms)).toBe(minute);
        const text = clock.instantAt(day, minute);
        expect(tryParseInstant(text)).toBe(ms);
        const date = fromEpochDay(day);
        const time = fromMinutes(minute);
        expect(zonedInstant(date, time, zone)).toBe(text);
        expect(instantToZoned(text, zone)).toEqual({
          date,
          time,
          offsetMinutes: clock.offsetAt(ms),
        });
      }),
      { numRuns: 300 },
    );
  });

  it("writes 09:00 local mean time in Monrovia, 1970, exactly, with the offset rounded away from zero", () => {
    // −0:44:30: 09:00 local is 09:44:30Z, written at −00:45 as 08:59:30.
    const text = zonedInstant("1970-01-01", "09:00", "Africa/Monrovia");
    expect(text).toBe("1970-01-01T08:59:30.000-00:45");
    expect(tryParseInstant(text)).toBe(Date.UTC(1970, 0, 1, 9, 44, 30));
    expect(instantToZoned(text, "Africa/Monrovia")).toEqual({
      date: "1970-01-01",
      time: "09:00",
      offsetMinutes: -44.5,
    });
    // Tokyo's +9:18:59 rounds to +09:19: 09:00 local is 23:41:01Z the day before.
    expect(zonedInstant("1880-06-01", "09:00", "Asia/Tokyo")).toBe("1880-06-01T09:00:01.000+09:19");
  });

  it("rounds offsets half away from zero and keeps whole-minute offsets as they are", () => {
    expect(formatInstant(0, -44.5)).toBe("1969-12-31T23:15:00.000-00:45");
    expect(formatInstant(0, 44.5)).toBe("1970-01-01T00:45:00.000+00:45");
    expect(formatInstant(0, -44.49)).toBe("1969-12-31T23:16:00.000-00:44");
    expect(formatInstant(0, 19 + 32 / 60)).toBe("1970-01-01T00:20:00.000+00:20");
    expect(formatInstant(0, -300)).toBe("1969-12-31T19:00:00.000-05:00");
  });

  it("reads the change from local mean time to standard time to the second", () => {
    // Monrovia moved from −0:44:30 to +00:00 at 1972-01-07 00:00 local mean time (00:44:30Z).
    const clock = createZoneClock("Africa/Monrovia");
    const change = Date.UTC(1972, 0, 7, 0, 44, 30);
    expect(clock.offsetAt(change - 1)).toBe(-44.5);
    expect(clock.offsetAt(change)).toBe(0);
    expect(clock.format(change - 1000)).toBe("1972-01-06T23:59:29.000-00:45");
    expect(clock.format(change)).toBe("1972-01-07T00:44:30.000+00:00");
  });
});
