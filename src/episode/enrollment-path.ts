/** `enrollmentPathFromEpisode`: the phases an episode went through, as a planner path. */
import type { IsoDate } from "../core/calendar";
import type { PathStep } from "../schedule/index";
import type { EpisodeState } from "./episode-state";

/** Options of {@link enrollmentPathFromEpisode}. */
export interface EnrollmentPathOptions {
  /**
   * Keep the participant in the phase in force from this date: adds an `extension` step, so the
   * planner starts the phase's planned weeks again there instead of stepping down on the planned
   * date (for a participant whose phase exit is not yet met). Ignored unless the episode is in a
   * phase that started before this date.
   */
  readonly extendOn?: IsoDate;
}

/**
 * The episode's phase history as `Enrollment.path` steps, so an app can re-plan after a step-down
 * or a step-up: `planSchedule` follows the steps, then the remaining phases as planned (a
 * `step-up` step may raise intensity: S6; an `extension` step may lengthen the course: S7).
 * Phases entered and left on the same day collapse into the last one (path steps need strictly
 * increasing dates). Empty before the first phase starts. For a discharged episode, also set the
 * enrolment's `end` to `state.discharge.on`.
 *
 * @example
 * ```ts
 * const path = enrollmentPathFromEpisode(state, { extendOn: "2026-03-30" });
 * const enrollment = parseEnrollment({ participant, start: path[0]?.from ?? admittedOn, path });
 * ```
 */
export function enrollmentPathFromEpisode(
  state: EpisodeState,
  options: EnrollmentPathOptions = {},
): PathStep[] {
  const history =
    state.status === "referred" || state.status === "assessed"
      ? []
      : (state.treatment?.phaseHistory ?? []);
  const steps: PathStep[] = [];
  for (const { phaseId, from, reason } of history) {
    const last = steps.length - 1;
    const step: PathStep = {
      phaseId,
      from,
      reason: last <= 0 && steps[last]?.from === from ? "admission" : reason,
    };
    if (steps[last]?.from === from) steps[last] = step;
    else steps.push(step);
  }
  const { extendOn } = options;
  if (extendOn !== undefined && state.status === "in-phase" && extendOn > state.phase.startedOn)
    steps.push({ phaseId: state.phase.id, from: extendOn, reason: "extension" });
  return steps;
}
