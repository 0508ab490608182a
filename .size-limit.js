// size-limit budgets, min+gzip (level 9) kB, bundled by esbuild. Two sets:
//
// 1. "with dependencies": what an app's bundle really grows by when it imports iopkit — zod,
//    ts-pattern (and, for iopkit/testing, fast-check) bundled in. These are the figures the README
//    and the performance guide state (scripts/figures.mjs writes them there). Goals (issue 19):
//    { assessEligibility } ≤ 25 kB, { createZoneClock } ≤ 5 kB, { planSchedule } ≤ 30 kB, the whole
//    library ≤ 120 kB. All four are met since the schemas moved to zod/mini (built on first use);
//    each budget is today's measurement plus a small margin.
// 2. "own code": iopkit's own code alone (dependencies excluded), each subpath and two single
//    functions that prove tree-shaking works.
//
// Change a budget here with the reason in the commit. `npm run figures` rewrites the docs' tables
// from a fresh run of these checks.
import { parts } from "./scripts/parts.mjs";

const external = ["zod", "ts-pattern", "fast-check"];

/** Budgets in kB with dependencies bundled, by check name. */
const withDeps = {
  "whole library": 107,
  core: 14,
  sources: 9.5,
  program: 24.5,
  measures: 24,
  participant: 19,
  eligibility: 23,
  schedule: 40,
  privacy: 25,
  attendance: 24.5,
  episode: 28.5,
  aftercare: 28,
  interop: 58,
  testing: 120,
  "{ assessEligibility }": 21,
  "{ createZoneClock }": 2.5,
  "{ planSchedule }": 17.5,
};

/** Budgets in kB of iopkit's own code (dependencies excluded). */
const ownCode = {
  // Own code grew with the schema layer on zod/mini (issue sentences iopkit now writes itself,
  // record formats, code sets) while what an app pays with dependencies fell.
  "whole library": 85.5,
  // The planner as stages (one module per stage, flat typed ledger): +2.3 kB.
  // The zone engine reads Intl itself instead of importing luxon (an app's bundle shrinks by
  // ~21 kB; iopkit's own code grows by ~0.4 kB), and core holds the record formats.
  core: 8.5,
  // The registry of public sources: 67 entries with titles, publishers and URLs.
  sources: 9.5,
  program: 13,
  measures: 12,
  participant: 6.5,
  eligibility: 10.5,
  schedule: 27,
  privacy: 11.5,
  attendance: 12.5,
  episode: 15.5,
  aftercare: 14.5,
  interop: 37,
  testing: 46,
  "{ assessEligibility }": 9,
  "{ createZoneClock }": 2.5,
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
