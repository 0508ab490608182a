// Weekly compliance: 1,000,000 attendance records (10,000 participants × 12 weeks, across the
// 2026-11-01 DST change in New York) → attended clinical hours per participant per ISO week
// against the phase band. Beside a per-record luxon implementation and a typed-array lower bound.
import { DateTime } from "luxon";
import { sessionTypes, weeklyCompliance, type ScheduledSession } from "iopkit";
import { attendance, complianceProgram, schedule } from "./fixtures/attendance";
import type { Bench } from "./harness";

const program = complianceProgram;
const N = attendance.length;
const band = program.phases[0]?.hoursPerWeek ?? { min: 0, max: 0 };

// The lower bound knows, before the clock starts, which session and participant every record
// names and each session's week (as integers); it only accumulates minutes in typed arrays and
// builds the same rows.
const sessionIndex = new Map(schedule.sessions.map((s, i) => [s.id as string, i]));
const participantIndex = new Map<string, number>();
const participantIds: string[] = [];
for (const s of schedule.sessions)
  for (const p of s.participantIds)
    if (!participantIndex.has(p)) {
      participantIndex.set(p, participantIds.length);
      participantIds.push(p);
    }
const firstMs = Date.parse(`${schedule.window.from}T00:00:00-04:00`);
const weekOf = new Int32Array(schedule.sessions.length);
const clinical = new Uint8Array(schedule.sessions.length);
const lengthOf = new Float64Array(schedule.sessions.length);
schedule.sessions.forEach((s, i) => {
  weekOf[i] = Math.floor((Date.parse(s.start) - firstMs) / (7 * 86_400_000));
  clinical[i] = sessionTypes[s.sessionType].countsTowardClinicalHours ? 1 : 0;
  lengthOf[i] = (Date.parse(s.end) - Date.parse(s.start)) / 60_000;
});
const W = schedule.window.weeks;
const recSession = Int32Array.from(attendance, (r) => sessionIndex.get(r.sessionId) ?? 0);
const recParticipant = Int32Array.from(
  attendance,
  (r) => participantIndex.get(r.participantId) ?? 0,
);
const recMinutes = Int32Array.from(attendance, (r) => r.minutesAttended);
const seatSession: number[] = [];
const seatParticipant: number[] = [];
schedule.sessions.forEach((s, i) => {
  for (const p of s.participantIds) {
    seatSession.push(i);
    seatParticipant.push(participantIndex.get(p) ?? 0);
  }
});
const seatS = Int32Array.from(seatSession);
const seatP = Int32Array.from(seatParticipant);
const weekKeys = Array.from({ length: W }, (_, w) => {
  const d = DateTime.fromISO(schedule.window.from, { zone: "UTC" }).plus({ weeks: w });
  return `${d.weekYear}-W${String(d.weekNumber).padStart(2, "0")}`;
});
const order = participantIds
  .map((_, p) => p)
  .sort((a, b) => {
    const x = participantIds[a] ?? "";
    const y = participantIds[b] ?? "";
    return x < y ? -1 : x > y ? 1 : 0;
  });

export default {
  name: "weekly compliance",
  workload: `${N.toLocaleString("en")} attendance records (10,000 participants × 12 weeks) across a DST change`,
  units: N,
  unitName: "record",
  repetitions: 5,
  subject: {
    name: "iopkit",
    run: () => weeklyCompliance({ program, schedule, attendance }).length,
  },
  lowerBound: {
    name: "typed arrays",
    run: () => {
      const P = participantIds.length;
      const attended = new Float64Array(P * W);
      const scheduled = new Float64Array(P * W);
      for (let k = 0; k < seatS.length; k++) {
        const s = seatS[k] ?? 0;
        if (clinical[s] === 1) {
          const cell = (seatP[k] ?? 0) * W + (weekOf[s] ?? 0);
          scheduled[cell] = (scheduled[cell] ?? 0) + (lengthOf[s] ?? 0);
        }
      }
      for (let i = 0; i < N; i++) {
        const s = recSession[i] ?? 0;
        if (clinical[s] === 1) {
          const cell = (recParticipant[i] ?? 0) * W + (weekOf[s] ?? 0);
          attended[cell] = (attended[cell] ?? 0) + (recMinutes[i] ?? 0);
        }
      }
      const rows = [];
      for (const p of order)
        for (let w = 0; w < W; w++) {
          const hours = (attended[p * W + w] ?? 0) / 60;
          rows.push({
            participantId: participantIds[p],
            isoWeek: weekKeys[w],
            phaseId: "only",
            phaseIds: ["only"],
            attendedHours: hours,
            attendedMinutes: attended[p * W + w],
            scheduledHours: (scheduled[p * W + w] ?? 0) / 60,
            band: { min: band.min, max: band.max },
            expectedBand: { min: band.min, max: band.max },
            status: hours < band.min ? "below" : hours > band.max ? "above" : "within",
            partial: false,
          });
        }
      return rows.length;
    },
  },
  baselines: [
    {
      // The straightforward way: a luxon DateTime per record for its ISO week, string keys.
      name: "luxon",
      units: N / 50,
      run: () => {
        const sessions = new Map<string, ScheduledSession>(
          schedule.sessions.map((s) => [s.id as string, s]),
        );
        const minutes = new Map<string, number>();
        for (let i = 0; i < N / 50; i++) {
          const r = attendance[i];
          const s = r === undefined ? undefined : sessions.get(r.sessionId);
          if (r === undefined || s === undefined) continue;
          if (!sessionTypes[s.sessionType].countsTowardClinicalHours) continue;
          const start = DateTime.fromISO(s.start, { zone: program.timeZone });
          const key = `${r.participantId}|${start.weekYear}-W${start.weekNumber}`;
          minutes.set(key, (minutes.get(key) ?? 0) + r.minutesAttended);
        }
        return minutes.size;
      },
    },
  ],
  goals: { maxRatioToLowerBound: 10, minSpeedupOver: { luxon: 20 } },
} satisfies Bench;
