// Small programs whose forecasts can be worked out by hand.
import {
  defineProgram,
  isIopError,
  programTemplates,
  type PatternEntry,
  type Program,
} from "iopkit";

const template = programTemplates.substanceUseAdult({ timeZone: "America/New_York" });

const groupDays = (track?: string, start = "09:00"): PatternEntry[] =>
  ([1, 3, 5] as const).map((weekday) => ({
    sessionType: "group-therapy",
    weekday,
    start,
    durationMinutes: 180,
    ...(track === undefined ? {} : { track }),
  }));

/**
 * One phase of `weeks` planned weeks, groups Mon/Wed/Fri 09:00–12:00 (9 h a week, one counsellor
 * or therapist per group session: "therapist" is group therapy's first role), an individual
 * session of 60 minutes every week; group capacity `capacity`, minimum `minimum`.
 */
export function onePhaseProgram(
  options: { weeks?: number; capacity?: number; minimum?: number; tracks?: boolean } = {},
): Program {
  const [first] = template.phases;
  if (first === undefined) throw new Error("template without phases");
  const weeks = options.weeks ?? 4;
  return defineProgram({
    ...template,
    groupCapacity: options.capacity ?? 12,
    groupMinimum: options.minimum ?? 3,
    lengthWeeks: { min: 1, max: 52 },
    phases: [
      {
        ...first,
        id: "only",
        hoursPerWeek: { min: 9, max: 19 },
        weeks: { min: 1, max: 52 },
        plannedWeeks: weeks,
        individualEveryWeeks: 1,
        individualMinutes: 60,
        oneToOne: [],
        exitCriteria: { ...first.exitCriteria, minWeeks: 1 },
        pattern: options.tracks
          ? [...groupDays("morning"), ...groupDays("evening", "18:00")]
          : groupDays(),
      },
    ],
  });
}

/** The adult SUD template (three phases of 4 planned weeks, morning and evening tracks). */
export const templateProgram: Program = template;

/** The `[code, path]` of each issue of the IopError `f` throws (fails when it does not throw one). */
export function issuesOf(f: () => unknown): unknown {
  try {
    f();
  } catch (error) {
    if (isIopError(error)) return error.issues.map((i) => [i.code, i.path]);
    throw error;
  }
  throw new Error("did not throw");
}
