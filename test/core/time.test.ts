import { describe, expect, it } from "vitest";
import {
  createZoneClock,
  formatInstant,
  fromMinutes,
  instantToZoned,
  IopError,
  isTimeZone,
  isWallTime,
  toEpochDay,
  toEpochMs,
  toMinutes,
  tryParseInstant,
  zonedInstant,
} from "iopkit/core";

describe("wall times", () => {
  it("converts HH:mm to minutes after midnight and back", () => {
    expect(toMinutes("00:00")).toBe(0);
    expect(toMinutes("09:30")).toBe(570);
    expect(toMinutes("23:59")).toBe(1439);
    expect(fromMinutes(570)).toBe("09:30");
    expect(fromMinutes(1440 + 60)).toBe("01:00");
    expect(fromMinutes(-60)).toBe("23:00");
  });

  it("rejects 24:00, single digits and seconds", () => {
    for (const bad of ["24:00", "9:00", "09:60", "09:00:00", "", "ab:cd"])
      expect(isWallTime(bad)).toBe(false);
    expect(() => toMinutes("24:00")).toThrow(IopError);
  });
});

describe("instants", () => {
  it("parses offsets and Z, and truncates fractions to milliseconds", () => {
    expect(toEpochMs("1970-01-01T00:00:00Z")).toBe(0);
    expect(toEpochMs("1970-01-01T00:00:00.000+00:00")).toBe(0);
    expect(toEpochMs("2026-03-09T09:00:00.000-04:00")).toBe(Date.UTC(2026, 2, 9, 13));
    expect(toEpochMs("2026-03-09T09:00-04:00")).toBe(Date.UTC(2026, 2, 9, 13));
    expect(toEpochMs("2026-03-09T09:00:00.123456+05:30")).toBe(Date.UTC(2026, 2, 9, 3, 30, 0, 123));
  });

  it("rejects instants without an offset or with impossible fields", () => {
    for (const bad of [
      "2026-03-09T09:00:00",
      "2026-02-30T09:00:00Z",
      "2026-03-09T24:00:00Z",
      "2026-03-09T09:00:60Z",
      "2026-03-09T09:00:00+19:00",
      "2026-03-09 09:00:00Z",
    ]) {
      expect(tryParseInstant(bad)).toBeUndefined();
    }
    expect(() => toEpochMs("2026-03-09T09:00:00")).toThrow(IopError);
  });

  it("formats with milliseconds and a ±HH:MM offset", () => {
    expect(formatInstant(0, 0)).toBe("1970-01-01T00:00:00.000+00:00");
    expect(formatInstant(0, -300)).toBe("1969-12-31T19:00:00.000-05:00");
    expect(formatInstant(Date.UTC(2026, 0, 1, 0, 0, 0, 5), 825)).toBe(
      "2026-01-01T13:45:00.005+13:45",
    );
  });
});

describe("zones and DST (hand-computed from the tz database)", () => {
  it("knows IANA zones and rejects others", () => {
    expect(isTimeZone("America/New_York")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(isTimeZone("")).toBe(false);
    expect(() => createZoneClock("Mars/Olympus_Mons")).toThrow(IopError);
  });

  it("keeps wall-clock time across the US spring-forward change (America/New_York, 2026-03-08)", () => {
    expect(zonedInstant("2026-03-07", "09:00", "America/New_York")).toBe(
      "2026-03-07T09:00:00.000-05:00",
    );
    expect(zonedInstant("2026-03-09", "09:00", "America/New_York")).toBe(
      "2026-03-09T09:00:00.000-04:00",
    );
    expect(zonedInstant("2026-03-08", "01:59", "America/New_York")).toBe(
      "2026-03-08T01:59:00.000-05:00",
    );
  });

  it("moves a time in the spring-forward gap later by the gap (RFC 5545 §3.3.5)", () => {
    expect(zonedInstant("2026-03-08", "02:30", "America/New_York")).toBe(
      "2026-03-08T03:30:00.000-04:00",
    );
    expect(zonedInstant("2026-03-29", "01:30", "Europe/London")).toBe(
      "2026-03-29T02:30:00.000+01:00",
    );
    // Lord Howe springs forward by 30 minutes at 02:00 on the first Sunday of October.
    expect(zonedInstant("2026-10-04", "02:15", "Australia/Lord_Howe")).toBe(
      "2026-10-04T02:45:00.000+11:00",
    );
  });

  it("takes the first occurrence of a time in the fall-back overlap (RFC 5545 §3.3.5)", () => {
    expect(zonedInstant("2026-11-01", "01:30", "America/New_York")).toBe(
      "2026-11-01T01:30:00.000-04:00",
    );
    expect(zonedInstant("2026-11-01", "02:00", "America/New_York")).toBe(
      "2026-11-01T02:00:00.000-05:00",
    );
    expect(zonedInstant("2026-10-25", "01:30", "Europe/London")).toBe(
      "2026-10-25T01:30:00.000+01:00",
    );
    // Lord Howe falls back 30 minutes at 02:00 on the first Sunday of April: 01:30–02:00 happens twice.
    expect(zonedInstant("2026-04-05", "01:45", "Australia/Lord_Howe")).toBe(
      "2026-04-05T01:45:00.000+11:00",
    );
  });

  it("handles zones without DST, half-hour and 45-minute offsets, and changes at midnight", () => {
    expect(zonedInstant("2026-03-09", "09:00", "Asia/Kolkata")).toBe(
      "2026-03-09T09:00:00.000+05:30",
    );
    expect(zonedInstant("2026-07-01", "09:00", "Pacific/Chatham")).toBe(
      "2026-07-01T09:00:00.000+12:45",
    );
    expect(zonedInstant("2026-01-05", "09:00", "Pacific/Chatham")).toBe(
      "2026-01-05T09:00:00.000+13:45",
    );
    // Chile springs forward at local midnight: 00:00 on 2026-09-06 does not exist.
    expect(zonedInstant("2026-09-06", "00:00", "America/Santiago")).toBe(
      "2026-09-06T01:00:00.000-03:00",
    );
    expect(zonedInstant("2026-09-06", "09:00", "America/Santiago")).toBe(
      "2026-09-06T09:00:00.000-03:00",
    );
  });

  it("reads instants back on the zone's clocks", () => {
    expect(instantToZoned("2026-03-09T13:00:00.000Z", "America/New_York")).toEqual({
      date: "2026-03-09",
      time: "09:00",
      offsetMinutes: -240,
    });
    const clock = createZoneClock("Australia/Sydney");
    const ms = clock.localToEpochMs(toEpochDay("2026-04-05"), 2 * 60 + 30);
    expect(clock.format(ms)).toBe("2026-04-05T02:30:00.000+11:00");
  });
});
