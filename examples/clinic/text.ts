/**
 * The demo's console output: one section per heading, every line at most 100 characters wide.
 */
import { join } from "node:path";
import {
  addDays,
  instantToZoned,
  isoWeekday,
  type EligibilityDecision,
  type Participant,
} from "iopkit";
import { capacitySection } from "./capacity";
import { formatAftercarePlan } from "./print-aftercare";
import { fit, formatBytes, formatOffset, heading, percent, table, wrap } from "./print";
import type { DemoData, OutputFile } from "./run";
import { censusCells, complianceCells, groupRosters, storyTitle } from "./summary";

const WIDTH = 100;
const WEEKDAYS = ["", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** Every section, in order. */
export function consoleText(data: DemoData, files: readonly OutputFile[]): string {
  return [
    programSection(data),
    screeningSection(data),
    scheduleSection(data),
    clockChangeSection(data),
    groupsSection(data),
    actionSection(data),
    analyticsSection(data),
    capacitySection(data.capacity),
    payerSection(data),
    censusSection(data),
    complianceSection(data),
    outcomesSection(data),
    storiesSection(data),
    aftercareSection(data),
    consentSection(data),
    filesSection(data, files),
  ]
    .filter((s) => s !== "")
    .join("\n");
}

function programSection({ program, options }: DemoData): string {
  return [
    heading(`${program.name} — ${options.zone}`),
    table(
      ["phase", "weeks (planned)", "hours/week", "level", "tracks"],
      program.phases.map((p) => [
        p.name,
        `${p.weeks.min}–${p.weeks.max} (${p.plannedWeeks ?? p.weeks.min})`,
        `${p.hoursPerWeek.min}–${p.hoursPerWeek.max}`,
        p.levelOfCare ?? program.levelOfCare,
        [...new Set(p.pattern.map((e) => e.track ?? "all"))].join(", "),
      ]),
    ),
  ].join("\n");
}

/** The reason worth showing for a decision: the first that is not the generic highest-risk one. */
function why(d: EligibilityDecision): string {
  const first = d.reasons.find((r) => r.code !== "highest-risk-dimension") ?? d.reasons[0];
  return first?.message ?? "";
}

function screeningSection({ screened, options }: DemoData): string {
  const byOutcome = new Map<string, Map<string, number>>();
  for (const s of screened) {
    const kinds = byOutcome.get(s.decision.outcome) ?? new Map<string, number>();
    kinds.set(s.kind, (kinds.get(s.kind) ?? 0) + 1);
    byOutcome.set(s.decision.outcome, kinds);
  }
  const rows = [...byOutcome].map(([outcome, kinds]) => [
    outcome,
    String([...kinds.values()].reduce((a, b) => a + b, 0)),
    fit([...kinds].map(([k, n]) => `${k} ×${n}`).join(", "), 70),
  ]);
  const notAdmitted = screened
    .filter((s) => s.decision.outcome !== "admit" && s.decision.outcome !== "admit-with-conditions")
    .map((s) =>
      wrap(
        `  ${s.participant.id}  ${s.decision.outcome} (${s.decision.recommendedLevel}): ${why(s.decision)}`,
        WIDTH,
        7,
      ),
    );
  return [
    heading(`Screening ${options.participants} referrals (assessEligibility)`),
    table(["outcome", "n", "referral kinds"], rows),
    "",
    notAdmitted.length === 0 ? "Everyone was admitted." : "Not admitted, and why:",
    ...notAdmitted,
  ].join("\n");
}

function scheduleSection({ admissions, sim, violations, clockChange, options }: DemoData): string {
  const tracks = new Map<string, number>();
  for (const e of sim.episodes) {
    const track =
      sim.schedule.sessions.find(
        (s) => s.track !== undefined && s.participantIds.includes(e.participantId),
      )?.track ?? "no sessions";
    tracks.set(track, (tracks.get(track) ?? 0) + 1);
  }
  const starts = admissions.map((a) => a.start).sort();
  const last = addDays(sim.from, sim.weeks * 7 - 1);
  const changes = sim.replans.reduce((n, r) => n + r.changed.length, 0);
  const moved = sim.replans.reduce((n, r) => n + r.movedIntoPast, 0);
  const lines = [
    heading("Admissions and the schedule as delivered"),
    `${admissions.length} admitted (${[...tracks].map(([t, n]) => `${n} ${t}`).join(", ")}), starting ${starts[0] ?? "—"} to ${starts[starts.length - 1] ?? "—"}.`,
    wrap(
      `Window ${sim.from} to ${last} (${options.weeks} weeks)${clockChange === undefined ? "; the clocks do not change in it" : `; the clocks change on ${clockChange.date} (${formatOffset(clockChange.before)} → ${formatOffset(clockChange.after)})`}.`,
      WIDTH,
      0,
    ),
    wrap(
      `${sim.schedule.sessions.length} sessions delivered. The window was re-planned ${sim.replans.length} times after case conferences changed someone's course (${changes} changes: steps, extensions, discharges)${moved === 0 ? "." : `; ${moved} session(s) a re-plan put into weeks already past were not delivered.`}`,
      WIDTH,
      0,
    ),
    violations.length === 0
      ? "checkSchedule on the delivered schedule: no invariant S1–S16 is broken."
      : `checkSchedule on the delivered schedule: ${violations.length} finding(s):`,
    ...violations
      .slice(0, 8)
      .map((v) =>
        fit(`  ${v.code} ${v.participantId ?? ""} ${v.isoWeek ?? ""}: ${v.message}`, WIDTH),
      ),
  ];
  return lines.join("\n");
}

/** One participant's sessions in the week before the clock change and the week it happens. */
function clockChangeSection({ calendarOf, clockChange, sim, options }: DemoData): string {
  if (calendarOf === undefined || clockChange === undefined) return "";
  const from = addDays(clockChange.date, -7);
  const to = addDays(clockChange.date, 7);
  const rows = sim.schedule.sessions
    .filter((s) => s.participantIds.includes(calendarOf.id))
    .map((s) => ({ s, local: instantToZoned(s.start, options.zone) }))
    .filter(({ local }) => local.date >= from && local.date < to)
    .map(({ s, local }) => [
      local.date,
      WEEKDAYS[isoWeekday(local.date)] ?? "",
      local.time,
      formatOffset(local.offsetMinutes),
      s.sessionType,
      s.phaseId ?? "",
    ]);
  return [
    heading(`${label(calendarOf)}: a week on each side of the clock change`),
    table(["date", "day", "time", "offset", "session", "phase"], rows),
    "Same wall-clock times, a different UTC offset: S10 holds across the change.",
  ].join("\n");
}

/** Each group of the final plan and its roster: who was in it, from when to when. */
function groupsSection({ program, sim }: DemoData): string {
  const lines = [heading("Groups and their rosters (the plan in force at the end)")];
  for (const { group, phaseName, sessionsDelivered } of groupRosters(program, sim)) {
    lines.push(
      `${group.id}: ${phaseName}${group.track === undefined ? "" : `, ${group.track}`}, facilitator ${group.facilitatorId ?? "none"}, ${group.members.length} member(s), ${sessionsDelivered} sessions held`,
      wrap(
        `    ${group.members.map((m) => `${m.participantId} ${m.from.slice(5)}→${m.to.slice(5)}`).join(", ")}`,
        WIDTH,
        0,
      ),
    );
  }
  lines.push(
    wrap(
      "Groups roll: people join on their own dates and leave when their phase ends (S3: at most groupCapacity at once); a group that falls below groupMinimum merges into another of its phase and track.",
      WIDTH,
      0,
    ),
  );
  return lines.join("\n");
}

/** The clinic manager's list for the window's last day. */
function actionSection({ analytics }: DemoData): string {
  const lines = [heading(`Action list for the clinic manager, ${analytics.asOf}`)];
  if (analytics.actions.length === 0) lines.push("Nothing needs attention.");
  for (const a of analytics.actions)
    lines.push(
      wrap(
        `  ${a.when === "today" ? "today    " : "this week"}  ${a.name} (${a.participantId}): ${a.what}`,
        WIDTH,
        15,
      ),
    );
  return lines.join("\n");
}

/** The program's figures in a few lines. */
function analyticsSection({ analytics }: DemoData): string {
  const { retention: r, stays, attendance, outcomes, followUp } = analytics;
  const phq = outcomes.summary.find((x) => x.instrument === "phq-9");
  const rate = (id: string): string => {
    const m = followUp.measures.find((x) => x.definition.id === id);
    return m === undefined || m.denominator === 0 ? "—" : `${percent(m.rate)} of ${m.denominator}`;
  };
  return [
    heading("The program in figures"),
    wrap(
      `Still in treatment after ${r.at.map((a) => `${a.day} days: ${percent(a.survival)}`).join(", ")} (counting people still in treatment for as long as they have been here). Of ${r.outcomes.discharged} who left, ${r.outcomes.completed} completed and ${r.outcomes.positiveConclusion} completed or moved on to other treatment.`,
      WIDTH,
      0,
    ),
    wrap(
      `Length of stay of those who left (first day to last day attended, both counted): median ${stays.summary.median ?? "—"} days, half between ${stays.summary.q1 ?? "—"} and ${stays.summary.q3 ?? "—"}. Attendance overall ${percent(attendance.total.attendanceRate)}: ${attendance.total.noShow} no-shows, ${attendance.total.lateCancel} late cancellations, ${attendance.total.excused} excused.`,
      WIDTH,
      0,
    ),
    wrap(
      `Depression questionnaire: ${phq?.improved ?? 0} of ${phq?.measuredTwice ?? 0} better since their first; ${phq?.response?.met ?? 0} of ${phq?.response?.applicable ?? 0} who started at 10 or more halved their score. Seen within 7 days after residential care or detox: ${rate("fui-7")}; after an emergency visit: ${rate("fua-7")}.`,
      WIDTH,
      0,
    ),
  ].join("\n");
}

/** One payer's authorisations and the billable days per week (hints for a billing system). */
function payerSection({ payer, participants }: DemoData): string {
  const { ledger, renewed } = payer;
  const lines = [heading(`Authorisations and billable days (${payer.payer}), ${payer.asOf}`)];
  const count = (code: string) => ledger.warnings.filter((w) => w.code === code).length;
  lines.push(
    wrap(
      `${ledger.accounts.length} authorisations: ${ledger.accounts.filter((a) => a.status === "active").length} active, ${ledger.accounts.filter((a) => a.expiring).length} expiring within 7 days, ${ledger.accounts.filter((a) => a.status === "exhausted").length} used up, ${ledger.accounts.filter((a) => a.status === "expired").length} expired. Warnings: ${count("level-change-unauthorized")} people had sessions at a level the payer has not authorised (a step-down needs its own authorisation), ${count("served-without-authorization")} attended sessions no authorisation covered, ${count("units-run-out")} will run out of days before their planned discharge.`,
      WIDTH,
      0,
    ),
  );
  const person = renewed === undefined ? undefined : participants.get(renewed);
  for (const a of ledger.accounts.filter((x) => x.participantId === renewed))
    lines.push(
      wrap(
        `  ${person === undefined ? renewed : label(person)} ${a.authorizationId}: ${a.from} to ${a.to}, ${a.units?.count ?? "—"} days, ${a.used} used, ${a.remaining ?? "—"} left — ${a.status}`,
        WIDTH,
        4,
      ),
    );
  lines.push(
    "Billable days per week (H0015: 3 attended hours; hints for a billing system, not claims):",
  );
  for (const w of payer.weeks) {
    const not = Object.entries(w.notBillable)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([reason, n]) => `${n} ${reason}`)
      .join(", ");
    lines.push(
      `  ${w.isoWeek}  ${String(w.billable).padStart(4)} billable${not === "" ? "" : `; not billable: ${not}`}`,
    );
  }
  return lines.join("\n");
}

function label(p: Participant): string {
  return p.name === undefined ? p.id : `${p.name} (${p.id})`;
}

function censusSection({ census, program }: DemoData): string {
  const rows = censusCells(census);
  return [
    heading("Census by phase per ISO week"),
    table(
      [
        "week",
        "monday",
        ...program.phases.map((p) => p.name),
        "total",
        "started",
        "down",
        "up",
        "discharged",
      ],
      rows,
    ),
    "Each participant counts once a week, in the phase in force on their last day in treatment that",
    "week; started / down / up / discharged count that week's events.",
  ].join("\n");
}

function complianceSection({ compliance }: DemoData): string {
  const rows = complianceCells(compliance);
  const sum = (k: "within" | "below" | "above"): number => compliance.reduce((n, r) => n + r[k], 0);
  const rates = compliance
    .map((r) => r.rate)
    .filter((r): r is number => r !== null)
    .sort((a, b) => a - b);
  const median = rates.length === 0 ? null : (rates[Math.floor((rates.length - 1) / 2)] ?? null);
  return [
    heading("Compliance: clinical hours against the phase band, and attendance"),
    table(
      ["id", "track", "weeks", "within", "below", "above", "attendance", "unexcused", "outcome"],
      rows,
    ),
    `All participants: ${sum("within")} weeks within the band, ${sum("below")} below, ${sum("above")} above; median attendance ${percent(median)}.`,
    wrap(
      "Weeks from weeklyCompliance (a partial week is judged against the band prorated by its days); attendance = attended ÷ (attended + unexcused absences), from attendanceSummary. Intensive weeks are planned at the band's floor, so one missed day puts a week below it.",
      WIDTH,
      0,
    ),
  ].join("\n");
}

function outcomesSection({ outcomes, options }: DemoData): string {
  const p = outcomes.phq9;
  return [
    heading(`Outcomes after ${options.weeks} weeks`),
    table(
      ["outcome", "participants"],
      outcomes.byOutcome.map((o) => [o.outcome, String(o.count)]),
    ),
    "",
    wrap(
      `PHQ-9 from baseline to the last score (measureChange; ${p.measured} participants with two or more): mean ${p.meanBaseline} → ${p.meanLast}; ${p.improved} improved, ${p.response} responded (at least 50% lower), ${p.remission} in remission (below 5). GAD-7: mean ${outcomes.gad7.meanBaseline} → ${outcomes.gad7.meanLast} (${outcomes.gad7.measured} participants).`,
      WIDTH,
      0,
    ),
  ].join("\n");
}

function storiesSection({ stories, sim }: DemoData): string {
  const scripted = new Set(sim.roles.map((r) => r.participantId));
  const everyday = sim.logs.filter((l) => !scripted.has(l.participantId)).flatMap((l) => l.events);
  const positives = everyday.filter((e) => e.kind === "positive-test-recorded").length;
  const extended = sim.enrollments.filter((e) =>
    (e.path ?? []).some((s) => s.reason === "extension"),
  ).length;
  const lines = [heading("Notable events")];
  for (const story of stories) {
    lines.push(`${storyTitle(story.role)}: ${story.name} (${story.participantId})`);
    if (story.lines.length === 0) lines.push("  (the window ended before this story began)");
    for (const l of story.lines) lines.push(fit(`  ${l.on}  ${l.text}`, WIDTH));
  }
  lines.push(
    "",
    wrap(
      `Everyday: ${positives} positive test(s) outside these stories, each opening a review that decided to continue with more support (a relapse is not a discharge); ${extended} participant(s) kept in a phase past its planned weeks until its exit criteria were met.`,
      WIDTH,
      0,
    ),
  );
  return lines.join("\n");
}

function aftercareSection({ featuredAftercare, aftercare, participants }: DemoData): string {
  if (featuredAftercare === undefined) return "";
  const who = participants.get(featuredAftercare.participantId);
  return [
    heading(
      `Aftercare: ${aftercare.length} plan(s) made; ${who === undefined ? featuredAftercare.participantId : label(who)}'s in full`,
    ),
    wrap(formatAftercarePlan(featuredAftercare.plan), WIDTH, "label"),
  ].join("\n");
}

function consentSection({ consentChecks }: DemoData): string {
  if (consentChecks.length === 0) return "";
  const lines = [heading("Consent checks (42 CFR Part 2, canDisclose)")];
  for (const { question, decision } of consentChecks) {
    lines.push(wrap(`${decision.allowed ? "✓ allowed" : "✗ denied"}: ${question}`, WIDTH));
    if (decision.allowed) lines.push(wrap(`    notice: ${decision.notice}`, WIDTH, "label"));
    else
      for (const r of decision.reasons)
        lines.push(wrap(`    ${r.element}: ${r.message}`, WIDTH, "label"));
  }
  return lines.join("\n");
}

const DESCRIPTIONS: Record<string, string> = {
  "report.html": "the report: open it in a browser",
  "schedule.json": "the schedule as delivered",
  "episodes.json": "the episode event logs",
  "fhir-bundle.json": "a FHIR R4 bundle (toFhirBundle)",
};

function filesSection({ options }: DemoData, files: readonly OutputFile[]): string {
  const size = (f: OutputFile): number => Buffer.byteLength(f.content, "utf8");
  const calendars = files.filter((f) => f.path.startsWith("calendars/"));
  const rows = files
    .filter((f) => !f.path.startsWith("calendars/"))
    .map((f) => [join(options.out, f.path), formatBytes(size(f)), DESCRIPTIONS[f.path] ?? ""]);
  if (calendars.length > 0)
    rows.push([
      join(options.out, "calendars", "*.ics"),
      formatBytes(calendars.reduce((n, f) => n + size(f), 0)),
      `${calendars.length} iCalendar files (toICalendar)`,
    ]);
  return [heading("Files written"), table(["file", "size", "what"], rows)].join("\n");
}
