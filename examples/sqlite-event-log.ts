/**
 * Storing an episode event log in a real database and replaying it.
 *
 *   npx tsx examples/sqlite-event-log.ts
 *
 * The log lives in SQLite (sql.js: SQLite compiled to WebAssembly, no native build), one row per
 * event with the event itself as JSON. A small repository appends events one at a time: each is
 * validated (`safeParseEpisodeEvent`) and checked against the episode's current state
 * (`applyEvent`) before it is inserted, so a rejected event is never stored. The database is then
 * exported to bytes and opened again, as if from a file; one episode's rows are read back,
 * validated (`parseEpisodeLog`), replayed (`replayEpisode`) and asked what is due
 * (`episodeDueDates`); SQL counts the events by kind; and ajv checks every stored row against the
 * `EpisodeEvent` JSON Schema, as a service written in another language would.
 */
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsImport, { type FormatsPlugin } from "ajv-formats";
import initSqlJs, { type Database } from "sql.js";
import {
  applyEvent,
  assessEligibility,
  episodeDueDates,
  formatPath,
  jsonSchemas,
  parseEpisodeLog,
  parseParticipant,
  programTemplates,
  replayEpisode,
  safeParseEpisodeEvent,
  type Program,
} from "iopkit";

const program = programTemplates.substanceUseAdult({ timeZone: "America/Chicago" });
const [ana, ben] = ["p-014", "p-015"].map((id) =>
  parseParticipant({
    id,
    dateOfBirth: "1990-07-21",
    assessedOn: "2026-03-04",
    conditions: [{ kind: "substance-use", severity: "moderate" }],
    dimensions: {
      withdrawal: 0,
      biomedical: 0,
      emotionalBehavioral: 1,
      readiness: 2,
      relapsePotential: 2,
      recoveryEnvironment: 1,
    },
    detox: "not-needed",
    history: { outpatientEpisodes: 1, relapsesAfterOutpatient: 1, residentialCompleted: false },
    living: "supportive-home",
    responsibilities: [],
    unavailable: [],
    familyInvolved: false,
    medications: [],
  }),
);
if (ana === undefined || ben === undefined) throw new Error("two participants");

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

/** An episode's stored events, oldest first, as parsed JSON (not yet validated). */
function readLog(database: Database, episodeId: string): unknown[] {
  const sql = "SELECT body FROM episode_events WHERE episode_id = ? ORDER BY seq";
  const [result] = database.exec(sql, [episodeId]);
  return (result?.values ?? []).map(([body]) => JSON.parse(String(body)) as unknown);
}

/** What appending gave: the event's sequence number, or why it was not stored. */
type Appended = { ok: true; seq: number } | { ok: false; code: string; message: string };

/**
 * Appends one event (any JSON, e.g. a request body) to an episode's log: validates it, checks it
 * against the state the stored log gives, then inserts it. Replaying on every append is cheap for
 * an episode's few dozen events (cache the state if you have more); UNIQUE (episode_id, seq)
 * makes the second of two concurrent appends fail instead of forking the log.
 */
function appendEvent(database: Database, p: Program, episodeId: string, input: unknown): Appended {
  const parsed = safeParseEpisodeEvent(input);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    const message = `${formatPath(issue?.path ?? [])} ${issue?.message}`;
    return { ok: false, code: issue?.code ?? "invalid", message };
  }
  const event = parsed.data;
  const stored = parseEpisodeLog(readLog(database, episodeId));
  const current = stored.length === 0 ? null : replayEpisode(stored, p);
  if (current?.ok === false) throw new Error(`${episodeId}: stored event ${current.index} invalid`);
  // The first event is checked by replaying it alone (it must be the referral to this program).
  const next = current === null ? replayEpisode([event], p) : applyEvent(current.state, event);
  if (!next.ok) return { ok: false, code: next.error.code, message: next.error.message };
  const seq = stored.length + 1;
  database.run(
    "INSERT INTO episode_events (episode_id, seq, kind, on_date, body) VALUES (?, ?, ?, ?, ?)",
    [episodeId, seq, event.kind, event.on, JSON.stringify(event)],
  );
  return { ok: true, seq };
}

// The events as they arrive from the clinic's app: plain JSON. Two of them are refused.
const [intensive, stepDown] = program.phases.map((phase) => phase.id);
const decision = assessEligibility(ana, program); // Ben's profile is the same
const incoming: Record<string, unknown[]> = {
  "ep-2026-014": [
    { kind: "referred", on: "2026-03-02", participantId: ana.id, programId: program.id },
    { kind: "assessed", on: "2026-03-04", decision },
    {
      kind: "level-of-care-authorised",
      on: "2026-03-05",
      level: "intensive-outpatient",
      from: "2026-03-09",
      to: "2026-05-03",
    },
    { kind: "admitted", on: "2026-03-06", programId: program.id, phaseId: intensive },
    { kind: "phase-started", on: "2026-03-09", phaseId: intensive },
    { kind: "plan-reviewed", on: "2026-31-03" }, // not a date
    { kind: "plan-reviewed", on: "2026-03-31" },
    { kind: "stepped-down", on: "2026-04-06", toPhaseId: stepDown },
    { kind: "relapse-reported", on: "2026-04-15", substances: ["alcohol"], by: "counsellor" },
    { kind: "stepped-up", on: "2026-04-16" }, // no review has decided a step-up yet
    { kind: "clinical-review-held", on: "2026-04-17", outcome: "step-up" },
    { kind: "stepped-up", on: "2026-04-20" },
  ],
  "ep-2026-015": [
    { kind: "referred", on: "2026-03-02", participantId: ben.id, programId: program.id },
    { kind: "assessed", on: "2026-03-05", decision },
    { kind: "admitted", on: "2026-03-06", programId: program.id, phaseId: intensive },
    { kind: "phase-started", on: "2026-03-09", phaseId: intensive },
    { kind: "discharged", on: "2026-04-02", type: "not-completed", reason: "lost-to-contact" },
  ],
};
for (const [episodeId, events] of Object.entries(incoming)) {
  console.log(`Appending to ${episodeId}:`);
  for (const input of events) {
    const r = appendEvent(db, program, episodeId, input);
    const kind = (input as { kind: string }).kind;
    console.log(r.ok ? `  #${r.seq} ${kind}` : `  refused ${kind}: ${r.code} (${r.message})`);
  }
}

// Persist: the whole database as bytes (a file, a blob in object storage…), then open it again.
const bytes = db.export();
db.close();
const reopened = new SQL.Database(bytes);
console.log(`\nExported ${bytes.length} bytes, closed the database, opened the bytes again.`);

const log = parseEpisodeLog(readLog(reopened, "ep-2026-014"));
const replayed = replayEpisode(log, program);
if (!replayed.ok) throw new Error(`event ${replayed.index}: ${replayed.error.message}`);
const state = replayed.state;
console.log(`ep-2026-014, replayed from ${log.length} stored events: ${state.status}`);
if (state.status === "in-phase") {
  for (const h of state.treatment.phaseHistory)
    console.log(
      `  phase ${h.phaseId.padEnd(10)} ${h.from} → ${h.to ?? "now       "} (${h.reason})`,
    );
  for (const r of state.treatment.reviews)
    console.log(
      `  review ${r.on}: ${r.outcome}, after the ${r.closed.map((c) => c.trigger).join(", ")}`,
    );
}
const asOf = "2026-04-24";
const { treatmentPlanReview, recertification, utilizationReview } = episodeDueDates(state, {
  program,
  asOf,
});
console.log(`Due, as of ${asOf}:`);
for (const [name, d] of Object.entries({ treatmentPlanReview, recertification, utilizationReview }))
  console.log(
    `  ${name.padEnd(20)} ${d === null ? "—" : `${d.due}${d.overdue ? " (overdue)" : ""}`}`,
  );

// Plain SQL over the same table.
const sql = "SELECT kind, COUNT(*) FROM episode_events GROUP BY kind ORDER BY 2 DESC, 1";
console.log(`\n${sql}`);
for (const [kind, n] of reopened.exec(sql)[0]?.values ?? [])
  console.log(`  ${String(kind).padEnd(26)} ${String(n)}`);

// A consumer that is not TypeScript: every stored row checked with the JSON Schema alone (ajv).
const addFormats: FormatsPlugin =
  (addFormatsImport as unknown as { default?: FormatsPlugin }).default ?? addFormatsImport;
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validate = ajv.compile(jsonSchemas.EpisodeEvent);
const rows = reopened.exec("SELECT body FROM episode_events")[0]?.values ?? [];
const valid = rows.filter(([body]) => validate(JSON.parse(String(body)))).length;
console.log(`\nJSON Schema ${jsonSchemas.EpisodeEvent.$id}:`);
console.log(`  ${valid} of ${rows.length} stored rows valid`);
reopened.close();
