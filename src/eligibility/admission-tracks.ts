import type { EligibilityDecision } from "./decision";

/**
 * The tracks a decision's `track` condition allows (the first phase's tracks that avoid the
 * participant's unavailability, in the program's track order), or `undefined` when the decision
 * sets no track condition and any track will do. Use the first as an enrolment's `track`.
 *
 * A decision read back from storage is handled too: anything but a list of strings in the
 * condition's evidence counts as no condition.
 * @param decision - A decision from `assessEligibility` (or a stored one).
 * @returns The allowed track names, never empty; or `undefined`.
 * @example
 * ```ts
 * const decision = assessEligibility(participant, program);
 * const track = admissionTracks(decision)?.[0];
 * const enrollment = parseEnrollment({ participant, start: "2026-04-13", ...(track === undefined ? {} : { track }) });
 * ```
 */
export function admissionTracks(decision: EligibilityDecision): string[] | undefined {
  for (const c of decision.conditions) {
    if (c.code !== "track") continue;
    const evidence = c.evidence;
    if (typeof evidence !== "object" || evidence === null || !("tracks" in evidence)) continue;
    const tracks: unknown = evidence.tracks;
    if (!Array.isArray(tracks) || tracks.length === 0) continue;
    const names = tracks.filter((t): t is string => typeof t === "string");
    if (names.length === tracks.length) return names;
  }
  return undefined;
}
