import { describe, expect, it } from "vitest";
import {
  checkSchedule,
  defineProgram,
  IopError,
  parseEnrollment,
  parseParticipant,
  parseStaff,
  planSchedule,
  plannedPath,
  programTemplates,
  type EnrollmentInput,
  type ParticipantInput,
  type ProgramInput,
  type Schedule,
} from "iopkit";
import { assertScheduleInvariants } from "iopkit/testing";
import { person } from "../people";

/** A one-phase program: Mon and Wed 09:00–12:00 group (6 h), weekly 60-min individual, no tests. */
function tiny(timeZone: string, extra: Partial<ProgramInput> = {}): ProgramInput {
  return {
    id: "tiny",
    name: "Tiny",
    levelOfCare: "outpatient",
    population: "adult",
    conditionsServed: ["substance-use"],
    timeZone,
    operatingHours: ([1, 2, 3, 4, 5] as const).map((weekday) => ({
      weekday,
      open: "08:00",
      close: "18:00",
    })),
    phases: [
      {
        id: "only",
        name: "Only",
        hoursPerWeek: { min: 6, max: 7 },
        weeks: { min: 8, max: 8 },
        pattern: [
          { sessionType: "group-therapy", weekday: 1, start: "09:00", durationMinutes: 180 },
          { sessionType: "group-therapy", weekday: 3, start: "09:00", durationMinutes: 180 },
        ],
        individualEveryWeeks: 1,
        drugTestsPerWeek: { min: 0, max: 0 },
        exitCriteria: {
          minWeeks: 8,
          minAttendanceRate: 0.8,
          negativeTestsInARow: 0,
          requiresClinicianSignOff: false,
        },
      },
    ],
    lengthWeeks: { min: 8, max: 8 },
    ...extra,
  };
}

const enrol = (
  id: string,
  start: string,
  extra: Partial<EnrollmentInput> = {},
  p: Partial<ParticipantInput> = {},
) => parseEnrollment({ participant: parseParticipant(person(id, p)), start, ...extra });
const startsOf = (s: Schedule, type = "group-therapy") =>
  s.sessions.filter((x) => x.sessionType === type).map((x) => x.start);

// Groups on Mon/Wed 09:00 (the tiny program) for a fortnight that spans each zone's change.
const FORTNIGHTS = [
  {
    name: "America/New_York across the autumn change (EDT −04:00 → EST −05:00 on 2026-11-01)",
    zone: "America/New_York",
    monday: "2026-10-26",
    starts: [
      "2026-10-26T09:00:00.000-04:00",
      "2026-10-28T09:00:00.000-04:00",
      "2026-11-02T09:00:00.000-05:00",
      "2026-11-04T09:00:00.000-05:00",
    ],
  },
  {
    name: "America/New_York across the spring change (EST → EDT on 2026-03-08)",
    zone: "America/New_York",
    monday: "2026-03-02",
    starts: [
      "2026-03-02T09:00:00.000-05:00",
      "2026-03-04T09:00:00.000-05:00",
      "2026-03-09T09:00:00.000-04:00",
      "2026-03-11T09:00:00.000-04:00",
    ],
  },
  {
    name: "Europe/London across the spring change (GMT → BST on 2026-03-29)",
    zone: "Europe/London",
    monday: "2026-03-23",
    starts: [
      "2026-03-23T09:00:00.000+00:00",
      "2026-03-25T09:00:00.000+00:00",
      "2026-03-30T09:00:00.000+01:00",
      "2026-04-01T09:00:00.000+01:00",
    ],
  },
  {
    name: "Europe/London across the autumn change (BST → GMT on 2026-10-25)",
    zone: "Europe/London",
    monday: "2026-10-19",
    starts: [
      "2026-10-19T09:00:00.000+01:00",
      "2026-10-21T09:00:00.000+01:00",
      "2026-10-26T09:00:00.000+00:00",
      "2026-10-28T09:00:00.000+00:00",
    ],
  },
  {
    name: "Australia/Lord_Howe across its 30-minute change (+11:00 → +10:30 on 2026-04-05)",
    zone: "Australia/Lord_Howe",
    monday: "2026-03-30",
    starts: [
      "2026-03-30T09:00:00.000+11:00",
      "2026-04-01T09:00:00.000+11:00",
      "2026-04-06T09:00:00.000+10:30",
      "2026-04-08T09:00:00.000+10:30",
    ],
  },
  {
    name: "Asia/Kolkata: no DST, +05:30 all year",
    zone: "Asia/Kolkata",
    monday: "2026-03-02",
    starts: [
      "2026-03-02T09:00:00.000+05:30",
      "2026-03-04T09:00:00.000+05:30",
      "2026-03-09T09:00:00.000+05:30",
      "2026-03-11T09:00:00.000+05:30",
    ],
  },
  {
    name: "Australia/Sydney, southern hemisphere: AEST +10:00 → AEDT +11:00 on 2026-10-04",
    zone: "Australia/Sydney",
    monday: "2026-09-28",
    starts: [
      "2026-09-28T09:00:00.000+10:00",
      "2026-09-30T09:00:00.000+10:00",
      "2026-10-05T09:00:00.000+11:00",
      "2026-10-07T09:00:00.000+11:00",
    ],
  },
];

describe("planSchedule: a hand-computed fortnight in each zone (DOMAIN.md; tz database offsets)", () => {
  it.each(FORTNIGHTS)("$name", ({ zone, monday, starts }) => {
    const program = defineProgram(tiny(zone));
    const s = planSchedule({
      program,
      enrollments: [enrol("p-1", monday)],
      from: monday,
      weeks: 2,
      seed: 1,
    });
    expect(startsOf(s)).toEqual(starts);
  });
});

describe("planSchedule behaviour", () => {
  const program = defineProgram(tiny("America/Chicago", { groupCapacity: 12 }));

  it("opens a second group, with its own facilitator, when the first is full (S3; seed 001: groups of 10–12)", () => {
    const enrollments = Array.from({ length: 13 }, (_, i) => enrol(`p-${i + 1}`, "2026-03-02"));
    const staff = ["t-1", "t-2"].map((id) =>
      parseStaff({
        id,
        roles: ["therapist"],
        availability: ([1, 2, 3, 4, 5] as const).map((weekday) => ({
          weekday,
          from: "08:00",
          to: "18:00",
        })),
      }),
    );
    const s = planSchedule({ program, enrollments, staff, from: "2026-03-02", weeks: 1, seed: 1 });
    expect(s.groups.map((g) => [g.id, g.members.length, g.facilitatorId])).toEqual([
      ["only.all.g1", 12, "t-1"],
      ["only.all.g2", 1, "t-2"],
    ]);
    expect(checkSchedule(s, { program, enrollments, staff })).toEqual([]);
  });

  it("merges a group that people have left into another with room (groupMinimum; seed 001: groups of 10–12)", () => {
    const program4 = defineProgram(tiny("America/Chicago", { groupCapacity: 4, groupMinimum: 3 }));
    const enrollments = [
      enrol("p-1", "2026-03-02", { end: "2026-03-20" }),
      enrol("p-2", "2026-03-02", { end: "2026-03-20" }),
      enrol("p-3", "2026-03-02"),
      enrol("p-4", "2026-03-02"),
      enrol("p-5", "2026-03-09"),
      enrol("p-6", "2026-03-09"),
    ];
    const s = planSchedule({
      program: program4,
      enrollments,
      from: "2026-03-02",
      weeks: 4,
      seed: 1,
    });
    const groupSessions = (date: string) =>
      s.sessions
        .filter((x) => x.groupId !== undefined && x.start.startsWith(date))
        .map((x) => [x.groupId, x.participantIds.join(" ")]);
    // Week 2: the first group is full, so the second meets with the two newcomers.
    expect(groupSessions("2026-03-16")).toEqual([
      ["only.all.g1", "p-1 p-2 p-3 p-4"],
      ["only.all.g2", "p-5 p-6"],
    ]);
    // Week 4: two have left the first group; the newer group's members join the older one.
    expect(groupSessions("2026-03-23")).toEqual([["only.all.g1", "p-3 p-4 p-5 p-6"]]);
    expect(s.groups.find((g) => g.id === "only.all.g2")?.members).toEqual([
      { participantId: "p-5", from: "2026-03-09", to: "2026-03-22" },
      { participantId: "p-6", from: "2026-03-09", to: "2026-03-22" },
    ]);
    expect(checkSchedule(s, { program: program4, enrollments })).toEqual([]);
    // groupMinimum 1 keeps the groups apart.
    const apart = planSchedule({
      program: defineProgram(tiny("America/Chicago", { groupCapacity: 4, groupMinimum: 1 })),
      enrollments,
      from: "2026-03-02",
      weeks: 4,
      seed: 1,
    });
    expect(
      apart.sessions.filter((x) => x.groupId !== undefined && x.start.startsWith("2026-03-23"))
        .length,
    ).toBe(2);
  });

  it("lets groups roll: a place freed by someone leaving is taken by the next to join", () => {
    const small = defineProgram(tiny("America/Chicago", { groupCapacity: 2 }));
    const enrollments = [
      enrol("p-a", "2026-03-02", { end: "2026-03-08" }),
      enrol("p-b", "2026-03-02"),
      enrol("p-c", "2026-03-09"),
    ];
    const s = planSchedule({ program: small, enrollments, from: "2026-03-02", weeks: 2, seed: 1 });
    expect(s.groups).toHaveLength(1);
    expect(s.groups[0]?.members.map((m) => [m.participantId, m.from, m.to])).toEqual([
      ["p-a", "2026-03-02", "2026-03-08"],
      ["p-b", "2026-03-02", "2026-03-15"],
      ["p-c", "2026-03-09", "2026-03-15"],
    ]);
  });

  it("drops sessions on a closure and makes them up the same week at the same time", () => {
    const closed = defineProgram(tiny("America/Chicago", { closures: ["2026-03-04"] }));
    const s = planSchedule({
      program: closed,
      enrollments: [enrol("p-1", "2026-03-02")],
      from: "2026-03-02",
      weeks: 1,
      seed: 1,
    });
    const groups = s.sessions.filter((x) => x.sessionType === "group-therapy");
    expect(groups.map((x) => [x.start, x.makeUp ?? false])).toEqual([
      ["2026-03-02T09:00:00.000-06:00", false],
      ["2026-03-05T09:00:00.000-06:00", true],
    ]);
    expect(s.shortfalls).toEqual([]);
  });

  it("reports a closure it cannot make up as a shortfall with its cause", () => {
    const closed = defineProgram(
      tiny("America/Chicago", {
        closures: ["2026-03-04"],
        operatingHours: ([1, 3] as const).map((weekday) => ({
          weekday,
          open: "08:00",
          close: "18:00",
        })),
      }),
    );
    const s = planSchedule({
      program: closed,
      enrollments: [enrol("p-1", "2026-03-02")],
      from: "2026-03-02",
      weeks: 1,
      seed: 1,
    });
    expect(s.shortfalls.map((f) => [f.invariant, f.code, f.isoWeek])).toEqual([
      ["S5", "closure", "2026-W10"],
    ]);
  });

  it("returns everyone it cannot place, with a reason (S13)", () => {
    const tracked = programTemplates.substanceUseAdult({ timeZone: "America/Chicago" });
    const days = ([1, 2, 3, 4, 5] as const).map((weekday) => ({
      weekday,
      from: "07:00",
      to: "22:00",
    }));
    const enrollments = [
      enrol("p-busy", "2026-03-02", {}, { unavailable: days }),
      enrol("p-dup", "2026-03-02"),
      enrol("p-dup", "2026-03-02"),
      enrol("p-track", "2026-03-02", { track: "afternoon" }),
      enrol(
        "p-evening",
        "2026-03-02",
        { track: "evening" },
        { unavailable: [{ weekday: 1, from: "17:00", to: "22:00" }] },
      ),
      enrol("p-phase", "2026-03-02", { startPhase: "maintenance" }),
      enrol("p-later", "2027-06-01"),
    ];
    const s = planSchedule({
      program: tracked,
      enrollments,
      from: "2026-03-02",
      weeks: 2,
      seed: 1,
    });
    expect(s.unschedulable.map((u) => [u.participantId, u.code])).toEqual([
      ["p-busy", "no-track-fits"],
      ["p-dup", "duplicate-participant"],
      ["p-track", "unknown-track"],
      ["p-evening", "track-conflicts-availability"],
      ["p-phase", "unknown-phase"],
      ["p-later", "outside-window"],
    ]);
    const noPrescriber = planSchedule({
      program: tracked,
      enrollments: [
        enrol(
          "p-meds",
          "2026-03-02",
          {},
          { medications: [{ name: "buprenorphine", purpose: "addiction" }] },
        ),
      ],
      staff: [parseStaff({ id: "t-1", roles: ["therapist", "collector"], availability: [] })],
      from: "2026-03-02",
      weeks: 1,
      seed: 1,
    });
    expect(noPrescriber.unschedulable.map((u) => u.code)).toEqual(["no-staff-role"]);
  });

  it("puts people who work days on the evening track (seeds 001, 003)", () => {
    const tracked = programTemplates.substanceUseAdult({ timeZone: "America/Chicago" });
    const works = ([1, 2, 3, 4, 5] as const).map((weekday) => ({
      weekday,
      from: "08:00",
      to: "17:00",
    }));
    const s = planSchedule({
      program: tracked,
      enrollments: [enrol("p-1", "2026-03-02", {}, { unavailable: works })],
      from: "2026-03-02",
      weeks: 1,
      seed: 1,
    });
    expect(new Set(s.sessions.filter((x) => x.groupId !== undefined).map((x) => x.track))).toEqual(
      new Set(["evening"]),
    );
    expect(s.sessions.every((x) => x.start.slice(11, 16) >= "17:00")).toBe(true);
  });

  it("keeps someone whose phase is extended in the same group (one stay, not two)", () => {
    const tracked = programTemplates.substanceUseAdult({ timeZone: "America/Chicago" });
    const path: EnrollmentInput["path"] = [
      { phaseId: "intensive", from: "2026-03-02", reason: "admission" },
      { phaseId: "intensive", from: "2026-03-30", reason: "extension" },
      { phaseId: "step-down", from: "2026-04-13", reason: "step-down" },
    ];
    const extended = enrol("p-1", "2026-03-02", { path, track: "morning" });
    const others = ["p-2", "p-3", "p-4"].map((id) => enrol(id, "2026-03-02", { track: "morning" }));
    const s = planSchedule({
      program: tracked,
      enrollments: [extended, ...others],
      from: "2026-03-02",
      weeks: 8,
      seed: 1,
    });
    const stays = s.groups.flatMap((g) =>
      g.members.filter((m) => m.participantId === "p-1").map((m) => [g.phaseId, m.from, m.to]),
    );
    expect(stays).toEqual([
      ["intensive", "2026-03-02", "2026-04-12"],
      ["step-down", "2026-04-13", "2026-04-26"],
    ]);
    expect(checkSchedule(s, { program: tracked, enrollments: [extended, ...others] })).toEqual([]);
  });

  it("admits straight into a later phase when asked (a step-down admission)", () => {
    const tracked = programTemplates.substanceUseAdult({ timeZone: "America/Chicago" });
    const e = enrol("p-1", "2026-03-02", { startPhase: "step-down" });
    expect(plannedPath(tracked, e).map((p) => [p.phaseId, p.from, p.to])).toEqual([
      ["step-down", "2026-03-02", "2026-03-29"],
      ["transition", "2026-03-30", "2026-04-26"],
    ]);
    const s = planSchedule({
      program: tracked,
      enrollments: [e],
      from: "2026-03-02",
      weeks: 1,
      seed: 1,
    });
    expect(new Set(s.sessions.map((x) => x.phaseId))).toEqual(new Set(["step-down"]));
  });

  it("keeps one therapist for a participant's individual sessions when they are free", () => {
    const staff = ["t-1", "t-2", "t-3"].map((id) =>
      parseStaff({
        id,
        roles: ["therapist"],
        availability: ([1, 2, 3, 4, 5] as const).map((weekday) => ({
          weekday,
          from: "08:00",
          to: "18:00",
        })),
      }),
    );
    const s = planSchedule({
      program,
      enrollments: [enrol("p-1", "2026-03-02"), enrol("p-2", "2026-03-02")],
      staff,
      from: "2026-03-02",
      weeks: 4,
      seed: 1,
    });
    for (const id of ["p-1", "p-2"]) {
      const therapists = new Set(
        s.sessions
          .filter(
            (x) => x.sessionType === "individual-therapy" && x.participantIds.includes(id as never),
          )
          .flatMap((x) => x.staffIds),
      );
      expect(therapists.size).toBe(1);
    }
  });

  it("plans without a staff list, leaving staffIds empty, so apps can plan first and staff later", () => {
    const s = planSchedule({
      program,
      enrollments: [enrol("p-1", "2026-03-02")],
      from: "2026-03-02",
      weeks: 1,
      seed: 1,
    });
    expect(s.sessions.every((x) => x.staffIds.length === 0)).toBe(true);
    expect(s.sessions.map((x) => x.sessionType)).toEqual([
      "group-therapy",
      "individual-therapy",
      "group-therapy",
    ]);
  });

  it("refuses windows and seeds it cannot honour, with IopError naming the option", () => {
    const base = { program, enrollments: [], from: "2026-03-02", weeks: 1, seed: 1 };
    expect(() => planSchedule({ ...base, weeks: 105 })).toThrow(IopError);
    expect(() => planSchedule({ ...base, weeks: 105 })).toThrow(
      /weeks must be a whole number from 1 to 104/,
    );
    expect(() => planSchedule({ ...base, seed: 0.5 })).toThrow(IopError);
    expect(() => planSchedule({ ...base, from: "2026-02-30" })).toThrow(IopError);
  });
});

describe("planSchedule re-planning from a date (keep)", () => {
  const program = programTemplates.substanceUseAdult({ timeZone: "America/New_York" });
  const window = { from: "2026-10-19", weeks: 6, seed: 3 } as const;
  const people = ["p-1", "p-2", "p-3", "p-4"].map((id) =>
    enrol(id, "2026-10-19", { track: "morning" }),
  );
  const first = planSchedule({ program, enrollments: people, ...window });
  const dayOf = (s: { start: string }): string => s.start.slice(0, 10); // the zone's offset is in the instant
  const before = (s: Schedule, day: string) => s.sessions.filter((x) => dayOf(x) < day);
  const monday = "2026-11-09"; // week 4: the intensive phase's last planned week
  it("keeps what was held before the date and plans the new course from it (a step-down after a case conference)", () => {
    const stepped = parseEnrollment({
      participant: parseParticipant(person("p-1")),
      start: "2026-10-19",
      track: "morning",
      path: [
        { phaseId: "intensive", from: "2026-10-19", reason: "admission" },
        { phaseId: "step-down", from: monday, reason: "step-down" },
      ],
    });
    const enrollments = [stepped, ...people.slice(1)];
    const next = planSchedule({
      program,
      enrollments,
      ...window,
      keep: { before: monday, sessions: first.sessions },
    });
    expect(before(next, monday)).toEqual(before(first, monday));
    const mine = next.sessions.filter((s) => s.participantIds.includes("p-1" as never));
    expect(
      new Set(
        mine.filter((s) => dayOf(s) >= monday && s.phaseId !== undefined).map((s) => s.phaseId),
      ),
    ).not.toContain("intensive");
    expect(mine.some((s) => dayOf(s) >= monday && s.phaseId === "step-down")).toBe(true);
    assertScheduleInvariants(next, { program, enrollments });
  });

  it("counts a kept one-to-one and drug test toward their block and week, and adds none before the date", () => {
    const wednesday = "2026-11-11";
    const next = planSchedule({
      program,
      enrollments: people,
      ...window,
      keep: { before: wednesday, sessions: first.sessions },
    });
    expect(before(next, wednesday)).toEqual(before(first, wednesday));
    for (const id of ["p-1", "p-2", "p-3", "p-4"]) {
      const week = next.sessions.filter(
        (s) =>
          s.participantIds.includes(id as never) && dayOf(s) >= monday && dayOf(s) < "2026-11-16",
      );
      // Intensive: one individual session a week, 1–2 drug tests (templates.ts; DOMAIN.md).
      expect(week.filter((s) => s.sessionType === "individual-therapy")).toHaveLength(1);
      const tests = week.filter((s) => s.sessionType === "drug-test").length;
      expect(tests).toBeGreaterThanOrEqual(1);
      expect(tests).toBeLessThanOrEqual(2);
    }
    assertScheduleInvariants(next, { program, enrollments: people });
  });

  it("reports a past week the kept sessions leave short (a cancelled individual session) instead of planning into the past", () => {
    const cancelled = first.sessions.find(
      (s) => s.sessionType === "individual-therapy" && s.participantIds.includes("p-2" as never),
    );
    expect(cancelled).toBeDefined();
    const kept = first.sessions.filter((s) => s !== cancelled);
    const next = planSchedule({
      program,
      enrollments: people,
      ...window,
      keep: { before: monday, sessions: kept },
    });
    expect(next.sessions.map((s) => s.id)).not.toContain(cancelled?.id);
    expect(next.shortfalls).toContainEqual(
      expect.objectContaining({ invariant: "S8", code: "kept-sessions", participantId: "p-2" }),
    );
    assertScheduleInvariants(next, { program, enrollments: people });
  });

  it("takes a participant discharged before the date off the kept sessions after their end, and says so (S6)", () => {
    // The discharge is recorded late: p-1 left on Tuesday 2026-11-03, the re-plan is from Monday 11-09.
    const left = enrol("p-1", "2026-10-19", { track: "morning", end: "2026-11-03" });
    const enrollments = [left, ...people.slice(1)];
    const next = planSchedule({
      program,
      enrollments,
      ...window,
      keep: { before: monday, sessions: first.sessions },
    });
    const wasAfterEnd = before(first, monday).filter(
      (s) => dayOf(s) > "2026-11-03" && s.participantIds.includes("p-1" as never),
    );
    expect(wasAfterEnd.length).toBeGreaterThan(0);
    const reported = next.shortfalls.filter((f) => f.code === "kept-outside-enrolment");
    expect(reported).toEqual(
      wasAfterEnd.map((s) => ({
        invariant: "S6",
        code: "kept-outside-enrolment",
        participantId: "p-1",
        isoWeek: "2026-W45",
        phaseId: "intensive",
        message: `kept session ${s.id} of phase "intensive" on ${dayOf(s)} listed them while they were outside their enrolment: they are taken off its roster`,
      })),
    );
    const byId = new Map(next.sessions.map((s) => [s.id, s]));
    for (const s of wasAfterEnd) {
      const now = byId.get(s.id);
      // A group keeps the others; p-1's own drug test or one-to-one is not kept.
      if (s.participantIds.length === 1) expect(now).toBeUndefined();
      else expect(now?.participantIds).toEqual(s.participantIds.filter((id) => id !== "p-1"));
    }
    // Up to the discharge day, nothing changed.
    const upTo = (s: Schedule) => before(s, "2026-11-04");
    expect(upTo(next)).toEqual(upTo(first));
    assertScheduleInvariants(next, { program, enrollments });
  });

  it("takes someone no longer enrolled off every kept session, and a backdated step-down off the old phase's sessions", () => {
    const stepped = enrol("p-2", "2026-10-19", {
      track: "morning",
      path: [
        { phaseId: "intensive", from: "2026-10-19", reason: "admission" },
        { phaseId: "step-down", from: "2026-11-05", reason: "step-down" },
      ],
    });
    const enrollments = [stepped, ...people.slice(2)];
    const next = planSchedule({
      program,
      enrollments,
      ...window,
      keep: { before: monday, sessions: first.sessions },
    });
    const mine = (id: string) =>
      before(next, monday).filter((s) => s.participantIds.includes(id as never));
    expect(mine("p-1")).toEqual([]);
    expect(
      mine("p-2").filter((s) => dayOf(s) >= "2026-11-05" && s.phaseId === "intensive"),
    ).toEqual([]);
    const reported = next.shortfalls.filter((f) => f.code === "kept-outside-enrolment");
    expect(new Set(reported.map((f) => f.participantId))).toEqual(new Set(["p-1", "p-2"]));
    const p2 = reported.filter((f) => f.participantId === "p-2");
    expect(p2.length).toBeGreaterThan(0);
    for (const f of p2)
      expect(f.message).toContain('while they were in phase "step-down" by their enrolment');
    assertScheduleInvariants(next, { program, enrollments });
  });

  it("refuses a keep date that is not a calendar date, naming keep.before", () => {
    const bad = () =>
      planSchedule({
        program,
        enrollments: people,
        ...window,
        keep: { before: "2026-11-31", sessions: [] },
      });
    expect(bad).toThrow(IopError);
    try {
      bad();
    } catch (e) {
      expect((e as IopError).issues.map((i) => i.path)).toEqual([["keep", "before"]]);
    }
  });
});
