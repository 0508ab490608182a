// reviewAftercare by example: a missed check-in asks for outreach, a lapse for an earlier check-in
// and a look at the relapse-prevention plan, repeated lapses for a re-assessment for IOP — never
// for discharge (seed 000: relapse is not failure; policy values unverified).
import { describe, expect, it } from "vitest";
import {
  defineProgram,
  IopError,
  planAftercare,
  reviewAftercare,
  type CheckInOutcome,
} from "iopkit";
import { completed, dischargedAs, mondayPlan, person, program, reviewOn } from "./fixtures";

const plan = mondayPlan;
const review = reviewOn;
const codes = (outcomes: CheckInOutcome[], asOf: string, p = plan) =>
  review(outcomes, asOf, p).recommendations.map((r) => [r.code, r.due, r.reason.code]);

describe("contacts and their status", () => {
  it("completed, missed, not recorded (due before asOf) and upcoming", () => {
    const r = review(
      [
        { formatVersion: 2, due: "2026-06-08", status: "completed", on: "2026-06-09" },
        { formatVersion: 2, due: "2026-06-15", status: "missed" },
      ],
      "2026-06-23",
    );
    expect(r.contacts.slice(0, 4)).toEqual([
      { due: "2026-06-08", kind: "check-in", status: "completed", on: "2026-06-09", lapse: false },
      { due: "2026-06-15", kind: "check-in", status: "missed", lapse: false },
      { due: "2026-06-22", kind: "check-in", status: "not-recorded", lapse: false },
      { due: "2026-06-29", kind: "check-in", status: "upcoming", lapse: false },
    ]);
    expect(r.nextContact).toEqual({ due: "2026-06-29", planned: true });
    expect(r.unscheduled).toEqual([]);
  });

  it("ignores outcomes dated after asOf, and keeps unscheduled contacts apart", () => {
    const r = review(
      [
        { formatVersion: 2, due: "2026-06-08", status: "completed", on: "2026-06-30" },
        { formatVersion: 2, due: "2026-06-10", status: "completed" },
      ],
      "2026-06-12",
    );
    expect(r.contacts[0]?.status).toBe("not-recorded");
    expect(r.unscheduled).toEqual([{ formatVersion: 2, due: "2026-06-10", status: "completed" }]);
    expect(r.recommendations).toEqual([]); // the unscheduled contact came after the 06-08 check-in
  });

  it("all on track: no recommendations", () => {
    expect(
      codes([{ formatVersion: 2, due: "2026-06-08", status: "completed" }], "2026-06-10"),
    ).toEqual([]);
  });
});

describe("a missed check-in → outreach within a day (common practice: 1–2 days; unverified)", () => {
  it("one missed check-in", () => {
    const r = review([{ formatVersion: 2, due: "2026-06-08", status: "missed" }], "2026-06-08");
    expect(r.recommendations).toHaveLength(1);
    expect(r.recommendations[0]).toMatchObject({
      code: "outreach",
      due: "2026-06-09",
      reason: { code: "missed-check-in", evidence: { missed: ["2026-06-08"] } },
    });
  });

  it("a check-in due before asOf with no outcome counts as missed; several in a row say so", () => {
    expect(
      codes([{ formatVersion: 2, due: "2026-06-08", status: "missed" }], "2026-06-16"),
    ).toEqual([["outreach", "2026-06-16", "missed-check-ins"]]);
  });

  it("outreach lands on an open day: a Friday miss is followed up on Monday", () => {
    const friday = defineProgram({
      ...program,
      aftercarePolicy: { checkIns: [{ untilDay: 60, everyDays: 11 }] },
    }); // day 11 = Friday 2026-06-12
    const p = planAftercare({
      participant: person(),
      episode: completed(),
      program: friday,
      from: "2026-06-01",
    });
    const r = reviewAftercare(p, {
      program: friday,
      outcomes: [{ formatVersion: 2, due: "2026-06-12", status: "missed" }],
      asOf: "2026-06-12",
    });
    expect(r.recommendations.map((x) => [x.code, x.due])).toEqual([["outreach", "2026-06-15"]]);
  });

  it("a completed contact after the miss settles it", () => {
    const outcomes: CheckInOutcome[] = [
      { formatVersion: 2, due: "2026-06-08", status: "missed" },
      { formatVersion: 2, due: "2026-06-09", status: "completed" },
    ];
    expect(codes(outcomes, "2026-06-10")).toEqual([]);
  });
});

describe("a lapse → more support, never discharge (seed 000)", () => {
  it("an earlier check-in within 3 days and a look at the relapse-prevention plan", () => {
    const r = review(
      [
        {
          formatVersion: 2,
          due: "2026-06-08",
          status: "completed",
          lapse: true,
          substances: ["alcohol"],
        },
      ],
      "2026-06-09",
    );
    expect(r.recommendations.map((x) => [x.code, x.due])).toEqual([
      ["earlier-check-in", "2026-06-11"],
      ["review-relapse-prevention-plan", "2026-06-11"],
    ]);
    expect(r.recommendations[0]?.reason.evidence).toEqual({
      lapseOn: "2026-06-08",
      substances: ["alcohol"],
      nextPlanned: "2026-06-15",
    });
    expect(r.nextContact).toEqual({ due: "2026-06-11", planned: false });
  });

  it("no earlier check-in when the next planned one is close enough; the plan review goes there", () => {
    const r = review(
      [{ formatVersion: 2, due: "2026-06-13", status: "completed", lapse: true }],
      "2026-06-13",
    );
    expect(r.recommendations.map((x) => [x.code, x.due])).toEqual([
      ["review-relapse-prevention-plan", "2026-06-15"],
    ]);
  });

  it("a contact after the lapse settles it", () => {
    const outcomes: CheckInOutcome[] = [
      { formatVersion: 2, due: "2026-06-08", status: "completed", lapse: true },
      { formatVersion: 2, due: "2026-06-10", status: "completed" },
    ];
    expect(codes(outcomes, "2026-06-12")).toEqual([]);
  });

  it("two lapses within 30 days → re-assess for a return to IOP within 7 days", () => {
    const outcomes: CheckInOutcome[] = [
      { formatVersion: 2, due: "2026-06-08", status: "completed", lapse: true },
      {
        formatVersion: 2,
        due: "2026-06-22",
        status: "completed",
        lapse: true,
        substances: ["opioids"],
      },
    ];
    const r = review(outcomes, "2026-06-23");
    expect(r.recommendations.map((x) => [x.code, x.due, x.reason.code])).toEqual([
      ["earlier-check-in", "2026-06-25", "lapse-reported"],
      ["review-relapse-prevention-plan", "2026-06-25", "lapse-reported"],
      ["reassess-for-iop", "2026-06-29", "repeated-lapses"],
    ]);
    expect(r.recommendations.at(-1)?.reason.message).toContain("not discharge");
    // Lapses 45 days apart are not "repeated" in a 30-day window.
    const apart: CheckInOutcome[] = [
      { formatVersion: 2, due: "2026-06-08", status: "completed", lapse: true },
      { formatVersion: 2, due: "2026-07-23", status: "completed", lapse: true },
    ];
    expect(codes(apart, "2026-07-23").map((c) => c[0])).not.toContain("reassess-for-iop");
  });

  it("recommendations never include discharge, whatever happens", () => {
    const bad: CheckInOutcome[] = [
      { formatVersion: 2, due: "2026-06-08", status: "completed", lapse: true },
      { formatVersion: 2, due: "2026-06-15", status: "completed", lapse: true },
      { formatVersion: 2, due: "2026-06-22", status: "missed" },
      { formatVersion: 2, due: "2026-06-29", status: "missed" },
    ];
    // The lapse on 06-15 was never followed by a contact: its earlier check-in is overdue.
    expect(review(bad, "2026-07-01").recommendations.map((r) => [r.code, r.due])).toEqual([
      ["earlier-check-in", "2026-06-18"],
      ["review-relapse-prevention-plan", "2026-06-18"],
      ["reassess-for-iop", "2026-06-22"],
      ["outreach", "2026-06-30"],
    ]);
  });
});

describe("lost to contact", () => {
  const lost = planAftercare({
    participant: person(),
    episode: dischargedAs("not-completed", "lost-to-contact"),
    program,
    from: "2026-04-15",
  });

  it("missed outreach attempts ask for nothing more: the attempts are the outreach", () => {
    const r = review(
      [{ formatVersion: 2, due: "2026-04-16", status: "missed" }],
      "2026-04-21",
      lost,
    );
    expect(r.contacts.map((c) => [c.kind, c.status])).toEqual([
      ["outreach-attempt", "missed"],
      ["outreach-attempt", "not-recorded"],
      ["outreach-attempt", "upcoming"],
      ["outreach-attempt", "upcoming"],
      ["outreach-attempt", "upcoming"],
    ]);
    expect(r.recommendations).toEqual([]);
    expect(r.nextContact).toEqual({ due: "2026-04-22", planned: true });
  });

  it("reaching the participant → re-assess for a return to IOP", () => {
    const r = review(
      [{ formatVersion: 2, due: "2026-04-20", status: "completed" }],
      "2026-04-20",
      lost,
    );
    expect(r.recommendations.map((x) => [x.code, x.due, x.reason.code])).toEqual([
      ["reassess-for-iop", "2026-04-27", "re-engaged"],
    ]);
  });
});

describe("mutual support below the weekly aim (seed 000: support group meetings)", () => {
  it("fewer meetings than 3 a week since the previous contact → encourage at the next contact", () => {
    const r = review(
      [
        {
          formatVersion: 2,
          due: "2026-06-08",
          status: "completed",
          mutualSupport: { meetings: 3, verification: "verified" },
        },
        {
          formatVersion: 2,
          due: "2026-06-15",
          status: "completed",
          mutualSupport: { meetings: 1, verification: "self-reported" },
        },
      ],
      "2026-06-16",
    );
    expect(r.recommendations.map((x) => [x.code, x.due])).toEqual([
      ["encourage-mutual-support", "2026-06-22"],
    ]);
    expect(r.recommendations[0]?.reason.evidence).toMatchObject({
      meetings: 1,
      aim: 3,
      since: "2026-06-08",
    });
    const enough = review(
      [
        {
          formatVersion: 2,
          due: "2026-06-08",
          status: "completed",
          mutualSupport: { meetings: 3, verification: "verified" },
        },
      ],
      "2026-06-09",
    );
    expect(enough.recommendations).toEqual([]);
  });
});

describe("edges", () => {
  it("a plan for someone who died has nothing to review", () => {
    const died = planAftercare({
      participant: person(),
      episode: dischargedAs("not-completed", "died"),
      program,
      from: "2026-04-15",
    });
    expect(
      review(
        [{ formatVersion: 2, due: "2026-04-20", status: "completed", lapse: true }],
        "2026-05-01",
        died,
      ),
    ).toEqual({
      asOf: "2026-05-01",
      contacts: [],
      unscheduled: [],
      nextContact: null,
      recommendations: [],
    });
  });

  it("asOf must be a date", () => {
    expect(() => review([], "June")).toThrow(IopError);
    expect(() => review([], "June")).toThrow(/reviewAftercare/);
  });

  it("is pure: same input, same output; inputs untouched; plain JSON", () => {
    const outcomes: CheckInOutcome[] = [
      { formatVersion: 2, due: "2026-06-15", status: "completed", lapse: true },
      { formatVersion: 2, due: "2026-06-08", status: "missed" },
    ];
    const copy = structuredClone({ outcomes, plan });
    const a = review(outcomes, "2026-06-16");
    expect(review(outcomes, "2026-06-16")).toEqual(a);
    expect({ outcomes, plan }).toEqual(copy);
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
  });
});
