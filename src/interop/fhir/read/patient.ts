/** Patient → the participant fields FHIR can hold. */
import type { IsoDate, ParticipantId } from "../../../core/index";
import { isIsoDate } from "../../../core/index";
import type { Sex } from "../../../measures/index";
import { patientSex, usCoreExtensions, type ReadContext } from "./context";
import type { Node } from "./node";

/** An identifier of a Patient, as given. */
export interface FhirIdentifier {
  /** The system (namespace) of the value, e.g. a hospital's MRN system; absent when not given. */
  readonly system?: string;
  /** The value. Personal data (a medical record number is an identifier). */
  readonly value: string;
  /** The identifier type's code (v2-0203, e.g. `MR`), when given. */
  readonly type?: string;
}

/**
 * A Patient read into the participant fields FHIR holds. A Patient has no clinical profile (ASAM
 * dimensions, conditions, history, living situation, responsibilities, medications), so these
 * are never invented: the report lists them as not present (`missing-element`), and an app
 * completes the participant (`parseParticipant`) from its own assessment.
 */
export interface FhirPatient {
  /** The participant id: the identifier in the participant system, else the Patient's id. */
  readonly participantId: ParticipantId;
  /** Every identifier with a value, with its system. */
  readonly identifiers: readonly FhirIdentifier[];
  /**
   * The name in use: `official`, else `usual`, else one without a `use` — never an `old`,
   * `maiden`, `temp` or `anonymous` one, nor one whose period has ended (by `today`, or at all
   * when `today` is not given). `text` when given, else the given names and the family name.
   */
  readonly name?: string;
  /** The birth date as FHIR gives it: `1987`, `1987-02` or `1987-02-20`. */
  readonly birthDate?: string;
  /** The full birth date, when the Patient gives one (`Participant.dateOfBirth`). */
  readonly dateOfBirth?: IsoDate;
  /** FHIR administrative gender (`male`, `female`, `other`, `unknown`): **not** sex, not gender identity. */
  readonly administrativeGender?: "male" | "female" | "other" | "unknown";
  /** Sex, from the US Core sex (or individual-sex) extension, else birth sex; for AUDIT-C's cut-offs. */
  readonly sex?: Sex;
  /** Gender identity, from the US Core or core gender-identity extension: the coding's display or code. */
  readonly genderIdentity?: string;
  /** The first current phone number. */
  readonly phone?: string;
  /** The first current email address. */
  readonly email?: string;
  /** The current (home, else first) address as one line. */
  readonly address?: string;
  /** That address's state (e.g. `MA`), which decides state rules. */
  readonly addressState?: string;
  /** Where it was read from. */
  readonly source: string;
}

/** Participant fields a FHIR Patient has no element for. */
const NOT_IN_PATIENT =
  "conditions, dimensions, detox, history, living, responsibilities, unavailable, familyInvolved, medications";

/** Whether an element with `use` and `period` is current on `today`. */
function current(n: Node, today: IsoDate | undefined, old: readonly string[]): boolean {
  const use = n.get("use").value;
  if (typeof use === "string" && old.includes(use)) return false;
  const end = n.get("period").get("end").value;
  if (typeof end !== "string") return true;
  return today !== undefined && end.slice(0, 10) >= today;
}

const words = (...parts: unknown[]): string =>
  parts
    .flat()
    .filter((p): p is string => typeof p === "string" && p.trim() !== "")
    .join(" ");

/** Extensions of a Patient that are read. */
const PATIENT_EXTENSIONS: readonly string[] = [
  usCoreExtensions.sex,
  usCoreExtensions.individualSex,
  usCoreExtensions.birthSex,
  usCoreExtensions.genderIdentity,
  usCoreExtensions.genderIdentityCore,
];
/** Extensions iopkit knows but has no field for. */
const NOT_MAPPED_EXTENSIONS: readonly string[] = [
  usCoreExtensions.race,
  usCoreExtensions.ethnicity,
];

/** Reports each extension of `node` that is not in `read` (once per URL). @internal */
export function reportExtensions(
  node: Node,
  read: readonly string[],
  known: readonly string[] = [],
): void {
  const seen = new Set<string>();
  node.list("extension").forEach((e) => {
    const url = e.get("url").value;
    if (typeof url !== "string" || read.includes(url) || seen.has(url)) return;
    seen.add(url);
    if (known.includes(url))
      e.issue("not-mapped", "an extension iopkit has no field for: not kept");
    else e.issue("unknown-extension", "an extension the readers do not map: ignored");
  });
}

/** A Patient → {@link FhirPatient}. */
export function readPatient(ctx: ReadContext, p: Node): FhirPatient | undefined {
  const participantId = ctx.participantIdOf(p);
  if (participantId === undefined) return undefined;
  const today = ctx.options.today;
  reportExtensions(p, PATIENT_EXTENSIONS, NOT_MAPPED_EXTENSIONS);
  const identifiers: FhirIdentifier[] = [];
  for (const i of p.list("identifier")) {
    const value = i.get("value").string();
    if (value === undefined) continue;
    const system = i.get("system").string();
    const type = i.get("type").list("coding")[0]?.get("code").string();
    identifiers.push({
      ...(system === undefined ? {} : { system }),
      value,
      ...(type === undefined ? {} : { type }),
    });
  }
  const names = p
    .list("name")
    .filter((n) => current(n, today, ["old", "maiden", "temp", "anonymous"]));
  const rank = (n: Node): number => {
    const use = n.get("use").value;
    return use === "official" ? 0 : use === "usual" ? 1 : use === undefined ? 2 : 3;
  };
  const nameNode = [...names].sort((a, b) => rank(a) - rank(b))[0];
  const name =
    nameNode === undefined
      ? undefined
      : (nameNode.get("text").string() ??
        words(nameNode.get("given").value, nameNode.get("family").string()));
  const birthDate = p.get("birthDate").string();
  const partial = birthDate !== undefined && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(birthDate);
  if (birthDate !== undefined && !partial)
    p.get("birthDate").issue(
      "invalid-value",
      "not a FHIR date (YYYY, YYYY-MM or YYYY-MM-DD): ignored",
    );
  const gender = p.get("gender").string();
  const genders = ["male", "female", "other", "unknown"] as const;
  const administrativeGender = genders.find((g) => g === gender);
  if (gender !== undefined && administrativeGender === undefined)
    p.get("gender").issue("unknown-code", "not an administrative-gender code: ignored");
  let genderIdentity: string | undefined;
  for (const e of p.list("extension")) {
    const url = e.get("url").value;
    if (url === usCoreExtensions.genderIdentity || url === usCoreExtensions.genderIdentityCore) {
      const concept =
        url === usCoreExtensions.genderIdentity
          ? e
          : (e.list("extension").find((x) => x.get("url").value === "value") ?? e);
      const coding = concept.get("valueCodeableConcept").list("coding")[0];
      const text =
        coding?.get("display").string() ??
        coding?.get("code").string() ??
        concept.get("valueCodeableConcept").get("text").string();
      if (text !== undefined) genderIdentity = text;
    }
  }
  const telecom = p.list("telecom").filter((t) => current(t, today, ["old"]));
  const first = (system: string, min: number, max: number): string | undefined => {
    for (const t of telecom)
      if (t.get("system").value === system) {
        const v = t.get("value").string()?.trim();
        if (v !== undefined && v.length >= min && v.length <= max) return v;
        t.get("value").issue(
          "invalid-value",
          `a ${system} of ${min}–${max} characters is expected: ignored`,
        );
      }
    return undefined;
  };
  const addresses = p.list("address").filter((a) => current(a, today, ["old"]));
  const home = addresses.find((a) => a.get("use").value === "home") ?? addresses[0];
  const address =
    home === undefined
      ? undefined
      : (home.get("text").string() ??
        [
          words(home.get("line").value),
          home.get("city").string(),
          words(home.get("state").string(), home.get("postalCode").string()),
        ]
          .filter((x) => x !== undefined && x !== "")
          .join(", "));
  const addressState = home?.get("state").string();
  p.issue(
    "missing-element",
    `a Patient holds no ${NOT_IN_PATIENT}: complete the participant from your assessment`,
  );
  const sex = patientSex(p);
  const phone = first("phone", 3, 40);
  const email = first("email", 1, 254);
  return {
    participantId,
    identifiers,
    ...(name === undefined || name === "" ? {} : { name }),
    ...(partial ? { birthDate } : {}),
    ...(partial && birthDate.length === 10 && isIsoDate(birthDate)
      ? { dateOfBirth: birthDate }
      : {}),
    ...(administrativeGender === undefined ? {} : { administrativeGender }),
    ...(sex === undefined ? {} : { sex }),
    ...(genderIdentity === undefined ? {} : { genderIdentity }),
    ...(phone === undefined ? {} : { phone }),
    ...(email === undefined ? {} : { email }),
    ...(address === undefined || address === "" ? {} : { address }),
    ...(addressState === undefined ? {} : { addressState }),
    source: p.path,
  };
}
