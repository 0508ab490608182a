/**
 * The attendance record: who came to which scheduled session, how, and for how many minutes.
 * The session's date, type and phase come from the schedule (the record names the session by id).
 */
import { pure } from "../core/pure";
import { z } from "zod";
import { parserFor, type Result } from "../core/errors";
import { ParticipantId, SessionId, TextSchema } from "../core/index";

/**
 * How a participant attended a session:
 * - `present` — came for the session;
 * - `late` — arrived after the start (the minutes missed count as late minutes);
 * - `left-early` — left before the end (the minutes missed count as left-early minutes);
 * - `absent-excused` — did not come, with an excuse the clinic accepts;
 * - `absent-unexcused` — did not come, without one (absence alerts count these).
 */
export const AttendanceStatus = /* @__PURE__ */ pure(() =>
  z.enum(["present", "late", "left-early", "absent-excused", "absent-unexcused"]),
);
/** An attendance status, e.g. `"late"`. */
export type AttendanceStatus = z.infer<typeof AttendanceStatus>;

const Minutes = /* @__PURE__ */ pure(() => z.number().int().min(0).max(1440));

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
export const AttendanceRecord = /* @__PURE__ */ pure(() =>
  z
    .strictObject({
      sessionId: SessionId,
      participantId: ParticipantId,
      status: AttendanceStatus,
      /** Whole minutes in the session, 0 for an absence. */
      minutesAttended: Minutes,
      /** Minutes missed by arriving late. */
      lateMinutes: Minutes.optional(),
      /** Minutes missed by leaving early. */
      leftEarlyMinutes: Minutes.optional(),
      /** Free-text note (an excuse, what happened). */
      note: TextSchema.optional(),
    })
    .superRefine((r, ctx) => {
      if (r.status.startsWith("absent") && r.minutesAttended > 0)
        ctx.addIssue({
          code: "custom",
          path: ["minutesAttended"],
          message: `an absence has 0 minutes attended, got ${r.minutesAttended}`,
          params: { code: "absent-with-minutes" },
        });
    }),
);
/** An attendance record. */
export type AttendanceRecord = z.infer<typeof AttendanceRecord>;

const parser = /* @__PURE__ */ pure(() => parserFor(AttendanceRecord, "parseAttendanceRecord"));

/**
 * Validates an attendance record from any input; throws {@link core!IopError | IopError} listing
 * every problem.
 * @example
 * ```ts
 * parseAttendanceRecord({ sessionId: "s-1", participantId: "p-1", status: "present", minutesAttended: 120 });
 * ```
 */
export function parseAttendanceRecord(input: unknown): AttendanceRecord {
  return parser.parse(input);
}

/** Like {@link parseAttendanceRecord}, but returns `{ success, data | error }`. */
export function safeParseAttendanceRecord(input: unknown): Result<AttendanceRecord> {
  return parser.safeParse(input);
}

/** True when the status means the participant came (`present`, `late` or `left-early`). */
export function isAttended(status: AttendanceStatus): boolean {
  return !status.startsWith("absent");
}
