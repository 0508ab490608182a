/**
 * Program analytics straight from a database: rows streamed from SQLite into the aggregates.
 *
 *   npx tsx examples/analytics-sqlite.ts
 *
 * The episode log lives in the `episode_events` table of examples/sqlite-event-log.ts (one row per
 * event, the event as JSON); attendance in an `attendance` table (one row per seat, the session's
 * start beside it). A year of a synthetic clinic (iopkit/testing) is loaded into an in-memory
 * database (sql.js: SQLite in WebAssembly); then the job reads both tables with prepared
 * statements, one row at a time, and feeds each row to the aggregates' accumulators: the rows are
 * never held in memory together. Stored events are grouped into logs on the way
 * (`groupEpisodeEvents`: the query orders them by episode, then sequence).
 */
import initSqlJs, { type Database } from "sql.js";
import { parseEpisodeEvent } from "iopkit";
import {
  attendanceRates,
  censusByPhase,
  groupEpisodeEvents,
  lengthOfStay,
  retentionCurve,
  tedsDischarge,
  type AttendanceRow,
  type SeatStatus,
  type StoredEventRow,
} from "iopkit/analytics";
import { syntheticClinic } from "iopkit/testing";

const clinic = syntheticClinic({ seed: 7, episodes: 600, from: "2026-01-05", admissionDays: 270 });
const { program, asOf } = clinic;

const SQL = await initSqlJs();
const db = new SQL.Database();
db.run(`CREATE TABLE episode_events (
  id INTEGER PRIMARY KEY,
  episode_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  kind TEXT NOT NULL,
  on_date TEXT NOT NULL,
  body TEXT NOT NULL, -- the whole event as JSON; kind and on_date are copies for queries
  UNIQUE (episode_id, seq)
)`);
db.run(`CREATE TABLE attendance (
  participant_id TEXT NOT NULL,
  session_start TEXT NOT NULL, -- ISO 8601 with offset
  status TEXT,                 -- NULL: not recorded yet
  minutes INTEGER NOT NULL,
  phase_id TEXT,
  group_id TEXT
)`);

// Load the clinic (what an app's own writes would have put there over the year).
db.run("BEGIN");
const insertEvent = db.prepare(
  "INSERT INTO episode_events (episode_id, seq, kind, on_date, body) VALUES (?, ?, ?, ?, ?)",
);
let episodes = 0;
for (const log of clinic.episodes()) {
  const first = log[0];
  const id = first?.kind === "referred" ? (first.episodeId ?? `ep-${episodes}`) : `ep-${episodes}`;
  log.forEach((e, seq) => insertEvent.run([id, seq + 1, e.kind, e.on, JSON.stringify(e)]));
  episodes++;
}
insertEvent.free();
const insertSeat = db.prepare("INSERT INTO attendance VALUES (?, ?, ?, ?, ?, ?)");
for (const r of clinic.attendance())
  insertSeat.run([
    r.participantId,
    r.start,
    r.status,
    r.minutesAttended ?? 0,
    r.phaseId ?? null,
    r.groupId ?? null,
  ]);
insertSeat.free();
db.run("COMMIT");
const count = (table: string): number =>
  Number(db.exec(`SELECT COUNT(*) FROM ${table}`)[0]?.values[0]?.[0]);
console.log(
  `Loaded ${episodes} episodes (${count("episode_events")} event rows) and ${count("attendance")} attendance rows.`,
);

/** Rows of a query, one at a time, from a prepared statement (a cursor). */
function* rowsOf(database: Database, sql: string): Generator<Record<string, unknown>> {
  const statement = database.prepare(sql);
  try {
    while (statement.step()) yield statement.getAsObject();
  } finally {
    statement.free();
  }
}

/** Stored events, validated on the way in, grouped into logs by `groupEpisodeEvents`. */
function* storedEvents(database: Database): Generator<StoredEventRow> {
  for (const row of rowsOf(
    database,
    "SELECT episode_id, body FROM episode_events ORDER BY episode_id, seq",
  ))
    yield {
      episodeId: String(row["episode_id"]),
      event: parseEpisodeEvent(JSON.parse(String(row["body"]))),
    };
}

/** Attendance rows as the aggregates read them. */
function* seats(database: Database): Generator<AttendanceRow> {
  for (const row of rowsOf(database, "SELECT * FROM attendance ORDER BY participant_id")) {
    const phaseId = row["phase_id"];
    const groupId = row["group_id"];
    const status = row["status"];
    yield {
      participantId: String(row["participant_id"]),
      start: String(row["session_start"]),
      status: typeof status === "string" ? (status as SeatStatus) : null,
      minutesAttended: Number(row["minutes"]),
      ...(typeof phaseId === "string" ? { phaseId } : {}),
      ...(typeof groupId === "string" ? { groupId } : {}),
    };
  }
}

// One pass over each table feeds every aggregate that reads it.
const timeZone = program.timeZone;
const census = censusByPhase.accumulator({
  program,
  from: "2026-01-05",
  to: asOf,
  interval: "week",
});
const stays = lengthOfStay.accumulator({ method: "teds", timeZone });
const retention = retentionCurve.accumulator({ asOf });
const rates = attendanceRates.accumulator({ timeZone });
const teds = tedsDischarge.accumulator({ program });
for (const log of groupEpisodeEvents(storedEvents(db))) {
  census.add("episodes", log);
  stays.add("episodes", log);
  retention.add("episodes", log);
  teds.add("episodes", log);
}
for (const row of seats(db)) {
  stays.add("attendance", row);
  rates.add("attendance", row);
  teds.add("attendance", row);
}
db.close();

const c = censusByPhase.finish(census.partial());
const busiest = c.periods.reduce((a, b) => (b.inTreatment > a.inTreatment ? b : a));
console.log(
  `\nCensus: busiest week ${busiest.label}, ${busiest.inTreatment} in treatment`,
  busiest.byPhase,
);
const s = lengthOfStay.finish(stays.partial());
console.log(
  `Length of stay (TEDS method) of ${s.summary.count} discharged: median ${s.summary.median} days, quartiles ${s.summary.q1}–${s.summary.q3}`,
);
const r = retentionCurve.finish(retention.partial());
console.log(
  `Retention: ${r.at.map((a) => `${a.day} days ${(a.survival * 100).toFixed(1)}% (${a.atRisk} followed)`).join(", ")}; median ${r.medianDays ?? "not reached"} days`,
);
console.log(
  `Completion ${((r.outcomes.completionRate ?? 0) * 100).toFixed(1)}%, positive conclusion ${((r.outcomes.positiveConclusionRate ?? 0) * 100).toFixed(1)}% of ${r.outcomes.discharged} discharges`,
);
const a = attendanceRates.finish(rates.partial());
console.log(
  `Attendance ${((a.total.attendanceRate ?? 0) * 100).toFixed(1)}%: ${a.total.noShow} no-shows, ${a.total.lateCancel} late cancels, ${a.total.unrecorded} not recorded`,
);
const t = tedsDischarge.finish(teds.partial());
console.log(
  `TEDS-D: ${t.records.length} discharge records; by REASON`,
  Object.fromEntries(t.byReason.map((x) => [x.code, x.count])),
);
