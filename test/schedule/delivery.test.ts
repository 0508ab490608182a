// Delivery modes and places of service (src/schedule/delivery.ts, src/program/rooms.ts,
// src/participant/telehealth.ts): what a session offers, what a participant can use, the mode the
// planner picks, and the CMS place-of-service code (CMS Place of Service Code Set, 2025: 02, 10,
// and the facility's code in person). Also the program rules on rooms and modes.
import { describe, expect, it } from "vitest";
import {
  chooseMode,
  deliveryModesFor,
  offeredModes,
  placeOfServiceFor,
  planSchedule,
  roomKindFor,
  safeDefineProgram,
  usableModes,
  type TelehealthAccess,
} from "iopkit";
import { enrol, tinyProgram } from "./stages/helpers";

const access = (a: Partial<TelehealthAccess>): TelehealthAccess => ({
  device: "video",
  privateSpace: true,
  location: "home",
  ...a,
});

describe("the modes a session type allows, and its room", () => {
  it("a drug test only in person, groups in person or by video, one-to-ones in any mode", () => {
    expect(deliveryModesFor("drug-test")).toEqual(["in-person"]);
    expect(deliveryModesFor("group-therapy")).toEqual(["in-person", "video"]);
    expect(deliveryModesFor("individual-therapy")).toEqual(["in-person", "video", "phone"]);
    expect(
      ["drug-test", "group-therapy", "family-therapy", "peer-support"].map((t) =>
        roomKindFor(t as never),
      ),
    ).toEqual(["collection-restroom", "group-room", "office", undefined]);
  });
  it("a session offers its entry's modes, else its phase's, else in person, less what its type forbids", () => {
    expect(offeredModes(undefined, undefined, "individual-therapy")).toEqual(["in-person"]);
    expect(offeredModes({ deliveryModes: ["phone", "video"] }, undefined, "group-therapy")).toEqual(
      ["video"],
    );
    expect(
      offeredModes({ deliveryModes: ["in-person"] }, { deliveryModes: ["video"] }, "group-therapy"),
    ).toEqual(["video"]);
  });
});

describe("what a participant can use", () => {
  it("in person always; video with a camera and a private place; phone with any device and a private place", () => {
    expect(usableModes(undefined)).toEqual(["in-person"]);
    expect(usableModes(access({}))).toEqual(["in-person", "video", "phone"]);
    expect(usableModes(access({ device: "phone" }))).toEqual(["in-person", "phone"]);
    expect(usableModes(access({ device: "none" }))).toEqual(["in-person"]);
    expect(usableModes(access({ privateSpace: false }))).toEqual(["in-person"]);
  });
  it("the preferred mode when offered and usable, else the first offered they can use, else none", () => {
    const both = ["in-person", "video"] as const;
    expect(chooseMode(both, access({ preferred: "video" }))).toBe("video");
    expect(chooseMode(both, access({}))).toBe("in-person");
    expect(chooseMode(both, access({ preferred: "phone" }))).toBe("in-person");
    expect(chooseMode(["video", "in-person"], undefined)).toBe("in-person");
    expect(chooseMode(["video"], access({ device: "phone" }))).toBeUndefined();
    expect(chooseMode(["video"], access({ preferred: "in-person" }))).toBe("video");
  });
});

describe("placeOfServiceFor", () => {
  const program = { placeOfService: "57" as const };
  const at = (location: "home" | "elsewhere") => ({
    id: "p-1" as never,
    telehealth: access({ location }),
  });
  it("in person: the program's code, 11 (Office) without one", () => {
    expect(placeOfServiceFor({ deliveryMode: "in-person" }, at("home"), program)).toBe("57");
    expect(placeOfServiceFor({}, at("home"), {})).toBe("11");
  });
  it("by video or phone: 10 from home, 02 elsewhere", () => {
    expect(placeOfServiceFor({ deliveryMode: "video" }, at("home"), program)).toBe("10");
    expect(placeOfServiceFor({ deliveryMode: "phone" }, at("elsewhere"), program)).toBe("02");
    expect(placeOfServiceFor({ deliveryMode: "video" }, { id: "p-1" as never }, program)).toBe(
      "10",
    );
  });
  it("hybrid: remote participants by their location, the others the facility's", () => {
    const hybrid = { deliveryMode: "hybrid" as const, remoteParticipantIds: ["p-1" as never] };
    expect(placeOfServiceFor(hybrid, at("elsewhere"), program)).toBe("02");
    expect(placeOfServiceFor(hybrid, { ...at("home"), id: "p-2" as never }, program)).toBe("57");
  });
});

describe("the program's rules on rooms and modes", () => {
  it("room ids are unique; an entry offers only modes its type allows (a group: no phone)", () => {
    const base = tinyProgram();
    const r = safeDefineProgram({
      ...base,
      rooms: [
        { id: "a", name: "A", kind: "office", capacity: 2 },
        { id: "a", name: "B", kind: "office", capacity: 2 },
      ],
      phases: base.phases.map((p) => ({
        ...p,
        deliveryModes: ["in-person", "phone"],
        pattern: p.pattern.map((e, i) =>
          i === 0
            ? { ...e, deliveryModes: ["in-person", "phone"] }
            : { ...e, deliveryModes: ["video"] },
        ),
      })),
    });
    expect(r.success ? [] : r.error.issues.map((i) => [i.code, i.path])).toEqual([
      ["duplicate-room-id", ["rooms", 1, "id"]],
      ["delivery-mode-not-allowed", ["phases", 0, "pattern", 0, "deliveryModes", 1]],
    ]);
  });
  it("an entry that takes its phase's modes needs one its type allows: a phone-only phase leaves a group none", () => {
    const base = tinyProgram();
    const withModes = (modes: ("in-person" | "video" | "phone")[]) =>
      safeDefineProgram({
        ...base,
        phases: base.phases.map((p) => ({ ...p, deliveryModes: modes })),
      });
    const phoneOnly = withModes(["phone"]);
    expect(phoneOnly.success ? [] : phoneOnly.error.issues.map((i) => [i.code, i.path])).toEqual([
      ["delivery-mode-not-allowed", ["phases", 0, "pattern", 0]],
      ["delivery-mode-not-allowed", ["phases", 0, "pattern", 1]],
    ]);
    expect(withModes(["phone", "video"]).success).toBe(true);
  });
});

describe("the planner and modes a participant cannot use", () => {
  const videoOnly = (entries: "video" | "in-person") => {
    const base = tinyProgram();
    return tinyProgram("America/Chicago", {
      phases: base.phases.map((p) => ({
        ...p,
        deliveryModes: ["video"],
        pattern: p.pattern.map((e) => ({ ...e, deliveryModes: [entries] })),
      })),
    });
  };
  const plan = (program: ReturnType<typeof tinyProgram>) =>
    planSchedule({
      program,
      enrollments: [enrol("p-1", "2027-01-04")],
      from: "2027-01-04",
      weeks: 1,
      seed: 1,
    });
  it("a participant who can attend no track is unschedulable with no-usable-mode", () => {
    expect(plan(videoOnly("video")).unschedulable).toEqual([
      {
        participantId: "p-1",
        code: "no-usable-mode",
        message: 'no track of phase "only" is offered in a delivery mode the participant can use',
      },
    ]);
  });
  it("a one-to-one offered only by video to someone without a device is held in person and reported (S16)", () => {
    const schedule = plan(videoOnly("in-person"));
    expect(schedule.shortfalls).toEqual([
      {
        invariant: "S16",
        code: "no-usable-mode",
        participantId: "p-1",
        isoWeek: "2027-W01",
        phaseId: "only",
        message:
          "individual-therapy on 2027-01-04 is offered video, which the participant cannot use; planned in person",
      },
    ]);
    expect(schedule.sessions.map((s) => s.deliveryMode)).toEqual([
      "in-person",
      "in-person",
      "in-person",
    ]);
  });
});
