import type { z } from "zod";

/** A path into an input value: object keys and array indices, outermost first. */
export type IssuePath = readonly (string | number)[];

/**
 * One problem found in an input or a request.
 *
 * `code` is a stable machine-readable kebab-case identifier (for example `invalid-type`,
 * `unrecognized-keys`, `band-outside-level`); `path` points at the offending value;
 * `message` is a sentence for people.
 */
export interface IopIssue {
  /** Stable identifier of the kind of problem. */
  readonly code: string;
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
    const list =
      issues.length === 0 ? [{ code: "unknown", path: [], message: "unknown problem" }] : issues;
    super(
      `${context}: ${list.length} problem${list.length === 1 ? "" : "s"}\n${list.map(formatIssue).join("\n")}`,
    );
    this.issues = list.map((i) => ({ code: i.code, path: [...i.path], message: i.message }));
  }
}

/** Formats one issue as `- path.to.value: message [code]`. */
export function formatIssue(issue: IopIssue): string {
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
 * A short description of any value for an error message; never throws (an object whose `toString`
 * is not a function cannot be turned into a string) and never quotes more than 40 characters.
 * @internal
 */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "nothing";
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint")
    return String(value);
  if (typeof value === "string")
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (Array.isArray(value)) return "a list";
  return `a ${typeof value}`;
}

/** Throws an {@link IopError} with a single issue at the root; for misuse of an API by a program. */
export function misuse(
  context: string,
  code: string,
  message: string,
  path: IssuePath = [],
): never {
  throw new IopError(context, [{ code, path, message }]);
}

/** Converts zod's issues into iopkit issues (zod's snake_case codes become kebab-case). */
export function issuesFromZod(error: z.ZodError): IopIssue[] {
  return error.issues.flatMap((issue): IopIssue[] => {
    const at = issue.path.map((p) => (typeof p === "symbol" ? String(p) : p));
    // One issue per unknown key, at the key's own path, so a form can point at the field.
    if (issue.code === "unrecognized_keys")
      return issue.keys.map((key) => ({
        code: "unrecognized-keys",
        path: [...at, key],
        message: `unknown field ${JSON.stringify(key)}: this record has no such field (check its spelling)`,
      }));
    const params: unknown = (issue as { params?: unknown }).params;
    const custom =
      issue.code === "custom" && typeof params === "object" && params !== null && "code" in params
        ? String(params.code)
        : undefined;
    return [{ code: custom ?? issue.code.replace(/_/g, "-"), path: at, message: issue.message }];
  });
}

/** A pair of validating functions for one schema, in zod's `parse` / `safeParse` style. */
export interface Parser<T> {
  /** Returns the typed record, or throws an {@link IopError} listing every problem. */
  parse(input: unknown): T;
  /** Returns `{ success: true, data }` or `{ success: false, error }`; never throws. */
  safeParse(input: unknown): Result<T>;
}

/**
 * Builds a {@link Parser} from a zod schema. `context` names the public function in messages.
 * @internal
 */
export function parserFor<S extends z.ZodType>(schema: S, context: string): Parser<z.output<S>> {
  const safeParse = (input: unknown): Result<z.output<S>> => {
    const r = schema.safeParse(input);
    return r.success
      ? { success: true, data: r.data }
      : { success: false, error: new IopError(context, issuesFromZod(r.error)) };
  };
  return {
    safeParse,
    parse(input) {
      const r = safeParse(input);
      if (r.success) return r.data;
      throw r.error;
    },
  };
}
