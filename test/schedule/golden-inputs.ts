/**
 * The fixed planning inputs of the golden test (golden.test.ts): every feature of `planSchedule`
 * in about 80 inputs, built deterministically from a seeded stream (never from fast-check, so a
 * change to the shipped arbitraries cannot move them). Changing an input here changes its hash:
 * add new cases rather than editing old ones.
 */
import {
  addDays,
  createRng,
  defineProgram,
  parseEnrollment,
  parseParticipant,
  parseStaff,
  planSchedule,
  plannedPath,
  programTemplates,
  type Enrollment,
  type EnrollmentInput,
  type ParticipantInput,
  type PatternEntry,
  type PhaseInput,
  type PlanScheduleOptions,
  type Program,
  type ProgramInput,
  type Staff,
  type StaffRole,
  type Weekday,
} from "iopkit";
import { person } from "../people";
import { withLimits, withTelehealth, withVenues } from "./venues";

/** One golden case: a name (the key of its hash) and its input. */
export interface GoldenCase {
  readonly name: string;
  readonly input: PlanScheduleOptions;
}

const WORKDAYS = [1, 2, 3, 4, 5] as const;
const hhmm = (m: number): string =>
  `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;

/** How a generated participant spends their week. */
type Life = "free" | "works-days" | "busy-evenings" | "never-free";

/** Options of {@link cohort}. */
interface CohortOptions {
  /** Id prefix. */
  readonly prefix?: string;
  /** Start offsets (days from `from`) are drawn from this range. */
  readonly starts?: readonly [number, number];
  /** Chance of each kind of life (the rest are free). */
  readonly worksDays?: number;
  readonly busyEvenings?: number;
  readonly neverFree?: number;
  /** Chance of family involvement and of medication. */
  readonly family?: number;
  readonly medication?: number;
  /** Chance of a discharge (`end`) 2–8 weeks after the start. */
  readonly discharged?: number;
  /** Chance of an admission straight into a later phase of `program`. */
  readonly laterPhase?: number;
  /** Extra enrolment fields for everyone. */
  readonly extra?: Partial<EnrollmentInput>;
}

function unavailableFor(life: Life): ParticipantInput["unavailable"] {
  const block = (from: string, to: string) =>
    WORKDAYS.map((weekday) => ({ weekday, from, to }) as const);
  switch (life) {
    case "free":
      return [];
    case "works-days":
      return block("08:00", "17:00");
    case "busy-evenings":
      return block("17:00", "22:00");
    case "never-free":
      return [...block("07:00", "17:00"), ...block("17:00", "23:00")];
  }
}

/** `n` enrolments in `program`, starting around `from`, drawn from `seed`. */
function cohort(
  program: Program,
  from: string,
  n: number,
  seed: number,
  options: CohortOptions = {},
): Enrollment[] {
  const rng = createRng(seed);
  const [lo, hi] = options.starts ?? [-21, 14];
  const out: Enrollment[] = [];
  for (let i = 0; i < n; i++) {
    const roll = rng.next();
    const neverFree = options.neverFree ?? 0;
    const works = options.worksDays ?? 0.3;
    const evenings = options.busyEvenings ?? 0.1;
    const life: Life =
      roll < neverFree
        ? "never-free"
        : roll < neverFree + works
          ? "works-days"
          : roll < neverFree + works + evenings
            ? "busy-evenings"
            : "free";
    const familyInvolved = rng.next() < (options.family ?? 0.4);
    const onMedication = rng.next() < (options.medication ?? 0.3);
    const start = addDays(from, rng.int(lo, hi));
    const ends = rng.next() < (options.discharged ?? 0);
    const end = addDays(start, rng.int(14, 56));
    const later =
      rng.next() < (options.laterPhase ?? 0) ? rng.pick(program.phases.slice(1)) : undefined;
    const participant = parseParticipant(
      person(`${options.prefix ?? "p"}-${i}`, {
        unavailable: unavailableFor(life),
        responsibilities: life === "works-days" ? ["work"] : [],
        familyInvolved,
        medications: onMedication ? [{ name: "buprenorphine", purpose: "addiction" }] : [],
      }),
    );
    out.push(
      parseEnrollment({
        participant,
        start,
        ...(ends ? { end } : {}),
        ...(later === undefined ? {} : { startPhase: later.id }),
        ...options.extra,
      }),
    );
  }
  return out;
}

/** A staff team: `counts[role]` people of each role, working the program's opening hours. */
function team(
  program: Program,
  counts: Partial<Record<StaffRole, number>>,
  options: {
    readonly partial?: boolean;
    readonly maxGroups?: number;
    readonly dual?: boolean;
  } = {},
): Staff[] {
  const out: Staff[] = [];
  for (const [role, count] of Object.entries(counts) as [StaffRole, number][])
    for (let i = 0; i < count; i++)
      out.push(
        parseStaff({
          id: `${role}-${i + 1}`,
          roles:
            options.dual === true && role === "collector" ? ["collector", "counsellor"] : [role],
          availability: program.operatingHours
            .filter((_, w) => !(options.partial === true && i % 2 === 1 && w % 2 === 1))
            .map((w) => ({ weekday: w.weekday, from: w.open, to: w.close })),
          ...(options.maxGroups === undefined
            ? {}
            : { maxGroupSessionsPerWeek: options.maxGroups }),
        }),
      );
  return out;
}

/** A team sized for `n` participants (as a clinic runs one). */
function teamFor(program: Program, n: number): Staff[] {
  return team(program, {
    therapist: Math.ceil(n / 12),
    counsellor: Math.ceil(n / 30),
    prescriber: Math.ceil(n / 100),
    collector: Math.ceil(n / 40),
    "case-manager": Math.ceil(n / 60),
    "peer-specialist": 1,
  });
}

const ZONES = [
  "America/New_York",
  "Europe/London",
  "Europe/Berlin",
  "Australia/Sydney",
  "Australia/Lord_Howe",
  "America/Santiago",
  "Pacific/Chatham",
  "Asia/Kolkata",
  "UTC",
  "America/Havana",
  "Europe/Dublin",
  "America/Los_Angeles",
  "Pacific/Auckland",
  "Asia/Beirut",
  "America/Chicago",
  "America/Asuncion",
] as const;

/** Planning-window starts in the weeks of the 2026 DST changes (US, Europe, Australia, Chile, Chatham). */
const DST_WEEKS = [
  "2026-03-02",
  "2026-03-23",
  "2026-03-30",
  "2026-08-31",
  "2026-09-21",
  "2026-09-28",
  "2026-10-19",
  "2026-10-26",
] as const;

/**
 * A program drawn from `seed` the way `iopkit/testing`'s `program()` builds one (phases that step
 * down, patterns inside their bands, one or two tracks), or undefined when the draw lands outside
 * IOP and OP bands.
 */
function generatedProgram(seed: number, timeZone: string, from: string): Program | undefined {
  const rng = createRng(seed);
  const population = rng.next() < 0.3 ? "adolescent" : "adult";
  const tracks = rng.int(1, 2);
  const phaseCount = rng.int(1, 3);
  let days = 5;
  let minutesPerDay = 210;
  const plans = Array.from({ length: phaseCount }, () => {
    days = Math.min(days, rng.int(1, 5));
    minutesPerDay = Math.min(minutesPerDay, rng.int(4, 14) * 15);
    return {
      days,
      minutesPerDay,
      split: rng.next() < 0.5,
      planned: rng.int(1, 6),
      slackBefore: rng.int(0, 2),
      slackAfter: rng.int(0, 3),
      tests: rng.int(0, 2),
    };
  });
  const individualMinutes = rng.pick([30, 45, 50, 60]) ?? 60;
  const individualEveryWeeks = rng.int(1, 3);
  const family = rng.next() < 0.5 ? { everyWeeks: rng.int(1, 4), durationMinutes: 60 } : undefined;
  const medication =
    rng.next() < 0.5
      ? { everyWeeks: rng.int(1, 4), durationMinutes: rng.pick([15, 30]) ?? 30 }
      : undefined;
  const caseManagement = rng.next() < 0.25 ? { everyWeeks: 2, durationMinutes: 30 } : undefined;
  const firstWeekday = rng.int(1, 2);
  const morning = rng.int(32, 40) * 15;
  const evening = rng.int(68, 72) * 15;
  const starts = tracks === 1 ? [morning] : [morning, evening];
  const names = tracks === 1 ? [undefined] : ["morning", "evening"];
  const oneToOneHours =
    (individualMinutes + (family?.durationMinutes ?? 0) + (medication?.durationMinutes ?? 0)) / 60;
  const phases: PhaseInput[] = plans.map((p, i) => {
    const hours = (p.days * p.minutesPerDay) / 60;
    const weekdays = Array.from(
      { length: p.days },
      (_, d) => ((firstWeekday - 1 + d) % 6) + 1,
    ) as Weekday[];
    const first = p.split ? Math.max(30, Math.floor(p.minutesPerDay / 30) * 15) : p.minutesPerDay;
    return {
      id: `phase-${i + 1}`,
      name: `Phase ${i + 1}`,
      levelOfCare:
        hours >= (population === "adult" ? 9 : 6) ? "intensive-outpatient" : "outpatient",
      hoursPerWeek: {
        min: hours,
        max: hours + oneToOneHours + (caseManagement === undefined ? 0 : 0.5),
      },
      weeks: { min: Math.max(1, p.planned - p.slackBefore), max: p.planned + p.slackAfter },
      plannedWeeks: p.planned,
      pattern: names.flatMap((track, t) =>
        weekdays.flatMap((weekday) => {
          const start = starts[t] ?? 540;
          const onTrack = track === undefined ? {} : { track };
          const entries: PatternEntry[] = [
            {
              sessionType: "group-therapy",
              weekday,
              start: hhmm(start),
              durationMinutes: first,
              ...onTrack,
            },
          ];
          if (p.split && p.minutesPerDay - first >= 15)
            entries.push({
              sessionType: "psychoeducation",
              weekday,
              start: hhmm(start + first + 15),
              durationMinutes: p.minutesPerDay - first,
              ...onTrack,
            });
          return entries;
        }),
      ),
      individualEveryWeeks,
      individualMinutes,
      oneToOne: [
        ...(family === undefined
          ? []
          : [
              {
                sessionType: "family-therapy" as const,
                ...family,
                appliesTo: "family-involved" as const,
              },
            ]),
        ...(medication === undefined
          ? []
          : [
              {
                sessionType: "medication-management" as const,
                ...medication,
                appliesTo: "on-medication" as const,
              },
            ]),
        ...(caseManagement === undefined
          ? []
          : [
              {
                sessionType: "case-management" as const,
                ...caseManagement,
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
  const input: ProgramInput = {
    id: `generated-${seed}`,
    name: "Generated program",
    levelOfCare: phases[0]?.levelOfCare ?? "intensive-outpatient",
    population,
    conditionsServed: ["substance-use", "depression", "anxiety", "ptsd"],
    timeZone,
    operatingHours: ([1, 2, 3, 4, 5, 6] as const).map((weekday) => ({
      weekday,
      open: hhmm(Math.min(...starts) - 30),
      close: hhmm(Math.min(latestEnd + 15, 1439)),
    })),
    closures: Array.from({ length: rng.int(0, 3) }, () => addDays(from, rng.int(0, 60))),
    groupCapacity: rng.int(3, 12),
    groupMinimum: rng.int(1, 4),
    phases,
    lengthWeeks: { min: Math.max(1, planned - 2), max: planned + 2 },
  };
  try {
    return defineProgram(input);
  } catch {
    return undefined;
  }
}

/** A one-phase program meeting `days` at `start` for `minutes`, in `timeZone`, for DST edge cases. */
function dayProgram(
  timeZone: string,
  days: readonly Weekday[],
  start: string,
  minutes: number,
  extra: Partial<ProgramInput> = {},
): Program {
  const hours = (days.length * minutes) / 60;
  return defineProgram({
    id: "day-program",
    name: "Day program",
    levelOfCare: "outpatient",
    population: "adult",
    conditionsServed: ["substance-use"],
    timeZone,
    operatingHours: ([1, 2, 3, 4, 5, 6, 7] as const).map((weekday) => ({
      weekday,
      open: "00:00",
      close: "23:59",
    })),
    phases: [
      {
        id: "only",
        name: "Only",
        hoursPerWeek: { min: hours, max: hours + 1 },
        weeks: { min: 4, max: 4 },
        pattern: days.map((weekday) => ({
          sessionType: "group-therapy" as const,
          weekday,
          start,
          durationMinutes: minutes,
        })),
        individualEveryWeeks: 1,
        drugTestsPerWeek: { min: 0, max: Math.min(1, days.length) },
        exitCriteria: {
          minWeeks: 4,
          minAttendanceRate: 0.8,
          negativeTestsInARow: 0,
          requiresClinicianSignOff: false,
        },
      },
    ],
    lengthWeeks: { min: 4, max: 4 },
    ...extra,
  });
}

function templateCases(): GoldenCase[] {
  const from = "2026-10-19";
  const sua = programTemplates.substanceUseAdult({
    timeZone: "America/New_York",
    closures: ["2026-11-26"],
  });
  const suaMorning = programTemplates.substanceUseAdult({
    timeZone: "America/Chicago",
    tracks: ["morning"],
  });
  const mha = programTemplates.mentalHealthAdult({
    timeZone: "America/Chicago",
    closures: ["2026-12-25"],
  });
  const teen = programTemplates.adolescent({ timeZone: "America/Los_Angeles" });
  const ed = programTemplates.eatingDisorder({ timeZone: "Europe/London" });
  const edSydney = programTemplates.eatingDisorder({ timeZone: "Australia/Sydney" });
  const base = { from, weeks: 12, seed: 7 };
  const suaPeople = cohort(sua, from, 40, 1);
  const mhaPeople = cohort(mha, from, 30, 2, { worksDays: 0.4 });
  const teenPeople = cohort(teen, from, 25, 3, { worksDays: 0, busyEvenings: 0 });
  const edPeople = cohort(ed, from, 20, 4, { family: 0.8 });
  return [
    {
      name: "template substance-use adult, 40 people, staff",
      input: { ...base, program: sua, enrollments: suaPeople, staff: teamFor(sua, 40) },
    },
    {
      name: "template substance-use adult, 40 people, no staff",
      input: { ...base, program: sua, enrollments: suaPeople },
    },
    {
      name: "template substance-use adult, morning track only, Chicago",
      input: {
        ...base,
        program: suaMorning,
        enrollments: cohort(suaMorning, from, 20, 5, { worksDays: 0 }),
        staff: teamFor(suaMorning, 20),
      },
    },
    {
      name: "template mental-health adult, 30 people, staff",
      input: { ...base, program: mha, enrollments: mhaPeople, staff: teamFor(mha, 30) },
    },
    {
      name: "template mental-health adult, no staff",
      input: { ...base, program: mha, enrollments: mhaPeople },
    },
    {
      name: "template adolescent, 25 people, staff",
      input: { ...base, program: teen, enrollments: teenPeople, staff: teamFor(teen, 25) },
    },
    {
      name: "template adolescent, no staff, 6 weeks",
      input: { ...base, weeks: 6, program: teen, enrollments: teenPeople },
    },
    {
      name: "template eating disorder, London, staff",
      input: { ...base, program: ed, enrollments: edPeople, staff: teamFor(ed, 20) },
    },
    {
      name: "template eating disorder, Sydney across its October change",
      input: {
        from: "2026-09-28",
        weeks: 8,
        seed: 3,
        program: edSydney,
        enrollments: cohort(edSydney, "2026-09-28", 15, 6),
        staff: teamFor(edSydney, 15),
      },
    },
  ];
}

function generatedCases(): GoldenCase[] {
  const out: GoldenCase[] = [];
  let seed = 100;
  for (let i = 0; out.length < 16; i++) {
    const zone = ZONES[i % ZONES.length] ?? "UTC";
    const from = DST_WEEKS[i % DST_WEEKS.length] ?? "2026-03-02";
    let program = generatedProgram(seed++, zone, from);
    while (program === undefined) program = generatedProgram(seed++, zone, from);
    const n = 8 + ((i * 7) % 25);
    const enrollments = cohort(program, from, n, 1000 + i, { laterPhase: 0.15, discharged: 0.15 });
    const withStaff = i % 3 !== 2;
    out.push({
      name: `generated program ${i + 1} (${zone}, from ${from}, ${n} people${withStaff ? ", staff" : ""})`,
      input: {
        program,
        from,
        weeks: 4 + (i % 9),
        seed: i * 31 + 5,
        enrollments,
        ...(withStaff
          ? {
              staff:
                i % 4 === 1
                  ? team(
                      program,
                      {
                        therapist: 1,
                        counsellor: 1,
                        prescriber: 1,
                        collector: 1,
                        "case-manager": 1,
                      },
                      { partial: true },
                    )
                  : teamFor(program, n),
            }
          : {}),
      },
    });
  }
  return out;
}

function trackCases(): GoldenCase[] {
  const from = "2026-03-02";
  const program = programTemplates.substanceUseAdult({ timeZone: "Europe/Berlin" });
  const base = { program, from, weeks: 8, seed: 11, staff: teamFor(program, 20) };
  const mk = (id: string, extra: Partial<EnrollmentInput>, p: Partial<ParticipantInput> = {}) =>
    parseEnrollment({ participant: parseParticipant(person(id, p)), start: from, ...extra });
  const evening = WORKDAYS.map((weekday) => ({ weekday, from: "17:00", to: "22:00" }) as const);
  const days = WORKDAYS.map((weekday) => ({ weekday, from: "08:00", to: "17:00" }) as const);
  return [
    {
      name: "tracks: named evening track, and people who work days",
      input: {
        ...base,
        enrollments: [
          ...cohort(program, from, 12, 21, { worksDays: 0.6 }),
          mk("named", { track: "evening" }),
        ],
      },
    },
    {
      name: "tracks: unknown track is unschedulable",
      input: { ...base, enrollments: [mk("ok", {}), mk("unknown", { track: "weekend" })] },
    },
    {
      name: "tracks: named track conflicts with availability",
      input: {
        ...base,
        enrollments: [mk("ok", {}), mk("conflict", { track: "evening" }, { unavailable: evening })],
      },
    },
    {
      name: "tracks: no track fits",
      input: {
        ...base,
        enrollments: [mk("ok", {}), mk("never", {}, { unavailable: [...days, ...evening] })],
      },
    },
  ];
}

function staffCases(): GoldenCase[] {
  const from = "2026-10-26";
  const program = programTemplates.substanceUseAdult({ timeZone: "America/New_York" });
  const people = cohort(program, from, 30, 31);
  const base = { program, from, weeks: 8, seed: 5, enrollments: people };
  return [
    {
      name: "staff: one therapist for thirty people",
      input: {
        ...base,
        staff: team(program, { therapist: 1, counsellor: 1, prescriber: 1, collector: 1 }),
      },
    },
    {
      name: "staff: no prescriber (a needed role missing)",
      input: { ...base, staff: team(program, { therapist: 3, counsellor: 2, collector: 1 }) },
    },
    {
      name: "staff: part-time team",
      input: {
        ...base,
        staff: team(
          program,
          { therapist: 3, counsellor: 2, prescriber: 2, collector: 2 },
          { partial: true },
        ),
      },
    },
    {
      name: "staff: at most two groups a week each",
      input: {
        ...base,
        staff: team(
          program,
          { therapist: 4, counsellor: 2, prescriber: 1, collector: 1 },
          { maxGroups: 2 },
        ),
      },
    },
    {
      name: "staff: collectors who also counsel",
      input: {
        ...base,
        staff: team(program, { therapist: 2, prescriber: 1, collector: 2 }, { dual: true }),
      },
    },
    { name: "staff: an empty list", input: { ...base, staff: [] } },
  ];
}

function closureCases(): GoldenCase[] {
  const from = "2026-11-16";
  const sua = (closures: string[]) =>
    programTemplates.substanceUseAdult({ timeZone: "America/New_York", closures });
  const christmas = sua([
    "2026-12-24",
    "2026-12-25",
    "2026-12-28",
    "2026-12-29",
    "2026-12-30",
    "2026-12-31",
    "2027-01-01",
  ]);
  const mondays = sua(["2026-11-16", "2026-11-23", "2026-11-30", "2026-12-07"]);
  const thanksgiving = sua(["2026-11-26", "2026-11-27"]);
  const people = (p: Program, seed: number) => cohort(p, from, 24, seed, { worksDays: 0.5 });
  const tinyWeek = dayProgram("America/New_York", [1, 3], "10:00", 180, {
    closures: ["2026-11-18", "2026-11-25"],
  });
  return [
    {
      name: "closures: Thanksgiving, with make-ups",
      input: {
        program: thanksgiving,
        from,
        weeks: 8,
        seed: 2,
        enrollments: people(thanksgiving, 41),
        staff: teamFor(thanksgiving, 24),
      },
    },
    {
      name: "closures: the Christmas week",
      input: {
        program: christmas,
        from,
        weeks: 10,
        seed: 2,
        enrollments: people(christmas, 42),
        staff: teamFor(christmas, 24),
      },
    },
    {
      name: "closures: four Mondays, no staff",
      input: { program: mondays, from, weeks: 6, seed: 2, enrollments: people(mondays, 43) },
    },
    {
      name: "closures: a two-day week loses a day, make-ups for those who can come",
      input: {
        program: tinyWeek,
        from,
        weeks: 4,
        seed: 9,
        enrollments: [
          ...cohort(tinyWeek, from, 6, 44, { starts: [0, 0], worksDays: 0 }),
          parseEnrollment({
            participant: parseParticipant(
              person("busy-otherwise", {
                unavailable: [2, 4, 5].map((weekday) => ({
                  weekday: weekday as Weekday,
                  from: "00:00",
                  to: "23:59",
                })),
              }),
            ),
            start: from,
          }),
        ],
      },
    },
  ];
}

function oneToOneCases(): GoldenCase[] {
  const from = "2026-03-02";
  const mh = programTemplates.mentalHealthAdult({ timeZone: "America/Denver" });
  const base = { from, weeks: 8, seed: 13 };
  const everyone = cohort(mh, from, 20, 51, { family: 1, medication: 1 });
  const cm = defineProgram({
    ...mh,
    id: "with-case-management",
    phases: mh.phases.map((ph, i) => ({
      ...ph,
      individualEveryWeeks: i + 1,
      oneToOne: [
        ...ph.oneToOne,
        {
          sessionType: "case-management" as const,
          everyWeeks: 2,
          durationMinutes: 30,
          appliesTo: "everyone" as const,
        },
      ],
    })),
  });
  const narrow = dayProgram("America/Denver", [1, 2, 3], "09:00", 120, {
    operatingHours: ([1, 2, 3] as const).map((weekday) => ({
      weekday,
      open: "09:00",
      close: "11:30",
    })),
  });
  return [
    {
      name: "one-to-ones: family and medication for everyone",
      input: { ...base, program: mh, enrollments: everyone, staff: teamFor(mh, 20) },
    },
    {
      name: "one-to-ones: case management, individual sessions every 1–3 weeks",
      input: {
        ...base,
        program: cm,
        enrollments: cohort(cm, from, 16, 52),
        staff: teamFor(cm, 16),
      },
    },
    {
      name: "one-to-ones: no room in the day (no-participant-slot)",
      input: {
        ...base,
        weeks: 4,
        program: narrow,
        enrollments: cohort(narrow, from, 5, 53, { worksDays: 0, busyEvenings: 0 }),
        staff: teamFor(narrow, 5),
      },
    },
    { name: "one-to-ones: without staff", input: { ...base, program: mh, enrollments: everyone } },
  ];
}

function drugTestCases(): GoldenCase[] {
  const from = "2026-09-21";
  const make = (policy: ProgramInput["drugTestPolicy"], tests: { min: number; max: number }) => {
    const t = programTemplates.substanceUseAdult({
      timeZone: "Europe/London",
      closures: ["2026-10-12"],
    });
    return defineProgram({
      ...t,
      id: "tests",
      drugTestPolicy: policy,
      phases: t.phases.map((ph) => {
        const onSite = new Set(
          ph.pattern.filter((e) => e.track !== "evening").map((e) => e.weekday),
        ).size;
        return {
          ...ph,
          drugTestsPerWeek: { min: Math.min(tests.min, onSite), max: Math.min(tests.max, onSite) },
        };
      }),
    });
  };
  const programs = [
    ["three a week, any spacing", make({ minDaysApart: 0 }, { min: 3, max: 3 })],
    ["a week apart", make({ minDaysApart: 7 }, { min: 1, max: 2 })],
    [
      "no favouring the day after a break",
      make({ favourDayAfterBreak: false }, { min: 1, max: 2 }),
    ],
    ["45-minute collections", make({ collectionMinutes: 45 }, { min: 2, max: 3 })],
  ] as const;
  const out: GoldenCase[] = [];
  programs.forEach(([label, program], i) => {
    const enrollments = cohort(program, from, 15, 61 + i);
    out.push({
      name: `drug tests: ${label}`,
      input: { program, from, weeks: 6, seed: 17, enrollments, staff: teamFor(program, 15) },
    });
  });
  const sua = programTemplates.substanceUseAdult({ timeZone: "Europe/London" });
  const people = cohort(sua, from, 15, 65);
  for (const seed of [1, 2])
    out.push({
      name: `drug tests: seed ${seed}`,
      input: { program: sua, from, weeks: 6, seed, enrollments: people, staff: teamFor(sua, 15) },
    });
  out.push({
    name: "drug tests: no collectors",
    input: {
      program: sua,
      from,
      weeks: 6,
      seed: 1,
      enrollments: people,
      staff: team(sua, { therapist: 3, counsellor: 1, prescriber: 1 }),
    },
  });
  return out;
}

function rollingCases(): GoldenCase[] {
  const from = "2026-01-05";
  const sua = (groupCapacity: number, groupMinimum: number) =>
    programTemplates.substanceUseAdult({
      timeZone: "America/New_York",
      tracks: ["morning"],
      groupCapacity,
      groupMinimum,
    });
  const spread = (p: Program, n: number, seed: number, discharged = 0.3) =>
    cohort(p, from, n, seed, { starts: [-28, 56], worksDays: 0, busyEvenings: 0, discharged });
  const cases: [string, Program, number, number][] = [
    ["capacity 6, minimum 3", sua(6, 3), 60, 71],
    ["capacity 6, no merging", sua(6, 1), 60, 71],
    ["capacity 8, minimum 5", sua(8, 5), 50, 72],
    ["capacity 4, minimum 4", sua(4, 4), 30, 73],
    ["capacity 12, minimum 3, many discharges", sua(12, 3), 80, 74],
  ];
  return cases.map(([label, program, n, seed]) => ({
    name: `rolling admissions: ${label}`,
    input: {
      program,
      from,
      weeks: 12,
      seed: 19,
      enrollments: spread(program, n, seed, label.includes("discharges") ? 0.6 : 0.3),
      staff: teamFor(program, n),
    },
  }));
}

/** The enrolment re-planned from `day`: `change` applied from that day on. */
function changedFrom(
  program: Program,
  e: Enrollment,
  change: "end" | "extend" | "step-down",
  day: string,
): Enrollment {
  if (change === "end") return e.start >= day ? e : { ...e, end: addDays(day, -1) };
  const path = plannedPath(program, e);
  const now = path.findIndex((p) => p.from < day && day <= p.to);
  const current = path[now];
  if (current === undefined) return e;
  const index = program.phases.findIndex((p) => p.id === current.phaseId);
  const next = change === "extend" ? current.phaseId : program.phases[index + 1]?.id;
  if (next === undefined) return e;
  return parseEnrollment({
    ...e,
    path: [
      ...path
        .slice(0, now + 1)
        .map((p) => ({ phaseId: p.phaseId, from: p.from, reason: p.reason })),
      { phaseId: next, from: day, reason: change === "extend" ? "extension" : "step-down" },
    ],
  });
}

function replanCases(): GoldenCase[] {
  const from = "2026-10-19";
  const sua = programTemplates.substanceUseAdult({
    timeZone: "America/New_York",
    closures: ["2026-11-26"],
    groupCapacity: 6,
  });
  const people = cohort(sua, from, 30, 81, { starts: [-21, 21] });
  const staff = teamFor(sua, 30);
  const first = planSchedule({
    program: sua,
    from,
    weeks: 10,
    seed: 23,
    enrollments: people,
    staff,
  });
  const cases: [string, string, (e: Enrollment, i: number) => Enrollment, Enrollment[]][] = [
    [
      "half discharged",
      "2026-11-09",
      (e, i) => (i % 2 === 0 ? changedFrom(sua, e, "end", "2026-11-09") : e),
      [],
    ],
    [
      "extensions",
      "2026-11-12",
      (e, i) => (i % 3 === 0 ? changedFrom(sua, e, "extend", "2026-11-12") : e),
      [],
    ],
    [
      "early step-downs",
      "2026-11-04",
      (e, i) => (i % 4 === 1 ? changedFrom(sua, e, "step-down", "2026-11-04") : e),
      [],
    ],
    [
      "new admissions",
      "2026-11-16",
      (e) => e,
      cohort(sua, "2026-11-16", 8, 82, { prefix: "new", starts: [0, 10] }),
    ],
    ["nothing kept (before the window)", "2026-10-01", (e) => e, []],
    ["everything kept (after the window)", "2027-03-01", (e) => e, []],
    [
      "most discharged (groups merge)",
      "2026-11-02",
      (e, i) => (i % 5 !== 0 ? changedFrom(sua, e, "end", "2026-11-02") : e),
      [],
    ],
  ];
  const out: GoldenCase[] = [
    {
      name: "re-plan base: the first plan",
      input: { program: sua, from, weeks: 10, seed: 23, enrollments: people, staff },
    },
  ];
  for (const [label, day, change, added] of cases)
    out.push({
      name: `re-plan with keep: ${label}`,
      input: {
        program: sua,
        from,
        weeks: 10,
        seed: 23,
        enrollments: [...people.map(change), ...added],
        staff,
        keep: { before: day, sessions: first.sessions },
      },
    });
  const noStaff = planSchedule({ program: sua, from, weeks: 10, seed: 23, enrollments: people });
  out.push({
    name: "re-plan with keep: discharges, no staff",
    input: {
      program: sua,
      from,
      weeks: 10,
      seed: 23,
      enrollments: people.map((e, i) =>
        i % 2 === 1 ? changedFrom(sua, e, "end", "2026-11-09") : e,
      ),
      keep: { before: "2026-11-09", sessions: noStaff.sessions },
    },
  });
  return out;
}

function dstCases(): GoldenCase[] {
  const out: GoldenCase[] = [];
  // Sessions at times a DST change skips or repeats, on the day of the change.
  const edge: [string, string, readonly Weekday[], string, string][] = [
    ["Berlin spring gap, Sunday 02:30", "Europe/Berlin", [7, 3], "02:30", "2026-03-23"],
    ["Berlin autumn overlap, Sunday 02:30", "Europe/Berlin", [7, 3], "02:30", "2026-10-19"],
    ["New York spring gap, Sunday 02:15", "America/New_York", [7, 2], "02:15", "2026-03-02"],
    ["New York autumn overlap, Sunday 01:30", "America/New_York", [7, 2], "01:30", "2026-10-26"],
    [
      "Lord Howe half-hour change, Sunday 01:45",
      "Australia/Lord_Howe",
      [7, 4],
      "01:45",
      "2026-09-28",
    ],
    [
      "Santiago midnight change, Sunday 00:00",
      "America/Santiago",
      [7, 1, 6],
      "00:00",
      "2026-08-31",
    ],
    ["Havana midnight change, Sunday 00:30", "America/Havana", [7, 1], "00:30", "2026-03-02"],
    ["Chatham spring, Sunday 02:45", "Pacific/Chatham", [7, 5], "02:45", "2026-09-21"],
  ];
  edge.forEach(([label, zone, days, start, from], i) => {
    const program = dayProgram(zone, days, start, 90);
    out.push({
      name: `DST: ${label}`,
      input: {
        program,
        from,
        weeks: 3,
        seed: 29 + i,
        enrollments: cohort(program, from, 6, 90 + i, {
          starts: [-3, 3],
          worksDays: 0,
          busyEvenings: 0,
        }),
        staff: teamFor(program, 6),
      },
    });
  });
  // The templates in several zones across their change weeks.
  const zones: [string, string][] = [
    ["Europe/London", "2026-03-23"],
    ["Australia/Sydney", "2026-03-30"],
    ["America/Los_Angeles", "2026-10-26"],
    ["Pacific/Auckland", "2026-09-21"],
  ];
  zones.forEach(([zone, from], i) => {
    const program = programTemplates.mentalHealthAdult({ timeZone: zone });
    out.push({
      name: `DST: mental-health template in ${zone} from ${from}`,
      input: {
        program,
        from,
        weeks: 3,
        seed: 37,
        enrollments: cohort(program, from, 12, 100 + i),
        staff: teamFor(program, 12),
      },
    });
  });
  return out;
}

function edgeCases(): GoldenCase[] {
  const from = "2026-03-02";
  const program = programTemplates.substanceUseAdult({
    timeZone: "America/New_York",
    closures: ["2026-03-07"],
  });
  const staff = teamFor(program, 10);
  const base = { program, from, weeks: 6, seed: 43, staff };
  const mk = (id: string, extra: Partial<EnrollmentInput>) =>
    parseEnrollment({ participant: parseParticipant(person(id)), start: from, ...extra });
  const ok = cohort(program, from, 5, 111);
  return [
    {
      name: "unschedulable: duplicate, unknown phase, outside the window, only a weekend",
      input: {
        ...base,
        enrollments: [
          ...ok,
          mk("p-0", {}),
          mk("unknown-phase", { startPhase: "nope" }),
          mk("late", { start: "2026-06-01" }),
          mk("gone", { start: "2025-06-01", end: "2025-09-01" }),
          mk("weekend", { start: "2026-03-07", end: "2026-03-08" }),
        ],
      },
    },
    {
      name: "paths: step-up, extension, phase changes mid-week, discharges",
      input: {
        ...base,
        weeks: 12,
        enrollments: [
          ...ok,
          mk("step-up", {
            path: [
              { phaseId: "intensive", from, reason: "admission" },
              { phaseId: "step-down", from: "2026-03-25", reason: "step-down" },
              { phaseId: "intensive", from: "2026-04-08", reason: "step-up" },
            ],
          }),
          mk("extended", {
            path: [
              { phaseId: "intensive", from, reason: "admission" },
              { phaseId: "intensive", from: "2026-03-30", reason: "extension" },
            ],
          }),
          mk("midweek", {
            path: [
              { phaseId: "intensive", from, reason: "admission" },
              { phaseId: "transition", from: "2026-03-19", reason: "step-down" },
            ],
          }),
          mk("short", { end: "2026-03-20" }),
          mk("later", { startPhase: "step-down", start: "2026-03-11" }),
        ],
      },
    },
    {
      name: "window: one week",
      input: { ...base, weeks: 1, enrollments: cohort(program, from, 12, 112) },
    },
    {
      name: "window: 26 weeks, 60 people",
      input: {
        ...base,
        weeks: 26,
        enrollments: cohort(program, from, 60, 113, { starts: [-21, 120], discharged: 0.2 }),
        staff: teamFor(program, 60),
      },
    },
    {
      name: "window: started long before the window",
      input: { ...base, enrollments: cohort(program, from, 10, 114, { starts: [-70, -40] }) },
    },
    { name: "empty: no enrolments", input: { ...base, enrollments: [] } },
    {
      name: "shortfalls: working people in a one-track program",
      input: {
        ...base,
        program: programTemplates.substanceUseAdult({
          timeZone: "America/New_York",
          tracks: ["evening"],
        }),
        enrollments: cohort(program, from, 20, 115, { worksDays: 0.5, busyEvenings: 0.3 }),
      },
    },
  ];
}

function clinicCase(): GoldenCase[] {
  const from = "2026-10-19";
  const program = programTemplates.substanceUseAdult({
    timeZone: "America/New_York",
    closures: ["2026-11-26"],
  });
  return [
    {
      name: "a 200-person clinic, 12 weeks",
      input: {
        program,
        from,
        weeks: 12,
        seed: 7,
        enrollments: cohort(program, from, 200, 121, {
          worksDays: 0.5,
          busyEvenings: 0,
          family: 0.4,
          medication: 0.3,
        }),
        staff: teamFor(program, 200),
      },
    },
  ];
}

function venueCases(): GoldenCase[] {
  const from = "2026-10-19";
  const sua = programTemplates.substanceUseAdult({
    timeZone: "America/New_York",
    closures: ["2026-11-26"],
  });
  const people = cohort(sua, from, 60, 131, { worksDays: 0.4, family: 0.4, medication: 0.3 });
  const staff = teamFor(sua, 60);
  const base = { from, weeks: 8, seed: 7 };
  const roomy = withVenues(sua, { groupRooms: 6, offices: 8, restrooms: 2 });
  const tight = withVenues(sua, { groupRooms: 1, offices: 2, restrooms: 1 });
  const twoSites = withVenues(sua, {
    groupRooms: 2,
    offices: 3,
    restrooms: 1,
    sites: ["Main St", "Elm St"],
    travel: 30,
  });
  const remote = withTelehealth(people, 0.3);
  return [
    {
      name: "venues: rooms enough, 30% telehealth, staff",
      input: { ...base, program: roomy, enrollments: remote, staff },
    },
    {
      name: "venues: rooms run out (one group room, two offices)",
      input: { ...base, program: tight, enrollments: remote, staff },
    },
    {
      name: "venues: two sites 30 minutes apart",
      input: { ...base, program: twoSites, enrollments: remote, staff },
    },
    {
      name: "venues: staff limits (6 h a day, 24 h a week, 15-minute breaks)",
      input: { ...base, program: roomy, enrollments: remote, staff: withLimits(staff, 6, 24, 15) },
    },
    {
      name: "venues: modes without telehealth details, no staff",
      input: { ...base, program: roomy, enrollments: people },
    },
  ];
}

/** Every golden case, in a fixed order. */
export function goldenCases(): GoldenCase[] {
  return [
    ...templateCases(),
    ...generatedCases(),
    ...trackCases(),
    ...staffCases(),
    ...closureCases(),
    ...oneToOneCases(),
    ...drugTestCases(),
    ...rollingCases(),
    ...replanCases(),
    ...dstCases(),
    ...edgeCases(),
    ...clinicCase(),
    ...venueCases(),
  ];
}
