// size-limit budgets, min+gzip (level 9) kB, bundled by esbuild. Two sets:
//
// 1. "with dependencies": what an app's bundle really grows by when it imports iopkit — zod,
//    ts-pattern (and, for iopkit/testing, fast-check) bundled in. These are the figures the README
//    and the performance guide state (scripts/figures.mjs writes them there). Goals (issue 19):
//    { assessEligibility } ≤ 25 kB, { createZoneClock } ≤ 5 kB, { planSchedule } ≤ 30 kB, the whole
//    library ≤ 120 kB. The first three are met since the schemas moved to zod/mini (built on first
//    use). The whole library is 123.4 kB after rooms, delivery modes and staff limits (issue 15),
//    the clinical round-2 items (issue 13) and the Authorization record with S17 (issue 17), over
//    its goal by 3.4 kB (an app that imports
//    functions pays only for them); the FHIR readers are a subpath (iopkit/fhir-read) so they do
//    not add to it. Each budget is today's measurement plus a margin.
// 2. "own code": iopkit's own code alone (dependencies excluded), each subpath and two single
//    functions that prove tree-shaking works.
//
// Change a budget here with the reason in the commit. `npm run figures` rewrites the docs' tables
// from a fresh run of these checks.
import { parts } from "./scripts/parts.mjs";

const external = ["zod", "ts-pattern", "fast-check"];

/** Budgets in kB with dependencies bundled, by check name. */
// Clinical round 2 (overdose and crisis components, billing hints, ASAM 4th-edition dimensions,
// level 2.7, checked eligibility options, cited instrument sources): whole library +1.2 kB.
const withDeps = {
  "whole library": 124.5,
  core: 15.0,
  sources: 11,
  program: 28.5,
  measures: 25.5,
  participant: 20.0,
  eligibility: 24.5,
  schedule: 47.5,
  privacy: 27.5,
  attendance: 26.5,
  episode: 32.0,
  aftercare: 31.0,
  // analyticsJob (several aggregates over one pass, sharing the row readers): 55.5 kB measured.
  // The reports' faster paths (follow-up's first service and histograms by one sort, TEDS's code
  // Maps, firstDayIn): 55.84 kB measured.
  analytics: 56.0,
  // Issue 17 (a subpath only): the forecast, Erlang-B and the waitlist, with the program and
  // analytics code they read, and the authorisation ledger, Medicare certification and billable
  // days: 36.7 kB measured after both halves merged; with `matchAttendance`, 37.7 kB.
  capacity: 38.0,
  interop: 64.0,
  // The FHIR readers (issue 22): a subpath only, so the whole library above does not carry them.
  // The NDJSON bulk path for total-score Observations: +0.8 kB.
  "fhir-read": 39.5,
  // Arbitraries that cover their whole option space (issue 23: every consent purpose, session
  // type, invalid-record rule, …): 138.8 kB measured.
  testing: 139.5,
  "{ assessEligibility }": 22,
  "{ createZoneClock }": 2.5,
  // The ISO-date reader without a regular expression (faster, a few bytes larger): +0.04 kB.
  "{ planSchedule }": 23.1,
};

/** Budgets in kB of iopkit's own code (dependencies excluded). */
const ownCode = {
  // Own code grew with the schema layer on zod/mini (issue sentences iopkit now writes itself,
  // record formats, code sets) while what an app pays with dependencies fell.
  "whole library": 103.5,
  // The planner as stages (one module per stage, flat typed ledger): +2.3 kB.
  // The zone engine reads Intl itself instead of importing luxon (an app's bundle shrinks by
  // ~21 kB; iopkit's own code grows by ~0.4 kB), and core holds the record formats.
  core: 9.5,
  // The registry of public sources: 79 entries with titles, publishers and URLs (+12 for the
  // analytics definitions: TEDS, HEDIS FUA/FUM/FUI, quantiles, survival, the inverse normal).
  sources: 11,
  // billingHints, the meal-support and peer-recovery-support session types, asamDimensions,
  // usesAsamLevels: +1 kB.
  program: 17.0,
  measures: 13.0,
  // Consent format 3 (TPO scope check and migration step, statements, signer bases): +0.3 kB.
  // The Authorization record (issue 17): +0.35 kB.
  participant: 8.0,
  // Checked options, the no-track and 4th-edition reasons: +0.7 kB.
  eligibility: 12.5,
  // S17: the authorisation walk shared by the planner and checkSchedule (issue 17): +0.2 kB.
  schedule: 35.0,
  privacy: 14.0,
  // Matching records by the previous record's session and next seat first: +0.1 kB.
  attendance: 14.75,
  episode: 18.5,
  // Overdose prevention and crisis support with their cited messages: +0.95 kB.
  aftercare: 17.5,
  // A subpath only (back-end jobs): the seven aggregates, their definition tables, and the
  // sources registry its definitions are checked against (≈ 10.5 kB of the 38.7).
  // analyticsJob (several aggregates over one pass, sharing the row readers): 42.0 kB measured.
  // The reports' faster paths: 42.34 kB measured.
  analytics: 42.5,
  // The forecast (analytic and simulated), Erlang-B, the waitlist record and its rules, the
  // authorisation ledger, Medicare certification and billable days: 24.8 kB measured.
  // `matchAttendance` (one match shared by the ledger and billable days): 25.9 kB measured.
  capacity: 26.0,
  // The FHIR readers (issue 22): +11.6 kB (they also pull in scoring and the record parsers).
  interop: 43.0,
  // The NDJSON bulk path for total-score Observations: +0.8 kB.
  "fhir-read": 27.5,
  // The synthetic clinic (analytics inputs over months, with dropout) and the analytics code it
  // writes rows for.
  // Capacity arbitraries (referral streams, waitlists, stays, authorisations): 66.1 measured.
  testing: 67.5,
  "{ assessEligibility }": 10.5,
  "{ createZoneClock }": 3.0,
};

/** What is measured: the main entry whole, each subpath whole, and single imports from the main entry. */
const targets = [
  { key: "whole library", path: "dist/index.js", import: "*" },
  ...parts.map((p) => ({ key: p.name, path: `dist/${p.name}/index.js`, import: "*" })),
  ...["assessEligibility", "createZoneClock", "planSchedule"].map((f) => ({
    key: `{ ${f} }`,
    path: "dist/index.js",
    import: `{ ${f} }`,
  })),
];

const label = (key) =>
  key.startsWith("{")
    ? `import ${key} from "iopkit"`
    : key === "whole library"
      ? 'import * from "iopkit"'
      : `import * from "iopkit/${key}"`;

export default [
  ...targets.map((t) => ({
    name: `${label(t.key)}, with dependencies`,
    path: t.path,
    import: t.import,
    gzip: true,
    // size-limit always leaves peer dependencies (zod, fast-check) out; an app bundles them.
    modifyEsbuildConfig: (config) => ({ ...config, external: [] }),
    limit: `${withDeps[t.key]} kB`,
  })),
  ...targets
    .filter((t) => ownCode[t.key] !== undefined)
    .map((t) => ({
      name: `${label(t.key)}, own code`,
      path: t.path,
      import: t.import,
      ignore: external,
      gzip: true,
      limit: `${ownCode[t.key]} kB`,
    })),
];
