/** Participant → Patient, minimal by default. @internal */
import type { ContactPoint, Patient } from "@medplum/fhirtypes";
import type { ParticipantId } from "../../core/index";
import type { Participant } from "../../participant/index";
import { opt, optList, type Draft, type FhirContext } from "./context";

/**
 * A participant's Patient: the identifier and the birth year; with `personal`, the full birth
 * date, name, phone, email and address too. A participant known only by id (from a session, a
 * result) gets the identifier alone.
 */
export function patientDraft(
  ctx: FhirContext,
  id: ParticipantId,
  participant: Participant | undefined,
  personal: boolean,
): Draft {
  const telecom: ContactPoint[] = [];
  if (personal && participant?.phone !== undefined)
    telecom.push({ system: "phone", value: participant.phone });
  if (personal && participant?.email !== undefined && participant.email.trim() !== "")
    telecom.push({ system: "email", value: participant.email });
  const resource: Patient = {
    resourceType: "Patient",
    identifier: [ctx.identifier("participant", id)],
    ...opt(
      "birthDate",
      participant === undefined
        ? undefined
        : personal
          ? participant.dateOfBirth
          : participant.dateOfBirth.slice(0, 4),
    ),
    ...(personal && participant?.name !== undefined ? { name: [{ text: participant.name }] } : {}),
    ...optList("telecom", telecom),
    ...(personal && participant?.address !== undefined && participant.address.trim() !== ""
      ? { address: [{ text: participant.address }] }
      : {}),
  };
  return { resource, kind: "participant", value: id, sud: ctx.sudProgram, sortKey: id };
}
