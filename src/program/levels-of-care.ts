/**
 * Levels of care as data: the ASAM Criteria's levels (3rd edition, 2013, and 4th edition, 2023)
 * with their weekly clinical-hour bands for adults and adolescents.
 *
 * Sources: ASAM Criteria, 3rd ed. (2013), levels 0.5–4 and 1-WM–4-WM; the SAMHSA Advisory on IOP
 * (2021): IOP is "a minimum of 9 hours per week for adults or 6 hours per week for adolescents";
 * Medicare's IOP benefit from 2024 (Noridian; 42 CFR 424.24(d)): IOP 9–19 h a week, partial
 * hospitalization 20 h or more; ASAM Criteria, 4th ed. (2023), levels 1.0–4 (level list checked
 * against independent implementations, not the book). Each entry lists its sources in `sources`;
 * the 4th edition's hour bands (reused from the 3rd) are unverified, and level 2.7 has none.
 */
import * as z from "zod/mini";
import { pure } from "../core/pure";
import { lazySchema, type Schema } from "../core/schema";
import type { Provenance } from "../core/sources";

/**
 * Edition-independent level-of-care concepts (their intensity order is {@link levelOfCareRank}).
 * Withdrawal management is a level of its own here (3rd edition: 1-WM … 4-WM); the 4th edition
 * folds it into the other levels. `medically-managed-intensive-outpatient` is the 4th edition's
 * level 2.7 (medically managed, able to manage withdrawal): not a kind of IOP (2.1), so a concept
 * of its own, added after 0.1.0 and therefore last in this list.
 */
export const levelOfCareIds = [
  "early-intervention",
  "remission-monitoring",
  "outpatient",
  "intensive-outpatient",
  "partial-hospitalization",
  "residential",
  "withdrawal-management",
  "inpatient",
  "medically-managed-intensive-outpatient",
] as const;
/** A level-of-care concept, e.g. `"intensive-outpatient"`: one of {@link levelOfCareIds}. */
export type LevelOfCareId = (typeof levelOfCareIds)[number];
/** The schema of a {@link LevelOfCareId}. */
export const LevelOfCareId: Schema<LevelOfCareId> = /* @__PURE__ */ lazySchema(() =>
  z.enum(levelOfCareIds),
);

/** The ASAM Criteria editions iopkit knows: 3 (2013) and 4 (2023). */
export const asamEditions = [3, 4] as const;
/** ASAM Criteria edition: 3 (2013) or 4 (2023). */
export type AsamEdition = (typeof asamEditions)[number];
/** The schema of an {@link AsamEdition}. */
export const AsamEdition: Schema<AsamEdition> = /* @__PURE__ */ lazySchema(() =>
  z.literal(asamEditions),
);

/** Who a band applies to. */
export const populations = ["adult", "adolescent"] as const;
/** `"adult"` (18 and over) or `"adolescent"` (12–17). */
export type Population = (typeof populations)[number];
/** The schema of a {@link Population}. */
export const Population: Schema<Population> = /* @__PURE__ */ lazySchema(() => z.enum(populations));

/**
 * Weekly clinical hours, `min` ≤ hours ≤ `max` (or < `max` when `maxExclusive`); `max` is `null`
 * when the level has no upper bound.
 */
export interface HoursBand {
  /** Lowest weekly clinical hours, inclusive. */
  readonly min: number;
  /** Highest weekly clinical hours, or `null` for no upper bound. */
  readonly max: number | null;
  /** When true, hours must stay strictly below `max` (outpatient: "< 9 h"). */
  readonly maxExclusive: boolean;
}

/** Where care happens. */
export const careSettings = ["community", "outpatient", "residential", "hospital"] as const;
/** Where care happens: one of {@link careSettings}. */
export type CareSetting = (typeof careSettings)[number];

/** One ASAM level of care. */
export interface LevelOfCare {
  /** The edition-independent concept. */
  readonly id: LevelOfCareId;
  /** ASAM edition of this entry. */
  readonly edition: AsamEdition;
  /** ASAM level code in that edition, e.g. `"2.1"`, `"3.7"`, `"2-WM"`. */
  readonly code: string;
  /** Name in that edition. */
  readonly name: string;
  /** Where care happens. */
  readonly setting: CareSetting;
  /** Weekly clinical hours per population, or `null` where the level is a 24-hour or non-hours setting. */
  readonly hours: { readonly adult: HoursBand; readonly adolescent: HoursBand } | null;
  /**
   * Where the entry and its hour bands come from: public sources from the registry
   * (`iopkit/sources`: render each with `formatCitation`), or an `unverified` marker saying why a
   * figure has none.
   */
  readonly sources: readonly Provenance[];
}

const band = (min: number, max: number | null, maxExclusive = false): HoursBand => ({
  min,
  max,
  maxExclusive,
});
/** Sources of the outpatient band: below IOP's minimum of 9 h (adults) and 6 h (adolescents). */
const OP_HOURS: Provenance = { source: "samhsa-advisory-iop-2021" };
/** Sources of the IOP band: at least 9 h (adults) or 6 h (adolescents); Medicare 9–19 h. */
const IOP_MIN: Provenance = { source: "samhsa-advisory-iop-2021" };
const IOP_MEDICARE: Provenance = { source: "noridian-medicare-iop" };
const IOP_CFR: Provenance = { source: "cfr-42-424-24", section: "§ 424.24(d)" };
const IOP_ADOLESCENT: Provenance = {
  unverified: "the adolescent upper bound of 19 h mirrors the adult band",
};
/** Sources of the partial-hospitalization band: 20 h or more (Medicare). */
const PHP_HOURS: Provenance = { source: "noridian-medicare-iop" };
/** The 4th edition's hour bands are the 3rd edition's, reused. */
const HOURS_4TH: Provenance = {
  unverified:
    "the 4th edition's hour bands are not checked against the book: the 3rd edition's are reused",
};
const outpatientHours = /* @__PURE__ */ pure(() => ({
  adult: band(0, 9, true),
  adolescent: band(0, 6, true),
}));
const iopHours = /* @__PURE__ */ pure(() => ({ adult: band(9, 19), adolescent: band(6, 19) }));
const phpHours = /* @__PURE__ */ pure(() => ({
  adult: band(20, null),
  adolescent: band(20, null),
}));

/**
 * Every ASAM level iopkit knows, 3rd and 4th edition. Bands: outpatient adults < 9 h and
 * adolescents < 6 h; IOP adults 9–19 h and adolescents 6–19 h; PHP / high-intensity outpatient
 * ≥ 20 h; residential, inpatient and withdrawal management are not defined by weekly hours.
 */
export const levelsOfCare: readonly LevelOfCare[] = [
  {
    id: "early-intervention",
    edition: 3,
    code: "0.5",
    name: "Early Intervention",
    setting: "community",
    hours: null,
    sources: [{ source: "asam-criteria-3rd-2013", section: "level 0.5" }],
  },
  {
    id: "outpatient",
    edition: 3,
    code: "1",
    name: "Outpatient Services",
    setting: "outpatient",
    hours: outpatientHours,
    sources: [{ source: "asam-criteria-3rd-2013", section: "level 1" }, OP_HOURS],
  },
  {
    id: "intensive-outpatient",
    edition: 3,
    code: "2.1",
    name: "Intensive Outpatient Services",
    setting: "outpatient",
    hours: iopHours,
    sources: [
      { source: "asam-criteria-3rd-2013", section: "level 2.1" },
      IOP_MIN,
      IOP_MEDICARE,
      IOP_CFR,
      IOP_ADOLESCENT,
    ],
  },
  {
    id: "partial-hospitalization",
    edition: 3,
    code: "2.5",
    name: "Partial Hospitalization Services",
    setting: "outpatient",
    hours: phpHours,
    sources: [{ source: "asam-criteria-3rd-2013", section: "level 2.5" }, PHP_HOURS],
  },
  {
    id: "residential",
    edition: 3,
    code: "3.1",
    name: "Clinically Managed Low-Intensity Residential Services",
    setting: "residential",
    hours: null,
    sources: [{ source: "asam-criteria-3rd-2013", section: "level 3.1" }],
  },
  {
    id: "residential",
    edition: 3,
    code: "3.3",
    name: "Clinically Managed Population-Specific High-Intensity Residential Services",
    setting: "residential",
    hours: null,
    sources: [{ source: "asam-criteria-3rd-2013", section: "level 3.3" }],
  },
  {
    id: "residential",
    edition: 3,
    code: "3.5",
    name: "Clinically Managed High-Intensity Residential Services",
    setting: "residential",
    hours: null,
    sources: [{ source: "asam-criteria-3rd-2013", section: "level 3.5" }],
  },
  {
    id: "residential",
    edition: 3,
    code: "3.7",
    name: "Medically Monitored Intensive Inpatient Services",
    setting: "residential",
    hours: null,
    sources: [{ source: "asam-criteria-3rd-2013", section: "level 3.7" }],
  },
  {
    id: "inpatient",
    edition: 3,
    code: "4",
    name: "Medically Managed Intensive Inpatient Services",
    setting: "hospital",
    hours: null,
    sources: [{ source: "asam-criteria-3rd-2013", section: "level 4" }],
  },
  {
    id: "withdrawal-management",
    edition: 3,
    code: "1-WM",
    name: "Ambulatory Withdrawal Management without Extended On-Site Monitoring",
    setting: "outpatient",
    hours: null,
    sources: [{ source: "asam-criteria-3rd-2013", section: "level 1-WM" }],
  },
  {
    id: "withdrawal-management",
    edition: 3,
    code: "2-WM",
    name: "Ambulatory Withdrawal Management with Extended On-Site Monitoring",
    setting: "outpatient",
    hours: null,
    sources: [{ source: "asam-criteria-3rd-2013", section: "level 2-WM" }],
  },
  {
    id: "withdrawal-management",
    edition: 3,
    code: "3.2-WM",
    name: "Clinically Managed Residential Withdrawal Management",
    setting: "residential",
    hours: null,
    sources: [{ source: "asam-criteria-3rd-2013", section: "level 3.2-WM" }],
  },
  {
    id: "withdrawal-management",
    edition: 3,
    code: "3.7-WM",
    name: "Medically Monitored Inpatient Withdrawal Management",
    setting: "residential",
    hours: null,
    sources: [{ source: "asam-criteria-3rd-2013", section: "level 3.7-WM" }],
  },
  {
    id: "withdrawal-management",
    edition: 3,
    code: "4-WM",
    name: "Medically Managed Intensive Inpatient Withdrawal Management",
    setting: "hospital",
    hours: null,
    sources: [{ source: "asam-criteria-3rd-2013", section: "level 4-WM" }],
  },
  {
    id: "remission-monitoring",
    edition: 4,
    code: "1.0",
    name: "Long-Term Remission Monitoring",
    setting: "outpatient",
    hours: null,
    sources: [{ source: "asam-criteria-4th-2023", section: "level 1.0" }],
  },
  {
    id: "outpatient",
    edition: 4,
    code: "1.5",
    name: "Outpatient Therapy",
    setting: "outpatient",
    hours: outpatientHours,
    sources: [{ source: "asam-criteria-4th-2023", section: "level 1.5" }, OP_HOURS, HOURS_4TH],
  },
  {
    id: "outpatient",
    edition: 4,
    code: "1.7",
    name: "Medically Managed Outpatient Treatment",
    setting: "outpatient",
    hours: outpatientHours,
    sources: [{ source: "asam-criteria-4th-2023", section: "level 1.7" }, OP_HOURS, HOURS_4TH],
  },
  {
    id: "intensive-outpatient",
    edition: 4,
    code: "2.1",
    name: "Intensive Outpatient Treatment",
    setting: "outpatient",
    hours: iopHours,
    sources: [
      { source: "asam-criteria-4th-2023", section: "level 2.1" },
      IOP_MIN,
      IOP_MEDICARE,
      IOP_CFR,
      IOP_ADOLESCENT,
      HOURS_4TH,
    ],
  },
  {
    id: "partial-hospitalization",
    edition: 4,
    code: "2.5",
    name: "High-Intensity Outpatient Treatment",
    setting: "outpatient",
    hours: phpHours,
    sources: [{ source: "asam-criteria-4th-2023", section: "level 2.5" }, PHP_HOURS, HOURS_4TH],
  },
  {
    id: "medically-managed-intensive-outpatient",
    edition: 4,
    code: "2.7",
    name: "Medically Managed Intensive Outpatient Treatment",
    setting: "outpatient",
    hours: null,
    sources: [
      { source: "asam-criteria-4th-2023", section: "level 2.7" },
      {
        unverified:
          "level 2.7's weekly hours were not found in a public source: iopkit gives it no hours band; it is the medically managed level 2 service (withdrawal management capable), not a variant of IOP (2.1)",
      },
    ],
  },
  {
    id: "residential",
    edition: 4,
    code: "3.1",
    name: "Clinically Managed Low-Intensity Residential Treatment",
    setting: "residential",
    hours: null,
    sources: [{ source: "asam-criteria-4th-2023", section: "level 3.1" }],
  },
  {
    id: "residential",
    edition: 4,
    code: "3.5",
    name: "Clinically Managed High-Intensity Residential Treatment",
    setting: "residential",
    hours: null,
    sources: [{ source: "asam-criteria-4th-2023", section: "level 3.5" }],
  },
  {
    id: "residential",
    edition: 4,
    code: "3.7",
    name: "Medically Managed Residential Treatment",
    setting: "residential",
    hours: null,
    sources: [{ source: "asam-criteria-4th-2023", section: "level 3.7" }],
  },
  {
    id: "inpatient",
    edition: 4,
    code: "4",
    name: "Medically Managed Intensive Inpatient Treatment",
    setting: "hospital",
    hours: null,
    sources: [{ source: "asam-criteria-4th-2023", section: "level 4" }],
  },
];

/**
 * Intensity order of the level concepts, least intensive first. Withdrawal management ranks above
 * residential because it comes first ("detox before IOP"); only hospital care ranks above it.
 * Level 2.7 (`medically-managed-intensive-outpatient`, 4.5) ranks above 2.5 and below residential,
 * as its number in the 4th edition's continuum says. Compare ranks; do not rely on the numbers.
 */
export const levelOfCareRank: Readonly<Record<LevelOfCareId, number>> = {
  "early-intervention": 0,
  "remission-monitoring": 1,
  outpatient: 2,
  "intensive-outpatient": 3,
  "partial-hospitalization": 4,
  residential: 5,
  "withdrawal-management": 6,
  inpatient: 7,
  "medically-managed-intensive-outpatient": 4.5,
};

/**
 * The weekly clinical-hours band of a level concept for a population (same in both editions), or
 * `null` when the level is not defined by weekly hours.
 * @example `hoursBandOf("intensive-outpatient", "adult")` → `{ min: 9, max: 19, maxExclusive: false }`
 */
export function hoursBandOf(level: LevelOfCareId, population: Population): HoursBand | null {
  const entry = levelsOfCare.find((l) => l.id === level && l.hours !== null);
  return entry?.hours?.[population] ?? null;
}

/** True when `hours` lies inside `band`. */
export function isInsideBand(hours: number, band: HoursBand): boolean {
  if (hours < band.min) return false;
  if (band.max === null) return true;
  return band.maxExclusive ? hours < band.max : hours <= band.max;
}

/** `"9–19 h"`, `"< 9 h"`, `"≥ 20 h"`: a band for messages. */
export function formatBand(band: HoursBand): string {
  if (band.max === null) return `≥ ${band.min} h`;
  if (band.maxExclusive && band.min === 0) return `< ${band.max} h`;
  return band.maxExclusive ? `${band.min} to < ${band.max} h` : `${band.min}–${band.max} h`;
}

/** One ASAM dimension in one edition: its number, its edition-specific key and name. */
export interface AsamDimension {
  /** The dimension's number in its edition, 1–6. */
  readonly number: 1 | 2 | 3 | 4 | 5 | 6;
  /** A key for it in that edition, e.g. `"readiness"` (3rd) or `"substanceUseRelatedRisks"` (4th). */
  readonly key: string;
  /** Its name in that edition. */
  readonly name: string;
  /**
   * The participant's rating that holds it (`Participant.dimensions`, rated 0–4), or `null` when
   * iopkit holds no rating for it. Participants' ratings are 3rd-edition ratings; the 4th
   * edition's ratings are not the 3rd edition's 0–4 scale (unverified: the book is licensed), so
   * no 4th-edition dimension reads one.
   */
  readonly ratingKey:
    | "withdrawal"
    | "biomedical"
    | "emotionalBehavioral"
    | "readiness"
    | "relapsePotential"
    | "recoveryEnvironment"
    | null;
  /** Where the name comes from. */
  readonly sources: readonly Provenance[];
}

const dim3 = (
  number: AsamDimension["number"],
  key: NonNullable<AsamDimension["ratingKey"]>,
  name: string,
): AsamDimension => ({
  number,
  key,
  name,
  ratingKey: key,
  sources: [{ source: "asam-criteria-3rd-2013", section: `dimension ${String(number)}` }],
});
const dim4 = (number: AsamDimension["number"], key: string, name: string): AsamDimension => ({
  number,
  key,
  name,
  ratingKey: null,
  sources: [
    { source: "asam-criteria-4th-2023", section: `dimension ${String(number)}` },
    {
      unverified:
        "the 4th edition's dimension names were checked against independent implementations, not the book",
    },
  ],
});

/**
 * The six ASAM dimensions of each edition, in order. The 3rd edition's are what a participant's
 * `dimensions` rate (0–4) and what `assessEligibility` places with; the 4th edition renamed and
 * regrouped them (1 Intoxication, Withdrawal, and Addiction Medications · 2 Biomedical Conditions ·
 * 3 Psychiatric and Cognitive Conditions · 4 Substance Use-Related Risks · 5 Recovery Environment
 * Interactions · 6 Person-Centered Considerations) and rates them differently, so a 3rd-edition
 * rating does not carry over (see {@link AsamDimension.ratingKey}).
 * @example
 * ```ts
 * asamDimensions[4].map((d) => d.key)[3]; // "substanceUseRelatedRisks"
 * ```
 */
export const asamDimensions: Readonly<Record<AsamEdition, readonly AsamDimension[]>> =
  /* @__PURE__ */ pure(() => ({
    3: [
      dim3(1, "withdrawal", "Acute Intoxication and/or Withdrawal Potential"),
      dim3(2, "biomedical", "Biomedical Conditions and Complications"),
      dim3(
        3,
        "emotionalBehavioral",
        "Emotional, Behavioral, or Cognitive Conditions and Complications",
      ),
      dim3(4, "readiness", "Readiness to Change"),
      dim3(5, "relapsePotential", "Relapse, Continued Use, or Continued Problem Potential"),
      dim3(6, "recoveryEnvironment", "Recovery/Living Environment"),
    ],
    4: [
      dim4(
        1,
        "intoxicationWithdrawalMedications",
        "Intoxication, Withdrawal, and Addiction Medications",
      ),
      dim4(2, "biomedicalConditions", "Biomedical Conditions"),
      dim4(3, "psychiatricCognitiveConditions", "Psychiatric and Cognitive Conditions"),
      dim4(4, "substanceUseRelatedRisks", "Substance Use-Related Risks"),
      dim4(5, "recoveryEnvironmentInteractions", "Recovery Environment Interactions"),
      dim4(6, "personCenteredConsiderations", "Person-Centered Considerations"),
    ],
  }));
