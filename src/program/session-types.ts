/**
 * Session types as data: what each kind of IOP service is, how long it usually lasts, whether it
 * is a group or one-to-one, whether it counts toward clinical hours, who can deliver it, and the
 * billing codes commonly used for it (hints only: iopkit is not a billing engine).
 *
 * Sources: components from seeds 000, 001, 002 (assessment, group, individual, psychoeducation,
 * family, medication management, random drug testing, peer support, continued monitoring/alumni);
 * SAMHSA TIP 47 (core services incl. case management); codes from DOMAIN.md "Program rules and
 * billing" (90853, 90832/90834/90837, 90846/90847/90849, 80305–80307); the others (90791, H0001,
 * H0006, H0038, H2027, 99212–99215) are common usage, unverified.
 */
import * as z from "zod/mini";
import { lazySchema, type Schema } from "../core/schema";

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

/** Therapeutic approaches the seeds name (003, 004) plus the eating-disorder ones; a pattern entry may carry one. */
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
  /** Billing codes commonly used (CPT/HCPCS), as hints. */
  readonly billingCodes: readonly string[];
}

/** Every session type, keyed by id. */
export const sessionTypes: Readonly<Record<SessionTypeId, SessionType>> = {
  "group-therapy": {
    id: "group-therapy",
    name: "Group therapy",
    description:
      "A therapist-led group: processing, skills (CBT, DBT), relapse prevention, urges and cravings, triggers (seed 001).",
    defaultDurationMinutes: 90,
    format: "group",
    countsTowardClinicalHours: true,
    staffRoles: ["therapist", "counsellor"],
    billingCodes: ["90853"],
  },
  psychoeducation: {
    id: "psychoeducation",
    name: "Psychoeducation / workshop",
    description:
      "Educational group on addiction, coping strategies, relapse prevention and life skills (seed 000).",
    defaultDurationMinutes: 60,
    format: "group",
    countsTowardClinicalHours: true,
    staffRoles: ["counsellor", "therapist"],
    billingCodes: ["H2027"],
  },
  "individual-therapy": {
    id: "individual-therapy",
    name: "Individual therapy",
    description: "One-to-one counselling on personal issues, triggers and goals (seeds 000, 001).",
    defaultDurationMinutes: 60,
    format: "one-to-one",
    countsTowardClinicalHours: true,
    staffRoles: ["therapist", "counsellor"],
    billingCodes: ["90832", "90834", "90837"],
  },
  "family-therapy": {
    id: "family-therapy",
    name: "Family therapy",
    description:
      "Family dynamics, communication and support systems, with the participant (seed 000).",
    defaultDurationMinutes: 60,
    format: "one-to-one",
    countsTowardClinicalHours: true,
    staffRoles: ["therapist"],
    billingCodes: ["90847", "90846", "90849"],
  },
  "medication-management": {
    id: "medication-management",
    name: "Medication management",
    description:
      "A prescriber reviews and adjusts medication for addiction or co-occurring conditions (seeds 000, 001).",
    defaultDurationMinutes: 30,
    format: "one-to-one",
    countsTowardClinicalHours: true,
    staffRoles: ["prescriber"],
    billingCodes: ["99212", "99213", "99214", "99215"],
  },
  "drug-test": {
    id: "drug-test",
    name: "Drug test",
    description:
      "Random, unannounced urine collection (seed 000; SAMHSA TIP 47). Not clinical time.",
    defaultDurationMinutes: 15,
    format: "one-to-one",
    countsTowardClinicalHours: false,
    staffRoles: ["collector"],
    billingCodes: ["80305", "80306", "80307"],
  },
  assessment: {
    id: "assessment",
    name: "Assessment",
    description: "Intake or reassessment of needs and placement (seed 000).",
    defaultDurationMinutes: 90,
    format: "one-to-one",
    countsTowardClinicalHours: true,
    staffRoles: ["therapist", "counsellor", "prescriber"],
    billingCodes: ["90791", "H0001"],
  },
  "case-management": {
    id: "case-management",
    name: "Case management",
    description:
      "Linking to housing, vocational, legal and medical services (SAMHSA TIP 47 core service).",
    defaultDurationMinutes: 30,
    format: "one-to-one",
    countsTowardClinicalHours: true,
    staffRoles: ["case-manager", "counsellor"],
    billingCodes: ["H0006"],
  },
  "peer-support": {
    id: "peer-support",
    name: "Peer support",
    description:
      "Mutual-support meetings such as AA, NA or SMART Recovery, usually outside the program: verified attendance, not clinical hours (seeds 000, 001).",
    defaultDurationMinutes: 60,
    format: "external",
    countsTowardClinicalHours: false,
    staffRoles: [],
    billingCodes: ["H0038"],
  },
  "alumni-group": {
    id: "alumni-group",
    name: "Alumni group",
    description:
      "Continued monitoring and support for people who finished the program (seeds 000, 003).",
    defaultDurationMinutes: 60,
    format: "group",
    countsTowardClinicalHours: false,
    staffRoles: ["peer-specialist", "counsellor"],
    billingCodes: [],
  },
};
