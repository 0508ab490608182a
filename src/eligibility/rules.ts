/**
 * The eligibility rules, as data: each has an id, a description, its source, whether it is enabled,
 * and the thresholds it uses. A clinic reads the rule set, copies it, changes thresholds or turns
 * rules off, and passes its copy to `assessEligibility`. Nothing here is clinical advice: the
 * defaults are iopkit's simplification of the ASAM Criteria's dimensional assessment and placement
 * (ASAM Criteria, 3rd ed., 2013) and of what the literature says IOPs serve (McCarty et al., 2014;
 * SAMHSA Advisory on IOP, 2021). Each rule lists its public sources in `sources`; a figure with no
 * public source says "unverified" there, with the reason.
 */
import type { Provenance } from "../core/sources";
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
  /** The rule's id (also its key in {@link EligibilityRules}). */
  readonly id: Id;
  /** What the rule does, in a sentence for clinicians. */
  readonly description: string;
  /**
   * Where the rule and its default thresholds come from: public sources from the registry
   * (`iopkit/sources`: render each with `formatCitation`), or an `unverified` marker saying why a
   * figure has none. Empty when the rule is iopkit's own design and claims nothing clinical
   * (e.g. never guessing when information is missing).
   */
  readonly sources: readonly Provenance[];
  /** Whether `assessEligibility` runs the rule. */
  readonly enabled: boolean;
  /** The rule's thresholds and tables. */
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
 * Dimension table (least intensive safe level per rating 0–4): following the ASAM Criteria's
 * placement across dimensions (ASAM Criteria, 3rd ed., 2013, dimensional admission criteria), the
 * highest-risk dimension sets the level, never an average. The table itself is iopkit's
 * simplification, not ASAM's matrix (unverified: configure it per clinic). The adult IOP profile is minimal
 * withdrawal risk, no distracting biomedical problem, mild emotional/behavioural severity,
 * ambivalent readiness, relapse likely without close monitoring, an unsupportive environment the
 * person can cope with given structure; psychosocial dimensions (4–6) alone never reach hospital care.
 */
export const eligibilityRules: EligibilityRules = {
  "information-complete": {
    id: "information-complete",
    description:
      "All six ASAM dimensions (3rd edition) are rated and at least one condition is recorded; otherwise the decision is needs-assessment, naming what is missing. Dimension ratings are not asked for a program on the 4th edition, which is not placed by them.",
    sources: [{ source: "asam-criteria-3rd-2013", section: "risk ratings 0–4" }],
    enabled: true,
    params: {},
  },
  "information-consistent": {
    id: "information-consistent",
    description:
      "Contradictory facts (detox not needed with withdrawal risk ≥ 2, detox needed with no withdrawal risk, an unsafe home with a low environment rating, relapses after outpatient care without an outpatient episode, a birth date after the assessment) make the decision needs-assessment, unless known facts already require a higher level (then refer-higher, with the contradiction among the reasons).",
    sources: [],
    enabled: true,
    params: {},
  },
  "dimension-levels": {
    id: "dimension-levels",
    description:
      "Each dimension's rating (ASAM 3rd edition) maps to the least intensive level that can treat it safely; the highest of these is the recommended level (not an average). A program on the 4th edition is not placed by this table: the decision is needs-assessment (asam-4th-edition-placement) and the clinician decides.",
    sources: [
      { source: "asam-criteria-3rd-2013", section: "dimensional admission criteria, level 2.1" },
      {
        unverified:
          "the rating-to-level table is iopkit's simplification, not ASAM's matrix; configure it per clinic",
      },
    ],
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
    sources: [
      { source: "mccarty-2014-iop-evidence" },
      { source: "asam-criteria-3rd-2013", section: "dimension 1 and withdrawal management levels" },
    ],
    enabled: true,
    params: {},
  },
  "severe-needs-residential-first": {
    id: "severe-needs-residential-first",
    description:
      "Severe substance use, or substance use with a severe co-occurring condition, without residential treatment or detox completed, calls for residential care first.",
    sources: [
      { source: "mccarty-2014-iop-evidence" },
      {
        unverified:
          "'severe needs without prior residential care or detox → residential first' is a provider's rule, not ASAM's (which places by dimension severity); turn it off or configure per clinic",
      },
    ],
    enabled: true,
    params: {},
  },
  "frequent-relapses-indicate-iop": {
    id: "frequent-relapses-indicate-iop",
    description: "Repeated relapses despite outpatient care indicate at least IOP.",
    sources: [
      { source: "samhsa-advisory-iop-2021" },
      { unverified: "the threshold of 2 relapses is a common program rule; configure per clinic" },
    ],
    enabled: true,
    params: { minRelapsesAfterOutpatient: 2 },
  },
  "change-of-environment": {
    id: "change-of-environment",
    description:
      "An unsafe home, or a recovery-environment rating at or above the threshold, makes a change of environment (e.g. sober living) a condition of admission.",
    sources: [
      { source: "asam-criteria-3rd-2013", section: "dimension 6" },
      {
        unverified:
          "a change of environment (e.g. sober living) as a condition, and the rating threshold of 3, are common program rules; configure per clinic",
      },
    ],
    enabled: true,
    params: { recoveryEnvironmentAtLeast: 3 },
  },
  "population-age": {
    id: "population-age",
    description:
      "Adult programs take people from the adult minimum age; adolescent programs take the adolescent age range.",
    sources: [
      { source: "asam-criteria-3rd-2013", section: "adolescent criteria" },
      { source: "cfr-42-part-2", section: "§ 2.14" },
      {
        unverified:
          "the ages 12–17 are not an ASAM figure (state law defines a minor); configure per program",
      },
    ],
    enabled: true,
    params: { adultMinAge: 18, adolescentMinAge: 12, adolescentMaxAge: 17 },
  },
  "conditions-served": {
    id: "conditions-served",
    description:
      "A moderate or severe condition the program does not serve sends the referral elsewhere; a mild one becomes a condition to coordinate care.",
    sources: [{ source: "fcso-medicare-iop-2024" }],
    enabled: true,
    params: {},
  },
  "flexible-track": {
    id: "flexible-track",
    description:
      "Finds the tracks of the first phase that avoid the participant's unavailability (work, school, childcare) and makes one a condition; when none fits, the program does not fit the participant's week (refer-other, reason no-track-fits).",
    sources: [
      {
        unverified:
          "sessions at times that fit work, school and family are program design; no public standard found",
      },
    ],
    enabled: true,
    params: {},
  },
  "medication-continuity": {
    id: "medication-continuity",
    description:
      "Participants on addiction or psychiatric medication need medication management with a prescriber.",
    sources: [{ source: "samhsa-advisory-iop-2021" }],
    enabled: true,
    params: {},
  },
  "family-engagement": {
    id: "family-engagement",
    description: "Adolescent programs need a family member engaged (weekly family therapy).",
    sources: [
      { source: "samhsa-advisory-iop-2021" },
      {
        unverified:
          "weekly family therapy for every adolescent is the adolescent template's choice; family psychoeducation is the core service",
      },
    ],
    enabled: true,
    params: {},
  },
};
