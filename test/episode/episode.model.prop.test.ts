// Model-based test of the episode state machine (fast-check `fc.commands`): a small reference
// model of the rules (DESIGN.md "Episode lifecycle") runs beside applyEvent. After any sequence of
// events — valid or not — both accept and reject the same events with the same code, the state
// agrees with the model's, and replaying the accepted log gives the same state.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  applyEvent,
  replayEpisode,
  startEpisode,
  type EpisodeEvent,
  type EpisodeState,
  type ParticipantId,
  type PhaseId,
  type Program,
} from "iopkit";
import { eligibilityDecisionFor, program as programArb } from "iopkit/testing";
import { addDays } from "iopkit";

type Status = EpisodeState["status"];
interface Model {
  status: Status;
  last: string;
  events: number;
  admits: boolean | null;
  admittedPhase: number;
  phase: number;
  approved: boolean;
  history: { phase: number; from: string; to?: string; reason: string }[];
  openReviews: number;
  reviews: string[];
  stepUps: number;
  stepDowns: number;
  lastPlanReview: string | null;
  lastRecert: string | null;
  authorisations: number;
  discharge: { type: string; reason: string; from: string } | null;
  aftercare: string | null;
}
interface Real {
  state: EpisodeState;
  log: EpisodeEvent[];
}

/**
 * What the event needs besides its kind: a date offset, a phase, an outcome, a discharge.
 * `progress` builds the event that moves the model's episode on (so runs reach every status).
 */
interface Spec {
  readonly kind: EpisodeEvent["kind"] | "progress";
  readonly gap: number;
  /** Phase index; -1 names a phase the program lacks; undefined leaves it out. */
  readonly phase: number | undefined;
  readonly admits: boolean;
  readonly outcome: "continue" | "step-up" | "refer-higher" | "step-down";
  readonly discharge: readonly [
    "completed" | "transferred-higher" | "transferred-lower" | "not-completed",
    "treatment-completed" | "clinical-need" | "moved" | "lost-to-contact",
  ];
  readonly otherProgram: boolean;
}

function phaseIdOf(p: Program, i: number | undefined): PhaseId | undefined {
  if (i === undefined) return undefined;
  return (p.phases[i]?.id ?? "nowhere") as PhaseId;
}

function progress(p: Program, m: Model): EpisodeEvent["kind"] {
  switch (m.status) {
    case "referred":
      return "assessed";
    case "assessed":
      return m.admits === true ? "admitted" : "assessed";
    case "admitted":
      return "phase-started";
    case "in-phase":
      if (m.approved && m.phase > 0) return "stepped-up";
      return m.phase < p.phases.length - 1 ? "stepped-down" : "clinical-review-held";
    default:
      return "aftercare-started";
  }
}

function build(p: Program, m: Model, spec: Spec): EpisodeEvent {
  const s =
    spec.kind === "progress" ? { ...spec, kind: progress(p, m) } : { ...spec, kind: spec.kind };
  const on = addDays(m.last, s.gap);
  const phaseId = phaseIdOf(p, s.phase);
  switch (s.kind) {
    case "referred":
      return {
        formatVersion: 2,
        kind: "referred",
        on,
        participantId: "p-1" as ParticipantId,
        programId: p.id,
      };
    case "assessed":
      return {
        formatVersion: 2,
        kind: "assessed",
        on,
        decision: eligibilityDecisionFor(p, s.admits ? "admit" : "refer-lower"),
      };
    case "admitted":
      return {
        formatVersion: 2,
        kind: "admitted",
        on,
        programId: s.otherProgram ? ("other" as Program["id"]) : p.id,
        phaseId: phaseId ?? (p.phases[0]?.id as PhaseId),
      };
    case "phase-started":
      return {
        formatVersion: 2,
        kind: "phase-started",
        on,
        phaseId: phaseId ?? (p.phases[m.admittedPhase]?.id as PhaseId),
      };
    case "stepped-down":
    case "stepped-up":
      return {
        formatVersion: 2,
        kind: s.kind,
        on,
        ...(phaseId === undefined ? {} : { toPhaseId: phaseId }),
      };
    case "clinical-review-held":
      return { formatVersion: 2, kind: s.kind, on, outcome: s.outcome };
    case "level-of-care-authorised":
      return {
        formatVersion: 2,
        kind: s.kind,
        on,
        level: p.levelOfCare,
        from: on,
        to: addDays(on, 30),
      };
    case "discharged":
      return { formatVersion: 2, kind: s.kind, on, type: s.discharge[0], reason: s.discharge[1] };
    default:
      return { formatVersion: 2, kind: s.kind, on };
  }
}

/** The reference model's verdict: the rejection code, or null when the event is accepted. */
function verdict(p: Program, m: Model, e: EpisodeEvent): string | null {
  const last = p.phases.length - 1;
  const index = (id: string | undefined) => p.phases.findIndex((x) => x.id === id);
  const treated = m.status === "admitted" || m.status === "in-phase";
  if (e.on < m.last) return "out-of-order";
  if ((m.status === "discharged" || m.status === "aftercare") && e.kind !== "aftercare-started")
    return "episode-closed";
  switch (e.kind) {
    case "referred":
      return "already-referred";
    case "assessed":
      return treated ? "already-admitted" : null;
    case "admitted":
      if (treated) return "already-admitted";
      if (m.admits === null) return "not-assessed";
      if (e.programId !== p.id) return "program-mismatch";
      if (!m.admits) return "not-eligible";
      return index(e.phaseId) < 0 ? "unknown-phase" : null;
    case "phase-started":
      if (!treated) return "not-admitted";
      if (m.phase >= 0) return "phase-already-started";
      if (index(e.phaseId) < 0) return "unknown-phase";
      return index(e.phaseId) === m.admittedPhase ? null : "phase-mismatch";
    case "stepped-down":
    case "stepped-up": {
      if (!treated) return "not-admitted";
      if (m.phase < 0) return "phase-not-started";
      const down = e.kind === "stepped-down";
      if (down ? m.phase === last : m.phase === 0)
        return down ? "no-lower-phase" : "no-higher-phase";
      const to = e.toPhaseId === undefined ? m.phase + (down ? 1 : -1) : index(e.toPhaseId);
      if (to < 0) return "unknown-phase";
      if (down ? to <= m.phase : to >= m.phase) return down ? "not-a-step-down" : "not-a-step-up";
      return down || m.approved ? null : "step-up-without-review";
    }
    case "relapse-reported":
    case "positive-test-recorded":
    case "clinical-review-held":
    case "plan-reviewed":
    case "recertified":
      return treated ? null : "not-admitted";
    case "level-of-care-authorised":
      return null;
    case "discharged":
      if ((e.type === "completed") !== (e.reason === "treatment-completed"))
        return "reason-mismatch";
      return e.type === "completed" && !(m.status === "in-phase" && m.phase === last)
        ? "completed-early"
        : null;
    case "aftercare-started":
      if (m.status === "aftercare") return "aftercare-already-started";
      return m.status === "discharged" ? null : "not-discharged";
  }
}

function advance(p: Program, m: Model, e: EpisodeEvent): void {
  const index = (id: string | undefined) => p.phases.findIndex((x) => x.id === id);
  const enter = (phase: number, reason: string) => {
    const open = m.history[m.history.length - 1];
    if (open !== undefined && open.to === undefined) open.to = e.on;
    m.history.push({ phase, from: e.on, reason });
    m.phase = phase;
    m.status = "in-phase";
  };
  m.last = e.on;
  m.events += 1;
  switch (e.kind) {
    case "assessed":
      m.status = "assessed";
      m.admits = e.decision.outcome === "admit";
      break;
    case "admitted":
      m.status = "admitted";
      m.admittedPhase = index(e.phaseId);
      break;
    case "phase-started":
      enter(index(e.phaseId), "admission");
      break;
    case "stepped-down":
      enter(e.toPhaseId === undefined ? m.phase + 1 : index(e.toPhaseId), "step-down");
      m.stepDowns += 1;
      break;
    case "stepped-up":
      enter(e.toPhaseId === undefined ? m.phase - 1 : index(e.toPhaseId), "step-up");
      m.stepUps += 1;
      m.approved = false;
      break;
    case "relapse-reported":
    case "positive-test-recorded":
      m.openReviews += 1;
      break;
    case "clinical-review-held":
      m.openReviews = 0;
      m.reviews.push(e.outcome);
      m.approved = e.outcome === "step-up";
      break;
    case "plan-reviewed":
      m.lastPlanReview = e.on;
      break;
    case "recertified":
      m.lastRecert = e.on;
      break;
    case "level-of-care-authorised":
      m.authorisations += 1;
      break;
    case "discharged": {
      const open = m.history[m.history.length - 1];
      if (open !== undefined && open.to === undefined) open.to = e.on;
      m.discharge = { type: e.type, reason: e.reason, from: m.status };
      m.status = "discharged";
      m.phase = -1;
      break;
    }
    case "aftercare-started":
      m.status = "aftercare";
      m.aftercare = e.on;
      break;
    case "referred":
      break;
  }
}

/** The parts of the real state the model tracks, in the model's terms. */
function project(p: Program, s: EpisodeState): Model {
  const index = (id: string) => p.phases.findIndex((x) => x.id === id);
  const t = "treatment" in s ? s.treatment : undefined;
  const assessment = "assessment" in s ? s.assessment : undefined;
  return {
    status: s.status,
    last: s.lastEventOn,
    events: s.eventCount,
    admits: assessment === undefined ? null : assessment.decision.outcome === "admit",
    admittedPhase: t === undefined ? 0 : index(t.admission.phaseId),
    phase: s.status === "in-phase" ? s.phase.index : -1,
    approved: t?.stepUpApproved ?? false,
    history: (t?.phaseHistory ?? []).map((h) => ({
      phase: index(h.phaseId),
      from: h.from,
      ...(h.to === undefined ? {} : { to: h.to }),
      reason: h.reason,
    })),
    openReviews: t?.openReviews.length ?? 0,
    reviews: (t?.reviews ?? []).map((r) => r.outcome),
    stepUps: t?.stepUps ?? 0,
    stepDowns: t?.stepDowns ?? 0,
    lastPlanReview: t?.lastPlanReviewOn ?? null,
    lastRecert: t?.lastRecertifiedOn ?? null,
    authorisations: s.authorisations.length,
    discharge:
      s.status === "discharged" || s.status === "aftercare"
        ? { type: s.discharge.type, reason: s.discharge.reason, from: s.discharge.from }
        : null,
    aftercare: s.status === "aftercare" ? s.aftercare.startedOn : null,
  };
}

class EventCommand implements fc.Command<Model, Real> {
  constructor(
    private readonly p: Program,
    private readonly spec: Spec,
  ) {}
  check(): boolean {
    return true;
  }
  run(m: Model, r: Real): void {
    const event = build(this.p, m, this.spec);
    const expected = verdict(this.p, m, event);
    const before = JSON.stringify(r.state);
    const result = applyEvent(r.state, event);
    expect(JSON.stringify(r.state)).toBe(before); // the input state is never mutated
    expect(result.ok ? null : result.error.code).toBe(expected);
    if (result.ok) {
      r.state = result.state;
      r.log.push(event);
      advance(this.p, m, event);
    }
    expect(project(this.p, r.state)).toEqual(m);
    expect(replayEpisode(r.log, this.p)).toEqual({ ok: true, state: r.state });
  }
  toString(): string {
    return `${this.spec.kind}(${JSON.stringify({ ...this.spec, kind: undefined })})`;
  }
}

const kinds: { kind: Spec["kind"]; weight: number }[] = [
  { kind: "progress", weight: 24 },
  { kind: "referred", weight: 1 },
  { kind: "assessed", weight: 4 },
  { kind: "admitted", weight: 4 },
  { kind: "phase-started", weight: 4 },
  { kind: "stepped-down", weight: 4 },
  { kind: "stepped-up", weight: 4 },
  { kind: "relapse-reported", weight: 2 },
  { kind: "positive-test-recorded", weight: 2 },
  { kind: "clinical-review-held", weight: 4 },
  { kind: "plan-reviewed", weight: 1 },
  { kind: "recertified", weight: 1 },
  { kind: "level-of-care-authorised", weight: 1 },
  { kind: "discharged", weight: 1 },
  { kind: "aftercare-started", weight: 1 },
];

function commands(p: Program): fc.Arbitrary<fc.Command<Model, Real>>[] {
  const spec: fc.Arbitrary<Spec> = fc.record({
    kind: fc.oneof(...kinds.map(({ kind, weight }) => ({ arbitrary: fc.constant(kind), weight }))),
    gap: fc.oneof({ arbitrary: fc.integer({ min: 0, max: 5 }), weight: 12 }, fc.constant(-1)),
    phase: fc.option(fc.integer({ min: -1, max: p.phases.length - 1 }), {
      nil: undefined,
      freq: 2,
    }),
    admits: fc.oneof({ arbitrary: fc.constant(true), weight: 4 }, fc.constant(false)),
    outcome: fc.constantFrom("continue", "step-up", "refer-higher", "step-down"),
    discharge: fc.constantFrom(
      ["completed", "treatment-completed"] as const,
      ["transferred-higher", "clinical-need"] as const,
      ["transferred-lower", "clinical-need"] as const,
      ["not-completed", "lost-to-contact"] as const,
      ["not-completed", "moved"] as const,
      ["completed", "moved"] as const,
      ["not-completed", "treatment-completed"] as const,
    ),
    otherProgram: fc.oneof({ arbitrary: fc.constant(false), weight: 9 }, fc.constant(true)),
  });
  return [spec.map((s) => new EventCommand(p, s))];
}

describe("the episode against a reference model (fc.commands)", () => {
  it("accepts and rejects the same events, and keeps the same state", () => {
    fc.assert(
      fc.property(
        programArb({ phases: { min: 1, max: 3 } }).chain((p) =>
          fc.tuple(fc.constant(p), fc.commands(commands(p), { maxCommands: 60, size: "max" })),
        ),
        ([p, cmds]) => {
          const referred: EpisodeEvent = {
            formatVersion: 2,
            kind: "referred",
            on: "2026-03-02",
            participantId: "p-1" as ParticipantId,
            programId: p.id,
          };
          const started = startEpisode(p, referred);
          if (!started.ok) throw new Error(started.error.message);
          const model: Model = {
            status: "referred",
            last: "2026-03-02",
            events: 1,
            admits: null,
            admittedPhase: 0,
            phase: -1,
            approved: false,
            history: [],
            openReviews: 0,
            reviews: [],
            stepUps: 0,
            stepDowns: 0,
            lastPlanReview: null,
            lastRecert: null,
            authorisations: 0,
            discharge: null,
            aftercare: null,
          };
          fc.modelRun(() => ({ model, real: { state: started.state, log: [referred] } }), cmds);
        },
      ),
      { numRuns: 150 },
    );
  });
});
