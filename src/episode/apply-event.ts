/**
 * The episode's state machine: `startEpisode`, `applyEvent` and `replayEpisode`. Pure and total:
 * an impossible transition is a typed error value, never an exception, and inputs are never
 * mutated. Internally a fold works on a private draft (so replaying a long log is linear) and
 * hands out a fresh state at the end.
 */
import { pure } from "../core/pure";
import { match } from "ts-pattern";
import { IopError, describeValue } from "../core/errors";
import { tryParseIsoDate, type IsoDate } from "../core/calendar";
import { limits } from "../core/limits";
import type { PhaseId } from "../core/ids";
import type { LevelOfCareId, Program } from "../program/index";
import {
  dischargeReasons,
  dischargeTypes,
  episodeEventKinds,
  reviewOutcomes,
  transferDirectionAgrees,
  type EpisodeEvent,
  type EventOf,
} from "./episode-event";
import type {
  Assessment,
  Authorisation,
  CurrentPhase,
  Discharge,
  EpisodeBase,
  EpisodeError,
  EpisodeErrorCode,
  EpisodeState,
  EpisodeStatus,
  InPhaseEpisode,
  OpenReview,
  PhaseHistoryEntry,
  ReviewRecord,
  Treatment,
} from "./episode-state";

/** The outcome of {@link applyEvent} and {@link startEpisode}: the next state, or why the event was rejected. */
export type EpisodeResult =
  | { readonly ok: true; readonly state: EpisodeState }
  | { readonly ok: false; readonly error: EpisodeError };

/** A rejected log: the index of the first rejected event, why, and the state before it (`null` at index 0). */
export interface ReplayFailure {
  /** Always `false`. */
  readonly ok: false;
  /** Index of the rejected event in the log. */
  readonly index: number;
  /** Why it was rejected. */
  readonly error: EpisodeError;
  /** The state the events before it give, or `null` when the first event was rejected. */
  readonly state: EpisodeState | null;
}

/** The outcome of {@link replayEpisode}. */
export type ReplayResult = { readonly ok: true; readonly state: EpisodeState } | ReplayFailure;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Draft = Mutable<Omit<EpisodeBase, "authorisations">> & {
  status: EpisodeStatus;
  authorisations: Authorisation[];
  assessment: Assessment | undefined;
  treatment:
    | (Mutable<Treatment> & {
        phaseHistory: PhaseHistoryEntry[];
        openReviews: OpenReview[];
        reviews: ReviewRecord[];
        relapses: Mutable<Treatment>["relapses"][number][];
      })
    | undefined;
  phase: CurrentPhase | undefined;
  discharge: Discharge | undefined;
  aftercareOn: IsoDate | undefined;
};

const fail = (code: EpisodeErrorCode, message: string): EpisodeError => ({ code, message });
const mismatch = (referred: string, program: string): EpisodeError =>
  fail("program-mismatch", `referred to ${referred}, not ${program}`);

/**
 * Starts an episode from its `referred` event, copying the program's phases (ids and levels of
 * care) into the state so that later steps can be checked without the program.
 * Rejects (`program-mismatch`) a referral to another program.
 * @example
 * ```ts
 * const r = startEpisode(program, {
 *   formatVersion: 2, kind: "referred", on: "2026-03-02", participantId: participant.id, programId: program.id,
 * });
 * ```
 */
export function startEpisode(program: Program, event: EventOf<"referred">): EpisodeResult {
  const bad = badEvent(event) ?? badProgram(program);
  if (bad !== undefined) return { ok: false, error: bad };
  const kind: string = event.kind;
  if (kind !== "referred")
    return {
      ok: false,
      error: fail("not-referred-first", `an episode starts with referred, not ${kind}`),
    };
  if (event.programId !== program.id)
    return { ok: false, error: mismatch(event.programId, program.id) };
  return guarded(() => ({ ok: true, state: freeze(draftOf(program, event)) }));
}

/**
 * Applies one event: returns `{ ok: true, state }` with the next state, or `{ ok: false, error }`
 * for an impossible transition (see {@link EpisodeErrorCode}): an event dated before the previous
 * one, admission without an admitting eligibility decision, stepping down from the last phase,
 * a step-up no review decided, any clinical event after discharge, … Never throws; never mutates
 * `state`.
 *
 * A relapse or a positive test is not failure (NIDA, Drugs, Brains, and Behavior (2020),
 * Treatment and Recovery): it opens a clinical review and leaves the phase as it is; only a
 * review decides to continue, step up or refer to a higher level.
 *
 * @example
 * ```ts
 * const r = applyEvent(state, { formatVersion: 2, kind: "relapse-reported", on: "2026-03-20" });
 * if (r.ok) console.log(r.state.status); // still "in-phase", with an open review
 * ```
 */
export function applyEvent(state: EpisodeState, event: EpisodeEvent): EpisodeResult {
  const bad = badState(state) ?? badEvent(event);
  if (bad !== undefined) return { ok: false, error: bad };
  return guarded(() => {
    const d = thaw(state);
    const error = step(d, event);
    return error === undefined ? { ok: true, state: freeze(d) } : { ok: false, error };
  });
}

/**
 * Folds a whole log (oldest first) into a state, stopping at the first rejected event with its
 * index and why. The first event must be `referred` (to `program`). Pure and total; replaying the
 * same log always gives an equal state.
 * @example
 * ```ts
 * const r = replayEpisode(parseEpisodeLog(storedEvents), program); // storedEvents: the log as JSON
 * if (!r.ok) console.log(`event ${r.index}: ${r.error.message}`);
 * ```
 */
export function replayEpisode(events: readonly EpisodeEvent[], program: Program): ReplayResult {
  const badArgument = badProgram(program) ?? badLog(events);
  if (badArgument !== undefined) return { ok: false, index: 0, error: badArgument, state: null };
  const r = guarded<ReplayResult | EpisodeResult>(() => replay(events, program));
  // A replay that could not read something is reported at the log's first event.
  return "index" in r || r.ok ? r : { ok: false, index: 0, error: r.error, state: null };
}

/** {@link replayEpisode} for a log and a program that have passed its guards. */
function replay(events: readonly EpisodeEvent[], program: Program): ReplayResult {
  const first = events[0];
  if (first === undefined)
    return { ok: false, index: 0, error: fail("empty-log", "the log has no events"), state: null };
  const badFirst = badEvent(first);
  if (badFirst !== undefined) return { ok: false, index: 0, error: badFirst, state: null };
  if (first.kind !== "referred")
    return {
      ok: false,
      index: 0,
      error: fail("not-referred-first", `the first event must be referred, not ${first.kind}`),
      state: null,
    };
  if (first.programId !== program.id)
    return { ok: false, index: 0, error: mismatch(first.programId, program.id), state: null };
  const d = draftOf(program, first);
  for (let i = 1; i < events.length; i++) {
    const event = events[i] as EpisodeEvent;
    const error = badEvent(event) ?? step(d, event);
    if (error !== undefined) return { ok: false, index: i, error, state: freeze(d) };
  }
  return { ok: true, state: freeze(d) };
}

/**
 * Like {@link replayEpisode}, but returns the state or throws {@link core!IopError | IopError}
 * whose issue has the code of the rejection and the path `[index]`.
 */
export function replayEpisodeOrThrow(
  events: readonly EpisodeEvent[],
  program: Program,
): EpisodeState {
  const r = replayEpisode(events, program);
  if (r.ok) return r.state;
  throw new IopError("replayEpisode", [
    { code: r.error.code, path: [r.index], message: r.error.message },
  ]);
}

const KINDS: ReadonlySet<string> = /* @__PURE__ */ pure(() => new Set(episodeEventKinds));
const STATUSES: ReadonlySet<string> = /* @__PURE__ */ pure(
  () => new Set(["referred", "assessed", "admitted", "in-phase", "discharged", "aftercare"]),
);
const DISCHARGE_TYPES: ReadonlySet<string> = /* @__PURE__ */ pure(() => new Set(dischargeTypes));
const DISCHARGE_REASONS: ReadonlySet<string> = /* @__PURE__ */ pure(
  () => new Set(dischargeReasons),
);
const REVIEW_OUTCOMES: ReadonlySet<string> = /* @__PURE__ */ pure(() => new Set(reviewOutcomes));

const isDate = (v: unknown): boolean => typeof v === "string" && tryParseIsoDate(v) !== undefined;
const isText = (v: unknown): boolean => typeof v === "string" && v.length > 0;

/**
 * Why `e` is not an episode event the state machine can apply, or `undefined` when it is one: a
 * cheap check of what the steps read (the kind, the date, each closed code set and id), so that a
 * value that never passed `parseEpisodeEvent` is rejected instead of replayed as plausible. The
 * message names the field and the kind of value, never the value (an event's note is free text).
 */
function badEvent(e: unknown): EpisodeError | undefined {
  try {
    if (typeof e !== "object" || e === null || Array.isArray(e))
      return fail(
        "invalid-event",
        `expected an episode event (an object), got ${describeValue(e)}`,
      );
    const ev = e as Record<string, unknown>;
    if (typeof ev["kind"] !== "string" || !KINDS.has(ev["kind"]))
      return fail(
        "invalid-event",
        `kind must be one of the episode event kinds, got ${describeValue(ev["kind"])}`,
      );
    if (!isDate(ev["on"]))
      return fail(
        "invalid-event",
        `on must be a calendar date YYYY-MM-DD, got ${describeValue(ev["on"])}`,
      );
    const field = (name: string, ok: boolean): EpisodeError | undefined =>
      ok
        ? undefined
        : fail(
            "invalid-event",
            `${ev["kind"] as string}: ${name} is not valid (got ${describeValue(ev[name])})`,
          );
    const optional = (name: string, test: (v: unknown) => boolean): EpisodeError | undefined =>
      field(name, ev[name] === undefined || test(ev[name]));
    switch (ev["kind"]) {
      case "referred":
        return (
          field("programId", isText(ev["programId"])) ??
          field("participantId", isText(ev["participantId"]))
        );
      case "assessed": {
        const decision = ev["decision"] as { outcome?: unknown } | null | undefined;
        return field(
          "decision",
          typeof decision === "object" && decision !== null && typeof decision.outcome === "string",
        );
      }
      case "admitted":
        return (
          field("programId", isText(ev["programId"])) ?? field("phaseId", isText(ev["phaseId"]))
        );
      case "phase-started":
        return field("phaseId", isText(ev["phaseId"]));
      case "stepped-down":
      case "stepped-up":
        return optional("toPhaseId", isText);
      case "relapse-reported":
      case "positive-test-recorded":
        return optional("substances", Array.isArray);
      case "clinical-review-held":
        return field(
          "outcome",
          typeof ev["outcome"] === "string" && REVIEW_OUTCOMES.has(ev["outcome"]),
        );
      case "level-of-care-authorised":
        return (
          field("level", isText(ev["level"])) ??
          field("from", isDate(ev["from"])) ??
          field("to", isDate(ev["to"]))
        );
      case "discharged":
        return (
          field("type", typeof ev["type"] === "string" && DISCHARGE_TYPES.has(ev["type"])) ??
          field("reason", typeof ev["reason"] === "string" && DISCHARGE_REASONS.has(ev["reason"]))
        );
      default:
        return undefined;
    }
  } catch {
    return fail("invalid-event", "the event could not be read (a throwing getter or a Proxy)");
  }
}

/** Why `state` is not an episode state, or `undefined`. */
function badState(state: unknown): EpisodeError | undefined {
  try {
    const s = state as { status?: unknown; ladder?: unknown; lastEventOn?: unknown } | null;
    if (
      typeof s === "object" &&
      s !== null &&
      typeof s.status === "string" &&
      STATUSES.has(s.status) &&
      Array.isArray(s.ladder) &&
      isDate(s.lastEventOn)
    )
      return undefined;
  } catch {
    // Unreadable: reported below.
  }
  return fail(
    "invalid-argument",
    `expected an episode state (from startEpisode or replayEpisode), got ${describeValue(state)}`,
  );
}

/** Why `program` is not a program, or `undefined`. */
function badProgram(program: unknown): EpisodeError | undefined {
  try {
    const p = program as { id?: unknown; phases?: unknown } | null;
    if (typeof p === "object" && p !== null && isText(p.id) && Array.isArray(p.phases))
      return undefined;
  } catch {
    // Unreadable: reported below.
  }
  return fail(
    "invalid-argument",
    `expected a program (from defineProgram), got ${describeValue(program)}`,
  );
}

/** Why `events` is not a log {@link replayEpisode} replays, or `undefined`. */
function badLog(events: unknown): EpisodeError | undefined {
  try {
    if (!Array.isArray(events))
      return fail("invalid-argument", `expected a list of events, got ${describeValue(events)}`);
    if (events.length > limits.maxEvents)
      return fail(
        "invalid-argument",
        `a log holds at most ${limits.maxEvents} events (limits.maxEvents), got ${events.length}`,
      );
    return undefined;
  } catch {
    return fail("invalid-argument", "the log could not be read (a revoked Proxy)");
  }
}

/** Runs a step that has passed the guards; anything it still cannot read is `invalid-event`. */
function guarded<R>(body: () => R): R | { readonly ok: false; readonly error: EpisodeError } {
  try {
    return body();
  } catch {
    return {
      ok: false,
      error: fail(
        "invalid-event",
        "the event or state could not be read (a field of the wrong type)",
      ),
    };
  }
}

function draftOf(program: Program, e: EventOf<"referred">): Draft {
  return {
    participantId: e.participantId,
    programId: e.programId,
    ...(e.episodeId === undefined ? {} : { episodeId: e.episodeId }),
    ladder: program.phases.map((p) => ({
      id: p.id,
      levelOfCare: p.levelOfCare ?? program.levelOfCare,
    })),
    referredOn: e.on,
    lastEventOn: e.on,
    eventCount: 1,
    status: "referred",
    authorisations: [],
    assessment: undefined,
    treatment: undefined,
    phase: undefined,
    discharge: undefined,
    aftercareOn: undefined,
  };
}

function thaw(s: EpisodeState): Draft {
  const t = "treatment" in s ? s.treatment : undefined;
  return {
    participantId: s.participantId,
    programId: s.programId,
    ...(s.episodeId === undefined ? {} : { episodeId: s.episodeId }),
    ladder: s.ladder,
    referredOn: s.referredOn,
    lastEventOn: s.lastEventOn,
    eventCount: s.eventCount,
    status: s.status,
    authorisations: [...s.authorisations],
    assessment: "assessment" in s ? s.assessment : undefined,
    treatment:
      t === undefined
        ? undefined
        : {
            ...t,
            phaseHistory: [...t.phaseHistory],
            openReviews: [...t.openReviews],
            reviews: [...t.reviews],
            relapses: [...t.relapses],
          },
    phase: s.status === "in-phase" ? s.phase : undefined,
    discharge: s.status === "discharged" || s.status === "aftercare" ? s.discharge : undefined,
    aftercareOn: s.status === "aftercare" ? s.aftercare.startedOn : undefined,
  };
}

function freezeTreatment(t: NonNullable<Draft["treatment"]>): Treatment {
  return {
    ...t,
    phaseHistory: [...t.phaseHistory],
    openReviews: [...t.openReviews],
    reviews: [...t.reviews],
    relapses: [...t.relapses],
  };
}

function freeze(d: Draft): EpisodeState {
  const base: EpisodeBase = {
    participantId: d.participantId,
    programId: d.programId,
    ...(d.episodeId === undefined ? {} : { episodeId: d.episodeId }),
    ladder: d.ladder,
    referredOn: d.referredOn,
    lastEventOn: d.lastEventOn,
    eventCount: d.eventCount,
    authorisations: [...d.authorisations],
  };
  const { assessment, phase, discharge } = d;
  const treatment = d.treatment === undefined ? undefined : freezeTreatment(d.treatment);
  const closedParts = {
    ...(assessment === undefined ? {} : { assessment }),
    ...(treatment === undefined ? {} : { treatment }),
  };
  // The step functions keep the draft consistent with its status; the fallbacks are unreachable.
  return match(d.status)
    .returnType<EpisodeState>()
    .with("referred", () => ({ ...base, status: "referred" }))
    .with("assessed", () =>
      assessment === undefined
        ? { ...base, status: "referred" }
        : { ...base, status: "assessed", assessment },
    )
    .with("admitted", "in-phase", (status) =>
      assessment === undefined || treatment === undefined
        ? { ...base, status: "referred" }
        : status === "in-phase" && phase !== undefined
          ? { ...base, status, assessment, treatment, phase }
          : { ...base, status: "admitted", assessment, treatment },
    )
    .with("discharged", "aftercare", (status) =>
      discharge === undefined
        ? { ...base, status: "referred" }
        : status === "aftercare" && d.aftercareOn !== undefined
          ? { ...base, status, ...closedParts, discharge, aftercare: { startedOn: d.aftercareOn } }
          : { ...base, status: "discharged", ...closedParts, discharge },
    )
    .exhaustive();
}

const isActive = (s: EpisodeStatus): boolean => s !== "discharged" && s !== "aftercare";

/** The treatment record of an admitted draft, or why the event needs one. */
function treating(d: Draft, kind: string): NonNullable<Draft["treatment"]> | EpisodeError {
  return d.treatment === undefined ? fail("not-admitted", `${kind} before admission`) : d.treatment;
}

/** The phase in force, or why a step needs one. */
function inPhase(d: Draft, kind: string): CurrentPhase | EpisodeError {
  if (d.treatment === undefined) return fail("not-admitted", `${kind} before admission`);
  return d.phase ?? fail("phase-not-started", `${kind} before the first phase started`);
}

const isError = (x: object): x is EpisodeError => "code" in x && "message" in x;

/** Enters phase `index` on `on`, closing the current one. */
function enter(
  d: Draft,
  t: NonNullable<Draft["treatment"]>,
  index: number,
  on: IsoDate,
  reason: PhaseHistoryEntry["reason"],
): void {
  const phase = d.ladder[index];
  if (phase === undefined) return;
  closeHistory(t, on);
  t.phaseHistory.push({ phaseId: phase.id, from: on, reason });
  d.phase = { id: phase.id, index, startedOn: on, levelOfCare: phase.levelOfCare };
  d.status = "in-phase";
}

function closeHistory(t: NonNullable<Draft["treatment"]>, on: IsoDate): void {
  const last = t.phaseHistory[t.phaseHistory.length - 1];
  if (last !== undefined && last.to === undefined)
    t.phaseHistory[t.phaseHistory.length - 1] = { ...last, to: on };
}

/**
 * The level of care a discharge leaves: the phase in force, else the admission phase, else the
 * program's first phase (a discharge before admission leaves the level the program admits to).
 */
function levelInForce(d: Draft): LevelOfCareId | undefined {
  if (d.phase !== undefined) return d.phase.levelOfCare;
  const admitted = d.treatment?.admission.phaseId;
  const phase = admitted === undefined ? undefined : d.ladder[indexOf(d, admitted)];
  return (phase ?? d.ladder[0])?.levelOfCare;
}

function indexOf(d: Draft, id: PhaseId | string): number {
  return d.ladder.findIndex((p) => p.id === id);
}

/** Validates `e` against the draft, then applies it. On error the draft is left untouched. */
function step(d: Draft, e: EpisodeEvent): EpisodeError | undefined {
  if (e.on < d.lastEventOn)
    return fail(
      "out-of-order",
      `${e.kind} on ${e.on} is before the previous event (${d.lastEventOn})`,
    );
  if (!isActive(d.status) && e.kind !== "aftercare-started")
    return fail(
      "episode-closed",
      `${e.kind} after discharge on ${d.discharge?.on ?? d.lastEventOn}`,
    );
  const error = match(e)
    .returnType<EpisodeError | undefined>()
    .with({ kind: "referred" }, () => fail("already-referred", "the episode was already referred"))
    .with({ kind: "assessed" }, (ev) => {
      if (d.treatment !== undefined)
        return fail("already-admitted", "assessed after admission: start a new episode");
      d.assessment = { on: ev.on, decision: ev.decision };
      d.status = "assessed";
      return undefined;
    })
    .with({ kind: "admitted" }, (ev) => {
      if (d.treatment !== undefined) return fail("already-admitted", "already admitted");
      if (d.assessment === undefined)
        return fail("not-assessed", "admitted without an eligibility decision");
      if (ev.programId !== d.programId)
        return fail("program-mismatch", `admitted to ${ev.programId}, referred to ${d.programId}`);
      const outcome = d.assessment.decision.outcome;
      if (outcome !== "admit" && outcome !== "admit-with-conditions")
        return fail("not-eligible", `the eligibility decision in force is ${outcome}`);
      if (indexOf(d, ev.phaseId) < 0)
        return fail("unknown-phase", `phase ${ev.phaseId} is not in the program`);
      d.treatment = {
        admission: { on: ev.on, phaseId: ev.phaseId },
        phaseHistory: [],
        openReviews: [],
        reviews: [],
        relapses: [],
        stepUps: 0,
        stepDowns: 0,
        lastPlanReviewOn: null,
        lastRecertifiedOn: null,
        stepUpApproved: false,
      };
      d.status = "admitted";
      return undefined;
    })
    .with({ kind: "phase-started" }, (ev) => {
      const t = treating(d, ev.kind);
      if (isError(t)) return t;
      if (d.phase !== undefined) return fail("phase-already-started", "a phase is in force");
      const i = indexOf(d, ev.phaseId);
      if (i < 0) return fail("unknown-phase", `phase ${ev.phaseId} is not in the program`);
      if (ev.phaseId !== t.admission.phaseId)
        return fail("phase-mismatch", `admitted into ${t.admission.phaseId}, not ${ev.phaseId}`);
      enter(d, t, i, ev.on, "admission");
      return undefined;
    })
    .with({ kind: "stepped-down" }, (ev) => {
      const t = treating(d, ev.kind);
      const phase = inPhase(d, ev.kind);
      if (isError(t)) return t;
      if (isError(phase)) return phase;
      if (phase.index === d.ladder.length - 1)
        return fail("no-lower-phase", `${phase.id} is the last phase: discharge instead`);
      const to = ev.toPhaseId === undefined ? phase.index + 1 : indexOf(d, ev.toPhaseId);
      if (to < 0) return fail("unknown-phase", `phase ${ev.toPhaseId ?? ""} is not in the program`);
      if (to <= phase.index)
        return fail("not-a-step-down", `${ev.toPhaseId ?? ""} is not after ${phase.id}`);
      enter(d, t, to, ev.on, "step-down");
      t.stepDowns += 1;
      return undefined;
    })
    .with({ kind: "stepped-up" }, (ev) => {
      const t = treating(d, ev.kind);
      const phase = inPhase(d, ev.kind);
      if (isError(t)) return t;
      if (isError(phase)) return phase;
      if (phase.index === 0)
        return fail("no-higher-phase", `${phase.id} is the first phase: refer to a higher level`);
      const to = ev.toPhaseId === undefined ? phase.index - 1 : indexOf(d, ev.toPhaseId);
      if (to < 0) return fail("unknown-phase", `phase ${ev.toPhaseId ?? ""} is not in the program`);
      if (to >= phase.index)
        return fail("not-a-step-up", `${ev.toPhaseId ?? ""} is not before ${phase.id}`);
      if (!t.stepUpApproved)
        return fail("step-up-without-review", "no clinical review decided to step up");
      enter(d, t, to, ev.on, "step-up");
      t.stepUps += 1;
      t.stepUpApproved = false;
      return undefined;
    })
    .with({ kind: "relapse-reported" }, { kind: "positive-test-recorded" }, (ev) => {
      const t = treating(d, ev.kind);
      if (isError(t)) return t;
      const trigger = ev.kind === "relapse-reported" ? "relapse" : "positive-test";
      const found = ev.substances ?? [];
      t.openReviews.push({ openedOn: ev.on, trigger, substances: found });
      t.relapses.push({
        on: ev.on,
        kind: trigger,
        substances: found,
        confirmed: ev.kind === "positive-test-recorded" && ev.confirmed === true,
      });
      return undefined;
    })
    .with({ kind: "clinical-review-held" }, (ev) => {
      const t = treating(d, ev.kind);
      if (isError(t)) return t;
      t.reviews.push({
        on: ev.on,
        outcome: ev.outcome,
        phaseId: d.phase?.id ?? null,
        closed: t.openReviews,
      });
      t.openReviews = [];
      t.stepUpApproved = ev.outcome === "step-up";
      return undefined;
    })
    .with({ kind: "plan-reviewed" }, { kind: "recertified" }, (ev) => {
      const t = treating(d, ev.kind);
      if (isError(t)) return t;
      if (ev.kind === "plan-reviewed") t.lastPlanReviewOn = ev.on;
      else t.lastRecertifiedOn = ev.on;
      return undefined;
    })
    .with({ kind: "level-of-care-authorised" }, (ev) => {
      d.authorisations.push({
        on: ev.on,
        level: ev.level,
        from: ev.from,
        to: ev.to,
        ...(ev.payer === undefined ? {} : { payer: ev.payer }),
        ...(ev.reference === undefined ? {} : { reference: ev.reference }),
      });
      return undefined;
    })
    .with({ kind: "discharged" }, (ev) => {
      if ((ev.type === "completed") !== (ev.reason === "treatment-completed"))
        return fail(
          "reason-mismatch",
          `a ${ev.type} discharge cannot have reason ${ev.reason}: completed goes with treatment-completed`,
        );
      const last = d.ladder.length - 1;
      if (ev.type === "completed" && d.phase?.index !== last)
        return fail("completed-early", "completed outside the last phase: step down first");
      const level = levelInForce(d);
      if (level !== undefined && !transferDirectionAgrees(ev.type, level, ev.referredTo))
        return fail(
          "transfer-direction-mismatch",
          `a ${ev.type} discharge cannot refer to ${ev.referredTo ?? ""}: the participant was in ${level}`,
        );
      const from = d.status as Discharge["from"];
      if (d.treatment !== undefined) closeHistory(d.treatment, ev.on);
      d.discharge = {
        on: ev.on,
        type: ev.type,
        reason: ev.reason,
        from,
        phaseId: d.phase?.id ?? null,
        ...(ev.referredTo === undefined ? {} : { referredTo: ev.referredTo }),
      };
      d.phase = undefined;
      d.status = "discharged";
      return undefined;
    })
    .with({ kind: "aftercare-started" }, (ev) => {
      if (d.status === "aftercare")
        return fail("aftercare-already-started", "aftercare already started");
      if (d.status !== "discharged")
        return fail("not-discharged", "aftercare starts after discharge");
      d.aftercareOn = ev.on;
      d.status = "aftercare";
      return undefined;
    })
    .exhaustive();
  if (error !== undefined) return error;
  d.lastEventOn = e.on;
  d.eventCount += 1;
  return undefined;
}

/** Narrows a state to one in a phase. */
export function isInPhase(state: EpisodeState): state is InPhaseEpisode {
  return state.status === "in-phase";
}
