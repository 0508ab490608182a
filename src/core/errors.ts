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
 * The one error type iopkit throws. It carries **every** issue found, not just the first, so an
 * app can show all problems at once.
 *
 * @example
 * ```ts
 * try {
 *   defineProgram(input);
 * } catch (e) {
 *   if (e instanceof IopError) for (const i of e.issues) console.log(i.path.join("."), i.message);
 * }
 * ```
 */
export class IopError extends Error {
  /** Always `"IopError"`. */
  override readonly name = "IopError";
  /** Every problem found, in the order they were found. Never empty. */
  readonly issues: readonly IopIssue[];

  /**
   * @param context - what was being done, e.g. `"defineProgram"`; it prefixes the message.
   * @param issues - at least one issue.
   */
  constructor(context: string, issues: readonly IopIssue[]) {
    const list: readonly IopIssue[] =
      issues.length === 0 ? [{ code: "custom", path: [], message: "unknown problem" }] : issues;
    super(
      `${context}: ${list.length} problem${list.length === 1 ? "" : "s"}\n${list.map(formatIssue).join("\n")}`,
    );
    this.issues = list.map((i) => ({ code: i.code, path: [...i.path], message: i.message }));
  }
}

/** Formats one issue as `- path.to.value: message [code]`. */
export function formatIssue(issue: IopIssue<string>): string {
  const where = issue.path.length === 0 ? "(root)" : formatPath(issue.path);
  return `- ${where}: ${issue.message} [${issue.code}]`;
}

/** Formats a path as `phases[1].pattern[0].start`. */
export function formatPath(path: IssuePath): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? part : `.${part}`;
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
  if (value === null) return "null";
  if (value === undefined) return "nothing";
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint")
    return String(value);
  if (typeof value === "string")
    return value.length === 0 ? "an empty string" : `a string of ${value.length} characters`;
  if (Array.isArray(value)) return "a list";
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
