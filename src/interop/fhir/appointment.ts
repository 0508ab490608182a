/**
 * Scheduled session → one Appointment per participant (a "seat"), its status from that
 * participant's attendance. @internal
 */
import type { Appointment, AppointmentParticipant, Extension } from "@medplum/fhirtypes";
import { match } from "ts-pattern";
import { formatInstant, toEpochMs, type ParticipantId } from "../../core/index";
import type { AttendanceRecord, DrugTestResult } from "../../attendance/index";
import type { ScheduledSession } from "../../schedule/index";
import { sessionTypeConcept } from "./codings";
import { opt, parts, type Draft, type FhirContext } from "./context";
import { phaseExtension } from "./episode-of-care";
import { fhirExtensions, hl7 } from "./fhir-urls";

/** The identifier value of a seat: session id and participant id (ids never contain `/`). */
export const seatKey = (sessionId: string, participantId: string): string =>
  `${sessionId}/${participantId}`;

/**
 * Appointment status of a seat: present, late or left early → `fulfilled`; absent without an
 * excuse → `noshow`; absent with one → `cancelled` (cancellation reason "Patient"); no attendance
 * record → from the drug-test result naming the session (missed → `noshow`, any other →
 * `fulfilled`), else `booked`.
 */
export function seatStatus(
  record: AttendanceRecord | undefined,
  test: DrugTestResult | undefined,
): Appointment["status"] {
  if (record !== undefined)
    return match(record.status)
      .returnType<Appointment["status"]>()
      .with("present", "late", "left-early", () => "fulfilled")
      .with("absent-unexcused", () => "noshow")
      .with("absent-excused", () => "cancelled")
      .exhaustive();
  if (test !== undefined) return test.result === "missed" ? "noshow" : "fulfilled";
  return "booked";
}

/** How a participant attends a session: its mode, or, in a hybrid session, whether they are remote; undefined when the session records no mode. */
export function seatMode(
  session: ScheduledSession,
  participantId: ParticipantId,
): "in-person" | "video" | "phone" | undefined {
  const mode = session.deliveryMode;
  if (mode !== "hybrid") return mode;
  return (session.remoteParticipantIds ?? []).includes(participantId) ? "video" : "in-person";
}

/**
 * The `delivery` extension of a seat (see `fhirExtensions`), or none when the session records
 * neither a mode nor a room. The session's place of service is written for the seats it applies
 * to: in person in an in-person or hybrid session, remote in a video or phone session.
 */
export function deliveryExtension(
  session: ScheduledSession,
  participantId: ParticipantId,
): Extension[] {
  const mode = seatMode(session, participantId);
  if (mode === undefined && session.roomId === undefined) return [];
  const remoteSession = session.deliveryMode === "video" || session.deliveryMode === "phone";
  const posApplies = (mode === "in-person") !== remoteSession || mode === undefined;
  const pos = posApplies ? session.placeOfService : undefined;
  return [
    parts(fhirExtensions.delivery, {
      mode: mode === undefined ? undefined : { valueCode: mode },
      sessionMode:
        session.deliveryMode === undefined ? undefined : { valueCode: session.deliveryMode },
      placeOfService:
        pos === undefined ? undefined : { valueCoding: { system: hl7.placeOfService, code: pos } },
      room: session.roomId === undefined ? undefined : { valueString: session.roomId },
    }),
  ];
}

/** One participant's Appointment for a session. */
export function appointmentDraft(
  ctx: FhirContext,
  session: ScheduledSession,
  participantId: ParticipantId,
  record: AttendanceRecord | undefined,
  test: DrugTestResult | undefined,
): Draft {
  const status = seatStatus(record, test);
  const start = toEpochMs(session.start);
  const minutes = Math.round((toEpochMs(session.end) - start) / 60_000);
  const people: AppointmentParticipant[] = [
    {
      actor: ctx.patient(participantId),
      required: "required",
      status: status === "cancelled" ? "declined" : "accepted",
    },
    ...session.staffIds.map((s): AppointmentParticipant => ({
      actor: ctx.practitioner(s),
      required: "required",
      status: "accepted",
    })),
  ];
  const extension = [
    ...(session.phaseId === undefined ? [] : [phaseExtension(session.phaseId)]),
    ...deliveryExtension(session, participantId),
    ...(record === undefined
      ? []
      : [
          parts(fhirExtensions.attendance, {
            status: { valueCode: record.status },
            lateMinutes:
              record.lateMinutes === undefined ? undefined : { valueInteger: record.lateMinutes },
            leftEarlyMinutes:
              record.leftEarlyMinutes === undefined
                ? undefined
                : { valueInteger: record.leftEarlyMinutes },
          }),
        ]),
  ];
  const value = seatKey(session.id, participantId);
  const resource: Appointment = {
    resourceType: "Appointment",
    ...(extension.length === 0 ? {} : { extension }),
    identifier: [ctx.identifier("appointment", value), ctx.identifier("session", session.id)],
    status,
    ...(status === "cancelled"
      ? {
          cancelationReason: {
            coding: [{ system: hl7.cancellationReason, code: "pat", display: "Patient" }],
            text: "Excused absence",
          },
        }
      : {}),
    serviceType: [sessionTypeConcept(session.sessionType)],
    ...opt("description", session.topic),
    start: ctx.instant(session.start),
    end: ctx.instant(session.end),
    ...(minutes >= 1 ? { minutesDuration: minutes } : {}),
    ...opt("comment", record?.note),
    participant: people,
    ...(session.groupId === undefined
      ? {}
      : {
          supportingInformation: [
            { type: "Group", identifier: ctx.identifier("group", session.groupId) },
          ],
        }),
  };
  return {
    resource,
    kind: "appointment",
    value,
    sud: ctx.sudProgram || session.sessionType === "drug-test",
    sortKey: `${formatInstant(start, 0)}|${value}`,
  };
}
