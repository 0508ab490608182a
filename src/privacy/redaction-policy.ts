/** The policy `redact` follows: which fields hold personal data, how to replace them, dates and ids. */
import * as z from "zod/mini";
import { _default, array } from "../core/zod";
import type { Result } from "../core/errors";
import { storedObject, versionFieldAdded, type RecordFormat } from "../core/record-format";
import { customIssue, lazySchema, parseWith, safeParseWith, type Schema } from "../core/schema";
import { participantPersonalFields } from "../participant/index";

/** Keys that hold a person's name, besides `name` itself (FHIR `given`/`family` among them). */
const personNameKeys = [
  "patientName",
  "firstName",
  "middleName",
  "lastName",
  "fullName",
  "preferredName",
  "displayName",
  "given",
  "family",
] as const;

/**
 * Keys whose values are personal data wherever they appear (the whole value, nested or not):
 * the participant's {@link participant!participantPersonalFields | participantPersonalFields}
 * (`name`, `phone`, `email`, `address`, `notes`), the consent's `patientName`, the usual person-name
 * keys (`firstName`, `middleName`, `lastName`, `fullName`, `preferredName`, `displayName`, FHIR
 * `given` and `family`), contact details (`telecom`, `contact`, `phoneNumber`, `mobile`),
 * identifiers (`ssn`, `mrn`, FHIR `identifier`), `birthPlace`, `photo`, free text (`note`,
 * `comment`, `comments`) and FHIR narrative XHTML (`div`, which renders the resource's data).
 *
 * `name` is treated as a person's name wherever it appears (a named consent recipient, a staff
 * member, but also a program or phase name): over-redaction is the safe side. Exempt paths with
 * {@link RedactionPolicy | `keep`}.
 */
export const defaultPersonalFields: readonly string[] = [
  ...participantPersonalFields,
  ...personNameKeys,
  "telecom",
  "contact",
  "phoneNumber",
  "mobile",
  "ssn",
  "mrn",
  "identifier",
  "birthPlace",
  "photo",
  "note",
  "comment",
  "comments",
  "div",
];

/**
 * Personal-data keys that hold names: besides the whole value, each word of at least
 * `minScrubLength` characters is scrubbed from every other string (so "Alex" is found in
 * "Alex missed group" when the name is "Alex Rivera").
 */
export const defaultNameFields: readonly string[] = ["name", ...personNameKeys];

/**
 * Paths exempt from the personal-data keys by default: medication names (`medications.*.name`)
 * are clinical data, not identifiers.
 */
export const defaultKeptPaths: readonly string[] = ["medications.*.name"];

/** Keys of birth dates, generalised to the year by `dates: "generalise"` (and by default in every mode, see `birthDates`). */
export const defaultBirthDateFields: readonly string[] = ["dateOfBirth", "birthDate", "dob"];

const fieldName = () => z.string().check(z.minLength(1, "must not be empty"), z.maxLength(100));
const pathPattern = () =>
  z
    .string()
    .check(
      z.maxLength(500),
      z.regex(
        /^[^.]+(\.[^.]+)*$/,
        "must be keys separated by dots, `*` standing for any one key or index",
      ),
    );

/**
 * The stored format of {@link RedactionPolicy} records: 1 (iopkit 0.1.0), 2 (`formatVersion`).
 * @internal
 */
export const redactionPolicyFormat = {
  kind: "RedactionPolicy",
  version: 2,
  steps: [versionFieldAdded],
  nested: [],
} as const satisfies RecordFormat;

/**
 * How `redact` treats a record. Every field has a default, so `{}` is a valid policy.
 *
 * Keys in `personalFields`, `nameFields` and `birthDateFields` match a record's keys by their
 * normalised form — NFKC, case-insensitive, ignoring `_`, `-`, `.` and spaces — so `"ssn"` also
 * matches `SSN`, `"firstName"` matches `first_name` and `First-Name`, `"dateOfBirth"` matches
 * `DateOfBirth` and `date_of_birth`. `keep` paths match keys exactly.
 *
 * - `mode` — `"pseudonymise"` (default): every string in a personal-data field becomes a stable
 *   pseudonym `anon-` + 16 hex digits, numbers become 0, so the record keeps its shape (and a
 *   redacted participant still parses). `"remove"`: personal-data fields are deleted. A participant's and a
 *   consent's own personal fields are optional, but a named consent recipient's `name` is not, so
 *   a record with one no longer parses after removal.
 * - `personalFields`, `nameFields`, `keep` — see {@link defaultPersonalFields},
 *   {@link defaultNameFields}, {@link defaultKeptPaths}. A `keep` pattern is a dot path whose `*`
 *   stands for any one key or array index; it matches a field when it matches the last segments of
 *   the field's path (so `medications.*.name` works on a participant or a list of them).
 * - `salt` — mixed into every pseudonym: the same value gets the same pseudonym under the same
 *   salt (to join logs), another under another salt. Pseudonyms come from two 32-bit FNV-1a hashes:
 *   stable tokens, **not encryption** — anyone holding the salt can test guesses.
 * - `minScrubLength` — personal strings (whole values and name words) at least this long are also
 *   scrubbed from every other string (case-insensitively); shorter ones ("Al", a 1-letter initial)
 *   are replaced in their own field only, since scrubbing them would rewrite every word.
 * - `dates` — `"keep"`; `"shift"`: every ISO date and instant moves by `shiftDays` calendar days
 *   (intervals kept; an instant keeps its wall time and offset); `"generalise"`: birth dates
 *   (`birthDateFields`) become `YYYY-01-01`, other dates the first of their month, instants
 *   midnight on the first of their month at their own offset.
 * - `birthDates` — `"year"` (default): birth dates (`birthDateFields`) become `YYYY-01-01` in
 *   every `dates` mode, since an exact birth date identifies a person; `"keep"`: they follow `dates`.
 * - `ids` — `"keep"` (default); `"pseudonymise"`: the value of every key `id` or ending in `Id`/`Ids`
 *   becomes `id-` + 16 hex digits, the same id getting the same pseudonym everywhere in the record
 *   (and wherever it occurs inside other strings, e.g. `"Patient/p-001"`), so relations survive.
 */
export interface RedactionPolicy {
  /** The record's format (see the guide "Storing records"). */
  formatVersion: 2;
  /** Replace personal data with pseudonyms, or remove it. @defaultValue "pseudonymise" */
  mode: "pseudonymise" | "remove";
  /** Keys whose values are personal data (at most 1000). @defaultValue {@link defaultPersonalFields} */
  personalFields: string[];
  /** Personal-data keys that hold names (at most 1000). @defaultValue {@link defaultNameFields} */
  nameFields: string[];
  /** Paths exempt from the personal-data keys (at most 1000). @defaultValue {@link defaultKeptPaths} */
  keep: string[];
  /** Mixed into every pseudonym (at most 1000 characters). @defaultValue "" */
  salt: string;
  /** Personal strings at least this long (1–1000) are also scrubbed from other strings. @defaultValue 3 */
  minScrubLength: number;
  /** What happens to dates. @defaultValue "keep" */
  dates: "keep" | "shift" | "generalise";
  /** Calendar days to shift by, ±36 500 (100 years). @defaultValue 0 */
  shiftDays: number;
  /** Keys of birth dates (at most 1000). @defaultValue {@link defaultBirthDateFields} */
  birthDateFields: string[];
  /** Birth dates become `YYYY-01-01` (`"year"`), or follow `dates` (`"keep"`). @defaultValue "year" */
  birthDates: "year" | "keep";
  /** Keep ids, or replace them with stable pseudonyms. @defaultValue "keep" */
  ids: "keep" | "pseudonymise";
}

/** A redaction policy as an app writes it: every field may be left out. */
export type RedactionPolicyInput = {
  [K in keyof RedactionPolicy]?: RedactionPolicy[K] | undefined;
};

/** The schema of a {@link RedactionPolicy}; `{}` is a valid policy. Use {@link parseRedactionPolicy} for untrusted input. */
export const RedactionPolicy: Schema<RedactionPolicy, RedactionPolicyInput> =
  /* @__PURE__ */ lazySchema(() =>
    storedObject(
      redactionPolicyFormat,
      {
        mode: _default(z.enum(["pseudonymise", "remove"]), "pseudonymise"),
        personalFields: _default(array(fieldName()).check(z.maxLength(1000)), () => [
          ...defaultPersonalFields,
        ]),
        nameFields: _default(array(fieldName()).check(z.maxLength(1000)), () => [
          ...defaultNameFields,
        ]),
        keep: _default(array(pathPattern()).check(z.maxLength(1000)), () => [...defaultKeptPaths]),
        salt: _default(z.string().check(z.maxLength(1000)), ""),
        minScrubLength: _default(z.int().check(z.gte(1), z.lte(1000)), 3),
        dates: _default(z.enum(["keep", "shift", "generalise"]), "keep"),
        shiftDays: _default(z.int().check(z.gte(-36_500), z.lte(36_500)), 0),
        birthDateFields: _default(array(fieldName()).check(z.maxLength(1000)), () => [
          ...defaultBirthDateFields,
        ]),
        birthDates: _default(z.enum(["year", "keep"]), "year"),
        ids: _default(z.enum(["keep", "pseudonymise"]), "keep"),
      },
      (object) =>
        object.check(
          z.superRefine((p, ctx) => {
            if (p.dates === "shift" && p.shiftDays === 0)
              ctx.addIssue(
                customIssue("shift-days-required", 'dates: "shift" needs a non-zero shiftDays', [
                  "shiftDays",
                ]),
              );
          }),
        ),
    ),
  );

/**
 * Validates a redaction policy (e.g. from configuration) and fills in the defaults; throws
 * {@link core!IopError | IopError} listing every problem.
 * @example
 * ```ts
 * const policy = parseRedactionPolicy({ dates: "shift", shiftDays: -17, salt: "2026-export" });
 * ```
 */
export function parseRedactionPolicy(input: unknown): RedactionPolicy {
  return parseWith(RedactionPolicy, "parseRedactionPolicy", input);
}

/** Like {@link parseRedactionPolicy}, but returns `{ success, data | error }`. */
export function safeParseRedactionPolicy(input: unknown): Result<RedactionPolicy> {
  return safeParseWith(RedactionPolicy, "parseRedactionPolicy", input);
}
