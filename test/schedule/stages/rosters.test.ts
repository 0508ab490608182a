// Stage 2, rosters (src/schedule/stages/rosters.ts): groups of at most `groupCapacity`, filled best
// fit as people join and leave, merged below `groupMinimum`; in a re-plan, the rosters the kept
// sessions show.
import { describe, expect, it } from "vitest";
import { fromEpochDay, type PlanScheduleOptions, type ScheduledSession } from "iopkit";
import { admitPeople } from "../../../src/schedule/stages/people";
import { formGroups } from "../../../src/schedule/stages/rosters";
import type { PlanState } from "../../../src/schedule/state";
import { enrol, freshState, tinyProgram } from "./helpers";

/** Rosters as [group id, [participant, first day, last day]…]. */
function rosters(state: PlanState): [string, [string, string, string][]][] {
  return state.groups.map((g) => [
    g.id,
    g.members.map((m) => [m.person.id, fromEpochDay(m.startDay), fromEpochDay(m.endDay - 1)]),
  ]);
}

function grouped(options: PlanScheduleOptions): PlanState {
  const state = freshState(options);
  admitPeople(state);
  formGroups(state);
  return state;
}

const MONDAY = "2026-03-02";
const people = (n: number, start = MONDAY) =>
  Array.from({ length: n }, (_, i) => enrol(`p-${i + 1}`, start, { end: "2026-03-27" }));

describe("formGroups", () => {
  it.each([
    [2, [2]],
    [3, [3]],
    [4, [3, 1]],
  ])("capacity 3 (S3): %i people starting together make groups of %j", (n, sizes) => {
    const state = grouped({
      program: tinyProgram("America/Chicago", { groupCapacity: 3, groupMinimum: 1 }),
      enrollments: people(n),
      from: MONDAY,
      weeks: 4,
      seed: 1,
    });
    expect(state.groups.map((g) => g.members.length)).toEqual(sizes);
    expect(state.groups.map((g) => g.id)).toEqual(sizes.map((_, i) => `only.all.g${i + 1}`));
  });

  it("puts a joiner in the fullest group with room", () => {
    const state = grouped({
      program: tinyProgram("America/Chicago", { groupCapacity: 3, groupMinimum: 1 }),
      enrollments: [
        enrol("a", MONDAY, { end: "2026-03-27" }),
        enrol("b", MONDAY, { end: "2026-03-27" }),
        enrol("c", MONDAY, { end: "2026-03-06" }),
        enrol("d", MONDAY, { end: "2026-03-27" }),
        enrol("e", "2026-03-09", { end: "2026-03-27" }),
      ],
      from: MONDAY,
      weeks: 4,
      seed: 1,
    });
    // c leaves after Friday 6 March: on Monday 9 March g1 holds 2 and g2 holds 1; e joins g1.
    expect(rosters(state)).toEqual([
      [
        "only.all.g1",
        [
          ["a", "2026-03-02", "2026-03-27"],
          ["b", "2026-03-02", "2026-03-27"],
          ["c", "2026-03-02", "2026-03-06"],
          ["e", "2026-03-09", "2026-03-27"],
        ],
      ],
      ["only.all.g2", [["d", "2026-03-02", "2026-03-27"]]],
    ]);
  });

  it("merges a group that falls below the minimum into one with room, from the next day they meet", () => {
    const state = grouped({
      program: tinyProgram("America/Chicago", { groupCapacity: 4, groupMinimum: 3 }),
      enrollments: [
        enrol("p-1", MONDAY, { end: "2026-03-20" }),
        enrol("p-2", MONDAY, { end: "2026-03-20" }),
        enrol("p-3", MONDAY),
        enrol("p-4", MONDAY),
        enrol("p-5", "2026-03-09"),
        enrol("p-6", "2026-03-09"),
      ],
      from: MONDAY,
      weeks: 4,
      seed: 1,
    });
    // p-1 and p-2 leave on Friday 20 March: on Monday 23 March both groups hold 2, and the newer
    // merges into the older.
    expect(rosters(state)).toEqual([
      [
        "only.all.g1",
        [
          ["p-1", "2026-03-02", "2026-03-20"],
          ["p-2", "2026-03-02", "2026-03-20"],
          ["p-3", "2026-03-02", "2026-03-29"],
          ["p-4", "2026-03-02", "2026-03-29"],
          ["p-5", "2026-03-23", "2026-03-29"],
          ["p-6", "2026-03-23", "2026-03-29"],
        ],
      ],
      [
        "only.all.g2",
        [
          ["p-5", "2026-03-09", "2026-03-22"],
          ["p-6", "2026-03-09", "2026-03-22"],
        ],
      ],
    ]);
  });

  describe("in a re-plan (keep)", () => {
    const program = tinyProgram("America/Chicago", { groupCapacity: 3, groupMinimum: 1 });
    const session = (groupId: string, day: string, ids: string[]): ScheduledSession =>
      ({
        id: `${groupId}.${day}`,
        sessionType: "group-therapy",
        start: `${day}T09:00:00.000-06:00`,
        end: `${day}T12:00:00.000-06:00`,
        participantIds: ids,
        staffIds: [],
        groupId,
        phaseId: "only",
        patternEntry: 0,
      }) as unknown as ScheduledSession;

    it("puts each stay in the group its kept sessions name, moving where they show a move", () => {
      const state = grouped({
        program,
        enrollments: people(4),
        from: MONDAY,
        weeks: 4,
        seed: 1,
        keep: {
          before: "2026-03-16",
          sessions: [
            session("only.all.g1", "2026-03-02", ["p-2", "p-3"]),
            session("only.all.g2", "2026-03-02", ["p-1", "p-4"]),
            session("only.all.g1", "2026-03-09", ["p-2", "p-3", "p-4"]),
            session("only.all.g2", "2026-03-09", ["p-1"]),
          ],
        },
      });
      // Best fit alone would put p-1…p-3 in g1 and p-4 in g2; the kept sessions say otherwise.
      expect(rosters(state)).toEqual([
        [
          "only.all.g2",
          [
            ["p-1", "2026-03-02", "2026-03-27"],
            ["p-4", "2026-03-02", "2026-03-08"],
          ],
        ],
        [
          "only.all.g1",
          [
            ["p-2", "2026-03-02", "2026-03-27"],
            ["p-3", "2026-03-02", "2026-03-27"],
            ["p-4", "2026-03-09", "2026-03-27"],
          ],
        ],
      ]);
    });

    it("merges only from the re-plan's first day, starting with the groups small then", () => {
      const options = {
        program: tinyProgram("America/Chicago", { groupCapacity: 4, groupMinimum: 3 }),
        enrollments: [
          enrol("p-1", MONDAY, { end: "2026-03-06" }),
          enrol("p-2", MONDAY, { end: "2026-03-06" }),
          enrol("p-3", MONDAY),
          enrol("p-4", MONDAY),
          enrol("p-5", MONDAY),
          enrol("p-6", MONDAY),
        ],
        from: MONDAY,
        weeks: 4,
        seed: 1,
      };
      // Without keep, g2 (p-5, p-6) merges into g1 on Monday 9 March, when p-1 and p-2 have left.
      expect(rosters(grouped(options)).map(([id, m]) => [id, m.length])).toEqual([
        ["only.all.g1", 6],
        ["only.all.g2", 2],
      ]);
      // Kept sessions before 16 March show g2 unmerged: the re-plan keeps that and merges on the 16th.
      const replanned = grouped({
        ...options,
        keep: {
          before: "2026-03-16",
          sessions: [
            session("only.all.g1", "2026-03-09", ["p-3", "p-4"]),
            session("only.all.g2", "2026-03-09", ["p-5", "p-6"]),
          ],
        },
      });
      expect(rosters(replanned)[1]).toEqual([
        "only.all.g2",
        [
          ["p-5", "2026-03-02", "2026-03-15"],
          ["p-6", "2026-03-02", "2026-03-15"],
        ],
      ]);
      expect(rosters(replanned)[0]?.[1].slice(-2)).toEqual([
        ["p-5", "2026-03-16", "2026-03-29"],
        ["p-6", "2026-03-16", "2026-03-29"],
      ]);
    });
  });
});
