/**
 * The rules that tie a program's parts together (bands, step-down, operating hours, overlaps,
 * length), and small helpers over phases that the scheduler and attendance parts reuse.
 */
import type { IopIssue, IopIssueCode, IssuePath } from "../core/errors";
import { toMinutes } from "../core/wall-time";
import {
  formatBand,
  hoursBandOf,
  isInsideBand,
  levelOfCareRank,
  levelsOfCare,
  type HoursBand,
} from "./levels-of-care";
import type { Phase, PatternEntry, Program } from "./program";
import { venueIssues } from "./rooms";
import { sessionTypes } from "./session-types";

/**
 * The tracks of a phase: the distinct `track` names of its pattern in the order they first appear
 * (the planner offers them in this order), or `[undefined]` when it has none.
 */
export function tracksOf(phase: Pick<Phase, "pattern">): (string | undefined)[] {
  const names = [
    ...new Set(phase.pattern.flatMap((e) => (e.track === undefined ? [] : [e.track]))),
  ];
  return names.length === 0 ? [undefined] : names;
}

/** The pattern entries a participant on `track` attends: the shared ones and that track's own. */
export function entriesForTrack<E extends Pick<PatternEntry, "track">>(
  pattern: readonly E[],
  track: string | undefined,
): E[] {
  return pattern.filter((e) => e.track === undefined || e.track === track);
}

/** Clinical hours a set of pattern entries adds up to in a week. */
export function clinicalHours(
  entries: readonly Pick<PatternEntry, "sessionType" | "durationMinutes">[],
): number {
  let minutes = 0;
  for (const e of entries)
    if (sessionTypes[e.sessionType].countsTowardClinicalHours) minutes += e.durationMinutes;
  return minutes / 60;
}

/** The most one-to-one clinical hours a phase can place in one week (every requirement in the same week). */
export function maxOneToOneHoursPerWeek(
  phase: Pick<Phase, "individualMinutes" | "oneToOne">,
): number {
  return (phase.individualMinutes + phase.oneToOne.reduce((s, r) => s + r.durationMinutes, 0)) / 60;
}

/** The phase's planned length in weeks (`plannedWeeks`, else `weeks.min`). */
export function plannedWeeksOf(phase: Pick<Phase, "plannedWeeks" | "weeks">): number {
  return phase.plannedWeeks ?? phase.weeks.min;
}

/** The hours band of the level of care a phase delivers, for the program's population. */
export function levelBandOf(
  program: Pick<Program, "levelOfCare" | "population">,
  phase: Pick<Phase, "levelOfCare">,
): HoursBand | null {
  return hoursBandOf(phase.levelOfCare ?? program.levelOfCare, program.population);
}

const round = (h: number): string => String(Math.round(h * 100) / 100);

/**
 * Every rule that ties a structurally valid program together, as issues with paths. Empty when the
 * program is sound. Exported so apps can check programs people edit in a form.
 */
export function programIssues(program: Program): IopIssue[] {
  const issues: IopIssue[] = [];
  const add = (code: IopIssueCode, path: IssuePath, message: string): void => {
    issues.push({ code, path, message });
  };

  // Operating windows.
  program.operatingHours.forEach((w, i) => {
    if (toMinutes(w.close) <= toMinutes(w.open))
      add(
        "window-closes-before-open",
        ["operatingHours", i],
        `closes at ${w.close}, not after it opens at ${w.open}`,
      );
  });
  const insideOpening = (e: PatternEntry): boolean => {
    const start = toMinutes(e.start);
    const end = start + e.durationMinutes;
    return program.operatingHours.some(
      (w) => w.weekday === e.weekday && toMinutes(w.open) <= start && end <= toMinutes(w.close),
    );
  };

  const seen = new Map<string, number>();
  program.phases.forEach((phase, p) => {
    const at = (...rest: (string | number)[]): IssuePath => ["phases", p, ...rest];
    const first = seen.get(phase.id);
    if (first !== undefined)
      add(
        "duplicate-phase-id",
        at("id"),
        `phase id "${phase.id}" is also used by phases[${first}]`,
      );
    else seen.set(phase.id, p);

    // Level of care of the phase.
    const level = phase.levelOfCare ?? program.levelOfCare;
    if (levelOfCareRank[level] > levelOfCareRank[program.levelOfCare]) {
      add(
        "phase-level-above-program",
        at("levelOfCare"),
        `a phase of a ${program.levelOfCare} program cannot deliver ${level}`,
      );
    }
    const levelBand = levelBandOf(program, phase);
    const band = phase.hoursPerWeek;
    if (
      levelBand !== null &&
      (!isInsideBand(band.min, levelBand) || !isInsideBand(band.max, levelBand))
    ) {
      // The band is the 3rd edition's (hoursBandOf reads the first entry with hours).
      const code = levelsOfCare.find((l) => l.id === level && l.hours !== null)?.code ?? "";
      add(
        "band-outside-level",
        at("hoursPerWeek"),
        `${band.min}–${band.max} h/week is outside ${level} for ${program.population}s (${formatBand(levelBand)}: ASAM Criteria, 3rd ed. (2013), level ${code})`,
      );
    }

    // Length.
    if (
      phase.plannedWeeks !== undefined &&
      (phase.plannedWeeks < phase.weeks.min || phase.plannedWeeks > phase.weeks.max)
    ) {
      add(
        "planned-weeks-outside-range",
        at("plannedWeeks"),
        `${phase.plannedWeeks} planned weeks is outside ${phase.weeks.min}–${phase.weeks.max}`,
      );
    }
    if (phase.exitCriteria.minWeeks > phase.weeks.max) {
      add(
        "exit-weeks-above-phase-length",
        at("exitCriteria", "minWeeks"),
        `exit needs ${phase.exitCriteria.minWeeks} weeks but the phase lasts at most ${phase.weeks.max}`,
      );
    }

    // Pattern entries.
    phase.pattern.forEach((e, j) => {
      const type = sessionTypes[e.sessionType];
      if (type.format !== "group") {
        add(
          "not-a-group-session",
          at("pattern", j, "sessionType"),
          `${e.sessionType} is ${type.format}; the weekly pattern holds group sessions (one-to-ones are placed by the planner)`,
        );
      }
      if (toMinutes(e.start) + e.durationMinutes > 1440)
        add(
          "crosses-midnight",
          at("pattern", j),
          `starts ${e.start} and runs ${e.durationMinutes} min, past midnight`,
        );
      else if (!insideOpening(e))
        add(
          "outside-operating-hours",
          at("pattern", j),
          `${e.sessionType} on weekday ${e.weekday} at ${e.start} for ${e.durationMinutes} min is outside operating hours`,
        );
    });
    const oneToOneTypes = new Set<string>();
    phase.oneToOne.forEach((r, j) => {
      if (oneToOneTypes.has(r.sessionType))
        add("duplicate-one-to-one", at("oneToOne", j), `${r.sessionType} is required twice`);
      oneToOneTypes.add(r.sessionType);
    });

    // Per track: overlaps, hours inside the band, enough on-site days for the drug tests.
    for (const track of tracksOf(phase)) {
      const entries = entriesForTrack(phase.pattern, track);
      const name = track === undefined ? "the pattern" : `track "${track}"`;
      const indexed = phase.pattern
        .map((e, j) => ({ e, j }))
        .filter(({ e }) => e.track === undefined || e.track === track);
      for (let a = 0; a < indexed.length; a++) {
        for (let b = a + 1; b < indexed.length; b++) {
          const x = indexed[a];
          const y = indexed[b];
          if (x === undefined || y === undefined || x.e.weekday !== y.e.weekday) continue;
          // Report a pair once: with a track, only pairs involving that track's own entries.
          if (track !== undefined && x.e.track === undefined && y.e.track === undefined) continue;
          const xs = toMinutes(x.e.start);
          const ys = toMinutes(y.e.start);
          if (xs < ys + y.e.durationMinutes && ys < xs + x.e.durationMinutes) {
            add(
              "overlapping-sessions",
              at("pattern", y.j),
              `overlaps pattern[${x.j}] on weekday ${x.e.weekday} in ${name}`,
            );
          }
        }
      }
      const hours = clinicalHours(entries);
      if (hours < band.min) {
        add(
          "pattern-below-band",
          at("pattern"),
          `${name} schedules ${round(hours)} clinical h/week, below the phase's ${band.min}–${band.max} h`,
        );
      }
      const most = hours + maxOneToOneHoursPerWeek(phase);
      if (most > band.max) {
        add(
          "pattern-above-band",
          at("pattern"),
          `${name} schedules ${round(hours)} h/week plus up to ${round(most - hours)} h of one-to-ones, above the phase's ${band.max} h`,
        );
      }
      const days = new Set(entries.map((e) => e.weekday)).size;
      if (phase.drugTestsPerWeek.max > days) {
        add(
          "more-tests-than-site-days",
          at("drugTestsPerWeek", "max"),
          `up to ${phase.drugTestsPerWeek.max} tests a week but ${name} is on site ${days} day(s) a week`,
        );
      }
    }
    // Overlaps between shared entries alone (reported once, whatever the tracks).
    if (tracksOf(phase)[0] !== undefined) {
      const shared = phase.pattern
        .map((e, j) => ({ e, j }))
        .filter(({ e }) => e.track === undefined);
      for (let a = 0; a < shared.length; a++) {
        for (let b = a + 1; b < shared.length; b++) {
          const x = shared[a];
          const y = shared[b];
          if (x === undefined || y === undefined || x.e.weekday !== y.e.weekday) continue;
          const xs = toMinutes(x.e.start);
          const ys = toMinutes(y.e.start);
          if (xs < ys + y.e.durationMinutes && ys < xs + x.e.durationMinutes)
            add(
              "overlapping-sessions",
              at("pattern", y.j),
              `overlaps pattern[${x.j}] on weekday ${x.e.weekday}`,
            );
        }
      }
    }

    // Step-down (S6): never more intense than the phase before.
    const prev = program.phases[p - 1];
    if (prev !== undefined) {
      if (band.min > prev.hoursPerWeek.min || band.max > prev.hoursPerWeek.max) {
        add(
          "phase-intensity-rises",
          at("hoursPerWeek"),
          `${band.min}–${band.max} h/week is more intense than the previous phase "${prev.name}" (${prev.hoursPerWeek.min}–${prev.hoursPerWeek.max} h); phases step down (S6)`,
        );
      }
      const prevLevel = prev.levelOfCare ?? program.levelOfCare;
      if (levelOfCareRank[level] > levelOfCareRank[prevLevel]) {
        add(
          "phase-intensity-rises",
          at("levelOfCare"),
          `${level} is a higher level of care than the previous phase's ${prevLevel}; phases step down (S6)`,
        );
      }
    }
  });

  // Phase weeks against the program's length (S7).
  const minSum = program.phases.reduce((s, p) => s + p.weeks.min, 0);
  const maxSum = program.phases.reduce((s, p) => s + p.weeks.max, 0);
  const planned = program.phases.reduce((s, p) => s + plannedWeeksOf(p), 0);
  const { min, max } = program.lengthWeeks;
  if (minSum > max)
    add(
      "phases-exceed-length",
      ["lengthWeeks", "max"],
      `the phases need at least ${minSum} weeks but the program lasts at most ${max}`,
    );
  if (maxSum < min)
    add(
      "phases-below-length",
      ["lengthWeeks", "min"],
      `the phases last at most ${maxSum} weeks but the program lasts at least ${min}`,
    );
  if (minSum <= max && maxSum >= min && (planned < min || planned > max)) {
    add(
      "planned-length-outside-bounds",
      ["phases"],
      `the phases' planned weeks add up to ${planned}, outside the program's ${min}–${max} weeks`,
    );
  }
  issues.push(...venueIssues(program));
  return issues;
}
