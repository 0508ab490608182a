/**
 * The planner's stages, in the order `planSchedule` runs them: one table that the planner
 * iterates, its tests check (each stage writes only what it declares) and the scheduling guide's
 * diagram is drawn from (`scripts/stage-diagram.ts`). Internal to `planSchedule`.
 * @internal
 */
import type { InvariantCode } from "./records";
import type { PlanState } from "./state";
import { admitPeople } from "./stages/people";
import { formGroups } from "./stages/rosters";
import { bookKeptSessions } from "./stages/kept";
import { planGroupSessions } from "./stages/group-sessions";
import { placeOneToOnes } from "./stages/one-to-ones";
import { placeMakeUps } from "./stages/make-ups";
import { placeDrugTests } from "./stages/drug-tests";
import { assignRooms } from "./stages/rooms";
import { judgeWeeklyHours } from "./stages/weekly-hours";
import { scheduleOf } from "./stages/result";

/** One stage of the planner. @internal */
export interface Stage {
  /** A short name, as the diagram shows it. */
  readonly name: string;
  /** The module that holds it, under `src/schedule/`. */
  readonly module: string;
  /** What it does, in one line (the diagram's second line). */
  readonly does: string;
  /** The invariants it is responsible for (its TSDoc says how). */
  readonly invariants: readonly InvariantCode[];
  /** The fields of the planning state it reads. */
  readonly reads: readonly (keyof PlanState)[];
  /** The fields of the planning state it writes (and no others). */
  readonly writes: readonly (keyof PlanState)[];
  /** Runs the stage on the state. */
  readonly run: (state: PlanState) => void;
}

/** The stages, in order. @internal */
export const planningStages: readonly Stage[] = [
  {
    name: "People",
    module: "stages/people.ts",
    does: "paths, tracks; who cannot be placed",
    invariants: ["S6", "S7", "S9", "S13", "S16"],
    reads: ["input", "program", "clinic", "venue", "desk"],
    writes: ["people", "unschedulable"],
    run: admitPeople,
  },
  {
    name: "Rosters",
    module: "stages/rosters.ts",
    does: "groups by phase and track; merges",
    invariants: ["S3"],
    reads: ["input", "program", "clinic", "keepDay", "people"],
    writes: ["groups"],
    run: formGroups,
  },
  {
    name: "Kept sessions",
    module: "stages/kept.ts",
    does: "a re-plan keeps the past as it was",
    invariants: [],
    reads: ["input", "clinic", "people", "keepDay"],
    writes: ["ledger", "desk", "groups"],
    run: bookKeptSessions,
  },
  {
    name: "Group sessions",
    module: "stages/group-sessions.ts",
    does: "weekly patterns → dated sessions",
    invariants: ["S2", "S3", "S4", "S10", "S15", "S16"],
    reads: ["program", "clinic", "venue", "groups", "keepDay"],
    writes: ["ledger", "desk", "groups", "lost", "shortfalls"],
    run: planGroupSessions,
  },
  {
    name: "One-to-ones",
    module: "stages/one-to-ones.ts",
    does: "individual, family, medication, case management",
    invariants: ["S1", "S2", "S4", "S8", "S9", "S15", "S16"],
    reads: ["program", "clinic", "venue", "people", "keepDay"],
    writes: ["ledger", "desk", "shortfalls"],
    run: placeOneToOnes,
  },
  {
    name: "Make-ups",
    module: "stages/make-ups.ts",
    does: "sessions lost to closures, where hours fall short",
    invariants: ["S1", "S2", "S4", "S5", "S9", "S16"],
    reads: ["program", "clinic", "venue", "lost", "keepDay"],
    writes: ["ledger", "desk", "shortfalls"],
    run: placeMakeUps,
  },
  {
    name: "Drug tests",
    module: "stages/drug-tests.ts",
    does: "random days, seeded (any open day with call-in testing)",
    invariants: ["S1", "S2", "S4", "S9", "S11", "S12"],
    reads: ["input", "program", "clinic", "venue", "people", "keepDay"],
    writes: ["ledger", "desk", "shortfalls"],
    run: placeDrugTests,
  },
  {
    name: "Rooms",
    module: "stages/rooms.ts",
    does: "a free room of the right kind and size",
    invariants: ["S14", "S15"],
    reads: ["program", "clinic", "venue", "people", "desk", "ledger"],
    writes: ["ledger", "shortfalls"],
    run: assignRooms,
  },
  {
    name: "Weekly hours",
    module: "stages/weekly-hours.ts",
    does: "weeks outside their band; nobody dropped",
    invariants: ["S5", "S13"],
    reads: ["program", "clinic", "people", "ledger", "keepDay"],
    writes: ["shortfalls", "unschedulable"],
    run: judgeWeeklyHours,
  },
];

/** The last step: the planning state as a `Schedule`. @internal */
export const resultStage = {
  name: "Result",
  module: "stages/result.ts",
  does: "sessions in start order, rosters, shortfalls; sessions no authorisation covers",
  invariants: ["S11", "S17"],
  reads: [
    "input",
    "clinic",
    "program",
    "venue",
    "people",
    "ledger",
    "groups",
    "desk",
    "unschedulable",
    "shortfalls",
  ],
  build: scheduleOf,
} as const satisfies Omit<Stage, "run" | "writes"> & { build: typeof scheduleOf };
