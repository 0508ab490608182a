/**
 * The participant profile: the clinical picture, ASAM dimension ratings, history, living
 * situation, responsibilities and availability, family involvement, medications and consents.
 * Personal data (name, phone, email, address, notes) sit in named top-level fields listed in
 * {@link participantPersonalFields} so `redact` (iopkit/privacy) can remove them.
 */
import { pure } from "../core/pure";
import { z } from "zod";
import { parserFor, type Result } from "../core/errors";
import {
  IsoDateSchema,
  LabelSchema,
  limits,
  ParticipantId,
  TextSchema,
  WallTimeSchema,
  WeekdaySchema,
} from "../core/index";
import { toMinutes } from "../core/wall-time";
import { ConditionKind } from "../program/index";
import { Consent } from "./consent";

/** An ASAM risk rating, 0 (none) … 4 (imminent danger). */
export const Risk = /* @__PURE__ */ pure(() =>
  z.literal([0, 1, 2, 3, 4], { error: "must be a risk rating 0–4" }),
);
/** ASAM risk rating: 0 none, 1 mild, 2 moderate, 3 severe, 4 imminent danger. */
export type Risk = z.infer<typeof Risk>;

/**
 * The six ASAM dimensions (3rd edition names), each rated 0–4. A dimension not yet rated is left
 * out; eligibility then answers `needs-assessment` and names it.
 */
export const Dimensions = /* @__PURE__ */ pure(() =>
  z.strictObject({
    /** 1 — acute intoxication and withdrawal potential. */
    withdrawal: Risk.optional(),
    /** 2 — biomedical conditions and complications. */
    biomedical: Risk.optional(),
    /** 3 — emotional, behavioural or cognitive conditions. */
    emotionalBehavioral: Risk.optional(),
    /** 4 — readiness to change. */
    readiness: Risk.optional(),
    /** 5 — relapse, continued use or continued problem potential. */
    relapsePotential: Risk.optional(),
    /** 6 — recovery and living environment. */
    recoveryEnvironment: Risk.optional(),
  }),
);
/** Ratings of the six ASAM dimensions. */
export type Dimensions = z.infer<typeof Dimensions>;
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

/** A diagnosed or suspected condition. */
export const Condition = /* @__PURE__ */ pure(() =>
  z.strictObject({
    kind: ConditionKind,
    severity: z.enum(["mild", "moderate", "severe"]),
    /** ICD-10-CM or DSM-5 code, if known. */
    code: z.string().min(1).max(20).optional(),
  }),
);
/** A condition with its severity. */
export type Condition = z.infer<typeof Condition>;

/** A weekly block of time when the participant cannot attend (work, school, childcare). */
export const Unavailability = /* @__PURE__ */ pure(() =>
  z
    .strictObject({
      weekday: WeekdaySchema,
      from: WallTimeSchema,
      to: WallTimeSchema,
      /** Why, e.g. `"work"`. */
      reason: z.enum(["work", "school", "childcare", "caregiving", "other"]).optional(),
    })
    .refine((u) => toMinutes(u.to) > toMinutes(u.from), {
      message: "`to` must be after `from` on the same day",
      params: { code: "unavailability-ends-before-start" },
      // Compare only well-formed times: a malformed one already has its own issue.
      when: (payload) => payload.issues.length === 0,
    }),
);
/** A weekly unavailable block. */
export type Unavailability = z.infer<typeof Unavailability>;

/** A medication the participant takes. */
export const Medication = /* @__PURE__ */ pure(() =>
  z.strictObject({
    name: LabelSchema,
    /** Addiction (e.g. buprenorphine, naltrexone), psychiatric, or other. */
    purpose: z.enum(["addiction", "psychiatric", "other"]),
  }),
);
/** A medication. */
export type Medication = z.infer<typeof Medication>;

/** Participant fields holding personal data that `redact` removes or replaces. */
export const participantPersonalFields = ["name", "phone", "email", "address", "notes"] as const;

/** The participant schema. Use {@link parseParticipant} for untrusted input. */
export const Participant = /* @__PURE__ */ pure(() =>
  z.strictObject({
    id: ParticipantId,
    dateOfBirth: IsoDateSchema,
    /** Sex recorded for instruments with sex-specific cut-offs (AUDIT-C). */
    sex: z.enum(["female", "male"]).optional(),
    /** Personal data. */
    name: LabelSchema.optional(),
    /** Personal data. */
    phone: z.string().min(3).max(40).optional(),
    /** Personal data. */
    email: z.string().max(254).optional(),
    /** Personal data. */
    address: TextSchema.optional(),
    /** Free-text notes: personal data. */
    notes: TextSchema.optional(),
    /** Date the dimension ratings were made; eligibility uses it as "today" unless given `asOf`. */
    assessedOn: IsoDateSchema.optional(),
    conditions: z.array(Condition).max(20),
    dimensions: Dimensions,
    detox: z.enum(["not-needed", "needed", "completed"]),
    history: z.strictObject({
      outpatientEpisodes: z.number().int().min(0).max(100),
      relapsesAfterOutpatient: z.number().int().min(0).max(100),
      residentialCompleted: z.boolean(),
    }),
    living: z.enum([
      "supportive-home",
      "unsupportive-home",
      "unsafe-home",
      "sober-living",
      "unstable-housing",
    ]),
    responsibilities: z.array(z.enum(["work", "school", "childcare", "caregiving"])).max(4),
    unavailable: z.array(Unavailability).max(100),
    familyInvolved: z.boolean(),
    medications: z.array(Medication).max(50),
    consents: z.array(Consent).max(limits.maxListLength).default([]),
  }),
);
/** A participant, as validated. */
export type Participant = z.infer<typeof Participant>;
/** A participant as an app writes it. */
export type ParticipantInput = z.input<typeof Participant>;

const participantParser = /* @__PURE__ */ pure(() => parserFor(Participant, "parseParticipant"));

/**
 * Validates a participant from any input; throws {@link core!IopError | IopError} listing every problem with its
 * path (wrong types, ratings outside 0–4, impossible dates, unknown fields).
 */
export function parseParticipant(input: unknown): Participant {
  return participantParser.parse(input);
}

/** Like {@link parseParticipant}, but returns `{ success, data | error }`. */
export function safeParseParticipant(input: unknown): Result<Participant> {
  return participantParser.safeParse(input);
}

/**
 * Age in whole years on a date.
 * @example `ageOn("2008-03-10", "2026-03-09") === 17`
 */
export function ageOn(dateOfBirth: string, date: string): number {
  const [by, bm, bd] = dateOfBirth.split("-").map(Number);
  const [y, m, d] = date.split("-").map(Number);
  if (
    by === undefined ||
    bm === undefined ||
    bd === undefined ||
    y === undefined ||
    m === undefined ||
    d === undefined
  )
    return Number.NaN;
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
