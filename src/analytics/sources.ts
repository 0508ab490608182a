/**
 * The citations the analytics definitions rest on, in one table: each definition table and each
 * report names its sources from here, as {@link sources!Citation | Citation}s of the sources
 * registry (`iopkit/sources`: titles, publishers, URLs; `formatCitation` renders one). Where a
 * rule could not be checked against the source itself, the definition says so ("unverified") and
 * keeps the value configurable.
 */
import type { Citation } from "../core/sources";

/**
 * Every citation the analytics part makes, by a short key: a registry id and the section that
 * holds the rule.
 * @example
 * ```ts
 * import { formatCitation } from "iopkit/sources";
 * formatCitation(analyticsSources.kaplanMeier1958);
 * // "Kaplan & Meier (1958), the product-limit estimate"
 * ```
 */
export const analyticsSources = {
  /** The TEDS-D variables and their codes (REASON, LOS, SERVICES, …). */
  tedsCodebook: {
    source: "samhsa-teds-d-series",
    section:
      "2019 codebook, variables REASON, LOS, SERVICES, SERVICES_D, DAYWAIT, PSOURCE, FREQ1/_D, EMPLOY/_D, LIVARAG/_D, FREQ_ATND_SELF_HELP/_D",
  },
  /** How TEDS computes length of stay and reports discharges. */
  tedsDischarges2005: {
    source: "samhsa-teds-d-2005-report",
    section:
      "chapter 2: length of stay = the earlier of last contact and discharge, minus admission; outpatient admission and discharge days both count; completion and transfer together",
  },
  /** The TEDS data dictionary: admission date = first service, DAYWAIT, discharge elements. */
  tedsStateManual: {
    source: "samhsa-teds-state-manual-2014",
    section: "Minimum, Supplemental and Discharge Data Sets",
  },
  /** The product-limit estimator. */
  kaplanMeier1958: { source: "kaplan-meier-1958", section: "the product-limit estimate" },
  /** Greenwood's variance of the survival estimate. */
  greenwood1926: { source: "greenwood-1926", section: "Greenwood's formula" },
  /** Confidence intervals on the log–log scale. */
  kalbfleischPrentice2002: {
    source: "kalbfleisch-prentice-2002",
    section: "section 1.4, confidence bands for the survivor function (log–log transform)",
  },
  /** The sample quantile definition used for medians and quartiles. */
  hyndmanFan1996: {
    source: "hyndman-fan-1996",
    section: "definition 7 (linear interpolation between order statistics)",
  },
  /** The inverse normal used for confidence levels. */
  wichura1988: { source: "wichura-1988-as241", section: "PPND16" },
  /** HEDIS IET as an eCQM (CMS137). */
  cms137: {
    source: "cms137-iet",
    section:
      "Numerator 1: [episode date, episode date + 14 days); Numerator 2: 34 days or less after initiation, a long-acting medication or 2 or more other treatments",
  },
  /** NCQA's description of FUA. */
  ncqaFua: {
    source: "ncqa-hedis-fua",
    section:
      "two rates: within 7 days of the ED visit (8 total days) and within 30 days (31 total days)",
  },
  /** A payer's FUA tip sheet: qualifying services, visit-based denominator, repeated visits. */
  fuaTipSheet: {
    source: "bcbsnd-hedis-fua",
    section: "compliance for 7-day and 30-day follow-up; notes",
  },
  /** A payer's FUA page: follow-up may fall on the ED visit's date. */
  fuaSameDay: {
    source: "lucet-hedis-fua-2024",
    section: "measurement year 2024: follow-up may occur on the same date as the ED visit",
  },
  /** FUM: follow-up after an ED visit for mental illness. */
  fumDescription: {
    source: "anthem-hedis-fum-fua-2021",
    section: "FUM: 7-day (8 total days) and 30-day (31 total days) rates",
  },
  /** NCQA's description of FUI. */
  ncqaFui: {
    source: "ncqa-hedis-fui",
    section:
      "inpatient, residential and withdrawal-management discharges; follow-up for SUD within 7 and 30 days",
  },
  /** CMS159 depression remission: the PHQ-9 baseline above 9, remission below 5. */
  cms159: {
    source: "cms159-depression-remission",
    section: "index PHQ-9 greater than 9; remission: PHQ-9 less than 5",
  },
  /** PHQ-9 response: a 50 % drop in a cohort with baseline 10 or more. */
  phq9Response: {
    source: "mbc-depression-metrics-2020",
    section:
      "a cohort with baseline PHQ-9 ≥ 10; response = ≥ 50 % reduction; remission = PHQ-9 < 5",
  },
  /** Joint Commission: standardized instruments, analysed per person and per population. */
  jointCommissionCts: {
    source: "joint-commission-cts-03-01-09",
    section:
      "EP 1–3: a standardized instrument, used to inform each person's care and aggregated for the population",
  },
} as const satisfies Record<string, Citation>;

/** The key of a citation in {@link analyticsSources}. */
export type AnalyticsSourceKey = keyof typeof analyticsSources;
