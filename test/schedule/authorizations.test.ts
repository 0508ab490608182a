// S17: planSchedule reports the sessions no authorisation covers as "S17" shortfalls (the care
// stays planned), and checkSchedule reports each uncovered seat that no shortfall lists.
import { describe, expect, it } from "vitest";
import { checkSchedule, planSchedule, type Schedule } from "iopkit";
import { auth, base, IDS } from "../auth-fixtures";

/** The S17 shortfalls of a plan with these authorisations, as [code, week, session ids]. */
function s17(...auths: ReturnType<typeof auth>[]): [string, string, string, string[]][] {
  const schedule = planSchedule({ ...base, authorizations: auths });
  return schedule.shortfalls
    .filter((f) => f.invariant === "S17")
    .map((f) => [f.participantId, f.code, f.isoWeek, f.sessionIds ?? []]);
}

describe("planSchedule with authorizations (S17)", () => {
  it("the schedule it plans for p1 is the one these tests count on", () => {
    const schedule = planSchedule(base);
    expect(
      schedule.sessions.filter((s) => s.participantIds.includes("p1" as never)).map((s) => s.id),
    ).toEqual(Object.values(IDS));
  });

  it("without authorizations it plans exactly what it plans with none judged", () => {
    const plain = planSchedule(base);
    expect(planSchedule({ ...base, authorizations: [] })).toEqual(plain);
    // p2 has no authorisation: not judged, and p1's cover everything.
    expect(planSchedule({ ...base, authorizations: [auth()] })).toEqual(plain);
  });

  it("days: 3 of 4 days → the 4th day's session is units-exhausted; 4 and 5 cover all", () => {
    expect(s17(auth({ units: { of: "days", count: 3 } }))).toEqual([
      ["p1", "units-exhausted", "2026-W11", [IDS.wed2]],
    ]);
    expect(s17(auth({ units: { of: "days", count: 4 } }))).toEqual([]);
    expect(s17(auth({ units: { of: "days", count: 5 } }))).toEqual([]);
  });

  it("days count a day once: a group and an individual on one day take one unit", () => {
    expect(s17(auth({ units: { of: "days", count: 1 } }))).toEqual([
      ["p1", "units-exhausted", "2026-W10", [IDS.wed1]],
      ["p1", "units-exhausted", "2026-W11", [IDS.mon2, IDS.ind2, IDS.wed2]],
    ]);
  });

  it("sessions: 5 of 6 → the last is units-exhausted; 6 and 7 cover all", () => {
    expect(s17(auth({ units: { of: "sessions", count: 5 } }))).toEqual([
      ["p1", "units-exhausted", "2026-W11", [IDS.wed2]],
    ]);
    expect(s17(auth({ units: { of: "sessions", count: 6 } }))).toEqual([]);
    expect(s17(auth({ units: { of: "sessions", count: 7 } }))).toEqual([]);
  });

  it("hours: 13 of 14 → the last 3-h group is units-exhausted; 14 and 15 cover all", () => {
    expect(s17(auth({ units: { of: "hours", count: 13 } }))).toEqual([
      ["p1", "units-exhausted", "2026-W11", [IDS.wed2]],
    ]);
    expect(s17(auth({ units: { of: "hours", count: 14 } }))).toEqual([]);
    expect(s17(auth({ units: { of: "hours", count: 15 } }))).toEqual([]);
  });

  it("hours: a session is covered only whole — 10.5 h leave the 1-h individual of week 11 out, then the group", () => {
    expect(s17(auth({ units: { of: "hours", count: 10.5 } }))).toEqual([
      ["p1", "units-exhausted", "2026-W11", [IDS.ind2, IDS.wed2]],
    ]);
  });

  it("dates include both ends: to on the last session's day covers it, the day before does not", () => {
    expect(s17(auth({ to: "2026-03-11" }))).toEqual([]);
    expect(s17(auth({ to: "2026-03-10" }))).toEqual([
      ["p1", "not-authorized", "2026-W11", [IDS.wed2]],
    ]);
    expect(s17(auth({ from: "2026-03-02" }))).toEqual([]);
    expect(s17(auth({ from: "2026-03-03" }))).toEqual([
      ["p1", "not-authorized", "2026-W10", [IDS.mon1, IDS.ind1]],
    ]);
  });

  it("another level on the day is level-not-authorized (the authorised level is not the clinical one)", () => {
    expect(s17(auth({ level: "intensive-outpatient" }))).toEqual([
      ["p1", "level-not-authorized", "2026-W10", [IDS.mon1, IDS.ind1, IDS.wed1]],
      ["p1", "level-not-authorized", "2026-W11", [IDS.mon2, IDS.ind2, IDS.wed2]],
    ]);
  });

  it("the authorisation that ends first is used first, whatever the list order", () => {
    const long = auth({ id: "long", to: "2026-03-31", units: { of: "days", count: 2 } });
    const short = auth({ id: "short", to: "2026-03-06", units: { of: "days", count: 2 } });
    expect(s17(long, short)).toEqual([]);
    expect(s17(short, long)).toEqual([]);
  });

  it("the session stays planned and the shortfall names its phase and a sentence", () => {
    const schedule = planSchedule({ ...base, authorizations: [auth({ to: "2026-03-10" })] });
    expect(schedule.sessions.map((s) => s.id)).toContain(IDS.wed2);
    expect(schedule.shortfalls.filter((f) => f.invariant === "S17")).toEqual([
      {
        invariant: "S17",
        code: "not-authorized",
        participantId: "p1",
        isoWeek: "2026-W11",
        phaseId: "only",
        message:
          "1 session in 2026-W11 planned but not authorised: no authorisation covers the day",
        sessionIds: [IDS.wed2],
      },
    ]);
  });
});

describe("checkSchedule S17", () => {
  const authorizations = [auth({ units: { of: "sessions", count: 4 } })];
  const planned = planSchedule({ ...base, authorizations });
  const context = { ...base, authorizations };
  const s17Of = (s: Schedule) => checkSchedule(s, context).filter((v) => v.code === "S17");

  it("passes the planner's schedule, whose shortfalls report the uncovered sessions", () => {
    expect(planned.shortfalls.filter((f) => f.invariant === "S17")).toHaveLength(1);
    expect(checkSchedule(planned, context)).toEqual([]);
  });

  it("reports each uncovered seat once no shortfall lists it, with its session, person and week", () => {
    const bare = {
      ...planned,
      shortfalls: planned.shortfalls.filter((f) => f.invariant !== "S17"),
    };
    expect(s17Of(bare)).toEqual([
      {
        code: "S17",
        message: `session ${IDS.ind2} of p1 on 2026-03-09 is not authorised (the authorisation's units are used up) and no S17 shortfall reports it`,
        sessionIds: [IDS.ind2],
        participantId: "p1",
        isoWeek: "2026-W11",
      },
      {
        code: "S17",
        message: `session ${IDS.wed2} of p1 on 2026-03-11 is not authorised (the authorisation's units are used up) and no S17 shortfall reports it`,
        sessionIds: [IDS.wed2],
        participantId: "p1",
        isoWeek: "2026-W11",
      },
    ]);
  });

  it("a shortfall that lists one of the two sessions leaves the other reported", () => {
    const partial: Schedule = {
      ...planned,
      shortfalls: planned.shortfalls.map((f) =>
        f.invariant === "S17" ? { ...f, sessionIds: f.sessionIds?.slice(0, 1) } : f,
      ),
    };
    expect(s17Of(partial).map((v) => v.sessionIds)).toEqual([[IDS.wed2]]);
  });

  it("a shortfall of another participant or another invariant does not report the seat", () => {
    const other: Schedule = {
      ...planned,
      shortfalls: planned.shortfalls.map((f) =>
        f.invariant === "S17" ? { ...f, participantId: "p2" as never } : f,
      ),
    };
    expect(s17Of(other)).toHaveLength(2);
    const notS17: Schedule = {
      ...planned,
      shortfalls: planned.shortfalls.map((f) =>
        f.invariant === "S17" ? { ...f, invariant: "S5" as const } : f,
      ),
    };
    expect(s17Of(notS17)).toHaveLength(2);
  });

  it("is not checked without authorizations in the context", () => {
    const bare = { ...planned, shortfalls: [] };
    expect(checkSchedule(bare, base).filter((v) => v.code === "S17")).toEqual([]);
  });

  it("walks a hand-edited schedule in start order, whatever the list order", () => {
    const reversed = { ...planned, sessions: [...planned.sessions].reverse() };
    expect(s17Of(reversed)).toEqual([]);
  });
});
