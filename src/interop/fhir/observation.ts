/**
 * Drug-test results and measure scores → Observations (category laboratory and survey). @internal
 */
import type { CodeableConcept, Extension, Observation, Quantity } from "@medplum/fhirtypes";
import { formatInstant, toEpochMs, type ParticipantId } from "../../core/index";
import { drugTestFindings, type DrugTestResult } from "../../attendance/index";
import { instruments, type MeasureScore, type ScoreBand } from "../../measures/index";
import { opt, optList, parts, type Draft, type FhirContext } from "./context";
import { drugTestResultConcepts } from "./code-systems";
import { fhirCodeSystems, fhirExtensions, hl7 } from "./fhir-urls";

/**
 * A scored administration of one participant, for export. `MeasureScore` itself names no one.
 */
export interface ScoredMeasure {
  /** Whose score it is. */
  readonly participantId: ParticipantId;
  /** The score, from `scoreAdministration`, `scorePhq9` and the like. */
  readonly score: MeasureScore;
  /**
   * Your id of this record, used as the Observation's identifier value. @defaultValue
   * `<participantId>/<instrument>/<administeredOn>` (`undated` when the score has no date)
   */
  readonly id?: string;
}

const category = (code: "laboratory" | "survey", display: string): CodeableConcept[] => [
  { coding: [{ system: hl7.observationCategory, code, display }] },
];

const resultConcept = (result: keyof typeof drugTestResultConcepts): CodeableConcept => {
  const display = drugTestResultConcepts[result][0];
  return {
    coding: [{ system: fhirCodeSystems.drugTestResult, code: result, display }],
    text: display,
  };
};

/** v3 ObservationInterpretation codes a drug test uses (`hl7-terminology`, v3-ObservationInterpretation). */
const INTERPRETATIONS = {
  POS: "Positive",
  NEG: "Negative",
  EXP: "Expected",
  UNE: "Unexpected",
} as const;

const interpretation = (code: keyof typeof INTERPRETATIONS): CodeableConcept[] => [
  { coding: [{ system: hl7.interpretation, code, display: INTERPRETATIONS[code] }] },
];

/** The drug test's identifier value: participant and collection instant (in UTC). */
export const drugTestKey = (test: DrugTestResult): string =>
  `${test.participantId}/${formatInstant(toEpochMs(test.collectedAt), 0)}`;

const substance = (
  name: string,
  value: "positive" | "negative",
  code: "POS" | "EXP" | "UNE",
): NonNullable<Observation["component"]>[number] => ({
  code: { text: name },
  valueCodeableConcept: resultConcept(value),
  interpretation: interpretation(code),
});

/**
 * A drug-test result: code iopkit `drug-screen`, category laboratory, status `final`. Negative,
 * positive and the specimen outcomes (dilute, adulterated, substituted, invalid) are the value; a
 * negative, and a positive that found only expected (prescribed) substances, have interpretation
 * `NEG`, any other positive `POS`; a refusal has no value but `dataAbsentReason` `asked-declined`,
 * a missed test `not-performed`. Each substance becomes a component (code text = the substance):
 * found and unexpected — value positive, interpretation `POS`; found and expected — positive,
 * `EXP` (Expected); expected and not found — negative, `UNE` (Unexpected: the result to review).
 * `observed` and `confirmed` go in the `drugTest` extension.
 */
export function drugTestDraft(ctx: FhirContext, test: DrugTestResult): Draft {
  const value = drugTestKey(test);
  const r = test.result;
  const absent = r === "refused" || r === "missed";
  const found = drugTestFindings(test);
  const unexpectedPositive = found.unexpected.length > 0 || (test.substances ?? []).length === 0;
  const resource: Observation = {
    resourceType: "Observation",
    ...(test.observed === undefined && test.confirmed === undefined
      ? {}
      : {
          extension: [
            parts(fhirExtensions.drugTest, {
              observed: test.observed === undefined ? undefined : { valueBoolean: test.observed },
              confirmed:
                test.confirmed === undefined ? undefined : { valueBoolean: test.confirmed },
            }),
          ],
        }),
    identifier: [ctx.identifier("drug-test", value)],
    status: "final",
    category: category("laboratory", "Laboratory"),
    code: {
      coding: [{ system: fhirCodeSystems.drugTest, code: "drug-screen", display: "Drug screen" }],
      text: "Drug screen",
    },
    subject: ctx.patient(test.participantId),
    effectiveDateTime: ctx.instant(test.collectedAt),
    ...(absent
      ? {
          dataAbsentReason: {
            coding: [
              r === "refused"
                ? {
                    system: hl7.dataAbsentReason,
                    code: "asked-declined",
                    display: "Asked But Declined",
                  }
                : { system: hl7.dataAbsentReason, code: "not-performed", display: "Not Performed" },
            ],
            text: r === "refused" ? "Refused" : "Missed",
          },
        }
      : { valueCodeableConcept: resultConcept(r) }),
    ...(r === "positive" || r === "negative"
      ? { interpretation: interpretation(r === "positive" && unexpectedPositive ? "POS" : "NEG") }
      : {}),
    ...optList("component", [
      ...found.unexpected.map((s) => substance(s, "positive", "POS")),
      ...found.expectedFound.map((s) => substance(s, "positive", "EXP")),
      ...found.expectedAbsent.map((s) => substance(s, "negative", "UNE")),
    ]),
  };
  return {
    resource,
    kind: "drug-test",
    value,
    sud: true,
    sortKey: `${formatInstant(toEpochMs(test.collectedAt), 0)}|${value}`,
  };
}

/** The band of a score, as the `scoreBand` extension (not an HL7 interpretation). */
const bandExtension = (band: ScoreBand): Extension => ({
  url: fhirExtensions.scoreBand,
  valueCoding: { system: fhirCodeSystems.scoreBand, code: band.id, display: band.label },
});

/** A score as US Core gives screening totals: a quantity in UCUM's `{score}`. */
const scoreQuantity = (value: number): Quantity => ({
  value,
  unit: "{score}",
  system: hl7.ucum,
  code: "{score}",
});

/** Instruments about substance use: their scores get the Part 2 labels in any program. */
const SUD_INSTRUMENTS: readonly string[] = ["audit-c", "dast-10", "bam"];

/** The measure's identifier value. */
export const measureKey = (m: ScoredMeasure): string =>
  m.id ?? `${m.participantId}/${m.score.instrument}/${m.score.administeredOn ?? "undated"}`;

/**
 * A measure score: category survey, status `final`, code the instrument's LOINC total code where
 * it has one (PHQ-9 44261-6, GAD-7 70274-6, AUDIT-C 75626-2, DAST-10 82667-7; with LOINC's
 * display) and always iopkit's instrument code; the total as `valueQuantity` in UCUM `{score}`
 * (as US Core's screening examples give it) with its band in the `scoreBand` extension; BAM's
 * three composites as components (no total: none is validated); flags as notes.
 */
export function measureDraft(ctx: FhirContext, m: ScoredMeasure): Draft {
  const s = m.score;
  const def = instruments[s.instrument];
  const value = measureKey(m);
  const resource: Observation = {
    resourceType: "Observation",
    identifier: [ctx.identifier("measure", value)],
    status: "final",
    category: category("survey", "Survey"),
    code: {
      coding: [
        ...(def.loinc.total === undefined
          ? []
          : [
              {
                system: hl7.loinc,
                code: def.loinc.total,
                ...opt("display", def.loinc.totalDisplay),
              },
            ]),
        { system: fhirCodeSystems.instrument, code: s.instrument, display: def.shortName },
      ],
      text: def.name,
    },
    subject: ctx.patient(m.participantId),
    ...opt("effectiveDateTime", s.administeredOn),
    ...(s.instrument === "bam"
      ? {
          component: (["use", "risk", "protective"] as const).map((c) => ({
            code: {
              coding: [{ system: fhirCodeSystems.bamComposite, code: c, display: `BAM ${c}` }],
            },
            extension: [bandExtension(s.composites[c].band)],
            valueQuantity: scoreQuantity(s.composites[c].score),
          })),
        }
      : { extension: [bandExtension(s.band)], valueQuantity: scoreQuantity(s.total) }),
    ...optList(
      "note",
      s.flags.map((f) => ({ text: f.message })),
    ),
  };
  return {
    resource,
    kind: "measure",
    value,
    sud: ctx.sudProgram || SUD_INSTRUMENTS.includes(s.instrument),
    sortKey: `${m.participantId}|${s.administeredOn ?? ""}|${value}`,
  };
}
