/** Episode or enrolment → CarePlan: one activity per phase, with its dates and weekly rhythm. @internal */
import type {
  CarePlan,
  CarePlanActivity,
  CarePlanActivityDetail,
  Timing,
} from "@medplum/fhirtypes";
import type { IsoDate } from "../../core/index";
import type { EpisodeState } from "../../episode/index";
import { entriesForTrack, tracksOf, type Phase } from "../../program/index";
import { plannedPath, type Enrollment } from "../../schedule/index";
import { levelOfCareConcept } from "./codings";
import { type Draft, type FhirContext } from "./context";
import { episodeKey, phaseExtension, treatmentOf } from "./episode-of-care";

type ActivityStatus = CarePlanActivityDetail["status"];

/** Sessions a week on the track (shared entries and the track's own), when the track is known. */
function weeklySessions(phase: Phase, track: string | undefined): number | undefined {
  const tracks = tracksOf(phase);
  const known = track !== undefined || tracks.length === 1 ? (track ?? tracks[0]) : null;
  return known === null ? undefined : entriesForTrack(phase.pattern, known).length;
}

function activity(
  ctx: FhirContext,
  phaseId: string,
  status: ActivityStatus,
  track: string | undefined,
  from?: IsoDate,
  to?: IsoDate,
  reason?: string,
): CarePlanActivity {
  const p = ctx.program;
  const phase = p.phases.find((x) => x.id === phaseId);
  const perWeek = phase === undefined ? undefined : weeklySessions(phase, track);
  const timing: Timing | undefined =
    from === undefined && perWeek === undefined
      ? undefined
      : {
          repeat: {
            ...(from === undefined
              ? {}
              : { boundsPeriod: to === undefined ? { start: from } : { start: from, end: to } }),
            ...(perWeek === undefined || perWeek === 0
              ? {}
              : { frequency: perWeek, period: 1, periodUnit: "wk" as const }),
          },
        };
  return {
    detail: {
      extension: [phaseExtension(phaseId, reason)],
      code: levelOfCareConcept(phase?.levelOfCare ?? p.levelOfCare, p),
      status,
      ...(timing === undefined ? {} : { scheduledTiming: timing }),
      description: phase?.name ?? phaseId,
    },
  };
}

function carePlan(
  ctx: FhirContext,
  key: string,
  participantId: Enrollment["participant"]["id"],
  status: CarePlan["status"],
  start: IsoDate,
  end: IsoDate | undefined,
  activities: CarePlanActivity[],
): CarePlan {
  return {
    resourceType: "CarePlan",
    identifier: [ctx.identifier("care-plan", key)],
    status,
    intent: "plan",
    title: ctx.program.name,
    subject: ctx.patient(participantId),
    period: end === undefined ? { start } : { start, end },
    ...(activities.length === 0 ? {} : { activity: activities }),
  };
}

/**
 * The CarePlan of an admitted episode: status `active` while in treatment, `completed` after a
 * completed discharge, `revoked` after any other. Activities: each phase entered (completed, or
 * in progress; `stopped` when the discharge cut it short), then, while in treatment, the
 * program's later phases, not started.
 */
export function episodeCarePlanDraft(
  ctx: FhirContext,
  state: EpisodeState,
  track: string | undefined,
): Draft | undefined {
  const treatment = treatmentOf(state);
  if (treatment === undefined) return undefined;
  const discharge =
    state.status === "discharged" || state.status === "aftercare" ? state.discharge : undefined;
  const status: CarePlan["status"] =
    discharge === undefined ? "active" : discharge.type === "completed" ? "completed" : "revoked";
  const history = treatment.phaseHistory;
  const activities = history.map((ph, i) =>
    activity(
      ctx,
      ph.phaseId,
      ph.to === undefined
        ? "in-progress"
        : i === history.length - 1 && discharge !== undefined && discharge.type !== "completed"
          ? "stopped"
          : "completed",
      track,
      ph.from,
      ph.to,
      ph.reason,
    ),
  );
  if (discharge === undefined) {
    const phases = ctx.program.phases;
    const current = history[history.length - 1]?.phaseId ?? treatment.admission.phaseId;
    const index = phases.findIndex((x) => x.id === current);
    if (index >= 0)
      for (const later of phases.slice(history.length === 0 ? index : index + 1))
        activities.push(activity(ctx, later.id, "not-started", track));
  }
  const key = episodeKey(state);
  const resource = carePlan(
    ctx,
    key,
    state.participantId,
    status,
    treatment.admission.on,
    discharge?.on,
    activities,
  );
  return {
    resource,
    kind: "care-plan",
    value: key,
    sud: ctx.sudProgram,
    sortKey: `${state.participantId}|${treatment.admission.on}|${key}`,
  };
}

/**
 * The CarePlan of an enrolment without an admitted episode, read from the planned path alone:
 * status by the dates (`draft` before the start, `completed` after the end, `active` between);
 * each planned phase `not-started`, `in-progress` or `completed` by its dates.
 */
export function enrollmentCarePlanDraft(ctx: FhirContext, enrollment: Enrollment): Draft {
  const today = ctx.today;
  const id = enrollment.participant.id;
  const status: CarePlan["status"] =
    enrollment.start > today
      ? "draft"
      : enrollment.end !== undefined && enrollment.end < today
        ? "completed"
        : "active";
  const activities = plannedPath(ctx.program, enrollment).map((ph) =>
    activity(
      ctx,
      ph.phaseId,
      ph.from > today ? "not-started" : ph.to < today ? "completed" : "in-progress",
      enrollment.track,
      ph.from,
      ph.to,
      ph.reason,
    ),
  );
  const key = `${id}/${ctx.program.id}/${enrollment.start}`;
  const resource = carePlan(ctx, key, id, status, enrollment.start, enrollment.end, activities);
  return {
    resource,
    kind: "care-plan",
    value: key,
    sud: ctx.sudProgram,
    sortKey: `${id}|${enrollment.start}|${key}`,
  };
}
