/**
 * The import report every FHIR reader returns: what was read, and every element, code, extension
 * or resource that could not be mapped, with its FHIR path and why. Nothing is dropped silently.
 */

/**
 * Why something in the input was not (fully) mapped:
 * - `invalid-resource` — not a FHIR resource (not an object, no `resourceType`): skipped;
 * - `unsupported-resource` — a resource type the readers do not map (e.g. `Practitioner`): skipped;
 * - `missing-element` — an element the record needs is absent (e.g. an Observation's date): the
 *   resource is skipped, or the field left out, as the message says;
 * - `invalid-value` — an element of the wrong JSON type or form (e.g. `birthDate: "20/02/1987"`);
 * - `unknown-code` — a code the reader does not know (an answer code, a status): the element is
 *   ignored, or the resource skipped, as the message says;
 * - `unknown-extension` — an extension the readers do not map: ignored (once per URL and resource);
 * - `unknown-modifier-extension` — a `modifierExtension` the readers do not know: it may change the
 *   meaning of the resource, so the resource is skipped (FHIR R4 §2.4.1);
 * - `unresolved-reference` — a reference to a resource the input does not hold;
 * - `not-mapped` — an element iopkit has no field for (race, a coverage's payer, PHQ-9's
 *   difficulty question): read, kept out of the records, listed here;
 * - `total-mismatch` — the sender's total differs from iopkit's score of the same items (iopkit's
 *   total is the one kept);
 * - `incomplete-answers` — a panel or form without every scored item: not re-scored, its total
 *   (when sent) kept as a total alone;
 * - `not-scored` — answers or a total that cannot be banded: AUDIT-C without the respondent's sex;
 * - `consent-unreadable` — a Consent that cannot be read as a 42 CFR Part 2 consent: **treated as
 *   no consent**, never as consent;
 * - `no-outcome` — an Appointment that has no attendance outcome yet (booked, proposed…) or a
 *   session the clinic cancelled: no attendance record;
 * - `entered-in-error` — a resource marked `entered-in-error`: skipped;
 * - `duplicate` — a second entry with the same `fullUrl` or `Type/id`: skipped;
 * - `limit-exceeded` — an NDJSON line longer than `maxLineLength`, or nested deeper than
 *   `maxDepth`: skipped;
 * - `invalid-json` — an NDJSON line that is not JSON: skipped.
 */
export const fhirReadIssueCodes = [
  "invalid-resource",
  "unsupported-resource",
  "missing-element",
  "invalid-value",
  "unknown-code",
  "unknown-extension",
  "unknown-modifier-extension",
  "unresolved-reference",
  "not-mapped",
  "total-mismatch",
  "incomplete-answers",
  "not-scored",
  "consent-unreadable",
  "no-outcome",
  "entered-in-error",
  "duplicate",
  "limit-exceeded",
  "invalid-json",
] as const;
/** Why something was not (fully) mapped: one of {@link fhirReadIssueCodes}. */
export type FhirReadIssueCode = (typeof fhirReadIssueCodes)[number];

/** One thing a reader could not map, and why. */
export interface FhirReadIssue {
  /** Why, as a stable code. */
  readonly code: FhirReadIssueCode;
  /**
   * Where, as a FHIR path from the resource: `Observation/phq9-3.valueCodeableConcept.coding[0]`
   * (`Type/id`; a resource without an id is named by its place, e.g. `Bundle.entry[4].resource`).
   */
  readonly path: string;
  /** A sentence for people; it never quotes a value that could identify a patient. */
  readonly message: string;
}

/** What kind of iopkit record a resource was read into. */
export type FhirRecordKind =
  "patient" | "measure" | "attendance" | "episode" | "consent" | "coverage";

/** One resource that was read into at least one record. */
export interface FhirReadEntry {
  /** The resource, as `Type/id` (or its place in the input when it has no id). */
  readonly path: string;
  /** What it became. */
  readonly kind: FhirRecordKind;
  /** How many records it gave (an Appointment gives one per participant). */
  readonly records: number;
}

/** What a reader read and what it could not map. */
export interface FhirReadReport {
  /** Every resource read into records, in input order. */
  readonly read: readonly FhirReadEntry[];
  /** Every problem, in input order. Empty when everything was mapped. */
  readonly issues: readonly FhirReadIssue[];
}

/** Collects a report. @internal */
export class Reporter {
  readonly read: FhirReadEntry[] = [];
  readonly issues: FhirReadIssue[] = [];

  /** Records a problem. */
  issue(code: FhirReadIssueCode, path: string, message: string): void {
    this.issues.push({ code, path, message });
  }

  /** Records a resource read into `records` records of a kind. */
  done(path: string, kind: FhirRecordKind, records: number): void {
    if (records > 0) this.read.push({ path, kind, records });
  }

  /** The report so far. */
  report(): FhirReadReport {
    return { read: this.read, issues: this.issues };
  }
}
