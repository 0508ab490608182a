/**
 * `canDisclose`: may these Part 2 records be disclosed under this consent? Checks the elements of
 * 42 CFR 2.31(a) as amended in 2024, the statements a single consent for treatment, payment and
 * health-care operations (TPO) must carry, the scope of a TPO consent (§ 2.33(a)(2)), who may sign
 * for the patient (§§ 2.14, 2.15) and the separate consent SUD counselling notes need (§ 2.31(b)),
 * and answers allowed — with the notice of § 2.32 and a statement of the consent's scope — or
 * denied, with every reason, each citing its section (`cfr-42-part-2` in iopkit/sources).
 *
 * It does **not** check: whether the recipient is a covered entity or business associate, breach
 * notification, minimum necessary (the `amount` text), whether the information description is
 * "specific and meaningful", state law on minors, nor the wording of the form. Not legal advice:
 * the rules below are a conservative reading, documented so a clinic's counsel can check them.
 */
import { pure } from "../core/pure";
import { match } from "ts-pattern";
import { guardEntry, misuse } from "../core/errors";
import type {
  Consent,
  ConsentStatement,
  DisclosurePurpose,
  InformationKind,
  Recipient,
} from "../participant/index";
import type {
  ConsentsDecision,
  DisclosureCitation,
  DisclosureDecision,
  DisclosureDenied,
  DisclosureReason,
  DisclosureReasonCode,
  Part2Element,
} from "./disclosure-decision";
import type { DisclosureRequest } from "./disclosure-request";
import { part2ShortNotice } from "./notice";

/**
 * The purposes a single TPO consent covers — and the only ones it may authorise: treatment,
 * payment and health-care operations (42 CFR 2.31(a)(4)(i), 2.33(a)(2); `coe-phi-2025-part-2-faq`,
 * Q2: "The TPO consent form may not authorize use or disclosure of Part 2 records for any other
 * purpose").
 */
export const tpoPurposes: readonly DisclosurePurpose[] = [
  "treatment",
  "payment",
  "health-care-operations",
];

/**
 * The recipient classes a single TPO consent names, after the designation the 2024 rule allows:
 * "my treating providers, health plans, third-party payers, and people helping to operate this
 * program" (42 CFR 2.31(a)(4)(i)). A request whose `recipient.classes` holds one of these is
 * covered by a consent with `coversAllTpo` for a TPO purpose.
 */
export const tpoRecipientClasses: readonly string[] = [
  "treating-provider",
  "health-plan",
  "third-party-payer",
  "program-operations",
];

/**
 * The statements a single TPO consent must carry, without which it allows nothing: how to revoke
 * in writing (§ 2.31(a)(6)), the HIPAA redisclosure statement (§ 2.31(a)(4)(iii)), the potential
 * for redisclosure and the consequences of refusing to sign (§ 2.31(a)(10) in compliance
 * checklists; `coe-phi-2025-part-2-faq`, Q3).
 */
export const tpoStatements: readonly ConsentStatement[] = [
  "how-to-revoke",
  "hipaa-redisclosure",
  "redisclosure-risk",
  "consequences-of-refusal",
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

const part2 = (section: string): DisclosureCitation => ({ source: "cfr-42-part-2", section });
const coePhi = (section: string): DisclosureCitation => ({
  source: "coe-phi-2025-part-2-faq",
  section,
});

/** The section each element rests on, unless a finding names a more specific one. */
const ELEMENT_SOURCE: Readonly<Record<Part2Element, string>> = {
  patient: "§ 2.31(a)(1)",
  discloser: "§ 2.31(a)(2)",
  recipient: "§ 2.31(a)(4)(i)",
  purpose: "§ 2.31(a)(5)",
  information: "§ 2.31(a)(3)",
  statements: "§ 2.31(a)(4)(iii)",
  signature: "§ 2.31(a)(8)",
  "signature-date": "§ 2.31(a)(9)",
  "right-to-revoke": "§ 2.31(a)(6)",
  expiry: "§ 2.31(a)(7)",
  revocation: "§ 2.31(a)(6)",
  "counselling-notes": "§ 2.31(b)",
  consent: "§ 2.31(a)",
};

/** Each TPO statement: the code naming it when missing, its source, and what it says. */
const STATEMENTS: Readonly<
  Record<ConsentStatement, { code: DisclosureReasonCode; source: DisclosureCitation; what: string }>
> = /* @__PURE__ */ pure(() => ({
  "how-to-revoke": {
    code: "missing-how-to-revoke",
    source: part2("§ 2.31(a)(6)"),
    what: "how the patient may revoke it, in writing",
  },
  "hipaa-redisclosure": {
    code: "missing-hipaa-redisclosure-statement",
    source: part2("§ 2.31(a)(4)(iii)"),
    what: "that the record may be redisclosed as the HIPAA regulations permit, except in proceedings against the patient",
  },
  "redisclosure-risk": {
    code: "missing-redisclosure-risk-statement",
    source: coePhi("Q3"),
    what: "the potential for the records to be redisclosed by the recipient and no longer protected by Part 2",
  },
  "consequences-of-refusal": {
    code: "missing-consequences-of-refusal-statement",
    source: coePhi("Q3"),
    what: "the consequences to the patient of refusing to sign",
  },
}));

/**
 * Comparison key: NFKC, full case folding (locale-independent lower case of the upper case),
 * runs of spaces/hyphens/underscores → one space, trimmed. A label made only of separators has
 * the key `""`, which never matches anything.
 */
function labelKey(text: string): string {
  return text
    .normalize("NFKC")
    .toUpperCase()
    .toLowerCase()
    .normalize("NFKC")
    .replace(/[\s_-]+/gu, " ")
    .trim();
}

/** Two labels name the same thing: equal keys, neither empty. */
function sameLabel(a: string, b: string): boolean {
  const k = labelKey(a);
  return k !== "" && k === labelKey(b);
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
  const discloser =
    consent.discloser === undefined
      ? `anyone in the class "${consent.discloserClass ?? ""}"`
      : `"${consent.discloser}"`;
  return (
    `Consent ${consent.id}: ${discloser} may disclose ${consent.information.join(", ")} ` +
    `to ${recipients.join("; ")} for ${purposes.join(", ")}, ${expiry}. ` +
    `Signed by the ${signer} on ${consent.signedOn ?? ""}; the patient may revoke it at any time, ` +
    `in writing, except for disclosures already made in reliance on it.`
  );
}

/**
 * Checks one disclosure request against one Part 2 consent and returns every finding, each with
 * the section of 42 CFR Part 2 it rests on (`reason.source`).
 *
 * Denied when any of these holds (each is one reason; all are reported):
 * - **patient** (§ 2.31(a)(1)): `patientName` missing, or not the request's patient name
 *   (compared after NFKC normalisation and full case folding, spaces/hyphens/underscores folded;
 *   a name made only of separators matches nothing);
 * - **discloser** (§ 2.31(a)(2)): neither `discloser` nor `discloserClass`, or the request's
 *   discloser is neither the named one nor in the class (`request.discloserClasses`);
 * - **recipient** (§ 2.31(a)(4)(i)): no recipients (a non-TPO consent), or the request's recipient
 *   matches none of them (named: same name; class: one of `recipient.classes` equals the
 *   description). A consent with `coversAllTpo` also covers, for a TPO purpose, any recipient in
 *   one of {@link tpoRecipientClasses};
 * - **purpose** (§ 2.31(a)(5)): no purposes (a non-TPO consent), or the purpose is not listed and is
 *   not a TPO purpose under a TPO consent. A **TPO consent never allows another purpose**
 *   (`tpo-consent-non-tpo-purpose`, § 2.33(a)(2)), even if a record built without the parser lists
 *   one. `"legal-proceedings"` is **always** denied: Part 2 records may not be used in civil,
 *   criminal, administrative or legislative proceedings against the patient without the
 *   patient's consent or a court order (§§ 2.64, 2.65; § 2.32(a)(1)). iopkit cannot tell whether a
 *   proceeding is against the patient nor whether a stored consent was given for that proceeding,
 *   so it never authorises this purpose from a consent: obtain a court order or legal review;
 * - **information** (§ 2.31(a)(3)): no kinds listed, or a requested kind not covered (one reason
 *   per kind). The free-text `amount` is optional and not checked;
 * - **statements** (TPO consents only): each of {@link tpoStatements} the form does not carry,
 *   one reason naming it (`missing-how-to-revoke`, `missing-hipaa-redisclosure-statement`,
 *   `missing-redisclosure-risk-statement`, `missing-consequences-of-refusal-statement`);
 * - **counselling-notes** (§ 2.31(b)): SUD counselling notes need a consent of their own: requested
 *   together with other kinds, or under a consent whose `information` is not exactly
 *   `["counselling-notes"]`, or under a TPO consent;
 * - **signature** (§ 2.31(a)(8)): `signedBy` missing; a guardian or representative without a
 *   `signerBasis` (§§ 2.14, 2.15: only for a minor, a patient who lacks capacity or a deceased
 *   patient); basis `"minor"` without `patientCosigned` (§ 2.14(b)(1): both sign); the patient's
 *   own signature with basis `"lacks-capacity"` or `"deceased"`;
 * - **signature-date** (§ 2.31(a)(9)): `signedOn` missing or after the request date;
 * - **right-to-revoke** (§ 2.31(a)(6)): the form does not state it;
 * - **expiry** (§ 2.31(a)(7)): missing; a date before the request date (the expiry date is the
 *   last valid day); an event that occurred on or before the request date (its time of day is
 *   unknown, so the whole day counts as after it); `"none"` on a consent without `coversAllTpo`;
 * - **revocation** (§ 2.31(a)(6)): `revokedOn` on or before the request date.
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
 * else for (const r of decision.reasons) console.log(r.element, r.source.section, r.message);
 * ```
 */
export function canDisclose(
  consent: Consent,
  request: DisclosureRequest,
  options: CanDiscloseOptions = {},
): DisclosureDecision {
  // A plain-JS caller can pass anything: what the types would have refused is an IopError, never a
  // raw TypeError.
  return guardEntry("canDisclose", () => decide(consent, request, options));
}

/** {@link canDisclose}'s decision, once its arguments are known to be readable. */
function decide(
  consent: Consent,
  request: DisclosureRequest,
  options: CanDiscloseOptions,
): DisclosureDecision {
  const notice = noticeOf(options, "canDisclose");
  const unmet: DisclosureReason[] = [];
  const met: DisclosureReason[] = [];
  const reason = (
    element: Part2Element,
    code: DisclosureReasonCode,
    message: string,
    source: DisclosureCitation | undefined,
  ): DisclosureReason => ({
    code,
    element,
    source: source ?? part2(ELEMENT_SOURCE[element]),
    message,
  });
  const fail = (
    element: Part2Element,
    code: DisclosureReasonCode,
    message: string,
    source?: DisclosureCitation,
  ): void => {
    unmet.push(reason(element, code, message, source));
  };
  const pass = (
    element: Part2Element,
    code: DisclosureReasonCode,
    message: string,
    source?: DisclosureCitation,
  ): void => {
    met.push(reason(element, code, message, source));
  };
  const on = request.on;
  const tpoPurpose = tpoPurposes.includes(request.purpose);
  const viaTpo = consent.coversAllTpo && tpoPurpose;

  // Patient.
  if (consent.patientName === undefined)
    fail("patient", "missing-patient-name", "the consent does not name the patient");
  else if (!sameLabel(consent.patientName, request.patient.name))
    fail("patient", "patient-mismatch", "the consent names a different patient from the request");
  else pass("patient", "patient-named", "the consent names the patient");

  // Discloser: a named person or a class of persons (§ 2.31(a)(2)).
  const discloserClasses = request.discloserClasses ?? [];
  if (consent.discloser === undefined && consent.discloserClass === undefined)
    fail("discloser", "missing-discloser", "the consent does not say who may disclose");
  else if (consent.discloser !== undefined && sameLabel(consent.discloser, request.discloser))
    pass("discloser", "discloser-named", "the consent names the discloser");
  else if (
    consent.discloserClass !== undefined &&
    discloserClasses.some((c) => sameLabel(c, consent.discloserClass ?? ""))
  )
    pass(
      "discloser",
      "discloser-in-class",
      "the discloser belongs to the class of persons the consent authorises to disclose",
    );
  else
    fail(
      "discloser",
      "discloser-not-named",
      "the discloser is neither named in the consent nor in the class of persons it authorises to disclose",
    );

  // Recipient.
  const classKeys = new Set(request.recipient.classes.map(labelKey).filter((k) => k !== ""));
  const listed = consent.recipients.find((r) =>
    match(r)
      .with({ kind: "named" }, (x) => sameLabel(x.name, request.recipient.name))
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
  const tpoScope = part2("§ 2.33(a)(2)");
  if (request.purpose === LEGAL_PROCEEDINGS)
    fail(
      "purpose",
      "legal-proceedings-need-court-order",
      "Part 2 records may not be used in civil, criminal, administrative or legislative proceedings against the patient without a court order under 42 CFR 2.64/2.65 or the patient's consent for that proceeding; iopkit never allows this purpose from a stored consent: obtain a court order or legal review",
      part2("§ 2.64"),
    );
  if (consent.coversAllTpo && !tpoPurpose) {
    if (request.purpose !== LEGAL_PROCEEDINGS)
      fail(
        "purpose",
        "tpo-consent-non-tpo-purpose",
        `a single consent for treatment, payment and health-care operations authorises those purposes only, not "${request.purpose}": that needs a separate consent`,
        tpoScope,
      );
  } else if (consent.purposes.length === 0 && !consent.coversAllTpo)
    fail("purpose", "missing-purpose", "the consent states no purpose");
  else if (consent.purposes.includes(request.purpose)) {
    if (request.purpose !== LEGAL_PROCEEDINGS)
      pass("purpose", "purpose-listed", `the consent lists the purpose "${request.purpose}"`);
  } else if (viaTpo)
    pass(
      "purpose",
      "purpose-tpo",
      `"${request.purpose}" is covered by a single consent for treatment, payment and health-care operations`,
      tpoScope,
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
      "SUD counselling notes need a consent of their own and this consent does not cover them",
    );
  if (notesRequested) {
    let own = true;
    if (requested.length > 1) {
      own = false;
      fail(
        "counselling-notes",
        "counselling-notes-with-other-information",
        "SUD counselling notes must be requested on their own, under a consent of their own; request the other kinds separately",
      );
    }
    if (consent.information.includes(NOTES) && consent.information.some((k) => k !== NOTES)) {
      own = false;
      fail(
        "counselling-notes",
        "counselling-notes-combined",
        "the consent covers SUD counselling notes together with other information; counselling notes need a consent of their own",
      );
    }
    if (consent.coversAllTpo) {
      own = false;
      fail(
        "counselling-notes",
        "counselling-notes-under-tpo",
        "a single TPO consent does not extend to SUD counselling notes",
      );
    }
    if (own && consent.information.includes(NOTES))
      pass(
        "counselling-notes",
        "counselling-notes-own-consent",
        "SUD counselling notes are covered by a consent of their own",
      );
  }

  // Statements a single TPO consent must carry.
  if (consent.coversAllTpo) {
    const missing = tpoStatements.filter((s) => !consent.statements.includes(s));
    for (const s of missing) {
      const st = STATEMENTS[s];
      fail(
        "statements",
        st.code,
        `a single TPO consent allows nothing unless it states ${st.what}`,
        st.source,
      );
    }
    if (missing.length === 0)
      pass(
        "statements",
        "tpo-statements-present",
        "the TPO consent carries every statement the 2024 rule requires",
      );
  }

  // Signature: the patient's, or a guardian's or representative's with a basis (§§ 2.14, 2.15).
  const basis = consent.signerBasis;
  if (consent.signedBy === undefined)
    fail("signature", "missing-signature", "the consent is not signed");
  else if (consent.signedBy === "patient") {
    if (basis === "lacks-capacity" || basis === "deceased")
      fail(
        "signature",
        "signer-basis-contradicts-signer",
        `the consent is signed by the patient but records that the patient ${basis === "deceased" ? "is deceased" : "lacks capacity"}: a guardian or representative signs in that case`,
        part2("§ 2.15"),
      );
    else pass("signature", "signed", "signed by the patient");
  } else {
    const name = consent.signedBy.replace(/-/g, " ");
    // "a guardian", "an authorised representative".
    const signer = `${/^[aeiou]/.test(name) ? "an" : "a"} ${name}`;
    if (basis === undefined)
      fail(
        "signature",
        "signer-basis-missing",
        `signed by ${signer} with no documented basis: only for a minor (§ 2.14), a patient who lacks capacity or a deceased patient (§ 2.15) may someone else sign`,
        part2("§ 2.14"),
      );
    else if (basis === "minor" && consent.patientCosigned !== true)
      fail(
        "signature",
        "minor-must-cosign",
        `signed by ${signer} for a minor: where state law requires a parent's consent to treatment, the minor and the parent or guardian both sign (and where it does not, the minor alone)`,
        part2("§ 2.14(b)(1)"),
      );
    else
      pass(
        "signature",
        "signed-by-representative",
        basis === "minor"
          ? `signed by the minor patient and ${signer}`
          : `signed by ${signer}: the patient ${basis === "deceased" ? "is deceased" : "lacks capacity"}`,
        part2(basis === "minor" ? "§ 2.14(b)(1)" : "§ 2.15"),
      );
  }
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
          pass("expiry", "tpo-no-expiry", "a single TPO consent may state no expiry");
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
      ? {
          code: "no-consent",
          element: "consent",
          source: part2(ELEMENT_SOURCE.consent),
          message: "there is no consent on record",
        }
      : {
          code: "no-consent-allows",
          element: "consent",
          source: part2(ELEMENT_SOURCE.consent),
          message: `none of the ${consents.length} consent${consents.length === 1 ? "" : "s"} allows this disclosure`,
        };
  return { allowed: false, reasons: [summary], denials };
}
