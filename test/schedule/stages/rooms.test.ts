// Stage 8, rooms (src/schedule/stages/rooms.ts): every in-person session gets the first free room
// of its kind that holds those present; when none does, an "S14" shortfall; a room free only at a
// site its staff member cannot reach in time, an "S14" one coded "staff-travel" (S15). Video sessions get none (S16 modes
// are chosen when sessions are filed: src/schedule/venue.ts).
import { describe, expect, it } from "vitest";
import type { PlanScheduleOptions, ProgramInput, Room } from "iopkit";
import { assignRooms } from "../../../src/schedule/stages/rooms";
import { enrol, records, stateBefore, tinyProgram, worker } from "./helpers";

const room = (id: string, kind: Room["kind"], capacity: number, site?: string): Room => ({
  id,
  name: id,
  kind,
  capacity,
  ...(site === undefined ? {} : { site }),
});
const options = (
  rooms: Room[],
  extra: Partial<ProgramInput> = {},
  more: Partial<PlanScheduleOptions> = {},
): PlanScheduleOptions => ({
  program: tinyProgram("America/Chicago", { rooms, ...extra }),
  enrollments: [enrol("p-1", "2027-01-04"), enrol("p-2", "2027-01-04")],
  from: "2027-01-04",
  weeks: 1,
  seed: 1,
  ...more,
});
const run = (o: PlanScheduleOptions) => {
  const state = stateBefore(o, "Rooms");
  assignRooms(state);
  return state;
};
const roomsOf = (o: PlanScheduleOptions) =>
  records(run(o)).map((r) => [r.sessionType, r.start.slice(0, 16), r.roomId]);

describe("assignRooms", () => {
  it("puts groups in the group room and each one-to-one in the first free office", () => {
    const rooms = [room("g1", "group-room", 3), room("o1", "office", 2), room("o2", "office", 2)];
    expect(roomsOf(options(rooms))).toEqual([
      ["group-therapy", "2027-01-04T09:00", "g1"],
      ["group-therapy", "2027-01-06T09:00", "g1"],
      ["individual-therapy", "2027-01-04T12:00", "o1"],
      ["individual-therapy", "2027-01-04T12:00", "o2"],
    ]);
  });

  it("two one-to-ones at once with one office: the second has no room, an S14 shortfall", () => {
    const state = run(options([room("g1", "group-room", 3), room("o1", "office", 2)]));
    expect(records(state).map((r) => r.roomId)).toEqual(["g1", "g1", "o1", undefined]);
    expect(state.shortfalls).toEqual([
      {
        invariant: "S14",
        code: "no-free-room",
        participantId: "p-2",
        isoWeek: "2027-W01",
        phaseId: "only",
        message:
          "individual-therapy on 2027-01-04 has no room: no office for 1 people is free then",
      },
    ]);
  });

  it("a room holds its capacity exactly (two participants and a facilitator in 3), not one more", () => {
    const staff = [worker("t-1", ["therapist"]), worker("t-2", ["therapist"])];
    const fits = run(
      options(
        [room("g1", "group-room", 3), room("o1", "office", 2), room("o2", "office", 2)],
        {},
        { staff },
      ),
    );
    expect(
      records(fits)
        .filter((r) => r.groupId !== undefined)
        .map((r) => r.roomId),
    ).toEqual(["g1", "g1"]);
    const small = run(
      options(
        [room("g1", "group-room", 2), room("o1", "office", 2), room("o2", "office", 2)],
        {},
        { staff },
      ),
    );
    expect(small.shortfalls.map((s) => [s.invariant, s.code, s.message])).toEqual([
      [
        "S14",
        "no-free-room",
        "group-therapy on 2027-01-04 has no room: no group-room for 3 people is free then",
      ],
      [
        "S14",
        "no-free-room",
        "group-therapy on 2027-01-06 has no room: no group-room for 3 people is free then",
      ],
    ]);
  });

  it("a staff member's next room is at their site, or far enough away in time (30 minutes)", () => {
    const staff = [worker("t-1", ["therapist"])];
    const south = [room("g1", "group-room", 4, "north"), room("o-s", "office", 2, "south")];
    const state = run(
      options(
        south,
        { siteTravelMinutes: 30 },
        { staff, enrollments: [enrol("p-1", "2027-01-04")] },
      ),
    );
    // The individual follows the group at 12:00 with the same therapist: south is out of reach.
    expect(records(state).map((r) => [r.sessionType, r.roomId])).toEqual([
      ["group-therapy", "g1"],
      ["group-therapy", "g1"],
      ["individual-therapy", undefined],
    ]);
    expect(state.shortfalls.map((s) => [s.invariant, s.code])).toEqual([["S14", "staff-travel"]]);
    const near = [...south, room("o-n", "office", 2, "north")];
    const fine = run(
      options(
        near,
        { siteTravelMinutes: 30 },
        { staff, enrollments: [enrol("p-1", "2027-01-04")] },
      ),
    );
    expect(records(fine).map((r) => r.roomId)).toEqual(["g1", "g1", "o-n"]);
    const zero = run(
      options(
        south,
        { siteTravelMinutes: 0 },
        { staff, enrollments: [enrol("p-1", "2027-01-04")] },
      ),
    );
    expect(records(zero).map((r) => r.roomId)).toEqual(["g1", "g1", "o-s"]);
  });

  it("video sessions get no room and a telehealth place of service (the participant prefers video)", () => {
    const o = options(
      [room("g1", "group-room", 3), room("o1", "office", 2)],
      {},
      {
        enrollments: [
          enrol(
            "p-1",
            "2027-01-04",
            {},
            {
              telehealth: { device: "video", privateSpace: true, preferred: "video" },
            },
          ),
        ],
      },
    );
    const program = tinyProgram("America/Chicago", {
      rooms: [room("g1", "group-room", 3), room("o1", "office", 2)],
      phases: tinyProgram().phases.map((p) => ({ ...p, deliveryModes: ["in-person", "video"] })),
    });
    const state = run({ ...o, program });
    expect(
      records(state).map((r) => [r.sessionType, r.deliveryMode, r.roomId, r.placeOfService]),
    ).toEqual([
      ["group-therapy", "video", undefined, "10"],
      ["group-therapy", "video", undefined, "10"],
      ["individual-therapy", "video", undefined, "10"],
    ]);
  });

  it("does nothing for a program without rooms", () => {
    const state = run(options([]));
    expect(records(state).every((r) => !("roomId" in r))).toBe(true);
    expect(state.shortfalls).toEqual([]);
  });
});
