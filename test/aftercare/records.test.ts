// The aftercare records at the edge: the program's aftercarePolicy (defaults, rules), check-in
// outcomes, relapse-prevention plans and stored plans, each with a parse/safeParse pair.
import { describe, expect, it } from "vitest";
import {
  defineProgram,
  IopError,
  parseAftercarePlan,
  parseCheckInOutcome,
  parseRelapsePreventionPlan,
  planAftercare,
  safeDefineProgram,
  safeParseAftercarePlan,
  safeParseCheckInOutcome,
  safeParseRelapsePreventionPlan,
} from "iopkit";
import { minimalProgram } from "../program/fixtures";
import { completed, person, program } from "./fixtures";

const issues = (r: { success: boolean; error?: IopError }): [string, string][] =>
  r.success ? [] : (r.error?.issues ?? []).map((i) => [i.code, i.path.join(".")]);

describe("the program's aftercarePolicy (policy is data; seeds 000, 003; values unverified)", () => {
  it("defaults: weekly to day 30, every 14 days to day 90, every 30 days to day 365; existing programs stay valid", () => {
    const p = defineProgram(minimalProgram());
    expect(p.aftercarePolicy.checkIns).toEqual([
      { untilDay: 30, everyDays: 7 },
      { untilDay: 90, everyDays: 14 },
      { untilDay: 365, everyDays: 30 },
    ]);
    expect(p.aftercarePolicy.mutualSupport).toEqual({
      meetingsPerWeek: 3,
      tracking: "self-reported",
    });
    expect(p.aftercarePolicy.outreachWithinDays).toBe(1);
    expect(p.aftercarePolicy.reengagementAttemptDays).toEqual([1, 3, 7, 14, 30]);
    expect(p.aftercarePolicy.lapse).toEqual({
      checkInWithinDays: 3,
      reassessAfterLapses: 2,
      windowDays: 30,
      reassessWithinDays: 7,
    });
    expect(defineProgram(p)).toEqual(p); // idempotent
  });

  it("a partial policy keeps the other defaults", () => {
    const p = defineProgram({
      ...minimalProgram(),
      aftercarePolicy: { outreachWithinDays: 2, lapse: { windowDays: 60 } },
    });
    expect(p.aftercarePolicy.outreachWithinDays).toBe(2);
    expect(p.aftercarePolicy.lapse.windowDays).toBe(60);
    expect(p.aftercarePolicy.lapse.reassessAfterLapses).toBe(2);
    expect(p.aftercarePolicy.checkIns).toHaveLength(3);
  });

  it("check-ins must thin out: stages in order, never more often than the stage before", () => {
    const r = safeDefineProgram({
      ...minimalProgram(),
      aftercarePolicy: {
        checkIns: [
          { untilDay: 30, everyDays: 14 },
          { untilDay: 30, everyDays: 7 },
        ],
        afterRecentRelapse: { everyDays: 20 },
        reengagementAttemptDays: [3, 3],
      },
    });
    expect(issues(r)).toEqual([
      ["check-in-stages-out-of-order", "aftercarePolicy.checkIns.1.untilDay"],
      ["check-ins-not-thinning", "aftercarePolicy.checkIns.1.everyDays"],
      ["relapse-check-ins-rarer", "aftercarePolicy.afterRecentRelapse.everyDays"],
      ["attempt-days-out-of-order", "aftercarePolicy.reengagementAttemptDays.1"],
    ]);
  });

  it("ranges and unknown keys are errors, never ignored", () => {
    const r = safeDefineProgram({
      ...minimalProgram(),
      aftercarePolicy: { checkIns: [], outreachWithinDays: -1, weekly: true },
    });
    expect(issues(r).map(([, path]) => path)).toEqual([
      "aftercarePolicy.checkIns",
      "aftercarePolicy.outreachWithinDays",
      "aftercarePolicy.weekly",
    ]);
  });
});

describe("parseCheckInOutcome", () => {
  it("accepts a completed check-in with a lapse and meetings, and a missed one", () => {
    const done = {
      due: "2026-06-08",
      status: "completed",
      on: "2026-06-09",
      lapse: true,
      substances: ["alcohol"],
      mutualSupport: { meetings: 2, verification: "verified" },
      by: "J. Rivera",
    };
    expect(parseCheckInOutcome(done)).toEqual({ formatVersion: 2, ...done });
    expect(parseCheckInOutcome({ due: "2026-06-08", status: "missed" })).toEqual({
      formatVersion: 2,
      due: "2026-06-08",
      status: "missed",
    });
  });

  it("a missed check-in has no contact details; substances go with a lapse", () => {
    expect(
      issues(
        safeParseCheckInOutcome({
          due: "2026-06-08",
          status: "missed",
          on: "2026-06-08",
          lapse: false,
        }),
      ),
    ).toEqual([
      ["missed-with-contact-details", "on"],
      ["missed-with-contact-details", "lapse"],
    ]);
    expect(
      issues(
        safeParseCheckInOutcome({ due: "2026-06-08", status: "completed", substances: ["x"] }),
      ),
    ).toEqual([["substances-without-lapse", "substances"]]);
    // The messages say what is wrong, and the error names the function that refused.
    const missed = safeParseCheckInOutcome({
      due: "2026-06-08",
      status: "missed",
      on: "2026-06-08",
    });
    expect(missed.success ? [] : missed.error.issues.map((i) => i.message)).toEqual([
      "a missed check-in has no on: nobody was reached",
    ]);
    const stray = safeParseCheckInOutcome({
      due: "2026-06-08",
      status: "completed",
      substances: ["x"],
    });
    expect(stray.success ? "" : stray.error.message).toMatch(/^parseCheckInOutcome: /);
    expect(stray.success ? [] : stray.error.issues.map((i) => i.message)).toEqual([
      "substances go with lapse: true",
    ]);
    expect(() => parseCheckInOutcome({ due: "2026-06-08", status: "bad" })).toThrow(
      /parseCheckInOutcome/,
    );
  });

  it("lists every structural problem with its path", () => {
    expect(() => parseCheckInOutcome({ due: "2026-02-30", status: "late", extra: 1 })).toThrow(
      IopError,
    );
    expect(
      issues(safeParseCheckInOutcome({ due: "2026-02-30", status: "late", extra: 1 })).map(
        ([, p]) => p,
      ),
    ).toEqual(["due", "status", "extra"]);
  });
});

describe("parseRelapsePreventionPlan: the lists the participant fills in (seeds 000, 003)", () => {
  it("round-trips the plan planAftercare pre-filled, with the participant's entries added", () => {
    const plan = planAftercare({
      participant: person(),
      episode: completed(),
      program,
      from: "2026-06-01",
    });
    const rp = plan.components.find((c) => c.kind === "relapse-prevention");
    if (rp?.kind !== "relapse-prevention") throw new Error("no relapse-prevention plan");
    const filled = {
      ...rp.plan,
      warningSigns: [{ text: "skipping meals", source: "participant" }],
      contacts: [...rp.plan.contacts, { role: "sponsor", name: "Sam", phone: "+1-555-0100" }],
      reviewedOn: "2026-06-08",
    };
    expect(parseRelapsePreventionPlan(filled)).toEqual(filled);
  });

  it("rejects empty entries, unknown roles and unknown keys", () => {
    const r = safeParseRelapsePreventionPlan({
      triggers: [{ text: "", source: "participant" }],
      warningSigns: [],
      copingStrategies: [],
      contacts: [{ role: "bartender" }],
      afterALapse: [],
      mood: "ok",
    });
    expect(issues(r).map(([, p]) => p)).toEqual(["triggers.0.text", "contacts.0.role", "mood"]);
  });
});

describe("parseAftercarePlan: stored plans come back as they were", () => {
  it("round-trips through JSON", () => {
    const plan = planAftercare({
      participant: person({
        living: "unsafe-home",
        familyInvolved: true,
        responsibilities: ["work", "school"],
        medications: [{ name: "naltrexone", purpose: "addiction" }],
      }),
      episode: completed(),
      program,
      from: "2026-06-01",
    });
    expect(parseAftercarePlan(JSON.parse(JSON.stringify(plan)))).toEqual(plan);
  });

  it("rejects an unknown component kind", () => {
    const plan = planAftercare({
      participant: person(),
      episode: completed(),
      program,
      from: "2026-06-01",
    });
    const broken = { ...plan, components: [{ kind: "spa-weekend", reason: plan.summary }] };
    expect(safeParseAftercarePlan(broken).success).toBe(false);
  });
});
