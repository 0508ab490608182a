/**
 * The rows analytics read, as an app's database gives them: episode logs, attendance rows (a
 * scheduled seat joined with its attendance record), scored measures, encounters from outside the
 * program (for follow-up measures), and TEDS profiles. Each is a small plain record; the schemas
 * here validate them at the edge (`parseAttendanceRow`, …) and the helpers turn iopkit's own
 * records into rows (`attendanceRows`) or group stored event rows into logs (`groupEpisodeEvents`).
 */
import * as z from "zod/mini";
import { nullable, strictObject } from "../core/zod";
import type { IsoDate } from "../core/calendar";
import { IopError, type IopIssue } from "../core/errors";
import type { Instant } from "../core/instant";
import { built, issue, lazySchema, type Schema } from "../core/schema";
import { InstantSchema, IsoDateSchema } from "../core/schemas";
import type { EpisodeEvent } from "../episode/index";
import type { MeasureScore } from "../measures/index";
import type { AttendanceRecord, AttendanceStatus } from "../attendance/index";
import { sessionTypeIds, type SessionTypeId } from "../program/index";
import type { Schedule } from "../schedule/index";
import { parseOrThrow } from "./aggregate";

/** An episode's event log, oldest first, as `replayEpisode` accepts it: one row of the `episodes` source. */
export type EpisodeLogRow = readonly EpisodeEvent[];

/**
 * Every seat status an attendance row can have: iopkit's attendance statuses, and `late-cancel`
 * (an absence cancelled too late to fill the seat, kept apart from a no-show).
 */
export const seatStatuses = [
  "present",
  "late",
  "left-early",
  "absent-excused",
  "absent-unexcused",
  "late-cancel",
] as const satisfies readonly (AttendanceStatus | "late-cancel")[];

/** How a seat was attended: an {@link attendance!AttendanceStatus | AttendanceStatus} or `"late-cancel"`. */
export type SeatStatus = (typeof seatStatuses)[number];

/**
 * One participant's seat at one scheduled session, with what happened: the join of a scheduled
 * session and its attendance record (a database query gives it; {@link attendanceRows} builds it
 * from iopkit records).
 */
export interface AttendanceRow {
  /** Whose seat. */
  participantId: string;
  /** When the session starts (ISO 8601 with offset); its local day in the program's zone counts. */
  start: Instant;
  /** What happened, or `null` when nothing is recorded yet (counted as unrecorded). */
  status: SeatStatus | null;
  /** Whole minutes attended (0 for an absence). */
  minutesAttended?: number;
  /** The session. */
  sessionId?: string;
  /** The kind of session. */
  sessionType?: SessionTypeId;
  /** The phase the session belongs to. */
  phaseId?: string;
  /** The group that met, for group sessions. */
  groupId?: string;
}

/** A scored measure of a participant: one row of the `measures` source. */
export interface MeasureRow {
  /** Whose score. */
  readonly participantId: string;
  /** The score (`scorePhq9`, `scoreAdministration`, …); it must have `administeredOn`. */
  readonly score: MeasureScore;
}

/**
 * Kinds of encounter the follow-up measures read. The app records them from claims or its EHR;
 * the `iop-…` kinds are also derived from the episode log and attendance:
 * - `sud-episode-start` — the encounter that starts a new SUD episode (IET's index event);
 * - `ed-visit-sud` — an ED visit with a principal SUD diagnosis or any drug-overdose diagnosis (FUA);
 * - `ed-visit-mental-illness` — an ED visit with a principal mental-illness or intentional
 *   self-harm diagnosis (FUM);
 * - `inpatient-discharge-sud`, `residential-discharge-sud`, `withdrawal-discharge-sud` — a
 *   discharge from high-intensity SUD care (FUI);
 * - `inpatient-admission`, `residential-admission` — an admission (FUA/FUM exclude ED visits
 *   followed by one);
 * - `outpatient-visit-sud`, `outpatient-visit-mental-health` — an office, clinic, community mental
 *   health centre or non-residential SUD facility visit with that diagnosis;
 * - `telehealth-visit-sud`, `telehealth-visit-mental-health` — a telehealth, telephone or e-visit;
 * - `php-visit`, `iop-visit` — a partial-hospitalization or intensive-outpatient service day;
 * - `iop-admission`, `iop-discharge`, `iop-day` — derived: this program's first day of treatment,
 *   its discharge, and each day a participant attended a session;
 * - `peer-support` — a peer support service;
 * - `sud-medication`, `sud-medication-long-acting` — an SUD medication order, dispensing or
 *   administration (short- or long-acting);
 * - `sud-screening` — a behavioural-health screening or assessment for SUD;
 * - `observation-stay` — an observation visit.
 */
export const encounterKinds = [
  "sud-episode-start",
  "ed-visit-sud",
  "ed-visit-mental-illness",
  "inpatient-discharge-sud",
  "residential-discharge-sud",
  "withdrawal-discharge-sud",
  "inpatient-admission",
  "residential-admission",
  "outpatient-visit-sud",
  "outpatient-visit-mental-health",
  "telehealth-visit-sud",
  "telehealth-visit-mental-health",
  "php-visit",
  "iop-visit",
  "iop-admission",
  "iop-discharge",
  "iop-day",
  "peer-support",
  "sud-medication",
  "sud-medication-long-acting",
  "sud-screening",
  "observation-stay",
] as const;

/** A kind of encounter (see {@link encounterKinds}). */
export type EncounterKind = (typeof encounterKinds)[number];

/** Something that happened to a participant outside the program's own records: one row of `encounters`. */
export interface Encounter {
  /** Whose encounter. */
  participantId: string;
  /** Its local date. */
  on: IsoDate;
  /** What it was. */
  kind: EncounterKind;
}

const Id = (): z.ZodMiniString<string> =>
  z.string().check(z.minLength(1, "must not be empty"), z.maxLength(200));

/** The schema of an {@link AttendanceRow} (zod/mini). */
export const AttendanceRow: Schema<AttendanceRow> = /* @__PURE__ */ lazySchema(() =>
  strictObject({
    participantId: Id(),
    start: built(InstantSchema),
    status: nullable(z.enum(seatStatuses)),
    minutesAttended: z.exactOptional(z.int().check(z.minimum(0), z.maximum(1440))),
    sessionId: z.exactOptional(Id()),
    sessionType: z.exactOptional(z.enum(sessionTypeIds)),
    phaseId: z.exactOptional(Id()),
    groupId: z.exactOptional(Id()),
  }).check(
    z.refine(
      (r) =>
        !(
          (r.status === null || r.status.startsWith("absent") || r.status === "late-cancel") &&
          (r.minutesAttended ?? 0) > 0
        ),
      issue("absent-with-minutes", "an absent or unrecorded seat has 0 minutes attended", {
        path: ["minutesAttended"],
      }),
    ),
  ),
);

/** The schema of an {@link Encounter} (zod/mini). */
export const Encounter: Schema<Encounter> = /* @__PURE__ */ lazySchema(() =>
  strictObject({ participantId: Id(), on: built(IsoDateSchema), kind: z.enum(encounterKinds) }),
);

/**
 * Validates an attendance row from any input (a database row, JSON); throws
 * {@link core!IopError | IopError} listing every problem.
 * @example
 * ```ts
 * parseAttendanceRow({ participantId: "p-1", start: "2026-03-09T09:00:00-04:00", status: "present", minutesAttended: 180 });
 * ```
 */
export function parseAttendanceRow(input: unknown): AttendanceRow {
  return parseOrThrow(AttendanceRow, input, "parseAttendanceRow");
}

/**
 * Validates an encounter from any input; throws {@link core!IopError | IopError} listing every problem.
 * @example
 * ```ts
 * parseEncounter({ participantId: "p-1", on: "2026-03-02", kind: "ed-visit-sud" });
 * ```
 */
export function parseEncounter(input: unknown): Encounter {
  return parseOrThrow(Encounter, input, "parseEncounter");
}

/** What {@link attendanceRows} joins. */
export interface AttendanceRowsInput {
  /** The schedule as delivered (its sessions name their participants). */
  readonly schedule: Pick<Schedule, "sessions">;
  /** Attendance records of those sessions. */
  readonly attendance: readonly AttendanceRecord[];
}

/**
 * Every seat of a schedule as an {@link AttendanceRow}: each session's participants, each with
 * its attendance record (`status: null` where none is recorded yet). Drug-test collections are
 * test results, not attendance: their seats become rows only when an attendance record names them.
 * Throws {@link core!IopError | IopError} (`unknown-session`, `not-on-roster`) naming every record
 * whose seat is not in the schedule — `checkAttendance` reports the same — so no record is dropped
 * unseen.
 * @example
 * ```ts
 * const rows = [...attendanceRows({ schedule, attendance })];
 * ```
 */
export function attendanceRows(input: AttendanceRowsInput): AttendanceRow[] {
  const seats = new Map<string, Map<string, AttendanceRecord>>();
  const sessions = new Map(input.schedule.sessions.map((s) => [s.id as string, s]));
  const issues: IopIssue[] = [];
  input.attendance.forEach((r, i) => {
    const session = sessions.get(r.sessionId);
    if (session === undefined)
      issues.push({
        code: "unknown-session",
        path: ["attendance", i, "sessionId"],
        message: `session ${r.sessionId} is not in the schedule`,
      });
    else if (!session.participantIds.includes(r.participantId))
      issues.push({
        code: "not-on-roster",
        path: ["attendance", i, "participantId"],
        message: `${r.participantId} is not on the roster of session ${r.sessionId}`,
      });
    const bySession = seats.get(r.sessionId) ?? new Map<string, AttendanceRecord>();
    bySession.set(r.participantId, r);
    seats.set(r.sessionId, bySession);
  });
  if (issues.length > 0) throw new IopError("attendanceRows", issues);
  const rows: AttendanceRow[] = [];
  for (const s of input.schedule.sessions) {
    const records = seats.get(s.id);
    for (const participantId of s.participantIds) {
      const record = records?.get(participantId);
      if (record === undefined && s.sessionType === "drug-test") continue;
      rows.push({
        participantId,
        start: s.start,
        status: record?.status ?? null,
        minutesAttended: record?.minutesAttended ?? 0,
        sessionId: s.id,
        sessionType: s.sessionType,
        ...(s.phaseId === undefined ? {} : { phaseId: s.phaseId }),
        ...(s.groupId === undefined ? {} : { groupId: s.groupId }),
      });
    }
  }
  return rows;
}

/** A stored event row: the episode it belongs to and the event (`episode_id`, `body` in SQL). */
export interface StoredEventRow {
  /** The episode's id. */
  readonly episodeId: string;
  /** The event. */
  readonly event: EpisodeEvent;
}

/**
 * Episode logs from a stream of stored event rows ordered by episode, then by sequence (`ORDER BY
 * episode_id, seq`): consecutive rows of one episode become one log. Streams: it holds one log at
 * a time (and the ids seen, to catch a stream that is not grouped). Throws
 * {@link core!IopError | IopError} (`rows-not-grouped`) when an episode's rows are not together.
 * @example
 * ```ts
 * const logs = groupEpisodeEvents(eventRows); // eventRows: { episodeId, event }[] from SQL
 * censusByPhase({ episodes: logs }, { program, from: "2026-01-05", to: "2026-03-29" });
 * ```
 */
export function* groupEpisodeEvents(rows: Iterable<StoredEventRow>): Generator<EpisodeLogRow> {
  const seen = new Set<string>();
  let current: string | undefined;
  let log: EpisodeEvent[] = [];
  let index = 0;
  for (const row of rows) {
    if (row.episodeId !== current) {
      if (current !== undefined) yield log;
      if (seen.has(row.episodeId))
        throw new IopError("groupEpisodeEvents", [
          {
            code: "rows-not-grouped",
            path: [index, "episodeId"],
            message: `episode ${row.episodeId} appears again after other episodes: order the rows by episode, then by sequence`,
          },
        ]);
      seen.add(row.episodeId);
      current = row.episodeId;
      log = [];
    }
    log.push(row.event);
    index++;
  }
  if (current !== undefined) yield log;
}
