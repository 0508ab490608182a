// Change between two administrations. PHQ-9 response and remission, from a baseline of 10 or more
// ("greater than nine"): remission < 5 (CMS159, cms159-depression-remission), response a drop of
// 50% or more (CBE 1885, cbe-1885-depression-response; mbc-depression-metrics-2020).
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

describe("PHQ-9 response and remission (CMS159; CBE 1885)", () => {
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

  it("remission is a follow-up total below 5: 4 is remission, 5 and 6 are not", () => {
    expect(measureChange(phq(12), phq(4)).remission?.met).toBe(true);
    expect(measureChange(phq(12), phq(5)).remission?.met).toBe(false);
    expect(measureChange(phq(12), phq(6)).remission?.met).toBe(false);
  });

  it("a baseline of 0 is not applicable (not met), and has no percent change", () => {
    const c = measureChange(phq(0), phq(0));
    expect([c.response?.applicable, c.response?.met]).toEqual([false, false]);
    expect([c.remission?.applicable, c.remission?.met]).toEqual([false, false]);
    expect(c.scales[0]?.percentChange).toBeNull();
    expect(c.scales[0]?.direction).toBe("unchanged");
  });

  it("applies from a baseline of 10 (CMS159: initial PHQ-9 greater than nine): 9 is not applicable, 10 and 11 are", () => {
    // 3 → 1 would have been "response" and "remission" before.
    const low = measureChange(phq(3), phq(1));
    expect([low.response, low.remission].map((x) => [x?.applicable, x?.met])).toEqual([
      [false, false],
      [false, false],
    ]);
    const at = (baseline: number, followUp: number) => {
      const c = measureChange(phq(baseline), phq(followUp));
      return [c.response?.applicable, c.response?.met, c.remission?.applicable, c.remission?.met];
    };
    expect(at(9, 4)).toEqual([false, false, false, false]);
    expect(at(10, 4)).toEqual([true, true, true, true]);
    expect(at(11, 4)).toEqual([true, true, true, true]);
    // Response at exactly 50% from the lowest baseline: 10 → 5 yes, 10 → 6 no; 5 is not remission.
    expect(at(10, 5)).toEqual([true, true, true, false]);
    expect(at(10, 6)).toEqual([true, false, true, false]);
    const c = measureChange(phq(9), phq(0));
    expect(c.response?.rule).toBe("total at least 50% below a baseline of 10 or more");
    expect(c.remission?.rule).toBe("follow-up total below 5, from a baseline of 10 or more");
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
    expect(c.response?.source).toMatch(/cbe-1885-depression-response/);
    expect(c.remission?.source).toMatch(/cms159-depression-remission/);
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

describe("dates and directions, at their boundaries", () => {
  it("a follow-up on the baseline's own day is compared; the dates are kept only when given", () => {
    const same = measureChange(phq(12, "2026-03-09"), phq(6, "2026-03-09"));
    expect([same.baselineOn, same.followUpOn]).toEqual(["2026-03-09", "2026-03-09"]);
    const undated = measureChange(phq(12), phq(6, "2026-03-01"));
    expect("baselineOn" in undated).toBe(false);
    expect(undated.followUpOn).toBe("2026-03-01");
    const noFollowUpDate = measureChange(phq(12, "2026-03-09"), phq(6));
    expect("followUpOn" in noFollowUpDate).toBe(false);
    expect(noFollowUpDate.response?.met).toBe(true);
  });

  it("no change is unchanged, neither improved nor worsened, whichever way is better", () => {
    expect(measureChange(phq(12), phq(12)).scales[0]?.direction).toBe("unchanged");
    const bam = scoreBam([3, 4, 2, 2, 1, 0, null, 3, 1, 0, 2, 0, 1, 0, 2, 1, 1]);
    expect(measureChange(bam, bam).scales.map((s) => s.direction)).toEqual([
      "unchanged",
      "unchanged",
      "unchanged",
    ]);
    expect(measureChange(phq(12), phq(11)).scales[0]?.direction).toBe("improved");
    expect(measureChange(phq(11), phq(12)).scales[0]?.direction).toBe("worsened");
  });
});

describe("misuse", () => {
  const refusal = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      if (e instanceof IopError)
        return [e.message, e.issues.map((i) => [i.code, i.path, i.message])];
    }
    return undefined;
  };

  it("refuses to compare two instruments, naming the follow-up's instrument", () => {
    expect(refusal(() => measureChange(phq(5), scoreGad7(codesWithTotal("gad-7", 5))))).toEqual([
      expect.stringMatching(/^measureChange: /),
      [
        [
          "instrument-mismatch",
          ["followUp", "instrument"],
          "cannot compare a phq-9 score with a gad-7 score",
        ],
      ],
    ]);
  });

  it("names the follow-up's date when it is before the baseline's", () => {
    expect(refusal(() => measureChange(phq(5, "2026-03-09"), phq(4, "2026-03-08")))).toEqual([
      expect.stringMatching(/^measureChange: /),
      [
        [
          "follow-up-before-baseline",
          ["followUp", "administeredOn"],
          "the follow-up (2026-03-08) is dated before the baseline (2026-03-09)",
        ],
      ],
    ]);
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
