#!/usr/bin/env node
// Bundles the "Try it" page's app (scripts/try-it/app.ts) with iopkit from this build (src/, through
// the tsconfig paths) into docs/site/assets/try-it.js. Run by `npm run docs` after typedoc (which
// empties docs/site). The page loads it through docs/theme/site.js.
import { build } from "esbuild";

await build({
  entryPoints: ["scripts/try-it/app.ts"],
  outfile: "docs/site/assets/try-it.js",
  bundle: true,
  format: "esm",
  platform: "browser",
  target: "es2022",
  minify: true,
  tsconfig: "tsconfig.json",
  legalComments: "none",
  logLevel: "error",
});
