// Property-testing an app with iopkit/testing: paste this file into your project (vitest and
// fast-check as dev dependencies) and replace the two "app" functions with your own.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  parseParticipant,
  planSchedule,
  safeParseParticipant,
  type Participant,
  type Schedule,
} from "iopkit";
import {
  assertScheduleInvariants,
  invalidParticipant,
  participant,
  planningInput,
} from "iopkit/testing";

// --- Your app's code (here, two small examples) ------------------------------------------------

/** A database row: the app stores the profile as JSON beside a few indexed columns. */
interface ParticipantRow {
  id: string;
  birth_year: number;
  conditions: string;
  profile: string;
}
const toRow = (p: Participant): ParticipantRow => ({
  id: p.id,
  birth_year: Number(p.dateOfBirth.slice(0, 4)),
  conditions: p.conditions.map((c) => c.kind).join(","),
  profile: JSON.stringify(p),
});
const fromRow = (row: ParticipantRow): Participant => parseParticipant(JSON.parse(row.profile));

/** The app lets a coordinator cancel a participant's sessions on one day (e.g. a court date). */
function cancelDay(schedule: Schedule, participantId: string, date: string): Schedule {
  return {
    ...schedule,
    sessions: schedule.sessions
      .map((s) =>
        s.start.startsWith(date)
          ? { ...s, participantIds: s.participantIds.filter((id) => id !== participantId) }
          : s,
      )
      // A session nobody is left in is cancelled too: a session has a roster (parseSchedule and
      // checkSchedule refuse an empty one).
      .filter((s) => s.participantIds.length > 0),
  };
}

// --- Properties ----------------------------------------------------------------------------------

describe("participant rows", () => {
  it("round-trip every valid participant", () => {
    fc.assert(
      fc.property(participant(), (p) => {
        expect(fromRow(toRow(p))).toEqual(p);
      }),
    );
  });

  it("reject every participant that breaks a rule, naming it", () => {
    fc.assert(
      fc.property(invalidParticipant(), ({ rule, input }) => {
        const result = safeParseParticipant(input);
        expect(result.success).toBe(false);
        if (!result.success) expect(result.error.issues.map((i) => i.code)).toContain(rule);
      }),
    );
  });
});

describe("cancelling a day", () => {
  it("never creates an overlap, a session outside opening hours, or a group over capacity", () => {
    fc.assert(
      fc.property(planningInput({ maxParticipants: 6, maxWeeks: 3 }), fc.nat(), (input, pick) => {
        const schedule = planSchedule(input);
        const first = schedule.sessions[pick % Math.max(1, schedule.sessions.length)];
        const who = first?.participantIds[0];
        if (first === undefined || who === undefined) return;
        const edited = cancelDay(schedule, who, first.start.slice(0, 10));
        // Cancelling can leave a week short of its hours or tests (S5, S8, S12) and a participant
        // in no session at all (S13): that is the point. Everything else must still hold.
        assertScheduleInvariants(edited, input, { ignore: ["S5", "S8", "S12", "S13"] });
      }),
      { numRuns: 30 },
    );
  });
});
