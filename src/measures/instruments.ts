/**
 * The scoring rules of every instrument, as data: items with their allowed answers, reverse-scored
 * items, skip logic, how the total or composites are formed, severity bands, item flags, change
 * criteria, LOINC codes, licence and source. The scoring functions read nothing else, so what an
 * app shows a clinician ("why moderate?") can be read off {@link instruments}.
 *
 * Each entry's `sources` (and each flag's, change rule's and age range's) cite the public sources
 * of the registry (`iopkit/sources`) as structured citations; figures no public source supports
 * carry an `unverified` marker.
 * Item topics are short paraphrases, not the instruments' wording (DAST-10's wording is licensed).
 * Nothing here is clinical advice.
 */
import * as z from "zod/mini";
import { pure } from "../core/pure";
import { lazySchema, type Schema } from "../core/schema";
import type { Provenance } from "../core/sources";

/** The instruments iopkit scores. */
export const instrumentIds = ["phq-9", "gad-7", "audit-c", "dast-10", "bam"] as const;
/**
 * An instrument id: `"phq-9"` (depression), `"gad-7"` (anxiety), `"audit-c"` (alcohol),
 * `"dast-10"` (drugs; non-commercial licence) or `"bam"` (Brief Addiction Monitor): one of
 * {@link instrumentIds}.
 */
export type InstrumentId = (typeof instrumentIds)[number];
/** The schema of an {@link InstrumentId}. */
export const InstrumentId: Schema<InstrumentId> = /* @__PURE__ */ lazySchema(() =>
  z.enum(instrumentIds),
);
/** True when `value` is one of {@link instrumentIds}. @internal */
export const isInstrumentId = (value: unknown): value is InstrumentId =>
  (instrumentIds as readonly unknown[]).includes(value);

/** Sex, for instruments with sex-specific cut-offs (AUDIT-C). */
export const sexes = ["female", "male"] as const;
/** `"female"` or `"male"`, as used by sex-specific cut-offs (AUDIT-C: women ≥ 3, men ≥ 4). */
export type Sex = (typeof sexes)[number];
/** The schema of a {@link Sex}. */
export const Sex: Schema<Sex> = /* @__PURE__ */ lazySchema(() => z.enum(sexes));

/** The substances of BAM item 7 (7A–7G), each answered with a days-used code 0–4. */
export const bamSubstances = [
  "marijuana",
  "sedatives",
  "cocaine",
  "stimulants",
  "opioids",
  "inhalants",
  "other",
] as const;
/**
 * A BAM item-7 substance: 7A marijuana, 7B sedatives/tranquilizers, 7C cocaine/crack, 7D other
 * stimulants, 7E opiates, 7F inhalants, 7G other drugs. Source: VA BAM form (7A–7C seen in the
 * published form; 7D–7G from secondary listings — order unverified).
 */
export type BamSubstance = (typeof bamSubstances)[number];
/** The schema of a {@link BamSubstance}. */
export const BamSubstance: Schema<BamSubstance> = /* @__PURE__ */ lazySchema(() =>
  z.enum(bamSubstances),
);

/** One allowed numeric answer of an item and what it means. */
export interface AnswerOption {
  /** The coded answer, which is also its points unless the item is reverse-scored. */
  readonly value: number;
  /** What the respondent chose, e.g. `"Several days"`. */
  readonly label: string;
}

/**
 * What an item accepts:
 * - `options`: an integer from a fixed list (most items; PHQ-9 items are 0–3);
 * - `yes-no`: `true` (yes) or `false` (no) — DAST-10;
 * - `substance-days`: an object from {@link BamSubstance} to a days code 0–4 — BAM item 7.
 */
export type ItemResponse =
  | { readonly kind: "options"; readonly options: readonly AnswerOption[] }
  | { readonly kind: "yes-no" }
  | { readonly kind: "substance-days"; readonly options: readonly AnswerOption[] };

/** Skip logic: the item may be left `null` when an earlier item has a given answer. */
export interface SkipRule {
  /** 1-based number of the item that controls the skip. */
  readonly item: number;
  /** The controlling item's answer that skips this one (BAM: 0 days). */
  readonly equals: number;
}

/** One item of an instrument. */
export interface ItemDefinition {
  /** 1-based item number as printed on the form. An answer list is indexed `number - 1`. */
  readonly number: number;
  /** A short paraphrase of what the item asks. */
  readonly topic: string;
  /** What the item accepts. */
  readonly response: ItemResponse;
  /**
   * Reverse-scored: for `options`, points = highest value − answer + lowest value; for `yes-no`,
   * "no" scores 1 and "yes" 0 (DAST-10 item 3).
   */
  readonly reverse: boolean;
  /** Whether the item counts towards the total (summed instruments). */
  readonly scored: boolean;
  /** When the item may be skipped (answered `null`); a skipped item scores 0. */
  readonly skipWhen?: SkipRule;
}

/** A severity band or screening result: totals `min`…`max` (both inclusive) get this label. */
export interface BandDefinition {
  /** Stable kebab-case id, e.g. `"moderately-severe"`. */
  readonly id: string;
  /** Label for people, e.g. `"Moderately severe"`. */
  readonly label: string;
  /** Lowest total in the band, inclusive. */
  readonly min: number;
  /** Highest total in the band, inclusive. */
  readonly max: number;
}

/** A BAM composite: the sum of some items, with its own bands. */
export interface CompositeDefinition {
  /** `"use"`, `"risk"` or `"protective"`. */
  readonly id: BamCompositeId;
  /** Label for people. */
  readonly label: string;
  /** 1-based item numbers summed. */
  readonly items: readonly number[];
  /** Lowest possible score. */
  readonly min: number;
  /** Highest possible score. */
  readonly max: number;
  /** `true` when a higher score is better (protective factors); decides "improved" in change. */
  readonly higherIsBetter: boolean;
  /** Bands partitioning `min`…`max`, in increasing order of score. */
  readonly bands: readonly BandDefinition[];
}

/** The BAM composite scales. */
export const bamCompositeIds = ["use", "risk", "protective"] as const;
/** A BAM composite: `"use"` (items 4, 5, 6), `"risk"` (1, 2, 3, 8, 11, 15), `"protective"` (9, 10, 12, 13, 14, 16). */
export type BamCompositeId = (typeof bamCompositeIds)[number];
/** The schema of a {@link BamCompositeId}. */
export const BamCompositeId: Schema<BamCompositeId> = /* @__PURE__ */ lazySchema(() =>
  z.enum(bamCompositeIds),
);

/**
 * How an instrument's answers become scores:
 * - `sum`: total of item points, one set of bands;
 * - `sum-by-sex`: total of item points, bands depending on the respondent's sex (AUDIT-C);
 * - `composites`: several sums over item subsets, no total (BAM).
 */
export type Scoring =
  | {
      readonly kind: "sum";
      readonly min: number;
      readonly max: number;
      readonly bands: readonly BandDefinition[];
    }
  | {
      readonly kind: "sum-by-sex";
      readonly min: number;
      readonly max: number;
      readonly bands: Readonly<Record<Sex, readonly BandDefinition[]>>;
    }
  | { readonly kind: "composites"; readonly composites: readonly CompositeDefinition[] };

/**
 * A rule that raises a flag on a score:
 * - `item-at-least`: an item's answer is at least `atLeast` (PHQ-9 item 9 > 0);
 * - `only-item-scored`: the band is one of `inBands` and every point comes from `item`;
 * - `not-above`: an item's answer (for item 7 of the BAM, each substance's) should not be above
 *   another item's (days of heavy drinking ≤ days of any drinking); a higher one is flagged as
 *   inconsistent rather than rejected, so the record can still be stored and corrected.
 */
export type FlagRule =
  | {
      readonly kind: "item-at-least";
      readonly item: number;
      readonly atLeast: number;
      readonly code: string;
      readonly message: string;
      readonly sources: readonly Provenance[];
    }
  | {
      readonly kind: "only-item-scored";
      readonly item: number;
      readonly inBands: readonly string[];
      readonly code: string;
      readonly message: string;
      readonly sources: readonly Provenance[];
    }
  | {
      readonly kind: "not-above";
      readonly item: number;
      readonly limitItem: number;
      readonly code: string;
      readonly message: string;
      readonly sources: readonly Provenance[];
    };

/** How change between two administrations is judged (PHQ-9). */
export interface ChangeRules {
  /**
   * Response and remission are defined only from a baseline total of at least this (PHQ-9: 10,
   * "greater than nine" in CMS159 and CBE 1885); below it they are not applicable.
   */
  readonly minBaseline: number;
  /** Response: the follow-up total is at least this many percent below the baseline. */
  readonly responseDropPercent: number;
  /** Remission: the follow-up total is below this. */
  readonly remissionBelow: number;
  /** Where the definitions come from (registry citations of `iopkit/sources`). */
  readonly sources: readonly Provenance[];
}

/** Licence terms of an instrument. */
export interface InstrumentLicence {
  /** `free` (no permission needed), `public-domain`, or `non-commercial` (free for non-commercial use only). */
  readonly kind: "free" | "public-domain" | "non-commercial";
  /** Whether scoring requires an explicit licence acknowledgement in the call (DAST-10). */
  readonly requiresAcknowledgement: boolean;
  /** The terms in a sentence. */
  readonly note: string;
  /** `false` when the terms come from a weak source; check them before you ship. */
  readonly verified: boolean;
}

/** The ages an instrument was validated for (whole years at administration). */
export interface InstrumentAges {
  /** The youngest age the instrument is validated for, e.g. 18 for an adult instrument. */
  readonly min: number;
  /** Where the age range comes from, and what to use for younger respondents. */
  readonly sources: readonly Provenance[];
}

/** LOINC codes of an instrument, where known. */
export interface LoincCodes {
  /** The total score's code (FHIR Observation.code for the score). */
  readonly total?: string;
  /** LOINC's display name of the total score's code (the coding's `display`). */
  readonly totalDisplay?: string;
  /** The panel's code (the whole questionnaire). */
  readonly panel?: string;
}

/** One instrument's scoring rules. */
export interface InstrumentDefinition {
  /** The instrument id. */
  readonly id: InstrumentId;
  /** Full name. */
  readonly name: string;
  /** Usual abbreviation, e.g. `"PHQ-9"`. */
  readonly shortName: string;
  /** The period the questions ask about, e.g. `"past 2 weeks"`. */
  readonly recallPeriod: string;
  /** Number of items; an answer list must have exactly this many entries. */
  readonly itemCount: number;
  /** The items, in order (`items[i].number === i + 1`). */
  readonly items: readonly ItemDefinition[];
  /** How the answers become scores. */
  readonly scoring: Scoring;
  /** Rules that flag a score for a clinician's attention. */
  readonly flags: readonly FlagRule[];
  /** Response and remission rules, where the source defines them. */
  readonly change?: ChangeRules;
  /**
   * The ages it is validated for, where it is an adult instrument: scoring a younger respondent
   * (`ageYears`) raises the flag `outside-validated-ages`.
   */
  readonly ages?: InstrumentAges;
  /** LOINC codes where known. */
  readonly loinc: LoincCodes;
  /** Licence terms. */
  readonly licence: InstrumentLicence;
  /**
   * Where the rules come from: registry citations (`iopkit/sources`: render each with
   * `formatCitation`), or `unverified` markers saying what no public source supports.
   */
  readonly sources: readonly Provenance[];
}

/**
 * Citations as text without the registry (so scoring does not bundle it): each registry id with
 * its section, or `unverified: …`, joined by `"; "` — e.g. `"cbe-1885-depression-response,
 * reduced by 50% or greater; mbc-depression-metrics-2020"`. Render with `formatCitation` from
 * `iopkit/sources` for people.
 * @internal
 */
export function citationIds(sources: readonly Provenance[]): string {
  return sources
    .map((p) =>
      "unverified" in p
        ? `unverified: ${p.unverified}`
        : p.section === undefined
          ? p.source
          : `${p.source}, ${p.section}`,
    )
    .join("; ");
}

const opts = (...labels: string[]): readonly AnswerOption[] =>
  labels.map((label, value) => ({ value, label }));

const FREQUENCY = /* @__PURE__ */ pure(() =>
  opts("Not at all", "Several days", "More than half the days", "Nearly every day"),
);
const BAM_DAYS = /* @__PURE__ */ pure(() =>
  opts("0 days", "1–3 days", "4–8 days", "9–15 days", "16–30 days"),
);
const BAM_INTENSITY = /* @__PURE__ */ pure(() =>
  opts("Not at all", "Slightly", "Moderately", "Considerably", "Extremely"),
);

const item = (
  number: number,
  topic: string,
  response: ItemResponse,
  extra: { reverse?: boolean; scored?: boolean; skipWhen?: SkipRule } = {},
): ItemDefinition => ({
  number,
  topic,
  response,
  reverse: extra.reverse ?? false,
  scored: extra.scored ?? true,
  ...(extra.skipWhen === undefined ? {} : { skipWhen: extra.skipWhen }),
});

const choice = (options: readonly AnswerOption[]): ItemResponse => ({ kind: "options", options });
const YES_NO: ItemResponse = { kind: "yes-no" };

const band = (id: string, label: string, min: number, max: number): BandDefinition => ({
  id,
  label,
  min,
  max,
});

const BAM_SOURCES: readonly Provenance[] = [
  { source: "cacciola-2013-bam" },
  {
    unverified:
      "the VA VISN 4 MIRECC BAM form and scoring (composites: use = items 4, 5, 6; risk = 1, 2, 3, 8, 11, 15; protective = 9, 10, 12, 13, 14, 16; items 7 and 17 in none), items coded 0–4 from the form's first to last answer, item 14 No = 0 / Yes = 4, and cut-offs use ≥ 1, risk ≥ 12, protective ≤ 12 per the Blueprint BAM scoring guide: not checked against the VA manual, and the composites are not in cacciola-2013-bam",
  },
];

/**
 * PHQ-9 (Patient Health Questionnaire, depression). 9 items 0–3, total 0–27; bands 0–4 minimal,
 * 5–9 mild, 10–14 moderate, 15–19 moderately severe, 20–27 severe; item 9 (thoughts of death or
 * self-harm) above 0 needs follow-up; from a baseline of 10 or more, response = ≥ 50% drop and
 * remission = total < 5 (CMS159; CBE 1885). LOINC total 44261-6, panel 44249-1. Free (phq-screeners). Source: kroenke-2001-phq9; Kroenke, Spitzer & Williams (2001),
 * J Gen Intern Med 16:606–613.
 */
const phq9: InstrumentDefinition = /* @__PURE__ */ pure(() => ({
  id: "phq-9",
  name: "Patient Health Questionnaire-9",
  shortName: "PHQ-9",
  recallPeriod: "past 2 weeks",
  itemCount: 9,
  items: [
    "Little interest or pleasure in doing things",
    "Feeling down, depressed or hopeless",
    "Trouble falling or staying asleep, or sleeping too much",
    "Feeling tired or having little energy",
    "Poor appetite or overeating",
    "Feeling bad about yourself",
    "Trouble concentrating",
    "Moving or speaking slowly, or being fidgety or restless",
    "Thoughts of being better off dead or of hurting yourself",
  ].map((topic, i) => item(i + 1, topic, choice(FREQUENCY))),
  scoring: {
    kind: "sum",
    min: 0,
    max: 27,
    bands: [
      band("minimal", "Minimal", 0, 4),
      band("mild", "Mild", 5, 9),
      band("moderate", "Moderate", 10, 14),
      band("moderately-severe", "Moderately severe", 15, 19),
      band("severe", "Severe", 20, 27),
    ],
  },
  flags: [
    {
      kind: "item-at-least",
      item: 9,
      atLeast: 1,
      code: "suicidal-ideation",
      message:
        "Item 9 (thoughts of being better off dead or of self-harm) was answered above 'Not at all': a clinician must follow up (suicide risk assessment), whatever the total.",
      sources: [
        { source: "phq-screeners" },
        {
          unverified: "the follow-up wording is standard practice, not quoted from the PHQ manual",
        },
      ],
    },
  ],
  change: {
    minBaseline: 10,
    responseDropPercent: 50,
    remissionBelow: 5,
    sources: [
      {
        source: "cms159-depression-remission",
        section: "initial PHQ-9 greater than nine; remission below five",
      },
      { source: "cbe-1885-depression-response", section: "reduced by 50% or greater" },
      { source: "mbc-depression-metrics-2020" },
    ],
  },
  loinc: {
    total: "44261-6",
    totalDisplay: "Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]",
    panel: "44249-1",
  },
  licence: {
    kind: "free",
    requiresAcknowledgement: false,
    note: "Free to use: no permission required to reproduce, translate, display or distribute (phq-screeners).",
    verified: true,
  },
  sources: [{ source: "kroenke-2001-phq9" }, { source: "phq-screeners" }],
}));

/**
 * GAD-7 (Generalized Anxiety Disorder-7). 7 items 0–3, total 0–21; bands 0–4 minimal, 5–9 mild,
 * 10–14 moderate, 15–21 severe. LOINC total 70274-6, panel 69737-5. Free. No response or remission
 * rule is defined (none found in a source), so change reports only the change itself.
 * Source: spitzer-2006-gad7, Spitzer et al. (2006), Arch Intern Med 166:1092–1097.
 */
const gad7: InstrumentDefinition = /* @__PURE__ */ pure(() => ({
  id: "gad-7",
  name: "Generalized Anxiety Disorder-7",
  shortName: "GAD-7",
  recallPeriod: "past 2 weeks",
  itemCount: 7,
  items: [
    "Feeling nervous, anxious or on edge",
    "Not being able to stop or control worrying",
    "Worrying too much about different things",
    "Trouble relaxing",
    "Being so restless that it is hard to sit still",
    "Becoming easily annoyed or irritable",
    "Feeling afraid as if something awful might happen",
  ].map((topic, i) => item(i + 1, topic, choice(FREQUENCY))),
  scoring: {
    kind: "sum",
    min: 0,
    max: 21,
    bands: [
      band("minimal", "Minimal", 0, 4),
      band("mild", "Mild", 5, 9),
      band("moderate", "Moderate", 10, 14),
      band("severe", "Severe", 15, 21),
    ],
  },
  flags: [],
  loinc: {
    total: "70274-6",
    totalDisplay: "Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]",
    panel: "69737-5",
  },
  licence: {
    kind: "free",
    requiresAcknowledgement: false,
    note: "Free to use, distributed with the PHQ screeners under the same terms (phq-screeners).",
    verified: true,
  },
  sources: [{ source: "spitzer-2006-gad7" }, { source: "phq-screeners" }],
}));

/**
 * AUDIT-C (alcohol consumption questions of the WHO AUDIT). 3 items 0–4, total 0–12; positive
 * screen men ≥ 4, women ≥ 3 (sex is an input); an adult instrument (18 and over). LOINC total
 * 75626-2 (US Core STU7 example), panel 72109-2.
 * WHO, generally free (unverified). Source: bush-1998-audit-c, Bush et al. (1998) Arch
 * Intern Med 158:1789–1795.
 */
const auditC: InstrumentDefinition = /* @__PURE__ */ pure(() => ({
  id: "audit-c",
  name: "Alcohol Use Disorders Identification Test – Consumption",
  shortName: "AUDIT-C",
  recallPeriod: "past year",
  itemCount: 3,
  items: [
    item(
      1,
      "How often a drink containing alcohol",
      choice(
        opts(
          "Never",
          "Monthly or less",
          "2–4 times a month",
          "2–3 times a week",
          "4 or more times a week",
        ),
      ),
    ),
    item(
      2,
      "Standard drinks on a typical drinking day",
      choice(opts("1 or 2", "3 or 4", "5 or 6", "7 to 9", "10 or more")),
    ),
    item(
      3,
      "How often six or more drinks on one occasion",
      choice(opts("Never", "Less than monthly", "Monthly", "Weekly", "Daily or almost daily")),
    ),
  ],
  scoring: {
    kind: "sum-by-sex",
    min: 0,
    max: 12,
    bands: {
      male: [band("negative", "Negative screen", 0, 3), band("positive", "Positive screen", 4, 12)],
      female: [
        band("negative", "Negative screen", 0, 2),
        band("positive", "Positive screen", 3, 12),
      ],
    },
  },
  flags: [
    {
      kind: "only-item-scored",
      item: 1,
      inBands: ["positive"],
      code: "points-from-frequency-only",
      message:
        "Positive only through item 1 (drinking frequency) with items 2 and 3 at 0: the person may drink below recommended limits; review their intake.",
      sources: [
        { source: "hl7-us-core-7", section: "AUDIT-C example Observation note" },
        { source: "bradley-2003-audit-c-women" },
      ],
    },
  ],
  loinc: { total: "75626-2", totalDisplay: "Total score [AUDIT-C]", panel: "72109-2" },
  ages: {
    min: 18,
    sources: [
      { source: "bush-1998-audit-c", section: "adult VA patients" },
      { source: "bradley-2003-audit-c-women" },
      { unverified: "adolescent cut-offs differ" },
      { source: "knight-1999-crafft", section: "for under-18s: the CRAFFT, ages 12–21" },
    ],
  },
  licence: {
    kind: "free",
    requiresAcknowledgement: false,
    note: "WHO instrument, generally free to use (unverified).",
    verified: false,
  },
  sources: [
    { source: "bush-1998-audit-c" },
    { source: "hl7-us-core-7", section: "AUDIT-C screening example: men ≥ 4, women ≥ 3" },
    { source: "bradley-2003-audit-c-women" },
  ],
}));

/**
 * DAST-10 (Drug Abuse Screening Test). 10 yes/no items, 1 point each, item 3 reverse-scored ("no"
 * to "always able to stop when you want to" scores 1); bands 0 none, 1–2 low, 3–5 moderate,
 * 6–8 substantial, 9–10 severe. **Free for non-commercial use only**: scoring requires an explicit
 * licence acknowledgement. An adult instrument (18 and over). LOINC total 82667-7. Source:
 * skinner-1982-dast, Skinner HA (1982) Addict Behav 7:363–371; licence camh-dast-10; bands
 * unverified against a public CAMH scoring guide.
 */
const dast10: InstrumentDefinition = /* @__PURE__ */ pure(() => ({
  id: "dast-10",
  name: "Drug Abuse Screening Test (10 items)",
  shortName: "DAST-10",
  recallPeriod: "past 12 months",
  itemCount: 10,
  items: [
    "Used drugs other than for medical reasons",
    "Used more than one drug at a time",
    "Always able to stop using drugs when wanted",
    "Blackouts or flashbacks from drug use",
    "Feeling bad or guilty about drug use",
    "Spouse or parents complain about drug use",
    "Neglected family because of drug use",
    "Illegal activities to obtain drugs",
    "Withdrawal symptoms when stopping drugs",
    "Medical problems from drug use",
  ].map((topic, i) => item(i + 1, topic, YES_NO, { reverse: i === 2 })),
  scoring: {
    kind: "sum",
    min: 0,
    max: 10,
    bands: [
      band("none", "No problems reported", 0, 0),
      band("low", "Low", 1, 2),
      band("moderate", "Moderate", 3, 5),
      band("substantial", "Substantial", 6, 8),
      band("severe", "Severe", 9, 10),
    ],
  },
  flags: [],
  loinc: { total: "82667-7", totalDisplay: "Total score [DAST-10]" },
  ages: {
    min: 18,
    sources: [
      { source: "skinner-1982-dast", section: "an adult instrument" },
      { source: "camh-dast-10" },
      { unverified: "a separate adolescent version (DAST-A) exists" },
      { source: "knight-1999-crafft", section: "for under-18s: the CRAFFT, ages 12–21" },
    ],
  },
  licence: {
    kind: "non-commercial",
    requiresAcknowledgement: true,
    note: 'Free for non-commercial use only; commercial use needs permission from the copyright holder. Scoring requires `{ licence: "non-commercial" }`.',
    verified: true,
  },
  sources: [
    { source: "skinner-1982-dast" },
    { source: "camh-dast-10", section: "licence" },
    { unverified: "the DAST-10 bands" },
  ],
}));

/**
 * BAM (Brief Addiction Monitor, VA), categorical version: 17 items on the past 30 days. Items are
 * coded 0–4 (item 7 is a days code per substance, 7A–7G). No total; three composites — use (items
 * 4, 5, 6; 0–12), risk (1, 2, 3, 8, 11, 15; 0–24), protective (9, 10, 12, 13, 14, 16; 0–24).
 * Items 7 and 17 are in no composite. No item is reverse-scored: a higher protective score means
 * more protection. Item 5 may be skipped when item 4 is 0, item 7 when item 6 is 0.
 * Cut-offs (use ≥ 1, risk ≥ 12, protective ≤ 12) and item 14's 0/4 coding: unverified.
 * Licence: VA, likely public domain (unverified).
 */
const bam: InstrumentDefinition = /* @__PURE__ */ pure(() => ({
  id: "bam",
  name: "Brief Addiction Monitor",
  shortName: "BAM",
  recallPeriod: "past 30 days",
  itemCount: 17,
  items: [
    item(1, "Physical health", choice(opts("Excellent", "Very good", "Good", "Fair", "Poor"))),
    item(2, "Nights with trouble falling or staying asleep", choice(BAM_DAYS)),
    item(3, "Days felt depressed, anxious, angry or very upset most of the day", choice(BAM_DAYS)),
    item(4, "Days drank any alcohol", choice(BAM_DAYS)),
    item(5, "Days with heavy drinking: 5+ drinks, or 4+ if female or over 65", choice(BAM_DAYS), {
      skipWhen: { item: 4, equals: 0 },
    }),
    item(6, "Days used illegal or street drugs or misused prescription drugs", choice(BAM_DAYS)),
    item(
      7,
      "Days used each drug, 7A–7G",
      { kind: "substance-days", options: BAM_DAYS },
      { scored: false, skipWhen: { item: 6, equals: 0 } },
    ),
    item(8, "Bothered by cravings or urges to drink or use drugs", choice(BAM_INTENSITY)),
    item(
      9,
      "Confidence in staying completely abstinent in the next 30 days",
      choice(BAM_INTENSITY),
    ),
    item(10, "Days attended self-help meetings", choice(BAM_DAYS)),
    item(11, "Days in risky situations or with people who raise the risk of use", choice(BAM_DAYS)),
    item(12, "Religion or spirituality supports recovery", choice(BAM_INTENSITY)),
    item(13, "Days spent at work, school or volunteering", choice(BAM_DAYS)),
    item(
      14,
      "Enough income from legal sources to pay for necessities",
      choice([
        { value: 0, label: "No" },
        { value: 4, label: "Yes" },
      ]),
    ),
    item(15, "Troubled by arguments or problems with family or friends", choice(BAM_INTENSITY)),
    item(16, "Days in contact with family or friends who support recovery", choice(BAM_DAYS)),
    item(17, "Satisfied with progress towards recovery goals", choice(BAM_INTENSITY), {
      scored: false,
    }),
  ],
  scoring: {
    kind: "composites",
    composites: [
      {
        id: "use",
        label: "Use",
        items: [4, 5, 6],
        min: 0,
        max: 12,
        higherIsBetter: false,
        bands: [band("no-use", "No use", 0, 0), band("use", "Any use (≥ 1)", 1, 12)],
      },
      {
        id: "risk",
        label: "Risk factors",
        items: [1, 2, 3, 8, 11, 15],
        min: 0,
        max: 24,
        higherIsBetter: false,
        bands: [
          band("below-cut-off", "Below cut-off", 0, 11),
          band("elevated", "Elevated risk (≥ 12)", 12, 24),
        ],
      },
      {
        id: "protective",
        label: "Protective factors",
        items: [9, 10, 12, 13, 14, 16],
        min: 0,
        max: 24,
        higherIsBetter: true,
        bands: [
          band("low", "Low protection (≤ 12)", 0, 12),
          band("above-cut-off", "Above cut-off", 13, 24),
        ],
      },
    ],
  },
  flags: [
    {
      kind: "not-above",
      item: 5,
      limitItem: 4,
      code: "inconsistent-answers",
      message:
        "Days of heavy drinking (item 5) are above days of any drinking (item 4): check the answers.",
      sources: [
        { source: "cacciola-2013-bam" },
        { unverified: "the BAM form: item 5 counts a subset of item 4's days" },
      ],
    },
    {
      kind: "not-above",
      item: 7,
      limitItem: 6,
      code: "inconsistent-answers",
      message:
        "Days of use of one drug (item 7) are above days of any drug use (item 6): check the answers.",
      sources: [
        { source: "cacciola-2013-bam" },
        { unverified: "the BAM form: item 7 elaborates item 6" },
      ],
    },
  ],
  loinc: {},
  ages: {
    min: 18,
    sources: [
      { source: "cacciola-2013-bam", section: "adult patients" },
      { unverified: "not validated for adolescents" },
      { source: "knight-1999-crafft", section: "for under-18s: the CRAFFT, ages 12–21" },
    ],
  },
  licence: {
    kind: "public-domain",
    requiresAcknowledgement: false,
    note: "US Department of Veterans Affairs instrument, likely public domain (unverified).",
    verified: false,
  },
  sources: BAM_SOURCES,
}));

/**
 * The scoring rules of every instrument iopkit scores, by id: items and their allowed answers,
 * reverse-scored items, bands with labels, cut-offs, flags, change rules, LOINC codes, licence and
 * source. Read it to show a clinician why a score got its band, or to build a form.
 *
 * Sources: each entry's `sources` (registry citations of `iopkit/sources`); figures
 * marked unverified there (AUDIT-C licence, BAM licence, coding and cut-offs) are flagged with
 * `licence.verified: false` or as `unverified` markers in `sources`.
 *
 * @example
 * ```ts
 * instruments["phq-9"].scoring; // { kind: "sum", min: 0, max: 27, bands: [...] }
 * instruments["dast-10"].items[2]?.reverse; // true
 * ```
 */
export const instruments: Readonly<Record<InstrumentId, InstrumentDefinition>> = {
  "phq-9": phq9,
  "gad-7": gad7,
  "audit-c": auditC,
  "dast-10": dast10,
  bam,
};
