// applyEvent ("never throws"), startEpisode and replayEpisode ("total") return their documented
// result for anything: a non-event, null, an unknown kind or code, a state or program that is
// not one, a log beyond limits.maxEvents. Messages never quote an event's free text.
import { describe, expect, it } from "vitest";
import {
  applyEvent,
  limits,
  programTemplates,
  replayEpisode,
  startEpisode,
  type EpisodeEvent,
  type EpisodeState,
  type ParticipantId,
} from "iopkit";
import { eligibilityDecisionFor } from "iopkit/testing";

const program = programTemplates.substanceUseAdult({ timeZone: "America/New_York" });
const referred: EpisodeEvent = {
  formatVersion: 2,
  kind: "referred",
  on: "2026-03-02",
  participantId: "p-1" as ParticipantId,
  programId: program.id,
};
const log: EpisodeEvent[] = [
  referred,
  {
    formatVersion: 2,
    kind: "assessed",
    on: "2026-03-04",
    decision: eligibilityDecisionFor(program, "admit"),
  },
];
const started = replayEpisode(log, program);
if (!started.ok) throw new Error("fixture");
const state: EpisodeState = started.state;
const SECRET = "Zebedee Quillfeather";

const revocable = Proxy.revocable({}, {});
revocable.revoke();
const getter = Object.defineProperty({}, "kind", {
  enumerable: true,
  get() {
    throw new Error(SECRET);
  },
});

describe("applyEvent never throws", () => {
  it.each([
    ["null", null, "invalid-event"],
    ["undefined", undefined, "invalid-event"],
    ["a string", SECRET, "invalid-event"],
    ["a list", [], "invalid-event"],
    [
      "an unknown kind, with a note",
      { kind: "teleported", on: "2026-03-05", note: SECRET },
      "invalid-event",
    ],
    ["a BigInt kind", { kind: 10n, on: "2026-03-05" }, "invalid-event"],
    [
      "an instant where a date belongs",
      { kind: "plan-reviewed", on: "2026-03-05T10:00:00Z" },
      "invalid-event",
    ],
    ["an impossible date", { kind: "plan-reviewed", on: "2026-02-30" }, "invalid-event"],
    [
      "an unknown discharge type",
      { kind: "discharged", on: "2026-03-05", type: "vanished", reason: "moved" },
      "invalid-event",
    ],
    [
      "an unknown discharge reason",
      { kind: "discharged", on: "2026-03-05", type: "not-completed", reason: SECRET },
      "invalid-event",
    ],
    [
      "an unknown review outcome",
      { kind: "clinical-review-held", on: "2026-03-05", outcome: "maybe" },
      "invalid-event",
    ],
    [
      "authorisation dates that are not dates",
      { kind: "level-of-care-authorised", on: "2026-03-05", level: "x", from: 1, to: 2 },
      "invalid-event",
    ],
    ["a throwing getter", () => getter, "invalid-event"],
    ["a revoked Proxy", () => revocable.proxy, "invalid-event"],
  ])("%s → %s", (_label, value, code) => {
    // Hostile values are passed as thunks: the test runner would read them to name the test.
    const event: unknown = typeof value === "function" ? (value as () => unknown)() : value;
    const r = applyEvent(state, event as never);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe(code);
    expect(r.error.message).not.toContain(SECRET);
    expect(r.error.message).not.toContain("teleported");
  });

  it.each([
    ["null", null],
    ["a list", []],
    ["an unknown status", { ...state, status: "sleeping" }],
    ["a revoked Proxy", () => revocable.proxy],
  ])("a state that is %s → invalid-argument", (_label, value) => {
    const bad: unknown = typeof value === "function" ? (value as () => unknown)() : value;
    const r = applyEvent(bad as never, {
      formatVersion: 2,
      kind: "plan-reviewed",
      on: "2026-03-05",
    });
    expect(r.ok ? undefined : r.error.code).toBe("invalid-argument");
  });

  it("a valid event still applies", () => {
    const r = applyEvent(state, {
      formatVersion: 2,
      kind: "level-of-care-authorised",
      on: "2026-03-05",
      level: "intensive-outpatient",
      from: "2026-03-05",
      to: "2026-04-05",
    });
    expect(r.ok ? r.state.authorisations.length : r.error).toBe(1);
  });
});

describe("startEpisode and replayEpisode are total", () => {
  it("startEpisode: a non-referral, a non-event, a non-program", () => {
    const e = (r: ReturnType<typeof startEpisode>): string | undefined =>
      r.ok ? undefined : r.error.code;
    expect(e(startEpisode(program, log[1] as never))).toBe("not-referred-first");
    expect(e(startEpisode(program, null as never))).toBe("invalid-event");
    expect(e(startEpisode(null as never, referred as never))).toBe("invalid-argument");
    expect(startEpisode(program, referred as never).ok).toBe(true);
  });

  it.each([
    ["null", null, "invalid-argument"],
    ["an object", {}, "invalid-argument"],
    ["a revoked Proxy", () => revocable.proxy, "invalid-argument"],
    ["a list whose first entry is null", [null], "invalid-event"],
  ])("a log that is %s → %s at index 0", (_label, value, code) => {
    const events: unknown = typeof value === "function" ? (value as () => unknown)() : value;
    const r = replayEpisode(events as never, program);
    expect(r.ok ? undefined : [r.error.code, r.index, r.state]).toEqual([code, 0, null]);
  });

  it("an unknown kind mid-log stops there, with the state before it and no quoted note", () => {
    const r = replayEpisode(
      [...log, { kind: "teleported", on: "2026-03-05", note: SECRET } as never],
      program,
    );
    expect(r.ok ? undefined : [r.error.code, r.index, r.state?.status]).toEqual([
      "invalid-event",
      2,
      "assessed",
    ]);
    expect(r.ok ? "" : r.error.message).not.toContain(SECRET);
  });

  it("a program that is not one → invalid-argument", () => {
    const r = replayEpisode(log, { id: program.id } as never);
    expect(r.ok ? undefined : r.error.code).toBe("invalid-argument");
  });

  it(`a log of limits.maxEvents (${limits.maxEvents}) events is replayed; one more is refused`, () => {
    const plan = (i: number): EpisodeEvent => ({
      formatVersion: 2,
      kind: "level-of-care-authorised",
      on: "2026-03-04",
      level: "intensive-outpatient",
      from: "2026-03-04",
      to: "2026-04-04",
      reference: `r${i}`,
    });
    const full = [
      ...log,
      ...Array.from({ length: limits.maxEvents - log.length }, (_, i) => plan(i)),
    ];
    expect(replayEpisode(full, program).ok).toBe(true);
    const over = replayEpisode([...full, plan(0)], program);
    expect(over.ok ? undefined : [over.error.code, over.index]).toEqual(["invalid-argument", 0]);
  });
});
