// Rooms, delivery modes and staff limits (S14–S16), proved over generated clinics: programs with
// rooms at one or two sites, modes on phases and group entries, participants with and without
// telehealth, staff with limits (iopkit/testing's `venues` options). checkSchedule(planSchedule(x))
// finds nothing the planner did not itself report, for every invariant.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checkSchedule,
  planSchedule,
  placeOfServiceFor,
  type Schedule,
  type Violation,
} from "iopkit";
import { assertScheduleInvariants, planningInput, schedule } from "iopkit/testing";

const reported = (s: Schedule, v: Violation): boolean =>
  s.shortfalls.some(
    (f) => f.invariant === v.code && f.participantId === v.participantId && f.isoWeek === v.isoWeek,
  );

describe("planSchedule with rooms, delivery modes and staff limits", () => {
  it("breaks no invariant beyond the shortfalls it reports (S1–S16)", () => {
    fc.assert(
      fc.property(schedule({ venues: true, staff: "always" }), ({ input, schedule: s }) => {
        assertScheduleInvariants(s, input);
      }),
      { numRuns: 60 },
    );
  });

  it("without staff too; every breach of S14 is a session the planner reported without a room", () => {
    fc.assert(
      fc.property(schedule({ venues: true, staff: "never" }), ({ input, schedule: s }) => {
        const breaches = checkSchedule(s, input).filter((v) => !reported(s, v));
        expect(breaches).toEqual([]);
        for (const v of checkSchedule(s, input).filter((x) => x.code === "S14"))
          expect(
            s.shortfalls.some((f) => f.invariant === "S14" && f.participantId === v.participantId),
          ).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it("every session carries its mode and place of service; video and phone sessions have no room", () => {
    fc.assert(
      fc.property(schedule({ venues: true }), ({ input, schedule: s }) => {
        const byId = new Map(input.enrollments.map((e) => [e.participant.id, e.participant]));
        for (const session of s.sessions) {
          expect(session.deliveryMode).toBeDefined();
          expect(session.placeOfService).toBeDefined();
          const remote = session.deliveryMode === "video" || session.deliveryMode === "phone";
          if (remote) expect(session.roomId).toBeUndefined();
          for (const pid of session.participantIds) {
            const p = byId.get(pid);
            if (p === undefined) continue;
            const code = placeOfServiceFor(session, p, input.program);
            expect(["02", "10"].includes(code)).toBe(
              remote || (session.remoteParticipantIds ?? []).includes(pid),
            );
          }
        }
      }),
      { numRuns: 30 },
    );
  });

  it("S11: the same input and seed give the same schedule", () => {
    fc.assert(
      fc.property(planningInput({ venues: true, maxParticipants: 8 }), (input) => {
        expect(planSchedule(input)).toEqual(planSchedule(structuredClone(input)));
      }),
      { numRuns: 25 },
    );
  });
});
