/**
 * The scheduling records: who is enrolled when, who works when, and the dated schedule the
 * planner produces (sessions, group rosters, what could not be placed, and where an invariant
 * could not be met).
 */
import * as z from "zod/mini";
import { _default, array, optional, strictObject } from "../core/zod";
import type { Result } from "../core/errors";
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
  type Instant,
  type IsoDate,
  type IsoWeek,
  type WallTime,
  type Weekday,
} from "../core/index";
import { storedObject, versionFieldAdded, type RecordFormat } from "../core/record-format";
import {
  built,
  customIssue,
  holds,
  lazySchema,
  parseWith,
  safeParseWith,
  type Schema,
} from "../core/schema";
import { toEpochMs } from "../core/instant";
import { toMinutes } from "../core/wall-time";
import { Participant, type ParticipantInput } from "../participant/index";
import { participantFormat } from "../participant/participant";
import {
  placesOfService,
  sessionDeliveryModes,
  SessionTypeId,
  StaffRole,
  type PlaceOfService,
  type SessionDeliveryMode,
} from "../program/index";

/** Why a participant's path enters a phase. `step-up` may raise intensity (S6); `extension` may lengthen the course (S7). */
export const pathReasons = ["admission", "step-down", "step-up", "extension"] as const;
/** Why a path step happens: one of {@link pathReasons}. */
export type PathReason = (typeof pathReasons)[number];
/** The schema of a {@link PathReason}. */
export const PathReason: Schema<PathReason> = /* @__PURE__ */ lazySchema(() => z.enum(pathReasons));

/** One step of an explicit phase path: from this date, this phase. */
export interface PathStep {
  /** The phase. */
  phaseId: PhaseId;
  /** The first day in it. */
  from: IsoDate;
  /** Why the path enters it. @defaultValue "step-down" */
  reason: PathReason;
}
/** A path step as an app writes it (`reason` may be left out). */
export interface PathStepInput extends Omit<PathStep, "phaseId" | "reason"> {
  /** See {@link PathStep.phaseId}. */
  phaseId: string;
  /** See {@link PathStep.reason}. @defaultValue "step-down" */
  reason?: PathReason | undefined;
}
/** The schema of a {@link PathStep}. */
export const PathStep: Schema<PathStep, PathStepInput> = /* @__PURE__ */ lazySchema(() =>
  strictObject({
    phaseId: PhaseId,
    from: IsoDateSchema,
    reason: _default(PathReason, "step-down"),
  }),
);

/**
 * The stored format of {@link Enrollment} records: 1 (iopkit 0.1.0), 2 (`formatVersion`). Its
 * participant carries its own format.
 * @internal
 */
export const enrollmentFormat = {
  kind: "Enrollment",
  version: 2,
  steps: [versionFieldAdded],
  nested: [{ path: ["participant"], format: () => participantFormat }],
} as const satisfies RecordFormat;

/**
 * A participant enrolled in the program from a date. By default they follow the program's phases
 * in order from the first (or from `startPhase`, e.g. admitted as a step-down straight into phase 2)
 * for each phase's planned weeks. An explicit `path` (from the episode's events) overrides that:
 * each step starts a phase on a date; after the last step the remaining phases follow as planned.
 */
export interface Enrollment {
  /** The record's format (see the guide "Storing records"). */
  formatVersion: 2;
  /** Who. */
  participant: Participant;
  /** First day of the enrolment (admission). */
  start: IsoDate;
  /** Track (e.g. `"evening"`); when absent the planner picks the first track that avoids the participant's unavailability. */
  track?: string | undefined;
  /** Phase to start in; defaults to the first. */
  startPhase?: PhaseId | undefined;
  /** Explicit phase path (at most 50 steps); its first step must start on `start`. */
  path?: PathStep[] | undefined;
  /** Last day of the enrolment (discharge), inclusive. */
  end?: IsoDate | undefined;
}

/** An enrolment as an app writes it. */
export interface EnrollmentInput extends Omit<
  Enrollment,
  "formatVersion" | "participant" | "startPhase" | "path"
> {
  /** See {@link Enrollment.formatVersion}; an enrolment without it is format 1. */
  formatVersion?: 2 | undefined;
  /** See {@link Enrollment.participant}. */
  participant: ParticipantInput;
  /** See {@link Enrollment.startPhase}. */
  startPhase?: string | undefined;
  /** See {@link Enrollment.path}. */
  path?: PathStepInput[] | undefined;
}

/** An enrolment's dates and path must agree. */
function enrollmentRules(e: Enrollment, ctx: z.core.$RefinementCtx<Enrollment>): void {
  if (e.end !== undefined && e.end < e.start)
    ctx.addIssue(
      customIssue("enrollment-ends-before-start", `ends ${e.end}, before it starts ${e.start}`, [
        "end",
      ]),
    );
  if (e.path !== undefined && e.path.length > 0) {
    if (e.path[0]?.from !== e.start)
      ctx.addIssue(
        customIssue(
          "path-start-mismatch",
          "the first path step must start on the enrolment's start date",
          ["path", 0, "from"],
        ),
      );
    for (let i = 1; i < e.path.length; i++) {
      const prev = e.path[i - 1];
      const cur = e.path[i];
      if (prev !== undefined && cur !== undefined && cur.from <= prev.from)
        ctx.addIssue(
          customIssue("path-out-of-order", "path steps must be in strictly increasing date order", [
            "path",
            i,
            "from",
          ]),
        );
    }
    if (e.startPhase !== undefined)
      ctx.addIssue(
        customIssue("start-phase-and-path", "give either startPhase or path, not both", [
          "startPhase",
        ]),
      );
  }
}

/** The schema of an {@link Enrollment}. Use {@link parseEnrollment} for untrusted input. */
export const Enrollment: Schema<Enrollment, EnrollmentInput> = /* @__PURE__ */ lazySchema(() =>
  storedObject(
    enrollmentFormat,
    {
      participant: built(Participant),
      start: IsoDateSchema,
      track: optional(LabelSchema),
      startPhase: optional(PhaseId),
      path: optional(array(PathStep).check(z.maxLength(50))),
      end: optional(IsoDateSchema),
    },
    (object) => object.check(z.superRefine(enrollmentRules)),
  ),
);

/** A weekly block of time a staff member works, in the program's zone. */
export interface StaffAvailability {
  /** ISO weekday, 1 = Monday. */
  weekday: Weekday;
  /** From this wall-clock time. */
  from: WallTime;
  /** To this wall-clock time, after `from`. */
  to: WallTime;
}
/** The schema of a {@link StaffAvailability} block; `to` must come after `from`. */
export const StaffAvailability: Schema<StaffAvailability> = /* @__PURE__ */ lazySchema(() =>
  strictObject({ weekday: WeekdaySchema, from: WallTimeSchema, to: WallTimeSchema }).check(
    holds(
      (a) => toMinutes(a.to) > toMinutes(a.from),
      "availability-ends-before-start",
      "`to` must be after `from`",
    ),
  ),
);

/**
 * The stored format of {@link Staff} records: 1 (iopkit 0.1.0), 2 (`formatVersion`).
 * @internal
 */
export const staffFormat = {
  kind: "Staff",
  version: 2,
  steps: [versionFieldAdded],
  nested: [],
} as const satisfies RecordFormat;

/** A staff member: roles, weekly availability and group load. */
export interface Staff {
  /** The record's format (see the guide "Storing records"). */
  formatVersion: 2;
  /** Identifies the staff member. */
  id: StaffId;
  /** Name. Personal data. */
  name?: string | undefined;
  /** What they can deliver (1–6 roles). */
  roles: StaffRole[];
  /** When they work (at most 70 blocks). */
  availability: StaffAvailability[];
  /** Most group sessions a week they may facilitate (0–100). @defaultValue 20 */
  maxGroupSessionsPerWeek: number;
  /** Most hours of sessions they run in a local day, 0.25–24 (S15). Without it, no daily limit. */
  maxHoursPerDay?: number | undefined;
  /** Most hours of sessions they run in an ISO week, 0.25–168 (S15). Without it, no weekly limit. */
  maxHoursPerWeek?: number | undefined;
  /** Fewest minutes between the end of one of their sessions and the start of the next, 0–240 (S15). @defaultValue 0 */
  minBreakMinutes?: number | undefined;
}

/** A staff member as an app writes it. */
export interface StaffInput extends Omit<
  Staff,
  "formatVersion" | "id" | "maxGroupSessionsPerWeek"
> {
  /** See {@link Staff.formatVersion}; a record without it is format 1. */
  formatVersion?: 2 | undefined;
  /** See {@link Staff.id}. */
  id: string;
  /** See {@link Staff.maxGroupSessionsPerWeek}. @defaultValue 20 */
  maxGroupSessionsPerWeek?: number | undefined;
}

/** The schema of a {@link Staff} member. Use {@link parseStaff} for untrusted input. */
export const Staff: Schema<Staff, StaffInput> = /* @__PURE__ */ lazySchema(() =>
  storedObject(staffFormat, {
    id: StaffId,
    name: optional(LabelSchema),
    roles: array(StaffRole).check(z.minLength(1), z.maxLength(6)),
    availability: array(built(StaffAvailability)).check(z.maxLength(70)),
    maxGroupSessionsPerWeek: _default(z.int().check(z.gte(0), z.lte(100)), 20),
    maxHoursPerDay: optional(z.number().check(z.gte(0.25), z.lte(24))),
    maxHoursPerWeek: optional(z.number().check(z.gte(0.25), z.lte(168))),
    minBreakMinutes: optional(z.int().check(z.gte(0), z.lte(240))),
  }),
);

/**
 * The stored format of {@link ScheduledSession} records: 1 (iopkit 0.1.0), 2 (`formatVersion`).
 * @internal
 */
export const scheduledSessionFormat = {
  kind: "ScheduledSession",
  version: 2,
  steps: [versionFieldAdded],
  nested: [],
} as const satisfies RecordFormat;

/** A dated session. Instants carry the program zone's offset. */
export interface ScheduledSession {
  /** The record's format (see the guide "Storing records"). */
  formatVersion: 2;
  /** Identifies the session. */
  id: SessionId;
  /** What kind of session. */
  sessionType: SessionTypeId;
  /** When it starts. */
  start: Instant;
  /** When it ends: after `start`. */
  end: Instant;
  /** Who attends (1 to 200). */
  participantIds: ParticipantId[];
  /** Who runs it (at most 20); empty when no staff member of the right role was free. */
  staffIds: StaffId[];
  /** The group, for a group session. */
  groupId?: GroupId | undefined;
  /** The phase it belongs to. */
  phaseId?: PhaseId | undefined;
  /** The track, for a group session of a tracked phase. */
  track?: string | undefined;
  /** Index of the phase pattern entry this session comes from (group sessions). */
  patternEntry?: number | undefined;
  /** A make-up for a session lost to a closure. */
  makeUp?: boolean | undefined;
  /** The topic, from the pattern entry. */
  topic?: string | undefined;
  /** The room it is held in (S14): an id of the program's `rooms`. Absent for video and phone sessions. */
  roomId?: string | undefined;
  /**
   * How it is delivered (S16): in person, by video, by phone, or `hybrid` (in a room, with the
   * participants of `remoteParticipantIds` joining by video). Absent: in person.
   */
  deliveryMode?: SessionDeliveryMode | undefined;
  /** In a hybrid session, the participants who join by video (the others attend in the room). */
  remoteParticipantIds?: ParticipantId[] | undefined;
  /**
   * The CMS place-of-service code of its in-person attendance (the program's `placeOfService`),
   * or, for a video or phone session, 10 (every participant at home) or 02 (CMS Place of Service
   * Code Set, 2025). `placeOfServiceFor` gives each participant's.
   */
  placeOfService?: PlaceOfService | undefined;
}

/** A session as an app writes it (`formatVersion` may be left out). */
export interface ScheduledSessionInput extends Omit<
  ScheduledSession,
  | "formatVersion"
  | "id"
  | "participantIds"
  | "staffIds"
  | "groupId"
  | "phaseId"
  | "remoteParticipantIds"
> {
  /** See {@link ScheduledSession.formatVersion}; a session without it is format 1. */
  formatVersion?: 2 | undefined;
  /** See {@link ScheduledSession.id}. */
  id: string;
  /** See {@link ScheduledSession.participantIds}. */
  participantIds: string[];
  /** See {@link ScheduledSession.staffIds}. */
  staffIds: string[];
  /** See {@link ScheduledSession.groupId}. */
  groupId?: string | undefined;
  /** See {@link ScheduledSession.phaseId}. */
  phaseId?: string | undefined;
  /** See {@link ScheduledSession.remoteParticipantIds}. */
  remoteParticipantIds?: string[] | undefined;
}

/** The schema of a {@link ScheduledSession}. */
export const ScheduledSession: Schema<ScheduledSession, ScheduledSessionInput> =
  /* @__PURE__ */ lazySchema(() =>
    storedObject(
      scheduledSessionFormat,
      {
        id: SessionId,
        sessionType: SessionTypeId,
        start: InstantSchema,
        end: InstantSchema,
        participantIds: array(ParticipantId).check(z.minLength(1), z.maxLength(200)),
        staffIds: array(StaffId).check(z.maxLength(20)),
        groupId: optional(GroupId),
        phaseId: optional(PhaseId),
        track: optional(LabelSchema),
        patternEntry: optional(z.int().check(z.gte(0), z.lte(limits.maxPatternEntries))),
        makeUp: optional(z.boolean()),
        topic: optional(LabelSchema),
        roomId: optional(LabelSchema),
        deliveryMode: optional(z.enum(sessionDeliveryModes)),
        remoteParticipantIds: optional(array(ParticipantId).check(z.maxLength(200))),
        placeOfService: optional(z.enum(placesOfService)),
      },
      (object) =>
        object.check(
          holds(
            (x) => toEpochMs(x.end) > toEpochMs(x.start),
            "session-ends-before-start",
            "`end` must be after `start`: a session lasts at least a minute",
            ["end"],
          ),
        ),
    ),
  );

/** One member of a group's roster, with the days they belong to it. */
export interface GroupMember {
  /** Who. */
  participantId: ParticipantId;
  /** First day in the group. */
  from: IsoDate;
  /** Last day in the group, inclusive. */
  to: IsoDate;
}

/** A therapy group: the roster of a phase and track, and when each member belongs to it. */
export interface Group {
  /** Identifies the group. */
  id: GroupId;
  /** The phase it belongs to. */
  phaseId: PhaseId;
  /** The track, for a tracked phase. */
  track?: string | undefined;
  /** The group's usual facilitator. */
  facilitatorId?: StaffId | undefined;
  /** Its members over time. */
  members: GroupMember[];
}
/** The schema of a {@link Group}. */
export const Group: Schema<Group, GroupInput> = /* @__PURE__ */ lazySchema(() =>
  strictObject({
    id: GroupId,
    phaseId: PhaseId,
    track: optional(LabelSchema),
    facilitatorId: optional(StaffId),
    members: array(
      strictObject({ participantId: ParticipantId, from: IsoDateSchema, to: IsoDateSchema }),
    ),
  }),
);
/** A group as an app writes it (ids as plain strings). */
export interface GroupInput extends Omit<Group, "id" | "phaseId" | "facilitatorId" | "members"> {
  /** See {@link Group.id}. */
  id: string;
  /** See {@link Group.phaseId}. */
  phaseId: string;
  /** See {@link Group.facilitatorId}. */
  facilitatorId?: string | undefined;
  /** See {@link Group.members}. */
  members: { participantId: string; from: IsoDate; to: IsoDate }[];
}

/**
 * Why the planner could not place a participant (S13): `duplicate-participant`, `unknown-phase`,
 * `unknown-track`, `track-conflicts-availability`, `no-track-fits`, `no-staff-role`,
 * `outside-window`, `no-sessions-in-window`, `no-usable-mode` (S16: the track, or every track,
 * of a phase is offered only in delivery modes the participant cannot use).
 */
export const unschedulableCodes = [
  "duplicate-participant",
  "unknown-phase",
  "unknown-track",
  "track-conflicts-availability",
  "no-track-fits",
  "no-staff-role",
  "outside-window",
  "no-sessions-in-window",
  "no-usable-mode",
] as const;
/** The code of an {@link Unschedulable}: one of {@link unschedulableCodes}. */
export type UnschedulableCode = (typeof unschedulableCodes)[number];

/** A participant the planner could not place, with why. Nothing is dropped silently (S13). */
export interface Unschedulable {
  /** Who. */
  participantId: ParticipantId;
  /** Why, as a code. */
  code: UnschedulableCode;
  /** Why, in a sentence. */
  message: string;
}
/** The schema of an {@link Unschedulable}. */
export const Unschedulable: Schema<Unschedulable, UnschedulableInput> = /* @__PURE__ */ lazySchema(
  () =>
    strictObject({
      participantId: ParticipantId,
      code: z.enum(unschedulableCodes),
      message: z.string(),
    }),
);
/** An unschedulable entry as an app writes it (the id as a plain string). */
export interface UnschedulableInput extends Omit<Unschedulable, "participantId"> {
  /** See {@link Unschedulable.participantId}. */
  participantId: string;
}

/**
 * What a {@link Shortfall} is about: `"S5"` (weekly hours), `"S8"` (one-to-one mix), `"S12"`
 * (drug tests), `"staffing"` (a session planned without staff because no one of the right role
 * was free), `"S6"` (a re-plan took someone off a kept session outside their enrolment), `"S14"`
 * (a session planned without a room), or `"S16"` (a participant planned in
 * person because they can use none of the delivery modes a session offers), or `"S17"` (sessions
 * planned that no authorisation given to `planSchedule` covers: the care is planned and reported,
 * never dropped). Staff limits (S15) are never broken: the shortfall they cause names them in its
 * `code`.
 */
export const shortfallInvariants = [
  "S5",
  "S6",
  "S8",
  "S12",
  "staffing",
  "S14",
  "S16",
  "S17",
] as const;
/** One of {@link shortfallInvariants}. */
export type ShortfallInvariant = (typeof shortfallInvariants)[number];

/**
 * The causes of a {@link Shortfall}: for S5 `closure`, `phase-change-week`, `above-band`,
 * `below-band`; for S8 `no-staff-slot`, `no-participant-slot`; for S12 `too-few-site-days`,
 * `no-collection-slot`; for staffing `no-free-staff`; `kept-sessions` (a re-plan kept past
 * sessions that hold the week as it is); for S6 `kept-outside-enrolment` (a re-plan kept a past
 * session that lists someone outside their enrolment or phase on its day, for example a discharge
 * dated back before `keep.before`: they are taken off its roster); and `dst-gap` (S5: a pattern time in a daylight-saving
 * gap, moved forward by the gap's length, would overlap another session of the day, so that
 * session is not held). Rooms and staff limits: for S14 `no-free-room` (no room of the kind and
 * size the session needs is free then) and `staff-travel` (a room was free, but only at a site
 * the staff member cannot reach in time, S15); for staffing and S8 `staff-daily-hours`,
 * `staff-weekly-hours`, `staff-break` (a staff member of the role was free but for that limit,
 * S15); for S16 `no-usable-mode` (the session offers no mode the participant can use, so they
 * attend in person). For S17: `not-authorized` (no authorisation of the participant covers the
 * day), `level-not-authorized` (the ones covering the day authorise another level of care than
 * the session's phase delivers: a level change without an authorisation), `units-exhausted` (the
 * authorised units are used up).
 */
export const shortfallCodes = [
  "closure",
  "phase-change-week",
  "above-band",
  "below-band",
  "no-staff-slot",
  "no-participant-slot",
  "too-few-site-days",
  "no-collection-slot",
  "no-free-staff",
  "kept-sessions",
  "kept-outside-enrolment",
  "dst-gap",
  "no-free-room",
  "staff-daily-hours",
  "staff-weekly-hours",
  "staff-break",
  "staff-travel",
  "no-usable-mode",
  "not-authorized",
  "level-not-authorized",
  "units-exhausted",
] as const;
/** The code of a {@link Shortfall}: one of {@link shortfallCodes}. */
export type ShortfallCode = (typeof shortfallCodes)[number];

/** Where the planner could not meet an invariant, and why (a closure, no free staff, a phase change mid-week, …). */
export interface Shortfall {
  /** What was not met. */
  invariant: ShortfallInvariant;
  /** The cause. */
  code: ShortfallCode;
  /** Whose week or block. */
  participantId: ParticipantId;
  /** The ISO week (S5, S12) or the first ISO week of the block (S8). */
  isoWeek: IsoWeek;
  /** The phase in force. */
  phaseId?: PhaseId | undefined;
  /** What happened, in a sentence. */
  message: string;
  /** The sessions concerned (S17: the sessions of the week not covered), in start order. */
  sessionIds?: SessionId[] | undefined;
}
/** The schema of a {@link Shortfall}. */
export const Shortfall: Schema<Shortfall, ShortfallInput> = /* @__PURE__ */ lazySchema(() =>
  strictObject({
    invariant: z.enum(shortfallInvariants),
    code: z.enum(shortfallCodes),
    participantId: ParticipantId,
    isoWeek: z.string(),
    phaseId: optional(PhaseId),
    message: z.string(),
    sessionIds: optional(array(SessionId)),
  }),
);
/** A shortfall as an app writes it (ids as plain strings). */
export interface ShortfallInput extends Omit<
  Shortfall,
  "participantId" | "phaseId" | "sessionIds"
> {
  /** See {@link Shortfall.participantId}. */
  participantId: string;
  /** See {@link Shortfall.phaseId}. */
  phaseId?: string | undefined;
  /** See {@link Shortfall.sessionIds}. */
  sessionIds?: string[] | undefined;
}

/** The planning window: from a date, for a number of weeks. */
export interface PlanningWindow {
  /** The first day. */
  from: IsoDate;
  /** How many weeks (1–104). */
  weeks: number;
}
/** The schema of a {@link PlanningWindow}. */
export const PlanningWindow: Schema<PlanningWindow> = /* @__PURE__ */ lazySchema(() =>
  strictObject({
    from: IsoDateSchema,
    weeks: z.int().check(z.gte(1), z.lte(limits.maxWeeks)),
  }),
);

/**
 * The stored format of {@link Schedule} records: 1 (iopkit 0.1.0), 2 (`formatVersion`). Its
 * sessions carry their own format.
 * @internal
 */
export const scheduleFormat = {
  kind: "Schedule",
  version: 2,
  steps: [versionFieldAdded],
  nested: [{ path: ["sessions", "*"], format: () => scheduledSessionFormat }],
} as const satisfies RecordFormat;

/** A schedule: the planner's output, or one a person edited (check it with `checkSchedule`). */
export interface Schedule {
  /** The record's format (see the guide "Storing records"). */
  formatVersion: 2;
  /** The planning window. */
  window: PlanningWindow;
  /** Dated sessions, in start order. */
  sessions: ScheduledSession[];
  /** Group rosters. @defaultValue [] */
  groups: Group[];
  /** Participants who could not be placed (S13). @defaultValue [] */
  unschedulable: Unschedulable[];
  /** Where an invariant could not be met, and why. @defaultValue [] */
  shortfalls: Shortfall[];
}

/** A schedule as an app writes it: the lists other than `sessions` may be left out. */
export interface ScheduleInput extends Omit<
  Schedule,
  "formatVersion" | "sessions" | "groups" | "unschedulable" | "shortfalls"
> {
  /** See {@link Schedule.formatVersion}; a schedule without it is format 1. */
  formatVersion?: 2 | undefined;
  /** See {@link Schedule.sessions}. */
  sessions: ScheduledSessionInput[];
  /** See {@link Schedule.groups}. @defaultValue [] */
  groups?: GroupInput[] | undefined;
  /** See {@link Schedule.unschedulable}. @defaultValue [] */
  unschedulable?: UnschedulableInput[] | undefined;
  /** See {@link Schedule.shortfalls}. @defaultValue [] */
  shortfalls?: ShortfallInput[] | undefined;
}

/** The schema of a {@link Schedule}. Use {@link parseSchedule} for untrusted input. */
export const Schedule: Schema<Schedule, ScheduleInput> = /* @__PURE__ */ lazySchema(() =>
  storedObject(scheduleFormat, {
    window: PlanningWindow,
    sessions: array(built(ScheduledSession)).check(z.maxLength(limits.maxRecords)),
    groups: _default(array(built(Group)), () => []),
    unschedulable: _default(array(built(Unschedulable)), () => []),
    shortfalls: _default(array(built(Shortfall)), () => []),
  }),
);

/** The invariants `checkSchedule` checks (see the scheduling guide), `"S1"` … `"S17"`. */
export const invariantCodes = [
  "S1",
  "S2",
  "S3",
  "S4",
  "S5",
  "S6",
  "S7",
  "S8",
  "S9",
  "S10",
  "S11",
  "S12",
  "S13",
  "S14",
  "S15",
  "S16",
  "S17",
] as const;
/** An invariant code, `"S1"` … `"S17"`: one of {@link invariantCodes}. */
export type InvariantCode = (typeof invariantCodes)[number];
/** The schema of an {@link InvariantCode}. */
export const InvariantCode: Schema<InvariantCode> = /* @__PURE__ */ lazySchema(() =>
  z.enum(invariantCodes),
);

/** One breach of an invariant, naming what is involved. */
export interface Violation {
  /** Which invariant. */
  code: InvariantCode;
  /** What is wrong, in a sentence. */
  message: string;
  /** The sessions involved. */
  sessionIds: SessionId[];
  /** The participant involved, if one. */
  participantId?: ParticipantId | undefined;
  /** The staff member involved, if one. */
  staffId?: StaffId | undefined;
  /** ISO week concerned (S5, S8, S12, S15). */
  isoWeek?: IsoWeek | undefined;
  /** The room involved (S14), if one. */
  roomId?: string | undefined;
}
/** The schema of a {@link Violation}. */
export const Violation: Schema<Violation, ViolationInput> = /* @__PURE__ */ lazySchema(() =>
  strictObject({
    code: InvariantCode,
    message: z.string(),
    sessionIds: array(SessionId),
    participantId: optional(ParticipantId),
    staffId: optional(StaffId),
    isoWeek: optional(z.string()),
    roomId: optional(z.string()),
  }),
);
/** A violation as an app writes it (ids as plain strings). */
export interface ViolationInput extends Omit<
  Violation,
  "sessionIds" | "participantId" | "staffId"
> {
  /** See {@link Violation.sessionIds}. */
  sessionIds: string[];
  /** See {@link Violation.participantId}. */
  participantId?: string | undefined;
  /** See {@link Violation.staffId}. */
  staffId?: string | undefined;
}

/** Validates an enrolment from any input; throws {@link core!IopError | IopError} listing every problem. */
export function parseEnrollment(input: unknown): Enrollment {
  return parseWith(Enrollment, "parseEnrollment", input);
}
/** Like {@link parseEnrollment}, but returns `{ success, data | error }`. */
export function safeParseEnrollment(input: unknown): Result<Enrollment> {
  return safeParseWith(Enrollment, "parseEnrollment", input);
}
/** Validates a staff member from any input; throws {@link core!IopError | IopError} listing every problem. */
export function parseStaff(input: unknown): Staff {
  return parseWith(Staff, "parseStaff", input);
}
/** Like {@link parseStaff}, but returns `{ success, data | error }`. */
export function safeParseStaff(input: unknown): Result<Staff> {
  return safeParseWith(Staff, "parseStaff", input);
}
/** Validates a schedule (e.g. one a person edited) from any input; throws {@link core!IopError | IopError}. */
export function parseSchedule(input: unknown): Schedule {
  return parseWith(Schedule, "parseSchedule", input);
}
/** Like {@link parseSchedule}, but returns `{ success, data | error }`. */
export function safeParseSchedule(input: unknown): Result<Schedule> {
  return safeParseWith(Schedule, "parseSchedule", input);
}
