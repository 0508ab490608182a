// reviewAftercare's rules at their edges: each boundary on both sides (a check-in due on the review
// day, a contact on the day of a miss, a planned check-in exactly as soon as a lapse asks, a lapse
// exactly windowDays ago), every reason's exact message and evidence, and orders that do not depend
// on the order of the input. The policy values (outreach within 1 day, an earlier check-in within
// 3, 2 lapses in 30 days, re-assess within 7) are the template's: common practice, unverified.
import { describe, expect, it } from "vitest";
import { isIopError, planAftercare, type AftercarePlan, type CheckInOutcome } from "iopkit";
import { dischargedAs, mondayPlan, person, program, reviewOn } from "./fixtures";

const plan = mondayPlan;
const review = reviewOn;
const done = (due: string, extra: Partial<CheckInOutcome> = {}): CheckInOutcome => ({
  formatVersion: 2,
  due,
  status: "completed",
  ...extra,
});
const missed = (due: string): CheckInOutcome => ({ formatVersion: 2, due, status: "missed" });

describe("contact status", () => {
  it("a check-in due on the review day is upcoming, not missed; the day after, it is not recorded", () => {
    expect(review([], "2026-06-08").contacts[0]?.status).toBe("upcoming");
    expect(review([], "2026-06-08").recommendations).toEqual([]);
    expect(review([], "2026-06-09").contacts[0]?.status).toBe("not-recorded");
  });

  it("a contact carries `on` only when completed, and `lapse` when one was reported at it", () => {
    const r = review(
      [done("2026-06-08", { lapse: true, on: "2026-06-09" }), missed("2026-06-15")],
      "2026-06-16",
    );
    expect(r.contacts[0]).toEqual({
      due: "2026-06-08",
      kind: "check-in",
      status: "completed",
      on: "2026-06-09",
      lapse: true,
    });
    expect(Object.keys(r.contacts[1] ?? {})).toEqual(["due", "kind", "status", "lapse"]);
  });

  it("of two completed outcomes for one check-in, the later day is the contact's", () => {
    const r = review(
      [done("2026-06-08", { on: "2026-06-10" }), done("2026-06-08", { on: "2026-06-09" })],
      "2026-06-12",
    );
    expect(r.contacts[0]?.on).toBe("2026-06-10");
  });

  it("contacts come in date order even when the plan lists outreach attempts and check-ins apart", () => {
    const lost = planAftercare({
      participant: person(),
      episode: dischargedAs("not-completed", "lost-to-contact"),
      program,
      from: "2026-04-15",
    });
    const dues = review([], "2026-04-15", lost).contacts.map((c) => c.due);
    expect(dues).toEqual([...dues].sort());
    expect(dues.length).toBeGreaterThan(1);
    // A stored plan may list its components in any order: the contacts still come by date.
    const shuffled: AftercarePlan = { ...lost, components: [...lost.components].reverse() };
    expect(review([], "2026-04-15", shuffled).contacts.map((c) => c.due)).toEqual(dues);
    // Check-ins listed before outreach attempts that come earlier: still one date order.
    const monitoring = plan.components.filter((c) => c.kind === "monitoring");
    const outreach = lost.components.filter((c) => c.kind === "re-engagement-outreach");
    expect([monitoring.length, outreach.length]).toEqual([1, 1]);
    const both: AftercarePlan = { ...plan, components: [...monitoring, ...outreach] };
    const bothContacts = review([], "2026-04-15", both).contacts;
    expect(bothContacts.map((c) => c.due)).toEqual(bothContacts.map((c) => c.due).sort());
    expect(bothContacts[0]?.kind).toBe("outreach-attempt");
  });
});

describe("missed check-ins → outreach", () => {
  it("one miss and several: the exact message and evidence, with and without a last contact", () => {
    const one = review([missed("2026-06-08")], "2026-06-08").recommendations[0];
    expect(one?.reason).toEqual({
      code: "missed-check-in",
      message:
        "A check-in was missed (2026-06-08): reach out by 2026-06-09 (within 1 day; common practice, unverified).",
      evidence: { missed: ["2026-06-08"] },
    });
    expect(Object.keys(one?.reason.evidence ?? {})).toEqual(["missed"]);
    const two = review([done("2026-06-08"), missed("2026-06-15")], "2026-06-23").recommendations;
    expect(two[0]?.reason).toEqual({
      code: "missed-check-ins",
      message:
        "2 check-ins missed in a row (2026-06-15, 2026-06-22) since the last contact on 2026-06-08: reach out by 2026-06-23 (within 1 day; common practice, unverified).",
      evidence: { missed: ["2026-06-15", "2026-06-22"], lastContact: "2026-06-08" },
    });
  });

  it("a contact on the very day of a miss settles it; one the day before does not", () => {
    // An unscheduled contact (its due matches no planned check-in) that took place on 06-08.
    expect(
      review([missed("2026-06-08"), done("2026-06-05", { on: "2026-06-08" })], "2026-06-08")
        .recommendations,
    ).toEqual([]);
    expect(
      review(
        [missed("2026-06-08"), done("2026-06-05", { on: "2026-06-07" })],
        "2026-06-08",
      ).recommendations.map((r) => r.code),
    ).toEqual(["outreach"]);
  });

  it("an unscheduled contact completed before its due date is a contact, not a miss", () => {
    const r = review([done("2026-06-12", { on: "2026-06-10" })], "2026-06-12");
    expect(r.recommendations).toEqual([]);
  });

  it("the next contact: the planned one when no earlier check-in is asked; none once every contact is past", () => {
    expect(review([done("2026-06-08")], "2026-06-09").nextContact).toEqual({
      due: "2026-06-15",
      planned: true,
    });
    expect(review([], "2028-01-01").nextContact).toBeNull();
  });

  it("an unscheduled missed contact counts; misses and the last contact are read in date order", () => {
    const r = review([done("2026-06-15"), done("2026-06-10"), missed("2026-06-18")], "2026-06-23");
    expect(r.recommendations[0]?.reason.evidence).toEqual({
      missed: ["2026-06-18", "2026-06-22"],
      lastContact: "2026-06-15",
    });
    const unsorted = review([missed("2026-06-10"), missed("2026-06-15")], "2026-06-16");
    expect(unsorted.recommendations[0]?.reason.evidence).toEqual({
      missed: ["2026-06-08", "2026-06-10", "2026-06-15"],
    });
  });
});

describe("a lapse → an earlier check-in and a look at the relapse-prevention plan", () => {
  it("a planned check-in exactly as soon as the lapse asks is soon enough; one day later is not", () => {
    // Lapse Friday 06-12: within 3 days is Monday 06-15, the planned check-in.
    const onTime = review([done("2026-06-12", { lapse: true })], "2026-06-12");
    expect(onTime.recommendations.map((r) => [r.code, r.due])).toEqual([
      ["review-relapse-prevention-plan", "2026-06-15"],
    ]);
    // Lapse Tuesday 06-09: within 3 days is Friday 06-12, before the 06-15 check-in.
    const early = review([done("2026-06-09", { lapse: true })], "2026-06-09");
    expect(early.recommendations.map((r) => [r.code, r.due])).toEqual([
      ["earlier-check-in", "2026-06-12"],
      ["review-relapse-prevention-plan", "2026-06-12"],
    ]);
    expect(early.recommendations[0]?.reason.message).toBe(
      "A lapse was reported on 2026-06-09: check in by 2026-06-12, before the next planned check-in on 2026-06-15 (NIDA, Drugs, Brains, and Behavior (2020), Treatment and Recovery: relapse calls for more support, not a closed file; the days are unverified).",
    );
  });

  it("after the last planned contact: an earlier check-in still, its message and evidence without a next one", () => {
    const last = plan.components
      .flatMap((c) => (c.kind === "monitoring" ? c.checkIns.map((x) => x.due) : []))
      .sort()
      .at(-1);
    expect(last).toBeDefined();
    const day = "2027-06-01";
    expect(day > (last ?? "")).toBe(true);
    const r = review([done(day, { lapse: true })], day);
    const earlier = r.recommendations.find((x) => x.code === "earlier-check-in");
    expect(earlier?.due).toBe("2027-06-04");
    expect(earlier?.reason.evidence).toEqual({ lapseOn: day, substances: [] });
    expect(Object.keys(earlier?.reason.evidence ?? {})).toEqual(["lapseOn", "substances"]);
    expect(r.nextContact).toEqual({ due: "2027-06-04", planned: false });
    expect(earlier?.reason.message).toBe(
      "A lapse was reported on 2027-06-01: check in by 2027-06-04 (NIDA, Drugs, Brains, and Behavior (2020), Treatment and Recovery: relapse calls for more support, not a closed file; the days are unverified).",
    );
  });

  it("a lapse reported without any completed contact still asks for an earlier check-in", () => {
    const r = review(
      [{ formatVersion: 2, due: "2026-06-08", status: "missed", lapse: true }],
      "2026-06-08",
    );
    expect(r.recommendations.map((x) => x.code)).toContain("earlier-check-in");
  });

  it("the latest lapse is the one followed up, whatever the input order", () => {
    const r = review(
      [
        done("2026-06-22", { lapse: true, substances: ["opioids"] }),
        done("2026-06-08", { lapse: true }),
      ],
      "2026-06-23",
    );
    expect(r.recommendations[0]?.reason.evidence).toMatchObject({
      lapseOn: "2026-06-22",
      substances: ["opioids"],
    });
  });

  it("no relapse-prevention plan among the components: no plan review is asked for", () => {
    const without: AftercarePlan = {
      ...plan,
      components: plan.components.filter((c) => c.kind !== "relapse-prevention"),
    };
    const r = review([done("2026-06-09", { lapse: true })], "2026-06-09", without);
    expect(r.recommendations.map((x) => x.code)).toEqual(["earlier-check-in"]);
  });
});

describe("repeated lapses → re-assess for a return to IOP", () => {
  it("a lapse exactly 30 days before the review is outside the window; 29 days before is inside", () => {
    const codesOf = (first: string) =>
      review(
        [done(first, { lapse: true }), done("2026-07-08", { lapse: true })],
        "2026-07-08",
      ).recommendations.map((x) => x.code);
    expect(codesOf("2026-06-08")).not.toContain("reassess-for-iop");
    expect(codesOf("2026-06-09")).toContain("reassess-for-iop");
  });

  it("dated from the latest of three lapses, with the exact message and evidence", () => {
    const r = review(
      [
        done("2026-06-08", { lapse: true }),
        done("2026-06-15", { lapse: true }),
        done("2026-06-22", { lapse: true }),
      ],
      "2026-06-23",
    );
    const reassess = r.recommendations.find((x) => x.code === "reassess-for-iop");
    expect(reassess?.due).toBe("2026-06-29");
    expect(reassess?.reason.evidence).toEqual({
      lapses: ["2026-06-08", "2026-06-15", "2026-06-22"],
      windowDays: 30,
    });
    expect(
      reassess?.reason.message.startsWith(
        "3 lapses in the last 30 days (2026-06-08, 2026-06-15, 2026-06-22): re-assess for a return to IOP by 2026-06-29 — more support, not discharge",
      ),
    ).toBe(true);
  });

  it("someone lost to contact who is reached: the evidence is the day of the contact", () => {
    const lost = planAftercare({
      participant: person(),
      episode: dischargedAs("not-completed", "lost-to-contact"),
      program,
      from: "2026-04-15",
    });
    const r = review([done("2026-04-20")], "2026-04-20", lost);
    expect(r.recommendations[0]?.reason.evidence).toEqual({ lastContact: "2026-04-20" });
  });
});

describe("mutual support and the order of recommendations", () => {
  it("below the aim: the exact reason, its message and evidence", () => {
    const r = review(
      [
        done("2026-06-08", { mutualSupport: { meetings: 3, verification: "verified" } }),
        done("2026-06-15", { mutualSupport: { meetings: 1, verification: "self-reported" } }),
      ],
      "2026-06-16",
    );
    expect(r.recommendations[0]?.reason).toEqual({
      code: "mutual-support-below-aim",
      message:
        "1 mutual-support meeting (self-reported) in the 7 days to 2026-06-15, against an aim of 3 a week (3): talk about what gets in the way at the next contact (SAMHSA Advisory on IOP (2021): mutual-support groups).",
      evidence: {
        meetings: 1,
        verification: "self-reported",
        since: "2026-06-08",
        on: "2026-06-15",
        aim: 3,
      },
    });
  });

  it("only the latest completed contact's count is judged; a missed one's is not", () => {
    const outcomes: CheckInOutcome[] = [
      done("2026-06-08", { mutualSupport: { meetings: 0, verification: "self-reported" } }),
      done("2026-06-15", { mutualSupport: { meetings: 3, verification: "verified" } }),
      { ...missed("2026-06-22"), mutualSupport: { meetings: 0, verification: "self-reported" } },
    ];
    expect(review(outcomes, "2026-06-22").recommendations.map((x) => x.code)).not.toContain(
      "encourage-mutual-support",
    );
    // Three reports: the latest (3 meetings) is judged, not the one before it (0).
    const three: CheckInOutcome[] = [
      done("2026-06-08", { mutualSupport: { meetings: 3, verification: "verified" } }),
      done("2026-06-15", { mutualSupport: { meetings: 0, verification: "self-reported" } }),
      done("2026-06-22", { mutualSupport: { meetings: 3, verification: "verified" } }),
    ];
    expect(review(three, "2026-06-23").recommendations).toEqual([]);
    // A later contact that reported nothing leaves the last report standing.
    const silent: CheckInOutcome[] = [
      done("2026-06-08", { mutualSupport: { meetings: 0, verification: "self-reported" } }),
      done("2026-06-15"),
    ];
    expect(review(silent, "2026-06-16").recommendations.map((x) => x.code)).toEqual([
      "encourage-mutual-support",
    ]);
  });

  it("in due-date order, and by code on the same day, whatever order the rules found them in", () => {
    // A lapse at the 06-08 contact (check in by 06-11), then the 06-15 check-in missed (outreach 06-16).
    const r = review([done("2026-06-08", { lapse: true }), missed("2026-06-15")], "2026-06-16");
    expect(r.recommendations.map((x) => [x.code, x.due])).toEqual([
      ["earlier-check-in", "2026-06-11"],
      ["review-relapse-prevention-plan", "2026-06-11"],
      ["outreach", "2026-06-16"],
    ]);
  });

  it("a review day that is not a date is refused at the path asOf", () => {
    try {
      review([], "June");
      expect.unreachable();
    } catch (e) {
      expect(isIopError(e) && e.issues).toEqual([
        {
          code: "invalid-date",
          path: ["asOf"],
          message: "asOf must be a calendar date YYYY-MM-DD, got a string of 4 characters",
        },
      ]);
    }
  });
});
