// The program as the forecast compiles it: roles, staff hours per group and per participant, the
// phase of each week of a stay, and the moments groups meet in person (rooms). Worked out by hand
// from the adult SUD template and from one-phase programs built here.
import { describe, expect, it } from "vitest";
import { defineProgram, type PatternEntry, type Program } from "iopkit";
import { compileForecastModel } from "../../src/capacity/forecast-model";
import { onePhaseProgram, templateProgram } from "./fixtures";

const shares = { "family-involved": 0.5, "on-medication": 0.25 } as const;
const rows = (r: readonly Float64Array[]) => r.map((x) => Array.from(x));

/** onePhaseProgram() with its pattern (and optionally the phase's delivery modes) replaced. */
function withPattern(pattern: PatternEntry[], deliveryModes?: ("in-person" | "video")[]): Program {
  const p = onePhaseProgram({ tracks: true });
  const [phase] = p.phases;
  if (phase === undefined) throw new Error("no phase");
  return defineProgram({
    ...p,
    phases: [{ ...phase, pattern, ...(deliveryModes === undefined ? {} : { deliveryModes }) }],
  });
}
/** A track's groups: `durationMinutes` from `start` on each of `days` (9 h a week in all). */
const groups = (
  track: string,
  start: string,
  durationMinutes: number,
  days: readonly (1 | 2 | 3 | 4 | 5)[] = [1, 3, 5],
  extra: Partial<PatternEntry> = {},
): PatternEntry[] =>
  days.map((weekday) => ({
    sessionType: "group-therapy",
    weekday,
    start,
    durationMinutes,
    track,
    ...extra,
  }));

describe("compileForecastModel: the adult SUD template", () => {
  const m = compileForecastModel(templateProgram, shares);

  it("its tracks, and a group per phase and track", () => {
    expect(m.tracks).toEqual(["morning", "evening"]);
    expect(m.keys).toEqual(
      [0, 1, 2].flatMap((phase) => ["morning", "evening"].map((track) => ({ phase, track }))),
    );
    expect(m.keyOf(1, 1)).toBe(3); // step-down, evening
    expect(m.keyOf(2, -1)).toBe(4); // transition, no track given: its first track
  });

  it("roles of the pattern's groups and of the one-to-ones, sorted", () => {
    // group therapy → therapist, psychoeducation → counsellor, family therapy → therapist,
    // medication management → prescriber (each session type's first role).
    expect(m.roles).toEqual(["counsellor", "prescriber", "therapist"]);
  });

  it("group hours: each group session's length for its first role, per week", () => {
    // Intensive: 4 × 2 h group therapy, 4 × 1 h psychoeducation; step-down 3 days; transition
    // 2 × 1.5 h and 2 × 0.5 h.
    expect(rows(m.groupHours)).toEqual([
      [4, 0, 8],
      [4, 0, 8],
      [3, 0, 6],
      [3, 0, 6],
      [1, 0, 3],
      [1, 0, 3],
    ]);
  });

  it("one-to-one hours per participant: the individual session every few weeks, the others by their share", () => {
    // Intensive: individual 60 min weekly (1 h) + family 60 min every 2 weeks × ½ (0.25 h) for the
    // therapist; medication 30 min every 2 weeks × ¼ (0.0625 h) for the prescriber. Step-down:
    // medication every 4 weeks (0.03125 h). Transition: individual every 2 weeks (0.5 h), family
    // every 4 weeks × ½ (0.125 h).
    expect(rows(m.personHours)).toEqual([
      [0, 0.0625, 1.25],
      [0, 0.03125, 1.25],
      [0, 0.03125, 0.625],
    ]);
  });

  it("the phase of each week of a stay: 4 planned weeks each, then the last phase for longer stays", () => {
    expect([0, 3, 4, 7, 8, 11, 12, 40].map((w) => m.phaseAt(w))).toEqual([0, 0, 1, 1, 2, 2, 2, 2]);
  });

  it("room moments: the morning groups and the evening groups, never at once", () => {
    expect(rows(m.roomLoad)).toEqual([
      [1, 0, 1, 0, 1, 0],
      [0, 1, 0, 1, 0, 1],
    ]);
  });
});

describe("compileForecastModel: programs without tracks, and rooms", () => {
  it("a phase without tracks: no tracks, one group", () => {
    const m = compileForecastModel(onePhaseProgram(), shares);
    expect(m.tracks).toEqual([]);
    expect(m.keys).toEqual([{ phase: 0, track: null }]);
  });

  it("a one-to-one for everyone counts in full, whatever the shares for some", () => {
    const p = onePhaseProgram();
    const [phase] = p.phases;
    if (phase === undefined) throw new Error("no phase");
    const everyone = defineProgram({
      ...p,
      phases: [
        {
          ...phase,
          oneToOne: [
            {
              sessionType: "family-therapy",
              everyWeeks: 2,
              durationMinutes: 60,
              appliesTo: "everyone",
            },
          ],
        },
      ],
    });
    // Individual therapy 60 min weekly (1 h) + family therapy 60 min every 2 weeks (0.5 h).
    const m = compileForecastModel(everyone, { "family-involved": 0.1, "on-medication": 0.1 });
    expect(m.roles).toEqual(["therapist"]);
    expect(rows(m.personHours)).toEqual([[1.5]]);
  });

  it("back to back is not at once: a group ending at 12:00 and one starting at 12:00 need one room", () => {
    const m = compileForecastModel(
      withPattern([...groups("morning", "09:00", 180), ...groups("evening", "12:00", 180)]),
      shares,
    );
    expect(rows(m.roomLoad)).toEqual([
      [1, 0],
      [0, 1],
    ]);
  });

  it("overlapping groups are one moment needing both", () => {
    const m = compileForecastModel(
      withPattern([...groups("morning", "09:00", 180), ...groups("evening", "11:00", 180)]),
      shares,
    );
    expect(rows(m.roomLoad)).toEqual([[1, 1]]);
  });

  it("the same hours on different days are not at once", () => {
    const m = compileForecastModel(
      withPattern([...groups("morning", "09:00", 180), ...groups("evening", "09:00", 270, [2, 4])]),
      shares,
    );
    expect(rows(m.roomLoad)).toEqual([
      [1, 0],
      [0, 1],
    ]);
  });

  it("groups by video need no room: set on the session or on the phase; a session in person or by video does", () => {
    const video = compileForecastModel(
      withPattern([
        ...groups("morning", "09:00", 180, [1, 3, 5], { deliveryModes: ["video"] }),
        ...groups("evening", "09:00", 180, [1, 3, 5], { deliveryModes: ["in-person", "video"] }),
      ]),
      shares,
    );
    expect(rows(video.roomLoad)).toEqual([[0, 1]]);
    const byPhase = compileForecastModel(
      withPattern(
        [...groups("morning", "09:00", 180), ...groups("evening", "18:00", 180)],
        ["video"],
      ),
      shares,
    );
    expect(byPhase.roomLoad).toEqual([]);
    const sessionOverPhase = compileForecastModel(
      withPattern(
        [
          ...groups("morning", "09:00", 180, [1, 3, 5], { deliveryModes: ["in-person"] }),
          ...groups("evening", "18:00", 180),
        ],
        ["video"],
      ),
      shares,
    );
    expect(rows(sessionOverPhase.roomLoad)).toEqual([[1, 0]]);
  });
});
