// Pack smoke extra: the JSON Schema files ship under dist/schemas/ and resolve through the
// `iopkit/schemas/*` export, from CommonJS (require) and ESM (import with a JSON attribute), each
// with its canonical $id named after the file.
export default function schemas({ full, run, write }) {
  write(
    full,
    "schemas.cjs",
    `const { readdirSync } = require("node:fs");
const { dirname } = require("node:path");
const dir = dirname(require.resolve("iopkit/schemas/program.schema.json"));
const files = readdirSync(dir).filter((f) => f.endsWith(".schema.json"));
if (files.length < 10) throw new Error("too few schema files: " + files.join(", "));
for (const f of files) {
  const s = require("iopkit/schemas/" + f);
  if (s.$schema !== "https://json-schema.org/draft/2020-12/schema") throw new Error(f + ": not draft 2020-12");
  if (!s.$id.endsWith("/" + f)) throw new Error(f + ": $id " + s.$id);
}
console.log("schemas (cjs) ok:", files.length, "files");
`,
  );
  write(
    full,
    "schemas.mjs",
    `import program from "iopkit/schemas/program.schema.json" with { type: "json" };
import { jsonSchema } from "iopkit/interop";
if (JSON.stringify(program) !== JSON.stringify(jsonSchema("Program"))) throw new Error("shipped Program schema differs from jsonSchema('Program')");
console.log("schemas (esm) ok:", program.$id);
`,
  );
  process.stdout.write(run("node", ["schemas.cjs"], full));
  process.stdout.write(run("node", ["schemas.mjs"], full));
}
