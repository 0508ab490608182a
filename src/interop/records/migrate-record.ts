/**
 * `migrateRecord`: a stored record written by any version of iopkit, brought to the current
 * format, with every value filled in and everything not carried over reported.
 */
import { asIopError, describeValue, misuse, type Result } from "../../core/errors";
import { migrateWith, type Migration } from "../../core/record-format";
import { parseWith, safeParseWith } from "../../core/schema";
import { recordKinds, recordTable, type RecordKind, type RecordOf } from "./record-kinds";

/**
 * Upgrades a stored record of `kind`, written by any version of iopkit, to the current format
 * ({@link recordFormats}) and validates it. Returns the record with `from` (its format: 1 for a
 * record without `formatVersion`), `to` (the current format) and `notes`: every value a migration
 * step filled in and everything it could not carry over, each with its path from the root (so the
 * app can keep what was not carried over elsewhere). Records nested in it (a participant's
 * consents, a schedule's sessions) are upgraded by their own kind's steps; their notes come with
 * their full paths.
 *
 * The `parse…` functions read every earlier format too, as long as the upgrade loses nothing;
 * when it would, they throw an `IopError` (code `format-upgrade-loses-data`) that points here.
 *
 * Throws {@link core!IopError | IopError} listing every problem when `value` is not a record of
 * that kind in any format (`unknown-record-kind` for a kind iopkit does not know).
 * @example
 * ```ts
 * const { record, from, to, notes } = migrateRecord("Participant", JSON.parse(row));
 * if (notes.length > 0) console.log(`upgraded from format ${from} to ${to}`, notes);
 * ```
 */
export function migrateRecord<K extends RecordKind>(
  kind: K,
  value: unknown,
): Migration<RecordOf[K]> {
  const entry = entryOf("migrateRecord", kind);
  return migrateWith<RecordOf[K]>(entry.format, entry.schema(), value, `migrateRecord("${kind}")`);
}

/** The table's entry for `kind`; a kind iopkit does not know is a programming error. */
function entryOf<K extends RecordKind>(context: string, kind: K): (typeof recordTable)[K] {
  if (!Object.hasOwn(recordTable, kind))
    misuse(
      context,
      "unknown-record-kind",
      `${describeValue(kind)} is not a stored record kind; known: ${recordKinds.join(", ")}`,
      ["kind"],
    );
  return recordTable[kind];
}

/**
 * Reads a stored record of `kind` written by any version of iopkit, as the kind's own `parse…`
 * function does (`parseRecord("Participant", x)` is `parseParticipant(x)`): the record in the
 * current format, or an {@link core!IopError | IopError} listing every problem. A record of an
 * earlier format is upgraded when nothing is lost; when the upgrade would lose something, the
 * error's issue (`format-upgrade-loses-data`) says what and points to {@link migrateRecord}.
 * @example
 * ```ts
 * const participant = parseRecord("Participant", JSON.parse(row));
 * ```
 */
export function parseRecord<K extends RecordKind>(kind: K, value: unknown): RecordOf[K] {
  const schema = entryOf("parseRecord", kind).schema();
  return parseWith<RecordOf[K]>(schema, `parseRecord("${kind}")`, value);
}

/** Like {@link parseRecord}, but returns `{ success, data | error }`; never throws (an unknown kind is a failure too). */
export function safeParseRecord<K extends RecordKind>(
  kind: K,
  value: unknown,
): Result<RecordOf[K]> {
  try {
    const schema = entryOf("parseRecord", kind).schema();
    return safeParseWith<RecordOf[K]>(schema, `parseRecord("${kind}")`, value);
  } catch (error) {
    return { success: false, error: asIopError("parseRecord", error) };
  }
}

/** Like {@link migrateRecord}, but returns `{ success, data | error }`; never throws (an unknown kind is a failure too). */
export function safeMigrateRecord<K extends RecordKind>(
  kind: K,
  value: unknown,
): Result<Migration<RecordOf[K]>> {
  try {
    return { success: true, data: migrateRecord(kind, value) };
  } catch (error) {
    return { success: false, error: asIopError("migrateRecord", error) };
  }
}
