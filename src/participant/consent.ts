/**
 * A 42 CFR Part 2 consent to disclose substance-use-disorder records, with the elements of
 * 42 CFR 2.31(a) as amended in 2024 (`cfr-42-part-2`, § 2.31(a); `cfr-42-part-2-2024` in
 * iopkit/sources): patient, who may disclose (a person or a class), recipients (named or a class),
 * purpose, what information, signature and date, right to revoke, expiry, and the statements a
 * single consent for all future treatment, payment and health-care operations (TPO) must carry.
 * A TPO consent authorises TPO only (§ 2.33(a)(2)); SUD counselling notes need a consent of their
 * own (§ 2.31(b)). `canDisclose` (iopkit/privacy) checks a request against it.
 */
import * as z from "zod/mini";
import { _default, array, discriminatedUnion, optional, pipe, strictObject } from "../core/zod";
import type { Result } from "../core/errors";
import { ConsentId, IsoDateSchema, LabelSchema, TextSchema, type IsoDate } from "../core/index";
import {
  formatOf,
  storedObject,
  versionFieldAdded,
  type MigrationStep,
  type RecordFormat,
} from "../core/record-format";
import { built, lazySchema, parseWith, safeParseWith, type Schema } from "../core/schema";

/**
 * Why information is disclosed. `"patient-request"` is the purpose "at the request of the
 * patient", sufficient when the patient initiates the consent (42 CFR 2.31(a)(5); paragraph
 * number from secondary summaries of the 2024 text).
 */
export const disclosurePurposes = [
  "treatment",
  "payment",
  "health-care-operations",
  "research",
  "audit",
  "legal-proceedings",
  "patient-request",
  "other",
] as const;
/** A disclosure purpose, e.g. `"treatment"`: one of {@link disclosurePurposes}. */
export type DisclosurePurpose = (typeof disclosurePurposes)[number];
/** The schema of a {@link DisclosurePurpose}. */
export const DisclosurePurpose: Schema<DisclosurePurpose> = /* @__PURE__ */ lazySchema(() =>
  z.enum(disclosurePurposes),
);

/** Kinds of information a consent may cover. */
export const informationKinds = [
  "attendance",
  "diagnosis",
  "treatment-plan",
  "medications",
  "drug-tests",
  "measures",
  "discharge-summary",
  "counselling-notes",
] as const;
/**
 * A kind of information, e.g. `"drug-tests"`: one of {@link informationKinds}.
 * `"counselling-notes"` needs a consent of its own.
 */
export type InformationKind = (typeof informationKinds)[number];
/** The schema of an {@link InformationKind}. */
export const InformationKind: Schema<InformationKind> = /* @__PURE__ */ lazySchema(() =>
  z.enum(informationKinds),
);

/** A named recipient: a person or organisation. */
export interface NamedRecipient {
  /** Always `"named"`. */
  kind: "named";
  /** The person or organisation, e.g. `"Dr. Sam Lee"`. Personal data. */
  name: string;
}
/** A class of recipients, e.g. "my treating providers". */
export interface RecipientClass {
  /** Always `"class"`. */
  kind: "class";
  /** The class, in words. */
  description: string;
}
/** Who may receive: a named person or organisation, or a class (e.g. "my treating providers"). */
export type Recipient = NamedRecipient | RecipientClass;
/** The schema of a {@link Recipient}. */
export const Recipient: Schema<Recipient> = /* @__PURE__ */ lazySchema(() =>
  discriminatedUnion("kind", [
    strictObject({ kind: z.literal("named"), name: LabelSchema }),
    strictObject({ kind: z.literal("class"), description: LabelSchema }),
  ]),
);

/** The consent ends on a date. */
export interface ExpiryOnDate {
  /** Always `"date"`. */
  kind: "date";
  /** The last day. */
  date: IsoDate;
}
/** The consent ends on an event or condition, e.g. "discharge from the program". */
export interface ExpiryOnEvent {
  /** Always `"event"`. */
  kind: "event";
  /** The event or condition, in words. */
  event: string;
  /** The date it occurred, once it has. */
  occurredOn?: IsoDate | undefined;
}
/** No expiry: allowed only on a single consent for all future treatment, payment and health-care operations. */
export interface NoExpiry {
  /** Always `"none"`. */
  kind: "none";
}
/**
 * When the consent ends: on a date, on an event or condition (e.g. "discharge from the program"),
 * or — for a single consent for all future treatment, payment and health-care operations only —
 * `"none"`. The 2024 rule accepts "end of the treatment", "none" or similar language as the expiry
 * of a TPO consent (42 CFR 2.31(a)(7) as amended; `coe-phi-2025-part-2-faq`, Q2: a TPO consent
 * lasts "until the individual revokes it in writing"); `canDisclose` (iopkit/privacy) refuses
 * `"none"` on any other consent. The paragraph number is from secondary summaries of the 2024
 * text, not the eCFR itself.
 */
export type ConsentExpiry = ExpiryOnDate | ExpiryOnEvent | NoExpiry;
/** The schema of a {@link ConsentExpiry}. */
export const ConsentExpiry: Schema<ConsentExpiry> = /* @__PURE__ */ lazySchema(() =>
  discriminatedUnion("kind", [
    strictObject({ kind: z.literal("date"), date: IsoDateSchema }),
    strictObject({
      kind: z.literal("event"),
      event: LabelSchema,
      occurredOn: optional(IsoDateSchema),
    }),
    strictObject({ kind: z.literal("none") }),
  ]),
);

/** Who signed a consent. */
export const consentSigners = ["patient", "guardian", "authorised-representative"] as const;

/**
 * Why someone other than the patient signed (42 CFR 2.14, 2.15):
 * - `"minor"` — the patient is a minor and state law requires a parent's or guardian's consent to
 *   treatment, so the consent must be given by **both** the minor and the parent or guardian
 *   (§ 2.14(b)(1)): record the guardian in `signedBy` and set `patientCosigned`. Where state law
 *   lets the minor obtain treatment alone, only the minor may sign (§ 2.14(a)): `signedBy: "patient"`;
 * - `"lacks-capacity"` — the patient lacks capacity to make health-care decisions and a guardian or
 *   other person authorised under state law signs (§ 2.15(a));
 * - `"deceased"` — the executor, administrator or other personal representative signs (§ 2.15(b)).
 */
export const signerBases = ["minor", "lacks-capacity", "deceased"] as const;
/** Why a guardian or representative signed: one of {@link signerBases}. */
export type SignerBasis = (typeof signerBases)[number];

/**
 * Statements a consent form carries besides the elements, as the 2024 rule requires them:
 * - `"how-to-revoke"` — how the patient may revoke the consent, **in writing** (42 CFR 2.31(a)(6)
 *   as amended; `coe-phi-2025-part-2-faq`, Q4: revocation must be in writing);
 * - `"hipaa-redisclosure"` — that the record may be redisclosed in accordance with the HIPAA
 *   regulations, except for uses and disclosures for civil, criminal, administrative and legislative
 *   proceedings against the patient (§ 2.31(a)(4)(iii), for a recipient that is a covered entity or
 *   business associate receiving for TPO);
 * - `"redisclosure-risk"` — the potential for the records to be redisclosed by the recipient and
 *   no longer protected by Part 2 (`coe-phi-2025-part-2-faq`, Q3; § 2.31(a)(10) in compliance
 *   checklists, paragraph number unverified);
 * - `"consequences-of-refusal"` — the consequences to the patient of refusing to sign
 *   (`coe-phi-2025-part-2-faq`, Q3; § 2.31(a)(10), paragraph number unverified).
 *
 * A single TPO consent allows nothing without all four (see `tpoStatements` in iopkit/privacy).
 */
export const consentStatements = [
  "how-to-revoke",
  "hipaa-redisclosure",
  "redisclosure-risk",
  "consequences-of-refusal",
] as const;
/** A statement a consent form carries: one of {@link consentStatements}. */
export type ConsentStatement = (typeof consentStatements)[number];
/** The schema of a {@link ConsentStatement}. */
export const ConsentStatement: Schema<ConsentStatement> = /* @__PURE__ */ lazySchema(() =>
  z.enum(consentStatements),
);

/** The purposes a single TPO consent may authorise: treatment, payment, health-care operations. */
const TPO: readonly string[] = ["treatment", "payment", "health-care-operations"];

const isRecord = (v: unknown): v is Readonly<Record<string, unknown>> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** The purposes of a TPO consent that are not TPO (a TPO consent cannot hold them). */
function nonTpoPurposes(record: unknown): unknown[] {
  if (!isRecord(record) || record["coversAllTpo"] !== true) return [];
  const purposes = record["purposes"];
  return Array.isArray(purposes)
    ? (purposes as readonly unknown[]).filter((p) => !TPO.includes(p as string))
    : [];
}

const TPO_ONLY =
  "a single consent for all future treatment, payment and health-care operations authorises those purposes only (42 CFR 2.33(a)(2); 2.31(a)(5))";

/**
 * Format 2 → 3: a single TPO consent keeps only its TPO purposes (the others are reported, not
 * carried over: they need a separate consent), and `statements` is filled with `[]` (format 2
 * did not record them: record them from the signed form).
 */
const tpoScopeStep: MigrationStep = {
  from: 2,
  change:
    "a single TPO consent lists TPO purposes only (others are not carried over); statements added (filled with [])",
  upgrade: (record, report) => {
    const out: Record<string, unknown> = { ...record };
    const dropped = nonTpoPurposes(record);
    if (dropped.length > 0) {
      out["purposes"] = (record["purposes"] as readonly unknown[]).filter(
        (p) => !dropped.includes(p),
      );
      report({
        change: "not-carried-over",
        path: ["purposes"],
        message: `${TPO_ONLY}; record ${dropped.map((p) => JSON.stringify(p)).join(", ")} in a separate consent`,
        value: dropped,
      });
    }
    if (!Object.hasOwn(record, "statements")) {
      out["statements"] = [];
      report({
        change: "filled",
        path: ["statements"],
        message:
          "earlier formats did not record the statements of the form (how to revoke, the HIPAA redisclosure statement, the redisclosure risk, the consequences of refusing): none is assumed; record those the signed form carries",
        value: [],
      });
    }
    return out;
  },
};

/**
 * The stored format of {@link Consent} records: 1 (iopkit 0.1.0), 2 (`formatVersion`), 3 (a TPO
 * consent lists TPO purposes only; `statements`).
 * @internal
 */
export const consentFormat = {
  kind: "Consent",
  version: 3,
  steps: [versionFieldAdded, tpoScopeStep],
  nested: [],
} as const satisfies RecordFormat;

/**
 * A Part 2 consent, as validated. Every element is optional in the record so that `canDisclose`
 * can name what is missing. A consent with `coversAllTpo` lists TPO purposes only in `purposes`
 * (or none): the parsers refuse other purposes on it (`tpo-consent-other-purpose`).
 */
export interface Consent {
  /** The record's format (see the guide "Storing records"). */
  formatVersion: 3;
  /** Identifies the consent. */
  id: ConsentId;
  /** Name of the patient as written on the form. Personal data. */
  patientName?: string | undefined;
  /** Who may disclose, by name: the program or provider (42 CFR 2.31(a)(2)). */
  discloser?: string | undefined;
  /**
   * Who may disclose, as a class of persons (42 CFR 2.31(a)(2): "the name or other specific
   * identification of the person(s), or class of persons"), e.g. `"my treatment team"`; matches a
   * request whose `discloserClasses` holds it.
   */
  discloserClass?: string | undefined;
  /** Who may receive (at most 50). @defaultValue [] */
  recipients: Recipient[];
  /**
   * Why (at most 8). On a consent with `coversAllTpo`, TPO purposes only (a TPO consent covers all
   * three whether listed or not). @defaultValue []
   */
  purposes: DisclosurePurpose[];
  /**
   * A single consent for all future treatment, payment and health-care operations (42 CFR
   * 2.33(a)(2)): it authorises those purposes only, may state no expiry, and needs the statements
   * of {@link consentStatements}. @defaultValue false
   */
  coversAllTpo: boolean;
  /** What kinds of information may be disclosed (at most 8). @defaultValue [] */
  information: InformationKind[];
  /** How much, in words (e.g. "attendance and drug-test results since admission"). */
  amount?: string | undefined;
  /** Who signed. */
  signedBy?: (typeof consentSigners)[number] | undefined;
  /** Why a guardian or representative signed (42 CFR 2.14, 2.15); required when `signedBy` is not the patient. */
  signerBasis?: SignerBasis | undefined;
  /** With `signerBasis: "minor"`: the minor patient signed too, as § 2.14(b)(1) requires. */
  patientCosigned?: boolean | undefined;
  /** When it was signed. */
  signedOn?: IsoDate | undefined;
  /** The form states the patient's right to revoke. @defaultValue false */
  statesRightToRevoke: boolean;
  /** The statements the form carries (at most 4, see {@link consentStatements}). @defaultValue [] */
  statements: ConsentStatement[];
  /** When it ends. */
  expiry?: ConsentExpiry | undefined;
  /** Date the patient revoked it, if they did. */
  revokedOn?: IsoDate | undefined;
}

/** A Part 2 consent as an app writes it: fields with defaults may be left out. */
export interface ConsentInput extends Omit<
  Consent,
  | "formatVersion"
  | "id"
  | "recipients"
  | "purposes"
  | "coversAllTpo"
  | "information"
  | "statesRightToRevoke"
  | "statements"
> {
  /** See {@link Consent.formatVersion}; a consent without it is format 1. */
  formatVersion?: 3 | undefined;
  /** See {@link Consent.id}. */
  id: string;
  /** See {@link Consent.recipients}. @defaultValue [] */
  recipients?: Recipient[] | undefined;
  /** See {@link Consent.purposes}. @defaultValue [] */
  purposes?: DisclosurePurpose[] | undefined;
  /** See {@link Consent.coversAllTpo}. @defaultValue false */
  coversAllTpo?: boolean | undefined;
  /** See {@link Consent.information}. @defaultValue [] */
  information?: InformationKind[] | undefined;
  /** See {@link Consent.statesRightToRevoke}. @defaultValue false */
  statesRightToRevoke?: boolean | undefined;
  /** See {@link Consent.statements}. @defaultValue [] */
  statements?: ConsentStatement[] | undefined;
}

/**
 * Refuses a TPO consent that lists other purposes, with one issue per purpose
 * (`tpo-consent-other-purpose`), before any upgrade; a record of an earlier format also gets
 * `format-upgrade-loses-data`, since `migrateRecord` carries its TPO part over.
 */
function tpoPurposesOnly() {
  return z.transform((value: unknown, payload: z.core.ParsePayload) => {
    const dropped = nonTpoPurposes(value);
    if (dropped.length === 0) return value;
    const purposes = (value as Record<string, unknown>)["purposes"] as readonly unknown[];
    purposes.forEach((p, i) => {
      if (dropped.includes(p))
        payload.issues.push({
          code: "custom",
          path: ["purposes", i],
          params: { code: "tpo-consent-other-purpose" },
          message: `${TPO_ONLY}: record ${JSON.stringify(p)} in a separate consent`,
          input: value,
        });
    });
    const from = formatOf(consentFormat, value) ?? consentFormat.version;
    if (from < consentFormat.version)
      payload.issues.push({
        code: "custom",
        path: ["purposes"],
        params: { code: "format-upgrade-loses-data" },
        message: `reading this Consent (format ${from}) would lose its non-TPO purposes; upgrade it with migrateRecord("Consent", record), which keeps the TPO part and reports the purposes it could not keep`,
        input: value,
      });
    return value;
  });
}

/** The schema of a Part 2 {@link Consent}. Use {@link parseConsent} for untrusted input. */
export const Consent: Schema<Consent, ConsentInput> = /* @__PURE__ */ lazySchema(() => {
  const current = storedObject(consentFormat, {
    id: ConsentId,
    patientName: optional(LabelSchema),
    discloser: optional(LabelSchema),
    discloserClass: optional(LabelSchema),
    recipients: _default(array(built(Recipient)).check(z.maxLength(50)), () => []),
    purposes: _default(array(DisclosurePurpose).check(z.maxLength(8)), () => []),
    coversAllTpo: _default(z.boolean(), false),
    information: _default(array(InformationKind).check(z.maxLength(8)), () => []),
    amount: optional(TextSchema),
    signedBy: optional(z.enum(consentSigners)),
    signerBasis: optional(z.enum(signerBases)),
    patientCosigned: optional(z.boolean()),
    signedOn: optional(IsoDateSchema),
    statesRightToRevoke: _default(z.boolean(), false),
    statements: _default(array(ConsentStatement).check(z.maxLength(4)), () => []),
    expiry: optional(ConsentExpiry),
    revokedOn: optional(IsoDateSchema),
  });
  // The TPO scope is checked before the upgrade, so the issue names the rule, not the upgrade.
  return pipe(tpoPurposesOnly(), current) as unknown as typeof current;
});

/**
 * Validates a consent from any input (a form, a database row); throws
 * {@link core!IopError | IopError} listing every problem with its path. Elements the rule requires
 * may be absent here: `canDisclose` (iopkit/privacy) names them when it refuses a disclosure.
 */
export function parseConsent(input: unknown): Consent {
  return parseWith(Consent, "parseConsent", input);
}

/** Like {@link parseConsent}, but returns `{ success, data | error }`. */
export function safeParseConsent(input: unknown): Result<Consent> {
  return safeParseWith(Consent, "parseConsent", input);
}
