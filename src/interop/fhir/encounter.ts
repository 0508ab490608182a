/** Attended seat → Encounter (finished, ambulatory or virtual, minutes attended as its length). @internal */
import type { Encounter, EpisodeOfCare, Reference } from "@medplum/fhirtypes";
import { formatInstant, toEpochMs } from "../../core/index";
import type { AttendanceRecord } from "../../attendance/index";
import type { ScheduledSession } from "../../schedule/index";
import { deliveryExtension, seatKey, seatMode } from "./appointment";
import { sessionTypeConcept } from "./codings";
import { type Draft, type FhirContext } from "./context";
import { hl7 } from "./fhir-urls";

/**
 * The Encounter of an attended seat (class `VR`, virtual, when the participant attended by video
 * or phone; `AMB` otherwise): `period` is the session's scheduled time, `length` the
 * minutes attended; it points at the seat's Appointment and at the participant's episode in
 * force on the session's date, when the bundle has one.
 */
export function encounterDraft(
  ctx: FhirContext,
  session: ScheduledSession,
  record: AttendanceRecord,
  appointment: string,
  episode: Reference<EpisodeOfCare> | undefined,
): Draft {
  const value = seatKey(session.id, record.participantId);
  const start = toEpochMs(session.start);
  const mode = seatMode(session, record.participantId);
  const extension = deliveryExtension(session, record.participantId);
  const resource: Encounter = {
    resourceType: "Encounter",
    identifier: [ctx.identifier("encounter", value)],
    status: "finished",
    ...(extension.length === 0 ? {} : { extension }),
    class:
      mode === "video" || mode === "phone"
        ? { system: hl7.actCode, code: "VR", display: "virtual" }
        : { system: hl7.actCode, code: "AMB", display: "ambulatory" },
    serviceType: sessionTypeConcept(session.sessionType),
    subject: ctx.patient(record.participantId),
    ...(episode === undefined ? {} : { episodeOfCare: [episode] }),
    ...(session.staffIds.length === 0
      ? {}
      : { participant: session.staffIds.map((s) => ({ individual: ctx.practitioner(s) })) }),
    appointment: [{ reference: appointment }],
    ...(toEpochMs(session.end) >= start
      ? { period: { start: ctx.instant(session.start), end: ctx.instant(session.end) } }
      : {}),
    length: { value: record.minutesAttended, unit: "min", system: hl7.ucum, code: "min" },
  };
  return {
    resource,
    kind: "encounter",
    value,
    sud: ctx.sudProgram || session.sessionType === "drug-test",
    sortKey: `${formatInstant(start, 0)}|${value}`,
  };
}
