// keyedLookup steps forward through a sorted keyed list when asked keys in ascending order, halves
// for others, and asks a map for a list that does not ascend: whatever the order of the questions, and whether the list ascends or not,
// it answers exactly as a Map built from the list does.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  isKeyed,
  keyedFromMap,
  keyedLookup,
  unsorted,
  type Keyed,
} from "../../src/analytics/keyed";

const key = fc.stringMatching(/^[a-d]{0,3}$/);

describe("keyedLookup answers as a Map of the list", () => {
  it("for keys asked in ascending order, in any order, and for lists that do not ascend", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(key, { maxLength: 40 }),
        fc.array(key, { maxLength: 60 }),
        fc.constantFrom("ascending", "as drawn", "list unsorted"),
        (keys, asked, how) => {
          const sorted = [...keys].sort();
          const list: Keyed<number> = (how === "list unsorted" ? keys : sorted).map((k, i) => [
            k,
            i,
          ]);
          const questions = how === "ascending" ? [...asked, ...keys].sort() : [...asked, ...keys];
          const lookup = keyedLookup(list);
          const map = new Map(list);
          for (const q of questions) expect(lookup(q)).toBe(map.get(q));
        },
      ),
    );
  });

  it("steps past more than its window of missing keys, and finds keys behind it", () => {
    const list: Keyed<number> = Array.from({ length: 30 }, (_, i) => [
      `k${String(i).padStart(2, "0")}`,
      i,
    ]);
    const lookup = keyedLookup(list);
    expect(lookup("k00")).toBe(0);
    expect(lookup("k25")).toBe(25); // beyond the forward window: found by halving
    expect(lookup("k26")).toBe(26); // and on from there
    expect(lookup("k255")).toBeUndefined(); // between k25 and k26's successors
    expect(lookup("k03")).toBe(3); // behind: found by halving
    expect(lookup("zz")).toBeUndefined();
    expect(keyedLookup([])("a")).toBeUndefined();
  });
});

describe("keyed lists from maps, and what counts as keyed", () => {
  it("a map filled in any order gives its pairs by ascending key, each value converted", () => {
    fc.assert(
      fc.property(fc.uniqueArray(key, { maxLength: 40 }), (keys) => {
        const map = new Map(keys.map((k, i) => [k, i]));
        const list = keyedFromMap(map, (v) => v * 2);
        expect(list).toEqual([...keys].sort().map((k) => [k, (map.get(k) ?? 0) * 2]));
        expect(isKeyed(list)).toBe(true);
      }),
    );
  });

  it("a key twice, or keys out of order, is not keyed; the issue says why", () => {
    expect(
      isKeyed([
        ["a", 1],
        ["a", 2],
      ]),
    ).toBe(false);
    expect(
      isKeyed([
        ["b", 1],
        ["a", 2],
      ]),
    ).toBe(false);
    expect(
      isKeyed([
        ["a", 1],
        ["b", 2],
      ]),
    ).toBe(true);
    expect(isKeyed([])).toBe(true);
    expect(unsorted(["byGroup"])).toEqual({
      code: "unsorted-keys",
      path: ["byGroup"],
      message: "the keys must ascend, each once (as a partial lists them)",
    });
  });
});
