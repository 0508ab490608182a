/**
 * What every iopkit.dev code system and extension means, read from the tables the code itself
 * uses (levels of care, session types, instruments and their bands, drug-test outcomes, consent
 * kinds), so a receiving system can interpret the codes `toFhirBundle` writes. The docs build
 * renders it as the page "FHIR code systems and extensions"; a test proves it lists every code
 * system and extension `toFhirBundle` uses. Not in the package's API. @internal
 */
import { levelOfCareIds, levelsOfCare, sessionTypes } from "../../program/index";
import { instruments } from "../../measures/index";
import { informationKinds } from "../../participant/index";
import { fhirCodeSystems, fhirExtensions } from "./fhir-urls";

/** One code of a code system. @internal */
export interface CodeSystemConcept {
  readonly code: string;
  readonly display: string;
  /** The code system version the code belongs to, where codes differ by version (ASAM edition). */
  readonly version?: string;
  readonly definition: string;
}

/** One iopkit code system. @internal */
export interface CodeSystemPage {
  readonly key: keyof typeof fhirCodeSystems;
  readonly url: string;
  readonly description: string;
  readonly concepts: readonly CodeSystemConcept[];
}

/** One iopkit extension and its parts. @internal */
export interface ExtensionPage {
  readonly key: keyof typeof fhirExtensions;
  readonly url: string;
  readonly on: string;
  readonly parts: readonly {
    readonly name: string;
    readonly type: string;
    readonly meaning: string;
  }[];
}

/** Displays and meanings of the drug-test result codes (specimen terms: HHS Mandatory Guidelines 2017). @internal */
export const drugTestResultConcepts = {
  negative: ["Negative", "No substance found at the panel's cut-offs."],
  positive: [
    "Positive",
    "A substance found; each is a component. Interpretation NEG when every substance found was expected (prescribed), POS otherwise.",
  ],
  dilute: [
    "Dilute specimen",
    "Creatinine and specific gravity lower than expected; neither negative nor positive.",
  ],
  adulterated: [
    "Adulterated specimen",
    "A substance not normally in urine, or a normal one at an abnormal concentration; not a negative.",
  ],
  substituted: ["Substituted specimen", "Not consistent with human urine; not a negative."],
  invalid: ["Invalid result", "The laboratory could establish no other result; not a negative."],
} as const satisfies Record<string, readonly [string, string]>;

const bandsOf = (id: keyof typeof instruments): CodeSystemConcept[] => {
  const s = instruments[id].scoring;
  const name = instruments[id].shortName;
  const list =
    s.kind === "sum"
      ? s.bands.map((b) => ({ b, who: "" }))
      : s.kind === "sum-by-sex"
        ? (["female", "male"] as const).flatMap((sex) =>
            s.bands[sex].map((b) => ({ b, who: ` (${sex})` })),
          )
        : s.composites.flatMap((c) => c.bands.map((b) => ({ b, who: ` (${c.label})` })));
  return list.map(({ b, who }) => ({
    code: b.id,
    display: b.label,
    definition: `${name}${who}: ${b.min}–${b.max}`,
  }));
};

/** Every iopkit code system with its codes, from the code's own tables. @internal */
export function codeSystemPages(): CodeSystemPage[] {
  const cs = fhirCodeSystems;
  return [
    {
      key: "levelOfCare",
      url: cs.levelOfCare,
      description:
        "ASAM levels of care by their ASAM code; Coding.version is the ASAM Criteria edition (3 = 2013, 4 = 2023). Sent only for programs that serve substance use (the ASAM Criteria cover addiction and co-occurring care); mental-health-only and eating-disorder programs send the level concept alone.",
      concepts: levelsOfCare.map((l) => ({
        code: l.code,
        display: l.name,
        version: String(l.edition),
        definition: `ASAM ${l.edition === 3 ? "3rd" : "4th"} edition; iopkit concept ${l.id}`,
      })),
    },
    {
      key: "levelOfCareConcept",
      url: cs.levelOfCareConcept,
      description: "iopkit's edition-independent level-of-care concepts, least intensive first.",
      concepts: levelOfCareIds.map((id) => ({
        code: id,
        display: id,
        definition: `ASAM levels: ${
          levelsOfCare
            .filter((l) => l.id === id)
            .map((l) => `${l.code} (ed. ${l.edition})`)
            .join(", ") || "none"
        }`,
      })),
    },
    {
      key: "sessionType",
      url: cs.sessionType,
      description: "Kinds of IOP session (Appointment.serviceType, PlanDefinition actions).",
      concepts: Object.values(sessionTypes).map((t) => ({
        code: t.id,
        display: t.name,
        definition: t.description,
      })),
    },
    {
      key: "drugTest",
      url: cs.drugTest,
      description:
        "The drug test itself (Observation.code): a local code; LOINC has many panel and analyte codes, and a program may supply its own.",
      concepts: [
        { code: "drug-screen", display: "Drug screen", definition: "A drug test of any panel." },
      ],
    },
    {
      key: "drugTestResult",
      url: cs.drugTestResult,
      description:
        "A drug test's result (Observation.valueCodeableConcept). A refused or missed test has no value but a dataAbsentReason (asked-declined, not-performed).",
      concepts: Object.entries(drugTestResultConcepts).map(([code, [display, definition]]) => ({
        code,
        display,
        definition,
      })),
    },
    {
      key: "instrument",
      url: cs.instrument,
      description: "Outcome instruments, beside the LOINC total code where one exists.",
      concepts: Object.values(instruments).map((d) => ({
        code: d.id,
        display: d.shortName,
        definition: `${d.name}${d.loinc.total === undefined ? "" : `; LOINC total ${d.loinc.total}`}${d.loinc.panel === undefined ? "" : `, panel ${d.loinc.panel}`}`,
      })),
    },
    {
      key: "scoreBand",
      url: cs.scoreBand,
      description:
        "A score's severity band (the score-band extension); the same code may mean different ranges in different instruments.",
      concepts: (Object.keys(instruments) as (keyof typeof instruments)[]).flatMap(bandsOf),
    },
    {
      key: "bamComposite",
      url: cs.bamComposite,
      description: "The Brief Addiction Monitor's composites (Observation.component.code).",
      concepts:
        instruments.bam.scoring.kind === "composites"
          ? instruments.bam.scoring.composites.map((c) => ({
              code: c.id,
              display: `BAM ${c.id}`,
              definition: `${c.label}: items ${c.items.join(", ")}; ${c.min}–${c.max}${c.higherIsBetter ? "; higher is better" : ""}`,
            }))
          : [],
    },
    {
      key: "informationKind",
      url: cs.informationKind,
      description: "Kinds of information a Part 2 consent covers (Consent.provision.class).",
      concepts: informationKinds.map((k) => ({ code: k, display: k, definition: k })),
    },
    {
      key: "disclosurePurpose",
      url: cs.disclosurePurpose,
      description:
        "Disclosure purposes with no v3-ActReason code (the others use TREAT, HPAYMT, HOPERAT, HRESCH, HLEGAL).",
      concepts: [
        { code: "audit", display: "audit", definition: "Audit or evaluation of the program." },
        {
          code: "patient-request",
          display: "patient request",
          definition: "A disclosure the patient asks for, to a recipient of their choosing.",
        },
        { code: "other", display: "other", definition: "A purpose the consent states in words." },
      ],
    },
  ];
}

/** Every iopkit extension with its parts. @internal */
export function extensionPages(): ExtensionPage[] {
  const x = fhirExtensions;
  return [
    {
      key: "phase",
      url: x.phase,
      on: "EpisodeOfCare.statusHistory, CarePlan.activity.detail, Appointment",
      parts: [
        { name: "id", type: "valueString", meaning: "the phase id" },
        { name: "reason", type: "valueCode", meaning: "admission, step-down or step-up" },
      ],
    },
    {
      key: "discharge",
      url: x.discharge,
      on: "EpisodeOfCare",
      parts: [
        { name: "type", type: "valueCode", meaning: "the discharge type" },
        { name: "reason", type: "valueCode", meaning: "the discharge reason" },
        { name: "referredTo", type: "valueCodeableConcept", meaning: "a level of care" },
      ],
    },
    {
      key: "attendance",
      url: x.attendance,
      on: "Appointment",
      parts: [
        {
          name: "status",
          type: "valueCode",
          meaning: "present, late, left-early, absent-excused, absent-unexcused",
        },
        { name: "lateMinutes", type: "valueInteger", meaning: "minutes late" },
        { name: "leftEarlyMinutes", type: "valueInteger", meaning: "minutes left early" },
      ],
    },
    {
      key: "delivery",
      url: x.delivery,
      on: "Appointment and Encounter",
      parts: [
        {
          name: "mode",
          type: "valueCode",
          meaning: "how the participant attends: in-person, video or phone",
        },
        {
          name: "sessionMode",
          type: "valueCode",
          meaning: "how the session is delivered: in-person, video, phone or hybrid",
        },
        {
          name: "placeOfService",
          type: "valueCoding",
          meaning: "the CMS place-of-service code (CMS Place of Service Code Set, 2025)",
        },
        { name: "room", type: "valueString", meaning: "the room's id in the program" },
      ],
    },
    {
      key: "drugTest",
      url: x.drugTest,
      on: "a drug-test Observation",
      parts: [
        { name: "observed", type: "valueBoolean", meaning: "the collection was observed" },
        { name: "confirmed", type: "valueBoolean", meaning: "a laboratory confirmed the positive" },
      ],
    },
    {
      key: "scoreBand",
      url: x.scoreBand,
      on: "a measure Observation and each BAM composite component",
      parts: [
        {
          name: "(the extension)",
          type: "valueCoding",
          meaning: "the band, in the score-band code system",
        },
      ],
    },
    {
      key: "part2Consent",
      url: x.part2Consent,
      on: "Consent",
      parts: [
        {
          name: "statesRightToRevoke",
          type: "valueBoolean",
          meaning: "the consent states the right to revoke",
        },
        {
          name: "coversAllTpo",
          type: "valueBoolean",
          meaning: "a single consent for all treatment, payment and health care operations",
        },
        { name: "amount", type: "valueString", meaning: "how much and what kind of information" },
        {
          name: "expiryEvent",
          type: "valueString",
          meaning: "the event on which the consent expires",
        },
        { name: "noExpiry", type: "valueBoolean", meaning: "no expiry (a TPO consent)" },
        { name: "revokedOn", type: "valueDate", meaning: "the date of revocation" },
      ],
    },
    {
      key: "recipientClass",
      url: x.recipientClass,
      on: "Consent.provision.actor",
      parts: [
        {
          name: "(the extension)",
          type: "valueBoolean",
          meaning: "true: a class of recipients, not a named one",
        },
      ],
    },
  ];
}

const cell = (s: string): string => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

/** The Markdown page: one section per code system, then the extensions. @internal */
export function codeSystemsMarkdown(): string {
  const out = [
    "---",
    "title: FHIR code systems and extensions",
    "---",
    "",
    "# FHIR code systems and extensions",
    "",
    "Every code system and extension iopkit writes under `https://iopkit.dev/fhir`, with what each code means, so a receiving system can read them. Canonical URLs are names: nothing has to answer at them. This page is generated from iopkit's own tables when the documentation is built.",
    "",
  ];
  for (const c of codeSystemPages()) {
    out.push(`## ${c.key}`, "", `\`${c.url}\` — ${c.description}`, "");
    const versioned = c.concepts.some((k) => k.version !== undefined);
    out.push(versioned ? "| code | version | display | meaning |" : "| code | display | meaning |");
    out.push(versioned ? "| --- | --- | --- | --- |" : "| --- | --- | --- |");
    for (const k of c.concepts)
      out.push(
        versioned
          ? `| \`${k.code}\` | ${k.version ?? ""} | ${cell(k.display)} | ${cell(k.definition)} |`
          : `| \`${k.code}\` | ${cell(k.display)} | ${cell(k.definition)} |`,
      );
    out.push("");
  }
  out.push("## Extensions", "");
  for (const e of extensionPages()) {
    out.push(
      `### ${e.key}`,
      "",
      `\`${e.url}\`, on ${e.on}.`,
      "",
      "| part | type | meaning |",
      "| --- | --- | --- |",
    );
    for (const p of e.parts) out.push(`| ${cell(p.name)} | ${p.type} | ${cell(p.meaning)} |`);
    out.push("");
  }
  return out.join("\n");
}
