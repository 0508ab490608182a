/**
 * The demo's report: one self-contained HTML page — no script, no external resource, styles
 * inline — with SVG charts (census by phase, weekly hours against each phase's band, PHQ-9
 * trajectories), the tables the console prints, the stories, an aftercare plan, the consent
 * checks and one participant's calendar across the clock change.
 */
import {
  addDays,
  daysBetween,
  instantToZoned,
  isoWeekday,
  isoWeekKey,
  type AttendanceRecord,
  type DrugTestResult,
  type ScheduledSession,
} from "iopkit";
import {
  COLOURS,
  PHASE_COLOURS,
  esc,
  hoursChart,
  hoursLegend,
  htmlTable,
  legend,
  lineChart,
  stackedBars,
  type Series,
} from "./charts";
import { formatAftercarePlan } from "./print-aftercare";
import { capacityReportSection } from "./capacity";
import { actionsSection, analyticsSections } from "./report-analytics";
import { formatOffset, percent } from "./print";
import type { ClockChange, DemoData } from "./run";
import { censusCells, complianceCells, groupRosters, storyTitle } from "./summary";
import { mondayFrom, roomUse } from "./venues";

/** A section of the page. */
interface Section {
  readonly id: string;
  readonly heading: string;
  readonly html: string;
}

/** The whole report for the demo's data. */
export function renderReport(data: DemoData): string {
  const { program, options, sim } = data;
  const title = `${program.name}: a simulated clinic`;
  const subtitle = `${data.screened.length} referrals, ${options.weeks} weeks from ${sim.from}, ${options.zone}, seed ${options.seed}. Simulated data, not clinical data.`;
  const sections = [
    glanceSection(data),
    actionsSection(data),
    ...analyticsSections(data),
    capacityReportSection(data),
    censusSection(data),
    hoursSection(data),
    phq9Section(data),
    complianceSection(data),
    outcomesSection(data),
    payerSection(data),
    storiesSection(data),
    aftercareSection(data),
    calendarSection(data),
    groupsSection(data),
    roomsSection(data),
    consentSection(data),
    filesSection(data),
    notesSection(data),
  ].filter((s): s is Section => s !== undefined);
  return page(title, subtitle, sections);
}

function glanceSection(data: DemoData): Section {
  const { outcomes, admissions, screened, compliance } = data;
  const count = (prefix: string): number =>
    outcomes.byOutcome.filter((o) => o.outcome.startsWith(prefix)).reduce((n, o) => n + o.count, 0);
  const rates = compliance
    .map((r) => r.rate)
    .filter((r): r is number => r !== null)
    .sort((a, b) => a - b);
  const median = rates[Math.floor((rates.length - 1) / 2)] ?? null;
  const tiles = [
    ["referrals screened", String(screened.length)],
    ["admitted", String(admissions.length)],
    ["completed", String(count("completed"))],
    ["still in treatment", String(count("in "))],
    ["transferred or not completed", String(count("transferred") + count("not completed"))],
    ["median attendance", percent(median)],
    ["PHQ-9 mean, first → last", `${outcomes.phq9.meanBaseline} → ${outcomes.phq9.meanLast}`],
  ];
  return {
    id: "glance",
    heading: "At a glance",
    html: `<dl class="tiles">${tiles.map(([k, v]) => `<div><dt>${esc(k ?? "")}</dt><dd>${esc(v ?? "")}</dd></div>`).join("")}</dl>`,
  };
}

function censusSection({ census, program }: DemoData): Section {
  const phases = program.phases.map((p) => p.name);
  const chart = stackedBars({
    id: "census",
    title: "Census by phase per ISO week",
    desc: `Participants in treatment each week, by phase: ${census.map((w) => `${w.isoWeek}: ${w.inTreatment}`).join(", ")}.`,
    yLabel: "participants",
    xLabels: census.map((w) => w.isoWeek.slice(5)),
    categories: phases,
    colours: PHASE_COLOURS,
    values: census.map((w) => w.byPhase),
  });
  const tableHtml = htmlTable(
    [
      "ISO week",
      "Monday",
      ...phases,
      "total",
      "started",
      "stepped down",
      "stepped up",
      "discharged",
    ],
    censusCells(census),
    { numeric: Array.from({ length: phases.length + 5 }, (_, i) => i + 2), minWidth: 640 },
  );
  return {
    id: "census",
    heading: "Census by phase",
    html: `<p>Each participant counts once a week, in the phase in force on their last day in treatment that week.</p>${chart}<details><summary>The numbers</summary>${tableHtml}</details>`,
  };
}

function hoursSection({ compliance, sim, program }: DemoData): Section {
  const yMax = Math.max(
    ...program.phases.map((p) => p.hoursPerWeek.max),
    ...compliance.flatMap((r) => r.weeks.map((w) => w.attendedHours)),
  );
  const weekIndex = (isoWeek: string): number =>
    Array.from({ length: sim.weeks }, (_, i) => isoWeekKey(addDays(sim.from, i * 7))).indexOf(
      isoWeek,
    );
  const minis = compliance.map((r) => {
    const data = r.weeks.map((w) => ({
      index: weekIndex(w.isoWeek),
      hours: w.attendedHours,
      band: w.expectedBand,
      status: w.status,
      label: `${w.isoWeek} (${w.phaseIds.join(" → ")}): ${w.attendedHours} h attended, band ${w.expectedBand.min}–${w.expectedBand.max} h${w.partial ? " (partial week)" : ""}, ${w.status}`,
    }));
    const chart = hoursChart({
      id: `hours-${r.participantId}`,
      title: `${r.participantId}: weekly clinical hours against the phase band`,
      weeks: sim.weeks,
      yMax,
      data: data.filter((d) => d.index >= 0),
    });
    return `<figure class="mini"><figcaption><b>${esc(r.participantId)}</b> · ${esc(r.track)} · ${esc(r.outcome)}</figcaption>${chart}</figure>`;
  });
  return {
    id: "hours",
    heading: "Weekly clinical hours against each phase's band",
    html: `<p>One chart per participant, weeks 1–${sim.weeks} of the window, all on the same scale. The shaded box is the band the week is judged against (<code>weeklyCompliance</code>): the phase's band, prorated in a partial week such as the week of admission or discharge.</p>${hoursLegend}<div class="minis">${minis.join("")}</div>`,
  };
}

function phq9Section({ trajectories, stories }: DemoData): Section {
  const maxWeek = Math.max(0, ...trajectories.flatMap((t) => t.points.map((p) => p.week)));
  const weeks = Array.from({ length: Math.floor(maxWeek / 2) + 1 }, (_, i) => i * 2);
  const valuesOf = (points: readonly { week: number; total: number }[]): (number | null)[] =>
    weeks.map((w) => points.find((p) => p.week === w)?.total ?? null);
  const storyIds = new Map(stories.map((s, i) => [s.participantId as string, i]));
  const storyColours = [COLOURS.orange, COLOURS.blue, COLOURS.teal];
  const everyone: Series[] = trajectories
    .filter((t) => !storyIds.has(t.participantId) || t.points.length < 2)
    .map((t) => ({
      name: t.participantId,
      colour: COLOURS.grey,
      values: valuesOf(t.points),
      width: 1,
      opacity: 0.45,
    }));
  const mean: Series = {
    name: "mean of everyone measured",
    colour: COLOURS.ink,
    width: 3,
    values: weeks.map((w) => {
      const xs = trajectories.flatMap((t) =>
        t.points.filter((p) => p.week === w).map((p) => p.total),
      );
      return xs.length === 0
        ? null
        : Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10;
    }),
  };
  // The stories' participants stand out, when they have a trajectory (two scores or more).
  const highlighted: Series[] = stories.flatMap((s, i) => {
    const t = trajectories.find((x) => x.participantId === s.participantId);
    return t === undefined || t.points.length < 2
      ? []
      : [
          {
            name: `${s.participantId}: ${storyTitle(s.role).toLowerCase()}`,
            colour: storyColours[i % storyColours.length] ?? COLOURS.orange,
            values: valuesOf(t.points),
            width: 2.5,
            dots: true,
          },
        ];
  });
  const chart = lineChart({
    id: "phq9",
    title: "PHQ-9 over the weeks of treatment",
    desc: `PHQ-9 totals every two weeks from admission for ${trajectories.length} participants; the mean goes ${mean.values.filter((v) => v !== null).join(", ")}.`,
    yLabel: "PHQ-9 total (0–27)",
    xLabels: weeks.map((w) => `week ${w}`),
    yMax: 27,
    series: [...everyone, mean, ...highlighted],
    thresholds: [{ value: 10, label: "10: moderate" }],
  });
  const keys = legend([
    { label: "each participant", colour: COLOURS.grey, kind: "line" },
    { label: "mean", colour: COLOURS.ink, kind: "line" },
    ...highlighted.map((s) => ({ label: s.name, colour: s.colour, kind: "line" as const })),
    { label: "moderate depression threshold (10)", colour: COLOURS.plum, kind: "dash" },
  ]);
  return {
    id: "phq9",
    heading: "PHQ-9 trajectories",
    html: `<p>PHQ-9 is given at admission and every two weeks (a participant absent all that week skips one). Scores of 10 and above are moderate depression or worse (Kroenke, Spitzer and Williams, 2001).</p>${chart}${keys}`,
  };
}

function complianceSection({ compliance }: DemoData): Section {
  return {
    id: "compliance",
    heading: "Compliance and attendance",
    html: `<p>Weeks within, below or above the band (<code>weeklyCompliance</code>); attendance = attended ÷ (attended + unexcused absences) (<code>attendanceSummary</code>).</p>${htmlTable(
      [
        "participant",
        "track",
        "weeks",
        "within",
        "below",
        "above",
        "attendance",
        "unexcused",
        "outcome",
      ],
      complianceCells(compliance),
      { numeric: [2, 3, 4, 5, 6, 7], minWidth: 640 },
    )}`,
  };
}

function outcomesSection({ outcomes, options }: DemoData): Section {
  const p = outcomes.phq9;
  return {
    id: "outcomes",
    heading: `Outcomes after ${options.weeks} weeks`,
    html: `${htmlTable(
      ["outcome", "participants"],
      outcomes.byOutcome.map((o) => [o.outcome, String(o.count)]),
      { numeric: [1] },
    )}<p>PHQ-9 from baseline to the last score (<code>measureChange</code>, ${p.measured} participants with two or more scores): mean ${p.meanBaseline} → ${p.meanLast}; ${p.improved} improved, ${p.response} responded (at least 50% lower), ${p.remission} in remission (below 5). GAD-7: mean ${outcomes.gad7.meanBaseline} → ${outcomes.gad7.meanLast} (${outcomes.gad7.measured} participants).</p>`,
  };
}

function groupsSection({ program, sim }: DemoData): Section {
  const rows = groupRosters(program, sim).map(({ group, phaseName, sessionsDelivered }) => [
    group.id,
    phaseName,
    group.track ?? "",
    group.facilitatorId ?? "none",
    String(sessionsDelivered),
    group.members.map((m) => `${m.participantId} ${m.from.slice(5)}→${m.to.slice(5)}`).join(", "),
  ]);
  return {
    id: "groups",
    heading: "Groups and their rosters",
    html: `<p>The groups of the plan in force at the end (<code>schedule.groups</code>). Groups roll: people join on their own dates and leave when their phase ends, at most <code>groupCapacity</code> at once (S3); a group that falls below <code>groupMinimum</code> merges into another of its phase and track.</p>${htmlTable(
      ["group", "phase", "track", "facilitator", "sessions held", "roster (from→to)"],
      rows,
      { numeric: [4], minWidth: 640 },
    )}`,
  };
}

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri"] as const;

function roomsSection({ program, sim }: DemoData): Section {
  const monday = mondayFrom(sim.from);
  const days = Array.from({ length: 5 }, (_, d) => addDays(monday, d));
  const cell = (hours: number, sessions: number): string =>
    sessions === 0 ? "" : `${Math.round(hours * 10) / 10} h (${sessions})`;
  const rows = roomUse(program, sim.schedule, monday).map((r) => [
    program.rooms?.find((x) => x.id === r.room)?.name ?? r.room,
    ...days.map((_, d) => cell(r.hours[d] ?? 0, r.sessions[d] ?? 0)),
  ]);
  const modes = new Map<string, number>();
  for (const s of sim.schedule.sessions)
    modes.set(s.deliveryMode ?? "in-person", (modes.get(s.deliveryMode ?? "in-person") ?? 0) + 1);
  return {
    id: "rooms",
    heading: "Rooms and telehealth",
    html: `<p>Room use per day in the week of ${esc(monday)}: hours booked (sessions). Every in-person session has a room of its kind that holds everyone present (S14); staff run at most 7 hours a day and 32 a week with 10 minutes between sessions (S15). The evening track's Thursday groups are hybrid: those who can and want to join by video, the others in the room (S16). Sessions over the ${sim.weeks} weeks: ${[...modes].map(([m, n]) => `${n} ${esc(m)}`).join(", ")}.</p>${htmlTable(
      ["room", ...days.map((d, k) => `${WEEKDAYS[k] ?? ""} ${d.slice(5)}`)],
      rows,
      { numeric: [1, 2, 3, 4, 5], minWidth: 560 },
    )}`,
  };
}

function storiesSection({ stories }: DemoData): Section {
  const html = stories
    .map(
      (s) =>
        `<h3>${esc(storyTitle(s.role))}: ${esc(s.name)} (${esc(s.participantId)})</h3>${
          s.lines.length === 0
            ? "<p>The window ended before this story began.</p>"
            : `<ol class="events">${s.lines.map((l) => `<li><time>${esc(l.on)}</time> ${esc(l.text)}</li>`).join("")}</ol>`
        }`,
    )
    .join("");
  return { id: "stories", heading: "Notable events", html };
}

function aftercareSection({ aftercare, featuredAftercare }: DemoData): Section | undefined {
  if (aftercare.length === 0) return undefined;
  const rows = aftercare.map(({ participantId, plan }) => [
    participantId,
    `${plan.discharge.type} (${plan.discharge.reason}) on ${plan.discharge.on}`,
    plan.situation,
    plan.components.map((c) => c.kind).join(", "),
  ]);
  const full =
    featuredAftercare === undefined
      ? ""
      : `<h3>${esc(featuredAftercare.participantId)}'s plan in full</h3><pre>${esc(formatAftercarePlan(featuredAftercare.plan))}</pre>`;
  return {
    id: "aftercare",
    heading: "Aftercare plans",
    html: `<p>Every discharge gets a plan (<code>planAftercare</code>); its shape follows how treatment ended.</p>${htmlTable(["participant", "discharge", "situation", "components"], rows, { minWidth: 640 })}${full}`,
  };
}

const DAY_NAMES = ["", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** Short names for the calendar's cells. */
const SHORT: Record<string, string> = {
  "group-therapy": "group",
  psychoeducation: "psychoeducation",
  "individual-therapy": "individual",
  "family-therapy": "family",
  "medication-management": "medication",
  "drug-test": "drug test",
  "case-management": "case management",
};

/** How a session went for the participant: a word and a CSS class. */
function sessionOutcome(
  session: ScheduledSession,
  attendance: ReadonlyMap<string, AttendanceRecord>,
  tests: ReadonlyMap<string, DrugTestResult>,
): { text: string; cls: string } {
  const test = tests.get(session.id);
  if (test !== undefined)
    return { text: test.result, cls: test.result === "negative" ? "ok" : "miss" };
  const record = attendance.get(session.id);
  if (record === undefined) return { text: "", cls: "" };
  const text = record.status.replace("-", " ");
  return { text, cls: record.status.startsWith("absent") ? "miss" : "ok" };
}

/** One week row of the calendar: its Monday, each weekday's cells, the offsets seen. */
interface CalendarWeek {
  readonly monday: string;
  readonly days: Map<number, string[]>;
  readonly offsets: Set<number>;
}

function calendarSection(data: DemoData): Section | undefined {
  const { calendarOf: who, sim, options, clockChange } = data;
  if (who === undefined) return undefined;
  const attendance = new Map(
    sim.attendance.filter((a) => a.participantId === who.id).map((a) => [a.sessionId as string, a]),
  );
  const tests = new Map(
    sim.drugTests.flatMap((t) =>
      t.participantId === who.id && t.sessionId !== undefined ? [[t.sessionId as string, t]] : [],
    ),
  );
  const weeks = new Map<string, CalendarWeek>();
  for (const s of sim.schedule.sessions.filter((x) => x.participantIds.includes(who.id))) {
    const start = instantToZoned(s.start, options.zone);
    const end = instantToZoned(s.end, options.zone);
    const monday = addDays(start.date, 1 - isoWeekday(start.date));
    const week: CalendarWeek = weeks.get(monday) ?? {
      monday,
      days: new Map<number, string[]>(),
      offsets: new Set<number>(),
    };
    const outcome = sessionOutcome(s, attendance, tests);
    const what = SHORT[s.sessionType] ?? s.sessionType;
    const cell = `<li class="${outcome.cls}"><b>${start.time}–${end.time}</b> ${esc(what)}${outcome.text === "" ? "" : `<br><small>${esc(outcome.text)}</small>`}</li>`;
    const day = isoWeekday(start.date);
    week.days.set(day, [...(week.days.get(day) ?? []), cell]);
    week.offsets.add(start.offsetMinutes);
    weeks.set(monday, week);
  }
  const days = [1, 2, 3, 4, 5, 6, 7].filter((d) => [...weeks.values()].some((w) => w.days.has(d)));
  const rows = [...weeks.values()]
    .sort((a, b) => (a.monday < b.monday ? -1 : 1))
    .map((w) => calendarRow(w, days, clockChange));
  const change =
    clockChange === undefined
      ? "The clocks do not change in this window."
      : `The clocks change on ${clockChange.date} (${formatOffset(clockChange.before)} → ${formatOffset(clockChange.after)}; that week is highlighted): the sessions keep their wall-clock times.`;
  return {
    id: "calendar",
    heading: `${who.name ?? who.id}'s calendar (${who.id})`,
    html: `<p>Every session of ${esc(who.id)} in the window in local time (${esc(options.zone)}), and what happened. ${esc(change)} The same sessions are in <a href="calendars/${esc(who.id)}.ics">calendars/${esc(who.id)}.ics</a>.</p><div class="scroll"><table class="calendar"><thead><tr><th scope="col">week</th>${days.map((d) => `<th scope="col">${DAY_NAMES[d] ?? ""}</th>`).join("")}</tr></thead><tbody>${rows.join("")}</tbody></table></div>`,
  };
}

function calendarRow(
  w: CalendarWeek,
  days: readonly number[],
  change: ClockChange | undefined,
): string {
  const offset = (from: number, to: number): boolean => {
    if (change === undefined) return false;
    const d = daysBetween(w.monday, change.date);
    return d >= from && d < to;
  };
  const changes = offset(0, 7);
  const note =
    changes && change !== undefined
      ? `<br><small>clocks change ${esc(DAY_NAMES[isoWeekday(change.date)] ?? "")} ${esc(change.date.slice(5))}</small>`
      : "";
  const offsets = [...w.offsets].map(formatOffset).join(" / ");
  const head = `<th scope="row">${esc(isoWeekKey(w.monday))}<br><small>${esc(w.monday)}<br>${esc(offsets)}</small>${note}</th>`;
  const cells = days
    .map((d) => {
      const items = w.days.get(d);
      return `<td>${items === undefined ? "" : `<ul>${items.join("")}</ul>`}</td>`;
    })
    .join("");
  return `<tr${changes ? ' class="dst"' : ""}>${head}${cells}</tr>`;
}

/** One payer's authorisations and billable days per week (hints for a billing system, not claims). */
function payerSection({ payer }: DemoData): Section {
  const { ledger } = payer;
  const active = ledger.accounts.filter((a) => a.status === "active").length;
  const expiring = ledger.accounts.filter((a) => a.expiring).length;
  const renewed = ledger.accounts
    .filter((a) => a.participantId === payer.renewed)
    .map(
      (a) =>
        `<li>${esc(a.authorizationId)}: ${esc(a.from)} to ${esc(a.to)}, ${a.units?.count ?? "—"} days, ${a.used} used, ${a.remaining ?? "—"} left (${esc(a.status)})</li>`,
    )
    .join("");
  const warnings = ledger.warnings.reduce(
    (m, w) => m.set(w.code, (m.get(w.code) ?? 0) + 1),
    new Map<string, number>(),
  );
  const rows = payer.weeks
    .map(
      (w) =>
        `<tr><td>${esc(w.isoWeek)}</td><td>${w.billable}</td><td>${esc(
          Object.entries(w.notBillable)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([reason, n]) => `${n} ${reason}`)
            .join(", "),
        )}</td></tr>`,
    )
    .join("");
  const html = `<p>${ledger.accounts.length} authorisations from ${esc(payer.payer)}: ${active} active, ${expiring} ending within 7 days. ${[...warnings].map(([code, n]) => `${n} × ${esc(code)}`).join("; ") || "No warnings."}</p>
<p>One participant's first authorisation ran out and was renewed:</p><ul>${renewed}</ul>
<table><caption>Billable days per week (H0015, 3 attended hours): hints for a billing system, not claims</caption><thead><tr><th scope="col">Week</th><th scope="col">Billable days</th><th scope="col">Not billable</th></tr></thead><tbody>${rows}</tbody></table>`;
  return { id: "payer", heading: "Authorisations and billable days", html };
}

function consentSection({ consentChecks }: DemoData): Section | undefined {
  if (consentChecks.length === 0) return undefined;
  const html = consentChecks
    .map(({ question, decision }) => {
      const detail = decision.allowed
        ? `<p>Notice to send with it: <q>${esc(decision.notice)}</q></p>`
        : `<ul>${decision.reasons.map((r) => `<li><b>${esc(r.element)}</b>: ${esc(r.message)}</li>`).join("")}</ul>`;
      return `<div class="consent ${decision.allowed ? "ok" : "miss"}"><p><b>${decision.allowed ? "Allowed" : "Denied"}</b>: ${esc(question)}</p>${detail}</div>`;
    })
    .join("");
  return { id: "consent", heading: "Consent checks (42 CFR Part 2)", html };
}

function filesSection({ sim }: DemoData): Section {
  const first = sim.episodes[0]?.participantId;
  const links = [
    ["schedule.json", "the schedule as delivered"],
    ["episodes.json", "every participant's episode event log"],
    ["fhir-bundle.json", "a FHIR R4 collection bundle of the program and what happened"],
    ...(first === undefined
      ? []
      : [[`calendars/${first}.ics`, `an iCalendar file per participant, such as ${first}'s`]]),
  ];
  return {
    id: "files",
    heading: "Files beside this report",
    html: `<ul>${links.map(([href, text]) => `<li><a href="${esc(href ?? "")}">${esc(href ?? "")}</a>: ${esc(text ?? "")}</li>`).join("")}</ul>`,
  };
}

function notesSection({ sim }: DemoData): Section {
  const moved = sim.replans.reduce((n, r) => n + r.movedIntoPast, 0);
  const notes = [
    "Every number here comes from a seeded simulation (examples/clinic/simulate.ts): attendance, drug tests, PHQ-9 and GAD-7 answers are drawn from each participant's invented traits. Same options, same page, byte for byte.",
    "Decisions use iopkit's rules: assessEligibility screens, evaluatePhaseExit checks each phase's exit criteria at a Monday case conference (the clinician's sign-off is the demo's rule: the planned weeks, or earlier once the PHQ-9 is below 10), episodeDueDates finds plan reviews, recertification and lost contact, and every episode log is replayed by replayEpisode.",
    `After each conference that changed someone's course the window is planned again with planSchedule from the episodes (enrollmentPathFromEpisode), keeping the sessions already delivered (<code>keep</code>); the schedule shown is what was delivered, day by day, from the plan in force.${moved === 0 ? "" : ` ${moved} session(s) a re-plan put into weeks already past were never delivered.`}`,
    "A participant kept in a phase past its planned weeks has an extension step in their path, kept by the demo: the episode log has no event for it.",
  ];
  return {
    id: "notes",
    heading: "How this clinic was simulated",
    html: `<ul>${notes.map((n) => `<li>${esc(n)}</li>`).join("")}</ul>`,
  };
}

const STYLE = `
:root{color-scheme:light;--ink:${COLOURS.ink};--muted:#4f5b57;--line:#dfe3df;--bg:#f7f8f5;--accent:${COLOURS.teal}}
*{box-sizing:border-box}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;margin:0;color:var(--ink);background:var(--bg)}
header{background:var(--accent);color:#fff;padding:20px 24px}
header h1{margin:0 auto;max-width:1120px;font-size:24px}
header p{margin:4px auto 0;max-width:1120px}
nav{background:#fff;border-bottom:1px solid var(--line);padding:8px 24px;position:sticky;top:0;z-index:1}
nav ul{list-style:none;display:flex;flex-wrap:wrap;gap:4px 16px;margin:0 auto;padding:0;max-width:1120px;font-size:14px}
nav a{color:var(--accent)}
main{max-width:1120px;margin:0 auto;padding:8px 16px 48px}
section{background:#fff;border:1px solid var(--line);border-radius:8px;margin:16px 0;padding:8px 20px 16px;scroll-margin-top:48px}
h2{font-size:20px;margin:12px 0 8px}h3{font-size:16px;margin:16px 0 4px}
figure{margin:8px 0}svg.chart{display:block;width:100%;height:auto}
.legend{display:flex;flex-wrap:wrap;gap:4px 16px;list-style:none;margin:4px 0 8px;padding:0;font-size:13px}
.key{display:inline-block;width:14px;height:14px;margin-right:6px;vertical-align:-2px;background:var(--c);border-radius:2px}
.key.line{height:3px;vertical-align:4px}.key.dash{height:0;border-top:2px dashed var(--c);background:none;vertical-align:4px}
.key.band{opacity:.3}.key.dash{width:24px}
svg.chart.wide{min-width:620px}
.minis{display:grid;grid-template-columns:repeat(auto-fill,minmax(230px,1fr));gap:8px 16px}
.mini{margin:0}.mini figcaption{font-size:13px;color:var(--muted)}
.tiles{display:grid;grid-template-columns:repeat(auto-fill,minmax(128px,1fr));gap:10px;margin:8px 0}
.tiles div{border:1px solid var(--line);border-radius:6px;padding:8px 12px}
.tiles dt{font-size:13px;color:var(--muted)}.tiles dd{margin:0;font-size:20px;font-weight:600;white-space:nowrap}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:13px}
th,td{text-align:left;padding:4px 8px;border-bottom:1px solid var(--line);vertical-align:top}
thead th{background:#eef1ec}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
details{margin:8px 0}summary{cursor:pointer;color:var(--accent)}
ol.events{padding-left:20px}ol.events time{font-variant-numeric:tabular-nums;color:var(--muted);margin-right:6px}
pre{white-space:pre-wrap;background:#f2f4f0;border-radius:6px;padding:12px;font-size:13px;overflow-x:auto}
table.calendar{min-width:560px;font-size:12px}table.calendar th[scope=row]{white-space:nowrap}
table.calendar ul{list-style:none;margin:0;padding:0}table.calendar li{margin:0 0 4px;padding-left:6px;border-left:3px solid var(--line)}
table.calendar li.ok{border-left-color:${COLOURS.teal}}table.calendar li.miss{border-left-color:${COLOURS.orange}}
table.calendar small{color:var(--muted)}tr.dst{background:#fff6e8}
.consent{border-left:4px solid var(--line);padding:2px 12px;margin:8px 0}.consent.ok{border-color:${COLOURS.teal}}.consent.miss{border-color:${COLOURS.orange}}
code{font-size:13px}a{color:${COLOURS.blue}}
@media (max-width:600px){nav{position:static}header,nav{padding-left:12px;padding-right:12px}main{padding:4px 8px 32px}section{padding:4px 12px 12px}}
`;

/** The page: header, a table of contents, the sections. */
function page(title: string, subtitle: string, sections: readonly Section[]): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<link rel="icon" href="data:,">
<style>${STYLE}</style>
</head>
<body>
<header><h1>${esc(title)}</h1><p>${esc(subtitle)}</p></header>
<nav aria-label="Sections"><ul>${sections.map((s) => `<li><a href="#${s.id}">${esc(s.heading)}</a></li>`).join("")}</ul></nav>
<main>
${sections.map((s) => `<section id="${s.id}" aria-labelledby="${s.id}-h"><h2 id="${s.id}-h">${esc(s.heading)}</h2>${s.html}</section>`).join("\n")}
</main>
</body>
</html>
`;
}
