// Participant-facing exports never announce a drug test (random testing only works unannounced:
// jarvis-2017-asam-drug-testing, "a random schedule, when possible"): over generated schedules and
// any `now`, a participant's or a group's iCalendar file and a `toFhirBundle` with audience
// "participant" contain no drug-test session that has not ended by `now`, leave out nothing else,
// and report each left-out Appointment; staff exports keep every test.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { toEpochMs, toFhirBundle, toICalendar, type ScheduledSession } from "iopkit";
import { drugTestResults, schedule } from "iopkit/testing";
import { bundleProblems, loadR4, resourcesOf } from "./fhir-check";
import { parseIcs } from "./ical";

beforeAll(loadR4);

const planned = schedule({ maxParticipants: 5, maxWeeks: 3 }).chain(({ input, schedule: s }) => {
  const times = s.sessions.flatMap((x) => [toEpochMs(x.start), toEpochMs(x.end)]);
  const lo = Math.min(...times, Date.parse("2026-01-01T00:00:00Z"));
  const hi = Math.max(...times, lo + 1);
  // `now` anywhere in the schedule's span, and often exactly at a session's end (the boundary).
  const now = fc.oneof(
    fc.integer({ min: lo - 86_400_000, max: hi + 86_400_000 }),
    ...(times.length === 0
      ? []
      : [fc.constantFrom(...times).chain((t) => fc.constantFrom(t - 1, t, t + 1))]),
  );
  return fc
    .record({ now, drugTests: drugTestResults(s, { coverage: 0.5 }) })
    .map((x) => ({ input, schedule: s, ...x, nowIso: new Date(x.now).toISOString() }));
});

const future = (s: ScheduledSession, now: number): boolean =>
  s.sessionType === "drug-test" && toEpochMs(s.end) > now;

describe("participant-facing exports never reveal a future drug test", () => {
  // The runs must meet future tests, or the properties would hold vacuously.
  let hidden = 0;
  it("iCalendar: a participant's or group's calendar has every session of theirs but the future tests; staff calendars have all", () => {
    fc.assert(
      fc.property(planned, ({ input, schedule: s, now, nowIso }) => {
        const base = {
          timeZone: input.program.timeZone,
          now: nowIso,
          uid: (x: ScheduledSession) => x.id,
        };
        const ids = (ics: string) =>
          parseIcs(ics)
            .events.map((e) => e.uid.replace(/@.*$/, ""))
            .sort();
        for (const e of input.enrollments) {
          const pid = e.participant.id;
          const mine = s.sessions.filter((x) => x.participantIds.includes(pid));
          const shown = ids(toICalendar(s.sessions, { ...base, for: { participantId: pid } }));
          expect(shown).toEqual(
            mine
              .filter((x) => !future(x, now))
              .map((x) => x.id)
              .sort(),
          );
          hidden += mine.filter((x) => future(x, now)).length;
          const staff = ids(
            toICalendar(s.sessions, { ...base, for: { participantId: pid }, audience: "staff" }),
          );
          expect(staff).toEqual(mine.map((x) => x.id).sort());
        }
        for (const g of s.groups) {
          const shown = ids(toICalendar(s.sessions, { ...base, for: { groupId: g.id } }));
          const futureIds = new Set(s.sessions.filter((x) => future(x, now)).map((x) => x.id));
          expect(shown.filter((id) => futureIds.has(id as never))).toEqual([]);
        }
        expect(ids(toICalendar(s.sessions, base))).toEqual(s.sessions.map((x) => x.id).sort());
      }),
      { numRuns: 25 },
    );
    expect(hidden).toBeGreaterThan(0);
  });

  it("FHIR: audience participant has no Appointment of a future test, reports each as future-drug-test, and is otherwise the staff bundle", () => {
    hidden = 0;
    fc.assert(
      fc.property(planned, ({ input, schedule: s, drugTests, now, nowIso }) => {
        const records = {
          program: input.program,
          enrollments: input.enrollments,
          schedule: s,
          drugTests,
        };
        const staff = toFhirBundle(records, { now: nowIso });
        const portal = toFhirBundle(records, { now: nowIso, audience: "participant" });
        expect(bundleProblems(portal.bundle)).toEqual([]);
        const seats = s.sessions.flatMap((x, i) =>
          future(x, now) ? x.participantIds.map((p) => ({ i, p })) : [],
        );
        const isFutureTest = (a: {
          serviceType?: { coding?: { code?: string }[] }[];
          end?: string;
        }) =>
          a.serviceType?.[0]?.coding?.some((c) => c.code === "drug-test") === true &&
          a.end !== undefined &&
          Date.parse(a.end) > now;
        const portalAppointments = resourcesOf(portal.bundle, "Appointment");
        expect(portalAppointments.filter(isFutureTest)).toEqual([]);
        const staffAppointments = resourcesOf(staff.bundle, "Appointment");
        expect(staffAppointments.filter(isFutureTest)).toHaveLength(seats.length);
        expect(portalAppointments).toEqual(staffAppointments.filter((a) => !isFutureTest(a)));
        expect(
          portal.omitted
            .filter((o) => o.code === "future-drug-test")
            .map((o) => [o.path, o.participantId]),
        ).toEqual(seats.map(({ i, p }) => [["schedule", "sessions", i], p]));
        expect(staff.omitted.some((o) => o.code === "future-drug-test")).toBe(false);
        hidden += seats.length;
        // Nothing else differs: the same resources of every other type.
        const others = (b: typeof staff) =>
          (b.bundle.entry ?? []).filter((x) => x.resource?.resourceType !== "Appointment").length;
        expect(others(portal)).toBe(others(staff));
      }),
      { numRuns: 15 },
    );
    expect(hidden).toBeGreaterThan(0);
  });
});
