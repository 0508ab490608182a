/**
 * `authorizationLedger`: each payer authorisation's units used (attended sessions before `asOf`),
 * planned (scheduled sessions from `asOf` on), remaining, its expiry and next review, and the
 * warnings utilisation review needs — a plan beyond the authorisation, units that run out before
 * the planned discharge, a level change without an authorisation, care delivered without one. It
 * counts units with the same walk as the planner's S17 (iopkit/schedule), so the two agree.
 */
import { addDays, daysBetween, fromEpochDay, toEpochDay, type IsoDate } from "../core/calendar";
import { guardEntry } from "../core/errors";
import type { ParticipantId, SessionId } from "../core/ids";
import { limits } from "../core/limits";
import { checkOptions } from "../core/options";
import type { AttendanceRecord } from "../attendance/index";
import type { Authorization, AuthorizedUnits } from "../participant/index";
import type { LevelOfCareId, Program } from "../program/index";
import type { Schedule, ScheduledSession } from "../schedule/index";
import {
  coverSeat,
  levelOfSession,
  startCover,
  type UncoveredCode,
} from "../schedule/authorization-cover";
import { matchFor, type MatchedAttendance } from "./seats";

/** Options of {@link authorizationLedger}. */
export interface AuthorizationLedgerOptions {
  /** The program (its zone, its phases' levels of care, `reviewPolicy.utilizationReviewDays`). */
  readonly program: Program;
  /** The authorisations to account for (`parseAuthorization`). */
  readonly authorizations: readonly Authorization[];
  /** The schedule: past sessions (with their attendance) and planned ones. */
  readonly schedule: Pick<Schedule, "sessions">;
  /** Attendance records of the schedule's sessions (each must fit it, as `checkAttendance` says). */
  readonly attendance: readonly AttendanceRecord[];
  /** The day to judge on: sessions before it are past, from it on planned. */
  readonly asOf: IsoDate;
  /**
   * An active authorisation ending within this many days of `asOf` is `expiring` (0–365).
   * @defaultValue 7 (iopkit's choice, unverified: configure to the payer's lead time for a concurrent review)
   */
  readonly expiringWithinDays?: number;
  /**
   * The same program zone, schedule and attendance already matched by {@link matchAttendance}
   * (shared with {@link billableDays}): skips matching them again.
   */
  readonly matched?: MatchedAttendance;
}

/** Where an authorisation stands on `asOf`. */
export const authorizationStatuses = ["upcoming", "active", "exhausted", "expired"] as const;
/** One of {@link authorizationStatuses}. */
export type AuthorizationStatus = (typeof authorizationStatuses)[number];

/** One authorisation's account. */
export interface AuthorizationAccount {
  /** The authorisation's id. */
  readonly authorizationId: string;
  /** Whose. */
  readonly participantId: ParticipantId;
  /** The payer. */
  readonly payer: string;
  /** The level authorised (the payer's level, not the clinical one). */
  readonly level: LevelOfCareId;
  /** First day. */
  readonly from: IsoDate;
  /** Last day. */
  readonly to: IsoDate;
  /** The units granted, or `null` for a dates-only authorisation. */
  readonly units: AuthorizedUnits | null;
  /** Units taken by sessions attended before `asOf` (days, sessions or attended hours); for a dates-only authorisation, sessions. */
  readonly used: number;
  /** Units the schedule takes from `asOf` on (days, sessions or scheduled hours; dates-only: sessions). */
  readonly planned: number;
  /** `units.count − used`, or `null` without units. */
  readonly remaining: number | null;
  /** `units.count − used − planned` (never below 0: what the plan cannot have is a warning), or `null`. */
  readonly remainingAfterPlan: number | null;
  /** `upcoming` (starts after `asOf`), `active`, `exhausted` (units used up on `asOf`), `expired` (ended before `asOf`). */
  readonly status: AuthorizationStatus;
  /** Days from `asOf` to `to` (negative once expired). */
  readonly daysToExpiry: number;
  /** Active and ending within `expiringWithinDays`. */
  readonly expiring: boolean;
  /**
   * The next utilisation review: the authorisation's `nextReviewOn`, else `from` +
   * `reviewPolicy.utilizationReviewDays` or `to`, whichever is first; `null` once expired.
   */
  readonly nextReview: { readonly on: IsoDate; readonly daysLeft: number } | null;
}

/**
 * What a warning is about: `plan-beyond-authorization` (sessions planned on days no
 * authorisation covers), `units-run-out` (sessions planned after the units are used up, before
 * the planned discharge), `level-change-unauthorized` (sessions attended or planned at a level of
 * care no authorisation of the day covers — the clinical level moved, the authorised one did
 * not), `served-without-authorization` (sessions attended before `asOf` on days no authorisation
 * covered, or after its units were used up).
 */
export const authorizationWarningCodes = [
  "plan-beyond-authorization",
  "units-run-out",
  "level-change-unauthorized",
  "served-without-authorization",
] as const;
/** One of {@link authorizationWarningCodes}. */
export type AuthorizationWarningCode = (typeof authorizationWarningCodes)[number];

/** A warning for utilisation review: one per participant and code, with the sessions concerned. */
export interface AuthorizationWarning {
  /** What is wrong. */
  readonly code: AuthorizationWarningCode;
  /** Whose. */
  readonly participantId: ParticipantId;
  /** The sessions concerned, in start order. */
  readonly sessionIds: readonly SessionId[];
  /** The first day concerned (for `units-run-out`: the first session the units do not cover). */
  readonly from: IsoDate;
  /** The last day concerned (for `units-run-out`: the planned discharge, the last planned session). */
  readonly to: IsoDate;
  /** A sentence for people. */
  readonly message: string;
}

/** What {@link authorizationLedger} returns. */
export interface AuthorizationLedger {
  /** One account per authorisation, in the order given. */
  readonly accounts: readonly AuthorizationAccount[];
  /** Warnings by participant (in order of first appearance in the schedule), then by code in {@link authorizationWarningCodes} order. */
  readonly warnings: readonly AuthorizationWarning[];
}

const UNCOVERED_TO_WARNING: Readonly<Record<UncoveredCode, AuthorizationWarningCode>> = {
  "not-authorized": "plan-beyond-authorization",
  "units-exhausted": "units-run-out",
  "level-not-authorized": "level-change-unauthorized",
};

const WARNING_TEXT: Readonly<Record<AuthorizationWarningCode, string>> = {
  "plan-beyond-authorization": "planned on days no authorisation covers",
  "units-run-out": "planned after the authorised units run out",
  "level-change-unauthorized": "at a level of care no authorisation of the day covers",
  "served-without-authorization": "attended without an authorisation covering them",
};

interface Draft {
  readonly participantId: string;
  readonly code: AuthorizationWarningCode;
  readonly sessionIds: SessionId[];
  readonly first: number;
  last: number;
}

/**
 * The ledger of `authorizations` on `asOf`. Seats (one participant on one session) are walked in
 * start order: before `asOf`, an attended seat (`present`, `late`, `left-early`) takes units from
 * the authorisation that covers it (days: once per day; sessions: one; hours: the minutes
 * attended); from `asOf` on, every scheduled seat is planned and takes units the same way
 * (hours: the session's length). The authorisation ending first is used first. Participants
 * without an authorisation are not judged. Pure; throws {@link core!IopError | IopError} for bad
 * options or attendance that does not fit the schedule.
 * @example
 * ```ts
 * const authorizations = [
 *   parseAuthorization({
 *     id: "auth-1", participantId: participant.id, payer: "Acme Health", level: "intensive-outpatient",
 *     from: "2026-03-09", to: "2026-04-05", units: { of: "days", count: 12 },
 *   }),
 * ];
 * const { accounts, warnings } = authorizationLedger({ program, authorizations, schedule, attendance, asOf: "2026-03-16" });
 * accounts[0]?.remaining; // units left
 * warnings.filter((w) => w.code === "units-run-out");
 * ```
 */
export function authorizationLedger(options: AuthorizationLedgerOptions): AuthorizationLedger {
  checkOptions("authorizationLedger", options, {
    program: { kind: "object" },
    authorizations: { kind: "list", max: limits.maxRecords },
    schedule: { kind: "object" },
    "schedule.sessions": { kind: "list", max: limits.maxRecords },
    attendance: { kind: "list", max: limits.maxRecords },
    asOf: { kind: "date" },
    expiringWithinDays: { kind: "integer", min: 0, max: 365, optional: true },
    matched: { kind: "object", optional: true },
  });
  return guardEntry("authorizationLedger", () => ledgerOf(options));
}

function ledgerOf(options: AuthorizationLedgerOptions): AuthorizationLedger {
  const { program, authorizations, asOf } = options;
  const today = toEpochDay(asOf);
  const { index, order, attended } = matchFor("authorizationLedger", options);
  const n = authorizations.length;
  const cover = startCover(authorizations);
  // Units taken before asOf (a snapshot of the walk's count at the first planned seat), and
  // seats covered before and from asOf (the units of a dates-only authorisation).
  let usedBefore: Float64Array | undefined;
  const seatsBefore = new Float64Array(n);
  const seatsAfter = new Float64Array(n);
  const levelOf = levelOfSession(program);
  const drafts = new Map<string, Draft[]>();
  const { sessions, day, minutes, seatBase, seatMinutes, seatParticipant } = index;
  // By the index's participant number: their authorisations, and their last planned day.
  const listOf = index.participants.map((id) => cover.byParticipant.get(id));
  const lastPlannedDay = new Float64Array(index.participants.length).fill(Number.NaN);
  for (let k = 0; k < order.length; k++) {
    const s = order[k] ?? 0;
    const session = sessions[s] as ScheduledSession;
    const d = day[s] ?? 0;
    const past = d < today;
    if (!past && usedBefore === undefined) usedBefore = cover.used.slice();
    const level = levelOf(session.phaseId);
    const base = seatBase[s] ?? 0;
    const roster = session.participantIds;
    for (let j = 0; j < roster.length; j++) {
      const p = seatParticipant[base + j] ?? 0;
      const list = listOf[p];
      if (list === undefined) continue;
      const participantId = roster[j] as string;
      let hours = (minutes[s] ?? 0) / 60;
      if (past) {
        if (attended[base + j] !== 1) continue;
        hours = (seatMinutes[base + j] ?? 0) / 60;
      } else lastPlannedDay[p] = d;
      const got = coverSeat(cover, list, d, hours, level);
      if (typeof got === "number") {
        const seats = past ? seatsBefore : seatsAfter;
        seats[got] = (seats[got] ?? 0) + 1;
        continue;
      }
      const code =
        past && got !== "level-not-authorized"
          ? "served-without-authorization"
          : UNCOVERED_TO_WARNING[got];
      note(drafts, participantId, code, session.id, d);
    }
  }
  const before = usedBefore ?? cover.used;
  const expiringWithin = options.expiringWithinDays ?? 7;
  const accounts = authorizations.map((a, i) => {
    const dated = a.units === undefined;
    const used = dated ? (seatsBefore[i] ?? 0) : round(before[i] ?? 0);
    const plan = dated ? (seatsAfter[i] ?? 0) : round((cover.used[i] ?? 0) - (before[i] ?? 0));
    return account(
      a,
      used,
      plan,
      today,
      expiringWithin,
      program.reviewPolicy.utilizationReviewDays,
    );
  });
  const lastPlanned = new Map<string, number>();
  index.participants.forEach((id, p) => {
    const d = lastPlannedDay[p] ?? Number.NaN;
    if (!Number.isNaN(d)) lastPlanned.set(id, d);
  });
  return { accounts, warnings: warningsOf(drafts, lastPlanned) };
}

const round = (x: number): number => Math.round(x * 1e6) / 1e6;

/** One authorisation's account from its units used and planned. */
function account(
  a: Authorization,
  used: number,
  planned: number,
  today: number,
  expiringWithin: number,
  reviewDays: number,
): AuthorizationAccount {
  const from = toEpochDay(a.from);
  const to = toEpochDay(a.to);
  const remaining = a.units === undefined ? null : round(a.units.count - used);
  const status: AuthorizationStatus =
    to < today
      ? "expired"
      : from > today
        ? "upcoming"
        : remaining !== null && remaining <= 1e-9
          ? "exhausted"
          : "active";
  const daysToExpiry = to - today;
  const byInterval = addDays(a.from, reviewDays);
  const reviewOn = a.nextReviewOn ?? (byInterval < a.to ? byInterval : a.to);
  return {
    authorizationId: a.id,
    participantId: a.participantId,
    payer: a.payer,
    level: a.level,
    from: a.from,
    to: a.to,
    units: a.units ?? null,
    used,
    planned,
    remaining,
    remainingAfterPlan: remaining === null ? null : Math.max(0, round(remaining - planned)),
    status,
    daysToExpiry,
    expiring: status === "active" && daysToExpiry <= expiringWithin,
    nextReview:
      status === "expired"
        ? null
        : { on: reviewOn, daysLeft: daysBetween(fromEpochDay(today), reviewOn) },
  };
}

/** Adds a session to the participant's draft warning of `code`. */
function note(
  drafts: Map<string, Draft[]>,
  participantId: string,
  code: AuthorizationWarningCode,
  sessionId: SessionId,
  d: number,
): void {
  let list = drafts.get(participantId);
  if (list === undefined) drafts.set(participantId, (list = []));
  let draft = list.find((x) => x.code === code);
  if (draft === undefined) {
    draft = { participantId, code, sessionIds: [], first: d, last: d };
    list.push(draft);
  }
  draft.sessionIds.push(sessionId);
  draft.last = d;
}

/** The warnings, by participant in order of appearance, then by code. */
function warningsOf(
  drafts: Map<string, Draft[]>,
  lastPlanned: Map<string, number>,
): AuthorizationWarning[] {
  const out: AuthorizationWarning[] = [];
  const rank = (c: AuthorizationWarningCode) => authorizationWarningCodes.indexOf(c);
  for (const list of drafts.values())
    for (const d of [...list].sort((a, b) => rank(a.code) - rank(b.code))) {
      const to = d.code === "units-run-out" ? (lastPlanned.get(d.participantId) ?? d.last) : d.last;
      const n = d.sessionIds.length;
      const from = fromEpochDay(d.first);
      out.push({
        code: d.code,
        participantId: d.participantId as ParticipantId,
        sessionIds: d.sessionIds,
        from,
        to: fromEpochDay(to),
        message:
          d.code === "units-run-out"
            ? `${n} session${n === 1 ? "" : "s"} ${WARNING_TEXT[d.code]}: from ${from}, before the planned discharge on ${fromEpochDay(to)}`
            : `${n} session${n === 1 ? "" : "s"} ${WARNING_TEXT[d.code]}, ${from} to ${fromEpochDay(to)}`,
      });
    }
  return out;
}
