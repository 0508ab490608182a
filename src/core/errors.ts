import { pure } from "./pure";
import type { IopIssueCode } from "./issue-codes";

export type { IopIssueCode } from "./issue-codes";

/** A path into an input value: object keys and array indices, outermost first. */
export type IssuePath = readonly (string | number)[];

/**
 * One problem found in an input or a request.
 *
 * `code` is a stable machine-readable kebab-case identifier (for example `invalid-type`,
 * `unrecognized-keys`, `band-outside-level`): one of {@link iopIssueCodes}, so an app can `switch`
 * over it exhaustively; `path` points at the offending value; `message` is a sentence for people
 * that describes the value's kind but never quotes it.
 *
 * `Code` is for apps that list their own problems beside iopkit's (`IopIssue<string>`).
 */
export interface IopIssue<Code extends string = IopIssueCode> {
  /** Stable identifier of the kind of problem. */
  readonly code: Code;
  /** Where the problem is, from the root of the value passed in. Empty for the root itself. */
  readonly path: IssuePath;
  /** A human-readable explanation. */
  readonly message: string;
}

/**
 * Most issues one {@link IopError} keeps. Beyond it the error keeps the first
 * `maxIssuesPerError` and counts the rest in {@link IopError.omittedIssues}, so that an error for
 * 300,000 bad records stays small (its message too: see {@link maxMessageLength}).
 */
export const maxIssuesPerError = 100;

/** Longest {@link IopError} message, in characters; a longer one is cut and ends with "…". */
export const maxMessageLength = 20_000;

/** Longest issue message kept, in characters (a longer one is cut and ends with "…"). */
const maxIssueMessageLength = 500;

/**
 * The brand every {@link IopError} carries: a registered symbol, so that the ESM and the CJS
 * builds of iopkit (two `IopError` classes in one process) recognise each other's errors.
 */
const BRAND: unique symbol = /* @__PURE__ */ pure(() => Symbol.for("iopkit.IopError") as never);

/** `text` cut to `max` characters, ending with "…" when cut. */
function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * A copy of one issue made of plain strings and numbers, whatever the caller passed: building an
 * error never throws, not even for a `BigInt`, a symbol or a throwing getter in an issue.
 */
function plainIssue(i: unknown): IopIssue {
  try {
    const raw = i as { code?: unknown; path?: unknown; message?: unknown };
    const code = typeof raw.code === "string" ? raw.code : "custom";
    const message = typeof raw.message === "string" ? raw.message : "unknown problem";
    const path: (string | number)[] = [];
    if (Array.isArray(raw.path))
      for (const p of raw.path as readonly unknown[])
        path.push(typeof p === "number" ? p : cut(typeof p === "string" ? p : String(p), 200));
    return { code: code as IopIssueCode, path, message: cut(message, maxIssueMessageLength) };
  } catch {
    return { code: "custom", path: [], message: "unknown problem" };
  }
}

/**
 * The one error type iopkit throws. It carries **every** issue found, not just the first (up to
 * {@link maxIssuesPerError}; the rest are counted in `omittedIssues`), so an app can show all
 * problems at once. Test for it with {@link isIopError}, which also recognises an `IopError` from
 * the other build of iopkit (ESM and CommonJS in one app); `instanceof` does not.
 *
 * @example
 * ```ts
 * const input: unknown = JSON.parse('{ "id": "iop-1", "phases": [] }'); // e.g. a form's JSON
 * try {
 *   defineProgram(input);
 * } catch (e) {
 *   if (isIopError(e)) for (const i of e.issues) console.log(i.path.join("."), i.message);
 * }
 * ```
 */
export class IopError extends Error {
  /** Always `"IopError"`. */
  override readonly name = "IopError";
  /** The problems found, in the order they were found: at most {@link maxIssuesPerError}. Never empty. */
  readonly issues: readonly IopIssue[];
  /** How many problems were found beyond the {@link maxIssuesPerError} kept in `issues` (usually 0). */
  readonly omittedIssues: number;

  /**
   * @param context - what was being done, e.g. `"defineProgram"`; it prefixes the message.
   * @param issues - at least one issue; only the first {@link maxIssuesPerError} are kept.
   */
  constructor(context: string, issues: readonly IopIssue[]) {
    let kept: IopIssue[] = [];
    let found = 0;
    try {
      if (Array.isArray(issues)) {
        found = issues.length;
        kept = issues.slice(0, maxIssuesPerError).map(plainIssue);
      }
    } catch {
      kept = [];
    }
    const list: readonly IopIssue[] =
      kept.length === 0 ? [{ code: "custom", path: [], message: "unknown problem" }] : kept;
    const omitted = Math.max(0, found - kept.length);
    const total = list.length + omitted;
    const head = `${cut(typeof context === "string" ? context : "iopkit", 200)}: ${total} problem${total === 1 ? "" : "s"}`;
    const more = omitted === 0 ? "" : `\n(and ${omitted} more not listed)`;
    super(cut(`${head}\n${list.map(formatIssue).join("\n")}${more}`, maxMessageLength));
    this.issues = list;
    this.omittedIssues = omitted;
    Object.defineProperty(this, BRAND, { value: true });
  }
}

/**
 * True when `value` is an {@link IopError}, from this copy of iopkit or another (the ESM and the
 * CommonJS builds loaded side by side give two `IopError` classes, so `instanceof` can fail).
 * Never throws.
 * @example
 * ```ts
 * const input: unknown = { sessions: "none" }; // e.g. a stored schedule
 * try {
 *   parseSchedule(input);
 * } catch (e) {
 *   if (isIopError(e)) console.log(e.issues.map(formatIssue).join("\n"));
 *   else throw e;
 * }
 * ```
 */
export function isIopError(value: unknown): value is IopError {
  try {
    return (
      typeof value === "object" &&
      value !== null &&
      (value as { [BRAND]?: unknown })[BRAND] === true &&
      Array.isArray((value as { issues?: unknown }).issues)
    );
  } catch {
    return false;
  }
}

/** Formats one issue as `- path.to.value: message [code]`. */
export function formatIssue(issue: IopIssue<string>): string {
  if (typeof issue !== "object" || issue === null || !Array.isArray(issue.path))
    misuse("formatIssue", "invalid-input", `expected an issue, got ${describeValue(issue)}`);
  const where = issue.path.length === 0 ? "(root)" : formatPath(issue.path);
  return `- ${where}: ${issue.message} [${issue.code}]`;
}

/** Formats a path as `phases[1].pattern[0].start`. */
export function formatPath(path: IssuePath): string {
  if (!Array.isArray(path))
    misuse("formatPath", "invalid-input", `expected a path (a list), got ${describeValue(path)}`);
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else {
      const key = typeof part === "string" ? part : describeValue(part);
      out += out === "" ? key : `.${key}`;
    }
  }
  return out;
}

/**
 * The outcome of a `safe…` function: the value, or the error that `…` would have thrown.
 * Shaped like zod's `safeParse` result.
 */
export type Result<T> = Success<T> | Failure;

/** A successful {@link Result}. */
export interface Success<T> {
  /** Always `true`. */
  readonly success: true;
  /** The validated value. */
  readonly data: T;
}

/** A failed {@link Result}. */
export interface Failure {
  /** Always `false`. */
  readonly success: false;
  /** Every problem found. */
  readonly error: IopError;
}

/**
 * A short description of a value a program passed by mistake, for an error message; never throws.
 * Numbers and booleans are shown; a string is described by its length, never quoted (it may be
 * personal data).
 * @internal
 */
export function describeValue(value: unknown): string {
  if (typeof value === "bigint") return "a big integer";
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  if (value === null) return "null";
  if (value === undefined) return "nothing";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (typeof value === "string")
    return value.length === 0
      ? "an empty string"
      : value.length === 1
        ? "a string of 1 character"
        : `a string of ${value.length} characters`;
  try {
    if (Array.isArray(value)) return "a list";
  } catch {
    return "a revoked proxy";
  }
  return `a ${typeof value}`;
}

/** Throws an {@link IopError} with a single issue at the root; for misuse of an API by a program. */
export function misuse(
  context: string,
  code: IopIssueCode,
  message: string,
  path: IssuePath = [],
): never {
  throw new IopError(context, [{ code, path, message }]);
}

/**
 * `error` as an {@link IopError}: itself when it is one (from either build), otherwise a new one
 * with a single `invalid-input` issue at the root. The message names the kind of the exception
 * (`TypeError`, …) and never quotes it: a throwing getter's message is the caller's own text. The
 * exception is kept as the error's `cause` for debugging.
 * @internal
 */
export function asIopError(context: string, error: unknown): IopError {
  if (isIopError(error)) return error;
  let kind = "an exception";
  try {
    if (error instanceof Error && /^[A-Za-z]{1,40}$/.test(error.name)) kind = `a ${error.name}`;
  } catch {
    // A hostile exception object: its kind stays "an exception".
  }
  const wrapped = new IopError(context, [
    {
      code: "invalid-input",
      path: [],
      message: `the input could not be read (${kind} was raised while reading it): check that every argument has the documented shape, with no throwing getters, Proxies, cycles or values such as BigInt where JSON values belong`,
    },
  ]);
  Object.defineProperty(wrapped, "cause", { value: error, configurable: true, writable: true });
  return wrapped;
}

/**
 * Runs `body`, turning any exception that is not an {@link IopError} into one ({@link asIopError}):
 * the body of every public function that reads values a caller passed, so that it either returns
 * its documented result or throws `IopError`.
 * @internal
 */
export function guardEntry<R>(context: string, body: () => R): R {
  try {
    return body();
  } catch (error) {
    throw asIopError(context, error);
  }
}
