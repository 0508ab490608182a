#!/usr/bin/env node
// Copies each file into the guides' ```ts file=PATH blocks (run by `npm run format`);
// test/docs-snippets.test.ts fails when a block and its file differ.
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

for (const name of readdirSync("docs/guides").filter((f) => f.endsWith(".md"))) {
  const path = join("docs/guides", name);
  const text = readFileSync(path, "utf8");
  const next = text.replace(
    /^```ts file=(\S+)\n[\s\S]*?^```$/gm,
    (_m, file) => `\`\`\`ts file=${file}\n${readFileSync(file, "utf8").trimEnd()}\n\`\`\``,
  );
  if (next !== text) {
    writeFileSync(path, next);
    console.log(`embedded files into ${path}`);
  }
}
