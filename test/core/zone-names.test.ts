// Zone names: the tz database's spelling whatever the case typed, and fixed offsets told apart from
// regions' clocks. test/fixtures/tz-names.txt lists every zone and alias name of the IANA tz
// database (release 2025b) in its own spelling.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { canonicalTimeZone, createZoneClock, isTimeZone, timeZoneKind } from "iopkit/core";

const tzNames = readFileSync("test/fixtures/tz-names.txt", "utf8")
  .split("\n")
  .filter((l) => l !== "" && !l.startsWith("#"));
const known = tzNames.filter((n) => isTimeZone(n));

describe("canonicalTimeZone", () => {
  it("gives the tz database's spelling of every zone and alias the runtime knows, typed in any case", () => {
    expect(tzNames.length).toBe(597);
    // Runtimes drop or lack a few aliases; nearly every name must be known here.
    expect(known.length).toBeGreaterThanOrEqual(590);
    const wrong = known.flatMap((name) =>
      [name, name.toLowerCase(), name.toUpperCase()]
        .map((typed) => [typed, canonicalTimeZone(typed)] as const)
        .filter(([, spelled]) => spelled !== name)
        .map(([typed, spelled]) => `${typed} → ${String(spelled)} (want ${name})`),
    );
    expect(wrong).toEqual([]);
  });

  it("keeps an alias an alias, only correcting its case", () => {
    expect(canonicalTimeZone("america/new_york")).toBe("America/New_York");
    expect(canonicalTimeZone("AMERICA/NEW_YORK")).toBe("America/New_York");
    expect(canonicalTimeZone("asia/kolkata")).toBe("Asia/Kolkata");
    expect(canonicalTimeZone("Asia/Calcutta")).toBe("Asia/Calcutta");
    expect(canonicalTimeZone("us/eastern")).toBe("US/Eastern");
    expect(canonicalTimeZone("australia/act")).toBe("Australia/ACT");
    expect(canonicalTimeZone("america/port-au-prince")).toBe("America/Port-au-Prince");
    expect(canonicalTimeZone("etc/gmt+5")).toBe("Etc/GMT+5");
    expect(canonicalTimeZone("est5edt")).toBe("EST5EDT");
    expect(canonicalTimeZone("utc")).toBe("UTC");
  });

  it("is undefined for names the runtime does not know, offsets, and overlong or non-string input", () => {
    for (const bad of ["Mars/Olympus_Mons", "", "Z", "+05:00", "-0500", "America/New York"])
      expect(canonicalTimeZone(bad)).toBeUndefined();
    expect(canonicalTimeZone(`America/${"X".repeat(60)}`)).toBeUndefined();
    expect(canonicalTimeZone(5 as unknown as string)).toBeUndefined();
    expect(isTimeZone("+05:00")).toBe(false);
  });

  it("names a zone whose clock reads the same as the name typed", () => {
    const clock = createZoneClock("america/new_york");
    const spelled = createZoneClock(canonicalTimeZone("america/new_york") ?? "");
    const july = Date.UTC(2026, 6, 1);
    expect(clock.offsetAt(july)).toBe(-240);
    expect(spelled.offsetAt(july)).toBe(-240);
  });
});

describe("timeZoneKind", () => {
  it("tells UTC, fixed offsets and regions' clocks apart, in any case", () => {
    for (const utc of ["UTC", "utc", "Etc/UTC", "GMT", "Etc/GMT", "Etc/GMT+0", "GMT0", "Zulu"])
      expect(timeZoneKind(utc), utc).toBe("utc");
    for (const fixed of ["EST", "est", "MST", "HST", "Etc/GMT+5", "etc/gmt-14", "Etc/GMT+12"])
      expect(timeZoneKind(fixed), fixed).toBe("fixed-offset");
    for (const regional of [
      "America/New_York",
      "america/phoenix", // no daylight saving, but a place's clock
      "US/Eastern",
      "EST5EDT",
      "Asia/Kolkata",
      "Europe/London", // UTC in winter only
    ])
      expect(timeZoneKind(regional), regional).toBe("regional");
    expect(timeZoneKind("Mars/Olympus_Mons")).toBeUndefined();
  });

  it("calls fixed-offset only names whose offset is the same in January and July", () => {
    const jan = Date.UTC(2026, 0, 15);
    const jul = Date.UTC(2026, 6, 15);
    const changing = known.filter((n) => {
      const clock = createZoneClock(n);
      return clock.offsetAt(jan) !== clock.offsetAt(jul);
    });
    expect(changing.length).toBeGreaterThan(100);
    expect(changing.filter((n) => timeZoneKind(n) !== "regional")).toEqual([]);
    expect(known.filter((n) => timeZoneKind(n) === "fixed-offset")).toHaveLength(29);
    expect(known.filter((n) => timeZoneKind(n) === "utc")).toHaveLength(18);
  });
});
