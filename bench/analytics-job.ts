// The analytics job the two analytics benches time: a year of a large clinic streamed from
// iopkit/testing's seeded synthetic clinic (100,000 episodes, `seats` attendance rows each,
// PHQ-9 for a share of them), read in ONE pass that feeds all seven aggregates through their
// accumulators, then each partial finished. Rows are generated as they are read, never held:
// peak memory is the aggregates' state (per participant, per day), not the rows.
//
// Beside it: a lower bound that streams the same rows and reads each session start's local day
// (the per-row work no job can skip), and a baseline that does the job the straightforward way,
// a luxon DateTime per record, on a 4 % sample of the episodes (scaled).
import { DateTime } from "luxon";
import { zonedInstant } from "iopkit";
import {
  attendanceRates,
  censusByPhase,
  followUpMeasure,
  lengthOfStay,
  measurementBasedCare,
  retentionCurve,
  tedsDischarge,
} from "iopkit/analytics";
import { syntheticClinic, type SyntheticClinic } from "iopkit/testing";
import type { Bench } from "./harness";

const EPISODES = 100_000;
const SAMPLE = 4_000;

/** The clinic: admissions over a year, PHQ-9 every 21 days for a fifth of the episodes. */
export function clinicOf(episodes: number, seats: number): SyntheticClinic {
  return syntheticClinic({
    seed: 2026,
    episodes,
    from: "2026-01-05",
    admissionDays: 365,
    seatsPerEpisode: seats,
    measuredShare: 0.2,
    measuresEvery: 21,
  });
}

/** All seven aggregates over one pass of the clinic's rows; returns a digest of the reports. */
export function runJob(clinic: SyntheticClinic): number {
  const { program, asOf } = clinic;
  const timeZone = program.timeZone;
  // Each report is taken, then its accumulator let go, so one partial is alive at a time.
  let census: ReturnType<typeof censusByPhase.accumulator> | undefined = censusByPhase.accumulator({
    program,
    from: "2026-01-05",
    to: asOf,
  });
  let los: ReturnType<typeof lengthOfStay.accumulator> | undefined = lengthOfStay.accumulator({
    method: "teds",
    timeZone,
  });
  let retention: ReturnType<typeof retentionCurve.accumulator> | undefined =
    retentionCurve.accumulator({ asOf });
  let rates: ReturnType<typeof attendanceRates.accumulator> | undefined =
    attendanceRates.accumulator({ timeZone });
  let mbc: ReturnType<typeof measurementBasedCare.accumulator> | undefined =
    measurementBasedCare.accumulator({
      asOf,
      schedule: [{ instrument: "phq-9", everyDays: 21, graceDays: 7 }],
    });
  let teds: ReturnType<typeof tedsDischarge.accumulator> | undefined = tedsDischarge.accumulator({
    program,
  });
  let followUp: ReturnType<typeof followUpMeasure.accumulator> | undefined =
    followUpMeasure.accumulator({ asOf, timeZone });
  for (const log of clinic.episodes()) {
    census.add("episodes", log);
    los.add("episodes", log);
    retention.add("episodes", log);
    mbc.add("episodes", log);
    teds.add("episodes", log);
    followUp.add("episodes", log);
  }
  for (const row of clinic.attendance()) {
    los.add("attendance", row);
    rates.add("attendance", row);
    teds.add("attendance", row);
    followUp.add("attendance", row);
  }
  for (const row of clinic.measures()) mbc.add("measures", row);
  for (const row of clinic.encounters()) followUp.add("encounters", row);
  for (const row of clinic.profiles()) teds.add("profiles", row);
  let digest = censusByPhase.finish(census.partial()).periods.length;
  census = undefined;
  digest += retentionCurve.finish(retention.partial()).medianDays ?? 0;
  retention = undefined;
  digest += attendanceRates.finish(rates.partial()).total.seats;
  rates = undefined;
  digest += lengthOfStay.finish(los.partial()).summary.median ?? 0;
  los = undefined;
  digest += measurementBasedCare.finish(mbc.partial()).participants.length;
  mbc = undefined;
  digest += tedsDischarge.finish(teds.partial()).records.length;
  teds = undefined;
  const f = followUpMeasure.finish(followUp.partial());
  followUp = undefined;
  return digest + f.measures.reduce((n, x) => n + x.denominator, 0);
}

/** Streams the rows and reads each session start's local day: the floor of any such job. */
function lowerBound(clinic: SyntheticClinic): number {
  let sum = 0;
  let lastText = "";
  let lastDay = 0;
  const offsetMs = new Map<string, number>();
  for (const log of clinic.episodes()) sum += log.length;
  for (const row of clinic.attendance()) {
    if (row.start !== lastText) {
      // The offset suffix as written ("-05:00"), memoised: the instants are in the program's zone.
      const suffix = row.start.slice(-6);
      let off = offsetMs.get(suffix);
      if (off === undefined) {
        off =
          (Number(suffix.slice(0, 3)) * 60 +
            Number(suffix.slice(4)) * Math.sign(Number(suffix.slice(0, 3)) || 1)) *
          60_000;
        offsetMs.set(suffix, off);
      }
      lastDay = Math.floor((Date.parse(row.start) + off) / 86_400_000);
      lastText = row.start;
    }
    sum += lastDay;
  }
  for (const m of clinic.measures()) sum += m.score.instrument.length;
  for (const e of clinic.encounters()) sum += e.on.length;
  for (const p of clinic.profiles()) sum += p.episodeKey.length;
  return sum;
}

/**
 * The same job written the straightforward way: a luxon DateTime per record for every date
 * (local day and ISO week of each session, stays, census days, windows), string-keyed maps.
 */
function withLuxon(clinic: SyntheticClinic): number {
  const zone = clinic.program.timeZone;
  const asOf = DateTime.fromISO(clinic.asOf, { zone });
  const stays: { participant: string; first: DateTime; end: DateTime | null; type: string }[] = [];
  for (const log of clinic.episodes()) {
    const ref = log[0];
    if (ref?.kind !== "referred") continue;
    const start = log.find((e) => e.kind === "phase-started");
    const end = log.find((e) => e.kind === "discharged");
    if (start === undefined) continue;
    stays.push({
      participant: ref.participantId,
      first: DateTime.fromISO(start.on, { zone }),
      end: end === undefined ? null : DateTime.fromISO(end.on, { zone }),
      type: end?.kind === "discharged" ? end.type : "open",
    });
  }
  const counts = new Map<string, number[]>();
  const attended = new Map<string, Set<string>>();
  const bump = (key: string, i: number) => {
    const v = counts.get(key) ?? [0, 0, 0, 0, 0, 0];
    v[i] = (v[i] ?? 0) + 1;
    counts.set(key, v);
  };
  for (const row of clinic.attendance()) {
    const local = DateTime.fromISO(row.start).setZone(zone);
    const day = local.toISODate() ?? "";
    const week = `${local.weekYear}-W${String(local.weekNumber).padStart(2, "0")}`;
    const i =
      row.status === null ? 5 : ["present", "late", "left-early"].includes(row.status) ? 0 : 1;
    bump(`p:${row.participantId}`, i);
    bump(`g:${row.groupId ?? ""}`, i);
    bump(`f:${row.phaseId ?? ""}`, i);
    bump(`w:${week}`, i);
    if (i === 0) {
      const set = attended.get(row.participantId) ?? new Set<string>();
      set.add(day);
      attended.set(row.participantId, set);
    }
  }
  let sum = counts.size;
  // Lengths of stay (TEDS method), census by week, retention times.
  const times: number[] = [];
  const weeks = new Map<string, number>();
  for (const s of stays) {
    const until = s.end ?? asOf;
    times.push(Math.round(until.diff(s.first, "days").days));
    const contacts = [...(attended.get(s.participant) ?? [])]
      .map((d) => DateTime.fromISO(d, { zone }))
      .filter((d) => d >= s.first && d <= until);
    const last = contacts.reduce((m, d) => (d > m ? d : m), s.first);
    sum += Math.round(last.diff(s.first, "days").days) + 1;
    for (let d = s.first; d < until; d = d.plus({ weeks: 1 })) {
      const key = `${d.weekYear}-${d.weekNumber}`;
      weeks.set(key, (weeks.get(key) ?? 0) + 1);
    }
  }
  times.sort((a, b) => a - b);
  sum += times[times.length >> 1] ?? 0;
  // Measures: per participant, ordered by date.
  const scores = new Map<string, { on: DateTime; total: number }[]>();
  for (const m of clinic.measures()) {
    const list = scores.get(m.participantId) ?? [];
    list.push({
      on: DateTime.fromISO(m.score.administeredOn ?? "", { zone }),
      total: m.score.instrument === "bam" ? 0 : m.score.total,
    });
    scores.set(m.participantId, list);
  }
  for (const list of scores.values()) list.sort((a, b) => a.on.toMillis() - b.on.toMillis());
  // Follow-up windows after each encounter.
  for (const e of clinic.encounters()) {
    const at = DateTime.fromISO(e.on, { zone });
    const days = attended.get(e.participantId) ?? new Set<string>();
    for (let k = 0; k <= 30; k++) if (days.has(at.plus({ days: k }).toISODate() ?? "")) sum += 1;
  }
  return sum + weeks.size + scores.size + zonedInstant("2026-01-05", "09:00", zone).length;
}

/** The bench for `seats` attendance rows per episode. */
export function analyticsBench(seats: number, name: string): Bench {
  const rows = EPISODES * seats;
  return {
    name,
    workload: `${EPISODES.toLocaleString("en-US")} episodes, ${rows.toLocaleString("en-US")} attendance rows, ~${(EPISODES * 0.2 * 3).toLocaleString("en-US")} PHQ-9 scores, encounters and TEDS profiles, streamed once into all seven aggregates`,
    units: rows,
    unitName: "attendance row",
    subject: { name: "iopkit", run: () => runJob(clinicOf(EPISODES, seats)) },
    lowerBound: { name: "stream + local day", run: () => lowerBound(clinicOf(EPISODES, seats)) },
    baselines: [
      { name: "luxon", units: SAMPLE * seats, run: () => withLuxon(clinicOf(SAMPLE, seats)) },
    ],
    goals: { maxSubjectMs: 3000, minSpeedupOver: { luxon: 20 }, maxSubjectRssMiB: 1024 },
    repetitions: 2,
  };
}
