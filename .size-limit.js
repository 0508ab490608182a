// size-limit budgets, min+gzip (level 9) kB, bundled by esbuild. Two sets:
//
// 1. "with dependencies": what an app's bundle really grows by when it imports iopkit — zod,
//    ts-pattern (and, for iopkit/testing, fast-check) bundled in. These are the figures the README
//    and the performance guide state (scripts/figures.mjs writes them there). Goals (issue 19):
//    { assessEligibility } ≤ 25 kB, { createZoneClock } ≤ 5 kB, { planSchedule } ≤ 30 kB, the whole
//    library ≤ 120 kB. createZoneClock and planSchedule meet theirs; the budgets of zod-using parts
//    are today's measurement plus a small margin until the schemas move to zod/mini.
// 2. "own code": iopkit's own code alone (dependencies excluded), each subpath and two single
//    functions that prove tree-shaking works.
//
// Change a budget here with the reason in the commit. `npm run figures` rewrites the docs' tables
// from a fresh run of these checks.
import { parts } from "./scripts/parts.mjs";

const external = ["zod", "ts-pattern", "fast-check"];

/** Budgets in kB with dependencies bundled, by check name. */
const withDeps = {
  "whole library": 172,
  core: 100,
  program: 105,
  measures: 104,
  participant: 98,
  eligibility: 104,
  schedule: 115,
  privacy: 105,
  attendance: 104,
  episode: 108,
  aftercare: 108,
  interop: 128,
  testing: 195,
  "{ assessEligibility }": 103,
  "{ createZoneClock }": 2.5,
  "{ planSchedule }": 15,
};

/** Budgets in kB of iopkit's own code (dependencies excluded). */
const ownCode = {
  "whole library": 76,
  // 5.5 → 6: the zone engine reads Intl itself instead of importing luxon (an app's bundle
  // shrinks by ~21 kB; iopkit's own code grows by ~0.4 kB).
  core: 6,
  program: 10,
  measures: 10,
  participant: 3.5,
  eligibility: 8.5,
  schedule: 21,
  privacy: 10,
  attendance: 24,
  episode: 28,
  aftercare: 30,
  interop: 40,
  testing: 40,
  "{ assessEligibility }": 12,
  "{ createZoneClock }": 3,
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
