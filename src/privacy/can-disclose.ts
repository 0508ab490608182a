/**
 * `canDisclose`: may these Part 2 records be disclosed under this consent? Checks every element of
 * 42 CFR 2.31 and the 2024 rule's additions (DOMAIN.md "42 CFR Part 2") and answers allowed — with
 * the notice of § 2.32 and a statement of the consent's scope — or denied, with every reason.
 *
 * Not legal advice: the rules below are a conservative reading, documented so a clinic's counsel
 * can check them, and each denial names the element concerned.
 */
import { pure } from "../core/pure";
import { match } from "ts-pattern";
import { misuse } from "../core/errors";
import type { Consent, DisclosurePurpose, InformationKind, Recipient } from "../participant/index";
import type {
  ConsentsDecision,
  DisclosureDecision,
  DisclosureDenied,
  DisclosureReason,
  DisclosureReasonCode,
  Part2Element,
} from "./disclosure-decision";
import type { DisclosureRequest } from "./disclosure-request";
import { part2ShortNotice } from "./notice";

/**
 * The purposes a single TPO consent covers: treatment, payment and health-care operations
 * (2024 rule, DOMAIN.md "42 CFR Part 2": "one consent may cover all future treatment, payment and
 * operations").
 */
export const tpoPurposes: readonly DisclosurePurpose[] = [
  "treatment",
  "payment",
  "health-care-operations",
];

/**
 * The recipient classes a single TPO consent names, after the designation the 2024 rule allows:
 * "my treating providers, health plans, third-party payers, and people helping to operate this
 * program" (42 CFR 2.31(a)(4)(i) as amended; govregs.com copy of § 2.31). A request whose
 * `recipient.classes` holds one of these is covered by a consent with `coversAllTpo` for a TPO
 * purpose.
 */
export const tpoRecipientClasses: readonly string[] = [
  "treating-provider",
  "health-plan",
  "third-party-payer",
  "program-operations",
];

/** Options of {@link canDisclose} and {@link canDiscloseUnder}. */
export interface CanDiscloseOptions {
  /**
   * The notice returned with an allowed disclosure, e.g. {@link part2FullNotice}, or
   * {@link part2ShortNotice2018} for a disclosure dated before the 2024 rule's compliance date.
   * @defaultValue {@link part2ShortNotice}
   */
  readonly notice?: string;
}

const LEGAL_PROCEEDINGS: DisclosurePurpose = "legal-proceedings";
const NOTES: InformationKind = "counselling-notes";

/** Case-insensitive comparison key: NFKC, lower case, runs of spaces/hyphens/underscores → one space. */
function labelKey(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s_-]+/gu, " ")
    .trim();
}

const TPO_CLASS_KEYS = /* @__PURE__ */ pure(() => new Set(tpoRecipientClasses.map(labelKey)));

function describeRecipient(r: Recipient): string {
  return match(r)
    .with({ kind: "named" }, (x) => `"${x.name}"`)
    .with({ kind: "class" }, (x) => `anyone in the class "${x.description}"`)
    .exhaustive();
}

/** The consent's scope in words, for the disclosure package (only built when the consent is complete). */
function scopeOf(consent: Consent): string {
  const recipients = consent.recipients.map(describeRecipient);
  if (consent.coversAllTpo)
    recipients.push(
      "the patient's treating providers, health plans, third-party payers and people helping to operate the program (single consent for treatment, payment and health-care operations)",
    );
  const purposes = [
    ...new Set([...(consent.coversAllTpo ? tpoPurposes : []), ...consent.purposes]),
  ];
  const expiry =
    consent.expiry === undefined
      ? ""
      : match(consent.expiry)
          .with({ kind: "date" }, (e) => `until ${e.date} (inclusive)`)
          .with({ kind: "event" }, (e) => `until "${e.event}"`)
          .with({ kind: "none" }, () => "with no expiry date")
          .exhaustive();
  const signer = (consent.signedBy ?? "patient").replace(/-/g, " ");
  return (
    `Consent ${consent.id}: "${consent.discloser ?? ""}" may disclose ${consent.information.join(", ")} ` +
    `to ${recipients.join("; ")} for ${purposes.join(", ")}, ${expiry}. ` +
    `Signed by the ${signer} on ${consent.signedOn ?? ""}; the patient may revoke it at any time, ` +
    `except for disclosures already made in reliance on it.`
  );
}

/**
 * Checks one disclosure request against one Part 2 consent and returns every finding.
 *
 * Denied when any of these holds (each is one reason; all are reported):
 * - **patient**: `patientName` missing, or not the request's patient name (compared
 *   case-insensitively, spaces/hyphens folded);
 * - **discloser**: missing, or not the request's discloser;
 * - **recipient**: no recipients (a non-TPO consent), or the request's recipient matches none of
 *   them (named: same name; class: one of `recipient.classes` equals the description). A consent
 *   with `coversAllTpo` also covers, for a TPO purpose, any recipient in one of
 *   {@link tpoRecipientClasses} — the flag records the 2024 rule's general designation "my treating
 *   providers, health plans, third-party payers, and people helping to operate this program";
 * - **purpose**: no purposes (a non-TPO consent), or the purpose is not listed and is not a TPO
 *   purpose under a TPO consent. `"legal-proceedings"` is **always** denied: Part 2 records may not
 *   be used in civil, criminal, administrative or legislative proceedings against the patient
 *   without the patient's consent or a court order under 42 CFR 2.64/2.65 (DOMAIN.md; § 2.32's
 *   notice). iopkit cannot tell whether a proceeding is against the patient nor whether a stored
 *   consent was given for that proceeding, so it never authorises this purpose from a consent:
 *   obtain a court order or legal review;
 * - **information**: no kinds listed, or a requested kind not covered (one reason per kind). Under
 *   the 2024 § 2.31(a)(3) the kinds are the required "description of the information"; the free-text
 *   `amount` is optional;
 * - **counselling-notes**: SUD counselling notes need a consent of their own (2024 rule): requested
 *   together with other kinds, or under a consent whose `information` is not exactly
 *   `["counselling-notes"]`, or under a TPO consent;
 * - **signature**: `signedBy` missing; **signature-date**: `signedOn` missing or after the request date;
 * - **right-to-revoke**: the form does not state it;
 * - **expiry**: missing; a date before the request date (the expiry date is the last valid day);
 *   an event that occurred on or before the request date (its time of day is unknown, so the
 *   whole day counts as after it); `"none"` on a consent without `coversAllTpo`;
 * - **revocation**: `revokedOn` on or before the request date.
 *
 * Allowed otherwise, with {@link part2ShortNotice} (or `options.notice`), a statement of the
 * consent's scope, and one reason per element saying how it was met. Pure: the request's `on` is
 * "today". Not legal advice.
 *
 * @param consent - a validated consent (e.g. from `parseConsent` or a participant's `consents`).
 * @param request - a validated request (see {@link parseDisclosureRequest}).
 * @param options - the notice to return; throws {@link core!IopError | IopError} when it is not a
 *   non-empty string.
 * @example
 * ```ts
 * const decision = canDisclose(consent, request);
 * if (decision.allowed) send(records, decision.notice, decision.scope);
 * else for (const r of decision.reasons) console.log(r.element, r.message);
 * ```
 */
export function canDisclose(
  consent: Consent,
  request: DisclosureRequest,
  options: CanDiscloseOptions = {},
): DisclosureDecision {
  const notice = noticeOf(options, "canDisclose");
  const unmet: DisclosureReason[] = [];
  const met: DisclosureReason[] = [];
  const fail = (element: Part2Element, code: DisclosureReasonCode, message: string): void => {
    unmet.push({ code, element, message });
  };
  const pass = (element: Part2Element, code: DisclosureReasonCode, message: string): void => {
    met.push({ code, element, message });
  };
  const on = request.on;
  const tpoPurpose = tpoPurposes.includes(request.purpose);
  const viaTpo = consent.coversAllTpo && tpoPurpose;

  // Patient.
  if (consent.patientName === undefined)
    fail("patient", "missing-patient-name", "the consent does not name the patient");
  else if (labelKey(consent.patientName) !== labelKey(request.patient.name))
    fail("patient", "patient-mismatch", "the consent names a different patient from the request");
  else pass("patient", "patient-named", "the consent names the patient");

  // Discloser.
  if (consent.discloser === undefined)
    fail("discloser", "missing-discloser", "the consent does not say who may disclose");
  else if (labelKey(consent.discloser) !== labelKey(request.discloser))
    fail("discloser", "discloser-not-named", "the consent names a different discloser");
  else pass("discloser", "discloser-named", "the consent names the discloser");

  // Recipient.
  const key = labelKey(request.recipient.name);
  const classKeys = new Set(request.recipient.classes.map(labelKey));
  const listed = consent.recipients.find((r) =>
    match(r)
      .with({ kind: "named" }, (x) => labelKey(x.name) === key)
      .with({ kind: "class" }, (x) => classKeys.has(labelKey(x.description)))
      .exhaustive(),
  );
  const inTpoClass = [...classKeys].some((k) => TPO_CLASS_KEYS.has(k));
  if (consent.recipients.length === 0 && !consent.coversAllTpo)
    fail(
      "recipient",
      "missing-recipients",
      "the consent names no recipient or class of recipients",
    );
  else if (listed !== undefined)
    pass(
      "recipient",
      listed.kind === "named" ? "recipient-named" : "recipient-in-class",
      listed.kind === "named"
        ? "the recipient is named in the consent"
        : "the recipient belongs to a class of recipients the consent names",
    );
  else if (viaTpo && inTpoClass)
    pass(
      "recipient",
      "recipient-tpo-class",
      "the recipient is a treating provider, health plan, third-party payer or helps operate the program, covered by a single TPO consent",
    );
  else
    fail(
      "recipient",
      "recipient-not-covered",
      viaTpo
        ? "the recipient is neither named in the consent nor in a class it names, nor in a TPO recipient class"
        : "the recipient is neither named in the consent nor in a class of recipients it names",
    );

  // Purpose.
  if (request.purpose === LEGAL_PROCEEDINGS)
    fail(
      "purpose",
      "legal-proceedings-need-court-order",
      "Part 2 records may not be used in civil, criminal, administrative or legislative proceedings against the patient without a court order under 42 CFR 2.64/2.65 or the patient's consent for that proceeding; iopkit never allows this purpose from a stored consent: obtain a court order or legal review",
    );
  if (consent.purposes.length === 0 && !consent.coversAllTpo)
    fail("purpose", "missing-purpose", "the consent states no purpose");
  else if (consent.purposes.includes(request.purpose)) {
    if (request.purpose !== LEGAL_PROCEEDINGS)
      pass("purpose", "purpose-listed", `the consent lists the purpose "${request.purpose}"`);
  } else if (viaTpo)
    pass(
      "purpose",
      "purpose-tpo",
      `"${request.purpose}" is covered by a single consent for treatment, payment and health-care operations`,
    );
  else
    fail(
      "purpose",
      "purpose-not-covered",
      `the consent does not cover the purpose "${request.purpose}"`,
    );

  // Information, and counselling notes.
  const requested = [...new Set(request.information)];
  const notesRequested = requested.includes(NOTES);
  const uncovered = requested.filter((k) => !consent.information.includes(k));
  if (consent.information.length === 0)
    fail("information", "missing-information", "the consent does not describe the information");
  else {
    for (const kind of uncovered)
      if (kind !== NOTES)
        fail("information", "information-not-covered", `the consent does not cover "${kind}"`);
    if (uncovered.length === 0 && requested.some((k) => k !== NOTES))
      pass("information", "information-covered", "the consent covers every kind requested");
  }
  if (uncovered.includes(NOTES))
    fail(
      "counselling-notes",
      "counselling-notes-not-covered",
      "SUD counselling notes need a consent of their own (2024 rule) and this consent does not cover them",
    );
  if (notesRequested) {
    let own = true;
    if (requested.length > 1) {
      own = false;
      fail(
        "counselling-notes",
        "counselling-notes-with-other-information",
        "SUD counselling notes must be requested on their own, under a consent of their own (2024 rule); request the other kinds separately",
      );
    }
    if (consent.information.includes(NOTES) && consent.information.some((k) => k !== NOTES)) {
      own = false;
      fail(
        "counselling-notes",
        "counselling-notes-combined",
        "the consent covers SUD counselling notes together with other information; counselling notes need a consent of their own (2024 rule)",
      );
    }
    if (consent.coversAllTpo) {
      own = false;
      fail(
        "counselling-notes",
        "counselling-notes-under-tpo",
        "a single TPO consent does not extend to SUD counselling notes (2024 rule)",
      );
    }
    if (own && consent.information.includes(NOTES))
      pass(
        "counselling-notes",
        "counselling-notes-own-consent",
        "SUD counselling notes are covered by a consent of their own",
      );
  }

  // Signature and date.
  if (consent.signedBy === undefined)
    fail("signature", "missing-signature", "the consent is not signed");
  else pass("signature", "signed", `signed by the ${consent.signedBy.replace(/-/g, " ")}`);
  if (consent.signedOn === undefined)
    fail("signature-date", "missing-signature-date", "the consent has no signature date");
  else if (consent.signedOn > on)
    fail(
      "signature-date",
      "signed-after-request",
      `the consent was signed on ${consent.signedOn}, after the disclosure date ${on}`,
    );
  else pass("signature-date", "signed-before", `signed on ${consent.signedOn}`);

  // Right to revoke.
  if (!consent.statesRightToRevoke)
    fail(
      "right-to-revoke",
      "missing-right-to-revoke",
      "the consent does not state the patient's right to revoke it",
    );
  else pass("right-to-revoke", "states-right-to-revoke", "the consent states the right to revoke");

  // Expiry.
  if (consent.expiry === undefined)
    fail("expiry", "missing-expiry", "the consent has no expiry date, event or condition");
  else
    match(consent.expiry)
      .with({ kind: "date" }, (e) => {
        if (e.date < on)
          fail("expiry", "expired", `the consent expired on ${e.date}, before ${on}`);
        else pass("expiry", "expires-later", `the consent is valid through ${e.date}`);
      })
      .with({ kind: "event" }, (e) => {
        if (e.occurredOn !== undefined && e.occurredOn <= on)
          fail(
            "expiry",
            "expiry-event-occurred",
            `the consent ended with its expiry event on ${e.occurredOn}, on or before ${on}`,
          );
        else pass("expiry", "expiry-event-pending", "the consent's expiry event has not occurred");
      })
      .with({ kind: "none" }, () => {
        if (consent.coversAllTpo)
          pass("expiry", "tpo-no-expiry", "a single TPO consent may state no expiry (2024 rule)");
        else
          fail(
            "expiry",
            "expiry-none-needs-tpo",
            "only a single consent for treatment, payment and health-care operations may have no expiry",
          );
      })
      .exhaustive();

  // Revocation.
  if (consent.revokedOn !== undefined && consent.revokedOn <= on)
    fail("revocation", "revoked", `the patient revoked the consent on ${consent.revokedOn}`);
  else
    pass(
      "revocation",
      "not-revoked",
      consent.revokedOn === undefined
        ? "the consent has not been revoked"
        : `the consent was revoked on ${consent.revokedOn}, after ${on}`,
    );

  if (unmet.length > 0) return { allowed: false, consentId: consent.id, reasons: unmet };
  return { allowed: true, consentId: consent.id, notice, scope: scopeOf(consent), reasons: met };
}

function noticeOf(options: CanDiscloseOptions, context: string): string {
  const notice: unknown = options.notice ?? part2ShortNotice;
  if (typeof notice !== "string" || notice.trim() === "")
    misuse(context, "invalid-notice", "options.notice must be a non-empty string", ["notice"]);
  return notice;
}

/**
 * Checks a request against each of a participant's consents, in order, and returns the first
 * allowance; if none allows it, every consent's denial (an app usually holds several consents:
 * a TPO consent, one for a family member, one for counselling notes, …).
 * @param consents - validated consents, e.g. `participant.consents`.
 * @param request - a validated request.
 * @param options - as for {@link canDisclose}.
 */
export function canDiscloseUnder(
  consents: readonly Consent[],
  request: DisclosureRequest,
  options: CanDiscloseOptions = {},
): ConsentsDecision {
  noticeOf(options, "canDiscloseUnder");
  const denials: DisclosureDenied[] = [];
  for (const consent of consents) {
    const d = canDisclose(consent, request, options);
    if (d.allowed) return d;
    denials.push(d);
  }
  const summary: DisclosureReason =
    consents.length === 0
      ? { code: "no-consent", element: "consent", message: "there is no consent on record" }
      : {
          code: "no-consent-allows",
          element: "consent",
          message: `none of the ${consents.length} consent${consents.length === 1 ? "" : "s"} allows this disclosure`,
        };
  return { allowed: false, reasons: [summary], denials };
}
