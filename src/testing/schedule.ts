/** Arbitraries for staff, enrolments and whole planning inputs, and planned schedules. */
import { pure } from "../core/pure";
import fc from "fast-check";
import {
  addDays,
  createZoneClock,
  fromEpochDay,
  mondayOfEpochDay,
  toEpochDay,
  type IsoDate,
} from "../core/index";
import { sessionTypes, type Program, type StaffRole } from "../program/index";
import {
  parseEnrollment,
  parseStaff,
  planSchedule,
  type Enrollment,
  type PlanScheduleOptions,
  type Schedule,
  type Staff,
} from "../schedule/index";
import { participant, type ParticipantArbitraryOptions } from "./participant";
import { program, type ProgramArbitraryOptions } from "./program";
import { limits } from "../core/limits";
import { checkArbitraryOptions, nested, participantOptions, programOptions } from "./options";
import { withLimits } from "./venues";

/**
 * Planning-window starts around the 2026 DST changes: the US (8 Mar, 1 Nov), Europe (29 Mar,
 * 25 Oct), Lord Howe and Sydney (5 Apr, 4 Oct), Chile (5 Apr, 6 Sep), Chatham (5 Apr, 27 Sep).
 */
export const dstWindowStarts: readonly IsoDate[] = [
  "2026-03-02",
  "2026-03-23",
  "2026-03-30",
  "2026-08-31",
  "2026-09-21",
  "2026-09-28",
  "2026-10-19",
  "2026-10-26",
];

/**
 * The Mondays of the 2026 weeks in which `zone`'s UTC offset changes (its DST changes), in order;
 * empty for a zone without DST. A week holds a change when the offset at noon differs from one day
 * to the next within it.
 */
export function dstWeekStarts(zone: string): IsoDate[] {
  const known = dstWeeksByZone.get(zone);
  if (known !== undefined) return [...known];
  const clock = createZoneClock(zone);
  const first = toEpochDay("2026-01-01");
  const last = toEpochDay("2026-12-31");
  const noon = (day: number): number => clock.offsetAt(clock.localToEpochMs(day, 720));
  const mondays: IsoDate[] = [];
  for (let day = first; day < last; day++) {
    if (noon(day) === noon(day + 1)) continue;
    const monday = fromEpochDay(mondayOfEpochDay(day + 1));
    if (mondays[mondays.length - 1] !== monday) mondays.push(monday);
  }
  dstWeeksByZone.set(zone, mondays);
  return [...mondays];
}

/** {@link dstWeekStarts} by zone, computed once each. */
const dstWeeksByZone = /* @__PURE__ */ pure(() => new Map<string, readonly IsoDate[]>());

/** The staff roles a program's sessions can need: facilitators, therapists, prescribers, collectors. */
export function rolesFor(p: Program): StaffRole[] {
  const roles = new Set<StaffRole>(["therapist", "collector", "prescriber"]);
  for (const phase of p.phases) {
    for (const e of phase.pattern)
      for (const r of sessionTypes[e.sessionType].staffRoles.slice(0, 1)) roles.add(r);
    for (const o of phase.oneToOne)
      for (const r of sessionTypes[o.sessionType].staffRoles.slice(0, 1)) roles.add(r);
  }
  return [...roles].sort();
}

/** Options of {@link staffTeam}. */
export interface StaffTeamOptions {
  /** Staff members per role, or a range. @defaultValue 1–3 */
  readonly perRole?: number | { readonly min: number; readonly max: number };
  /** Whether everyone works all opening hours (`"full"`) or some work part of them (`"partial"`). @defaultValue "full" */
  readonly availability?: "full" | "partial";
  /** Give staff limits: hours a day and a week, a break (S15). @defaultValue false */
  readonly limits?: boolean;
}

/** A staff team covering every role a program needs, available during its opening hours. */
export function staffTeam(p: Program, options: StaffTeamOptions = {}): fc.Arbitrary<Staff[]> {
  checkArbitraryOptions("staffTeam", options, {
    perRole: { kind: "range", min: 0, max: 50, optional: true },
    availability: { kind: "enum", values: ["full", "partial"], optional: true },
    limits: { kind: "boolean", optional: true },
  });
  const per =
    typeof options.perRole === "number"
      ? { min: options.perRole, max: options.perRole }
      : (options.perRole ?? { min: 1, max: 3 });
  const roles = rolesFor(p);
  const team = fc
    .tuple(
      ...roles.map((role) =>
        fc
          .array(fc.boolean(), { minLength: per.min, maxLength: per.max })
          .map((part) => ({ role, part })),
      ),
    )
    .map((byRole) =>
      byRole.flatMap(({ role, part }) =>
        part.map((isPartial, i) =>
          parseStaff({
            id: `${role}-${i + 1}`,
            roles: [role],
            availability: p.operatingHours
              .filter((_, w) => !(options.availability === "partial" && isPartial && w % 2 === 1))
              .map((w) => ({ weekday: w.weekday, from: w.open, to: w.close })),
          }),
        ),
      ),
    );
  return options.limits === true ? team.chain((staff) => fc.tuple(...staff.map(withLimits))) : team;
}

/** Options of {@link enrollment}. */
export interface EnrollmentArbitraryOptions {
  /** The program enrolled in (for phases and tracks). */
  readonly program: Program;
  /** Start dates fall within ± these many days of this date. */
  readonly around: IsoDate;
  /** Days before and after `around` a start may fall. @defaultValue 21 */
  readonly spreadDays?: number;
  /** Participant options. */
  readonly participant?: ParticipantArbitraryOptions;
}

/**
 * An enrolment in a program, sometimes admitted into a later phase and, when the program has
 * tracks, on a named track about half the time (the other half leave the choice to the
 * planner). A named track may not suit the participant's availability: the planner then reports
 * them unschedulable (`track-conflicts-availability`), which is what a property test of track
 * logic needs to see.
 */
export function enrollment(options: EnrollmentArbitraryOptions): fc.Arbitrary<Enrollment> {
  checkArbitraryOptions(
    "enrollment",
    options,
    {
      program: { kind: "object" },
      around: { kind: "date" },
      spreadDays: { kind: "integer", min: 0, max: 3650, optional: true },
      ...nested("participant", participantOptions),
    },
    ["participant"],
  );
  const spread = options.spreadDays ?? 21;
  const phaseIds = options.program.phases.map((ph) => ph.id);
  const trackNames = [
    ...new Set(
      options.program.phases.flatMap((ph) =>
        ph.pattern.flatMap((entry) => (entry.track === undefined ? [] : [entry.track])),
      ),
    ),
  ].sort();
  const track: fc.Arbitrary<string | undefined> =
    trackNames.length === 0
      ? fc.constant(undefined)
      : fc.option(fc.constantFrom(...trackNames), { nil: undefined, freq: 2 });
  return fc
    .record({
      participant: fc
        .constantFrom<NonNullable<ParticipantArbitraryOptions["availability"]>>(
          "free",
          "free",
          "free",
          "works-days",
          "any",
        )
        .chain((availability) =>
          participant({
            ageGroup: options.program.population === "adolescent" ? "adolescent" : "adult",
            riskProfile: "iop-fit",
            availability,
            ...options.participant,
          }),
        ),
      offset: fc.integer({ min: -spread, max: spread }),
      startPhase: fc.option(fc.constantFrom(...phaseIds), { nil: undefined, freq: 6 }),
      track,
    })
    .map(({ participant: p, offset, startPhase, track: onTrack }) =>
      parseEnrollment({
        participant: p,
        start: addDays(options.around, offset),
        ...(startPhase === undefined || startPhase === phaseIds[0] ? {} : { startPhase }),
        ...(onTrack === undefined ? {} : { track: onTrack }),
      }),
    );
}

/** Options of {@link planningInput}. */
export interface PlanningInputOptions {
  /** Program options. */
  readonly program?: ProgramArbitraryOptions;
  /** Most participants. @defaultValue 12 */
  readonly maxParticipants?: number;
  /** Most weeks. @defaultValue 8 */
  readonly maxWeeks?: number;
  /** Include a staff list: always, never, or sometimes. @defaultValue "sometimes" */
  readonly staff?: "always" | "never" | "sometimes";
  /** Participant options. */
  readonly participant?: ParticipantArbitraryOptions;
  /**
   * Rooms, delivery modes and staff limits (S14–S16): the program's `venues`, participants'
   * `telehealth`, the staff's `limits`. @defaultValue false
   */
  readonly venues?: boolean;
}

/** The options of {@link planningInput} and {@link schedule}. */
const planningInputOptions = /* @__PURE__ */ pure(
  () =>
    ({
      ...nested("program", programOptions),
      maxParticipants: { kind: "integer", min: 0, max: 1000, optional: true },
      maxWeeks: { kind: "integer", min: 1, max: limits.maxWeeks, optional: true },
      staff: { kind: "enum", values: ["always", "never", "sometimes"], optional: true },
      ...nested("participant", participantOptions),
      venues: { kind: "boolean", optional: true },
    }) as const,
);

/**
 * A whole `planSchedule` input: a program in an interesting zone, a window that mostly starts in
 * the week of one of that zone's own DST changes (see {@link dstWeekStarts}), enrolments starting
 * around it, maybe a staff team, and a seed. Participant ids are unique.
 */
export function planningInput(
  options: PlanningInputOptions = {},
): fc.Arbitrary<PlanScheduleOptions> {
  checkArbitraryOptions("planningInput", options, planningInputOptions, ["program", "participant"]);
  return fc
    .record({
      program: program(
        options.venues === true ? { ...options.program, venues: true } : (options.program ?? {}),
      ),
      weeks: fc.integer({ min: 1, max: options.maxWeeks ?? 8 }),
      seed: fc.integer(),
      withStaff:
        options.staff === "always"
          ? fc.constant(true)
          : options.staff === "never"
            ? fc.constant(false)
            : fc.boolean(),
    })
    .chain(({ program: prog, weeks, seed, withStaff }) => {
      // Mostly a window that starts in the week of one of the program's own zone's DST changes;
      // otherwise (and always in a zone without DST) one around another region's change.
      const own = dstWeekStarts(prog.timeZone);
      const start =
        own.length === 0
          ? fc.constantFrom(...dstWindowStarts)
          : fc.oneof(
              { weight: 3, arbitrary: fc.constantFrom(...own) },
              { weight: 1, arbitrary: fc.constantFrom(...dstWindowStarts) },
            );
      return start.chain((from) =>
        fc
          .record({
            enrollments: fc.uniqueArray(
              enrollment({
                program: prog,
                around: from,
                ...(options.venues === true
                  ? { participant: { ...options.participant, telehealth: true } }
                  : options.participant === undefined
                    ? {}
                    : { participant: options.participant }),
              }),
              {
                maxLength: options.maxParticipants ?? 12,
                selector: (e) => e.participant.id,
              },
            ),
            staff: withStaff
              ? staffTeam(prog, options.venues === true ? { limits: true } : {}).map(
                  (s) => s as Staff[] | undefined,
                )
              : fc.constant(undefined),
          })
          .map(({ enrollments, staff }) => ({
            program: prog,
            from,
            weeks,
            seed,
            enrollments,
            ...(staff === undefined ? {} : { staff }),
          })),
      );
    });
}

/** A planned schedule with the input it was planned from. */
export interface PlannedSchedule {
  readonly input: PlanScheduleOptions;
  readonly schedule: Schedule;
}

/** A schedule planned from a generated {@link planningInput}. */
export function schedule(options: PlanningInputOptions = {}): fc.Arbitrary<PlannedSchedule> {
  checkArbitraryOptions("schedule", options, planningInputOptions, ["program", "participant"]);
  return planningInput(options).map((input) => ({ input, schedule: planSchedule(input) }));
}
