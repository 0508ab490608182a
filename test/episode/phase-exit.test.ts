// evaluatePhaseExit and episodeDueDates, one rule per test, each naming its source.
import { describe, expect, it } from "vitest";
import {
  enrollmentPathFromEpisode,
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
/** A discharge on 2026-03-20: the participant moved away. */
const movedAway: EpisodeEvent = {
  formatVersion: 2,
  kind: "discharged",
  on: "2026-03-20",
  type: "not-completed",
  reason: "moved",
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
    const out = state([...admitted, movedAway]);
    expect(episodeDueDates(out, { program, asOf: "2026-04-20" }).treatmentPlanReview).toBeNull();
  });
});

describe("evaluatePhaseExit at each criterion's edge", () => {
  const context = { program, schedule, drugTests: negatives } as const;
  const exitOf = (criteria: Partial<(typeof program.phases)[number]["exitCriteria"]>) => ({
    ...program,
    phases: program.phases.map((p, i) =>
      i === 0 ? { ...p, exitCriteria: { ...p.exitCriteria, ...criteria } } : p,
    ),
  });
  const criterion = (report: ReturnType<typeof evaluatePhaseExit>, name: string) =>
    report.criteria.find((c) => c.criterion === name);

  it("takes 21 whole days as 3 weeks, not 20, and is not ready while one criterion is unmet", () => {
    const at = (asOf: string) =>
      evaluatePhaseExit(inPhase([...admitted, signedOff]), {
        ...context,
        attendance: missing(0),
        asOf,
      });
    expect(criterion(at("2026-03-29"), "min-weeks")).toEqual({
      criterion: "min-weeks",
      met: false,
      required: 3,
      actual: 2.8,
      message: "20 days (2.8 weeks) in intensive; 3 weeks required",
    });
    expect(at("2026-03-29").ready).toBe(false);
    expect(criterion(at("2026-03-30"), "min-weeks")?.met).toBe(true);
    expect(at("2026-03-30").ready).toBe(true);
  });

  it("meets an attendance rate of exactly 80%, not 70%, counting only this participant's records", () => {
    // Up to asOf, Monday 03-16, ten sessions count (Mon–Thu of the first week, Monday of the
    // second); the first records are the first week's.
    const counted = recordAll(sessions);
    const absent = (n: number): AttendanceRecord[] =>
      counted.map((r, i) => (i < n ? { ...r, status: "absent-unexcused", minutesAttended: 0 } : r));
    const other = counted.map((r) => ({
      ...r,
      participantId: "p-2" as ParticipantId,
      status: "absent-unexcused" as const,
      minutesAttended: 0,
    }));
    const rate = (n: number) =>
      criterion(
        evaluatePhaseExit(inPhase(admitted), {
          ...context,
          attendance: [...absent(n), ...other],
          asOf: "2026-03-16",
        }),
        "attendance-rate",
      );
    expect(rate(2)).toMatchObject({ met: true, actual: 0.8 });
    expect(rate(2)?.message).toBe(
      "80% (8 attended, 2 unexcused and 0 excused absences); 80% required",
    );
    expect(rate(3)).toMatchObject({ met: false, actual: 0.7 });
    // An excused absence is named apart in the evidence.
    const excused = absent(3).map((r, i) =>
      i === 2 ? { ...r, status: "absent-excused" as const } : r,
    );
    const withExcused = criterion(
      evaluatePhaseExit(inPhase(admitted), { ...context, attendance: excused, asOf: "2026-03-16" }),
      "attendance-rate",
    );
    expect(withExcused?.message).toMatch(
      / attended, 2 unexcused and 1 excused absences\); 80% required$/,
    );
  });

  it("with nothing counted, holds the rate only when the minimum is 0, and says so", () => {
    const none = (p = program) =>
      criterion(
        evaluatePhaseExit(inPhase(admitted), {
          ...context,
          program: p,
          attendance: [],
          asOf: "2026-03-16",
        }),
        "attendance-rate",
      );
    expect(none()).toEqual({
      criterion: "attendance-rate",
      met: false,
      required: 0.8,
      actual: null,
      message: "no attended or missed sessions counted since 2026-03-09; 80% required",
    });
    expect(none(exitOf({ minAttendanceRate: 0 }))?.met).toBe(true);
  });

  it("needs the required number of negatives in a row, counting only this participant's tests", () => {
    const streak = (tests: DrugTestResult[]) =>
      criterion(
        evaluatePhaseExit(inPhase(admitted), {
          ...context,
          attendance: missing(0),
          drugTests: [
            ...tests,
            { ...test("2026-03-25", "positive"), participantId: "p-0" as ParticipantId },
          ],
          asOf: "2026-03-30",
        }),
        "negative-tests",
      );
    expect(streak([test("2026-03-24", "negative")])).toMatchObject({ met: false, actual: 1 });
    expect(streak(negatives.slice(1))).toEqual({
      criterion: "negative-tests",
      met: true,
      required: 2,
      actual: 2,
      message: "2 negative test(s) in a row; 2 required",
    });
  });

  it("reads the sign-off from reviews held in this stay of the phase, from its first day up to asOf", () => {
    const signOff = (events: EpisodeEvent[], asOf = "2026-03-30", p = program) =>
      criterion(
        evaluatePhaseExit(inPhase(events), {
          ...context,
          program: p,
          attendance: missing(0),
          asOf,
        }),
        "clinician-sign-off",
      );
    const review = (on: string, outcome: "step-down" | "continue" | "step-up"): EpisodeEvent => ({
      formatVersion: 2,
      kind: "clinical-review-held",
      on,
      outcome,
    });
    // Held on the phase's first day, and on asOf: both count.
    expect(signOff([...admitted, review("2026-03-09", "step-down")])?.met).toBe(true);
    expect(signOff([...admitted, review("2026-03-30", "step-down")])).toEqual({
      criterion: "clinician-sign-off",
      met: true,
      required: true,
      actual: true,
      message: "a clinical review in this phase decided step-down",
    });
    // Held after asOf: not yet.
    expect(signOff([...admitted, review("2026-03-31", "step-down")])).toMatchObject({
      met: false,
      message: "needs a clinical review deciding step-down",
    });
    // Back in the first phase after a step-up: the sign-off of the earlier stay does not count.
    const back = [
      ...admitted,
      review("2026-03-27", "step-down"),
      { formatVersion: 2, kind: "stepped-down", on: "2026-03-30" },
      { formatVersion: 2, kind: "relapse-reported", on: "2026-04-06" },
      review("2026-04-07", "step-up"),
      { formatVersion: 2, kind: "stepped-up", on: "2026-04-07" },
    ] as EpisodeEvent[];
    expect(signOff(back, "2026-04-10")?.met).toBe(false);
    // A review held in the first phase on the day of the step down is not the second phase's.
    const justStepped = [
      ...admitted,
      review("2026-03-30", "step-down"),
      { formatVersion: 2, kind: "stepped-down", on: "2026-03-30" },
    ] as EpisodeEvent[];
    expect(signOff(justStepped, "2026-03-30")?.met).toBe(false);
    // A phase that does not require sign-off.
    expect(signOff(admitted, "2026-03-30", exitOf({ requiresClinicianSignOff: false }))).toEqual({
      criterion: "clinician-sign-off",
      met: true,
      required: false,
      actual: false,
      message: "sign-off not required",
    });
  });

  it("shows measure flags from the phase's first day to asOf, and undated ones", () => {
    const flagged = (administeredOn?: string) =>
      scorePhq9(
        [1, 1, 1, 1, 1, 1, 1, 1, 1],
        administeredOn === undefined ? {} : { administeredOn },
      );
    const report = evaluatePhaseExit(inPhase(admitted), {
      ...context,
      attendance: missing(0),
      measures: [
        flagged("2026-03-08"),
        flagged("2026-03-09"),
        flagged("2026-03-30"),
        flagged("2026-03-31"),
        flagged(),
      ],
      asOf: "2026-03-30",
    });
    expect(report.attention.measureFlags.map((f) => f.administeredOn)).toEqual([
      "2026-03-09",
      "2026-03-30",
      null,
    ]);
  });

  it("names the problem when the program is not the episode's, or lacks its phase", () => {
    const s = inPhase(admitted);
    const thrown = (p: typeof program) => {
      try {
        evaluatePhaseExit(s, { ...context, program: p, attendance: [], asOf: "2026-03-30" });
      } catch (e) {
        if (e instanceof IopError)
          return [e.message.split(":")[0], e.issues.map((i) => [i.code, i.path, i.message])];
      }
      return undefined;
    };
    expect(thrown({ ...program, id: "other" as typeof program.id })).toEqual([
      "evaluatePhaseExit",
      [["program-mismatch", ["program"], `the episode is in ${program.id}, not other`]],
    ]);
    expect(thrown({ ...program, phases: program.phases.slice(1) })).toEqual([
      "evaluatePhaseExit",
      [["unknown-phase", ["program"], `phase intensive is not in program ${program.id}`]],
    ]);
  });
});

describe("episodeDueDates, edges", () => {
  const state = (events: EpisodeEvent[]): EpisodeState => replayEpisodeOrThrow(events, program);
  const auth: EpisodeEvent = {
    formatVersion: 2,
    kind: "level-of-care-authorised",
    on: "2026-03-09",
    level: "intensive-outpatient",
    from: "2026-03-09",
    to: "2026-04-30",
  };
  const discharged: EpisodeEvent = {
    formatVersion: 2,
    kind: "discharged",
    on: "2026-03-20",
    type: "completed",
    reason: "treatment-completed",
  };

  it("has reviews due from admission before the first phase starts", () => {
    const due = episodeDueDates(state(admitted.slice(0, 3)), { program, asOf: "2026-03-07" });
    expect(due.treatmentPlanReview?.due).toBe("2026-04-05");
    expect(due.phaseLength).toBeNull();
  });

  it("has no utilisation review once discharged or in aftercare, whatever the authorisation", () => {
    const last = [
      ...admitted,
      auth,
      { formatVersion: 2, kind: "stepped-down", on: "2026-03-16" },
      { formatVersion: 2, kind: "stepped-down", on: "2026-03-18" },
    ] as EpisodeEvent[];
    const out = state([...last, discharged]);
    expect(out.status).toBe("discharged");
    expect(episodeDueDates(out, { program, asOf: "2026-03-21" }).utilizationReview).toBeNull();
    const after = state([
      ...last,
      discharged,
      { formatVersion: 2, kind: "aftercare-started", on: "2026-03-20" },
    ]);
    expect(after.status).toBe("aftercare");
    expect(episodeDueDates(after, { program, asOf: "2026-03-21" }).utilizationReview).toBeNull();
  });

  it("judges contact only with both the schedule and the records, and only this participant's", () => {
    const mine = recordAll(sessions).filter((r) => r.sessionId.includes("03-09"));
    const others = recordAll(templateWeek("2026-03-16", [1, 2, 3, 4], ["p-2"])).map((r) => ({
      ...r,
      participantId: "p-2" as ParticipantId,
    }));
    const s = state(admitted);
    expect(
      episodeDueDates(s, {
        program,
        asOf: "2026-03-24",
        schedule,
        attendance: [...mine, ...others],
      }).lostToContact,
    ).toMatchObject({ lost: true, lastAttendedOn: "2026-03-09" });
    expect(episodeDueDates(s, { program, asOf: "2026-03-24", schedule }).lostToContact).toBeNull();
    expect(
      episodeDueDates(s, { program, asOf: "2026-03-24", attendance: mine }).lostToContact,
    ).toBeNull();
  });

  it("measures the phase in force against its own maximum weeks, and none for a program without it", () => {
    const second = state([
      ...admitted,
      { formatVersion: 2, kind: "stepped-down", on: "2026-03-30" },
    ]);
    // The second phase given a maximum of its own (9 weeks), unlike the first's.
    const nine = {
      ...program,
      phases: program.phases.map((p, i) => (i === 1 ? { ...p, weeks: { ...p.weeks, max: 9 } } : p)),
    };
    expect(nine.phases[0]?.weeks.max).not.toBe(9);
    expect(
      episodeDueDates(second, { program: nine, asOf: "2026-04-06" }).phaseLength,
    ).toMatchObject({
      phaseId: program.phases[1]?.id,
      maxWeeks: 9,
      due: "2026-05-31",
      weeksInPhase: 1,
    });
    const without = { ...program, phases: program.phases.filter((_, i) => i !== 1) };
    expect(
      episodeDueDates(second, { program: without, asOf: "2026-04-06" }).phaseLength,
    ).toBeNull();
  });

  it("names the function and the programs when the program is not the episode's", () => {
    try {
      episodeDueDates(state(admitted), {
        program: { ...program, id: "other" as typeof program.id },
        asOf: "2026-03-30",
      });
      expect.unreachable();
    } catch (e) {
      expect((e as IopError).message.split(":")[0]).toBe("episodeDueDates");
      expect((e as IopError).issues.map((i) => [i.code, i.path, i.message])).toEqual([
        ["program-mismatch", ["program"], `the episode is in ${program.id}, not other`],
      ]);
    }
  });
});

describe("enrollmentPathFromEpisode", () => {
  const state = (events: EpisodeEvent[]): EpisodeState => replayEpisodeOrThrow(events, program);
  const stepped = [
    ...admitted,
    { formatVersion: 2, kind: "stepped-down", on: "2026-03-30" },
    { formatVersion: 2, kind: "relapse-reported", on: "2026-04-06" },
    { formatVersion: 2, kind: "clinical-review-held", on: "2026-04-07", outcome: "step-up" },
    { formatVersion: 2, kind: "stepped-up", on: "2026-04-08" },
  ] as EpisodeEvent[];

  it("keeps each step's reason, and extends the phase in force only from a later day", () => {
    const [first, second] = program.phases.map((p) => p.id);
    expect(enrollmentPathFromEpisode(state(stepped))).toEqual([
      { phaseId: first, from: "2026-03-09", reason: "admission" },
      { phaseId: second, from: "2026-03-30", reason: "step-down" },
      { phaseId: first, from: "2026-04-08", reason: "step-up" },
    ]);
    expect(enrollmentPathFromEpisode(state(stepped), { extendOn: "2026-04-20" }).at(-1)).toEqual({
      phaseId: first,
      from: "2026-04-20",
      reason: "extension",
    });
    // A step up and a step down on one day are one step, the day's last: a step down.
    const sameDay = state([
      ...stepped,
      { formatVersion: 2, kind: "stepped-down", on: "2026-04-08" },
    ] as EpisodeEvent[]);
    expect(enrollmentPathFromEpisode(sameDay).at(-1)).toEqual({
      phaseId: second,
      from: "2026-04-08",
      reason: "step-down",
    });
    // On the phase's own first day there is nothing to extend.
    expect(enrollmentPathFromEpisode(state(stepped), { extendOn: "2026-04-08" })).toHaveLength(3);
  });

  it("is empty before treatment, and for an episode discharged before it; never extends a discharged one", () => {
    expect(
      enrollmentPathFromEpisode(state(admitted.slice(0, 2)), { extendOn: "2026-04-20" }),
    ).toEqual([]);
    const never = state([
      ...admitted.slice(0, 2),
      {
        formatVersion: 2,
        kind: "discharged",
        on: "2026-03-05",
        type: "not-completed",
        reason: "client-decision",
      },
    ]);
    expect(never.status).toBe("discharged");
    expect(enrollmentPathFromEpisode(never)).toEqual([]);
    const out = state([...admitted, movedAway]);
    expect(enrollmentPathFromEpisode(out, { extendOn: "2026-03-16" })).toEqual([
      { phaseId: program.phases[0]?.id, from: "2026-03-09", reason: "admission" },
    ]);
  });
});
