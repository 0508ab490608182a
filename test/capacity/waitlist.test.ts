// admitFromWaitlist: the block grant's priority classes (45 CFR 96.131(a)), first come first
// served within a class, seats by track and phase, interim services and the admission limits of
// 45 CFR 96.126(b) at their boundaries, days waited for TEDS, and the inputs it refuses.
import { describe, expect, it } from "vitest";
import { addDays } from "iopkit";
import {
  admitFromWaitlist,
  parseWaitlistEntry,
  priorityClasses,
  priorityProvenance,
  safeParseWaitlistEntry,
  waitlistOrder,
  type PriorityClass,
  type WaitlistEntryInput,
} from "iopkit/capacity";
import { issuesOf } from "./fixtures";

const on = "2026-06-01";
const entry = (
  id: string,
  daysAgo: number,
  priority: PriorityClass,
  extra: Partial<WaitlistEntryInput> = {},
) => ({
  participantId: id,
  requestedOn: addDays(on, -daysAgo),
  priority,
  ...extra,
});
const seat = (groupId: string, open: number, extra: { track?: string; phaseId?: string } = {}) => ({
  groupId,
  phaseId: extra.phaseId ?? "intensive",
  open,
  ...(extra.track === undefined ? {} : { track: extra.track }),
});

describe("the waitlist order", () => {
  it("classes first (pregnant and injecting, pregnant, injecting, everyone else), then the request day, then the order given", () => {
    expect(priorityClasses).toEqual(["pregnant-injecting", "pregnant", "injecting", "general"]);
    const list = [
      entry("g-old", 90, "general"),
      entry("i", 1, "injecting"),
      entry("p", 2, "pregnant"),
      entry("pi", 0, "pregnant-injecting"),
      entry("g-a", 10, "general"),
      entry("g-b", 10, "general"),
      entry("i-old", 5, "injecting"),
    ].map((e) => parseWaitlistEntry(e));
    expect(waitlistOrder(list).map((e) => e.participantId)).toEqual([
      "pi",
      "p",
      "i-old",
      "i",
      "g-old",
      "g-a",
      "g-b",
    ]);
  });

  it("cites § 96.131(a) for the pregnant classes, § 96.126(b) for injecting, and says the general class is iopkit's", () => {
    expect(priorityProvenance["pregnant-injecting"]).toEqual({
      source: "cfr-45-96-subpart-l",
      section: "§ 96.131(a)",
    });
    expect(priorityProvenance.injecting).toEqual({
      source: "cfr-45-96-subpart-l",
      section: "§ 96.126(b)",
    });
    expect("unverified" in priorityProvenance.general).toBe(true);
  });
});

describe("admitFromWaitlist", () => {
  it("fills open seats in order and records days waited with their TEDS DAYWAIT code (0, 1–7, 8–14, 15–30, 31+)", () => {
    const out = admitFromWaitlist(
      [
        entry("a", 0, "general"),
        entry("b", 7, "general"),
        entry("c", 8, "general"),
        entry("d", 31, "general"),
        entry("e", 30, "general"),
      ],
      { on, seats: [seat("g-1", 2), seat("g-2", 2)] },
    );
    expect(
      out.admitted.map((a) => [a.participantId, a.groupId, a.daysWaited, a.tedsDaysWaitingCode]),
    ).toEqual([
      ["d", "g-1", 31, 4],
      ["e", "g-1", 30, 3],
      ["c", "g-2", 8, 2],
      ["b", "g-2", 7, 1],
    ]);
    expect(out.admitted[0]).toEqual({
      participantId: "d",
      groupId: "g-1",
      phaseId: "intensive",
      admittedOn: on,
      priority: "general",
      daysWaited: 31,
      tedsDaysWaitingCode: 4,
    });
    expect(out.waiting.map((w) => [w.entry.participantId, w.position, w.daysWaited])).toEqual([
      ["a", 1, 0],
    ]);
    expect(out.seatsLeft.map((s) => s.open)).toEqual([0, 0]);
  });

  it("a higher class takes the last seat from an earlier request", () => {
    const out = admitFromWaitlist([entry("early", 30, "general"), entry("late", 0, "injecting")], {
      on,
      seats: [seat("g-1", 1)],
    });
    expect(out.admitted.map((a) => a.participantId)).toEqual(["late"]);
    expect(out.waiting.map((w) => w.entry.participantId)).toEqual(["early"]);
  });

  it("someone whose track or phase has no seat keeps their place; the next person who fits is admitted", () => {
    const out = admitFromWaitlist(
      [
        entry("evening", 20, "general", { track: "evening" }),
        entry("step-down", 15, "general", { phaseId: "step-down" }),
        entry("any", 10, "general"),
        entry("morning", 5, "general", { track: "morning" }),
      ],
      { on, seats: [seat("m-1", 1, { track: "morning" }), seat("u-1", 1)] },
    );
    expect(out.admitted.map((a) => [a.participantId, a.groupId])).toEqual([
      ["evening", "u-1"],
      ["any", "m-1"],
    ]);
    expect(out.waiting.map((w) => [w.entry.participantId, w.position])).toEqual([
      ["step-down", 1],
      ["morning", 2],
    ]);
  });

  it("never fills more seats than are open: no seats, nobody admitted", () => {
    const out = admitFromWaitlist([entry("a", 3, "pregnant")], { on, seats: [seat("g-1", 0)] });
    expect(out.admitted).toEqual([]);
    expect(out.seatsLeft).toEqual([seat("g-1", 0)]);
  });
});

describe("interim services and admission limits (45 CFR 96.121, 96.126(b): 48 hours, 14 days, 120 days)", () => {
  const waiting = (
    daysAgo: number,
    priority: PriorityClass,
    extra: Partial<WaitlistEntryInput> = {},
  ) => admitFromWaitlist([entry("w", daysAgo, priority, extra)], { on, seats: [] }).waiting[0];
  const codes = (
    daysAgo: number,
    priority: PriorityClass,
    extra: Partial<WaitlistEntryInput> = {},
  ) => waiting(daysAgo, priority, extra)?.alerts.map((a) => a.code);

  it("lists the services due by class: HIV/TB for injecting, those and prenatal care for pregnant women, none for general", () => {
    expect(waiting(0, "injecting")?.interimServicesDue).toEqual([
      "hiv-tb-counselling",
      "hiv-tb-referral",
    ]);
    expect(waiting(0, "pregnant")?.interimServicesDue).toEqual([
      "hiv-tb-counselling",
      "hiv-tb-referral",
      "prenatal-counselling",
      "prenatal-care-referral",
    ]);
    expect(waiting(0, "general")?.interimServicesDue).toEqual([]);
    expect(
      waiting(0, "injecting", { interimGiven: [{ service: "hiv-tb-counselling", on }] })
        ?.interimServicesDue,
    ).toEqual(["hiv-tb-referral"]);
  });

  it("interim services are due on day 2 (48 hours): no alert on day 1, an alert on days 2 and 3; none once given", () => {
    expect(codes(1, "pregnant")).toEqual([]);
    expect(codes(2, "pregnant")).toEqual(["interim-services-due"]);
    expect(codes(3, "pregnant")).toEqual(["interim-services-due"]);
    expect(waiting(2, "pregnant")?.alerts[0]).toEqual({
      code: "interim-services-due",
      due: on,
      source: { source: "cfr-45-96-subpart-l", section: "§ 96.126(b)(2)" },
    });
    const all = [
      "hiv-tb-counselling",
      "hiv-tb-referral",
      "prenatal-counselling",
      "prenatal-care-referral",
    ] as const;
    expect(codes(3, "pregnant", { interimGiven: all.map((service) => ({ service, on })) })).toEqual(
      [],
    );
  });

  it("admission within 14 days for people who inject drugs: warned from 3 days before (day 11), not on day 10", () => {
    const given = {
      interimGiven: [
        { service: "hiv-tb-counselling" as const, on },
        { service: "hiv-tb-referral" as const, on },
      ],
    };
    expect(codes(10, "injecting", given)).toEqual([]);
    expect(codes(11, "injecting", given)).toEqual(["admission-due"]);
    expect(waiting(11, "injecting", given)?.alerts[0]).toEqual({
      code: "admission-due",
      due: addDays(on, 3),
      source: { source: "cfr-45-96-subpart-l", section: "§ 96.126(b)(1)" },
    });
    expect(codes(120, "injecting", given)).toEqual(["admission-due"]);
  });

  it("past 120 days the admission is overdue (day 121), for pregnant women who inject drugs too; pregnant women alone get no admission limit", () => {
    const given = {
      interimGiven: [
        { service: "hiv-tb-counselling" as const, on },
        { service: "hiv-tb-referral" as const, on },
      ],
    };
    expect(codes(121, "injecting", given)).toEqual(["admission-overdue"]);
    expect(waiting(121, "injecting", given)?.alerts[0]?.due).toBe(addDays(on, -1));
    expect(codes(121, "pregnant-injecting")).toEqual(["interim-services-due", "admission-overdue"]);
    expect(codes(121, "pregnant")).toEqual(["interim-services-due"]);
    expect(codes(121, "general")).toEqual([]);
  });
});

describe("waitlist records and inputs refused", () => {
  it("an entry is a stored record of format 1; unknown fields and classes are refused", () => {
    expect(parseWaitlistEntry(entry("p-1", 0, "general"))).toEqual({
      formatVersion: 1,
      participantId: "p-1",
      requestedOn: on,
      priority: "general",
    });
    const r = safeParseWaitlistEntry({ ...entry("p-1", 0, "general"), priority: "vip", extra: 1 });
    expect(r.success).toBe(false);
    if (!r.success)
      expect(r.error.issues.map((i) => [i.code, i.path])).toEqual([
        ["invalid-value", ["priority"]],
        ["unrecognized-keys", ["extra"]],
      ]);
  });

  it("every invalid entry, a person listed twice, a request after the day and a group listed twice, each at its path", () => {
    expect(
      issuesOf(() =>
        admitFromWaitlist(
          [
            entry("a", 0, "general"),
            { ...entry("b", 0, "general"), requestedOn: "2026-02-30" },
            entry("a", 1, "general"),
            entry("c", -1, "general"),
          ],
          { on, seats: [seat("g-1", 1), seat("g-1", 2)] },
        ),
      ),
    ).toEqual([
      ["invalid-date", ["waitlist", 1, "requestedOn"]],
      ["duplicate-waitlist-entry", ["waitlist", 2, "participantId"]],
      ["requested-after-admission-day", ["waitlist", 3, "requestedOn"]],
      ["duplicate-group-id", ["seats", 1, "groupId"]],
    ]);
    expect(issuesOf(() => admitFromWaitlist([], { on, seats: [seat("g-1", -1)] }))).toEqual([
      ["too-small", ["seats", 0, "open"]],
    ]);
    expect(
      admitFromWaitlist([entry("a", 0, "general")], { on, seats: [] }).waiting[0]?.daysWaited,
    ).toBe(0);
  });
});
