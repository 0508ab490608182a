/**
 * `defineProgram`: validates a whole program and reports every problem with its path — the
 * record's shape first (types, ranges, unknown keys), then, once the shape is sound, the rules
 * that tie its parts together ({@link programIssues}).
 */
import type { Result } from "../core/errors";
import { parseWith, safeParseWith } from "../core/schema";
import { Program } from "./program";

/**
 * Validates a program definition from any input (a form, JSON, a template you edited) and returns
 * it with every default filled in. Throws {@link core!IopError | IopError} listing **every** problem with its path:
 * first the record's shape (types, ranges, unknown keys); once the shape is sound, the rules that
 * tie it together — a phase whose weekly pattern sums outside its hours band, a band outside its
 * level of care, a later phase more intense than an earlier one (S6), sessions outside operating
 * hours or overlapping within a track, phase weeks that cannot fit the program length (S7).
 *
 * @example
 * ```ts
 * const program = defineProgram(programTemplates.substanceUseAdult({ timeZone: "America/Chicago" }));
 * ```
 */
export function defineProgram(input: unknown): Program {
  return parseWith(Program, "defineProgram", input);
}

/** Like {@link defineProgram}, but returns `{ success, data | error }` instead of throwing. */
export function safeDefineProgram(input: unknown): Result<Program> {
  return safeParseWith(Program, "defineProgram", input);
}
