/** Appointment (each participant's status) and Encounter → attendance records. */
import { toEpochMs, tryParseInstant, type ParticipantId } from "../../../core/index";
import {
  attendanceStatuses,
  safeParseAttendanceRecord,
  type AttendanceRecord,
  type AttendanceStatus,
} from "../../../attendance/index";
import { fhirExtensions } from "../fhir-urls";
import type { ReadContext } from "./context";
import type { Node } from "./node";
import { reportExtensions } from "./patient";
import { identifierIn } from "./read-measures";

/** An attendance record read from FHIR. */
export interface FhirAttendance {
  /** The record, validated (`parseAttendanceRecord`). Check it against your schedule with `checkAttendance`. */
  readonly record: AttendanceRecord;
  /** The session's start as the resource gives it (`Appointment.start`, `Encounter.period.start`), if it does. */
  readonly start?: string;
  /** Where it was read from. */
  readonly source: string;
}

/** Minutes between two FHIR instants, if both parse and the end is not before the start. */
function minutesBetween(start: unknown, end: unknown): number | undefined {
  if (typeof start !== "string" || typeof end !== "string") return undefined;
  if (tryParseInstant(start) === undefined || tryParseInstant(end) === undefined) return undefined;
  const m = Math.round((toEpochMs(end) - toEpochMs(start)) / 60_000);
  return m >= 0 ? m : undefined;
}

/** The minutes an Encounter says were attended: `length` in minutes, else its period. */
export function encounterMinutes(e: Node): number | undefined {
  const length = e.get("length");
  const v = length.get("value").number();
  if (v !== undefined) {
    const unit = length.get("code").value ?? length.get("unit").value;
    const factor = unit === "min" ? 1 : unit === "h" ? 60 : undefined;
    if (factor !== undefined) return Math.round(v * factor);
    length.issue("unknown-code", "a length in a unit other than min or h: ignored");
  }
  const period = e.get("period");
  return minutesBetween(period.get("start").value, period.get("end").value);
}

/** Validates an attendance record built from FHIR; reports and skips an invalid one. */
function valid(at: Node, input: Record<string, unknown>): AttendanceRecord | undefined {
  const parsed = safeParseAttendanceRecord(input);
  if (parsed.success) return parsed.data;
  at.issue(
    "invalid-value",
    `not a valid attendance record (${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.code}`).join("; ")}): skipped`,
  );
  return undefined;
}

/** Attended minutes by participant, from the Encounters that point at an Appointment. */
export type EncounterMinutes = ReadonlyMap<string, number>;

/**
 * An Appointment → one attendance record per participant that is a Patient. The status comes
 * from iopkit's `attendance` extension when present; else from the Appointment's status and the
 * participant's: `fulfilled`, `arrived`, `checked-in` → `present` (`absent-excused` if the
 * participant `declined`); `noshow` → `absent-unexcused` (`absent-excused` if declined);
 * `cancelled` with the participant `declined` → `absent-excused`. Other statuses (`proposed`,
 * `pending`, `booked`, `waitlist`, a `cancelled` session the participant did not decline) have no
 * outcome (`no-outcome`). Minutes attended: from an Encounter of the seat (`encounters`), else
 * `minutesDuration`, else `end − start`; an absence has 0.
 */
export function readAppointment(
  ctx: ReadContext,
  a: Node,
  encounters: EncounterMinutes,
): FhirAttendance[] {
  const status = a.get("status").string();
  if (status === "entered-in-error") {
    a.issue("entered-in-error", "marked entered-in-error: skipped");
    return [];
  }
  reportExtensions(a, [fhirExtensions.attendance, fhirExtensions.phase]);
  const sessionId = identifierIn(a, ctx.system("session")) ?? a.get("id").string();
  if (sessionId === undefined) {
    a.issue("missing-element", "no session identifier or id: skipped");
    return [];
  }
  const own = a.list("extension").find((e) => e.get("url").value === fhirExtensions.attendance);
  const part = (name: string): Node | undefined =>
    own?.list("extension").find((e) => e.get("url").value === name);
  const ownStatus = part("status")?.get("valueCode").string();
  const start = a.get("start").string();
  const duration = a.get("minutesDuration").number() ?? minutesBetween(start, a.get("end").value);
  const out: FhirAttendance[] = [];
  for (const p of a.list("participant")) {
    const actor = p.get("actor");
    const ref = actor.get("reference").value;
    const isPatient =
      actor.get("type").value === "Patient" ||
      (typeof ref === "string" &&
        (ctx.resolve(ref, a)?.get("resourceType").value ??
          (/(^|\/)Patient\//.test(ref) ? "Patient" : "")) === "Patient");
    if (!isPatient) continue;
    const participantId: ParticipantId | undefined = ctx.participant(actor, a);
    if (participantId === undefined) continue;
    const declined = p.get("status").value === "declined";
    let s: AttendanceStatus | undefined;
    if (ownStatus !== undefined) {
      s = attendanceStatuses.find((x) => x === ownStatus);
      if (s === undefined)
        part("status")?.issue(
          "unknown-code",
          "not an attendance status: the Appointment's status is used",
        );
    }
    if (s === undefined)
      s =
        status === "fulfilled" || status === "arrived" || status === "checked-in"
          ? declined
            ? "absent-excused"
            : "present"
          : status === "noshow"
            ? declined
              ? "absent-excused"
              : "absent-unexcused"
            : status === "cancelled" && declined
              ? "absent-excused"
              : undefined;
    if (s === undefined) {
      a.get("status").issue(
        "no-outcome",
        "no attendance outcome yet (or a session the clinic cancelled): no record",
      );
      continue;
    }
    const attended = !s.startsWith("absent");
    const minutes = attended ? (encounters.get(participantId) ?? duration) : 0;
    if (minutes === undefined) {
      a.issue(
        "missing-element",
        "attended, but neither an Encounter nor the Appointment gives the minutes: skipped",
      );
      continue;
    }
    const late = part("lateMinutes")?.get("valueInteger").number();
    const early = part("leftEarlyMinutes")?.get("valueInteger").number();
    const note = a.get("comment").string();
    const record = valid(a, {
      formatVersion: 2,
      sessionId,
      participantId,
      status: s,
      minutesAttended: minutes,
      ...(late === undefined ? {} : { lateMinutes: late }),
      ...(early === undefined ? {} : { leftEarlyMinutes: early }),
      ...(note === undefined || note.trim() === "" ? {} : { note }),
    });
    if (record !== undefined)
      out.push({ record, ...(start === undefined ? {} : { start }), source: a.path });
  }
  return out;
}

/**
 * An Encounter with no Appointment in the input → a `present` record for its subject: session
 * id from the seat identifier iopkit writes (`<session>/<participant>`), else the Encounter's id;
 * minutes from `length` or `period`. Only `finished` Encounters are attendance; others are
 * reported `no-outcome`.
 */
export function readEncounter(ctx: ReadContext, e: Node): FhirAttendance | undefined {
  const status = e.get("status").string();
  if (status === "entered-in-error") {
    e.issue("entered-in-error", "marked entered-in-error: skipped");
    return undefined;
  }
  if (status !== "finished") {
    e.get("status").issue("no-outcome", "an Encounter that has not finished: no attendance record");
    return undefined;
  }
  const participantId = ctx.participant(e.get("subject"), e);
  if (participantId === undefined) return undefined;
  const seat = identifierIn(e, ctx.system("encounter"));
  const sessionId = seat?.split("/")[0] ?? e.get("id").string();
  if (sessionId === undefined) {
    e.issue("missing-element", "no identifier or id to name the session by: skipped");
    return undefined;
  }
  const minutes = encounterMinutes(e);
  if (minutes === undefined) {
    e.issue("missing-element", "neither length nor period gives the minutes attended: skipped");
    return undefined;
  }
  const record = valid(e, {
    formatVersion: 2,
    sessionId,
    participantId,
    status: "present",
    minutesAttended: minutes,
  });
  const start = e.get("period").get("start").string();
  return record === undefined
    ? undefined
    : { record, ...(start === undefined ? {} : { start }), source: e.path };
}
