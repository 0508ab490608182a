import { describe, expect, it } from "vitest";
import { defineProgram, programTemplates, IopError } from "iopkit";
import { levelsOfCare, sessionTypes } from "iopkit/program";
import { formatCitation, type Provenance } from "iopkit/sources";
import { provenanceProblems } from "./provenance";

const cites = (list: readonly Provenance[]): string[] => list.map(formatCitation);

describe("levels of care cite public sources", () => {
  it("every entry's sources resolve in the registry and render with label, year and section", () => {
    expect(
      levelsOfCare.flatMap((l) => provenanceProblems(`${l.edition}/${l.code}`, l.sources)),
    ).toEqual([]);
  });

  it("each entry cites its own edition and level code first", () => {
    for (const l of levelsOfCare) {
      const id = l.edition === 3 ? "asam-criteria-3rd-2013" : "asam-criteria-4th-2023";
      expect(l.sources[0]).toEqual({ source: id, section: `level ${l.code}` });
    }
  });

  it("the IOP band cites the SAMHSA Advisory (9 h adults, 6 h adolescents) and Medicare (9–19 h)", () => {
    const iop3 = levelsOfCare.find((l) => l.edition === 3 && l.code === "2.1");
    expect(cites(iop3?.sources ?? [])).toEqual([
      "ASAM Criteria, 3rd ed. (2013), level 2.1",
      "SAMHSA Advisory on IOP (2021)",
      "Noridian Medicare, IOP (2024)",
      "42 CFR 424.24 (2024), § 424.24(d)",
      "unverified: the adolescent upper bound of 19 h mirrors the adult band",
    ]);
    const php3 = levelsOfCare.find((l) => l.edition === 3 && l.code === "2.5");
    expect(cites(php3?.sources ?? [])).toEqual([
      "ASAM Criteria, 3rd ed. (2013), level 2.5",
      "Noridian Medicare, IOP (2024)",
    ]);
  });

  it("says 'unverified' for the 4th edition's hour bands and level 2.7's hours, and nowhere else in the 3rd", () => {
    const unverified = (l: (typeof levelsOfCare)[number]): string[] =>
      l.sources.flatMap((p) => ("unverified" in p ? [p.unverified] : []));
    const l27 = levelsOfCare.find((l) => l.edition === 4 && l.code === "2.7");
    // Level 2.7 is its own concept (not IOP), with no hours band: its hours are unverified.
    expect(unverified(l27 ?? levelsOfCare[0]!)).toEqual([
      "level 2.7's weekly hours were not found in a public source: iopkit gives it no hours band; it is the medically managed level 2 service (withdrawal management capable), not a variant of IOP (2.1)",
    ]);
    for (const l of levelsOfCare.filter((x) => x.edition === 4))
      expect(unverified(l).some((u) => u.startsWith("the 4th edition's hour bands"))).toBe(
        l.hours !== null,
      );
    const thirdWithoutBand = levelsOfCare.filter((l) => l.edition === 3 && l.code !== "2.1");
    for (const l of thirdWithoutBand) expect(unverified(l)).toEqual([]);
  });
});

describe("session types cite public sources", () => {
  it("every entry's sources resolve in the registry", () => {
    expect(Object.values(sessionTypes).flatMap((t) => provenanceProblems(t.id, t.sources))).toEqual(
      [],
    );
    for (const t of Object.values(sessionTypes)) expect(t.sources.length).toBeGreaterThan(0);
  });

  it("each CPT or HCPCS billing hint is cited by its code set", () => {
    for (const t of Object.values(sessionTypes)) {
      const sections = t.sources.flatMap((p) =>
        "source" in p && (p.source === "ama-cpt" || p.source === "cms-hcpcs")
          ? [p.section ?? ""]
          : [],
      );
      const hints = t.billingCodes.filter(
        (c) => !sections.some((s) => s.includes(c) || rangeHas(s, c)),
      );
      // H0038 (peer support) is a hint the entry marks unverified: a provider's peer service.
      const unexplained = hints.filter(
        (c) => !t.sources.some((p) => "unverified" in p && p.unverified.includes(c)),
      );
      expect(unexplained, t.id).toEqual([]);
    }
  });

  it("descriptions name no internal notes", () => {
    for (const t of Object.values(sessionTypes))
      expect(t.description).not.toMatch(/seed|DOMAIN|DESIGN/);
  });
});

/** `"99212–99215"` contains `"99214"`. */
function rangeHas(section: string, code: string): boolean {
  const m = /^(\d{5})–(\d{5})$/.exec(section);
  if (m === null) return false;
  const n = Number(code);
  return n >= Number(m[1]) && n <= Number(m[2]);
}

describe("program messages render a public source", () => {
  it("a band outside the level cites ASAM Criteria 3rd ed., level 2.1, as formatCitation renders it", () => {
    const input = structuredClone(programTemplates.substanceUseAdult({ timeZone: "UTC" }));
    const phase = input.phases[0];
    if (phase === undefined) throw new Error("template without phases");
    phase.hoursPerWeek = { min: 12, max: 20 };
    let issues: readonly { code: string; path: readonly (string | number)[]; message: string }[] =
      [];
    try {
      defineProgram(input);
    } catch (e) {
      if (!(e instanceof IopError)) throw e;
      issues = e.issues;
    }
    const band = issues.find((i) => i.code === "band-outside-level");
    expect(band?.path).toEqual(["phases", 0, "hoursPerWeek"]);
    expect(band?.message).toBe(
      `12–20 h/week is outside intensive-outpatient for adults (9–19 h: ${formatCitation({
        source: "asam-criteria-3rd-2013",
        section: "level 2.1",
      })})`,
    );
  });
});
