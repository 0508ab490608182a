// Test helpers: answer lists with a chosen total, built from the instrument data by a greedy fill
// that is independent of the scoring code.
import { instruments, type InstrumentId } from "iopkit/measures";

/** Integer answers (items 0–max) summing to `total`, filled from item 1. */
export function codesWithTotal(id: "phq-9" | "gad-7" | "audit-c", total: number): number[] {
  const def = instruments[id];
  let left = total;
  return def.items.map((item) => {
    const max =
      item.response.kind === "options" ? Math.max(...item.response.options.map((o) => o.value)) : 0;
    const v = Math.min(max, left);
    left -= v;
    return v;
  });
}

/** DAST-10 yes/no answers scoring `total` points: item 3 scores on "no", the others on "yes". */
export function dastWithTotal(total: number): boolean[] {
  return Array.from({ length: 10 }, (_, i) => {
    const scores = i < total;
    return i === 2 ? !scores : scores;
  });
}

/** The DOMAIN.md "Instruments" row a test rests on. */
export const DOMAIN = (id: InstrumentId): string =>
  `DOMAIN.md "Instruments", ${instruments[id].shortName} row`;
