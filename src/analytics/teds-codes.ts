/**
 * TEDS-D code lists as data (SAMHSA, TEDS-D 2019 codebook): reason for discharge, length of stay
 * and its bins, service setting, days waiting, frequency of use, employment, living arrangement,
 * self-help attendance and referral source — and iopkit's mapping from its discharge types and
 * reasons to the TEDS reason, which a state can override. `-9` is TEDS's "missing".
 */
import { pure } from "../core/pure";
import type { DischargeReason, DischargeType } from "../episode/index";
import type { LevelOfCareId } from "../program/index";
import type { Citation } from "../core/sources";
import { analyticsSources } from "./sources";

/** TEDS's code for a missing, unknown or not collected value. */
export const TEDS_MISSING = -9;

/** TEDS-D REASON codes: 1 completed … 7 other. */
export const TEDS_REASONS = {
  1: "Treatment completed",
  2: "Dropped out of treatment",
  3: "Terminated by facility",
  4: "Transferred to another treatment program or facility",
  5: "Incarcerated",
  6: "Death",
  7: "Other",
} as const;

/** A TEDS-D reason for discharge code, 1–7. */
export type TedsReasonCode = keyof typeof TEDS_REASONS;

/**
 * One rule of the discharge → TEDS REASON mapping: an episode's discharge matches when its type
 * (if given) and its reason (if given) are among those listed; the first matching rule wins.
 */
export interface TedsReasonRule {
  /** Discharge types this rule applies to; absent: any. */
  readonly types?: readonly DischargeType[];
  /** Discharge reasons this rule applies to; absent: any. */
  readonly reasons?: readonly DischargeReason[];
  /** The TEDS-D REASON code. */
  readonly code: TedsReasonCode;
  /** Why, for people reading the table. */
  readonly note: string;
}

/**
 * iopkit's mapping of discharges to TEDS-D REASON, first match wins. It is iopkit's reading of the
 * codebook's labels (unverified against any state's manual): `attendance` is taken as a discharge
 * by the facility for attendance (3); a state where it means the client stopped coming (2) puts
 * its own rule first, e.g. `[{ reasons: ["attendance"], code: 2, note: "…" }, ...tedsReasonRules]`.
 */
export const tedsReasonRules: readonly TedsReasonRule[] = [
  { reasons: ["died"], code: 6, note: "death, whatever the type" },
  { reasons: ["incarcerated"], code: 5, note: "incarcerated, whatever the type" },
  { types: ["completed"], code: 1, note: "treatment completed" },
  {
    types: ["transferred-higher", "transferred-lower"],
    code: 4,
    note: "transferred to another program or level of care",
  },
  {
    types: ["not-completed"],
    reasons: ["client-decision", "against-clinical-advice", "lost-to-contact"],
    code: 2,
    note: "the client left: dropped out of treatment",
  },
  {
    types: ["not-completed"],
    reasons: ["attendance", "lack-of-progress", "administrative"],
    code: 3,
    note: "the facility ended treatment",
  },
  { code: 7, note: "moved, financial, medical, program closed, other" },
];

/** The TEDS-D REASON of a discharge under `rules` (first match; 7 when none matches). */
export function tedsReasonOf(
  type: DischargeType,
  reason: DischargeReason,
  rules: readonly TedsReasonRule[] = tedsReasonRules,
): TedsReasonCode {
  for (const r of rules)
    if (
      (r.types === undefined || r.types.includes(type)) &&
      (r.reasons === undefined || r.reasons.includes(reason))
    )
      return r.code;
  return 7;
}

/** One TEDS-D LOS code: a single day (1–30) or a bin of days. */
export interface TedsLosBin {
  /** The LOS code (1–37). */
  readonly code: number;
  /** The codebook's label, e.g. `"31 to 45 days"`. */
  readonly label: string;
  /** First day of the bin. */
  readonly from: number;
  /** Last day of the bin, or `null` for "more than a year". */
  readonly to: number | null;
}

/**
 * TEDS-D LOS codes: 1–30 are the days themselves; 31 = 31–45 days, 32 = 46–60, 33 = 61–90,
 * 34 = 91–120, 35 = 121–180, 36 = 181–365, 37 = more than a year (TEDS-D 2019 codebook, LOS).
 */
export const tedsLosBins: readonly TedsLosBin[] = /* @__PURE__ */ pure(() => [
  ...Array.from({ length: 30 }, (_, i) => ({
    code: i + 1,
    label: String(i + 1),
    from: i + 1,
    to: i + 1,
  })),
  { code: 31, label: "31 to 45 days", from: 31, to: 45 },
  { code: 32, label: "46 to 60 days", from: 46, to: 60 },
  { code: 33, label: "61 to 90 days", from: 61, to: 90 },
  { code: 34, label: "91 to 120 days", from: 91, to: 120 },
  { code: 35, label: "121 to 180 days", from: 121, to: 180 },
  { code: 36, label: "181 to 365 days", from: 181, to: 365 },
  { code: 37, label: "More than a year", from: 366, to: null },
]);

/**
 * The TEDS-D LOS code of a length of stay in days; a stay under one day counts as one day.
 * @example `tedsLosCode(45) === 31`, `tedsLosCode(46) === 32`, `tedsLosCode(366) === 37`
 */
export function tedsLosCode(days: number): number {
  if (days <= 30) return Math.max(1, days);
  for (const bin of tedsLosBins) if (bin.to === null || days <= bin.to) return bin.code;
  return 37;
}

/** TEDS-D SERVICES / SERVICES_D codes (type of treatment service setting). */
export const TEDS_SERVICES = {
  1: "Detox, 24-hour, hospital inpatient",
  2: "Detox, 24-hour, free-standing residential",
  3: "Rehab/residential, hospital (non-detox)",
  4: "Rehab/residential, short term (30 days or fewer)",
  5: "Rehab/residential, long term (more than 30 days)",
  6: "Ambulatory, intensive outpatient",
  7: "Ambulatory, non-intensive outpatient",
  8: "Ambulatory, detoxification",
} as const;

/** A TEDS-D service setting code, 1–8. */
export type TedsServiceCode = keyof typeof TEDS_SERVICES;

/**
 * The service setting of iopkit's levels of care where it is certain: intensive outpatient → 6,
 * outpatient → 7. The others depend on facts iopkit does not hold (a residential stay's planned
 * length, a withdrawal service's setting) or on the state (partial hospitalization has no TEDS code
 * of its own): they are reported missing unless the app maps them (option `serviceSettings`).
 */
export const tedsServiceSettings: Readonly<Partial<Record<LevelOfCareId, TedsServiceCode>>> = {
  "intensive-outpatient": 6,
  outpatient: 7,
};

/** TEDS-D DAYWAIT bins: 0 = 0 days, 1 = 1–7, 2 = 8–14, 3 = 15–30, 4 = 31 or more. */
export function tedsDaysWaitingCode(days: number): number {
  if (days < 0) return TEDS_MISSING;
  if (days === 0) return 0;
  if (days <= 7) return 1;
  if (days <= 14) return 2;
  if (days <= 30) return 3;
  return 4;
}

/** Frequency of use in the past 30 days (FREQ1/FREQ1_D): 1 no use, 2 some use, 3 daily use. */
export const FREQUENCY_OF_USE = { "no-use": 1, "some-use": 2, "daily-use": 3 } as const;
/** Employment (EMPLOY/EMPLOY_D): 1 full-time, 2 part-time, 3 unemployed, 4 not in labour force. */
export const EMPLOYMENT = {
  "full-time": 1,
  "part-time": 2,
  unemployed: 3,
  "not-in-labor-force": 4,
} as const;
/** Living arrangement (LIVARAG/LIVARAG_D): 1 homeless, 2 dependent living, 3 independent living. */
export const LIVING_ARRANGEMENT = {
  homeless: 1,
  "dependent-living": 2,
  "independent-living": 3,
} as const;
/**
 * Self-help group attendance in the past 30 days (FREQ_ATND_SELF_HELP/_D): 1 none, 2 1–3 times,
 * 3 4–7 times, 4 8–30 times, 5 some attendance of unknown frequency.
 */
export const SELF_HELP_ATTENDANCE = {
  none: 1,
  "1-3-times": 2,
  "4-7-times": 3,
  "8-30-times": 4,
  "some-frequency-unknown": 5,
} as const;
/**
 * Referral source (PSOURCE): 1 individual (incl. self), 2 alcohol/drug care provider, 3 other
 * health care provider, 4 school, 5 employer/EAP, 6 other community referral, 7 court/criminal
 * justice/DUI/DWI.
 */
export const REFERRAL_SOURCE = {
  individual: 1,
  "alcohol-drug-care-provider": 2,
  "other-health-care-provider": 3,
  school: 4,
  "employer-eap": 5,
  "other-community": 6,
  "court-criminal-justice": 7,
} as const;

/** Where the TEDS tables and rules come from. */
export const tedsSources: readonly Citation[] = [
  analyticsSources.tedsCodebook,
  analyticsSources.tedsDischarges2005,
  analyticsSources.tedsStateManual,
];
