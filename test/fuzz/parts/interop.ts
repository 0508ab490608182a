// Interop entry points that accept outside data: toICalendar's options (sessions are typed records,
// validated upstream by parseSchedule) and jsonSchema's name.
import fc from "fast-check";
import * as interop from "iopkit/interop";
import { parseSchedule, type ScheduledSession } from "iopkit/schedule";
import type { FuzzEntry } from "../entry";
import { hostileJson, mutated } from "../hostile";

const sessions: ScheduledSession[] = parseSchedule({
  window: { from: "2026-10-26", weeks: 1 },
  sessions: [
    {
      id: "g.20261101.0",
      sessionType: "group-therapy",
      start: "2026-11-01T01:30:00.000-04:00",
      end: "2026-11-01T02:30:00.000-05:00",
      participantIds: ["p-1", "p-2"],
      staffIds: ["s-1"],
      groupId: "g-1",
      topic: "relapse prevention",
    },
    {
      id: "test.p-1.20261102",
      sessionType: "drug-test",
      start: "2026-11-02T09:00:00.000-05:00",
      end: "2026-11-02T09:15:00.000-05:00",
      participantIds: ["p-1"],
      staffIds: ["s-2"],
    },
  ],
}).sessions;

const validOptions = {
  timeZone: "America/New_York",
  now: "2026-10-20T12:00:00Z",
  for: { participantId: "p-1" },
  calendarName: "My sessions",
  uidDomain: "clinic.example",
  description: "Bring your notebook; call if late",
  location: "Riverside IOP, Room 2",
  method: "PUBLISH",
};

export const entries: FuzzEntry[] = [
  {
    name: "toICalendar (options)",
    inputs: mutated(validOptions),
    call: (x) => interop.toICalendar(sessions, x as interop.ToICalendarOptions),
  },
  {
    name: "toICalendar (options, other zones)",
    inputs: fc.record({
      timeZone: fc.oneof(
        hostileJson,
        fc.constantFrom("Australia/Lord_Howe", "Asia/Kolkata", "Pacific/Chatham", "UTC"),
      ),
      now: fc.oneof(hostileJson, fc.constant("2026-10-20T12:00:00+13:45")),
    }),
    call: (x) => interop.toICalendar(sessions, x as interop.ToICalendarOptions),
  },
  {
    name: "jsonSchema",
    inputs: fc.constantFrom(...interop.jsonSchemaNames, "Nope", "__proto__", "toString"),
    call: (x) => interop.jsonSchema(x as interop.JsonSchemaName),
  },
];
