// canDisclose: one example per Part 2 element and rule. Source for every rule: DOMAIN.md
// "42 CFR Part 2" (consent elements; 2024 rule: single TPO consent, counselling notes need their own
// consent, no use in proceedings against the patient without consent or court order; the notice).
import { describe, expect, it } from "vitest";
import {
  IopError,
  canDisclose,
  canDiscloseUnder,
  parseConsent,
  parseDisclosureRequest,
  part2FullNotice,
  part2ShortNotice,
  part2ShortNotice2018,
  safeParseConsent,
  safeParseDisclosureRequest,
  type Consent,
  type ConsentInput,
  type DisclosureDecision,
  type DisclosureRequest,
  type DisclosureRequestInput,
  type Part2Element,
} from "iopkit";

const consentInput: ConsentInput = {
  id: "c-1",
  patientName: "Alex Rivera",
  discloser: "Riverside IOP",
  recipients: [
    { kind: "named", name: "Dr. Sam Lee" },
    { kind: "class", description: "family members at family sessions" },
  ],
  purposes: ["treatment"],
  information: ["attendance", "drug-tests"],
  signedBy: "patient",
  signedOn: "2026-01-05",
  statesRightToRevoke: true,
  expiry: { kind: "date", date: "2026-12-31" },
};
const requestInput: DisclosureRequestInput = {
  patient: { id: "p-001", name: "Alex Rivera" },
  discloser: "Riverside IOP",
  recipient: { name: "Dr. Sam Lee", classes: [] },
  purpose: "treatment",
  information: ["attendance"],
  on: "2026-03-09",
};
const consent = (patch: Partial<ConsentInput> = {}): Consent =>
  parseConsent({ ...consentInput, ...patch });
const request = (patch: Partial<DisclosureRequestInput> = {}): DisclosureRequest =>
  parseDisclosureRequest({ ...requestInput, ...patch });
const without = (key: keyof ConsentInput): Consent => {
  const copy: Record<string, unknown> = { ...consentInput };
  delete copy[key];
  return parseConsent(copy);
};

function deniedFor(decision: DisclosureDecision): { element: Part2Element; code: string }[] {
  expect(decision.allowed).toBe(false);
  return decision.reasons.map((r) => ({ element: r.element, code: r.code }));
}

describe("canDisclose — a complete consent allows (DOMAIN.md 42 CFR Part 2)", () => {
  it("allows, with the notice, the consent's scope and one reason per element", () => {
    const d = canDisclose(consent(), request());
    expect(d.allowed).toBe(true);
    if (!d.allowed) return;
    expect(d.consentId).toBe("c-1");
    expect(d.notice).toBe(part2ShortNotice);
    expect(d.scope).toContain("Riverside IOP");
    expect(d.scope).toContain("attendance, drug-tests");
    expect(d.scope).toContain("until 2026-12-31");
    expect(d.scope).not.toContain("Alex");
    expect(new Set(d.reasons.map((r) => r.element))).toEqual(
      new Set([
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
      ]),
    );
  });

  it("compares names case-insensitively, folding spaces, hyphens and underscores", () => {
    const d = canDisclose(
      consent(),
      request({
        patient: { id: "p-001", name: "  ALEX   rivera " },
        discloser: "riverside-iop",
        recipient: { name: "dr. sam_lee" },
      }),
    );
    expect(d.allowed).toBe(true);
  });

  it("never quotes the patient's or recipient's name in its reasons", () => {
    const d = canDisclose(
      consent({ patientName: "Jordan Q" }),
      request({ recipient: { name: "Mary Doe" } }),
    );
    expect(JSON.stringify(d.reasons)).not.toMatch(/Jordan|Alex|Mary|Sam Lee/);
  });
});

describe("canDisclose — each missing element is a denial naming it (42 CFR 2.31(a) via DOMAIN.md)", () => {
  const cases: [keyof ConsentInput, Part2Element, string][] = [
    ["patientName", "patient", "missing-patient-name"],
    ["discloser", "discloser", "missing-discloser"],
    ["recipients", "recipient", "missing-recipients"],
    ["purposes", "purpose", "missing-purpose"],
    ["information", "information", "missing-information"],
    ["signedBy", "signature", "missing-signature"],
    ["signedOn", "signature-date", "missing-signature-date"],
    ["statesRightToRevoke", "right-to-revoke", "missing-right-to-revoke"],
    ["expiry", "expiry", "missing-expiry"],
  ];
  it.each(cases)("without %s → denied (%s, %s)", (key, element, code) => {
    expect(deniedFor(canDisclose(without(key), request()))).toEqual([{ element, code }]);
  });

  it("lists every problem of an empty consent, not just the first", () => {
    const reasons = deniedFor(canDisclose(parseConsent({ id: "c-0" }), request()));
    expect(reasons.map((r) => r.element)).toEqual([
      "patient",
      "discloser",
      "recipient",
      "purpose",
      "information",
      "signature",
      "signature-date",
      "right-to-revoke",
      "expiry",
    ]);
  });
});

describe("canDisclose — the request must match the consent", () => {
  it("another patient's consent → patient-mismatch", () => {
    expect(
      deniedFor(canDisclose(consent(), request({ patient: { id: "p-002", name: "Sam Cruz" } }))),
    ).toEqual([{ element: "patient", code: "patient-mismatch" }]);
  });

  it("another discloser → discloser-not-named", () => {
    expect(deniedFor(canDisclose(consent(), request({ discloser: "Hillside Clinic" })))).toEqual([
      { element: "discloser", code: "discloser-not-named" },
    ]);
  });

  it("a recipient neither named nor in a named class → recipient-not-covered", () => {
    expect(
      deniedFor(
        canDisclose(
          consent(),
          request({ recipient: { name: "Acme Insurance", classes: ["insurer"] } }),
        ),
      ),
    ).toEqual([{ element: "recipient", code: "recipient-not-covered" }]);
  });

  it("class recipients match the request's classes (Part 2 allows a class of persons)", () => {
    const d = canDisclose(
      consent(),
      request({ recipient: { name: "Jo Rivera", classes: ["Family Members at family sessions"] } }),
    );
    expect(d.allowed).toBe(true);
    expect(d.reasons.find((r) => r.element === "recipient")?.code).toBe("recipient-in-class");
  });

  it("a purpose the consent does not list → purpose-not-covered", () => {
    expect(deniedFor(canDisclose(consent(), request({ purpose: "payment" })))).toEqual([
      { element: "purpose", code: "purpose-not-covered" },
    ]);
  });

  it("one reason per kind of information the consent does not cover", () => {
    expect(
      deniedFor(
        canDisclose(consent(), request({ information: ["attendance", "diagnosis", "measures"] })),
      ),
    ).toEqual([
      { element: "information", code: "information-not-covered" },
      { element: "information", code: "information-not-covered" },
    ]);
  });
});

describe("canDisclose — dates: signature, expiry, revocation", () => {
  it("signed after the disclosure date → signed-after-request", () => {
    expect(deniedFor(canDisclose(consent({ signedOn: "2026-03-10" }), request()))).toEqual([
      { element: "signature-date", code: "signed-after-request" },
    ]);
    expect(canDisclose(consent({ signedOn: "2026-03-09" }), request()).allowed).toBe(true);
  });

  it("expiry by date: valid through the expiry date, denied the day after", () => {
    const c = consent({ expiry: { kind: "date", date: "2026-03-09" } });
    expect(canDisclose(c, request({ on: "2026-03-09" })).allowed).toBe(true);
    expect(deniedFor(canDisclose(c, request({ on: "2026-03-10" })))).toEqual([
      { element: "expiry", code: "expired" },
    ]);
  });

  it("expiry by event: allowed until the event, denied from the day it occurred", () => {
    const pending = consent({ expiry: { kind: "event", event: "discharge from the program" } });
    expect(canDisclose(pending, request()).allowed).toBe(true);
    const occurred = consent({
      expiry: { kind: "event", event: "discharge from the program", occurredOn: "2026-03-09" },
    });
    expect(deniedFor(canDisclose(occurred, request()))).toEqual([
      { element: "expiry", code: "expiry-event-occurred" },
    ]);
    expect(canDisclose(occurred, request({ on: "2026-03-08" })).allowed).toBe(true);
  });

  it("revoked on or before the disclosure date → revoked; revoked later → allowed", () => {
    expect(deniedFor(canDisclose(consent({ revokedOn: "2026-03-09" }), request()))).toEqual([
      { element: "revocation", code: "revoked" },
    ]);
    expect(deniedFor(canDisclose(consent({ revokedOn: "2026-02-01" }), request()))).toEqual([
      { element: "revocation", code: "revoked" },
    ]);
    const later = canDisclose(consent({ revokedOn: "2026-03-10" }), request());
    expect(later.allowed).toBe(true);
    expect(later.reasons.find((r) => r.element === "revocation")?.message).toContain("2026-03-10");
  });

  it('expiry "none" is only for a single TPO consent (2024 rule, § 2.31(a)(6))', () => {
    expect(deniedFor(canDisclose(consent({ expiry: { kind: "none" } }), request()))).toEqual([
      { element: "expiry", code: "expiry-none-needs-tpo" },
    ]);
    expect(
      canDisclose(consent({ expiry: { kind: "none" }, coversAllTpo: true }), request()).allowed,
    ).toBe(true);
  });
});

describe("canDisclose — the single TPO consent (2024 rule, DOMAIN.md)", () => {
  const tpo = consent({
    recipients: [],
    purposes: [],
    coversAllTpo: true,
    expiry: { kind: "none" },
  });

  it.each(["treatment", "payment", "health-care-operations"] as const)(
    "covers %s for a recipient in a TPO class, without listing purposes or recipients",
    (purpose) => {
      const d = canDisclose(
        tpo,
        request({ purpose, recipient: { name: "Acme Health Plan", classes: ["health plan"] } }),
      );
      expect(d.allowed).toBe(true);
      expect(d.reasons.find((r) => r.element === "purpose")?.code).toBe("purpose-tpo");
      expect(d.reasons.find((r) => r.element === "recipient")?.code).toBe("recipient-tpo-class");
      if (d.allowed) expect(d.scope).toContain("third-party payers");
    },
  );

  it("does not cover research, nor a recipient outside the TPO classes", () => {
    expect(
      deniedFor(
        canDisclose(
          tpo,
          request({ purpose: "research", recipient: { name: "U", classes: ["health-plan"] } }),
        ),
      ),
    ).toEqual([
      { element: "recipient", code: "recipient-not-covered" },
      { element: "purpose", code: "purpose-not-covered" },
    ]);
    expect(
      deniedFor(
        canDisclose(tpo, request({ recipient: { name: "A reporter", classes: ["press"] } })),
      ),
    ).toEqual([{ element: "recipient", code: "recipient-not-covered" }]);
  });

  it("still needs the information described, a signature and the right to revoke", () => {
    const bare = consent({
      coversAllTpo: true,
      recipients: [],
      purposes: [],
      information: [],
      statesRightToRevoke: false,
    });
    expect(deniedFor(canDisclose(bare, request())).map((r) => r.element)).toEqual([
      "recipient",
      "information",
      "right-to-revoke",
    ]);
  });
});

describe("canDisclose — SUD counselling notes need a consent of their own (2024 rule, DOMAIN.md)", () => {
  const notesConsent = consent({ information: ["counselling-notes"] });

  it("allowed under a consent whose information is exactly counselling notes", () => {
    const d = canDisclose(notesConsent, request({ information: ["counselling-notes"] }));
    expect(d.allowed).toBe(true);
    expect(d.reasons.map((r) => r.code)).toContain("counselling-notes-own-consent");
  });

  it("denied under a consent that also covers other information", () => {
    const combined = consent({ information: ["attendance", "counselling-notes"] });
    expect(
      deniedFor(canDisclose(combined, request({ information: ["counselling-notes"] }))),
    ).toEqual([{ element: "counselling-notes", code: "counselling-notes-combined" }]);
  });

  it("denied when requested together with other kinds", () => {
    expect(
      deniedFor(
        canDisclose(notesConsent, request({ information: ["counselling-notes", "attendance"] })),
      ),
    ).toEqual([
      { element: "information", code: "information-not-covered" },
      { element: "counselling-notes", code: "counselling-notes-with-other-information" },
    ]);
  });

  it("denied under a consent that does not cover them, and under a TPO consent", () => {
    expect(
      deniedFor(canDisclose(consent(), request({ information: ["counselling-notes"] }))),
    ).toEqual([{ element: "counselling-notes", code: "counselling-notes-not-covered" }]);
    expect(
      deniedFor(
        canDisclose(
          consent({ information: ["counselling-notes"], coversAllTpo: true }),
          request({ information: ["counselling-notes"] }),
        ),
      ),
    ).toEqual([{ element: "counselling-notes", code: "counselling-notes-under-tpo" }]);
  });
});

describe("canDisclose — legal proceedings (DOMAIN.md: never usable against the patient without consent or court order)", () => {
  it("is never allowed from a stored consent, even one listing the purpose; the reason asks for a court order", () => {
    const d = canDisclose(
      consent({ purposes: ["legal-proceedings"] }),
      request({ purpose: "legal-proceedings" }),
    );
    expect(deniedFor(d)).toEqual([
      { element: "purpose", code: "legal-proceedings-need-court-order" },
    ]);
    expect(d.reasons[0]?.message).toMatch(/court order/);
    expect(d.reasons[0]?.message).toContain("2.64");
  });
});

describe("the notice (42 CFR 2.32)", () => {
  it("2024 short form: unauthorized use or disclosure (DOMAIN.md; secondary sources in TSDoc)", () => {
    expect(part2ShortNotice).toBe(
      "42 CFR part 2 prohibits unauthorized use or disclosure of these records.",
    );
  });
  it("2018 short form: unauthorized disclosure (Cornell LII, eCFR 2020)", () => {
    expect(part2ShortNotice2018).toBe(
      "42 CFR part 2 prohibits unauthorized disclosure of these records.",
    );
  });
  it("the full 2024 notice warns against use in proceedings against the patient", () => {
    expect(part2FullNotice).toMatch(/^This record which has been disclosed to you is protected/);
    expect(part2FullNotice).toContain("against the patient");
    expect(part2FullNotice).toContain("42 CFR 2.64 or 2.65");
  });
  it("is configurable, and a blank notice is misuse", () => {
    const d = canDisclose(consent(), request(), { notice: part2FullNotice });
    expect(d.allowed && d.notice).toBe(part2FullNotice);
    expect(() => canDisclose(consent(), request(), { notice: " " })).toThrow(IopError);
    expect(() => canDiscloseUnder([], request(), { notice: "" })).toThrow(/options.notice/);
  });
});

describe("canDiscloseUnder — several consents", () => {
  it("returns the first consent that allows", () => {
    const d = canDiscloseUnder(
      [
        consent({ id: "c-old", revokedOn: "2026-02-01" }),
        consent({ id: "c-new" }),
        consent({ id: "c-3" }),
      ],
      request(),
    );
    expect(d.allowed).toBe(true);
    if (d.allowed) expect(d.consentId).toBe("c-new");
  });

  it("returns every consent's denial when none allows", () => {
    const d = canDiscloseUnder(
      [
        consent({ id: "c-a", revokedOn: "2026-02-01" }),
        consent({ id: "c-b", purposes: ["payment"] }),
      ],
      request(),
    );
    expect(d.allowed).toBe(false);
    if (d.allowed) return;
    expect(d.reasons).toEqual([
      expect.objectContaining({ code: "no-consent-allows", element: "consent" }),
    ]);
    expect(d.denials.map((x) => [x.consentId, x.reasons.map((r) => r.code)])).toEqual([
      ["c-a", ["revoked"]],
      ["c-b", ["purpose-not-covered"]],
    ]);
  });

  it("with no consent: no-consent", () => {
    const d = canDiscloseUnder([], request());
    expect(d).toEqual({
      allowed: false,
      reasons: [expect.objectContaining({ code: "no-consent" })],
      denials: [],
    });
  });
});

describe("parseDisclosureRequest / parseConsent", () => {
  it("reports every problem with its path", () => {
    const r = safeParseDisclosureRequest({
      ...requestInput,
      on: "2026-02-30",
      information: [],
      extra: 1,
    });
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.error.issues.map((i) => i.path.join("."))).toEqual(
      expect.arrayContaining(["information", "on", "extra"]),
    );
    expect(() => parseDisclosureRequest(null)).toThrow(IopError);
  });

  it("defaults a recipient's classes to none", () => {
    const r = parseDisclosureRequest({ ...requestInput, recipient: { name: "Dr. Sam Lee" } });
    expect(r.recipient.classes).toEqual([]);
  });

  it("parseConsent validates and fills defaults; safeParseConsent never throws", () => {
    expect(parseConsent({ id: "c-9" })).toMatchObject({
      recipients: [],
      statesRightToRevoke: false,
    });
    expect(safeParseConsent({ id: "" }).success).toBe(false);
    expect(safeParseConsent({ id: "c-9", expiry: { kind: "none" } }).success).toBe(true);
  });
});
