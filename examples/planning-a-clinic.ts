/**
 * Planning a clinic: thirty participants, eight weeks, a staff team, a holiday and a DST change.
 *
 *   npx tsx examples/planning-a-clinic.ts
 *
 * Thirty people start in weekly waves in the adult substance-use template's morning and evening
 * tracks. `planSchedule` builds rolling groups within capacity, one-to-ones with free staff,
 * make-ups for Thanksgiving and random drug tests, and reports what it could not do
 * (`unschedulable`, `shortfalls`) with a cause; `checkSchedule` finds no breach beyond those. The
 * window crosses the end of daylight-saving time (2026-11-01): sessions keep their wall-clock time.
 */
import {
  addDays,
  checkSchedule,
  instantToZoned,
  isoWeekKey,
  isoWeekday,
  parseEnrollment,
  parseParticipant,
  parseStaff,
  participantId,
  planSchedule,
  programTemplates,
  type Weekday,
} from "iopkit";

const zone = "America/New_York";
const thanksgiving = "2026-11-26";
const program = programTemplates.substanceUseAdult({ timeZone: zone, closures: [thanksgiving] });
const from = "2026-10-19";
const weekdays: Weekday[] = [1, 2, 3, 4, 5];

// Thirty participants, varied by index: every third works office hours (evening track), every
// fifth takes an addiction medication, every other one has family involved. p-30 works days and
// cares for a relative every evening, so no track fits them.
const enrollments = Array.from({ length: 30 }, (_, i) => {
  const n = i + 1;
  const works = n % 3 === 0 || n === 30;
  const participant = parseParticipant({
    id: `p-${String(n).padStart(2, "0")}`,
    dateOfBirth: addDays("1990-01-01", n * 211 - 3000),
    conditions: [{ kind: "substance-use", severity: "moderate" }],
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
    responsibilities: n === 30 ? ["work", "caregiving"] : works ? ["work"] : [],
    unavailable: [
      ...(works ? weekdays.map((weekday) => ({ weekday, from: "08:00", to: "17:00" })) : []),
      ...(n === 30 ? weekdays.map((weekday) => ({ weekday, from: "17:30", to: "22:00" })) : []),
    ],
    familyInvolved: n % 2 === 0,
    medications: n % 5 === 0 ? [{ name: "naltrexone", purpose: "addiction" }] : [],
  });
  // Four weekly admission waves: 2026-10-19, 10-26, 11-02, 11-09.
  return parseEnrollment({ participant, start: addDays(from, (i % 4) * 7) });
});

// The team works shifts: days 08:00–16:30, lates 13:00–21:30, an evening urine collector, and a
// part-time prescriber on Tuesday and Thursday afternoons.
const shift = (from: string, to: string, days: readonly Weekday[] = weekdays) =>
  days.map((weekday) => ({ weekday, from, to }));
const [day, late] = [shift("08:00", "16:30"), shift("13:00", "21:30")];
const staff = [
  { id: "t-1", roles: ["therapist"], availability: day },
  { id: "t-2", roles: ["therapist"], availability: day },
  { id: "t-3", roles: ["therapist"], availability: late },
  { id: "t-4", roles: ["therapist"], availability: late },
  { id: "c-1", roles: ["counsellor", "collector"], availability: day },
  { id: "c-2", roles: ["counsellor", "collector"], availability: late },
  { id: "col-1", roles: ["collector"], availability: shift("16:30", "21:30") },
  { id: "dr-1", roles: ["prescriber"], availability: shift("13:00", "17:00", [2, 4]) },
].map(parseStaff);

const schedule = planSchedule({ program, enrollments, staff, from, weeks: 8, seed: 2026 });
const violations = checkSchedule(schedule, { program, enrollments, staff });
const known = new Set(schedule.shortfalls.map((s) => s.invariant + s.participantId + s.isoWeek));
const unreported = violations.filter((v) => !known.has(`${v.code}${v.participantId}${v.isoWeek}`));
console.log(`${schedule.sessions.length} sessions for ${enrollments.length} people from ${from}`);
console.log(`checkSchedule: ${violations.length} findings, ${unreported.length} not in shortfalls`);

const local = (instant: string) => instantToZoned(instant, zone);
const day3 = (d: string) => ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][isoWeekday(d) - 1];

console.log(`\nGroups (at most ${program.groupCapacity} at a time; members come and go):`);
for (const g of schedule.groups)
  console.log(`  ${g.id.padEnd(21)} led by ${g.facilitatorId ?? "-"}, ${g.members.length} members`);
for (const g of schedule.groups.slice(0, 1)) {
  const roster = g.members.map((m) => `${m.participantId} ${m.from.slice(5)}→${m.to.slice(5)}`);
  console.log(`  ${g.id} roster: ${roster.join(", ")}`);
}
// A group that falls below program.groupMinimum (3) as people step down merges into another group
// of its phase and track with room: its members then have two stays, one in each group.
const moved = schedule.groups.flatMap((g) =>
  g.members
    .filter((m) =>
      schedule.groups.some(
        (h) =>
          h !== g &&
          h.phaseId === g.phaseId &&
          h.track === g.track &&
          h.members.some((x) => x.participantId === m.participantId && x.to < m.from),
      ),
    )
    .map((m) => `${m.participantId} into ${g.id} from ${m.from}`),
);
console.log(`  merged: ${moved.length === 0 ? "none" : moved.join(", ")}`);
// A group can still be small when no other group of its phase and track meets beside it.
const small = new Map<string, Set<string>>();
for (const s of schedule.sessions)
  if (s.groupId !== undefined && s.participantIds.length < program.groupMinimum)
    small.set(s.groupId, (small.get(s.groupId) ?? new Set()).add(isoWeekKey(local(s.start).date)));
for (const [id, weeks] of small)
  console.log(
    `  ${id} (the only one of its track) has under ${program.groupMinimum} members in ${[...weeks].join(", ")}`,
  );

console.log("\nWhat the planner could not do, and why:");
for (const u of schedule.unschedulable)
  console.log(`  unschedulable ${u.participantId} [${u.code}] ${u.message}`);
for (const s of schedule.shortfalls)
  console.log(`  ${s.invariant} ${s.participantId} ${s.isoWeek} [${s.code}] ${s.message}`);

// Thanksgiving (a Thursday): the day's sessions are dropped; where that leaves someone's week below
// the phase's band, a make-up at the same wall-clock time goes on another open day that week.
const onClosure = schedule.sessions.filter((s) => local(s.start).date === thanksgiving).length;
console.log(
  `\nClosure ${thanksgiving}: ${onClosure} sessions that day. Make-ups, for those who need one:`,
);
for (const s of schedule.sessions.filter((x) => x.makeUp === true)) {
  const { date, time } = local(s.start);
  const what = `${s.groupId ?? ""} ${s.sessionType}, ${s.participantIds.length} attending`;
  console.log(`  ${day3(date)} ${date} ${time} ${what}`);
}

// Drug tests: a random count and random days per person and week, reproducible from the seed.
const tests = schedule.sessions.filter((s) => s.sessionType === "drug-test");
const testDays = tests.map((t) => local(t.start).date);
const byWeekday = [1, 2, 3, 4, 5].map((d) => testDays.filter((t) => isoWeekday(t) === d).length);
console.log(`\n${tests.length} random drug tests; Mon–Fri: ${byWeekday.join(" / ")}`);
console.log(`  (call-in testing: any open day, not only group days, so no weekday can be predicted;
   two tests in one week are at least 3 days apart, SAMHSA TIP 47 (2006), Appendix B)`);
const who = participantId("p-01");
const mine = schedule.sessions.filter((s) => s.participantIds.includes(who));
const myTests = mine.filter((s) => s.sessionType === "drug-test").map((s) => local(s.start).date);
console.log(`  ${who}: ${myTests.map((d) => `${isoWeekKey(d).slice(5)} ${day3(d)}`).join(", ")}`);

// DST ends on Sunday 2026-11-01: Monday's 09:00 group stays at 09:00 on the clinic's clock, so its
// UTC time moves by an hour.
console.log("\nAcross the end of daylight-saving time (2026-11-01):");
for (const date of ["2026-10-26", "2026-11-02"]) {
  const s = mine.find((x) => x.sessionType === "group-therapy" && local(x.start).date === date);
  if (s === undefined) continue;
  const [clinic, utc] = [local(s.start).time, instantToZoned(s.start, "UTC").time];
  console.log(`  ${who}'s group on ${date}: ${clinic} local, ${utc} UTC (stored as ${s.start})`);
}
