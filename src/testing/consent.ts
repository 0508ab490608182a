/** Arbitraries for 42 CFR Part 2 consents. */
import { pure } from "../core/pure";
import fc from "fast-check";
import { addDays, consentId, type IsoDate } from "../core/index";
import { checkArbitraryOptions } from "./options";
import {
  consentStatements,
  disclosurePurposes,
  informationKinds,
  parseConsent,
  type Consent,
  type DisclosurePurpose,
} from "../participant/index";

const TPO: readonly DisclosurePurpose[] = ["treatment", "payment", "health-care-operations"];
const NOTES = "counselling-notes" as const;
/**
 * Who signs (42 CFR 2.14, 2.15): the patient, a guardian with the minor co-signing, a guardian or
 * representative for a patient who lacks capacity, a representative for a deceased patient.
 */
const SIGNERS = [
  { signedBy: "guardian", signerBasis: "minor", patientCosigned: true },
  { signedBy: "guardian", signerBasis: "lacks-capacity" },
  { signedBy: "authorised-representative", signerBasis: "lacks-capacity" },
  { signedBy: "authorised-representative", signerBasis: "deceased" },
] as const satisfies readonly Pick<Consent, "signedBy" | "signerBasis" | "patientCosigned">[];

/** Every kind of information but counselling notes, which need a consent of their own. */
const OTHER_INFORMATION = /* @__PURE__ */ pure(() => informationKinds.filter((k) => k !== NOTES));

/** Options of {@link consent}. */
export interface ConsentArbitraryOptions {
  /** The patient's name on the form. @defaultValue a generated name */
  readonly patientName?: string;
  /** Signed on or after this date. @defaultValue "2026-01-01" */
  readonly from?: IsoDate;
}

/**
 * A complete Part 2 consent (every element present, signed by the patient or by a guardian or
 * representative on a basis of `signerBases` that allows them, every statement of
 * `consentStatements` on the form, not revoked, expiring after it was signed), either to named
 * recipients or a class for any of `disclosurePurposes`, or a single TPO consent (its purposes
 * then TPO purposes only, as the parser requires). It covers 1–4 kinds of `informationKinds`, or
 * — on a consent that is not a TPO consent, now and then — counselling notes alone (they need a
 * consent of their own). Shrinks toward a consent the patient signed, to one named recipient for
 * treatment.
 */
export function consent(options: ConsentArbitraryOptions = {}): fc.Arbitrary<Consent> {
  checkArbitraryOptions("consent", options, {
    patientName: { kind: "string", optional: true },
    from: { kind: "date", optional: true },
  });
  return fc
    .record({
      n: fc.integer({ min: 1, max: 9999 }),
      name:
        options.patientName === undefined
          ? fc.constantFrom("Alex Rivera", "Wei Chen", "Maria Okafor")
          : fc.constant(options.patientName),
      signedDay: fc.integer({ min: 0, max: 90 }),
      validDays: fc.integer({ min: 30, max: 365 }),
      tpo: fc.boolean(),
      // The patient half the time, else a guardian or representative on a basis that allows it.
      signer: fc.oneof(
        { weight: 4, arbitrary: fc.constant({ signedBy: "patient" as const }) },
        { weight: 4, arbitrary: fc.constantFrom(...SIGNERS) },
      ),
      notesOnly: fc.integer({ min: 0, max: 3 }).map((k) => k === 3),
      recipients: fc.uniqueArray(
        fc.oneof(
          fc
            .constantFrom("Dr. Lee, primary care", "County probation office")
            .map((name) => ({ kind: "named" as const, name })),
          fc.constant({ kind: "class" as const, description: "treating-provider" }),
        ),
        { minLength: 1, maxLength: 2, selector: (r) => JSON.stringify(r) },
      ),
      // Drawn from every purpose; a TPO consent keeps its TPO ones (treatment when none).
      purposes: fc.uniqueArray(fc.constantFrom(...disclosurePurposes), {
        minLength: 1,
        maxLength: 3,
      }),
      information: fc.uniqueArray(fc.constantFrom(...OTHER_INFORMATION), {
        minLength: 1,
        maxLength: 4,
      }),
    })
    .map((g) => {
      const signedOn = addDays(options.from ?? "2026-01-01", g.signedDay);
      const tpoPurposes = g.purposes.filter((p) => TPO.includes(p));
      const purposes = !g.tpo ? g.purposes : tpoPurposes.length > 0 ? tpoPurposes : ["treatment"];
      return parseConsent({
        id: consentId(`c-${g.n}`),
        patientName: g.name,
        discloser: "Riverside IOP",
        recipients: g.recipients,
        purposes,
        coversAllTpo: g.tpo,
        information: !g.tpo && g.notesOnly ? [NOTES] : g.information,
        amount: "as listed, since admission",
        ...g.signer,
        signedOn,
        statesRightToRevoke: true,
        statements: [...consentStatements],
        expiry: { kind: "date", date: addDays(signedOn, g.validDays) },
      });
    });
}
