/**
 * Levels of care as data: the ASAM Criteria's levels (3rd edition, 2013, and 4th edition, 2023)
 * with their weekly clinical-hour bands for adults and adolescents.
 *
 * Sources (DOMAIN.md "Levels of care"): ASAM Criteria 3rd ed. (outpatient adults < 9 h,
 * adolescents < 6 h; IOP adults ≥ 9 h, typically 9–19, adolescents ≥ 6 h; partial hospitalization
 * ≥ 20 h); ASAM Criteria 4th ed. (1.0–4; level list partly unverified); Medicare IOP rule from 2024
 * (9–19 h/week; PHP ≥ 20 h/week).
 */
import * as z from "zod/mini";
import { pure } from "../core/pure";
import { lazySchema, type Schema } from "../core/schema";

/**
 * Edition-independent level-of-care concepts, least intensive first (see {@link levelOfCareRank}).
 * Withdrawal management is a level of its own here (3rd edition: 1-WM … 4-WM); the 4th edition
 * folds it into the other levels.
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
  /** Where the figures come from. */
  readonly source: string;
}

const band = (min: number, max: number | null, maxExclusive = false): HoursBand => ({
  min,
  max,
  maxExclusive,
});
const ASAM3 = "ASAM Criteria, 3rd ed. (2013); DOMAIN.md 'Levels of care'";
const ASAM4 =
  "ASAM Criteria, 4th ed. (2023); DOMAIN.md 'Levels of care' (level list partly unverified)";
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
    source: ASAM3,
  },
  {
    id: "outpatient",
    edition: 3,
    code: "1",
    name: "Outpatient Services",
    setting: "outpatient",
    hours: outpatientHours,
    source: ASAM3,
  },
  {
    id: "intensive-outpatient",
    edition: 3,
    code: "2.1",
    name: "Intensive Outpatient Services",
    setting: "outpatient",
    hours: iopHours,
    source: ASAM3,
  },
  {
    id: "partial-hospitalization",
    edition: 3,
    code: "2.5",
    name: "Partial Hospitalization Services",
    setting: "outpatient",
    hours: phpHours,
    source: ASAM3,
  },
  {
    id: "residential",
    edition: 3,
    code: "3.1",
    name: "Clinically Managed Low-Intensity Residential Services",
    setting: "residential",
    hours: null,
    source: ASAM3,
  },
  {
    id: "residential",
    edition: 3,
    code: "3.3",
    name: "Clinically Managed Population-Specific High-Intensity Residential Services",
    setting: "residential",
    hours: null,
    source: ASAM3,
  },
  {
    id: "residential",
    edition: 3,
    code: "3.5",
    name: "Clinically Managed High-Intensity Residential Services",
    setting: "residential",
    hours: null,
    source: ASAM3,
  },
  {
    id: "residential",
    edition: 3,
    code: "3.7",
    name: "Medically Monitored Intensive Inpatient Services",
    setting: "residential",
    hours: null,
    source: ASAM3,
  },
  {
    id: "inpatient",
    edition: 3,
    code: "4",
    name: "Medically Managed Intensive Inpatient Services",
    setting: "hospital",
    hours: null,
    source: ASAM3,
  },
  {
    id: "withdrawal-management",
    edition: 3,
    code: "1-WM",
    name: "Ambulatory Withdrawal Management without Extended On-Site Monitoring",
    setting: "outpatient",
    hours: null,
    source: ASAM3,
  },
  {
    id: "withdrawal-management",
    edition: 3,
    code: "2-WM",
    name: "Ambulatory Withdrawal Management with Extended On-Site Monitoring",
    setting: "outpatient",
    hours: null,
    source: ASAM3,
  },
  {
    id: "withdrawal-management",
    edition: 3,
    code: "3.2-WM",
    name: "Clinically Managed Residential Withdrawal Management",
    setting: "residential",
    hours: null,
    source: ASAM3,
  },
  {
    id: "withdrawal-management",
    edition: 3,
    code: "3.7-WM",
    name: "Medically Monitored Inpatient Withdrawal Management",
    setting: "residential",
    hours: null,
    source: ASAM3,
  },
  {
    id: "withdrawal-management",
    edition: 3,
    code: "4-WM",
    name: "Medically Managed Intensive Inpatient Withdrawal Management",
    setting: "hospital",
    hours: null,
    source: ASAM3,
  },
  {
    id: "remission-monitoring",
    edition: 4,
    code: "1.0",
    name: "Long-Term Remission Monitoring",
    setting: "outpatient",
    hours: null,
    source: ASAM4,
  },
  {
    id: "outpatient",
    edition: 4,
    code: "1.5",
    name: "Outpatient Therapy",
    setting: "outpatient",
    hours: outpatientHours,
    source: ASAM4,
  },
  {
    id: "outpatient",
    edition: 4,
    code: "1.7",
    name: "Medically Managed Outpatient Treatment",
    setting: "outpatient",
    hours: outpatientHours,
    source: ASAM4,
  },
  {
    id: "intensive-outpatient",
    edition: 4,
    code: "2.1",
    name: "Intensive Outpatient Treatment",
    setting: "outpatient",
    hours: iopHours,
    source: ASAM4,
  },
  {
    id: "partial-hospitalization",
    edition: 4,
    code: "2.5",
    name: "High-Intensity Outpatient Treatment",
    setting: "outpatient",
    hours: phpHours,
    source: ASAM4,
  },
  {
    id: "intensive-outpatient",
    edition: 4,
    code: "2.7",
    name: "Medically Managed Intensive Outpatient Treatment",
    setting: "outpatient",
    hours: iopHours,
    source: ASAM4,
  },
  {
    id: "residential",
    edition: 4,
    code: "3.1",
    name: "Clinically Managed Low-Intensity Residential Treatment",
    setting: "residential",
    hours: null,
    source: ASAM4,
  },
  {
    id: "residential",
    edition: 4,
    code: "3.5",
    name: "Clinically Managed High-Intensity Residential Treatment",
    setting: "residential",
    hours: null,
    source: ASAM4,
  },
  {
    id: "residential",
    edition: 4,
    code: "3.7",
    name: "Medically Managed Residential Treatment",
    setting: "residential",
    hours: null,
    source: ASAM4,
  },
  {
    id: "inpatient",
    edition: 4,
    code: "4",
    name: "Medically Managed Intensive Inpatient Treatment",
    setting: "hospital",
    hours: null,
    source: ASAM4,
  },
];

/**
 * Intensity order of the level concepts, least intensive first. Withdrawal management ranks above
 * residential because it comes first ("detox before IOP"); only hospital care ranks above it.
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
