/**
 * `readFhirNdjson`: FHIR Bulk Data NDJSON (one resource per line), streamed line by line from any
 * iterable or async iterable of lines or chunks (strings or bytes), in memory that does not grow
 * with the file.
 */
import { misuse } from "../../../core/errors";
import { readBulkTotal } from "./bulk-total";
import { identifierSystem, ReadContext, type ReadFhirOptions } from "./context";
import { textDeeperThan, type FhirReadLimits } from "./limits";
import {
  emptyRecords,
  optionsOf,
  readResources,
  resourcePath,
  type FhirRecords,
} from "./read-fhir";
import { Reporter, type FhirReadReport } from "./report";
import { isFhirResource, Node } from "./node";

/** What {@link readFhirNdjson} reads from: lines or arbitrary chunks of text or UTF-8 bytes. */
export type FhirNdjsonSource = Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>;

/**
 * The WHATWG `TextDecoder` every runtime iopkit supports has (Node ≥ 11, browsers, edge), declared
 * here because the library is built against the ES2022 library alone.
 */
declare const TextDecoder: new (label?: string) => {
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
};

/** Options of {@link readFhirNdjson}: those of `readFhir`, and how the source is cut. */
export interface ReadFhirNdjsonOptions extends ReadFhirOptions {
  /**
   * `true` when each item of the source is one line without its line end (as `node:readline`
   * gives them); otherwise items are chunks cut anywhere and lines end at `\n`. @defaultValue false
   */
  readonly lines?: boolean;
}

/** The records and report of one NDJSON line. */
export interface FhirNdjsonLine {
  /** The line's number, from 1 (blank lines count, and give nothing). */
  readonly line: number;
  /** The records the line's resource gave (at most one kind is non-empty; an Appointment may give several). */
  readonly records: FhirRecords;
  /** What the line gave, and what could not be mapped. */
  readonly report: FhirReadReport;
}

/**
 * Reads FHIR Bulk Data NDJSON (FHIR Bulk Data Access IG: one resource per line, UTF-8, lines
 * ended by `\n` or `\r\n`) from any iterable or async iterable — a file's read stream, a `fetch`
 * body's reader, an array of lines — yielding each non-blank line's records and report as soon
 * as the line ends. Chunks may split lines (and UTF-8 characters) anywhere. Memory holds one line
 * at a time, so it does not grow with the file.
 *
 * Each line is read as {@link readFhir} reads one resource. References are resolved within the
 * line only (contained resources): a PHQ-9 panel whose members are on other lines gives its total
 * alone, and its item Observations are reported (`incomplete-answers`). Put a panel and its members
 * in a Bundle to re-score them. A line longer than `maxLineLength`, not JSON, not a resource, or
 * nested deeper than `maxDepth` ({@link fhirReadLimits}) is reported on that line and skipped;
 * the stream goes on.
 *
 * @param source - lines or chunks.
 * @param options - see {@link ReadFhirOptions}; invalid options throw {@link core!IopError | IopError}.
 * @example
 * ```ts no-run
 * import { createReadStream } from "node:fs";
 * for await (const { records, report } of readFhirNdjson(createReadStream("Observation.ndjson"))) {
 *   for (const m of records.measures) store(m);
 *   for (const issue of report.issues) log(issue);
 * }
 * ```
 */
export async function* readFhirNdjson(
  source: FhirNdjsonSource,
  options?: ReadFhirNdjsonOptions,
): AsyncGenerator<FhirNdjsonLine, void, undefined> {
  const reader = ndjsonReader("readFhirNdjson", options);
  if (reader.line !== undefined) {
    // Whole lines: each read straight away (no generator per line); nothing is left at the end.
    for await (const chunk of source) {
      const out = reader.line(chunk);
      if (out !== undefined) yield out;
    }
    return;
  }
  for await (const chunk of source) yield* reader.push(chunk);
  yield* reader.end();
}

/**
 * {@link readFhirNdjson} for a synchronous iterable (an array of lines, a generator, the chunks of
 * a file read with `readFileSync`): the same lines, records and reports, without `await`.
 *
 * @param source - lines or chunks.
 * @param options - see {@link ReadFhirNdjsonOptions}.
 * @example
 * ```ts
 * for (const { records } of readFhirNdjsonSync(text.split("\n"), { lines: true }))
 *   measures.push(...records.measures);
 * ```
 */
export function* readFhirNdjsonSync(
  source: Iterable<string | Uint8Array>,
  options?: ReadFhirNdjsonOptions,
): Generator<FhirNdjsonLine, void, undefined> {
  const reader = ndjsonReader("readFhirNdjsonSync", options);
  if (reader.line !== undefined) {
    // Whole lines: each read straight away (no generator per line); nothing is left at the end.
    for (const chunk of source) {
      const out = reader.line(chunk);
      if (out !== undefined) yield out;
    }
    return;
  }
  for (const chunk of source) yield* reader.push(chunk);
  yield* reader.end();
}

/**
 * Reads the resource of one line (its place `at`, e.g. `line 7`) into `records`. With `bulk`, a
 * total-score Observation the general reader would read without an issue but `not-scored` is read
 * on the bulk path ({@link readBulkTotal}: the same record and report); every other resource, and
 * every resource without `bulk`, goes through the general reader. @internal
 */
export function readLineResource(
  value: Readonly<Record<string, unknown>>,
  at: string,
  options: ReadFhirOptions,
  limits: FhirReadLimits,
  reporter: Reporter,
  records: FhirRecords,
  bulk: boolean,
): void {
  const path = resourcePath(value, at);
  const measure = bulk
    ? readBulkTotal(value, path, identifierSystem(options, "measure"), reporter)
    : undefined;
  if (measure !== undefined) {
    records.measures.push(measure);
    reporter.done(path, "measure", 1);
    return;
  }
  const ctx = new ReadContext(reporter, options, limits);
  const node = new Node(value, path, reporter);
  ctx.add(node, undefined);
  readResources(ctx, [node], records);
}

/** Cuts chunks into lines and reads each; holds at most one line. */
function ndjsonReader(
  context: string,
  options: ReadFhirNdjsonOptions | undefined,
): {
  push: (chunk: string | Uint8Array) => Generator<FhirNdjsonLine, void, undefined>;
  end: () => Generator<FhirNdjsonLine, void, undefined>;
  /** With the `lines` option: reads one whole line (what `push` yields for it). */
  line: ((chunk: string | Uint8Array) => FhirNdjsonLine | undefined) | undefined;
} {
  const { lines, ...rest } = options ?? {};
  if (lines !== undefined && typeof lines !== "boolean")
    misuse(context, "invalid-type", "lines must be a boolean", ["lines"]);
  const { options: o, limits } = optionsOf(context, rest);
  const decoder = new TextDecoder("utf-8");
  let buffer = "";
  let skipping = false;
  let line = 0;
  const one = (t: string): FhirNdjsonLine | undefined => {
    line++;
    if (t.trim() === "") return undefined;
    const reporter = new Reporter();
    const records = emptyRecords();
    const at = `line ${line}`;
    let value: unknown;
    try {
      value = JSON.parse(t) as unknown;
    } catch {
      reporter.issue("invalid-json", at, "not JSON: skipped");
      return { line, records, report: reporter.report() };
    }
    if (!isFhirResource(value))
      reporter.issue(
        "invalid-resource",
        at,
        "not a FHIR resource (an object with a resourceType): skipped",
      );
    else if (textDeeperThan(t, limits.maxDepth))
      reporter.issue("limit-exceeded", at, `nested deeper than ${limits.maxDepth} levels: skipped`);
    else readLineResource(value, at, o, limits, reporter, records, true);
    return { line, records, report: reporter.report() };
  };
  const tooLong = (): FhirNdjsonLine => {
    line++;
    const reporter = new Reporter();
    reporter.issue(
      "limit-exceeded",
      `line ${line}`,
      `longer than ${limits.maxLineLength} characters: skipped`,
    );
    return { line, records: emptyRecords(), report: reporter.report() };
  };
  /** A complete line (its `\n` removed): read, or reported when too long. */
  const whole = (text: string): FhirNdjsonLine | undefined => {
    const t = text.endsWith("\r") ? text.slice(0, -1) : text;
    return t.length > limits.maxLineLength ? tooLong() : one(t);
  };
  const readLine = (chunk: string | Uint8Array): FhirNdjsonLine | undefined =>
    whole(typeof chunk === "string" ? chunk : decoder.decode(chunk));
  function* push(chunk: string | Uint8Array): Generator<FhirNdjsonLine, void, undefined> {
    if (lines === true) {
      const out = readLine(chunk);
      if (out !== undefined) yield out;
      return;
    }
    const text = typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
    let from = 0;
    let nl = text.indexOf("\n");
    while (nl >= 0) {
      const piece = text.slice(from, nl);
      from = nl + 1;
      if (skipping) {
        skipping = false;
        line++;
      } else {
        const out = whole(buffer + piece);
        buffer = "";
        if (out !== undefined) yield out;
      }
      nl = text.indexOf("\n", from);
    }
    if (!skipping) {
      buffer += text.slice(from);
      if (buffer.length > limits.maxLineLength + 1) {
        buffer = "";
        skipping = true;
        yield tooLong();
        line--;
      }
    }
  }
  function* end(): Generator<FhirNdjsonLine, void, undefined> {
    const tail = buffer + decoder.decode();
    buffer = "";
    if (!skipping && tail !== "") {
      const out = whole(tail);
      if (out !== undefined) yield out;
    }
  }
  return { push, end, line: lines === true ? readLine : undefined };
}
