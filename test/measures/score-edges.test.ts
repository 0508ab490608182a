// scoreMeasure's options and output at their edges: the date and age it accepts (0–130 whole
// years), an unknown instrument, keys a score has only when they apply, negative zero turned into
// zero (JSON has none), and the BAM's per-substance item 7 read by its highest code.
import { describe, expect, it } from "vitest";
import { IopError } from "iopkit";
import { scoreAuditC, scoreBam, scoreMeasure, scorePhq9, type BamAnswer } from "iopkit/measures";

/** The issues a call throws, as `[code, path, message]`. */
function issuesOf(f: () => unknown): [string, readonly (string | number)[], string][] {
  try {
    f();
  } catch (e) {
    if (e instanceof IopError) return e.issues.map((i) => [i.code, i.path, i.message]);
    throw e;
  }
  return [];
}
const zeros = [0, 0, 0, 0, 0, 0, 0, 0, 0];

describe("scoreMeasure's options", () => {
  it("takes a calendar date YYYY-MM-DD as administeredOn, nothing else", () => {
    expect(scorePhq9(zeros, { administeredOn: "2026-03-09" }).administeredOn).toBe("2026-03-09");
    for (const bad of ["2026-3-9", "2026-02-30", "2026-03-09T10:00", 20260309, null])
      expect(
        issuesOf(() => scorePhq9(zeros, { administeredOn: bad } as never)),
        String(bad),
      ).toEqual([
        [
          "invalid-date",
          ["options", "administeredOn"],
          "administeredOn must be a calendar date YYYY-MM-DD",
        ],
      ]);
  });

  it("takes an age in whole years from 0 to 130", () => {
    for (const age of [0, 130])
      expect(issuesOf(() => scorePhq9(zeros, { ageYears: age }))).toEqual([]);
    for (const bad of [-1, 131, 2.5, "30", Number.NaN])
      expect(
        issuesOf(() => scorePhq9(zeros, { ageYears: bad } as never)),
        String(bad),
      ).toEqual([
        [
          "out-of-range",
          ["options", "ageYears"],
          "ageYears must be a whole number of years from 0 to 130",
        ],
      ]);
  });

  it("names the instruments it knows when given another", () => {
    const [issue] = issuesOf(() => scoreMeasure("phq-8" as never, zeros as never, {} as never));
    expect(issue?.[0]).toBe("unknown-instrument");
    expect(issue?.[1]).toEqual(["instrument"]);
    expect(issue?.[2]).toMatch(/^instrument must be one of phq-9, gad-7, /);
    try {
      scoreMeasure("phq-8" as never, zeros as never, {} as never);
    } catch (e) {
      expect((e as IopError).message).toMatch(/^scoreMeasure/);
    }
  });
});

describe("what a score holds", () => {
  it("has administeredOn and sex only when they apply", () => {
    const phq = scorePhq9(zeros);
    expect("administeredOn" in phq).toBe(false);
    expect("sex" in phq).toBe(false);
    expect("sex" in scorePhq9(zeros, { sex: "female" } as never)).toBe(false);
    expect(scoreAuditC([1, 1, 1], { sex: "female" }).sex).toBe("female");
    const noDrugs: BamAnswer[] = [0, 0, 0, 0, null, 0, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    expect("administeredOn" in scoreBam(noDrugs)).toBe(false);
  });

  it("turns negative zero into zero in the answers and points it keeps", () => {
    const s = scorePhq9([-0, 0, 0, 0, 0, 0, 0, 0, -0]);
    expect(Object.is(s.answers[0], 0)).toBe(true);
    expect(Object.is(s.itemScores[0], 0)).toBe(true);
    expect(Object.is(s.itemScores[8], 0)).toBe(true);
    const bam: BamAnswer[] = [
      0,
      0,
      0,
      0,
      null,
      1,
      { marijuana: -0, opioids: 1 },
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
    ];
    const item7 = scoreBam(bam).answers[6] as Record<string, number>;
    expect(Object.is(item7["marijuana"], 0)).toBe(true);
    expect(JSON.stringify(scoreBam(bam).answers[6])).toBe('{"marijuana":0,"opioids":1}');
  });

  it("reads the BAM's item 7 by its highest code against item 6", () => {
    const bam = (item7: Record<string, number>): BamAnswer[] =>
      [0, 0, 0, 0, null, 2, item7, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] as BamAnswer[];
    expect(scoreBam(bam({ marijuana: 1, cocaine: 3 })).flags.map((f) => f.item)).toEqual([7]);
    expect(scoreBam(bam({ marijuana: 1, cocaine: 2 })).flags).toEqual([]);
  });
});
