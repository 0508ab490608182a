#!/usr/bin/env node
// The public API, one report per entry (`iopkit` and each `iopkit/<part>`) in etc/, written by
// api-extractor from the .d.ts files the build ships (run `npm run build` first). A changed public
// API shows as a diff of these files to review (and to follow in the version and the CHANGELOG).
//
//   node scripts/api-report.mjs            check: exit 1, printing the diff, if any report is stale
//   node scripts/api-report.mjs --update   rewrite the reports (npm run api:update)
//
// One TypeScript program is shared by all the entries (api-extractor's CompilerState).
// `npm run api:update` builds first, then runs this with --update.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { CompilerState, Extractor, ExtractorConfig } from "@microsoft/api-extractor";
import { parts } from "./parts.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const update = process.argv.includes("--update");
const reportFolder = join(root, "etc");
const tempFolder = join(root, ".tmp", "api");
mkdirSync(reportFolder, { recursive: true });
mkdirSync(tempFolder, { recursive: true });

const entries = [
  { name: "iopkit", dts: "dist/index.d.ts" },
  ...parts.map((p) => ({ name: `iopkit-${p.name}`, dts: `dist/${p.name}/index.d.ts` })),
];
const silent = { logLevel: "none" };

const configFor = (entry) =>
  ExtractorConfig.prepare({
    configObject: {
      projectFolder: root,
      mainEntryPointFilePath: join(root, entry.dts),
      compiler: {
        overrideTsconfig: {
          compilerOptions: {
            strict: true,
            skipLibCheck: true,
            target: "ES2022",
            lib: ["ES2022", "DOM"],
            module: "ESNext",
            moduleResolution: "Bundler",
            types: [],
          },
          files: entries.map((e) => join(root, e.dts)),
        },
      },
      apiReport: {
        enabled: true,
        reportFileName: entry.name,
        reportFolder,
        reportTempFolder: tempFolder,
      },
      docModel: { enabled: false },
      dtsRollup: { enabled: false },
      tsdocMetadata: { enabled: false },
      newlineKind: "lf",
      // Findings go into the report itself (as `// Warning:` lines); typedoc checks the TSDoc.
      messages: {
        compilerMessageReporting: { default: { logLevel: "error" } },
        extractorMessageReporting: { default: silent },
        tsdocMessageReporting: { default: silent },
      },
    },
    configObjectFullPath: undefined,
    packageJsonFullPath: join(root, "package.json"),
  });

const configs = entries.map(configFor);
const [first] = configs;
const compilerState = CompilerState.create(first, {
  additionalEntryPoints: entries.map((e) => join(root, e.dts)),
});

const stale = [];
const errors = [];
for (const [i, config] of configs.entries()) {
  const entry = entries[i];
  const result = Extractor.invoke(config, {
    localBuild: update,
    compilerState,
    showVerboseMessages: false,
    messageCallback: (message) => {
      if (message.logLevel === "error") errors.push(`${entry.name}: ${message.text}`);
      message.handled = true;
    },
  });
  if (!result.succeeded && !result.apiReportChanged)
    errors.push(`${entry.name}: api-extractor failed`);
  if (result.apiReportChanged) stale.push(entry.name);
}

if (errors.length > 0) {
  console.error(errors.join("\n"));
  process.exit(1);
}
if (update) {
  console.log(
    stale.length === 0
      ? `api reports: ${entries.length} unchanged in etc/`
      : `api reports: rewrote ${stale.join(", ")} in etc/`,
  );
} else if (stale.length > 0) {
  for (const name of stale) {
    const committed = `etc/${name}.api.md`;
    const fresh = `.tmp/api/${name}.api.md`;
    const diff = spawnSync("git", ["diff", "--no-index", "--no-color", committed, fresh], {
      cwd: root,
      encoding: "utf8",
    });
    process.stdout.write(diff.stdout || `${name}: ${committed} is missing\n`);
  }
  console.error(
    `\nThe public API differs from etc/ in ${stale.join(", ")}. If the change is meant, run ` +
      "`npm run api:update`, commit etc/, and record it in CHANGELOG.md (semver: a removed or " +
      "changed name is breaking).",
  );
  process.exit(1);
} else {
  const names = entries.reduce(
    (n, e) =>
      n +
      (readFileSync(join(reportFolder, `${e.name}.api.md`), "utf8").match(/^export /gm)?.length ??
        0),
    0,
  );
  console.log(`api reports: ${entries.length} entries match etc/ (${names} export lines)`);
}
