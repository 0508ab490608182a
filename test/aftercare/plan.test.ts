// planAftercare by example: each component's trigger, the discharge table, the check-in cadence
// and its moves past closures, relapse history strengthening the plan, and misuse. Each rule names
// its source (seeds 000, 001, 003; DOMAIN.md "Discharge", "Levels of care").
import { describe, expect, it } from "vitest";
import {
  aftercareComponentsBySituation,
  aftercareSituation,
  defineProgram,
  dischargeReasons,
  dischargeTypes,
  IopError,
  planAftercare,
  scoreMeasure,
  type AftercarePlan,
  type ComponentOf,
} from "iopkit";
import { eligibilityDecisionFor } from "iopkit/testing";
import {
  admittedLog,
  completed,
  dischargedAs,
  ended,
  kinds,
  lastPhaseLog,
  person,
  pid,
  program,
  type Ended,
} from "./fixtures";

function plan(
  episode: Ended = completed(),
  participant = person(),
  from = episode.discharge.on,
  p = program,
): AftercarePlan {
  return planAftercare({ participant, episode, program: p, from });
}
function component<K extends AftercarePlan["components"][number]["kind"]>(
  p: AftercarePlan,
  kind: K,
): ComponentOf<K> {
  const c = p.components.find((x): x is ComponentOf<K> => x.kind === kind);
  if (c === undefined) throw new Error(`no ${kind} in ${kinds(p).join(", ")}`);
  return c;
}
const checkInDates = (p: AftercarePlan): string[] =>
  component(p, "monitoring").checkIns.map((c) => c.due);

describe("a completed episode (seeds 000, 003: aftercare after the program)", () => {
  it("holds continuing care, monitoring, a relapse-prevention plan, mutual support and alumni, in that order", () => {
    const p = plan();
    expect(p.situation).toBe("completed");
    expect(kinds(p)).toEqual([
      "continuing-care",
      "overdose-prevention",
      "monitoring",
      "relapse-prevention",
      "mutual-support",
      "alumni",
    ]);
    expect(p.summary.code).toBe("completed");
    expect(p.timeZone).toBe("America/New_York");
    expect(p.from).toBe("2026-06-01");
    expect(p.discharge).toEqual({
      on: "2026-06-01",
      type: "completed",
      reason: "treatment-completed",
    });
  });

  it("continuing care: weekly outpatient therapy (ASAM 1) within 7 days (seed 000: ongoing therapy)", () => {
    const c = component(plan(), "continuing-care");
    expect(c).toMatchObject({ level: "outpatient", sessionsPerWeek: 1, startBy: "2026-06-08" });
    expect(c.reason.code).toBe("step-down-after-completion");
    expect(c.reason.message).toContain("ASAM 1");
    expect(c.reason.message).toContain("(SAMHSA TIP 47 (2006): continuing care)");
  });

  it("continuing care may be remission monitoring (ASAM 4th ed. 1.0) when the policy says so", () => {
    const p4 = defineProgram({
      ...program,
      asamEdition: 4,
      aftercarePolicy: { continuingCare: { level: "remission-monitoring" } },
    });
    const c = component(plan(completed(), person(), "2026-06-01", p4), "continuing-care");
    expect(c.level).toBe("remission-monitoring");
    expect(c.reason.message).toContain("ASAM 1.0");
  });

  it("mutual support: AA, NA or SMART Recovery, 3 meetings a week, self-reported (seed 000; TIP 47)", () => {
    const c = component(plan(), "mutual-support");
    expect(c).toMatchObject({
      groups: ["aa", "na", "smart-recovery"],
      meetingsPerWeek: 3,
      tracking: "self-reported",
    });
    const mh = person({ conditions: [{ kind: "depression", severity: "moderate" }] });
    expect(component(plan(completed(), mh), "mutual-support").groups).toEqual([
      "peer-support-group",
    ]);
  });

  it("alumni group membership, once a month (seed 000: alumni services; seed 003: alumni groups)", () => {
    expect(component(plan(), "alumni").meetingsPerMonth).toBe(1);
  });
});

describe("components the profile calls for", () => {
  it("sober living when the home is unsafe or unsupportive (seed 000; seed 001: a toxic home needs a change)", () => {
    for (const living of ["unsafe-home", "unsupportive-home", "unstable-housing"] as const) {
      const c = component(plan(completed(), person({ living })), "sober-living");
      expect(c.action).toBe("arrange");
      expect(c.reason.evidence).toMatchObject({ living });
    }
    expect(kinds(plan(completed(), person({ living: "supportive-home" })))).not.toContain(
      "sober-living",
    );
  });

  it("sober living when the recovery environment is rated 3 or more (ASAM dimension 6), even at home", () => {
    const p = plan(completed(), person({ dimensions: { recoveryEnvironment: 3 } }));
    expect(component(p, "sober-living").reason.message).toContain("dimension 6");
  });

  it("sober living kept when the participant already lives there", () => {
    const c = component(plan(completed(), person({ living: "sober-living" })), "sober-living");
    expect(c.action).toBe("continue");
  });

  it("no sober living for a participant without a substance-use condition", () => {
    const p = plan(
      completed(),
      person({ conditions: [{ kind: "anxiety", severity: "mild" }], living: "unsafe-home" }),
    );
    expect(kinds(p)).not.toContain("sober-living");
  });

  it("vocational support when work is at stake, educational when school is (seed 000; seed 003)", () => {
    expect(kinds(plan(completed(), person({ responsibilities: ["work"] })))).toContain(
      "vocational",
    );
    expect(kinds(plan(completed(), person({ responsibilities: ["school"] })))).toContain(
      "educational",
    );
    const none = kinds(plan(completed(), person({ responsibilities: ["childcare"] })));
    expect(none).not.toContain("vocational");
    expect(none).not.toContain("educational");
  });

  it("family therapy continues every 2 weeks when family was involved (seed 000; seed 003)", () => {
    const c = component(plan(completed(), person({ familyInvolved: true })), "family-therapy");
    expect(c.everyWeeks).toBe(2);
    expect(kinds(plan())).not.toContain("family-therapy");
  });

  it("medication continuity for addiction or psychiatric medication, first follow-up within 7 days (seed 000)", () => {
    const p = plan(
      completed(),
      person({
        medications: [
          { name: "buprenorphine", purpose: "addiction" },
          { name: "sertraline", purpose: "psychiatric" },
          { name: "metformin", purpose: "other" },
        ],
      }),
    );
    const c = component(p, "medication-continuity");
    expect(c.medications.map((m) => m.name)).toEqual(["buprenorphine", "sertraline"]);
    expect(c.firstFollowUp).toBe("2026-06-08");
    expect(component(p, "relapse-prevention").plan.contacts.map((x) => x.role)).toContain(
      "prescriber",
    );
    const other = person({ medications: [{ name: "metformin", purpose: "other" }] });
    expect(kinds(plan(completed(), other))).not.toContain("medication-continuity");
  });

  it("the components come in a fixed order, whatever the profile", () => {
    const everything = person({
      living: "unsafe-home",
      responsibilities: ["school", "work"],
      familyInvolved: true,
      medications: [{ name: "naltrexone", purpose: "addiction" }],
    });
    const raised = scoreMeasure("phq-9", [1, 1, 1, 1, 1, 1, 1, 1, 1], {
      administeredOn: "2026-05-11",
    });
    const all = planAftercare({
      participant: everything,
      episode: completed(),
      program,
      from: "2026-06-01",
      scores: [raised],
    });
    expect(kinds(all)).toEqual(aftercareComponentsBySituation.completed);
  });
});

describe("the relapse-prevention plan (seeds 000, 003)", () => {
  it("has the structured lists, pre-filled with the program as a contact and its after-a-lapse steps", () => {
    const rp = component(plan(), "relapse-prevention").plan;
    expect(rp.triggers).toEqual([]);
    expect(rp.warningSigns).toEqual([]);
    expect(rp.copingStrategies).toEqual([]);
    expect(rp.contacts).toEqual([{ role: "program", name: program.name }]);
    expect(rp.afterALapse.map((e) => e.source)).toEqual(["program", "program", "program"]);
    expect(rp.afterALapse[1]?.text).toContain("not discharge");
  });

  it("pre-fills triggers from relapses during treatment and the home, and names the history", () => {
    const episode = completed([
      { formatVersion: 2, kind: "relapse-reported", on: "2026-05-10", substances: ["alcohol"] },
      {
        formatVersion: 2,
        kind: "positive-test-recorded",
        on: "2026-05-12",
        substances: ["alcohol", "cannabis"],
      },
      { formatVersion: 2, kind: "clinical-review-held", on: "2026-05-13", outcome: "continue" },
    ]);
    const c = component(
      plan(episode, person({ living: "unsupportive-home" })),
      "relapse-prevention",
    );
    expect(c.reason.code).toBe("relapse-history");
    expect(c.plan.triggers).toEqual([
      { text: "alcohol: used or tested positive during treatment", source: "episode" },
      { text: "cannabis: used or tested positive during treatment", source: "episode" },
      { text: "the home is unsupportive", source: "profile" },
    ]);
  });

  it("lists family as a contact when family was involved", () => {
    const rp = component(plan(completed(), person({ familyInvolved: true })), "relapse-prevention");
    expect(rp.plan.contacts.map((c) => c.role)).toEqual(["program", "family"]);
  });
});

describe("continued monitoring: check-ins that thin out (seeds 000, 003; cadence unverified)", () => {
  it("weekly to day 30, every 14 days to day 90, every 30 days to day 365, from the first day of aftercare", () => {
    const checkIns = component(plan(), "monitoring").checkIns;
    expect(checkIns.slice(0, 9).map((c) => [c.due, c.day])).toEqual([
      ["2026-06-08", 7],
      ["2026-06-15", 14],
      ["2026-06-22", 21],
      ["2026-06-29", 28],
      ["2026-07-13", 42],
      ["2026-07-27", 56],
      ["2026-08-10", 70],
      ["2026-08-24", 84],
      ["2026-09-23", 114],
    ]);
    expect(checkIns.at(-1)?.day).toBeLessThanOrEqual(365 + 7);
  });

  it("a check-in on a closure or a day the clinic is shut moves to the next open day; later gaps never shrink", () => {
    const closed = defineProgram({ ...program, closures: ["2026-06-15"] });
    const checkIns = component(
      plan(completed(), person(), "2026-06-01", closed),
      "monitoring",
    ).checkIns;
    expect(checkIns.slice(0, 4)).toEqual([
      { due: "2026-06-08", day: 7 },
      { due: "2026-06-16", day: 15, movedFrom: "2026-06-15" },
      { due: "2026-06-24", day: 23 },
      { due: "2026-07-08", day: 37 },
    ]);
    // 2026-11-22 is a Sunday: the clinic is open Monday to Friday.
    const sunday = component(plan(), "monitoring").checkIns.find(
      (c) => c.movedFrom === "2026-11-22",
    );
    expect(sunday?.due).toBe("2026-11-23");
  });

  it("the cadence is policy data", () => {
    const monthly = defineProgram({
      ...program,
      aftercarePolicy: { checkIns: [{ untilDay: 90, everyDays: 30 }] },
    });
    expect(checkInDates(plan(completed(), person(), "2026-06-01", monthly))).toEqual([
      "2026-07-01",
      "2026-07-31",
      "2026-08-31",
    ]);
  });

  it("a relapse in the last phase brings closer check-ins first and more sessions (seed 000: more support)", () => {
    const episode = completed([
      { formatVersion: 2, kind: "relapse-reported", on: "2026-05-20", substances: ["alcohol"] },
      { formatVersion: 2, kind: "clinical-review-held", on: "2026-05-21", outcome: "continue" },
    ]);
    const p = plan(episode);
    const m = component(p, "monitoring");
    expect(m.reason.code).toBe("monitoring-after-relapse");
    expect(m.reason.evidence).toMatchObject({ recentRelapses: ["2026-05-20"] });
    // Day 6 (Sunday 2026-06-07) moves to Monday, day 7: the gap of 4 days then holds until the
    // closer stage ends on day 14 — gaps never shrink — and weekly check-ins take over.
    expect(m.checkIns.slice(0, 4).map((c) => c.day)).toEqual([3, 7, 11, 18]);
    expect(component(p, "continuing-care").sessionsPerWeek).toBe(2);
  });

  it("a relapse in an earlier phase does not intensify check-ins, but it still shapes the relapse-prevention plan", () => {
    const episode = ended([
      ...admittedLog,
      { formatVersion: 2, kind: "relapse-reported", on: "2026-03-20", substances: ["opioids"] },
      { formatVersion: 2, kind: "clinical-review-held", on: "2026-03-21", outcome: "continue" },
      ...lastPhaseLog.slice(admittedLog.length),
      {
        formatVersion: 2,
        kind: "discharged",
        on: "2026-06-01",
        type: "completed",
        reason: "treatment-completed",
      },
    ]);
    const p = plan(episode);
    expect(component(p, "monitoring").reason.code).toBe("continued-monitoring");
    expect(component(p, "continuing-care").sessionsPerWeek).toBe(1);
    expect(component(p, "relapse-prevention").reason.code).toBe("relapse-history");
  });
});

describe("the discharge table (DOMAIN.md 'Discharge'): every type and reason gets a plan that fits", () => {
  it("tells situations apart by reason first, then type", () => {
    expect(aftercareSituation({ type: "completed", reason: "treatment-completed" })).toBe(
      "completed",
    );
    expect(aftercareSituation({ type: "transferred-higher", reason: "clinical-need" })).toBe(
      "stepped-up",
    );
    expect(aftercareSituation({ type: "transferred-lower", reason: "clinical-need" })).toBe(
      "stepped-down",
    );
    expect(aftercareSituation({ type: "not-completed", reason: "lost-to-contact" })).toBe(
      "lost-to-contact",
    );
    expect(aftercareSituation({ type: "not-completed", reason: "moved" })).toBe(
      "continuing-elsewhere",
    );
    expect(aftercareSituation({ type: "not-completed", reason: "program-closed" })).toBe(
      "continuing-elsewhere",
    );
    expect(aftercareSituation({ type: "not-completed", reason: "medical" })).toBe("medical");
    expect(aftercareSituation({ type: "transferred-higher", reason: "incarcerated" })).toBe(
      "incarcerated",
    );
    expect(aftercareSituation({ type: "transferred-lower", reason: "died" })).toBe("died");
    for (const reason of [
      "client-decision",
      "against-clinical-advice",
      "attendance",
      "financial",
      "lack-of-progress",
      "administrative",
      "other",
    ] as const)
      expect(aftercareSituation({ type: "not-completed", reason })).toBe("left-early");
  });

  it("every type × reason the episode accepts yields a plan whose kinds follow the table", () => {
    for (const type of dischargeTypes)
      for (const reason of dischargeReasons) {
        if ((type === "completed") !== (reason === "treatment-completed")) continue;
        const episode = type === "completed" ? completed() : dischargedAs(type, reason);
        const p = plan(
          episode,
          person({ medications: [{ name: "naltrexone", purpose: "addiction" }] }),
        );
        const table = aftercareComponentsBySituation[p.situation];
        expect(kinds(p).every((k) => table.includes(k as never))).toBe(true);
        expect(p.summary.message.length).toBeGreaterThan(20);
      }
  });

  it("lost to contact: re-engagement outreach on days 1, 3, 7, 14 and 30, not a closed file (seed 000)", () => {
    const p = plan(dischargedAs("not-completed", "lost-to-contact")); // from Wednesday 2026-04-15
    expect(kinds(p)).toEqual([
      "re-engagement-outreach",
      "overdose-prevention",
      "relapse-prevention",
    ]);
    expect(component(p, "re-engagement-outreach").attempts).toEqual([
      { due: "2026-04-16", day: 1 },
      { due: "2026-04-20", day: 5, movedFrom: "2026-04-18" },
      { due: "2026-04-22", day: 7 },
      { due: "2026-04-29", day: 14 },
      { due: "2026-05-15", day: 30 },
    ]);
  });

  it("transferred higher: a warm hand-off within a day to the level recorded, else one step up the continuum", () => {
    const recorded = plan(dischargedAs("transferred-higher", "clinical-need", "residential"));
    expect(kinds(recorded)).toEqual(["warm-handoff", "overdose-prevention", "relapse-prevention"]);
    expect(component(recorded, "warm-handoff")).toMatchObject({
      to: "higher-level",
      level: "residential",
      by: "2026-04-16",
    });
    const inferred = component(
      plan(dischargedAs("transferred-higher", "clinical-need")),
      "warm-handoff",
    );
    expect(inferred.level).toBe("partial-hospitalization");
    expect(inferred.reason.message).toContain("one step along the ASAM continuum");
  });

  it("transferred lower: a warm hand-off within 7 days, with monitoring, mutual support and alumni", () => {
    const p = plan(dischargedAs("transferred-lower", "clinical-need"));
    expect(kinds(p)).toEqual([
      "warm-handoff",
      "overdose-prevention",
      "monitoring",
      "relapse-prevention",
      "mutual-support",
      "alumni",
    ]);
    expect(component(p, "warm-handoff")).toMatchObject({
      to: "lower-level",
      level: "outpatient",
      by: "2026-04-22",
    });
  });

  it("moved or program closed: a hand-off to the same level elsewhere within 14 days, with check-ins", () => {
    const p = plan(dischargedAs("not-completed", "moved"));
    expect(component(p, "warm-handoff")).toMatchObject({
      to: "same-level-elsewhere",
      level: "intensive-outpatient",
      by: "2026-04-29",
    });
    expect(kinds(p)).toContain("monitoring");
    expect(kinds(p)).not.toContain("alumni");
  });

  it("left early (client decision, against clinical advice, …): continuing care offered, check-ins keep the door open", () => {
    const p = plan(dischargedAs("not-completed", "against-clinical-advice"));
    expect(kinds(p)).toEqual([
      "continuing-care",
      "overdose-prevention",
      "monitoring",
      "relapse-prevention",
      "mutual-support",
    ]);
    expect(component(p, "continuing-care").reason.code).toBe("continuing-care-offer");
    expect(p.summary.message).toContain("relapse is not failure");
  });

  it("medical: a hand-off to medical care with check-ins; incarcerated: to the correctional health service", () => {
    const meds = person({ medications: [{ name: "buprenorphine", purpose: "addiction" }] });
    const medical = plan(dischargedAs("not-completed", "medical"), meds);
    expect(kinds(medical)).toEqual([
      "warm-handoff",
      "overdose-prevention",
      "medication-continuity",
      "monitoring",
      "relapse-prevention",
    ]);
    expect(component(medical, "warm-handoff").to).toBe("medical-care");
    const jail = plan(dischargedAs("not-completed", "incarcerated"), meds);
    expect(kinds(jail)).toEqual([
      "warm-handoff",
      "overdose-prevention",
      "medication-continuity",
      "relapse-prevention",
    ]);
    expect(component(jail, "warm-handoff")).toMatchObject({
      to: "correctional-health-care",
      by: "2026-04-16",
    });
    expect(component(jail, "medication-continuity").reason.message).toContain("receiving provider");
  });

  it("died: a plan with no components that says why", () => {
    const p = plan(dischargedAs("not-completed", "died"), person({ familyInvolved: true }));
    expect(p.situation).toBe("died");
    expect(p.components).toEqual([]);
    expect(p.summary).toMatchObject({ code: "died" });
  });

  it("a discharge before admission still gets a plan (no treatment record)", () => {
    const episode = ended([
      admittedLog[0]!,
      {
        formatVersion: 2,
        kind: "assessed",
        on: "2026-03-04",
        decision: eligibilityDecisionFor(program, "refer-higher"),
      },
      {
        formatVersion: 2,
        kind: "discharged",
        on: "2026-03-05",
        type: "transferred-higher",
        reason: "clinical-need",
        referredTo: "residential",
      },
    ]);
    expect(episode.treatment).toBeUndefined();
    const p = plan(episode);
    expect(kinds(p)).toEqual(["warm-handoff", "overdose-prevention", "relapse-prevention"]);
    expect(component(p, "warm-handoff").level).toBe("residential");
  });
});

describe("misuse throws IopError naming planAftercare and the argument", () => {
  it("from before the discharge, not a date, or too late", () => {
    const codes = (from: string) => {
      try {
        plan(completed(), person(), from);
        return "ok";
      } catch (e) {
        expect(e).toBeInstanceOf(IopError);
        expect((e as IopError).message).toContain("planAftercare");
        return (e as IopError).issues[0]?.code;
      }
    };
    expect(codes("2026-05-31")).toBe("before-discharge");
    expect(codes("2026-02-30")).toBe("invalid-date");
    expect(codes("9999-01-01")).toBe("date-out-of-range");
    expect(codes("2026-06-01")).toBe("ok");
  });

  it("another participant or program than the episode's", () => {
    expect(() => plan(completed(), person({ id: "p-2" }))).toThrow(/participant-mismatch/);
    const other = defineProgram({ ...program, id: "other" });
    expect(() => plan(completed(), person(), "2026-06-01", other)).toThrow(/program-mismatch/);
  });

  it("an episode that has not been discharged (a JavaScript caller)", () => {
    const inPhase = { ...completed(), status: "in-phase" } as unknown as Ended;
    expect(() => plan(inPhase)).toThrow(/not-discharged/);
  });

  it("never mutates its inputs, and gives plain JSON", () => {
    const episode = completed();
    const participant = person({ medications: [{ name: "naltrexone", purpose: "addiction" }] });
    const copies = structuredClone({ episode, participant, program });
    const p = plan(episode, participant);
    expect({ episode, participant, program }).toEqual(copies);
    expect(JSON.parse(JSON.stringify(p))).toEqual(p);
    expect(p.participantId).toBe(pid);
  });
});
