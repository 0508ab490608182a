/**
 * `checkSchedule`: every breach of the scheduling invariants S1–S17 in a schedule — the planner's,
 * or one people edited by hand — each naming the sessions, participant or staff member involved.
 * It recomputes everything from the records and shares no placement code with the planner.
 */
import {
  fromEpochDay,
  isoWeekKeyOfEpochDay,
  mondayOfEpochDay,
  toEpochDay,
  weekdayOfEpochDay,
} from "../core/calendar";
import type { ParticipantId, SessionId, StaffId } from "../core/ids";
import { toEpochMs, tryParseInstant } from "../core/instant";
import { toMinutes } from "../core/wall-time";
import { createZoneClock } from "../core/zone";
import { sessionTypes, type Phase, type Program, type SessionTypeId } from "../program/index";
import { phaseSpans, raisesIntensity, spanOn, type PhaseSpan } from "./path";
import type { Enrollment, Schedule, ScheduledSession, Staff, Violation } from "./records";
import { IopError, guardEntry, type IopIssue } from "../core/errors";
import { limits } from "../core/limits";
import { checkOptions } from "../core/options";
import { checkModes, checkRooms, checkStaffLimits } from "./check-venues";
import { uncoveredMessage, uncoveredSeats } from "./authorization-cover";
import type { Authorization } from "../participant/index";

/** What a schedule is checked against. */
export interface CheckContext {
  /** The program the schedule is for. */
  readonly program: Program;
  /** The enrolments it plans. */
  readonly enrollments: readonly Enrollment[];
  /** The staff; without it, staff availability is not checked. */
  readonly staff?: readonly Staff[];
  /**
   * Payer authorisations, for S17; without them S17 is not checked. Participants with none are
   * not judged.
   */
  readonly authorizations?: readonly Authorization[];
}

interface Timed {
  readonly s: ScheduledSession;
  readonly startMs: number;
  readonly endMs: number;
  readonly day: number;
  readonly startMin: number;
  readonly endMin: number;
}

const round = (h: number): number => Math.round(h * 100) / 100;

/**
 * Checks a schedule against the scheduling invariants and returns every breach (an empty list
 * when the schedule is sound):
 *
 * - S1/S2 no participant / staff member in two overlapping sessions (and staff only within their
 *   availability); S3 no group over capacity; S4 sessions inside opening hours, on no closure;
 * - S5 each full ISO week of enrolment (inside the window) within the band of the phase in force
 *   (the wider band in a week where the phase changes); S6 phases never rise along the path except
 *   at a step-up, and sessions belong to the phase in force; S7 planned length inside the program's
 *   bounds unless extended (a course admitted into a later phase may be shorter);
 * - S8 the one-to-one mix: one of each in every block of N ISO weeks counted from the week the
 *   phase starts (blocks wholly inside the phase and the window); S9 nothing in a
 *   participant's unavailability; S10 pattern sessions at the pattern's wall-clock time;
 * - S12 weekly drug tests inside the bounds, only on days the participant is on site (any open
 *   day when the program's `drugTestPolicy.collectOn` is `"open-days"`);
 * - S13 every enrolled participant scheduled or reported unschedulable, and no one else;
 * - S14 (a program with rooms) every in-person or hybrid session in a room of its kind, big
 *   enough for the participants there and its staff, holding no other session at once;
 * - S15 each staff member within their daily and weekly hours and breaks, and given the
 *   program's travel time between rooms at different sites;
 * - S16 each session's delivery mode allowed by its session type and phase (or pattern entry),
 *   and each participant's mode one they can use (their `telehealth`);
 * - S17 (with `authorizations`) each session of a participant with an authorisation covered by
 *   one — its days, its level of care (the session's phase's), units left — or listed in an
 *   `"S17"` shortfall of the schedule for that participant.
 *
 * S11 (same input and seed → same output) is a property of `planSchedule`, proved by its tests; a
 * single schedule cannot breach it.
 */
export function checkSchedule(schedule: Schedule, context: CheckContext): Violation[] {
  checkOptions(
    "checkSchedule",
    { schedule, context },
    {
      schedule: { kind: "object" },
      "schedule.sessions": { kind: "list", max: limits.maxRecords },
      context: { kind: "object" },
      "context.program": { kind: "object" },
      "context.enrollments": { kind: "list", max: limits.maxParticipants },
      "context.staff": { kind: "list", max: limits.maxStaff, optional: true },
      "context.authorizations": { kind: "list", max: limits.maxRecords, optional: true },
    },
  );
  return guardEntry("checkSchedule", () => {
    const issues = sessionShapeIssues(schedule.sessions);
    if (issues.length > 0) throw new IopError("checkSchedule", issues);
    return checkedSchedule(schedule, context);
  });
}

/**
 * The sessions no schedule can hold, as `parseSchedule` reports them: an end that is not after the
 * start (`session-ends-before-start`), an empty roster (`too-small`). They are not breaches of an
 * invariant but records that are not sessions, so `checkSchedule` throws for them.
 */
function sessionShapeIssues(sessions: readonly ScheduledSession[]): IopIssue[] {
  const issues: IopIssue[] = [];
  sessions.forEach((s, i) => {
    const start = tryParseInstant(s.start);
    const end = tryParseInstant(s.end);
    if (start === undefined || end === undefined)
      issues.push({
        code: "invalid-instant",
        path: ["sessions", i, start === undefined ? "start" : "end"],
        message: "must be an ISO 8601 date-time with a UTC offset",
      });
    else if (end <= start)
      issues.push({
        code: "session-ends-before-start",
        path: ["sessions", i, "end"],
        message: "`end` must be after `start`: a session lasts at least a minute",
      });
    if (!Array.isArray(s.participantIds) || s.participantIds.length === 0)
      issues.push({
        code: "too-small",
        path: ["sessions", i, "participantIds"],
        message: "must have at least one entry",
      });
  });
  return issues;
}

/** {@link checkSchedule} for arguments of the right shape. */
function checkedSchedule(schedule: Schedule, context: CheckContext): Violation[] {
  const c = checking(schedule, context);
  checkOverlaps(c); // S1, S2
  checkSessions(c); // S3, S4, S9, S10
  checkEveryone(c); // S13
  checkRooms(c.program, c.timed, c.out); // S14
  checkStaffLimits(c.program, c.context.staff, c.byStaff, c.out); // S15
  checkModes(c.program, c.enrolled, c.timed, c.out); // S16
  if (context.authorizations !== undefined)
    checkAuthorizations(schedule, c.program, context.authorizations, c.out); // S17
  for (const [id, enrollment] of c.enrolled) {
    if (c.reported.has(id) && !c.byParticipant.has(id)) continue;
    checkParticipant(c, id as ParticipantId, enrollment); // S5–S8, S12
  }
  return c.out;
}

/** A schedule being checked: its sessions timed in the program's zone, by person, and the breaches so far. */
interface Checking {
  readonly schedule: Schedule;
  readonly context: CheckContext;
  readonly program: Program;
  readonly clock: ReturnType<typeof createZoneClock>;
  readonly out: Violation[];
  readonly windowStart: number;
  readonly windowEnd: number;
  readonly closures: ReadonlySet<number>;
  /** Opening windows per ISO weekday, local minutes. */
  readonly opening: readonly (readonly [number, number])[][];
  readonly timed: readonly Timed[];
  readonly byParticipant: ReadonlyMap<string, Timed[]>;
  readonly byStaff: ReadonlyMap<string, Timed[]>;
  /** The first enrolment of each participant. */
  readonly enrolled: ReadonlyMap<string, Enrollment>;
  /** Participants the schedule reports unschedulable. */
  readonly reported: ReadonlySet<string>;
}

function checking(schedule: Schedule, context: CheckContext): Checking {
  const { program } = context;
  const clock = createZoneClock(program.timeZone);
  const windowStart = toEpochDay(schedule.window.from);
  const opening: [number, number][][] = Array.from({ length: 8 }, () => []);
  for (const w of program.operatingHours)
    opening[w.weekday]?.push([toMinutes(w.open), toMinutes(w.close)]);
  const timed: Timed[] = schedule.sessions.map((s) => {
    const startMs = toEpochMs(s.start);
    const endMs = toEpochMs(s.end);
    const day = clock.localDayOf(startMs);
    return {
      s,
      startMs,
      endMs,
      day,
      startMin: clock.localMinuteOf(startMs),
      endMin: (clock.localDayOf(endMs) - day) * 1440 + clock.localMinuteOf(endMs),
    };
  });
  const byParticipant = new Map<string, Timed[]>();
  const byStaff = new Map<string, Timed[]>();
  for (const t of timed) {
    for (const p of t.s.participantIds) byParticipant.set(p, [...(byParticipant.get(p) ?? []), t]);
    for (const st of t.s.staffIds) byStaff.set(st, [...(byStaff.get(st) ?? []), t]);
  }
  const enrolled = new Map<string, Enrollment>();
  for (const e of context.enrollments)
    if (!enrolled.has(e.participant.id)) enrolled.set(e.participant.id, e);
  return {
    schedule,
    context,
    program,
    clock,
    out: [],
    windowStart,
    windowEnd: windowStart + schedule.window.weeks * 7,
    closures: new Set(program.closures.map(toEpochDay)),
    opening,
    timed,
    byParticipant,
    byStaff,
    enrolled,
    reported: new Set(schedule.unschedulable.map((u) => u.participantId as string)),
  };
}

/** Reports each pair of overlapping sessions along a timeline. */
function overlaps(list: readonly Timed[], report: (a: Timed, b: Timed) => void): void {
  const sorted = [...list].sort((a, b) => a.startMs - b.startMs);
  let reach: Timed | undefined;
  for (const t of sorted) {
    if (reach !== undefined && t.startMs < reach.endMs) report(reach, t);
    if (reach === undefined || t.endMs > reach.endMs) reach = t;
  }
}

/** S1 and S2: overlaps along each person's timeline; staff only within their availability. */
function checkOverlaps(c: Checking): void {
  for (const [p, list] of c.byParticipant) {
    overlaps(list, (a, b) =>
      c.out.push({
        code: "S1",
        message: `participant ${p} is in two overlapping sessions (${a.s.start} and ${b.s.start})`,
        sessionIds: [a.s.id, b.s.id],
        participantId: p as ParticipantId,
      }),
    );
  }
  const staffById = new Map((c.context.staff ?? []).map((s) => [s.id as string, s]));
  for (const [id, list] of c.byStaff) {
    overlaps(list, (a, b) =>
      c.out.push({
        code: "S2",
        message: `staff member ${id} is in two overlapping sessions (${a.s.start} and ${b.s.start})`,
        sessionIds: [a.s.id, b.s.id],
        staffId: id as StaffId,
      }),
    );
    const member = staffById.get(id);
    if (c.context.staff === undefined) continue;
    for (const t of list) {
      const works = member?.availability.some(
        (a) =>
          a.weekday === weekdayOfEpochDay(t.day) &&
          toMinutes(a.from) <= t.startMin &&
          t.endMin <= toMinutes(a.to),
      );
      if (works !== true) {
        c.out.push({
          code: "S2",
          message:
            member === undefined
              ? `session names unknown staff member ${id}`
              : `staff member ${id} is scheduled outside their availability on ${fromEpochDay(t.day)}`,
          sessionIds: [t.s.id],
          staffId: id as StaffId,
        });
      }
    }
  }
}

/** S3, S4 and S9 per session; S10 for pattern sessions. */
function checkSessions(c: Checking): void {
  const { program } = c;
  const phaseById = new Map(program.phases.map((p) => [p.id as string, p]));
  for (const t of c.timed) {
    const { s } = t;
    if (
      sessionTypes[s.sessionType].format === "group" &&
      s.participantIds.length > program.groupCapacity
    ) {
      c.out.push({
        code: "S3",
        message: `${s.sessionType} on ${s.start} has ${s.participantIds.length} participants; capacity is ${program.groupCapacity}`,
        sessionIds: [s.id],
      });
    }
    const inside = (c.opening[weekdayOfEpochDay(t.day)] ?? []).some(
      ([open, close]) => open <= t.startMin && t.endMin <= close,
    );
    if (c.closures.has(t.day))
      c.out.push({
        code: "S4",
        message: `${s.sessionType} on ${fromEpochDay(t.day)} falls on a closure`,
        sessionIds: [s.id],
      });
    else if (!inside)
      c.out.push({
        code: "S4",
        message: `${s.sessionType} ${s.start}–${s.end} is outside operating hours in ${program.timeZone}`,
        sessionIds: [s.id],
      });
    for (const p of s.participantIds) {
      const u = c.enrolled
        .get(p)
        ?.participant.unavailable.find(
          (x) =>
            x.weekday === weekdayOfEpochDay(t.day) &&
            t.startMin < toMinutes(x.to) &&
            toMinutes(x.from) < t.endMin,
        );
      if (u !== undefined)
        c.out.push({
          code: "S9",
          message: `participant ${p} is unavailable ${u.from}–${u.to} on ${fromEpochDay(t.day)}, when ${s.sessionType} runs`,
          sessionIds: [s.id],
          participantId: p,
        });
    }
    if (s.patternEntry !== undefined && s.phaseId !== undefined) checkPatternTime(c, t, phaseById);
  }
}

/** S10: a pattern session starts at its entry's wall-clock time (on its weekday, unless a make-up). */
function checkPatternTime(c: Checking, t: Timed, phaseById: ReadonlyMap<string, Phase>): void {
  const { s } = t;
  const entry = phaseById.get(s.phaseId ?? "")?.pattern[s.patternEntry ?? -1];
  if (entry === undefined) {
    c.out.push({
      code: "S10",
      message: `session names pattern entry ${s.patternEntry} of phase "${s.phaseId}", which does not exist`,
      sessionIds: [s.id],
    });
    return;
  }
  const expected = c.clock.localToEpochMs(t.day, toMinutes(entry.start));
  const wrongDay = s.makeUp !== true && weekdayOfEpochDay(t.day) !== entry.weekday;
  if (expected !== t.startMs || wrongDay) {
    c.out.push({
      code: "S10",
      message: `${s.sessionType} starts ${s.start}, but the pattern says ${wrongDay ? `weekday ${entry.weekday} ` : ""}${entry.start} in ${c.program.timeZone} (${c.clock.format(expected)})`,
      sessionIds: [s.id],
    });
  }
}

/** S13: everyone enrolled is scheduled or reported; no one else appears. */
function checkEveryone(c: Checking): void {
  for (const id of c.enrolled.keys()) {
    if (!c.byParticipant.has(id) && !c.reported.has(id))
      c.out.push({
        code: "S13",
        message: `participant ${id} is enrolled but neither scheduled nor reported unschedulable`,
        sessionIds: [],
        participantId: id as ParticipantId,
      });
  }
  for (const [id, list] of c.byParticipant) {
    if (!c.enrolled.has(id))
      c.out.push({
        code: "S13",
        message: `participant ${id} is in sessions but not enrolled`,
        sessionIds: list.slice(0, 5).map((t) => t.s.id),
        participantId: id as ParticipantId,
      });
  }
}

/** S5–S8 and S12 for one enrolled participant. */
function checkParticipant(c: Checking, pid: ParticipantId, enrollment: Enrollment): void {
  const mine = c.byParticipant.get(pid) ?? [];
  const spans = phaseSpans(c.program, enrollment);
  checkPath(c.program, enrollment, spans, pid, (v) => c.out.push(v));
  if (spans.length === 0) return;
  checkSessionPhases(c, pid, spans, mine);
  checkWeeks(c, pid, spans, mine);
  checkOneToOnes(c, pid, enrollment, spans, mine);
}

/** S6: sessions belong to the phase in force on their day. */
function checkSessionPhases(
  c: Checking,
  pid: ParticipantId,
  spans: readonly PhaseSpan[],
  mine: readonly Timed[],
): void {
  for (const t of mine) {
    if (t.s.phaseId === undefined) continue;
    const span = spanOn(spans, t.day);
    if (span === undefined)
      c.out.push({
        code: "S6",
        message: `participant ${pid} has ${t.s.sessionType} on ${fromEpochDay(t.day)}, outside their enrolment`,
        sessionIds: [t.s.id],
        participantId: pid,
      });
    else if (span.phaseId !== t.s.phaseId)
      c.out.push({
        code: "S6",
        message: `participant ${pid} is in phase "${span.phaseId}" on ${fromEpochDay(t.day)}, but ${t.s.sessionType} belongs to "${t.s.phaseId}"`,
        sessionIds: [t.s.id],
        participantId: pid,
      });
  }
}

/** S5 and S12 on each full ISO week of enrolment inside the window. */
function checkWeeks(
  c: Checking,
  pid: ParticipantId,
  spans: readonly PhaseSpan[],
  mine: readonly Timed[],
): void {
  const first = spans[0]?.startDay ?? 0;
  const last = spans[spans.length - 1]?.endDay ?? 0;
  for (
    let monday = mondayOfEpochDay(Math.max(first, c.windowStart));
    monday + 7 <= Math.min(last, c.windowEnd);
    monday += 7
  ) {
    const bounds = fullWeekBounds(c, spans, monday, first);
    if (bounds === undefined) continue;
    const week = mine.filter((t) => t.day >= monday && t.day < monday + 7);
    const isoWeek = isoWeekKeyOfEpochDay(monday);
    const minutes = week.reduce(
      (m, t) =>
        m +
        (sessionTypes[t.s.sessionType].countsTowardClinicalHours
          ? (t.endMs - t.startMs) / 60_000
          : 0),
      0,
    );
    const hours = minutes / 60;
    if (hours < bounds.hMin - 1e-9 || hours > bounds.hMax + 1e-9) {
      c.out.push({
        code: "S5",
        message: `participant ${pid} has ${round(hours)} clinical h in ${isoWeek}, outside ${boundsText(bounds.hMin, bounds.hMax)} h`,
        sessionIds: week.map((t) => t.s.id),
        participantId: pid,
        isoWeek,
      });
    }
    const tests = week.filter((t) => t.s.sessionType === "drug-test");
    if (tests.length < bounds.tMin || tests.length > bounds.tMax) {
      c.out.push({
        code: "S12",
        message: `participant ${pid} has ${tests.length} drug test(s) in ${isoWeek}, outside ${boundsText(bounds.tMin, bounds.tMax)}`,
        sessionIds: tests.map((t) => t.s.id),
        participantId: pid,
        isoWeek,
      });
    }
    // Call-in testing (collectOn "open-days") may test on any open day; S2 keeps it in opening hours.
    const callIn = c.program.drugTestPolicy.collectOn === "open-days";
    for (const test of tests) {
      if (
        !callIn &&
        !week.some(
          (t) => t.day === test.day && t.s.sessionType !== "drug-test" && attendsOnSite(t.s, pid),
        )
      ) {
        c.out.push({
          code: "S12",
          message: `participant ${pid} has a drug test on ${fromEpochDay(test.day)}, a day they are not otherwise on site`,
          sessionIds: [test.s.id],
          participantId: pid,
          isoWeek,
        });
      }
    }
  }
}

/** True when the participant attends the session in person (not by video or phone). */
function attendsOnSite(s: ScheduledSession, pid: ParticipantId): boolean {
  const mode = s.deliveryMode ?? "in-person";
  return (
    mode === "in-person" || (mode === "hybrid" && !(s.remoteParticipantIds ?? []).includes(pid))
  );
}

/** The hours and drug-test bounds of a week wholly inside the enrolment and the window (the widest over its phases), or undefined. */
function fullWeekBounds(
  c: Checking,
  spans: readonly PhaseSpan[],
  monday: number,
  first: number,
): { hMin: number; hMax: number; tMin: number; tMax: number } | undefined {
  if (monday < first || monday < c.windowStart) return undefined;
  let hMin = Number.POSITIVE_INFINITY;
  let hMax = Number.NEGATIVE_INFINITY;
  let tMin = Number.POSITIVE_INFINITY;
  let tMax = Number.NEGATIVE_INFINITY;
  for (let day = monday; day < monday + 7; day++) {
    const phase = c.program.phases[spanOn(spans, day)?.phaseIndex ?? -1];
    if (phase === undefined || day < c.windowStart || day >= c.windowEnd) return undefined;
    hMin = Math.min(hMin, phase.hoursPerWeek.min);
    hMax = Math.max(hMax, phase.hoursPerWeek.max);
    tMin = Math.min(tMin, phase.drugTestsPerWeek.min);
    tMax = Math.max(tMax, phase.drugTestsPerWeek.max);
  }
  return { hMin, hMax, tMin, tMax };
}

/** S8: the one-to-one mix in every full block of N weeks from each phase's start, inside the window. */
function checkOneToOnes(
  c: Checking,
  pid: ParticipantId,
  enrollment: Enrollment,
  spans: readonly PhaseSpan[],
  mine: readonly Timed[],
): void {
  const onMedication = enrollment.participant.medications.some((m) => m.purpose !== "other");
  for (const span of spans) {
    const phase = c.program.phases[span.phaseIndex];
    if (phase === undefined) continue;
    // The checker's own reading of which one-to-ones apply (it shares no rule code with the planner).
    const requirements: { type: SessionTypeId; everyWeeks: number }[] = [
      { type: "individual-therapy", everyWeeks: phase.individualEveryWeeks },
      ...phase.oneToOne
        .filter(
          (r) =>
            r.appliesTo === "everyone" ||
            (r.appliesTo === "family-involved"
              ? enrollment.participant.familyInvolved
              : onMedication),
        )
        .map((r) => ({ type: r.sessionType, everyWeeks: r.everyWeeks })),
    ];
    for (const req of requirements) {
      // Blocks of N whole ISO weeks from the week the phase starts in; judged when all their days are in the phase and the window.
      const blockDays = req.everyWeeks * 7;
      for (
        let start = mondayOfEpochDay(span.startDay);
        start + blockDays <= span.endDay;
        start += blockDays
      ) {
        if (start < span.startDay || start < c.windowStart || start + blockDays > c.windowEnd)
          continue;
        if (
          !mine.some(
            (t) => t.s.sessionType === req.type && t.day >= start && t.day < start + blockDays,
          )
        ) {
          c.out.push({
            code: "S8",
            message: `participant ${pid} has no ${req.type} between ${fromEpochDay(start)} and ${fromEpochDay(start + blockDays - 1)} (phase "${phase.id}" asks for one every ${req.everyWeeks} week(s))`,
            sessionIds: [],
            participantId: pid,
            isoWeek: isoWeekKeyOfEpochDay(start),
          });
        }
      }
    }
  }
}

/** S6 and S7 on the planned path. */
function checkPath(
  program: Program,
  enrollment: Enrollment,
  spans: readonly PhaseSpan[],
  pid: ParticipantId,
  add: (v: Violation) => void,
): void {
  for (let i = 1; i < spans.length; i++) {
    const a = spans[i - 1];
    const b = spans[i];
    if (
      a !== undefined &&
      b !== undefined &&
      b.reason !== "step-up" &&
      raisesIntensity(program, a.phaseIndex, b.phaseIndex)
    ) {
      add({
        code: "S6",
        message: `participant ${pid}'s path moves from phase "${a.phaseId}" to the more intense "${b.phaseId}" on ${fromEpochDay(b.startDay)} without a step-up`,
        sessionIds: [],
        participantId: pid,
      });
    }
  }
  const planned = phaseSpans(program, { ...enrollment, end: undefined });
  const first = planned[0];
  const last = planned[planned.length - 1];
  if (first === undefined || last === undefined) return;
  const weeks = (last.endDay - first.startDay) / 7;
  const extended = planned.some((s) => s.reason === "extension" || s.reason === "step-up");
  const fullCourse = first.phaseIndex === 0;
  const { min, max } = program.lengthWeeks;
  if (!extended && (weeks > max || (fullCourse && weeks < min))) {
    add({
      code: "S7",
      message: `participant ${pid}'s planned course lasts ${round(weeks)} weeks, outside the program's ${boundsText(min, max)} weeks`,
      sessionIds: [] as SessionId[],
      participantId: pid,
    });
  }
}

/**
 * S17: each seat no authorisation covers must be listed in an `"S17"` shortfall of its
 * participant; one violation per seat that is not.
 */
function checkAuthorizations(
  schedule: Schedule,
  program: Program,
  authorizations: readonly Authorization[],
  out: Violation[],
): void {
  const reported = new Set<string>();
  for (const f of schedule.shortfalls)
    if (f.invariant === "S17")
      for (const id of f.sessionIds ?? []) reported.add(`${f.participantId}\u0000${id}`);
  for (const u of uncoveredSeats(program, schedule.sessions, authorizations)) {
    const s = schedule.sessions[u.session] as ScheduledSession;
    if (reported.has(`${u.participantId}\u0000${s.id}`)) continue;
    out.push({
      code: "S17",
      message: `session ${s.id} of ${u.participantId} on ${fromEpochDay(u.day)} is not authorised (${uncoveredMessage[u.code]}) and no S17 shortfall reports it`,
      sessionIds: [s.id],
      participantId: u.participantId as ParticipantId,
      isoWeek: isoWeekKeyOfEpochDay(u.day),
    });
  }
}

/** Bounds as a message writes them: `"6–7"`, or `"8"` when both are one number. @internal */
export const boundsText = (min: number, max: number): string =>
  min === max ? String(min) : `${min}–${max}`;
