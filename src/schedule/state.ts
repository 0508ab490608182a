/**
 * The planner's shared state. `planSchedule` creates one {@link PlanState} per call and hands it
 * to each stage in turn (see `pipeline.ts`); a stage reads the fields it needs and writes only the
 * fields its entry in the stage table declares (a test checks this for every stage). Nothing here
 * outlives the call, so the stages may update it in place.
 * @internal
 */
import type { ParticipantId } from "../core/ids";
import type { PatternEntry, Program, Room } from "../program/index";
import { plansModes } from "./delivery";
import { clinicOf, type Clinic } from "./clinic";
import { compactDates } from "./ids";
import { createLedger, type Ledger } from "./ledger";
import type { Stay } from "./merge";
import type { PhaseSpan } from "./path";
import type { PlanScheduleOptions } from "./plan";
import type { Enrollment, Shortfall, Unschedulable } from "./records";
import { staffDesk, type StaffDesk } from "./staffing";
import { trackMinutes, type TrackMinutes, type WeeklyBlocks } from "./tracks";

/** A phase of a person's path, clipped to the window, with the track they follow in it. @internal */
export interface PersonSpan extends PhaseSpan {
  /** The phase's first day and day after its last, before clipping to the window (epoch days). */
  readonly phaseStart: number;
  readonly phaseEnd: number;
  /** The track followed in the phase (`undefined` for a phase without tracks). */
  readonly track: string | undefined;
}

/** A participant the planner places: who, their path through the phases and their week. @internal */
export interface Person {
  /** Position in `PlanState.people`: the person's row in the ledger's tables. */
  readonly index: number;
  readonly id: ParticipantId;
  readonly enrollment: Enrollment;
  /** Their phases in the window, in date order (never empty). */
  readonly spans: readonly PersonSpan[];
  /** Unavailable [from, to) local minutes per ISO weekday. */
  readonly unavailable: WeeklyBlocks;
  /** True when they take medication for addiction or a psychiatric condition. */
  readonly onMedication: boolean;
}

/** A group of one phase and track: its roster of stays and its usual facilitator. @internal */
export interface GroupState {
  readonly id: string;
  readonly phaseIndex: number;
  readonly track: string | undefined;
  /** Leaving days of the current members, as a min-heap (used while rosters are built). */
  readonly ends: number[];
  /** Who is in the group from when to when (a stay per person and phase; two after a merge). */
  members: Stay<Person>[];
  /** Index of the staff member who facilitates it, once one has. */
  facilitator: number | undefined;
}

/** A group session dropped for a closure: the make-ups stage replaces it where people need it. @internal */
export interface LostSession {
  readonly group: GroupState;
  /** The group's index in `PlanState.groups`. */
  readonly groupIndex: number;
  readonly entry: PatternEntry;
  /** The entry's index in the phase's pattern. */
  readonly entryIndex: number;
  /** The closed day. */
  readonly day: number;
  /** The members who would have attended. */
  readonly attendees: readonly Person[];
}

/** What the program asks of rooms and delivery modes (S14, S16). @internal */
export interface VenuePlan {
  /** True when sessions get a delivery mode and a place of service (see `plansModes`). */
  readonly modes: boolean;
  /** The program's rooms, when it lists any (then in-person sessions get one). */
  readonly rooms: readonly Room[] | undefined;
}

/** Memoised lookups shared by the stages; they change no result. @internal */
export interface PlanMemo {
  /** ISO instants by epoch minute (a small number V8 need not box, for the zones of today). */
  readonly instants: Map<number, string>;
  /** `"YYYYMMDD"` of an epoch day, for ids. */
  readonly compactDate: (day: number) => string;
  /** The sessions of a phase's track as minutes, and a phase's tracks. */
  readonly trackMinutes: TrackMinutes;
  /** The people by id, once the result stage needs them. */
  readonly personById: Map<string, Person>;
}

/**
 * The state of one planning call. "Written by" names the stages that change a field (see the
 * stage table in `pipeline.ts`); every other stage only reads it.
 * @internal
 */
export interface PlanState {
  /** The options as given (never changed). Set by `planSchedule`. */
  readonly input: PlanScheduleOptions;
  /** The program. Set by `planSchedule`. */
  readonly program: Program;
  /** The zone clock, closures, opening hours and window. Set by `planSchedule`. */
  readonly clinic: Clinic;
  /** Rooms and delivery modes to plan. Set by `planSchedule`. */
  readonly venue: VenuePlan;
  /** The first day the planner places sessions on: the window's first day, or `keep.before` within the window. */
  readonly keepDay: number;
  /** Staff calendars and the staff search. Written by every stage that books staff: kept sessions, group sessions, one-to-ones, make-ups, drug tests. */
  readonly desk: StaffDesk;
  /** Every session planned so far and each person's calendar. Written by the same stages as `desk`. */
  readonly ledger: Ledger;
  /** Memoised lookups (no stage's result depends on what is cached). */
  readonly memo: PlanMemo;
  /** The people to plan, in enrolment order. Written by the people stage. */
  readonly people: Person[];
  /** Group rosters. Written by the rosters stage; kept and group sessions set `facilitator`. */
  groups: GroupState[];
  /** Group sessions lost to closures. Written by the group sessions stage; read by make-ups. */
  readonly lost: LostSession[];
  /** People the planner could not place (S13). Written by the people stage and the weekly-hours stage. */
  readonly unschedulable: Unschedulable[];
  /** Weeks and blocks where an invariant could not be met. Written by group sessions, one-to-ones, drug tests and weekly hours. */
  readonly shortfalls: Shortfall[];
}

/**
 * A fresh state for options that `planSchedule` has checked; `keepBefore` is the epoch day of
 * `keep.before`, when given.
 * @internal
 */
export function createPlanState(
  input: PlanScheduleOptions,
  keepBefore: number | undefined,
): PlanState {
  const clinic = clinicOf(input.program, input.from, input.weeks);
  return {
    input,
    program: input.program,
    clinic,
    venue: {
      modes: plansModes(input.program),
      rooms:
        input.program.rooms === undefined || input.program.rooms.length === 0
          ? undefined
          : input.program.rooms,
    },
    keepDay:
      keepBefore === undefined
        ? clinic.windowStart
        : Math.min(Math.max(keepBefore, clinic.windowStart), clinic.windowEnd),
    desk: staffDesk(input.staff, clinic.windowStart),
    ledger: createLedger(clinic, input.enrollments.length),
    memo: {
      instants: new Map(),
      compactDate: compactDates(),
      trackMinutes: trackMinutes(),
      personById: new Map(),
    },
    people: [],
    groups: [],
    lost: [],
    unschedulable: [],
    shortfalls: [],
  };
}

/** The ISO instant of an epoch ms in the program's zone, memoised. @internal */
export function instantOf(state: PlanState, ms: number): string {
  const minute = ms / 60_000;
  let text = state.memo.instants.get(minute);
  if (text === undefined) {
    text = state.clinic.clock.format(ms);
    state.memo.instants.set(minute, text);
  }
  return text;
}
