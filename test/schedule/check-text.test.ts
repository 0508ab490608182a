// checkSchedule's violations word for word: the code, message, sessions, person and week of each
// kind of breach (an app shows these messages to schedulers), and the edges the boundary tests do
// not reach — staff availability on another weekday, a check without a staff list, sessions that
// cross midnight, a participant's first enrolment, participants reported unschedulable who are
// scheduled all the same, the input errors. Built on the hand-built sound schedule of
// check-fixtures.ts (every expected value below was read and checked by hand).
import { describe, expect, it } from "vitest";
import {
  checkSchedule,
  defineProgram,
  IopError,
  parseStaff,
  type Enrollment,
  type ScheduledSession,
} from "iopkit";
import {
  at,
  baseSessions,
  programInput,
  check,
  enrol,
  group,
  MON1,
  oneToOne,
  only,
  program,
  replace,
  schedule,
  session,
  staff,
  without,
} from "./check-fixtures";

/** The error `f` throws (an IopError), or a failure. */
function thrown(f: () => unknown): IopError {
  try {
    f();
  } catch (error) {
    if (error instanceof IopError) return error;
    throw error;
  }
  throw new Error("nothing thrown");
}

describe("each breach, word for word", () => {
  it("S1 and S2: two overlapping sessions of a participant and of a staff member", () => {
    const clash = oneToOne("cm", "case-management", "2027-01-05", "10:30", "11:30");
    expect(check([...baseSessions, clash]).filter((v) => v.code === "S1" || v.code === "S2"))
      .toMatchInlineSnapshot(`
      [
        {
          "code": "S1",
          "message": "participant p-a is in two overlapping sessions (2027-01-05T10:00:00.000-06:00 and 2027-01-05T10:30:00.000-06:00)",
          "participantId": "p-a",
          "sessionIds": [
            "ind-1",
            "cm",
          ],
        },
        {
          "code": "S2",
          "message": "staff member s-1 is in two overlapping sessions (2027-01-05T10:00:00.000-06:00 and 2027-01-05T10:30:00.000-06:00)",
          "sessionIds": [
            "ind-1",
            "cm",
          ],
          "staffId": "s-1",
        },
      ]
    `);
  });

  it("S2: unknown staff, and staff outside their availability", () => {
    const stranger = session({
      ...oneToOne("ind-1", "individual-therapy", "2027-01-05", "10:00", "11:00"),
      staffIds: ["s-x"],
    });
    const early = oneToOne("ind-2", "individual-therapy", "2027-01-12", "07:00", "08:00");
    expect(only(check(replace("ind-1", stranger).map((s) => (s.id === "ind-2" ? early : s))), "S2"))
      .toMatchInlineSnapshot(`
      [
        {
          "code": "S2",
          "message": "staff member s-1 is scheduled outside their availability on 2027-01-12",
          "sessionIds": [
            "ind-2",
          ],
          "staffId": "s-1",
        },
        {
          "code": "S2",
          "message": "session names unknown staff member s-x",
          "sessionIds": [
            "ind-1",
          ],
          "staffId": "s-x",
        },
      ]
    `);
  });

  it("S3: a group over its capacity", () => {
    const who = ["p-a", "p-b", "p-c", "p-d"];
    expect(
      only(
        check(
          replace("g-mon-1", group("g-mon-1", "2027-01-04", 0, who)),
          who.map((p) => enrol(p)),
        ),
        "S3",
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "S3",
          "message": "group-therapy on 2027-01-04T09:00:00.000-06:00 has 4 participants; capacity is 3",
          "sessionIds": [
            "g-mon-1",
          ],
        },
      ]
    `);
  });

  it("S4: a session on a closure, and one outside opening hours", () => {
    // 2027-01-20 is the test program's closure (a Wednesday).
    const closed = oneToOne("cm", "case-management", "2027-01-20", "10:00", "10:30");
    const evening = oneToOne("ind-1", "individual-therapy", "2027-01-05", "17:30", "18:30");
    expect(
      only(
        check([...replace("ind-1", evening), closed], undefined, {
          window: { from: MON1, weeks: 3 },
        }),
        "S4",
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "S4",
          "message": "individual-therapy 2027-01-05T17:30:00.000-06:00–2027-01-05T18:30:00.000-06:00 is outside operating hours in America/Chicago",
          "sessionIds": [
            "ind-1",
          ],
        },
        {
          "code": "S4",
          "message": "case-management on 2027-01-20 falls on a closure",
          "sessionIds": [
            "cm",
          ],
        },
      ]
    `);
  });

  it("S5: hours outside the band, rounded to the hundredth of an hour", () => {
    // Week 1 without its individual session and with one group a minute short: 2 h 59 + 3 h =
    // 5.983… h, reported as 5.98.
    const short = session({
      ...group("g-wed-1", "2027-01-06", 1, ["p-a"]),
      end: at("2027-01-06", "11:59"),
    });
    expect(only(check(replace("g-wed-1", short).filter((x) => x.id !== "ind-1")), "S5"))
      .toMatchInlineSnapshot(`
      [
        {
          "code": "S5",
          "isoWeek": "2027-W01",
          "message": "participant p-a has 5.98 clinical h in 2027-W01, outside 6–7 h",
          "participantId": "p-a",
          "sessionIds": [
            "g-mon-1",
            "g-wed-1",
            "dt-1",
          ],
        },
      ]
    `);
  });

  it("S7: a planned course outside the program's length, in weeks to the hundredth", () => {
    // Phase a for 4 weeks and 3 days, then b for its 4 weeks: 59 days, 8.43 weeks.
    const longer = enrol("p-a", {
      path: [
        { phaseId: "a", from: MON1 },
        { phaseId: "b", from: "2027-02-04" },
      ],
    });
    expect(only(check(baseSessions, [longer]), "S7")).toMatchInlineSnapshot(`
      [
        {
          "code": "S7",
          "message": "participant p-a's planned course lasts 8.43 weeks, outside the program's 8 weeks",
          "participantId": "p-a",
          "sessionIds": [],
        },
      ]
    `);
  });

  it("S6: a path that rises without a step-up", () => {
    const rising = enrol("p-a", {
      path: [
        { phaseId: "b", from: MON1 },
        { phaseId: "a", from: "2027-01-11", reason: "step-down" },
      ],
    });
    expect(only(check(baseSessions, [rising]), "S6").filter((v) => v.sessionIds.length === 0))
      .toMatchInlineSnapshot(`
      [
        {
          "code": "S6",
          "message": "participant p-a's path moves from phase "b" to the more intense "a" on 2027-01-11 without a step-up",
          "participantId": "p-a",
          "sessionIds": [],
        },
      ]
    `);
  });

  it("S6: a session outside the enrolment, and one in another phase than the one in force", () => {
    const late = enrol("p-a", { start: "2027-01-05" });
    const inB = session({ ...group("g-wed-1", "2027-01-06", 0, ["p-a"]), phaseId: "b" as never });
    expect(only(check(replace("g-wed-1", inB), [late]), "S6")).toMatchInlineSnapshot(`
      [
        {
          "code": "S6",
          "message": "participant p-a has group-therapy on 2027-01-04, outside their enrolment",
          "participantId": "p-a",
          "sessionIds": [
            "g-mon-1",
          ],
        },
        {
          "code": "S6",
          "message": "participant p-a is in phase "a" on 2027-01-06, but group-therapy belongs to "b"",
          "participantId": "p-a",
          "sessionIds": [
            "g-wed-1",
          ],
        },
      ]
    `);
  });

  it("S9: a session inside a participant's unavailability", () => {
    const busy = enrol(
      "p-a",
      {},
      {
        unavailable: [{ weekday: 2, from: "10:30", to: "12:00", reason: "work" }],
      },
    );
    expect(only(check(baseSessions, [busy]), "S9")).toMatchInlineSnapshot(`
      [
        {
          "code": "S9",
          "message": "participant p-a is unavailable 10:30–12:00 on 2027-01-05, when individual-therapy runs",
          "participantId": "p-a",
          "sessionIds": [
            "ind-1",
          ],
        },
        {
          "code": "S9",
          "message": "participant p-a is unavailable 10:30–12:00 on 2027-01-12, when individual-therapy runs",
          "participantId": "p-a",
          "sessionIds": [
            "ind-2",
          ],
        },
      ]
    `);
  });

  it("S10: a pattern session off its time, on another weekday, and one naming no pattern entry", () => {
    const offTime = session({
      ...group("g-mon-1", "2027-01-04", 0, ["p-a"]),
      start: at("2027-01-04", "09:01"),
      end: at("2027-01-04", "12:01"),
    });
    const otherDay = session({ ...group("g-wed-1", "2027-01-07", 1, ["p-a"]) });
    const noEntry = session({ ...group("g-mon-2", "2027-01-11", 0, ["p-a"]), patternEntry: 7 });
    const sessions = baseSessions.map((s) =>
      s.id === "g-mon-1"
        ? offTime
        : s.id === "g-wed-1"
          ? otherDay
          : s.id === "g-mon-2"
            ? noEntry
            : s,
    );
    expect(only(check(sessions), "S10")).toMatchInlineSnapshot(`
      [
        {
          "code": "S10",
          "message": "group-therapy starts 2027-01-04T09:01:00.000-06:00, but the pattern says 09:00 in America/Chicago (2027-01-04T09:00:00.000-06:00)",
          "sessionIds": [
            "g-mon-1",
          ],
        },
        {
          "code": "S10",
          "message": "group-therapy starts 2027-01-07T09:00:00.000-06:00, but the pattern says weekday 3 09:00 in America/Chicago (2027-01-07T09:00:00.000-06:00)",
          "sessionIds": [
            "g-wed-1",
          ],
        },
        {
          "code": "S10",
          "message": "session names pattern entry 7 of phase "a", which does not exist",
          "sessionIds": [
            "g-mon-2",
          ],
        },
      ]
    `);
  });

  it("S12: drug tests outside the weekly bounds, and one on a day the participant is not on site", () => {
    const extra = [
      oneToOne("dt-x", "drug-test", "2027-01-04", "12:00", "12:15"),
      oneToOne("dt-y", "drug-test", "2027-01-07", "12:00", "12:15"),
    ];
    expect(only(check([...baseSessions, ...extra]), "S12")).toMatchInlineSnapshot(`
      [
        {
          "code": "S12",
          "isoWeek": "2027-W01",
          "message": "participant p-a has 3 drug test(s) in 2027-W01, outside 1–2",
          "participantId": "p-a",
          "sessionIds": [
            "dt-1",
            "dt-x",
            "dt-y",
          ],
        },
        {
          "code": "S12",
          "isoWeek": "2027-W01",
          "message": "participant p-a has a drug test on 2027-01-07, a day they are not otherwise on site",
          "participantId": "p-a",
          "sessionIds": [
            "dt-y",
          ],
        },
      ]
    `);
  });

  it("S13: an enrolled participant neither scheduled nor reported, and a participant not enrolled", () => {
    // p-z is in six sessions: the violation lists the first five.
    const sessions = baseSessions.map((s, i) =>
      i < 6 ? session({ ...s, participantIds: [...s.participantIds, "p-z"] }) : s,
    );
    expect(only(check(sessions, [enrol("p-a"), enrol("p-b")]), "S13")).toMatchInlineSnapshot(`
      [
        {
          "code": "S13",
          "message": "participant p-b is enrolled but neither scheduled nor reported unschedulable",
          "participantId": "p-b",
          "sessionIds": [],
        },
        {
          "code": "S13",
          "message": "participant p-z is in sessions but not enrolled",
          "participantId": "p-z",
          "sessionIds": [
            "g-mon-1",
            "g-wed-1",
            "ind-1",
            "dt-1",
            "g-mon-2",
          ],
        },
      ]
    `);
  });
});

describe("edges the boundary tests do not reach", () => {
  it("S2: availability on another weekday does not cover a session", () => {
    const mondaysOnly = [
      parseStaff({
        id: "s-1",
        roles: ["counsellor", "therapist", "collector"],
        availability: [{ weekday: 1, from: "08:00", to: "18:00" }],
      }),
    ];
    const vs = checkSchedule(schedule(baseSessions), {
      program,
      enrollments: [enrol("p-a")],
      staff: mondaysOnly,
    });
    expect(only(vs, "S2").map((v) => v.sessionIds[0])).toEqual([
      "g-wed-1",
      "ind-1",
      "dt-1",
      "g-wed-2",
      "ind-2",
      "dt-2",
    ]);
  });

  it("without a staff list, staff are not checked against one (only their overlaps are)", () => {
    const stranger = session({
      ...oneToOne("ind-1", "individual-therapy", "2027-01-05", "10:00", "11:00"),
      staffIds: ["s-x"],
    });
    const vs = checkSchedule(schedule(replace("ind-1", stranger)), {
      program,
      enrollments: [enrol("p-a")],
    });
    expect(only(vs, "S2")).toEqual([]);
    expect(only(check(replace("ind-1", stranger)), "S2")).toHaveLength(1);
  });

  it("a session running past midnight ends after closing time (S4)", () => {
    const night = oneToOne("cm", "case-management", "2027-01-05", "17:00", "17:30");
    const pastMidnight = session({ ...night, end: at("2027-01-06", "01:00") });
    expect(only(check([...baseSessions, night]), "S4")).toEqual([]);
    expect(only(check([...baseSessions, pastMidnight]), "S4").map((v) => v.sessionIds)).toEqual([
      ["cm"],
    ]);
  });

  it("a participant's first enrolment is the one checked", () => {
    const vs = check(baseSessions, [enrol("p-a"), enrol("p-a", { start: "2027-01-11" })]);
    expect(only(vs, "S6")).toEqual([]);
  });

  it("a participant reported unschedulable but scheduled all the same is still checked", () => {
    const unschedulable = [
      { participantId: "p-a", code: "unknown-track", message: "no such track" },
    ] as const;
    const vs = check(without("g-wed-2"), [enrol("p-a")], {
      unschedulable: unschedulable as never,
    });
    expect(only(vs, "S5").map((v) => v.isoWeek)).toEqual(["2027-W02"]);
  });

  it("a one-to-one session is not held to the group capacity (S3)", () => {
    const who = ["p-a", "p-b", "p-c", "p-d"];
    const family = session({
      ...oneToOne("fam", "family-therapy", "2027-01-05", "14:00", "15:00"),
      participantIds: who,
    });
    expect(
      only(
        check(
          [...baseSessions, family],
          who.map((p) => enrol(p)),
        ),
        "S3",
      ),
    ).toEqual([]);
  });
});

describe("S1 and S8 at their edges", () => {
  it("S1: a session overlapping an earlier, longer one is caught past a short one between them", () => {
    // ind-1 runs 10:00–11:00 on Tuesday; cm (10:10–10:20) ends first; fam (10:40–10:50) still
    // overlaps ind-1, which reaches further than cm.
    const cm = oneToOne("cm", "case-management", "2027-01-05", "10:10", "10:20");
    const fam = oneToOne("fam", "family-therapy", "2027-01-05", "10:40", "10:50");
    expect(only(check([...baseSessions, cm, fam]), "S1").map((v) => v.sessionIds)).toEqual([
      ["ind-1", "cm"],
      ["ind-1", "fam"],
    ]);
  });

  it("S1: of two sessions ending together, the first keeps the reach", () => {
    const a = oneToOne("a", "case-management", "2027-01-05", "13:00", "14:00");
    const b = oneToOne("b", "family-therapy", "2027-01-05", "13:30", "14:00");
    const c = oneToOne("c", "medication-management", "2027-01-05", "13:45", "13:50");
    expect(only(check([...baseSessions, a, b, c]), "S1").map((v) => v.sessionIds)).toEqual([
      ["a", "b"],
      ["a", "c"],
    ]);
  });

  it("S8: an individual session on the next block's first day does not count for this one", () => {
    const nextMonday = oneToOne("ind-x", "individual-therapy", "2027-01-11", "13:00", "14:00");
    expect(only(check([...without("ind-1"), nextMonday]), "S8").map((v) => v.isoWeek)).toEqual([
      "2027-W01",
    ]);
  });

  it("S8: the block that ends on the phase's last day is judged", () => {
    // Phase a runs exactly 4 weeks from MON1; the window covers them; week 4 has no individual.
    const weeks = [
      ...baseSessions,
      group("g-mon-3", "2027-01-18", 0, ["p-a"]),
      group("g-wed-3", "2027-01-21", 1, ["p-a"]),
      oneToOne("ind-3", "individual-therapy", "2027-01-19", "10:00", "11:00"),
      group("g-mon-4", "2027-01-25", 0, ["p-a"]),
      group("g-wed-4", "2027-01-27", 1, ["p-a"]),
    ];
    const path = enrol("p-a", {
      path: [
        { phaseId: "a", from: MON1 },
        { phaseId: "b", from: "2027-02-01" },
      ],
    });
    expect(
      only(check(weeks, [path], { window: { from: MON1, weeks: 4 } }), "S8").map((v) => v.isoWeek),
    ).toEqual(["2027-W04"]);
  });
});

describe("S8: which one-to-ones a participant needs (the phase's rules by whom they apply to)", () => {
  // Phase "a" also asks, every week, for case management of everyone, family therapy when the
  // family is involved, and medication management for people on addiction or psychiatric medicine.
  const [a, b] = programInput.phases;
  const withRules = defineProgram({
    ...programInput,
    phases: [
      {
        ...(a as NonNullable<typeof a>),
        hoursPerWeek: { min: 6, max: 8.5 },
        oneToOne: [
          {
            sessionType: "case-management",
            everyWeeks: 1,
            durationMinutes: 30,
            appliesTo: "everyone",
          },
          {
            sessionType: "family-therapy",
            everyWeeks: 1,
            durationMinutes: 30,
            appliesTo: "family-involved",
          },
          {
            sessionType: "medication-management",
            everyWeeks: 1,
            durationMinutes: 15,
            appliesTo: "on-medication",
          },
        ],
      },
      b as NonNullable<typeof b>,
    ],
  });
  const missing = (e: Enrollment): string[] =>
    only(
      checkSchedule(schedule(baseSessions), { program: withRules, enrollments: [e], staff }),
      "S8",
    ).map((v) => `${v.isoWeek ?? ""} ${/has no (\S+)/.exec(v.message)?.[1] ?? ""}`);

  it("everyone needs the everyone rule; only it, without family or medication", () => {
    expect(missing(enrol("p-a"))).toEqual(["2027-W01 case-management", "2027-W02 case-management"]);
  });

  it("family involved adds family therapy; medication for addiction adds medication management", () => {
    expect(missing(enrol("p-a", {}, { familyInvolved: true }))).toEqual([
      "2027-W01 case-management",
      "2027-W02 case-management",
      "2027-W01 family-therapy",
      "2027-W02 family-therapy",
    ]);
    expect(
      missing(enrol("p-a", {}, { medications: [{ name: "naltrexone", purpose: "addiction" }] })),
    ).toEqual([
      "2027-W01 case-management",
      "2027-W02 case-management",
      "2027-W01 medication-management",
      "2027-W02 medication-management",
    ]);
  });

  it("medication for another purpose does not count as being on medication", () => {
    expect(
      missing(enrol("p-a", {}, { medications: [{ name: "ibuprofen", purpose: "other" }] })),
    ).toEqual(["2027-W01 case-management", "2027-W02 case-management"]);
  });

  it("the breach, word for word", () => {
    expect(only(check(without("ind-2")), "S8")).toMatchInlineSnapshot(`
      [
        {
          "code": "S8",
          "isoWeek": "2027-W02",
          "message": "participant p-a has no individual-therapy between 2027-01-11 and 2027-01-17 (phase "a" asks for one every 1 week(s))",
          "participantId": "p-a",
          "sessionIds": [],
        },
      ]
    `);
  });
});

describe("what checkSchedule refuses", () => {
  it("sessions that are not sessions: an unreadable start or end, an end not after the start, nobody", () => {
    const bad = [
      session({
        ...oneToOne("a", "case-management", "2027-01-05", "10:00", "11:00"),
        start: "Tuesday",
      }),
      session({ ...oneToOne("b", "case-management", "2027-01-05", "10:00", "11:00"), end: "noon" }),
      session({ ...oneToOne("c", "case-management", "2027-01-05", "10:00", "10:00") }),
      session({
        ...oneToOne("d", "case-management", "2027-01-05", "10:00", "11:00"),
        participantIds: [],
      }),
    ];
    const e = thrown(() => check(bad));
    expect(e.message.split("\n")[0]).toBe("checkSchedule: 4 problems");
    expect(e.issues).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid-instant",
          "message": "must be an ISO 8601 date-time with a UTC offset",
          "path": [
            "sessions",
            0,
            "start",
          ],
        },
        {
          "code": "invalid-instant",
          "message": "must be an ISO 8601 date-time with a UTC offset",
          "path": [
            "sessions",
            1,
            "end",
          ],
        },
        {
          "code": "session-ends-before-start",
          "message": "\`end\` must be after \`start\`: a session lasts at least a minute",
          "path": [
            "sessions",
            2,
            "end",
          ],
        },
        {
          "code": "too-small",
          "message": "must have at least one entry",
          "path": [
            "sessions",
            3,
            "participantIds",
          ],
        },
      ]
    `);
  });

  it("arguments of the wrong shape, each named", () => {
    const good = schedule(baseSessions);
    const context = { program, enrollments: [enrol("p-a")], staff };
    const cases: [unknown, unknown][] = [
      [null, context],
      [{ ...good, sessions: "none" }, context],
      [good, null],
      [good, { ...context, program: "p" }],
      [good, { ...context, enrollments: {} }],
      [good, { ...context, staff: "s-1" }],
      [good, { ...context, authorizations: 3 }],
    ];
    const found = cases.map(([s, c]) => {
      const e = thrown(() => checkSchedule(s as never, c as never));
      return `${e.message.split("\n")[0] ?? ""} ${JSON.stringify(e.issues.map((i) => [i.code, i.path]))}`;
    });
    expect(found).toMatchInlineSnapshot(`
      [
        "checkSchedule: 1 problem [["invalid-type",["schedule"]]]",
        "checkSchedule: 1 problem [["invalid-type",["schedule","sessions"]]]",
        "checkSchedule: 1 problem [["invalid-type",["context"]]]",
        "checkSchedule: 1 problem [["invalid-type",["context","program"]]]",
        "checkSchedule: 1 problem [["invalid-type",["context","enrollments"]]]",
        "checkSchedule: 1 problem [["invalid-type",["context","staff"]]]",
        "checkSchedule: 1 problem [["invalid-type",["context","authorizations"]]]",
      ]
    `);
  });

  it("a value that throws while being read is reported under checkSchedule's name", () => {
    const [first, ...rest] = baseSessions;
    const hostile = Object.defineProperty({ ...first }, "start", {
      get() {
        throw new RangeError("no start today");
      },
      enumerable: true,
    }) as ScheduledSession;
    const e = thrown(() => check([hostile, ...rest]));
    expect(e.message.split("\n")[0]).toBe("checkSchedule: 1 problem");
    expect(e.issues.map((i) => [i.code, i.path])).toEqual([["invalid-input", []]]);
    expect(e.issues[0]?.message).toContain("a RangeError was raised while reading it");
  });
});

describe("weeks in a later phase, and who is on site", () => {
  it("S5 holds each week to the band of the phase in force, the second phase's too", () => {
    // Enrolled four weeks before the window: both weeks of the window are in phase "b" (3–4 h),
    // where the fixture's seven hours a week are too many.
    const v = only(check(baseSessions, [enrol("p-a", { start: "2026-12-07" })]), "S5");
    expect(v.map((x) => x.message)).toEqual([
      "participant p-a has 7 clinical h in 2027-W01, outside 3–4 h",
      "participant p-a has 7 clinical h in 2027-W02, outside 3–4 h",
    ]);
  });

  it("S12: a drug test on a day of a hybrid session is on site unless the participant joins remotely", () => {
    const test = oneToOne("dt-y", "drug-test", "2027-01-07", "12:00", "12:15");
    const hybrid = (remote: readonly string[]) =>
      session({
        id: "hy",
        sessionType: "psychoeducation",
        start: at("2027-01-07", "14:00"),
        end: at("2027-01-07", "15:00"),
        participantIds: ["p-a"],
        phaseId: "a" as ScheduledSession["phaseId"],
        deliveryMode: "hybrid",
        remoteParticipantIds: remote as ScheduledSession["remoteParticipantIds"],
      });
    const offSite = (sessions: ScheduledSession[]) =>
      only(check(sessions), "S12")
        .filter((x) => x.message.includes("not otherwise on site"))
        .map((x) => x.sessionIds);
    expect(offSite([...baseSessions, test, hybrid([])])).toEqual([]);
    expect(offSite([...baseSessions, test, hybrid(["p-a"])])).toEqual([["dt-y"]]);
    expect(offSite([...baseSessions, test])).toEqual([["dt-y"]]);
  });

  it("a week inside a stretch of the path no phase covers (an unknown phase) is not held to any band", () => {
    // Phase "a" for W01, an unknown phase for W02, "b" after: W02 has no sessions and no band.
    const path = [
      { phaseId: "a", from: "2027-01-04" },
      { phaseId: "zz", from: "2027-01-11" },
      { phaseId: "b", from: "2027-01-18" },
    ];
    const v = check(
      baseSessions.filter((x) => x.start < at("2027-01-11", "00:00")),
      [enrol("p-a", { path })],
    );
    expect(only(v, "S5")).toEqual([]);
    expect(only(v, "S12")).toEqual([]);
  });
});
