// canDisclose's words, exactly: every reason's code, element, section and message, the statement of
// the consent's scope an allowed disclosure carries, and canDiscloseUnder's summary. A clinic shows
// these to staff and sends the scope with the records (42 CFR 2.32), so each is asserted whole.
// Sections: 42 CFR Part 2 as amended in 2024 (`cfr-42-part-2`); `coe-phi-2025-part-2-faq` Q3.
import { describe, expect, it } from "vitest";
import {
  canDisclose,
  canDiscloseUnder,
  consentStatements,
  parseConsent,
  parseDisclosureRequest,
  type Consent,
  type ConsentInput,
  type DisclosureDecision,
  type DisclosureRequestInput,
} from "iopkit";
import { issuesOf } from "../capacity/fixtures";
import { consentInput, requestInput } from "./fixtures";

const consent = (patch: Partial<ConsentInput> = {}): Consent =>
  parseConsent({ ...consentInput, ...patch });
/** A consent as a record built without the parser may hold it. */
const raw = (patch: Record<string, unknown>): Consent => ({ ...consent(), ...patch });
const request = (patch: Partial<DisclosureRequestInput> = {}) =>
  parseDisclosureRequest({ ...requestInput, ...patch });
/** A recipient in a TPO recipient class. */
const plan = { name: "Acme Health", classes: ["health-plan"] };
const lines = (d: DisclosureDecision): string[] =>
  d.reasons.map(
    (r) => `${r.code} | ${r.element} | ${r.source.source} ${r.source.section} | ${r.message}`,
  );
const tpo = (patch: Partial<ConsentInput> = {}): Consent =>
  consent({
    coversAllTpo: true,
    recipients: [],
    purposes: ["treatment", "payment", "health-care-operations"],
    statements: [...consentStatements],
    expiry: { kind: "none" },
    ...patch,
  });

describe("canDisclose: allowed, with every element met and the consent's scope", () => {
  it("a named recipient, a listed purpose, a dated expiry, signed by the patient", () => {
    const d = canDisclose(consent(), request());
    expect(lines(d)).toMatchInlineSnapshot(`
      [
        "patient-named | patient | cfr-42-part-2 § 2.31(a)(1) | the consent names the patient",
        "discloser-named | discloser | cfr-42-part-2 § 2.31(a)(2) | the consent names the discloser",
        "recipient-named | recipient | cfr-42-part-2 § 2.31(a)(4)(i) | the recipient is named in the consent",
        "purpose-listed | purpose | cfr-42-part-2 § 2.31(a)(5) | the consent lists the purpose "treatment"",
        "information-covered | information | cfr-42-part-2 § 2.31(a)(3) | the consent covers every kind requested",
        "signed | signature | cfr-42-part-2 § 2.31(a)(8) | signed by the patient",
        "signed-before | signature-date | cfr-42-part-2 § 2.31(a)(9) | signed on 2026-01-05",
        "states-right-to-revoke | right-to-revoke | cfr-42-part-2 § 2.31(a)(6) | the consent states the right to revoke",
        "expires-later | expiry | cfr-42-part-2 § 2.31(a)(7) | the consent is valid through 2026-12-31",
        "not-revoked | revocation | cfr-42-part-2 § 2.31(a)(6) | the consent has not been revoked",
      ]
    `);
    expect(d.allowed && d.scope).toMatchInlineSnapshot(
      `"Consent c-1: "Riverside IOP" may disclose attendance, drug-tests to "Dr. Sam Lee"; anyone in the class "family members at family sessions" for treatment, until 2026-12-31 (inclusive). Signed by the patient on 2026-01-05; the patient may revoke it at any time, in writing, except for disclosures already made in reliance on it."`,
    );
  });

  it("a recipient in a class, a discloser in a class, an expiry on an event, a guardian for a minor", () => {
    const c = consent({
      discloser: undefined,
      discloserClass: "IOP staff",
      expiry: { kind: "event", event: "discharge from the program" },
      signedBy: "guardian",
      signerBasis: "minor",
      patientCosigned: true,
    });
    const d = canDisclose(
      c,
      request({
        recipient: { name: "Jo Rivera", classes: ["family members at family sessions"] },
        discloserClasses: ["IOP staff"],
      }),
    );
    expect(lines(d)).toMatchInlineSnapshot(`
      [
        "patient-named | patient | cfr-42-part-2 § 2.31(a)(1) | the consent names the patient",
        "discloser-in-class | discloser | cfr-42-part-2 § 2.31(a)(2) | the discloser belongs to the class of persons the consent authorises to disclose",
        "recipient-in-class | recipient | cfr-42-part-2 § 2.31(a)(4)(i) | the recipient belongs to a class of recipients the consent names",
        "purpose-listed | purpose | cfr-42-part-2 § 2.31(a)(5) | the consent lists the purpose "treatment"",
        "information-covered | information | cfr-42-part-2 § 2.31(a)(3) | the consent covers every kind requested",
        "signed-by-representative | signature | cfr-42-part-2 § 2.14(b)(1) | signed by the minor patient and a guardian",
        "signed-before | signature-date | cfr-42-part-2 § 2.31(a)(9) | signed on 2026-01-05",
        "states-right-to-revoke | right-to-revoke | cfr-42-part-2 § 2.31(a)(6) | the consent states the right to revoke",
        "expiry-event-pending | expiry | cfr-42-part-2 § 2.31(a)(7) | the consent's expiry event has not occurred",
        "not-revoked | revocation | cfr-42-part-2 § 2.31(a)(6) | the consent has not been revoked",
      ]
    `);
    expect(d.allowed && d.scope).toMatchInlineSnapshot(
      `"Consent c-1: anyone in the class "IOP staff" may disclose attendance, drug-tests to "Dr. Sam Lee"; anyone in the class "family members at family sessions" for treatment, until "discharge from the program". Signed by the guardian on 2026-01-05; the patient may revoke it at any time, in writing, except for disclosures already made in reliance on it."`,
    );
  });

  it("a single TPO consent: a TPO recipient class, a TPO purpose it does not list, no expiry; a representative", () => {
    const c = tpo({
      purposes: ["treatment"],
      signedBy: "authorised-representative",
      signerBasis: "deceased",
    });
    const d = canDisclose(
      c,
      request({ recipient: { name: "Acme Health", classes: ["health-plan"] }, purpose: "payment" }),
    );
    expect(lines(d)).toMatchInlineSnapshot(`
      [
        "patient-named | patient | cfr-42-part-2 § 2.31(a)(1) | the consent names the patient",
        "discloser-named | discloser | cfr-42-part-2 § 2.31(a)(2) | the consent names the discloser",
        "recipient-tpo-class | recipient | cfr-42-part-2 § 2.31(a)(4)(i) | the recipient is a treating provider, health plan, third-party payer or helps operate the program, covered by a single TPO consent",
        "purpose-tpo | purpose | cfr-42-part-2 § 2.33(a)(2) | "payment" is covered by a single consent for treatment, payment and health-care operations",
        "information-covered | information | cfr-42-part-2 § 2.31(a)(3) | the consent covers every kind requested",
        "tpo-statements-present | statements | cfr-42-part-2 § 2.31(a)(4)(iii) | the TPO consent carries every statement the 2024 rule requires",
        "signed-by-representative | signature | cfr-42-part-2 § 2.15 | signed by an authorised representative: the patient is deceased",
        "signed-before | signature-date | cfr-42-part-2 § 2.31(a)(9) | signed on 2026-01-05",
        "states-right-to-revoke | right-to-revoke | cfr-42-part-2 § 2.31(a)(6) | the consent states the right to revoke",
        "tpo-no-expiry | expiry | cfr-42-part-2 § 2.31(a)(7) | a single TPO consent may state no expiry",
        "not-revoked | revocation | cfr-42-part-2 § 2.31(a)(6) | the consent has not been revoked",
      ]
    `);
    expect(d.allowed && d.scope).toMatchInlineSnapshot(
      `"Consent c-1: "Riverside IOP" may disclose attendance, drug-tests to the patient's treating providers, health plans, third-party payers and people helping to operate the program (single consent for treatment, payment and health-care operations) for treatment, payment, health-care-operations, with no expiry date. Signed by the authorised representative on 2026-01-05; the patient may revoke it at any time, in writing, except for disclosures already made in reliance on it."`,
    );
  });

  it("a guardian for a patient who lacks capacity; counselling notes under their own consent", () => {
    const c = consent({
      signedBy: "guardian",
      signerBasis: "lacks-capacity",
      information: ["counselling-notes"],
    });
    const d = canDisclose(c, request({ information: ["counselling-notes"] }));
    expect(lines(d)).toMatchInlineSnapshot(`
      [
        "patient-named | patient | cfr-42-part-2 § 2.31(a)(1) | the consent names the patient",
        "discloser-named | discloser | cfr-42-part-2 § 2.31(a)(2) | the consent names the discloser",
        "recipient-named | recipient | cfr-42-part-2 § 2.31(a)(4)(i) | the recipient is named in the consent",
        "purpose-listed | purpose | cfr-42-part-2 § 2.31(a)(5) | the consent lists the purpose "treatment"",
        "counselling-notes-own-consent | counselling-notes | cfr-42-part-2 § 2.31(b) | SUD counselling notes are covered by a consent of their own",
        "signed-by-representative | signature | cfr-42-part-2 § 2.15 | signed by a guardian: the patient lacks capacity",
        "signed-before | signature-date | cfr-42-part-2 § 2.31(a)(9) | signed on 2026-01-05",
        "states-right-to-revoke | right-to-revoke | cfr-42-part-2 § 2.31(a)(6) | the consent states the right to revoke",
        "expires-later | expiry | cfr-42-part-2 § 2.31(a)(7) | the consent is valid through 2026-12-31",
        "not-revoked | revocation | cfr-42-part-2 § 2.31(a)(6) | the consent has not been revoked",
      ]
    `);
  });
});

describe("canDisclose: every reason a disclosure is denied, in words", () => {
  it("patient, discloser, recipient", () => {
    expect(lines(canDisclose(raw({ patientName: undefined, discloser: undefined }), request())))
      .toMatchInlineSnapshot(`
      [
        "missing-patient-name | patient | cfr-42-part-2 § 2.31(a)(1) | the consent does not name the patient",
        "missing-discloser | discloser | cfr-42-part-2 § 2.31(a)(2) | the consent does not say who may disclose",
      ]
    `);
    expect(
      lines(
        canDisclose(
          consent(),
          request({
            patient: { id: "p-2", name: "Sam Other" },
            discloser: "Elsewhere",
            recipient: { name: "Nobody", classes: [] },
          }),
        ),
      ),
    ).toMatchInlineSnapshot(`
      [
        "patient-mismatch | patient | cfr-42-part-2 § 2.31(a)(1) | the consent names a different patient from the request",
        "discloser-not-named | discloser | cfr-42-part-2 § 2.31(a)(2) | the discloser is neither named in the consent nor in the class of persons it authorises to disclose",
        "recipient-not-covered | recipient | cfr-42-part-2 § 2.31(a)(4)(i) | the recipient is neither named in the consent nor in a class of recipients it names",
      ]
    `);
    expect(lines(canDisclose(raw({ recipients: [] }), request()))).toMatchInlineSnapshot(`
      [
        "missing-recipients | recipient | cfr-42-part-2 § 2.31(a)(4)(i) | the consent names no recipient or class of recipients",
      ]
    `);
    expect(
      lines(
        canDisclose(tpo(), request({ recipient: { name: "Nobody", classes: ["neighbours"] } })),
      ),
    ).toMatchInlineSnapshot(`
      [
        "recipient-not-covered | recipient | cfr-42-part-2 § 2.31(a)(4)(i) | the recipient is neither named in the consent nor in a class it names, nor in a TPO recipient class",
      ]
    `);
  });

  it("purpose", () => {
    expect(lines(canDisclose(raw({ purposes: [] }), request()))).toMatchInlineSnapshot(`
      [
        "missing-purpose | purpose | cfr-42-part-2 § 2.31(a)(5) | the consent states no purpose",
      ]
    `);
    expect(lines(canDisclose(consent(), request({ purpose: "research" })))).toMatchInlineSnapshot(`
      [
        "purpose-not-covered | purpose | cfr-42-part-2 § 2.31(a)(5) | the consent does not cover the purpose "research"",
      ]
    `);
    expect(
      lines(
        canDisclose(
          consent({ purposes: ["legal-proceedings"] }),
          request({ purpose: "legal-proceedings" }),
        ),
      ),
    ).toMatchInlineSnapshot(`
      [
        "legal-proceedings-need-court-order | purpose | cfr-42-part-2 § 2.64 | Part 2 records may not be used in civil, criminal, administrative or legislative proceedings against the patient without a court order under 42 CFR 2.64/2.65 or the patient's consent for that proceeding; iopkit never allows this purpose from a stored consent: obtain a court order or legal review",
      ]
    `);
    expect(
      lines(
        canDisclose(
          raw({ ...tpo(), purposes: ["treatment", "research"] }),
          request({ purpose: "research", recipient: plan }),
        ),
      ),
    ).toMatchInlineSnapshot(`
      [
        "recipient-not-covered | recipient | cfr-42-part-2 § 2.31(a)(4)(i) | the recipient is neither named in the consent nor in a class of recipients it names",
        "tpo-consent-non-tpo-purpose | purpose | cfr-42-part-2 § 2.33(a)(2) | a single consent for treatment, payment and health-care operations authorises those purposes only, not "research": that needs a separate consent",
      ]
    `);
  });

  it("information and counselling notes", () => {
    expect(lines(canDisclose(raw({ information: [] }), request()))).toMatchInlineSnapshot(`
      [
        "missing-information | information | cfr-42-part-2 § 2.31(a)(3) | the consent does not describe the information",
      ]
    `);
    expect(
      lines(
        canDisclose(consent(), request({ information: ["attendance", "diagnosis", "measures"] })),
      ),
    ).toMatchInlineSnapshot(`
      [
        "information-not-covered | information | cfr-42-part-2 § 2.31(a)(3) | the consent does not cover "diagnosis"",
        "information-not-covered | information | cfr-42-part-2 § 2.31(a)(3) | the consent does not cover "measures"",
      ]
    `);
    expect(
      lines(
        canDisclose(
          consent({ information: ["attendance", "counselling-notes"] }),
          request({ information: ["attendance", "counselling-notes"] }),
        ),
      ),
    ).toMatchInlineSnapshot(`
      [
        "counselling-notes-with-other-information | counselling-notes | cfr-42-part-2 § 2.31(b) | SUD counselling notes must be requested on their own, under a consent of their own; request the other kinds separately",
        "counselling-notes-combined | counselling-notes | cfr-42-part-2 § 2.31(b) | the consent covers SUD counselling notes together with other information; counselling notes need a consent of their own",
      ]
    `);
    expect(
      lines(
        canDisclose(
          raw({ ...tpo(), information: ["counselling-notes"] }),
          request({ information: ["counselling-notes"], recipient: plan }),
        ),
      ),
    ).toMatchInlineSnapshot(`
      [
        "counselling-notes-under-tpo | counselling-notes | cfr-42-part-2 § 2.31(b) | a single TPO consent does not extend to SUD counselling notes",
      ]
    `);
  });

  it("the TPO statements", () => {
    expect(lines(canDisclose(tpo({ statements: [] }), request({ recipient: plan }))))
      .toMatchInlineSnapshot(`
      [
        "missing-how-to-revoke | statements | cfr-42-part-2 § 2.31(a)(6) | a single TPO consent allows nothing unless it states how the patient may revoke it, in writing",
        "missing-hipaa-redisclosure-statement | statements | cfr-42-part-2 § 2.31(a)(4)(iii) | a single TPO consent allows nothing unless it states that the record may be redisclosed as the HIPAA regulations permit, except in proceedings against the patient",
        "missing-redisclosure-risk-statement | statements | coe-phi-2025-part-2-faq Q3 | a single TPO consent allows nothing unless it states the potential for the records to be redisclosed by the recipient and no longer protected by Part 2",
        "missing-consequences-of-refusal-statement | statements | coe-phi-2025-part-2-faq Q3 | a single TPO consent allows nothing unless it states the consequences to the patient of refusing to sign",
      ]
    `);
  });

  it("signature, its date, the right to revoke", () => {
    expect(
      lines(
        canDisclose(
          raw({ signedBy: undefined, signedOn: undefined, statesRightToRevoke: false }),
          request(),
        ),
      ),
    ).toMatchInlineSnapshot(`
      [
        "missing-signature | signature | cfr-42-part-2 § 2.31(a)(8) | the consent is not signed",
        "missing-signature-date | signature-date | cfr-42-part-2 § 2.31(a)(9) | the consent has no signature date",
        "missing-right-to-revoke | right-to-revoke | cfr-42-part-2 § 2.31(a)(6) | the consent does not state the patient's right to revoke it",
      ]
    `);
    expect(lines(canDisclose(raw({ signerBasis: "deceased" }), request()))).toMatchInlineSnapshot(`
      [
        "signer-basis-contradicts-signer | signature | cfr-42-part-2 § 2.15 | the consent is signed by the patient but records that the patient is deceased: a guardian or representative signs in that case",
      ]
    `);
    expect(lines(canDisclose(raw({ signerBasis: "lacks-capacity" }), request())))
      .toMatchInlineSnapshot(`
      [
        "signer-basis-contradicts-signer | signature | cfr-42-part-2 § 2.15 | the consent is signed by the patient but records that the patient lacks capacity: a guardian or representative signs in that case",
      ]
    `);
    expect(lines(canDisclose(raw({ signedBy: "guardian", signerBasis: undefined }), request())))
      .toMatchInlineSnapshot(`
      [
        "signer-basis-missing | signature | cfr-42-part-2 § 2.14 | signed by a guardian with no documented basis: only for a minor (§ 2.14), a patient who lacks capacity or a deceased patient (§ 2.15) may someone else sign",
      ]
    `);
    expect(lines(canDisclose(raw({ signedBy: "guardian", signerBasis: "minor" }), request())))
      .toMatchInlineSnapshot(`
      [
        "minor-must-cosign | signature | cfr-42-part-2 § 2.14(b)(1) | signed by a guardian for a minor: where state law requires a parent's consent to treatment, the minor and the parent or guardian both sign (and where it does not, the minor alone)",
      ]
    `);
    expect(lines(canDisclose(consent({ signedOn: "2026-03-10" }), request())))
      .toMatchInlineSnapshot(`
      [
        "signed-after-request | signature-date | cfr-42-part-2 § 2.31(a)(9) | the consent was signed on 2026-03-10, after the disclosure date 2026-03-09",
      ]
    `);
  });

  it("expiry and revocation", () => {
    expect(lines(canDisclose(raw({ expiry: undefined }), request()))).toMatchInlineSnapshot(`
      [
        "missing-expiry | expiry | cfr-42-part-2 § 2.31(a)(7) | the consent has no expiry date, event or condition",
      ]
    `);
    expect(lines(canDisclose(consent({ expiry: { kind: "date", date: "2026-03-08" } }), request())))
      .toMatchInlineSnapshot(`
      [
        "expired | expiry | cfr-42-part-2 § 2.31(a)(7) | the consent expired on 2026-03-08, before 2026-03-09",
      ]
    `);
    expect(
      lines(
        canDisclose(
          consent({ expiry: { kind: "event", event: "discharge", occurredOn: "2026-03-09" } }),
          request(),
        ),
      ),
    ).toMatchInlineSnapshot(`
      [
        "expiry-event-occurred | expiry | cfr-42-part-2 § 2.31(a)(7) | the consent ended with its expiry event on 2026-03-09, on or before 2026-03-09",
      ]
    `);
    expect(lines(canDisclose(raw({ expiry: { kind: "none" } }), request()))).toMatchInlineSnapshot(`
      [
        "expiry-none-needs-tpo | expiry | cfr-42-part-2 § 2.31(a)(7) | only a single consent for treatment, payment and health-care operations may have no expiry",
      ]
    `);
    expect(lines(canDisclose(consent({ revokedOn: "2026-03-09" }), request())))
      .toMatchInlineSnapshot(`
      [
        "revoked | revocation | cfr-42-part-2 § 2.31(a)(6) | the patient revoked the consent on 2026-03-09",
      ]
    `);
  });
});

describe("canDisclose: the rules behind the words", () => {
  it("a single TPO consent covers each TPO recipient class by its own name (42 CFR 2.31(a)(4)(i))", () => {
    for (const cls of [
      "treating-provider",
      "health-plan",
      "third-party-payer",
      "program-operations",
    ])
      expect(
        canDisclose(tpo(), request({ recipient: { name: "Someone", classes: [cls] } })).allowed,
        cls,
      ).toBe(true);
    expect(
      canDisclose(tpo(), request({ recipient: { name: "Someone", classes: ["neighbours"] } }))
        .allowed,
    ).toBe(false);
  });

  it("counselling notes asked for under a consent that does not cover them (42 CFR 2.31(b))", () => {
    expect(lines(canDisclose(consent(), request({ information: ["counselling-notes"] })))).toEqual([
      "counselling-notes-not-covered | counselling-notes | cfr-42-part-2 § 2.31(b) | SUD counselling notes need a consent of their own and this consent does not cover them",
    ]);
  });

  it("names are folded, not run together: Jo Ann Lee is not Joann Lee", () => {
    const named = consent({ patientName: "Jo Ann Lee" });
    const as = (name: string) => request({ patient: { id: "p-9", name } });
    expect(canDisclose(named, as("jo-ann  LEE")).allowed).toBe(true);
    expect(lines(canDisclose(named, as("Joann Lee")))).toEqual([
      "patient-mismatch | patient | cfr-42-part-2 § 2.31(a)(1) | the consent names a different patient from the request",
    ]);
  });
});

describe("canDiscloseUnder's summary and the notice option", () => {
  it("counts the consents that do not allow it: one, two, none", () => {
    const no = consent({ purposes: ["payment"] });
    expect(canDiscloseUnder([no], request()).reasons.map((r) => r.message)).toEqual([
      "none of the 1 consent allows this disclosure",
    ]);
    expect(canDiscloseUnder([no, no], request()).reasons.map((r) => r.message)).toEqual([
      "none of the 2 consents allows this disclosure",
    ]);
    expect(canDiscloseUnder([], request()).reasons.map((r) => [r.code, r.message])).toEqual([
      ["no-consent", "there is no consent on record"],
    ]);
  });

  it("a notice that is not a non-empty string is refused at its path", () => {
    for (const notice of ["  ", 5])
      expect(
        issuesOf(() => canDisclose(consent(), request(), { notice: notice as string })),
      ).toEqual([["invalid-notice", ["notice"]]]);
    expect(() => canDisclose(consent(), request(), { notice: "" })).toThrow(/^canDisclose: /);
    expect(() => canDiscloseUnder([], request(), { notice: "" })).toThrow(/^canDiscloseUnder: /);
  });
});
