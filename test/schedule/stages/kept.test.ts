// Stage 3, kept sessions (src/schedule/stages/kept.ts): a re-plan files the sessions before
// keep.before as they are, and books their people and staff.
import { describe, expect, it } from "vitest";
import { planSchedule, toEpochDay, type PlanScheduleOptions } from "iopkit";
import { onSite, typeCode, usualTime } from "../../../src/schedule/ledger";
import { bookKeptSessions } from "../../../src/schedule/stages/kept";
import { enrol, stateBefore, tinyProgram, worker, records } from "./helpers";

const base: PlanScheduleOptions = {
  program: tinyProgram(),
  enrollments: [enrol("p-1", "2026-03-02")],
  staff: [worker("t-1", ["therapist"])],
  from: "2026-03-02",
  weeks: 2,
  seed: 1,
};
const first = planSchedule(base);

describe("bookKeptSessions", () => {
  it("files every session that starts before keep.before, unchanged, and no later one", () => {
    const state = stateBefore(
      { ...base, keep: { before: "2026-03-09", sessions: first.sessions } },
      "Kept sessions",
    );
    bookKeptSessions(state);
    const kept = first.sessions.filter((s) => s.start < "2026-03-09");
    expect(kept.map((s) => s.sessionType)).toEqual([
      "group-therapy",
      "individual-therapy",
      "group-therapy",
    ]);
    expect(records(state)).toEqual(kept);
    // Copies: the result never shares an array with the caller's sessions.
    expect(records(state)[0]?.participantIds).not.toBe(kept[0]?.participantIds);
    expect(onSite(state.ledger, 0, toEpochDay("2026-03-02"))).toBe(true);
    expect(onSite(state.ledger, 0, toEpochDay("2026-03-03"))).toBe(false);
  });

  it("books the kept staff, keeps the group's facilitator and the participant's usual one-to-one time", () => {
    const state = stateBefore(
      { ...base, keep: { before: "2026-03-09", sessions: first.sessions } },
      "Kept sessions",
    );
    bookKeptSessions(state);
    expect(state.desk.staff[0]?.load).toBe(3);
    expect(state.groups[0]?.facilitator).toBe(0);
    // The individual session was Monday 12:00, right after the group.
    expect(
      usualTime(state.ledger, 0, typeCode("individual-therapy"), toEpochDay("2026-03-09")),
    ).toBe(12 * 60);
  });

  it("keeps nothing when keep.before is the window's first day, or when there is no keep", () => {
    for (const options of [
      { ...base, keep: { before: "2026-03-02", sessions: first.sessions } },
      base,
    ]) {
      const state = stateBefore(options, "Kept sessions");
      bookKeptSessions(state);
      expect(records(state)).toEqual([]);
      expect(state.desk.staff[0]?.load).toBe(0);
    }
  });

  it("files a kept session for the participants still enrolled that day, taking the others off its roster with an S6 shortfall", () => {
    const stranger = {
      ...first.sessions[0],
      participantIds: ["p-1", "gone"],
    } as (typeof first.sessions)[number];
    const state = stateBefore(
      { ...base, keep: { before: "2026-03-03", sessions: [stranger] } },
      "Kept sessions",
    );
    bookKeptSessions(state);
    expect(records(state).map((r) => r.participantIds)).toEqual([["p-1"]]);
    expect(state.ledger.attendances).toBe(1);
    expect(state.shortfalls).toEqual([
      expect.objectContaining({
        invariant: "S6",
        code: "kept-outside-enrolment",
        participantId: "gone",
        isoWeek: "2026-W10",
      }),
    ]);
  });
});
