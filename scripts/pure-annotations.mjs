#!/usr/bin/env node
// Finds module-level `const` initialisers in src/ that contain a call but are not written
// `/* @__PURE__ */ pure(() => …)`, which keeps them out of tree-shaken bundles.
// `--fix` rewrites them; without it, lists them and exits 1 when there are any.
import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";

const root = new URL("..", import.meta.url).pathname;
const fix = process.argv.includes("--fix");

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".ts") ? [p] : [];
  });
}

const containsCall = (node) => {
  let found = false;
  const visit = (n) => {
    if (found) return;
    // Function bodies run later, not at module load.
    if (
      ts.isArrowFunction(n) ||
      ts.isFunctionExpression(n) ||
      ts.isFunctionDeclaration(n) ||
      ts.isMethodDeclaration(n)
    )
      return;
    if (ts.isCallExpression(n) || ts.isNewExpression(n) || ts.isTaggedTemplateExpression(n))
      found = true;
    else ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
};

/** Module-level const initialisers with a call that are not already `/* @__PURE__ *\/ pure(() => …)`. */
export function unannotated(file) {
  const text = readFileSync(file, "utf8");
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out = [];
  for (const stmt of sf.statements) {
    if (!ts.isVariableStatement(stmt)) continue;
    for (const decl of stmt.declarationList.declarations) {
      const init = decl.initializer;
      if (init === undefined || !containsCall(init)) continue;
      const isWrapped =
        ts.isCallExpression(init) &&
        ts.isIdentifier(init.expression) &&
        init.expression.text === "pure" &&
        /@__PURE__/.test(text.slice(init.getFullStart(), init.getStart()));
      if (!isWrapped)
        out.push({
          file,
          name: decl.name.getText(sf),
          start: init.getStart(),
          end: init.getEnd(),
          line: sf.getLineAndCharacterOfPosition(init.getStart()).line + 1,
        });
    }
  }
  return out;
}

const all = files(join(root, "src"))
  .filter((f) => !f.endsWith("/core/pure.ts"))
  .flatMap((f) => unannotated(f));
if (fix) {
  const byFile = new Map();
  for (const u of all) byFile.set(u.file, [...(byFile.get(u.file) ?? []), u]);
  for (const [file, items] of byFile) {
    let text = readFileSync(file, "utf8");
    for (const u of [...items].sort((a, b) => b.start - a.start)) {
      const expr = text.slice(u.start, u.end);
      const body = expr.trimStart().startsWith("{") ? `(${expr})` : expr;
      text = `${text.slice(0, u.start)}/* @__PURE__ */ pure(() => ${body})${text.slice(u.end)}`;
    }
    if (!/import \{[^}]*\bpure\b[^}]*\} from "[^"]*pure"/.test(text)) {
      const rel = relative(join(file, ".."), join(root, "src", "core", "pure")).replace(/\\/g, "/");
      const spec = rel.startsWith(".") ? rel : `./${rel}`;
      const firstImport = text.search(/^import /m);
      const at = firstImport === -1 ? 0 : firstImport;
      text = `${text.slice(0, at)}import { pure } from "${spec}";\n${text.slice(at)}`;
    }
    writeFileSync(file, text);
    console.log(`annotated ${items.length} in ${relative(root, file)}`);
  }
} else if (process.argv[1] === new URL(import.meta.url).pathname) {
  for (const u of all)
    console.log(
      `${relative(root, u.file)}:${u.line} ${u.name} is built by a call at module level: write it /* @__PURE__ */ pure(() => …)`,
    );
  if (all.length > 0) process.exit(1);
}
