// The planner's invariants, proved over generated clinics: programs in zones with DST gaps and
// overlaps, half-hour offsets and no DST; enrolments starting around the DST changes; with and
// without staff. checkSchedule(planSchedule(x)) finds nothing the planner did not itself report.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  checkSchedule,
  invariantCodes,
  parseSchedule,
  planSchedule,
  type Schedule,
  type ScheduledSession,
  type Violation,
} from "iopkit";
import { schedule, staffTeam, planningInput } from "iopkit/testing";

/** A violation the planner reported as a shortfall (same invariant, participant and week). */
const reported = (s: Schedule, v: Violation): boolean =>
  s.shortfalls.some(
    (f) => f.invariant === v.code && f.participantId === v.participantId && f.isoWeek === v.isoWeek,
  );

describe.each(invariantCodes.filter((c) => c !== "S11"))("planSchedule never breaks %s", (code) => {
  it("checkSchedule finds no breach of it beyond the shortfalls the planner reported", () => {
    fc.assert(
      fc.property(schedule(), ({ input, schedule: s }) => {
        const breaches = checkSchedule(s, input).filter((v) => v.code === code && !reported(s, v));
        expect(breaches).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});

describe("planSchedule across the zones that break calendars", () => {
  it.each([
    "America/New_York",
    "Europe/London",
    "Australia/Lord_Howe",
    "Asia/Kolkata",
    "Australia/Sydney",
    "America/Santiago",
  ])(
    "%s: wall-clock times hold across both DST changes (S4, S10) and nothing else breaks",
    (timeZone) => {
      fc.assert(
        fc.property(schedule({ program: { timeZone }, maxWeeks: 6 }), ({ input, schedule: s }) => {
          expect(checkSchedule(s, input).filter((v) => !reported(s, v))).toEqual([]);
        }),
        { numRuns: 25 },
      );
    },
  );
});

describe("planSchedule laws", () => {
  it("S11: the same input and seed give the same schedule; inputs are not mutated", () => {
    fc.assert(
      fc.property(planningInput(), (input) => {
        const copy = structuredClone(input);
        const a = planSchedule(input);
        expect(planSchedule(structuredClone(input))).toEqual(a);
        expect(input).toEqual(copy);
      }),
      { numRuns: 40 },
    );
  });

  it("schedules are plain JSON and valid Schedule records", () => {
    fc.assert(
      fc.property(schedule(), ({ schedule: s }) => {
        expect(parseSchedule(JSON.parse(JSON.stringify(s)))).toEqual(s);
      }),
      { numRuns: 30 },
    );
  });

  it("with an ample staff team working all opening hours, no session lacks staff and every one-to-one is placed", () => {
    const ample = planningInput({ staff: "never", maxParticipants: 8 }).chain((input) =>
      staffTeam(input.program, { perRole: 10 }).map((staff) => ({ ...input, staff })),
    );
    fc.assert(
      fc.property(ample, (input) => {
        const s = planSchedule(input);
        expect(s.shortfalls.filter((f) => f.invariant === "staffing")).toEqual([]);
        expect(
          s.sessions
            .filter((x) => x.sessionType !== "peer-support")
            .every((x) => x.staffIds.length === 1),
        ).toBe(true);
      }),
      { numRuns: 30 },
    );
  });

  it("every enrolled participant is in a session or in unschedulable, exactly once each (S13)", () => {
    fc.assert(
      fc.property(schedule(), ({ input, schedule: s }) => {
        const scheduled = new Set(s.sessions.flatMap((x) => x.participantIds));
        const refused = s.unschedulable.map((u) => u.participantId);
        for (const e of input.enrollments)
          expect(scheduled.has(e.participant.id) || refused.includes(e.participant.id)).toBe(true);
        expect(refused.filter((id) => scheduled.has(id))).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it("groups never exceed capacity; a member is in one group of a phase at a time, without gaps", () => {
    fc.assert(
      fc.property(
        schedule({ maxParticipants: 30, program: { groupCapacity: 3 } }),
        ({ schedule: s }) => {
          for (const x of s.sessions)
            if (x.groupId !== undefined) expect(x.participantIds.length).toBeLessThanOrEqual(3);
          // A merge ends a stay in one group the day before it continues in another.
          const stays = new Map<string, { from: string; to: string }[]>();
          for (const g of s.groups)
            for (const m of g.members) {
              const key = `${m.participantId}|${g.phaseId}|${g.track ?? ""}`;
              stays.set(key, [...(stays.get(key) ?? []), { from: m.from, to: m.to }]);
            }
          for (const list of stays.values()) {
            const sorted = [...list].sort((a, b) => a.from.localeCompare(b.from));
            for (let i = 1; i < sorted.length; i++)
              expect(sorted[i]?.from).toBe(addDays(sorted[i - 1]?.to ?? "", 1));
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it("a group below groupMinimum meets only when no other group meeting with it could take its members for the rest of their stay", () => {
    fc.assert(
      fc.property(
        schedule({ maxParticipants: 30, program: { groupCapacity: 4 } }),
        ({ schedule: s, input }) => {
          const { groupCapacity: capacity, groupMinimum } = input.program;
          const minimum = Math.min(groupMinimum, capacity);
          const members = new Map(s.groups.map((g) => [g.id as string, g.members]));
          const at = new Map<string, ScheduledSession[]>();
          for (const x of s.sessions)
            if (x.groupId !== undefined && x.makeUp !== true) {
              const key = `${x.start}|${x.phaseId ?? ""}|${x.track ?? ""}|${x.sessionType}`;
              at.set(key, [...(at.get(key) ?? []), x]);
            }
          for (const same of at.values())
            for (const small of same) {
              if (small.participantIds.length >= minimum) continue;
              const day = small.start.slice(0, 10);
              const movers = (members.get(small.groupId ?? "") ?? []).filter(
                (m) => m.from <= day && day <= m.to,
              );
              for (const other of same) {
                if (other === small) continue;
                const stays = [...movers, ...(members.get(other.groupId ?? "") ?? [])];
                // The most people the other group would hold on any day from this one on.
                let peak = 0;
                const last = stays.reduce((m, x) => (x.to > m ? x.to : m), day);
                for (let d = day; d <= last; d = addDays(d, 1))
                  peak = Math.max(peak, stays.filter((x) => x.from <= d && d <= x.to).length);
                expect(peak, `${small.id} beside ${other.id}`).toBeGreaterThan(capacity);
              }
            }
        },
      ),
      { numRuns: 40 },
    );
  });
});
