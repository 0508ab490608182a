/**
 * `invalid*` arbitraries: records that break exactly one named rule, for testing error paths.
 * Each yields `{ rule, input }`: `input` fails its parse function with issues whose codes are all
 * `rule` (a rule may be broken in several places of one record, e.g. two sessions outside hours).
 */
import fc from "fast-check";
import { hoursBandOf, isInsideBand, type PatternEntry } from "../program/index";
import {
  clinicalHours,
  entriesForTrack,
  maxOneToOneHoursPerWeek,
  tracksOf,
  type Program,
} from "../program/index";
import { participant } from "./participant";
import { program } from "./program";
import { checkArbitraryOptions } from "./options";

/** A record that breaks one rule. */
export interface InvalidRecord<Rule extends string = string> {
  /** The issue code the parse function reports (and no other). */
  readonly rule: Rule;
  /** The broken record. */
  readonly input: unknown;
}

/** The program rules {@link invalidProgram} can break. */
export const programRules = [
  "invalid-time-zone",
  "unrecognized-keys",
  "too-small",
  "invalid-format",
  "band-outside-level",
  "pattern-below-band",
  "outside-operating-hours",
  "duplicate-phase-id",
  "phases-exceed-length",
  "not-a-group-session",
  "crosses-midnight",
  "window-closes-before-open",
  "planned-weeks-outside-range",
  "exit-weeks-above-phase-length",
  "more-tests-than-site-days",
  "pattern-above-band",
  "phases-below-length",
  "planned-length-outside-bounds",
  "duplicate-one-to-one",
  "overlapping-sessions",
  "phase-level-above-program",
  "phase-intensity-rises",
] as const;
/** A program rule {@link invalidProgram} can break. */
export type ProgramRule = (typeof programRules)[number];

const json = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

function breakProgram(p: Program, rule: ProgramRule): unknown {
  const input = json(p) as Program & Record<string, unknown>;
  const phase = input.phases[0];
  if (phase === undefined) return input;
  switch (rule) {
    case "invalid-time-zone":
      return { ...input, timeZone: "Mars/Olympus_Mons" };
    case "unrecognized-keys":
      return { ...input, colour: "teal" };
    case "too-small":
      return { ...input, groupCapacity: 0 };
    case "invalid-format":
      phase.pattern = phase.pattern.map((e, i) => (i === 0 ? { ...e, start: "25:00" } : e));
      return input;
    case "band-outside-level": {
      const band = hoursBandOf(phase.levelOfCare ?? input.levelOfCare, input.population);
      if (band?.max !== null && band !== null)
        phase.hoursPerWeek = {
          ...phase.hoursPerWeek,
          max: band.maxExclusive ? band.max : band.max + 0.5,
        };
      return input;
    }
    case "pattern-below-band": {
      const lowest = Math.min(
        ...tracksOf(phase).map((t) => clinicalHours(entriesForTrack(phase.pattern, t))),
      );
      phase.hoursPerWeek = {
        ...phase.hoursPerWeek,
        min: Math.min(lowest + 0.25, phase.hoursPerWeek.max),
      };
      return input;
    }
    case "outside-operating-hours": {
      const day = phase.pattern[0]?.weekday;
      return { ...input, operatingHours: input.operatingHours.filter((w) => w.weekday !== day) };
    }
    case "duplicate-phase-id": {
      const second = input.phases[1];
      if (second !== undefined) second.id = phase.id;
      return input;
    }
    case "phases-exceed-length": {
      const minSum = input.phases.reduce((s, ph) => s + ph.weeks.min, 0);
      return { ...input, lengthWeeks: { min: 1, max: Math.max(1, minSum - 1) } };
    }
    case "not-a-group-session":
      // Individual therapy counts toward clinical hours like the group it replaces.
      phase.pattern = phase.pattern.map((e, i) =>
        i === 0 ? { ...e, sessionType: "individual-therapy" } : e,
      );
      return input;
    case "crosses-midnight":
      // Every first entry is at least 30 minutes long; nothing else runs that late.
      phase.pattern = phase.pattern.map((e, i) => (i === 0 ? { ...e, start: "23:45" } : e));
      return input;
    case "window-closes-before-open": {
      // A weekday no phase meets on, so no session falls outside the broken window.
      const used = new Set(input.phases.flatMap((ph) => ph.pattern.map((e) => e.weekday)));
      const free = input.operatingHours.find((w) => !used.has(w.weekday));
      return {
        ...input,
        operatingHours: input.operatingHours.map((w) =>
          w === free ? { ...w, open: w.close, close: w.open } : w,
        ),
      };
    }
    case "planned-weeks-outside-range": {
      phase.plannedWeeks = phase.weeks.max + 1;
      // The program's length still holds the phases' planned weeks.
      const maxSum = input.phases.reduce((s, ph) => s + ph.weeks.max, 0);
      return { ...input, lengthWeeks: { min: 1, max: maxSum + 1 } };
    }
    case "exit-weeks-above-phase-length":
      phase.exitCriteria = { ...phase.exitCriteria, minWeeks: phase.weeks.max + 1 };
      return input;
    case "more-tests-than-site-days": {
      const days = new Set(phase.pattern.map((e) => e.weekday)).size;
      phase.drugTestsPerWeek = { ...phase.drugTestsPerWeek, max: days + 1 };
      return input;
    }
    case "pattern-above-band": {
      // The last phase: a lower band there never makes a later phase more intense.
      const last = input.phases[input.phases.length - 1] ?? phase;
      last.hoursPerWeek = { ...last.hoursPerWeek, max: last.hoursPerWeek.max - 0.25 };
      return input;
    }
    case "phases-below-length": {
      const maxSum = input.phases.reduce((s, ph) => s + ph.weeks.max, 0);
      return { ...input, lengthWeeks: { min: maxSum + 1, max: maxSum + 1 } };
    }
    case "planned-length-outside-bounds": {
      const maxSum = input.phases.reduce((s, ph) => s + ph.weeks.max, 0);
      const planned = input.phases.reduce((s, ph) => s + (ph.plannedWeeks ?? ph.weeks.min), 0);
      return { ...input, lengthWeeks: { min: planned + 1, max: maxSum } };
    }
    case "duplicate-one-to-one": {
      // The longest requirement replaced by a copy of the shortest: no more hours than before.
      const sorted = [...phase.oneToOne].sort((a, b) => a.durationMinutes - b.durationMinutes);
      const shortest = sorted[0];
      const longest = sorted[sorted.length - 1];
      if (shortest !== undefined)
        phase.oneToOne = phase.oneToOne.map((o) => (o === longest ? { ...shortest } : o));
      return input;
    }
    case "overlapping-sessions": {
      // A split day's second session moved to start with the first: the same hours, earlier.
      const j = phase.pattern.findIndex((e, k) => k > 0 && sharesDay(phase.pattern, k));
      const firstOfDay = phase.pattern.find((e) => e.weekday === phase.pattern[j]?.weekday);
      phase.pattern = phase.pattern.map((e, k) =>
        k === j && firstOfDay !== undefined ? { ...e, start: firstOfDay.start } : e,
      );
      return input;
    }
    case "phase-level-above-program":
      return { ...input, levelOfCare: "outpatient" };
    case "phase-intensity-rises": {
      const second = input.phases[1];
      if (second !== undefined)
        second.hoursPerWeek = { ...second.hoursPerWeek, max: phase.hoursPerWeek.max + 0.25 };
      return input;
    }
  }
}

/** Whether pattern entry `k` shares its weekday and track with an earlier entry. */
function sharesDay(pattern: readonly PatternEntry[], k: number): boolean {
  const e = pattern[k];
  return (
    e !== undefined &&
    pattern.slice(0, k).some((x) => x.weekday === e.weekday && x.track === e.track)
  );
}

/**
 * Which rules a program can break (some need two phases, more than one week, a weekday no phase
 * meets on, a phase on site at most two days a week, two one-to-ones, a split day, slack in the
 * phases' lengths, or an intensive-outpatient first phase).
 */
function breakable(p: Program, rule: ProgramRule): boolean {
  if (rule === "duplicate-phase-id") return p.phases.length >= 2;
  if (rule === "window-closes-before-open") {
    const used = new Set(p.phases.flatMap((ph) => ph.pattern.map((e) => e.weekday)));
    return p.operatingHours.some((w) => !used.has(w.weekday));
  }
  if (rule === "phases-below-length") return true;
  if (rule === "planned-length-outside-bounds") {
    const maxSum = p.phases.reduce((s, ph) => s + ph.weeks.max, 0);
    const planned = p.phases.reduce((s, ph) => s + (ph.plannedWeeks ?? ph.weeks.min), 0);
    return maxSum > planned;
  }
  if (rule === "duplicate-one-to-one") return (p.phases[0]?.oneToOne.length ?? 0) >= 2;
  if (rule === "overlapping-sessions") {
    const pattern = p.phases[0]?.pattern ?? [];
    return pattern.some((_, k) => sharesDay(pattern, k));
  }
  if (rule === "phase-level-above-program")
    return p.phases[0]?.levelOfCare === "intensive-outpatient";
  if (rule === "phase-intensity-rises") {
    const [first, second] = p.phases;
    if (first === undefined || second === undefined) return false;
    const band = hoursBandOf(second.levelOfCare ?? p.levelOfCare, p.population);
    return band !== null && isInsideBand(first.hoursPerWeek.max + 0.25, band);
  }
  if (rule === "more-tests-than-site-days")
    // At most 3 tests a week (the schema's bound): a phase on site one or two days a week.
    return new Set(p.phases[0]?.pattern.map((e) => e.weekday)).size <= 2;
  if (rule === "pattern-above-band") {
    const last = p.phases[p.phases.length - 1];
    return (
      last !== undefined &&
      last.hoursPerWeek.max - 0.25 >= last.hoursPerWeek.min &&
      Math.max(...tracksOf(last).map((t) => clinicalHours(entriesForTrack(last.pattern, t)))) +
        maxOneToOneHoursPerWeek(last) >
        last.hoursPerWeek.max - 0.25
    );
  }
  if (rule === "phases-exceed-length") return p.phases.reduce((s, ph) => s + ph.weeks.min, 0) >= 2;
  if (rule === "band-outside-level") {
    const max = hoursBandOf(p.phases[0]?.levelOfCare ?? p.levelOfCare, p.population)?.max;
    return max !== null && max !== undefined;
  }
  if (rule === "pattern-below-band") {
    const phase = p.phases[0];
    return (
      phase !== undefined &&
      Math.min(...tracksOf(phase).map((t) => clinicalHours(entriesForTrack(phase.pattern, t)))) +
        0.25 <=
        phase.hoursPerWeek.max
    );
  }
  return true;
}

/** A program input that breaks one rule of `defineProgram` (pinned with `rule`, else any). */
export function invalidProgram(rule?: ProgramRule): fc.Arbitrary<InvalidRecord<ProgramRule>> {
  checkArbitraryOptions(
    "invalidProgram",
    { rule },
    {
      rule: { kind: "enum", values: programRules, optional: true },
    },
  );
  const rules = rule === undefined ? fc.constantFrom(...programRules) : fc.constant(rule);
  return fc
    .tuple(program(), rules)
    .filter(([p, r]) => breakable(p, r))
    .map(([p, r]) => ({ rule: r, input: breakProgram(p, r) }));
}

/** The participant rules {@link invalidParticipant} can break. */
export const participantRules = [
  "invalid-value",
  "invalid-format",
  "unrecognized-keys",
  "unavailability-ends-before-start",
  "invalid-type",
  "too-small",
  "too-big",
] as const;
/** A participant rule {@link invalidParticipant} can break. */
export type ParticipantRule = (typeof participantRules)[number];

/** A participant input that breaks one rule of `parseParticipant`. */
export function invalidParticipant(
  rule?: ParticipantRule,
): fc.Arbitrary<InvalidRecord<ParticipantRule>> {
  checkArbitraryOptions(
    "invalidParticipant",
    { rule },
    {
      rule: { kind: "enum", values: participantRules, optional: true },
    },
  );
  const rules = rule === undefined ? fc.constantFrom(...participantRules) : fc.constant(rule);
  return fc.tuple(participant(), rules).map(([p, r]) => {
    const input = json(p) as unknown as Record<string, unknown>;
    switch (r) {
      case "invalid-value":
        return { rule: r, input: { ...input, dimensions: { ...p.dimensions, readiness: 5 } } };
      case "invalid-format":
        return { rule: r, input: { ...input, dateOfBirth: "17/05/1990" } };
      case "unrecognized-keys":
        return { rule: r, input: { ...input, favouriteColour: "teal" } };
      case "unavailability-ends-before-start":
        return {
          rule: r,
          input: { ...input, unavailable: [{ weekday: 2, from: "17:00", to: "09:00" }] },
        };
      case "invalid-type":
        return { rule: r, input: { ...input, familyInvolved: "yes" } };
      case "too-small":
        return { rule: r, input: { ...input, history: { ...p.history, outpatientEpisodes: -1 } } };
      case "too-big":
        return {
          rule: r,
          input: { ...input, history: { ...p.history, relapsesAfterOutpatient: 101 } },
        };
    }
  });
}
