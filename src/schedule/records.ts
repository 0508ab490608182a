/**
 * The scheduling records: who is enrolled when, who works when, and the dated schedule the
 * planner produces (sessions, group rosters, what could not be placed, and where an invariant
 * could not be met).
 */
import { z } from "zod";
import { parserFor, type Result } from "../core/errors";
import {
  GroupId,
  InstantSchema,
  IsoDateSchema,
  LabelSchema,
  limits,
  ParticipantId,
  PhaseId,
  SessionId,
  StaffId,
  WallTimeSchema,
  WeekdaySchema,
} from "../core/index";
import { pure } from "../core/pure";
import { toMinutes } from "../core/wall-time";
import { Participant } from "../participant/index";
import { SessionTypeId, StaffRole } from "../program/index";

/** Why a participant's path enters a phase. `step-up` may raise intensity (S6); `extension` may lengthen the course (S7). */
export const PathReason = /* @__PURE__ */ pure(() =>
  z.enum(["admission", "step-down", "step-up", "extension"]),
);
/** Why a path step happens. */
export type PathReason = z.infer<typeof PathReason>;

/** One step of an explicit phase path: from this date, this phase. */
export const PathStep = /* @__PURE__ */ pure(() =>
  z.strictObject({
    phaseId: PhaseId,
    from: IsoDateSchema,
    reason: PathReason.default("step-down"),
  }),
);
/** A step of an explicit phase path. */
export type PathStep = z.infer<typeof PathStep>;

/**
 * A participant enrolled in the program from a date. By default they follow the program's phases
 * in order from the first (or from `startPhase`, e.g. admitted as a step-down straight into phase 2)
 * for each phase's planned weeks. An explicit `path` (from the episode's events) overrides that:
 * each step starts a phase on a date; after the last step the remaining phases follow as planned.
 */
export const Enrollment = /* @__PURE__ */ pure(() =>
  z
    .strictObject({
      participant: Participant,
      /** First day of the enrolment (admission). */
      start: IsoDateSchema,
      /** Track (e.g. `"evening"`); when absent the planner picks the first track that avoids the participant's unavailability. */
      track: LabelSchema.optional(),
      /** Phase to start in; defaults to the first. */
      startPhase: PhaseId.optional(),
      /** Explicit phase path; its first step must start on `start`. */
      path: z.array(PathStep).max(50).optional(),
      /** Last day of the enrolment (discharge), inclusive. */
      end: IsoDateSchema.optional(),
    })
    .superRefine((e, ctx) => {
      if (e.end !== undefined && e.end < e.start)
        ctx.addIssue({
          code: "custom",
          path: ["end"],
          message: `ends ${e.end}, before it starts ${e.start}`,
          params: { code: "enrollment-ends-before-start" },
        });
      if (e.path !== undefined && e.path.length > 0) {
        if (e.path[0]?.from !== e.start)
          ctx.addIssue({
            code: "custom",
            path: ["path", 0, "from"],
            message: "the first path step must start on the enrolment's start date",
            params: { code: "path-start-mismatch" },
          });
        for (let i = 1; i < e.path.length; i++) {
          const prev = e.path[i - 1];
          const cur = e.path[i];
          if (prev !== undefined && cur !== undefined && cur.from <= prev.from)
            ctx.addIssue({
              code: "custom",
              path: ["path", i, "from"],
              message: "path steps must be in strictly increasing date order",
              params: { code: "path-out-of-order" },
            });
        }
        if (e.startPhase !== undefined)
          ctx.addIssue({
            code: "custom",
            path: ["startPhase"],
            message: "give either startPhase or path, not both",
            params: { code: "start-phase-and-path" },
          });
      }
    }),
);
/** An enrolment, as validated. */
export type Enrollment = z.infer<typeof Enrollment>;
/** An enrolment as an app writes it. */
export type EnrollmentInput = z.input<typeof Enrollment>;

/** A weekly block of time a staff member works, in the program's zone. */
export const StaffAvailability = /* @__PURE__ */ pure(() =>
  z
    .strictObject({ weekday: WeekdaySchema, from: WallTimeSchema, to: WallTimeSchema })
    .refine((a) => toMinutes(a.to) > toMinutes(a.from), {
      message: "`to` must be after `from`",
      params: { code: "availability-ends-before-start" },
      // Compare only well-formed times: a malformed one already has its own issue.
      when: (payload) => payload.issues.length === 0,
    }),
);
/** A staff availability block. */
export type StaffAvailability = z.infer<typeof StaffAvailability>;

/** A staff member: roles, weekly availability and group load. */
export const Staff = /* @__PURE__ */ pure(() =>
  z.strictObject({
    id: StaffId,
    name: LabelSchema.optional(),
    roles: z.array(StaffRole).min(1).max(6),
    availability: z.array(StaffAvailability).max(70),
    /** Most group sessions a week they may facilitate. @defaultValue 20 */
    maxGroupSessionsPerWeek: z.number().int().min(0).max(100).default(20),
  }),
);
/** A staff member, as validated. */
export type Staff = z.infer<typeof Staff>;
/** A staff member as an app writes it. */
export type StaffInput = z.input<typeof Staff>;

/** A dated session. Instants carry the program zone's offset. */
export const ScheduledSession = /* @__PURE__ */ pure(() =>
  z.strictObject({
    id: SessionId,
    sessionType: SessionTypeId,
    start: InstantSchema,
    end: InstantSchema,
    participantIds: z.array(ParticipantId).max(200),
    staffIds: z.array(StaffId).max(20),
    groupId: GroupId.optional(),
    phaseId: PhaseId.optional(),
    track: LabelSchema.optional(),
    /** Index of the phase pattern entry this session comes from (group sessions). */
    patternEntry: z.number().int().min(0).max(limits.maxPatternEntries).optional(),
    /** A make-up for a session lost to a closure. */
    makeUp: z.boolean().optional(),
    topic: LabelSchema.optional(),
  }),
);
/** A dated session. */
export type ScheduledSession = z.infer<typeof ScheduledSession>;

/** A therapy group: the roster of a phase and track, and when each member belongs to it. */
export const Group = /* @__PURE__ */ pure(() =>
  z.strictObject({
    id: GroupId,
    phaseId: PhaseId,
    track: LabelSchema.optional(),
    /** The group's usual facilitator. */
    facilitatorId: StaffId.optional(),
    members: z.array(
      z.strictObject({ participantId: ParticipantId, from: IsoDateSchema, to: IsoDateSchema }),
    ),
  }),
);
/** A therapy group roster. */
export type Group = z.infer<typeof Group>;

/** A participant the planner could not place, with why. Nothing is dropped silently (S13). */
export const Unschedulable = /* @__PURE__ */ pure(() =>
  z.strictObject({ participantId: ParticipantId, code: z.string(), message: z.string() }),
);
/** An unschedulable participant. */
export type Unschedulable = z.infer<typeof Unschedulable>;

/** Where the planner could not meet an invariant, and why (a closure, no free staff, a phase change mid-week, …). */
export const Shortfall = /* @__PURE__ */ pure(() =>
  z.strictObject({
    /**
     * What was not met: `"S5"` (weekly hours), `"S8"` (one-to-one mix), `"S12"` (drug tests), or
     * `"staffing"` (a session planned without staff because no one of the right role was free).
     */
    invariant: z.enum(["S5", "S8", "S12", "staffing"]),
    /** The cause, e.g. `"closure"`, `"phase-change-week"`, `"no-staff-slot"`, `"no-participant-slot"`, `"too-few-site-days"`. */
    code: z.string(),
    participantId: ParticipantId,
    /** The ISO week (S5, S12) or the first ISO week of the block (S8). */
    isoWeek: z.string(),
    phaseId: PhaseId.optional(),
    message: z.string(),
  }),
);
/** A shortfall reported by the planner. */
export type Shortfall = z.infer<typeof Shortfall>;

/** The planning window: from a date, for a number of weeks. */
export const PlanningWindow = /* @__PURE__ */ pure(() =>
  z.strictObject({ from: IsoDateSchema, weeks: z.number().int().min(1).max(limits.maxWeeks) }),
);
/** A planning window. */
export type PlanningWindow = z.infer<typeof PlanningWindow>;

/** A schedule: the planner's output, or one a person edited (check it with `checkSchedule`). */
export const Schedule = /* @__PURE__ */ pure(() =>
  z.strictObject({
    window: PlanningWindow,
    sessions: z.array(ScheduledSession).max(limits.maxRecords),
    groups: z.array(Group).default([]),
    unschedulable: z.array(Unschedulable).default([]),
    shortfalls: z.array(Shortfall).default([]),
  }),
);
/** A schedule. */
export type Schedule = z.infer<typeof Schedule>;

/** The invariants `checkSchedule` checks (DESIGN.md "Scheduling invariants"). */
export const InvariantCode = /* @__PURE__ */ pure(() =>
  z.enum(["S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8", "S9", "S10", "S11", "S12", "S13"]),
);
/** An invariant code, `"S1"` … `"S13"`. */
export type InvariantCode = z.infer<typeof InvariantCode>;

/** One breach of an invariant, naming what is involved. */
export const Violation = /* @__PURE__ */ pure(() =>
  z.strictObject({
    code: InvariantCode,
    message: z.string(),
    sessionIds: z.array(SessionId),
    participantId: ParticipantId.optional(),
    staffId: StaffId.optional(),
    /** ISO week concerned (S5, S8, S12). */
    isoWeek: z.string().optional(),
  }),
);
/** A breach of an invariant. */
export type Violation = z.infer<typeof Violation>;

const enrollmentParser = /* @__PURE__ */ pure(() => parserFor(Enrollment, "parseEnrollment"));
const staffParser = /* @__PURE__ */ pure(() => parserFor(Staff, "parseStaff"));
const scheduleParser = /* @__PURE__ */ pure(() => parserFor(Schedule, "parseSchedule"));

/** Validates an enrolment from any input; throws {@link core!IopError | IopError} listing every problem. */
export function parseEnrollment(input: unknown): Enrollment {
  return enrollmentParser.parse(input);
}
/** Like {@link parseEnrollment}, but returns `{ success, data | error }`. */
export function safeParseEnrollment(input: unknown): Result<Enrollment> {
  return enrollmentParser.safeParse(input);
}
/** Validates a staff member from any input; throws {@link core!IopError | IopError} listing every problem. */
export function parseStaff(input: unknown): Staff {
  return staffParser.parse(input);
}
/** Like {@link parseStaff}, but returns `{ success, data | error }`. */
export function safeParseStaff(input: unknown): Result<Staff> {
  return staffParser.safeParse(input);
}
/** Validates a schedule (e.g. one a person edited) from any input; throws {@link core!IopError | IopError}. */
export function parseSchedule(input: unknown): Schedule {
  return scheduleParser.parse(input);
}
/** Like {@link parseSchedule}, but returns `{ success, data | error }`. */
export function safeParseSchedule(input: unknown): Result<Schedule> {
  return scheduleParser.safeParse(input);
}
