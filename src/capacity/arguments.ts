/** Checks of the plain-number arguments of iopkit/capacity's functions. @internal */
import { describeValue, type IopIssue } from "../core/errors";

/**
 * An `out-of-range` issue at `[name]` unless `value` is a whole number from `min` to `max`.
 * @internal
 */
export function wholeNumberIssues(
  value: unknown,
  name: string,
  min: number,
  max: number,
): IopIssue[] {
  return Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max
    ? []
    : [
        {
          code: "out-of-range",
          path: [name],
          message: `${name} must be a whole number from ${min} to ${max}, got ${describeValue(value)}`,
        },
      ];
}
