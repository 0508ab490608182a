/**
 * Will the demo clinic have room? Its next 12 weeks forecast with iopkit/capacity from its own
 * referral rate, admission rate and lengths of stay, the census band set against the groups it
 * runs, and a waitlist run on the first week the groups are full.
 */
import { addDays, type IsoDate, type Program } from "iopkit";
import {
  admitFromWaitlist,
  forecastCapacity,
  stayFromSurvival,
  type CapacityForecast,
  type EnrolledNow,
  type InterimService,
  type OpenSeats,
  type PriorityClass,
  type StayDistribution,
  type WaitlistAlert,
  type WaitlistEntryInput,
  type WaitlistOutcome,
} from "iopkit/capacity";
import type { ClinicAnalytics } from "./analytics";
import { esc, htmlTable } from "./charts";
import { heading, table, wrap } from "./print";
import type { DemoData } from "./run";
import type { Simulation } from "./simulate";
import { treatmentSpan } from "./summary";

const WIDTH = 100;
/** Weeks forecast. */
export const FORECAST_WEEKS = 12;

/** The forecast and the waitlist the report shows. */
export interface ClinicCapacity {
  /** Referrals a week: the clinic's own, over the simulated window. */
  readonly referralsPerWeek: number;
  /** Share of referrals admitted. */
  readonly admissionRate: number;
  /** Where the stays came from: discharges seen, or the planned length when too few left. */
  readonly staySource: string;
  readonly forecast: CapacityForecast;
  /** The same if referrals doubled (a new referral partner): when the groups fill. */
  readonly doubled: CapacityForecast;
  /** Groups the clinic ran in its last week. */
  readonly groupsRunning: number;
  /** The waitlist on the first week the groups are full (or the forecast's last week). */
  readonly waitlistOn: IsoDate;
  readonly waitlist: WaitlistOutcome;
}

/**
 * The clinic's stays in weeks from its Kaplan–Meier retention curve (which counts the people still
 * in treatment, so long stays are not lost), those still there at its end leaving by the program's
 * longest length.
 */
function staysOf(program: Program, analytics: ClinicAnalytics): [StayDistribution, string] {
  const r = analytics.retention;
  return [
    stayFromSurvival(r.curve, program.lengthWeeks.max),
    `the retention curve of ${r.episodes} episodes (${r.censored} still in treatment), the rest leaving by week ${program.lengthWeeks.max}`,
  ];
}

/** Referrals the waitlist scenario adds on `on`: a few in each priority class, asked for in the past fortnight. */
function referralsFor(on: IsoDate, count: number, tracks: readonly string[]): WaitlistEntryInput[] {
  const classes: readonly PriorityClass[] = ["general", "injecting", "general", "pregnant"];
  return Array.from({ length: count }, (_, i) => ({
    participantId: `w-${String(i + 1).padStart(2, "0")}`,
    requestedOn: addDays(on, -(14 - ((i * 5) % 15))),
    priority: classes[i % classes.length] ?? "general",
    ...(tracks.length > 0 && i % 3 === 2 ? { track: tracks[i % tracks.length] ?? "" } : {}),
  }));
}

/** The forecast from the simulated window's own figures, and a waitlist run on the first full week. */
export function clinicCapacity(
  program: Program,
  sim: Simulation,
  analytics: ClinicAnalytics,
  screened: number,
  admitted: number,
  seed: number,
): ClinicCapacity {
  const from = addDays(sim.from, sim.weeks * 7);
  const referralsPerWeek = screened / sim.weeks;
  const admissionRate = screened === 0 ? 0 : admitted / screened;
  const [stay, staySource] = staysOf(program, analytics);
  const tracks = new Map(sim.enrollments.map((e) => [e.participant.id as string, e.track]));
  const enrolled: EnrolledNow[] = sim.episodes.flatMap((e) => {
    const span = treatmentSpan(e);
    if (span === undefined || span.last !== undefined) return [];
    const track = tracks.get(e.participantId);
    return [
      {
        participantId: e.participantId,
        admittedOn: span.first,
        ...(track === undefined ? {} : { track }),
      },
    ];
  });
  const lastWeek = addDays(from, -7);
  const groupsRunning = new Set(
    sim.schedule.sessions
      .filter((s) => s.groupId !== undefined && s.start >= lastWeek)
      .map((s) => s.groupId),
  ).size;
  const options = {
    from,
    weeks: FORECAST_WEEKS,
    referralsPerWeek,
    admissionRate,
    stay,
    enrolled,
    mode: "simulation",
    seed,
    available: { groups: groupsRunning },
  } as const;
  const forecast = forecastCapacity(program, options);
  const doubled = forecastCapacity(program, { ...options, referralsPerWeek: 2 * referralsPerWeek });
  const full = doubled.firstWeekOver ?? forecast.firstWeekOver ?? undefined;
  const week = doubled.weeks[(full?.week ?? FORECAST_WEEKS) - 1];
  const waitlistOn = week?.start ?? from;
  // Seats open that week in the first phase's groups, track by track: the groups the clinic runs
  // there (last week's, at least one intake group per track) hold groupCapacity each, less the
  // forecast's median census.
  const firstPhase = program.phases[0]?.id ?? "";
  const lastWeekGroups = sim.schedule.sessions.filter(
    (s) => s.groupId !== undefined && s.start >= lastWeek && s.phaseId === firstPhase,
  );
  const seats: OpenSeats[] = (week?.groups ?? [])
    .filter((g) => g.phaseId === firstPhase)
    .map((g) => {
      const running = Math.max(
        1,
        new Set(lastWeekGroups.filter((s) => (s.track ?? null) === g.track).map((s) => s.groupId))
          .size,
      );
      const open = Math.max(0, running * program.groupCapacity - (g.census.percentiles[0] ?? 0));
      return {
        groupId: `${firstPhase}-${g.track ?? "all"}`,
        phaseId: firstPhase,
        open,
        ...(g.track === null ? {} : { track: g.track }),
      };
    });
  const names = forecast.weeks[0]?.groups.flatMap((g) => (g.track === null ? [] : [g.track])) ?? [];
  const waitlist = admitFromWaitlist(
    referralsFor(waitlistOn, Math.max(4, Math.round(week?.admissions ?? 0) + 3), [
      ...new Set(names),
    ]),
    { on: waitlistOn, seats },
  );
  return {
    referralsPerWeek,
    admissionRate,
    staySource,
    forecast,
    doubled,
    groupsRunning,
    waitlistOn,
    waitlist,
  };
}

const PRIORITY: Record<PriorityClass, string> = {
  "pregnant-injecting": "pregnant, injects drugs",
  pregnant: "pregnant",
  injecting: "injects drugs",
  general: "no priority",
};

const SERVICE: Record<InterimService, string> = {
  "hiv-tb-counselling": "HIV and TB counselling",
  "hiv-tb-referral": "HIV and TB referral",
  "prenatal-counselling": "prenatal counselling",
  "prenatal-care-referral": "referral for prenatal care",
};

const ALERT: Record<WaitlistAlert["code"], string> = {
  "interim-services-due": "interim services were due by",
  "admission-due": "admit by",
  "admission-overdue": "admission overdue since",
};

const band = (b: { readonly percentiles: readonly number[] } | undefined): string =>
  `${b?.percentiles[0] ?? 0}–${b?.percentiles[1] ?? 0}`;

/** The forecast table's rows: census and groups at the median–90th percentile. */
function rows(c: ClinicCapacity): string[][] {
  return c.forecast.weeks.map((w, i) => {
    const d = c.doubled.weeks[i];
    return [
      w.start,
      band(w.census),
      band(w.totalGroups),
      band(d?.totalGroups),
      String(c.groupsRunning),
      (d?.totalGroups.percentiles[1] ?? 0) > c.groupsRunning ? "full if doubled" : "",
    ];
  });
}

const HEADER = ["week of", "census", "groups needed", "if referrals doubled", "groups running", ""];

/** The forecast in sentences (shared by the console and the report). */
function summary(c: ClinicCapacity): string[] {
  const f = c.forecast;
  const over = c.doubled.firstWeekOver;
  const own = f.firstWeekOver;
  return [
    `From the clinic's own figures: ${c.referralsPerWeek.toFixed(1)} referrals a week, ${Math.round(c.admissionRate * 100)}% admitted, stays from ${c.staySource}; ${f.runs ?? 0} simulated runs. In the long run that is ${f.steadyState.census.toFixed(1)} people in treatment (admissions a week × a mean stay of ${f.steadyState.meanStayWeeks.toFixed(1)} weeks). Census and groups are shown from the middle outcome to the 90th percentile (9 weeks in 10 need no more).`,
    own === null
      ? `At today's referral rate the ${c.groupsRunning} groups running are enough for all ${FORECAST_WEEKS} weeks.`
      : `At today's referral rate the groups are full from the week of ${own.start}.`,
    over === null
      ? "Even with twice the referrals they are enough."
      : `With twice the referrals the groups are full from the week of ${over.start} (${over.shortfalls.map((s) => `${s.needed} groups needed, ${s.available} running`).join("; ")}): open another group before then, or keep a waitlist.`,
  ];
}

/** One line per person on the waitlist. */
function waitlistLines(c: ClinicCapacity): string[] {
  return [
    ...c.waitlist.admitted.map(
      (a) =>
        `admitted ${a.participantId} (${PRIORITY[a.priority]}) to the ${a.groupId} group after ${a.daysWaited} days`,
    ),
    ...c.waitlist.waiting.map((w) => {
      const services =
        w.interimServicesDue.length === 0
          ? ""
          : `; still to offer: ${w.interimServicesDue.map((x) => SERVICE[x]).join(", ")}`;
      const alerts = w.alerts.map((a) => `; ${ALERT[a.code]} ${a.due}`).join("");
      return `waiting, number ${w.position}: ${w.entry.participantId} (${PRIORITY[w.entry.priority]}${w.entry.track === undefined ? "" : `, ${w.entry.track} track`}), ${w.daysWaited} days${services}${alerts}`;
    }),
  ];
}

/** The console section: the census band against the groups, the first full week, the waitlist. */
export function capacitySection(c: ClinicCapacity): string {
  return [
    heading(`Will we have room? The next ${FORECAST_WEEKS} weeks`),
    ...summary(c).map((line) => wrap(line, WIDTH, 0)),
    table(HEADER, rows(c)),
    heading(`Waitlist on ${c.waitlistOn}`),
    ...waitlistLines(c).map((line) => wrap(`  ${line}`, WIDTH, 4)),
  ].join("\n");
}

/** The report's section: the same, for the clinic manager. */
export function capacityReportSection({ capacity: c }: DemoData): {
  readonly id: string;
  readonly heading: string;
  readonly html: string;
} {
  return {
    id: "capacity",
    heading: `Will we have room? The next ${FORECAST_WEEKS} weeks`,
    html: `${summary(c)
      .map((p) => `<p>${esc(p)}</p>`)
      .join(
        "",
      )}${htmlTable(HEADER, rows(c))}<h3>Waitlist on ${esc(c.waitlistOn)}</h3><p>Priority first (pregnant women and people who inject drugs, as the federal block grant asks), then first come, first served; nobody is admitted over a group's capacity.</p><ul>${waitlistLines(
      c,
    )
      .map((l) => `<li>${esc(l)}</li>`)
      .join("")}</ul>`,
  };
}
