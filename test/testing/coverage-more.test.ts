// The rest of iopkit/testing covers its whole option space too (see coverage.test.ts for why):
// each option space below comes from the domain's own exported lists (sessionTypeIds,
// disclosurePurposes, attendanceStatuses, …), not from the arbitrary's code, and each test
// measures a fixed-seed sample. Lower bounds sit well below the shares measured (usually at a
// half or less), so a test goes red only when a value is gone or nearly so, never by a hair.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  attendanceStatuses,
  authorizationUnitKinds,
  conditionKinds,
  conditionSeverities,
  consentSigners,
  daysBetween,
  deliveryModes,
  detoxStatuses,
  dimensionKeys,
  disclosurePurposes,
  dischargeReasons,
  dischargeTypes,
  drugTestOutcomes,
  facilityPlacesOfService,
  informationKinds,
  instrumentIds,
  instruments,
  levelOfCareIds,
  livingSituations,
  medicationPurposes,
  planAftercare,
  programTemplates,
  responsibilityKinds,
  riskRatings,
  roomKinds,
  sexes,
  signerBases,
  sessionTypes,
  telehealthDevices,
  telehealthLocations,
  unavailabilityReasons,
  type Program,
  type SessionTypeId,
  type Staff,
} from "iopkit";
import { seatStatuses } from "iopkit/analytics";
import { priorityClasses } from "iopkit/capacity";
import {
  aftercarePolicy,
  analyticsData,
  attendanceLog,
  authorizations,
  checkInOutcomes,
  consent,
  dischargedEpisode,
  drugTestResults,
  dstWeekStarts,
  everydayZones,
  forecastOptions,
  interestingZones,
  invalidParticipant,
  invalidProgram,
  measureAdministration,
  participant,
  participantRules,
  program,
  programRules,
  referralStream,
  schedule,
  staffTeam,
  stayDistributionArb,
  telehealthAccess,
  waitlistScenario,
  withLimits,
  withVenues,
  zone,
} from "iopkit/testing";

const SEED = 20_261_204;
const sample = <T>(arb: fc.Arbitrary<T>, numRuns: number): T[] =>
  fc.sample(arb, { numRuns, seed: SEED });
const share = <T>(values: readonly T[], test: (v: T) => boolean): number =>
  values.length === 0 ? 0 : values.filter(test).length / values.length;
/** Requires each of `space` in more than `min` of `values` (each value names what is missing). */
const everyIn = <T, V>(
  values: readonly T[],
  space: readonly V[],
  has: (v: T, x: V) => boolean,
  min: number,
): void => {
  for (const x of space)
    expect(
      share(values, (v) => has(v, x)),
      String(x),
    ).toBeGreaterThan(min);
};
const first = <T>(arb: fc.Arbitrary<T>): T => {
  const [one] = sample(arb, 1);
  if (one === undefined) throw new Error("no sample");
  return one;
};
/** The session types a program can hold: its patterns, its one-to-ones, individual therapy, tests. */
const typesHeldBy = (p: Program): Set<SessionTypeId> =>
  new Set<SessionTypeId>([
    ...p.phases.flatMap((ph) => ph.pattern.map((e) => e.sessionType)),
    ...p.phases.flatMap((ph) => ph.oneToOne.map((o) => o.sessionType)),
    ...(p.phases.some((ph) => ph.individualEveryWeeks > 0) ? ["individual-therapy" as const] : []),
    ...(p.phases.some((ph) => ph.drugTestsPerWeek.max > 0) ? ["drug-test" as const] : []),
  ]);

describe("participant()", () => {
  const people = sample(participant(), 300);
  it("has every condition kind, severity, detox status, living situation and responsibility", () => {
    // Uniform picks: 1–3 of 8 condition kinds (each in about 1 person in 5), severities in
    // thirds, detox statuses in thirds, living situations in fifths, 0–2 of 4 responsibilities
    // (each in about 1 in 5). Each required at about half its share or less.
    everyIn(people, conditionKinds, (p, k) => p.conditions.some((c) => c.kind === k), 0.04);
    everyIn(people, conditionSeverities, (p, s) => p.conditions.some((c) => c.severity === s), 0.1);
    everyIn(people, detoxStatuses, (p, d) => p.detox === d, 0.1);
    everyIn(people, livingSituations, (p, l) => p.living === l, 0.08);
    everyIn(people, responsibilityKinds, (p, r) => p.responsibilities.includes(r), 0.05);
  });
  it("has every unavailability reason, medication purpose, both sexes and none given", () => {
    // 0–4 blocks of 5 reasons (each reason in about 1 person in 6), 0–2 medications with a
    // purpose in thirds, sex left out 1 time in 6 (fc.option), family involved half the time.
    everyIn(
      people,
      unavailabilityReasons,
      (p, r) => p.unavailable.some((u) => u.reason === r),
      0.03,
    );
    everyIn(people, medicationPurposes, (p, m) => p.medications.some((x) => x.purpose === m), 0.1);
    everyIn(people, sexes, (p, s) => p.sex === s, 0.3);
    expect(share(people, (p) => p.sex === undefined)).toBeGreaterThan(0.07);
    expect(share(people, (p) => p.familyInvolved)).toBeGreaterThan(0.3);
    expect(share(people, (p) => !p.familyInvolved)).toBeGreaterThan(0.3);
  });
  it("has every risk rating in every dimension, adults and adolescents", () => {
    // Uniform 0–4 in each of the six dimensions: each rating near 20%, so 10%.
    for (const key of dimensionKeys)
      everyIn(people, riskRatings, (p, r) => p.dimensions[key] === r, 0.1);
    // Ages 12–80 uniform: adolescents (12–17) about 9%, adults about 91%.
    const age = (p: (typeof people)[number]): number => daysBetween(p.dateOfBirth, "2026-03-09");
    expect(share(people, (p) => age(p) < 18 * 365)).toBeGreaterThan(0.03);
    expect(share(people, (p) => age(p) >= 18 * 366)).toBeGreaterThan(0.5);
  });
  it("with telehealth: some have access (every device and location), some none", () => {
    // Access 3 times in 4 (fc.option freq 3), then telehealthAccess's own shares (see below).
    const remote = sample(participant({ telehealth: true }), 200);
    expect(share(remote, (p) => p.telehealth === undefined)).toBeGreaterThan(0.1);
    everyIn(remote, telehealthDevices, (p, d) => p.telehealth?.device === d, 0.05);
    everyIn(remote, telehealthLocations, (p, l) => p.telehealth?.location === l, 0.05);
  });
});

describe("consent()", () => {
  const consents = sample(consent(), 400);
  it("covers every disclosure purpose and every kind of information", () => {
    // Non-TPO purposes only on consents to named recipients or a class (a TPO consent may list
    // TPO purposes only): each purpose in over 3%, each kind of information in over 5%.
    everyIn(consents, disclosurePurposes, (c, p) => c.purposes.includes(p), 0.03);
    everyIn(consents, informationKinds, (c, k) => c.information.includes(k), 0.05);
  });
  it("has TPO and other consents, named and class recipients, counselling notes on their own", () => {
    // TPO or not half the time each; each recipient kind in about half the consents.
    expect(share(consents, (c) => c.coversAllTpo)).toBeGreaterThan(0.3);
    expect(share(consents, (c) => !c.coversAllTpo)).toBeGreaterThan(0.3);
    for (const kind of ["named", "class"])
      expect(share(consents, (c) => c.recipients.some((r) => r.kind === kind))).toBeGreaterThan(
        0.2,
      );
    // Counselling notes need a consent of their own (§ 2.31(b)): never with other information.
    const notes = consents.filter((c) => c.information.includes("counselling-notes"));
    expect(notes.filter((c) => c.information.length > 1)).toEqual([]);
    // A TPO consent lists TPO purposes only: the parser refuses others (never generated).
    const tpo = ["treatment", "payment", "health-care-operations"];
    expect(
      consents.filter((c) => c.coversAllTpo && c.purposes.some((p) => !tpo.includes(p))),
    ).toEqual([]);
  });
  it("is signed by every signer, on every basis, and only on a basis that allows the signer", () => {
    // The patient half the time, four guardian or representative cases an eighth each.
    everyIn(consents, consentSigners, (c, s) => c.signedBy === s, 0.08);
    everyIn(consents, signerBases, (c, b) => c.signerBasis === b, 0.05);
    // 42 CFR 2.14, 2.15: someone else signs only on a basis; a minor's guardian with the minor.
    const wrong = consents.filter((c) =>
      c.signedBy === "patient"
        ? c.signerBasis !== undefined
        : c.signerBasis === undefined ||
          (c.signerBasis === "minor" && c.patientCosigned !== true) ||
          (c.signerBasis === "deceased" && c.signedBy !== "authorised-representative"),
    );
    expect(wrong).toEqual([]);
  });
});

describe("attendanceLog() and drugTestResults()", () => {
  const plans = sample(schedule({ staff: "always", maxWeeks: 3, maxParticipants: 8 }), 30);
  const busiest = [...plans].sort(
    (a, b) => b.schedule.sessions.length - a.schedule.sessions.length,
  )[0];
  it("records every attendance status, and leaves some seats unrecorded", () => {
    if (busiest === undefined) throw new Error("no plan");
    const logs = sample(attendanceLog(busiest.schedule), 40);
    const records = logs.flat();
    expect(records.length).toBeGreaterThan(200);
    // Default weights present 12 : late 2 : left-early 2 : excused 1 : unexcused 3 — the rarest
    // (absent-excused) near 5% of records, so 2%.
    everyIn(records, attendanceStatuses, (r, s) => r.status === s, 0.02);
    // Late and left-early records sometimes split out the missed minutes, sometimes not.
    const late = records.filter((r) => r.status === "late");
    expect(share(late, (r) => r.lateMinutes !== undefined)).toBeGreaterThan(0.2);
    expect(share(late, (r) => r.lateMinutes === undefined)).toBeGreaterThan(0.2);
    const seats = busiest.schedule.sessions
      .filter((s) => s.sessionType !== "drug-test")
      .reduce((n, s) => n + s.participantIds.length, 0);
    expect(share(logs, (l) => l.length < seats)).toBeGreaterThan(0.5);
  });
  it("gives every drug-test outcome, prescribed medication expected, and confirmed positives", () => {
    const tested = plans.filter((p) =>
      p.schedule.sessions.some((s) => s.sessionType === "drug-test" && s.participantIds.length > 0),
    );
    expect(tested.length).toBeGreaterThan(3);
    const results = tested.flatMap((p) => sample(drugTestResults(p.schedule), 10).flat());
    expect(results.length).toBeGreaterThan(300);
    // Default weights negative 20 : positive 4 : dilute, refused, missed 2 : the rest 1 (of 33):
    // the rarest near 3%, so 1%.
    everyIn(results, drugTestOutcomes, (r, o) => r.result === o, 0.01);
    expect(share(results, (r) => r.expected.length > 0)).toBeGreaterThan(0.05);
    const positives = results.filter((r) => r.result === "positive");
    expect(share(positives, (r) => r.confirmed === true)).toBeGreaterThan(0.1);
    // An expected positive: only the prescribed medication found.
    expect(
      share(positives, (r) => (r.substances ?? []).every((s) => r.expected.includes(s))),
    ).toBeGreaterThan(0.05);
  });
});

describe("measureAdministration()", () => {
  it("gives every answer of every item of each instrument, and skips the skippable", () => {
    for (const id of instrumentIds) {
      const records = sample(measureAdministration(id), 300);
      instruments[id].items.forEach((item, i) => {
        const answers = records.map((r) => r.answers[i]);
        if (item.response.kind === "options")
          // Up to 5 answer codes (BAM: up to 5 day bands), each over 5% (uniform: 20% or more,
          // less the share skipped).
          for (const o of item.response.options)
            expect(
              share(answers, (a) => a === o.value),
              `${id} item ${i + 1} = ${String(o.value)}`,
            ).toBeGreaterThan(0.05);
        else if (item.response.kind === "yes-no")
          for (const yes of [true, false])
            expect(
              share(answers, (a) => a === yes),
              `${id} item ${i + 1}`,
            ).toBeGreaterThan(0.2);
        if (item.skipWhen !== undefined)
          expect(
            share(answers, (a) => a === null),
            `${id} item ${i + 1} skipped`,
          ).toBeGreaterThan(0.05);
      });
      if (id === "audit-c")
        for (const sex of ["female", "male"])
          expect(share(records, (r) => r.sex === sex)).toBeGreaterThan(0.3);
    }
  });
});

describe("authorizations()", () => {
  const ids = ["p-1", "p-2", "p-3", "p-4"];
  const weeks = 4;
  const lists = sample(
    authorizations({ participantIds: ids, from: "2026-03-02", weeks, levels: levelOfCareIds }),
    200,
  );
  const all = lists.flat();
  it("has every unit kind, no units, and every level it may draw", () => {
    everyIn(all, authorizationUnitKinds, (a, k) => a.units?.of === k, 0.1);
    // fc.option's default: no units about 1 time in 6.
    expect(share(all, (a) => a.units === undefined)).toBeGreaterThan(0.08);
    everyIn(all, levelOfCareIds, (a, l) => a.level === l, 0.02);
  });
  it("gives a person none, one and several, and some that run out before they end", () => {
    const counts = lists.flatMap((l) =>
      ids.map((id) => l.filter((a) => a.participantId === id).length),
    );
    for (const n of [0, 1])
      expect(
        share(counts, (c) => c === n),
        String(n),
      ).toBeGreaterThan(0.1);
    expect(share(counts, (c) => c >= 2)).toBeGreaterThan(0.1);
    // Day units fewer than the days authorised run out before the authorisation ends.
    const days = all.filter((a) => a.units?.of === "days");
    expect(
      share(days, (a) => (a.units?.count ?? 0) < daysBetween(a.from, a.to) + 1),
    ).toBeGreaterThan(0.2);
    expect(share(all, (a) => a.from < "2026-03-02")).toBeGreaterThan(0.05);
    expect(share(all, (a) => a.to >= "2026-03-30")).toBeGreaterThan(0.05);
  });
});

describe("capacity arbitraries", () => {
  it("waitlistScenario(): every priority class, with and without track and phase, ties", () => {
    const scenarios = sample(waitlistScenario(), 200);
    const entries = scenarios.flatMap((s) => s.waitlist);
    everyIn(entries, priorityClasses, (e, p) => e.priority === p, 0.15);
    // Optional keys of fc.record: absent about 1 time in 6.
    expect(share(entries, (e) => e.track === undefined)).toBeGreaterThan(0.08);
    expect(share(entries, (e) => e.track !== undefined)).toBeGreaterThan(0.5);
    expect(share(entries, (e) => e.phaseId === undefined)).toBeGreaterThan(0.08);
    const tied = (s: (typeof scenarios)[number]): boolean =>
      new Set(s.waitlist.map((e) => e.requestedOn)).size < s.waitlist.length;
    // Waits drawn from 151 days and short lists: a tie in about 1 scenario in 9.
    expect(share(scenarios, tied), "ties").toBeGreaterThan(0.05);
    expect(share(scenarios, (s) => s.waitlist.length === 0)).toBeGreaterThan(0.01);
    const seats = scenarios.flatMap((s) => s.seats);
    expect(share(seats, (s) => s.open === 0)).toBeGreaterThan(0.1);
    // fc.option's default: a group without a track about 1 time in 6.
    expect(
      share(seats, (s) => s.track === undefined),
      "untracked seats",
    ).toBeGreaterThan(0.05);
  });
  it("referralStream(): steady, trending and seasonal rates, never below zero", () => {
    const streams = sample(referralStream({ weeks: 26 }), 300);
    const steady = (r: number[]): boolean => r.every((x) => x === r[0]);
    const diffs = (r: number[]): number[] => r.slice(1).map((x, i) => x - (r[i] ?? 0));
    const linear = (r: number[]): boolean => {
      const d = diffs(r);
      return d.every((x) => Math.abs(x - (d[0] ?? 0)) < 1e-9);
    };
    // Three shapes in thirds (fc.oneof): each over 15%; a trend whose ends meet is steady.
    expect(share(streams, steady)).toBeGreaterThan(0.15);
    expect(share(streams, (r) => !steady(r) && linear(r))).toBeGreaterThan(0.15);
    // Seasonal: rises and falls within the half year.
    expect(
      share(streams, (r) => diffs(r).some((x) => x > 1e-9) && diffs(r).some((x) => x < -1e-9)),
    ).toBeGreaterThan(0.15);
    expect(streams.filter((r) => r.some((x) => !(x >= 0)))).toEqual([]);
  });
  it("stayDistributionArb(): short and long stays, some weeks nobody stays, shares adding to 1", () => {
    // Longest stay 1–16 weeks near uniform: 1–4 weeks and 13–16 weeks a quarter each (13–16 was
    // never generated before), 16 itself about 1 in 16; weights 0–20, so some week empty in
    // about a third.
    const stays = sample(stayDistributionArb(), 300);
    expect(share(stays, (s) => s.weeks.length <= 4)).toBeGreaterThan(0.1);
    expect(share(stays, (s) => s.weeks.length >= 13)).toBeGreaterThan(0.1);
    expect(share(stays, (s) => s.weeks.length === 16)).toBeGreaterThan(0.015);
    expect(share(stays, (s) => s.weeks.some((w) => w === 0))).toBeGreaterThan(0.1);
    expect(stays.filter((s) => Math.abs(s.weeks.reduce((a, b) => a + b, 0) - 1) > 1e-9)).toEqual(
      [],
    );
  });
  it("forecastOptions(): both modes (constant and weekly referral rates)", () => {
    // Steady or weekly rates half the time each; 4–40 weeks uniform.
    const options = sample(forecastOptions(), 200);
    expect(share(options, (o) => typeof o.referralsPerWeek === "number")).toBeGreaterThan(0.3);
    expect(share(options, (o) => Array.isArray(o.referralsPerWeek))).toBeGreaterThan(0.3);
    expect(share(options, (o) => o.weeks <= 10)).toBeGreaterThan(0.05);
    expect(share(options, (o) => o.weeks >= 30)).toBeGreaterThan(0.05);
  });
});

describe("aftercare arbitraries", () => {
  const adult = programTemplates.substanceUseAdult({ timeZone: "America/New_York" });
  it("aftercarePolicy(): one to four stages, a closer cadence after relapse, outreach at once or later", () => {
    // 1–4 stages near a quarter each; the early cadence is the closer of two draws (closer than
    // the first stage about half the time); outreach 0–5 days uniform.
    const policies = sample(aftercarePolicy(), 300);
    for (const n of [1, 2, 3, 4])
      expect(
        share(policies, (p) => p.checkIns.length === n),
        String(n),
      ).toBeGreaterThan(0.1);
    expect(
      share(policies, (p) => p.afterRecentRelapse.everyDays < (p.checkIns[0]?.everyDays ?? 0)),
    ).toBeGreaterThan(0.3);
    expect(share(policies, (p) => p.outreachWithinDays === 0)).toBeGreaterThan(0.05);
    expect(share(policies, (p) => p.outreachWithinDays > 0)).toBeGreaterThan(0.3);
  });
  it("dischargedEpisode(): every discharge type and reason, in and out of aftercare", () => {
    const episodes = sample(dischargedEpisode(adult), 400);
    everyIn(episodes, dischargeTypes, (e, t) => e.discharge.type === t, 0.1);
    // Uniform over the non-completion reasons (one of them is treatment-completed, only for a
    // completed discharge).
    everyIn(episodes, dischargeReasons, (e, r) => e.discharge.reason === r, 0.02);
    expect(share(episodes, (e) => e.status === "aftercare")).toBeGreaterThan(0.3);
    expect(share(episodes, (e) => e.status === "discharged")).toBeGreaterThan(0.3);
    const transfers = episodes.filter((e) => e.discharge.type.startsWith("transferred"));
    expect(share(transfers, (e) => e.discharge.referredTo !== undefined)).toBeGreaterThan(0.2);
  });
  it("checkInOutcomes(): completed and missed, unrecorded, late, lapses and meetings", () => {
    // A completed discharge: its plan monitors with check-ins and re-engages with outreach.
    const episode = first(dischargedEpisode(adult, { aftercare: true, types: ["completed"] }));
    const person = first(participant());
    const plan = planAftercare({
      participant: { ...person, id: episode.participantId },
      episode,
      program: adult,
      from: episode.discharge.on,
    });
    // Each due contact: none, missed, or completed (twice the weight): each status over 15%;
    // completed late 2 times in 3, with a lapse 1 time in 4 (its substances a subset, sometimes
    // empty), meetings 5 times in 6 in two verifications.
    const runs = sample(checkInOutcomes(plan), 200);
    const outcomes = runs.flat();
    for (const status of ["completed", "missed"])
      expect(
        share(outcomes, (o) => o.status === status),
        status,
      ).toBeGreaterThan(0.15);
    const completed = outcomes.filter((o) => o.status === "completed");
    expect(share(completed, (o) => o.on !== undefined)).toBeGreaterThan(0.2);
    expect(share(completed, (o) => o.lapse === true)).toBeGreaterThan(0.1);
    expect(share(completed, (o) => o.lapse === true && o.substances === undefined)).toBeGreaterThan(
      0.01,
    );
    for (const v of ["self-reported", "verified"])
      expect(
        share(completed, (o) => o.mutualSupport?.verification === v),
        v,
      ).toBeGreaterThan(0.1);
    const dues = plan.components.flatMap((c) =>
      c.kind === "monitoring" ? c.checkIns : c.kind === "re-engagement-outreach" ? c.attempts : [],
    );
    expect(share(runs, (r) => r.length < dues.length)).toBeGreaterThan(0.5);
  });
});

describe("staffTeam()", () => {
  it("has someone for every session type the program holds, every head count and part-timers", () => {
    const teams = sample(
      program().chain((p) =>
        staffTeam(p, { availability: "partial" }).map((team) => ({ p, team })),
      ),
      100,
    );
    // A session type needs one of its staffRoles: never a type nobody can deliver.
    const missing = teams.flatMap(({ p, team }) =>
      [...typesHeldBy(p)].filter(
        (t) => !team.some((s) => s.roles.some((r) => sessionTypes[t].staffRoles.includes(r))),
      ),
    );
    expect(missing).toEqual([]);
    const perRole = teams.flatMap(({ team }) =>
      [...new Set(team.flatMap((s) => s.roles))].map(
        (r) => team.filter((s) => s.roles.includes(r)).length,
      ),
    );
    // 1–3 staff a role, near a third each: each over 15%; part-timers in most teams.
    for (const n of [1, 2, 3])
      expect(
        share(perRole, (c) => c === n),
        String(n),
      ).toBeGreaterThan(0.15);
    const days = (s: Staff): number => s.availability.length;
    expect(
      share(teams, ({ p, team }) => team.some((s) => days(s) < p.operatingHours.length)),
    ).toBeGreaterThan(0.5);
  });
  it("withLimits(): each limit given and left out", () => {
    const p = first(program());
    const base = first(staffTeam(p))[0];
    if (base === undefined) throw new Error("no staff");
    const limited = sample(withLimits(base), 200);
    for (const key of ["maxHoursPerDay", "maxHoursPerWeek", "minBreakMinutes"] as const) {
      // fc.option's default: left out about 1 time in 6.
      expect(
        share(limited, (s) => s[key] !== undefined),
        key,
      ).toBeGreaterThan(0.5);
      expect(
        share(limited, (s) => s[key] === undefined),
        key,
      ).toBeGreaterThan(0.08);
    }
  });
});

describe("zone()", () => {
  it("gives zones with and without DST, every listed zone", () => {
    // 12 of the 18 zones have DST (about two draws in three by weight); UTC, Kolkata, Kathmandu,
    // São Paulo, Tokyo and Johannesburg none (about one in three).
    const zones = sample(zone(), 600);
    expect(share(zones, (z) => dstWeekStarts(z).length > 0)).toBeGreaterThan(0.4);
    expect(share(zones, (z) => dstWeekStarts(z).length === 0)).toBeGreaterThan(0.1);
    // 12 interesting zones at weight 4, 6 everyday ones at 1: each near 6.7% and 3.3%.
    everyIn(zones, interestingZones, (z, x) => z === x, 0.03);
    everyIn(zones, everydayZones, (z, x) => z === x, 0.01);
  });
});

describe("withVenues() and telehealthAccess()", () => {
  it("withVenues(): every room kind, one and two sites, every facility place of service and mode", () => {
    const p = first(program({ phases: 3 }));
    // Every room kind always; one or two sites half the time each; six places of service near
    // 1/6 each; phase modes a non-empty subset of three (each mode in about half) or none (1 in
    // 6); group entries by video too about 5 times in 6 (fc.option freq 2) on the evening track.
    const venued = sample(withVenues(p), 300);
    expect(
      venued.filter((v) => roomKinds.some((k) => !(v.rooms ?? []).some((r) => r.kind === k))),
    ).toEqual([]);
    const sites = (v: Program): number => new Set((v.rooms ?? []).map((r) => r.site)).size;
    expect(share(venued, (v) => sites(v) === 1)).toBeGreaterThan(0.3);
    expect(share(venued, (v) => sites(v) === 2)).toBeGreaterThan(0.3);
    everyIn(venued, facilityPlacesOfService, (v, pos) => v.placeOfService === pos, 0.05);
    const phases = venued.flatMap((v) => v.phases);
    everyIn(phases, deliveryModes, (ph, m) => ph.deliveryModes?.includes(m) === true, 0.1);
    expect(share(phases, (ph) => ph.deliveryModes === undefined)).toBeGreaterThan(0.1);
    const entries = phases.flatMap((ph) => ph.pattern);
    expect(share(entries, (e) => e.deliveryModes?.includes("video") === true)).toBeGreaterThan(0.1);
  });
  it("telehealthAccess(): every device and location, each preference and none", () => {
    // Devices video 2 : phone 1 : none 1, locations home 2 : elsewhere 1, a preference 5 times in
    // 6 in thirds, private space half the time.
    const access = sample(telehealthAccess(), 300);
    everyIn(access, telehealthDevices, (a, d) => a.device === d, 0.1);
    everyIn(access, telehealthLocations, (a, l) => a.location === l, 0.15);
    everyIn(access, [...deliveryModes, undefined], (a, m) => a.preferred === m, 0.05);
    expect(share(access, (a) => a.privateSpace)).toBeGreaterThan(0.3);
    expect(share(access, (a) => !a.privateSpace)).toBeGreaterThan(0.3);
  });
});

describe("invalidProgram() and invalidParticipant()", () => {
  it("break every rule, each often", () => {
    // Uniform over 22 program rules, near 4.5% each; those a program must allow (two phases, a
    // split day, few site days, …) rarer, down to 1.4% measured: each over 0.5% of 1,200. Uniform
    // over 7 participant rules, near 14% each (at least 11% measured): each over 5%.
    everyIn(sample(invalidProgram(), 1200), programRules, (r, x) => r.rule === x, 0.005);
    everyIn(sample(invalidParticipant(), 400), participantRules, (r, x) => r.rule === x, 0.05);
  });
});

describe("analyticsData()", () => {
  it("has empty and busy clinics, readmissions, every seat status and the discharge types", () => {
    // 0–20 episodes uniform (none about 1 in 20); seat statuses measured 3–66% of 24,000 rows,
    // unrecorded 0.7%: each over 0.2%.
    const data = sample(analyticsData({ maxEpisodes: 20 }), 60);
    expect(share(data, (d) => d.episodes.length === 0)).toBeGreaterThan(0.01);
    expect(share(data, (d) => d.episodes.length >= 10)).toBeGreaterThan(0.3);
    const rows = data.flatMap((d) => d.attendance);
    everyIn(rows, [...seatStatuses, null], (r, s) => r.status === s, 0.002);
    const discharges = data.flatMap((d) =>
      d.episodes.flatMap((log) => log.flatMap((e) => (e.kind === "discharged" ? [e.type] : []))),
    );
    // The clinic discharges as completed, not completed or transferred higher (its TSDoc); it
    // never transfers anyone lower.
    everyIn(
      discharges,
      ["completed", "not-completed", "transferred-higher"],
      (t, x) => t === x,
      0.02,
    );
    // Episodes still open on asOf (no discharge yet) too.
    const open = data
      .flatMap((d) => d.episodes)
      .filter((log) => !log.some((e) => e.kind === "discharged"));
    expect(open.length).toBeGreaterThan(5);
    const twice = (d: (typeof data)[number]): boolean => {
      const ids = d.episodes.map((log) =>
        log[0]?.kind === "referred" ? log[0].participantId : "",
      );
      return new Set(ids).size < ids.length;
    };
    expect(share(data, twice)).toBeGreaterThan(0.1);
    expect(share(data, (d) => d.measures.length > 0)).toBeGreaterThan(0.3);
    expect(share(data, (d) => d.profiles.length > 0)).toBeGreaterThan(0.3);
  });
});
