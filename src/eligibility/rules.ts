/**
 * The eligibility rules, as data: each has an id, a description, its source, whether it is enabled,
 * and the thresholds it uses. A clinic reads the rule set, copies it, changes thresholds or turns
 * rules off, and passes its copy to `assessEligibility`. Nothing here is clinical advice; the
 * defaults encode the ASAM outline and the seeds as DOMAIN.md summarises them.
 */
import type { LevelOfCareId } from "../program/index";
import type { DimensionKey, Risk } from "../participant/index";

/** The least intensive level that can treat each rating 0–4 of a dimension. */
export type RiskLevels = readonly [
  LevelOfCareId,
  LevelOfCareId,
  LevelOfCareId,
  LevelOfCareId,
  LevelOfCareId,
];

/** Every rule's parameters, by rule id. */
export interface EligibilityRuleParams {
  "information-complete": Record<string, never>;
  "information-consistent": Record<string, never>;
  "dimension-levels": { readonly levels: Readonly<Record<DimensionKey, RiskLevels>> };
  "withdrawal-first": Record<string, never>;
  "severe-needs-residential-first": Record<string, never>;
  "frequent-relapses-indicate-iop": { readonly minRelapsesAfterOutpatient: number };
  "change-of-environment": { readonly recoveryEnvironmentAtLeast: Risk };
  "population-age": {
    readonly adultMinAge: number;
    readonly adolescentMinAge: number;
    readonly adolescentMaxAge: number;
  };
  "conditions-served": Record<string, never>;
  "flexible-track": Record<string, never>;
  "medication-continuity": Record<string, never>;
  "family-engagement": Record<string, never>;
}

/** The rule ids, in the order the rules run (and {@link eligibilityRules} lists them). */
export const eligibilityRuleIds = [
  "information-complete",
  "information-consistent",
  "dimension-levels",
  "withdrawal-first",
  "severe-needs-residential-first",
  "frequent-relapses-indicate-iop",
  "change-of-environment",
  "population-age",
  "conditions-served",
  "flexible-track",
  "medication-continuity",
  "family-engagement",
] as const satisfies readonly (keyof EligibilityRuleParams)[];
/** An eligibility rule id: one of {@link eligibilityRuleIds}. */
export type EligibilityRuleId = (typeof eligibilityRuleIds)[number];

/** One rule: what it does, where it comes from, whether it runs, and its thresholds. */
export interface EligibilityRule<Id extends EligibilityRuleId = EligibilityRuleId> {
  readonly id: Id;
  readonly description: string;
  readonly source: string;
  readonly enabled: boolean;
  readonly params: EligibilityRuleParams[Id];
}

/** A complete rule set: one entry per rule id. */
export type EligibilityRules = { readonly [Id in EligibilityRuleId]: EligibilityRule<Id> };

const OP = "outpatient";
const IOP = "intensive-outpatient";
const PHP = "partial-hospitalization";
const RES = "residential";
const WM = "withdrawal-management";
const HOSP = "inpatient";

/**
 * The default rules. Order matters only for the order of reasons in a decision.
 *
 * Dimension table (least intensive safe level per rating 0–4): the ASAM outline in DOMAIN.md —
 * the highest-risk dimension sets the level, never an average; the adult IOP profile is minimal
 * withdrawal risk, no distracting biomedical problem, mild emotional/behavioural severity,
 * ambivalent readiness, relapse likely without close monitoring, an unsupportive environment the
 * person can cope with given structure; psychosocial dimensions (4–6) alone never reach hospital care.
 */
export const eligibilityRules: EligibilityRules = {
  "information-complete": {
    id: "information-complete",
    description:
      "All six ASAM dimensions are rated and at least one condition is recorded; otherwise the decision is needs-assessment, naming what is missing.",
    source:
      "DOMAIN.md 'Placement logic' (each dimension rated 0–4); iopkit design: a decision is never a guess",
    enabled: true,
    params: {},
  },
  "information-consistent": {
    id: "information-consistent",
    description:
      "Contradictory facts (detox not needed with withdrawal risk ≥ 2, detox needed with no withdrawal risk, an unsafe home with a low environment rating, relapses after outpatient care without an outpatient episode, a birth date after the assessment) make the decision needs-assessment, unless known facts already require a higher level (then refer-higher, with the contradiction among the reasons).",
    source:
      "iopkit design: missing or contradictory information → needs-assessment, never a guess; safety first",
    enabled: true,
    params: {},
  },
  "dimension-levels": {
    id: "dimension-levels",
    description:
      "Each dimension's rating maps to the least intensive level that can treat it safely; the highest of these is the recommended level (not an average).",
    source:
      "ASAM Criteria placement logic, DOMAIN.md 'Levels of care' and 'Placement logic (outline)'",
    enabled: true,
    params: {
      levels: {
        withdrawal: [OP, OP, WM, WM, HOSP],
        biomedical: [OP, OP, PHP, RES, HOSP],
        emotionalBehavioral: [OP, OP, IOP, PHP, HOSP],
        readiness: [OP, OP, IOP, PHP, RES],
        relapsePotential: [OP, OP, IOP, PHP, RES],
        recoveryEnvironment: [OP, OP, IOP, IOP, RES],
      },
    },
  },
  "withdrawal-first": {
    id: "withdrawal-first",
    description: "Someone who needs detox goes to withdrawal management first, then may return.",
    source:
      "seeds 001 and 004 ('needs detox → inpatient'; 'have completed medical detox'); DOMAIN.md 'who doesn't'",
    enabled: true,
    params: {},
  },
  "severe-needs-residential-first": {
    id: "severe-needs-residential-first",
    description:
      "Severe substance use, or substance use with a severe co-occurring condition, without residential treatment or detox completed, calls for residential care first.",
    source:
      "seed 001: 'Those with severe addiction problems or significant co-occurring mental health conditions must pursue residential treatment before enrolling', and IOP fits people who 'have completed medical detox and/or residential treatment in cases of severe addiction' (so completed detox counts as prior care)",
    enabled: true,
    params: {},
  },
  "frequent-relapses-indicate-iop": {
    id: "frequent-relapses-indicate-iop",
    description: "Repeated relapses despite outpatient care indicate at least IOP.",
    source:
      "seed 001: 'Frequent relapses … despite previous outpatient treatment attempts, an IOP can provide the additional support'",
    enabled: true,
    params: { minRelapsesAfterOutpatient: 2 },
  },
  "change-of-environment": {
    id: "change-of-environment",
    description:
      "An unsafe home, or a recovery-environment rating at or above the threshold, makes a change of environment (e.g. sober living) a condition of admission.",
    source:
      "seed 001: 'toxic or violent home → change of environment'; seed 004; DOMAIN.md 'who doesn't'",
    enabled: true,
    params: { recoveryEnvironmentAtLeast: 3 },
  },
  "population-age": {
    id: "population-age",
    description:
      "Adult programs take people from the adult minimum age; adolescent programs take the adolescent age range.",
    source: "ASAM adult and adolescent criteria (adolescent 12–17); DOMAIN.md 'Levels of care'",
    enabled: true,
    params: { adultMinAge: 18, adolescentMinAge: 12, adolescentMaxAge: 17 },
  },
  "conditions-served": {
    id: "conditions-served",
    description:
      "A moderate or severe condition the program does not serve sends the referral elsewhere; a mild one becomes a condition to coordinate care.",
    source: "seed 002 (conditions IOPs serve); the program's conditionsServed",
    enabled: true,
    params: {},
  },
  "flexible-track": {
    id: "flexible-track",
    description:
      "Finds the tracks of the first phase that avoid the participant's unavailability (work, school, childcare) and makes one a condition; flags when none fits.",
    source:
      "seeds 001 and 003: sessions at times that fit work and family (morning and evening tracks)",
    enabled: true,
    params: {},
  },
  "medication-continuity": {
    id: "medication-continuity",
    description:
      "Participants on addiction or psychiatric medication need medication management with a prescriber.",
    source: "seeds 000 and 001 (medication management; MAT)",
    enabled: true,
    params: {},
  },
  "family-engagement": {
    id: "family-engagement",
    description: "Adolescent programs need a family member engaged (weekly family therapy).",
    source:
      "seed 001 ('surrounded by loved ones actively engaged'); adolescent template (weekly family therapy)",
    enabled: true,
    params: {},
  },
};
