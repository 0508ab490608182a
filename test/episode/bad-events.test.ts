// What the state machine says about an event it cannot apply: for every kind, each field its
// steps read, broken one at a time, is named with the kind of value it got (never the value), and
// a valid field of that kind is accepted. Also the messages of a log, a state and a program that
// are not ones, word for word.
import { describe, expect, it } from "vitest";
import {
  applyEvent,
  programTemplates,
  replayEpisode,
  replayEpisodeOrThrow,
  startEpisode,
  type EpisodeEvent,
  type IopError,
} from "iopkit";
import { admittedLog } from "./admitted-log";

const program = programTemplates.substanceUseAdult({ timeZone: "America/New_York" });
const [referred, assessed] = admittedLog(program, "p-1") as [EpisodeEvent, EpisodeEvent];
const state = replayEpisodeOrThrow([referred, assessed], program);
const first = program.phases[0]?.id ?? "";

/** A valid event of each kind and, for each field the machine checks, a bad value and how it is described. */
const cases: [Record<string, unknown>, string, unknown, string][] = [
  [{ ...referred }, "programId", "", "an empty string"],
  [{ ...referred }, "participantId", 7, "7"],
  [{ ...assessed }, "decision", null, "null"],
  [{ ...assessed }, "decision", { outcome: 1 }, "a object"],
  [
    { kind: "admitted", on: "2026-03-06", programId: program.id, phaseId: first },
    "programId",
    undefined,
    "nothing",
  ],
  [
    { kind: "admitted", on: "2026-03-06", programId: program.id, phaseId: first },
    "phaseId",
    "",
    "an empty string",
  ],
  [{ kind: "phase-started", on: "2026-03-09", phaseId: first }, "phaseId", [], "a list"],
  [
    { kind: "stepped-down", on: "2026-03-09", toPhaseId: first },
    "toPhaseId",
    "",
    "an empty string",
  ],
  [{ kind: "stepped-up", on: "2026-03-09", toPhaseId: first }, "toPhaseId", 3, "3"],
  [
    { kind: "relapse-reported", on: "2026-03-09", substances: ["alcohol"] },
    "substances",
    "alcohol",
    "a string of 7 characters",
  ],
  [
    { kind: "positive-test-recorded", on: "2026-03-09", substances: [] },
    "substances",
    {},
    "a object",
  ],
  [
    { kind: "clinical-review-held", on: "2026-03-09", outcome: "continue" },
    "outcome",
    "maybe",
    "a string of 5 characters",
  ],
  [{ kind: "clinical-review-held", on: "2026-03-09", outcome: "continue" }, "outcome", 1, "1"],
  [
    {
      kind: "level-of-care-authorised",
      on: "2026-03-09",
      level: "intensive-outpatient",
      from: "2026-03-09",
      to: "2026-04-09",
    },
    "level",
    "",
    "an empty string",
  ],
  [
    {
      kind: "level-of-care-authorised",
      on: "2026-03-09",
      level: "intensive-outpatient",
      from: "2026-03-09",
      to: "2026-04-09",
    },
    "from",
    "2026-02-30",
    "a string of 10 characters",
  ],
  [
    {
      kind: "level-of-care-authorised",
      on: "2026-03-09",
      level: "intensive-outpatient",
      from: "2026-03-09",
      to: "2026-04-09",
    },
    "to",
    null,
    "null",
  ],
  [
    { kind: "discharged", on: "2026-03-09", type: "not-completed", reason: "moved" },
    "type",
    "gone",
    "a string of 4 characters",
  ],
  [
    { kind: "discharged", on: "2026-03-09", type: "not-completed", reason: "moved" },
    "reason",
    5,
    "5",
  ],
];

describe("an event with a field the machine cannot read", () => {
  it.each(
    cases.map(
      ([valid, ...rest]) => [`${String(valid["kind"])}: ${rest[0]}`, valid, ...rest] as const,
    ),
  )("%s", (_label, valid, field, bad, described) => {
    const event = { formatVersion: 2, ...valid, [field]: bad } as unknown as EpisodeEvent;
    const r = applyEvent(state, event);
    expect(r).toEqual({
      ok: false,
      error: {
        code: "invalid-event",
        message: `${String(valid["kind"])}: ${field} is not valid (got ${described})`,
      },
    });
    // The same event with the field as it was is read (whatever the machine then says of it).
    const good = applyEvent(state, { formatVersion: 2, ...valid } as unknown as EpisodeEvent);
    expect(good.ok ? "" : good.error.message).not.toMatch(/is not valid/);
  });

  it("leaves an optional field out without complaint", () => {
    for (const kind of [
      "stepped-down",
      "stepped-up",
      "relapse-reported",
      "positive-test-recorded",
    ]) {
      const r = applyEvent(state, { formatVersion: 2, kind, on: "2026-03-09" } as EpisodeEvent);
      expect(r.ok ? "" : r.error.message, kind).not.toMatch(/is not valid/);
    }
  });

  it("names a value that is not an event, a kind it does not know and a date that is not one", () => {
    const message = (event: unknown) => {
      const r = applyEvent(state, event as EpisodeEvent);
      return r.ok ? undefined : [r.error.code, r.error.message];
    };
    expect(message(null)).toEqual([
      "invalid-event",
      "expected an episode event (an object), got null",
    ]);
    expect(message("referred")).toEqual([
      "invalid-event",
      "expected an episode event (an object), got a string of 8 characters",
    ]);
    expect(message([referred])).toEqual([
      "invalid-event",
      "expected an episode event (an object), got a list",
    ]);
    expect(message({ kind: 3, on: "2026-03-09" })).toEqual([
      "invalid-event",
      "kind must be one of the episode event kinds, got 3",
    ]);
    expect(message({ kind: "plan-reviewed", on: "09/03/2026" })).toEqual([
      "invalid-event",
      "on must be a calendar date YYYY-MM-DD, got a string of 10 characters",
    ]);
    const throwing = Object.defineProperty({ kind: "plan-reviewed" }, "on", {
      enumerable: true,
      get() {
        throw new Error("no");
      },
    });
    expect(message(throwing)).toEqual([
      "invalid-event",
      "the event could not be read (a throwing getter or a Proxy)",
    ]);
  });
});

describe("a log, a first event, a state or a program that is not one", () => {
  it("says what the first event of a log or a new episode must be", () => {
    expect(replayEpisode([], program)).toEqual({
      ok: false,
      index: 0,
      error: { code: "empty-log", message: "the log has no events" },
      state: null,
    });
    expect(replayEpisode([assessed], program)).toEqual({
      ok: false,
      index: 0,
      error: {
        code: "not-referred-first",
        message: "the first event must be referred, not assessed",
      },
      state: null,
    });
    expect(
      replayEpisode([{ ...referred, programId: "elsewhere" } as EpisodeEvent], program),
    ).toEqual({
      ok: false,
      index: 0,
      error: { code: "program-mismatch", message: `referred to elsewhere, not ${program.id}` },
      state: null,
    });
    // A broken first event is reported as such, at index 0.
    expect(
      replayEpisode([{ ...referred, participantId: "" } as EpisodeEvent], program),
    ).toMatchObject({
      ok: false,
      index: 0,
      error: {
        code: "invalid-event",
        message: "referred: participantId is not valid (got an empty string)",
      },
    });
    expect(startEpisode(program, assessed as never)).toEqual({
      ok: false,
      error: {
        code: "not-referred-first",
        message: "an episode starts with referred, not assessed",
      },
    });
    expect(startEpisode(program, { ...referred, programId: "elsewhere" } as never)).toEqual({
      ok: false,
      error: { code: "program-mismatch", message: `referred to elsewhere, not ${program.id}` },
    });
  });

  it("throws from replayEpisodeOrThrow under its name, with the rejected event's index", () => {
    try {
      replayEpisodeOrThrow([referred, { ...assessed, on: "2026-03-01" }], program);
      expect.unreachable();
    } catch (e) {
      expect((e as IopError).message.split(":")[0]).toBe("replayEpisode");
      expect((e as IopError).issues.map((i) => [i.code, i.path])).toEqual([["out-of-order", [1]]]);
    }
  });

  it("names a state that is not one, whatever is missing from it", () => {
    const plan = { formatVersion: 2, kind: "plan-reviewed", on: "2026-03-09" } as EpisodeEvent;
    const said = (s: unknown) => {
      const r = applyEvent(s as never, plan);
      return r.ok ? undefined : r.error.code;
    };
    // A state it accepts: whatever the machine says of this event, it is not about the state.
    expect(said(state)).not.toBe("invalid-argument");
    for (const broken of [
      null,
      "in-phase",
      { ...state, status: 3 },
      { ...state, ladder: undefined },
      { ...state, lastEventOn: "yesterday" },
    ])
      expect(said(broken)).toBe("invalid-argument");
    expect(applyEvent(null as never, plan)).toEqual({
      ok: false,
      error: {
        code: "invalid-argument",
        message: "expected an episode state (from startEpisode or replayEpisode), got null",
      },
    });
  });
});
