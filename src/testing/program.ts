/**
 * An arbitrary for valid programs, built by construction (not by filtering): phases step down,
 * patterns sit inside their bands and operating hours, tracks never overlap, lengths add up.
 */
import fc from "fast-check";
import { fromEpochDay, type Weekday } from "../core/index";
import { checkArbitraryOptions, programOptions } from "./options";
import {
  asamEditions,
  conditionKinds,
  defineProgram,
  modalities,
  type ConditionKind,
  hoursBandOf,
  isInsideBand,
  type LevelOfCareId,
  type PatternEntry,
  type PhaseInput,
  type Population,
  type Program,
  type SessionTypeId,
  sessionTypes,
} from "../program/index";
import { drugTestDays } from "../program/program";
import { zone as zoneArb } from "./zones";
import { withVenues } from "./venues";

/** Options of {@link program}. */
export interface ProgramArbitraryOptions {
  /** Pin the time zone. */
  readonly timeZone?: string;
  /** Pin the population. */
  readonly population?: Population;
  /** Number of phases, or a range. @defaultValue 1–3 */
  readonly phases?: number | { readonly min: number; readonly max: number };
  /** Pin the group capacity. */
  readonly groupCapacity?: number;
  /** Pin the group minimum (groups below it merge). @defaultValue 1–4 */
  readonly groupMinimum?: number;
  /** Number of tracks (1 or 2). @defaultValue 1–2 */
  readonly tracks?: 1 | 2;
  /**
   * Add rooms (one or two sites, a travel time), a place of service and delivery modes on phases
   * and group entries (S14–S16). @defaultValue false
   */
  readonly venues?: boolean;
}

const TRACK_NAMES = ["morning", "evening"] as const;
/** Group session types a split day's second session may be (psychoeducation twice as often). */
const SECOND_TYPES = [
  "psychoeducation",
  "psychoeducation",
  "meal-support",
  "alumni-group",
] as const satisfies readonly SessionTypeId[];
const hhmm = (m: number): string =>
  `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;

interface PhasePlan {
  days: number;
  minutesPerDay: number;
  split: boolean;
  planned: number;
  slackBefore: number;
  slackAfter: number;
  tests: number;
}

/**
 * A valid program (passes `defineProgram`): daily group therapy (of any of `modalities`, or none
 * named), split on some days with a second
 * group session (psychoeducation, meal support or an alumni group, which is not clinical time),
 * individual therapy, and sometimes one-to-ones of every type of `oneToOneSessionTypes` (family
 * therapy for the family-involved, medication management for those on medication, case
 * management for everyone) and drug tests, collected on session days or on any open day (call-in;
 * `collectOn` sometimes absent), sometimes favouring the day after a break; either ASAM edition;
 * serving substance use (mostly) and any of the other `conditionKinds`. Shrinks toward one phase, one track, few days, round
 * times and New York.
 * @example
 * ```ts
 * fc.assert(fc.property(program(), (p) => defineProgram(p).phases.length >= 1));
 * ```
 */
export function program(options: ProgramArbitraryOptions = {}): fc.Arbitrary<Program> {
  checkArbitraryOptions("program", options, programOptions);
  const phaseCount =
    typeof options.phases === "number"
      ? { min: options.phases, max: options.phases }
      : (options.phases ?? { min: 1, max: 3 });
  const trackCount =
    options.tracks === undefined ? fc.integer({ min: 1, max: 2 }) : fc.constant(options.tracks);
  const phasePlan: fc.Arbitrary<PhasePlan> = fc.record({
    days: fc.integer({ min: 1, max: 5 }),
    minutesPerDay: fc.integer({ min: 4, max: 14 }).map((q) => q * 15), // 60–210 min
    split: fc.boolean(),
    planned: fc.integer({ min: 1, max: 6 }),
    slackBefore: fc.integer({ min: 0, max: 2 }),
    slackAfter: fc.integer({ min: 0, max: 3 }),
    tests: fc.integer({ min: 0, max: 2 }),
  });
  const programs = fc
    .record({
      timeZone: options.timeZone === undefined ? zoneArb() : fc.constant(options.timeZone),
      population:
        options.population === undefined
          ? fc.constantFrom<Population>("adult", "adolescent")
          : fc.constant(options.population),
      groupCapacity:
        options.groupCapacity === undefined
          ? fc.integer({ min: 1, max: 16 })
          : fc.constant(options.groupCapacity),
      groupMinimum:
        options.groupMinimum === undefined
          ? fc.integer({ min: 1, max: 4 })
          : fc.constant(options.groupMinimum),
      tracks: trackCount,
      plans: fc.array(phasePlan, { minLength: phaseCount.min, maxLength: phaseCount.max }),
      individualMinutes: fc.constantFrom(30, 45, 50, 60),
      individualEveryWeeks: fc.integer({ min: 1, max: 3 }),
      family: fc.option(
        fc.record({
          everyWeeks: fc.integer({ min: 1, max: 4 }),
          durationMinutes: fc.constantFrom(45, 60),
        }),
        { nil: undefined },
      ),
      medication: fc.option(
        fc.record({
          everyWeeks: fc.integer({ min: 1, max: 4 }),
          durationMinutes: fc.constantFrom(15, 30),
        }),
        { nil: undefined },
      ),
      caseManagement: fc.option(
        fc.record({
          everyWeeks: fc.integer({ min: 1, max: 4 }),
          durationMinutes: fc.constantFrom(30, 45),
        }),
        { nil: undefined },
      ),
      asamEdition: fc.constantFrom(...asamEditions),
      // The approach of the group therapy sessions, when named.
      modality: fc.option(fc.constantFrom(...modalities), { nil: undefined }),
      // Substance use served three times in four (the ASAM levels apply then), with 0–4 others.
      servesSubstanceUse: fc.integer({ min: 0, max: 3 }).map((k) => k < 3),
      otherConditions: fc.uniqueArray(
        fc.constantFrom(...conditionKinds.filter((k) => k !== "substance-use")),
        { maxLength: 4 },
      ),
      // How tests are collected: absent (session days), on session days, or call-in on any open day.
      collectOn: fc.option(fc.constantFrom(...drugTestDays), { nil: undefined }),
      favourDayAfterBreak: fc.boolean(),
      // The second session of a split day: a group session type other than group therapy.
      secondType: fc.constantFrom(...SECOND_TYPES),
      firstWeekday: fc.integer({ min: 1, max: 2 }),
      closures: fc.uniqueArray(fc.integer({ min: 0, max: 180 }), { maxLength: 4 }),
      morningStart: fc.integer({ min: 32, max: 40 }).map((q) => q * 15), // 08:00–10:00
      eveningStart: fc.integer({ min: 68, max: 72 }).map((q) => q * 15), // 17:00–18:00
    })
    .map((g) => {
      // Step-down by construction: days and minutes never rise from one phase to the next.
      const plans = [...g.plans].map((p, i, all) => ({
        ...p,
        days: Math.min(...all.slice(0, i + 1).map((q) => q.days)),
        minutesPerDay: Math.min(...all.slice(0, i + 1).map((q) => q.minutesPerDay)),
      }));
      const oneToOneHours =
        (g.individualMinutes +
          (g.family?.durationMinutes ?? 0) +
          (g.medication?.durationMinutes ?? 0) +
          (g.caseManagement?.durationMinutes ?? 0)) /
        60;
      const trackNames = g.tracks === 1 ? [undefined] : [...TRACK_NAMES];
      const starts = g.tracks === 1 ? [g.morningStart] : [g.morningStart, g.eveningStart];
      const iop = hoursBandOf("intensive-outpatient", g.population);
      const op = hoursBandOf("outpatient", g.population);
      const phases: PhaseInput[] = plans.map((p, i) => {
        const first = p.split
          ? Math.max(30, Math.floor(p.minutesPerDay / 30) * 15)
          : p.minutesPerDay;
        const second = p.split && p.minutesPerDay - first >= 15 ? p.minutesPerDay - first : 0;
        // An alumni group is not clinical time (sessionTypes["alumni-group"]).
        const clinicalPerDay =
          second > 0 && !sessionTypes[g.secondType].countsTowardClinicalHours
            ? first
            : p.minutesPerDay;
        const hours = (p.days * clinicalPerDay) / 60;
        const band = { min: hours, max: hours + oneToOneHours };
        const level: LevelOfCareId =
          iop !== null && isInsideBand(band.min, iop) && isInsideBand(band.max, iop)
            ? "intensive-outpatient"
            : op !== null && isInsideBand(band.max, op)
              ? "outpatient"
              : "partial-hospitalization"; // never chosen: see the filter below
        const days = Array.from(
          { length: p.days },
          (_, d) => ((g.firstWeekday - 1 + d) % 6) + 1,
        ) as Weekday[];
        const pattern = trackNames.flatMap((track, t) =>
          days.flatMap((weekday) => {
            const start = starts[t] ?? 540;
            const onTrack = track === undefined ? {} : { track };
            const entries: PatternEntry[] = [
              {
                sessionType: "group-therapy",
                weekday,
                start: hhmm(start),
                durationMinutes: first,
                ...onTrack,
                ...(g.modality === undefined ? {} : { modality: g.modality }),
              },
            ];
            if (second > 0) {
              entries.push({
                sessionType: g.secondType,
                weekday,
                start: hhmm(start + first + 15),
                durationMinutes: second,
                ...onTrack,
              });
            }
            return entries;
          }),
        );
        return {
          id: `phase-${i + 1}`,
          name: `Phase ${i + 1}`,
          levelOfCare: level,
          hoursPerWeek: band,
          weeks: { min: Math.max(1, p.planned - p.slackBefore), max: p.planned + p.slackAfter },
          plannedWeeks: p.planned,
          pattern,
          individualEveryWeeks: g.individualEveryWeeks,
          individualMinutes: g.individualMinutes,
          oneToOne: [
            ...(g.family === undefined
              ? []
              : [
                  {
                    sessionType: "family-therapy" as const,
                    ...g.family,
                    appliesTo: "family-involved" as const,
                  },
                ]),
            ...(g.medication === undefined
              ? []
              : [
                  {
                    sessionType: "medication-management" as const,
                    ...g.medication,
                    appliesTo: "on-medication" as const,
                  },
                ]),
            ...(g.caseManagement === undefined
              ? []
              : [
                  {
                    sessionType: "case-management" as const,
                    ...g.caseManagement,
                    appliesTo: "everyone" as const,
                  },
                ]),
          ],
          drugTestsPerWeek: { min: Math.min(p.tests, 1, p.days), max: Math.min(p.tests, p.days) },
          exitCriteria: {
            minWeeks: Math.min(p.planned, Math.max(1, p.planned - p.slackBefore)),
            minAttendanceRate: 0.75,
            negativeTestsInARow: p.tests > 0 ? 2 : 0,
            requiresClinicianSignOff: true,
          },
        };
      });
      const planned = plans.reduce((s, p) => s + p.planned, 0);
      const latestEnd = Math.max(...starts) + Math.max(...plans.map((p) => p.minutesPerDay)) + 15;
      const base = 20_454; // 2026-01-01
      return {
        id: "generated-program",
        name: "Generated program",
        levelOfCare: phases[0]?.levelOfCare ?? "intensive-outpatient",
        population: g.population,
        asamEdition: g.asamEdition,
        conditionsServed:
          g.servesSubstanceUse || g.otherConditions.length === 0
            ? (["substance-use", ...g.otherConditions] as ConditionKind[])
            : g.otherConditions,
        timeZone: g.timeZone,
        operatingHours: ([1, 2, 3, 4, 5, 6] as const).map((weekday) => ({
          weekday,
          open: hhmm(Math.min(...starts) - 30),
          close: hhmm(Math.min(latestEnd + 15, 1439)),
        })),
        closures: g.closures.map((d) => fromEpochDay(base + d)),
        groupCapacity: g.groupCapacity,
        groupMinimum: g.groupMinimum,
        drugTestPolicy: {
          favourDayAfterBreak: g.favourDayAfterBreak,
          ...(g.collectOn === undefined ? {} : { collectOn: g.collectOn }),
        },
        phases,
        lengthWeeks: { min: Math.max(1, planned - 2), max: planned + 2 },
      };
    })
    .filter((input) => input.phases.every((p) => p.levelOfCare !== "partial-hospitalization"))
    // Phases step down in clinical hours too (an alumni group on one phase's split days only
    // lowers that phase's).
    .filter((input) =>
      input.phases.every((p, i) => {
        const prev = input.phases[i - 1]?.hoursPerWeek;
        return (
          prev === undefined || (p.hoursPerWeek.min <= prev.min && p.hoursPerWeek.max <= prev.max)
        );
      }),
    )
    .map((input) => defineProgram(input));
  return options.venues === true ? programs.chain(withVenues) : programs;
}
