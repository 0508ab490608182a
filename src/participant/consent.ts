/**
 * A 42 CFR Part 2 consent to disclose substance-use-disorder records, with the elements the rule
 * requires (DOMAIN.md "42 CFR Part 2"): patient, who may disclose, recipients (named or a class),
 * purpose, how much and what kind of information, signature and date, right to revoke, and an
 * expiry date, event or condition. Since the 2024 rule one consent may cover all future treatment,
 * payment and health-care operations (TPO), and SUD counselling notes need a consent of their own.
 * `canDisclose` (iopkit/privacy) checks a request against it.
 */
import { pure } from "../core/pure";
import { z } from "zod";
import { parserFor, type Result } from "../core/errors";
import { ConsentId, IsoDateSchema, LabelSchema, TextSchema } from "../core/index";

/** Why information is disclosed. */
export const DisclosurePurpose = /* @__PURE__ */ pure(() =>
  z.enum([
    "treatment",
    "payment",
    "health-care-operations",
    "research",
    "audit",
    "legal-proceedings",
    "other",
  ]),
);
/** A disclosure purpose, e.g. `"treatment"`. */
export type DisclosurePurpose = z.infer<typeof DisclosurePurpose>;

/** Kinds of information a consent may cover. */
export const InformationKind = /* @__PURE__ */ pure(() =>
  z.enum([
    "attendance",
    "diagnosis",
    "treatment-plan",
    "medications",
    "drug-tests",
    "measures",
    "discharge-summary",
    "counselling-notes",
  ]),
);
/** A kind of information, e.g. `"drug-tests"`. `"counselling-notes"` needs a consent of its own. */
export type InformationKind = z.infer<typeof InformationKind>;

/** Who may receive: a named person or organisation, or a class (e.g. "my treating providers"). */
export const Recipient = /* @__PURE__ */ pure(() =>
  z.discriminatedUnion("kind", [
    z.strictObject({ kind: z.literal("named"), name: LabelSchema }),
    z.strictObject({ kind: z.literal("class"), description: LabelSchema }),
  ]),
);
/** A recipient, named or a class. */
export type Recipient = z.infer<typeof Recipient>;

/**
 * When the consent ends: on a date, on an event or condition (e.g. "discharge from the program"),
 * or — for a single consent for all future treatment, payment and health-care operations only —
 * `"none"`. The 2024 rule (42 CFR 2.31(a)(6) as amended, 89 FR 12472) accepts "end of the
 * treatment", "none" or similar language as the expiry of a TPO consent; `canDisclose`
 * (iopkit/privacy) refuses `"none"` on any other consent. (Wording checked against a secondary
 * summary of § 2.31, not the eCFR text itself: unverified.)
 */
export const ConsentExpiry = /* @__PURE__ */ pure(() =>
  z.discriminatedUnion("kind", [
    z.strictObject({ kind: z.literal("date"), date: IsoDateSchema }),
    z.strictObject({
      kind: z.literal("event"),
      event: LabelSchema,
      occurredOn: IsoDateSchema.optional(),
    }),
    z.strictObject({ kind: z.literal("none") }),
  ]),
);
/** Consent expiry: a date, an event (with the date it occurred, once it has), or none (TPO consents only). */
export type ConsentExpiry = z.infer<typeof ConsentExpiry>;

/** A Part 2 consent. Every element is optional in the record so that `canDisclose` can name what is missing. */
export const Consent = /* @__PURE__ */ pure(() =>
  z.strictObject({
    id: ConsentId,
    /** Name of the patient as written on the form. */
    patientName: LabelSchema.optional(),
    /** Who may disclose: the program or provider. */
    discloser: LabelSchema.optional(),
    recipients: z.array(Recipient).max(50).default([]),
    purposes: z.array(DisclosurePurpose).max(7).default([]),
    /** A single consent for all future treatment, payment and health-care operations (2024 rule). */
    coversAllTpo: z.boolean().default(false),
    /** What kinds of information may be disclosed. */
    information: z.array(InformationKind).max(8).default([]),
    /** How much, in words (e.g. "attendance and drug-test results since admission"). */
    amount: TextSchema.optional(),
    /** Who signed and when. */
    signedBy: z.enum(["patient", "guardian", "authorised-representative"]).optional(),
    signedOn: IsoDateSchema.optional(),
    /** The form states the patient's right to revoke. */
    statesRightToRevoke: z.boolean().default(false),
    expiry: ConsentExpiry.optional(),
    /** Date the patient revoked it, if they did. */
    revokedOn: IsoDateSchema.optional(),
  }),
);
/** A Part 2 consent, as validated. */
export type Consent = z.infer<typeof Consent>;
/** A Part 2 consent as an app writes it. */
export type ConsentInput = z.input<typeof Consent>;

const consentParser = /* @__PURE__ */ pure(() => parserFor(Consent, "parseConsent"));

/**
 * Validates a consent from any input (a form, a database row); throws
 * {@link core!IopError | IopError} listing every problem with its path. Elements the rule requires
 * may be absent here: `canDisclose` (iopkit/privacy) names them when it refuses a disclosure.
 */
export function parseConsent(input: unknown): Consent {
  return consentParser.parse(input);
}

/** Like {@link parseConsent}, but returns `{ success, data | error }`. */
export function safeParseConsent(input: unknown): Result<Consent> {
  return consentParser.safeParse(input);
}
