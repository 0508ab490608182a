/**
 * Session types as data: what each kind of IOP service is, how long it usually lasts, whether it
 * is a group or one-to-one, whether it counts toward clinical hours, who can deliver it, and the
 * billing codes commonly used for it (hints only: iopkit is not a billing engine).
 *
 * Sources: the services are those the SAMHSA Advisory on IOP (2021) and SAMHSA TIP 47 (2006)
 * describe (individual counseling, group therapy, psychoeducation, family psychoeducation, case
 * management, medication-assisted treatment through collaboration, drug testing, encouraging
 * mutual-support groups); alumni groups are common practice (unverified). CPT numbers are cited
 * from the AMA's code set (licensed: numbers only), HCPCS Level II codes from CMS; which code a
 * payer accepts for which session is the payer's rule. Each entry lists its sources in `sources`.
 */
import * as z from "zod/mini";
import { lazySchema, type Schema } from "../core/schema";
import type { Provenance } from "../core/sources";

/** The kinds of session an IOP runs, in the order of {@link sessionTypes}. */
export const sessionTypeIds = [
  "group-therapy",
  "psychoeducation",
  "individual-therapy",
  "family-therapy",
  "medication-management",
  "drug-test",
  "assessment",
  "case-management",
  "peer-support",
  "alumni-group",
  "peer-recovery-support",
  "meal-support",
] as const;
/** A kind of session, e.g. `"group-therapy"`: one of {@link sessionTypeIds}. */
export type SessionTypeId = (typeof sessionTypeIds)[number];
/** The schema of a {@link SessionTypeId}. */
export const SessionTypeId: Schema<SessionTypeId> = /* @__PURE__ */ lazySchema(() =>
  z.enum(sessionTypeIds),
);

/** Staff roles that deliver sessions. */
export const staffRoles = [
  "counsellor",
  "therapist",
  "prescriber",
  "collector",
  "case-manager",
  "peer-specialist",
] as const;
/** A staff role, e.g. `"therapist"`: one of {@link staffRoles}. */
export type StaffRole = (typeof staffRoles)[number];
/** The schema of a {@link StaffRole}. */
export const StaffRole: Schema<StaffRole> = /* @__PURE__ */ lazySchema(() => z.enum(staffRoles));

/** Therapeutic approaches a session may use (CBT, DBT, … and the eating-disorder ones); a pattern entry may carry one. */
export const modalities = [
  "cbt",
  "dbt",
  "motivational-interviewing",
  "psychodynamic",
  "mindfulness",
  "art-therapy",
  "life-skills",
  "vocational",
  "relapse-prevention",
  "twelve-step-facilitation",
  "nutrition-education",
  "meal-support",
  "trauma-focused",
] as const;
/** A therapeutic approach, e.g. `"dbt"`: one of {@link modalities}. */
export type Modality = (typeof modalities)[number];
/** The schema of a {@link Modality}. */
export const Modality: Schema<Modality> = /* @__PURE__ */ lazySchema(() => z.enum(modalities));

/** How a session is attended. */
export const sessionFormats = ["group", "one-to-one", "external"] as const;
/** How a session is attended: one of {@link sessionFormats}. */
export type SessionFormat = (typeof sessionFormats)[number];

/** One kind of session. */
export interface SessionType {
  /** Identifier. */
  readonly id: SessionTypeId;
  /** Name for people. */
  readonly name: string;
  /** What it is. */
  readonly description: string;
  /** Usual length in minutes. */
  readonly defaultDurationMinutes: number;
  /** Group (shared roster), one-to-one (one participant, maybe with family), or external (e.g. AA, attended elsewhere). */
  readonly format: SessionFormat;
  /** Whether its time counts toward weekly clinical hours (the phase band, ASAM level). */
  readonly countsTowardClinicalHours: boolean;
  /** Roles that can deliver it, preferred first; empty when no staff member is needed. */
  readonly staffRoles: readonly StaffRole[];
  /**
   * Billing codes commonly used (CPT/HCPCS), as hints for a billing system; `billingHints(program)`
   * gives them with their conditions and the per-diem caveat.
   */
  readonly billingCodes: readonly string[];
  /**
   * Where the service and its codes come from: public sources from the registry
   * (`iopkit/sources`: render each with `formatCitation`), or an `unverified` marker.
   */
  readonly sources: readonly Provenance[];
}

/** Every session type, keyed by id. */
export const sessionTypes: Readonly<Record<SessionTypeId, SessionType>> = {
  "group-therapy": {
    id: "group-therapy",
    name: "Group therapy",
    description:
      "A therapist-led group: processing, skills (CBT, DBT), relapse prevention, urges and cravings, triggers.",
    defaultDurationMinutes: 90,
    format: "group",
    countsTowardClinicalHours: true,
    staffRoles: ["therapist", "counsellor"],
    billingCodes: ["90853"],
    sources: [
      { source: "samhsa-advisory-iop-2021" },
      { source: "samhsa-tip-41" },
      { source: "ama-cpt", section: "90853" },
    ],
  },
  psychoeducation: {
    id: "psychoeducation",
    name: "Psychoeducation / workshop",
    description:
      "Educational group on addiction, coping strategies, relapse prevention and life skills.",
    defaultDurationMinutes: 60,
    format: "group",
    countsTowardClinicalHours: true,
    staffRoles: ["counsellor", "therapist"],
    billingCodes: ["H2027"],
    sources: [{ source: "samhsa-tip-47" }, { source: "cms-hcpcs", section: "H2027" }],
  },
  "individual-therapy": {
    id: "individual-therapy",
    name: "Individual therapy",
    description: "One-to-one counselling on personal issues, triggers and goals.",
    defaultDurationMinutes: 60,
    format: "one-to-one",
    countsTowardClinicalHours: true,
    staffRoles: ["therapist", "counsellor"],
    billingCodes: ["90832", "90834", "90837"],
    sources: [
      { source: "samhsa-advisory-iop-2021" },
      { source: "ama-cpt", section: "90832, 90834, 90837" },
    ],
  },
  "family-therapy": {
    id: "family-therapy",
    name: "Family therapy",
    description:
      "Family dynamics, communication and support systems, with or without the participant (90847 with, 90846 without).",
    defaultDurationMinutes: 60,
    format: "one-to-one",
    countsTowardClinicalHours: true,
    staffRoles: ["therapist"],
    billingCodes: ["90847", "90846", "90849"],
    sources: [
      { source: "samhsa-advisory-iop-2021" },
      { source: "ama-cpt", section: "90846, 90847, 90849" },
    ],
  },
  "medication-management": {
    id: "medication-management",
    name: "Medication management",
    description:
      "A prescriber reviews and adjusts medication for addiction or co-occurring conditions.",
    defaultDurationMinutes: 30,
    format: "one-to-one",
    countsTowardClinicalHours: true,
    staffRoles: ["prescriber"],
    billingCodes: ["99212", "99213", "99214", "99215"],
    sources: [
      { source: "samhsa-advisory-iop-2021" },
      { source: "ama-cpt", section: "99212–99215" },
    ],
  },
  "drug-test": {
    id: "drug-test",
    name: "Drug test",
    description: "Random, unannounced urine collection. Not clinical time.",
    defaultDurationMinutes: 15,
    format: "one-to-one",
    countsTowardClinicalHours: false,
    staffRoles: ["collector"],
    billingCodes: ["80305", "80306", "80307"],
    sources: [
      { source: "samhsa-tip-47", section: "Appendix B" },
      { source: "jarvis-2017-asam-drug-testing" },
      { source: "ama-cpt", section: "80305–80307" },
    ],
  },
  assessment: {
    id: "assessment",
    name: "Assessment",
    description: "Intake or reassessment of needs and placement.",
    defaultDurationMinutes: 90,
    format: "one-to-one",
    countsTowardClinicalHours: true,
    staffRoles: ["therapist", "counsellor", "prescriber"],
    billingCodes: ["90791", "H0001"],
    sources: [
      { source: "samhsa-tip-47" },
      { source: "ama-cpt", section: "90791" },
      { source: "cms-hcpcs", section: "H0001" },
    ],
  },
  "case-management": {
    id: "case-management",
    name: "Case management",
    description: "Linking to housing, vocational, legal and medical services.",
    defaultDurationMinutes: 30,
    format: "one-to-one",
    countsTowardClinicalHours: true,
    staffRoles: ["case-manager", "counsellor"],
    billingCodes: ["H0006"],
    sources: [
      { source: "samhsa-advisory-iop-2021" },
      { source: "samhsa-tip-47" },
      { source: "cms-hcpcs", section: "H0006" },
    ],
  },
  "peer-support": {
    id: "peer-support",
    name: "Peer support",
    description:
      "Mutual-support meetings such as AA, NA or SMART Recovery, usually outside the program: verified attendance, not clinical hours, not a billable service (staff-delivered peer support is peer-recovery-support).",
    defaultDurationMinutes: 60,
    format: "external",
    countsTowardClinicalHours: false,
    staffRoles: [],
    billingCodes: [],
    sources: [
      { source: "samhsa-advisory-iop-2021" },
      // Outside mutual-help meetings are not a billable service; H0038 is a provider's peer service.
      { source: "cms-hcpcs", section: "H0038" },
    ],
  },
  "alumni-group": {
    id: "alumni-group",
    name: "Alumni group",
    description: "Continued monitoring and support for people who finished the program.",
    defaultDurationMinutes: 60,
    format: "group",
    countsTowardClinicalHours: false,
    staffRoles: ["peer-specialist", "counsellor"],
    billingCodes: [],
    sources: [{ unverified: "alumni groups are common practice; no public source found" }],
  },
  "peer-recovery-support": {
    id: "peer-recovery-support",
    name: "Peer recovery support",
    description:
      "A peer recovery specialist on staff meets the participant: recovery coaching, linkage to mutual-help groups and community supports (HCPCS H0038, self-help/peer services, per 15 minutes).",
    defaultDurationMinutes: 30,
    format: "one-to-one",
    countsTowardClinicalHours: false,
    staffRoles: ["peer-specialist"],
    billingCodes: ["H0038"],
    sources: [
      { source: "cms-hcpcs", section: "H0038" },
      { source: "bcbsnd-bh-reimbursement", section: "Intensive Outpatient Program (IOP)" },
      {
        unverified:
          "whether peer recovery support counts toward an IOP's clinical hours: iopkit does not count it",
      },
    ],
  },
  "meal-support": {
    id: "meal-support",
    name: "Meal support",
    description:
      "A supported meal in an eating-disorder program, led by clinical staff: not group psychotherapy, so no psychotherapy code is hinted.",
    defaultDurationMinutes: 60,
    format: "group",
    countsTowardClinicalHours: true,
    staffRoles: ["therapist", "counsellor"],
    billingCodes: [],
    sources: [
      {
        unverified:
          "no public IOP source for eating disorders was checked; iopkit counts a supported meal toward clinical hours, as its eating-disorder template's bands assume (a payer may not)",
      },
    ],
  },
};
