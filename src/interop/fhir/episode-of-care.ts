/** Episode state → EpisodeOfCare, with a status-history entry per phase. @internal */
import type { EpisodeOfCare, EpisodeOfCareStatusHistory, Extension } from "@medplum/fhirtypes";
import { match } from "ts-pattern";
import type { IsoDate } from "../../core/index";
import type { EpisodeState, Treatment } from "../../episode/index";
import { levelOfCareConcept } from "./codings";
import { parts, type Draft, type FhirContext } from "./context";
import { fhirExtensions } from "./fhir-urls";

/** The episode's identifier value: its `episodeId`, else participant, program and referral date. */
export function episodeKey(state: EpisodeState): string {
  return state.episodeId ?? `${state.participantId}/${state.programId}/${state.referredOn}`;
}

/** The treatment record of an admitted (or later) episode, if it has one. */
export function treatmentOf(state: EpisodeState): Treatment | undefined {
  return state.status === "referred" || state.status === "assessed" ? undefined : state.treatment;
}

/** The `phase` extension: the phase id, and how it was entered. */
export function phaseExtension(phaseId: string, reason?: string): Extension {
  return parts(fhirExtensions.phase, {
    id: { valueString: phaseId },
    reason: reason === undefined ? undefined : { valueCode: reason },
  });
}

type EpisodeStatus = EpisodeOfCare["status"];

const entry = (
  status: EpisodeStatus,
  start: IsoDate,
  end?: IsoDate,
  extension?: Extension,
): EpisodeOfCareStatusHistory => ({
  status,
  period: end === undefined ? { start } : { start, end },
  ...(extension === undefined ? {} : { extension: [extension] }),
});

/**
 * EpisodeOfCare status: referred or assessed → `planned`; admitted or in a phase → `active`;
 * discharged or in aftercare → `finished`, or `cancelled` when discharged before admission.
 */
export function episodeStatus(state: EpisodeState): EpisodeStatus {
  return match(state)
    .returnType<EpisodeStatus>()
    .with({ status: "referred" }, { status: "assessed" }, () => "planned")
    .with({ status: "admitted" }, { status: "in-phase" }, () => "active")
    .with({ status: "discharged" }, { status: "aftercare" }, (s) =>
      s.treatment === undefined ? "cancelled" : "finished",
    )
    .exhaustive();
}

/** The EpisodeOfCare of an episode. */
export function episodeOfCareDraft(ctx: FhirContext, state: EpisodeState): Draft {
  const p = ctx.program;
  const status = episodeStatus(state);
  const treatment = treatmentOf(state);
  const discharge =
    state.status === "discharged" || state.status === "aftercare" ? state.discharge : undefined;
  const history: EpisodeOfCareStatusHistory[] = [];
  const admittedOn = treatment?.admission.on;
  history.push(entry("planned", state.referredOn, admittedOn ?? discharge?.on));
  if (treatment !== undefined && admittedOn !== undefined) {
    const first = treatment.phaseHistory[0];
    if (first === undefined || first.from > admittedOn)
      history.push(entry("active", admittedOn, first?.from ?? discharge?.on));
    for (const ph of treatment.phaseHistory)
      history.push(entry("active", ph.from, ph.to, phaseExtension(ph.phaseId, ph.reason)));
  }
  if (discharge !== undefined) history.push(entry(status, discharge.on));
  const resource: EpisodeOfCare = {
    resourceType: "EpisodeOfCare",
    ...(discharge === undefined
      ? {}
      : {
          extension: [
            parts(fhirExtensions.discharge, {
              type: { valueCode: discharge.type },
              reason: { valueCode: discharge.reason },
              referredTo:
                discharge.referredTo === undefined
                  ? undefined
                  : {
                      valueCodeableConcept: levelOfCareConcept(discharge.referredTo, p),
                    },
            }),
          ],
        }),
    identifier: [ctx.identifier("episode", episodeKey(state))],
    status,
    statusHistory: history,
    type: [levelOfCareConcept(p.levelOfCare, p)],
    patient: ctx.patient(state.participantId),
    period:
      discharge === undefined
        ? { start: state.referredOn }
        : { start: state.referredOn, end: discharge.on },
  };
  return {
    resource,
    kind: "episode",
    value: episodeKey(state),
    sud: ctx.sudProgram,
    sortKey: `${state.participantId}|${state.referredOn}|${episodeKey(state)}`,
  };
}
