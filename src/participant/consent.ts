/**
 * A 42 CFR Part 2 consent to disclose substance-use-disorder records, with the elements the rule
 * requires (DOMAIN.md "42 CFR Part 2"): patient, who may disclose, recipients (named or a class),
 * purpose, how much and what kind of information, signature and date, right to revoke, and an
 * expiry date, event or condition. Since the 2024 rule one consent may cover all future treatment,
 * payment and health-care operations (TPO), and SUD counselling notes need a consent of their own.
 * `canDisclose` (iopkit/privacy) checks a request against it.
 */
import * as z from "zod/mini";
import { _default, array, discriminatedUnion, optional, strictObject } from "../core/zod";
import type { Result } from "../core/errors";
import { ConsentId, IsoDateSchema, LabelSchema, TextSchema, type IsoDate } from "../core/index";
import { storedObject, versionFieldAdded, type RecordFormat } from "../core/record-format";
import { built, lazySchema, parseWith, safeParseWith, type Schema } from "../core/schema";

/** Why information is disclosed. */
export const disclosurePurposes = [
  "treatment",
  "payment",
  "health-care-operations",
  "research",
  "audit",
  "legal-proceedings",
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
 * `"none"`. The 2024 rule (42 CFR 2.31(a)(6) as amended, 89 FR 12472) accepts "end of the
 * treatment", "none" or similar language as the expiry of a TPO consent; `canDisclose`
 * (iopkit/privacy) refuses `"none"` on any other consent. (Wording checked against a secondary
 * summary of § 2.31, not the eCFR text itself: unverified.)
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
 * The stored format of {@link Consent} records: 1 (iopkit 0.1.0), 2 (`formatVersion`).
 * @internal
 */
export const consentFormat = {
  kind: "Consent",
  version: 2,
  steps: [versionFieldAdded],
  nested: [],
} as const satisfies RecordFormat;

/** A Part 2 consent, as validated. Every element is optional in the record so that `canDisclose` can name what is missing. */
export interface Consent {
  /** The record's format (see the guide "Storing records"). */
  formatVersion: 2;
  /** Identifies the consent. */
  id: ConsentId;
  /** Name of the patient as written on the form. Personal data. */
  patientName?: string | undefined;
  /** Who may disclose: the program or provider. */
  discloser?: string | undefined;
  /** Who may receive (at most 50). @defaultValue [] */
  recipients: Recipient[];
  /** Why (at most 7). @defaultValue [] */
  purposes: DisclosurePurpose[];
  /** A single consent for all future treatment, payment and health-care operations (2024 rule). @defaultValue false */
  coversAllTpo: boolean;
  /** What kinds of information may be disclosed (at most 8). @defaultValue [] */
  information: InformationKind[];
  /** How much, in words (e.g. "attendance and drug-test results since admission"). */
  amount?: string | undefined;
  /** Who signed. */
  signedBy?: (typeof consentSigners)[number] | undefined;
  /** When it was signed. */
  signedOn?: IsoDate | undefined;
  /** The form states the patient's right to revoke. @defaultValue false */
  statesRightToRevoke: boolean;
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
> {
  /** See {@link Consent.formatVersion}; a consent without it is format 1. */
  formatVersion?: 2 | undefined;
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
}

/** The schema of a Part 2 {@link Consent}. Use {@link parseConsent} for untrusted input. */
export const Consent: Schema<Consent, ConsentInput> = /* @__PURE__ */ lazySchema(() =>
  storedObject(consentFormat, {
    id: ConsentId,
    patientName: optional(LabelSchema),
    discloser: optional(LabelSchema),
    recipients: _default(array(built(Recipient)).check(z.maxLength(50)), () => []),
    purposes: _default(array(DisclosurePurpose).check(z.maxLength(7)), () => []),
    coversAllTpo: _default(z.boolean(), false),
    information: _default(array(InformationKind).check(z.maxLength(8)), () => []),
    amount: optional(TextSchema),
    signedBy: optional(z.enum(consentSigners)),
    signedOn: optional(IsoDateSchema),
    statesRightToRevoke: _default(z.boolean(), false),
    expiry: optional(ConsentExpiry),
    revokedOn: optional(IsoDateSchema),
  }),
);

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
