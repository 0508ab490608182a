// canDisclose: one example per Part 2 element and rule. Sources (iopkit/sources ids): 42 CFR Part 2
// as amended in 2024 (`cfr-42-part-2`): § 2.31(a) elements, § 2.31(b) counselling notes, § 2.33(a)(2)
// the scope of a single TPO consent, §§ 2.14/2.15 who may sign, §§ 2.64/2.65 proceedings, § 2.32 the
// notice; `coe-phi-2025-part-2-faq` Q2–Q4 for the TPO statements and revocation in writing.
import { describe, expect, it } from "vitest";
import { isSourceId, sources } from "iopkit/sources";
import {
  IopError,
  canDisclose,
  consentStatements,
  migrateRecord,
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
import { consentInput, requestInput } from "./fixtures";

/** Every statement a single TPO consent must carry. */
const allStatements = [...consentStatements];
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

describe("canDisclose — a complete consent allows (42 CFR 2.31(a))", () => {
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

describe("canDisclose — each missing element is a denial naming it (42 CFR 2.31(a))", () => {
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

  it('expiry "none" is only for a single TPO consent (§ 2.31(a)(7))', () => {
    const none = canDisclose(consent({ expiry: { kind: "none" } }), request());
    expect(deniedFor(none)).toEqual([{ element: "expiry", code: "expiry-none-needs-tpo" }]);
    expect(none.reasons[0]?.source).toEqual({ source: "cfr-42-part-2", section: "§ 2.31(a)(7)" });
    const tpo = canDisclose(
      consent({ expiry: { kind: "none" }, coversAllTpo: true, statements: allStatements }),
      request(),
    );
    expect(tpo.allowed).toBe(true);
    expect(tpo.reasons.find((r) => r.element === "expiry")?.code).toBe("tpo-no-expiry");
  });
});

describe("canDisclose — the single TPO consent (§ 2.31(a)(4)(i), § 2.33(a)(2))", () => {
  const tpo = consent({
    recipients: [],
    purposes: [],
    coversAllTpo: true,
    statements: allStatements,
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
    const research = canDisclose(
      tpo,
      request({ purpose: "research", recipient: { name: "U", classes: ["health-plan"] } }),
    );
    expect(deniedFor(research)).toEqual([
      { element: "recipient", code: "recipient-not-covered" },
      { element: "purpose", code: "tpo-consent-non-tpo-purpose" },
    ]);
    expect(research.reasons[1]?.source).toEqual({
      source: "cfr-42-part-2",
      section: "§ 2.33(a)(2)",
    });
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
      statements: allStatements,
    });
    expect(deniedFor(canDisclose(bare, request())).map((r) => r.element)).toEqual([
      "recipient",
      "information",
      "right-to-revoke",
    ]);
  });
});

describe("canDisclose — SUD counselling notes need a consent of their own (§ 2.31(b))", () => {
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
          consent({
            information: ["counselling-notes"],
            coversAllTpo: true,
            statements: allStatements,
          }),
          request({ information: ["counselling-notes"] }),
        ),
      ),
    ).toEqual([{ element: "counselling-notes", code: "counselling-notes-under-tpo" }]);
  });
});

describe("canDisclose — legal proceedings (§§ 2.64, 2.65: never usable against the patient without consent or court order)", () => {
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
    expect(d.reasons[0]?.source).toEqual({ source: "cfr-42-part-2", section: "§ 2.64" });
  });

  it("under a TPO consent: the court-order reason only, not also the TPO-scope one", () => {
    const tpo = consent({ coversAllTpo: true, statements: allStatements });
    expect(deniedFor(canDisclose(tpo, request({ purpose: "legal-proceedings" })))).toEqual([
      { element: "purpose", code: "legal-proceedings-need-court-order" },
    ]);
  });
});

describe("the notice (42 CFR 2.32)", () => {
  it("2024 short form: unauthorized use or disclosure (§ 2.32(a)(2); secondary sources in TSDoc)", () => {
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

describe("a single TPO consent authorises TPO only (§ 2.33(a)(2); CoE-PHI Q2)", () => {
  const tpoInput: ConsentInput = {
    ...consentInput,
    coversAllTpo: true,
    purposes: ["treatment", "research", "payment", "other"],
    statements: allStatements,
    expiry: { kind: "none" },
  };

  it("parse refuses other purposes on it: one tpo-consent-other-purpose issue per purpose, at its path", () => {
    const r = safeParseConsent({ ...tpoInput, formatVersion: 3 });
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.error.issues.map((i) => [i.code, i.path.join(".")])).toEqual([
      ["tpo-consent-other-purpose", "purposes.1"],
      ["tpo-consent-other-purpose", "purposes.3"],
    ]);
    expect(r.error.issues[0]?.message).toContain('"research"');
    expect(r.error.issues[0]?.message).toContain("2.33(a)(2)");
  });

  it("a record without formatVersion (format 1) is also told that migrateRecord keeps its TPO part", () => {
    const r = safeParseConsent(tpoInput);
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.error.issues.map((i) => [i.code, i.path.join(".")])).toEqual([
      ["tpo-consent-other-purpose", "purposes.1"],
      ["tpo-consent-other-purpose", "purposes.3"],
      ["format-upgrade-loses-data", "purposes"],
    ]);
    expect(r.error.issues[2]?.message).toContain('migrateRecord("Consent"');
  });

  it("TPO purposes only, or none, parse; a non-TPO consent may list any purpose", () => {
    expect(safeParseConsent({ ...tpoInput, purposes: ["treatment", "payment"] }).success).toBe(
      true,
    );
    expect(safeParseConsent({ ...tpoInput, purposes: [] }).success).toBe(true);
    expect(safeParseConsent({ ...tpoInput, coversAllTpo: false, expiry: undefined }).success).toBe(
      true,
    );
  });

  it("migrateRecord carries the TPO part of a stored 0.1.0 consent over and reports the rest", () => {
    const { statements: _s, ...stored } = tpoInput;
    const m = migrateRecord("Consent", stored);
    expect(m.from).toBe(1);
    expect(m.to).toBe(3);
    expect(m.record.purposes).toEqual(["treatment", "payment"]);
    expect(m.record.coversAllTpo).toBe(true);
    expect(m.record.statements).toEqual([]);
    expect(m.notes.map((n) => [n.change, n.path.join("."), n.value])).toEqual([
      ["not-carried-over", "purposes", ["research", "other"]],
      ["filled", "statements", []],
    ]);
    expect(m.notes[0]?.message).toContain('"research", "other"');
  });

  it("migrateRecord of a format-2 consent keeps statements it already has and fills nothing else", () => {
    const m = migrateRecord("Consent", {
      ...consentInput,
      formatVersion: 2,
      statements: ["how-to-revoke"],
    });
    expect(m.from).toBe(2);
    expect(m.record.statements).toEqual(["how-to-revoke"]);
    expect(m.notes).toEqual([]);
  });

  it("a TPO consent built without the parser still never allows another purpose", () => {
    const handMade: Consent = {
      ...consent({ coversAllTpo: true, statements: allStatements }),
      purposes: ["research", "patient-request", "other", "audit"],
    };
    for (const purpose of ["research", "patient-request", "other", "audit"] as const)
      expect(deniedFor(canDisclose(handMade, request({ purpose })))).toEqual([
        { element: "purpose", code: "tpo-consent-non-tpo-purpose" },
      ]);
  });
});

describe("the statements a single TPO consent must carry (§ 2.31(a)(4)(iii), (a)(6); CoE-PHI Q3, Q4)", () => {
  const tpo = (statements: ConsentInput["statements"]) =>
    consent({ coversAllTpo: true, statements, recipients: [], purposes: [] });
  const toPlan = request({
    purpose: "payment",
    recipient: { name: "P", classes: ["health-plan"] },
  });

  it("without any, the TPO consent allows nothing, and each missing statement is named with its source", () => {
    const d = canDisclose(tpo([]), toPlan);
    expect(d.allowed).toBe(false);
    expect(d.reasons.map((r) => [r.element, r.code, r.source.source, r.source.section])).toEqual([
      ["statements", "missing-how-to-revoke", "cfr-42-part-2", "§ 2.31(a)(6)"],
      ["statements", "missing-hipaa-redisclosure-statement", "cfr-42-part-2", "§ 2.31(a)(4)(iii)"],
      ["statements", "missing-redisclosure-risk-statement", "coe-phi-2025-part-2-faq", "Q3"],
      ["statements", "missing-consequences-of-refusal-statement", "coe-phi-2025-part-2-faq", "Q3"],
    ]);
  });

  it.each(consentStatements.map((s) => [s]))("missing only %s → denied for that one", (gone) => {
    const d = canDisclose(tpo(allStatements.filter((s) => s !== gone)), toPlan);
    expect(deniedFor(d)).toHaveLength(1);
    expect(d.reasons[0]?.element).toBe("statements");
    expect(d.reasons[0]?.code).toContain(gone === "how-to-revoke" ? "how-to-revoke" : gone);
  });

  it("with all four: allowed, and the statements element is met", () => {
    const d = canDisclose(tpo(allStatements), toPlan);
    expect(d.allowed).toBe(true);
    expect(d.reasons.find((r) => r.element === "statements")?.code).toBe("tpo-statements-present");
  });

  it("a consent that is not a TPO consent is not checked for them", () => {
    const d = canDisclose(consent({ statements: [] }), request());
    expect(d.allowed).toBe(true);
    expect(d.reasons.some((r) => r.element === "statements")).toBe(false);
  });
});

describe("who signs: the patient, or someone else only with a basis (§§ 2.14, 2.15)", () => {
  it("a guardian or representative without a basis → signer-basis-missing (§ 2.14)", () => {
    for (const signedBy of ["guardian", "authorised-representative"] as const) {
      const d = canDisclose(consent({ signedBy }), request());
      expect(deniedFor(d)).toEqual([{ element: "signature", code: "signer-basis-missing" }]);
      expect(d.reasons[0]?.source).toEqual({ source: "cfr-42-part-2", section: "§ 2.14" });
    }
  });

  it("for a minor, the minor must sign too (§ 2.14(b)(1))", () => {
    const guardian = { signedBy: "guardian", signerBasis: "minor" } as const;
    expect(deniedFor(canDisclose(consent(guardian), request()))).toEqual([
      { element: "signature", code: "minor-must-cosign" },
    ]);
    expect(
      deniedFor(canDisclose(consent({ ...guardian, patientCosigned: false }), request())),
    ).toEqual([{ element: "signature", code: "minor-must-cosign" }]);
    const both = canDisclose(consent({ ...guardian, patientCosigned: true }), request());
    expect(both.allowed).toBe(true);
    expect(both.reasons.find((r) => r.element === "signature")).toMatchObject({
      code: "signed-by-representative",
      source: { source: "cfr-42-part-2", section: "§ 2.14(b)(1)" },
    });
  });

  it.each(["lacks-capacity", "deceased"] as const)(
    "a representative for a patient who %s: allowed (§ 2.15); the patient's own signature: denied",
    (signerBasis) => {
      const rep = canDisclose(
        consent({ signedBy: "authorised-representative", signerBasis }),
        request(),
      );
      expect(rep.allowed).toBe(true);
      expect(rep.reasons.find((r) => r.element === "signature")).toMatchObject({
        code: "signed-by-representative",
        source: { section: "§ 2.15" },
      });
      expect(
        deniedFor(canDisclose(consent({ signedBy: "patient", signerBasis }), request())),
      ).toEqual([{ element: "signature", code: "signer-basis-contradicts-signer" }]);
    },
  );

  it("a minor who may consent alone signs alone (§ 2.14(a)): the patient's signature with basis minor is allowed", () => {
    const d = canDisclose(consent({ signedBy: "patient", signerBasis: "minor" }), request());
    expect(d.allowed).toBe(true);
    expect(d.reasons.find((r) => r.element === "signature")?.code).toBe("signed");
  });
});

describe("a class of persons may disclose, like recipients (§ 2.31(a)(2))", () => {
  const byClass = () => {
    const { discloser: _d, ...rest } = consentInput;
    return parseConsent({ ...rest, discloserClass: "my treatment team" });
  };

  it("matches a request whose discloserClasses holds the class", () => {
    const d = canDisclose(
      byClass(),
      request({ discloser: "Dr. Ana Ruiz", discloserClasses: ["My-Treatment_Team"] }),
    );
    expect(d.allowed).toBe(true);
    expect(d.reasons.find((r) => r.element === "discloser")).toMatchObject({
      code: "discloser-in-class",
      source: { source: "cfr-42-part-2", section: "§ 2.31(a)(2)" },
    });
    if (d.allowed) expect(d.scope).toContain('anyone in the class "my treatment team"');
  });

  it("a discloser outside the class → discloser-not-named", () => {
    expect(
      deniedFor(
        canDisclose(byClass(), request({ discloser: "Dr. Ana Ruiz", discloserClasses: [] })),
      ),
    ).toEqual([{ element: "discloser", code: "discloser-not-named" }]);
    expect(deniedFor(canDisclose(byClass(), request({ discloser: "my treatment team" })))).toEqual([
      { element: "discloser", code: "discloser-not-named" },
    ]);
  });
});

describe('the purpose "at the request of the patient" (§ 2.31(a)(5))', () => {
  it("is allowed when the consent states it, and only for that purpose", () => {
    const c = consent({ purposes: ["patient-request"] });
    const d = canDisclose(c, request({ purpose: "patient-request" }));
    expect(d.allowed).toBe(true);
    expect(d.reasons.find((r) => r.element === "purpose")?.code).toBe("purpose-listed");
    expect(deniedFor(canDisclose(c, request({ purpose: "treatment" })))).toEqual([
      { element: "purpose", code: "purpose-not-covered" },
    ]);
    expect(deniedFor(canDisclose(consent(), request({ purpose: "patient-request" })))).toEqual([
      { element: "purpose", code: "purpose-not-covered" },
    ]);
  });
});

describe("name matching: Unicode forms and separators", () => {
  it("compares under NFKC and full case folding (ß = SS, NFD = NFC, fullwidth = ASCII)", () => {
    const c = consent({ patientName: "Groß Jörg", discloser: "Ｒｉｖｅｒｓｉｄｅ IOP" });
    const d = canDisclose(
      c,
      request({
        patient: { id: "p-001", name: "GROSS J\u006f\u0308rg" },
        discloser: "riverside iop",
      }),
    );
    expect(d.allowed).toBe(true);
  });

  it("a name made only of separators never matches, not even an identical one", () => {
    for (const name of ["-", "_ _", " - _ "]) {
      const d = canDisclose(
        consent({ patientName: name, discloser: name, recipients: [{ kind: "named", name }] }),
        request({ patient: { id: "p-001", name }, discloser: name, recipient: { name } }),
      );
      expect(deniedFor(d)).toEqual([
        { element: "patient", code: "patient-mismatch" },
        { element: "discloser", code: "discloser-not-named" },
        { element: "recipient", code: "recipient-not-covered" },
      ]);
    }
    const cls = consent({ recipients: [{ kind: "class", description: "--" }] });
    expect(
      deniedFor(canDisclose(cls, request({ recipient: { name: "X", classes: ["__"] } }))),
    ).toEqual([{ element: "recipient", code: "recipient-not-covered" }]);
  });
});

describe("every reason cites a section of a registry source", () => {
  it("on allowances and denials alike", () => {
    const decisions = [
      canDisclose(consent(), request()),
      canDisclose(parseConsent({ id: "c-0" }), request({ information: ["counselling-notes"] })),
      canDisclose(consent({ coversAllTpo: true }), request({ purpose: "legal-proceedings" })),
      canDiscloseUnder([], request()),
    ];
    for (const d of decisions)
      for (const r of d.reasons) {
        expect(isSourceId(r.source.source), r.code).toBe(true);
        expect(sources[r.source.source].id).toBe(r.source.source);
        if (r.source.source === "cfr-42-part-2") expect(r.source.section).toMatch(/^§ 2\.\d+/);
      }
  });
});

describe("arguments a plain-JS caller got wrong", () => {
  it("an unparsed or missing request or consent is an IopError naming canDisclose, never a TypeError", () => {
    for (const [c, r] of [
      [consent(), {}],
      [consent(), { recipient: {} }],
      [consent(), null],
      [{}, request()],
      [undefined, request()],
    ] as const) {
      expect(() => canDisclose(c as never, r as never)).toThrow(IopError);
      expect(() => canDisclose(c as never, r as never)).toThrow(/^canDisclose/);
    }
    expect(() => canDiscloseUnder([consent()], {} as never)).toThrow(IopError);
  });
});
