// A transfer's direction must agree with the level it refers to (Colorado BHA FHIR IG (2025),
// discharge type 02 "transferred", which iopkit splits by direction; the order of levels is
// levelOfCareRank, the ASAM continuum). A contradiction ("transferred-higher" to outpatient) is
// refused by applyEvent, and by planAftercare for a hand-built state, so aftercare never plans the
// wrong hand-off.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  applyEvent,
  IopError,
  levelOfCareIds,
  levelOfCareRank,
  parseEpisodeLog,
  planAftercare,
  replayEpisode,
  replayEpisodeOrThrow,
  transferDirectionAgrees,
  type DischargeType,
  type EpisodeEvent,
  type LevelOfCareId,
} from "iopkit";
import { admittedLog, lastPhaseLog, person, pid, program } from "../aftercare/fixtures";

const discharge = (
  type: DischargeType,
  referredTo?: LevelOfCareId,
  on = "2026-05-20",
): EpisodeEvent => ({
  formatVersion: 2,
  kind: "discharged",
  on,
  type,
  reason: "clinical-need",
  ...(referredTo === undefined ? {} : { referredTo }),
});

/** The code applyEvent gives a discharge after `log`, or "accepted". */
function outcome(log: EpisodeEvent[], event: EpisodeEvent): string {
  const r = applyEvent(replayEpisodeOrThrow(log, program), event);
  return r.ok ? "accepted" : r.error.code;
}

describe("transferDirectionAgrees", () => {
  it("higher needs a more intensive level, lower a less intensive one (rank n − 1, n, n + 1)", () => {
    // intensive-outpatient is rank 3: outpatient 2, partial-hospitalization 4.
    expect(levelOfCareRank["intensive-outpatient"]).toBe(3);
    const from = "intensive-outpatient";
    expect(transferDirectionAgrees("transferred-higher", from, "outpatient")).toBe(false);
    expect(transferDirectionAgrees("transferred-higher", from, "intensive-outpatient")).toBe(false);
    expect(transferDirectionAgrees("transferred-higher", from, "partial-hospitalization")).toBe(
      true,
    );
    expect(transferDirectionAgrees("transferred-lower", from, "outpatient")).toBe(true);
    expect(transferDirectionAgrees("transferred-lower", from, "intensive-outpatient")).toBe(false);
    expect(transferDirectionAgrees("transferred-lower", from, "partial-hospitalization")).toBe(
      false,
    );
  });

  it("a transfer without a level, and every other discharge type, agrees", () => {
    for (const level of levelOfCareIds) {
      expect(transferDirectionAgrees("transferred-higher", level, undefined)).toBe(true);
      expect(transferDirectionAgrees("transferred-lower", level, undefined)).toBe(true);
      for (const to of levelOfCareIds) {
        expect(transferDirectionAgrees("completed", level, to)).toBe(true);
        expect(transferDirectionAgrees("not-completed", level, to)).toBe(true);
      }
    }
  });
});

describe("applyEvent refuses a transfer that contradicts its destination", () => {
  // The adult template: intensive (2.1), step-down (2.1), transition (outpatient).
  it("from an IOP phase: higher to outpatient or to IOP is refused, to partial hospitalization accepted", () => {
    const r = applyEvent(
      replayEpisodeOrThrow(admittedLog, program),
      discharge("transferred-higher", "outpatient"),
    );
    expect(r).toEqual({
      ok: false,
      error: {
        code: "transfer-direction-mismatch",
        message:
          "a transferred-higher discharge cannot refer to outpatient: the participant was in intensive-outpatient",
      },
    });
    expect(outcome(admittedLog, discharge("transferred-higher", "intensive-outpatient"))).toBe(
      "transfer-direction-mismatch",
    );
    expect(outcome(admittedLog, discharge("transferred-higher", "partial-hospitalization"))).toBe(
      "accepted",
    );
    expect(outcome(admittedLog, discharge("transferred-lower", "outpatient"))).toBe("accepted");
    expect(outcome(admittedLog, discharge("transferred-lower", "intensive-outpatient"))).toBe(
      "transfer-direction-mismatch",
    );
    expect(outcome(admittedLog, discharge("transferred-lower", "residential"))).toBe(
      "transfer-direction-mismatch",
    );
  });

  it("reads the level of the phase in force: from the outpatient transition phase, higher to IOP is accepted", () => {
    expect(outcome(lastPhaseLog, discharge("transferred-higher", "intensive-outpatient"))).toBe(
      "accepted",
    );
    expect(outcome(lastPhaseLog, discharge("transferred-lower", "outpatient"))).toBe(
      "transfer-direction-mismatch",
    );
    expect(outcome(lastPhaseLog, discharge("transferred-lower", "remission-monitoring"))).toBe(
      "accepted",
    );
  });

  it("before a phase starts, the admission phase's level; before admission, the first phase's", () => {
    const referredOnly = admittedLog.slice(0, 1);
    const admittedOnly = admittedLog.slice(0, 3);
    for (const log of [referredOnly, admittedOnly]) {
      expect(outcome(log, discharge("transferred-higher", "outpatient", "2026-03-07"))).toBe(
        "transfer-direction-mismatch",
      );
      expect(outcome(log, discharge("transferred-higher", "residential", "2026-03-07"))).toBe(
        "accepted",
      );
    }
    // Admitted straight into the transition (outpatient) phase: a transfer higher to IOP agrees.
    const transition = program.phases[2]!.id;
    const intoTransition: EpisodeEvent[] = [
      ...admittedLog.slice(0, 2),
      {
        formatVersion: 2,
        kind: "admitted",
        on: "2026-03-06",
        programId: program.id,
        phaseId: transition,
      },
    ];
    expect(
      outcome(
        intoTransition,
        discharge("transferred-higher", "intensive-outpatient", "2026-03-07"),
      ),
    ).toBe("accepted");
  });

  it("a transfer without referredTo and a not-completed discharge naming a level are accepted", () => {
    expect(outcome(admittedLog, discharge("transferred-higher"))).toBe("accepted");
    expect(outcome(admittedLog, discharge("not-completed", "outpatient"))).toBe("accepted");
  });

  it("property: accepted exactly when the rank moves in the transfer's direction", () => {
    fc.assert(
      fc.property(
        fc.constantFrom<DischargeType>("transferred-higher", "transferred-lower"),
        fc.constantFrom(...levelOfCareIds),
        fc.boolean(),
        (type, to, inLast) => {
          const log = inLast ? lastPhaseLog : admittedLog;
          const from = inLast ? "outpatient" : "intensive-outpatient";
          const by = levelOfCareRank[to] - levelOfCareRank[from];
          const agrees = type === "transferred-higher" ? by > 0 : by < 0;
          expect(outcome(log, discharge(type, to))).toBe(
            agrees ? "accepted" : "transfer-direction-mismatch",
          );
        },
      ),
    );
  });
});

describe("stored logs written before the rule (format 1, iopkit 0.1.0)", () => {
  it("still parse; replay refuses the contradictory discharge at its index, naming the code", () => {
    // A 0.1.0 row has no formatVersion. The shape is valid; the transition is not.
    const rows = [
      { kind: "referred", on: "2026-03-02", participantId: pid, programId: program.id },
      ...admittedLog.slice(1).map(({ formatVersion: _v, ...e }) => e),
      {
        kind: "discharged",
        on: "2026-03-20",
        type: "transferred-higher",
        reason: "clinical-need",
        referredTo: "outpatient",
      },
    ];
    const log = parseEpisodeLog(rows);
    expect(log).toHaveLength(5);
    const r = replayEpisode(log, program);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.index).toBe(4);
      expect(r.error.code).toBe("transfer-direction-mismatch");
      expect(r.state?.status).toBe("in-phase");
    }
    expect(() => replayEpisodeOrThrow(log, program)).toThrow(IopError);
  });
});

describe("planAftercare refuses a hand-built contradictory discharge", () => {
  it("throws transfer-direction-mismatch at episode.discharge.referredTo", () => {
    const good = replayEpisodeOrThrow(
      [...admittedLog, discharge("transferred-higher", "residential", "2026-03-20")],
      program,
    );
    if (good.status !== "discharged") throw new Error(good.status);
    const plan = planAftercare({
      participant: person(),
      episode: good,
      program,
      from: "2026-03-20",
    });
    expect(plan.components.find((c) => c.kind === "warm-handoff")).toMatchObject({
      to: "higher-level",
      level: "residential",
    });
    const bad = { ...good, discharge: { ...good.discharge, referredTo: "outpatient" as const } };
    try {
      planAftercare({ participant: person(), episode: bad, program, from: "2026-03-20" });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(IopError);
      const issues = (e as IopError).issues;
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({
        code: "transfer-direction-mismatch",
        path: ["episode", "discharge", "referredTo"],
        message:
          "a transferred-higher discharge cannot refer to outpatient: the participant was in intensive-outpatient",
      });
    }
  });
});
