// The shipped arbitraries cover their whole option space: measured by drawing a fixed-seed sample
// and counting what it holds (the distribution), not by reading the arbitrary's code. An app's
// property tests only ever see what these generate, so a branch they never produce (a track, a
// discharge type, a DST week) is a branch those tests never check.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  asamEditions,
  conditionKinds,
  createZoneClock,
  dischargeTypes,
  modalities,
  oneToOneAppliesTo,
  oneToOneSessionTypes,
  sessionTypeIds,
  sessionTypes,
  toEpochDay,
  usesAsamLevels,
  type Program,
  type SessionTypeId,
} from "iopkit";
import {
  dstWeekStarts,
  enrollment,
  episodeEvents,
  planningInput,
  program,
  schedule,
  type PlannedSchedule,
} from "iopkit/testing";

const SEED = 20_261_204;
const sample = <T>(arb: fc.Arbitrary<T>, numRuns: number): T[] =>
  fc.sample(arb, { numRuns, seed: SEED });
const share = <T>(values: readonly T[], test: (v: T) => boolean): number =>
  values.filter(test).length / values.length;
/** A pattern holds group sessions only (defineProgram refuses the others). */
const groupTypes = sessionTypeIds.filter((t) => sessionTypes[t].format === "group");
/** What a program can hold: group types in patterns, one-to-ones, individual therapy, tests. */
const plannable: readonly SessionTypeId[] = [
  ...groupTypes,
  ...oneToOneSessionTypes,
  "individual-therapy",
  "drug-test",
];
const tracksOf = (p: Program): string[] => [
  ...new Set(p.phases.flatMap((ph) => ph.pattern.flatMap((e) => (e.track ? [e.track] : [])))),
];

describe("program()", () => {
  const programs = sample(program(), 300);
  it("has one and two tracks, both populations and one to three phases, each often", () => {
    expect(share(programs, (p) => tracksOf(p).length === 0)).toBeGreaterThan(0.25);
    expect(share(programs, (p) => tracksOf(p).length === 2)).toBeGreaterThan(0.25);
    expect(share(programs, (p) => p.population === "adult")).toBeGreaterThan(0.25);
    expect(share(programs, (p) => p.population === "adolescent")).toBeGreaterThan(0.25);
    for (const n of [1, 2, 3])
      expect(share(programs, (p) => p.phases.length === n)).toBeGreaterThan(0.15);
  });
  it("uses both ASAM editions and serves every condition kind, substance use or not", () => {
    for (const edition of asamEditions)
      expect(
        share(programs, (p) => p.asamEdition === edition),
        String(edition),
      ).toBeGreaterThan(0.3);
    // Substance use in about 3 programs of 4; each other kind in about 1 in 4 (0–4 of 7).
    expect(share(programs, usesAsamLevels)).toBeGreaterThan(0.6);
    expect(share(programs, (p) => !usesAsamLevels(p))).toBeGreaterThan(0.1);
    for (const kind of conditionKinds)
      expect(
        share(programs, (p) => p.conditionsServed.includes(kind)),
        kind,
      ).toBeGreaterThan(0.1);
  });
  it("puts every group type and modality in patterns, every one-to-one type and audience in phases", () => {
    // Group therapy every day; psychoeducation, meal support and alumni groups share a split
    // day's second session (measured about 32%, 17%, 17% of programs): each over 8%. Each
    // one-to-one type is in about 80% of programs: over 40%.
    const inPattern = (p: Program, t: string): boolean =>
      p.phases.some((ph) => ph.pattern.some((e) => e.sessionType === t));
    for (const t of groupTypes)
      expect(
        share(programs, (p) => inPattern(p, t)),
        t,
      ).toBeGreaterThan(0.08);
    for (const t of oneToOneSessionTypes)
      expect(
        share(programs, (p) => p.phases.some((ph) => ph.oneToOne.some((o) => o.sessionType === t))),
        t,
      ).toBeGreaterThan(0.4);
    // Drug tests collected on session days (collectOn absent, fc.option's 1 in 6, or
    // "session-days") or call-in on any open day ("open-days"; iopkit's DrugTestDays, not
    // exported as a list): absent over 7%, each value over 25%.
    expect(share(programs, (p) => p.drugTestPolicy.collectOn === undefined)).toBeGreaterThan(0.07);
    for (const on of ["session-days", "open-days"])
      expect(
        share(programs, (p) => p.drugTestPolicy.collectOn === on),
        on,
      ).toBeGreaterThan(0.25);
    for (const favour of [true, false])
      expect(
        share(programs, (p) => p.drugTestPolicy.favourDayAfterBreak === favour),
      ).toBeGreaterThan(0.3);
    // Group therapy names a modality 5 times in 6 (fc.option), one of 13 (about 6.4% each).
    for (const m of modalities)
      expect(
        share(programs, (p) => p.phases.some((ph) => ph.pattern.some((e) => e.modality === m))),
        m,
      ).toBeGreaterThan(0.02);
    expect(
      share(programs, (p) => p.phases.every((ph) => ph.pattern.every((e) => !e.modality))),
    ).toBeGreaterThan(0.07);
    for (const a of oneToOneAppliesTo)
      expect(
        share(programs, (p) => p.phases.some((ph) => ph.oneToOne.some((o) => o.appliesTo === a))),
        a,
      ).toBeGreaterThan(0.4);
  });
});

describe("enrollment()", () => {
  const twoTracks = sample(program({ tracks: 2, phases: 3 }), 1)[0] as Program;
  const names = tracksOf(twoTracks);
  const enrolments = sample(enrollment({ program: twoTracks, around: "2026-03-02" }), 400);
  it("names a track about half the time when the program has tracks, and every track", () => {
    expect(names).toHaveLength(2);
    const named = share(enrolments, (e) => e.track !== undefined);
    expect(named).toBeGreaterThan(0.35);
    expect(named).toBeLessThan(0.65);
    for (const name of names)
      expect(share(enrolments, (e) => e.track === name)).toBeGreaterThan(0.15);
  });
  it("never names a track when the program has none", () => {
    const untracked = sample(program({ tracks: 1 }), 1)[0] as Program;
    const all = sample(enrollment({ program: untracked, around: "2026-03-02" }), 100);
    expect(all.filter((e) => e.track !== undefined)).toEqual([]);
  });
  it("admits into each phase, the first one included, in a good share", () => {
    const [first, ...later] = twoTracks.phases.map((ph) => ph.id);
    expect(share(enrolments, (e) => e.startPhase === undefined)).toBeGreaterThan(0.2);
    for (const id of later)
      expect(share(enrolments, (e) => e.startPhase === id)).toBeGreaterThan(0.2);
    // The first phase is the default: an enrolment never names it.
    expect(enrolments.filter((e) => e.startPhase === first)).toEqual([]);
  });
});

describe("planningInput() and schedule()", () => {
  it("puts most windows across a DST change of the program's zone", () => {
    const inputs = sample(planningInput({ maxParticipants: 1 }), 300);
    const crossesDst = (i: (typeof inputs)[number]): boolean => {
      const clock = createZoneClock(i.program.timeZone);
      const first = toEpochDay(i.from);
      const at = (day: number): number => clock.offsetAt(clock.localToEpochMs(day, 720));
      return at(first) !== at(first + 7 * i.weeks);
    };
    // Zones without DST (UTC, Asia/Kolkata, …) and windows around another region's change are
    // generated too, on purpose: they are the control.
    const withDst = inputs.filter((i) => dstWeekStarts(i.program.timeZone).length > 0);
    expect(share(withDst, crossesDst)).toBeGreaterThan(0.6);
    expect(share(inputs, (i) => !crossesDst(i))).toBeGreaterThan(0.1);
  });
  it("plans every session type a generated program can hold, each in a good share of plans", () => {
    const plans: PlannedSchedule[] = sample(schedule({ staff: "always", maxWeeks: 4 }), 80);
    const holds = (type: string) => (p: PlannedSchedule) =>
      p.schedule.sessions.some((s) => s.sessionType === type);
    // Measured: group therapy, individual therapy, drug tests, family therapy and case
    // management in 66–90% of plans, medication management 56%, psychoeducation 34%, meal
    // support and alumni groups 13–14%: required over half of that, or 5% for the rarest.
    for (const type of ["group-therapy", "individual-therapy", "drug-test"])
      expect(share(plans, holds(type)), type).toBeGreaterThan(0.4);
    for (const type of ["family-therapy", "medication-management", "case-management"])
      expect(share(plans, holds(type)), type).toBeGreaterThan(0.25);
    expect(share(plans, holds("psychoeducation")), "psychoeducation").toBeGreaterThan(0.15);
    for (const type of ["meal-support", "alumni-group"])
      expect(share(plans, holds(type)), type).toBeGreaterThan(0.05);
    // Call-in tests are planned too.
    expect(
      share(
        plans.filter((p) => p.input.program.drugTestPolicy.collectOn === "open-days"),
        holds("drug-test"),
      ),
      "call-in drug tests",
    ).toBeGreaterThan(0.4);
    // Every type a program can hold is required above; a type no program holds (assessment,
    // peer support, …) is never planned.
    for (const type of sessionTypeIds.filter((t) => !plannable.includes(t)))
      expect(plans.filter(holds(type)), type).toEqual([]);
    expect(
      share(plans, (p) => p.schedule.sessions.some((s) => s.track !== undefined)),
    ).toBeGreaterThan(0.1);
  });
});

describe("dstWeekStarts()", () => {
  it("gives the Mondays of a zone's 2026 DST changes, and none for a zone without DST", () => {
    // US rule: second Sunday of March, first Sunday of November (2026-03-08, 2026-11-01).
    expect(dstWeekStarts("America/New_York")).toEqual(["2026-03-02", "2026-10-26"]);
    // EU rule: last Sunday of March and October (2026-03-29, 2026-10-25).
    expect(dstWeekStarts("Europe/London")).toEqual(["2026-03-23", "2026-10-19"]);
    expect(dstWeekStarts("Asia/Kolkata")).toEqual([]);
    expect(dstWeekStarts("UTC")).toEqual([]);
  });
});

describe("episodeEvents()", () => {
  it("ends episodes with every discharge type", () => {
    const p = sample(program(), 1)[0] as Program;
    const logs = sample(episodeEvents(p), 400);
    const types = logs.flatMap((log) =>
      log.flatMap((e) => (e.kind === "discharged" ? [e.type] : [])),
    );
    for (const type of dischargeTypes)
      expect(
        share(types, (t) => t === type),
        type,
      ).toBeGreaterThan(0.05);
  });
});
