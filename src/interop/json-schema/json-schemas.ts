/**
 * JSON Schemas (draft 2020-12) of iopkit's input records, generated from the zod schemas with
 * `z.toJSONSchema`, for apps written in other languages. Also shipped as files:
 * `iopkit/schemas/<name>.schema.json` (written by `scripts/write-schemas.mjs` at build time).
 */
import * as z from "zod/mini";
import { describeValue, misuse } from "../../core/errors";
import { pure } from "../../core/pure";
import { schemaBaseUrl } from "../canonical";
import { recordKinds, recordTable, type RecordKind } from "../records/record-kinds";

/**
 * The names of every record with a JSON Schema, in a fixed order: the stored record kinds
 * ({@link recordKinds}).
 */
export const jsonSchemaNames: typeof recordKinds = recordKinds;

/** The name of a record that has a JSON Schema, e.g. `"Program"`. */
export type JsonSchemaName = RecordKind;

/** A JSON Schema (draft 2020-12) document for one record. */
export interface JsonSchemaDocument {
  /** Always `"https://json-schema.org/draft/2020-12/schema"`. */
  readonly $schema: string;
  /** Canonical id: {@link schemaBaseUrl} + `v<format>/<kebab-case name>.schema.json`. */
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
 * The JSON Schema (draft 2020-12) of one input record in its current format
 * ({@link recordFormats}), generated from its zod schema
 * (`z.toJSONSchema(schema, { target: "draft-2020-12", io: "input" })`: fields with defaults are
 * optional, unknown keys are rejected), with `$id`, `title` and `description`. The format is in
 * the `$id` (`…/schemas/v2/participant.schema.json`) and in the record's `formatVersion` property
 * (a `const`; optional, as a record without it is format 1, which the `parse…` functions upgrade).
 * A new object on every call.
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
 * schema.$id; // "https://iopkit.dev/schemas/v2/program.schema.json"
 * ```
 */
export function jsonSchema(name: JsonSchemaName): JsonSchemaDocument {
  const entry =
    typeof name === "string" && Object.hasOwn(recordTable, name) ? recordTable[name] : undefined;
  if (entry === undefined)
    misuse(
      "jsonSchema",
      "unknown-schema",
      `${describeValue(name)} is not a record with a JSON Schema; known: ${jsonSchemaNames.join(", ")}`,
    );
  const { $schema, ...rest } = z.toJSONSchema(entry.schema(), {
    target: "draft-2020-12",
    io: "input",
  });
  return {
    $schema: $schema ?? "https://json-schema.org/draft/2020-12/schema",
    $id: `${schemaBaseUrl}v${entry.format.version}/${kebab(name)}.schema.json`,
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
