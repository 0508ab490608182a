/** `assertScheduleInvariants`: checkSchedule as an assertion for any test runner. */
import {
  checkSchedule,
  invariantCodes,
  type CheckContext,
  type Schedule,
  type Violation,
} from "../schedule/index";
import { checkArbitraryOptions } from "./options";

/** Options of {@link assertScheduleInvariants}. */
export interface AssertScheduleOptions {
  /**
   * Accept breaches that the schedule's own `shortfalls` report (same invariant, participant and
   * week) — a planner is allowed to say "I could not". @defaultValue true
   */
  readonly allowReportedShortfalls?: boolean;
  /** Invariants not to check, e.g. `["S2"]` for a schedule without staff. @defaultValue [] */
  readonly ignore?: readonly Violation["code"][];
}

/** The error {@link assertScheduleInvariants} throws: every breach, readable, and as data. */
export class ScheduleInvariantError extends Error {
  /** Always `"ScheduleInvariantError"`. */
  override readonly name = "ScheduleInvariantError";
  /** Every breach found. */
  readonly violations: readonly Violation[];

  /** @param violations - at least one breach. */
  constructor(violations: readonly Violation[]) {
    const lines = violations
      .slice(0, 50)
      .map(
        (v) =>
          `  ${v.code} ${v.message}${v.sessionIds.length > 0 ? ` [sessions ${v.sessionIds.slice(0, 3).join(", ")}${v.sessionIds.length > 3 ? ", …" : ""}]` : ""}`,
      );
    super(
      `schedule breaks ${violations.length} invariant check(s):\n${lines.join("\n")}${violations.length > 50 ? `\n  … and ${violations.length - 50} more` : ""}`,
    );
    this.violations = violations;
  }
}

/**
 * Throws {@link ScheduleInvariantError} listing every breach of S1–S17 that `checkSchedule` finds
 * (by default except those the schedule's shortfalls already report); returns nothing when the
 * schedule is sound. Works in any test runner.
 * @example
 * ```ts
 * fc.assert(fc.property(schedule(), ({ input, schedule: s }) => assertScheduleInvariants(s, input)));
 * ```
 */
export function assertScheduleInvariants(
  schedule: Schedule,
  context: CheckContext,
  options: AssertScheduleOptions = {},
): void {
  checkArbitraryOptions("assertScheduleInvariants", options, {
    allowReportedShortfalls: { kind: "boolean", optional: true },
    ignore: { kind: "values", min: 0, of: invariantCodes, optional: true },
  });
  const allow = options.allowReportedShortfalls ?? true;
  const ignore = new Set(options.ignore ?? []);
  const breaches = checkSchedule(schedule, context).filter(
    (v) =>
      !ignore.has(v.code) &&
      !(
        allow &&
        schedule.shortfalls.some(
          (s) =>
            s.invariant === v.code &&
            s.participantId === v.participantId &&
            s.isoWeek === v.isoWeek,
        )
      ),
  );
  if (breaches.length > 0) throw new ScheduleInvariantError(breaches);
}
