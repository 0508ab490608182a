// evaluatePhaseExit and episodeDueDates, one rule per test, each naming its source.
import { describe, expect, it } from "vitest";
import {
  episodeDueDates,
  evaluatePhaseExit,
  IopError,
  replayEpisodeOrThrow,
  scorePhq9,
  type AttendanceRecord,
  type DrugTestResult,
  type EpisodeEvent,
  type EpisodeState,
  type InPhaseEpisode,
  type ParticipantId,
} from "iopkit";
import { program, recordAll, scheduleOf, templateWeek } from "../attendance/fixtures";
import { admittedLog } from "./admitted-log";

const pid = "p-1" as ParticipantId;
const admitted: EpisodeEvent[] = [...admittedLog(program, pid)];
const signedOff: EpisodeEvent = {
  formatVersion: 2,
  kind: "clinical-review-held",
  on: "2026-03-27",
  outcome: "step-down",
};
const inPhase = (events: EpisodeEvent[]): InPhaseEpisode => {
  const s = replayEpisodeOrThrow(events, program);
  if (s.status !== "in-phase") throw new Error(s.status);
  return s;
};

// Three weeks of the intensive phase (Mon–Thu, two sessions a day): 24 sessions.
const sessions = ["2026-03-09", "2026-03-16", "2026-03-23"].flatMap((monday) =>
  templateWeek(monday, [1, 2, 3, 4], ["p-1"]),
);
const schedule = scheduleOf(sessions, "2026-03-09", 3);
const missing = (n: number): AttendanceRecord[] =>
  recordAll(sessions).map((r, i) =>
    i < n ? { ...r, status: "absent-unexcused", minutesAttended: 0 } : r,
  );
const test = (day: string, result: DrugTestResult["result"]): DrugTestResult => ({
  formatVersion: 3,
  expected: [],
  participantId: pid,
  collectedAt: `${day}T12:30:00.000-04:00`,
  result,
});
const negatives = [
  test("2026-03-10", "negative"),
  test("2026-03-17", "negative"),
  test("2026-03-24", "negative"),
];

describe("evaluatePhaseExit (DESIGN: time in phase, attendance rate, recent negative tests, clinician sign-off; template exit(3 weeks, 80%, 2 negatives, sign-off))", () => {
  it("reports every criterion met with its evidence", () => {
    const report = evaluatePhaseExit(inPhase([...admitted, signedOff]), {
      program,
      schedule,
      attendance: missing(3),
      drugTests: negatives,
      asOf: "2026-03-30",
    });
    expect(report.ready).toBe(true);
    expect(report.nextPhaseId).toBe("step-down");
    expect(report.criteria.map((c) => [c.criterion, c.met, c.required, c.actual])).toEqual([
      ["min-weeks", true, 3, 3],
      ["attendance-rate", true, 0.8, 21 / 24],
      ["negative-tests", true, 2, 3],
      ["clinician-sign-off", true, true, true],
    ]);
  });

  it("reports each unmet criterion: too soon, too many absences, a positive last test, no sign-off", () => {
    const report = evaluatePhaseExit(inPhase(admitted), {
      program,
      schedule,
      attendance: missing(6),
      drugTests: [...negatives, test("2026-03-26", "positive")],
      asOf: "2026-03-27",
    });
    expect(report.ready).toBe(false);
    expect(report.criteria.map((c) => [c.criterion, c.met, c.actual])).toEqual([
      ["min-weeks", false, 2.5],
      ["attendance-rate", false, 0.75],
      ["negative-tests", false, 0],
      ["clinician-sign-off", false, false],
    ]);
    expect(report.criteria[1]?.message).toBe(
      "75% (18 attended, 6 unexcused and 0 excused absences); 80% required",
    );
  });

  it("a refusal counts as positive under the default policy (DOMAIN.md 'Drug testing')", () => {
    const report = evaluatePhaseExit(inPhase([...admitted, signedOff]), {
      program,
      schedule,
      attendance: missing(0),
      drugTests: [...negatives, test("2026-03-26", "refused")],
      asOf: "2026-03-30",
    });
    expect(report.criteria.find((c) => c.criterion === "negative-tests")?.met).toBe(false);
  });

  it("a later review with another outcome withdraws the sign-off", () => {
    const report = evaluatePhaseExit(
      inPhase([
        ...admitted,
        signedOff,
        { formatVersion: 2, kind: "clinical-review-held", on: "2026-03-28", outcome: "continue" },
      ]),
      { program, schedule, attendance: missing(0), drugTests: negatives, asOf: "2026-03-30" },
    );
    expect(report.criteria.find((c) => c.criterion === "clinician-sign-off")?.met).toBe(false);
  });

  it("open reviews and measure flags are shown for attention, not counted as criteria (seed 000: relapse is not failure)", () => {
    const report = evaluatePhaseExit(
      inPhase([
        ...admitted,
        signedOff,
        { formatVersion: 2, kind: "relapse-reported", on: "2026-03-28" },
      ]),
      {
        program,
        schedule,
        attendance: missing(0),
        drugTests: negatives,
        measures: [
          scorePhq9([1, 1, 1, 1, 1, 1, 1, 1, 1], { administeredOn: "2026-03-20" }),
          scorePhq9([1, 1, 1, 1, 1, 1, 1, 1, 1], { administeredOn: "2026-02-20" }),
        ],
        asOf: "2026-03-30",
      },
    );
    expect(report.ready).toBe(true);
    expect(report.attention.openReviews).toBe(1);
    expect(report.attention.measureFlags).toEqual([
      expect.objectContaining({
        instrument: "phq-9",
        administeredOn: "2026-03-20",
        code: "suicidal-ideation",
      }),
    ]);
  });

  it("throws IopError when given another program than the episode's", () => {
    const other = { ...program, id: "other" as typeof program.id };
    const context = { schedule, attendance: [], drugTests: [], asOf: "2026-03-30" };
    expect(() => evaluatePhaseExit(inPhase(admitted), { ...context, program: other })).toThrow(
      IopError,
    );
    expect(() =>
      episodeDueDates(inPhase(admitted), { program: other, asOf: "2026-03-30" }),
    ).toThrow(/program-mismatch/);
  });

  it("in the last phase there is no next phase: leaving it is completion", () => {
    const s = inPhase([
      ...admitted,
      { formatVersion: 2, kind: "stepped-down", on: "2026-04-06" },
      { formatVersion: 2, kind: "stepped-down", on: "2026-05-04" },
    ]);
    expect(
      evaluatePhaseExit(s, { program, schedule, attendance: [], drugTests: [], asOf: "2026-05-10" })
        .nextPhaseId,
    ).toBeNull();
  });
});

describe("episodeDueDates (DOMAIN.md 'Program rules and billing'; program.reviewPolicy)", () => {
  const state = (events: EpisodeEvent[]): EpisodeState => replayEpisodeOrThrow(events, program);

  it("treatment-plan review every 30 days from admission, then from the last review (common rule, unverified)", () => {
    expect(
      episodeDueDates(state(admitted), { program, asOf: "2026-03-20" }).treatmentPlanReview,
    ).toEqual({
      due: "2026-04-05",
      since: "2026-03-06",
      daysLeft: 16,
      overdue: false,
    });
    const reviewed = state([
      ...admitted,
      { formatVersion: 2, kind: "plan-reviewed", on: "2026-04-01" },
    ]);
    expect(episodeDueDates(reviewed, { program, asOf: "2026-05-05" }).treatmentPlanReview).toEqual({
      due: "2026-05-01",
      since: "2026-04-01",
      daysLeft: -4,
      overdue: true,
    });
  });

  it("recertification every 60 days (Medicare IOP: at least every other month)", () => {
    expect(
      episodeDueDates(state(admitted), { program, asOf: "2026-03-20" }).recertification?.due,
    ).toBe("2026-05-05");
    const recertified = state([
      ...admitted,
      { formatVersion: 2, kind: "recertified", on: "2026-04-20" },
    ]);
    expect(episodeDueDates(recertified, { program, asOf: "2026-04-21" }).recertification?.due).toBe(
      "2026-06-19",
    );
  });

  it("utilisation review 14 days into the latest authorisation, or its end if sooner (common payer rule, unverified)", () => {
    const auth = (from: string, to: string): EpisodeEvent => ({
      formatVersion: 2,
      kind: "level-of-care-authorised",
      on: from,
      level: "intensive-outpatient",
      from,
      to,
    });
    const long = state([...admitted, auth("2026-03-09", "2026-04-30")]);
    expect(episodeDueDates(long, { program, asOf: "2026-03-10" }).utilizationReview?.due).toBe(
      "2026-03-23",
    );
    const short = state([...admitted, auth("2026-03-09", "2026-03-15")]);
    expect(episodeDueDates(short, { program, asOf: "2026-03-10" }).utilizationReview?.due).toBe(
      "2026-03-15",
    );
    expect(
      episodeDueDates(state(admitted), { program, asOf: "2026-03-10" }).utilizationReview,
    ).toBeNull();
  });

  it("lost to contact after more than lostToContactDays without an attended session (14, unverified)", () => {
    const attendance = recordAll(sessions).filter((r) => r.sessionId.includes("03-09"));
    const due = (asOf: string) =>
      episodeDueDates(state(admitted), { program, asOf, schedule, attendance }).lostToContact;
    expect(due("2026-03-23")).toEqual({
      lost: false,
      lastAttendedOn: "2026-03-09",
      daysWithoutAttendance: 14,
      thresholdDays: 14,
    });
    expect(due("2026-03-24")?.lost).toBe(true);
    expect(
      episodeDueDates(state(admitted), { program, asOf: "2026-03-24" }).lostToContact,
    ).toBeNull();
  });

  it("nothing is due before admission or after discharge", () => {
    const referral = state(admitted.slice(0, 1));
    expect(episodeDueDates(referral, { program, asOf: "2026-03-03" })).toEqual({
      treatmentPlanReview: null,
      recertification: null,
      utilizationReview: null,
      lostToContact: null,
      phaseLength: null,
    });
    const out = state([
      ...admitted,
      {
        formatVersion: 2,
        kind: "discharged",
        on: "2026-03-20",
        type: "not-completed",
        reason: "moved",
      },
    ]);
    expect(episodeDueDates(out, { program, asOf: "2026-04-20" }).treatmentPlanReview).toBeNull();
  });
});
