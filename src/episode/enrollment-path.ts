/** `enrollmentPathFromEpisode`: the phases an episode went through, as a planner path. */
import type { PathStep } from "../schedule/index";
import type { EpisodeState } from "./episode-state";

/**
 * The episode's phase history as `Enrollment.path` steps, so an app can re-plan after a step-down
 * or a step-up: `planSchedule` follows the steps, then the remaining phases as planned (a
 * `step-up` step may raise intensity: S6). Phases entered and left on the same day collapse into
 * the last one (path steps need strictly increasing dates). Empty before the first phase starts.
 * For a discharged episode, also set the enrolment's `end` to `state.discharge.on`.
 *
 * @example
 * ```ts
 * const enrollment = parseEnrollment({
 *   participant,
 *   start: path[0]?.from ?? admittedOn,
 *   path: enrollmentPathFromEpisode(state),
 * });
 * ```
 */
export function enrollmentPathFromEpisode(state: EpisodeState): PathStep[] {
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
  return steps;
}
