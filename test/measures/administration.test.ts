// MeasureAdministration: the record an app keeps (instrument, date, answers, sex for AUDIT-C),
// validated at the edge and scored. Rules: DOMAIN.md "Instruments".
import { describe, expect, it } from "vitest";
import { IopError } from "iopkit";
import {
  MeasureScore,
  parseMeasureAdministration,
  safeParseMeasureAdministration,
  scoreAdministration,
  scoreAuditC,
} from "iopkit/measures";

describe("parseMeasureAdministration", () => {
  it("accepts a valid record and returns it unchanged, in the current format", () => {
    const input = {
      instrument: "phq-9",
      administeredOn: "2026-03-09",
      answers: [1, 1, 1, 1, 1, 1, 1, 1, 0],
    };
    expect(parseMeasureAdministration(input)).toEqual({ formatVersion: 2, ...input });
    expect(parseMeasureAdministration({ formatVersion: 2, ...input })).toEqual({
      formatVersion: 2,
      ...input,
    });
  });

  it("lists every problem: bad date, each bad item once, missing sex for AUDIT-C", () => {
    const r = safeParseMeasureAdministration({
      instrument: "audit-c",
      administeredOn: "2026-02-30",
      answers: [1, "x", 9, 2],
    });
    expect(r.success).toBe(false);
    if (r.success) return;
    const issues = r.error.issues.map((i) => [i.code, i.path]);
    expect(issues).toContainEqual(["sex-required", ["sex"]]);
    expect(issues).toContainEqual(["too-many-answers", ["answers", 3]]);
    expect(issues).toContainEqual(["out-of-range", ["answers", 2]]);
    expect(issues.filter(([, p]) => JSON.stringify(p) === '["answers",1]')).toHaveLength(1);
    expect(issues.some(([, p]) => JSON.stringify(p) === '["administeredOn"]')).toBe(true);
  });

  it("rejects unknown instruments and unknown fields", () => {
    const r = safeParseMeasureAdministration({
      instrument: "k10",
      administeredOn: "2026-03-09",
      answers: [],
      score: 3,
    });
    expect(r.success).toBe(false);
    if (!r.success)
      expect(r.error.issues.map((i) => i.code)).toEqual(
        expect.arrayContaining(["invalid-value", "unrecognized-keys"]),
      );
  });

  it("throws IopError for non-objects", () => {
    for (const bad of [null, 3, "phq-9", []])
      expect(() => parseMeasureAdministration(bad)).toThrow(IopError);
  });

  it("checks BAM skip logic and item 7", () => {
    const r = safeParseMeasureAdministration({
      instrument: "bam",
      administeredOn: "2026-03-09",
      answers: [1, 2, 3, 1, null, 2, { marijuana: 7 }, 1, 3, 2, 1, 2, 4, 4, 1, 3, 2],
    });
    expect(r.success).toBe(false);
    if (!r.success)
      expect(r.error.issues.map((i) => [i.code, i.path])).toEqual([
        ["answer-required", ["answers", 4]],
        ["out-of-range", ["answers", 6, "marijuana"]],
      ]);
  });

  it('reports an unknown key in BAM item 7, even "__proto__" from JSON, instead of dropping it', () => {
    const answers: unknown = JSON.parse(
      '[1, 2, 3, 1, 0, 2, { "__proto__": 3, "marijuana": 1 }, 1, 3, 2, 1, 2, 4, 4, 1, 3, 2]',
    );
    const r = safeParseMeasureAdministration({
      instrument: "bam",
      administeredOn: "2026-03-09",
      answers,
    });
    expect(r.success).toBe(false);
    if (!r.success)
      expect(r.error.issues.map((i) => [i.code, i.path])).toEqual([
        ["unrecognized-keys", ["answers", 6, "__proto__"]],
      ]);
  });
});

describe("scoreAdministration", () => {
  it("takes the date and sex from the record", () => {
    const a = parseMeasureAdministration({
      instrument: "audit-c",
      administeredOn: "2026-03-09",
      answers: [1, 1, 1],
      sex: "female",
    });
    const s = scoreAdministration(a);
    expect(s).toEqual(scoreAuditC([1, 1, 1], { sex: "female", administeredOn: "2026-03-09" }));
    expect(MeasureScore.parse(s)).toEqual(s);
  });

  it("needs the licence acknowledgement for a DAST-10 (DOMAIN.md: non-commercial use only)", () => {
    const a = parseMeasureAdministration({
      instrument: "dast-10",
      administeredOn: "2026-03-09",
      answers: [true, false, false, false, false, false, false, false, false, false],
    });
    expect(() => scoreAdministration(a)).toThrow(/licence-required|non-commercial/);
    expect(scoreAdministration(a, { licence: "non-commercial" })).toMatchObject({
      instrument: "dast-10",
      total: 2,
      band: { id: "low" },
    });
  });
});
