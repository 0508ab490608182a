// Laws for the shipped arbitraries (iopkit/testing): every generated record passes its own parse;
// every invalid* record fails with the named rule and no other; the same seed gives the same
// values; shrinking moves toward smaller values.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  defineProgram,
  instrumentIds,
  parseConsent,
  parseEnrollment,
  parseMeasureAdministration,
  parseParticipant,
  parseSchedule,
  parseRecord,
  parseStaff,
  recordFormats,
  safeDefineProgram,
  safeParseParticipant,
  scoreAdministration,
} from "iopkit";
import {
  consent,
  enrollment,
  invalidParticipant,
  invalidProgram,
  measureAdministration,
  measureAnswers,
  participant,
  participantRules,
  program,
  programRules,
  schedule,
  staffTeam,
  zone,
} from "iopkit/testing";

const template = defineProgram(fc.sample(program(), { numRuns: 1, seed: 1 })[0]);

describe("every generated record passes its own parse", () => {
  it("program → defineProgram, participant → parseParticipant, enrolment, staff, consent", () => {
    fc.assert(
      fc.property(program(), participant(), consent(), (p, q, c) => {
        expect(defineProgram(p)).toEqual(p);
        expect(parseParticipant(q)).toEqual(q);
        expect(parseConsent(c)).toEqual(c);
        for (const s of fc.sample(staffTeam(p), { numRuns: 1, seed: 2 })[0] ?? [])
          expect(parseStaff(s)).toEqual(s);
      }),
      { numRuns: 60 },
    );
    fc.assert(
      fc.property(
        enrollment({ program: template, around: "2026-03-02" }),
        (e) => void expect(parseEnrollment(JSON.parse(JSON.stringify(e)))).toEqual(e),
      ),
    );
  });

  it("every record is of the current format, and the current format reads it back (parseRecord)", () => {
    fc.assert(
      fc.property(program(), participant(), consent(), (p, q, c) => {
        expect(p.formatVersion).toBe(recordFormats.Program);
        expect(q.formatVersion).toBe(recordFormats.Participant);
        expect(c.formatVersion).toBe(recordFormats.Consent);
        for (const x of q.consents) expect(x.formatVersion).toBe(recordFormats.Consent);
        expect(parseRecord("Participant", JSON.parse(JSON.stringify(q)))).toEqual(q);
      }),
      { numRuns: 30 },
    );
    fc.assert(
      fc.property(schedule({ maxParticipants: 3, maxWeeks: 2 }), ({ schedule: s }) => {
        expect(s.formatVersion).toBe(recordFormats.Schedule);
        for (const x of s.sessions) expect(x.formatVersion).toBe(recordFormats.ScheduledSession);
        expect(parseRecord("Schedule", JSON.parse(JSON.stringify(s)))).toEqual(s);
      }),
      { numRuns: 10 },
    );
  });

  it("schedule → parseSchedule", () => {
    fc.assert(
      fc.property(
        schedule({ maxParticipants: 5, maxWeeks: 3 }),
        ({ schedule: s }) => void expect(parseSchedule(JSON.parse(JSON.stringify(s)))).toEqual(s),
      ),
      { numRuns: 20 },
    );
  });

  it.each(instrumentIds)("%s answers are valid and score", (instrument) => {
    fc.assert(
      fc.property(measureAdministration(instrument), (a) => {
        expect(parseMeasureAdministration(a)).toEqual(a);
        expect(() => scoreAdministration(a, { licence: "non-commercial" })).not.toThrow();
      }),
      { numRuns: 50 },
    );
    fc.assert(
      fc.property(
        measureAnswers(instrument),
        (answers) => void expect(answers).toHaveLength(answers.length),
      ),
    );
  });
});

describe("every invalid* record fails with its named rule and no other", () => {
  it.each(programRules)("invalidProgram(%s)", (rule) => {
    fc.assert(
      fc.property(invalidProgram(rule), ({ rule: named, input }) => {
        const r = safeDefineProgram(input);
        expect(r.success).toBe(false);
        if (!r.success)
          expect(new Set(r.error.issues.map((i) => i.code))).toEqual(new Set([named]));
      }),
      { numRuns: 40 },
    );
  });

  it.each(participantRules)("invalidParticipant(%s)", (rule) => {
    fc.assert(
      fc.property(invalidParticipant(rule), ({ rule: named, input }) => {
        const r = safeParseParticipant(input);
        expect(r.success).toBe(false);
        if (!r.success)
          expect(new Set(r.error.issues.map((i) => i.code))).toEqual(new Set([named]));
      }),
      { numRuns: 40 },
    );
  });
});

describe("determinism and shrinking", () => {
  it("the same seed gives the same values", () => {
    for (const arb of [
      program(),
      participant(),
      consent(),
      zone(),
      measureAnswers("bam"),
    ] as fc.Arbitrary<unknown>[]) {
      expect(fc.sample(arb, { numRuns: 5, seed: 42 })).toEqual(
        fc.sample(arb, { numRuns: 5, seed: 42 }),
      );
    }
  });

  it("shrinking moves toward smaller values (a failing property ends at a small counterexample)", () => {
    // Fail on any program with two phases or more: the reported counterexample must be minimal in
    // phase count, pattern size and weeks — small enough for a person to read.
    const details = fc.check(
      fc.property(program(), (p) => p.phases.length < 2),
      { seed: 7 },
    );
    expect(details.failed).toBe(true);
    const minimal = details.counterexample?.[0];
    expect(minimal?.phases).toHaveLength(2);
    const size = (p: typeof minimal): number => JSON.stringify(p).length;
    const firstFailure = fc.sample(
      program().filter((p) => p.phases.length >= 2),
      { numRuns: 30, seed: 7 },
    );
    expect(size(minimal)).toBeLessThanOrEqual(Math.min(...firstFailure.map(size)));
    // Participants shrink toward few conditions, no unavailability and short lists.
    const person = fc.check(
      fc.property(participant(), (q) => q.conditions.length < 2),
      { seed: 7 },
    ).counterexample?.[0];
    expect(person?.conditions).toHaveLength(2);
    expect(person?.unavailable).toEqual([]);
    expect(person?.medications).toEqual([]);
  });
});
