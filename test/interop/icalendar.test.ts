// toICalendar, by example: planned schedules in six zones read back by ical.js across both DST
// changes of 2026 (offsets and change times from the tz database: timeanddate.com lists the same),
// fall-back overlaps, the VTIMEZONE, the audience filter, privacy defaults, text and options.
import { describe, expect, it } from "vitest";
import {
  isIopError,
  limits,
  defineProgram,
  groupId,
  IopError,
  parseEnrollment,
  parseParticipant,
  parseStaff,
  participantId,
  planSchedule,
  sessionId,
  staffId,
  toEpochMs,
  toICalendar,
  type ParticipantInput,
  type ProgramInput,
  type ScheduledSession,
  type SessionTypeId,
  type ToICalendarOptions,
} from "iopkit";
import { person as basePerson } from "../people";
import { isAmbiguousIn, octets, parseIcs, physicalLines } from "./ical";

const NOW = "2026-02-01T12:00:00.000Z";
const WEEK = [1, 2, 3, 4, 5, 6, 7] as const;

const person = (id: string): ParticipantInput =>
  basePerson(id, {
    familyInvolved: true,
    medications: [{ name: "buprenorphine", purpose: "addiction" }],
  });

/**
 * A program open around the clock whose groups meet at night, at the wall times that fall inside
 * the 2026 DST gaps and overlaps of the test zones: Saturday 23:30 (Santiago's overlap), Sunday
 * 01:30 (New York's, London's and Lord Howe's) and Sunday 02:30 (Sydney's; New York's gap).
 * Plus one-to-ones (individual, family, medication) and a weekly drug test wherever they fit.
 */
function nightProgram(timeZone: string): ProgramInput {
  return {
    id: "night",
    name: "Night",
    levelOfCare: "outpatient",
    population: "adult",
    conditionsServed: ["substance-use"],
    timeZone,
    operatingHours: WEEK.map((weekday) => ({ weekday, open: "00:00", close: "23:59" })),
    phases: [
      {
        id: "only",
        name: "Only",
        hoursPerWeek: { min: 2, max: 8 },
        weeks: { min: 12, max: 12 },
        pattern: [
          { sessionType: "group-therapy", weekday: 6, start: "23:30", durationMinutes: 25 },
          { sessionType: "group-therapy", weekday: 7, start: "01:30", durationMinutes: 60 },
          { sessionType: "psychoeducation", weekday: 7, start: "02:30", durationMinutes: 30 },
          { sessionType: "group-therapy", weekday: 3, start: "18:00", durationMinutes: 90 },
        ],
        individualEveryWeeks: 1,
        oneToOne: [
          {
            sessionType: "family-therapy",
            everyWeeks: 2,
            durationMinutes: 60,
            appliesTo: "family-involved",
          },
          {
            sessionType: "medication-management",
            everyWeeks: 2,
            durationMinutes: 30,
            appliesTo: "on-medication",
          },
        ],
        drugTestsPerWeek: { min: 1, max: 1 },
        exitCriteria: {
          minWeeks: 12,
          minAttendanceRate: 0.8,
          negativeTestsInARow: 0,
          requiresClinicianSignOff: false,
        },
      },
    ],
    lengthWeeks: { min: 12, max: 12 },
  };
}

/** Sessions of two planned fortnights in `zone`, each with a DST change inside it. */
function planAround(zone: string, windows: readonly [string, string]): ScheduledSession[] {
  const program = defineProgram(nightProgram(zone));
  const staff = ["therapist", "prescriber", "collector"].map((role) =>
    parseStaff({
      id: `${role}-1`,
      roles: [role],
      availability: WEEK.map((weekday) => ({ weekday, from: "00:00", to: "23:59" })),
    }),
  );
  return windows.flatMap(
    (from) =>
      planSchedule({
        program,
        enrollments: ["p-1", "p-2"].map((id) =>
          parseEnrollment({ participant: parseParticipant(person(id)), start: from }),
        ),
        staff,
        from,
        weeks: 2,
        seed: 7,
      }).sessions,
  );
}

/** Each zone with two Mondays: the week starting there holds one of the zone's 2026 DST changes. */
const zones: readonly (readonly [string, readonly [string, string], string])[] = [
  ["America/New_York", ["2026-03-02", "2026-10-26"], "EST ↔ EDT on 8 Mar and 1 Nov at 02:00"],
  ["Europe/London", ["2026-03-23", "2026-10-19"], "GMT ↔ BST on 29 Mar and 25 Oct at 01:00 UTC"],
  [
    "Australia/Lord_Howe",
    ["2026-03-30", "2026-09-28"],
    "+11 → +10:30 on 5 Apr, back on 4 Oct (30-minute DST)",
  ],
  ["Asia/Kolkata", ["2026-03-02", "2026-10-26"], "+05:30 all year, no DST"],
  ["Australia/Sydney", ["2026-03-30", "2026-09-28"], "AEDT → AEST on 5 Apr, back on 4 Oct"],
  ["America/Santiago", ["2026-03-30", "2026-08-31"], "−03 → −04 at midnight 4/5 Apr, back 5/6 Sep"],
];

describe("toICalendar: planned schedules read back by ical.js (tz database offsets)", () => {
  it.each(zones)("%s, across both DST changes (%s)", (zone, windows) => {
    const sessions = planAround(zone, windows);
    expect(sessions.length).toBeGreaterThan(20);
    const { events } = parseIcs(toICalendar(sessions, { timeZone: zone, now: NOW }));
    expect(events).toHaveLength(sessions.length);
    const byStart = [...sessions].sort((a, b) => toEpochMs(a.start) - toEpochMs(b.start));
    let inUtc = 0;
    for (const [i, s] of byStart.entries()) {
      const e = events[i];
      expect(e?.start, s.id).toBe(toEpochMs(s.start));
      expect(e?.end, s.id).toBe(toEpochMs(s.end));
      const ambiguous =
        isAmbiguousIn(zone, toEpochMs(s.start)) || isAmbiguousIn(zone, toEpochMs(s.end));
      if (ambiguous) inUtc++;
      expect([e?.startZone, e?.endZone], s.id).toEqual(ambiguous ? ["UTC", "UTC"] : [zone, zone]);
    }
    // The night groups hit each DST zone's overlap: some events had to be written in UTC.
    expect(inUtc > 0).toBe(zone !== "Asia/Kolkata");
  });

  it("keeps the wall-clock time of a weekly session across the change (S10): 01:30 before and after", () => {
    const sessions = planAround("Europe/London", ["2026-03-23", "2026-10-19"]);
    const ics = toICalendar(sessions, { timeZone: "Europe/London", now: NOW });
    // 22 Mar (GMT) and 29 Mar (the spring-forward day: 01:30 does not exist, read as 02:30 BST).
    expect(ics).toContain("DTSTART;TZID=Europe/London:20260329T023000");
    expect(ics).toContain("DTSTART;TZID=Europe/London:20260405T013000");
    expect(ics).toContain("DTSTART;TZID=Europe/London:20261101T013000");
    // 25 Oct 01:30 happens twice: written in UTC, the first occurrence (BST, 00:30Z).
    expect(ics).toContain("DTSTART:20261025T003000Z");
  });
});

const session = (
  id: string,
  start: string,
  end: string,
  extra: Partial<ScheduledSession> = {},
): ScheduledSession => ({
  formatVersion: 2,
  id: sessionId(id),
  sessionType: "group-therapy",
  start,
  end,
  participantIds: [participantId("p-1")],
  staffIds: [staffId("s-1")],
  ...extra,
});

describe("toICalendar: DST overlaps (RFC 5545 §3.3.5; tz database: New York falls back 2026-11-01 02:00 EDT → 01:00 EST)", () => {
  const first = session("first", "2026-11-01T01:30:00.000-04:00", "2026-11-01T01:50:00.000-04:00");
  const second = session(
    "second",
    "2026-11-01T01:30:00.000-05:00",
    "2026-11-01T01:50:00.000-05:00",
  );
  const zone = "America/New_York";

  it("writes a session at 01:30 on the fall-back night in UTC and reads back the same instant, first or second occurrence", () => {
    const ics = toICalendar([first, second], { timeZone: zone, now: NOW });
    expect(ics).toContain("DTSTART:20261101T053000Z"); // first occurrence, 01:30 EDT
    expect(ics).toContain("DTSTART:20261101T063000Z"); // second occurrence, 01:30 EST
    const [a, b] = parseIcs(ics).events;
    expect([a?.start, a?.end]).toEqual([toEpochMs(first.start), toEpochMs(first.end)]);
    expect([b?.start, b?.end]).toEqual([toEpochMs(second.start), toEpochMs(second.end)]);
    expect([a?.startZone, b?.startZone]).toEqual(["UTC", "UTC"]);
  });

  it("writes the whole event in UTC when only its end is ambiguous", () => {
    const s = session("late", "2026-10-31T23:00:00.000-04:00", "2026-11-01T01:15:00.000-04:00");
    const ics = toICalendar([s], { timeZone: zone, now: NOW });
    expect(ics).toContain("DTSTART:20261101T030000Z");
    expect(ics).toContain("DTEND:20261101T051500Z");
  });

  it("why UTC: ical.js 2.2.1 reads an ambiguous TZID time as its second occurrence, not the first the RFC means", () => {
    // A later session makes the VTIMEZONE include the 1 Nov change.
    const later = session(
      "later",
      "2026-11-02T09:00:00.000-05:00",
      "2026-11-02T10:00:00.000-05:00",
    );
    const ics = toICalendar([first, later], { timeZone: zone, now: NOW })
      .replace("DTSTART:20261101T053000Z", "DTSTART;TZID=America/New_York:20261101T013000")
      .replace("DTEND:20261101T055000Z", "DTEND;TZID=America/New_York:20261101T015000");
    expect(ics).toContain("DTSTART:20261101T020000\r\nTZOFFSETFROM:-0400\r\nTZOFFSETTO:-0500");
    const [e] = parseIcs(ics).events;
    expect(e?.start).toBe(toEpochMs(second.start)); // 06:30Z, not 05:30Z
  });

  it("writes a time just outside the overlap with its TZID (00:59 EDT and 02:00 EST are unambiguous)", () => {
    const s = session("edge", "2026-11-01T00:59:00.000-04:00", "2026-11-01T02:00:00.000-05:00");
    const ics = toICalendar([s], { timeZone: zone, now: NOW });
    expect(ics).toContain("DTSTART;TZID=America/New_York:20261101T005900");
    expect(ics).toContain("DTEND;TZID=America/New_York:20261101T020000");
    const [e] = parseIcs(ics).events;
    expect([e?.start, e?.end]).toEqual([toEpochMs(s.start), toEpochMs(s.end)]);
  });
});

describe("toICalendar: VTIMEZONE from the zone's real offset changes (tz database)", () => {
  const vtimezone = (ics: string): string =>
    ics.slice(ics.indexOf("BEGIN:VTIMEZONE"), ics.indexOf("END:VTIMEZONE") + 13);

  it("New York, March to November 2026: the change in force (Nov 2025) and both 2026 changes", () => {
    const ics = toICalendar(
      [
        session("a", "2026-03-02T09:00:00.000-05:00", "2026-03-02T10:00:00.000-05:00"),
        session("b", "2026-11-30T09:00:00.000-05:00", "2026-11-30T10:00:00.000-05:00"),
      ],
      { timeZone: "America/New_York", now: NOW },
    );
    expect(vtimezone(ics).split("\r\n")).toEqual([
      "BEGIN:VTIMEZONE",
      "TZID:America/New_York",
      "BEGIN:STANDARD",
      "DTSTART:20251102T020000",
      "TZOFFSETFROM:-0400",
      "TZOFFSETTO:-0500",
      "END:STANDARD",
      "BEGIN:DAYLIGHT",
      "DTSTART:20260308T020000",
      "TZOFFSETFROM:-0500",
      "TZOFFSETTO:-0400",
      "END:DAYLIGHT",
      "BEGIN:STANDARD",
      "DTSTART:20261101T020000",
      "TZOFFSETFROM:-0400",
      "TZOFFSETTO:-0500",
      "END:STANDARD",
      "END:VTIMEZONE",
    ]);
    expect(ics).not.toMatch(/RRULE|RDATE/);
  });

  it("Lord Howe's 30-minute DST: +11:00 → +10:30 at 02:00 on 5 Apr 2026", () => {
    const ics = toICalendar(
      [session("a", "2026-04-06T10:00:00.000+10:30", "2026-04-06T11:00:00.000+10:30")],
      { timeZone: "Australia/Lord_Howe", now: NOW },
    );
    expect(vtimezone(ics)).toContain(
      "BEGIN:STANDARD\r\nDTSTART:20260405T020000\r\nTZOFFSETFROM:+1100\r\nTZOFFSETTO:+1030\r\nEND:STANDARD",
    );
  });

  it("a zone without DST gets one STANDARD observance from 1970 (Asia/Kolkata, +05:30)", () => {
    const ics = toICalendar(
      [session("a", "2026-03-09T10:00:00.000+05:30", "2026-03-09T11:00:00.000+05:30")],
      { timeZone: "Asia/Kolkata", now: NOW },
    );
    expect(vtimezone(ics).split("\r\n")).toEqual([
      "BEGIN:VTIMEZONE",
      "TZID:Asia/Kolkata",
      "BEGIN:STANDARD",
      "DTSTART:19700101T000000",
      "TZOFFSETFROM:+0530",
      "TZOFFSETTO:+0530",
      "END:STANDARD",
      "END:VTIMEZONE",
    ]);
    const [e] = parseIcs(ics).events;
    expect(e?.start).toBe(toEpochMs("2026-03-09T10:00:00.000+05:30"));
  });

  it("an offset with seconds (local mean time: Africa/Monrovia kept −0:44:30 until 1972) is written exactly, ±HHMMSS", () => {
    // iopkit writes the instant 09:00 local mean time with its offset rounded to −00:45.
    const start = "1970-01-05T08:59:30.000-00:45";
    const ics = toICalendar([session("a", start, "1970-01-05T09:59:30.000-00:45")], {
      timeZone: "Africa/Monrovia",
      now: NOW,
    });
    expect(vtimezone(ics)).toContain("TZOFFSETFROM:-004430\r\nTZOFFSETTO:-004430\r\n");
    expect(ics).toContain("DTSTART;TZID=Africa/Monrovia:19700105T090000\r\n");
    expect(ics).toContain("DTEND;TZID=Africa/Monrovia:19700105T100000\r\n");
    expect(toEpochMs(start)).toBe(Date.UTC(1970, 0, 5, 9, 44, 30));
    // ical.js 2.2.1 reads `-004430` as −00:44, dropping the seconds the RFC allows: 30 s early.
    const [e] = parseIcs(ics).events;
    expect(e?.start).toBe(toEpochMs(start) - 30_000);
  });

  it("an empty calendar is still valid: a VTIMEZONE for `now` and no events", () => {
    const ics = toICalendar([], { timeZone: "Europe/London", now: NOW });
    expect(ics).toContain("TZID:Europe/London");
    expect(parseIcs(ics).events).toEqual([]);
  });
});

describe("toICalendar: whose calendar, and what it says", () => {
  const sessions = [
    session("sess-group", "2026-03-09T09:00:00.000-04:00", "2026-03-09T12:00:00.000-04:00", {
      groupId: groupId("g-a"),
      participantIds: [participantId("p-1"), participantId("p-2")],
      topic: "urges and cravings",
    }),
    session("sess-test", "2026-03-10T09:00:00.000-04:00", "2026-03-10T09:15:00.000-04:00", {
      sessionType: "drug-test",
      staffIds: [staffId("s-2")],
    }),
    session("sess-family", "2026-03-11T17:00:00.000-04:00", "2026-03-11T18:00:00.000-04:00", {
      sessionType: "family-therapy",
      participantIds: [participantId("p-2")],
    }),
  ];
  const opts = { timeZone: "America/New_York", now: NOW };
  const uidsOf = (ics: string): string[] => parseIcs(ics).events.map((e) => e.uid);

  it("filters by participant, staff member or group", () => {
    const count = (ics: string): number => parseIcs(ics).events.length;
    expect(count(toICalendar(sessions, opts))).toBe(3);
    // p-1's future drug test is not in their own calendar (see "never announces a drug test").
    expect(
      count(toICalendar(sessions, { ...opts, for: { participantId: participantId("p-1") } })),
    ).toBe(1);
    expect(
      count(
        toICalendar(sessions, {
          ...opts,
          for: { participantId: participantId("p-1") },
          audience: "staff",
        }),
      ),
    ).toBe(2);
    expect(
      count(toICalendar(sessions, { ...opts, for: { participantId: participantId("p-2") } })),
    ).toBe(2);
    expect(count(toICalendar(sessions, { ...opts, for: { staffId: staffId("s-2") } }))).toBe(1);
    expect(count(toICalendar(sessions, { ...opts, for: { groupId: groupId("g-a") } }))).toBe(1);
    expect(count(toICalendar(sessions, { ...opts, for: { groupId: groupId("g-none") } }))).toBe(0);
  });

  it("never announces a drug test in a participant's or group's calendar: left out until it has ended (jarvis-2017-asam-drug-testing: random, unannounced)", () => {
    const test = sessions[1]!;
    const end = Date.parse(test.end);
    const events = (now: number, extra: Partial<ToICalendarOptions> = {}) =>
      parseIcs(
        toICalendar([test], {
          ...opts,
          now: new Date(now).toISOString(),
          for: { participantId: participantId("p-1") },
          ...extra,
        }),
      ).events.length;
    // The boundary: the session's end. 1 ms before it the test is still to come.
    expect(events(end - 1)).toBe(0);
    expect(events(end)).toBe(1);
    expect(events(end + 1)).toBe(1);
    expect(events(Date.parse(test.start) - 86_400_000)).toBe(0);
    // Staff see it whatever the time; an explicit participant audience hides it from any view.
    expect(events(end - 1, { audience: "staff" })).toBe(1);
    expect(events(end - 1, { for: { staffId: staffId("s-2") } })).toBe(1);
    expect(events(end - 1, { for: { staffId: staffId("s-2") }, audience: "participant" })).toBe(0);
    const all = (audience?: "participant" | "staff") =>
      parseIcs(
        toICalendar([test], {
          ...opts,
          now: new Date(end - 1).toISOString(),
          ...(audience === undefined ? {} : { audience }),
        }),
      ).events.length;
    expect([all(), all("staff"), all("participant")]).toEqual([1, 1, 0]);
    expect(() => toICalendar([test], { ...opts, audience: "patient" as never })).toThrow(IopError);
  });

  it("says nothing clinical by default: 'Group session' or 'Appointment', no type, topic or ids (privacy)", () => {
    const ics = toICalendar(sessions, opts);
    expect(parseIcs(ics).events.map((e) => e.summary)).toEqual([
      "Group session",
      "Appointment",
      "Appointment",
    ]);
    for (const secret of [
      "drug",
      "test",
      "family",
      "therapy",
      "urges",
      "p-1",
      "p-2",
      "g-a",
      "s-2",
      "sess-",
    ])
      expect(ics.toLowerCase()).not.toContain(secret);
    expect(ics).not.toMatch(/^(DESCRIPTION|LOCATION)/m);
  });

  it("UIDs: a stable 16-hex-digit pseudonym of the session id at `uidDomain`, or the caller's", () => {
    const a = uidsOf(toICalendar(sessions, opts));
    expect(a.every((u) => /^[0-9a-f]{16}@iopkit\.invalid$/.test(u))).toBe(true);
    expect(new Set(a).size).toBe(3);
    expect(uidsOf(toICalendar([...sessions].reverse(), opts))).toEqual(a);
    expect(
      uidsOf(toICalendar(sessions, { ...opts, uidDomain: "clinic.example", uid: (s) => s.id })),
    ).toEqual([
      "sess-group@clinic.example",
      "sess-test@clinic.example",
      "sess-family@clinic.example",
    ]);
  });

  it("writes the caller's summary, description and location, escaped (RFC 5545 §3.3.11)", () => {
    const names: Partial<Record<SessionTypeId, string>> = { "group-therapy": "Group, room 2" };
    const ics = toICalendar(sessions.slice(0, 1), {
      ...opts,
      calendarName: "Alex's sessions; spring",
      summary: (s) => names[s.sessionType] ?? "Appointment",
      description: "Bring: notebook\\pen\nCall 555-0100 if late",
      location: (s) => `Clinic; ${s.id}`,
      method: "PUBLISH",
    });
    expect(ics).toContain("SUMMARY:Group\\, room 2\r\n");
    expect(ics).toContain("DESCRIPTION:Bring: notebook\\\\pen\\nCall 555-0100 if late\r\n");
    expect(ics).toContain("LOCATION:Clinic\\; sess-group\r\n");
    expect(ics).toContain("METHOD:PUBLISH\r\n");
    expect(ics).toContain("X-WR-CALNAME:Alex's sessions\\; spring\r\n");
    const [e] = parseIcs(ics).events;
    expect(e).toMatchObject({
      summary: "Group, room 2",
      description: "Bring: notebook\\pen\nCall 555-0100 if late",
      location: "Clinic; sess-group",
    });
  });

  it("DTSTAMP is `now` in UTC; the text is CRLF throughout with no line over 75 octets (RFC 5545 §3.1)", () => {
    const ics = toICalendar(sessions, {
      ...opts,
      now: "2026-02-01T07:08:09.999-05:00",
      description: "é".repeat(100) + "💊".repeat(40),
    });
    expect(ics).toContain("DTSTAMP:20260201T120809Z\r\n");
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    for (const line of physicalLines(ics)) expect(octets(line)).toBeLessThanOrEqual(75);
    expect(parseIcs(ics).events[0]?.description).toBe("é".repeat(100) + "💊".repeat(40));
  });

  it("drops control characters the RFC forbids in TEXT and turns CR/CRLF into line breaks", () => {
    const ics = toICalendar(sessions.slice(0, 1), {
      ...opts,
      summary: () => "a\u0000b\u0007c\td\r\ne\rf\u007f",
    });
    expect(parseIcs(ics).events[0]?.summary).toBe("abc\td\ne\nf");
  });
});

describe("toICalendar: bad options", () => {
  it("throws IopError listing every problem", () => {
    const bad = {
      timeZone: "Mars/Olympus_Mons",
      now: "yesterday",
      for: { participantId: 1 },
      uidDomain: "not a domain",
      summary: "Appointment",
      method: "REQUEST",
      colour: "red",
    };
    let error: unknown;
    try {
      toICalendar([], bad as never);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(IopError);
    const paths = (error as IopError).issues.map((i) => i.path.join("."));
    for (const p of ["timeZone", "now", "for", "uidDomain", "summary", "method", "colour"])
      expect(paths).toContain(p);
  });

  it("throws IopError when a text function returns something else, or two sessions share a UID", () => {
    const s = session("a", "2026-03-09T09:00:00.000-04:00", "2026-03-09T10:00:00.000-04:00");
    const opts = { timeZone: "America/New_York", now: NOW };
    expect(() => toICalendar([s], { ...opts, summary: () => 42 as unknown as string })).toThrow(
      /options\.summary returned number/,
    );
    expect(() => toICalendar([s, { ...s }], opts)).toThrow(IopError);
    expect(() => toICalendar([s], { ...opts, uid: () => "" })).toThrow(/empty/);
  });

  it("bounds the text a function returns: limits.maxTextLength for summary, description and location, limits.maxIdLength for the UID", () => {
    const s = session("a", "2026-03-09T09:00:00.000-04:00", "2026-03-09T10:00:00.000-04:00");
    const opts = { timeZone: "America/New_York", now: NOW };
    const issue = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return isIopError(e) ? e.issues.map(({ code, path }) => ({ code, path })) : e;
      }
      return "accepted";
    };
    for (const name of ["summary", "description", "location"] as const) {
      const at = (n: number) => () => toICalendar([s], { ...opts, [name]: () => "x".repeat(n) });
      expect(at(limits.maxTextLength)).not.toThrow();
      expect(issue(at(limits.maxTextLength + 1))).toEqual([
        { code: "limit-exceeded", path: [name] },
      ]);
    }
    const uid = (n: number) => () => toICalendar([s], { ...opts, uid: () => "u".repeat(n) });
    expect(uid(limits.maxIdLength)).not.toThrow();
    expect(issue(uid(limits.maxIdLength + 1))).toEqual([{ code: "limit-exceeded", path: ["uid"] }]);
  });

  it("the audience filter must name one kind of id", () => {
    expect(() =>
      toICalendar([], {
        timeZone: "UTC",
        now: NOW,
        for: { participantId: participantId("p-1"), staffId: staffId("s-1") },
      }),
    ).toThrow(IopError);
  });
});

describe("toICalendar is deterministic (DESIGN.md principle 2)", () => {
  it("gives the same text for the same input (DTSTAMP comes from `now`)", () => {
    const sessions = planAround("Australia/Lord_Howe", ["2026-03-30", "2026-09-28"]);
    const a = toICalendar(sessions, { timeZone: "Australia/Lord_Howe", now: NOW });
    const b = toICalendar(structuredClone(sessions), { timeZone: "Australia/Lord_Howe", now: NOW });
    expect(b).toBe(a);
  });
});
