/** What `canDisclose` and `canDiscloseUnder` answer: allowed or denied, with every reason. */
import { pure } from "../core/pure";
import { z } from "zod";
import { ConsentId } from "../core/index";

/**
 * The Part 2 element a finding concerns. The consent elements are those of 42 CFR 2.31(a)
 * (DOMAIN.md "42 CFR Part 2"): `patient` (name), `discloser` (who may disclose), `recipient`,
 * `purpose`, `information` (how much and what kind), `signature`, `signature-date`,
 * `right-to-revoke`, `expiry`. The others are states and rules around them: `revocation` (the
 * patient revoked), `counselling-notes` (SUD counselling notes need a consent of their own, 2024
 * rule), and `consent` (no consent at all, from `canDiscloseUnder`).
 */
export const Part2Element = /* @__PURE__ */ pure(() =>
  z.enum([
    "patient",
    "discloser",
    "recipient",
    "purpose",
    "information",
    "signature",
    "signature-date",
    "right-to-revoke",
    "expiry",
    "revocation",
    "counselling-notes",
    "consent",
  ]),
);
/** A Part 2 element, e.g. `"expiry"`. */
export type Part2Element = z.infer<typeof Part2Element>;

/**
 * One finding: a stable kebab-case `code`, the Part 2 `element` concerned and a sentence for people.
 * Messages quote dates, kinds and purposes but never names, so decisions can be logged.
 */
export const DisclosureReason = /* @__PURE__ */ pure(() =>
  z.strictObject({
    code: z.string(),
    element: Part2Element,
    message: z.string(),
  }),
);
/** One finding behind a disclosure decision. */
export type DisclosureReason = z.infer<typeof DisclosureReason>;

/** The disclosure is allowed: `reasons` say how each element was met. */
export const DisclosureAllowed = /* @__PURE__ */ pure(() =>
  z.strictObject({
    allowed: z.literal(true),
    /** The consent that allows it. */
    consentId: ConsentId,
    /** The notice that must accompany the disclosure (42 CFR 2.32(a)). */
    notice: z.string(),
    /**
     * A plain-language statement of the consent's scope, to send with the disclosure where a copy of
     * the consent is not sent (the 2024 rule's § 2.32 asks for a copy of the consent or a clear
     * explanation of its scope — unverified wording). It quotes the consent's discloser and
     * recipients, not the patient's name.
     */
    scope: z.string(),
    reasons: z.array(DisclosureReason),
  }),
);
/** An allowed disclosure. */
export type DisclosureAllowed = z.infer<typeof DisclosureAllowed>;

/** The disclosure is denied under this consent: `reasons` lists every problem, never just the first. */
export const DisclosureDenied = /* @__PURE__ */ pure(() =>
  z.strictObject({
    allowed: z.literal(false),
    /** The consent that was checked. */
    consentId: ConsentId,
    reasons: z.array(DisclosureReason).min(1),
  }),
);
/** A disclosure denied under one consent. */
export type DisclosureDenied = z.infer<typeof DisclosureDenied>;

/** What `canDisclose` answers. Narrow on `allowed`. */
export const DisclosureDecision = /* @__PURE__ */ pure(() =>
  z.discriminatedUnion("allowed", [DisclosureAllowed, DisclosureDenied]),
);
/** Allowed (with notice and scope) or denied (with every reason). */
export type DisclosureDecision = z.infer<typeof DisclosureDecision>;

/**
 * No consent allows the disclosure: one summary reason (element `consent`) and each consent's
 * denial, in the order the consents were given (empty when there was no consent).
 */
export const DisclosureRefused = /* @__PURE__ */ pure(() =>
  z.strictObject({
    allowed: z.literal(false),
    reasons: z.array(DisclosureReason).min(1),
    denials: z.array(DisclosureDenied),
  }),
);
/** A disclosure that none of the consents allows. */
export type DisclosureRefused = z.infer<typeof DisclosureRefused>;

/** What `canDiscloseUnder` answers: the first consent's allowance, or every denial. */
export const ConsentsDecision = /* @__PURE__ */ pure(() =>
  z.discriminatedUnion("allowed", [DisclosureAllowed, DisclosureRefused]),
);
/** Allowed under one of several consents, or refused with every consent's reasons. */
export type ConsentsDecision = z.infer<typeof ConsentsDecision>;
