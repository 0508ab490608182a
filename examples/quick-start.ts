/**
 * Quick start: the smallest end-to-end use of iopkit.
 *
 *   npx tsx examples/quick-start.ts
 *
 * It takes the adult substance-use program template, validates one referral, screens it
 * (`assessEligibility`), enrols the participant, plans their first two weeks with a small staff
 * team (`planSchedule`), proves the plan sound (`checkSchedule`, invariants S1–S16) and prints
 * every session at the clinic's wall-clock time.
 */
import {
  admissionTracks,
  assessEligibility,
  checkSchedule,
  instantToZoned,
  parseEnrollment,
  parseParticipant,
  parseStaff,
  planSchedule,
  isoWeekKey,
  programTemplates,
  sessionTypes,
  toEpochMs,
  type Weekday,
} from "iopkit";

// 1. A program: the template is a complete, validated Program. The zone is required.
const program = programTemplates.substanceUseAdult({ timeZone: "America/New_York" });
console.log(`${program.name} (${program.timeZone}), ${program.phases.length} phases:`);
for (const phase of program.phases)
  console.log(
    `  ${phase.name}: ${phase.hoursPerWeek.min}–${phase.hoursPerWeek.max} h/week for ${phase.plannedWeeks ?? phase.weeks.min} weeks`,
  );

// 2. A participant: parse untrusted input (a form, an API body) into a typed record.
const weekdays: Weekday[] = [1, 2, 3, 4, 5];
const maya = parseParticipant({
  id: "p-maya",
  name: "Maya Chen",
  dateOfBirth: "1990-06-15",
  assessedOn: "2026-04-06",
  conditions: [{ kind: "substance-use", severity: "moderate", code: "F10.20" }],
  dimensions: {
    withdrawal: 1,
    biomedical: 0,
    emotionalBehavioral: 1,
    readiness: 2,
    relapsePotential: 2,
    recoveryEnvironment: 1,
  },
  detox: "completed",
  history: { outpatientEpisodes: 1, relapsesAfterOutpatient: 2, residentialCompleted: false },
  living: "supportive-home",
  // Maya works office hours, so she needs sessions outside 08:30–17:00 on weekdays.
  responsibilities: ["work"],
  unavailable: weekdays.map((weekday) => ({ weekday, from: "08:30", to: "17:00", reason: "work" })),
  familyInvolved: false,
  medications: [],
});

// 3. Screening: the decision explains itself with reasons and conditions.
const decision = assessEligibility(maya, program);
console.log(
  `\nScreening ${maya.name ?? maya.id}: ${decision.outcome} at ${decision.recommendedLevel}`,
);
for (const r of decision.reasons) console.log(`  because ${r.message}`);
for (const c of decision.conditions) console.log(`  on condition: ${c.message}`);
if (decision.outcome !== "admit" && decision.outcome !== "admit-with-conditions")
  throw new Error("this example expects Maya to be admitted");

// 4. Enrol her from a Monday on the track her "track" condition names (without a `track`, the
//    planner would pick the first track that avoids her unavailable times: the same one here).
const start = "2026-04-13";
const track = admissionTracks(decision)?.[0];
const enrollment = parseEnrollment({
  participant: maya,
  start,
  ...(track === undefined ? {} : { track }),
});

// 5. A small staff team, in the clinic's zone: who can do what, and when they work.
const clinicDays = program.operatingHours.map((w) => ({
  weekday: w.weekday,
  from: w.open,
  to: w.close,
}));
const staff = [
  { id: "t-ruth", name: "Ruth Adeyemi", roles: ["therapist"], availability: clinicDays },
  {
    id: "c-sam",
    name: "Sam Whitfield",
    roles: ["counsellor", "collector"],
    availability: clinicDays,
  },
].map(parseStaff);

// 6. Plan two weeks and check the result against the invariants.
const schedule = planSchedule({
  program,
  enrollments: [enrollment],
  staff,
  from: start,
  weeks: 2,
  seed: 2026,
});
const violations = checkSchedule(schedule, { program, enrollments: [enrollment], staff });
console.log(
  `\nPlanned ${schedule.sessions.length} sessions; ${schedule.unschedulable.length} unschedulable, ` +
    `${schedule.shortfalls.length} shortfalls; checkSchedule found ${violations.length} violations`,
);

// 7. Her sessions, as her clock shows them (instants are stored with their UTC offset).
console.log(`\n${maya.name ?? maya.id}'s first two weeks (${program.timeZone}):`);
const hoursByWeek = new Map<string, number>();
for (const s of schedule.sessions.filter((x) => x.participantIds.includes(maya.id))) {
  const from = instantToZoned(s.start, program.timeZone);
  const to = instantToZoned(s.end, program.timeZone);
  const who = s.staffIds.join(", ") || "unstaffed";
  console.log(
    `  ${from.date} ${from.time}–${to.time}  ${s.sessionType.padEnd(19)} ${(s.track ?? "").padEnd(8)} ${who}`,
  );
  // Drug tests are not clinical time; groups and one-to-ones are (rule S5 counts them).
  if (sessionTypes[s.sessionType].countsTowardClinicalHours) {
    const week = isoWeekKey(from.date);
    const hours = (toEpochMs(s.end) - toEpochMs(s.start)) / 3_600_000;
    hoursByWeek.set(week, (hoursByWeek.get(week) ?? 0) + hours);
  }
}
const band = program.phases[0]?.hoursPerWeek;
for (const [week, hours] of hoursByWeek)
  console.log(`  ${week}: ${hours} clinical hours (Intensive band ${band?.min}–${band?.max} h)`);
