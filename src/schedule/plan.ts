/**
 * `planSchedule`: turns a program and its enrolments into dated sessions in the program's zone —
 * rolling groups by phase and track that never exceed capacity, one-to-ones placed around each
 * participant's life with a free staff member of the right role, make-ups for sessions lost to
 * closures, and random drug tests — and reports what it could not do.
 */
import { pure } from "../core/pure";
import {
  fromEpochDay,
  isoWeekKeyOfEpochDay,
  mondayOfEpochDay,
  tryParseIsoDate,
  weekdayOfEpochDay,
  type IsoDate,
} from "../core/calendar";
import { misuse, describeValue } from "../core/errors";
import {
  type GroupId,
  type ParticipantId,
  type PhaseId,
  type SessionId,
  type StaffId,
} from "../core/ids";
import { toEpochMs } from "../core/instant";
import { limits } from "../core/limits";
import { createRng, hashString } from "../core/random";
import { toMinutes } from "../core/wall-time";
import {
  entriesForTrack,
  sessionTypes,
  type OneToOneRequirement,
  type PatternEntry,
  type Phase,
  type Program,
  type SessionTypeId,
  type StaffRole,
} from "../program/index";
import { chooseTestDays, testStream } from "./drug-tests";
import { heapPop, heapPush } from "./heap";
import {
  chooseTrack,
  overlapsAny,
  trackMinutes,
  unavailableByWeekday,
  type WeeklyBlocks,
} from "./tracks";
import { phaseSpans, spanOn, type PhaseSpan } from "./path";
import { mergeSmallGroups, type Stay } from "./merge";
import {
  scheduledSessionFormat,
  scheduleFormat,
  type Enrollment,
  type Group,
  type Schedule,
  type ScheduledSession,
  type Shortfall,
  type Staff,
  type Unschedulable,
  type UnschedulableCode,
} from "./records";

/** The format every session the planner writes carries. */
const SESSION_FORMAT = scheduledSessionFormat.version;
import {
  book,
  clinicOf,
  freeGaps,
  isClosedDay,
  isOpen,
  localEnd,
  staffFree,
  staffStates,
  type Clinic,
  type Draft,
  type StaffState,
} from "./state";

/** Options of {@link planSchedule}. */
export interface PlanScheduleOptions {
  /** A validated program (`defineProgram`). */
  readonly program: Program;
  /** Validated enrolments (`parseEnrollment`). */
  readonly enrollments: readonly Enrollment[];
  /** Validated staff (`parseStaff`). Without a list every session is planned with empty `staffIds`. */
  readonly staff?: readonly Staff[];
  /** First day of the planning window. */
  readonly from: IsoDate;
  /** Length of the window in weeks (1–104). */
  readonly weeks: number;
  /** Seed of the random choices (drug-test days). Same input and seed → same schedule (S11). */
  readonly seed: number;
  /**
   * Sessions to keep as they are, for a re-plan from a date: see {@link KeptSessions}. Without it
   * the whole window is planned.
   */
  readonly keep?: KeptSessions;
}

/**
 * What a re-plan keeps: the sessions already held or booked before a date.
 *
 * Every session of `sessions` that starts on a local date (in the program's zone) inside the window
 * and before `before` is kept unchanged in the result, and counts as planned: toward its
 * participants' weekly hours (S5), one-to-one blocks (S8) and weekly drug tests (S12), as busy time
 * for them and its staff, and (for a group session) as its group's facilitator when the group still
 * exists. The planner places nothing before `before`. Sessions on or after `before`, or outside the
 * window, are not kept: they are what the re-plan replaces.
 *
 * Kept sessions are taken as they are and judged against the enrolments you pass: give every
 * participant in them an enrolment (with its `end` if they have left), or `checkSchedule` reports
 * them (S13). Weeks and blocks wholly before `before` that fall short are reported in `shortfalls`
 * with code `"kept-sessions"`.
 *
 * @example
 * ```ts
 * // After Monday's case conference stepped two people down, re-plan from Monday, keeping last week.
 * const next = planSchedule({ ...options, enrollments: updated, keep: { before: "2026-11-16", sessions: previous.sessions } });
 * ```
 */
export interface KeptSessions {
  /** The first day the re-plan may change; sessions before it are kept. */
  readonly before: IsoDate;
  /** The previous schedule's sessions (any order; those on or after `before` are replaced). */
  readonly sessions: readonly ScheduledSession[];
}

interface Person {
  readonly index: number;
  readonly id: ParticipantId;
  readonly enrollment: Enrollment;
  /** Phase spans clipped to the window (`startDay`, `endDay`); `phaseStart`/`phaseEnd` unclipped. */
  readonly spans: readonly (PhaseSpan & {
    readonly phaseStart: number;
    readonly phaseEnd: number;
    readonly track: string | undefined;
  })[];
  /** Unavailable [from, to) local minutes per ISO weekday. */
  readonly unavailable: WeeklyBlocks;
  readonly onMedication: boolean;
  /** The person's sessions by local day. */
  readonly byDay: (Draft[] | undefined)[];
  /** Clinical minutes planned per ISO week of the window (index: weeks from the window's first Monday). */
  readonly weekMinutes: number[];
  /** `[index]`, shared by their one-person sessions (never mutated). */
  readonly self: readonly number[];
  /** Their usual start minute per session type and weekday (key: type code × 8 + weekday). */
  readonly usualTime: Map<number, number>;
  /** The day of their latest one-to-one of each type. */
  readonly lastOneToOne: Map<SessionTypeId, number>;
  /** Days whose group sessions were dropped for a closure. */
  readonly closedDays: Set<number>;
}

interface GroupState {
  readonly id: string;
  readonly phaseIndex: number;
  readonly track: string | undefined;
  readonly ends: number[];
  members: Stay<Person>[];
  facilitator: number | undefined;
}

const MIN = 60_000;

/** The sessions of a day without any (shared, never mutated). */
const NO_DRAFTS: readonly Draft[] = [];

/** Session types in a fixed order, for numeric keys. */
const TYPE_CODES = /* @__PURE__ */ pure(() => Object.keys(sessionTypes) as SessionTypeId[]);

/** An interval's key for the staff search: start minute (epoch), duration and the group flag, as one safe integer. */
function intervalKey(startMs: number, endMs: number, group: boolean): number {
  return ((startMs / MIN) * 2048 + (endMs - startMs) / MIN) * 2 + (group ? 1 : 0);
}

/** True when a staff member works over the interval, is not busy, and (for a group) is under their weekly group load. */
function canTake(
  s: StaffState,
  day: number,
  startMin: number,
  endMin: number,
  startMs: number,
  endMs: number,
  group: boolean,
  monday: number,
): boolean {
  return (
    staffFree(s, day, startMin, endMin, startMs, endMs) &&
    (!group || (s.groupLoad.get(monday) ?? 0) < s.staff.maxGroupSessionsPerWeek)
  );
}

/** True when one of the sessions ends at local minute `m`. */
function endsAt(sessions: readonly Draft[], m: number): boolean {
  for (const d of sessions) if (d.endMin === m) return true;
  return false;
}

/** True when one of the sessions starts at local minute `m`. */
function startsAt(sessions: readonly Draft[], m: number): boolean {
  for (const d of sessions) if (d.startMin === m) return true;
  return false;
}

/** An id from parts that are already valid id text, hashed when it would be too long. */
function fitId(text: string): string {
  return text.length <= limits.maxIdLength ? text : safeId(text);
}

/** An id from its parts (any characters outside the id alphabet become "_"), hashed when it would be longer than ids may be. */
function safeId(text: string): string {
  const clean = text.replace(/[^A-Za-z0-9._:-]/g, "_");
  return clean.length <= limits.maxIdLength
    ? clean
    : `s.${hashString(clean).toString(36)}.${clean.length}.${hashString(clean.split("").reverse().join("")).toString(36)}`;
}
/** `"YYYYMMDD"` of epoch days, for ids, memoised per planning call. */
function compactDates(): (day: number) => string {
  const memo = new Map<number, string>();
  return (day) => {
    let text = memo.get(day);
    if (text === undefined) {
      text = fromEpochDay(day).replace(/-/g, "");
      memo.set(day, text);
    }
    return text;
  };
}

/** Records a one-person session on `day` at `startMin`: the person's usual time for it, and their latest of its type. */
function noteSolo(
  person: Person,
  type: SessionTypeId,
  typeCode: number,
  day: number,
  startMin: number,
): void {
  person.usualTime.set(typeCode * 8 + weekdayOfEpochDay(day), startMin);
  person.lastOneToOne.set(type, Math.max(day, person.lastOneToOne.get(type) ?? day));
}

function applies(req: OneToOneRequirement, person: Person): boolean {
  return (
    req.appliesTo === "everyone" ||
    (req.appliesTo === "family-involved"
      ? person.enrollment.participant.familyInvolved
      : person.onMedication)
  );
}

/** The one-to-ones a phase asks of a participant: the individual session, then the others that apply. */
function oneToOnes(
  phase: Phase,
  person: Person,
): { type: SessionTypeId; everyWeeks: number; minutes: number }[] {
  return [
    {
      type: "individual-therapy",
      everyWeeks: phase.individualEveryWeeks,
      minutes: phase.individualMinutes,
    },
    ...phase.oneToOne
      .filter((r) => applies(r, person))
      .map((r) => ({ type: r.sessionType, everyWeeks: r.everyWeeks, minutes: r.durationMinutes })),
  ];
}

/** Roles a participant's plan needs, with the session type that needs each. */
function rolesNeeded(
  program: Program,
  person: Pick<Person, "spans" | "enrollment" | "onMedication">,
): Map<SessionTypeId, readonly StaffRole[]> {
  const out = new Map<SessionTypeId, readonly StaffRole[]>();
  for (const span of person.spans) {
    const phase = program.phases[span.phaseIndex];
    if (phase === undefined) continue;
    for (const e of entriesForTrack(phase.pattern, span.track))
      out.set(e.sessionType, sessionTypes[e.sessionType].staffRoles);
    for (const o of oneToOnes(phase, person as Person))
      out.set(o.type, sessionTypes[o.type].staffRoles);
    if (phase.drugTestsPerWeek.max > 0) out.set("drug-test", sessionTypes["drug-test"].staffRoles);
  }
  return out;
}

/**
 * Plans the sessions of every enrolment over a window of weeks.
 *
 * - Each participant follows the phases in order from their start (or `startPhase`, or an
 *   explicit `path`) for the planned weeks; weekly patterns become sessions at their wall-clock
 *   time in the program's zone, across DST changes (RFC 5545 rule for gaps and overlaps) (S10).
 * - Participants of the same phase and track share groups of at most `groupCapacity` (S3); a new
 *   group, with its own facilitator, opens when the others are full. Groups roll: people join and
 *   leave on their own dates. A group that falls below `groupMinimum` as people leave merges into
 *   another group of the same phase and track that has room for its members.
 * - The individual session every N weeks and the other one-to-ones that apply (family therapy when
 *   family is involved, medication management when on medication) are placed inside opening hours,
 *   outside the participant's unavailability and other sessions, with a free staff member of the
 *   right role — the same one when possible (S1, S2, S4, S8, S9).
 * - A session on a closed day is dropped; where that leaves a participant's week below the phase
 *   band, a make-up at the same wall-clock time is placed that week if everyone can come.
 * - Drug tests: see {@link planDrugTests} (S12).
 * - Participants who cannot be placed are returned in `unschedulable` with a reason (S13), and
 *   every week or block where S5, S8 or S12 could not be met is returned in `shortfalls` with its
 *   cause (a closure, no free staff, a phase change mid-week, …).
 *
 * Pure and deterministic: same input and seed → same schedule (S11). Throws
 * {@link core!IopError | IopError} for impossible options (e.g. `weeks` beyond 104).
 *
 * @example
 * ```ts
 * const schedule = planSchedule({ program, enrollments, staff, from: "2026-10-26", weeks: 12, seed: 7 });
 * checkSchedule(schedule, { program, enrollments, staff }); // []
 * ```
 */
export function planSchedule(options: PlanScheduleOptions): Schedule {
  const { program, enrollments, seed } = options;
  if (!Number.isInteger(options.weeks) || options.weeks < 1 || options.weeks > limits.maxWeeks) {
    misuse(
      "planSchedule",
      "limit-exceeded",
      `weeks must be a whole number from 1 to ${limits.maxWeeks}, got ${describeValue(options.weeks)}`,
      ["weeks"],
    );
  }
  if (enrollments.length > limits.maxParticipants)
    misuse(
      "planSchedule",
      "limit-exceeded",
      `at most ${limits.maxParticipants} enrolments per call, got ${enrollments.length}`,
      ["enrollments"],
    );
  if ((options.staff?.length ?? 0) > limits.maxStaff)
    misuse("planSchedule", "limit-exceeded", `at most ${limits.maxStaff} staff per call`, [
      "staff",
    ]);
  if (!Number.isSafeInteger(seed))
    misuse(
      "planSchedule",
      "invalid-seed",
      `seed must be a safe integer, got ${describeValue(seed)}`,
      ["seed"],
    );
  if (tryParseIsoDate(options.from) === undefined)
    misuse(
      "planSchedule",
      "invalid-date",
      `from must be a calendar date YYYY-MM-DD, got ${describeValue(options.from)}`,
      ["from"],
    );

  const keepBefore = options.keep === undefined ? undefined : tryParseIsoDate(options.keep.before);
  if (options.keep !== undefined && keepBefore === undefined)
    misuse(
      "planSchedule",
      "invalid-date",
      `keep.before must be a calendar date YYYY-MM-DD, got ${describeValue(options.keep.before)}`,
      ["keep", "before"],
    );

  const clinic = clinicOf(program, options.from, options.weeks);
  /** The window's first day: `person.byDay[day - day0]` holds a person's sessions on `day`. */
  const day0 = clinic.windowStart;
  /** The Monday of the window's first week: `person.weekMinutes[(monday - monday0) / 7]`. */
  const monday0 = mondayOfEpochDay(day0);
  /** The first day the planner places sessions on; kept sessions lie before it. */
  const keepDay =
    keepBefore === undefined
      ? clinic.windowStart
      : Math.min(Math.max(keepBefore, clinic.windowStart), clinic.windowEnd);
  const compactDate = compactDates();
  const hasStaff = options.staff !== undefined;
  const staff = staffStates(options.staff ?? [], day0);
  const byRole = new Map<StaffRole, StaffState[]>();
  for (const s of staff) for (const r of s.roles) byRole.set(r, [...(byRole.get(r) ?? []), s]);
  const drafts: Draft[] = [];
  const unschedulable: Unschedulable[] = [];
  const shortfalls: Shortfall[] = [];

  // 1. Participants: paths, tracks, needed roles. Anyone who cannot be placed is reported (S13).
  const minutesOf = trackMinutes();
  /** The missing-role message for a plan shape (phase, track, family, medication), memoised. */
  const missingRoles = new Map<string, string | null>();
  const people: Person[] = [];
  const seen = new Set<string>();
  const phaseIds = new Set<string>(program.phases.map((p) => p.id));
  const phaseIndexById = new Map(program.phases.map((p, i) => [p.id as string, i]));
  enrollments.forEach((enrollment) => {
    const id = enrollment.participant.id;
    const refuse = (code: UnschedulableCode, message: string): void => {
      unschedulable.push({ participantId: id, code, message });
    };
    if (seen.has(id))
      return refuse(
        "duplicate-participant",
        `participant ${id} is enrolled more than once; only the first enrolment is planned`,
      );
    seen.add(id);
    const unknown = [
      enrollment.startPhase,
      ...(enrollment.path ?? []).map((s) => s.phaseId),
    ].filter((p): p is PhaseId => p !== undefined && !phaseIds.has(p));
    if (unknown.length > 0)
      return refuse(
        "unknown-phase",
        `the program has no phase ${unknown.map((u) => `"${u}"`).join(", ")}`,
      );
    const unavailable = unavailableByWeekday(enrollment);
    const spans: Person["spans"][number][] = [];
    let previousTrack: string | undefined;
    for (const span of phaseSpans(program, enrollment, phaseIndexById)) {
      const startDay = Math.max(span.startDay, clinic.windowStart);
      const endDay = Math.min(span.endDay, clinic.windowEnd);
      if (startDay >= endDay) continue;
      const phase = program.phases[span.phaseIndex];
      if (phase === undefined) continue;
      const choice = chooseTrack(phase, enrollment, previousTrack, unavailable, minutesOf);
      if (!choice.ok) return refuse(choice.code, choice.message);
      const track = choice.track;
      previousTrack = track;
      spans.push({
        ...span,
        startDay,
        endDay,
        phaseStart: span.startDay,
        phaseEnd: span.endDay,
        track,
      });
    }
    if (spans.length === 0)
      return refuse(
        "outside-window",
        `the enrolment has no day between ${options.from} and ${fromEpochDay(clinic.windowEnd - 1)}`,
      );
    const person: Person = {
      index: people.length,
      id,
      enrollment,
      spans,
      unavailable,
      onMedication: enrollment.participant.medications.some((m) => m.purpose !== "other"),
      byDay: new Array<Draft[] | undefined>(clinic.windowEnd - clinic.windowStart),
      weekMinutes: new Array<number>(options.weeks + 1).fill(0),
      self: [people.length],
      usualTime: new Map(),
      lastOneToOne: new Map(),
      closedDays: new Set(),
    };
    if (hasStaff) {
      const shape = `${person.spans.map((s) => `${s.phaseIndex}:${s.track ?? ""}`).join(",")}|${enrollment.participant.familyInvolved}|${person.onMedication}`;
      let missing = missingRoles.get(shape);
      if (missing === undefined) {
        missing = null;
        for (const [type, roles] of rolesNeeded(program, person)) {
          if (roles.length > 0 && !roles.some((r) => byRole.has(r))) {
            missing = `no staff member can deliver ${type} (needs a ${roles.join(" or ")})`;
            break;
          }
        }
        missingRoles.set(shape, missing);
      }
      if (missing !== null) return refuse("no-staff-role", missing);
    }
    people.push(person);
  });

  // Staff only ever get busier (and their weekly group load only grows), so a staff member found
  // busy for an interval stays busy for it: each interval keeps, per role, where the search for a
  // free member should resume. Every staff member is checked at most once per interval.
  const resumeAt = new Map<StaffRole, Map<number, number>>();
  /**
   * Finds a free staff member of the roles for a local interval, the preferred one first, and
   * books them; returns their index, or undefined when no one is free.
   */
  const assignAt = (
    roles: readonly StaffRole[],
    day: number,
    startMin: number,
    endMin: number,
    startMs: number,
    endMs: number,
    preferred: number | undefined,
    group: boolean,
  ): number | undefined => {
    if (!hasStaff || roles.length === 0) return undefined;
    const monday = mondayOfEpochDay(day);
    let chosen: StaffState | undefined = preferred === undefined ? undefined : staff[preferred];
    if (
      chosen !== undefined &&
      (!roles.some((r) => chosen?.roles.has(r)) ||
        !canTake(chosen, day, startMin, endMin, startMs, endMs, group, monday))
    )
      chosen = undefined;
    const key = intervalKey(startMs, endMs, group);
    for (const role of roles) {
      if (chosen !== undefined) break;
      const pool = byRole.get(role) ?? [];
      let resume = resumeAt.get(role);
      if (resume === undefined) {
        resume = new Map();
        resumeAt.set(role, resume);
      }
      let k = resume.get(key) ?? 0;
      while (
        k < pool.length &&
        !canTake(pool[k] as StaffState, day, startMin, endMin, startMs, endMs, group, monday)
      )
        k++;
      chosen = pool[k];
      resume.set(key, chosen === undefined ? k : k + 1);
    }
    if (chosen === undefined) return undefined;
    book(chosen, day, startMs, endMs, group);
    return chosen.index;
  };
  /** True when every member of the roles is known to be busy for the interval (a cheap pre-check). */
  const saturated = (
    roles: readonly StaffRole[],
    startMs: number,
    endMs: number,
    group: boolean,
  ): boolean => {
    const key = intervalKey(startMs, endMs, group);
    for (const role of roles)
      if ((resumeAt.get(role)?.get(key) ?? 0) < (byRole.get(role)?.length ?? 0)) return false;
    return true;
  };
  /** {@link assignAt} for a draft, recording the staff member on it. */
  const assign = (
    roles: readonly StaffRole[],
    draft: Draft,
    endMin: number,
    preferred: number | undefined,
    group: boolean,
  ): number | undefined => {
    const who = assignAt(
      roles,
      draft.day,
      draft.startMin,
      endMin,
      draft.startMs,
      draft.endMs,
      preferred,
      group,
    );
    if (who !== undefined) draft.staff = who;
    return who;
  };
  const staffingGap = (
    draft: Draft,
    who: Person | undefined,
    roles: readonly StaffRole[],
  ): void => {
    shortfalls.push({
      invariant: "staffing",
      code: "no-free-staff",
      participantId: (who ?? people[draft.participants[0] ?? 0])?.id ?? ("" as ParticipantId),
      isoWeek: isoWeekKeyOfEpochDay(draft.day),
      ...(draft.phaseId === undefined ? {} : { phaseId: draft.phaseId as PhaseId }),
      message: `${draft.type} on ${fromEpochDay(draft.day)} is planned without staff: no ${roles.join(" or ")} was free`,
    });
  };

  // 2. Groups: by phase and track, people in order of joining; first group with room (S3).
  const cohorts = new Map<
    string,
    {
      phaseIndex: number;
      track: string | undefined;
      members: { person: Person; startDay: number; endDay: number }[];
    }
  >();
  for (const person of people) {
    for (const span of person.spans) {
      const key = `${span.phaseIndex}|${span.track ?? ""}`;
      let c = cohorts.get(key);
      if (c === undefined) {
        c = { phaseIndex: span.phaseIndex, track: span.track, members: [] };
        cohorts.set(key, c);
      }
      // A phase continued (an extension restates it in the path) is one stay: the same group.
      const last = c.members[c.members.length - 1];
      if (last?.person === person && last.endDay === span.startDay) last.endDay = span.endDay;
      else c.members.push({ person, startDay: span.startDay, endDay: span.endDay });
    }
  }
  const groups: GroupState[] = [];
  const capacity = program.groupCapacity;
  // Cohorts in phase order, then in the order the phase defines its tracks.
  const trackRank = (c: { phaseIndex: number; track: string | undefined }): number => {
    const phase = program.phases[c.phaseIndex];
    return phase === undefined ? 0 : minutesOf.tracks(phase).indexOf(c.track);
  };
  for (const c of [...cohorts.values()].sort(
    (a, b) => a.phaseIndex - b.phaseIndex || trackRank(a) - trackRank(b),
  )) {
    const phase = c === undefined ? undefined : program.phases[c.phaseIndex];
    if (c === undefined || phase === undefined) continue;
    // Best fit: the fullest group with room (packs rolling cohorts into fewer, fuller groups), ties
    // to the oldest. Full groups wait in a heap keyed by their earliest leaving day, so only groups
    // with room are scanned.
    const mine: GroupState[] = [];
    let open: number[] = [];
    const full: number[] = [];
    const SLOT = 1_048_576; // heap key = leaving day × SLOT + group number
    for (const m of [...c.members].sort(
      (a, b) => a.startDay - b.startDay || a.person.index - b.person.index,
    )) {
      while (full.length > 0 && Math.floor((full[0] ?? 0) / SLOT) <= m.startDay) {
        const n = (heapPop(full) ?? 0) % SLOT;
        const g = mine[n];
        if (g === undefined) continue;
        while ((g.ends[0] ?? Number.POSITIVE_INFINITY) <= m.startDay) heapPop(g.ends);
        if (g.ends.length < capacity) open.push(n);
        else heapPush(full, (g.ends[0] ?? 0) * SLOT + n);
      }
      let target: number | undefined;
      for (const n of open) {
        const g = mine[n];
        if (g === undefined) continue;
        while ((g.ends[0] ?? Number.POSITIVE_INFINITY) <= m.startDay) heapPop(g.ends);
        const t = target === undefined ? undefined : mine[target];
        if (
          t === undefined ||
          g.ends.length > t.ends.length ||
          (g.ends.length === t.ends.length && n < (target ?? 0))
        )
          target = n;
      }
      if (target === undefined) {
        target = mine.length;
        const g: GroupState = {
          id: safeId(`${phase.id}.${c.track ?? "all"}.g${mine.length + 1}`),
          phaseIndex: c.phaseIndex,
          track: c.track,
          ends: [],
          members: [],
          facilitator: undefined,
        };
        mine.push(g);
        open.push(target);
      }
      const g = mine[target];
      if (g === undefined) continue;
      heapPush(g.ends, m.endDay);
      g.members.push(m);
      if (g.ends.length >= capacity) {
        const filled = target;
        open = open.filter((n) => n !== filled);
        heapPush(full, (g.ends[0] ?? 0) * SLOT + filled);
      }
    }
    // Groups that people have left merge into fuller ones (program.groupMinimum).
    const meets = new Set(entriesForTrack(phase.pattern, c.track).map((e) => e.weekday));
    groups.push(
      ...mergeSmallGroups(mine, capacity, Math.min(program.groupMinimum, capacity), (day) =>
        meets.has(weekdayOfEpochDay(day)),
      ),
    );
  }

  /** Files a draft under a person's day. */
  const fileUnder = (p: Person, draft: Draft): void => {
    const list = p.byDay[draft.day - day0];
    if (list === undefined) p.byDay[draft.day - day0] = [draft];
    else list.push(draft);
    if (sessionTypes[draft.type].countsTowardClinicalHours) {
      const week = (mondayOfEpochDay(draft.day) - monday0) / 7;
      p.weekMinutes[week] = (p.weekMinutes[week] ?? 0) + (draft.endMs - draft.startMs) / MIN;
    }
  };
  /** Records a draft and files it under each attendee's day. */
  const addDraft = (draft: Draft, persons: readonly Person[]): void => {
    drafts.push(draft);
    for (const p of persons) fileUnder(p, draft);
  };
  /** True when the person is neither unavailable nor in another session over the interval. */
  const personFree = (
    person: Person,
    day: number,
    startMin: number,
    endMin: number,
    startMs: number,
    endMs: number,
  ): boolean => {
    if (overlapsAny(person.unavailable[weekdayOfEpochDay(day)], startMin, endMin)) return false;
    for (const d of person.byDay[day - day0] ?? NO_DRAFTS)
      if (startMs < d.endMs && d.startMs < endMs) return false;
    return true;
  };

  // 2b. Kept sessions (a re-plan): in the result as they are, booked for their people and staff.
  if (options.keep !== undefined && keepDay > clinic.windowStart) {
    const personById = new Map<string, Person>(people.map((p) => [p.id, p]));
    const staffById = new Map<string, StaffState>(staff.map((s) => [s.staff.id, s]));
    const groupById = new Map<string, GroupState>(groups.map((g) => [g.id, g]));
    for (const session of options.keep.sessions) {
      const startMs = toEpochMs(session.start);
      const endMs = toEpochMs(session.end);
      const day = clinic.clock.localDayOf(startMs);
      if (day < clinic.windowStart || day >= keepDay) continue;
      const attendees: Person[] = [];
      for (const id of session.participantIds) {
        const person = personById.get(id);
        if (person !== undefined) attendees.push(person);
      }
      const crew: StaffState[] = [];
      for (const id of session.staffIds) {
        const member = staffById.get(id);
        if (member !== undefined) crew.push(member);
      }
      const startMin = clinic.clock.localMinuteOf(startMs);
      const group = sessionTypes[session.sessionType].format === "group";
      const draft: Draft = {
        id: session.id,
        type: session.sessionType,
        day,
        startMin,
        endMin: localEnd(clinic, day, endMs),
        startMs,
        endMs,
        participants: attendees.map((p) => p.index),
        staff: crew[0]?.index ?? -1,
        groupId: session.groupId,
        phaseId: session.phaseId,
        track: session.track,
        patternEntry: session.patternEntry,
        makeUp: session.makeUp === true,
        topic: session.topic,
        kept: session,
      };
      addDraft(draft, attendees);
      for (const member of crew) book(member, day, startMs, endMs, group);
      const kept = session.groupId === undefined ? undefined : groupById.get(session.groupId);
      if (kept !== undefined && kept.facilitator === undefined) kept.facilitator = crew[0]?.index;
      if (group) continue;
      // One-to-ones and tests: the block they meet (S8) and the time the participant is used to.
      const typeCode = TYPE_CODES.indexOf(session.sessionType);
      for (const person of attendees)
        noteSolo(person, session.sessionType, typeCode, day, startMin);
    }
  }
  /** True when the person has a session of the type on a day in [from, to). */
  const holds = (person: Person, type: SessionTypeId, from: number, to: number): boolean => {
    for (let day = from; day < to; day++)
      if (person.byDay[day - day0]?.some((d) => d.type === type) === true) return true;
    return false;
  };

  // 3. Group sessions from the weekly patterns; closed days are dropped and remembered.
  const dropped: {
    group: GroupState;
    entry: PatternEntry;
    entryIndex: number;
    day: number;
    attendees: Person[];
  }[] = [];

  for (const g of groups) {
    const phase = program.phases[g.phaseIndex];
    if (phase === undefined) continue;
    const byWeekday: { entry: PatternEntry; index: number }[][] = Array.from(
      { length: 8 },
      () => [],
    );
    for (const entry of entriesForTrack(phase.pattern, g.track))
      byWeekday[entry.weekday]?.push({ entry, index: phase.pattern.indexOf(entry) });
    let first = Number.POSITIVE_INFINITY;
    let last = Number.NEGATIVE_INFINITY;
    for (const m of g.members) {
      first = Math.min(first, m.startDay);
      last = Math.max(last, m.endDay);
    }

    // The active members, updated as people join and leave; a new list only when it changes, so
    // the sessions of unchanged days share one (never mutated) list.
    const joins = [...g.members].sort((a, b) => a.startDay - b.startDay);
    let nextJoin = 0;
    let active: { person: Person; endDay: number }[] = [];
    let attendees: Person[] = [];
    let attendeeIndexes: number[] = [];
    for (let day = first; day < last; day++) {
      let changed = false;
      if (active.some((m) => m.endDay <= day)) {
        active = active.filter((m) => m.endDay > day);
        changed = true;
      }
      while (
        nextJoin < joins.length &&
        (joins[nextJoin]?.startDay ?? Number.POSITIVE_INFINITY) <= day
      ) {
        const m = joins[nextJoin++];
        if (m !== undefined && m.endDay > day) active.push({ person: m.person, endDay: m.endDay });
        changed = true;
      }
      if (changed) {
        attendees = active.map((m) => m.person);
        attendeeIndexes = attendees.map((p) => p.index);
      }
      const today = byWeekday[weekdayOfEpochDay(day)] ?? [];
      if (today.length === 0 || attendees.length === 0 || day < keepDay) continue;
      for (const { entry, index } of today) {
        if (clinic.closures.has(day)) {
          dropped.push({ group: g, entry, entryIndex: index, day, attendees });
          for (const p of attendees) p.closedDays.add(day);
          continue;
        }
        const startMin = toMinutes(entry.start);
        const startMs = clinic.clock.localToEpochMs(day, startMin);
        const endMs = startMs + entry.durationMinutes * MIN;
        const draft: Draft = {
          id: fitId(`${g.id}.${compactDate(day)}.${index}`),
          type: entry.sessionType,
          day,
          startMin,
          endMin: localEnd(clinic, day, endMs),
          startMs,
          endMs,
          participants: attendeeIndexes,
          staff: -1,
          groupId: g.id,
          phaseId: phase.id,
          patternEntry: index,
          track: g.track,
          makeUp: false,
          topic: entry.topic,
          kept: undefined,
        };
        const roles = sessionTypes[entry.sessionType].staffRoles;
        const who = assign(roles, draft, draft.endMin, g.facilitator, true);
        if (who !== undefined) g.facilitator ??= who;
        else if (hasStaff && roles.length > 0) staffingGap(draft, attendees[0], roles);
        addDraft(draft, attendees);
      }
    }
  }

  /**
   * Places a one-person session of `minutes` on one of the days [from, to): on-site days first, in the free
   * gaps of the participant's day (opening hours minus their sessions and unavailability), right
   * after or before one of their sessions when possible, then anywhere in a gap on a 15-minute
   * grid. Returns why it failed, or undefined on success.
   */
  const placeSolo = (
    person: Person,
    type: SessionTypeId,
    minutes: number,
    from: number,
    to: number,
    idPrefix: string,
    phaseId: string | undefined,
    preferred: Map<SessionTypeId, number>,
  ): "no-participant-slot" | "no-staff-slot" | undefined => {
    const roles = sessionTypes[type].staffRoles;
    const typeCode = TYPE_CODES.indexOf(type);
    let staffBlocked = false;
    /** Places the session at `startMin` on `day` if it fits; `checked` when the gap search already knows the time is free. */
    const tryAt = (day: number, startMin: number, checked: boolean): boolean => {
      const endMin = startMin + minutes;
      const startMs = clinic.clock.localToEpochMs(day, startMin);
      const endMs = startMs + minutes * MIN;
      // On a day with a DST change inside the session, skip: its wall-clock length would differ.
      if (clinic.clock.localToEpochMs(day, endMin) !== endMs) return false;
      if (hasStaff && roles.length > 0 && saturated(roles, startMs, endMs, false)) {
        staffBlocked = true;
        return false;
      }
      if (
        !checked &&
        (!isOpen(clinic, day, startMin, endMin) ||
          !personFree(person, day, startMin, endMin, startMs, endMs))
      )
        return false;
      let who: number | undefined;
      if (hasStaff && roles.length > 0) {
        who = assignAt(roles, day, startMin, endMin, startMs, endMs, preferred.get(type), false);
        if (who === undefined) {
          staffBlocked = true;
          return false;
        }
        if (!preferred.has(type)) preferred.set(type, who);
      }
      noteSolo(person, type, typeCode, day, startMin);
      const draft: Draft = {
        id: fitId(`${idPrefix}.${person.id}.${compactDate(day)}`),
        type,
        day,
        startMin,
        endMin,
        startMs,
        endMs,
        participants: person.self,
        staff: who ?? -1,
        groupId: undefined,
        phaseId,
        track: undefined,
        patternEntry: undefined,
        makeUp: false,
        topic: undefined,
        kept: undefined,
      };
      drafts.push(draft);
      fileUnder(person, draft);
      return true;
    };
    // Days of [from, to) the clinic opens, on-site ones (with a session of theirs) first.
    const onSiteDay = (d: number): boolean => (person.byDay[d - day0]?.length ?? 0) > 0;
    let onSiteCount = 0;
    for (let d = from; d < to; d++) if (!isClosedDay(clinic, d) && onSiteDay(d)) onSiteCount++;
    // Fast paths: their usual time for this session on that weekday (weeks repeat, so it is
    // usually free again), then right after the last of their sessions on an on-site day.
    for (let day = from; day < to; day++) {
      if (isClosedDay(clinic, day) || onSiteDay(day) !== onSiteCount > 0) continue;
      const usual = person.usualTime.get(typeCode * 8 + weekdayOfEpochDay(day));
      if (usual !== undefined && tryAt(day, usual, false)) return undefined;
    }
    for (let day = from; day < to && onSiteCount > 0; day++) {
      if (isClosedDay(clinic, day) || !onSiteDay(day)) continue;
      let last = 0;
      for (const d of person.byDay[day - day0] ?? NO_DRAFTS) last = Math.max(last, d.endMin);
      if (tryAt(day, last, false)) return undefined;
    }
    for (let pass = 0; pass < 2; pass++)
      for (let day = from; day < to; day++) {
        if (isClosedDay(clinic, day) || onSiteDay(day) !== (pass === 0)) continue;
        const gaps = freeGaps(
          clinic,
          day,
          person.byDay[day - day0],
          person.unavailable[weekdayOfEpochDay(day)],
          minutes,
        );
        if (gaps.length === 0) continue;
        // Right after one of their sessions first, then right before one, then a window's edges,
        // then (when staff are the constraint) anywhere in a gap on a 15-minute grid.
        const mine = person.byDay[day - day0] ?? NO_DRAFTS;
        for (let i = 0; i < gaps.length; i += 2) {
          const a = gaps[i] ?? 0;
          if (endsAt(mine, a) && tryAt(day, a, true)) return undefined;
        }
        for (let i = 0; i < gaps.length; i += 2) {
          const a = gaps[i] ?? 0;
          const b = gaps[i + 1] ?? 0;
          if (startsAt(mine, b) && !endsAt(mine, a) && tryAt(day, b - minutes, true))
            return undefined;
        }
        for (let i = 0; i < gaps.length; i += 2) {
          const a = gaps[i] ?? 0;
          const b = gaps[i + 1] ?? 0;
          if (
            (!endsAt(mine, a) && tryAt(day, a, true)) ||
            (b - minutes !== a && !startsAt(mine, b) && tryAt(day, b - minutes, true))
          )
            return undefined;
        }
        if (hasStaff)
          for (let i = 0; i < gaps.length; i += 2) {
            const a = gaps[i] ?? 0;
            const b = gaps[i + 1] ?? 0;
            for (let m = a + 15; m + minutes <= b; m += 15)
              if (tryAt(day, m, true)) return undefined;
          }
      }
    return staffBlocked ? "no-staff-slot" : "no-participant-slot";
  };

  // 4. One-to-ones: one in every block of N ISO weeks, counted from the ISO week in which the phase
  //    starts (S8), on the block's days of that phase. Blocks of whole ISO weeks keep a week from
  //    holding two of the same one-to-one, which the phase's band does not allow for.
  const TYPE_PREFIX: Partial<Record<SessionTypeId, string>> = {
    "individual-therapy": "ind",
    "family-therapy": "fam",
    "medication-management": "med",
    "case-management": "cm",
    "drug-test": "test",
  };
  const preferredStaff = new Map<Person, Map<SessionTypeId, number>>();
  for (const person of people) {
    const preferred = new Map<SessionTypeId, number>();
    preferredStaff.set(person, preferred);
    for (const span of person.spans) {
      const phase = program.phases[span.phaseIndex];
      if (phase === undefined) continue;
      for (const req of oneToOnes(phase, person)) {
        const blockDays = req.everyWeeks * 7;
        for (
          let blockStart = mondayOfEpochDay(span.phaseStart);
          blockStart < span.phaseEnd;
          blockStart += blockDays
        ) {
          const blockEnd = blockStart + blockDays;
          const lo = Math.max(blockStart, span.phaseStart, clinic.windowStart);
          const hi = Math.min(blockEnd, span.phaseEnd, clinic.windowEnd);
          if (lo >= hi) continue;
          const judged =
            blockStart >= span.phaseStart &&
            blockEnd <= span.phaseEnd &&
            blockStart >= clinic.windowStart &&
            blockEnd <= clinic.windowEnd;
          if (hi <= keepDay) {
            // Wholly kept: the block is what was held.
            if (judged && !holds(person, req.type, lo, hi))
              shortfalls.push({
                invariant: "S8",
                code: "kept-sessions",
                participantId: person.id,
                isoWeek: isoWeekKeyOfEpochDay(blockStart),
                phaseId: phase.id,
                message: `the kept sessions hold no ${req.type} between ${fromEpochDay(blockStart)} and ${fromEpochDay(blockEnd - 1)}`,
              });
            continue;
          }
          // A block that already holds one (the previous phase's, in a week where the phase changes,
          // or a kept one) is met. One-to-ones of a type are placed in date order, so the last one tells.
          if ((person.lastOneToOne.get(req.type) ?? Number.NEGATIVE_INFINITY) >= blockStart)
            continue;
          const failure = placeSolo(
            person,
            req.type,
            req.minutes,
            Math.max(lo, keepDay),
            hi,
            TYPE_PREFIX[req.type] ?? req.type,
            phase.id,
            preferred,
          );
          if (failure !== undefined && judged) {
            shortfalls.push({
              invariant: "S8",
              code: failure,
              participantId: person.id,
              isoWeek: isoWeekKeyOfEpochDay(blockStart),
              phaseId: phase.id,
              message: `no ${req.type} could be placed between ${fromEpochDay(blockStart)} and ${fromEpochDay(blockEnd - 1)}: ${failure === "no-staff-slot" ? "no staff member of the right role was free when the participant was" : "no open time fits the participant's other sessions and unavailability"}`,
            });
          }
        }
      }
    }
  }

  // Weekly clinical hours and bands, for make-ups and the S5 pass.
  /** Clinical hours planned for the person in the ISO week starting `monday` (kept as drafts are filed). */
  const weekHours = (person: Person, monday: number): number =>
    (person.weekMinutes[(monday - monday0) / 7] ?? 0) / 60;
  const weekBand = (
    person: Person,
    monday: number,
  ): { min: number; max: number; phaseChange: boolean } => {
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    let phaseIndex: number | undefined; // the first phase seen this week
    let phaseChange = false;
    for (let day = monday; day < monday + 7; day++) {
      const span = spanOn(person.spans, day);
      const band = span === undefined ? undefined : program.phases[span.phaseIndex]?.hoursPerWeek;
      if (span === undefined || band === undefined) continue;
      phaseIndex ??= span.phaseIndex;
      if (span.phaseIndex !== phaseIndex) phaseChange = true;
      min = Math.min(min, band.min);
      max = Math.max(max, band.max);
    }
    return { min, max, phaseChange };
  };
  /** True when all seven days of the ISO week starting `monday` are inside the person's enrolment and the window. */
  const fullWeek = (person: Person, monday: number): boolean => {
    for (let day = monday; day < monday + 7; day++)
      if (spanOn(person.spans, day) === undefined) return false;
    return true;
  };

  // 5. Make-ups for sessions lost to closures, for the members whose week would fall below band:
  //    the same wall-clock time on another day of that ISO week, on the day most of them can come.
  for (const lost of dropped) {
    const monday = mondayOfEpochDay(lost.day);
    let needy = lost.attendees.filter((p) => weekHours(p, monday) < weekBand(p, monday).min);
    const startMin = toMinutes(lost.entry.start);
    const options = Array.from({ length: 7 }, (_, k) => monday + k)
      .filter((d) => d !== lost.day && d >= keepDay && d < clinic.windowEnd)
      .sort((a, b) => Math.abs(a - lost.day) - Math.abs(b - lost.day) || b - a);
    while (needy.length > 0) {
      let best:
        { day: number; startMs: number; endMs: number; endMin: number; who: Person[] } | undefined;
      for (const day of options) {
        const startMs = clinic.clock.localToEpochMs(day, startMin);
        const endMs = startMs + lost.entry.durationMinutes * MIN;
        const endMin = localEnd(clinic, day, endMs);
        if (!isOpen(clinic, day, startMin, endMin)) continue;
        const who = needy.filter(
          (p) =>
            spanOn(p.spans, day) !== undefined &&
            personFree(p, day, startMin, endMin, startMs, endMs),
        );
        if (who.length > (best?.who.length ?? 0)) best = { day, startMs, endMs, endMin, who };
      }
      if (best === undefined) break;
      const { day, startMs, endMs, endMin } = best;
      const draft: Draft = {
        id: safeId(
          `${lost.group.id}.${compactDate(lost.day)}.${lost.entryIndex}.makeup.${compactDate(day)}`,
        ),
        type: lost.entry.sessionType,
        day,
        startMin,
        endMin,
        startMs,
        endMs,
        participants: best.who.map((p) => p.index),
        staff: -1,
        groupId: lost.group.id,
        phaseId: program.phases[lost.group.phaseIndex]?.id ?? "",
        patternEntry: lost.entryIndex,
        makeUp: true,
        track: lost.group.track,
        topic: lost.entry.topic,
        kept: undefined,
      };
      const roles = sessionTypes[lost.entry.sessionType].staffRoles;
      if (
        hasStaff &&
        roles.length > 0 &&
        assign(roles, draft, endMin, lost.group.facilitator, true) === undefined
      ) {
        // No facilitator that day: try the next best day without it.
        options.splice(options.indexOf(day), 1);
        continue;
      }
      addDraft(draft, best.who);
      const served = new Set(best.who);
      needy = needy.filter((p) => !served.has(p));
    }
  }

  // 6. Drug tests per ISO week on on-site days (S12).
  const { drugTestPolicy } = program;
  const root = createRng(seed);
  for (const person of people) {
    const preferred = preferredStaff.get(person) ?? new Map<SessionTypeId, number>();
    let previous: number | undefined;
    const personStream = root.fork(person.id);
    const firstMonday = mondayOfEpochDay(person.spans[0]?.startDay ?? clinic.windowStart);
    const lastDay = person.spans[person.spans.length - 1]?.endDay ?? clinic.windowStart;
    for (let monday = firstMonday; monday < lastDay; monday += 7) {
      let min = Number.POSITIVE_INFINITY;
      let max = 0;
      let phaseId: string | undefined;
      for (let day = monday; day < monday + 7; day++) {
        const span = spanOn(person.spans, day);
        const bounds =
          span === undefined ? undefined : program.phases[span.phaseIndex]?.drugTestsPerWeek;
        if (span === undefined || bounds === undefined) continue;
        min = Math.min(min, bounds.min);
        max = Math.max(max, bounds.max);
        phaseId ??= program.phases[span.phaseIndex]?.id;
      }
      if (min === Number.POSITIVE_INFINITY) continue;
      // Kept tests count toward the week; new ones go on on-site days from keepDay.
      let keptTests = 0;
      for (let day = monday; day < Math.min(monday + 7, keepDay); day++)
        if (holds(person, "drug-test", day, day + 1)) {
          keptTests += 1;
          previous = day;
        }
      if (max === 0 && keptTests === 0) continue;
      if (monday + 7 <= keepDay) {
        if ((keptTests < min || keptTests > max) && fullWeek(person, monday)) {
          const isoWeek = isoWeekKeyOfEpochDay(monday);
          shortfalls.push({
            invariant: "S12",
            code: "kept-sessions",
            participantId: person.id,
            isoWeek,
            ...(phaseId === undefined ? {} : { phaseId: phaseId as PhaseId }),
            message: `the kept sessions hold ${keptTests} drug test(s) in ${isoWeek}, outside the phase's ${min}–${max}`,
          });
        }
        continue;
      }
      const onSite: number[] = [];
      for (let day = Math.max(monday, keepDay); day < monday + 7; day++)
        if ((person.byDay[day - day0]?.length ?? 0) > 0 && spanOn(person.spans, day) !== undefined)
          onSite.push(day);
      const rng = testStream(personStream, monday);
      const count = Math.max(0, Math.min(rng.int(min, max) - keptTests, onSite.length));
      const chosen = chooseTestDays(
        rng,
        onSite,
        count,
        drugTestPolicy.minDaysApart,
        (d) => drugTestPolicy.favourDayAfterBreak && isClosedDay(clinic, d - 1),
        previous,
      );
      let placed = keptTests;
      for (const day of chosen.concat(onSite.filter((d) => !chosen.includes(d)))) {
        if (placed >= keptTests + count) break;
        const phaseOfDay = program.phases[spanOn(person.spans, day)?.phaseIndex ?? -1]?.id;
        if (
          placeSolo(
            person,
            "drug-test",
            drugTestPolicy.collectionMinutes,
            day,
            day + 1,
            "test",
            phaseOfDay,
            preferred,
          ) === undefined
        ) {
          placed += 1;
          previous = day;
        }
      }
      if ((placed < min || placed > max) && fullWeek(person, monday)) {
        // Above the maximum only when the kept tests are: a change from keepDay narrowed the week's band.
        const isoWeek = isoWeekKeyOfEpochDay(monday);
        const tooFewDays = keptTests + onSite.length < min;
        shortfalls.push({
          invariant: "S12",
          code:
            placed > max
              ? "kept-sessions"
              : tooFewDays
                ? "too-few-site-days"
                : "no-collection-slot",
          participantId: person.id,
          isoWeek,
          ...(phaseId === undefined ? {} : { phaseId: phaseId as PhaseId }),
          message:
            placed > max
              ? `the kept sessions hold ${keptTests} drug test(s) in ${isoWeek}, more than the phase's maximum of ${max}`
              : `${placed} drug test(s) planned in ${isoWeek}, fewer than the phase's minimum of ${min}: ${tooFewDays ? `the participant is on site only ${keptTests + onSite.length} day(s) that week` : "no collection time was free"}`,
        });
      }
    }
  }

  // 7. Weeks outside their band (S5), with their cause.
  for (const person of people) {
    const firstMonday = mondayOfEpochDay(person.spans[0]?.startDay ?? clinic.windowStart);
    const lastDay = person.spans[person.spans.length - 1]?.endDay ?? clinic.windowStart;
    for (let monday = firstMonday; monday + 7 <= lastDay; monday += 7) {
      if (!fullWeek(person, monday)) continue;
      const hours = weekHours(person, monday);
      const band = weekBand(person, monday);
      if (hours >= band.min - 1e-9 && hours <= band.max + 1e-9) continue;
      let closed = false;
      for (let day = monday; day < monday + 7; day++) if (person.closedDays.has(day)) closed = true;
      const code =
        monday + 7 <= keepDay
          ? "kept-sessions"
          : band.phaseChange
            ? "phase-change-week"
            : hours > band.max
              ? "above-band"
              : closed
                ? "closure"
                : "below-band";
      const phaseId = program.phases[spanOn(person.spans, monday)?.phaseIndex ?? -1]?.id;
      shortfalls.push({
        invariant: "S5",
        code,
        participantId: person.id,
        isoWeek: isoWeekKeyOfEpochDay(monday),
        ...(phaseId === undefined ? {} : { phaseId }),
        message: `${Math.round(hours * 100) / 100} clinical h in ${isoWeekKeyOfEpochDay(monday)}, outside ${band.min}–${band.max} h${code === "closure" ? ": sessions lost to a closure could not be made up that week" : code === "phase-change-week" ? ": the phase changes mid-week" : code === "kept-sessions" ? ": as the kept sessions hold it" : ""}`,
      });
    }
  }

  // Nothing is dropped (S13): someone enrolled in the window whose days there hold no session is reported.
  for (const person of people) {
    if (person.byDay.some((list) => list !== undefined)) continue;
    const from = fromEpochDay(person.spans[0]?.startDay ?? clinic.windowStart);
    const to = fromEpochDay(
      (person.spans[person.spans.length - 1]?.endDay ?? clinic.windowStart) - 1,
    );
    unschedulable.push({
      participantId: person.id,
      code: "no-sessions-in-window",
      message: `enrolled ${from} to ${to} in this window, but no session of their phases falls on an open day then`,
    });
  }

  return toSchedule(clinic, options, people, staff, groups, drafts, unschedulable, shortfalls);
}

function toSchedule(
  clinic: Clinic,
  options: PlanScheduleOptions,
  people: readonly Person[],
  staff: readonly StaffState[],
  groups: readonly GroupState[],
  drafts: readonly Draft[],
  unschedulable: Unschedulable[],
  shortfalls: Shortfall[],
): Schedule {
  const { clock, formatted } = clinic;
  const format = (ms: number): string => {
    let text = formatted.get(ms);
    if (text === undefined) {
      text = clock.format(ms);
      formatted.set(ms, text);
    }
    return text;
  };
  // Sessions in start order, ties in creation order: one numeric key per draft (start minute × 2²³
  // + index, exact in a double for any schedule within the record limit), sorted natively.
  const keys = new Float64Array(drafts.length);
  const base = clinic.windowStart * 1440 - 2880; // every session starts after this minute
  for (let i = 0; i < drafts.length; i++)
    keys[i] = ((drafts[i]?.startMs ?? 0) / MIN - base) * 8_388_608 + i;
  keys.sort();
  const order: number[] = [];
  for (let i = 0; i < keys.length; i++) order.push((keys[i] ?? 0) % 8_388_608);
  // Shared attendee lists map to one shared id list.
  const idLists = new Map<readonly number[], ParticipantId[]>();
  const idsOf = (list: readonly number[]): ParticipantId[] => {
    let ids = idLists.get(list);
    if (ids === undefined) {
      ids = [];
      for (const p of list) {
        const id = people[p]?.id;
        if (id !== undefined) ids.push(id);
      }
      idLists.set(list, ids);
    }
    return ids;
  };
  const sessions: ScheduledSession[] = [];
  for (const i of order) {
    const d = drafts[i];
    if (d === undefined) continue;
    if (d.kept !== undefined) {
      sessions.push({
        ...d.kept,
        participantIds: [...d.kept.participantIds],
        staffIds: [...d.kept.staffIds],
      });
      continue;
    }
    const staffId = d.staff < 0 ? undefined : staff[d.staff]?.staff.id;
    const staffIds: StaffId[] = staffId === undefined ? [] : [staffId];
    // A one-person session's id list is built directly.
    const only = d.participants.length === 1 ? people[d.participants[0] ?? -1]?.id : undefined;
    const id = d.id as SessionId;
    const start = clock.instantAt(d.day, d.startMin);
    const end = format(d.endMs);
    const participantIds = only === undefined ? [...idsOf(d.participants)] : [only];
    if (
      d.groupId === undefined &&
      d.phaseId !== undefined &&
      d.track === undefined &&
      d.patternEntry === undefined &&
      !d.makeUp &&
      d.topic === undefined
    ) {
      // The common one-to-one shape in one literal (same keys, in the same order, as below).
      const phaseId = d.phaseId as PhaseId;
      sessions.push({
        formatVersion: SESSION_FORMAT,
        id,
        sessionType: d.type,
        start,
        end,
        participantIds,
        staffIds,
        phaseId,
      });
      continue;
    }
    const session: ScheduledSession = {
      formatVersion: SESSION_FORMAT,
      id,
      sessionType: d.type,
      start,
      end,
      participantIds,
      staffIds,
    };
    if (d.groupId !== undefined) session.groupId = d.groupId as GroupId;
    if (d.phaseId !== undefined) session.phaseId = d.phaseId as PhaseId;
    if (d.track !== undefined) session.track = d.track;
    if (d.patternEntry !== undefined) session.patternEntry = d.patternEntry;
    if (d.makeUp) session.makeUp = true;
    if (d.topic !== undefined) session.topic = d.topic;
    sessions.push(session);
  }
  const outGroups: Group[] = groups.map((g) => ({
    id: g.id as GroupId,
    phaseId: (clinic.program.phases[g.phaseIndex]?.id ?? "") as PhaseId,
    ...(g.track === undefined ? {} : { track: g.track }),
    ...(g.facilitator === undefined
      ? {}
      : { facilitatorId: staff[g.facilitator]?.staff.id as StaffId }),
    members: g.members.map((m) => ({
      participantId: m.person.id,
      from: fromEpochDay(m.startDay),
      to: fromEpochDay(m.endDay - 1),
    })),
  }));
  return {
    formatVersion: scheduleFormat.version,
    window: { from: options.from, weeks: options.weeks },
    sessions,
    groups: outGroups,
    unschedulable,
    shortfalls: shortfalls.sort((a, b) =>
      a.participantId < b.participantId
        ? -1
        : a.participantId > b.participantId
          ? 1
          : a.isoWeek.localeCompare(b.isoWeek) || a.invariant.localeCompare(b.invariant),
    ),
  };
}
