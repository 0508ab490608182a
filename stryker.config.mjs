// StrykerJS (mutation testing) with its vitest runner. Run it through `npm run mutation -- <files>`
// (scripts/mutation.mjs), which sets the part whose tests judge the mutants and the property runs.
/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  vitest: { configFile: "vitest.mutation.config.ts" },
  plugins: ["@stryker-mutator/vitest-runner"],
  coverageAnalysis: "perTest",
  concurrency: 2,
  reporters: ["clear-text", "json", "progress"],
  jsonReporter: { fileName: ".tmp/mutation/report.json" },
  incremental: true,
  incrementalFile: "mutation/incremental.json",
  tempDirName: ".stryker-tmp",
  cleanTempDir: "always",
  thresholds: { high: 85, low: 80, break: null },
  timeoutMS: 20000,
};
