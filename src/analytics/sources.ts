/**
 * The public sources the analytics definitions rest on, in one table: each definition table and
 * each function's TSDoc names its sources from here. Where a rule could not be checked against the
 * source itself, the definition says so ("unverified") and keeps the value configurable.
 */

/** A public source: what a user can open to check a definition. */
export interface AnalyticsSource {
  /** Title of the document or page. */
  readonly title: string;
  /** Who published it (an agency, a journal) or wrote it. */
  readonly publisher: string;
  /** Year of publication. */
  readonly year: number;
  /** The part of it that holds the rule (a variable, a section, a table). */
  readonly section: string;
  /** Where to open it. */
  readonly url: string;
}

/**
 * Every source the analytics part cites, by a short key.
 * @example `analyticsSources.tedsCodebook2019.title`
 */
export const analyticsSources = {
  /** TEDS-D public-use file codebook: the variables and their codes (REASON, LOS, SERVICES, …). */
  tedsCodebook2019: {
    title: "Treatment Episode Data Set: Discharges (TEDS-D) 2019, Codebook",
    publisher: "Substance Abuse and Mental Health Services Administration (SAMHSA)",
    year: 2021,
    section:
      "variables REASON, LOS, SERVICES, SERVICES_D, DAYWAIT, PSOURCE, FREQ1/_D, EMPLOY/_D, LIVARAG/_D, FREQ_ATND_SELF_HELP/_D",
    url: "https://www.samhsa.gov/data/data-we-collect/teds-treatment-episode-data-set",
  },
  /** How TEDS computes length of stay and reports discharges. */
  tedsDischarges2005: {
    title:
      "Treatment Episode Data Set (TEDS) 2005: Discharges from Substance Abuse Treatment Services",
    publisher: "Substance Abuse and Mental Health Services Administration (SAMHSA)",
    year: 2008,
    section:
      "chapter 2: length of stay = the earlier of last contact and discharge, minus admission; outpatient admission and discharge days both count; completion and transfer together (cited; the page could not be opened here: verify)",
    url: "http://www.samhsa.gov/data/DASIS/teds05/TEDSD2k5Chp2.htm",
  },
  /** The TEDS data dictionary: admission date = first service, DAYWAIT, discharge elements. */
  tedsStateManual: {
    title: "Treatment Episode Data Set (TEDS) State Instruction Manual, version 3.2",
    publisher: "Substance Abuse and Mental Health Services Administration (SAMHSA)",
    year: 2014,
    section: "Minimum, Supplemental and Discharge Data Sets",
    url: "https://abcdocz.com/doc/296146/treatment-episode-data-set--teds--state-instruction-manual",
  },
  /** The product-limit estimator. */
  kaplanMeier1958: {
    title: "Nonparametric estimation from incomplete observations",
    publisher: "E. L. Kaplan, P. Meier — Journal of the American Statistical Association 53(282)",
    year: 1958,
    section: "pp. 457–481, the product-limit estimate",
    url: "https://doi.org/10.1080/01621459.1958.10501452",
  },
  /** Greenwood's variance of the survival estimate (the formula as the URL presents it). */
  greenwood1926: {
    title: "The natural duration of cancer",
    publisher:
      "M. Greenwood — Reports on Public Health and Medical Subjects 33, His Majesty's Stationery Office",
    year: 1926,
    section:
      'Greenwood\'s formula; presented with the log–log interval in Real Statistics Using Excel, "Kaplan-Meier theory", properties 1 and 2',
    url: "https://real-statistics.com/survival-analysis/kaplan-meier-procedure/kaplan-meier-theory",
  },
  /** Confidence intervals on the log–log scale. */
  kalbfleischPrentice2002: {
    title: "The Statistical Analysis of Failure Time Data, 2nd edition",
    publisher: "J. D. Kalbfleisch, R. L. Prentice — Wiley",
    year: 2002,
    section: "section 1.4, confidence bands for the survivor function (log–log transform)",
    url: "https://doi.org/10.1002/9781118032985",
  },
  /** The sample quantile definition used for medians and quartiles. */
  hyndmanFan1996: {
    title: "Sample quantiles in statistical packages",
    publisher: "R. J. Hyndman, Y. Fan — The American Statistician 50(4)",
    year: 1996,
    section: "definition 7 (linear interpolation between order statistics)",
    url: "https://doi.org/10.1080/00031305.1996.10473566",
  },
  /** The inverse normal used for confidence levels. */
  wichura1988: {
    title: "Algorithm AS 241: The percentage points of the normal distribution",
    publisher: "M. J. Wichura — Journal of the Royal Statistical Society, Series C 37(3)",
    year: 1988,
    section: "PPND16",
    url: "https://doi.org/10.2307/2347330",
  },
  /** HEDIS IET as an eCQM (CMS137), in CQL. */
  cms137: {
    title:
      "Initiation and Engagement of Substance Use Disorder Treatment (CMS137), FHIR eCQM, CQL library",
    publisher: "Centers for Medicare & Medicaid Services (CMS), via the cqframework ecqm-content",
    year: 2024,
    section:
      "Numerator 1: [episode date, episode date + 14 days); Numerator 2: 34 days or less after initiation, a long-acting medication or 2 or more other treatments",
    url: "https://github.com/cqframework/ecqm-content-qicore-2024/blob/07c68e5e76d96d167627469f0face771c702023f/input/cql/InitiationandEngagementofSubstanceUseDisorderTreatmentFHIR.cql",
  },
  /** NCQA's description of FUA. */
  ncqaFua: {
    title:
      "Follow-Up After Emergency Department Visit for Alcohol and Other Drug Abuse or Dependence (FUA)",
    publisher: "National Committee for Quality Assurance (NCQA)",
    year: 2022,
    section:
      "two rates: follow-up within 7 days of the ED visit (8 total days) and within 30 days (31 total days); undated page, year of its latest results",
    url: "https://www.ncqa.org/hedis/measures/follow-up-after-emergency-department-visit-for-alcohol-and-other-drug-abuse-or-dependence/",
  },
  /** A payer's FUA tip sheet: qualifying services, visit-based denominator, repeated visits. */
  fuaTipSheet: {
    title: "HEDIS Tip Sheet: Follow-Up After Emergency Department Visit for Substance Use (FUA)",
    publisher: "Blue Cross Blue Shield of North Dakota",
    year: 2026,
    section:
      "compliance for 7-day and 30-day follow-up (qualifying services incl. intensive outpatient); notes; undated page; year = when it was read",
    url: "https://www.bcbsnd.com/providers/programs/bluealliance-and-bluealliance-care-plus/hedis-tip-sheets/hedis-tip-sheet-search/fua",
  },
  /** A payer's FUA page stating that follow-up may fall on the ED visit's date. */
  fuaSameDay: {
    title: "Follow-Up after Emergency Department Visit for Substance Use (FUA)",
    publisher: "Lucet",
    year: 2024,
    section: "measurement year 2024: follow-up may occur on the same date as the ED visit",
    url: "https://lucethealth.com/providers/resources/pcp/ed-follow-up-fua/",
  },
  /** FUM: follow-up after an ED visit for mental illness. */
  fumDescription: {
    title:
      "HEDIS measures: Follow-up after ED visits for mental illness and alcohol and other drug abuse or dependence",
    publisher: "Anthem (provider news)",
    year: 2026,
    section:
      "FUM: 7-day (8 total days) and 30-day (31 total days) rates; undated page; year = when it was read",
    url: "https://providernews.anthem.com/kentucky/articles/hedis-measures-follow-up-after-ed-visits-for-mental-illness-and-alcohol-and-other-drug-abuse-or-dependence-9500/print",
  },
  /** NCQA's description of FUI. */
  ncqaFui: {
    title: "Follow-Up After High-Intensity Care for Substance Use Disorder (FUI)",
    publisher: "National Committee for Quality Assurance (NCQA)",
    year: 2026,
    section:
      "inpatient, residential and detoxification discharges; follow-up for SUD within 7 and 30 days; undated page; year = when it was read",
    url: "https://www.ncqa.org/hedis/measures/follow-up-after-high-intensity-care-for-substance-use-disorder/",
  },
  /** A payer's note that FUI follow-up must fall on another date than the discharge. */
  fuiDifferentDate: {
    title: "Caring for substance use disorders (HEDIS FUI)",
    publisher: "Blue Cross and Blue Shield of New Mexico",
    year: 2024,
    section: "the follow-up visit must be on a different date than the discharge",
    url: "https://www.bcbsnm.com/provider/education-reference/education/news/2024-news-updates/03-05-24-caring-for-substance-use-disorders",
  },
  /** CMS159 depression remission: the PHQ-9 baseline above 9, remission below 5. */
  cms159: {
    title: "Depression Remission at Twelve Months (CMS159), FHIR eCQM, CQL library",
    publisher: "Centers for Medicare & Medicaid Services (CMS), via the cqframework ecqm-content",
    year: 2024,
    section: "index PHQ-9 greater than 9; remission: PHQ-9 less than 5",
    url: "https://github.com/cqframework/ecqm-content-qicore-2024/blob/07333f4f981cfbed4763cf0faee103567b3a9792/input/cql/DepressionRemissionatTwelveMonthsFHIR.cql",
  },
  /** PHQ-9 response: a 50 % drop in a cohort with baseline 10 or more. */
  phq9Response: {
    title: "Article in Psychiatric Services, doi 10.1176/appi.ps.201900295",
    publisher: "American Psychiatric Association",
    year: 2020,
    section:
      "a cohort with baseline PHQ-9 ≥ 10; response = ≥ 50 % reduction; remission = PHQ-9 < 5",
    url: "https://doi.org/10.1176/appi.ps.201900295",
  },
  /** Joint Commission: standardized instruments, analysed per person and per population. */
  jointCommissionCts: {
    title: "Standard CTS.03.01.09 (Behavioral Health Care and Human Services): outcome measures",
    publisher: "The Joint Commission",
    year: 2018,
    section:
      "EP 1–3: a standardized instrument, used to inform each person's care and aggregated for the population",
    url: "https://www.jointcommission.org/standards/standard-faqs/behavioral-health/care-treatment-and-services-cts/000002332/",
  },
} as const satisfies Record<string, AnalyticsSource>;

/** The key of a source in {@link analyticsSources}. */
export type AnalyticsSourceKey = keyof typeof analyticsSources;
