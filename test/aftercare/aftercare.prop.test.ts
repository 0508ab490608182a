// Laws of planAftercare and reviewAftercare over generated programs (any zone, operating days,
// policy and many closures), discharged episodes of every type and reason, and participants:
// check-in dates strictly increase and their gaps never shrink; no check-in lands on a closure;
// every component has a reason; every discharge gets a plan that follows the table; plans are
// deterministic plain JSON; reviews never recommend discharge and answer every miss and lapse.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  aftercareComponentsBySituation,
  aftercareSituation,
  daysBetween,
  defineProgram,
  dischargeTypes,
  isoWeekday,
  parseAftercarePlan,
  parseCheckInOutcome,
  planAftercare,
  reviewAftercare,
  type AftercarePlan,
  type Participant,
  type Program,
  type ScheduledContact,
} from "iopkit";
import {
  aftercarePolicy,
  checkInOutcomes,
  dischargedEpisode,
  participant,
  program,
} from "iopkit/testing";

/** A program with a generated aftercare policy and closures scattered over the year after `around`. */
const clinic = (around: string): fc.Arbitrary<Program> =>
  fc
    .tuple(
      program({ phases: { min: 1, max: 3 } }),
      aftercarePolicy(),
      fc.uniqueArray(fc.integer({ min: 0, max: 420 }), { maxLength: 60 }),
    )
    .map(([p, policy, offsets]) =>
      defineProgram({
        ...p,
        aftercarePolicy: policy,
        closures: [...new Set([...p.closures, ...offsets.map((d) => addDays(around, d))])].sort(),
      }),
    );

const REFERRAL = "2026-03-02";

/** A program, a discharged episode in it, a participant whose id matches, and the first day of aftercare. */
const planInput = clinic(REFERRAL).chain((p) =>
  fc.record({
    program: fc.constant(p),
    episode: dischargedEpisode(p, { from: REFERRAL }),
    participant: participant().map((q): Participant => ({ ...q, id: "p-1" as Participant["id"] })),
    delay: fc.integer({ min: 0, max: 10 }),
  }),
);

const contactsOf = (
  plan: AftercarePlan,
): { checkIns: ScheduledContact[]; all: ScheduledContact[] } => {
  const checkIns = plan.components.flatMap((c) => (c.kind === "monitoring" ? c.checkIns : []));
  const attempts = plan.components.flatMap((c) =>
    c.kind === "re-engagement-outreach" ? c.attempts : [],
  );
  return { checkIns, all: [...checkIns, ...attempts] };
};
const isOpen = (p: Program, date: string): boolean =>
  !p.closures.includes(date) && p.operatingHours.some((w) => w.weekday === isoWeekday(date));

describe("planAftercare", () => {
  it("check-in dates strictly increase and the gaps between them never shrink", () => {
    fc.assert(
      fc.property(planInput, ({ program: p, episode, participant: q, delay }) => {
        const from = addDays(episode.discharge.on, delay);
        const { checkIns } = contactsOf(
          planAftercare({ participant: q, episode, program: p, from }),
        );
        const days = checkIns.map((c) => daysBetween(from, c.due));
        expect(checkIns.map((c) => c.day)).toEqual(days);
        for (let i = 1; i < days.length; i++)
          expect(days[i] ?? 0).toBeGreaterThan(days[i - 1] ?? 0);
        for (let i = 2; i < days.length; i++)
          expect((days[i] ?? 0) - (days[i - 1] ?? 0)).toBeGreaterThanOrEqual(
            (days[i - 1] ?? 0) - (days[i - 2] ?? 0),
          );
      }),
    );
  });

  it("no check-in or outreach attempt lands on a closure or a day the clinic does not operate", () => {
    fc.assert(
      fc.property(planInput, ({ program: p, episode, participant: q, delay }) => {
        const from = addDays(episode.discharge.on, delay);
        const { all } = contactsOf(planAftercare({ participant: q, episode, program: p, from }));
        for (const c of all) {
          expect(isOpen(p, c.due), c.due).toBe(true);
          if (c.movedFrom !== undefined) {
            expect(isOpen(p, c.movedFrom)).toBe(false);
            expect(c.due > c.movedFrom).toBe(true);
          }
        }
      }),
    );
  });

  it("the check-ins follow the cadence: the first is one interval in, none is nominally past the last stage", () => {
    fc.assert(
      fc.property(planInput, ({ program: p, episode, participant: q, delay }) => {
        const from = addDays(episode.discharge.on, delay);
        const plan = planAftercare({ participant: q, episode, program: p, from });
        const { checkIns } = contactsOf(plan);
        const policy = p.aftercarePolicy;
        const intensified =
          plan.components.find((c) => c.kind === "monitoring")?.reason.code ===
          "monitoring-after-relapse";
        const last = Math.max(
          policy.checkIns.at(-1)?.untilDay ?? 0,
          intensified ? policy.afterRecentRelapse.untilDay : 0,
        );
        for (const c of checkIns)
          expect(daysBetween(from, c.movedFrom ?? c.due)).toBeLessThanOrEqual(last);
        const first = checkIns[0];
        // The first stage that fits one interval sets the first check-in.
        const stages = [...(intensified ? [policy.afterRecentRelapse] : []), ...policy.checkIns];
        const fits = stages.find((s) => s.everyDays <= s.untilDay);
        if (!plan.components.some((c) => c.kind === "monitoring")) return;
        expect(
          first === undefined ? undefined : daysBetween(from, first.movedFrom ?? first.due),
        ).toBe(fits?.everyDays);
      }),
    );
  });

  it("every component has a reason, and the plan says why it has its shape", () => {
    fc.assert(
      fc.property(planInput, ({ program: p, episode, participant: q }) => {
        const plan = planAftercare({
          participant: q,
          episode,
          program: p,
          from: episode.discharge.on,
        });
        expect(plan.summary.code.length).toBeGreaterThan(0);
        expect(plan.summary.message.length).toBeGreaterThan(20);
        for (const c of plan.components) {
          expect(c.reason.code, c.kind).toMatch(/^[a-z]+(-[a-z]+)*$/);
          expect(c.reason.message.length, c.kind).toBeGreaterThan(20);
        }
      }),
    );
  });

  it("a plan exists for every discharge type and reason, and its components follow the table in order", () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(planInput, ({ program: p, episode, participant: q }) => {
        const plan = planAftercare({
          participant: q,
          episode,
          program: p,
          from: episode.discharge.on,
        });
        seen.add(episode.discharge.type);
        expect(plan.situation).toBe(aftercareSituation(episode.discharge));
        const table = aftercareComponentsBySituation[plan.situation];
        const positions = plan.components.map((c) => table.indexOf(c.kind));
        expect(positions.every((i) => i >= 0)).toBe(true);
        expect([...positions].sort((a, b) => a - b)).toEqual(positions);
        expect(new Set(positions).size).toBe(positions.length);
        const always = ["continuing-care", "monitoring", "relapse-prevention", "mutual-support"];
        for (const k of table.filter((x) => always.includes(x) || x === "warm-handoff"))
          expect(plan.components.map((c) => c.kind)).toContain(k);
        if (plan.situation === "died") expect(plan.components).toEqual([]);
      }),
      { numRuns: 200 },
    );
    expect([...seen].sort()).toEqual([...dischargeTypes].sort());
  });

  it("is deterministic plain JSON that parseAftercarePlan accepts, and never mutates its inputs", () => {
    fc.assert(
      fc.property(planInput, ({ program: p, episode, participant: q, delay }) => {
        const from = addDays(episode.discharge.on, delay);
        const before = structuredClone({ p, episode, q });
        const plan = planAftercare({ participant: q, episode, program: p, from });
        expect(planAftercare({ participant: q, episode, program: p, from })).toEqual(plan);
        expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
        expect(parseAftercarePlan(JSON.parse(JSON.stringify(plan)))).toEqual(plan);
        expect({ p, episode, q }).toEqual(before);
      }),
    );
  });
});

const reviewInput = planInput.chain(({ program: p, episode, participant: q, delay }) => {
  const plan = planAftercare({
    participant: q,
    episode,
    program: p,
    from: addDays(episode.discharge.on, delay),
  });
  return fc.record({
    program: fc.constant(p),
    plan: fc.constant(plan),
    outcomes: checkInOutcomes(plan),
    asOfDay: fc.integer({ min: 0, max: 400 }),
  });
});

describe("reviewAftercare", () => {
  it("recommends only support, on open days, and answers every miss and every unsettled lapse", () => {
    fc.assert(
      fc.property(reviewInput, ({ program: p, plan, outcomes, asOfDay }) => {
        const asOf = addDays(plan.from, asOfDay);
        const review = reviewAftercare(plan, { program: p, outcomes, asOf });
        const codes = review.recommendations.map((r) => r.code);
        for (const r of review.recommendations) {
          expect(isOpen(p, r.due), `${r.code} ${r.due}`).toBe(true);
          expect(r.reason.message.length).toBeGreaterThan(20);
        }
        if (plan.situation === "died") {
          expect(codes).toEqual([]);
          return;
        }
        const done = review.contacts.flatMap((c) => (c.on === undefined ? [] : [c.on]));
        const unscheduledDone = review.unscheduled
          .filter((o) => o.status === "completed")
          .map((o) => o.on ?? o.due);
        const lastContact = [...done, ...unscheduledDone].sort().at(-1);
        const missedSince = review.contacts.some(
          (c) =>
            c.kind === "check-in" &&
            (c.status === "missed" || c.status === "not-recorded") &&
            (lastContact === undefined || c.due > lastContact),
        );
        if (missedSince) expect(codes).toContain("outreach");
        const lapses = outcomes
          .filter((o) => o.lapse === true && (o.on ?? o.due) <= asOf)
          .map((o) => o.on ?? o.due)
          .sort();
        const lapse = lapses.at(-1);
        if (lapse !== undefined && (lastContact === undefined || lastContact <= lapse))
          expect(
            codes.includes("earlier-check-in") || codes.includes("review-relapse-prevention-plan"),
          ).toBe(true);
        // Sorted by due date; next contact never before a planned upcoming one unless recommended.
        const dues = review.recommendations.map((r) => r.due);
        expect([...dues].sort()).toEqual(dues);
        if (review.nextContact?.planned === true) expect(review.nextContact.due >= asOf).toBe(true);
      }),
    );
  });

  it("is deterministic and pure, whatever order the outcomes come in", () => {
    fc.assert(
      fc.property(reviewInput, fc.nat(), ({ program: p, plan, outcomes, asOfDay }, shift) => {
        const asOf = addDays(plan.from, asOfDay);
        const copy = structuredClone(outcomes);
        const a = reviewAftercare(plan, { program: p, outcomes, asOf });
        const k = outcomes.length === 0 ? 0 : shift % outcomes.length;
        const rotated = [...outcomes.slice(k), ...outcomes.slice(0, k)];
        expect(reviewAftercare(plan, { program: p, outcomes: rotated, asOf })).toEqual(a);
        expect(outcomes).toEqual(copy);
        expect(JSON.parse(JSON.stringify(a))).toEqual(a);
      }),
    );
  });
});

describe("the shipped arbitraries (iopkit/testing)", () => {
  it("dischargedEpisode gives discharged or aftercare episodes; checkInOutcomes pass their parser", () => {
    fc.assert(
      fc.property(reviewInput, ({ outcomes }) => {
        for (const o of outcomes) expect(parseCheckInOutcome(o)).toEqual(o);
      }),
      { numRuns: 30 },
    );
    fc.assert(
      fc.property(planInput, ({ episode }) => {
        expect(["discharged", "aftercare"]).toContain(episode.status);
        if (episode.discharge.type === "completed")
          expect(episode.discharge.phaseId).toBe(episode.ladder.at(-1)?.id);
      }),
      { numRuns: 50 },
    );
  });
});
