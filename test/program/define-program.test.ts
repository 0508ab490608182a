import { describe, expect, it } from "vitest";
import { defineProgram, IopError, safeDefineProgram, type ProgramInput } from "iopkit";
import { minimalProgram } from "./fixtures";

/** The issue codes and paths `safeDefineProgram` reports for an edited minimal program. */
function problems(edit: (p: ProgramInput & Record<string, unknown>) => void): [string, string][] {
  const input = minimalProgram() as ProgramInput & Record<string, unknown>;
  edit(input);
  const r = safeDefineProgram(input);
  return r.success ? [] : r.error.issues.map((i) => [i.code, i.path.join(".")]);
}
const phase0 = (p: ProgramInput) => {
  const ph = p.phases[0];
  if (ph === undefined) throw new Error("fixture has a phase");
  return ph;
};

describe("defineProgram", () => {
  it("accepts a sound program and fills in sourced defaults", () => {
    const p = defineProgram(minimalProgram());
    expect(p.groupCapacity).toBe(12); // seed 001: groups of 10–12
    expect(p.asamEdition).toBe(3);
    expect(p.closures).toEqual([]);
    expect(p.absencePolicy).toEqual({
      unexcusedStreakAlert: 2,
      lostToContactDays: 14,
      excusedCountsAsAbsent: false,
    });
    expect(p.drugTestPolicy.minDaysApart).toBe(3); // SAMHSA TIP 47: not more often than every 3 days
    expect(p.reviewPolicy).toEqual({
      treatmentPlanReviewDays: 30,
      recertificationDays: 60,
      utilizationReviewDays: 14,
    });
    expect(p.perDiemMinHours).toBe(3); // H0015: ≥ 3 h a day
    expect(p.phases[0]?.individualMinutes).toBe(60);
    expect(p.phases[0]?.oneToOne).toEqual([]);
  });

  it("never mutates its input and gives back JSON-round-trippable data", () => {
    const input = minimalProgram();
    const copy = structuredClone(input);
    const p = defineProgram(input);
    expect(input).toEqual(copy);
    expect(JSON.parse(JSON.stringify(p))).toEqual(p);
    expect(defineProgram(p)).toEqual(p);
  });

  it("throws IopError listing every structural problem with its path", () => {
    expect(() => defineProgram({})).toThrow(IopError);
    const codes = problems((p) => {
      p.timeZone = "Mars/Base";
      p.groupCapacity = 0;
      p.extra = true;
      phase0(p).pattern[0]!.start = "24:00";
    });
    expect(codes).toEqual([
      ["invalid-time-zone", "timeZone"],
      ["too-small", "groupCapacity"],
      ["invalid-format", "phases.0.pattern.0.start"],
      ["unrecognized-keys", "extra"],
    ]);
  });

  it("rejects a weekly pattern summing below the phase band (S5)", () => {
    expect(problems((p) => (phase0(p).hoursPerWeek = { min: 10, max: 12 }))).toEqual([
      ["pattern-below-band", "phases.0.pattern"],
    ]);
  });

  it("rejects a pattern whose hours plus one-to-ones can exceed the band", () => {
    expect(
      problems((p) => {
        phase0(p).hoursPerWeek = { min: 9, max: 9.5 };
      }),
    ).toEqual([["pattern-above-band", "phases.0.pattern"]]);
  });

  it("rejects a band outside the level of care (adult IOP 9–19 h, ASAM)", () => {
    const codes = problems((p) => {
      phase0(p).hoursPerWeek = { min: 9, max: 20 };
    });
    expect(codes).toContainEqual(["band-outside-level", "phases.0.hoursPerWeek"]);
  });

  it("rejects a later phase more intense than an earlier one (S6)", () => {
    const codes = problems((p) => {
      const first = phase0(p);
      p.phases.push({
        ...structuredClone(first),
        id: "second",
        name: "Second",
        hoursPerWeek: { min: 9, max: 12 },
      });
      first.weeks = { min: 4, max: 6 };
      first.plannedWeeks = 4;
      first.exitCriteria.minWeeks = 4;
      p.phases[1]!.weeks = { min: 4, max: 6 };
      p.phases[1]!.plannedWeeks = 4;
      p.phases[1]!.exitCriteria.minWeeks = 4;
    });
    expect(codes).toEqual([["phase-intensity-rises", "phases.1.hoursPerWeek"]]);
  });

  it("rejects sessions outside operating hours, across midnight, or that are not group sessions", () => {
    expect(problems((p) => (phase0(p).pattern[0]!.start = "11:00"))).toEqual([
      ["outside-operating-hours", "phases.0.pattern.0"],
    ]);
    expect(problems((p) => (phase0(p).pattern[0]!.start = "22:30"))).toEqual([
      ["crosses-midnight", "phases.0.pattern.0"],
    ]);
    const codes = problems((p) => (phase0(p).pattern[0]!.sessionType = "individual-therapy"));
    expect(codes).toContainEqual(["not-a-group-session", "phases.0.pattern.0.sessionType"]);
  });

  it("rejects overlapping sessions within one track, but not across tracks", () => {
    const overlapping = problems((p) => {
      phase0(p).pattern.push({
        sessionType: "psychoeducation",
        weekday: 1,
        start: "11:00",
        durationMinutes: 60,
      });
      p.operatingHours[0]!.close = "13:00";
    });
    expect(overlapping).toContainEqual(["overlapping-sessions", "phases.0.pattern.3"]);
    const tracks = problems((p) => {
      const ph = phase0(p);
      ph.pattern = [
        ...ph.pattern.map((e) => ({ ...e, track: "morning" })),
        ...ph.pattern.map((e) => ({ ...e, track: "late-morning", start: "09:30" })),
      ];
      for (const w of p.operatingHours) w.close = "13:00";
    });
    expect(tracks).toEqual([]);
  });

  it("rejects phase weeks that cannot fit the program length (S7)", () => {
    expect(problems((p) => (p.lengthWeeks = { min: 2, max: 6 }))).toEqual([
      ["phases-exceed-length", "lengthWeeks.max"],
    ]);
    expect(problems((p) => (p.lengthWeeks = { min: 14, max: 20 }))).toEqual([
      ["phases-below-length", "lengthWeeks.min"],
    ]);
    expect(problems((p) => (phase0(p).plannedWeeks = 13))).toEqual([
      ["planned-weeks-outside-range", "phases.0.plannedWeeks"],
      ["planned-length-outside-bounds", "phases"],
    ]);
  });

  it("rejects more weekly drug tests than days on site (S12), and other inconsistencies", () => {
    expect(problems((p) => (phase0(p).drugTestsPerWeek = { min: 1, max: 3 }))).toEqual([]);
    const tooMany = problems((p) => {
      phase0(p).pattern = phase0(p)
        .pattern.slice(0, 2)
        .map((e) => ({ ...e, durationMinutes: 270, start: "08:30" }));
      phase0(p).drugTestsPerWeek = { min: 1, max: 3 };
      for (const w of p.operatingHours) w.close = "13:00";
    });
    expect(tooMany).toEqual([["more-tests-than-site-days", "phases.0.drugTestsPerWeek.max"]]);
    expect(problems((p) => (phase0(p).exitCriteria.minWeeks = 13))).toEqual([
      ["exit-weeks-above-phase-length", "phases.0.exitCriteria.minWeeks"],
    ]);
    expect(problems((p) => (p.operatingHours[0]!.close = "07:00"))).toContainEqual([
      "window-closes-before-open",
      "operatingHours.0",
    ]);
  });

  it("rejects duplicate phase ids and duplicate one-to-one requirements", () => {
    const codes = problems((p) => {
      phase0(p).oneToOne = [
        {
          sessionType: "family-therapy",
          everyWeeks: 2,
          durationMinutes: 30,
          appliesTo: "family-involved",
        },
        {
          sessionType: "family-therapy",
          everyWeeks: 4,
          durationMinutes: 30,
          appliesTo: "everyone",
        },
      ];
      phase0(p).hoursPerWeek = { min: 9, max: 12 };
    });
    expect(codes).toEqual([["duplicate-one-to-one", "phases.0.oneToOne.1"]]);
    const dup = problems((p) => {
      const first = phase0(p);
      first.weeks = { min: 4, max: 6 };
      first.plannedWeeks = 5;
      first.exitCriteria.minWeeks = 4;
      p.phases.push(structuredClone(first));
    });
    expect(dup).toEqual([["duplicate-phase-id", "phases.1.id"]]);
  });

  it("rejects a phase at a higher level of care than its program", () => {
    const codes = problems((p) => {
      p.levelOfCare = "outpatient";
      phase0(p).levelOfCare = "intensive-outpatient";
    });
    expect(codes).toContainEqual(["phase-level-above-program", "phases.0.levelOfCare"]);
  });

  it("reports several rule problems at once", () => {
    const codes = problems((p) => {
      phase0(p).hoursPerWeek = { min: 10, max: 20 };
      phase0(p).pattern[0]!.start = "11:00";
      p.lengthWeeks = { min: 2, max: 6 };
    }).map(([c]) => c);
    expect(codes).toEqual([
      "band-outside-level",
      "outside-operating-hours",
      "pattern-below-band",
      "phases-exceed-length",
    ]);
  });
});
