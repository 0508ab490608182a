// The options of iopkit/testing's arbitraries are checked like every public function's options:
// impossible ones throw one IopError naming each offending option when the arbitrary is made
// (not a raw fast-check error on first sample), a misspelt option is refused, and every bound is
// tested on both sides.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isIopError, programTemplates, type IopIssue } from "iopkit";
import {
  analyticsData,
  assertScheduleInvariants,
  attendanceLog,
  checkInOutcomes,
  consent,
  dischargedEpisode,
  drugTestResults,
  eligibilityDecisionFor,
  enrollment,
  episodeEvents,
  invalidParticipant,
  invalidProgram,
  measureAdministration,
  measureAnswers,
  participant,
  planningInput,
  program,
  schedule,
  staffTeam,
  syntheticClinic,
} from "iopkit/testing";

const prog = programTemplates.substanceUseAdult({ timeZone: "America/New_York" });
const planned = fc.sample(schedule({ maxWeeks: 2, maxParticipants: 3 }), {
  numRuns: 1,
  seed: 7,
})[0];
if (planned === undefined) throw new Error("no sample");
const aftercare = { components: [] } as never;

/** The issues (code and path) of the IopError `make` throws, naming `context`. */
function refused(context: string, make: () => unknown): Pick<IopIssue, "code" | "path">[] {
  try {
    make();
  } catch (e) {
    if (!isIopError(e)) throw e;
    expect(e.message.startsWith(`${context}:`)).toBe(true);
    return e.issues.map(({ code, path }) => ({ code, path }));
  }
  throw new Error(`${context} accepted the options`);
}

/** Makes the arbitrary and draws one value (so a bad option cannot hide until sampling). */
function draws(make: () => unknown): void {
  const a = make();
  if (a instanceof fc.Arbitrary) fc.sample(a, { numRuns: 2, seed: 1 });
}

describe("iopkit/testing refuses impossible options with an IopError naming each one", () => {
  it("program: phase ranges, group sizes, tracks, population, zone, misspelt keys", () => {
    expect(refused("program", () => program({ phases: { min: 3, max: 1 } }))).toEqual([
      { code: "invalid-value", path: ["phases"] },
    ]);
    expect(refused("program", () => program({ phases: 0 }))).toEqual([
      { code: "limit-exceeded", path: ["phases"] },
    ]);
    // 12 phases is limits.maxPhases, the most defineProgram accepts.
    expect(refused("program", () => program({ phases: 13 }))).toEqual([
      { code: "limit-exceeded", path: ["phases"] },
    ]);
    expect(refused("program", () => program({ phases: { min: 0, max: 2 } }))).toEqual([
      { code: "limit-exceeded", path: ["phases", "min"] },
    ]);
    expect(refused("program", () => program({ phases: { min: 1, max: 13 } }))).toEqual([
      { code: "limit-exceeded", path: ["phases", "max"] },
    ]);
    expect(
      refused("program", () =>
        program({ groupCapacity: 0, groupMinimum: 101, tracks: 3 as 1, population: "x" as never }),
      ),
    ).toEqual([
      { code: "invalid-value", path: ["population"] },
      { code: "limit-exceeded", path: ["groupCapacity"] },
      { code: "limit-exceeded", path: ["groupMinimum"] },
      { code: "invalid-value", path: ["tracks"] },
    ]);
    expect(refused("program", () => program({ timeZone: "Mars/Olympus_Mons" }))).toEqual([
      { code: "invalid-value", path: ["timeZone"] },
    ]);
    expect(refused("program", () => program({ phase: 2 } as never))).toEqual([
      { code: "unrecognized-keys", path: ["phase"] },
    ]);
    expect(refused("program", () => program(null as never))).toEqual([
      { code: "invalid-type", path: [] },
    ]);
    for (const ok of [
      { phases: 1 },
      { phases: 12 },
      { phases: { min: 2, max: 2 } },
      { groupCapacity: 100, groupMinimum: 1 },
    ])
      expect(() => draws(() => program(ok))).not.toThrow();
  });

  it("participant, staffTeam, enrollment, planningInput and schedule", () => {
    expect(
      refused("participant", () =>
        participant({ riskProfile: "x" as never, personalData: 1 as never }),
      ),
    ).toEqual([
      { code: "invalid-value", path: ["riskProfile"] },
      { code: "invalid-type", path: ["personalData"] },
    ]);
    expect(refused("staffTeam", () => staffTeam(prog, { perRole: { min: 2, max: 1 } }))).toEqual([
      { code: "invalid-value", path: ["perRole"] },
    ]);
    expect(refused("staffTeam", () => staffTeam(prog, { perRole: -1 }))).toEqual([
      { code: "limit-exceeded", path: ["perRole"] },
    ]);
    expect(() => draws(() => staffTeam(prog, { perRole: { min: 1, max: 1 } }))).not.toThrow();
    expect(
      refused("enrollment", () =>
        enrollment({
          program: prog,
          around: "2026-02-30",
          spreadDays: -1,
          participant: { ageGroup: "child" as never },
        }),
      ),
    ).toEqual([
      { code: "invalid-date", path: ["around"] },
      { code: "limit-exceeded", path: ["spreadDays"] },
      { code: "invalid-value", path: ["participant", "ageGroup"] },
    ]);
    expect(() =>
      draws(() => enrollment({ program: prog, around: "2026-03-02", spreadDays: 0 })),
    ).not.toThrow();
    // limits.maxWeeks is 104: the most a planning window may hold.
    expect(refused("planningInput", () => planningInput({ maxWeeks: 105 }))).toEqual([
      { code: "limit-exceeded", path: ["maxWeeks"] },
    ]);
    expect(refused("planningInput", () => planningInput({ maxWeeks: 0 }))).toEqual([
      { code: "limit-exceeded", path: ["maxWeeks"] },
    ]);
    expect(() => planningInput({ maxWeeks: 104 })).not.toThrow();
    expect(() => draws(() => planningInput({ maxWeeks: 1, maxParticipants: 0 }))).not.toThrow();
    expect(
      refused("schedule", () =>
        schedule({
          maxParticipants: -1,
          staff: "maybe" as never,
          program: { phases: { min: 2, max: 1 } },
          maxweeks: 3,
        } as never),
      ),
    ).toEqual([
      { code: "invalid-value", path: ["program", "phases"] },
      { code: "limit-exceeded", path: ["maxParticipants"] },
      { code: "invalid-value", path: ["staff"] },
      { code: "unrecognized-keys", path: ["maxweeks"] },
    ]);
  });

  it("attendanceLog and drugTestResults: shares from 0 to 1, whole weights, something to pick", () => {
    const s = planned.schedule;
    expect(refused("attendanceLog", () => attendanceLog(s, { coverage: 1.001 }))).toEqual([
      { code: "limit-exceeded", path: ["coverage"] },
    ]);
    expect(refused("attendanceLog", () => attendanceLog(s, { coverage: -0.001 }))).toEqual([
      { code: "limit-exceeded", path: ["coverage"] },
    ]);
    for (const coverage of [0, 1])
      expect(() => draws(() => attendanceLog(s, { coverage }))).not.toThrow();
    expect(refused("attendanceLog", () => attendanceLog(s, { weights: { present: 0.5 } }))).toEqual(
      [{ code: "limit-exceeded", path: ["weights", "present"] }],
    );
    expect(
      refused("attendanceLog", () => attendanceLog(s, { weights: { presnt: 1 } as never })),
    ).toEqual([{ code: "unrecognized-keys", path: ["weights", "presnt"] }]);
    const none = {
      present: 0,
      late: 0,
      "left-early": 0,
      "absent-excused": 0,
      "absent-unexcused": 0,
    };
    expect(refused("attendanceLog", () => attendanceLog(s, { weights: none }))).toEqual([
      { code: "too-small", path: ["weights"] },
    ]);
    expect(() => draws(() => attendanceLog(s, { weights: { ...none, late: 1 } }))).not.toThrow();
    expect(
      refused("drugTestResults", () => drugTestResults(s, { prescribed: 2, coverage: Number.NaN })),
    ).toEqual([
      { code: "limit-exceeded", path: ["coverage"] },
      { code: "limit-exceeded", path: ["prescribed"] },
    ]);
  });

  it("episodes, measures, consents, aftercare, analytics, assertions and invalid records", () => {
    expect(
      refused("episodeEvents", () => episodeEvents(prog, { maxEvents: 0, maxGapDays: -1 })),
    ).toEqual([
      { code: "limit-exceeded", path: ["maxEvents"] },
      { code: "limit-exceeded", path: ["maxGapDays"] },
    ]);
    expect(() => draws(() => episodeEvents(prog, { maxEvents: 1, maxGapDays: 0 }))).not.toThrow();
    expect(
      refused("measureAdministration", () =>
        measureAdministration("phq9" as never, { spanDays: -1 }),
      ),
    ).toEqual([
      { code: "invalid-value", path: ["instrument"] },
      { code: "limit-exceeded", path: ["options", "spanDays"] },
    ]);
    expect(refused("measureAnswers", () => measureAnswers("PHQ-9" as never))).toEqual([
      { code: "invalid-value", path: ["instrument"] },
    ]);
    expect(refused("consent", () => consent({ patientName: "", from: "2026-13-01" }))).toEqual([
      { code: "invalid-type", path: ["patientName"] },
      { code: "invalid-date", path: ["from"] },
    ]);
    expect(refused("dischargedEpisode", () => dischargedEpisode(prog, { types: [] }))).toEqual([
      { code: "too-small", path: ["types"] },
    ]);
    expect(
      refused("dischargedEpisode", () => dischargedEpisode(prog, { reasons: ["bored" as never] })),
    ).toEqual([{ code: "invalid-value", path: ["reasons", "0"] }]);
    expect(
      refused("checkInOutcomes", () => checkInOutcomes(aftercare, { maxUnscheduled: -1 })),
    ).toEqual([{ code: "limit-exceeded", path: ["maxUnscheduled"] }]);
    expect(
      refused("syntheticClinic", () =>
        syntheticClinic({ seed: 1.5, episodes: -1, measuredShare: 2 }),
      ),
    ).toEqual([
      { code: "invalid-seed", path: ["seed"] },
      { code: "limit-exceeded", path: ["episodes"] },
      { code: "limit-exceeded", path: ["measuredShare"] },
    ]);
    expect(refused("analyticsData", () => analyticsData({ maxEpisodes: -1 }))).toEqual([
      { code: "limit-exceeded", path: ["maxEpisodes"] },
    ]);
    expect(
      refused("assertScheduleInvariants", () =>
        assertScheduleInvariants(planned.schedule, planned.input, { ignore: ["S99" as never] }),
      ),
    ).toEqual([{ code: "invalid-value", path: ["ignore", "0"] }]);
    expect(refused("invalidProgram", () => invalidProgram("no-such-rule" as never))).toEqual([
      { code: "invalid-value", path: ["rule"] },
    ]);
    expect(
      refused("invalidParticipant", () => invalidParticipant("no-such-rule" as never)),
    ).toEqual([{ code: "invalid-value", path: ["rule"] }]);
    expect(
      refused("eligibilityDecisionFor", () => eligibilityDecisionFor(prog, "maybe" as never)),
    ).toEqual([{ code: "invalid-value", path: ["outcome"] }]);
  });
});
