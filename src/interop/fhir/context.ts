/**
 * What every resource mapper shares: identifier systems, stable ids, references, instants in FHIR
 * form, "today" in the program's zone, and the list of omissions. @internal
 */
import type { Extension, Identifier, Patient, Practitioner, Reference } from "@medplum/fhirtypes";
import type { IssuePath } from "../../core/errors";
import {
  formatInstant,
  fromEpochDay,
  toEpochMs,
  type Instant,
  type IsoDate,
  type ParticipantId,
  type ZoneClock,
} from "../../core/index";
import type { Program } from "../../program/index";
import type { FhirOmission, FhirOmissionCode } from "./fhir-omission";
import type { FhirExportResource } from "./to-fhir-bundle";
import { fhirResourceId } from "./fhir-resource-id";
import { fhirIdentifierSystems, type FhirIdentifierKind } from "./fhir-urls";

/** A resource before it becomes a bundle entry: its primary identifier and its place in order. */
export interface Draft {
  readonly resource: FhirExportResource;
  readonly kind: FhirIdentifierKind;
  readonly value: string;
  /** Carries substance-use-disorder information: gets the Part 2 security labels. */
  readonly sud: boolean;
  /** Sorts the drafts of one resource type. */
  readonly sortKey: string;
}

/** Simple extensions of a complex one, leaving out absent values. */
export function parts(
  url: string,
  values: Readonly<Record<string, Omit<Extension, "url"> | undefined>>,
): Extension {
  const extension: Extension[] = [];
  for (const [name, value] of Object.entries(values))
    if (value !== undefined) extension.push({ url: name, ...value });
  return { url, extension };
}

/** `{ [key]: value }` when the value is present and not blank, else `{}` (for optional fields). */
export function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  if (value === undefined || (typeof value === "string" && value.trim() === "")) return {};
  return { [key]: value } as { [P in K]?: V };
}

/** `{ [key]: list }` when the list is not empty, else `{}`. */
export function optList<K extends string, V>(key: K, list: readonly V[]): { [P in K]?: V[] } {
  return list.length === 0 ? {} : ({ [key]: [...list] } as { [P in K]?: V[] });
}

/** The shared state of one `toFhirBundle` call. */
export class FhirContext {
  /** Records with no resource, in the order found. */
  readonly omitted: FhirOmission[] = [];
  /** Participants referenced by a resource: each gets a Patient. */
  readonly referenced = new Set<ParticipantId>();
  private readonly urns = new Map<string, string>();

  constructor(
    readonly program: Program,
    readonly clock: ZoneClock,
    /** `now`'s local date in the program's zone. */
    readonly today: IsoDate,
    private readonly systems: Partial<Readonly<Record<FhirIdentifierKind, string>>>,
    /** The program serves substance use: every participant resource carries SUD information. */
    readonly sudProgram: boolean,
  ) {}

  /** The identifier system of a kind. */
  system(kind: FhirIdentifierKind): string {
    return this.systems[kind] ?? fhirIdentifierSystems[kind];
  }

  /** An identifier of a kind. */
  identifier(kind: FhirIdentifierKind, value: string): Identifier {
    return { system: this.system(kind), value };
  }

  /** The `urn:uuid:` full URL of the resource whose primary identifier is `kind`/`value` (memoised). */
  urn(resourceType: string, kind: FhirIdentifierKind, value: string): string {
    const key = `${resourceType}|${kind}|${value}`;
    let urn = this.urns.get(key);
    if (urn === undefined) {
      urn = `urn:uuid:${fhirResourceId(resourceType, this.system(kind), value)}`;
      this.urns.set(key, urn);
    }
    return urn;
  }

  /** A reference to a participant's Patient (which the bundle will hold). */
  patient(participantId: ParticipantId): Reference<Patient> {
    this.referenced.add(participantId);
    return { reference: this.urn("Patient", "participant", participantId) };
  }

  /** A logical reference to a staff member, by identifier (iopkit exports no Practitioner). */
  practitioner(staffId: string): Reference<Practitioner> {
    return { type: "Practitioner", identifier: this.identifier("staff", staffId) };
  }

  /** An instant as FHIR writes it: seconds and milliseconds, an offset within ±14:00. */
  instant(instant: Instant): string {
    const ms = toEpochMs(instant);
    const m = /([+-])(\d\d):(\d\d)$/.exec(instant);
    const offset = m === null ? 0 : (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
    return formatInstant(ms, Math.abs(offset) <= 14 * 60 ? offset : 0);
  }

  /** The program-zone date of an instant. */
  localDate(instant: Instant): IsoDate {
    return fromEpochDay(this.clock.localDayOf(toEpochMs(instant)));
  }

  /** Records an omission. */
  omit(
    code: FhirOmissionCode,
    path: IssuePath,
    message: string,
    participantId?: ParticipantId,
  ): void {
    this.omitted.push({
      code,
      path,
      message,
      ...(participantId === undefined ? {} : { participantId }),
    });
  }
}

/** Keeps the first draft per identifier; reports later ones as duplicates. @internal */
export class DraftList {
  readonly drafts: Draft[] = [];
  private readonly seen = new Set<string>();

  constructor(private readonly ctx: FhirContext) {}

  /** Adds a draft unless its identifier is taken; returns whether it was added. */
  add(draft: Draft, path: IssuePath, participantId?: ParticipantId): boolean {
    const key = `${draft.resource.resourceType}|${draft.kind}|${draft.value}`;
    if (this.seen.has(key)) {
      this.ctx.omit(
        "duplicate",
        path,
        // The identifier's value is not quoted: it may be a medical record number.
        `another record already has the same ${draft.kind} identifier`,
        participantId,
      );
      return false;
    }
    this.seen.add(key);
    this.drafts.push(draft);
    return true;
  }
}
