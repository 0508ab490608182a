// Change between two administrations. Response and remission: DOMAIN.md "Instruments", PHQ-9 row
// (response = ≥ 50% drop from baseline; remission = < 5).
import { describe, expect, it } from "vitest";
import { IopError } from "iopkit";
import {
  MeasureChange,
  measureChange,
  scoreAuditC,
  scoreBam,
  scoreGad7,
  scorePhq9,
  type BamAnswer,
} from "iopkit/measures";
import { codesWithTotal } from "./helpers";

const phq = (total: number, administeredOn?: string) =>
  scorePhq9(codesWithTotal("phq-9", total), administeredOn === undefined ? {} : { administeredOn });

describe('PHQ-9 response and remission (DOMAIN.md "Instruments", PHQ-9 row)', () => {
  it("20 → 10 is a response (exactly 50%) but not remission", () => {
    const c = measureChange(phq(20, "2026-01-05"), phq(10, "2026-02-02"));
    expect(c.scales).toEqual([
      {
        scale: "total",
        baseline: 20,
        followUp: 10,
        absoluteChange: -10,
        percentChange: -50,
        direction: "improved",
        baselineBand: { id: "severe", label: "Severe", min: 20, max: 27 },
        followUpBand: { id: "moderate", label: "Moderate", min: 10, max: 14 },
      },
    ]);
    expect(c.response?.met).toBe(true);
    expect(c.remission?.met).toBe(false);
    expect(c.baselineOn).toBe("2026-01-05");
    expect(c.followUpOn).toBe("2026-02-02");
  });

  it("20 → 11 is not a response (45%)", () => {
    expect(measureChange(phq(20), phq(11)).response?.met).toBe(false);
  });

  it("15 → 7 is a response (53%), 15 → 8 is not (47%)", () => {
    expect(measureChange(phq(15), phq(7)).response?.met).toBe(true);
    expect(measureChange(phq(15), phq(8)).response?.met).toBe(false);
  });

  it("remission is a follow-up total below 5: 4 is remission, 5 is not", () => {
    expect(measureChange(phq(12), phq(4)).remission?.met).toBe(true);
    expect(measureChange(phq(12), phq(5)).remission?.met).toBe(false);
  });

  it("a baseline of 0 cannot respond, and has no percent change", () => {
    const c = measureChange(phq(0), phq(0));
    expect(c.response?.met).toBe(false);
    expect(c.remission?.met).toBe(true);
    expect(c.scales[0]?.percentChange).toBeNull();
    expect(c.scales[0]?.direction).toBe("unchanged");
  });

  it("a rise is worsened, with a positive percent change rounded to 0.1", () => {
    const c = measureChange(phq(6), phq(8));
    expect(c.scales[0]).toMatchObject({
      absoluteChange: 2,
      percentChange: 33.3,
      direction: "worsened",
    });
    expect(c.response?.met).toBe(false);
  });

  it("names the rule and its source", () => {
    const c = measureChange(phq(20), phq(4));
    expect(c.response?.source).toMatch(/DOMAIN\.md/);
    expect(c.remission?.rule).toMatch(/below 5/);
  });

  it("is a plain JSON record that its schema accepts", () => {
    const c = measureChange(phq(20, "2026-01-05"), phq(4, "2026-03-02"));
    expect(JSON.parse(JSON.stringify(c))).toEqual(c);
    expect(MeasureChange.parse(c)).toEqual(c);
  });
});

describe("other instruments report the change only", () => {
  it("GAD-7 has no response or remission rule in a source iopkit relies on", () => {
    const c = measureChange(
      scoreGad7(codesWithTotal("gad-7", 16)),
      scoreGad7(codesWithTotal("gad-7", 4)),
    );
    expect(c.response).toBeUndefined();
    expect(c.remission).toBeUndefined();
    expect(c.scales[0]?.direction).toBe("improved");
  });

  it("AUDIT-C compares totals and keeps each administration's band", () => {
    const c = measureChange(
      scoreAuditC([2, 2, 1], { sex: "female" }),
      scoreAuditC([1, 0, 0], { sex: "female" }),
    );
    expect(c.scales[0]).toMatchObject({ baseline: 5, followUp: 1, direction: "improved" });
    expect(c.scales[0]?.baselineBand.id).toBe("positive");
    expect(c.scales[0]?.followUpBand.id).toBe("negative");
  });

  it("BAM compares each composite; a higher protective score is an improvement", () => {
    const before: BamAnswer[] = [3, 4, 2, 2, 1, 0, null, 3, 1, 0, 2, 0, 1, 0, 2, 1, 1];
    const after: BamAnswer[] = [1, 1, 1, 0, null, 0, null, 1, 3, 3, 0, 2, 3, 4, 1, 4, 3];
    const c = measureChange(scoreBam(before), scoreBam(after));
    expect(c.scales.map((s) => [s.scale, s.baseline, s.followUp, s.direction])).toEqual([
      ["use", 3, 0, "improved"],
      ["risk", 16, 5, "improved"],
      ["protective", 3, 19, "improved"],
    ]);
    const back = measureChange(scoreBam(after), scoreBam(before));
    expect(back.scales.map((s) => s.direction)).toEqual(["worsened", "worsened", "worsened"]);
  });
});

describe("misuse", () => {
  it("refuses to compare two instruments", () => {
    expect(() => measureChange(phq(5), scoreGad7(codesWithTotal("gad-7", 5)))).toThrow(IopError);
  });

  it("refuses a follow-up dated before its baseline", () => {
    try {
      measureChange(phq(5, "2026-03-09"), phq(4, "2026-03-08"));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(IopError);
      expect((e as IopError).issues[0]?.code).toBe("follow-up-before-baseline");
    }
  });
});
