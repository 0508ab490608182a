/**
 * The bulk path of `readFhirNdjson`: a total-score Observation alone on its line — what a Bulk
 * Data export of screening scores is made of — read straight from its parsed JSON, without the
 * path-tracking nodes of the general reader.
 *
 * It answers only for a line the general reader (`readResources`) reads into exactly one measure
 * with no issue other than `not-scored`, and then gives the same record and report; for anything else (a wrong type anywhere it looks,
 * a panel, a form, a reference it cannot settle, a total without a band…) it answers `undefined`
 * and the general reader reads the line, reporting what it finds. So it checks each element the
 * general reader reads, in the same order, and declines wherever that reader could report.
 * `test/interop/fhir-read-bulk.prop.test.ts` shows the two agree on arbitrary (also malformed)
 * Observations. @internal
 */
import { instruments, type InstrumentDefinition } from "../../../measures/index";
import type { ParticipantId } from "../../../core/index";
import { fhirExtensions, hl7 } from "../fhir-urls";
import { typeAndId } from "./context";
import type { MeasureCode } from "./loinc";
import { datePart, loincMeasureCode, measureRecord, totalBand, type FhirMeasure } from "./measures";
import { Node } from "./node";
import type { Reporter } from "./report";

type Json = Readonly<Record<string, unknown>>;

/** An own property of a JSON object (as the general reader's `Node.get` reads it). */
const own = (o: Json, key: string): unknown => (Object.hasOwn(o, key) ? o[key] : undefined);

/** A JSON object (not an array, not null). */
const isObject = (v: unknown): v is Json =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** An absent list: missing, null or empty (the general reader reads none of its elements). */
const noList = (v: unknown): boolean =>
  v === undefined || v === null || (Array.isArray(v) && v.length === 0);

/** A list whose elements are all objects, or an absent one; `undefined` when it is neither. */
function objects(v: unknown): readonly Json[] | undefined {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) return undefined;
  for (const x of v) if (!isObject(x)) return undefined;
  return v as readonly Json[];
}

/** Instruments with at least one scored item: a total alone is read as such (no items to re-score). */
const hasScoredItems = (def: InstrumentDefinition): boolean => def.items.some((it) => it.scored);

/** The sender's total from `value[x]` when it is a whole number ≥ 0 (`totalOf`), else `undefined`. */
function senderTotal(o: Json): number | undefined {
  for (const key of ["valueInteger", "valueDecimal", "valueQuantity"] as const) {
    const v = own(o, key);
    if (v === undefined || v === null) continue;
    const n = key === "valueQuantity" ? (isObject(v) ? own(v, "value") : undefined) : v;
    return typeof n === "number" && Number.isInteger(n) && n >= 0 ? n : undefined;
  }
  // valueString (a numeric text) and an absent value are left to the general reader.
  return undefined;
}

/** iopkit's score-band code (`ownBandOf`); `false` when an extension is not an object. */
function ownBand(extensions: readonly Json[]): string | undefined | false {
  for (const e of extensions)
    if (own(e, "url") === fhirExtensions.scoreBand) {
      const coding = own(e, "valueCoding");
      if (coding === undefined || coding === null) return undefined;
      if (!isObject(coding)) return false;
      const code = own(coding, "code");
      return typeof code === "string" ? code : undefined;
    }
  return undefined;
}

/** The value of the first identifier in `system` that has a string value (`identifierIn`). */
function identifierValue(identifiers: readonly Json[], system: string): string | undefined {
  for (const i of identifiers)
    if (own(i, "system") === system) {
      const v = own(i, "value");
      if (typeof v === "string") return v;
    }
  return undefined;
}

/**
 * The measure of a line holding one total-score Observation, when the general reader would read it
 * into a measure with no issue but `not-scored` (a total whose band needs the respondent's sex,
 * reported to `reporter` as that reader does); `undefined`, with nothing reported, otherwise (the
 * general reader then reads the line). `path` is the resource's path (`resourcePath`),
 * `measureSystem` the `measure` identifier system. @internal
 */
export function readBulkTotal(
  o: Json,
  path: string,
  measureSystem: string,
  reporter: Reporter,
): FhirMeasure | undefined {
  if (own(o, "resourceType") !== "Observation" || !noList(own(o, "modifierExtension")))
    return undefined;
  // The code: the first LOINC coding iopkit knows (`measureCode`), a total's.
  const concept = own(o, "code");
  if (!isObject(concept)) return undefined;
  const codings = own(concept, "coding");
  if (!Array.isArray(codings)) return undefined;
  let code: MeasureCode | undefined;
  for (const c of codings as readonly unknown[]) {
    if (!isObject(c)) return undefined;
    const value = own(c, "code");
    if (typeof value !== "string" || own(c, "system") !== hl7.loinc) continue;
    code = loincMeasureCode(value);
    if (code !== undefined) break;
  }
  if (code?.role !== "total" || code.instrument === "bam") return undefined;
  const def = instruments[code.instrument];
  if (!hasScoredItems(def)) return undefined;
  const status = own(o, "status");
  if (
    status === "entered-in-error" ||
    status === "cancelled" ||
    !noList(own(o, "hasMember")) ||
    !noList(own(o, "derivedFrom")) ||
    !noList(own(o, "component"))
  )
    return undefined;
  const date = own(o, "effectiveDateTime");
  const administeredOn = typeof date === "string" ? datePart(date) : undefined;
  if (administeredOn === undefined) return undefined;
  const extensions = objects(own(o, "extension"));
  const identifiers = objects(own(o, "identifier"));
  if (extensions === undefined || identifiers === undefined) return undefined;
  const band = ownBand(extensions);
  if (band === false) return undefined;
  const total = senderTotal(o);
  if (total === undefined || def.scoring.kind === "composites" || total > def.scoring.max)
    return undefined;
  // The participant: a literal Patient/<id> reference. On its own line the Observation is the
  // only resource indexed, so such a reference never resolves and gives the id it names.
  const subject = own(o, "subject");
  const reference = isObject(subject) ? own(subject, "reference") : undefined;
  if (typeof reference !== "string" || reference.startsWith("#") || reference.startsWith("urn:"))
    return undefined;
  const target = typeAndId(reference);
  if (target?.type !== "Patient") return undefined;
  // Without the Patient there is no sex: an AUDIT-C total keeps a band only when iopkit's band
  // extension names one that is the same for either sex; else it is reported `not-scored`.
  const scoreBand = totalBand(def, total, undefined, band, new Node(o, path, reporter));
  return measureRecord(
    target.id as ParticipantId,
    def.id,
    administeredOn,
    total,
    identifierValue(identifiers, measureSystem),
    path,
    { basis: "total", total, band: scoreBand },
  );
}
