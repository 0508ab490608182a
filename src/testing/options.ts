/**
 * The options of `iopkit/testing`'s arbitraries, checked like every other public function's
 * options: impossible ones (a range whose minimum is above its maximum, a coverage of 2, a
 * misspelt option) throw one `IopError` naming each offending option, when the arbitrary is made
 * rather than when fast-check first samples it.
 * @internal
 */
import { describeValue, IopError, type IopIssue } from "../core/errors";
import type { IopIssueCode } from "../core/issue-codes";
import { limits } from "../core/limits";
import { checkOptionsWith, optionIssue, type OptionKind } from "../core/options";
import { canonicalTimeZone } from "../core/zone-names";
import { populations } from "../program/levels-of-care";

/**
 * What one testing option must be: a kind every public function knows, or one of the testing
 * helpers' own. A `range` is a whole number or `{ min, max }` of whole numbers, each from `min` to
 * `max`, with `min ≤ max`; a `values` list holds only `of`, at least `min` of them.
 * @internal
 */
export type TestingOptionKind =
  | OptionKind
  | { readonly kind: "boolean" | "string" | "zone"; readonly optional?: boolean }
  | { readonly kind: "enum"; readonly values: readonly unknown[]; readonly optional?: boolean }
  | {
      readonly kind: "values";
      readonly of: readonly unknown[];
      readonly min: number;
      readonly optional?: boolean;
    }
  | {
      readonly kind: "number" | "range";
      readonly min: number;
      readonly max: number;
      readonly optional?: boolean;
    };

/** A spec of options, by (dotted) name. @internal */
export type OptionSpec = Readonly<Record<string, TestingOptionKind>>;

/** Whether `value` is a whole number from `min` to `max`. */
const wholeIn = (value: unknown, min: number, max: number): value is number =>
  Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max;

/** `values` as a reader would write them: `"a", "b" or 3`. */
function oneOf(values: readonly unknown[]): string {
  const shown = values.map((v) => JSON.stringify(v));
  const last = shown.pop();
  return shown.length === 0 ? (last ?? "nothing") : `${shown.join(", ")} or ${last ?? ""}`;
}

/** The issue for testing option `value` at `path`, or `undefined`. */
function testingOptionIssue(
  value: unknown,
  spec: TestingOptionKind,
  path: string[],
): IopIssue | undefined {
  if (value === undefined && spec.optional === true) return undefined;
  const name = path.join(".");
  const issue = (code: IopIssueCode, expected: string, at = path): IopIssue => ({
    code,
    path: at,
    message: `${name} must be ${expected}, got ${describeValue(value)}`,
  });
  switch (spec.kind) {
    case "boolean":
      return typeof value === "boolean" ? undefined : issue("invalid-type", "true or false");
    case "string":
      return typeof value === "string" && value !== ""
        ? undefined
        : issue("invalid-type", "a non-empty string");
    case "zone":
      return typeof value === "string" && canonicalTimeZone(value) !== undefined
        ? undefined
        : issue("invalid-value", "an IANA time zone known to this runtime");
    case "enum":
      return spec.values.includes(value) ? undefined : issue("invalid-value", oneOf(spec.values));
    case "number":
      return typeof value === "number" && value >= spec.min && value <= spec.max
        ? undefined
        : issue("limit-exceeded", `a number from ${spec.min} to ${spec.max}`);
    case "values": {
      if (!Array.isArray(value)) return issue("invalid-type", "a list");
      if (value.length < spec.min)
        return issue("too-small", `a list of ${spec.min} or more entries`);
      const stray = value.findIndex((v) => !spec.of.includes(v));
      return stray < 0
        ? undefined
        : {
            code: "invalid-value",
            path: [...path, String(stray)],
            message: `${name}[${stray}] must be ${oneOf(spec.of)}, got ${describeValue(value[stray])}`,
          };
    }
    case "range":
      return rangeIssue(value, spec, path);
    default:
      return optionIssue(value, spec, path);
  }
}

/** The issue for a `range` option: a whole number, or `{ min, max }` with `min ≤ max`. */
function rangeIssue(
  value: unknown,
  spec: { readonly min: number; readonly max: number },
  path: string[],
): IopIssue | undefined {
  const name = path.join(".");
  const within = `a whole number from ${spec.min} to ${spec.max}`;
  if (wholeIn(value, spec.min, spec.max)) return undefined;
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return {
      code: "limit-exceeded",
      path,
      message: `${name} must be ${within} or { min, max }, got ${describeValue(value)}`,
    };
  const { min, max } = value as { min?: unknown; max?: unknown };
  for (const [key, bound] of [
    ["min", min],
    ["max", max],
  ] as const)
    if (!wholeIn(bound, spec.min, spec.max))
      return {
        code: "limit-exceeded",
        path: [...path, key],
        message: `${name}.${key} must be ${within}, got ${describeValue(bound)}`,
      };
  return (min as number) <= (max as number)
    ? undefined
    : {
        code: "invalid-value",
        path,
        message: `${name}.min must not exceed ${name}.max, got ${String(min)} > ${String(max)}`,
      };
}

/** The options of `participant`. @internal */
export const participantOptions = {
  riskProfile: { kind: "enum", values: ["low", "iop-fit", "high", "any"], optional: true },
  ageGroup: { kind: "enum", values: ["adult", "adolescent"], optional: true },
  availability: { kind: "enum", values: ["free", "works-days", "any"], optional: true },
  allowMissingDimensions: { kind: "boolean", optional: true },
  personalData: { kind: "boolean", optional: true },
  telehealth: { kind: "boolean", optional: true },
} as const satisfies OptionSpec;

/** The options of `program` (group sizes as `defineProgram` accepts them). @internal */
export const programOptions = {
  timeZone: { kind: "zone", optional: true },
  population: { kind: "enum", values: populations, optional: true },
  phases: { kind: "range", min: 1, max: limits.maxPhases, optional: true },
  groupCapacity: { kind: "integer", min: 1, max: 100, optional: true },
  groupMinimum: { kind: "integer", min: 1, max: 100, optional: true },
  tracks: { kind: "enum", values: [1, 2], optional: true },
  venues: { kind: "boolean", optional: true },
} as const satisfies OptionSpec;

/** `spec` as the options of the object option `name` (`"program.timeZone"`, …). @internal */
export function nested(name: string, spec: OptionSpec): Record<string, TestingOptionKind> {
  const out: Record<string, TestingOptionKind> = { [name]: { kind: "object", optional: true } };
  for (const [key, kind] of Object.entries(spec)) out[`${name}.${key}`] = kind;
  return out;
}

/**
 * Checks the options of testing function `context` against `spec`, refusing keys `spec` does not
 * list (at the top level and in each object option listed in `closed`).
 * @internal
 */
export function checkArbitraryOptions(
  context: string,
  options: unknown,
  spec: OptionSpec,
  closed: readonly string[] = [],
): void {
  checkOptionsWith(context, options, spec, testingOptionIssue, ["", ...closed]);
}

/**
 * The spec of a `weights` option over `keys` (whole numbers from 0 to 1,000,000, as fast-check's
 * `oneof` takes them), for {@link checkWeights}. @internal
 */
export function weightsSpec(keys: readonly string[]): Record<string, TestingOptionKind> {
  const spec: Record<string, TestingOptionKind> = {};
  for (const key of keys) spec[key] = { kind: "integer", min: 0, max: 1_000_000, optional: true };
  return nested("weights", spec);
}

/**
 * Throws when `weights` (defaults merged with the caller's) give nothing a weight above 0: the
 * arbitrary would have nothing to pick. @internal
 */
export function checkWeights(context: string, weights: Readonly<Record<string, number>>): void {
  if (!Object.values(weights).some((w) => w > 0))
    throw new IopError(context, [
      {
        code: "too-small",
        path: ["weights"],
        message: "weights must give at least one outcome a weight above 0",
      },
    ]);
}
