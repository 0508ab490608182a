// checkSchedule at the edge of every invariant: a hand-built sound schedule, then one change that
// lands exactly on a boundary (no violation) and one that crosses it by the smallest step (the exact
// violation: code, sessions, participant or staff member, ISO week). A checker whose rule were
// removed, or whose `<` were a `<=`, fails here. The invariants are iopkit's own (S1–S13, see the
// scheduling guide); the hour band and drug-test bounds are the test program's, chosen small.
import { describe, expect, it } from "vitest";
import {
  checkSchedule,
  defineProgram,
  type Enrollment,
  type Schedule,
  type ScheduledSession,
} from "iopkit";
import {
  at,
  programInput,
  staff,
  MON1,
  enrol,
  session,
  group,
  oneToOne,
  baseSessions,
  schedule,
  check,
  only,
  replace,
  without,
} from "./check-fixtures";

describe("the hand-built schedule is sound", () => {
  it("has no violation at all", () => {
    expect(check(baseSessions)).toEqual([]);
  });
});

describe("S1: no participant in two overlapping sessions", () => {
  it("a session that starts as another ends does not overlap it", () => {
    const after = oneToOne("cm", "case-management", "2027-01-04", "12:00", "12:30");
    expect(only(check([...baseSessions, after]), "S1")).toEqual([]);
  });
  it("one minute of overlap is a breach naming both sessions and the participant", () => {
    const clash = oneToOne("cm", "case-management", "2027-01-04", "11:59", "12:30");
    expect(only(check([...baseSessions, clash]), "S1")).toEqual([
      expect.objectContaining({ code: "S1", sessionIds: ["g-mon-1", "cm"], participantId: "p-a" }),
    ]);
  });
});

describe("S2: staff in one session at a time, and only when they work", () => {
  it("back-to-back sessions of one staff member are fine; one minute of overlap is not", () => {
    const touching = oneToOne("cm", "case-management", "2027-01-05", "11:00", "11:30", "p-b");
    const clash = oneToOne("cm", "case-management", "2027-01-05", "10:59", "11:30", "p-b");
    const people = [enrol("p-a"), enrol("p-b")];
    expect(only(check([...baseSessions, touching], people), "S2")).toEqual([]);
    expect(only(check([...baseSessions, clash], people), "S2")).toEqual([
      expect.objectContaining({ code: "S2", sessionIds: ["ind-1", "cm"], staffId: "s-1" }),
    ]);
  });
  it("a session exactly inside the availability is fine; a minute before it starts or after it ends is not", () => {
    const inside = oneToOne("ind-1", "individual-therapy", "2027-01-05", "08:00", "09:00");
    const early = oneToOne("ind-1", "individual-therapy", "2027-01-05", "07:59", "08:59");
    const late = oneToOne("ind-1", "individual-therapy", "2027-01-05", "17:01", "18:01");
    expect(only(check(replace("ind-1", inside)), "S2")).toEqual([]);
    for (const moved of [early, late])
      expect(only(check(replace("ind-1", moved)), "S2")).toEqual([
        expect.objectContaining({ code: "S2", sessionIds: ["ind-1"], staffId: "s-1" }),
      ]);
  });
  it("a session naming a staff member who is not on the team is a breach", () => {
    const stranger = session({
      ...oneToOne("ind-1", "individual-therapy", "2027-01-05", "10:00", "11:00"),
      staffIds: ["s-x"],
    });
    expect(only(check(replace("ind-1", stranger)), "S2")).toEqual([
      expect.objectContaining({ code: "S2", sessionIds: ["ind-1"], staffId: "s-x" }),
    ]);
  });
});

describe("S3: no group over its capacity (3 in the test program)", () => {
  const people = ["p-a", "p-b", "p-c", "p-d"].map((id) => enrol(id));
  it("a group of exactly the capacity is fine; one more is a breach", () => {
    const three = replace("g-mon-1", group("g-mon-1", "2027-01-04", 0, ["p-a", "p-b", "p-c"]));
    const four = replace(
      "g-mon-1",
      group("g-mon-1", "2027-01-04", 0, ["p-a", "p-b", "p-c", "p-d"]),
    );
    expect(only(check(three, people), "S3")).toEqual([]);
    expect(only(check(four, people), "S3")).toEqual([
      expect.objectContaining({ code: "S3", sessionIds: ["g-mon-1"] }),
    ]);
  });
});

describe("S4: inside opening hours, on no closure", () => {
  it("a session from opening to closing time is fine", () => {
    const all = oneToOne("cm", "case-management", "2027-01-07", "08:00", "18:00");
    expect(only(check([...baseSessions, all]), "S4")).toEqual([]);
  });
  it("a minute before opening, a minute after closing, or on a closure day is a breach", () => {
    for (const [date, from, to] of [
      ["2027-01-07", "07:59", "09:00"],
      ["2027-01-07", "17:00", "18:01"],
      ["2027-01-20", "10:00", "11:00"],
    ] as const) {
      const s = oneToOne("cm", "case-management", date, from, to);
      expect(only(check([...baseSessions, s]), "S4")).toEqual([
        expect.objectContaining({ code: "S4", sessionIds: ["cm"] }),
      ]);
    }
  });
  it("a session on a weekday the clinic does not open is a breach", () => {
    const saturday = oneToOne("cm", "case-management", "2027-01-09", "10:00", "11:00");
    expect(only(check([...baseSessions, saturday]), "S4")).toEqual([
      expect.objectContaining({ code: "S4", sessionIds: ["cm"] }),
    ]);
  });
});

describe("S5: each full week's clinical hours inside the phase band (6–7 h)", () => {
  const w1 = ["g-mon-1", "g-wed-1", "ind-1", "dt-1"];
  it("exactly the minimum and exactly the maximum are inside the band", () => {
    const six = without("ind-1"); // 6 h in W01 (S8 aside)
    expect(only(check(six), "S5")).toEqual([]);
    expect(only(check(baseSessions), "S5")).toEqual([]); // 7 h
  });
  it("one minute under the minimum is a breach naming the week and its sessions", () => {
    const under = without("ind-1").map((s) =>
      s.id === "g-wed-1" ? { ...s, end: at("2027-01-06", "11:59") } : s,
    );
    expect(only(check(under), "S5")).toEqual([
      expect.objectContaining({
        code: "S5",
        participantId: "p-a",
        isoWeek: "2027-W01",
        sessionIds: w1.filter((id) => id !== "ind-1"),
      }),
    ]);
  });
  it("one minute over the maximum is a breach", () => {
    const over = replace(
      "ind-1",
      oneToOne("ind-1", "individual-therapy", "2027-01-05", "10:00", "11:01"),
    );
    expect(only(check(over), "S5")).toEqual([
      expect.objectContaining({
        code: "S5",
        participantId: "p-a",
        isoWeek: "2027-W01",
        sessionIds: w1,
      }),
    ]);
  });
  it("drug tests do not count toward clinical hours", () => {
    const extraTest = oneToOne("dt-x", "drug-test", "2027-01-04", "12:00", "12:15");
    expect(only(check([...baseSessions, extraTest]), "S5")).toEqual([]);
  });
});

describe("S6: sessions inside the enrolment and the phase in force; paths rise only by a step-up", () => {
  it("a session on the enrolment's last day is fine; the day after is a breach", () => {
    const ending = [enrol("p-a", { end: "2027-01-12" })];
    const onLastDay = baseSessions.filter((s) => s.start < at("2027-01-13", "00:00"));
    const dayAfter = [...onLastDay, group("g-wed-2", "2027-01-13", 1, ["p-a"])];
    expect(only(check(onLastDay, ending), "S6")).toEqual([]);
    expect(only(check(dayAfter, ending), "S6")).toEqual([
      expect.objectContaining({ code: "S6", sessionIds: ["g-wed-2"], participantId: "p-a" }),
    ]);
  });
  it("a session before the enrolment starts is a breach", () => {
    const late = [enrol("p-a", { start: "2027-01-05" })];
    expect(only(check(baseSessions, late), "S6")).toEqual([
      expect.objectContaining({ code: "S6", sessionIds: ["g-mon-1"], participantId: "p-a" }),
    ]);
  });
  it("a session labelled with another phase than the one in force is a breach", () => {
    const relabelled = replace("g-mon-2", {
      ...group("g-mon-2", "2027-01-11", 0, ["p-a"]),
      phaseId: "b" as ScheduledSession["phaseId"],
    });
    expect(only(check(relabelled), "S6")).toEqual([
      expect.objectContaining({ code: "S6", sessionIds: ["g-mon-2"], participantId: "p-a" }),
    ]);
  });
  it("a path from b up to a without a step-up is a breach of its own (no session named); with a step-up it is not", () => {
    const path = (reason: "step-down" | "step-up") =>
      enrol("p-a", {
        path: [
          { phaseId: "b", from: MON1 },
          { phaseId: "a", from: "2027-01-11", reason },
        ],
      });
    const pathBreaches = (e: Enrollment) =>
      only(check(baseSessions, [e]), "S6").filter((v) => v.sessionIds.length === 0);
    expect(pathBreaches(path("step-down"))).toEqual([
      expect.objectContaining({ code: "S6", sessionIds: [], participantId: "p-a" }),
    ]);
    expect(pathBreaches(path("step-up"))).toEqual([]);
  });
});

describe("S7: the planned course inside the program's bounds (exactly 8 weeks) unless extended", () => {
  const course = (bWeek: string, reason?: "extension" | "step-down") =>
    enrol("p-a", {
      path: [
        { phaseId: "a", from: MON1 },
        { phaseId: "b", from: bWeek, ...(reason === undefined ? {} : { reason }) },
      ],
    });
  it("8 weeks is inside; 9 weeks or 7 weeks of a full course is a breach", () => {
    expect(only(check(baseSessions, [course("2027-02-01")]), "S7")).toEqual([]); // 4 + 4
    for (const bWeek of ["2027-02-08", "2027-01-25"])
      // 5 + 4, 3 + 4
      expect(only(check(baseSessions, [course(bWeek)]), "S7")).toEqual([
        expect.objectContaining({ code: "S7", sessionIds: [], participantId: "p-a" }),
      ]);
  });
  it("an extension may lengthen the course", () => {
    expect(only(check(baseSessions, [course("2027-02-08", "extension")]), "S7")).toEqual([]);
  });
  it("a course admitted into a later phase may be shorter", () => {
    const later = enrol("p-a", { startPhase: "b" });
    expect(only(check([], [later], { unschedulable: [] }), "S7")).toEqual([]);
  });
});

describe("S8: one individual session in every block of N weeks", () => {
  it("a week without its individual session is a breach naming the participant and the week", () => {
    expect(only(check(without("ind-2")), "S8")).toEqual([
      expect.objectContaining({
        code: "S8",
        sessionIds: [],
        participantId: "p-a",
        isoWeek: "2027-W02",
      }),
    ]);
  });
  it("an individual session on the block's first or last day counts", () => {
    const monday = replace(
      "ind-2",
      oneToOne("ind-2", "individual-therapy", "2027-01-11", "13:00", "14:00"),
    );
    const friday = replace(
      "ind-2",
      oneToOne("ind-2", "individual-therapy", "2027-01-15", "13:00", "14:00"),
    );
    expect(only(check(monday), "S8")).toEqual([]);
    expect(only(check(friday), "S8")).toEqual([]);
  });
});

describe("S9: nothing inside a participant's unavailability", () => {
  const busy = (from: string, to: string) => [
    enrol("p-a", {}, { unavailable: [{ weekday: 1, from, to }] }),
  ];
  it("unavailability that starts as a session ends, or ends as it starts, is fine", () => {
    expect(only(check(baseSessions, busy("12:00", "13:00")), "S9")).toEqual([]);
    expect(only(check(baseSessions, busy("08:00", "09:00")), "S9")).toEqual([]);
  });
  it("one minute of overlap is a breach naming the session and the participant", () => {
    expect(only(check(baseSessions, busy("11:59", "13:00")), "S9")).toEqual([
      expect.objectContaining({ code: "S9", sessionIds: ["g-mon-1"], participantId: "p-a" }),
      expect.objectContaining({ code: "S9", sessionIds: ["g-mon-2"], participantId: "p-a" }),
    ]);
    expect(only(check(baseSessions, busy("08:00", "09:01")), "S9")).toHaveLength(2);
  });
});

describe("S10: pattern sessions at the pattern's wall-clock time", () => {
  it("a group one minute off its time is a breach", () => {
    const moved = replace("g-mon-1", {
      ...group("g-mon-1", "2027-01-04", 0, ["p-a"]),
      start: at("2027-01-04", "09:01"),
      end: at("2027-01-04", "12:01"),
    });
    expect(only(check(moved), "S10")).toEqual([
      expect.objectContaining({ code: "S10", sessionIds: ["g-mon-1"] }),
    ]);
  });
  it("a pattern session on another weekday is a breach unless it is a make-up", () => {
    const tuesday = { ...group("g-mon-1", "2027-01-05", 0, ["p-a"]) };
    expect(only(check(replace("g-mon-1", tuesday)), "S10")).toEqual([
      expect.objectContaining({ code: "S10", sessionIds: ["g-mon-1"] }),
    ]);
    expect(only(check(replace("g-mon-1", { ...tuesday, makeUp: true })), "S10")).toEqual([]);
  });
  it("a session naming a pattern entry the phase does not have is a breach", () => {
    const ghost = replace("g-mon-1", {
      ...group("g-mon-1", "2027-01-04", 0, ["p-a"]),
      patternEntry: 7,
    });
    expect(only(check(ghost), "S10")).toEqual([
      expect.objectContaining({ code: "S10", sessionIds: ["g-mon-1"] }),
    ]);
  });
});

describe("S12: weekly drug tests inside the bounds (1–2), only on days on site", () => {
  it("one and two tests a week are inside; none or three are breaches naming the week", () => {
    const two = [...baseSessions, oneToOne("dt-1b", "drug-test", "2027-01-04", "12:00", "12:15")];
    expect(only(check(two), "S12")).toEqual([]);
    expect(only(check(without("dt-1")), "S12")).toEqual([
      expect.objectContaining({
        code: "S12",
        sessionIds: [],
        participantId: "p-a",
        isoWeek: "2027-W01",
      }),
    ]);
    const three = [...two, oneToOne("dt-1c", "drug-test", "2027-01-05", "11:00", "11:15")];
    expect(only(check(three), "S12")).toEqual([
      expect.objectContaining({
        code: "S12",
        sessionIds: ["dt-1", "dt-1b", "dt-1c"],
        participantId: "p-a",
        isoWeek: "2027-W01",
      }),
    ]);
  });
  it("a test on a day the participant has no other session is a breach", () => {
    const thursday = replace("dt-1", oneToOne("dt-1", "drug-test", "2027-01-07", "12:00", "12:15"));
    expect(only(check(thursday), "S12")).toEqual([
      expect.objectContaining({
        code: "S12",
        sessionIds: ["dt-1"],
        participantId: "p-a",
        isoWeek: "2027-W01",
      }),
    ]);
  });
  it("with call-in testing (collectOn: open-days) the same test on an open day is fine; the count still counts", () => {
    const callIn = defineProgram({
      ...programInput,
      drugTestPolicy: { ...programInput.drugTestPolicy, collectOn: "open-days" },
    });
    const checkCallIn = (sessions: readonly ScheduledSession[]) =>
      checkSchedule(schedule(sessions), { program: callIn, enrollments: [enrol("p-a")], staff });
    const thursday = replace("dt-1", oneToOne("dt-1", "drug-test", "2027-01-07", "12:00", "12:15"));
    expect(only(checkCallIn(thursday), "S12")).toEqual([]);
    expect(only(checkCallIn(without("dt-1")), "S12")).toEqual([
      expect.objectContaining({ code: "S12", sessionIds: [], isoWeek: "2027-W01" }),
    ]);
  });
});

describe("S13: everyone enrolled scheduled or reported, and no one else", () => {
  it("an enrolled participant with no session and no report is a breach; with a report it is not", () => {
    const people = [enrol("p-a"), enrol("p-z")];
    expect(only(check(baseSessions, people), "S13")).toEqual([
      expect.objectContaining({ code: "S13", sessionIds: [], participantId: "p-z" }),
    ]);
    const reported = {
      unschedulable: [{ participantId: "p-z", code: "no-track", message: "no track fits" }],
    } as unknown as Partial<Schedule>;
    expect(only(check(baseSessions, people, reported), "S13")).toEqual([]);
  });
  it("a participant in sessions who is not enrolled is a breach", () => {
    const stranger = replace("g-mon-1", group("g-mon-1", "2027-01-04", 0, ["p-a", "p-x"]));
    expect(only(check(stranger), "S13")).toEqual([
      expect.objectContaining({ code: "S13", sessionIds: ["g-mon-1"], participantId: "p-x" }),
    ]);
  });
});
