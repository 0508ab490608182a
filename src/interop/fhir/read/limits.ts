/** The bounds FHIR readers put on their input. */
import { misuse } from "../../../core/errors";

/** Bounds on what the FHIR readers accept (see {@link fhirReadLimits}). */
export interface FhirReadLimits {
  /** Most entries in one Bundle; a larger one throws `limit-exceeded` (use NDJSON for bulk). */
  readonly maxEntries: number;
  /**
   * Deepest nesting of objects and arrays in one resource or Bundle, the outermost object at
   * depth 1; deeper input throws `too-deep` (from `readFhir`) or is reported and skipped (a line
   * of NDJSON). It also stops a cyclic object.
   */
  readonly maxDepth: number;
  /** Longest NDJSON line, in UTF-16 code units (characters); a longer line is reported and skipped. */
  readonly maxLineLength: number;
}

/**
 * The default bounds: 100,000 Bundle entries, nesting depth 64, NDJSON lines of 1,000,000
 * characters. A real resource is far below each (a US Core PHQ-9 QuestionnaireResponse nests 6
 * deep); they exist so that a hostile or broken file cannot exhaust memory or the stack. Lower or
 * raise them per call with the `limits` option (each a positive integer, at most 10 times the default).
 */
export const fhirReadLimits: FhirReadLimits = {
  maxEntries: 100_000,
  maxDepth: 64,
  maxLineLength: 1_000_000,
};

/** The limits of a call: the defaults with the caller's, validated. @internal */
export function limitsOf(
  context: string,
  given: Partial<FhirReadLimits> | undefined,
): FhirReadLimits {
  if (given === undefined) return fhirReadLimits;
  if (typeof given !== "object" || given === null)
    misuse(context, "invalid-input", "limits must be an object", ["limits"]);
  const out: Record<string, number> = { ...fhirReadLimits };
  for (const key of Object.keys(given)) {
    const max = (fhirReadLimits as unknown as Record<string, number | undefined>)[key];
    const v: unknown = (given as Record<string, unknown>)[key];
    if (max === undefined) misuse(context, "unrecognized-keys", "unknown limit", ["limits", key]);
    if (v === undefined) continue;
    if (typeof v !== "number" || !Number.isInteger(v) || v < 1 || v > max * 10)
      misuse(context, "limit-exceeded", `must be an integer from 1 to ${max * 10}`, [
        "limits",
        key,
      ]);
    out[key] = v;
  }
  return out as unknown as FhirReadLimits;
}

/**
 * How deep `value` nests (objects and arrays; a scalar is 0), stopping once past `max`: returns
 * `max + 1` then, so a cyclic value ends too. Recursion is at most `max + 1` calls deep. @internal
 */
export function depthOf(value: unknown, max: number): number {
  if (typeof value !== "object" || value === null) return 0;
  if (max <= 0) return 1;
  let deepest = 0;
  for (const child of Array.isArray(value) ? value : Object.values(value))
    if (typeof child === "object" && child !== null) {
      const d = depthOf(child, max - 1);
      if (d > deepest) deepest = d;
      if (deepest >= max) break;
    }
  return deepest + 1;
}

/**
 * How deep the JSON text nests (as {@link depthOf} of its value), read from the text itself:
 * brackets outside strings, stopping once past `max`. An NDJSON line's text is at hand, and
 * scanning it costs less than walking the parsed value. @internal
 */
export function textDepthOf(text: string, max: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // a backslash escapes the next character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > max) return deepest;
      }
    } else if (c === 125 || c === 93) depth--;
  }
  return deepest;
}

/**
 * True when the JSON text nests deeper than `max` (as `textDepthOf(text, max) > max`). Depth never
 * exceeds the count of opening brackets (those inside strings included), counted with `indexOf`,
 * several times faster than the character scan: a line with at most `max` of them is answered
 * without the scan. @internal
 */
export function textDeeperThan(text: string, max: number): boolean {
  let brackets = 0;
  for (let i = text.indexOf("{"); i >= 0 && brackets <= max; i = text.indexOf("{", i + 1))
    brackets++;
  for (let i = text.indexOf("["); i >= 0 && brackets <= max; i = text.indexOf("[", i + 1))
    brackets++;
  return brackets > max && textDepthOf(text, max) > max;
}
