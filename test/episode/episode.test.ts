// The episode's state machine, one rule per test, each naming its source (DESIGN.md "Episode
// lifecycle"; DOMAIN.md "Discharge", "What commercial behavioural-health EHRs offer"; seed 000).
import { describe, expect, it } from "vitest";
import {
  applyEvent,
  enrollmentPathFromEpisode,
  IopError,
  parseEnrollment,
  parseEpisodeEvent,
  parseEpisodeLog,
  planSchedule,
  checkSchedule,
  replayEpisode,
  replayEpisodeOrThrow,
  safeParseEpisodeEvent,
  startEpisode,
  type EpisodeEvent,
  type EpisodeState,
  type ParticipantId,
} from "iopkit";
import { eligibilityDecisionFor, participant } from "iopkit/testing";
import fc from "fast-check";
import { program } from "../attendance/fixtures";

const pid = "p-1" as ParticipantId;
const referred: EpisodeEvent = {
  formatVersion: 2,
  kind: "referred",
  on: "2026-03-02",
  participantId: pid,
  programId: program.id,
};
const admitted: EpisodeEvent[] = [
  referred,
  {
    formatVersion: 2,
    kind: "assessed",
    on: "2026-03-04",
    decision: eligibilityDecisionFor(program, "admit"),
  },
  {
    formatVersion: 2,
    kind: "admitted",
    on: "2026-03-06",
    programId: program.id,
    phaseId: program.phases[0]!.id,
  },
  { formatVersion: 2, kind: "phase-started", on: "2026-03-09", phaseId: program.phases[0]!.id },
];

function replay(events: EpisodeEvent[]): EpisodeState {
  return replayEpisodeOrThrow(events, program);
}
function rejects(events: EpisodeEvent[], event: EpisodeEvent): string {
  const r = applyEvent(replay(events), event);
  return r.ok ? "accepted" : r.error.code;
}

describe("the lifecycle referred → assessed → admitted → in-phase → discharged → aftercare", () => {
  it("walks a whole course: three phases stepping down, completion, aftercare", () => {
    const log: EpisodeEvent[] = [
      ...admitted,
      { formatVersion: 2, kind: "stepped-down", on: "2026-04-06" },
      {
        formatVersion: 2,
        kind: "stepped-down",
        on: "2026-05-04",
        toPhaseId: program.phases[2]!.id,
      },
      { formatVersion: 2, kind: "clinical-review-held", on: "2026-05-29", outcome: "step-down" },
      {
        formatVersion: 2,
        kind: "discharged",
        on: "2026-06-01",
        type: "completed",
        reason: "treatment-completed",
      },
      { formatVersion: 2, kind: "aftercare-started", on: "2026-06-02" },
    ];
    const s = replay(log);
    expect(s.status).toBe("aftercare");
    if (s.status !== "aftercare") return;
    expect(s.discharge).toEqual({
      on: "2026-06-01",
      type: "completed",
      reason: "treatment-completed",
      from: "in-phase",
      phaseId: "transition",
    });
    expect(s.treatment?.phaseHistory).toEqual([
      { phaseId: "intensive", from: "2026-03-09", to: "2026-04-06", reason: "admission" },
      { phaseId: "step-down", from: "2026-04-06", to: "2026-05-04", reason: "step-down" },
      { phaseId: "transition", from: "2026-05-04", to: "2026-06-01", reason: "step-down" },
    ]);
    expect(s.treatment?.stepDowns).toBe(2);
    expect(s.eventCount).toBe(log.length);
    expect(s.aftercare).toEqual({ startedOn: "2026-06-02" });
  });

  it("admission needs an eligibility decision that admits (DESIGN: admission without a decision is impossible)", () => {
    const admit: EpisodeEvent = {
      formatVersion: 2,
      kind: "admitted",
      on: "2026-03-06",
      programId: program.id,
      phaseId: program.phases[0]!.id,
    };
    expect(rejects([referred], admit)).toBe("not-assessed");
    const referHigher: EpisodeEvent = {
      formatVersion: 2,
      kind: "assessed",
      on: "2026-03-04",
      decision: eligibilityDecisionFor(program, "refer-higher"),
    };
    expect(rejects([referred, referHigher], admit)).toBe("not-eligible");
    expect(
      rejects([referred, referHigher], { ...admit, programId: "other" as typeof program.id }),
    ).toBe("program-mismatch");
    // A clinician's override is the outcome in force (EligibilityDecision: outcome = the override's).
    const overridden: EpisodeEvent = {
      formatVersion: 2,
      kind: "assessed",
      on: "2026-03-05",
      decision: {
        ...eligibilityDecisionFor(program, "admit"),
        computed: { outcome: "refer-higher", recommendedLevel: "residential" },
        override: {
          formatVersion: 2,
          outcome: "admit",
          reason: "declined residential; safe at home",
          clinician: "Dr. Lee",
        },
      },
    };
    expect(rejects([referred, referHigher, overridden], admit)).toBe("accepted");
  });

  it("the admission phase must start before any step", () => {
    const [, a, b] = admitted;
    const beforeStart = [referred, a!, b!];
    expect(rejects(beforeStart, { formatVersion: 2, kind: "stepped-down", on: "2026-03-20" })).toBe(
      "phase-not-started",
    );
    expect(
      rejects(beforeStart, {
        formatVersion: 2,
        kind: "phase-started",
        on: "2026-03-09",
        phaseId: program.phases[1]!.id,
      }),
    ).toBe("phase-mismatch");
    expect(
      rejects(admitted, {
        formatVersion: 2,
        kind: "phase-started",
        on: "2026-03-10",
        phaseId: program.phases[0]!.id,
      }),
    ).toBe("phase-already-started");
  });

  it("events are in date order", () => {
    expect(rejects(admitted, { formatVersion: 2, kind: "plan-reviewed", on: "2026-03-08" })).toBe(
      "out-of-order",
    );
    expect(rejects(admitted, { formatVersion: 2, kind: "plan-reviewed", on: "2026-03-09" })).toBe(
      "accepted",
    );
  });
});

describe("steps (DESIGN S6: intensity only rises at a step-up)", () => {
  const inLast: EpisodeEvent[] = [
    ...admitted,
    { formatVersion: 2, kind: "stepped-down", on: "2026-04-06" },
    { formatVersion: 2, kind: "stepped-down", on: "2026-05-04" },
  ];

  it("stepping down from the last phase is impossible: discharge instead", () => {
    expect(rejects(inLast, { formatVersion: 2, kind: "stepped-down", on: "2026-05-20" })).toBe(
      "no-lower-phase",
    );
    expect(
      rejects(admitted, {
        formatVersion: 2,
        kind: "stepped-down",
        on: "2026-03-20",
        toPhaseId: program.phases[0]!.id,
      }),
    ).toBe("not-a-step-down");
    expect(
      rejects(admitted, {
        formatVersion: 2,
        kind: "stepped-down",
        on: "2026-03-20",
        toPhaseId: "nowhere" as never,
      }),
    ).toBe("unknown-phase");
  });

  it("a step-up needs a review that decided it, and moves to an earlier phase", () => {
    const stepUp: EpisodeEvent = { formatVersion: 2, kind: "stepped-up", on: "2026-05-20" };
    expect(rejects(admitted, stepUp)).toBe("no-higher-phase");
    expect(rejects(inLast, stepUp)).toBe("step-up-without-review");
    const reviewed: EpisodeEvent[] = [
      ...inLast,
      { formatVersion: 2, kind: "relapse-reported", on: "2026-05-18", substances: ["alcohol"] },
      { formatVersion: 2, kind: "clinical-review-held", on: "2026-05-19", outcome: "step-up" },
    ];
    expect(rejects(reviewed, { ...stepUp, toPhaseId: program.phases[2]!.id })).toBe(
      "not-a-step-up",
    );
    const s = replay([...reviewed, stepUp]);
    expect(s.status === "in-phase" && s.phase).toMatchObject({
      id: "step-down",
      startedOn: "2026-05-20",
    });
    expect(s.status === "in-phase" && s.treatment.stepUps).toBe(1);
    // One review, one step-up.
    expect(
      rejects([...reviewed, stepUp], { formatVersion: 2, kind: "stepped-up", on: "2026-05-21" }),
    ).toBe("step-up-without-review");
  });

  it("the phase history becomes a planner path, and planSchedule accepts the step-up (S6)", () => {
    const log: EpisodeEvent[] = [
      ...admitted,
      { formatVersion: 2, kind: "stepped-down", on: "2026-04-06" },
      {
        formatVersion: 2,
        kind: "positive-test-recorded",
        on: "2026-04-14",
        substances: ["opioids"],
        confirmed: true,
      },
      { formatVersion: 2, kind: "clinical-review-held", on: "2026-04-15", outcome: "step-up" },
      { formatVersion: 2, kind: "stepped-up", on: "2026-04-16" },
    ];
    const path = enrollmentPathFromEpisode(replay(log));
    expect(path).toEqual([
      { phaseId: "intensive", from: "2026-03-09", reason: "admission" },
      { phaseId: "step-down", from: "2026-04-06", reason: "step-down" },
      { phaseId: "intensive", from: "2026-04-16", reason: "step-up" },
    ]);
    const [p] = fc.sample(participant({ riskProfile: "iop-fit", availability: "free" }), {
      numRuns: 1,
      seed: 1,
    });
    const enrollment = parseEnrollment({
      participant: p,
      start: "2026-03-09",
      track: "morning",
      path,
    });
    const schedule = planSchedule({
      program,
      enrollments: [enrollment],
      from: "2026-03-09",
      weeks: 8,
      seed: 1,
    });
    expect(
      checkSchedule(schedule, { program, enrollments: [enrollment] }).filter(
        (v) => v.code === "S6",
      ),
    ).toEqual([]);
  });

  it("extendOn keeps a participant who is not ready in the phase (an extension step, S7)", () => {
    const s = replay(admitted);
    expect(enrollmentPathFromEpisode(s, { extendOn: "2026-04-06" })).toEqual([
      { phaseId: "intensive", from: "2026-03-09", reason: "admission" },
      { phaseId: "intensive", from: "2026-04-06", reason: "extension" },
    ]);
    expect(enrollmentPathFromEpisode(s, { extendOn: "2026-03-09" })).toHaveLength(1);
  });

  it("phases entered and left on the same day collapse into the last (path steps need increasing dates)", () => {
    const log: EpisodeEvent[] = [
      ...admitted,
      { formatVersion: 2, kind: "stepped-down", on: "2026-03-09" },
    ];
    expect(enrollmentPathFromEpisode(replay(log))).toEqual([
      { phaseId: "step-down", from: "2026-03-09", reason: "admission" },
    ]);
    expect(enrollmentPathFromEpisode(replay([referred]))).toEqual([]);
  });
});

describe("relapse is not failure (seed 000; DESIGN: a relapse or positive test opens a review)", () => {
  it("a relapse or a positive test opens a review and keeps the phase; a review closes them", () => {
    const log: EpisodeEvent[] = [
      ...admitted,
      { formatVersion: 2, kind: "relapse-reported", on: "2026-03-20", substances: ["alcohol"] },
      {
        formatVersion: 2,
        kind: "positive-test-recorded",
        on: "2026-03-21",
        substances: ["alcohol"],
      },
    ];
    const s = replay(log);
    expect(s.status).toBe("in-phase");
    if (s.status !== "in-phase") return;
    expect(s.phase.id).toBe("intensive");
    expect(s.treatment.openReviews.map((r) => r.trigger)).toEqual(["relapse", "positive-test"]);
    const after = replay([
      ...log,
      { formatVersion: 2, kind: "clinical-review-held", on: "2026-03-23", outcome: "continue" },
    ]);
    if (after.status !== "in-phase") throw new Error(after.status);
    expect(after.treatment.openReviews).toEqual([]);
    expect(after.treatment.reviews[0]).toMatchObject({ outcome: "continue", phaseId: "intensive" });
    expect(after.treatment.reviews[0]?.closed).toHaveLength(2);
  });

  it("clinical events need an admission", () => {
    expect(
      rejects([referred], { formatVersion: 2, kind: "relapse-reported", on: "2026-03-03" }),
    ).toBe("not-admitted");
    expect(rejects([referred], { formatVersion: 2, kind: "plan-reviewed", on: "2026-03-03" })).toBe(
      "not-admitted",
    );
  });
});

describe("discharge (DOMAIN.md 'Discharge': completed, transferred higher or lower, not completed)", () => {
  it("completed only from the last phase, and only with reason treatment-completed", () => {
    expect(
      rejects(admitted, {
        formatVersion: 2,
        kind: "discharged",
        on: "2026-04-01",
        type: "completed",
        reason: "treatment-completed",
      }),
    ).toBe("completed-early");
    expect(
      rejects(admitted, {
        formatVersion: 2,
        kind: "discharged",
        on: "2026-04-01",
        type: "completed",
        reason: "moved",
      }),
    ).toBe("reason-mismatch");
    expect(
      rejects(admitted, {
        formatVersion: 2,
        kind: "discharged",
        on: "2026-04-01",
        type: "not-completed",
        reason: "treatment-completed",
      }),
    ).toBe("reason-mismatch");
  });

  it("is reachable from any active state, with the status it came from", () => {
    for (const upTo of [1, 2, 3, 4]) {
      const s = replay([
        ...admitted.slice(0, upTo),
        {
          formatVersion: 2,
          kind: "discharged",
          on: "2026-03-10",
          type: "not-completed",
          reason: "lost-to-contact",
        },
      ]);
      expect(s.status === "discharged" && s.discharge.from).toBe(
        ["referred", "assessed", "admitted", "in-phase"][upTo - 1],
      );
    }
  });

  it("no clinical event after discharge; aftercare only after it, once", () => {
    const out: EpisodeEvent[] = [
      ...admitted,
      {
        formatVersion: 2,
        kind: "discharged",
        on: "2026-03-30",
        type: "transferred-higher",
        reason: "clinical-need",
        referredTo: "residential",
      },
    ];
    expect(rejects(out, { formatVersion: 2, kind: "relapse-reported", on: "2026-04-01" })).toBe(
      "episode-closed",
    );
    expect(rejects(out, { formatVersion: 2, kind: "stepped-down", on: "2026-04-01" })).toBe(
      "episode-closed",
    );
    expect(
      rejects(admitted, { formatVersion: 2, kind: "aftercare-started", on: "2026-04-01" }),
    ).toBe("not-discharged");
    const care = [
      ...out,
      { formatVersion: 2, kind: "aftercare-started", on: "2026-04-01" } as const,
    ];
    expect(rejects(care, { formatVersion: 2, kind: "aftercare-started", on: "2026-04-02" })).toBe(
      "aftercare-already-started",
    );
  });
});

describe("authorisations (EHRs: the payer-authorised level kept apart from the clinical level)", () => {
  it("records the payer's level beside the phase's clinical level", () => {
    const s = replay([
      ...admitted,
      { formatVersion: 2, kind: "stepped-down", on: "2026-04-06" },
      { formatVersion: 2, kind: "stepped-down", on: "2026-05-04" },
      {
        formatVersion: 2,
        kind: "level-of-care-authorised",
        on: "2026-05-04",
        level: "intensive-outpatient",
        from: "2026-05-04",
        to: "2026-05-31",
        payer: "Acme Health",
      },
    ]);
    if (s.status !== "in-phase") throw new Error(s.status);
    expect(s.phase.levelOfCare).toBe("outpatient");
    expect(s.authorisations).toEqual([
      {
        on: "2026-05-04",
        level: "intensive-outpatient",
        from: "2026-05-04",
        to: "2026-05-31",
        payer: "Acme Health",
      },
    ]);
  });
});

describe("replayEpisode", () => {
  it("stops at the first rejected event and says which and why, with the state before it", () => {
    const log: EpisodeEvent[] = [
      ...admitted,
      { formatVersion: 2, kind: "stepped-up", on: "2026-03-20" },
      { formatVersion: 2, kind: "plan-reviewed", on: "2026-03-21" },
    ];
    const r = replayEpisode(log, program);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.index).toBe(4);
    expect(r.error.code).toBe("no-higher-phase");
    expect(r.state?.eventCount).toBe(4);
    expect(replayEpisode([], program)).toMatchObject({
      ok: false,
      index: 0,
      error: { code: "empty-log" },
    });
    expect(replayEpisode(log.slice(1), program)).toMatchObject({
      ok: false,
      error: { code: "not-referred-first" },
    });
    expect(
      replayEpisode([{ ...referred, programId: "x" as typeof program.id }], program),
    ).toMatchObject({
      ok: false,
      error: { code: "program-mismatch" },
    });
    expect(replayEpisode([...admitted, { ...referred, on: "2026-03-10" }], program)).toMatchObject({
      index: 4,
      error: { code: "already-referred" },
    });
  });

  it("replayEpisodeOrThrow throws IopError with the index as path", () => {
    try {
      replayEpisodeOrThrow(
        [...admitted, { formatVersion: 2, kind: "stepped-up", on: "2026-03-20" }],
        program,
      );
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(IopError);
      expect((e as IopError).issues[0]).toMatchObject({ code: "no-higher-phase", path: [4] });
    }
  });

  it("startEpisode equals replaying the referral alone", () => {
    const r = startEpisode(program, referred);
    expect(r).toEqual(replayEpisode([referred], program));
  });
});

describe("parsing a stored log (apps keep it in a database and replay it)", () => {
  it("round-trips through JSON and validates every event", () => {
    const log = [
      ...admitted,
      { formatVersion: 2, kind: "plan-reviewed", on: "2026-04-01", by: "Dr. Lee" },
    ];
    const stored = JSON.parse(JSON.stringify(log)) as unknown;
    expect(parseEpisodeLog(stored)).toEqual(log);
    expect(parseEpisodeEvent({ formatVersion: 2, kind: "recertified", on: "2026-04-01" })).toEqual({
      formatVersion: 2,
      kind: "recertified",
      on: "2026-04-01",
    });
  });

  it("rejects unknown kinds, unknown keys, bad dates and an authorisation that ends before it starts", () => {
    const codes = (x: unknown) => {
      const r = safeParseEpisodeEvent(x);
      return r.success ? [] : r.error.issues.map((i) => i.code);
    };
    expect(codes({ kind: "graduated", on: "2026-04-01" })).toEqual(["invalid-union"]);
    expect(codes({ formatVersion: 2, kind: "plan-reviewed", on: "2026-04-01", extra: 1 })).toEqual([
      "unrecognized-keys",
    ]);
    expect(codes({ formatVersion: 2, kind: "plan-reviewed", on: "2026-02-30" })).toEqual([
      "invalid-date",
    ]);
    expect(codes({ formatVersion: 2, kind: "plan-reviewed", on: "2026-4-1" })).toEqual([
      "invalid-format",
    ]);
    expect(
      codes({
        formatVersion: 2,
        kind: "level-of-care-authorised",
        on: "2026-04-01",
        level: "intensive-outpatient",
        from: "2026-04-10",
        to: "2026-04-01",
      }),
    ).toEqual(["authorisation-ends-before-start"]);
    expect(
      codes({
        formatVersion: 2,
        kind: "discharged",
        on: "2026-04-01",
        type: "completed",
        reason: "bored",
      }),
    ).toEqual(["invalid-value"]);
  });
});
