/** Therapy group → Group (type person, actual), members with the days they belong. @internal */
import type { Group as FhirGroup } from "@medplum/fhirtypes";
import type { Group } from "../../schedule/index";
import { type Draft, type FhirContext } from "./context";

/** A therapy group's roster. Named after its phase and track; the facilitator manages it. */
export function groupDraft(ctx: FhirContext, group: Group): Draft {
  const phase = ctx.program.phases.find((p) => p.id === group.phaseId);
  const name = `${phase?.name ?? group.phaseId}${group.track === undefined ? "" : `, ${group.track} track`}`;
  const resource: FhirGroup = {
    resourceType: "Group",
    identifier: [ctx.identifier("group", group.id)],
    type: "person",
    actual: true,
    name,
    quantity: new Set(group.members.map((m) => m.participantId)).size,
    ...(group.facilitatorId === undefined
      ? {}
      : { managingEntity: ctx.practitioner(group.facilitatorId) }),
    ...(group.members.length === 0
      ? {}
      : {
          member: group.members.map((m) => ({
            entity: ctx.patient(m.participantId),
            period: m.to < m.from ? { start: m.from } : { start: m.from, end: m.to },
          })),
        }),
  };
  return { resource, kind: "group", value: group.id, sud: ctx.sudProgram, sortKey: group.id };
}
