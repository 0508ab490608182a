// Sessions at their edges: an end not after the start, an empty roster, DST gaps and neighbours,
// re-planning around a discharge.
import { describe, expect, it } from "vitest";
import {
  IopError,
  checkSchedule,
  parseSchedule,
  planSchedule,
  programTemplates,
  safeParseSchedule,
  toICalendar,
  type Schedule,
  type ScheduledSession,
} from "iopkit";

const program = programTemplates.substanceUseAdult({ timeZone: "America/New_York" });

function thrown(fn: () => unknown): IopError {
  try {
    fn();
  } catch (e) {
    if (e instanceof IopError) return e;
    throw e;
  }
  throw new Error("did not throw");
}
const codes = (e: IopError): [string, string][] => e.issues.map((i) => [i.code, i.path.join(".")]);

/** A one-session schedule whose session ends `minutes` after its 09:00 start. */
function withLength(minutes: number, participantIds: string[] = ["p-1"]): Schedule {
  const end = new Date(Date.parse("2026-03-09T13:00:00.000Z") + minutes * 60_000)
    .toISOString()
    .replace("Z", "+00:00");
  return {
    formatVersion: 2,
    window: { from: "2026-03-09", weeks: 1 },
    sessions: [
      {
        formatVersion: 2,
        id: "s-1",
        sessionType: "group-therapy",
        start: "2026-03-09T13:00:00.000+00:00",
        end,
        participantIds,
        staffIds: [],
      } as unknown as ScheduledSession,
    ],
    groups: [],
    unschedulable: [],
    shortfalls: [],
  } as unknown as Schedule;
}

describe("a session ends after it starts and has a roster", () => {
  it("parseSchedule: −1 and 0 minutes are refused at sessions[0].end; 1 minute is a session", () => {
    expect(codes(thrown(() => parseSchedule(withLength(-1))))).toEqual([
      ["session-ends-before-start", "sessions.0.end"],
    ]);
    expect(codes(thrown(() => parseSchedule(withLength(0))))).toEqual([
      ["session-ends-before-start", "sessions.0.end"],
    ]);
    expect(safeParseSchedule(withLength(1)).success).toBe(true);
  });

  it("parseSchedule: an empty roster is refused at sessions[0].participantIds", () => {
    expect(codes(thrown(() => parseSchedule(withLength(60, []))))).toEqual([
      ["too-small", "sessions.0.participantIds"],
    ]);
  });

  it("checkSchedule throws for the same sessions instead of counting negative hours", () => {
    const context = { program, enrollments: [] };
    expect(codes(thrown(() => checkSchedule(withLength(-30), context)))).toEqual([
      ["session-ends-before-start", "sessions.0.end"],
    ]);
    expect(codes(thrown(() => checkSchedule(withLength(0), context)))).toEqual([
      ["session-ends-before-start", "sessions.0.end"],
    ]);
    expect(codes(thrown(() => checkSchedule(withLength(60, []), context)))).toEqual([
      ["too-small", "sessions.0.participantIds"],
    ]);
    expect(() => checkSchedule(withLength(1), context)).not.toThrow();
  });

  it("toICalendar never writes DTEND before DTSTART", () => {
    const options = { timeZone: program.timeZone, now: "2026-03-01T12:00:00Z" };
    for (const minutes of [-1, 0])
      expect(codes(thrown(() => toICalendar(withLength(minutes).sessions, options)))).toEqual([
        ["session-ends-before-start", "sessions"],
      ]);
    expect(toICalendar(withLength(1).sessions, options)).toContain("DTEND");
  });
});
