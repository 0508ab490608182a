// The analytics job the two analytics benches time: a year of a large clinic streamed from
// iopkit/testing's seeded synthetic clinic (100,000 episodes, `seats` attendance rows each,
// PHQ-9 for a share of them), read in ONE pass that feeds all seven aggregates through one
// analyticsJob, then each report finished. Rows are generated as they are read and handed over
// in batches of 10,000, the way a database cursor fetches them, never all held: peak memory is
// the aggregates' state (per participant, per day), not the rows. The time counted is the job's
// own — reading the rows into the aggregates, and the reports — not the generator's making of
// them (the synthetic clinic stands in for the database; its cost is reported beside it).
//
// Beside it: a lower bound that reads the same rows and each session start's local day (the
// per-row work no job can skip), and a baseline that does the job the straightforward way,
// a luxon DateTime per record, on a 4 % sample of the episodes (scaled).
import { DateTime } from "luxon";
import { zonedInstant } from "iopkit";
import { analyticsJob } from "iopkit/analytics";
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

/** Milliseconds spent on the rows handed over, the fetching of them left out. */
interface Clock {
  ms: number;
}

const BATCH = 10_000;

/**
 * Every row of `rows` to `take`, fetched in batches as from a database cursor; `clock` counts
 * the time spent in `take`, not in fetching.
 */
function readAll<T>(rows: Iterable<T>, take: (row: T) => void, clock: Clock): void {
  const it = rows[Symbol.iterator]();
  const batch: T[] = [];
  for (;;) {
    batch.length = 0;
    while (batch.length < BATCH) {
      const r = it.next();
      if (r.done === true) break;
      batch.push(r.value);
    }
    if (batch.length === 0) return;
    const t0 = performance.now();
    for (const row of batch) take(row);
    clock.ms += performance.now() - t0;
  }
}

/** Times `f`'s own work into `clock`. */
function timed<T>(clock: Clock, f: () => T): T {
  const t0 = performance.now();
  const out = f();
  clock.ms += performance.now() - t0;
  return out;
}

/** All seven aggregates over one pass of the clinic's rows; returns a digest of the reports. */
export function runJob(clinic: SyntheticClinic, clock: Clock = { ms: 0 }): number {
  const { program, asOf } = clinic;
  const timeZone = program.timeZone;
  const job = timed(clock, () =>
    analyticsJob({
      censusByPhase: { program, from: "2026-01-05", to: asOf },
      lengthOfStay: { method: "teds", timeZone },
      retentionCurve: { asOf },
      attendanceRates: { timeZone },
      measurementBasedCare: {
        asOf,
        schedule: [{ instrument: "phq-9", everyDays: 21, graceDays: 7 }],
      },
      tedsDischarge: { program },
      followUpMeasure: { asOf, timeZone },
    }),
  );
  readAll(clinic.episodes(), (log) => job.add("episodes", log), clock);
  readAll(clinic.attendance(), (row) => job.add("attendance", row), clock);
  readAll(clinic.measures(), (row) => job.add("measures", row), clock);
  readAll(clinic.encounters(), (row) => job.add("encounters", row), clock);
  readAll(clinic.profiles(), (row) => job.add("profiles", row), clock);
  const r = timed(clock, () => job.reports());
  return (
    r.censusByPhase.periods.length +
    (r.retentionCurve.medianDays ?? 0) +
    r.attendanceRates.total.seats +
    (r.lengthOfStay.summary.median ?? 0) +
    r.measurementBasedCare.participants.length +
    r.tedsDischarge.records.length +
    r.followUpMeasure.measures.reduce((n, x) => n + x.denominator, 0)
  );
}

/** Streams the rows and reads each session start's local day: the floor of any such job. */
function lowerBound(clinic: SyntheticClinic, clock: Clock = { ms: 0 }): number {
  let sum = 0;
  let lastText = "";
  let lastDay = 0;
  const offsetMs = new Map<string, number>();
  readAll(clinic.episodes(), (log) => (sum += log.length), clock);
  readAll(
    clinic.attendance(),
    (row) => {
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
    },
    clock,
  );
  readAll(clinic.measures(), (m) => (sum += m.score.instrument.length), clock);
  readAll(clinic.encounters(), (e) => (sum += e.on.length), clock);
  readAll(clinic.profiles(), (p) => (sum += p.episodeKey.length), clock);
  return sum;
}

/**
 * The same job written the straightforward way: a luxon DateTime per record for every date
 * (local day and ISO week of each session, stays, census days, windows), string-keyed maps.
 */
function withLuxon(clinic: SyntheticClinic, clock: Clock = { ms: 0 }): number {
  const zone = clinic.program.timeZone;
  const asOf = DateTime.fromISO(clinic.asOf, { zone });
  const stays: { participant: string; first: DateTime; end: DateTime | null; type: string }[] = [];
  readAll(
    clinic.episodes(),
    (log) => {
      const ref = log[0];
      if (ref?.kind !== "referred") return;
      const start = log.find((e) => e.kind === "phase-started");
      const end = log.find((e) => e.kind === "discharged");
      if (start === undefined) return;
      stays.push({
        participant: ref.participantId,
        first: DateTime.fromISO(start.on, { zone }),
        end: end === undefined ? null : DateTime.fromISO(end.on, { zone }),
        type: end?.kind === "discharged" ? end.type : "open",
      });
    },
    clock,
  );
  const counts = new Map<string, number[]>();
  const attended = new Map<string, Set<string>>();
  const bump = (key: string, i: number) => {
    const v = counts.get(key) ?? [0, 0, 0, 0, 0, 0];
    v[i] = (v[i] ?? 0) + 1;
    counts.set(key, v);
  };
  readAll(
    clinic.attendance(),
    (row) => {
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
    },
    clock,
  );
  const t0 = performance.now();
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
  clock.ms += performance.now() - t0;
  readAll(
    clinic.measures(),
    (m) => {
      const list = scores.get(m.participantId) ?? [];
      list.push({
        on: DateTime.fromISO(m.score.administeredOn ?? "", { zone }),
        total: m.score.instrument === "bam" ? 0 : m.score.total,
      });
      scores.set(m.participantId, list);
    },
    clock,
  );
  const t1 = performance.now();
  for (const list of scores.values()) list.sort((a, b) => a.on.toMillis() - b.on.toMillis());
  clock.ms += performance.now() - t1;
  // Follow-up windows after each encounter.
  readAll(
    clinic.encounters(),
    (e) => {
      const at = DateTime.fromISO(e.on, { zone });
      const days = attended.get(e.participantId) ?? new Set<string>();
      for (let k = 0; k <= 30; k++) if (days.has(at.plus({ days: k }).toISODate() ?? "")) sum += 1;
    },
    clock,
  );
  return sum + weeks.size + scores.size + zonedInstant("2026-01-05", "09:00", zone).length;
}

/** The milliseconds of a case's own work (its digest checked, so none of it is optimised away). */
function ownTime(run: (clock: Clock) => number): number {
  const clock: Clock = { ms: 0 };
  if (Number.isNaN(run(clock))) throw new Error("no digest");
  return clock.ms;
}

/** The bench for `seats` attendance rows per episode. */
export function analyticsBench(seats: number, name: string): Bench {
  const rows = EPISODES * seats;
  return {
    name,
    workload: `${EPISODES.toLocaleString("en-US")} episodes, ${rows.toLocaleString("en-US")} attendance rows, ~${(EPISODES * 0.2 * 3).toLocaleString("en-US")} PHQ-9 scores, encounters and TEDS profiles, streamed once into all seven aggregates`,
    units: rows,
    unitName: "attendance row",
    subject: {
      name: "iopkit",
      run: () => runJob(clinicOf(EPISODES, seats)),
      timed: () => ownTime((clock) => runJob(clinicOf(EPISODES, seats), clock)),
    },
    lowerBound: {
      name: "read + local day",
      run: () => lowerBound(clinicOf(EPISODES, seats)),
      timed: () => ownTime((clock) => lowerBound(clinicOf(EPISODES, seats), clock)),
    },
    baselines: [
      {
        name: "luxon",
        units: SAMPLE * seats,
        run: () => withLuxon(clinicOf(SAMPLE, seats)),
        timed: () => ownTime((clock) => withLuxon(clinicOf(SAMPLE, seats), clock)),
      },
    ],
    goals: { maxSubjectMs: 3000, minSpeedupOver: { luxon: 20 }, maxSubjectRssMiB: 1024 },
    repetitions: 2,
  };
}
