#!/usr/bin/env node
// Writes dist/schemas/<name>.schema.json — the JSON Schema (draft 2020-12) of every input record,
// as `jsonSchemas` (iopkit/interop) builds it — for apps written in other languages; the package
// exports them as `iopkit/schemas/*`. Runs after tsup in `npm run build` (it reads dist/).
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/**
 * The files to write: one per record, named after the last segment of its `$id`.
 * @param {{ jsonSchemaNames: readonly string[]; jsonSchema: (name: string) => { $id: string } }} interop
 */
export function schemaFiles(interop) {
  return interop.jsonSchemaNames.map((name) => {
    const schema = interop.jsonSchema(name);
    const file = new URL(schema.$id).pathname.split("/").pop();
    return { name, file, text: `${JSON.stringify(schema, null, 2)}\n` };
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const interop = await import(pathToFileURL(join(root, "dist", "interop", "index.js")).href);
  const out = join(root, "dist", "schemas");
  mkdirSync(out, { recursive: true });
  const files = schemaFiles(interop);
  for (const f of files) writeFileSync(join(out, f.file), f.text);
  console.log(`write-schemas: ${files.length} JSON Schemas in dist/schemas/`);
}
