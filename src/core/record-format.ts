/**
 * Stored records that survive upgrades. Every record kind an app stores carries a format version
 * (`formatVersion`); each kind has a table of small migration steps, format n → n + 1. Parsers read
 * every earlier format and return the current one when the upgrade loses nothing;
 * `migrateRecord` (iopkit/interop) upgrades a record and reports every value it filled in and
 * everything it could not carry over. The policy for apps is in the guide "Storing records".
 *
 * Changing a stored kind (`recordKinds`), in its own module:
 * - an optional field: add it to the interface (with TSDoc) and the schema; no new format;
 * - anything else (a required field, a rename, a narrower value set, a new meaning): raise the
 *   format object's `version` to n + 1, append the step `{ from: n, change, upgrade }` that fills
 *   in what the older format implied and reports what it cannot carry over, and change the
 *   interface's `formatVersion: n + 1` (the compiler then finds every writer); the parsers,
 *   `migrateRecord`, containers and the JSON Schema's `$id` follow. At the release, capture the
 *   version's fixtures (`scripts/capture-record-fixtures.ts`); the fixture test reads them forever.
 * A record of another stored kind inside it is listed in `nested` and keeps its own format.
 */
import * as z from "zod/mini";
import { _default, pipe, strictObject } from "./zod";
import { IopError, type IssuePath } from "./errors";
import { validate } from "./schema";

/** What one migration step did to one value, with its path from the root of the migrated record. */
export interface MigrationNote {
  /**
   * `"filled"`: the older format had no such value and the step filled it in (`value`);
   * `"not-carried-over"`: the current format cannot hold the value, so the record no longer has it
   * (`value` is what was there, so the app can keep it elsewhere).
   */
  readonly change: "filled" | "not-carried-over";
  /** Where, from the root of the record passed to `migrateRecord`. */
  readonly path: IssuePath;
  /** A sentence for people: what changed and why. */
  readonly message: string;
  /** The value filled in, or the value that was not carried over. */
  readonly value: unknown;
}

/** Reports a {@link MigrationNote} (its path relative to the record the step upgrades). @internal */
export type ReportNote = (note: MigrationNote) => void;

/** One step of a record kind's migration table: it reads format `from` and writes `from + 1`. @internal */
export interface MigrationStep {
  /** The format this step reads. */
  readonly from: number;
  /** What changed between the two formats, in a sentence. */
  readonly change: string;
  /**
   * Turns a record of format `from` (its own fields; records of other stored kinds inside it are
   * upgraded by their own steps) into format `from + 1`, without mutating it, reporting every value
   * it fills in and everything it cannot carry over. Absent when only `formatVersion` changes.
   */
  readonly upgrade?: (
    record: Readonly<Record<string, unknown>>,
    report: ReportNote,
  ) => Record<string, unknown>;
}

/** Where a record of another stored kind sits inside a record: keys, `"*"` for every list entry. @internal */
export interface NestedRecord {
  /** The path, e.g. `["consents", "*"]`. */
  readonly path: readonly string[];
  /** The nested record's format. */
  readonly format: () => RecordFormat;
}

/**
 * The format of one stored record kind: its current version, the steps that bring every earlier
 * version to it, and where records of other stored kinds sit inside it. Format 1 is what iopkit
 * 0.1.0 wrote (no `formatVersion` field); every later format carries `formatVersion`.
 *
 * Records nested in another record (a participant's consents, an enrolment's participant, a
 * schedule's sessions) carry their own `formatVersion` and are upgraded by their own kind's steps,
 * so changing one kind touches only that kind's table.
 * @internal
 */
export interface RecordFormat {
  /** The record kind, e.g. `"Participant"`. */
  readonly kind: string;
  /** The current format. */
  readonly version: number;
  /** The steps, `steps[i]` reading format `i + 1`; as many as `version − 1`. */
  readonly steps: readonly MigrationStep[];
  /** Records of other stored kinds inside this one. */
  readonly nested: readonly NestedRecord[];
  /** For a kind stored as a list (an episode log): the kind of its entries, whose version it shares. */
  readonly items?: () => RecordFormat;
}

/** The step of every kind from format 1 (iopkit 0.1.0) to 2: the version field, nothing else. @internal */
export const versionFieldAdded: MigrationStep = {
  from: 1,
  change: "formatVersion added (records of iopkit 0.1.0 have none); nothing else changed",
};

const isRecord = (v: unknown): v is Readonly<Record<string, unknown>> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * The format a stored value says it has: `formatVersion`, or 1 when it has none. `undefined` when
 * it is not a record, or its `formatVersion` is not a version (the schema then says why).
 * @internal
 */
export function formatOf(format: RecordFormat, value: unknown): number | undefined {
  const items = format.items?.();
  if (items !== undefined) {
    if (!Array.isArray(value)) return undefined;
    let lowest = items.version;
    for (const entry of value as readonly unknown[]) {
      const v = formatOf(items, entry);
      if (v !== undefined && v < lowest) lowest = v;
    }
    return lowest;
  }
  if (!isRecord(value)) return undefined;
  const v = value["formatVersion"];
  if (v === undefined) return 1;
  return typeof v === "number" && Number.isInteger(v) && v >= 2 ? v : undefined;
}

/**
 * Upgrades one record's own fields to the current format (nested stored records are left to their
 * own kind). A value that is not a record of an earlier format comes back as it is, for the schema
 * to judge. Never mutates `value`.
 * @internal
 */
export function upgradeOwn(format: RecordFormat, value: unknown, report: ReportNote): unknown {
  const from = formatOf(format, value);
  if (from === undefined || from >= format.version || !isRecord(value)) return value;
  let record: Readonly<Record<string, unknown>> = value;
  for (let n = from; n < format.version; n++) {
    const upgrade = format.steps[n - 1]?.upgrade;
    if (upgrade !== undefined) record = upgrade(record, report);
  }
  const { formatVersion: _old, ...rest } = record;
  return { formatVersion: format.version, ...rest };
}

/**
 * The schema of `formatVersion` in a record of the current format `version`: optional on input
 * (a record without it is format 1, which the parser upgrades), always present on output.
 * @internal
 */
export function formatVersionField<V extends number>(
  version: V,
): z.ZodMiniDefault<z.ZodMiniLiteral<V>> {
  const literal = z.literal(version, {
    error: (iss) =>
      `is ${typeof iss.input === "number" ? `format ${iss.input}` : "not a format version"}; this version of iopkit reads formats 1 to ${version}: a record written by a newer iopkit needs that version`,
  });
  z.globalRegistry.add(literal, {
    description: `The record's format: ${version}. Records you write carry it; a record without it is format 1 (written by iopkit 0.1.0), which iopkit's parsers upgrade.`,
  });
  return _default(literal, version);
}

/**
 * The schema a parser of a stored kind uses: `current` (the current format, whose
 * `formatVersion` is {@link formatVersionField}) preceded, when the kind has steps that change
 * more than the version, by the upgrade of older formats. An upgrade that would lose something is
 * an issue (`format-upgrade-loses-data`) that points to `migrateRecord`, never a silent drop.
 * @internal
 */
export function storedRecord<S extends z.core.$ZodType>(format: RecordFormat, current: S): S {
  if (format.steps.every((s) => s.upgrade === undefined)) return current;
  const upgrade = z.transform((value: unknown, payload: z.core.ParsePayload) => {
    const lost: MigrationNote[] = [];
    const out = upgradeOwn(format, value, (note) => {
      if (note.change === "not-carried-over") lost.push(note);
    });
    for (const note of lost)
      payload.issues.push({
        code: "custom",
        path: [...note.path],
        params: { code: "format-upgrade-loses-data" },
        message: `${note.message}: reading this ${format.kind} (format ${formatOf(format, value) ?? 1}) would lose it, so it is not read as format ${format.version}; upgrade it with migrateRecord("${format.kind}", record), which reports what is not carried over`,
        input: value,
      });
    return out;
  });
  return pipe(upgrade, current) as unknown as S;
}

/** A record kind's type without its `formatVersion` (each member of a union). @internal */
export type Unstamped<T> = T extends unknown ? Omit<T, "formatVersion"> : never;

/**
 * `draft` with `formatVersion: version` first: for code that builds records of a stored kind
 * field by field.
 * @internal
 */
export function stamp<T extends { readonly formatVersion: number }>(
  version: T["formatVersion"],
  draft: Unstamped<T>,
): T {
  return { formatVersion: version, ...draft } as unknown as T;
}

/** A stored kind's object in its current format: `formatVersion` first, then its fields. */
type StoredShape<V extends number, S extends z.core.$ZodLooseShape> = {
  formatVersion: z.ZodMiniDefault<z.ZodMiniLiteral<V>>;
} & S;

/**
 * The schema of a stored record kind in its current format: a strict object of `formatVersion`
 * (see {@link formatVersionField}) and `shape`, given to `refine` for checks across fields, read
 * through {@link storedRecord}.
 * @internal
 */
export function storedObject<V extends number, S extends z.core.$ZodLooseShape>(
  format: RecordFormat & { readonly version: V },
  shape: S,
): z.ZodMiniObject<StoredShape<V, S>, z.core.$strict>;
export function storedObject<
  V extends number,
  S extends z.core.$ZodLooseShape,
  R extends z.core.$ZodType,
>(
  format: RecordFormat & { readonly version: V },
  shape: S,
  refine: (object: z.ZodMiniObject<StoredShape<V, S>, z.core.$strict>) => R,
): R;
export function storedObject(
  format: RecordFormat,
  shape: z.core.$ZodLooseShape,
  refine?: (object: never) => z.core.$ZodType,
): z.core.$ZodType {
  const object = strictObject({ formatVersion: formatVersionField(format.version), ...shape });
  return storedRecord(format, refine === undefined ? object : refine(object as never));
}

/** A record upgraded to the current format, with what the upgrade did. */
export interface Migration<T> {
  /** The record in the current format, validated. */
  readonly record: T;
  /** The format it had (1 for a record without `formatVersion`). */
  readonly from: number;
  /** The current format. */
  readonly to: number;
  /** Every value filled in and everything not carried over, with its path; empty when nothing but the version changed. */
  readonly notes: readonly MigrationNote[];
}

/** Applies `f` to every value at `path` (`"*"` = each list entry), copying what it changes. */
function mapAt(
  value: unknown,
  path: readonly string[],
  at: IssuePath,
  f: (v: unknown, p: IssuePath) => unknown,
): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return f(value, at);
  if (head === "*") {
    if (!Array.isArray(value)) return value;
    return (value as readonly unknown[]).map((v, i) => mapAt(v, rest, [...at, i], f));
  }
  if (!isRecord(value) || !Object.hasOwn(value, head)) return value;
  return { ...value, [head]: mapAt(value[head], rest, [...at, head], f) };
}

/** Upgrades a record and every stored record inside it, collecting notes with their full paths. */
function upgradeDeep(
  format: RecordFormat,
  value: unknown,
  at: IssuePath,
  notes: MigrationNote[],
): unknown {
  const items = format.items?.();
  if (items !== undefined)
    return Array.isArray(value)
      ? (value as readonly unknown[]).map((v, i) => upgradeDeep(items, v, [...at, i], notes))
      : value;
  let out = upgradeOwn(format, value, (note) =>
    notes.push({ ...note, path: [...at, ...note.path] }),
  );
  for (const nested of format.nested)
    out = mapAt(out, nested.path, at, (v, p) => upgradeDeep(nested.format(), v, p, notes));
  return out;
}

/**
 * Upgrades `value`, a stored record of `format`'s kind written by any version of iopkit, to the
 * current format and validates it with `schema`; throws {@link IopError} (context `context`) listing
 * every problem when it is not a record of that kind in any format.
 * @internal
 */
export function migrateWith<T>(
  format: RecordFormat,
  schema: z.core.$ZodType<T>,
  value: unknown,
  context: string,
): Migration<T> {
  const from = formatOf(format, value) ?? format.version;
  const notes: MigrationNote[] = [];
  const upgraded = upgradeDeep(format, value, [], notes);
  const r = validate(schema, upgraded);
  if (!r.ok) throw new IopError(context, r.issues);
  return { record: r.value, from, to: format.version, notes };
}
