// Example tests for every band boundary of every instrument, the item flags, reverse scoring, the
// DAST-10 licence and bad answers. Figures: DOMAIN.md "Instruments" unless a test names another.
import { describe, expect, it } from "vitest";
import { IopError } from "iopkit";
import {
  instruments,
  scoreAuditC,
  scoreBam,
  scoreDast10,
  scoreGad7,
  scoreMeasure,
  scorePhq9,
  type BamAnswer,
} from "iopkit/measures";
import { codesWithTotal, dastWithTotal } from "./helpers";

/** The IopError a call throws (fails the test if it returns or throws something else). */
function errorOf(f: () => unknown): IopError {
  try {
    f();
  } catch (e) {
    if (e instanceof IopError) return e;
    throw e;
  }
  throw new Error("expected an IopError");
}

const NC = { licence: "non-commercial" } as const;

describe('PHQ-9 bands (DOMAIN.md "Instruments", PHQ-9 row: 0–4 minimal, 5–9 mild, 10–14 moderate, 15–19 moderately severe, 20–27 severe)', () => {
  it.each([
    [0, "minimal"],
    [4, "minimal"],
    [5, "mild"],
    [9, "mild"],
    [10, "moderate"],
    [14, "moderate"],
    [15, "moderately-severe"],
    [19, "moderately-severe"],
    [20, "severe"],
    [27, "severe"],
  ])("total %i → %s", (total, band) => {
    const s = scorePhq9(codesWithTotal("phq-9", total));
    expect(s.total).toBe(total);
    expect(s.band.id).toBe(band);
    expect(s.band.min).toBeLessThanOrEqual(total);
    expect(s.band.max).toBeGreaterThanOrEqual(total);
  });

  it("labels the bands for people", () => {
    expect(scorePhq9(codesWithTotal("phq-9", 16)).band).toEqual({
      id: "moderately-severe",
      label: "Moderately severe",
      min: 15,
      max: 19,
    });
  });
});

describe('PHQ-9 item 9 (DOMAIN.md "Instruments": item 9 > 0 needs follow-up)', () => {
  it("flags suicidal ideation when item 9 is above 0, even with a minimal total", () => {
    const s = scorePhq9([0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(s.band.id).toBe("minimal");
    expect(s.flags).toEqual([expect.objectContaining({ code: "suicidal-ideation", item: 9 })]);
    expect(s.flags[0]?.message).toMatch(/follow up/);
  });

  it("does not flag when item 9 is 0, even with a severe total", () => {
    const s = scorePhq9([3, 3, 3, 3, 3, 3, 3, 3, 0]);
    expect(s.band.id).toBe("severe");
    expect(s.flags).toEqual([]);
  });

  it("flags every positive answer to item 9 (1, 2 and 3)", () => {
    for (const v of [1, 2, 3])
      expect(scorePhq9([0, 0, 0, 0, 0, 0, 0, 0, v]).flags.map((f) => f.code)).toEqual([
        "suicidal-ideation",
      ]);
  });
});

describe('GAD-7 bands (DOMAIN.md "Instruments", GAD-7 row: 0–4 minimal, 5–9 mild, 10–14 moderate, 15–21 severe)', () => {
  it.each([
    [0, "minimal"],
    [4, "minimal"],
    [5, "mild"],
    [9, "mild"],
    [10, "moderate"],
    [14, "moderate"],
    [15, "severe"],
    [21, "severe"],
  ])("total %i → %s", (total, band) => {
    const s = scoreGad7(codesWithTotal("gad-7", total));
    expect(s.total).toBe(total);
    expect(s.band.id).toBe(band);
  });
});

describe('AUDIT-C cut-offs (DOMAIN.md "Instruments", AUDIT-C row: positive men ≥ 4, women ≥ 3)', () => {
  it.each([
    ["male", 0, "negative"],
    ["male", 3, "negative"],
    ["male", 4, "positive"],
    ["male", 12, "positive"],
    ["female", 0, "negative"],
    ["female", 2, "negative"],
    ["female", 3, "positive"],
    ["female", 12, "positive"],
  ] as const)("%s, total %i → %s", (sex, total, band) => {
    const s = scoreAuditC(codesWithTotal("audit-c", total), { sex });
    expect(s.total).toBe(total);
    expect(s.band.id).toBe(band);
    expect(s.sex).toBe(sex);
  });

  it("the same answers (total 3) are positive for a woman and negative for a man", () => {
    expect(scoreAuditC([1, 1, 1], { sex: "female" }).band.id).toBe("positive");
    expect(scoreAuditC([1, 1, 1], { sex: "male" }).band.id).toBe("negative");
  });

  it("requires sex (untyped callers get sex-required)", () => {
    const call = scoreAuditC as (a: unknown, o?: unknown) => unknown;
    expect(errorOf(() => call([1, 1, 1])).issues).toEqual([
      {
        code: "sex-required",
        path: ["options", "sex"],
        message: 'AUDIT-C cut-offs depend on sex: pass sex "female" or "male"',
      },
    ]);
    expect(errorOf(() => call([1, 1, 1], { sex: "other" })).issues[0]?.code).toBe("sex-required");
  });

  it("flags a positive screen whose points all come from item 1 (US Core AUDIT-C example, PMID 12695273)", () => {
    expect(scoreAuditC([4, 0, 0], { sex: "male" }).flags.map((f) => f.code)).toEqual([
      "points-from-frequency-only",
    ]);
    expect(scoreAuditC([3, 1, 0], { sex: "male" }).flags).toEqual([]);
    expect(scoreAuditC([2, 0, 0], { sex: "female" }).flags).toEqual([]); // negative
  });
});

describe('DAST-10 (DOMAIN.md "Instruments", DAST-10 row: 0 none, 1–2 low, 3–5 moderate, 6–8 substantial, 9–10 severe; item 3 reversed)', () => {
  it.each([
    [0, "none"],
    [1, "low"],
    [2, "low"],
    [3, "moderate"],
    [5, "moderate"],
    [6, "substantial"],
    [8, "substantial"],
    [9, "severe"],
    [10, "severe"],
  ])("total %i → %s", (total, band) => {
    const s = scoreDast10(dastWithTotal(total), NC);
    expect(s.total).toBe(total);
    expect(s.band.id).toBe(band);
  });

  it('reverse-scores item 3: "no" to "always able to stop" scores 1, "yes" scores 0', () => {
    const allNo = Array.from({ length: 10 }, () => false);
    const s = scoreDast10(allNo, NC);
    expect(s.itemScores).toEqual([0, 0, 1, 0, 0, 0, 0, 0, 0, 0]);
    expect(s.total).toBe(1);
    expect(s.band.id).toBe("low");
    const allYes = Array.from({ length: 10 }, () => true);
    expect(scoreDast10(allYes, NC).total).toBe(9);
    expect(instruments["dast-10"].items.filter((i) => i.reverse).map((i) => i.number)).toEqual([3]);
  });

  it("refuses to score without the non-commercial licence acknowledgement (licence-required)", () => {
    const call = scoreDast10 as (a: unknown, o?: unknown) => unknown;
    const answers = dastWithTotal(0);
    for (const options of [undefined, {}, { licence: "commercial" }, { licence: true }, "x"]) {
      const e = errorOf(() => call(answers, options));
      expect(e.issues).toEqual([
        expect.objectContaining({ code: "licence-required", path: ["options", "licence"] }),
      ]);
      expect(e.message).toMatch(/non-commercial use only/);
    }
    expect(errorOf(() => scoreMeasure("dast-10", answers, {} as never)).issues[0]?.code).toBe(
      "licence-required",
    );
    expect(scoreMeasure("dast-10", answers, NC).total).toBe(0);
  });

  it("takes yes/no as true/false, not 0/1", () => {
    const e = errorOf(() => scoreDast10([1, 0, 0, 0, 0, 0, 0, 0, 0, 0] as never, NC));
    expect(e.issues).toHaveLength(10);
    expect(e.issues.every((i) => i.code === "invalid-type")).toBe(true);
  });
});

describe('BAM composites (DOMAIN.md "Instruments", BAM row: use 4,5,6; risk 1,2,3,8,11,15; protective 9,10,12,13,14,16)', () => {
  // Hand-computed example. Item:  1  2  3  4  5  6  7     8  9 10 11 12 13 14 15 16 17
  const answers: BamAnswer[] = [3, 4, 2, 2, 1, 0, null, 3, 1, 0, 2, 0, 1, 0, 2, 1, 1];

  it("sums the composites' items: use 2+1+0 = 3, risk 3+4+2+3+2+2 = 16, protective 1+0+0+1+0+1 = 3", () => {
    const s = scoreBam(answers, { administeredOn: "2026-03-09" });
    expect(s.composites.use).toEqual({
      score: 3,
      band: { id: "use", label: "Any use (≥ 1)", min: 1, max: 12 },
    });
    expect(s.composites.risk.score).toBe(16);
    expect(s.composites.risk.band.id).toBe("elevated");
    expect(s.composites.protective.score).toBe(3);
    expect(s.composites.protective.band.id).toBe("low");
    expect(s.itemScores[6]).toBeNull();
    expect(s.flags).toEqual([]);
    expect(s.administeredOn).toBe("2026-03-09");
  });

  it("leaves items 7 and 17 out of every composite", () => {
    const changed = [...answers];
    changed[16] = 4;
    const a = scoreBam(answers);
    const b = scoreBam(changed);
    expect(b.composites).toEqual(a.composites);
  });

  it.each([
    ["use", 0, "no-use"],
    ["use", 1, "use"],
    ["use", 12, "use"],
    ["risk", 0, "below-cut-off"],
    ["risk", 11, "below-cut-off"],
    ["risk", 12, "elevated"],
    ["risk", 24, "elevated"],
    ["protective", 0, "low"],
    ["protective", 12, "low"],
    ["protective", 13, "above-cut-off"],
    ["protective", 24, "above-cut-off"],
  ] as const)(
    "%s composite %i → %s (cut-offs: Blueprint BAM guide, unverified)",
    (id, score, band) => {
      const composite = instruments.bam.scoring;
      if (composite.kind !== "composites") throw new Error("BAM has composites");
      const items = composite.composites.find((c) => c.id === id)?.items ?? [];
      const list: BamAnswer[] = [0, 0, 0, 0, 0, 0, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
      let left = score;
      for (const n of items) {
        const v = n === 14 ? (left >= 4 ? 4 : 0) : Math.min(4, left);
        list[n - 1] = v;
        left -= v;
      }
      expect(left).toBe(0);
      if (typeof list[5] === "number" && list[5] > 0) list[6] = {};
      const s = scoreBam(list);
      expect(s.composites[id].score).toBe(score);
      expect(s.composites[id].band.id).toBe(band);
    },
  );

  it("accepts item 14 as No = 0 or Yes = 4 only", () => {
    const bad = [...answers];
    bad[13] = 2;
    expect(errorOf(() => scoreBam(bad)).issues).toEqual([
      expect.objectContaining({ code: "out-of-range", path: ["answers", 13] }),
    ]);
  });

  it("allows null for item 5 only when item 4 is 0, and for item 7 only when item 6 is 0 (skip logic)", () => {
    const skipped: BamAnswer[] = [0, 0, 0, 0, null, 0, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    expect(scoreBam(skipped).composites.use.score).toBe(0);
    const notSkippable = [...skipped];
    notSkippable[3] = 1; // item 4 > 0, so item 5 must be answered
    notSkippable[5] = 2; // item 6 > 0, so item 7 must be answered
    expect(errorOf(() => scoreBam(notSkippable)).issues.map((i) => [i.code, i.path])).toEqual([
      ["answer-required", ["answers", 4]],
      ["answer-required", ["answers", 6]],
    ]);
  });

  it("takes item 7 as days codes per substance and validates each one", () => {
    const withDrugs: BamAnswer[] = [...answers];
    withDrugs[5] = 3;
    withDrugs[6] = { marijuana: 3, opioids: 1 };
    expect(scoreBam(withDrugs).composites.use.score).toBe(2 + 1 + 3);
    withDrugs[6] = { marijuana: 5, heroin: 1 } as never;
    expect(errorOf(() => scoreBam(withDrugs)).issues.map((i) => [i.code, i.path])).toEqual([
      ["out-of-range", ["answers", 6, "marijuana"]],
      ["unrecognized-keys", ["answers", 6, "heroin"]],
    ]);
  });

  it("flags answers that contradict each other instead of rejecting them", () => {
    const odd: BamAnswer[] = [...answers];
    odd[3] = 1; // 1–3 days of any drinking
    odd[4] = 3; // 9–15 days of heavy drinking
    odd[5] = 1;
    odd[6] = { cocaine: 2 }; // more cocaine days than days of any drug
    expect(scoreBam(odd).flags.map((f) => [f.code, f.item])).toEqual([
      ["inconsistent-answers", 5],
      ["inconsistent-answers", 7],
    ]);
  });

  it("heavy drinking on as many days as any drinking is consistent; one band more is not", () => {
    const even: BamAnswer[] = [...answers];
    even[3] = 2;
    even[4] = 2;
    even[5] = 2;
    even[6] = { cocaine: 2 };
    expect(scoreBam(even).flags).toEqual([]);
    even[4] = 3;
    even[6] = { cocaine: 3 };
    expect(scoreBam(even).flags.map((f) => [f.code, f.item])).toEqual([
      ["inconsistent-answers", 5],
      ["inconsistent-answers", 7],
    ]);
  });
});

describe("bad answers: one IopError naming every bad item", () => {
  it("names each bad item of a PHQ-9 with its path, and never just the first", () => {
    const e = errorOf(() => scorePhq9([0, 4, -1, 1.5, "2", null, 0, 0, 0] as never));
    expect(e.issues.map((i) => [i.code, i.path])).toEqual([
      ["out-of-range", ["answers", 1]],
      ["out-of-range", ["answers", 2]],
      ["not-integer", ["answers", 3]],
      ["invalid-type", ["answers", 4]],
      ["answer-required", ["answers", 5]],
    ]);
    expect(e.issues[0]?.message).toMatch(/PHQ-9 item 2 .*expected an integer 0–3, got 4/);
  });

  it("reports each missing item when the list is short, and the extra ones when it is long", () => {
    expect(errorOf(() => scoreGad7([0, 0, 0, 0, 0])).issues.map((i) => i.path)).toEqual([
      ["answers", 5],
      ["answers", 6],
    ]);
    const long = errorOf(() => scoreGad7([0, 0, 0, 0, 0, 0, 0, 0]));
    expect(long.issues).toEqual([
      expect.objectContaining({ code: "too-many-answers", path: ["answers", 7] }),
    ]);
  });

  it("rejects a non-list", () => {
    for (const bad of [undefined, null, 3, "0,1,2", { 0: 1 }])
      expect(errorOf(() => scorePhq9(bad as never)).issues).toEqual([
        expect.objectContaining({ code: "invalid-type", path: ["answers"] }),
      ]);
  });

  it("rejects NaN and infinities as the wrong type, without quoting huge values", () => {
    const e = errorOf(() =>
      scoreAuditC([Number.NaN, Infinity, "x".repeat(100_000)] as never, { sex: "male" }),
    );
    expect(e.issues.map((i) => i.code)).toEqual(["invalid-type", "invalid-type", "invalid-type"]);
    expect(e.message.length).toBeLessThan(1000);
  });

  it("reports bad options together with bad answers", () => {
    const e = errorOf(() =>
      scorePhq9([9, 0, 0, 0, 0, 0, 0, 0, 0], { administeredOn: "2026-02-30" }),
    );
    expect(e.issues.map((i) => i.path)).toEqual([
      ["answers", 0],
      ["options", "administeredOn"],
    ]);
  });

  it("rejects an unknown instrument", () => {
    const call = scoreMeasure as (id: unknown, answers: unknown) => unknown;
    expect(errorOf(() => call("k10", [])).issues[0]?.code).toBe("unknown-instrument");
  });
});

describe("results", () => {
  it("are plain JSON with the date, answers, item points, total, band and flags", () => {
    const s = scorePhq9([1, 1, 1, 1, 1, 1, 1, 1, 2], { administeredOn: "2026-03-09" });
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
    expect(s).toEqual({
      instrument: "phq-9",
      administeredOn: "2026-03-09",
      answers: [1, 1, 1, 1, 1, 1, 1, 1, 2],
      itemScores: [1, 1, 1, 1, 1, 1, 1, 1, 2],
      total: 10,
      band: { id: "moderate", label: "Moderate", min: 10, max: 14 },
      flags: [expect.objectContaining({ code: "suicidal-ideation", item: 9 })],
    });
  });

  it("turn -0 into 0 so that JSON gives back the same record", () => {
    const s = scorePhq9([-0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(Object.is(s.answers[0], 0)).toBe(true);
  });

  it("carry the LOINC codes an export needs in the instrument data (loinc: totals and panels)", () => {
    expect(
      Object.values(instruments).map((d) => [d.id, d.loinc.total ?? null, d.loinc.panel ?? null]),
    ).toEqual([
      ["phq-9", "44261-6", "44249-1"],
      ["gad-7", "70274-6", "69737-5"],
      ["audit-c", "75626-2", "72109-2"],
      ["dast-10", "82667-7", null],
      ["bam", null, null],
    ]);
    expect(instruments["dast-10"].loinc.totalDisplay).toBe("Total score [DAST-10]");
  });

  it("scoreMeasure gives the same result as the instrument's own function", () => {
    const a = [2, 1, 0, 3, 1, 2, 0];
    expect(scoreMeasure("gad-7", a, { administeredOn: "2026-03-09" })).toEqual(
      scoreGad7(a, { administeredOn: "2026-03-09" }),
    );
    expect(scoreMeasure("audit-c", [1, 1, 1], { sex: "female" })).toEqual(
      scoreAuditC([1, 1, 1], { sex: "female" }),
    );
  });
});

describe("instrument ages: AUDIT-C, DAST-10 and BAM are adult instruments (validated from 18)", () => {
  const bam: BamAnswer[] = [0, 0, 0, 0, null, 0, null, 0, 2, 2, 0, 2, 2, 4, 0, 2, 0];
  const scored = (ageYears: number) => ({
    "audit-c": scoreAuditC([1, 1, 1], { sex: "male", ageYears }).flags,
    "dast-10": scoreDast10(dastWithTotal(2), { ...NC, ageYears }).flags,
    bam: scoreBam(bam, { ageYears }).flags,
  });

  it("flags a respondent of 17 (n − 1), not one of 18 (n) or 19 (n + 1), naming the source and an adolescent alternative", () => {
    for (const [id, flags] of Object.entries(scored(17))) {
      expect(
        flags.map((f) => f.code),
        id,
      ).toEqual(["outside-validated-ages"]);
      expect(flags[0]?.message, id).toMatch(
        /validated for respondents 18 and over; this respondent is 17/,
      );
      expect(flags[0]?.message, id).toMatch(/knight-1999-crafft/);
    }
    expect(scored(17)["audit-c"][0]?.message).toMatch(/bush-1998-audit-c/);
    expect(scored(17)["dast-10"][0]?.message).toMatch(/skinner-1982-dast/);
    expect(scored(17).bam[0]?.message).toMatch(/cacciola-2013-bam/);
    for (const age of [18, 19])
      for (const flags of Object.values(scored(age))) expect(flags).toEqual([]);
    expect(Object.values(instruments).map((d) => [d.id, d.ages?.min])).toEqual([
      ["phq-9", undefined],
      ["gad-7", undefined],
      ["audit-c", 18],
      ["dast-10", 18],
      ["bam", 18],
    ]);
  });

  it("flags nothing when the age is not given, and the PHQ-9 and GAD-7 have no age flag", () => {
    expect(scoreAuditC([1, 1, 1], { sex: "male" }).flags).toEqual([]);
    expect(scorePhq9([0, 0, 0, 0, 0, 0, 0, 0, 0], { ageYears: 14 }).flags).toEqual([]);
    expect(scoreGad7([0, 0, 0, 0, 0, 0, 0], { ageYears: 14 }).flags).toEqual([]);
  });

  it("rejects options that are not an object, and a date that is not YYYY-MM-DD, at their paths", () => {
    const call = scorePhq9 as (a: unknown, o?: unknown) => unknown;
    const zeros = [0, 0, 0, 0, 0, 0, 0, 0, 0];
    for (const options of [5, "2026-03-09", [], null])
      expect(errorOf(() => call(zeros, options)).issues, String(options)).toEqual([
        { code: "invalid-type", path: ["options"], message: "options must be an object" },
      ]);
    for (const administeredOn of [
      "2026-3-9",
      20260309,
      "2026-02-30",
      "2026-03-09T10:00",
      "2026-03-9x",
    ])
      expect(errorOf(() => call(zeros, { administeredOn })).issues, String(administeredOn)).toEqual(
        [
          {
            code: "invalid-date",
            path: ["options", "administeredOn"],
            message: "administeredOn must be a calendar date YYYY-MM-DD",
          },
        ],
      );
    expect(scorePhq9(zeros as never, { administeredOn: "2026-02-28" }).administeredOn).toBe(
      "2026-02-28",
    );
    expect(errorOf(() => call(zeros, { ageYears: 200 })).issues[0]?.message).toBe(
      "ageYears must be a whole number of years from 0 to 130",
    );
  });

  it("rejects an age that is not a whole number of years from 0 to 130", () => {
    for (const ageYears of [-1, 131, 17.5, Number.NaN])
      expect(
        errorOf(() => scorePhq9([0, 0, 0, 0, 0, 0, 0, 0, 0], { ageYears })).issues.map((i) => [
          i.code,
          i.path,
        ]),
        String(ageYears),
      ).toEqual([["out-of-range", ["options", "ageYears"]]]);
    expect(scorePhq9([0, 0, 0, 0, 0, 0, 0, 0, 0], { ageYears: 0 }).flags).toEqual([]);
    expect(scorePhq9([0, 0, 0, 0, 0, 0, 0, 0, 0], { ageYears: 130 }).flags).toEqual([]);
  });
});
