// Stage 1, people (src/schedule/stages/people.ts): enrolments → people with their paths and tracks,
// or an unschedulable entry with a code.
import { describe, expect, it } from "vitest";
import { fromEpochDay, programTemplates } from "iopkit";
import { admitPeople } from "../../../src/schedule/stages/people";
import { enrol, freshState, tinyProgram, worker } from "./helpers";

const adult = programTemplates.substanceUseAdult({ timeZone: "America/New_York" });
const WORK_DAYS = ([1, 2, 3, 4, 5] as const).map((weekday) => ({
  weekday,
  from: "08:00",
  to: "17:00",
}));
const EVENINGS = ([1, 2, 3, 4, 5] as const).map((weekday) => ({
  weekday,
  from: "17:00",
  to: "22:00",
}));

describe("admitPeople", () => {
  it("clips each path to the window, keeping each phase's own first and last day, and the track", () => {
    const state = freshState({
      program: adult,
      enrollments: [enrol("p-1", "2026-10-05", {}, { unavailable: WORK_DAYS })],
      from: "2026-10-19",
      weeks: 4,
      seed: 1,
    });
    admitPeople(state);
    const spans = state.people[0]?.spans.map((s) => [
      s.phaseId,
      fromEpochDay(s.startDay),
      fromEpochDay(s.endDay),
      fromEpochDay(s.phaseStart),
      fromEpochDay(s.phaseEnd),
      s.track,
    ]);
    // The template's intensive phase is planned for 4 weeks (2026-10-05 to 11-01), then step-down;
    // the window (4 weeks from 10-19) ends before 11-16. Working days → the evening track (S9).
    expect(spans).toEqual([
      ["intensive", "2026-10-19", "2026-11-02", "2026-10-05", "2026-11-02", "evening"],
      ["step-down", "2026-11-02", "2026-11-16", "2026-11-02", "2026-11-30", "evening"],
    ]);
    expect(state.unschedulable).toEqual([]);
  });

  it("reports everyone it cannot place with a code, in enrolment order, and admits the rest in order", () => {
    const state = freshState({
      program: adult,
      enrollments: [
        enrol("a", "2026-10-19"),
        enrol("a", "2026-10-19"),
        enrol("b", "2026-10-19", { startPhase: "nope" }),
        enrol("c", "2026-10-19", { track: "weekend" }),
        enrol("d", "2026-10-19", { track: "evening" }, { unavailable: EVENINGS }),
        enrol("e", "2026-10-19", {}, { unavailable: [...WORK_DAYS, ...EVENINGS] }),
        enrol("f", "2027-06-01"),
        enrol("g", "2026-10-20"),
      ],
      from: "2026-10-19",
      weeks: 4,
      seed: 1,
    });
    admitPeople(state);
    expect(state.people.map((p) => [p.id, p.index])).toEqual([
      ["a", 0],
      ["g", 1],
    ]);
    expect(state.unschedulable.map((u) => [u.participantId, u.code])).toEqual([
      ["a", "duplicate-participant"],
      ["b", "unknown-phase"],
      ["c", "unknown-track"],
      ["d", "track-conflicts-availability"],
      ["e", "no-track-fits"],
      ["f", "outside-window"],
    ]);
    expect(state.unschedulable[1]?.message).toBe('the program has no phase "nope"');
  });

  it("with a staff list, refuses someone whose plan needs a role nobody has; without one, plans them", () => {
    const options = {
      program: tinyProgram(),
      enrollments: [
        enrol("plain", "2026-03-02"),
        enrol(
          "on-meds",
          "2026-03-02",
          {},
          { medications: [{ name: "sertraline", purpose: "psychiatric" as const }] },
        ),
      ],
      from: "2026-03-02",
      weeks: 2,
      seed: 1,
    };
    // The tiny program asks nothing of people on medication: both are admitted with a therapist.
    const withTherapist = freshState({ ...options, staff: [worker("t-1", ["therapist"])] });
    admitPeople(withTherapist);
    expect(withTherapist.people.map((p) => p.id)).toEqual(["plain", "on-meds"]);
    // No one who can run a group or an individual session: nobody can be planned.
    const collectorsOnly = freshState({ ...options, staff: [worker("c-1", ["collector"])] });
    admitPeople(collectorsOnly);
    expect(collectorsOnly.people).toEqual([]);
    expect(collectorsOnly.unschedulable.map((u) => [u.participantId, u.code, u.message])).toEqual([
      [
        "plain",
        "no-staff-role",
        "no staff member can deliver group-therapy (needs a therapist or counsellor)",
      ],
      [
        "on-meds",
        "no-staff-role",
        "no staff member can deliver group-therapy (needs a therapist or counsellor)",
      ],
    ]);
    const noList = freshState(options);
    admitPeople(noList);
    expect(noList.people.map((p) => p.id)).toEqual(["plain", "on-meds"]);
  });

  it("marks medication for addiction or a psychiatric condition, not other medication", () => {
    const state = freshState({
      program: tinyProgram(),
      enrollments: [
        enrol("x", "2026-03-02", {}, { medications: [{ name: "ibuprofen", purpose: "other" }] }),
        enrol(
          "y",
          "2026-03-02",
          {},
          { medications: [{ name: "naltrexone", purpose: "addiction" }] },
        ),
      ],
      from: "2026-03-02",
      weeks: 1,
      seed: 1,
    });
    admitPeople(state);
    expect(state.people.map((p) => [p.id, p.onMedication])).toEqual([
      ["x", false],
      ["y", true],
    ]);
  });
});
