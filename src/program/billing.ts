/**
 * Billing hints for a billing system: the per-diem code of an intensive outpatient program and the
 * per-session codes of its session types, each with the condition it needs and the caveats a payer
 * applies. iopkit is not a billing engine: which code a payer accepts, and whether a per-session
 * code may be billed on a per-diem day, is the payer's rule.
 *
 * Sources: HCPCS Level II descriptors (CMS): H0015 "Alcohol and/or drug services; intensive
 * outpatient …", S9480 "Intensive outpatient psychiatric services, per diem", H0038
 * "Self-help/peer services, per 15 minutes"; CPT numbers (AMA, licensed: numbers only); payers'
 * per-diem policies (BCBS North Dakota: psychotherapy, peer support and pharmacologic management
 * are included in the IOP per diem; Nebraska Blue RP-PI-002: one unit per day of attendance).
 */
import { pure } from "../core/pure";
import type { Provenance } from "../core/sources";
import { sessionTypeIds, sessionTypes, type SessionTypeId } from "./session-types";
import type { Program } from "./program";
import { usesAsamLevels } from "./program";

/** The code set of a hint: CPT (AMA) or HCPCS Level II (CMS). */
export type BillingCodeSet = "cpt" | "hcpcs";

/** One billing code a billing system may use, with what it needs. */
export interface BillingHint {
  /** The code, e.g. `"H0015"`, `"90847"`. */
  readonly code: string;
  /** Its code set. */
  readonly codeSet: BillingCodeSet;
  /** The unit it is billed in. */
  readonly unit: "per-diem" | "per-session" | "per-15-minutes";
  /** The condition the code needs, when it has one (e.g. 90846: the patient is not present). */
  readonly when?: string;
  /**
   * True for a per-session code in a program with a per-diem hint: many payers include it in the
   * per diem (see the `bundled-in-per-diem` caveat).
   */
  readonly bundledInPerDiem: boolean;
  /** Where the code and its condition come from. */
  readonly sources: readonly Provenance[];
}

/** A caveat every hint of a program is read with. */
export interface BillingCaveat {
  /** `payer-rules` (always), `bundled-in-per-diem` (a program with a per-diem hint). */
  readonly code: "payer-rules" | "bundled-in-per-diem";
  /** A sentence for people. */
  readonly message: string;
  /** Where it comes from. */
  readonly sources: readonly Provenance[];
}

/** What {@link billingHints} returns. */
export interface BillingHints {
  /**
   * Program-level per-diem codes of an intensive outpatient program: H0015 when it serves
   * substance use, S9480 when it serves a mental-health condition (both for a co-occurring
   * program: the payer and the primary diagnosis decide); empty for other levels of care.
   */
  readonly perDiem: readonly BillingHint[];
  /** Per-session codes by session type, in {@link sessionTypeIds} order; types without a code are left out. */
  readonly sessions: readonly {
    readonly sessionType: SessionTypeId;
    readonly hints: readonly BillingHint[];
  }[];
  /** The caveats: always `payer-rules`; `bundled-in-per-diem` when `perDiem` is not empty. */
  readonly caveats: readonly BillingCaveat[];
}

const HCPCS = (code: string): Provenance => ({ source: "cms-hcpcs", section: code });
const PER_DIEM_POLICIES: readonly Provenance[] = [
  { source: "bcbsnd-bh-reimbursement", section: "Intensive Outpatient Program (IOP)" },
  { source: "bcbsne-rp-pi-002" },
];

/** Conditions of the codes that need one (family therapy: with or without the patient). */
const WHEN: Readonly<Record<string, string>> = {
  "90846": "family psychotherapy without the patient present",
  "90847": "family psychotherapy with the patient present",
  "90849": "multiple-family group psychotherapy",
};

/** Codes billed per 15 minutes (HCPCS descriptors). */
const PER_15: ReadonlySet<string> = /* @__PURE__ */ pure(
  () => new Set(["H0038", "H2027", "H0004"]),
);

/**
 * The billing hints of a program: its per-diem code (an intensive outpatient program: H0015 for
 * substance use, S9480 for mental health, both for co-occurring care), the per-session codes of
 * every session type with a code — each marked `bundledInPerDiem` when there is a per diem — and
 * the caveats. Hints for a billing system, not billing rules.
 * @example
 * ```ts
 * const hints = billingHints(programTemplates.mentalHealthAdult({ timeZone: "America/New_York" }));
 * hints.perDiem.map((h) => h.code); // ["S9480"]
 * hints.caveats.map((c) => c.code); // ["payer-rules", "bundled-in-per-diem"]
 * ```
 */
export function billingHints(
  program: Pick<Program, "levelOfCare" | "conditionsServed">,
): BillingHints {
  const iop = program.levelOfCare === "intensive-outpatient";
  const sud = usesAsamLevels(program);
  const mental = program.conditionsServed.some((c) => c !== "substance-use");
  const perDiem: BillingHint[] = [];
  if (iop && sud)
    perDiem.push({
      code: "H0015",
      codeSet: "hcpcs",
      unit: "per-diem",
      when: "alcohol and/or drug intensive outpatient: at least 3 hours a day and 3 days a week, on an individualized treatment plan",
      bundledInPerDiem: false,
      sources: [HCPCS("H0015")],
    });
  if (iop && mental)
    perDiem.push({
      code: "S9480",
      codeSet: "hcpcs",
      unit: "per-diem",
      when: "intensive outpatient psychiatric services",
      bundledInPerDiem: false,
      sources: [HCPCS("S9480")],
    });
  const bundled = perDiem.length > 0;
  const sessions = sessionTypeIds
    .map((sessionType) => ({
      sessionType,
      hints: sessionTypes[sessionType].billingCodes.map((code): BillingHint => {
        const hcpcs = /^[A-Z]/.test(code);
        const when = WHEN[code];
        return {
          code,
          codeSet: hcpcs ? "hcpcs" : "cpt",
          unit: PER_15.has(code) ? "per-15-minutes" : "per-session",
          ...(when === undefined ? {} : { when }),
          bundledInPerDiem: bundled,
          sources: [hcpcs ? HCPCS(code) : { source: "ama-cpt", section: code }],
        };
      }),
    }))
    .filter((s) => s.hints.length > 0);
  const caveats: BillingCaveat[] = [
    {
      code: "payer-rules",
      message:
        "Hints for a billing system, not billing rules: which code a payer accepts, and its units and modifiers, are the payer's rules.",
      sources: [HCPCS("H0015"), { source: "ama-cpt" }],
    },
  ];
  if (bundled)
    caveats.push({
      code: "bundled-in-per-diem",
      message:
        "Many payers pay an IOP day as one per-diem unit that includes psychotherapy (individual, family, group), peer support and pharmacologic management: bill per-session codes on an IOP day only where the payer allows it.",
      sources: PER_DIEM_POLICIES,
    });
  return { perDiem, sessions, caveats };
}
