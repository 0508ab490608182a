/**
 * The whole demo as one pure function: options in; the console text, the files to write and the
 * data behind them out. `examples/demo.ts` prints and writes; tests call {@link buildDemo}
 * directly. Nothing here reads a clock or the environment, so the same options give the same
 * bytes.
 */
import {
  addDays,
  admissionTracks,
  assessEligibility,
  canDisclose,
  checkSchedule,
  instantToZoned,
  parseDisclosureRequest,
  programTemplates,
  toFhirBundle,
  toICalendar,
  zonedInstant,
  type Consent,
  type DisclosureDecision,
  type EligibilityDecision,
  type Instant,
  type IsoDate,
  type Participant,
  type Program,
  type Violation,
} from "iopkit";
import { clinicAnalytics, type ClinicAnalytics } from "./analytics";
import { payerView, type PayerView } from "./payer";
import { clinicCapacity, type ClinicCapacity } from "./capacity";
import type { DemoOptions } from "./options";
import { CLINIC_NAME, PRIMARY_CARE, referrals, type ReferralKind } from "./referrals";
import { renderReport } from "./report";
import { simulateClinic, type Admission, type Simulation } from "./simulate";
import { staffFor } from "./staff";
import { withClinicVenues, withTelehealth } from "./venues";
import {
  aftercarePlans,
  censusByWeek,
  complianceRows,
  outcomes,
  phq9Trajectories,
  stories,
  treatmentSpan,
  type ComplianceRow,
  type Outcomes,
  type Phq9Trajectory,
  type PlannedAftercare,
  type Story,
  type WeekCensus,
} from "./summary";
import { consoleText } from "./text";

/** The first day of the window: two weeks before the US autumn DST change (2026-11-01). */
export const FROM = "2026-10-19";
/** Admissions start on the Monday and Wednesday of the first two weeks (days after {@link FROM}). */
const START_OFFSETS = [0, 2, 7, 9];

/** A screened referral. */
export interface Screened {
  readonly kind: ReferralKind;
  readonly participant: Participant;
  readonly decision: EligibilityDecision;
}

/** A consent check shown in the demo: the question in words, and `canDisclose`'s answer. */
export interface ConsentCheck {
  readonly question: string;
  readonly decision: DisclosureDecision;
}

/** When the clocks change in the window, if they do. */
export interface ClockChange {
  /** The first day on the new offset. */
  readonly date: IsoDate;
  /** UTC offsets in minutes before and after. */
  readonly before: number;
  readonly after: number;
}

/** Everything the demo computed, for the console, the report and the tests. */
export interface DemoData {
  readonly options: DemoOptions;
  readonly program: Program;
  readonly screened: readonly Screened[];
  readonly admissions: readonly Admission[];
  readonly sim: Simulation;
  readonly violations: readonly Violation[];
  readonly census: readonly WeekCensus[];
  readonly compliance: readonly ComplianceRow[];
  readonly outcomes: Outcomes;
  readonly trajectories: readonly Phq9Trajectory[];
  readonly stories: readonly Story[];
  readonly aftercare: readonly PlannedAftercare[];
  /** The plan printed in full: the relapse story's if they completed, else the first completed. */
  readonly featuredAftercare: PlannedAftercare | undefined;
  readonly consentChecks: readonly ConsentCheck[];
  /** Program analytics and the manager's action list, as of the window's last day. */
  readonly analytics: ClinicAnalytics;
  /** One payer's authorisations, their ledger and billable days per week, on the window's last day. */
  readonly payer: PayerView;
  /** The next 12 weeks' census and groups (iopkit/capacity), and a waitlist on the first full week. */
  readonly capacity: ClinicCapacity;
  readonly clockChange: ClockChange | undefined;
  /** Whose calendar the report shows: someone in treatment across the clock change. */
  readonly calendarOf: Participant | undefined;
  /** The files' "now" (iopkit reads no clock): the evening of the window's last day. */
  readonly now: Instant;
  readonly participants: ReadonlyMap<string, Participant>;
}

/** A file to write, relative to the output folder. */
export interface OutputFile {
  readonly path: string;
  readonly content: string;
}

/** What {@link buildDemo} gives back. */
export interface DemoResult {
  readonly data: DemoData;
  /** The console output (stdout). */
  readonly text: string;
  readonly files: readonly OutputFile[];
}

/** Reports a step of the demo (for a progress line). */
export type Progress = (step: number, of: number, message: string) => void;

const STEPS = 6;

/** Runs the demo clinic end to end. */
export function buildDemo(options: DemoOptions, progress: Progress = () => undefined): DemoResult {
  // 1. The program: the adult substance-use template, closed on Thanksgiving and Christmas Day.
  progress(1, STEPS, "defining the program");
  // Its rooms and a telehealth evening (hybrid Thursday groups): see venues.ts.
  const program = withClinicVenues(
    programTemplates.substanceUseAdult({
      timeZone: options.zone,
      closures: ["2026-11-26", "2026-12-25"],
    }),
    options.participants,
  );

  // 2. Screening: every referral gets an explained decision; the admitted get a start date.
  progress(2, STEPS, `screening ${options.participants} referrals`);
  // Some can join by video from home (see venues.ts).
  const screened = referrals(options.participants, options.seed, addDays(FROM, -7)).map(
    ({ kind, participant }, i) => ({
      kind,
      participant: withTelehealth(participant, i),
      decision: assessEligibility(participant, program),
    }),
  );
  const admissions = admit(screened);
  const participants = new Map(screened.map((s) => [s.participant.id as string, s.participant]));

  // 3. Twelve weeks (or --weeks) of the clinic, day by day.
  const staff = staffFor(program, admissions.length);
  const sim = simulateClinic({
    program,
    staff,
    admissions,
    from: FROM,
    weeks: options.weeks,
    seed: options.seed,
    onWeek: (week, weeks) => progress(3, STEPS, `simulating week ${week} of ${weeks}`),
  });

  // 4. What happened: the schedule checked against S1–S16, compliance, outcomes, aftercare.
  progress(4, STEPS, "checking the schedule, compliance and outcomes");
  const violations = checkSchedule(sim.schedule, { program, enrollments: sim.enrollments, staff });
  const aftercare = aftercarePlans(program, sim, participants);
  const lastDay = addDays(FROM, options.weeks * 7 - 1);
  const featuredAftercare = featured(sim, aftercare);
  const clockChange = findClockChange(options.zone, FROM, options.weeks * 7);
  const analytics = clinicAnalytics(program, sim, participants, options.seed);
  const data: DemoData = {
    options,
    program,
    screened,
    admissions,
    sim,
    violations,
    census: censusByWeek(program, sim),
    compliance: complianceRows(program, sim),
    outcomes: outcomes(program, sim),
    trajectories: phq9Trajectories(sim),
    stories: stories(program, sim, participants),
    aftercare,
    featuredAftercare,
    consentChecks: consentChecks(
      participants.get(featuredAftercare?.participantId ?? admissions[0]?.participant.id ?? ""),
      lastDay,
    ),
    analytics,
    payer: payerView(program, sim, lastDay),
    capacity: clinicCapacity(
      program,
      sim,
      analytics,
      screened.length,
      admissions.length,
      options.seed,
    ),
    clockChange,
    calendarOf: calendarParticipant(sim, participants, clockChange),
    now: zonedInstant(lastDay, "20:00", options.zone),
    participants,
  };

  // 5. Exports: FHIR R4, a calendar per participant, the episode logs, the schedule.
  progress(5, STEPS, "exporting FHIR, calendars and episode logs");
  const files = exports(data);

  // 6. The report, then the console text (which lists the files and their sizes).
  progress(6, STEPS, "writing the report");
  const report: OutputFile = { path: "report.html", content: renderReport(data) };
  const all = [report, ...files];
  return { data, text: consoleText(data, all), files: all };
}

/** The admitted, with their dates and the track their decision names. */
function admit(screened: readonly Screened[]): Admission[] {
  return screened
    .filter((s) => s.decision.outcome === "admit" || s.decision.outcome === "admit-with-conditions")
    .map((s, i) => {
      const track = admissionTracks(s.decision)?.[0];
      return {
        participant: s.participant,
        decision: s.decision,
        referredOn: addDays(FROM, -10),
        assessedOn: addDays(FROM, -7),
        admittedOn: addDays(FROM, -5),
        start: addDays(FROM, START_OFFSETS[i % START_OFFSETS.length] ?? 0),
        ...(track === undefined ? {} : { track }),
      };
    });
}

function featured(
  sim: Simulation,
  plans: readonly PlannedAftercare[],
): PlannedAftercare | undefined {
  const relapse = sim.roles.find((r) => r.role === "relapse-and-step-up")?.participantId;
  const completed = plans.filter((p) => p.plan.discharge.type === "completed");
  return completed.find((p) => p.participantId === relapse) ?? completed[0] ?? plans[0];
}

/**
 * Two disclosures checked against the participant's intake consent (42 CFR Part 2): attendance
 * and drug tests to their primary-care practice, for treatment — allowed, with the notice; drug
 * tests to their employer — denied, with every reason.
 */
function consentChecks(participant: Participant | undefined, on: IsoDate): ConsentCheck[] {
  const consent: Consent | undefined = participant?.consents[0];
  if (participant === undefined || consent === undefined) return [];
  const patient = { id: participant.id, name: participant.name ?? participant.id };
  const toDoctor = parseDisclosureRequest({
    patient,
    discloser: CLINIC_NAME,
    recipient: { name: PRIMARY_CARE },
    purpose: "treatment",
    information: ["attendance", "drug-tests"],
    on,
  });
  const toEmployer = parseDisclosureRequest({
    patient,
    discloser: CLINIC_NAME,
    recipient: { name: "Acme Logistics", classes: ["employer"] },
    purpose: "other",
    information: ["drug-tests"],
    on,
  });
  return [
    {
      question: `${participant.id}'s attendance and drug tests to ${PRIMARY_CARE} (their primary care), for treatment`,
      decision: canDisclose(consent, toDoctor),
    },
    {
      question: `${participant.id}'s drug tests to Acme Logistics (their employer)`,
      decision: canDisclose(consent, toEmployer),
    },
  ];
}

/** The first day in the window whose UTC offset differs from the day before's (at noon). */
export function findClockChange(
  zone: string,
  from: IsoDate,
  days: number,
): ClockChange | undefined {
  const offset = (d: IsoDate): number =>
    instantToZoned(zonedInstant(d, "12:00", zone), zone).offsetMinutes;
  let previous = offset(from);
  for (let i = 1; i < days; i++) {
    const date = addDays(from, i);
    const current = offset(date);
    if (current !== previous) return { date, before: previous, after: current };
    previous = current;
  }
  return undefined;
}

/** Someone in treatment on both sides of the clock change, on the evening track if possible. */
function calendarParticipant(
  sim: Simulation,
  participants: ReadonlyMap<string, Participant>,
  change: ClockChange | undefined,
): Participant | undefined {
  const across = sim.episodes.filter((e) => {
    const span = treatmentSpan(e);
    if (span === undefined) return false;
    if (change === undefined) return true;
    return span.first < change.date && (span.last === undefined || span.last > change.date);
  });
  const evening = across.find((e) =>
    sim.schedule.sessions.some(
      (s) => s.track === "evening" && s.participantIds.includes(e.participantId),
    ),
  );
  const chosen = evening ?? across[0];
  return chosen === undefined ? undefined : participants.get(chosen.participantId);
}

/** The schedule, the episode logs, the FHIR bundle and a calendar per participant. */
function exports(data: DemoData): OutputFile[] {
  const { program, sim, now, options } = data;
  const { bundle, omitted } = toFhirBundle(
    {
      program,
      enrollments: sim.enrollments,
      schedule: sim.schedule,
      attendance: sim.attendance,
      drugTests: sim.drugTests,
      measures: sim.measures,
      episodes: sim.episodes,
    },
    { now },
  );
  if (omitted.length > 0)
    throw new Error(
      `toFhirBundle left out ${omitted.length} record(s): ${omitted[0]?.message ?? ""}`,
    );
  const calendars = sim.episodes.map((e) => ({
    path: `calendars/${e.participantId}.ics`,
    content: toICalendar(sim.schedule.sessions, {
      timeZone: options.zone,
      now,
      for: { participantId: e.participantId },
      calendarName: "My IOP sessions",
      uidDomain: "riverside.example",
    }),
  }));
  return [
    { path: "schedule.json", content: `${JSON.stringify(sim.schedule, null, 2)}\n` },
    {
      path: "episodes.json",
      content: `${JSON.stringify({ programId: program.id, logs: sim.logs }, null, 2)}\n`,
    },
    { path: "fhir-bundle.json", content: `${JSON.stringify(bundle)}\n` },
    ...calendars,
  ];
}
