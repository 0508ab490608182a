/**
 * The report's sections for the clinic manager: the action list, then the program's figures —
 * census over time, retention, length of stay, attendance, questionnaire outcomes, follow-up
 * after other care and the state discharge report. Written for a manager: plain words, each
 * term explained where it first appears, no code names.
 */
import { COLOURS, PHASE_COLOURS, esc, htmlTable, legend, lineChart, stackedBars } from "./charts";
import { percent } from "./print";
import type { ActionItem, ClinicAnalytics } from "./analytics";
import { label } from "./analytics";
import type { DemoData } from "./run";

/** A section of the page. */
export interface ReportSection {
  readonly id: string;
  readonly heading: string;
  readonly html: string;
}

const KIND_LABELS: Record<ActionItem["kind"], string> = {
  safety: "Safety",
  absences: "Missed sessions",
  "losing-contact": "Losing contact",
  "positive-test": "Positive drug test",
  "worse-scores": "Feeling worse",
  "review-due": "Review due",
  "questionnaire-due": "Questionnaire due",
};

/** The action list, first thing a manager reads. */
export function actionsSection({ analytics }: DemoData): ReportSection {
  const rows = analytics.actions.map((a) => [
    a.when === "today" ? "Today" : "This week",
    KIND_LABELS[a.kind],
    `${a.name} (${a.participantId})`,
    a.what,
  ]);
  const intro = `<p>What needs someone's attention on ${esc(analytics.asOf)}, the last day of this report, for the ${analytics.census.periods.at(-1)?.inTreatment ?? 0} people in treatment that week. "Today" items come first: a possible safety concern, people missing sessions or not coming at all. "Lost to contact" means the program has not seen someone for 14 days; the list warns from half that.</p>`;
  return {
    id: "actions",
    heading: "Action list for the clinic manager",
    html:
      rows.length === 0
        ? `${intro}<p>Nothing needs attention.</p>`
        : `${intro}${htmlTable(["when", "why", "who", "what to do"], rows, { minWidth: 640 })}`,
  };
}

/** Census by phase per week, from the episode records. */
export function censusOverTimeSection({ analytics, program }: DemoData): ReportSection {
  const { periods } = analytics.census;
  const names = program.phases.map((p) => p.name);
  const chart = stackedBars({
    id: "census-analytics",
    title: "People in treatment each week, by phase",
    desc: `People in treatment each week: ${periods.map((p) => `${p.label}: ${p.inTreatment}`).join(", ")}.`,
    yLabel: "people",
    xLabels: periods.map((p) => p.label.slice(5)),
    categories: names,
    colours: PHASE_COLOURS,
    values: periods.map((p) => program.phases.map((ph) => p.byPhase[ph.id] ?? 0)),
  });
  const rows = periods.map((p) => [
    p.label,
    String(p.inTreatment),
    String(p.started),
    String(p.steppedDown),
    String(p.steppedUp),
    String(p.discharged),
  ]);
  return {
    id: "census-over-time",
    heading: "Census over time",
    html: `<p>The census is the number of people in treatment. Each week counts everyone who was in treatment on at least one of its days, once, in the phase they were in on their last day that week; the day someone is discharged is not a day in treatment.</p>${chart}<details><summary>Week by week</summary>${htmlTable(["week", "in treatment", "started", "stepped down", "stepped up", "discharged"], rows, { numeric: [1, 2, 3, 4, 5] })}</details>`,
  };
}

/** Retention as a Kaplan–Meier curve, with 14/30/60-day figures and how people left. */
export function retentionSection({ analytics }: DemoData): ReportSection {
  const r = analytics.retention;
  const last = Math.max(0, ...r.curve.map((s) => s.day), ...r.at.map((a) => a.day));
  const days = Array.from({ length: Math.floor(last / 7) + 1 }, (_, w) => w * 7);
  const survivalAt = (day: number): number =>
    r.curve.filter((s) => s.day <= day).at(-1)?.survival ?? 1;
  const lowerAt = (day: number): number | null =>
    r.curve.filter((s) => s.day <= day).at(-1)?.lower ?? 1;
  const upperAt = (day: number): number | null =>
    r.curve.filter((s) => s.day <= day).at(-1)?.upper ?? 1;
  const pct = (x: number | null): number | null => (x === null ? null : Math.round(x * 1000) / 10);
  const chart = lineChart({
    id: "retention",
    title: "Share still in treatment, by days since the first day",
    desc: `Retention by week of treatment: ${days.map((d) => `day ${d}: ${percent(survivalAt(d))}`).join(", ")}.`,
    yLabel: "% still in treatment",
    xLabels: days.map((d) => `day ${d}`),
    yMax: 100,
    series: [
      {
        name: "95% interval, lower",
        colour: COLOURS.grey,
        width: 1,
        values: days.map((d) => pct(lowerAt(d))),
      },
      {
        name: "95% interval, upper",
        colour: COLOURS.grey,
        width: 1,
        values: days.map((d) => pct(upperAt(d))),
      },
      {
        name: "still in treatment",
        colour: COLOURS.teal,
        width: 3,
        dots: true,
        values: days.map((d) => pct(survivalAt(d))),
      },
    ],
  });
  const keys = legend([
    { label: "still in treatment", colour: COLOURS.teal, kind: "line" },
    { label: "95% interval", colour: COLOURS.grey, kind: "line" },
  ]);
  const o = r.outcomes;
  const at = r.at.map((a) => [
    `${a.day} days`,
    percent(a.survival),
    `${percent(a.lower)}–${percent(a.upper)}`,
    String(a.atRisk),
  ]);
  return {
    id: "retention",
    heading: "Retention in treatment",
    html: `<p>Retention is the share of people still in treatment a given number of days after their first day. People who are still in treatment today have not finished their stay, so they are counted for as long as they have been here and no further (the Kaplan–Meier method, the standard way to count unfinished stays without making retention look worse than it is). The grey lines are a 95% interval: with this few people, read the figure as likely somewhere between them.</p>${chart}${keys}${htmlTable(["after", "still in treatment", "95% interval", "people followed that long"], at, { numeric: [1, 3] })}<p>${r.medianDays === null ? "More than half are still in treatment at every point so far." : `Half had left by day ${r.medianDays}.`} Of the ${o.discharged} people who have left, ${o.completed} completed the program (${percent(o.completionRate)}) and ${o.positiveConclusion} either completed or moved on to other treatment (${percent(o.positiveConclusionRate)}): the "positive conclusion" figure the national discharge reports use.</p>`,
  };
}

/** Length of stay of those who left, by the state report's method, with its bins. */
export function staySection({ analytics }: DemoData): ReportSection {
  const s = analytics.stays;
  const weeks = Array.from({ length: 13 }, (_, w) => w);
  const counts = weeks.map(
    (w) => s.episodes.filter((e) => Math.min(12, Math.floor((e.days - 1) / 7)) === w).length,
  );
  const chart = stackedBars({
    id: "stays",
    title: "Length of stay of those who left, in weeks",
    desc: `Stays by week: ${weeks.map((w, i) => `week ${w + 1}: ${counts[i] ?? 0}`).join(", ")}.`,
    yLabel: "people",
    xLabels: weeks.map((w) => (w === 12 ? "13+" : String(w + 1))),
    categories: ["people who left in that week of their stay"],
    colours: [COLOURS.blue],
    values: counts.map((c) => [c]),
  });
  const q = s.summary;
  return {
    id: "stays",
    heading: "Length of stay",
    html: `<p>How long people stayed, counted the way the state's discharge report counts it: from the first day of treatment to the last day they actually came (or to the discharge, if earlier), both days included. ${q.count === 0 ? "Nobody has left yet." : `For the ${q.count} people who have left, the middle stay (median) was ${q.median} days and half stayed between ${q.q1} and ${q.q3} days; the average is ${Math.round((q.mean ?? 0) * 10) / 10} days (stays are lopsided, so the median says more).`}</p>${chart}`,
  };
}

/** Attendance kept apart by outcome, per phase. */
export function attendanceOverviewSection({ analytics, program }: DemoData): ReportSection {
  const a = analytics.attendance;
  const name = (id: string): string => program.phases.find((p) => p.id === id)?.name ?? id;
  const rows = [
    ...a.byPhase.map((p) => ({ ...p, key: name(p.key) })),
    { ...a.total, key: "all" },
  ].map((p) => [
    p.key,
    String(p.seats),
    String(p.attended),
    String(p.excused),
    String(p.noShow),
    String(p.lateCancel),
    String(p.unrecorded),
    percent(p.attendanceRate),
  ]);
  return {
    id: "attendance-overview",
    heading: "Attendance by phase",
    html: `<p>Every place booked for someone at a session, and what happened: came (on time, late or leaving early), absent with an excuse the clinic accepts, absent without one (a "no-show"), cancelled too late to offer the place to someone else, or not yet recorded. The attendance rate is sessions attended out of sessions attended or missed without an excuse.</p>${htmlTable(["phase", "places", "came", "excused", "no-show", "late cancel", "not recorded", "attendance"], rows, { numeric: [1, 2, 3, 4, 5, 6, 7] })}`,
  };
}

/** Questionnaire outcomes: share better, responding, in remission. */
export function outcomeChangeSection({ analytics }: DemoData): ReportSection {
  const rows = analytics.outcomes.summary.map((s) => [
    label(s.instrument),
    String(s.participants),
    String(s.measuredTwice),
    `${s.improved} (${percent(s.shareImproved)})`,
    String(s.worsened),
    s.meanChange === null ? "—" : (Math.round(s.meanChange * 10) / 10).toString(),
    s.response === null ? "—" : `${s.response.met} of ${s.response.applicable}`,
    s.remission === null ? "—" : `${s.remission.met} of ${s.remission.applicable}`,
  ]);
  return {
    id: "outcome-change",
    heading: "Are people getting better?",
    html: `<p>Each person's first questionnaire is compared with their latest. Lower scores are better. For the depression questionnaire two standard yardsticks apply to people who started at 10 or more (moderate depression or worse): "response" means the score fell by at least half, "remission" means it is now below 5. The anxiety questionnaire has no such agreed yardstick, so only the change is shown.</p>${htmlTable(["questionnaire", "people", "answered twice or more", "better", "worse", "average change", "response", "remission"], rows, { numeric: [1, 2, 4, 5] })}`,
  };
}

/** Follow-up after care elsewhere: the payers' quality measures. */
export function followUpSection({ analytics }: DemoData): ReportSection {
  const names: Record<string, string> = {
    "iet-initiation": "Started treatment within 14 days of a new substance-use diagnosis",
    "iet-engagement": "…and had two more treatment days within the next 34 days",
    "fua-7": "Seen within 7 days of an emergency visit for substance use",
    "fua-30": "Seen within 30 days of an emergency visit for substance use",
    "fum-7": "Seen within 7 days of an emergency visit for mental health",
    "fum-30": "Seen within 30 days of an emergency visit for mental health",
    "fui-7": "Seen within 7 days of leaving residential care or detox",
    "fui-30": "Seen within 30 days of leaving residential care or detox",
  };
  const rows = analytics.followUp.measures
    .filter((m) => m.events.length > 0)
    .map((m) => [
      names[m.definition.id] ?? m.definition.name,
      String(m.met),
      String(m.denominator),
      percent(m.rate),
      String(m.open),
    ]);
  return {
    id: "follow-up",
    heading: "Follow-up after care elsewhere",
    html: `<p>Health plans grade programs on how quickly people are seen after an emergency visit, after residential care or detox, and after a new substance-use diagnosis. A day in this program counts as being seen. "Still open" means the time allowed has not run out yet, so it is not counted either way. (In this simulated clinic, where people came from is made up for the example.)</p>${htmlTable(["measure", "met", "counted", "rate", "still open"], rows, { numeric: [1, 2, 3, 4], minWidth: 560 })}`,
  };
}

/** The state discharge report: records filled, and what is missing. */
export function stateReportSection({ analytics }: DemoData): ReportSection {
  const t = analytics.teds;
  const reasons = t.byReason
    .filter((r) => r.count > 0)
    .map((r) => `${r.label.toLowerCase()}: ${r.count}`);
  const missing = Object.entries(t.missingCounts)
    .filter(([, n]) => n > 0)
    .map(([field]) => field);
  return {
    id: "state-report",
    heading: "State discharge report",
    html: `<p>State-funded programs send the national treatment data set a record for every discharge. This program's ${t.records.length} discharge record${t.records.length === 1 ? " is" : "s are"} ready with the reason for discharge (${esc(reasons.join(", ") || "none yet")}), the length of stay, the type of service at admission and discharge, and the days waited. ${missing.length === 0 ? "Nothing is missing." : `Still to collect from the people themselves, at admission and at discharge: ${missing.length} items (use, work, housing, self-help meetings and who referred them) — the report leaves them blank rather than guess.`}</p>`,
  };
}

/** Every analytics section, in the order the report shows them. */
export function analyticsSections(data: DemoData): ReportSection[] {
  return [
    censusOverTimeSection(data),
    retentionSection(data),
    staySection(data),
    attendanceOverviewSection(data),
    outcomeChangeSection(data),
    followUpSection(data),
    stateReportSection(data),
  ];
}

/** For the console: the analytics in a few lines each. */
export type { ClinicAnalytics };
