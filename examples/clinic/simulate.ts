/**
 * The demo clinic, simulated day by day: a pure function of the program, the staff, the people
 * admitted after screening, the planning window and a seed (every draw comes from iopkit's
 * `createRng`, so the same input gives the same clinic, byte for byte).
 *
 * The schedule is not an input: a clinic re-plans as people step down, step up and leave, so the
 * simulation plans the window, then re-plans it after every weekly case conference that changed
 * someone's course, keeping what was already delivered (`keep`). What the participants attended —
 * the "schedule as delivered" — is each day's sessions taken from the plan in force that day.
 *
 * Each day:
 * 1. on Mondays, the **case conference** reviews everyone in treatment, using iopkit's own rules:
 *    `evaluatePhaseExit` for step-downs and completions, `episodeDueDates` for plan reviews,
 *    recertification and lost-to-contact; open reviews (a relapse, a positive test) are held
 *    first — relapse is a signal to adjust the plan, not a failure (seed 000). Then the window is
 *    re-planned from the episodes (`enrollmentPathFromEpisode` + `planSchedule`);
 * 2. participants whose admission day it is start their first phase;
 * 3. the day's sessions happen: attendance, drug tests, and every other week a PHQ-9 and a GAD-7.
 *
 * Three participants get a scripted story besides the everyday randomness: a relapse in the
 * step-down phase that a review answers with a step-up; a relapse in the intensive phase that a
 * review answers with a transfer to residential care; and someone who stops coming and is
 * discharged as lost to contact. Every episode log is replayed with `replayEpisode` at the end;
 * a rejected event throws.
 */
import {
  addDays,
  applyEvent,
  createRng,
  daysBetween,
  enrollmentPathFromEpisode,
  episodeDueDates,
  evaluatePhaseExit,
  isoWeekday,
  parseEnrollment,
  planSchedule,
  plannedPath,
  plannedWeeksOf,
  replayEpisode,
  scoreGad7,
  scorePhq9,
  startEpisode,
  type AttendanceRecord,
  type DischargeReason,
  type DischargeType,
  type DrugTestResult,
  type EligibilityDecision,
  type Enrollment,
  type EpisodeEvent,
  type EpisodeState,
  type EventOf,
  type IsoDate,
  type LevelOfCareId,
  type Participant,
  type ParticipantId,
  type PathStep,
  type PhaseExitReport,
  type Program,
  type Rng,
  type Schedule,
  type ScheduledSession,
  type ScoredMeasure,
  type Staff,
  type TotalScore,
} from "iopkit";
import {
  attendanceAt,
  drawTraits,
  drugTestAt,
  gad7Answers,
  phq9Answers,
  substanceOf,
  type Traits,
} from "./behaviour";

/** Someone admitted after screening: who, the decision that admits them, and their dates. */
export interface Admission {
  readonly participant: Participant;
  /** `assessEligibility`'s decision: its outcome admits. */
  readonly decision: EligibilityDecision;
  readonly referredOn: IsoDate;
  readonly assessedOn: IsoDate;
  readonly admittedOn: IsoDate;
  /** First day of treatment: the first phase starts. */
  readonly start: IsoDate;
  /** The track the decision names (evening for people who work days), if any. */
  readonly track?: string;
}

/** The scripted stories, each played by one participant. */
export type Role = "relapse-and-step-up" | "transfer-higher" | "drop-out";

/** What {@link simulateClinic} needs. */
export interface SimulationInput {
  readonly program: Program;
  readonly staff: readonly Staff[];
  readonly admissions: readonly Admission[];
  /** First day of the window (a Monday). */
  readonly from: IsoDate;
  readonly weeks: number;
  readonly seed: number;
  /** Called at the start of each week (1-based), for a progress line. */
  readonly onWeek?: (week: number, weeks: number) => void;
}

/** One re-plan after a case conference. */
export interface Replan {
  /** The conference's day: the new plan is in force from then. */
  readonly on: IsoDate;
  /** Whose enrolment changed (a step, an extension, a discharge). */
  readonly changed: readonly ParticipantId[];
  /**
   * Sessions the new plan has before `on` that were never delivered: none, since a re-plan keeps
   * what was delivered (`keep`); counted so the demo's test can hold it to that.
   */
  readonly movedIntoPast: number;
}

/** A participant's episode as an event log. */
export interface EpisodeLogOf {
  readonly participantId: ParticipantId;
  readonly events: readonly EpisodeEvent[];
}

/** Everything that happened. */
export interface Simulation {
  readonly from: IsoDate;
  readonly weeks: number;
  /** The schedule as delivered: each day's sessions from the plan in force that day. */
  readonly schedule: Schedule;
  /** The final enrolments: each participant's real phase path, and the end of a discharged one. */
  readonly enrollments: readonly Enrollment[];
  readonly attendance: readonly AttendanceRecord[];
  readonly drugTests: readonly DrugTestResult[];
  readonly measures: readonly ScoredMeasure[];
  /** The event logs, in admission order. */
  readonly logs: readonly EpisodeLogOf[];
  /** Each log replayed by `replayEpisode`, in the same order. */
  readonly episodes: readonly EpisodeState[];
  /** Who played which scripted story. */
  readonly roles: readonly { readonly participantId: ParticipantId; readonly role: Role }[];
  readonly replans: readonly Replan[];
}

/** Where a participant's story stands, and everything recorded about them so far. */
interface Person {
  readonly admission: Admission;
  readonly id: ParticipantId;
  readonly traits: Traits;
  readonly rng: Rng;
  readonly role: Role | undefined;
  readonly log: EpisodeEvent[];
  state: EpisodeState;
  /** `extension` path steps: the phase kept past its planned weeks (the episode has no such event). */
  readonly extensions: PathStep[];
  /** Delivered sessions, attendance, tests and scores: what the conference reads. */
  readonly sessions: ScheduledSession[];
  readonly attendance: AttendanceRecord[];
  readonly drugTests: DrugTestResult[];
  readonly phq9: TotalScore[];
  readonly gad7: TotalScore[];
  daysDue: number;
  daysCame: number;
  /** The last day they came, if they have. */
  lastCameOn: IsoDate | undefined;
  lastMeasuredWeek: number;
  lastRelapseOn: IsoDate | undefined;
  /** The Monday of the week the scripted story happens, once it has started. */
  storyWeek: IsoDate | undefined;
  /** The relapse of the story was reported. */
  storyReported: boolean;
  /** The planned path the plan in force was made from (JSON), to see what changed. */
  planned: string;
}

/** Everything a day of the simulation reads and adds to. */
interface Clinic {
  readonly program: Program;
  readonly input: SimulationInput;
  readonly people: readonly Person[];
  readonly byId: ReadonlyMap<string, Person>;
  readonly delivered: ScheduledSession[];
  readonly deliveredIds: Set<string>;
  plan: Schedule;
  /** The plan in force, by local date. */
  planByDay: Map<IsoDate, ScheduledSession[]>;
  readonly replans: Replan[];
}

/** Runs the clinic over the window. See the file's comment for what happens each day. */
export function simulateClinic(input: SimulationInput): Simulation {
  const { program, from, weeks } = input;
  const root = createRng(input.seed);
  const roles = assignRoles(input.admissions, root.fork("roles"));
  const people = input.admissions.map((a) =>
    newPerson(program, a, roles.get(a.participant.id), root.fork(a.participant.id)),
  );
  const clinic: Clinic = {
    program,
    input,
    people,
    byId: new Map(people.map((p) => [p.id as string, p])),
    delivered: [],
    deliveredIds: new Set(),
    plan: {
      formatVersion: 2,
      window: { from, weeks },
      sessions: [],
      groups: [],
      unschedulable: [],
      shortfalls: [],
    },
    planByDay: new Map(),
    replans: [],
  };
  replan(clinic, from, true);

  const end = addDays(from, weeks * 7);
  for (let day = from; day < end; day = addDays(day, 1)) {
    if (isoWeekday(day) === 1) {
      input.onWeek?.(daysBetween(from, day) / 7 + 1, weeks);
      for (const p of people) holdCaseConference(clinic, p, day);
      replan(clinic, day, false);
    }
    for (const p of people) if (p.admission.start === day) startFirstPhase(program, p);
    deliverDay(clinic, day, clinic.planByDay.get(day) ?? []);
  }
  return finish(clinic);
}

// ─── Setting up ──────────────────────────────────────────────────────────────────────────────

/** Picks three different admitted participants for the scripted stories (fewer with fewer people). */
function assignRoles(admissions: readonly Admission[], rng: Rng): Map<ParticipantId, Role> {
  const order = rng.shuffle(admissions.map((a) => a.participant.id));
  const stories: Role[] = ["relapse-and-step-up", "transfer-higher", "drop-out"];
  const roles = new Map<ParticipantId, Role>();
  stories.forEach((role, i) => {
    const id = order[i];
    if (id !== undefined) roles.set(id, role);
  });
  return roles;
}

/** A participant at admission: traits drawn, the log up to admission recorded. */
function newPerson(
  program: Program,
  admission: Admission,
  role: Role | undefined,
  rng: Rng,
): Person {
  const { participant } = admission;
  const drawn = drawTraits(rng);
  // The relapse and transfer stories need someone who keeps coming until then.
  const traits =
    role === "relapse-and-step-up" || role === "transfer-higher"
      ? { ...drawn, engagement: Math.max(drawn.engagement, 0.92), useRisk: 0 }
      : drawn;
  const first = program.phases[0];
  if (first === undefined) throw new Error("the program has no phases");
  const referral: EventOf<"referred"> = {
    formatVersion: 2,
    kind: "referred",
    on: admission.referredOn,
    participantId: participant.id,
    programId: program.id,
    source: "primary care",
  };
  const referred = startEpisode(program, referral);
  if (!referred.ok) throw new Error(`${participant.id}: ${referred.error.message}`);
  const person: Person = {
    admission,
    id: participant.id,
    traits,
    rng,
    role,
    log: [referral],
    state: referred.state,
    extensions: [],
    sessions: [],
    attendance: [],
    drugTests: [],
    phq9: [],
    gad7: [],
    daysDue: 0,
    daysCame: 0,
    lastCameOn: undefined,
    lastMeasuredWeek: -1,
    lastRelapseOn: undefined,
    storyWeek: undefined,
    storyReported: false,
    planned: "",
  };
  record(person, {
    formatVersion: 2,
    kind: "assessed",
    on: admission.assessedOn,
    decision: admission.decision,
  });
  record(person, {
    formatVersion: 2,
    kind: "admitted",
    on: admission.admittedOn,
    programId: program.id,
    phaseId: first.id,
  });
  return person;
}

/** Adds an event to a participant's log; an event the episode rules reject is a bug: throw. */
function record(p: Person, event: EpisodeEvent): void {
  const r = applyEvent(p.state, event);
  if (!r.ok)
    throw new Error(
      `${p.id}: ${event.kind} on ${event.on} was rejected (${r.error.code}): ${r.error.message}`,
    );
  p.state = r.state;
  p.log.push(event);
}

function startFirstPhase(program: Program, p: Person): void {
  const first = program.phases[0];
  if (first !== undefined && p.state.status === "admitted")
    record(p, {
      formatVersion: 2,
      kind: "phase-started",
      on: p.admission.start,
      phaseId: first.id,
    });
}

// ─── The weekly case conference ──────────────────────────────────────────────────────────────

const BY = "case conference";

/**
 * The Monday case conference for one participant in treatment: routine plan reviews, then the
 * first decision that applies — hold an open review, discharge someone lost to contact, sign
 * off a step-down (or completion), or keep them in their phase past its planned weeks.
 */
function holdCaseConference(clinic: Clinic, p: Person, on: IsoDate): void {
  if (p.state.status !== "in-phase" || p.state.phase.startedOn >= on) return;
  holdRoutineReviews(clinic.program, p, on);
  if (p.state.treatment.openReviews.length > 0) holdOpenReview(p, on);
  else if (isLostToContact(clinic.program, p, on))
    discharge(p, on, "not-completed", "lost-to-contact");
  else if (readyForSignOff(clinic.program, p, on)) leavePhase(clinic.program, p, on);
  keepPhaseIfPlanEnds(clinic.program, p, on);
  startStory(p, on);
}

/** Treatment-plan reviews (every 30 days) and recertification (every 60) due this week. */
function holdRoutineReviews(program: Program, p: Person, on: IsoDate): void {
  const due = episodeDueDates(p.state, { program, asOf: on });
  if (due.treatmentPlanReview !== null && due.treatmentPlanReview.daysLeft < 7)
    record(p, { formatVersion: 2, kind: "plan-reviewed", on, by: BY });
  if (due.recertification !== null && due.recertification.daysLeft < 7)
    record(p, { formatVersion: 2, kind: "recertified", on, by: BY });
}

/**
 * A relapse or positive test opened a review: the team holds it. Everyday lapses are answered by
 * continuing (with more support); the scripted stories step up or refer to residential care.
 */
function holdOpenReview(p: Person, on: IsoDate): void {
  const story = p.storyWeek !== undefined && p.storyWeek < on;
  const outcome =
    story && p.role === "relapse-and-step-up"
      ? "step-up"
      : story && p.role === "transfer-higher"
        ? "refer-higher"
        : "continue";
  record(p, { formatVersion: 2, kind: "clinical-review-held", on, outcome, by: BY });
  if (outcome === "step-up") record(p, { formatVersion: 2, kind: "stepped-up", on, by: BY });
  if (outcome === "refer-higher")
    discharge(p, on, "transferred-higher", "clinical-need", "residential");
}

/**
 * More than the absence policy's days (default 14) without an attended session. iopkit counts
 * from the admission event when nothing was attended yet; people here are admitted up to two weeks
 * before their first session, so the demo counts from their first day of treatment instead.
 */
function isLostToContact(program: Program, p: Person, on: IsoDate): boolean {
  // Someone seen in the last week is not lost; only ask iopkit about the others.
  if (p.lastCameOn !== undefined && daysBetween(p.lastCameOn, on) <= 7) return false;
  const { lostToContact } = episodeDueDates(p.state, {
    program,
    asOf: on,
    schedule: { sessions: p.sessions },
    attendance: p.attendance,
  });
  if (lostToContact === null || !lostToContact.lost) return false;
  const since = lostToContact.lastAttendedOn ?? p.admission.start;
  return daysBetween(since, on) > lostToContact.thresholdDays;
}

/** iopkit's phase-exit report for the participant on `on`. */
function exitReport(program: Program, p: Person, on: IsoDate): PhaseExitReport {
  if (p.state.status !== "in-phase") throw new Error(`${p.id} is not in a phase`);
  return evaluatePhaseExit(p.state, {
    program,
    schedule: { sessions: p.sessions },
    attendance: p.attendance,
    drugTests: p.drugTests,
    measures: p.phq9,
    asOf: on,
  });
}

/**
 * Whether the clinician signs off leaving the phase. iopkit checks the criteria (time in phase,
 * attendance rate, negative tests in a row); the sign-off is the team's judgement, and the demo's
 * rule for it is: once the phase has run its planned weeks, or earlier when the latest PHQ-9 is
 * below 10 (under the moderate band) and no questionnaire raised a flag during the phase.
 */
function readyForSignOff(program: Program, p: Person, on: IsoDate): boolean {
  if (p.state.status !== "in-phase") return false;
  const phase = program.phases[p.state.phase.index];
  if (phase === undefined) return false;
  // Before the phase's minimum weeks nobody may leave it: no need to ask iopkit yet.
  const weeksInPhase = daysBetween(p.state.phase.startedOn, on) / 7;
  if (weeksInPhase < phase.exitCriteria.minWeeks) return false;
  const report = exitReport(program, p, on);
  const othersMet = report.criteria.every((c) => c.criterion === "clinician-sign-off" || c.met);
  if (!othersMet) return false;
  const latest = p.phq9[p.phq9.length - 1];
  const moodBetter =
    latest !== undefined && latest.total < 10 && report.attention.measureFlags.length === 0;
  return weeksInPhase >= plannedWeeksOf(phase) || moodBetter;
}

/** Signs off, checks iopkit agrees the phase may be left, then steps down or completes. */
function leavePhase(program: Program, p: Person, on: IsoDate): void {
  record(p, { formatVersion: 2, kind: "clinical-review-held", on, outcome: "step-down", by: BY });
  const report = exitReport(program, p, on);
  if (!report.ready)
    throw new Error(`${p.id}: signed off on ${on} but evaluatePhaseExit says not ready`);
  if (report.nextPhaseId !== null)
    record(p, { formatVersion: 2, kind: "stepped-down", on, by: BY });
  else {
    discharge(p, on, "completed", "treatment-completed");
    record(p, { formatVersion: 2, kind: "aftercare-started", on });
  }
}

function discharge(
  p: Person,
  on: IsoDate,
  type: DischargeType,
  reason: DischargeReason,
  referredTo?: LevelOfCareId,
): void {
  record(p, {
    formatVersion: 2,
    kind: "discharged",
    on,
    type,
    reason,
    by: BY,
    ...(referredTo === undefined ? {} : { referredTo }),
  });
}

/**
 * A participant who stays in their phase when the plan would end it before next Monday: the
 * episode records no event for "not yet", so the demo keeps an `extension` path step itself
 * (`enrollmentPathFromEpisode`'s `extendOn` adds only the latest one).
 */
function keepPhaseIfPlanEnds(program: Program, p: Person, on: IsoDate): void {
  if (p.state.status !== "in-phase" || p.state.phase.startedOn === on) return;
  const phaseId = p.state.phase.id;
  const span = plannedPath(program, enrollmentOf(p)).find((s) => s.from <= on && on <= s.to);
  if (span !== undefined && span.phaseId === phaseId && span.to >= addDays(on, 6)) return;
  p.extensions.push({ phaseId, from: on, reason: "extension" });
}

/** Starts a scripted story once its participant has reached the right point. */
function startStory(p: Person, on: IsoDate): void {
  if (p.role === undefined || p.storyWeek !== undefined || p.state.status !== "in-phase") return;
  const { index, startedOn } = p.state.phase;
  const weeksIn = daysBetween(startedOn, on) / 7;
  const due =
    p.role === "relapse-and-step-up"
      ? index === 1 && weeksIn >= 1 // a week into the step-down phase
      : p.role === "transfer-higher"
        ? index === 0 && weeksIn >= 1 // a week into the intensive phase
        : weeksIn >= 2; // drop-out: two weeks into treatment
  if (due) p.storyWeek = on;
}

// ─── A day of sessions ───────────────────────────────────────────────────────────────────────

const mondayOf = (day: IsoDate): IsoDate => addDays(day, 1 - isoWeekday(day));

/** The day's sessions happen: each participant with sessions comes or not, for the whole day. */
function deliverDay(clinic: Clinic, day: IsoDate, sessions: readonly ScheduledSession[]): void {
  const byPerson = new Map<Person, ScheduledSession[]>();
  for (const s of sessions) {
    clinic.delivered.push(s);
    clinic.deliveredIds.add(s.id);
    for (const id of s.participantIds) {
      const p = clinic.byId.get(id);
      if (p === undefined) throw new Error(`the plan names unknown participant ${id}`);
      byPerson.set(p, [...(byPerson.get(p) ?? []), s]);
    }
  }
  for (const [p, theirs] of byPerson) attendDay(p, day, theirs);
}

/** One participant's day: attendance, drug tests, the story's relapse, questionnaires. */
function attendDay(p: Person, day: IsoDate, sessions: readonly ScheduledSession[]): void {
  const inStoryWeek = p.storyWeek !== undefined && mondayOf(day) === p.storyWeek;
  const came = comesToday(p, inStoryWeek);
  const excused = !came && p.rng.next() < 0.4;
  if (came && inStoryWeek && !p.storyReported && p.role !== "drop-out") {
    // Tells the group about the weekend's use: a relapse opens a clinical review.
    record(p, {
      formatVersion: 2,
      kind: "relapse-reported",
      on: day,
      substances: [substanceOf(p.admission.participant)],
    });
    p.storyReported = true;
    p.lastRelapseOn = day;
  }
  p.sessions.push(...sessions);
  for (const s of sessions) {
    if (s.sessionType === "drug-test") recordDrugTest(p, s, day, came, inStoryWeek);
    else p.attendance.push(attendanceAt(s, p.admission.participant, came, excused, p.rng));
  }
  p.daysDue += 1;
  if (came) p.daysCame += 1;
  if (came) p.lastCameOn = day;
  if (came) administerQuestionnaires(p, day);
}

/**
 * Whether the participant comes today. The drop-out stops coming; in the story week the relapse
 * is reported on the first day, and the participant about to be transferred misses the rest.
 */
function comesToday(p: Person, inStoryWeek: boolean): boolean {
  const draw = p.rng.next() < p.traits.engagement;
  if (p.role === "drop-out" && p.storyWeek !== undefined) return false;
  if (inStoryWeek && !p.storyReported) return true;
  if (inStoryWeek && p.role === "transfer-higher") return false;
  return draw;
}

/** A collection: positive in the story week, otherwise at the participant's everyday risk. */
function recordDrugTest(
  p: Person,
  session: ScheduledSession,
  day: IsoDate,
  came: boolean,
  inStoryWeek: boolean,
): void {
  const storyUse = inStoryWeek && p.role !== "drop-out";
  const positive = came && (storyUse || p.rng.next() < p.traits.useRisk);
  const result = drugTestAt(session, p.admission.participant, came, positive);
  p.drugTests.push(result);
  if (result.result === "positive") {
    record(p, {
      formatVersion: 2,
      kind: "positive-test-recorded",
      on: day,
      substances: result.substances ?? [],
      confirmed: true,
    });
    p.lastRelapseOn = day;
  }
}

/** PHQ-9 and GAD-7 on the first day attended in weeks 0, 2, 4… of treatment. */
function administerQuestionnaires(p: Person, day: IsoDate): void {
  const weeks = Math.floor(daysBetween(p.admission.start, day) / 7);
  if (weeks % 2 !== 0 || weeks <= p.lastMeasuredWeek || p.state.status !== "in-phase") return;
  p.lastMeasuredWeek = weeks;
  const mood = {
    weeks,
    attendedShare: p.daysDue === 0 ? 1 : p.daysCame / p.daysDue,
    recentRelapse: p.lastRelapseOn !== undefined && daysBetween(p.lastRelapseOn, day) <= 14,
  };
  p.phq9.push(scorePhq9(phq9Answers(p.traits, mood, p.rng), { administeredOn: day }));
  p.gad7.push(scoreGad7(gad7Answers(p.traits, mood, p.rng), { administeredOn: day }));
}

// ─── Planning and re-planning ────────────────────────────────────────────────────────────────

/**
 * The enrolment as the episode now stands: the phases it went through (plus the demo's
 * extensions) as the planner's path, and — once discharged — the last day in the program. The
 * conference meets before the day's sessions, so a participant discharged on a Monday last took
 * part on the day before: `end` is the day before the discharge.
 */
function enrollmentOf(p: Person): Enrollment {
  const { participant, start, track } = p.admission;
  const path = [...enrollmentPathFromEpisode(p.state), ...p.extensions].sort((a, b) =>
    a.from < b.from ? -1 : a.from > b.from ? 1 : 0,
  );
  const end =
    p.state.status === "discharged" || p.state.status === "aftercare"
      ? addDays(p.state.discharge.on, -1)
      : undefined;
  return parseEnrollment({
    participant,
    start,
    ...(track === undefined ? {} : { track }),
    ...(path.length === 0 ? {} : { path }),
    ...(end === undefined ? {} : { end }),
  });
}

/**
 * Plans the window when an enrolment changed (always, the first time). A re-plan keeps the
 * sessions delivered before `on` (`keep`) and plans the rest of the window around them.
 */
function replan(clinic: Clinic, on: IsoDate, first: boolean): void {
  const { program, input, people } = clinic;
  const enrollments = people.map((p) => enrollmentOf(p));
  // What the planner will follow: the phases by date (a path that restates the default plan is no change).
  const paths = enrollments.map((e) => JSON.stringify(plannedPath(program, e)));
  const changed = people.filter((p, i) => paths[i] !== p.planned);
  if (changed.length === 0) return;
  people.forEach((p, i) => (p.planned = paths[i] ?? ""));
  const plan = planSchedule({
    program,
    enrollments,
    staff: input.staff,
    from: input.from,
    weeks: input.weeks,
    seed: input.seed,
    ...(first ? {} : { keep: { before: on, sessions: clinic.delivered } }),
  });
  clinic.plan = plan;
  clinic.planByDay = byLocalDate(plan.sessions);
  if (first) return;
  const movedIntoPast = plan.sessions.filter(
    (s) => localDate(s) < on && !clinic.deliveredIds.has(s.id),
  ).length;
  clinic.replans.push({ on, changed: changed.map((p) => p.id), movedIntoPast });
}

/** A session's local date: the planner writes instants with the program zone's offset. */
const localDate = (s: ScheduledSession): IsoDate => s.start.slice(0, 10);

function byLocalDate(sessions: readonly ScheduledSession[]): Map<IsoDate, ScheduledSession[]> {
  const days = new Map<IsoDate, ScheduledSession[]>();
  for (const s of sessions) {
    const day = localDate(s);
    const list = days.get(day);
    if (list === undefined) days.set(day, [s]);
    else list.push(s);
  }
  return days;
}

// ─── The end ─────────────────────────────────────────────────────────────────────────────────

/** Collects the records and replays every log: a log iopkit rejects stops the demo. */
function finish(clinic: Clinic): Simulation {
  const { program, input, people, plan } = clinic;
  const episodes = people.map((p) => {
    const r = replayEpisode(p.log, program);
    if (!r.ok)
      throw new Error(
        `the episode log of ${p.id} was rejected at event ${r.index}: ${r.error.code} — ${r.error.message}`,
      );
    return r.state;
  });
  return {
    from: input.from,
    weeks: input.weeks,
    schedule: {
      formatVersion: 2,
      window: { from: input.from, weeks: input.weeks },
      sessions: clinic.delivered,
      groups: plan.groups,
      unschedulable: plan.unschedulable,
      shortfalls: plan.shortfalls,
    },
    enrollments: people.map((p) => enrollmentOf(p)),
    attendance: people.flatMap((p) => p.attendance),
    drugTests: people.flatMap((p) => p.drugTests),
    measures: people.flatMap((p) =>
      [...p.phq9, ...p.gad7].map((score) => ({ participantId: p.id, score })),
    ),
    logs: people.map((p) => ({ participantId: p.id, events: p.log })),
    episodes,
    roles: people.flatMap((p) =>
      p.role === undefined ? [] : [{ participantId: p.id, role: p.role }],
    ),
    replans: clinic.replans,
  };
}
