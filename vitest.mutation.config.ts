// The test run StrykerJS uses for each mutant (npm run mutation): the tests of one part only
// (MUTATION_PART, e.g. "schedule"), no type tests, and fewer property runs (FC_RUNS, set by
// scripts/mutation.mjs) so each mutant costs seconds rather than minutes.
import { defineConfig } from "vitest/config";
import base from "./vitest.config";

const part = process.env["MUTATION_PART"];
if (part === undefined || !/^[a-z]+$/.test(part))
  throw new Error("MUTATION_PART must name a part (a folder of test/), e.g. schedule");

// mergeConfig would concatenate the include lists: the part's tests replace the whole list instead.
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: [`test/${part}/**/*.test.ts`],
    typecheck: { enabled: false },
  },
});
