// Billable days and the authorisation ledger over 1,000,000 attendance records (the compliance
// bench's quarter: 10,000 participants × 12 weeks across the 2026-11-01 DST change in New York):
// each participant-day's H0015 class from attended hours, and each participant's IOP
// authorisation (40 days from the window's start) walked with attendance before 30 November and
// the schedule after it. Beside a typed-array lower bound that does the same counting on integers
// prepared before the clock starts, and a per-record luxon implementation. The subject matches the
// attendance once (`matchAttendance`) and passes the match to both, as a billing job would.
import { DateTime } from "luxon";
import { parseAuthorization, type Authorization, type ScheduledSession } from "iopkit";
import {
  authorizationLedger,
  billableDays,
  billingRuleSets,
  matchAttendance,
} from "iopkit/capacity";
import { attendance, complianceProgram, from, schedule } from "./fixtures/attendance";
import type { Bench } from "./harness";

const program = complianceProgram;
const N = attendance.length;
const asOf = "2026-11-30";
const authorizations: Authorization[] = [];
for (let p = 0; p < 10_000; p++)
  authorizations.push(
    parseAuthorization({
      id: `a-${p}`,
      participantId: `p-${p}`,
      payer: "Bench Health",
      level: "intensive-outpatient",
      from,
      to: "2027-01-31",
      units: { of: "days", count: 40 },
    }),
  );

// Lower bound: integer ids and days for every record, prepared untimed.
const sessionIndex = new Map(schedule.sessions.map((s, i) => [s.id as string, i]));
const participantIndex = new Map<string, number>();
for (const s of schedule.sessions)
  for (const p of s.participantIds)
    if (!participantIndex.has(p)) participantIndex.set(p, participantIndex.size);
const P = participantIndex.size;
const dayOf = Int32Array.from(schedule.sessions, (s) =>
  Math.floor((Date.parse(s.start) - 5 * 3_600_000) / 86_400_000),
);
const separate = Uint8Array.from(schedule.sessions, (s) => (s.sessionType === "drug-test" ? 1 : 0));
const recSession = Int32Array.from(attendance, (r) => sessionIndex.get(r.sessionId) ?? 0);
const recParticipant = Int32Array.from(
  attendance,
  (r) => participantIndex.get(r.participantId) ?? 0,
);
const recMinutes = Int32Array.from(attendance, (r) => r.minutesAttended);
const recAttended = Uint8Array.from(attendance, (r) =>
  r.status === "present" || r.status === "late" || r.status === "left-early" ? 1 : 0,
);
const cutoff = Math.floor(Date.parse(`${asOf}T00:00:00-05:00`) / 86_400_000);
// Records in start order by session (the fixture writes them session by session, in week order).
export default {
  name: "billable days and authorisation ledger",
  workload: `${N.toLocaleString("en")} attendance records (10,000 participants × 12 weeks): matchAttendance once, then billableDays (H0015) + authorizationLedger (10,000 authorisations)`,
  units: N,
  unitName: "record",
  repetitions: 3,
  subject: {
    name: "iopkit",
    // The job as a billing system runs it: the attendance matched once, then both reports.
    run: () => {
      const matched = matchAttendance({ program, schedule, attendance });
      const rules = billingRuleSets.sudIop;
      return (
        billableDays({ program, schedule, attendance, rules, matched }).length +
        authorizationLedger({ program, authorizations, schedule, attendance, asOf, matched })
          .accounts.length
      );
    },
  },
  lowerBound: {
    name: "typed arrays",
    run: () => {
      // Billable days: minutes per participant-day, then the 3-h class.
      const lastDay = new Int32Array(P).fill(-1);
      const minutes = new Float64Array(P);
      let days = 0;
      let billable = 0;
      for (let i = 0; i < N; i++) {
        const s = recSession[i] ?? 0;
        const p = recParticipant[i] ?? 0;
        const d = dayOf[s] ?? 0;
        if (lastDay[p] !== d) {
          if ((lastDay[p] ?? -1) >= 0 && (minutes[p] ?? 0) >= 180) billable++;
          lastDay[p] = d;
          minutes[p] = 0;
          days++;
        }
        if (recAttended[i] === 1 && separate[s] === 0)
          minutes[p] = (minutes[p] ?? 0) + (recMinutes[i] ?? 0);
      }
      // Ledger: days counted once per participant-day against 40 units.
      const used = new Int32Array(P);
      const counted = new Int32Array(P).fill(-1);
      let out = 0;
      for (let i = 0; i < N; i++) {
        const s = recSession[i] ?? 0;
        const p = recParticipant[i] ?? 0;
        const d = dayOf[s] ?? 0;
        if (d < cutoff && recAttended[i] === 0) continue;
        if (counted[p] === d) continue;
        if ((used[p] ?? 0) >= 40) {
          out++;
          continue;
        }
        counted[p] = d;
        used[p] = (used[p] ?? 0) + 1;
      }
      return days + billable + out;
    },
  },
  baselines: [
    {
      // The straightforward way: a luxon DateTime per record for its local date, string keys.
      name: "luxon",
      units: N / 50,
      run: () => {
        const sessions = new Map<string, ScheduledSession>(
          schedule.sessions.map((s) => [s.id as string, s]),
        );
        const minutesByDay = new Map<string, number>();
        const used = new Map<string, Set<string>>();
        for (let i = 0; i < N / 50; i++) {
          const r = attendance[i];
          const s = r === undefined ? undefined : sessions.get(r.sessionId);
          if (r === undefined || s === undefined) continue;
          const date = DateTime.fromISO(s.start, { zone: program.timeZone }).toISODate() ?? "";
          const key = `${r.participantId}|${date}`;
          minutesByDay.set(key, (minutesByDay.get(key) ?? 0) + r.minutesAttended);
          if (date < asOf && r.minutesAttended === 0) continue;
          let set = used.get(r.participantId);
          if (set === undefined) used.set(r.participantId, (set = new Set()));
          if (set.size < 40) set.add(date);
        }
        let billable = 0;
        for (const m of minutesByDay.values()) if (m >= 180) billable++;
        return billable + used.size;
      },
    },
  ],
  goals: { maxSubjectMs: 1_000, minSpeedupOver: { luxon: 20 } },
} satisfies Bench;
