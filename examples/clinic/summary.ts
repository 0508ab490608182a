/**
 * The figures the demo prints and charts, computed from the simulation with iopkit's own
 * functions: census by phase per ISO week, weekly compliance and attendance per participant,
 * outcomes (discharges, PHQ-9 change), the stories worth telling, aftercare plans.
 */
import {
  addDays,
  attendanceSummary,
  daysBetween,
  measureChange,
  planAftercare,
  weeklyCompliance,
  type AftercarePlan,
  type EpisodeEvent,
  type EpisodeState,
  type Group,
  type IsoDate,
  type Participant,
  type ParticipantId,
  type Program,
  type TotalScore,
  type WeekCompliance,
} from "iopkit";
import { censusByPhase } from "iopkit/analytics";
import { percent } from "./print";
import type { Role, Simulation } from "./simulate";

/** One ISO week of the census: who was in treatment, by phase, and what happened that week. */
export interface WeekCensus {
  readonly isoWeek: string;
  readonly monday: IsoDate;
  /** People in each phase (in the program's phase order) on their last day in treatment that week. */
  readonly byPhase: readonly number[];
  /** Everyone in treatment on at least one day of the week (the sum of `byPhase`). */
  readonly inTreatment: number;
  readonly started: number;
  readonly steppedDown: number;
  readonly steppedUp: number;
  readonly discharged: number;
}

/** The first and last day a participant was in treatment (the last is `undefined` while in it). */
export function treatmentSpan(
  episode: EpisodeState,
): { first: IsoDate; last: IsoDate | undefined } | undefined {
  if (episode.status === "referred" || episode.status === "assessed") return undefined;
  const first = episode.treatment?.phaseHistory[0]?.from;
  if (first === undefined) return undefined;
  const discharged = episode.status === "discharged" || episode.status === "aftercare";
  // Discharges are decided before the day's sessions: the last day in treatment is the day before.
  return { first, last: discharged ? addDays(episode.discharge.on, -1) : undefined };
}

/**
 * Census by phase per ISO week of the window (iopkit's `censusByPhase` over the episode logs):
 * everyone in treatment on at least one day of the week, in the phase of their last such day.
 */
export function censusByWeek(program: Program, sim: Simulation): WeekCensus[] {
  const report = censusByPhase(
    { episodes: sim.logs.map((l) => l.events) },
    { program, from: sim.from, to: addDays(sim.from, sim.weeks * 7 - 1) },
  );
  return report.periods.map((p) => ({
    isoWeek: p.label,
    monday: p.start,
    byPhase: program.phases.map((ph) => p.byPhase[ph.id] ?? 0),
    inTreatment: p.inTreatment,
    started: p.started,
    steppedDown: p.steppedDown,
    steppedUp: p.steppedUp,
    discharged: p.discharged,
  }));
}

/** How an episode stands at the end: its discharge, or the phase it is in. */
export function outcomeOf(program: Program, episode: EpisodeState): string {
  switch (episode.status) {
    case "discharged":
    case "aftercare":
      return episode.discharge.type === "not-completed"
        ? `not completed (${episode.discharge.reason})`
        : episode.discharge.type;
    case "in-phase":
      return `in ${program.phases[episode.phase.index]?.name ?? episode.phase.id}`;
    default:
      return episode.status;
  }
}

/** One participant's line in the compliance table. */
export interface ComplianceRow {
  readonly participantId: ParticipantId;
  readonly track: string;
  /** Their ISO weeks judged against the phase band (partial weeks against the prorated band). */
  readonly within: number;
  readonly below: number;
  readonly above: number;
  /** Attended ÷ (attended + unexcused absences); `null` with nothing counted. */
  readonly rate: number | null;
  readonly unexcused: number;
  readonly outcome: string;
  /** The weeks themselves, for the charts. */
  readonly weeks: readonly WeekCompliance[];
}

/** Weekly compliance (`weeklyCompliance`) and attendance (`attendanceSummary`) per participant. */
export function complianceRows(program: Program, sim: Simulation): ComplianceRow[] {
  const asOf = addDays(sim.from, sim.weeks * 7 - 1);
  const { schedule, attendance, enrollments } = sim;
  const weeks = weeklyCompliance({ program, schedule, attendance, enrollments, asOf });
  const summaries = new Map(
    attendanceSummary({ program, schedule, attendance, asOf }).map((s) => [s.participantId, s]),
  );
  return sim.episodes.map((episode) => {
    const id = episode.participantId;
    const mine = weeks.filter((w) => w.participantId === id);
    const summary = summaries.get(id);
    const track =
      schedule.sessions.find((s) => s.track !== undefined && s.participantIds.includes(id))
        ?.track ?? "—";
    return {
      participantId: id,
      track,
      within: mine.filter((w) => w.status === "within").length,
      below: mine.filter((w) => w.status === "below").length,
      above: mine.filter((w) => w.status === "above").length,
      rate: summary?.rate ?? null,
      unexcused: summary?.unexcused ?? 0,
      outcome: outcomeOf(program, episode),
      weeks: mine,
    };
  });
}

/** A group of the final plan: who was in it and when, and how many of its sessions were held. */
export interface GroupRoster {
  readonly group: Group;
  readonly phaseName: string;
  readonly sessionsDelivered: number;
}

/**
 * Each group of the plan in force at the end, with its phase's name and the number of its
 * sessions in the schedule as delivered (a group an earlier plan merged away keeps the sessions it
 * held under its own id, so the counts can sum to less than the group sessions delivered).
 */
export function groupRosters(program: Program, sim: Simulation): GroupRoster[] {
  const held = new Map<string, number>();
  for (const s of sim.schedule.sessions)
    if (s.groupId !== undefined) held.set(s.groupId, (held.get(s.groupId) ?? 0) + 1);
  return sim.schedule.groups.map((group) => ({
    group,
    phaseName: program.phases.find((p) => p.id === group.phaseId)?.name ?? group.phaseId,
    sessionsDelivered: held.get(group.id) ?? 0,
  }));
}

/** The census table's cells, one row per ISO week (the console and the report). */
export function censusCells(census: readonly WeekCensus[]): string[][] {
  return census.map((w) => [
    w.isoWeek,
    w.monday,
    ...w.byPhase.map(String),
    String(w.inTreatment),
    String(w.started),
    String(w.steppedDown),
    String(w.steppedUp),
    String(w.discharged),
  ]);
}

/** The compliance table's cells, one row per participant (the console and the report). */
export function complianceCells(rows: readonly ComplianceRow[]): string[][] {
  return rows.map((r) => [
    r.participantId,
    r.track,
    String(r.within + r.below + r.above),
    String(r.within),
    String(r.below),
    String(r.above),
    percent(r.rate),
    String(r.unexcused),
    r.outcome,
  ]);
}

/** A participant's PHQ-9 scores in order, with the week of treatment each was given in. */
export interface Phq9Trajectory {
  readonly participantId: ParticipantId;
  readonly points: readonly { readonly week: number; readonly total: number }[];
}

/** PHQ-9 trajectories: week of treatment (from the first phase's start) → total. */
export function phq9Trajectories(sim: Simulation): Phq9Trajectory[] {
  return sim.episodes.map((episode) => {
    const first = treatmentSpan(episode)?.first;
    const points = phq9Of(sim, episode.participantId).map((s) => ({
      week:
        first === undefined || s.administeredOn === undefined
          ? 0
          : Math.floor(daysBetween(first, s.administeredOn) / 7),
      total: s.total,
    }));
    return { participantId: episode.participantId, points };
  });
}

function phq9Of(sim: Simulation, id: ParticipantId): TotalScore[] {
  return scoresOf(sim, id, "phq-9");
}

function scoresOf(sim: Simulation, id: ParticipantId, instrument: "phq-9" | "gad-7"): TotalScore[] {
  return sim.measures.flatMap((m) =>
    m.participantId === id && m.score.instrument === instrument && "total" in m.score
      ? [m.score]
      : [],
  );
}

/** First and last score of each participant with two or more. */
function firstAndLast(
  sim: Simulation,
  instrument: "phq-9" | "gad-7",
): { first: TotalScore; last: TotalScore }[] {
  return sim.episodes.flatMap((e) => {
    const scores = scoresOf(sim, e.participantId, instrument);
    const first = scores[0];
    const last = scores[scores.length - 1];
    return first !== undefined && last !== undefined && scores.length >= 2 ? [{ first, last }] : [];
  });
}

/** The outcomes section: how episodes ended, and PHQ-9 change from baseline to the last score. */
export interface Outcomes {
  /** Counts by how the episode stands at the end (a discharge, or the phase still in). */
  readonly byOutcome: readonly { readonly outcome: string; readonly count: number }[];
  readonly phq9: {
    /** Participants with a baseline and at least one later score. */
    readonly measured: number;
    readonly meanBaseline: number;
    readonly meanLast: number;
    readonly improved: number;
    /** At least 50% below baseline (`measureChange`: CBE 1885, depression response). */
    readonly response: number;
    /** Last score below 5. */
    readonly remission: number;
  };
  /** GAD-7 (no response or remission rule in a source iopkit relies on: the change only). */
  readonly gad7: {
    readonly measured: number;
    readonly meanBaseline: number;
    readonly meanLast: number;
  };
}

/** Discharge counts and PHQ-9 change (`measureChange`) baseline → last. */
export function outcomes(program: Program, sim: Simulation): Outcomes {
  const counts = new Map<string, number>();
  for (const e of sim.episodes) {
    const o = outcomeOf(program, e);
    counts.set(o, (counts.get(o) ?? 0) + 1);
  }
  const changes = firstAndLast(sim, "phq-9").map(({ first, last }) => measureChange(first, last));
  const gad7 = firstAndLast(sim, "gad-7");
  const mean = (xs: readonly number[]): number =>
    xs.length === 0 ? 0 : Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10;
  return {
    byOutcome: [...counts]
      .map(([outcome, count]) => ({ outcome, count }))
      .sort((a, b) => b.count - a.count || (a.outcome < b.outcome ? -1 : 1)),
    phq9: {
      measured: changes.length,
      meanBaseline: mean(changes.map((c) => c.scales[0]?.baseline ?? 0)),
      meanLast: mean(changes.map((c) => c.scales[0]?.followUp ?? 0)),
      improved: changes.filter((c) => c.scales[0]?.direction === "improved").length,
      response: changes.filter((c) => c.response?.met === true).length,
      remission: changes.filter((c) => c.remission?.met === true).length,
    },
    gad7: {
      measured: gad7.length,
      meanBaseline: mean(gad7.map((g) => g.first.total)),
      meanLast: mean(gad7.map((g) => g.last.total)),
    },
  };
}

/** A scripted story, told from its participant's episode log. */
export interface Story {
  readonly role: Role;
  readonly participantId: ParticipantId;
  readonly name: string;
  /** Dated lines, in order, from the first phase's start. */
  readonly lines: readonly { readonly on: IsoDate; readonly text: string }[];
}

const ROLE_TITLES: Record<Role, string> = {
  "relapse-and-step-up": "A relapse, a review and a step-up",
  "transfer-higher": "A transfer to a higher level of care",
  "drop-out": "Lost to contact",
};

/** The title of a story. */
export const storyTitle = (role: Role): string => ROLE_TITLES[role];

/** The scripted stories as dated sentences. */
export function stories(
  program: Program,
  sim: Simulation,
  participants: ReadonlyMap<string, Participant>,
): Story[] {
  return sim.roles.map(({ participantId, role }) => {
    const events = sim.logs.find((l) => l.participantId === participantId)?.events ?? [];
    const lines = narrate(program, events);
    const last = lastAttended(sim, participantId);
    if (role === "drop-out" && last !== undefined && lines.length > 1)
      lines.splice(lines.length - 1, 0, { on: last, text: "comes for the last time" });
    return {
      role,
      participantId,
      name: participants.get(participantId)?.name ?? participantId,
      lines,
    };
  });
}

/** The last day a participant attended a session, if any. */
function lastAttended(sim: Simulation, id: ParticipantId): IsoDate | undefined {
  const attended = new Set(
    sim.attendance
      .filter((a) => a.participantId === id && a.minutesAttended > 0)
      .map((a) => a.sessionId),
  );
  const days = sim.schedule.sessions
    .filter((s) => attended.has(s.id))
    .map((s) => s.start.slice(0, 10))
    .sort();
  return days[days.length - 1];
}

/** Each clinical event of a log as a sentence (routine plan reviews left out). */
export function narrate(
  program: Program,
  events: readonly EpisodeEvent[],
): { on: IsoDate; text: string }[] {
  let index = 0;
  const name = (i: number): string => program.phases[i]?.name ?? `phase ${i + 1}`;
  const lines: { on: IsoDate; text: string }[] = [];
  for (const e of events) {
    const text = ((): string | undefined => {
      switch (e.kind) {
        case "phase-started":
          return `starts the ${name(index)} phase`;
        case "stepped-down":
          index += 1;
          return `steps down to ${name(index)}`;
        case "stepped-up":
          index -= 1;
          return `steps up to ${name(index)}`;
        case "relapse-reported":
          return `reports a relapse (${(e.substances ?? []).join(", ")}): a review is opened`;
        case "positive-test-recorded":
          return `positive drug test (${(e.substances ?? []).join(", ")}${e.confirmed === true ? ", lab-confirmed" : ""})`;
        case "clinical-review-held":
          return e.outcome === "step-down"
            ? "clinical review: signed off to leave the phase"
            : `clinical review decides: ${e.outcome}`;
        case "discharged":
          return `discharged: ${e.type}, ${e.reason}${e.referredTo === undefined ? "" : `, referred to ${e.referredTo}`}`;
        case "aftercare-started":
          return "aftercare starts";
        default:
          return undefined;
      }
    })();
    if (text !== undefined) lines.push({ on: e.on, text });
  }
  return lines;
}

/** A discharged participant's aftercare plan. */
export interface PlannedAftercare {
  readonly participantId: ParticipantId;
  readonly plan: AftercarePlan;
}

/** `planAftercare` for every discharged participant, from the day of discharge. */
export function aftercarePlans(
  program: Program,
  sim: Simulation,
  participants: ReadonlyMap<string, Participant>,
): PlannedAftercare[] {
  return sim.episodes.flatMap((episode) => {
    const participant = participants.get(episode.participantId);
    if (episode.status !== "discharged" && episode.status !== "aftercare") return [];
    if (participant === undefined) return [];
    const plan = planAftercare({ participant, episode, program, from: episode.discharge.on });
    return [{ participantId: episode.participantId, plan }];
  });
}
