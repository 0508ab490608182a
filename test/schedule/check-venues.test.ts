// checkSchedule at the edge of S14 (rooms), S15 (staff limits, breaks, travel) and S16 (delivery
// modes): a sound hand-built week, then one change on each boundary (no violation) and one a step
// past it (the exact violation: code, sessions, room, staff member or participant). The limits are
// the test program's and staff's own, chosen small; the invariants are iopkit's (scheduling guide).
import { describe, expect, it } from "vitest";
import {
  checkSchedule,
  defineProgram,
  parseEnrollment,
  parseParticipant,
  parseStaff,
  zonedInstant,
  type Enrollment,
  type ParticipantInput,
  type ScheduledSession,
  type SessionDeliveryMode,
  type StaffInput,
  type Violation,
} from "iopkit";
import { person } from "../people";

const zone = "America/Chicago";
const at = (time: string, date = "2027-01-04"): string => zonedInstant(date, time, zone);
const exit = {
  minWeeks: 1,
  minAttendanceRate: 0.8,
  negativeTestsInARow: 0,
  requiresClinicianSignOff: false,
};
const program = defineProgram({
  id: "venues",
  name: "Venues",
  levelOfCare: "outpatient",
  population: "adult",
  conditionsServed: ["substance-use"],
  timeZone: zone,
  operatingHours: ([1, 2, 3, 4, 5] as const).map((weekday) => ({
    weekday,
    open: "08:00",
    close: "20:00",
  })),
  phases: [
    {
      id: "a",
      name: "A",
      hoursPerWeek: { min: 0, max: 8 },
      weeks: { min: 1, max: 1 },
      pattern: [
        {
          sessionType: "group-therapy",
          weekday: 1,
          start: "09:00",
          durationMinutes: 60,
          deliveryModes: ["in-person"],
        },
        {
          sessionType: "group-therapy",
          weekday: 1,
          start: "18:00",
          durationMinutes: 60,
          deliveryModes: ["video", "in-person"],
        },
      ],
      individualEveryWeeks: 1,
      drugTestsPerWeek: { min: 0, max: 1 },
      exitCriteria: exit,
      deliveryModes: ["in-person", "video", "phone"],
    },
  ],
  lengthWeeks: { min: 1, max: 1 },
  rooms: [
    { id: "g1", name: "Group 1", kind: "group-room", capacity: 3, site: "north" },
    { id: "o1", name: "Office 1", kind: "office", capacity: 2, site: "north" },
    { id: "o2", name: "Office 2", kind: "office", capacity: 2, site: "south" },
    { id: "r1", name: "Restroom", kind: "collection-restroom", capacity: 2, site: "north" },
  ],
  siteTravelMinutes: 30,
  placeOfService: "57",
});
const staffWith = (limits: Partial<StaffInput> = {}) => [
  parseStaff({
    id: "s-1",
    roles: ["therapist", "counsellor", "collector"],
    availability: ([1, 2, 3, 4, 5] as const).map((weekday) => ({
      weekday,
      from: "08:00",
      to: "20:00",
    })),
    ...limits,
  }),
];
const enrol = (id: string, p: Partial<ParticipantInput> = {}): Enrollment =>
  parseEnrollment({ participant: parseParticipant(person(id, p)), start: "2027-01-04" });
const video = { telehealth: { device: "video", privateSpace: true } } as const;

interface Draft {
  readonly id: string;
  readonly type?: ScheduledSession["sessionType"];
  readonly from: string;
  readonly to: string;
  readonly who?: readonly string[];
  readonly staff?: readonly string[];
  readonly room?: string | undefined;
  readonly mode?: SessionDeliveryMode;
  readonly remote?: readonly string[];
  readonly entry?: number;
  readonly date?: string;
}
const session = (d: Draft): ScheduledSession =>
  ({
    formatVersion: 2,
    id: d.id,
    sessionType: d.type ?? "individual-therapy",
    start: at(d.from, d.date),
    end: at(d.to, d.date),
    participantIds: d.who ?? ["p-a"],
    staffIds: d.staff ?? ["s-1"],
    phaseId: "a",
    ...(d.entry === undefined ? {} : { patternEntry: d.entry }),
    ...(d.room === undefined ? {} : { roomId: d.room }),
    ...(d.mode === undefined ? {} : { deliveryMode: d.mode }),
    ...(d.remote === undefined ? {} : { remoteParticipantIds: d.remote }),
  }) as unknown as ScheduledSession;
const check = (
  sessions: readonly Draft[],
  code: Violation["code"],
  options: { people?: readonly Enrollment[]; limits?: Partial<StaffInput> } = {},
): Violation[] =>
  checkSchedule(
    {
      formatVersion: 2,
      window: { from: "2027-01-04", weeks: 1 },
      sessions: sessions.map(session),
      groups: [],
      unschedulable: [],
      shortfalls: [],
    },
    {
      program,
      enrollments: options.people ?? [enrol("p-a"), enrol("p-b"), enrol("p-c")],
      staff: staffWith(options.limits),
    },
  ).filter((v) => v.code === code);
const groupAt9 = (who: readonly string[], room = "g1", extra: Partial<Draft> = {}): Draft => ({
  id: "g",
  type: "group-therapy",
  from: "09:00",
  to: "10:00",
  who,
  room,
  entry: 0,
  ...extra,
});

describe("S14: every in-person session in a free room of its kind and size", () => {
  it("a sound week has no S14 breach; video sessions need no room", () => {
    const week: Draft[] = [
      groupAt9(["p-a", "p-b"]),
      { id: "i", from: "10:00", to: "11:00", room: "o1" },
      { id: "v", from: "12:00", to: "13:00", mode: "video", who: ["p-b"] },
    ];
    expect(check(week, "S14", { people: [enrol("p-a"), enrol("p-b", video)] })).toEqual([]);
  });
  it("an in-person session without a room, or in a room the program lacks, is a breach", () => {
    expect(check([{ id: "i", from: "10:00", to: "11:00" }], "S14")).toEqual([
      expect.objectContaining({ code: "S14", sessionIds: ["i"] }),
    ]);
    expect(check([{ id: "i", from: "10:00", to: "11:00", room: "o9" }], "S14")).toEqual([
      expect.objectContaining({ code: "S14", sessionIds: ["i"], roomId: "o9" }),
    ]);
  });
  it("a room of another kind is a breach", () => {
    expect(check([{ id: "i", from: "10:00", to: "11:00", room: "g1" }], "S14")).toEqual([
      expect.objectContaining({
        code: "S14",
        sessionIds: ["i"],
        roomId: "g1",
        message: expect.stringContaining("needs a office") as string,
      }),
    ]);
  });
  it("capacity 3 holds two participants and their staff member; a third participant is one too many", () => {
    expect(check([groupAt9(["p-a", "p-b"])], "S14")).toEqual([]);
    expect(check([groupAt9(["p-a", "p-b", "p-c"])], "S14")).toEqual([
      expect.objectContaining({
        code: "S14",
        sessionIds: ["g"],
        roomId: "g1",
        message: expect.stringContaining("puts 4 people") as string,
      }),
    ]);
  });
  it("a hybrid group counts only those in the room", () => {
    const people = [enrol("p-a"), enrol("p-b"), enrol("p-c", video)];
    const hybrid = groupAt9(["p-a", "p-b", "p-c"], "g1", { mode: "hybrid", remote: ["p-c"] });
    expect(check([hybrid], "S14", { people })).toEqual([]);
  });
  it("back-to-back sessions share a room; one minute of overlap is a breach naming both", () => {
    const first: Draft = { id: "i1", from: "10:00", to: "11:00", room: "o1", staff: [] };
    const touching: Draft = { id: "i2", from: "11:00", to: "12:00", room: "o1", who: ["p-b"] };
    const clash: Draft = { ...touching, from: "10:59" };
    expect(check([first, touching], "S14")).toEqual([]);
    expect(check([first, clash], "S14")).toEqual([
      expect.objectContaining({ code: "S14", sessionIds: ["i1", "i2"], roomId: "o1" }),
    ]);
  });
  it("a program without rooms checks none", () => {
    const bare = defineProgram({ ...program, rooms: undefined });
    const v = checkSchedule(
      {
        formatVersion: 2,
        window: { from: "2027-01-04", weeks: 1 },
        sessions: [session({ id: "i", from: "10:00", to: "11:00" })],
        groups: [],
        unschedulable: [],
        shortfalls: [],
      },
      { program: bare, enrollments: [enrol("p-a")], staff: staffWith() },
    );
    expect(v.filter((x) => x.code === "S14")).toEqual([]);
  });
});

describe("S15: staff within their hours, breaks and travel", () => {
  const hour = (id: string, from: string, to: string, date?: string): Draft => ({
    id,
    from,
    to,
    room: "o1",
    ...(date === undefined ? {} : { date }),
  });
  it("3 h in a day meets a 3-hour day; 3 h 1 min breaks it", () => {
    const day = [hour("i1", "09:00", "10:00"), hour("i2", "10:00", "11:00")];
    const limits = { maxHoursPerDay: 3 };
    expect(check([...day, hour("i3", "11:00", "12:00")], "S15", { limits })).toEqual([]);
    expect(check([...day, hour("i3", "11:00", "12:01")], "S15", { limits })).toEqual([
      expect.objectContaining({
        code: "S15",
        sessionIds: ["i1", "i2", "i3"],
        staffId: "s-1",
        isoWeek: "2027-W01",
        message: expect.stringContaining("3.02 h of sessions on 2027-01-04") as string,
      }),
    ]);
  });
  it("5 h in a week meets a 5-hour week; 5 h 1 min breaks it", () => {
    const days = ["2027-01-04", "2027-01-05", "2027-01-06", "2027-01-07"];
    const week = days.map((d, k) => hour(`i${k}`, "09:00", "10:00", d));
    const limits = { maxHoursPerWeek: 5 };
    expect(check([...week, hour("i9", "09:00", "10:00", "2027-01-08")], "S15", { limits })).toEqual(
      [],
    );
    expect(check([...week, hour("i9", "09:00", "10:01", "2027-01-08")], "S15", { limits })).toEqual(
      [
        expect.objectContaining({
          code: "S15",
          sessionIds: ["i0", "i1", "i2", "i3", "i9"],
          staffId: "s-1",
          isoWeek: "2027-W01",
        }),
      ],
    );
  });
  it("a 15-minute gap keeps a 15-minute break; 14 minutes does not", () => {
    const limits = { minBreakMinutes: 15 };
    const first = hour("i1", "09:00", "10:00");
    expect(check([first, hour("i2", "10:15", "11:00")], "S15", { limits })).toEqual([]);
    expect(check([first, hour("i2", "10:14", "11:00")], "S15", { limits })).toEqual([
      expect.objectContaining({ code: "S15", sessionIds: ["i1", "i2"], staffId: "s-1" }),
    ]);
  });
  it("between sites 30 minutes apart, 30 minutes is enough and 29 is not; the same site needs none", () => {
    const north = hour("i1", "09:00", "10:00");
    const south = (from: string): Draft => ({ id: "i2", from, to: "11:30", room: "o2" });
    expect(check([north, south("10:30")], "S15")).toEqual([]);
    expect(check([north, south("10:29")], "S15")).toEqual([
      expect.objectContaining({
        code: "S15",
        sessionIds: ["i1", "i2"],
        staffId: "s-1",
        message: expect.stringContaining("29 minutes to get from north to south") as string,
      }),
    ]);
    expect(check([north, { id: "i2", from: "10:00", to: "11:00", room: "r1" }], "S15")).toEqual([]);
  });
  it("a video session in between does not move the staff member: travel counts from the last room", () => {
    const north = hour("i1", "09:00", "10:00");
    const remote: Draft = { id: "v", from: "10:00", to: "10:20", mode: "video", who: ["p-b"] };
    const south: Draft = { id: "i2", from: "10:30", to: "11:30", room: "o2" };
    const people = [enrol("p-a"), enrol("p-b", video)];
    expect(check([north, remote, south], "S15", { people })).toEqual([]);
    expect(check([north, remote, { ...south, from: "10:29" }], "S15", { people })).toEqual([
      expect.objectContaining({ code: "S15", sessionIds: ["i1", "i2"], staffId: "s-1" }),
    ]);
  });
});

describe("S16: each session's mode allowed, each participant's mode usable", () => {
  const people = [
    enrol("p-a"),
    enrol("p-b", video),
    enrol("p-c", { telehealth: { device: "phone", privateSpace: true } }),
    enrol("p-d", { telehealth: { device: "video", privateSpace: false } }),
  ];
  const oneToOne = (who: string, mode: SessionDeliveryMode, type = "individual-therapy" as const) =>
    ({ id: "x", type, from: "10:00", to: "11:00", who: [who], mode }) as Draft;
  it("video with a camera and a private place, phone with a phone, in person for anyone", () => {
    for (const d of [
      oneToOne("p-b", "video"),
      oneToOne("p-c", "phone"),
      oneToOne("p-a", "in-person"),
    ])
      expect(
        check([{ ...d, ...(d.mode === "in-person" ? { room: "o1" } : {}) }], "S16", { people }),
      ).toEqual([]);
  });
  it("video without a private place, or without a camera, is a breach naming the participant", () => {
    for (const [who, mode] of [
      ["p-d", "video"],
      ["p-c", "video"],
      ["p-a", "phone"],
    ] as const)
      expect(check([oneToOne(who, mode)], "S16", { people })).toEqual([
        expect.objectContaining({ code: "S16", sessionIds: ["x"], participantId: who }),
      ]);
  });
  it("a drug test by video, or a group by phone, is a mode its type does not allow", () => {
    expect(check([oneToOne("p-b", "video", "drug-test" as never)], "S16", { people })).toEqual([
      expect.objectContaining({
        code: "S16",
        participantId: "p-b",
        message: expect.stringContaining("offered in-person") as string,
      }),
    ]);
    expect(
      check([groupAt9(["p-c"], "g1", { mode: "phone", room: undefined })], "S16", { people }),
    ).toEqual([expect.objectContaining({ code: "S16", participantId: "p-c" })]);
  });
  it("the morning entry is in person only; the evening entry offers video", () => {
    expect(check([groupAt9(["p-b"], "g1", { mode: "video" })], "S16", { people })).toEqual([
      expect.objectContaining({ code: "S16", sessionIds: ["g"], participantId: "p-b" }),
    ]);
    const evening = groupAt9(["p-b"], "g1", {
      mode: "video",
      from: "18:00",
      to: "19:00",
      entry: 1,
    });
    expect(check([evening], "S16", { people })).toEqual([]);
  });
  it("a hybrid group lists only its own participants as remote; other modes list none", () => {
    const base = { from: "18:00", to: "19:00", entry: 1 };
    const sound = groupAt9(["p-a", "p-b"], "g1", { ...base, mode: "hybrid", remote: ["p-b"] });
    expect(check([sound], "S16", { people })).toEqual([]);
    expect(
      check([{ ...sound, remote: ["p-c"] }], "S16", { people }).map((v) => v.participantId),
    ).toEqual(["p-c"]);
    expect(check([{ ...sound, mode: "in-person" }], "S16", { people })).toEqual([
      expect.objectContaining({
        code: "S16",
        sessionIds: ["g"],
        message: expect.stringContaining("only a hybrid session") as string,
      }),
    ]);
  });
});

describe("S12 counts only days the participant is on site in person", () => {
  const people = [enrol("p-a", video)];
  const test: Draft = { id: "t", type: "drug-test", from: "12:00", to: "12:15", room: "r1" };
  it("a test on a day with an in-person session is fine; with only a video one it is a breach", () => {
    const inPerson: Draft = { id: "i", from: "10:00", to: "11:00", room: "o1" };
    const site = check([inPerson, test], "S12", { people });
    const away = check([{ ...inPerson, mode: "video", room: undefined }, test], "S12", { people });
    expect(site.filter((v) => (v.sessionIds as string[]).includes("t"))).toEqual([]);
    expect(away.filter((v) => (v.sessionIds as string[]).includes("t"))).toEqual([
      expect.objectContaining({ code: "S12", sessionIds: ["t"], participantId: "p-a" }),
    ]);
  });
});
