/**
 * Calendar export and JSON Schemas: what leaves iopkit for other systems.
 *
 *   npx tsx examples/calendar-export.ts
 *
 * `toICalendar` writes one participant's sessions as an RFC 5545 `.ics` file with a VTIMEZONE and
 * pseudonymous UIDs; ical.js (an independent parser) reads it back, and every event lands at the
 * same instant — and the same wall-clock time — on both sides of the 2026-11-01 DST change. Then
 * `jsonSchemas` gives the input records as JSON Schema (draft 2020-12), which ajv uses to validate
 * a record exactly as a Python, Go or Java service would.
 */
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsImport, { type FormatsPlugin } from "ajv-formats";
import ICAL from "ical.js";
import {
  formatPath,
  instantToZoned,
  jsonSchemaNames,
  jsonSchemas,
  parseEnrollment,
  parseParticipant,
  planSchedule,
  programTemplates,
  safeParseEnrollment,
  toEpochMs,
  toICalendar,
} from "iopkit";

const zone = "America/New_York";
const program = programTemplates.substanceUseAdult({ timeZone: zone });
const alex = parseParticipant({
  id: "p-001",
  dateOfBirth: "1988-04-12",
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
  history: { outpatientEpisodes: 1, relapsesAfterOutpatient: 2, residentialCompleted: false },
  living: "supportive-home",
  responsibilities: [],
  unavailable: [],
  familyInvolved: false,
  medications: [],
});

// Two weeks around the end of daylight-saving time (Sunday 2026-11-01). No staff list: sessions
// are planned unstaffed, which is all a participant's calendar needs.
const start = "2026-10-26";
const enrollment = parseEnrollment({ participant: alex, start });
const schedule = planSchedule({
  program,
  enrollments: [enrollment],
  from: start,
  weeks: 2,
  seed: 7,
});
const mine = schedule.sessions.filter((s) => s.participantIds.includes(alex.id));

const ics = toICalendar(schedule.sessions, {
  timeZone: zone,
  now: "2026-10-20T12:00:00Z", // DTSTAMP: iopkit reads no clock
  for: { participantId: alex.id },
  calendarName: "My IOP sessions",
  uidDomain: "riverside.example",
  location: "Riverside Clinic, 12 Main St",
});
const lines = ics.split("\r\n");
console.log(`The .ics file: ${lines.length - 1} lines; the first 25:`);
for (const line of lines.slice(0, 25)) console.log(`  ${line}`);

// The default SUMMARY says only "Appointment" or "Group session", and a UID is a hash of the
// session id: the id names the person and the kind of session, which must not reach a phone.
const uids = lines.filter((l) => l.startsWith("UID:")).map((l) => l.slice(4));
const ids = mine.map((s) => s.id);
console.log(
  `\nSession ids such as ${ids.find((id) => id.startsWith("test."))} become UIDs such as ${uids[0]}`,
);
console.log(
  `Any session id or "${alex.id}" in the file? ${ids.some((id) => ics.includes(id)) || ics.includes(alex.id) ? "yes" : "no"}`,
);
console.log(
  `Summaries used: ${[...new Set(lines.filter((l) => l.startsWith("SUMMARY:")).map((l) => l.slice(8)))].join(", ")}`,
);

// Read it back with ical.js: the VTIMEZONE in the file resolves each TZID.
const root = new ICAL.Component(ICAL.parse(ics) as unknown[]);
const events = root.getAllSubcomponents("vevent").map((ve) => new ICAL.Event(ve));
// For each planned session: its instant (epoch ms) → its wall-clock time in the clinic's zone.
const planned = new Map(mine.map((s) => [toEpochMs(s.start), instantToZoned(s.start, zone)]));
const instant = events.filter((e) => planned.has(e.startDate.toUnixTime() * 1000));
const wallClock = instant.filter(
  (e) =>
    planned.get(e.startDate.toUnixTime() * 1000)?.time === e.startDate.toString().slice(11, 16),
);
console.log(`\nical.js reads ${events.length} events for ${mine.length} planned sessions:`);
console.log(
  `  ${instant.length} at the same instant, ${wallClock.length} at the same wall-clock time`,
);
console.log("  the Monday 09:00 group, before and after the change:");
for (const e of events.filter(
  (x) => x.startDate.dayOfWeek() === ICAL.Time.MONDAY && x.startDate.hour === 9,
)) {
  const offset = e.startDate.utcOffset() / 3600;
  console.log(
    `  ${e.startDate.toString()} ${e.startDate.zone?.tzid ?? ""} (UTC${offset}) ${e.summary}`,
  );
}

// JSON Schemas: the same records, described for apps in any language.
console.log(`\nJSON Schemas of the input records: ${jsonSchemaNames.join(", ")}`);
// ajv-formats is CommonJS: under ESM its default export may arrive wrapped.
const addFormats: FormatsPlugin =
  (addFormatsImport as unknown as { default?: FormatsPlugin }).default ?? addFormatsImport;
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const schema = jsonSchemas.Enrollment;
const file = schema.$id.split("/").pop() ?? "";
console.log(`${schema.title}: $id ${schema.$id}, shipped as iopkit/schemas/${file}`);
const validateEnrollment = ajv.compile(schema);

// A record as it would travel over the wire: plain JSON, no TypeScript types.
const wire: unknown = JSON.parse(JSON.stringify(enrollment));
console.log(`ajv: the enrolment as JSON is ${validateEnrollment(wire) ? "valid" : "invalid"}`);
const broken = { ...enrollment, start: "2026-02-30", track: "", shoeSize: 44 };
validateEnrollment(broken);
// ajv names each bad value by its JSON Pointer …
for (const e of validateEnrollment.errors ?? []) {
  const extra = "additionalProperty" in e.params ? ` "${String(e.params.additionalProperty)}"` : "";
  const message = `${e.message ?? ""}${extra}`;
  console.log(
    `  ${e.instancePath || "(root)"} [${e.keyword}] ${message.length > 60 ? `${message.slice(0, 57)}…` : message}`,
  );
}
// … and iopkit's own parser refuses the same record, naming the same places.
const parsed = safeParseEnrollment(broken);
if (!parsed.success)
  console.log(
    `safeParseEnrollment: ${parsed.error.issues.map((i) => `${formatPath(i.path) || "(root)"} [${i.code}]`).join(", ")}`,
  );
