/**
 * JSON Schemas (draft 2020-12) of iopkit's input records, generated from the zod schemas with
 * `z.toJSONSchema`, for apps written in other languages. Also shipped as files:
 * `iopkit/schemas/<name>.schema.json` (written by `scripts/write-schemas.mjs` at build time).
 */
import { z } from "zod";
import { misuse } from "../../core/errors";
import { pure } from "../../core/pure";
import { AftercarePlan, CheckInOutcome, RelapsePreventionPlan } from "../../aftercare/index";
import { AttendanceRecord, DrugTestResult } from "../../attendance/index";
import { ClinicianOverride, EligibilityDecision } from "../../eligibility/index";
import { EpisodeEvent, EpisodeLog } from "../../episode/index";
import { MeasureAdministration } from "../../measures/index";
import { Consent, Participant } from "../../participant/index";
import { DisclosureRequest, RedactionPolicy } from "../../privacy/index";
import { Program } from "../../program/index";
import { Enrollment, Schedule, ScheduledSession, Staff } from "../../schedule/index";
import { schemaBaseUrl } from "../canonical";

/** One record: its zod schema (a thunk, so unused schemas tree-shake away) and what it is. */
interface RecordEntry {
  readonly schema: () => z.ZodType;
  readonly description: string;
}

/**
 * The names of every record with a JSON Schema, in a fixed order. To add a record, add its name
 * here and its line in the table below (the compiler insists on both).
 */
export const jsonSchemaNames = [
  "Program",
  "Participant",
  "Consent",
  "Enrollment",
  "Staff",
  "Schedule",
  "ScheduledSession",
  "MeasureAdministration",
  "DisclosureRequest",
  "RedactionPolicy",
  "ClinicianOverride",
  "EligibilityDecision",
  "AftercarePlan",
  "RelapsePreventionPlan",
  "CheckInOutcome",
  "AttendanceRecord",
  "DrugTestResult",
  "EpisodeEvent",
  "EpisodeLog",
] as const;

/** The name of a record that has a JSON Schema, e.g. `"Program"`. */
export type JsonSchemaName = (typeof jsonSchemaNames)[number];

// One line per record: its zod schema and what it is.
const records: { readonly [K in JsonSchemaName]: RecordEntry } = {
  Program: {
    schema: () => Program,
    description:
      "A program definition as an app writes it: the input of defineProgram (fields with defaults may be left out).",
  },
  Participant: {
    schema: () => Participant,
    description:
      "A participant profile: clinical picture, ASAM dimensions, history, living situation, availability and consents (parseParticipant).",
  },
  Consent: {
    schema: () => Consent,
    description:
      "A 42 CFR Part 2 consent to disclose substance-use-disorder records (parseConsent).",
  },
  Enrollment: {
    schema: () => Enrollment,
    description:
      "A participant enrolled in a program from a date, on a track or an explicit phase path (parseEnrollment).",
  },
  Staff: {
    schema: () => Staff,
    description: "A staff member: roles, weekly availability and group load (parseStaff).",
  },
  Schedule: {
    schema: () => Schedule,
    description:
      "A schedule: dated sessions, group rosters, unschedulable participants and shortfalls (parseSchedule).",
  },
  ScheduledSession: {
    schema: () => ScheduledSession,
    description: "One dated session of a schedule; instants carry the program zone's offset.",
  },
  MeasureAdministration: {
    schema: () => MeasureAdministration,
    description:
      "One administration of a standard instrument (PHQ-9, GAD-7, AUDIT-C, DAST-10, BAM) with its answers (parseMeasureAdministration).",
  },
  DisclosureRequest: {
    schema: () => DisclosureRequest,
    description:
      "A request to disclose Part 2 records, checked against a consent by canDisclose (parseDisclosureRequest).",
  },
  RedactionPolicy: {
    schema: () => RedactionPolicy,
    description: "How redact replaces or removes personal data (parseRedactionPolicy).",
  },
  ClinicianOverride: {
    schema: () => ClinicianOverride,
    description:
      "A clinician's override of a computed eligibility decision, with the reason (assessEligibility's override option).",
  },
  EligibilityDecision: {
    schema: () => EligibilityDecision,
    description:
      "The eligibility decision assessEligibility returns: outcome, recommended level, every reason and condition.",
  },
  AftercarePlan: {
    schema: () => AftercarePlan,
    description:
      "An aftercare plan as planAftercare returns it: the discharge situation and its components, each with its reason (parseAftercarePlan).",
  },
  RelapsePreventionPlan: {
    schema: () => RelapsePreventionPlan,
    description:
      "A relapse-prevention plan the participant fills in: triggers, warning signs, coping strategies, contacts, steps after a lapse (parseRelapsePreventionPlan).",
  },
  CheckInOutcome: {
    schema: () => CheckInOutcome,
    description:
      "The outcome of an aftercare check-in or outreach attempt: completed (with a lapse, mutual-support meetings) or missed (parseCheckInOutcome).",
  },
  AttendanceRecord: {
    schema: () => AttendanceRecord,
    description:
      "One participant at one scheduled session: status and minutes attended (parseAttendanceRecord).",
  },
  DrugTestResult: {
    schema: () => DrugTestResult,
    description:
      "One drug test of one participant: when, the outcome, substances found on a positive (parseDrugTestResult).",
  },
  EpisodeEvent: {
    schema: () => EpisodeEvent,
    description:
      "One dated event of a participant's episode (referral, admission, steps, reviews, discharge…), told apart by kind (parseEpisodeEvent).",
  },
  EpisodeLog: {
    schema: () => EpisodeLog,
    description:
      "A stored episode log: the episode's events, oldest first (parseEpisodeLog; replayEpisode checks their order).",
  },
};

/** A JSON Schema (draft 2020-12) document for one record. */
export interface JsonSchemaDocument {
  /** Always `"https://json-schema.org/draft/2020-12/schema"`. */
  readonly $schema: string;
  /** Canonical id: {@link schemaBaseUrl} + `<kebab-case name>.schema.json`. */
  readonly $id: string;
  /** The record name, e.g. `"Program"`. */
  readonly title: string;
  /** What the record is and which function validates it. */
  readonly description: string;
  /** The schema's keywords (`type`, `properties`, `required`, …). */
  readonly [keyword: string]: unknown;
}

/** `MeasureAdministration` → `measure-administration`. */
const kebab = (name: string): string =>
  name.replace(/[a-z0-9][A-Z]/g, (m) => `${m.charAt(0)}-${m.charAt(1)}`).toLowerCase();

/**
 * The JSON Schema (draft 2020-12) of one input record, generated from its zod schema
 * (`z.toJSONSchema(schema, { target: "draft-2020-12", io: "input" })`: fields with defaults are
 * optional, unknown keys are rejected), with `$id`, `title` and `description`. A new object on
 * every call.
 *
 * **What the schema checks, and what only the `parse…` function does.** Structure is the same as
 * zod's: types, required fields, unknown keys (`additionalProperties: false`), enums, string
 * lengths and patterns (dates `YYYY-MM-DD` with leap years, instants with a UTC offset, wall times
 * `HH:mm`, ids), number ranges and integers, list lengths. Cross-field and computed rules are zod
 * refinements, which JSON Schema cannot express, so **only the `parse…` functions enforce them**:
 * - Program (`defineProgram`): every rule of `programIssues` — a phase's hours band inside its
 *   level's band and its weekly pattern inside its hours band, patterns inside operating hours,
 *   intensity never rising, lengths adding up, `min ≤ max` in every range — and the aftercare
 *   policy's check-in stages in order and thinning out, outreach attempt days increasing;
 * - CheckInOutcome: a missed check-in without contact details, substances only with a lapse;
 * - Enrollment: `end` not before `start`, path steps in order and starting on `start`, not both
 *   `startPhase` and `path`; Staff and Participant: availability and unavailability blocks ending
 *   after they start;
 * - MeasureAdministration: the answers against the instrument (count, types, ranges, skip logic,
 *   AUDIT-C needing `sex`);
 * - AttendanceRecord: an absence with minutes attended; DrugTestResult: substances or
 *   `confirmed` on a result other than positive; EpisodeEvent (and each event of an EpisodeLog):
 *   an authorisation ending before it starts — and whether the events can happen in that order,
 *   which is `replayEpisode`'s to say;
 * - every record: time zones known to the runtime (the schema accepts any string of 1–64
 *   characters), instant offsets within ±18:00, and text fields that zod trims before checking
 *   (ClinicianOverride's `reason` may not be blank).
 * A record the schema rejects is always rejected by the `parse…` function too.
 *
 * @param name - one of {@link jsonSchemaNames}; another name throws {@link core!IopError | IopError}.
 * @example
 * ```ts
 * const schema = jsonSchema("Program");
 * schema.$id; // "https://iopkit.dev/schemas/0.1/program.schema.json"
 * ```
 */
export function jsonSchema(name: JsonSchemaName): JsonSchemaDocument {
  const entry: RecordEntry | undefined = Object.hasOwn(records, name) ? records[name] : undefined;
  if (entry === undefined)
    misuse(
      "jsonSchema",
      "unknown-schema",
      `${JSON.stringify(name)} is not a record with a JSON Schema; known: ${jsonSchemaNames.join(", ")}`,
    );
  const { $schema, ...rest } = z.toJSONSchema(entry.schema(), {
    target: "draft-2020-12",
    io: "input",
  });
  return {
    $schema: $schema ?? "https://json-schema.org/draft/2020-12/schema",
    $id: `${schemaBaseUrl}${kebab(name)}.schema.json`,
    title: name,
    description: entry.description,
    ...rest,
  };
}

/**
 * Every record's JSON Schema, by name ({@link jsonSchemaNames}). Each property is a getter that
 * builds the schema when read (see {@link jsonSchema} for what it checks), so apps that never read
 * them pay nothing at start-up, and bundlers drop the lot when it is not imported.
 * @example
 * ```ts
 * for (const [name, schema] of Object.entries(jsonSchemas)) writeFile(`${name}.json`, JSON.stringify(schema));
 * ```
 */
export const jsonSchemas: { readonly [K in JsonSchemaName]: JsonSchemaDocument } =
  /* @__PURE__ */ pure(() => {
    const out = {} as { [K in JsonSchemaName]: JsonSchemaDocument };
    for (const name of jsonSchemaNames)
      Object.defineProperty(out, name, { enumerable: true, get: () => jsonSchema(name) });
    return Object.freeze(out);
  });
