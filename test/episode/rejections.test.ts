// Every transition the state machine refuses, with its code and message word for word (what an
// app shows a clinician whose event was not recorded), and what an accepted event keeps: the
// episode id, relapse and positive-test records, an authorisation's payer and reference, a
// discharge's referral, and the state's shape after each kind of event.
import { describe, expect, it } from "vitest";
import {
  applyEvent,
  programTemplates,
  replayEpisode,
  replayEpisodeOrThrow,
  startEpisode,
  type EpisodeEvent,
  type EpisodeId,
  type EpisodeState,
} from "iopkit";
import { eligibilityDecisionFor } from "iopkit/testing";
import { admittedLog } from "./admitted-log";

const program = programTemplates.substanceUseAdult({ timeZone: "America/New_York" });
const [intensive, stepDown, transition] = program.phases.map((p) => p.id);
const [referred, , admitted, started] = admittedLog(program, "p-1") as [
  EpisodeEvent,
  EpisodeEvent,
  EpisodeEvent,
  EpisodeEvent,
];
const assessed = (outcome: "admit" | "refer-higher" = "admit"): EpisodeEvent => ({
  formatVersion: 2,
  kind: "assessed",
  on: "2026-03-04",
  decision: eligibilityDecisionFor(program, outcome),
});
const ev = (e: Record<string, unknown>) => ({ formatVersion: 2, ...e }) as EpisodeEvent;
const inIntensive = [referred, assessed(), admitted, started];
const inLast = [
  ...inIntensive,
  ev({ kind: "stepped-down", on: "2026-03-30" }),
  ev({ kind: "stepped-down", on: "2026-04-27" }),
];
const out = [
  ...inIntensive,
  ev({ kind: "discharged", on: "2026-03-20", type: "not-completed", reason: "moved" }),
];

/** The refusal of `event` after `log`: `[code, message]`. */
function refusal(log: EpisodeEvent[], event: Record<string, unknown>): [string, string] | "ok" {
  const r = applyEvent(replayEpisodeOrThrow(log, program), ev(event));
  return r.ok ? "ok" : [r.error.code, r.error.message];
}

describe("every refusal, word for word", () => {
  it("says why each impossible event is refused", () => {
    expect([
      refusal(inIntensive, { kind: "plan-reviewed", on: "2026-03-08" }),
      refusal(out, { kind: "plan-reviewed", on: "2026-03-21" }),
      refusal(inIntensive, { ...referred, on: "2026-03-10" }),
      refusal(inIntensive, {
        kind: "assessed",
        on: "2026-03-10",
        decision: eligibilityDecisionFor(program, "admit"),
      }),
      refusal(inIntensive, { ...admitted, on: "2026-03-10" }),
      refusal([referred], { ...admitted }),
      refusal([referred, assessed()], { ...admitted, programId: "elsewhere" }),
      refusal([referred, assessed("refer-higher")], { ...admitted }),
      refusal([referred, assessed()], { ...admitted, phaseId: "nowhere" }),
      refusal([referred, assessed()], { ...started }),
      refusal(inIntensive, { ...started, on: "2026-03-10" }),
      refusal([referred, assessed(), admitted], { ...started, phaseId: "nowhere" }),
      refusal([referred, assessed(), admitted], { ...started, phaseId: stepDown }),
      refusal([referred, assessed(), admitted], { kind: "stepped-down", on: "2026-03-10" }),
      refusal(inLast, { kind: "stepped-down", on: "2026-05-01" }),
      refusal(inIntensive, { kind: "stepped-down", on: "2026-03-30", toPhaseId: "nowhere" }),
      refusal([...inIntensive, ev({ kind: "stepped-down", on: "2026-03-30" })], {
        kind: "stepped-down",
        on: "2026-04-01",
        toPhaseId: intensive,
      }),
      refusal(inIntensive, { kind: "stepped-up", on: "2026-03-30" }),
      refusal(inLast, { kind: "stepped-up", on: "2026-05-01", toPhaseId: "nowhere" }),
      refusal(inLast, { kind: "stepped-up", on: "2026-05-01", toPhaseId: transition }),
      refusal(inLast, { kind: "stepped-up", on: "2026-05-01" }),
      refusal([referred], { kind: "relapse-reported", on: "2026-03-05" }),
      refusal(inIntensive, {
        kind: "discharged",
        on: "2026-03-20",
        type: "completed",
        reason: "moved",
      }),
      refusal(inIntensive, {
        kind: "discharged",
        on: "2026-03-20",
        type: "completed",
        reason: "treatment-completed",
      }),
      refusal(inIntensive, {
        kind: "discharged",
        on: "2026-03-20",
        type: "transferred-higher",
        reason: "clinical-need",
        referredTo: "outpatient",
      }),
      refusal(inIntensive, { kind: "aftercare-started", on: "2026-03-20" }),
      refusal([...out, ev({ kind: "aftercare-started", on: "2026-03-21" })], {
        kind: "aftercare-started",
        on: "2026-03-22",
      }),
    ]).toMatchInlineSnapshot(`
      [
        [
          "out-of-order",
          "plan-reviewed on 2026-03-08 is before the previous event (2026-03-09)",
        ],
        [
          "episode-closed",
          "plan-reviewed after discharge on 2026-03-20",
        ],
        [
          "already-referred",
          "the episode was already referred",
        ],
        [
          "already-admitted",
          "assessed after admission: start a new episode",
        ],
        [
          "already-admitted",
          "already admitted",
        ],
        [
          "not-assessed",
          "admitted without an eligibility decision",
        ],
        [
          "program-mismatch",
          "admitted to elsewhere, referred to substance-use-adult",
        ],
        [
          "not-eligible",
          "the eligibility decision in force is refer-higher",
        ],
        [
          "unknown-phase",
          "phase nowhere is not in the program",
        ],
        [
          "not-admitted",
          "phase-started before admission",
        ],
        [
          "phase-already-started",
          "a phase is in force",
        ],
        [
          "unknown-phase",
          "phase nowhere is not in the program",
        ],
        [
          "phase-mismatch",
          "admitted into intensive, not step-down",
        ],
        [
          "phase-not-started",
          "stepped-down before the first phase started",
        ],
        [
          "no-lower-phase",
          "transition is the last phase: discharge instead",
        ],
        [
          "unknown-phase",
          "phase nowhere is not in the program",
        ],
        [
          "not-a-step-down",
          "intensive is not after step-down",
        ],
        [
          "no-higher-phase",
          "intensive is the first phase: refer to a higher level",
        ],
        [
          "unknown-phase",
          "phase nowhere is not in the program",
        ],
        [
          "not-a-step-up",
          "transition is not before transition",
        ],
        [
          "step-up-without-review",
          "no clinical review decided to step up",
        ],
        [
          "not-admitted",
          "relapse-reported before admission",
        ],
        [
          "reason-mismatch",
          "a completed discharge cannot have reason moved: completed goes with treatment-completed",
        ],
        [
          "completed-early",
          "completed outside the last phase: step down first",
        ],
        [
          "transfer-direction-mismatch",
          "a transferred-higher discharge cannot refer to outpatient: the participant was in intensive-outpatient",
        ],
        [
          "not-discharged",
          "aftercare starts after discharge",
        ],
        [
          "aftercare-already-started",
          "aftercare already started",
        ],
      ]
    `);
  });

  it("names the program a referral and a new episode are not for", () => {
    expect(startEpisode(program, { ...referred, programId: "elsewhere" } as never)).toEqual({
      ok: false,
      error: { code: "program-mismatch", message: `referred to elsewhere, not ${program.id}` },
    });
  });
});

describe("what an accepted event keeps", () => {
  it("keeps the episode id from the referral through every state, and leaves it out when there is none", () => {
    const withId = { ...referred, episodeId: "ep-9" as EpisodeId } as EpisodeEvent;
    const log = [withId, assessed(), admitted, started];
    const states = log.map((_, i) => replayEpisodeOrThrow(log.slice(0, i + 1), program));
    expect(states.map((s) => s.episodeId)).toEqual(["ep-9", "ep-9", "ep-9", "ep-9"]);
    const next = applyEvent(
      states[3] as EpisodeState,
      ev({ kind: "plan-reviewed", on: "2026-03-10" }),
    );
    expect(next.ok && next.state.episodeId).toBe("ep-9");
    expect(replayEpisodeOrThrow(inIntensive, program)).not.toHaveProperty("episodeId");
    const s = startEpisode(program, referred as never);
    expect(s.ok && "episodeId" in s.state).toBe(false);
  });

  it("records relapses and positive tests with their substances, confirmed only for a confirmed test", () => {
    const s = replayEpisodeOrThrow(
      [
        ...inIntensive,
        ev({ kind: "relapse-reported", on: "2026-03-10", substances: ["alcohol"] }),
        ev({
          kind: "positive-test-recorded",
          on: "2026-03-11",
          substances: ["opioids"],
          confirmed: true,
        }),
        ev({ kind: "positive-test-recorded", on: "2026-03-12" }),
        ev({ kind: "relapse-reported", on: "2026-03-13", confirmed: true }),
      ],
      program,
    );
    if (s.status !== "in-phase") throw new Error(s.status);
    expect(s.treatment.relapses).toEqual([
      { on: "2026-03-10", kind: "relapse", substances: ["alcohol"], confirmed: false },
      { on: "2026-03-11", kind: "positive-test", substances: ["opioids"], confirmed: true },
      { on: "2026-03-12", kind: "positive-test", substances: [], confirmed: false },
      { on: "2026-03-13", kind: "relapse", substances: [], confirmed: false },
    ]);
    expect(s.treatment.openReviews.map((r) => [r.openedOn, r.trigger, r.substances])).toEqual([
      ["2026-03-10", "relapse", ["alcohol"]],
      ["2026-03-11", "positive-test", ["opioids"]],
      ["2026-03-12", "positive-test", []],
      ["2026-03-13", "relapse", []],
    ]);
  });

  it("keeps an authorisation's payer and reference only when given", () => {
    const auth = {
      kind: "level-of-care-authorised",
      on: "2026-03-09",
      level: "intensive-outpatient",
      from: "2026-03-09",
      to: "2026-04-09",
    };
    const s = replayEpisodeOrThrow(
      [
        ...inIntensive,
        ev(auth),
        ev({ ...auth, on: "2026-03-10", payer: "Medicaid", reference: "A-17" }),
      ],
      program,
    );
    expect(s.authorisations).toEqual([
      { on: "2026-03-09", level: "intensive-outpatient", from: "2026-03-09", to: "2026-04-09" },
      {
        on: "2026-03-10",
        level: "intensive-outpatient",
        from: "2026-03-09",
        to: "2026-04-09",
        payer: "Medicaid",
        reference: "A-17",
      },
    ]);
  });

  it("keeps a discharge's referral, the phase left and the state's parts at each status", () => {
    const transfer = ev({
      kind: "discharged",
      on: "2026-03-20",
      type: "transferred-higher",
      reason: "clinical-need",
      referredTo: "residential",
    });
    const s = replayEpisodeOrThrow([...inIntensive, transfer], program);
    expect(s.status).toBe("discharged");
    if (s.status !== "discharged") return;
    expect(s.discharge).toEqual({
      on: "2026-03-20",
      type: "transferred-higher",
      reason: "clinical-need",
      from: "in-phase",
      phaseId: intensive,
      referredTo: "residential",
    });
    expect(s).not.toHaveProperty("phase");
    const plain = replayEpisodeOrThrow(out, program);
    expect(plain.status === "discharged" && plain.discharge).not.toHaveProperty("referredTo");
    // Discharged before admission: no treatment record, the assessment kept.
    const early = replayEpisodeOrThrow(
      [
        referred,
        assessed(),
        ev({
          kind: "discharged",
          on: "2026-03-05",
          type: "not-completed",
          reason: "client-decision",
        }),
      ],
      program,
    );
    expect(early).toHaveProperty("assessment");
    expect(early).not.toHaveProperty("treatment");
    expect(early.status === "discharged" && early.discharge.from).toBe("assessed");
    // Discharged straight from the referral: neither.
    const first = replayEpisodeOrThrow(
      [
        referred,
        ev({
          kind: "discharged",
          on: "2026-03-03",
          type: "not-completed",
          reason: "client-decision",
        }),
      ],
      program,
    );
    expect(first).not.toHaveProperty("assessment");
    // Aftercare: the discharge kept, the date aftercare started.
    const after = replayEpisodeOrThrow(
      [...out, ev({ kind: "aftercare-started", on: "2026-03-21" })],
      program,
    );
    expect(after.status).toBe("aftercare");
    if (after.status !== "aftercare") return;
    expect(after.aftercare.startedOn).toBe("2026-03-21");
    expect(after.discharge.on).toBe("2026-03-20");
    // A state applied to again keeps every part of it: a discharged state its discharge, an
    // aftercare state its status.
    const dischargedState = replayEpisodeOrThrow(out, program);
    const onward = applyEvent(dischargedState, ev({ kind: "aftercare-started", on: "2026-03-23" }));
    expect(onward.ok && onward.state).toMatchObject({
      status: "aftercare",
      discharge: dischargedState.status === "discharged" ? dischargedState.discharge : null,
      aftercare: { startedOn: "2026-03-23" },
    });
    const twice = applyEvent(after, ev({ kind: "aftercare-started", on: "2026-03-23" }));
    expect(twice.ok ? "ok" : twice.error.code).toBe("aftercare-already-started");
    const inPhase = replayEpisodeOrThrow(inIntensive, program);
    const next = applyEvent(inPhase, ev({ kind: "plan-reviewed", on: "2026-03-10" }));
    expect(next.ok && next.state).toMatchObject({
      status: "in-phase",
      phase: { id: intensive, startedOn: "2026-03-09" },
    });
    const log = replayEpisode(inIntensive, program);
    expect(log.ok).toBe(true);
  });
});

describe("refusals that depend on what came before", () => {
  it("refuses a step before admission as before admission, not as before the first phase", () => {
    expect(refusal([referred, assessed()], { kind: "stepped-down", on: "2026-03-10" })).toEqual([
      "not-admitted",
      "stepped-down before admission",
    ]);
    expect(refusal([referred, assessed()], { kind: "stepped-up", on: "2026-03-10" })).toEqual([
      "not-admitted",
      "stepped-up before admission",
    ]);
  });

  it("judges a transfer's direction by the admission phase before the first phase starts, and accepts any before admission", () => {
    const admittedOnly = [referred, assessed(), admitted];
    expect(
      refusal(admittedOnly, {
        kind: "discharged",
        on: "2026-03-07",
        type: "transferred-lower",
        reason: "clinical-need",
        referredTo: "residential",
      }),
    ).toEqual([
      "transfer-direction-mismatch",
      "a transferred-lower discharge cannot refer to residential: the participant was in intensive-outpatient",
    ]);
    expect(
      refusal([referred], {
        kind: "discharged",
        on: "2026-03-03",
        type: "transferred-higher",
        reason: "clinical-need",
        referredTo: "residential",
      }),
    ).toBe("ok");
  });

  it("starts treatment with no relapses, reviews or steps", () => {
    const s = replayEpisodeOrThrow([referred, assessed(), admitted], program);
    if (s.status !== "admitted") throw new Error(s.status);
    expect(s.treatment).toMatchObject({
      admission: { on: "2026-03-06", phaseId: intensive },
      phaseHistory: [],
      openReviews: [],
      reviews: [],
      relapses: [],
      stepUps: 0,
      stepDowns: 0,
      lastPlanReviewOn: null,
      lastRecertifiedOn: null,
    });
  });

  it("names a program or a log that is not one", () => {
    const said = (program: unknown, log: unknown = [referred]) => {
      const r = replayEpisode(log as EpisodeEvent[], program as never);
      return r.ok ? "ok" : [r.error.code, r.error.message];
    };
    expect(said(null)).toEqual([
      "invalid-argument",
      "expected a program (from defineProgram), got null",
    ]);
    for (const broken of [{ ...program, id: "" }, { ...program, phases: null }, "program"])
      expect(said(broken)[0]).toBe("invalid-argument");
    expect(said(program, "log")).toEqual([
      "invalid-argument",
      "expected a list of events, got a string of 3 characters",
    ]);
    const revoked = Proxy.revocable([], {});
    revoked.revoke();
    expect(said(program, revoked.proxy)).toEqual([
      "invalid-argument",
      "the log could not be read (a revoked Proxy)",
    ]);
  });
});
