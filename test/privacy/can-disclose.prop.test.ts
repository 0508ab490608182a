// canDisclose laws: a complete consent allows; removing any required element, an expiry before
// the request date or a revocation on or before it denies, naming the element (42 CFR 2.31(a) as
// amended in 2024, `cfr-42-part-2`); a single TPO consent never allows another purpose
// (§ 2.33(a)(2)), only it may have no expiry (§ 2.31(a)(7)), and it allows nothing without its
// statements (§ 2.31(a)(4)(iii), (a)(6); CoE-PHI Q3); the answer is deterministic and JSON.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ConsentsDecision,
  DisclosureDecision,
  addDays,
  canDisclose,
  canDiscloseUnder,
  consentStatements,
  disclosurePurposes,
  parseConsent,
  safeParseConsent,
  tpoPurposes,
  parseDisclosureRequest,
  type Consent,
  type DisclosureRequest,
  type Part2Element,
} from "iopkit";
import { disclosureCase, type DisclosureCase } from "./arbitraries";

/** One way to break a valid case, and the element the denial must name. */
interface Breaker {
  readonly name: string;
  readonly element: Part2Element;
  /** Whether it applies (removing recipients or purposes does not break a single TPO consent). */
  readonly applies: (c: DisclosureCase) => boolean;
  readonly apply: (c: DisclosureCase, days: number) => DisclosureCase;
}

const drop = (consent: Consent, key: keyof Consent): Consent => {
  const copy: Record<string, unknown> = { ...consent };
  delete copy[key];
  return copy as unknown as Consent;
};
const always = (): boolean => true;
const withConsent = (c: DisclosureCase, consent: Consent): DisclosureCase => ({ ...c, consent });

const breakers: Breaker[] = [
  {
    name: "patientName removed",
    element: "patient",
    applies: always,
    apply: (c) => withConsent(c, drop(c.consent, "patientName")),
  },
  {
    name: "discloser removed",
    element: "discloser",
    applies: always,
    apply: (c) => withConsent(c, drop(c.consent, "discloser")),
  },
  {
    name: "recipients emptied",
    element: "recipient",
    applies: (c) => !c.consent.coversAllTpo,
    apply: (c) => withConsent(c, { ...c.consent, recipients: [] }),
  },
  {
    name: "purposes emptied",
    element: "purpose",
    applies: (c) => !c.consent.coversAllTpo,
    apply: (c) => withConsent(c, { ...c.consent, purposes: [] }),
  },
  {
    name: "information emptied",
    element: "information",
    applies: always,
    apply: (c) => withConsent(c, { ...c.consent, information: [] }),
  },
  {
    name: "signedBy removed",
    element: "signature",
    applies: always,
    apply: (c) => withConsent(c, drop(c.consent, "signedBy")),
  },
  {
    name: "signedOn removed",
    element: "signature-date",
    applies: always,
    apply: (c) => withConsent(c, drop(c.consent, "signedOn")),
  },
  {
    name: "signed after the request",
    element: "signature-date",
    applies: always,
    apply: (c, days) => withConsent(c, { ...c.consent, signedOn: addDays(c.request.on, days) }),
  },
  {
    name: "right to revoke not stated",
    element: "right-to-revoke",
    applies: always,
    apply: (c) => withConsent(c, { ...c.consent, statesRightToRevoke: false }),
  },
  {
    name: "expiry removed",
    element: "expiry",
    applies: always,
    apply: (c) => withConsent(c, drop(c.consent, "expiry")),
  },
  {
    name: "expiry date before the request",
    element: "expiry",
    applies: always,
    apply: (c, days) =>
      withConsent(c, {
        ...c.consent,
        expiry: { kind: "date", date: addDays(c.request.on, -days) },
      }),
  },
  {
    name: "expiry event occurred on or before the request",
    element: "expiry",
    applies: always,
    apply: (c, days) =>
      withConsent(c, {
        ...c.consent,
        expiry: { kind: "event", event: "discharge", occurredOn: addDays(c.request.on, 1 - days) },
      }),
  },
  {
    name: "revoked on or before the request",
    element: "revocation",
    applies: always,
    apply: (c, days) =>
      withConsent(c, { ...c.consent, revokedOn: addDays(c.request.on, 1 - days) }),
  },
  {
    name: "a statement removed from a TPO consent",
    element: "statements",
    applies: (c) => c.consent.coversAllTpo,
    apply: (c, days) =>
      withConsent(c, {
        ...c.consent,
        statements: c.consent.statements.filter((_, i) => i !== days % 4),
      }),
  },
  {
    name: "signed by a guardian with no basis",
    element: "signature",
    applies: always,
    apply: (c) => withConsent(c, { ...drop(c.consent, "signerBasis"), signedBy: "guardian" }),
  },
  {
    name: "signed by a guardian for a minor who did not sign",
    element: "signature",
    applies: always,
    apply: (c) =>
      withConsent(c, {
        ...drop(c.consent, "patientCosigned"),
        signedBy: "guardian",
        signerBasis: "minor",
      }),
  },
  {
    name: "purpose legal-proceedings",
    element: "purpose",
    applies: always,
    apply: (c) => ({
      consent: { ...c.consent, purposes: [...c.consent.purposes, "legal-proceedings"] },
      request: { ...c.request, purpose: "legal-proceedings" },
    }),
  },
];

describe("canDisclose laws", () => {
  it("the generated cases are valid records that canDisclose allows", () => {
    fc.assert(
      fc.property(disclosureCase, ({ consent, request }) => {
        expect(parseConsent(consent)).toEqual(consent);
        expect(parseDisclosureRequest(request)).toEqual(request);
        const d = canDisclose(consent, request);
        expect(d.reasons.filter(() => !d.allowed)).toEqual([]);
        expect(d.allowed).toBe(true);
      }),
    );
  });

  it.each(breakers.map((b) => [b.name, b] as const))(
    "denies when %s, naming the element",
    (_name, breaker) => {
      fc.assert(
        fc.property(disclosureCase, fc.integer({ min: 1, max: 400 }), (valid, days) => {
          fc.pre(breaker.applies(valid));
          const { consent, request } = breaker.apply(valid, days);
          const d = canDisclose(consent, request);
          expect(d.allowed).toBe(false);
          expect(d.reasons.map((r) => r.element)).toContain(breaker.element);
        }),
      );
    },
  );

  it("every element broken at once: one denial lists them all", () => {
    fc.assert(
      fc.property(disclosureCase, (valid) => {
        const c = parseConsent({ id: valid.consent.id });
        const d = canDisclose(c, valid.request);
        expect(new Set(d.reasons.map((r) => r.element))).toEqual(
          new Set<Part2Element>([
            "patient",
            "discloser",
            "recipient",
            "purpose",
            "information",
            "signature",
            "signature-date",
            "right-to-revoke",
            "expiry",
            ...(valid.request.information.includes("counselling-notes")
              ? (["counselling-notes"] as const)
              : []),
          ]),
        );
      }),
    );
  });

  it("is deterministic, matches its schema, round-trips through JSON and does not mutate", () => {
    fc.assert(
      fc.property(
        disclosureCase,
        fc.constantFrom(...breakers),
        fc.integer({ min: 1, max: 30 }),
        fc.boolean(),
        (valid, breaker, days, broken) => {
          const { consent, request } = broken ? breaker.apply(valid, days) : valid;
          const before = structuredClone({ consent, request });
          const a = canDisclose(consent, request);
          expect(canDisclose(consent, request)).toEqual(a);
          expect(DisclosureDecision.parse(a)).toEqual(a);
          expect(JSON.parse(JSON.stringify(a))).toEqual(a);
          expect({ consent, request }).toEqual(before);
        },
      ),
    );
  });

  it("canDiscloseUnder allows iff some consent allows, and picks the first", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(disclosureCase, fc.constantFrom(...breakers), fc.boolean()), {
          maxLength: 4,
        }),
        disclosureCase,
        (entries, base) => {
          // All consents judged against one request: the base case's (its consent first or not at all).
          const request: DisclosureRequest = base.request;
          const consents = entries.map(([c, b, broken]) =>
            broken
              ? b.apply({ consent: base.consent, request }, 3).consent
              : { ...c.consent, id: c.consent.id },
          );
          const each = consents.map((c) => canDisclose(c, request));
          const d = canDiscloseUnder(consents, request);
          expect(ConsentsDecision.parse(d)).toEqual(d);
          const first = each.find((x) => x.allowed);
          if (first === undefined) {
            expect(d.allowed).toBe(false);
            if (!d.allowed) expect(d.denials).toEqual(each);
          } else expect(d).toEqual(first);
        },
      ),
    );
  });
});

const nonTpo = disclosurePurposes.filter((p) => !tpoPurposes.includes(p));

describe("the scope of a single TPO consent (§ 2.33(a)(2), § 2.31(a)(7))", () => {
  it("never allows a purpose other than treatment, payment or operations, whatever it lists", () => {
    fc.assert(
      fc.property(
        disclosureCase,
        fc.constantFrom(...nonTpo),
        fc.subarray([...disclosurePurposes]),
        (valid, purpose, listed) => {
          // Built without the parser, so the consent may list anything.
          const consent: Consent = {
            ...valid.consent,
            coversAllTpo: true,
            purposes: [...listed, purpose],
          };
          const d = canDisclose(consent, { ...valid.request, purpose });
          expect(d.allowed).toBe(false);
          expect(d.reasons.filter((r) => r.element === "purpose").map((r) => r.code)).toEqual([
            purpose === "legal-proceedings"
              ? "legal-proceedings-need-court-order"
              : "tpo-consent-non-tpo-purpose",
          ]);
        },
      ),
    );
  });

  it("only a TPO consent may have no expiry: with none, allowed implies coversAllTpo", () => {
    fc.assert(
      fc.property(disclosureCase, fc.boolean(), (valid, tpo) => {
        const consent: Consent = {
          ...valid.consent,
          coversAllTpo: tpo,
          statements: [...consentStatements],
          expiry: { kind: "none" },
        };
        const d = canDisclose(consent, valid.request);
        const expiry = d.reasons.filter((r) => r.element === "expiry").map((r) => r.code);
        // Denials list what is unmet, allowances what is met.
        if (!tpo) expect(expiry).toEqual(["expiry-none-needs-tpo"]);
        else expect(expiry).toEqual(d.allowed ? ["tpo-no-expiry"] : []);
        if (d.allowed) expect(consent.coversAllTpo).toBe(true);
      }),
    );
  });

  it("a TPO consent missing any statements allows nothing and names exactly those missing", () => {
    fc.assert(
      fc.property(
        disclosureCase,
        fc.subarray([...consentStatements], { minLength: 1 }),
        (valid, removed) => {
          fc.pre(valid.consent.coversAllTpo);
          const consent: Consent = {
            ...valid.consent,
            statements: consentStatements.filter((s) => !removed.includes(s)),
          };
          const d = canDisclose(consent, valid.request);
          expect(d.allowed).toBe(false);
          expect(d.reasons.map((r) => r.element)).toEqual(removed.map(() => "statements"));
          expect(d.reasons.map((r) => r.code)).toEqual(
            removed.map((s) =>
              s === "how-to-revoke" ? "missing-how-to-revoke" : `missing-${s}-statement`,
            ),
          );
        },
      ),
    );
  });

  it("parse accepts a TPO consent iff its purposes are TPO purposes, and names each other one", () => {
    fc.assert(
      fc.property(
        disclosureCase,
        fc.uniqueArray(fc.constantFrom(...disclosurePurposes), { maxLength: 8 }),
        (valid, purposes) => {
          const r = safeParseConsent({ ...valid.consent, coversAllTpo: true, purposes });
          const others = purposes.flatMap((p, i) => (tpoPurposes.includes(p) ? [] : [i]));
          expect(r.success).toBe(others.length === 0);
          if (!r.success)
            expect(r.error.issues.map((i) => [i.code, i.path.join(".")])).toEqual(
              others.map((i) => ["tpo-consent-other-purpose", `purposes.${i}`]),
            );
        },
      ),
    );
  });
});
