// Billing hints (hints for a billing system, not rules): HCPCS descriptors (CMS HCPCS Level II):
// H0015 SUD intensive outpatient per diem, S9480 intensive outpatient psychiatric services per diem,
// H0038 self-help/peer services per 15 minutes (a provider's service, not AA/NA); per-session codes
// on a per-diem day are bundled for many payers (BCBS North Dakota; Nebraska Blue RP-PI-002).
import { describe, expect, it } from "vitest";
import { billingHints, programTemplates, sessionTypes, type Program } from "iopkit";

const zone = "America/New_York";
const sud = programTemplates.substanceUseAdult({ timeZone: zone });
const mh = programTemplates.mentalHealthAdult({ timeZone: zone });
const ed = programTemplates.eatingDisorder({ timeZone: zone });
const codesOf = (p: Pick<Program, "levelOfCare" | "conditionsServed">) =>
  billingHints(p).perDiem.map((h) => h.code);
const session = (p: Program, type: string) =>
  billingHints(p).sessions.find((s) => s.sessionType === type)?.hints ?? [];

describe("per-diem codes of an IOP", () => {
  it("SUD only → H0015; mental health only → S9480; co-occurring → both", () => {
    expect(
      codesOf({ levelOfCare: "intensive-outpatient", conditionsServed: ["substance-use"] }),
    ).toEqual(["H0015"]);
    expect(codesOf(mh)).toEqual(["S9480"]);
    expect(codesOf(ed)).toEqual(["S9480"]);
    expect(codesOf(sud)).toEqual(["H0015", "S9480"]);
    expect(billingHints(sud).perDiem[0]).toEqual({
      code: "H0015",
      codeSet: "hcpcs",
      unit: "per-diem",
      when: "alcohol and/or drug intensive outpatient: at least 3 hours a day and 3 days a week, on an individualized treatment plan",
      bundledInPerDiem: false,
      sources: [{ source: "cms-hcpcs", section: "H0015" }],
    });
  });

  it("no per-diem hint outside the IOP level, and then no bundling caveat", () => {
    for (const levelOfCare of ["outpatient", "partial-hospitalization"] as const) {
      const h = billingHints({ levelOfCare, conditionsServed: ["substance-use", "depression"] });
      expect(h.perDiem).toEqual([]);
      expect(h.caveats.map((c) => c.code)).toEqual(["payer-rules"]);
      expect(h.sessions.every((s) => s.hints.every((x) => !x.bundledInPerDiem))).toBe(true);
    }
  });

  it("with a per diem, every per-session code carries the bundling caveat", () => {
    const h = billingHints(sud);
    expect(h.caveats.map((c) => c.code)).toEqual(["payer-rules", "bundled-in-per-diem"]);
    expect(h.caveats[1]?.sources).toEqual([
      { source: "bcbsnd-bh-reimbursement", section: "Intensive Outpatient Program (IOP)" },
      { source: "bcbsne-rp-pi-002" },
    ]);
    const all = h.sessions.flatMap((s) => s.hints);
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((x) => x.bundledInPerDiem)).toBe(true);
  });
});

describe("per-session codes", () => {
  it("outside mutual-help meetings (AA/NA) carry no code; H0038 is staff-delivered peer recovery support", () => {
    expect(sessionTypes["peer-support"].billingCodes).toEqual([]);
    expect(session(sud, "peer-support")).toEqual([]);
    expect(sessionTypes["peer-recovery-support"]).toMatchObject({
      format: "one-to-one",
      staffRoles: ["peer-specialist"],
      billingCodes: ["H0038"],
    });
    expect(session(sud, "peer-recovery-support")).toEqual([
      {
        code: "H0038",
        codeSet: "hcpcs",
        unit: "per-15-minutes",
        bundledInPerDiem: true,
        sources: [{ source: "cms-hcpcs", section: "H0038" }],
      },
    ]);
  });

  it("90846 only without the patient, 90847 with the patient", () => {
    const family = session(sud, "family-therapy");
    expect(family.map((h) => [h.code, h.codeSet, h.when])).toEqual([
      ["90847", "cpt", "family psychotherapy with the patient present"],
      ["90846", "cpt", "family psychotherapy without the patient present"],
      ["90849", "cpt", "multiple-family group psychotherapy"],
    ]);
    expect(family[0]?.sources).toEqual([{ source: "ama-cpt", section: "90847" }]);
  });

  it("a supported meal is not group psychotherapy: meal-support has no code; the template uses it", () => {
    expect(sessionTypes["meal-support"]).toMatchObject({
      format: "group",
      countsTowardClinicalHours: true,
      billingCodes: [],
    });
    expect(session(ed, "meal-support")).toEqual([]);
    const meal = ed.phases[0]!.pattern.filter((e) => e.topic === "supported dinner");
    expect(meal.length).toBeGreaterThan(0);
    expect(meal.every((e) => e.sessionType === "meal-support")).toBe(true);
    expect(
      ed.phases
        .flatMap((p) => p.pattern)
        .some((e) => e.sessionType === "group-therapy" && e.modality === "meal-support"),
    ).toBe(false);
  });

  it("psychoeducation H2027 is per 15 minutes; group therapy 90853 per session", () => {
    expect(session(sud, "psychoeducation").map((h) => h.unit)).toEqual(["per-15-minutes"]);
    expect(session(sud, "group-therapy").map((h) => [h.code, h.unit])).toEqual([
      ["90853", "per-session"],
    ]);
  });
});
