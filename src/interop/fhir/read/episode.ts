/**
 * EpisodeOfCare (its status history) → episode events: referred, admitted, phase-started,
 * stepped-down, stepped-up and discharged, as iopkit's own EpisodeOfCare writes them (phases in
 * iopkit's `phase` extension, the discharge in its `discharge` extension).
 */
import type { ParticipantId } from "../../../core/index";
import { safeParseEpisodeEvent, type EpisodeEvent } from "../../../episode/index";
import { fhirCodeSystems, fhirExtensions } from "../fhir-urls";
import type { ReadContext } from "./context";
import { datePart } from "./measures";
import type { Node } from "./node";
import { reportExtensions } from "./patient";
import { identifierIn } from "./read-measures";

/**
 * An episode's events read from an EpisodeOfCare. They are not a complete log: FHIR carries no
 * assessment (the eligibility decision), clinical review, relapse, positive test, plan review,
 * recertification, authorisation or aftercare start, so before `replayEpisode` an app adds its
 * `assessed` event (and the review before a step-up) from its own records.
 */
export interface FhirEpisode {
  /** Whose episode. */
  readonly participantId: ParticipantId;
  /** The episode's identifier value (under the `episode` system), else the resource id. */
  readonly episodeId?: string;
  /** The events, in date order, each validated (`parseEpisodeEvent`). */
  readonly events: readonly EpisodeEvent[];
  /** Where it was read from. */
  readonly source: string;
}

const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;

/** An EpisodeOfCare → {@link FhirEpisode}; needs the `programId` option. */
export function readEpisodeOfCare(ctx: ReadContext, e: Node): FhirEpisode | undefined {
  const status = e.get("status").string();
  if (status === "entered-in-error") {
    e.issue("entered-in-error", "marked entered-in-error: skipped");
    return undefined;
  }
  const programId = ctx.options.programId;
  if (programId === undefined) {
    e.issue(
      "missing-element",
      "an EpisodeOfCare names no iopkit program: pass the programId option to read episodes",
    );
    return undefined;
  }
  const participantId = ctx.participant(e.get("patient"), e);
  if (participantId === undefined) return undefined;
  reportExtensions(e, [fhirExtensions.discharge]);
  const own = identifierIn(e, ctx.system("episode"));
  const idCandidate = own ?? e.get("id").string();
  const episodeId =
    idCandidate !== undefined && ID.test(idCandidate) && idCandidate.length <= 128
      ? idCandidate
      : undefined;
  const raw: Record<string, unknown>[] = [];
  const history = e.list("statusHistory");
  const referredOn =
    datePart(history[0]?.get("period").get("start").value) ??
    datePart(e.get("period").get("start").value);
  if (referredOn === undefined) {
    e.get("period").issue("missing-element", "no start date: the referral cannot be dated");
    return undefined;
  }
  raw.push({
    kind: "referred",
    on: referredOn,
    participantId,
    programId,
    ...(episodeId === undefined ? {} : { episodeId }),
  });
  let admitted = false;
  let admittedOn: string | undefined;
  for (const h of history) {
    const hs = h.get("status").value;
    const from = datePart(h.get("period").get("start").value);
    if (hs !== "active" || from === undefined) continue;
    admittedOn ??= from;
    const phase = h.list("extension").find((x) => x.get("url").value === fhirExtensions.phase);
    if (phase === undefined) continue;
    const part = (name: string): Node | undefined =>
      phase.list("extension").find((x) => x.get("url").value === name);
    const phaseId = part("id")?.get("valueString").string();
    const reason = part("reason")?.get("valueCode").string();
    if (phaseId === undefined) {
      phase.issue("missing-element", "a phase without its id: not read");
      continue;
    }
    if (!admitted) {
      raw.push({ kind: "admitted", on: admittedOn, programId, phaseId });
      raw.push({ kind: "phase-started", on: from, phaseId });
      admitted = true;
    } else if (reason === "step-down" || reason === "step-up")
      raw.push({
        kind: reason === "step-down" ? "stepped-down" : "stepped-up",
        on: from,
        toPhaseId: phaseId,
      });
    else
      part("reason")?.issue(
        "unknown-code",
        "a later phase entered neither by step-down nor step-up: not read",
      );
  }
  const discharge = e
    .list("extension")
    .find((x) => x.get("url").value === fhirExtensions.discharge);
  const end = datePart(e.get("period").get("end").value);
  if (discharge !== undefined) {
    const part = (name: string): Node | undefined =>
      discharge.list("extension").find((x) => x.get("url").value === name);
    const referred = part("referredTo")
      ?.get("valueCodeableConcept")
      .list("coding")
      .find((c) => c.get("system").value === fhirCodeSystems.levelOfCareConcept)
      ?.get("code")
      .string();
    if (end === undefined)
      e.get("period").issue("missing-element", "a discharge without an end date: not read");
    else
      raw.push({
        kind: "discharged",
        on: end,
        type: part("type")?.get("valueCode").value,
        reason: part("reason")?.get("valueCode").value,
        ...(referred === undefined ? {} : { referredTo: referred }),
      });
  } else if (status === "finished" || status === "cancelled")
    e.get("status").issue(
      "missing-element",
      "a finished episode without iopkit's discharge extension: the discharge's type and reason are unknown, not read",
    );
  if (admitted)
    e.issue(
      "missing-element",
      "an EpisodeOfCare holds no assessment: add the assessed event (assessEligibility) before admitted to replay the log",
    );
  const events: EpisodeEvent[] = [];
  for (const r of raw) {
    const parsed = safeParseEpisodeEvent({ formatVersion: 2, ...r });
    if (parsed.success) events.push(parsed.data);
    else
      e.issue(
        "invalid-value",
        `a ${String(r["kind"])} event that is not valid (${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.code}`).join("; ")}): not read`,
      );
  }
  return {
    participantId,
    ...(episodeId === undefined ? {} : { episodeId }),
    events,
    source: e.path,
  };
}
