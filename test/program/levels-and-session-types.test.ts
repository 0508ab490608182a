import { describe, expect, it } from "vitest";
import {
  formatBand,
  hoursBandOf,
  isInsideBand,
  levelOfCareRank,
  levelsOfCare,
  sessionTypes,
  sessionTypeIds,
} from "iopkit/program";

describe("levels of care (DOMAIN.md 'Levels of care', ASAM Criteria)", () => {
  it("outpatient is < 9 h for adults and < 6 h for adolescents (ASAM 3rd ed. level 1)", () => {
    const adult = hoursBandOf("outpatient", "adult");
    const teen = hoursBandOf("outpatient", "adolescent");
    expect(adult).toEqual({ min: 0, max: 9, maxExclusive: true });
    expect(teen).toEqual({ min: 0, max: 6, maxExclusive: true });
    expect(adult !== null && isInsideBand(8.99, adult)).toBe(true);
    expect(adult !== null && isInsideBand(9, adult)).toBe(false);
  });

  it("IOP is ≥ 9 h (typically ≤ 19) for adults and ≥ 6 h for adolescents (ASAM 2.1; Medicare IOP 9–19 h)", () => {
    expect(hoursBandOf("intensive-outpatient", "adult")).toEqual({
      min: 9,
      max: 19,
      maxExclusive: false,
    });
    expect(hoursBandOf("intensive-outpatient", "adolescent")).toEqual({
      min: 6,
      max: 19,
      maxExclusive: false,
    });
  });

  it("partial hospitalization / high-intensity outpatient is ≥ 20 h (ASAM 2.5; Medicare PHP)", () => {
    expect(hoursBandOf("partial-hospitalization", "adult")).toEqual({
      min: 20,
      max: null,
      maxExclusive: false,
    });
    expect(formatBand({ min: 20, max: null, maxExclusive: false })).toBe("≥ 20 h");
  });

  it("residential, withdrawal management and inpatient are not defined by weekly hours", () => {
    expect(hoursBandOf("residential", "adult")).toBeNull();
    expect(hoursBandOf("withdrawal-management", "adult")).toBeNull();
    expect(hoursBandOf("inpatient", "adolescent")).toBeNull();
  });

  it("lists both editions: 3rd (0.5 … 4, 1-WM … 4-WM) and 4th (1.0 … 4)", () => {
    const codes = (edition: 3 | 4): string[] =>
      levelsOfCare.filter((l) => l.edition === edition).map((l) => l.code);
    expect(codes(3)).toEqual([
      "0.5",
      "1",
      "2.1",
      "2.5",
      "3.1",
      "3.3",
      "3.5",
      "3.7",
      "4",
      "1-WM",
      "2-WM",
      "3.2-WM",
      "3.7-WM",
      "4-WM",
    ]);
    expect(codes(4)).toEqual(["1.0", "1.5", "1.7", "2.1", "2.5", "2.7", "3.1", "3.5", "3.7", "4"]);
    for (const l of levelsOfCare) expect(l.source.length).toBeGreaterThan(10);
  });

  it("orders levels by intensity, withdrawal management before residential is left", () => {
    expect(levelOfCareRank.outpatient).toBeLessThan(levelOfCareRank["intensive-outpatient"]);
    expect(levelOfCareRank["intensive-outpatient"]).toBeLessThan(
      levelOfCareRank["partial-hospitalization"],
    );
    expect(levelOfCareRank["partial-hospitalization"]).toBeLessThan(levelOfCareRank.residential);
    expect(levelOfCareRank.residential).toBeLessThan(levelOfCareRank["withdrawal-management"]);
    expect(levelOfCareRank["withdrawal-management"]).toBeLessThan(levelOfCareRank.inpatient);
  });
});

describe("session types (seeds 000–002; DOMAIN.md billing codes)", () => {
  it("has every session type DESIGN.md names", () => {
    expect(Object.keys(sessionTypes).sort()).toEqual([...sessionTypeIds].sort());
  });

  it("peer support is external and not clinical hours; drug tests and alumni groups are not clinical hours", () => {
    expect(sessionTypes["peer-support"]).toMatchObject({
      format: "external",
      countsTowardClinicalHours: false,
      staffRoles: [],
    });
    expect(sessionTypes["drug-test"].countsTowardClinicalHours).toBe(false);
    expect(sessionTypes["alumni-group"].countsTowardClinicalHours).toBe(false);
    expect(sessionTypes["group-therapy"].countsTowardClinicalHours).toBe(true);
  });

  it("carries the billing hints DOMAIN.md lists", () => {
    expect(sessionTypes["group-therapy"].billingCodes).toEqual(["90853"]);
    expect(sessionTypes["individual-therapy"].billingCodes).toEqual(["90832", "90834", "90837"]);
    expect(sessionTypes["family-therapy"].billingCodes).toEqual(["90847", "90846", "90849"]);
    expect(sessionTypes["drug-test"].billingCodes).toEqual(["80305", "80306", "80307"]);
  });

  it("names who delivers each one-to-one and group session", () => {
    expect(sessionTypes["medication-management"].staffRoles).toEqual(["prescriber"]);
    expect(sessionTypes["drug-test"].staffRoles).toEqual(["collector"]);
    expect(sessionTypes["group-therapy"].format).toBe("group");
    expect(sessionTypes["individual-therapy"].format).toBe("one-to-one");
  });
});
