/**
 * The one shape every analytics function has: **mergeable partial aggregates**.
 *
 * An analytics job reads years of rows. Each function (`lengthOfStay`, `censusByPhase`, …) is an
 * {@link Aggregate}: a callable that answers in one call, and the three steps an app can run on its
 * own job engine —
 *
 * 1. `partial(sources, options)` folds a partition of the rows (a clinic, a month, a worker's
 *    share) into a {@link PartialAggregate}: plain JSON, small, to be shipped between workers;
 * 2. `merge(a, b, …)` combines partials computed with the same options, in any order and any
 *    grouping;
 * 3. `finish(partial)` turns the merged partial into the report.
 *
 * `finish(merge(partial(p1), partial(p2)))` equals the one call over `p1 ∪ p2` exactly — the
 * partials hold integers (counts, histograms by whole day, day sets), never rounded figures — and
 * the property tests hold every aggregate to that for random partitions in random order.
 *
 * Rows arrive as iterables (an array, a generator, a database cursor's rows). For an async cursor,
 * or to feed one stream of rows to several aggregates in one pass, use `accumulator(options)`:
 * `add(source, row)` per row, then `partial()`.
 */
import { pure } from "../core/pure";
import * as z from "zod/mini";
import { strictObject } from "../core/zod";
import { guardEntry, IopError, type IopIssue, type IssuePath } from "../core/errors";
import { issue, validate } from "../core/schema";
import type { TimeZone } from "../core/zone";
import { attendedDays, type AttendedDays } from "./attended-days";
import { localDayReader, type LocalDayOf } from "./local-day";
import { episodeFacts, type EpisodeFacts } from "./episode-facts";
import type { EpisodeEvent } from "../episode/index";

/** The type of the rows of one source: `RowOf<Iterable<AttendanceRow>>` is `AttendanceRow`. */
export type RowOf<T> = [NonNullable<T>] extends [Iterable<infer R>] ? R : never;

/**
 * Row counts an aggregate did not use, by the reason why (nothing a caller passed in is silently
 * dropped):
 * - `no-referral` — an episode log that does not start with its `referred` event (not a log
 *   `replayEpisode` accepts);
 * - `other-program` — an episode of a program other than the one asked about;
 * - `not-started` — an episode that never reached its first day of treatment;
 * - `not-discharged` — an episode still open (a length of stay needs a discharge);
 * - `outside-window` — dated outside the window asked about;
 * - `unknown-phase` — a phase the program does not have;
 * - `invalid-instant` — a session start that is not an ISO 8601 instant with offset;
 * - `undated` — a measure score without `administeredOn`;
 * - `duplicate-episode` — a second episode with the same key (one is kept: the first in content order);
 * - `duplicate-profile` — a second TEDS profile for the same episode (likewise);
 * - `profile-without-episode` — a TEDS profile whose episode is not among the episodes read;
 * - `unused-kind` — an encounter of a kind none of the follow-up measures reads;
 * - `started-after-as-of` — an episode that starts after the as-of date.
 */
export type ExclusionCode = (typeof exclusionCodes)[number];

/** Every {@link ExclusionCode}. */
export const exclusionCodes = [
  "no-referral",
  "other-program",
  "not-started",
  "not-discharged",
  "outside-window",
  "unknown-phase",
  "invalid-instant",
  "undated",
  "duplicate-episode",
  "duplicate-profile",
  "profile-without-episode",
  "unused-kind",
  "started-after-as-of",
] as const;

/** Counts by {@link ExclusionCode}; absent codes are 0. Keys in alphabetical order. */
export type Exclusions = Readonly<Partial<Record<ExclusionCode, number>>>;

/**
 * A partial aggregate: everything `merge` and `finish` need, as plain JSON
 * (`JSON.parse(JSON.stringify(p))` is an equal partial). Read one received from elsewhere with
 * the aggregate's `parsePartial`.
 */
export interface PartialAggregate<K extends string, O, S> {
  /** Which aggregate made it, e.g. `"lengthOfStay"`. */
  readonly aggregate: K;
  /** The partial's format version; `parsePartial` reads this version. */
  readonly formatVersion: 1;
  /** The options it was computed with, normalised; only partials with equal options merge. */
  readonly options: O;
  /** Rows not used, by reason. */
  readonly excluded: Exclusions;
  /** The aggregate's state: counts and histograms (integers only, so merging is exact). */
  readonly state: S;
}

/**
 * Streaming input for one aggregate: `add(source, row)` for each row (in any order, from any
 * number of sources), then `partial()`. Use it with async cursors, or to feed one pass over the
 * rows to several aggregates.
 * @example
 * ```ts
 * const los = lengthOfStay.accumulator({ method: "plain" });
 * for await (const log of cursor) los.add("episodes", log);
 * const partial = los.partial();
 * ```
 */
export interface Accumulator<S, P> {
  /** Reads one row of a source (e.g. `add("attendance", row)`). */
  readonly add: <K extends keyof S & string>(source: K, row: RowOf<S[K]>) => void;
  /** The partial of the rows added so far (it can be called again after more rows). */
  readonly partial: () => P;
}

/**
 * An analytics function: callable for the whole answer, and the three steps of a partitioned job.
 * `S` names the sources it reads (iterables of rows), `O` its options, `P` its partial, `R` its
 * report. The steps are plain functions (no `this`): pass them around freely, e.g.
 * `partials.map(lengthOfStay.parsePartial)`.
 */
export interface Aggregate<S, O, P, R> {
  /** The report over all the rows in one call: `finish(partial(sources, options))`. */
  (sources: S, options: O): R;
  /** Step 1: the partial of one partition of the rows. Throws `IopError` for bad options. */
  readonly partial: (sources: S, options: O) => P;
  /**
   * Step 2: partials combined, in any order and grouping. Inputs are not changed. Throws
   * `IopError` (`incompatible-partials`) when they were computed with different options.
   */
  readonly merge: (first: P, ...rest: readonly P[]) => P;
  /** Step 3: the report of a (merged) partial. */
  readonly finish: (partial: P) => R;
  /** The streaming form of step 1: add rows one at a time, then take the partial. */
  readonly accumulator: (options: O) => Accumulator<S, P>;
  /** Validates a partial received as JSON; throws `IopError` listing every problem. */
  readonly parsePartial: (input: unknown) => P;
}

/** What an aggregate's state machinery does while rows are read. @internal */
export interface Feed<S, St> {
  /** One function per source, taking its rows. */
  readonly rows: { readonly [K in keyof S]-?: (row: RowOf<S[K]>) => void };
  /** The state so far, as JSON (a fresh value each call). */
  end(): St;
}

/**
 * What the aggregates reading one stream share: one local-day reader and one set of attended days
 * per zone. An accumulator alone gets its own; an `analyticsJob` hands the same ones to all its
 * aggregates, so a row's day is read and its attended day stored once, not once per aggregate.
 * @internal
 */
export interface Shared {
  /** The local-day reader of a zone. */
  readonly dayOf: (zone: TimeZone) => LocalDayOf;
  /** The attended days of a zone (each row read once however many aggregates pass it on). */
  readonly attended: (zone: TimeZone) => AttendedDays;
  /** The facts of an episode log (read once per row for each list of phase ids asked with). */
  readonly facts: (
    log: readonly EpisodeEvent[],
    phaseIds?: readonly string[],
  ) => EpisodeFacts | undefined;
}

/** Whether two lists of phase ids are the same ids in the same order. */
function sameIds(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a.length !== b.length) return false;
  return a.every((id, i) => id === b[i]);
}

/**
 * Readers for one job: `row()` is the number of the row being dispatched (the job counts them),
 * so attended days shared by several aggregates skip a row the first one already read.
 * @internal
 */
export function sharedReaders(row: () => number = () => Number.NaN): Shared {
  const days = new Map<TimeZone, LocalDayOf>();
  const sets = new Map<TimeZone, AttendedDays>();
  const dayOf = (zone: TimeZone): LocalDayOf => {
    let reader = days.get(zone);
    if (reader === undefined) {
      reader = localDayReader(zone);
      days.set(zone, reader);
    }
    return reader;
  };
  // The facts of the row being dispatched, per list of phase ids (a job's aggregates ask with at
  // most a couple of lists).
  let factsRow = Number.NaN;
  const read: { ids: readonly string[] | undefined; facts: EpisodeFacts | undefined }[] = [];
  return {
    dayOf,
    facts: (log, phaseIds) => {
      const n = row();
      if (n !== factsRow) {
        factsRow = n;
        read.length = 0;
      }
      const known = read.find((r) => sameIds(r.ids, phaseIds));
      if (known !== undefined) return known.facts;
      const facts = episodeFacts(log, phaseIds);
      read.push({ ids: phaseIds, facts });
      return facts;
    },
    attended: (zone) => {
      let set = sets.get(zone);
      if (set === undefined) {
        set = attendedDays(dayOf(zone), row);
        sets.set(zone, set);
      }
      return set;
    },
  };
}

/** How one aggregate is built: the machinery {@link makeAggregate} turns into an {@link Aggregate}. @internal */
export interface AggregateSpec<K extends string, S, O, N, St, R> {
  readonly name: K;
  /** The sources it reads, in the order a one-call run reads them. */
  readonly sources: readonly (keyof S & string)[];
  /** Validates and normalises the options (JSON only); throws `IopError` naming every problem. */
  normalise(options: O): N;
  /** Starts reading rows; `exclude(code)` counts a row not used; `shared` gives the row readers. */
  begin(options: N, exclude: (code: ExclusionCode) => void, shared: Shared): Feed<S, St>;
  /** Two states combined (a new value; inputs untouched); `exclude` counts rows it drops (duplicates). */
  merge(a: St, b: St, options: N, exclude: (code: ExclusionCode, count: number) => void): St;
  /** The report. */
  finish(state: St, options: N, excluded: Exclusions): R;
  /** zod/mini schemas of the normalised options and the state, for `parsePartial`. */
  readonly schemas: { readonly options: z.ZodMiniType<N>; readonly state: z.ZodMiniType<St> };
  /** Checks a parsed partial's state against its options (lengths, ranges); issues at their paths. */
  check?(state: St, options: N): IopIssue[];
}

/**
 * JSON with object keys in sorted order, for comparing options; `none` for a value JSON cannot
 * hold (an option left out), which no JSON text equals. @internal
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((k) => record[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(",")}}`;
  }
  // JSON.stringify gives undefined (though typed string) for undefined, a function or a symbol.
  const text: string | undefined = JSON.stringify(value);
  return text ?? "none";
}

/**
 * Sets an own, enumerable property: unlike `record[key] = value`, a key `"__proto__"` (an id read
 * from a database can be anything) stays data instead of replacing the object's prototype.
 * @internal
 */
export function setKey<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/**
 * Every own `"__proto__"` key in a JSON value, with its path: zod's records skip such a key
 * silently, so a partial holding one (an id read from a database can be anything) is refused
 * instead of read back without it.
 */
function unsafeKeys(value: unknown, path: (string | number)[] = []): IopIssue[] {
  const issues: IopIssue[] = [];
  const isComposite = (v: unknown): v is object => typeof v === "object" && v !== null;
  if (Array.isArray(value)) {
    value.forEach((v: unknown, i) => {
      if (isComposite(v)) issues.push(...unsafeKeys(v, [...path, i]));
    });
  } else if (isComposite(value))
    for (const key of Object.keys(value)) {
      if (key === "__proto__")
        issues.push({
          code: "unsafe-key",
          path: [...path, key],
          message: 'a "__proto__" key cannot be read back from JSON safely: rename that id',
        });
      const v: unknown = (value as Record<string, unknown>)[key];
      if (isComposite(v)) issues.push(...unsafeKeys(v, [...path, key]));
    }
  return issues;
}

/** Counts with keys sorted, zero counts left out. */
function sortedCounts(counts: ReadonlyMap<string, number>): Exclusions {
  const out: Record<string, number> = {};
  for (const key of [...counts.keys()].sort()) {
    const n = counts.get(key) ?? 0;
    if (n > 0) out[key] = n;
  }
  return out;
}

/** Two exclusion counts added, by code in sorted order (zero counts left out). @internal */
export function addExclusions(a: Exclusions, b: Exclusions): Exclusions {
  const counts = new Map<string, number>();
  for (const part of [a, b])
    for (const [k, n] of Object.entries(part)) counts.set(k, (counts.get(k) ?? 0) + (n ?? 0));
  return sortedCounts(counts);
}

/**
 * Parses with a zod/mini schema or throws one `IopError` with every issue (iopkit's sentences,
 * kebab-case codes, a check's own code), its path under `at`.
 */
export function parseOrThrow<T>(
  schema: z.ZodMiniType<T>,
  input: unknown,
  context: string,
  at: IssuePath = [],
): T {
  const r = validate(schema, input);
  if (r.ok) return r.value;
  throw new IopError(
    context,
    r.issues.map((i) => ({ ...i, path: [...at, ...i.path] })),
  );
}

/** Builds an {@link Aggregate} from its spec. @internal */
export function makeAggregate<K extends string, S, O, N, St, R>(
  spec: AggregateSpec<K, S, O, N, St, R>,
): Aggregate<S, O, PartialAggregate<K, N, St>, R> {
  type P = PartialAggregate<K, N, St>;
  // Reading rows into a partial, with the row readers given (an analyticsJob shares them).
  const open = (normalised: N, shared: Shared): Opened<S, P> => {
    const excluded = new Map<string, number>();
    const feed = spec.begin(
      normalised,
      (code) => excluded.set(code, (excluded.get(code) ?? 0) + 1),
      shared,
    );
    return {
      rows: feed.rows,
      partial: () => {
        const state = feed.end(); // may count exclusions (duplicates) itself
        return {
          aggregate: spec.name,
          formatVersion: 1,
          options: normalised,
          excluded: sortedCounts(excluded),
          state,
        };
      },
    };
  };
  const accumulator = (options: O): Accumulator<S, P> => {
    const opened = open(spec.normalise(options), sharedReaders());
    const rows = opened.rows as Record<string, ((row: unknown) => void) | undefined>;
    // The last source's reader, so a stream of one source's rows skips the lookup.
    let lastSource = "";
    let lastTake: (row: unknown) => void = () => undefined;
    return {
      add: (source, row) => {
        if (source !== lastSource) {
          const f = rows[source];
          if (f === undefined || !spec.sources.includes(source))
            throw new IopError(`${spec.name}.accumulator`, [
              {
                code: "unknown-source",
                path: ["source"],
                message: `${spec.name} reads ${spec.sources.join(", ")}, not ${JSON.stringify(source)}`,
              },
            ]);
          lastSource = source;
          lastTake = f;
        }
        lastTake(row);
      },
      partial: opened.partial,
    };
  };
  const partial = (sources: S, options: O): P => {
    const acc = accumulator(options);
    for (const key of spec.sources) {
      const rows = sources[key] as Iterable<RowOf<S[typeof key]>> | undefined;
      if (rows !== undefined) for (const row of rows) acc.add(key, row);
    }
    return acc.partial();
  };
  const mergeTwo = (a: P, b: P): P => {
    const issues = incompatibilities(a, b);
    if (issues.length > 0) throw new IopError(`${spec.name}.merge`, issues);
    const dropped = new Map<string, number>();
    const state = spec.merge(a.state, b.state, a.options, (code, n) =>
      dropped.set(code, (dropped.get(code) ?? 0) + n),
    );
    return {
      aggregate: spec.name,
      formatVersion: 1,
      options: a.options,
      excluded: addExclusions(addExclusions(a.excluded, b.excluded), sortedCounts(dropped)),
      state,
    };
  };
  const finish = (p: P): R => spec.finish(p.state, p.options, p.excluded);
  // Built on the first parsePartial, so an app that never parses a partial pays nothing for it.
  let schema: z.ZodMiniType<P> | undefined;
  const run = (sources: S, options: O): R => finish(partial(sources, options));
  const aggregate = Object.assign(run, {
    partial,
    merge: (first: P, ...rest: readonly P[]): P => rest.reduce(mergeTwo, first),
    finish,
    accumulator,
    parsePartial: (input: unknown): P => {
      schema ??= strictObject({
        aggregate: z.literal(spec.name),
        formatVersion: z.literal(1),
        options: spec.schemas.options,
        excluded: z
          .record(z.string(), z.int().check(z.minimum(0)))
          .check(
            z.refine(
              (counts) => Object.keys(counts).every((k) => exclusionCodes.some((c) => c === k)),
              issue("unknown-exclusion", "unknown exclusion code"),
            ),
          ),
        state: spec.schemas.state,
      }) as unknown as z.ZodMiniType<P>;
      const context = `${spec.name}.parsePartial`;
      // A throwing getter, a Proxy or a cycle met while looking for unsafe keys becomes an
      // IopError, as in every other parser.
      const unsafe = guardEntry(context, () => unsafeKeys(input));
      if (unsafe.length > 0) throw new IopError(context, unsafe);
      const parsed = parseOrThrow(schema, input, context);
      const issues = spec.check?.(parsed.state, parsed.options) ?? [];
      if (issues.length > 0)
        throw new IopError(
          `${spec.name}.parsePartial`,
          issues.map((i) => ({ ...i, path: ["state", ...i.path] })),
        );
      return parsed;
    },
  });
  internals.set(aggregate, {
    name: spec.name,
    sources: spec.sources,
    normalise: (options: O) => spec.normalise(options),
    open,
  });
  return aggregate;
}

/** Takes one row of a source. @internal */
export type RowReader = (row: never) => void;

/** An aggregate reading rows with given readers (what an `analyticsJob` feeds). @internal */
export interface Opened<S, P> {
  /** One function per source, taking its rows. */
  readonly rows: { readonly [K in keyof S]-?: (row: RowOf<S[K]>) => void };
  /** The partial of the rows read so far. */
  readonly partial: () => P;
}

/**
 * An aggregate's machinery, for an `analyticsJob` (methods, so each aggregate's own option and
 * partial types fit). @internal
 */
export interface Internals {
  readonly name: string;
  readonly sources: readonly string[];
  readonly normalise: (options: never) => unknown;
  readonly open: (
    normalised: never,
    shared: Shared,
  ) => { readonly rows: Readonly<Record<string, RowReader>>; readonly partial: () => unknown };
}

const internals = /* @__PURE__ */ pure(() => new WeakMap<object, Internals>());

/** The machinery of an aggregate made by {@link makeAggregate}. @internal */
export function internalsOf(aggregate: object): Internals {
  const found = internals.get(aggregate);
  if (found === undefined) throw new TypeError("not an iopkit aggregate");
  return found;
}

/** Why two partials cannot merge: another aggregate, or other options (each option named). */
function incompatibilities<K extends string, N, St>(
  a: PartialAggregate<K, N, St>,
  b: PartialAggregate<K, N, St>,
): IopIssue[] {
  const issues: IopIssue[] = [];
  if (a.aggregate !== b.aggregate)
    issues.push({
      code: "incompatible-partials",
      path: ["aggregate"],
      message: `cannot merge a ${a.aggregate} partial with a ${b.aggregate} partial`,
    });
  const ao = a.options as Record<string, unknown>;
  const bo = b.options as Record<string, unknown>;
  for (const key of [...new Set([...Object.keys(ao), ...Object.keys(bo)])].sort()) {
    const left = canonicalJson(ao[key]);
    const right = canonicalJson(bo[key]);
    if (left !== right)
      issues.push({
        code: "incompatible-partials",
        path: ["options", key],
        message: `the partials were computed with different ${key} (${left.slice(0, 80)} and ${right.slice(0, 80)}): compute every partition with the same options`,
      });
  }
  return issues;
}
