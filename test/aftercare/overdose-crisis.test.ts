// Overdose prevention and crisis support in aftercare. Naloxone and overdose-risk education for
// every participant with substance use (SAMHSA Overdose Prevention and Response Toolkit (2025):
// reduced tolerance after abstinence, fentanyl, not using alone, not mixing, naloxone), required
// after the discharges that leave tolerance reduced: left early, lost to contact, stepped up
// (Strang et al. 2003; Sordo et al. 2017) and incarcerated (Binswanger et al. 2007). A crisis line
// (988 in the US) and a safety plan (Stanley and Brown 2012) when PHQ-9 item 9 was raised.
import { describe, expect, it } from "vitest";
import {
  aftercareSituation,
  dischargeReasons,
  dischargeTypes,
  IopError,
  overdoseTopics,
  planAftercare,
  scoreMeasure,
  type AftercarePlan,
  type ComponentOf,
  type MeasureScore,
  type Participant,
} from "iopkit";
import { completed, dischargedAs, kinds, person, program, type Ended } from "./fixtures";

const planOf = (
  episode: Ended,
  participant: Participant = person(),
  scores?: MeasureScore[],
): AftercarePlan =>
  planAftercare({
    participant,
    episode,
    program,
    from: episode.discharge.on,
    ...(scores === undefined ? {} : { scores }),
  });
const overdose = (p: AftercarePlan): ComponentOf<"overdose-prevention"> | undefined =>
  p.components.find(
    (c): c is ComponentOf<"overdose-prevention"> => c.kind === "overdose-prevention",
  );
const crisis = (p: AftercarePlan): ComponentOf<"crisis-support"> | undefined =>
  p.components.find((c): c is ComponentOf<"crisis-support"> => c.kind === "crisis-support");

describe("overdose prevention", () => {
  it("is required after leaving early, with the exact reason (left-early, against clinical advice)", () => {
    const c = overdose(planOf(dischargedAs("not-completed", "against-clinical-advice")));
    expect(c).toEqual({
      kind: "overdose-prevention",
      required: true,
      opioidUse: false,
      naloxone: true,
      topics: [...overdoseTopics],
      reason: {
        code: "overdose-risk-reduced-tolerance",
        message:
          "Substance use is on record; the drug supply may contain fentanyl: required before the plan is closed — naloxone in hand for the participant and the people around them, and overdose-risk education: reduced tolerance after a time without use, fentanyl, not using alone, not mixing opioids with alcohol or benzodiazepines, calling 911 (SAMHSA Overdose Prevention and Response Toolkit (2025)). Tolerance is likely reduced after leaving treatment early: after leaving treatment early the risk is highest in the first weeks out of treatment (Sordo et al. (2017)).",
        evidence: { situation: "left-early", opioidUse: [] },
      },
    });
    expect(overdoseTopics).toEqual([
      "reduced-tolerance",
      "naloxone",
      "fentanyl",
      "not-using-alone",
      "not-mixing",
      "calling-911",
    ]);
  });

  it("is required after a loss of contact, custody (Binswanger 2007) and a step up (Strang 2003)", () => {
    const lost = overdose(planOf(dischargedAs("not-completed", "lost-to-contact")));
    expect(lost?.required).toBe(true);
    expect(lost?.reason.message).toContain("after a loss of contact");
    const jail = overdose(planOf(dischargedAs("not-completed", "incarcerated")));
    expect(jail?.required).toBe(true);
    expect(jail?.reason.message).toContain(
      "overdose risk is highest in the first weeks after release from custody (Binswanger et al. (2007))",
    );
    const up = overdose(planOf(dischargedAs("transferred-higher", "clinical-need", "residential")));
    expect(up?.required).toBe(true);
    expect(up?.reason.message).toContain("(Strang et al. (2003); Sordo et al. (2017))");
  });

  it("is offered, not required, after completion, a step down, a move and medical care", () => {
    const offered = [
      completed(),
      dischargedAs("transferred-lower", "clinical-need"),
      dischargedAs("not-completed", "moved"),
      dischargedAs("not-completed", "medical"),
    ].map((e) => overdose(planOf(e)));
    for (const c of offered) {
      expect(c?.required).toBe(false);
      expect(c?.reason.code).toBe("overdose-prevention");
      expect(c?.reason.message).toMatch(/^Substance use is on record; .*: offer naloxone in hand/);
    }
  });

  it("every type × reason: present with substance use unless the participant died; required exactly in the four situations", () => {
    const required = new Set(["left-early", "lost-to-contact", "incarcerated", "stepped-up"]);
    for (const type of dischargeTypes)
      for (const reason of dischargeReasons) {
        if ((type === "completed") !== (reason === "treatment-completed")) continue;
        const p = planOf(type === "completed" ? completed() : dischargedAs(type, reason));
        const situation = aftercareSituation({ type, reason });
        const c = overdose(p);
        if (situation === "died") expect(c, `${type}/${reason}`).toBeUndefined();
        else expect(c?.required, `${type}/${reason}`).toBe(required.has(situation));
      }
  });

  it("knows opioid use from an F11 code, an opioid agonist for addiction, or an opioid used during treatment", () => {
    const moderate = "moderate" as const;
    const f11 = person({
      conditions: [{ kind: "substance-use", severity: moderate, code: "F11.20" }],
    });
    expect(overdose(planOf(completed(), f11))).toMatchObject({
      opioidUse: true,
      reason: { evidence: { opioidUse: ["condition F11.20"] } },
    });
    expect(overdose(planOf(completed(), f11))?.reason.message).toMatch(
      /^Opioid use is on record \(condition F11\.20\): offer naloxone/,
    );
    const f10 = person({
      conditions: [{ kind: "substance-use", severity: moderate, code: "F10.20" }],
    });
    expect(overdose(planOf(completed(), f10))?.opioidUse).toBe(false);
    const bup = person({ medications: [{ name: "Buprenorphine-naloxone", purpose: "addiction" }] });
    expect(overdose(planOf(completed(), bup))?.opioidUse).toBe(true);
    const naltrexone = person({ medications: [{ name: "naltrexone", purpose: "addiction" }] });
    expect(overdose(planOf(completed(), naltrexone))?.opioidUse).toBe(false);
    // Methadone for pain is not a medication for addiction.
    const pain = person({ medications: [{ name: "methadone", purpose: "other" }] });
    expect(overdose(planOf(completed(), pain))?.opioidUse).toBe(false);
    const used = completed([
      { formatVersion: 2, kind: "relapse-reported", on: "2026-05-10", substances: ["fentanyl"] },
      { formatVersion: 2, kind: "clinical-review-held", on: "2026-05-11", outcome: "continue" },
    ]);
    expect(overdose(planOf(used))?.reason.evidence).toEqual({
      situation: "completed",
      opioidUse: ["fentanyl used or found during treatment"],
    });
    const alcohol = completed([
      { formatVersion: 2, kind: "relapse-reported", on: "2026-05-10", substances: ["alcohol"] },
      { formatVersion: 2, kind: "clinical-review-held", on: "2026-05-11", outcome: "continue" },
    ]);
    expect(overdose(planOf(alcohol))?.opioidUse).toBe(false);
  });

  it("is absent without a substance-use condition, and after a death", () => {
    const mh = person({ conditions: [{ kind: "depression", severity: "moderate" }] });
    expect(kinds(planOf(completed(), mh))).not.toContain("overdose-prevention");
    expect(planOf(dischargedAs("not-completed", "died")).components).toEqual([]);
  });
});

describe("crisis support after suicidal ideation (PHQ-9 item 9)", () => {
  const phq9 = (item9: number, on = "2026-05-11") =>
    scoreMeasure("phq-9", [1, 1, 1, 1, 1, 1, 1, 1, item9], { administeredOn: on });

  it("item 9 at 0 adds nothing; at 1 adds the 988 line and a safety plan by the first day (boundary 0 → 1)", () => {
    expect(crisis(planOf(completed(), person(), [phq9(0)]))).toBeUndefined();
    const c = crisis(planOf(completed(), person(), [phq9(0), phq9(1, "2026-05-18")]));
    expect(c).toEqual({
      kind: "crisis-support",
      crisisLine: {
        name: "988 Suicide & Crisis Lifeline",
        contact: "call or text 988",
        region: "US",
      },
      safetyPlanBy: "2026-06-01",
      reason: {
        code: "suicidal-ideation-raised",
        message:
          "Thoughts of death or self-harm were reported during treatment (phq-9 2026-05-18): give the crisis line — in the US the 988 Suicide & Crisis Lifeline, call or text 988 (988 Lifeline (2022)); outside the US, the local crisis line — and write or review a safety plan with the participant by 2026-06-01: warning signs, coping strategies, people and places, who to call, a safe environment (Stanley and Brown (2012)).",
        evidence: { scores: [{ instrument: "phq-9", administeredOn: "2026-05-18" }] },
      },
    });
  });

  it("comes right after the first contact, before overdose prevention, in every situation but death", () => {
    for (const e of [
      completed(),
      dischargedAs("not-completed", "lost-to-contact"),
      dischargedAs("not-completed", "incarcerated"),
      dischargedAs("transferred-higher", "clinical-need"),
    ]) {
      const k = kinds(planOf(e, person(), [phq9(2)]));
      expect(k.slice(1, 3)).toEqual(["crisis-support", "overdose-prevention"]);
    }
    expect(planOf(dischargedAs("not-completed", "died"), person(), [phq9(3)]).components).toEqual(
      [],
    );
  });

  it("an undated score is named as such; a GAD-7 score raises nothing", () => {
    const undated = scoreMeasure("phq-9", [0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(crisis(planOf(completed(), person(), [undated]))?.reason.message).toContain(
      "(phq-9 (undated))",
    );
    const gad = scoreMeasure("gad-7", [3, 3, 3, 3, 3, 3, 3]);
    expect(crisis(planOf(completed(), person(), [gad]))).toBeUndefined();
  });

  it("scores must be a list of at most 10,000 (10,000 accepted, 10,001 refused)", () => {
    const at = Array.from({ length: 10_000 }, () => phq9(0));
    expect(crisis(planOf(completed(), person(), at))).toBeUndefined();
    const issue = (scores: unknown) => {
      try {
        planAftercare({
          participant: person(),
          episode: completed(),
          program,
          from: "2026-06-01",
          scores: scores as MeasureScore[],
        });
        return undefined;
      } catch (e) {
        expect(e).toBeInstanceOf(IopError);
        const [first] = (e as IopError).issues;
        return first === undefined ? undefined : { code: first.code, path: first.path };
      }
    };
    expect(issue([...at, phq9(0)])).toEqual({ code: "limit-exceeded", path: ["scores"] });
    expect(issue("phq-9")).toEqual({ code: "invalid-input", path: ["scores"] });
    expect(issue(null)).toEqual({ code: "invalid-input", path: ["scores"] });
  });
});
