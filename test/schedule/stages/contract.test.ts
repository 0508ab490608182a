// The stage table is the contract between the stages (src/schedule/pipeline.ts): each stage reads
// only the planning-state fields it declares, and changes only those it declares it writes. Run on
// golden inputs that exercise every stage (keep, closures, staff, tests, merges).
import { describe, expect, it } from "vitest";
import { planningStages, resultStage } from "../../../src/schedule/pipeline";
import type { PlanState } from "../../../src/schedule/state";
import { goldenCases } from "../golden-inputs";
import { freshState } from "./helpers";

/** A deep, comparable picture of a value: maps, sets and typed arrays included, functions left out. */
function picture(value: unknown, seen = new Set<unknown>()): unknown {
  if (typeof value === "function") return "ƒ";
  if (value === null || typeof value !== "object")
    return typeof value === "number" ? String(value) : value;
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number>).join(",");
  if (seen.has(value)) return "↺";
  seen.add(value);
  const out =
    value instanceof Map
      ? [...value.entries()].map(([k, v]) => [picture(k, seen), picture(v, seen)])
      : value instanceof Set
        ? [...value].map((v) => picture(v, seen))
        : Array.isArray(value)
          ? value.map((v) => picture(v, seen))
          : Object.fromEntries(Object.entries(value).map(([k, v]) => [k, picture(v, seen)]));
  seen.delete(value);
  return out;
}

/** The state seen through a proxy that records which of its fields are read. */
function watched(state: PlanState): { state: PlanState; read: Set<string> } {
  const read = new Set<string>();
  const proxy = new Proxy(state, {
    get(target, key, receiver) {
      if (typeof key === "string") read.add(key);
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  return { state: proxy, read };
}

const names = [
  "template substance-use adult, 40 people, staff",
  "closures: Thanksgiving, with make-ups",
  "drug tests: three a week, any spacing",
  "rolling admissions: capacity 6, minimum 3",
  "re-plan with keep: early step-downs",
  "re-plan with keep: discharges, no staff",
  "unschedulable: duplicate, unknown phase, outside the window, only a weekend",
  "venues: two sites 30 minutes apart",
  "venues: staff limits (6 h a day, 24 h a week, 15-minute breaks)",
];
const cases = goldenCases().filter((c) => names.includes(c.name));

/** Per stage, every field any case saw it read. */
const observed = new Map<string, Set<string>>(
  [...planningStages, resultStage].map((s) => [s.name, new Set()]),
);

describe("the stage table", () => {
  it("names real fields of the planning state, and each stage writes something", () => {
    const fields = Object.keys(freshState(cases[0]?.input ?? (undefined as never)));
    for (const stage of planningStages) {
      for (const f of [...stage.reads, ...stage.writes]) expect(fields).toContain(f);
      expect(stage.writes.length).toBeGreaterThan(0);
    }
  });

  it.each(cases.map((c) => [c.name, c] as const))(
    "%s: every stage reads and writes only what it declares",
    (_name, c) => {
      expect(cases).toHaveLength(names.length);
      const state = freshState(c.input);
      for (const stage of planningStages) {
        const fields = Object.keys(state) as (keyof PlanState)[];
        const before = new Map(fields.map((f) => [f, JSON.stringify(picture(state[f]))]));
        const view = watched(state);
        stage.run(view.state);
        for (const f of view.read) observed.get(stage.name)?.add(f);
        const changed = fields.filter((f) => JSON.stringify(picture(state[f])) !== before.get(f));
        const allowed = new Set<string>([...stage.reads, ...stage.writes, "memo"]);
        expect({
          stage: stage.name,
          changed: changed.filter((f) => f !== "memo" && !stage.writes.includes(f)),
        }).toEqual({ stage: stage.name, changed: [] });
        expect({
          stage: stage.name,
          undeclared: [...view.read].filter((f) => !allowed.has(f)),
        }).toEqual({ stage: stage.name, undeclared: [] });
      }
      const view = watched(state);
      resultStage.build(view.state);
      for (const f of view.read) observed.get(resultStage.name)?.add(f);
      expect(
        [...view.read].filter(
          (f) => f !== "memo" && !(resultStage.reads as readonly string[]).includes(f),
        ),
      ).toEqual([]);
    },
  );

  it("declares no read that no case makes", () => {
    for (const stage of [...planningStages, resultStage]) {
      const seen = observed.get(stage.name) ?? new Set();
      expect({ stage: stage.name, unused: stage.reads.filter((f) => !seen.has(f)) }).toEqual({
        stage: stage.name,
        unused: [],
      });
    }
  });
});
