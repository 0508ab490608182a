/**
 * The options of a public function, checked like a record: every option that is not of its
 * documented kind is one issue at the option's own path (`["keep"]`, `["weeks"]`), all in one
 * {@link IopError}. A cheap shape check, made before any work: it never reads more than the
 * options' own fields and the length of their lists.
 * @internal
 */
import { tryParseIsoDate } from "./calendar";
import { describeValue, IopError, type IopIssue } from "./errors";
import type { IopIssueCode } from "./issue-codes";
import { limits } from "./limits";

/** What one option must be. `optional` options may also be `undefined` (left out). */
export type OptionKind =
  | { readonly kind: "object"; readonly optional?: boolean }
  | { readonly kind: "list"; readonly max: number; readonly optional?: boolean }
  | { readonly kind: "date"; readonly optional?: boolean }
  | {
      readonly kind: "integer";
      readonly min: number;
      readonly max: number;
      readonly optional?: boolean;
    };

/**
 * The issue for `value` at `path` when it is not of `spec`'s kind, or `undefined`.
 * @internal
 */
export function optionIssue(
  value: unknown,
  spec: OptionKind,
  path: string[],
): IopIssue | undefined {
  if (value === undefined && spec.optional === true) return undefined;
  const issue = (code: IopIssueCode, expected: string): IopIssue => ({
    code,
    path,
    message: `${path.join(".")} must be ${expected}, got ${describeValue(value)}`,
  });
  switch (spec.kind) {
    case "object":
      return typeof value === "object" && value !== null && !Array.isArray(value)
        ? undefined
        : issue("invalid-type", "an object");
    case "list":
      if (!Array.isArray(value)) return issue("invalid-type", "a list");
      return value.length > spec.max
        ? {
            code: "limit-exceeded",
            path,
            message: `${path.join(".")} may hold at most ${spec.max} entries, got ${value.length}`,
          }
        : undefined;
    case "date":
      return typeof value === "string" && tryParseIsoDate(value) !== undefined
        ? undefined
        : issue("invalid-date", "a calendar date YYYY-MM-DD");
    case "integer":
      return Number.isSafeInteger(value) &&
        (value as number) >= spec.min &&
        (value as number) <= spec.max
        ? undefined
        : spec.max === Number.MAX_SAFE_INTEGER && spec.min === Number.MIN_SAFE_INTEGER
          ? issue("invalid-seed", "a safe integer")
          : issue("limit-exceeded", `a whole number from ${spec.min} to ${spec.max}`);
  }
}

/**
 * Checks `options` (an object) and each named option against its kind; throws one
 * {@link IopError} naming `context` with an issue per bad option. A nested object's options are
 * checked with a dotted name (`"keep.before"`) once the object itself is one. For each name in
 * `closed` (`""` for the options themselves, or an object option's name), a key the spec does not
 * list is an `unrecognized-keys` issue: a misspelt option is refused, not ignored.
 * @internal
 */
export function checkOptions(
  context: string,
  options: unknown,
  spec: Readonly<Record<string, OptionKind>>,
  closed: readonly string[] = [],
): void {
  checkOptionsWith(context, options, spec, optionIssue, closed);
}

/**
 * {@link checkOptions} with `issueOf` judging each option: `iopkit/testing` passes one that
 * knows kinds of its own and asks {@link optionIssue} for the rest.
 * @internal
 */
export function checkOptionsWith<K extends { readonly optional?: boolean }>(
  context: string,
  options: unknown,
  spec: Readonly<Record<string, K>>,
  issueOf: (value: unknown, kind: K, path: string[]) => IopIssue | undefined,
  closed: readonly string[],
): void {
  const issues: IopIssue[] = [];
  try {
    if (typeof options !== "object" || options === null || Array.isArray(options)) {
      issues.push({
        code: "invalid-type",
        path: [],
        message: `expected an object of options, got ${describeValue(options)}`,
      });
    } else {
      const bad = new Set<string>();
      for (const [name, kind] of Object.entries(spec)) {
        const path = name.split(".");
        const parent = path.slice(0, -1).join(".");
        // A nested option is checked only when its object is one.
        if (parent !== "" && bad.has(parent)) continue;
        let value: unknown = options;
        for (const key of path)
          value = value === undefined ? undefined : (value as Record<string, unknown>)[key];
        const found = issueOf(value, kind, path);
        if (found !== undefined) {
          issues.push(found);
          bad.add(name);
        } else if (value === undefined) bad.add(name);
      }
      for (const name of closed) {
        if (bad.has(name)) continue;
        const target = name === "" ? options : (options as Record<string, unknown>)[name];
        if (typeof target !== "object" || target === null) continue;
        const prefix = name === "" ? "" : `${name}.`;
        for (const key of Object.keys(target))
          if (spec[prefix + key] === undefined)
            issues.push({
              code: "unrecognized-keys",
              path: name === "" ? [key] : [name, key],
              message: `${prefix}${key.slice(0, 64)} is not an option of ${context}`,
            });
      }
    }
  } catch {
    issues.push({
      code: "invalid-input",
      path: [],
      message: "the options could not be read (a throwing getter or a Proxy)",
    });
  }
  if (issues.length > 0) throw new IopError(context, issues);
}

/**
 * Throws `limit-exceeded` at `enrollments` when `count × weeks` is above
 * `limits.maxParticipantWeeks`; for options already checked by {@link checkOptions}.
 * @internal
 */
export function checkParticipantWeeks(context: string, count: number, weeks: number): void {
  if (count * weeks > limits.maxParticipantWeeks)
    throw new IopError(context, [
      {
        code: "limit-exceeded",
        path: ["enrollments"],
        message: `enrolments × weeks may be at most ${limits.maxParticipantWeeks} (limits.maxParticipantWeeks), got ${count} × ${weeks} = ${count * weeks}`,
      },
    ]);
}
