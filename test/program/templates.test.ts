import { describe, expect, it } from "vitest";
import {
  clinicalHours,
  defineProgram,
  entriesForTrack,
  IopError,
  plannedWeeksOf,
  programTemplates,
  tracksOf,
  type Program,
} from "iopkit";

const zone = "America/Chicago";
const hoursByTrack = (p: Program, phase: number): number[] => {
  const ph = p.phases[phase];
  if (ph === undefined) throw new Error("no such phase");
  return tracksOf(ph).map((t) => clinicalHours(entriesForTrack(ph.pattern, t)));
};

describe("program templates", () => {
  it.each(Object.entries(programTemplates))(
    "%s is valid by defineProgram and keeps the zone",
    (_name, make) => {
      const p = make({ timeZone: zone });
      expect(defineProgram(p)).toEqual(p);
      expect(p.timeZone).toBe(zone);
    },
  );

  it("adult substance-use IOP: 12 weeks, three phases stepping down, groups of ≤ 12 (seeds 001, 004)", () => {
    const p = programTemplates.substanceUseAdult({ timeZone: zone });
    expect(p.phases.map((ph) => ph.id)).toEqual(["intensive", "step-down", "transition"]);
    expect(p.phases.reduce((s, ph) => s + plannedWeeksOf(ph), 0)).toBe(12);
    expect(p.lengthWeeks).toEqual({ min: 8, max: 12 }); // seed 001: 8–12 weeks
    expect(p.groupCapacity).toBe(12); // seed 001: groups of 10–12
    expect(hoursByTrack(p, 0)).toEqual([12, 12]);
    expect(hoursByTrack(p, 1)).toEqual([9, 9]);
    expect(hoursByTrack(p, 2)).toEqual([4, 4]);
    expect(p.phases[2]?.levelOfCare).toBe("outpatient");
  });

  it("adult substance-use IOP: morning and evening tracks, weekly individual, random tests at least weekly early (seed 001; SAMHSA TIP 47)", () => {
    const p = programTemplates.substanceUseAdult({ timeZone: zone });
    expect(tracksOf(p.phases[0]!)).toEqual(["morning", "evening"]);
    expect(p.phases[0]?.individualEveryWeeks).toBe(1);
    expect(p.phases[0]?.drugTestsPerWeek.min).toBeGreaterThanOrEqual(1);
    expect(p.drugTestPolicy.minDaysApart).toBe(3);
  });

  it("adult substance-use IOP meets H0015 in its first phase: ≥ 3 h a day on ≥ 3 days (DOMAIN.md)", () => {
    const ph = programTemplates.substanceUseAdult({ timeZone: zone }).phases[0]!;
    const morning = entriesForTrack(ph.pattern, "morning");
    const byDay = new Map<number, number>();
    for (const e of morning) byDay.set(e.weekday, (byDay.get(e.weekday) ?? 0) + e.durationMinutes);
    expect([...byDay.values()].filter((m) => m >= 180).length).toBeGreaterThanOrEqual(3);
  });

  it("adult mental-health IOP serves depression, anxiety, bipolar and PTSD with DBT and CBT groups (seeds 002–004)", () => {
    const p = programTemplates.mentalHealthAdult({ timeZone: zone });
    expect(p.conditionsServed).toEqual(["depression", "anxiety", "bipolar", "ptsd"]);
    expect(new Set(p.phases[0]?.pattern.map((e) => e.modality))).toEqual(new Set(["dbt", "cbt"]));
    expect(hoursByTrack(p, 0).every((h) => h >= 9)).toBe(true); // Medicare IOP ≥ 9 h
  });

  it("adolescent IOP: ≥ 6 h/week after school, weekly family therapy for everyone (ASAM adolescent IOP; seed 001)", () => {
    const p = programTemplates.adolescent({ timeZone: zone });
    expect(p.population).toBe("adolescent");
    expect(hoursByTrack(p, 0).every((h) => h >= 6)).toBe(true);
    expect(p.phases[0]?.pattern.every((e) => e.start >= "15:30")).toBe(true);
    expect(p.phases[0]?.oneToOne).toContainEqual({
      sessionType: "family-therapy",
      everyWeeks: 1,
      durationMinutes: 60,
      appliesTo: "everyone",
    });
  });

  it("eating-disorder IOP has meal support groups and nutrition education (seed 002)", () => {
    const p = programTemplates.eatingDisorder({ timeZone: zone });
    expect(p.conditionsServed).toContain("eating-disorder");
    const modalities = p.phases[0]?.pattern.map((e) => e.modality);
    expect(modalities).toContain("meal-support");
    expect(modalities).toContain("nutrition-education");
  });

  it("takes start-up options: one track, closures, capacity, id and name", () => {
    const p = programTemplates.substanceUseAdult({
      timeZone: "Europe/London",
      tracks: ["evening"],
      closures: ["2026-12-25"],
      groupCapacity: 10,
      id: "north",
      name: "North Clinic IOP",
    });
    expect(tracksOf(p.phases[0]!)).toEqual(["evening"]);
    expect(p.closures).toEqual(["2026-12-25"]);
    expect(p.groupCapacity).toBe(10);
    expect([p.id, p.name]).toEqual(["north", "North Clinic IOP"]);
  });

  it("rejects bad options with IopError: unknown zone, unknown track, unknown option", () => {
    expect(() => programTemplates.substanceUseAdult({ timeZone: "Nowhere/City" })).toThrow(
      IopError,
    );
    expect(() =>
      programTemplates.substanceUseAdult({ timeZone: zone, tracks: ["night" as "evening"] }),
    ).toThrow(IopError);
    expect(() =>
      programTemplates.adolescent({ timeZone: zone, tracks: ["evening"] } as never),
    ).toThrow(/unrecognized|Unrecognized/);
  });
});
