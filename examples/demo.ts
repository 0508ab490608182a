/**
 * The iopkit demo (`npm run demo`): a simulated adult substance-use IOP, end to end.
 *
 *   npm run demo -- --participants 40 --weeks 12 --seed 2026 --zone America/New_York --out out
 *
 * It screens referrals, admits the eligible into morning and evening tracks, plans twelve weeks
 * across the autumn DST change, checks the schedule against the invariants S1–S13, and writes
 * what it made to the output folder.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import {
  admissionTracks,
  addDays,
  assessEligibility,
  checkSchedule,
  instantToZoned,
  isoWeekKey,
  parseEnrollment,
  parseStaff,
  planSchedule,
  programTemplates,
  type EligibilityDecision,
  type Enrollment,
  type Schedule,
  type StaffInput,
} from "iopkit";
import { heading, progress, progressDone, table } from "./clinic/print";
import { referrals } from "./clinic/referrals";

const { values } = parseArgs({
  options: {
    participants: { type: "string", default: "40" },
    weeks: { type: "string", default: "12" },
    seed: { type: "string", default: "2026" },
    zone: { type: "string", default: "America/New_York" },
    out: { type: "string", default: "out" },
  },
});
const count = Number(values.participants);
const weeks = Number(values.weeks);
const seed = Number(values.seed);
const zone = values.zone;
const out = values.out;
if (
  !Number.isInteger(count) ||
  count < 1 ||
  !Number.isInteger(weeks) ||
  weeks < 1 ||
  weeks > 104 ||
  !Number.isSafeInteger(seed)
) {
  console.error(
    "usage: npm run demo -- [--participants N] [--weeks 1–104] [--seed N] [--zone IANA] [--out DIR]",
  );
  process.exit(2);
}
const STEPS = 4;
const from = "2026-10-19"; // two weeks before the US autumn DST change (2026-11-01)

// 1. The program: the adult substance-use template, closed on Thanksgiving and Christmas Day.
progress(1, STEPS, "defining the program");
const program = programTemplates.substanceUseAdult({
  timeZone: zone,
  closures: ["2026-11-26", "2026-12-25"],
});
console.log(heading(`${program.name} — ${zone}`));
console.log(
  table(
    ["phase", "weeks", "hours/week", "level", "tracks"],
    program.phases.map((p) => [
      p.name,
      String(p.plannedWeeks ?? p.weeks.min),
      `${p.hoursPerWeek.min}–${p.hoursPerWeek.max}`,
      p.levelOfCare ?? program.levelOfCare,
      [...new Set(p.pattern.map((e) => e.track ?? "all"))].join(", "),
    ]),
  ),
);

// 2. Screening: every referral gets a decision with its reasons.
progress(2, STEPS, `screening ${count} referrals`);
const screened = referrals(count, seed, addDays(from, -7)).map(({ kind, participant }) => ({
  kind,
  participant,
  decision: assessEligibility(participant, program),
}));
console.log(heading(`Screening ${count} referrals`));
const why = (d: EligibilityDecision): string => {
  const first = d.reasons.find((r) => r.code !== "highest-risk-dimension") ?? d.reasons[0];
  const conditions = d.conditions.map((c) => c.code).join(", ");
  return `${first?.message ?? ""}${conditions === "" ? "" : ` — conditions: ${conditions}`}`;
};
console.log(
  table(
    ["id", "referral", "outcome", "level", "why"],
    screened.map((s) => [
      s.participant.id,
      s.kind,
      s.decision.outcome,
      s.decision.recommendedLevel,
      why(s.decision),
    ]),
  ),
);
const tally = new Map<string, number>();
for (const s of screened) tally.set(s.decision.outcome, (tally.get(s.decision.outcome) ?? 0) + 1);
console.log(`\n${[...tally].map(([o, n]) => `${n} ${o}`).join(", ")}`);

// 3. Admission: the admitted start over the first two weeks, on the track their conditions name.
progress(3, STEPS, "planning the schedule");
const admitted = screened.filter(
  (s) => s.decision.outcome === "admit" || s.decision.outcome === "admit-with-conditions",
);
const enrollments: Enrollment[] = admitted.map((s, i) => {
  const named = admissionTracks(s.decision)?.[0];
  return parseEnrollment({
    participant: s.participant,
    start: addDays(from, (i % 4) * 3),
    ...(named === undefined ? {} : { track: named }),
  });
});
const staff = staffFor(enrollments.length);
const schedule = planSchedule({ program, enrollments, staff, from, weeks, seed });
const violations = checkSchedule(schedule, { program, enrollments, staff });

// 4. What was planned.
progress(4, STEPS, "writing the results");
progressDone();
console.log(heading(`Schedule: ${weeks} weeks from ${from}, ${schedule.sessions.length} sessions`));
console.log(
  `${enrollments.length} enrolled, ${schedule.groups.length} groups, ${schedule.unschedulable.length} unschedulable, ${schedule.shortfalls.length} shortfalls reported by the planner`,
);
for (const u of schedule.unschedulable)
  console.log(`  unschedulable ${u.participantId}: ${u.message}`);
for (const s of schedule.shortfalls.slice(0, 8))
  console.log(`  shortfall ${s.invariant} ${s.participantId} ${s.isoWeek}: ${s.message}`);
console.log(
  violations.length === 0
    ? "checkSchedule: no invariant S1–S13 is broken"
    : `checkSchedule: ${violations.length} finding(s), ${violations.filter((v) => !schedule.shortfalls.some((s) => s.invariant === v.code && s.participantId === v.participantId && s.isoWeek === v.isoWeek)).length} not reported by the planner`,
);
printParticipantWeeks(schedule, enrollments);
printRosters(schedule);

mkdirSync(out, { recursive: true });
writeFileSync(join(out, "schedule.json"), `${JSON.stringify(schedule, null, 2)}\n`);
console.log(`\nWrote ${join(out, "schedule.json")}`);

/** A staff team for n participants: therapists and counsellors for groups and one-to-ones, a prescriber, a collector. */
function staffFor(n: number) {
  const days = program.operatingHours.map((w) => ({
    weekday: w.weekday,
    from: w.open,
    to: w.close,
  }));
  const team = (
    role: StaffInput["roles"][number],
    k: number,
    names: readonly string[],
  ): StaffInput[] =>
    Array.from({ length: k }, (_, i) => ({
      id: `${role}-${i + 1}`,
      name: names[i % names.length] ?? role,
      roles: [role],
      availability: days,
    }));
  return [
    ...team("therapist", Math.max(2, Math.ceil(n / 8)), [
      "Dr. Ruth Adeyemi",
      "Marcus Bell",
      "Ingrid Sato",
      "Paul Mendez",
      "Dana Cho",
    ]),
    ...team("counsellor", Math.max(2, Math.ceil(n / 12)), [
      "Lena Ortiz",
      "Sam Whitfield",
      "Joy Park",
    ]),
    ...team("prescriber", 1, ["Dr. Amir Haddad"]),
    ...team("collector", Math.max(1, Math.ceil(n / 25)), ["Chris Lee", "Robin Ade"]),
  ].map(parseStaff);
}

/** One participant's weeks: each session at its wall-clock time, across the DST change. */
function printParticipantWeeks(s: Schedule, list: readonly Enrollment[]): void {
  const who = list.find((e) => e.track === "evening") ?? list[0];
  if (who === undefined) return;
  const mine = s.sessions.filter((x) => x.participantIds.includes(who.participant.id));
  console.log(
    heading(
      `${who.participant.name ?? who.participant.id}'s first three weeks (${who.track ?? "first fitting"} track)`,
    ),
  );
  const rows = mine
    .filter((x) => x.start < `${addDays(who.start, 21)}T`)
    .map((x) => {
      const local = instantToZoned(x.start, zone);
      const offset = x.start.slice(-6);
      return [
        isoWeekKey(local.date),
        local.date,
        local.time,
        `UTC${offset}`,
        x.sessionType,
        x.phaseId ?? "",
        x.staffIds.join(", "),
      ];
    });
  console.log(table(["week", "date", "time", "offset", "session", "phase", "staff"], rows));
}

/** Each group's roster: who, from when to when, with which facilitator. */
function printRosters(s: Schedule): void {
  console.log(heading("Group rosters"));
  for (const g of s.groups) {
    const members = g.members
      .map((m) => `${m.participantId} (${m.from.slice(5)}→${m.to.slice(5)})`)
      .join(", ");
    console.log(`${g.id} [${g.facilitatorId ?? "no facilitator"}]: ${members}`);
  }
}
