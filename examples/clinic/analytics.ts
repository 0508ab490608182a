/**
 * The demo clinic's program analytics, computed with iopkit/analytics from what the simulation
 * recorded — census by phase per week, Kaplan–Meier retention, length of stay, attendance, PHQ-9
 * outcomes, follow-up rates and the TEDS discharge records — and the clinic manager's action list
 * for the last day of the window: people at risk, reviews and questionnaires due, people drifting
 * towards lost to contact.
 */
import {
  addDays,
  attendanceSummary,
  createRng,
  daysBetween,
  drugTestSummary,
  episodeDueDates,
  type IsoDate,
  type Participant,
  type Program,
} from "iopkit";
import {
  attendanceRates,
  attendanceRows,
  censusByPhase,
  followUpMeasure,
  lengthOfStay,
  measurementBasedCare,
  retentionCurve,
  tedsDischarge,
  type AttendanceRatesReport,
  type CensusReport,
  type Encounter,
  type FollowUpReport,
  type LengthOfStayReport,
  type MeasurementBasedCareReport,
  type RetentionReport,
  type TedsDischargeReport,
} from "iopkit/analytics";
import type { Simulation } from "./simulate";

/** How often the demo gives the PHQ-9 and GAD-7: every other week (the simulation's rhythm). */
export const MEASURE_EVERY_DAYS = 14;

/** Everything the analytics sections show. */
export interface ClinicAnalytics {
  readonly asOf: IsoDate;
  readonly census: CensusReport;
  readonly retention: RetentionReport;
  readonly stays: LengthOfStayReport;
  readonly attendance: AttendanceRatesReport;
  readonly outcomes: MeasurementBasedCareReport;
  readonly followUp: FollowUpReport;
  readonly teds: TedsDischargeReport;
  readonly actions: readonly ActionItem[];
}

/** Why someone is on the manager's list. */
export type ActionKind =
  | "safety"
  | "absences"
  | "positive-test"
  | "worse-scores"
  | "losing-contact"
  | "review-due"
  | "questionnaire-due";

/** One line of the action list. */
export interface ActionItem {
  readonly participantId: string;
  readonly name: string;
  readonly kind: ActionKind;
  /** `today` comes before `this week`. */
  readonly when: "today" | "this week";
  /** A sentence for the manager. */
  readonly what: string;
}

/**
 * The encounters outside the clinic that follow-up measures need. The simulation does not model
 * other services, so the demo tells a plausible story, the same for a seed: a third of the
 * admitted came on from residential care or withdrawal management, discharged a few days before
 * their first day here; some had been to an emergency department for substance use the week
 * before their referral; the others' intake assessment starts a new substance-use episode.
 */
export function referralEncounters(sim: Simulation, seed: number): Encounter[] {
  const rng = createRng(seed).fork("encounters");
  return sim.logs.flatMap(({ participantId, events }): Encounter[] => {
    const referred = events.find((e) => e.kind === "referred")?.on;
    const first = events.find((e) => e.kind === "phase-started")?.on;
    if (referred === undefined || first === undefined) return [];
    const r = rng.next();
    if (r < 0.2)
      return [
        { participantId, on: addDays(first, -rng.int(2, 9)), kind: "residential-discharge-sud" },
      ];
    if (r < 0.33)
      return [
        { participantId, on: addDays(first, -rng.int(2, 9)), kind: "withdrawal-discharge-sud" },
      ];
    if (r < 0.5)
      return [
        { participantId, on: addDays(referred, -rng.int(3, 8)), kind: "ed-visit-sud" },
        { participantId, on: referred, kind: "sud-episode-start" },
      ];
    return [{ participantId, on: referred, kind: "sud-episode-start" }];
  });
}

/** The analytics over the whole window, as of its last day. */
export function clinicAnalytics(
  program: Program,
  sim: Simulation,
  participants: ReadonlyMap<string, Participant>,
  seed: number,
): ClinicAnalytics {
  const asOf = addDays(sim.from, sim.weeks * 7 - 1);
  const timeZone = program.timeZone;
  const episodes = sim.logs.map((l) => l.events);
  const attendance = attendanceRows({ schedule: sim.schedule, attendance: sim.attendance });
  const schedule = [
    { instrument: "phq-9" as const, everyDays: MEASURE_EVERY_DAYS, graceDays: 3 },
    { instrument: "gad-7" as const, everyDays: MEASURE_EVERY_DAYS, graceDays: 3 },
  ];
  const outcomes = measurementBasedCare({ measures: sim.measures, episodes }, { asOf, schedule });
  return {
    asOf,
    census: censusByPhase({ episodes }, { program, from: sim.from, to: asOf }),
    retention: retentionCurve({ episodes }, { asOf, days: [14, 30, 60] }),
    stays: lengthOfStay({ episodes, attendance }, { method: "teds", timeZone }),
    attendance: attendanceRates({ attendance }, { timeZone }),
    outcomes,
    followUp: followUpMeasure(
      { encounters: referralEncounters(sim, seed), episodes, attendance },
      { asOf, timeZone },
    ),
    teds: tedsDischarge({ episodes, attendance }, { program }),
    actions: actionList(program, sim, participants, outcomes, asOf),
  };
}

/**
 * The clinic manager's list for `asOf`, for everyone still in treatment: safety first (a
 * questionnaire answer about self-harm), then unexcused absences in a row, a positive drug test in
 * the last two weeks, worse questionnaire scores, no attendance for half the lost-to-contact
 * period, treatment-plan reviews and recertifications due within a week, and questionnaires due.
 */
export function actionList(
  program: Program,
  sim: Simulation,
  participants: ReadonlyMap<string, Participant>,
  outcomes: MeasurementBasedCareReport,
  asOf: IsoDate,
): ActionItem[] {
  const items: ActionItem[] = [];
  const policy = program.absencePolicy;
  const active = sim.episodes.filter((e) => e.status === "in-phase" || e.status === "admitted");
  const summaries = new Map(
    attendanceSummary({ program, schedule: sim.schedule, attendance: sim.attendance, asOf }).map(
      (s) => [s.participantId, s],
    ),
  );
  const tests = new Map(
    drugTestSummary({ program, results: sim.drugTests, asOf }).map((s) => [s.participantId, s]),
  );
  const measures = new Map(outcomes.participants.map((p) => [p.participantId, p]));
  for (const episode of active) {
    const id = episode.participantId as string;
    const name = participants.get(id)?.name ?? id;
    const add = (kind: ActionKind, when: ActionItem["when"], what: string): void => {
      items.push({ participantId: id, name, kind, when, what });
    };
    const mine = measures.get(id);
    for (const i of mine?.instruments ?? []) {
      if (i.flags.includes("suicidal-ideation"))
        add(
          "safety",
          "today",
          `answered the PHQ-9 question on thoughts of self-harm above "not at all" on ${i.latest.on}: a clinician should follow up today.`,
        );
      // Worth the manager's time: a rise into the moderate range or above (10+ on both).
      if (i.worsenedSincePrevious && i.latest.value >= 10)
        add(
          "worse-scores",
          "this week",
          `their ${label(i.instrument)} score went up to ${i.latest.value} (${i.latest.band.label.toLowerCase()}) on ${i.latest.on}: worth raising at the next case conference.`,
        );
    }
    const s = summaries.get(id);
    if (s !== undefined && s.currentUnexcusedStreak >= policy.unexcusedStreakAlert)
      add(
        "absences",
        "today",
        `missed ${s.currentUnexcusedStreak} sessions in a row without an excuse: call them.`,
      );
    const t = tests.get(id);
    if (
      t?.lastPositiveOn !== null &&
      t?.lastPositiveOn !== undefined &&
      daysBetween(t.lastPositiveOn, asOf) <= 14
    )
      add(
        "positive-test",
        "this week",
        `had a positive drug test on ${t.lastPositiveOn}: make sure the review it calls for has been held.`,
      );
    const due = episodeDueDates(episode, {
      program,
      asOf,
      schedule: sim.schedule,
      attendance: sim.attendance,
    });
    const lost = due.lostToContact;
    if (lost !== null && !lost.lost && lost.daysWithoutAttendance * 2 >= lost.thresholdDays)
      add(
        "losing-contact",
        "today",
        `has not come for ${lost.daysWithoutAttendance} days; after ${lost.thresholdDays} the program counts them lost to contact. Reach out.`,
      );
    for (const [what, d] of [
      ["treatment-plan review", due.treatmentPlanReview],
      ["recertification by the physician", due.recertification],
    ] as const)
      if (d !== null && d.daysLeft <= 7)
        add(
          "review-due",
          d.overdue ? "today" : "this week",
          d.overdue
            ? `the ${what} was due on ${d.due} (${-d.daysLeft} days ago).`
            : `the ${what} is due on ${d.due}.`,
        );
    // Questionnaires due within two days or overdue, one line per person.
    const dueSoon = [
      ...(mine?.instruments ?? []).flatMap((i) =>
        i.due !== null && i.due.daysPastDue >= -2 ? [{ instrument: i.instrument, due: i.due }] : [],
      ),
      ...(mine?.notYetGiven ?? []),
    ];
    if (dueSoon.length > 0) {
      const overdue = dueSoon.some((d) => d.due.overdue);
      const first = dueSoon.map((d) => d.due.on).sort()[0] ?? asOf;
      const names = dueSoon.map((d) => label(d.instrument)).join(" and the ");
      const verb = dueSoon.length === 1 ? (overdue ? "was" : "is") : overdue ? "were" : "are";
      add(
        "questionnaire-due",
        overdue ? "today" : "this week",
        `the ${names} ${verb} due on ${first}.`,
      );
    }
  }
  const order: Record<ActionKind, number> = {
    safety: 0,
    absences: 1,
    "losing-contact": 2,
    "positive-test": 3,
    "worse-scores": 4,
    "review-due": 5,
    "questionnaire-due": 6,
  };
  return items.sort(
    (a, b) =>
      (a.when === b.when ? 0 : a.when === "today" ? -1 : 1) ||
      order[a.kind] - order[b.kind] ||
      (a.participantId < b.participantId ? -1 : a.participantId > b.participantId ? 1 : 0),
  );
}

/** What the manager calls each questionnaire. */
export function label(instrument: string): string {
  return instrument === "phq-9"
    ? "depression questionnaire (PHQ-9)"
    : instrument === "gad-7"
      ? "anxiety questionnaire (GAD-7)"
      : instrument.toUpperCase();
}
