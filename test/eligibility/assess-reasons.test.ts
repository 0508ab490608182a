// Every eligibility rule stated by what it reports: the reason's code, message, dimension and
// evidence word for word (what a clinician reads in the decision), each threshold at n − 1, n and
// n + 1, and how floors, outcomes and overrides combine. The messages below were reviewed by hand.
import { describe, expect, it } from "vitest";
import {
  admissionTracks,
  assessEligibility,
  eligibilityRuleIds,
  eligibilityRules,
  IopError,
  parseParticipant,
  sessionTypesForConditions,
  type EligibilityDecision,
  type EligibilityRules,
  type ParticipantInput,
} from "iopkit";
import { asOf, fit as fitParticipant, sud, teen } from "./fixtures";

const zeros = {
  withdrawal: 0,
  biomedical: 0,
  emotionalBehavioral: 0,
  readiness: 0,
  relapsePotential: 0,
  recoveryEnvironment: 0,
} as const;

/** An adult who fits the adult IOP profile, every dimension at 0 but readiness and relapse potential (2). */
const fit = (overrides: Partial<ParticipantInput> = {}): ParticipantInput =>
  fitParticipant({ dimensions: { ...zeros, readiness: 2, relapsePotential: 2 }, ...overrides });
const decide = (input: ParticipantInput, program = sud, options = {}): EligibilityDecision =>
  assessEligibility(parseParticipant(input), program, { asOf, ...options });
/** Only `only` enabled: one rule's contribution on its own. */
const onlyRules = (...only: string[]): EligibilityRules =>
  Object.fromEntries(
    eligibilityRuleIds.map((id) => [id, { ...eligibilityRules[id], enabled: only.includes(id) }]),
  ) as unknown as EligibilityRules;
/** The reasons and conditions as a clinician reads them. */
const said = (d: EligibilityDecision) => ({
  outcome: d.outcome,
  level: d.recommendedLevel,
  reasons: d.reasons.map((r) => ({
    code: r.code,
    message: r.message,
    ruleId: r.ruleId,
    ...(r.dimension === undefined ? {} : { dimension: r.dimension }),
    ...(r.evidence === undefined ? {} : { evidence: r.evidence }),
  })),
  conditions: d.conditions.map((c) => ({
    code: c.code,
    message: c.message,
    ...(c.evidence === undefined ? {} : { evidence: c.evidence }),
  })),
});
const codes = (d: EligibilityDecision) => d.reasons.map((r) => r.code);
const conditionCodes = (d: EligibilityDecision) => d.conditions.map((c) => c.code);

describe("the rule set as data", () => {
  it("gives every rule its own id, a description for clinicians and the order the rules run in", () => {
    expect(Object.keys(eligibilityRules)).toEqual([...eligibilityRuleIds]);
    for (const id of eligibilityRuleIds) {
      expect(eligibilityRules[id].id).toBe(id);
      expect(eligibilityRules[id].description).toMatch(/^[A-Z].{20,}\.$/);
    }
  });

  it("maps each dimension's rating 0–4 to the level of iopkit's table (its own simplification, marked unverified)", () => {
    const table = {
      withdrawal: [
        "outpatient",
        "outpatient",
        "withdrawal-management",
        "withdrawal-management",
        "inpatient",
      ],
      biomedical: [
        "outpatient",
        "outpatient",
        "partial-hospitalization",
        "residential",
        "inpatient",
      ],
      emotionalBehavioral: [
        "outpatient",
        "outpatient",
        "intensive-outpatient",
        "partial-hospitalization",
        "inpatient",
      ],
      readiness: [
        "outpatient",
        "outpatient",
        "intensive-outpatient",
        "partial-hospitalization",
        "residential",
      ],
      relapsePotential: [
        "outpatient",
        "outpatient",
        "intensive-outpatient",
        "partial-hospitalization",
        "residential",
      ],
      recoveryEnvironment: [
        "outpatient",
        "outpatient",
        "intensive-outpatient",
        "intensive-outpatient",
        "residential",
      ],
    } as const;
    expect(eligibilityRules["dimension-levels"].params.levels).toEqual(table);
    expect(
      eligibilityRules["dimension-levels"].sources.some(
        (s) => "unverified" in s && s.unverified.includes("iopkit's simplification"),
      ),
    ).toBe(true);
    const rules = onlyRules("dimension-levels");
    for (const [key, levels] of Object.entries(table))
      levels.forEach((level, rating) => {
        const d = decide(fit({ dimensions: { ...zeros, [key]: rating } }), sud, { rules });
        expect(d.computed.recommendedLevel, `${key} ${rating}`).toBe(level);
        expect(
          d.reasons.find(
            (r) => r.ruleId === "dimension-levels" && r.code !== "lower-level-suffices",
          ),
          `${key} ${rating}`,
        ).toMatchObject({
          code: "highest-risk-dimension",
          evidence: { rating: rating === 0 ? 0 : rating, level },
        });
      });
  });

  it("defaults to thresholds 2 relapses, environment 3 and ages 18 / 12–17", () => {
    expect(eligibilityRules["frequent-relapses-indicate-iop"].params).toEqual({
      minRelapsesAfterOutpatient: 2,
    });
    expect(eligibilityRules["change-of-environment"].params).toEqual({
      recoveryEnvironmentAtLeast: 3,
    });
    expect(eligibilityRules["population-age"].params).toEqual({
      adultMinAge: 18,
      adolescentMinAge: 12,
      adolescentMaxAge: 17,
    });
  });
});

describe("the reasons, word for word", () => {
  it("names the highest-risk dimension, and the higher rating between dimensions of one level", () => {
    // readiness 2 and relapse potential 2 both place at IOP: the first of them is named.
    expect(said(decide(fit())).reasons).toMatchInlineSnapshot(`
      [
        {
          "code": "highest-risk-dimension",
          "dimension": "readiness",
          "evidence": {
            "level": "intensive-outpatient",
            "rating": 2,
          },
          "message": "the highest-risk dimension, 4 readiness to change (rated 2), places at intensive-outpatient",
          "ruleId": "dimension-levels",
        },
      ]
    `);
    // relapse potential 3 and biomedical 2 both place at partial hospitalisation: the 3 is named.
    const d = decide(fit({ dimensions: { ...zeros, biomedical: 2, relapsePotential: 3 } }));
    expect(d.reasons[0]).toMatchObject({
      code: "highest-risk-dimension",
      dimension: "relapsePotential",
      evidence: { rating: 3, level: "partial-hospitalization" },
    });
  });

  it("reports every dimension above the program's level, and none at it", () => {
    const d = decide(
      fit({ dimensions: { ...zeros, biomedical: 2, readiness: 2, recoveryEnvironment: 4 } }),
    );
    expect(said(d)).toMatchInlineSnapshot(`
      {
        "conditions": [
          {
            "code": "change-of-environment",
            "evidence": {
              "living": "supportive-home",
              "recoveryEnvironment": 4,
            },
            "message": "a change of living environment (e.g. sober living) before or at admission",
          },
        ],
        "level": "residential",
        "outcome": "refer-higher",
        "reasons": [
          {
            "code": "highest-risk-dimension",
            "dimension": "recoveryEnvironment",
            "evidence": {
              "level": "residential",
              "rating": 4,
            },
            "message": "the highest-risk dimension, 6 recovery/living environment (rated 4), places at residential",
            "ruleId": "dimension-levels",
          },
          {
            "code": "dimension-above-program",
            "dimension": "biomedical",
            "evidence": {
              "level": "partial-hospitalization",
              "rating": 2,
            },
            "message": "dimension 2 biomedical conditions rated 2 needs at least partial-hospitalization",
            "ruleId": "dimension-levels",
          },
          {
            "code": "dimension-above-program",
            "dimension": "recoveryEnvironment",
            "evidence": {
              "level": "residential",
              "rating": 4,
            },
            "message": "dimension 6 recovery/living environment rated 4 needs at least residential",
            "ruleId": "dimension-levels",
          },
        ],
      }
    `);
  });

  it("names each unrated dimension and a missing condition list", () => {
    const input = fit({ conditions: [] });
    const d = assessEligibility(
      { ...parseParticipant(input), dimensions: { withdrawal: 0, readiness: 1 } },
      sud,
      { asOf },
    );
    expect(d.outcome).toBe("needs-assessment");
    expect(said(d).reasons.filter((r) => r.ruleId === "information-complete"))
      .toMatchInlineSnapshot(`
      [
        {
          "code": "missing-dimension",
          "dimension": "biomedical",
          "evidence": {
            "path": "dimensions.biomedical",
          },
          "message": "ASAM dimension 2 biomedical conditions is not rated",
          "ruleId": "information-complete",
        },
        {
          "code": "missing-dimension",
          "dimension": "emotionalBehavioral",
          "evidence": {
            "path": "dimensions.emotionalBehavioral",
          },
          "message": "ASAM dimension 3 emotional, behavioural or cognitive conditions is not rated",
          "ruleId": "information-complete",
        },
        {
          "code": "missing-dimension",
          "dimension": "relapsePotential",
          "evidence": {
            "path": "dimensions.relapsePotential",
          },
          "message": "ASAM dimension 5 relapse/continued-use potential is not rated",
          "ruleId": "information-complete",
        },
        {
          "code": "missing-dimension",
          "dimension": "recoveryEnvironment",
          "evidence": {
            "path": "dimensions.recoveryEnvironment",
          },
          "message": "ASAM dimension 6 recovery/living environment is not rated",
          "ruleId": "information-complete",
        },
        {
          "code": "missing-conditions",
          "evidence": {
            "path": "conditions",
          },
          "message": "no condition is recorded: the clinical picture is unknown",
          "ruleId": "information-complete",
        },
      ]
    `);
  });

  it("finds each contradiction at its threshold, and not one step before it", () => {
    // Detox not needed with withdrawal risk 2 (ASAM: 2 is significant withdrawal) contradicts; 1 does not.
    const rules = onlyRules("information-consistent");
    const at = (over: Partial<ParticipantInput>) => said(decide(fit(over), sud, { rules }));
    expect(at({ dimensions: { ...zeros, withdrawal: 1 } }).reasons.map((r) => r.code)).toEqual([
      "lower-level-suffices",
    ]);
    expect(at({ dimensions: { ...zeros, withdrawal: 2 } })).toMatchInlineSnapshot(`
      {
        "conditions": [],
        "level": "outpatient",
        "outcome": "needs-assessment",
        "reasons": [
          {
            "code": "contradiction-detox",
            "dimension": "withdrawal",
            "evidence": {
              "detox": "not-needed",
              "withdrawal": 2,
            },
            "message": "detox is recorded as not needed but withdrawal risk is 2",
            "ruleId": "information-consistent",
          },
        ],
      }
    `);
    expect(at({ detox: "needed", dimensions: { ...zeros, withdrawal: 1 } }).outcome).toBe(
      "refer-lower",
    );
    expect(at({ detox: "needed", dimensions: { ...zeros, withdrawal: 0 } })).toMatchInlineSnapshot(`
      {
        "conditions": [],
        "level": "outpatient",
        "outcome": "needs-assessment",
        "reasons": [
          {
            "code": "contradiction-detox",
            "dimension": "withdrawal",
            "evidence": {
              "detox": "needed",
              "withdrawal": 0,
            },
            "message": "detox is recorded as needed but withdrawal risk is 0",
            "ruleId": "information-consistent",
          },
        ],
      }
    `);
    // An unsafe home with a recovery-environment rating of 1 or less contradicts; 2 does not.
    expect(
      at({ living: "unsafe-home", dimensions: { ...zeros, recoveryEnvironment: 2 } }).outcome,
    ).toBe("refer-lower");
    expect(at({ living: "unsafe-home", dimensions: { ...zeros, recoveryEnvironment: 1 } }))
      .toMatchInlineSnapshot(`
      {
        "conditions": [],
        "level": "outpatient",
        "outcome": "needs-assessment",
        "reasons": [
          {
            "code": "contradiction-environment",
            "dimension": "recoveryEnvironment",
            "evidence": {
              "living": "unsafe-home",
              "recoveryEnvironment": 1,
            },
            "message": "the home is recorded as unsafe but the recovery-environment rating is 1",
            "ruleId": "information-consistent",
          },
        ],
      }
    `);
    expect(
      at({
        history: { outpatientEpisodes: 0, relapsesAfterOutpatient: 2, residentialCompleted: false },
      }),
    ).toMatchInlineSnapshot(`
      {
        "conditions": [],
        "level": "outpatient",
        "outcome": "needs-assessment",
        "reasons": [
          {
            "code": "contradiction-history",
            "evidence": {
              "outpatientEpisodes": 0,
              "relapsesAfterOutpatient": 2,
              "residentialCompleted": false,
            },
            "message": "2 relapse(s) after outpatient care are recorded but no outpatient episode",
            "ruleId": "information-consistent",
          },
        ],
      }
    `);
    // Born on the assessment day is consistent; born the day after is not.
    expect(at({ dateOfBirth: asOf }).outcome).toBe("refer-lower");
    expect(at({ dateOfBirth: "2026-03-10" })).toMatchInlineSnapshot(`
      {
        "conditions": [],
        "level": "outpatient",
        "outcome": "needs-assessment",
        "reasons": [
          {
            "code": "contradiction-birth-date",
            "evidence": {
              "asOf": "2026-03-09",
              "dateOfBirth": "2026-03-10",
            },
            "message": "date of birth 2026-03-10 is after 2026-03-09",
            "ruleId": "information-consistent",
          },
        ],
      }
    `);
  });

  it("sends detox first, with the condition to re-assess afterwards", () => {
    expect(said(decide(fit({ detox: "needed" }), sud, { rules: onlyRules("withdrawal-first") })))
      .toMatchInlineSnapshot(`
      {
        "conditions": [
          {
            "code": "readmit-after-withdrawal-management",
            "message": "re-assess for IOP once withdrawal management is complete",
          },
        ],
        "level": "withdrawal-management",
        "outcome": "refer-higher",
        "reasons": [
          {
            "code": "detox-needed",
            "dimension": "withdrawal",
            "evidence": {
              "detox": "needed",
            },
            "message": "detox is needed: withdrawal management comes first",
            "ruleId": "withdrawal-first",
          },
        ],
      }
    `);
  });

  it("calls severe substance use, or a severe co-occurring mental condition, for residential care first", () => {
    const rules = onlyRules("severe-needs-residential-first");
    const severe = decide(
      fit({ conditions: [{ kind: "substance-use", severity: "severe" }] }),
      sud,
      {
        rules,
      },
    );
    expect(said(severe)).toMatchInlineSnapshot(`
      {
        "conditions": [],
        "level": "residential",
        "outcome": "refer-higher",
        "reasons": [
          {
            "code": "severe-without-prior-residential",
            "evidence": {
              "conditions": [
                {
                  "kind": "substance-use",
                  "severity": "severe",
                },
              ],
              "detox": "not-needed",
              "history": {
                "outpatientEpisodes": 0,
                "relapsesAfterOutpatient": 0,
                "residentialCompleted": false,
              },
            },
            "message": "severe substance use, without residential treatment or detox completed, calls for residential care first",
            "ruleId": "severe-needs-residential-first",
          },
        ],
      }
    `);
    for (const kind of ["depression", "anxiety", "bipolar", "eating-disorder", "ptsd"] as const) {
      const d = decide(
        fit({
          conditions: [
            { kind: "substance-use", severity: "mild" },
            { kind, severity: "severe" },
          ],
        }),
        sud,
        { rules },
      );
      expect(d.reasons[0]?.message, kind).toBe(
        "substance use with a severe co-occurring condition, without residential treatment or detox completed, calls for residential care first",
      );
    }
    // A severe mental condition without substance use is not this rule's.
    const noSud = decide(fit({ conditions: [{ kind: "depression", severity: "severe" }] }), sud, {
      rules,
    });
    expect(codes(noSud)).toEqual(["lower-level-suffices"]);
    // Detox completed counts as prior care, as residential treatment does.
    const detoxed = decide(
      fit({ detox: "completed", conditions: [{ kind: "substance-use", severity: "severe" }] }),
      sud,
      { rules },
    );
    expect(codes(detoxed)).toEqual(["lower-level-suffices"]);
  });

  it("takes relapses after outpatient care from the threshold, and only after an outpatient episode", () => {
    const rules = onlyRules("frequent-relapses-indicate-iop");
    const after = (outpatientEpisodes: number, relapsesAfterOutpatient: number) =>
      decide(
        fit({
          history: { outpatientEpisodes, relapsesAfterOutpatient, residentialCompleted: false },
        }),
        sud,
        { rules },
      );
    expect(after(1, 1).computed.recommendedLevel).toBe("outpatient");
    expect(said(after(1, 2))).toMatchInlineSnapshot(`
      {
        "conditions": [],
        "level": "intensive-outpatient",
        "outcome": "admit",
        "reasons": [
          {
            "code": "frequent-relapses",
            "dimension": "relapsePotential",
            "evidence": {
              "outpatientEpisodes": 1,
              "relapsesAfterOutpatient": 2,
              "residentialCompleted": false,
            },
            "message": "2 relapses after outpatient care indicate at least IOP",
            "ruleId": "frequent-relapses-indicate-iop",
          },
        ],
      }
    `);
    expect(after(1, 3).computed.recommendedLevel).toBe("intensive-outpatient");
    expect(after(0, 3).computed.recommendedLevel).toBe("outpatient");
  });

  it("asks for a change of environment from the rating threshold, or an unsafe home; housing support for unstable housing", () => {
    const rules = onlyRules("change-of-environment");
    const env = (living: ParticipantInput["living"], recoveryEnvironment: 0 | 1 | 2 | 3 | 4) =>
      said(decide(fit({ living, dimensions: { ...zeros, recoveryEnvironment } }), sud, { rules }))
        .conditions;
    expect(env("supportive-home", 2)).toEqual([]);
    expect(env("supportive-home", 3)).toMatchInlineSnapshot(`
      [
        {
          "code": "change-of-environment",
          "evidence": {
            "living": "supportive-home",
            "recoveryEnvironment": 3,
          },
          "message": "a change of living environment (e.g. sober living) before or at admission",
        },
      ]
    `);
    expect(env("supportive-home", 4)).toHaveLength(1);
    expect(env("unsafe-home", 0)).toMatchInlineSnapshot(`
      [
        {
          "code": "change-of-environment",
          "evidence": {
            "living": "unsafe-home",
            "recoveryEnvironment": 0,
          },
          "message": "a change of living environment (e.g. sober living) before or at admission",
        },
      ]
    `);
    expect(env("sober-living", 4)).toEqual([]);
    expect(env("unstable-housing", 1)).toMatchInlineSnapshot(`
      [
        {
          "code": "housing-support",
          "evidence": {
            "living": "unstable-housing",
          },
          "message": "case management for stable housing",
        },
      ]
    `);
    expect(env("unstable-housing", 3).map((c) => c.code)).toEqual(["change-of-environment"]);
    // No rating recorded: only the home decides.
    const unrated = decide(
      { ...parseParticipant(fit({ living: "unsafe-home" })), dimensions: { withdrawal: 0 } },
      sud,
      { asOf, rules },
    );
    expect(unrated.conditions[0]?.evidence).toEqual({
      living: "unsafe-home",
      recoveryEnvironment: null,
    });
  });

  it("checks age on the decision day: adults from 18, adolescents 12–17 (both configurable)", () => {
    const rules = onlyRules("population-age");
    const born = (dateOfBirth: string, program = sud) =>
      decide(fit({ dateOfBirth }), program, { rules });
    // 18 on 2026-03-09 when born 2008-03-09; a day later born is 17.
    expect(codes(born("2008-03-09"))).toEqual(["lower-level-suffices"]);
    expect(said(born("2008-03-10"))).toMatchInlineSnapshot(`
      {
        "conditions": [],
        "level": "outpatient",
        "outcome": "refer-other",
        "reasons": [
          {
            "code": "age-outside-population",
            "evidence": {
              "age": 17,
              "population": "adult",
            },
            "message": "aged 17 on 2026-03-09; this adult program takes ages 18 and over",
            "ruleId": "population-age",
          },
        ],
      }
    `);
    expect(codes(born("2014-03-09", teen))).toEqual(["lower-level-suffices"]); // 12
    expect(said(born("2014-03-10", teen)).reasons[0]?.message).toBe(
      "aged 11 on 2026-03-09; this adolescent program takes ages 12–17",
    );
    expect(codes(born("2008-03-10", teen))).toEqual(["lower-level-suffices"]); // 17
    expect(said(born("2008-03-09", teen)).reasons[0]).toEqual({
      code: "age-outside-population",
      message: "aged 18 on 2026-03-09; this adolescent program takes ages 12–17",
      ruleId: "population-age",
      evidence: { age: 18, population: "adolescent" },
    });
    // Born after the decision day: no age fits (the contradiction is its own rule's).
    expect(said(born("2026-03-10")).reasons[0]?.evidence).toEqual({
      age: -1,
      population: "adult",
    });
    // Without a date, age is not checked, and the decision says so.
    const undated = assessEligibility(parseParticipant(fit()), sud, { rules });
    expect(said(undated).reasons).toMatchInlineSnapshot(`
      [
        {
          "code": "lower-level-suffices",
          "evidence": {
            "level": "outpatient",
            "programLevel": "intensive-outpatient",
          },
          "message": "risk is low enough for outpatient; intensive-outpatient is more than needed",
          "ruleId": "dimension-levels",
        },
        {
          "code": "age-unchecked",
          "message": "age was not checked: give \`asOf\` or the participant's \`assessedOn\`",
          "ruleId": "population-age",
        },
      ]
    `);
    expect(undated).not.toHaveProperty("asOf");
    expect(decide(fit(), sud, { rules }).asOf).toBe(asOf);
  });

  it("coordinates care for a mild condition the program does not treat, and refers a moderate one elsewhere", () => {
    const rules = onlyRules("conditions-served");
    const d = decide(
      fit({
        conditions: [
          { kind: "substance-use", severity: "moderate" },
          { kind: "bipolar", severity: "mild" },
          { kind: "eating-disorder", severity: "moderate" },
        ],
      }),
      sud,
      { rules },
    );
    expect(said(d)).toMatchInlineSnapshot(`
      {
        "conditions": [
          {
            "code": "coordinate-care",
            "evidence": {
              "index": 1,
              "kind": "bipolar",
            },
            "message": "coordinate care for mild bipolar, which this program does not treat",
          },
        ],
        "level": "outpatient",
        "outcome": "refer-other",
        "reasons": [
          {
            "code": "condition-not-served",
            "evidence": {
              "index": 2,
              "kind": "eating-disorder",
              "served": [
                "substance-use",
                "depression",
                "anxiety",
                "ptsd",
              ],
            },
            "message": "this program does not serve moderate eating-disorder",
            "ruleId": "conditions-served",
          },
        ],
      }
    `);
  });

  it("finds the tracks a participant's week allows, by weekday and overlapping minutes", () => {
    const rules = onlyRules("flexible-track");
    const busy = (unavailable: ParticipantInput["unavailable"], responsibilities: string[] = []) =>
      said(
        decide(fit({ unavailable, responsibilities } as Partial<ParticipantInput>), sud, { rules }),
      );
    // Morning sessions run 09:00–11:00 and 11:15–12:15 Monday to Thursday.
    expect(busy([{ weekday: 1, from: "08:00", to: "12:00" }], ["work"])).toMatchInlineSnapshot(`
      {
        "conditions": [
          {
            "code": "track",
            "evidence": {
              "tracks": [
                "evening",
              ],
            },
            "message": "attend the evening track, which avoids their work",
          },
        ],
        "level": "outpatient",
        "outcome": "refer-lower",
        "reasons": [
          {
            "code": "lower-level-suffices",
            "evidence": {
              "level": "outpatient",
              "programLevel": "intensive-outpatient",
            },
            "message": "risk is low enough for outpatient; intensive-outpatient is more than needed",
            "ruleId": "dimension-levels",
          },
        ],
      }
    `);
    // Ending as the session starts, or starting as it ends, leaves it free.
    expect(busy([{ weekday: 1, from: "07:00", to: "09:00" }]).conditions).toEqual([]);
    expect(busy([{ weekday: 1, from: "12:15", to: "17:00" }]).conditions).toEqual([]);
    // One minute into the last session is a clash; Friday has no session.
    expect(busy([{ weekday: 1, from: "12:14", to: "17:00" }]).conditions[0]?.message).toBe(
      "attend the evening track, which avoids their commitments",
    );
    expect(busy([{ weekday: 5, from: "00:00", to: "23:59" }]).conditions).toEqual([]);
    // Both tracks blocked: the program does not fit.
    expect(
      busy([
        { weekday: 2, from: "08:00", to: "12:00" },
        { weekday: 3, from: "17:00", to: "22:00" },
      ]),
    ).toMatchInlineSnapshot(`
      {
        "conditions": [],
        "level": "outpatient",
        "outcome": "refer-other",
        "reasons": [
          {
            "code": "no-track-fits",
            "evidence": {
              "tracks": [
                "morning",
                "evening",
              ],
              "unavailable": [
                {
                  "from": "08:00",
                  "to": "12:00",
                  "weekday": 2,
                },
                {
                  "from": "17:00",
                  "to": "22:00",
                  "weekday": 3,
                },
              ],
            },
            "message": "no track of the first phase avoids the participant's unavailability (2 tracks checked): refer to a program whose hours they can attend, or review their schedule",
            "ruleId": "flexible-track",
          },
        ],
      }
    `);
    // A single-track program: one track checked.
    const t = said(
      decide(fit({ unavailable: [{ weekday: 1, from: "16:00", to: "17:00" }] }), teen, {
        rules: onlyRules("flexible-track"),
      }),
    );
    expect(t.reasons[0]?.message).toMatch(/\(1 track checked\)/);
    expect(t.reasons[0]?.evidence).toMatchObject({ tracks: ["(single track)"] });
  });

  it("asks for medication management for addiction and psychiatric medication, not others; family therapy for adolescents", () => {
    const meds = decide(
      fit({
        medications: [
          { name: "buprenorphine", purpose: "addiction" },
          { name: "sertraline", purpose: "psychiatric" },
          { name: "ibuprofen", purpose: "other" },
        ],
      }),
      sud,
      { rules: onlyRules("medication-continuity") },
    );
    expect(said(meds).conditions).toMatchInlineSnapshot(`
      [
        {
          "code": "medication-management",
          "evidence": {
            "medications": [
              {
                "name": "buprenorphine",
                "purpose": "addiction",
              },
              {
                "name": "sertraline",
                "purpose": "psychiatric",
              },
            ],
          },
          "message": "medication management with a prescriber for buprenorphine, sertraline",
        },
      ]
    `);
    const family = (familyInvolved: boolean, program = teen) =>
      decide(fit({ familyInvolved, dateOfBirth: "2011-01-01" }), program, {
        rules: onlyRules("family-engagement"),
      });
    expect(said(family(false)).conditions).toMatchInlineSnapshot(`
      [
        {
          "code": "engage-family",
          "message": "engage a parent or caregiver for weekly family therapy",
        },
      ]
    `);
    expect(family(true).conditions).toEqual([]);
    expect(family(false, sud).conditions).toEqual([]);
  });
});

describe("how the rules combine", () => {
  it("keeps the first of two equal floors as the level's reason, and the other among the reasons", () => {
    // Relapses (IOP) and the dimension table (IOP): both place at IOP; dimension-levels runs first.
    const d = decide(
      fit({
        history: { outpatientEpisodes: 1, relapsesAfterOutpatient: 2, residentialCompleted: false },
      }),
    );
    expect(codes(d)).toEqual(["highest-risk-dimension", "frequent-relapses"]);
    // A later, higher floor takes over and the earlier one stays among the reasons.
    const higher = decide(
      fit({ detox: "needed", dimensions: { ...zeros, withdrawal: 1, biomedical: 2 } }),
    );
    expect(codes(higher)).toEqual([
      "detox-needed",
      "dimension-above-program",
      "highest-risk-dimension",
    ]);
    // A later, lower floor is kept among the reasons after the level's.
    const lower = decide(
      fit({
        dimensions: { ...zeros, biomedical: 3 },
        history: { outpatientEpisodes: 1, relapsesAfterOutpatient: 2, residentialCompleted: false },
      }),
    );
    expect(codes(lower)).toEqual([
      "highest-risk-dimension",
      "dimension-above-program",
      "frequent-relapses",
    ]);
    expect(lower.recommendedLevel).toBe("residential");
  });

  it("says why a lower level suffices, and that no rule applied when none did", () => {
    const low = decide(fit({ dimensions: zeros }));
    expect(said(low).reasons[0]).toMatchInlineSnapshot(`
      {
        "code": "lower-level-suffices",
        "evidence": {
          "level": "outpatient",
          "programLevel": "intensive-outpatient",
        },
        "message": "risk is low enough for outpatient; intensive-outpatient is more than needed",
        "ruleId": "dimension-levels",
      }
    `);
    // With no rule enabled the level stays at the default, outpatient: a program at that level
    // gets no reason at all but the note that no rule applied.
    const outpatientProgram = { ...sud, levelOfCare: "outpatient" as const };
    const none = decide(fit(), outpatientProgram, { rules: onlyRules() });
    expect(said(none)).toMatchInlineSnapshot(`
      {
        "conditions": [],
        "level": "outpatient",
        "outcome": "admit",
        "reasons": [
          {
            "code": "no-rule-applied",
            "message": "no enabled rule set a level or found a problem; the default level is outpatient",
            "ruleId": "dimension-levels",
          },
        ],
      }
    `);
    expect(none.rulesApplied).toEqual([]);
  });

  it("admits at the program's level when an override admits without naming a level", () => {
    const over = (outcome: string, recommendedLevel?: string) =>
      decide(fit({ dimensions: zeros }), sud, {
        override: {
          outcome,
          ...(recommendedLevel === undefined ? {} : { recommendedLevel }),
          reason: "clinical judgement after interview",
          clinician: "Dr. A",
        },
      });
    for (const outcome of ["admit", "admit-with-conditions"]) {
      const d = over(outcome);
      expect(d.outcome).toBe(outcome);
      expect(d.recommendedLevel).toBe("intensive-outpatient");
      expect(d.computed).toEqual({ outcome: "refer-lower", recommendedLevel: "outpatient" });
    }
    expect(over("refer-other").recommendedLevel).toBe("outpatient");
    expect(over("admit", "partial-hospitalization").recommendedLevel).toBe(
      "partial-hospitalization",
    );
  });

  it("refuses bad options with one error naming each, under the function's name", () => {
    const err = (options: unknown) => {
      try {
        assessEligibility(parseParticipant(fit()), sud, options as never);
      } catch (e) {
        if (e instanceof IopError)
          return {
            message: e.message.split(":")[0],
            issues: e.issues.map((i) => [i.code, i.path]),
          };
        throw e;
      }
      throw new Error("no error");
    };
    expect(err(null)).toMatchInlineSnapshot(`
      {
        "issues": [
          [
            "invalid-type",
            [],
          ],
        ],
        "message": "assessEligibility",
      }
    `);
    expect(err({ asOf: "2026-02-30", override: { outcome: "admit" } })).toMatchInlineSnapshot(`
      {
        "issues": [
          [
            "invalid-date",
            [
              "asOf",
            ],
          ],
          [
            "invalid-type",
            [
              "override",
              "reason",
            ],
          ],
          [
            "invalid-type",
            [
              "override",
              "clinician",
            ],
          ],
        ],
        "message": "assessEligibility",
      }
    `);
  });
});

describe("sessionTypesForConditions", () => {
  it("names the session types whose staff each condition calls for, once each", () => {
    const d = decide(
      fit({
        living: "unstable-housing",
        medications: [{ name: "naltrexone", purpose: "addiction" }],
        familyInvolved: false,
        dateOfBirth: "2011-01-01",
      }),
      teen,
    );
    expect(conditionCodes(d)).toEqual(
      expect.arrayContaining(["housing-support", "medication-management", "engage-family"]),
    );
    expect(sessionTypesForConditions(d).sort()).toEqual(
      ["case-management", "family-therapy", "medication-management"].sort(),
    );
    expect(
      sessionTypesForConditions({
        conditions: [
          ...d.conditions,
          ...d.conditions,
          { code: "track", message: "", ruleId: "flexible-track" },
        ],
      }).sort(),
    ).toEqual(["case-management", "family-therapy", "medication-management"]);
    expect(sessionTypesForConditions({ conditions: [] })).toEqual([]);
  });
});

describe("admissionTracks", () => {
  it("reads only the track condition, and a null evidence as no condition", () => {
    const d = decide(fit());
    const withConditions = (...conditions: EligibilityDecision["conditions"]) =>
      admissionTracks({ ...d, conditions });
    const other = {
      code: "housing-support",
      message: "",
      ruleId: "change-of-environment",
      evidence: { tracks: ["morning"] },
    } as const;
    const track = {
      code: "track",
      message: "",
      ruleId: "flexible-track",
      evidence: { tracks: ["evening"] },
    } as const;
    expect(withConditions(other)).toBeUndefined();
    expect(withConditions(other, track)).toEqual(["evening"]);
    expect(withConditions({ ...track, evidence: null })).toBeUndefined();
  });
});

describe("a clinician's override", () => {
  it("needs a reason that is more than spaces", () => {
    try {
      decide(fit(), sud, { override: { outcome: "admit", reason: "   ", clinician: "Dr. A" } });
      expect.unreachable();
    } catch (e) {
      expect((e as IopError).issues.map((i) => [i.path, i.message])).toEqual([
        [["override", "reason"], "an override needs a reason"],
      ]);
    }
  });
});
