/**
 * The attendance record: who came to which scheduled session, how, and for how many minutes.
 * The session's date, type and phase come from the schedule (the record names the session by id).
 */
import * as z from "zod/mini";
import { optional } from "../core/zod";
import type { Result } from "../core/errors";
import { ParticipantId, SessionId, TextSchema } from "../core/index";
import { storedObject, versionFieldAdded, type RecordFormat } from "../core/record-format";
import { customIssue, lazySchema, parseWith, safeParseWith, type Schema } from "../core/schema";

/**
 * How a participant attended a session:
 * - `present` — came for the session;
 * - `late` — arrived after the start (the minutes missed count as late minutes);
 * - `left-early` — left before the end (the minutes missed count as left-early minutes);
 * - `absent-excused` — did not come, with an excuse the clinic accepts;
 * - `absent-unexcused` — did not come, without one (absence alerts count these).
 */
export const attendanceStatuses = [
  "present",
  "late",
  "left-early",
  "absent-excused",
  "absent-unexcused",
] as const;
/** An attendance status, e.g. `"late"`: one of {@link attendanceStatuses}. */
export type AttendanceStatus = (typeof attendanceStatuses)[number];
/** The schema of an {@link AttendanceStatus}. */
export const AttendanceStatus: Schema<AttendanceStatus> = /* @__PURE__ */ lazySchema(() =>
  z.enum(attendanceStatuses),
);

const minutes = (): z.ZodMiniNumberFormat => z.int().check(z.gte(0), z.lte(1440));

/**
 * The stored format of {@link AttendanceRecord}s: 1 (iopkit 0.1.0), 2 (`formatVersion`).
 * @internal
 */
export const attendanceRecordFormat = {
  kind: "AttendanceRecord",
  version: 2,
  steps: [versionFieldAdded],
  nested: [],
} as const satisfies RecordFormat;

/**
 * One participant at one scheduled session. `minutesAttended` is the time actually in the
 * session (whole minutes, at most the session's length); an absence has 0 minutes.
 * `lateMinutes` and `leftEarlyMinutes` split the time missed when a participant was both late and
 * left early; without them, a `late` (or `left-early`) record counts the whole time missed as late
 * (or left early).
 *
 * Records are checked against the schedule by `checkAttendance` (unknown session, participant
 * not on its roster, more minutes than the session lasts, a second record for the same seat).
 */
export interface AttendanceRecord {
  /** The record's format (see the guide "Storing records"). */
  formatVersion: 2;
  /** The session. */
  sessionId: SessionId;
  /** The participant. */
  participantId: ParticipantId;
  /** How they attended. */
  status: AttendanceStatus;
  /** Whole minutes in the session (0–1440), 0 for an absence. */
  minutesAttended: number;
  /** Minutes missed by arriving late (0–1440). */
  lateMinutes?: number | undefined;
  /** Minutes missed by leaving early (0–1440). */
  leftEarlyMinutes?: number | undefined;
  /** Free-text note (an excuse, what happened). */
  note?: string | undefined;
}

/** An attendance record as an app writes it (ids as plain strings, `formatVersion` may be left out). */
export interface AttendanceRecordInput extends Omit<
  AttendanceRecord,
  "formatVersion" | "sessionId" | "participantId"
> {
  /** See {@link AttendanceRecord.formatVersion}; a record without it is format 1. */
  formatVersion?: 2 | undefined;
  /** See {@link AttendanceRecord.sessionId}. */
  sessionId: string;
  /** See {@link AttendanceRecord.participantId}. */
  participantId: string;
}

/** The schema of an {@link AttendanceRecord}; an absence must have 0 minutes attended. */
export const AttendanceRecord: Schema<AttendanceRecord, AttendanceRecordInput> =
  /* @__PURE__ */ lazySchema(() =>
    storedObject(
      attendanceRecordFormat,
      {
        sessionId: SessionId,
        participantId: ParticipantId,
        status: AttendanceStatus,
        minutesAttended: minutes(),
        lateMinutes: optional(minutes()),
        leftEarlyMinutes: optional(minutes()),
        note: optional(TextSchema),
      },
      (object) =>
        object.check(
          z.superRefine((r, ctx) => {
            if (r.status.startsWith("absent") && r.minutesAttended > 0)
              ctx.addIssue(
                customIssue(
                  "absent-with-minutes",
                  `an absence has 0 minutes attended, got ${r.minutesAttended}`,
                  ["minutesAttended"],
                ),
              );
          }),
        ),
    ),
  );

/**
 * Validates an attendance record from any input; throws {@link core!IopError | IopError} listing
 * every problem.
 * @example
 * ```ts
 * parseAttendanceRecord({ sessionId: "s-1", participantId: "p-1", status: "present", minutesAttended: 120 });
 * ```
 */
export function parseAttendanceRecord(input: unknown): AttendanceRecord {
  return parseWith(AttendanceRecord, "parseAttendanceRecord", input);
}

/** Like {@link parseAttendanceRecord}, but returns `{ success, data | error }`. */
export function safeParseAttendanceRecord(input: unknown): Result<AttendanceRecord> {
  return safeParseWith(AttendanceRecord, "parseAttendanceRecord", input);
}

/** True when the status means the participant came (`present`, `late` or `left-early`). */
export function isAttended(status: AttendanceStatus): boolean {
  return !status.startsWith("absent");
}
