/** Arbitraries for staff, enrolments and whole planning inputs, and planned schedules. */
import fc from "fast-check";
import { addDays, type IsoDate } from "../core/index";
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
}

/** A staff team covering every role a program needs, available during its opening hours. */
export function staffTeam(p: Program, options: StaffTeamOptions = {}): fc.Arbitrary<Staff[]> {
  const per =
    typeof options.perRole === "number"
      ? { min: options.perRole, max: options.perRole }
      : (options.perRole ?? { min: 1, max: 3 });
  const roles = rolesFor(p);
  return fc
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

/** An enrolment in a program, sometimes on a named track or admitted into a later phase. */
export function enrollment(options: EnrollmentArbitraryOptions): fc.Arbitrary<Enrollment> {
  const spread = options.spreadDays ?? 21;
  const phaseIds = options.program.phases.map((ph) => ph.id);
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
    })
    .map(({ participant: p, offset, startPhase }) =>
      parseEnrollment({
        participant: p,
        start: addDays(options.around, offset),
        ...(startPhase === undefined || startPhase === phaseIds[0] ? {} : { startPhase }),
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
}

/**
 * A whole `planSchedule` input: a program in an interesting zone, enrolments starting around a DST
 * change, maybe a staff team, a window and a seed. Participant ids are unique.
 */
export function planningInput(
  options: PlanningInputOptions = {},
): fc.Arbitrary<PlanScheduleOptions> {
  return fc
    .record({
      program: program(options.program ?? {}),
      from: fc.constantFrom(...dstWindowStarts),
      weeks: fc.integer({ min: 1, max: options.maxWeeks ?? 8 }),
      seed: fc.integer(),
      withStaff:
        options.staff === "always"
          ? fc.constant(true)
          : options.staff === "never"
            ? fc.constant(false)
            : fc.boolean(),
    })
    .chain(({ program: prog, from, weeks, seed, withStaff }) =>
      fc
        .record({
          enrollments: fc.uniqueArray(
            enrollment({
              program: prog,
              around: from,
              ...(options.participant === undefined ? {} : { participant: options.participant }),
            }),
            {
              maxLength: options.maxParticipants ?? 12,
              selector: (e) => e.participant.id,
            },
          ),
          staff: withStaff
            ? staffTeam(prog).map((s) => s as Staff[] | undefined)
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
}

/** A planned schedule with the input it was planned from. */
export interface PlannedSchedule {
  readonly input: PlanScheduleOptions;
  readonly schedule: Schedule;
}

/** A schedule planned from a generated {@link planningInput}. */
export function schedule(options: PlanningInputOptions = {}): fc.Arbitrary<PlannedSchedule> {
  return planningInput(options).map((input) => ({ input, schedule: planSchedule(input) }));
}
