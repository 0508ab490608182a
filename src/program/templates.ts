/**
 * Program templates: starting points a clinic edits, each valid by {@link defineProgram}, each
 * figure citing its source or saying it is unverified. They take the clinic's time zone and
 * start-up options. The phase exit criteria (weeks in phase, an attendance rate of 75–80 %, 2–3
 * negative tests in a row, a clinician's sign-off) are the templates' choices: unverified, no public
 * standard found; edit them.
 */
import * as z from "zod/mini";
import { array, optional, strictObject } from "../core/zod";
import { IopError } from "../core/errors";
import { IsoDateSchema, type IsoDate, type Weekday } from "../core/index";
import { validate } from "../core/schema";
import { defineProgram } from "./define-program";
import type {
  ExitCriteria,
  OperatingWindow,
  PatternEntry,
  PhaseInput,
  Program,
  ProgramInput,
} from "./program";

/** Options every template takes. */
export interface TemplateOptions {
  /** IANA time zone of the clinic, e.g. `"America/New_York"`. Required: iopkit never guesses a zone. */
  readonly timeZone: string;
  /** Program id. @defaultValue the template's name in kebab-case */
  readonly id?: string;
  /** Program name. */
  readonly name?: string;
  /** Dates the clinic is closed (holidays). @defaultValue [] */
  readonly closures?: readonly IsoDate[];
  /** Most participants per group. @defaultValue 12 (SAMHSA Advisory on group therapy (2021): typically 6 to 12 clients) */
  readonly groupCapacity?: number;
  /** Fewest members a group should meet with (smaller groups merge). @defaultValue 3 (unverified: a scheduling default) */
  readonly groupMinimum?: number;
}

/** Options of templates that run day and evening tracks. */
export interface TrackedTemplateOptions extends TemplateOptions {
  /**
   * Which tracks to run: morning (09:00) for people free in the day, evening (18:00) for people who
   * work or study (program design: sessions at times that fit work and family). @defaultValue both
   */
  readonly tracks?: readonly ("morning" | "evening")[];
}

const weekdays = (days: readonly Weekday[], open: string, close: string): OperatingWindow[] =>
  days.map((weekday) => ({ weekday, open, close }));
const MON_FRI: readonly Weekday[] = [1, 2, 3, 4, 5];

/** One day's block: the same entries at a track's start time, on each weekday given. */
function block(
  days: readonly Weekday[],
  track: string | undefined,
  start: string,
  sessions: readonly Omit<PatternEntry, "weekday" | "start" | "track">[],
): PatternEntry[] {
  const out: PatternEntry[] = [];
  for (const weekday of days) {
    let minute = Number(start.slice(0, 2)) * 60 + Number(start.slice(3, 5));
    for (const s of sessions) {
      const hh = String(Math.floor(minute / 60)).padStart(2, "0");
      const mm = String(minute % 60).padStart(2, "0");
      out.push({ ...s, weekday, start: `${hh}:${mm}`, ...(track === undefined ? {} : { track }) });
      minute += s.durationMinutes + 15; // a 15-minute break between sessions
    }
  }
  return out;
}

const exit = (
  minWeeks: number,
  minAttendanceRate: number,
  negativeTestsInARow: number,
): ExitCriteria => ({
  minWeeks,
  minAttendanceRate,
  negativeTestsInARow,
  requiresClinicianSignOff: true,
});

const TRACK_START = { morning: "09:00", evening: "18:00" } as const;

function trackedPattern(
  tracks: readonly ("morning" | "evening")[],
  days: readonly Weekday[],
  sessions: readonly Omit<PatternEntry, "weekday" | "start" | "track">[],
): PatternEntry[] {
  return tracks.flatMap((t) => block(days, t, TRACK_START[t], sessions));
}

/** The options every template takes; `tracked` adds `tracks`. */
const templateOptions = (tracked: boolean) => {
  const shape = {
    timeZone: z.string(),
    id: optional(z.string()),
    name: optional(z.string()),
    closures: optional(array(IsoDateSchema)),
    groupCapacity: optional(z.number()),
    groupMinimum: optional(z.number()),
  };
  return tracked
    ? strictObject({
        ...shape,
        tracks: optional(
          array(z.enum(["morning", "evening"])).check(z.minLength(1, "run at least one track")),
        ),
      })
    : strictObject(shape);
};

/** Checks a template's options (unknown keys and bad tracks are errors, never ignored). */
function checkOptions<T extends TemplateOptions>(
  template: string,
  options: T,
  tracked: boolean,
): T {
  const r = validate(templateOptions(tracked), options);
  if (!r.ok) throw new IopError(`programTemplates.${template}`, r.issues);
  return options;
}

/**
 * The template as a program. Every template tests on any open day (call-in testing), so a test
 * day cannot be read off the group timetable (`jarvis-2017-asam-drug-testing`: a random,
 * unannounced schedule where possible).
 */
function finish(input: ProgramInput): Program {
  return defineProgram({ ...input, drugTestPolicy: { collectOn: "open-days" } });
}

/**
 * Adult substance-use IOP: 12 weeks in three phases stepping down, sessions getting fewer and
 * shorter with progress (the phases and their lengths are this template's choice, unverified),
 * morning and evening tracks, groups of ≤ 12 (SAMHSA Advisory on group therapy (2021): typically 6
 * to 12 clients), a weekly individual session, random drug tests at least weekly early on (SAMHSA
 * TIP 47 (2006), Appendix B), family therapy when family is involved and medication management for
 * people on medication.
 *
 * | phase | weeks (planned) | rhythm per track | hours band | level |
 * | --- | --- | --- | --- | --- |
 * | Intensive | 3–6 (4) | Mon–Thu, 2 h group + 1 h psychoeducation | 12–16 h | IOP 2.1 |
 * | Step-down | 3–6 (4) | Mon, Wed, Thu, same day | 9–12 h | IOP 2.1 |
 * | Transition | 2–6 (4) | Mon, Thu, 90 min relapse-prevention group + 30 min life skills | 3–8 h | outpatient 1 |
 *
 * 4 days × 3 h = 12 h meets HCPCS Level II (2025), H0015 (a program operating ≥ 3 h a day, ≥ 3
 * days a week) and the adult IOP band (9–19 h: ASAM Criteria, 3rd ed. (2013), level 2.1); the transition phase sits below 9 h, at outpatient level, as a step-down should.
 */
export function substanceUseAdult(input: TrackedTemplateOptions): Program {
  const options = checkOptions("substanceUseAdult", input, true);
  const tracks = options.tracks ?? ["morning", "evening"];
  const day = [
    {
      sessionType: "group-therapy",
      durationMinutes: 120,
      topic: "process group: urges, cravings and triggers",
      modality: "cbt",
    },
    {
      sessionType: "psychoeducation",
      durationMinutes: 60,
      topic: "early recovery and relapse prevention",
      modality: "relapse-prevention",
    },
  ] as const;
  const phases: PhaseInput[] = [
    {
      id: "intensive",
      name: "Intensive",
      hoursPerWeek: { min: 12, max: 16 },
      weeks: { min: 3, max: 6 },
      plannedWeeks: 4,
      pattern: trackedPattern(tracks, [1, 2, 3, 4], day),
      individualEveryWeeks: 1,
      oneToOne: [
        {
          sessionType: "family-therapy",
          everyWeeks: 2,
          durationMinutes: 60,
          appliesTo: "family-involved",
        },
        {
          sessionType: "medication-management",
          everyWeeks: 2,
          durationMinutes: 30,
          appliesTo: "on-medication",
        },
      ],
      drugTestsPerWeek: { min: 1, max: 2 },
      exitCriteria: exit(3, 0.8, 2),
    },
    {
      id: "step-down",
      name: "Step-down",
      hoursPerWeek: { min: 9, max: 12 },
      weeks: { min: 3, max: 6 },
      plannedWeeks: 4,
      pattern: trackedPattern(tracks, [1, 3, 4], day),
      individualEveryWeeks: 1,
      oneToOne: [
        {
          sessionType: "family-therapy",
          everyWeeks: 2,
          durationMinutes: 60,
          appliesTo: "family-involved",
        },
        {
          sessionType: "medication-management",
          everyWeeks: 4,
          durationMinutes: 30,
          appliesTo: "on-medication",
        },
      ],
      drugTestsPerWeek: { min: 1, max: 1 },
      exitCriteria: exit(3, 0.8, 3),
    },
    {
      id: "transition",
      name: "Transition",
      levelOfCare: "outpatient",
      hoursPerWeek: { min: 3, max: 8 },
      weeks: { min: 2, max: 6 },
      plannedWeeks: 4,
      pattern: trackedPattern(
        tracks,
        [1, 4],
        [
          {
            sessionType: "group-therapy",
            durationMinutes: 90,
            topic: "relapse prevention and aftercare planning",
            modality: "relapse-prevention",
          },
          {
            sessionType: "psychoeducation",
            durationMinutes: 30,
            topic: "life skills",
            modality: "life-skills",
          },
        ],
      ),
      individualEveryWeeks: 2,
      oneToOne: [
        {
          sessionType: "family-therapy",
          everyWeeks: 4,
          durationMinutes: 60,
          appliesTo: "family-involved",
        },
        {
          sessionType: "medication-management",
          everyWeeks: 4,
          durationMinutes: 30,
          appliesTo: "on-medication",
        },
      ],
      drugTestsPerWeek: { min: 0, max: 1 },
      exitCriteria: exit(2, 0.75, 2),
    },
  ];
  return finish({
    id: options.id ?? "substance-use-adult",
    name: options.name ?? "Adult Substance-Use IOP",
    description:
      "Adult IOP for alcohol and drug use: three phases stepping down over 12 weeks, morning and evening tracks.",
    levelOfCare: "intensive-outpatient",
    population: "adult",
    conditionsServed: ["substance-use", "depression", "anxiety", "ptsd"],
    timeZone: options.timeZone,
    operatingHours: weekdays(MON_FRI, "08:00", "21:30"),
    closures: [...(options.closures ?? [])],
    groupCapacity: options.groupCapacity ?? 12,
    ...(options.groupMinimum === undefined ? {} : { groupMinimum: options.groupMinimum }),
    phases,
    lengthWeeks: { min: 8, max: 12 },
  });
}

/**
 * Adult mental-health IOP for depression, anxiety, bipolar disorder and PTSD (Medicare's IOP
 * benefit covers acute mental illness: First Coast Medicare, IOP billing (2024)): DBT and CBT skills
 * groups, three days a week, then a two-day step-down; medication management every two weeks for
 * people on medication (the content and cadence are this template's choice, unverified). Medicare
 * IOP: 9–19 h/week (Noridian Medicare, IOP (2024); 42 CFR 424.24 (2024), § 424.24(d)).
 *
 * | phase | weeks (planned) | rhythm per track | hours band | level |
 * | --- | --- | --- | --- | --- |
 * | Stabilisation | 3–6 (5) | Mon, Wed, Fri: 90 min DBT skills + 90 min CBT group | 9–12 h | IOP |
 * | Step-down | 2–5 (3) | Tue, Thu: same day | 6–8.5 h | outpatient |
 */
export function mentalHealthAdult(input: TrackedTemplateOptions): Program {
  const options = checkOptions("mentalHealthAdult", input, true);
  const tracks = options.tracks ?? ["morning", "evening"];
  const day = [
    {
      sessionType: "group-therapy",
      durationMinutes: 90,
      topic: "DBT skills: distress tolerance and emotion regulation",
      modality: "dbt",
    },
    {
      sessionType: "group-therapy",
      durationMinutes: 90,
      topic: "CBT: thoughts, behaviours and mood",
      modality: "cbt",
    },
  ] as const;
  return finish({
    id: options.id ?? "mental-health-adult",
    name: options.name ?? "Adult Mental-Health IOP",
    description:
      "Adult IOP for depression, anxiety, bipolar disorder and PTSD with DBT and CBT skills groups.",
    levelOfCare: "intensive-outpatient",
    population: "adult",
    conditionsServed: ["depression", "anxiety", "bipolar", "ptsd"],
    timeZone: options.timeZone,
    operatingHours: weekdays(MON_FRI, "08:00", "21:30"),
    closures: [...(options.closures ?? [])],
    groupCapacity: options.groupCapacity ?? 12,
    ...(options.groupMinimum === undefined ? {} : { groupMinimum: options.groupMinimum }),
    phases: [
      {
        id: "stabilisation",
        name: "Stabilisation",
        hoursPerWeek: { min: 9, max: 12 },
        weeks: { min: 3, max: 6 },
        plannedWeeks: 5,
        pattern: trackedPattern(tracks, [1, 3, 5], day),
        individualEveryWeeks: 1,
        individualMinutes: 50,
        oneToOne: [
          {
            sessionType: "medication-management",
            everyWeeks: 2,
            durationMinutes: 30,
            appliesTo: "on-medication",
          },
          {
            sessionType: "family-therapy",
            everyWeeks: 3,
            durationMinutes: 50,
            appliesTo: "family-involved",
          },
        ],
        drugTestsPerWeek: { min: 0, max: 0 },
        exitCriteria: exit(3, 0.8, 0),
      },
      {
        id: "step-down",
        name: "Step-down",
        levelOfCare: "outpatient",
        hoursPerWeek: { min: 6, max: 8.5 },
        weeks: { min: 2, max: 5 },
        plannedWeeks: 3,
        pattern: trackedPattern(tracks, [2, 4], day),
        individualEveryWeeks: 2,
        individualMinutes: 50,
        oneToOne: [
          {
            sessionType: "medication-management",
            everyWeeks: 2,
            durationMinutes: 30,
            appliesTo: "on-medication",
          },
        ],
        drugTestsPerWeek: { min: 0, max: 0 },
        exitCriteria: exit(2, 0.75, 0),
      },
    ],
    lengthWeeks: { min: 6, max: 10 },
  });
}

/**
 * Adolescent IOP: after-school hours (16:00) so school continues (program design, unverified), at
 * least 6 h/week (SAMHSA Advisory on IOP (2021); ASAM Criteria, 3rd ed. (2013), level 2.1
 * (adolescent)), weekly family therapy for everyone (family psychoeducation is a core IOP service:
 * SAMHSA Advisory on IOP (2021); the weekly cadence is unverified), then an outpatient step-down.
 *
 * | phase | weeks (planned) | rhythm | hours band | level |
 * | --- | --- | --- | --- | --- |
 * | Core | 4–8 (6) | Mon, Tue, Thu: 90 min group + 60 min psychoeducation | 7.5–10 h | IOP (adolescent ≥ 6 h) |
 * | Step-down | 2–6 (4) | Tue, Thu: 90 min group | 3–5.5 h | outpatient (adolescent < 6 h) |
 */
export function adolescent(input: TemplateOptions): Program {
  const options = checkOptions("adolescent", input, false);
  return finish({
    id: options.id ?? "adolescent",
    name: options.name ?? "Adolescent IOP",
    description: "After-school IOP for 12–17 year olds, with weekly family therapy.",
    levelOfCare: "intensive-outpatient",
    population: "adolescent",
    conditionsServed: ["substance-use", "depression", "anxiety", "ptsd"],
    timeZone: options.timeZone,
    operatingHours: weekdays(MON_FRI, "15:00", "20:00"),
    closures: [...(options.closures ?? [])],
    groupCapacity: options.groupCapacity ?? 10,
    ...(options.groupMinimum === undefined ? {} : { groupMinimum: options.groupMinimum }),
    phases: [
      {
        id: "core",
        name: "Core",
        hoursPerWeek: { min: 7.5, max: 10 },
        weeks: { min: 4, max: 8 },
        plannedWeeks: 6,
        pattern: block([1, 2, 4], undefined, "16:00", [
          {
            sessionType: "group-therapy",
            durationMinutes: 90,
            topic: "coping skills and peer pressure",
            modality: "cbt",
          },
          {
            sessionType: "psychoeducation",
            durationMinutes: 60,
            topic: "substances, the brain and mood",
            modality: "motivational-interviewing",
          },
        ]),
        individualEveryWeeks: 1,
        oneToOne: [
          {
            sessionType: "family-therapy",
            everyWeeks: 1,
            durationMinutes: 60,
            appliesTo: "everyone",
          },
        ],
        drugTestsPerWeek: { min: 1, max: 1 },
        exitCriteria: exit(4, 0.8, 2),
      },
      {
        id: "step-down",
        name: "Step-down",
        levelOfCare: "outpatient",
        hoursPerWeek: { min: 3, max: 5.5 },
        weeks: { min: 2, max: 6 },
        plannedWeeks: 4,
        pattern: block([2, 4], undefined, "16:00", [
          {
            sessionType: "group-therapy",
            durationMinutes: 90,
            topic: "relapse prevention",
            modality: "relapse-prevention",
          },
        ]),
        individualEveryWeeks: 2,
        individualMinutes: 50,
        oneToOne: [
          {
            sessionType: "family-therapy",
            everyWeeks: 1,
            durationMinutes: 50,
            appliesTo: "everyone",
          },
        ],
        drugTestsPerWeek: { min: 0, max: 1 },
        exitCriteria: exit(2, 0.75, 2),
      },
    ],
    lengthWeeks: { min: 8, max: 12 },
  });
}

/**
 * Eating-disorder IOP (unverified: no public IOP source for eating disorders was checked, and the
 * ASAM Criteria do not apply to them; the supported dinner is not group psychotherapy): evening meal
 * support group with a supported dinner, process group and nutrition education three evenings a
 * week, then two evenings; medication management for people on medication; family therapy every
 * two weeks when family is involved.
 *
 * | phase | weeks (planned) | rhythm | hours band | level |
 * | --- | --- | --- | --- | --- |
 * | Core | 4–8 (6) | Mon, Wed, Thu 17:30: 60 min meal support + 90 min group + 45 min nutrition education | 9.75–13 h | IOP |
 * | Step-down | 2–6 (4) | Mon, Thu: same evening | 6.5–8.5 h | outpatient |
 */
export function eatingDisorder(input: TemplateOptions): Program {
  const options = checkOptions("eatingDisorder", input, false);
  const evening = [
    {
      sessionType: "meal-support",
      durationMinutes: 60,
      topic: "supported dinner",
      modality: "meal-support",
    },
    {
      sessionType: "group-therapy",
      durationMinutes: 90,
      topic: "body image and emotion regulation",
      modality: "dbt",
    },
    {
      sessionType: "psychoeducation",
      durationMinutes: 45,
      topic: "nutrition education",
      modality: "nutrition-education",
    },
  ] as const;
  return finish({
    id: options.id ?? "eating-disorder",
    name: options.name ?? "Eating-Disorder IOP",
    description:
      "Evening IOP for eating disorders with meal support groups and nutrition education.",
    levelOfCare: "intensive-outpatient",
    population: "adult",
    conditionsServed: ["eating-disorder", "depression", "anxiety"],
    timeZone: options.timeZone,
    operatingHours: weekdays(MON_FRI, "16:00", "21:30"),
    closures: [...(options.closures ?? [])],
    groupCapacity: options.groupCapacity ?? 8,
    ...(options.groupMinimum === undefined ? {} : { groupMinimum: options.groupMinimum }),
    phases: [
      {
        id: "core",
        name: "Core",
        hoursPerWeek: { min: 9.75, max: 13 },
        weeks: { min: 4, max: 8 },
        plannedWeeks: 6,
        pattern: block([1, 3, 4], undefined, "17:30", evening),
        individualEveryWeeks: 1,
        oneToOne: [
          {
            sessionType: "medication-management",
            everyWeeks: 2,
            durationMinutes: 30,
            appliesTo: "on-medication",
          },
          {
            sessionType: "family-therapy",
            everyWeeks: 2,
            durationMinutes: 60,
            appliesTo: "family-involved",
          },
        ],
        drugTestsPerWeek: { min: 0, max: 0 },
        exitCriteria: exit(4, 0.8, 0),
      },
      {
        id: "step-down",
        name: "Step-down",
        levelOfCare: "outpatient",
        hoursPerWeek: { min: 6.5, max: 8.5 },
        weeks: { min: 2, max: 6 },
        plannedWeeks: 4,
        pattern: block([1, 4], undefined, "17:30", evening),
        individualEveryWeeks: 2,
        individualMinutes: 50,
        oneToOne: [
          {
            sessionType: "medication-management",
            everyWeeks: 4,
            durationMinutes: 30,
            appliesTo: "on-medication",
          },
        ],
        drugTestsPerWeek: { min: 0, max: 0 },
        exitCriteria: exit(2, 0.75, 0),
      },
    ],
    lengthWeeks: { min: 8, max: 12 },
  });
}

/** Every template, by name. Each returns a program valid by {@link defineProgram}. */
export const programTemplates = {
  /** {@inheritDoc substanceUseAdult} */
  substanceUseAdult,
  /** {@inheritDoc mentalHealthAdult} */
  mentalHealthAdult,
  /** {@inheritDoc adolescent} */
  adolescent,
  /** {@inheritDoc eatingDisorder} */
  eatingDisorder,
} as const;
