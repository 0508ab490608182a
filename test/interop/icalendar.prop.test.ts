// toICalendar, by property: every planned session of any generated schedule (interesting zones,
// windows around DST changes) reads back through ical.js at the same instants; any text survives
// escaping and folding exactly with no line over 75 octets (RFC 5545 §3.1, §3.3.11); the output is
// a function of its input; the default summary reveals nothing clinical.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  participantId,
  sessionId,
  sessionTypes,
  toEpochMs,
  toICalendar,
  type ScheduledSession,
  type SessionTypeId,
} from "iopkit";
import { schedule } from "iopkit/testing";
import { isAmbiguousIn, octets, parseIcs, physicalLines } from "./ical";

const NOW = "2026-01-15T08:00:00.000Z";

describe("toICalendar round-trips through ical.js", () => {
  it("every session of a planned schedule: same start and end instants, TZID = the program's zone unless the wall time is ambiguous (then UTC)", () => {
    fc.assert(
      fc.property(schedule({ maxParticipants: 6, maxWeeks: 4 }), ({ input, schedule: s }) => {
        const zone = input.program.timeZone;
        const ics = toICalendar(s.sessions, { timeZone: zone, now: NOW });
        const { events } = parseIcs(ics);
        expect(events).toHaveLength(s.sessions.length);
        expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
        const byStart = [...s.sessions].sort(
          (a, b) => toEpochMs(a.start) - toEpochMs(b.start) || (a.id < b.id ? -1 : 1),
        );
        byStart.forEach((session, i) => {
          const e = events[i];
          const start = toEpochMs(session.start);
          const end = toEpochMs(session.end);
          expect([e?.start, e?.end]).toEqual([start, end]);
          const utc = isAmbiguousIn(zone, start) || isAmbiguousIn(zone, end);
          expect(e?.startZone).toBe(utc ? "UTC" : zone);
          expect(e?.endZone).toBe(utc ? "UTC" : zone);
        });
      }),
      { numRuns: 100 },
    );
  });
});

/** The text a TEXT value reads back as: documented normalisation of toICalendar's escaping. */
const normalised = (text: string): string =>
  text
    .replace(/\r\n?/g, "\n")
    // eslint-disable-next-line no-control-regex -- the control characters RFC 5545 forbids in TEXT
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "")
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");

const anyText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.string({ unit: "grapheme", maxLength: 200 }),
  fc.string({
    unit: fc.constantFrom(",", ";", "\\", "\n", "\r", ":", "é", "💊", "a", " "),
    maxLength: 300,
  }),
  fc
    .tuple(
      fc.string({ unit: "grapheme", minLength: 1, maxLength: 4 }),
      fc.integer({ min: 20, max: 400 }),
    )
    .map(([s, n]) => s.repeat(n)),
  fc.string({ unit: "binary-ascii", maxLength: 200 }),
);

const oneSession: ScheduledSession = {
  formatVersion: 2,
  id: sessionId("s-1"),
  sessionType: "group-therapy",
  start: "2026-03-09T09:00:00.000-04:00",
  end: "2026-03-09T12:00:00.000-04:00",
  participantIds: [participantId("p-1")],
  staffIds: [],
};

describe("toICalendar text (RFC 5545 §3.1 folding, §3.3.11 escaping)", () => {
  it("any summary and description read back exactly (after the documented normalisation), CRLF only, no line over 75 octets", () => {
    fc.assert(
      fc.property(anyText, anyText, (summary, description) => {
        const ics = toICalendar([oneSession], {
          timeZone: "America/New_York",
          now: NOW,
          summary: () => summary,
          description,
          calendarName: summary.length > 0 && summary.length <= 200 ? summary : "x",
        });
        for (const line of physicalLines(ics)) {
          expect(octets(line)).toBeLessThanOrEqual(75);
          expect(line).not.toMatch(/[\r\n]/);
        }
        const [e] = parseIcs(ics).events;
        expect(e?.summary).toBe(normalised(summary));
        expect(e?.description).toBe(normalised(description));
      }),
      { numRuns: 300 },
    );
  });

  it("text without forbidden control characters reads back unchanged", () => {
    const clean = fc
      .string({ unit: "grapheme", maxLength: 300 })
      .map((s) => s.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "")); // eslint-disable-line no-control-regex
    fc.assert(
      fc.property(clean, (text) => {
        const ics = toICalendar([oneSession], { timeZone: "UTC", now: NOW, location: text });
        expect(parseIcs(ics).events[0]?.location).toBe(text);
      }),
    );
  });
});

describe("toICalendar is a function of its input", () => {
  it("same sessions and options → same text, in any input order (S11-style determinism)", () => {
    fc.assert(
      fc.property(
        schedule({ maxParticipants: 4, maxWeeks: 3 }),
        fc.integer({ min: 0, max: 1000 }),
        ({ input, schedule: s }, shift) => {
          const options = { timeZone: input.program.timeZone, now: NOW };
          const a = toICalendar(s.sessions, options);
          expect(toICalendar(s.sessions, options)).toBe(a);
          const rotated = s.sessions.map(
            (_, i) => s.sessions[(i + shift) % s.sessions.length] as ScheduledSession,
          );
          expect(toICalendar(rotated, options)).toBe(a);
        },
      ),
      { numRuns: 40 },
    );
  });
});

const typeIds = Object.keys(sessionTypes) as SessionTypeId[];
const topics = fc.oneof(
  // Seed 001's group topics, and made-up ones.
  fc.constantFrom("early recovery", "relapse prevention", "urges and cravings", "triggers"),
  fc.stringMatching(/^[A-Za-z]{8,20}$/),
);

describe("toICalendar privacy (a calendar lands on phones and shared devices)", () => {
  it("the default calendar never contains a session's type id, topic, or participant, staff, group or session id", () => {
    fc.assert(
      fc.property(
        schedule({ maxParticipants: 4, maxWeeks: 2 }),
        fc.infiniteStream(fc.tuple(fc.constantFrom(...typeIds), topics)),
        ({ input, schedule: s }, extras) => {
          const it = extras[Symbol.iterator]();
          const sessions = s.sessions.map((x): ScheduledSession => {
            const [sessionType, topic] = it.next().value as [SessionTypeId, string];
            return { ...x, sessionType, topic };
          });
          const ics = toICalendar(sessions, { timeZone: input.program.timeZone, now: NOW });
          const summaries = parseIcs(ics).events.map((e) => e.summary);
          expect(summaries.every((t) => t === "Appointment" || t === "Group session")).toBe(true);
          const lower = ics.toLowerCase();
          for (const x of sessions) {
            const secrets = [
              x.sessionType,
              x.topic ?? "",
              x.id,
              ...x.participantIds,
              ...x.staffIds,
            ];
            if (x.groupId !== undefined) secrets.push(x.groupId);
            for (const secret of secrets) expect(lower).not.toContain(secret.toLowerCase());
          }
          expect(lower).not.toMatch(/drug|substance|alcohol|diagnos/);
        },
      ),
      { numRuns: 50 },
    );
  });
});
