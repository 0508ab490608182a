/**
 * What every FHIR reader shares: the options, the report, the index of the input's resources and
 * reference resolution (contained, relative, `urn:uuid:` and absolute), and participant ids.
 * @internal
 */
import { limits as coreLimits, type IsoDate, type ParticipantId } from "../../../core/index";
import type { Sex } from "../../../measures/index";
import { fhirIdentifierSystems, type FhirIdentifierKind } from "../fhir-urls";
import type { FhirReadLimits } from "./limits";
import { type Node } from "./node";
import type { Reporter } from "./report";

/** Options of the FHIR readers (`readFhir`, `readFhirNdjson`); all optional. */
export interface ReadFhirOptions {
  /**
   * The identifier systems of iopkit's records, as given to `toFhirBundle` (same default,
   * {@link fhirIdentifierSystems}). `participant` decides participant ids: a Patient's identifier
   * in that system, else the Patient's logical id (see {@link readFhir}).
   */
  readonly identifierSystems?: { readonly [K in FhirIdentifierKind]?: string };
  /**
   * The program the episodes belong to: an EpisodeOfCare names no iopkit program, so without it
   * EpisodeOfCare resources are reported (`missing-element`) and give no events.
   */
  readonly programId?: string;
  /**
   * The date names, telecoms, addresses and coverages are judged current on (their `period.end`
   * on or after it). @defaultValue none: anything with an end date counts as ended
   */
  readonly today?: IsoDate;
  /** Lower or raise the bounds of {@link fhirReadLimits}. */
  readonly limits?: Partial<FhirReadLimits>;
}

/** The identifier system of a kind under `options`: the caller's, else iopkit's. @internal */
export const identifierSystem = (options: ReadFhirOptions, kind: FhirIdentifierKind): string =>
  options.identifierSystems?.[kind] ?? fhirIdentifierSystems[kind];

const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;

/** Whether `value` can be an iopkit id (letters, digits, `.`, `_`, `:`, `-`; at most 128). @internal */
export const isIdLike = (value: string): boolean =>
  value.length <= coreLimits.maxIdLength && ID.test(value);

/** The literal reference's `Type/id` (ignoring a base URL and `/_history/…`), if it has one. */
export function typeAndId(reference: string): { type: string; id: string } | undefined {
  const m = /(?:^|\/)([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/.exec(
    reference,
  );
  return m === null ? undefined : { type: m[1] ?? "", id: m[2] ?? "" };
}

/** The shared state of one read. @internal */
export class ReadContext {
  /** Resources by `fullUrl`. */
  private readonly byUrl = new Map<string, Node>();
  /** Resources by `Type/id`. */
  private readonly byTypeId = new Map<string, Node>();
  /** Participant ids of Patients already worked out, by their node. */
  private patientIds: Map<Node, ParticipantId | undefined> | undefined;

  constructor(
    readonly reporter: Reporter,
    readonly options: ReadFhirOptions,
    readonly limits: FhirReadLimits,
  ) {}

  /** The identifier system of a kind. */
  system(kind: FhirIdentifierKind): string {
    return identifierSystem(this.options, kind);
  }

  /**
   * Indexes a resource; returns false (reported `duplicate`) when its `fullUrl` or `Type/id` is
   * already taken.
   */
  add(resource: Node, fullUrl: string | undefined): boolean {
    const type = resource.get("resourceType").value;
    const id = resource.get("id").value;
    const key = typeof type === "string" && typeof id === "string" ? `${type}/${id}` : undefined;
    if (
      (fullUrl !== undefined && this.byUrl.has(fullUrl)) ||
      (key !== undefined && this.byTypeId.has(key))
    ) {
      resource.issue("duplicate", "another entry has the same fullUrl or Type/id: skipped");
      return false;
    }
    if (fullUrl !== undefined) this.byUrl.set(fullUrl, resource);
    if (key !== undefined) this.byTypeId.set(key, resource);
    return true;
  }

  /**
   * The resource a `Reference` points at: `#id` among `from`'s contained resources; a `urn:uuid:`
   * or `urn:oid:` by entry `fullUrl`; an absolute URL by `fullUrl`, then by its `Type/id`; a
   * relative `Type/id` by resource type and id (or a `fullUrl` ending in it). `undefined` when the
   * input does not hold it (not reported here: the caller decides whether it matters).
   */
  resolve(reference: string, from: Node): Node | undefined {
    if (reference.startsWith("#")) {
      const id = reference.slice(1);
      return from.list("contained").find((c) => c.get("id").value === id);
    }
    const exact = this.byUrl.get(reference);
    if (exact !== undefined || reference.startsWith("urn:")) return exact;
    const ti = typeAndId(reference);
    return ti === undefined ? undefined : this.byTypeId.get(`${ti.type}/${ti.id}`);
  }

  /**
   * The participant a `Reference` (`subject`, `patient`, `beneficiary`, an actor) names: the
   * resolved Patient's id ({@link participantIdOf}); else the identifier in the participant system
   * of a logical reference; else the id of a literal `Patient/<id>` reference. Reports and returns
   * `undefined` when none of these applies.
   */
  participant(ref: Node, from: Node): ParticipantId | undefined {
    const reference = ref.get("reference").string();
    if (reference !== undefined) {
      const target = this.resolve(reference, from);
      if (target !== undefined) {
        if (target.get("resourceType").value === "Patient") return this.participantIdOf(target);
        ref.issue("invalid-value", "the reference is not to a Patient");
        return undefined;
      }
      const ti = typeAndId(reference);
      if (ti?.type === "Patient" && !reference.startsWith("urn:")) return ti.id as ParticipantId;
    }
    const identifier = ref.get("identifier");
    const value = identifier.get("value").string();
    if (
      identifier.get("system").value === this.system("participant") &&
      value !== undefined &&
      isIdLike(value)
    )
      return value as ParticipantId;
    ref.issue(
      reference === undefined ? "missing-element" : "unresolved-reference",
      reference === undefined
        ? "no reference to the Patient: the record cannot name its participant"
        : "the Patient is not in the input and the reference is not Patient/<id>: the record cannot name its participant",
    );
    return undefined;
  }

  /**
   * A Patient's participant id: its identifier in the participant system, else its logical id.
   * Reported (`missing-element`) and `undefined` when it has neither, or neither is a valid id.
   */
  participantIdOf(patient: Node): ParticipantId | undefined {
    this.patientIds ??= new Map();
    if (this.patientIds.has(patient)) return this.patientIds.get(patient);
    const system = this.system("participant");
    let found: string | undefined;
    for (const identifier of patient.list("identifier"))
      if (identifier.get("system").value === system) {
        const v = identifier.get("value").value;
        if (typeof v === "string" && isIdLike(v)) found = v;
      }
    if (found === undefined) {
      const id = patient.get("id").value;
      if (typeof id === "string" && isIdLike(id)) found = id;
    }
    if (found === undefined)
      patient.issue(
        "missing-element",
        "a Patient without an identifier in the participant system or a logical id: it names no participant",
      );
    const out = found as ParticipantId | undefined;
    this.patientIds.set(patient, out);
    return out;
  }

  /** The participant's sex, from a Patient the input holds (see {@link readFhir}); `undefined` otherwise. */
  sexOf(ref: Node, from: Node): Sex | undefined {
    const reference = ref.get("reference").value;
    if (typeof reference !== "string") return undefined;
    const target = this.resolve(reference, from);
    return target === undefined ? undefined : patientSex(target);
  }
}

/** SNOMED CT codes of sex in US Core's sex extensions (female, male). */
const SNOMED_SEX: Readonly<Record<string, Sex>> = { "248152002": "female", "248153007": "male" };

/**
 * The respondent's sex from a Patient: the US Core `us-core-sex` or `us-core-individual-sex`
 * extension (SNOMED CT 248152002 female, 248153007 male), else `us-core-birthsex` (F, M).
 * Administrative gender is not sex and is never used for it. @internal
 */
export function patientSex(patient: Node): Sex | undefined {
  let birth: Sex | undefined;
  for (const e of patient.list("extension")) {
    const url = e.get("url").value;
    if (url === usCoreExtensions.sex || url === usCoreExtensions.individualSex) {
      const code = e.get("valueCoding").get("code").value ?? e.get("valueCode").value;
      const sex = typeof code === "string" ? SNOMED_SEX[code] : undefined;
      if (sex !== undefined) return sex;
    } else if (url === usCoreExtensions.birthSex) {
      const code = e.get("valueCode").value;
      birth = code === "F" ? "female" : code === "M" ? "male" : birth;
    }
  }
  return birth;
}

/** US Core extension URLs the readers map (HL7 US Core Implementation Guide). @internal */
export const usCoreExtensions = {
  birthSex: "http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex",
  sex: "http://hl7.org/fhir/us/core/StructureDefinition/us-core-sex",
  individualSex: "http://hl7.org/fhir/us/core/StructureDefinition/us-core-individual-sex",
  genderIdentity: "http://hl7.org/fhir/us/core/StructureDefinition/us-core-genderIdentity",
  genderIdentityCore: "http://hl7.org/fhir/StructureDefinition/individual-genderIdentity",
  race: "http://hl7.org/fhir/us/core/StructureDefinition/us-core-race",
  ethnicity: "http://hl7.org/fhir/us/core/StructureDefinition/us-core-ethnicity",
} as const;
