/**
 * The participant profile: the clinical picture, ASAM dimension ratings, history, living
 * situation, responsibilities and availability, family involvement, medications and consents.
 * Personal data (name, phone, email, address, notes) sit in named top-level fields listed in
 * {@link participantPersonalFields} so `redact` (iopkit/privacy) can remove them.
 */
import * as z from "zod/mini";
import { _default, array, optional, strictObject } from "../core/zod";
import { describeValue, misuse, type Result } from "../core/errors";
import {
  IsoDateSchema,
  LabelSchema,
  limits,
  ParticipantId,
  TextSchema,
  WallTimeSchema,
  WeekdaySchema,
  tryParseIsoDate,
  type IsoDate,
  type WallTime,
  type Weekday,
} from "../core/index";
import { storedObject, versionFieldAdded, type RecordFormat } from "../core/record-format";
import { built, holds, lazySchema, parseWith, safeParseWith, type Schema } from "../core/schema";
import { toMinutes } from "../core/wall-time";
import { ConditionKind } from "../program/index";
import { Sex } from "../measures/index";
import { Consent, consentFormat, type ConsentInput } from "./consent";
import { TelehealthAccess, type TelehealthAccessInput } from "./telehealth";

/** The ASAM risk ratings, 0 (none) … 4 (imminent danger). */
export const riskRatings = [0, 1, 2, 3, 4] as const;
/** ASAM risk rating: 0 none, 1 mild, 2 moderate, 3 severe, 4 imminent danger. */
export type Risk = (typeof riskRatings)[number];
/** The schema of a {@link Risk} rating. */
export const Risk: Schema<Risk> = /* @__PURE__ */ lazySchema(() =>
  z.literal(riskRatings, { error: "must be a risk rating 0–4" }),
);

/**
 * Ratings of the six ASAM dimensions (3rd edition names), each 0–4. A dimension not yet rated is
 * left out; eligibility then answers `needs-assessment` and names it.
 */
export interface Dimensions {
  /** 1 — acute intoxication and withdrawal potential. */
  withdrawal?: Risk | undefined;
  /** 2 — biomedical conditions and complications. */
  biomedical?: Risk | undefined;
  /** 3 — emotional, behavioural or cognitive conditions. */
  emotionalBehavioral?: Risk | undefined;
  /** 4 — readiness to change. */
  readiness?: Risk | undefined;
  /** 5 — relapse, continued use or continued problem potential. */
  relapsePotential?: Risk | undefined;
  /** 6 — recovery and living environment. */
  recoveryEnvironment?: Risk | undefined;
}
/** The schema of the six {@link Dimensions}. */
export const Dimensions: Schema<Dimensions> = /* @__PURE__ */ lazySchema(() => {
  const risk = optional(built(Risk));
  return strictObject({
    withdrawal: risk,
    biomedical: risk,
    emotionalBehavioral: risk,
    readiness: risk,
    relapsePotential: risk,
    recoveryEnvironment: risk,
  });
});
/** One of the six dimension keys. */
export type DimensionKey = keyof Dimensions;
/** The six dimension keys in ASAM order. */
export const dimensionKeys: readonly DimensionKey[] = [
  "withdrawal",
  "biomedical",
  "emotionalBehavioral",
  "readiness",
  "relapsePotential",
  "recoveryEnvironment",
];

/** How severe a condition is. */
export const conditionSeverities = ["mild", "moderate", "severe"] as const;

/** A diagnosed or suspected condition, with its severity. */
export interface Condition {
  /** What kind of condition. */
  kind: ConditionKind;
  /** How severe. */
  severity: (typeof conditionSeverities)[number];
  /** ICD-10-CM or DSM-5 code, if known (1–20 characters). */
  code?: string | undefined;
}
/** The schema of a {@link Condition}. */
export const Condition: Schema<Condition> = /* @__PURE__ */ lazySchema(() =>
  strictObject({
    kind: ConditionKind,
    severity: z.enum(conditionSeverities),
    code: optional(z.string().check(z.minLength(1), z.maxLength(20))),
  }),
);

/** Why a participant is unavailable. */
export const unavailabilityReasons = [
  "work",
  "school",
  "childcare",
  "caregiving",
  "other",
] as const;

/** A weekly block of time when the participant cannot attend (work, school, childcare). */
export interface Unavailability {
  /** ISO weekday, 1 = Monday. */
  weekday: Weekday;
  /** From this wall-clock time. */
  from: WallTime;
  /** To this wall-clock time, after `from` on the same day. */
  to: WallTime;
  /** Why, e.g. `"work"`. */
  reason?: (typeof unavailabilityReasons)[number] | undefined;
}
/** The schema of an {@link Unavailability} block; `to` must come after `from`. */
export const Unavailability: Schema<Unavailability> = /* @__PURE__ */ lazySchema(() =>
  strictObject({
    weekday: WeekdaySchema,
    from: WallTimeSchema,
    to: WallTimeSchema,
    reason: optional(z.enum(unavailabilityReasons)),
  }).check(
    holds(
      (u) => toMinutes(u.to) > toMinutes(u.from),
      "unavailability-ends-before-start",
      "`to` must be after `from` on the same day",
    ),
  ),
);

/** What a medication is for. */
export const medicationPurposes = ["addiction", "psychiatric", "other"] as const;

/** A medication the participant takes. */
export interface Medication {
  /** Its name, e.g. `"buprenorphine"`. */
  name: string;
  /** Addiction (e.g. buprenorphine, naltrexone), psychiatric, or other. */
  purpose: (typeof medicationPurposes)[number];
}
/** The schema of a {@link Medication}. */
export const Medication: Schema<Medication> = /* @__PURE__ */ lazySchema(() =>
  strictObject({ name: LabelSchema, purpose: z.enum(medicationPurposes) }),
);

/** Participant fields holding personal data that `redact` removes or replaces. */
export const participantPersonalFields = ["name", "phone", "email", "address", "notes"] as const;

/** Whether detox (withdrawal management) is needed. */
export const detoxStatuses = ["not-needed", "needed", "completed"] as const;
/** Where and how a participant lives. */
export const livingSituations = [
  "supportive-home",
  "unsupportive-home",
  "unsafe-home",
  "sober-living",
  "unstable-housing",
] as const;
/** Responsibilities a schedule must leave room for. */
export const responsibilityKinds = ["work", "school", "childcare", "caregiving"] as const;

/** Treatment history. */
export interface TreatmentHistory {
  /** Earlier outpatient episodes (0–100). */
  outpatientEpisodes: number;
  /** Relapses after outpatient care (0–100). */
  relapsesAfterOutpatient: number;
  /** Whether a residential program was completed. */
  residentialCompleted: boolean;
}

/**
 * The stored format of {@link Participant} records: 1 (iopkit 0.1.0), 2 (`formatVersion`). Its
 * consents carry their own format.
 * @internal
 */
export const participantFormat = {
  kind: "Participant",
  version: 2,
  steps: [versionFieldAdded],
  nested: [{ path: ["consents", "*"], format: () => consentFormat }],
} as const satisfies RecordFormat;

/** A participant, as validated. */
export interface Participant {
  /** The record's format (see the guide "Storing records"). */
  formatVersion: 2;
  /** Identifies the participant. */
  id: ParticipantId;
  /** Date of birth. */
  dateOfBirth: IsoDate;
  /** Sex recorded for instruments with sex-specific cut-offs (AUDIT-C). */
  sex?: Sex | undefined;
  /** Name. Personal data. */
  name?: string | undefined;
  /** Phone number (3–40 characters). Personal data. */
  phone?: string | undefined;
  /** Email address (at most 254 characters). Personal data. */
  email?: string | undefined;
  /** Postal address. Personal data. */
  address?: string | undefined;
  /** Free-text notes: personal data. */
  notes?: string | undefined;
  /** Date the dimension ratings were made; eligibility uses it as "today" unless given `asOf`. */
  assessedOn?: IsoDate | undefined;
  /** Diagnosed or suspected conditions (at most 20). */
  conditions: Condition[];
  /** The six ASAM dimension ratings. */
  dimensions: Dimensions;
  /** Whether detox is needed, or completed. */
  detox: (typeof detoxStatuses)[number];
  /** Treatment history. */
  history: TreatmentHistory;
  /** Where and how the participant lives. */
  living: (typeof livingSituations)[number];
  /** Responsibilities a schedule must leave room for (at most 4). */
  responsibilities: (typeof responsibilityKinds)[number][];
  /** Weekly blocks when the participant cannot attend (at most 100). */
  unavailable: Unavailability[];
  /** Whether family takes part in treatment. */
  familyInvolved: boolean;
  /** Medications (at most 50). */
  medications: Medication[];
  /** 42 CFR Part 2 consents. @defaultValue [] */
  consents: Consent[];
  /** What they can use to attend remotely (S16). Without it, they attend in person only. */
  telehealth?: TelehealthAccess | undefined;
}

/** A participant as an app writes it: `formatVersion` and `consents` may be left out. */
export interface ParticipantInput extends Omit<
  Participant,
  "formatVersion" | "id" | "consents" | "telehealth"
> {
  /** See {@link Participant.telehealth}. */
  telehealth?: TelehealthAccessInput | undefined;
  /** See {@link Participant.formatVersion}; a participant without it is format 1. */
  formatVersion?: 2 | undefined;
  /** See {@link Participant.id}. */
  id: string;
  /** See {@link Participant.consents}. @defaultValue [] */
  consents?: ConsentInput[] | undefined;
}

/** The participant schema. Use {@link parseParticipant} for untrusted input. */
export const Participant: Schema<Participant, ParticipantInput> = /* @__PURE__ */ lazySchema(() =>
  storedObject(participantFormat, {
    id: ParticipantId,
    dateOfBirth: IsoDateSchema,
    sex: optional(Sex),
    name: optional(LabelSchema),
    phone: optional(z.string().check(z.minLength(3), z.maxLength(40))),
    email: optional(z.string().check(z.maxLength(254))),
    address: optional(TextSchema),
    notes: optional(TextSchema),
    assessedOn: optional(IsoDateSchema),
    conditions: array(Condition).check(z.maxLength(20)),
    dimensions: Dimensions,
    detox: z.enum(detoxStatuses),
    history: strictObject({
      outpatientEpisodes: z.int().check(z.gte(0), z.lte(100)),
      relapsesAfterOutpatient: z.int().check(z.gte(0), z.lte(100)),
      residentialCompleted: z.boolean(),
    }),
    living: z.enum(livingSituations),
    responsibilities: array(z.enum(responsibilityKinds)).check(z.maxLength(4)),
    unavailable: array(built(Unavailability)).check(z.maxLength(100)),
    familyInvolved: z.boolean(),
    medications: array(Medication).check(z.maxLength(50)),
    consents: _default(array(built(Consent)).check(z.maxLength(limits.maxListLength)), () => []),
    telehealth: optional(TelehealthAccess),
  }),
);

/**
 * Validates a participant from any input; throws {@link core!IopError | IopError} listing every problem with its
 * path (wrong types, ratings outside 0–4, impossible dates, unknown fields).
 */
export function parseParticipant(input: unknown): Participant {
  return parseWith(Participant, "parseParticipant", input);
}

/** Like {@link parseParticipant}, but returns `{ success, data | error }`. */
export function safeParseParticipant(input: unknown): Result<Participant> {
  return safeParseWith(Participant, "parseParticipant", input);
}

/**
 * Age in whole years on a date (a birthday on 29 February counts on 1 March in other years).
 * Throws {@link core!IopError | IopError} (`invalid-date`) when either is not a calendar date
 * `YYYY-MM-DD`, or when `date` is before `dateOfBirth`.
 * @example `ageOn("2008-03-10", "2026-03-09") === 17`
 */
export function ageOn(dateOfBirth: string, date: string): number {
  const born = tryParseIsoDate(dateOfBirth);
  const on = tryParseIsoDate(date);
  if (born === undefined || on === undefined || on < born)
    misuse(
      "ageOn",
      "invalid-date",
      born === undefined
        ? `dateOfBirth must be a calendar date YYYY-MM-DD, got ${describeValue(dateOfBirth)}`
        : on === undefined
          ? `date must be a calendar date YYYY-MM-DD, got ${describeValue(date)}`
          : "date is before dateOfBirth",
      [born === undefined ? "dateOfBirth" : "date"],
    );
  const [by = 0, bm = 0, bd = 0] = dateOfBirth.split("-").map(Number);
  const [y = 0, m = 0, d = 0] = date.split("-").map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
