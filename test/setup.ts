// Property tests run with a fixed seed so CI is reproducible. Override with FC_SEED=<int> to
// explore, FC_RUNS=<n> for more runs of every property that does not fix its own count (the
// default is 100; FC_NUM_RUNS is an older name for it). fast-check prints `{ seed, path }` with
// every failure; rerun with FC_SEED=<seed> to reproduce it.
import fc from "fast-check";

const seedText = process.env["FC_SEED"];
const seed = seedText === undefined || seedText === "" ? 20_260_309 : Number(seedText);
if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED must be an integer, got ${seedText}`);
const numRunsText = process.env["FC_RUNS"] ?? process.env["FC_NUM_RUNS"];
const numRuns = numRunsText === undefined || numRunsText === "" ? 100 : Number(numRunsText);
if (!Number.isSafeInteger(numRuns) || numRuns < 1)
  throw new Error(`FC_RUNS must be a positive integer, got ${numRunsText}`);

fc.configureGlobal({ seed, numRuns });
