#!/usr/bin/env node
// Finds module-level `const` initialisers in src/ that contain a call but are not written
// `/* @__PURE__ */ pure(() => …)` (a table or value built at import) or
// `/* @__PURE__ */ lazySchema(() => …)` / `lazyInternal(() => …)` (a zod schema, built on first
// use), which keeps them out of tree-shaken bundles; and `pure(() => …)` bodies that build a zod
// schema (`z.…(…)`) at import, which must be lazy instead: importing iopkit builds no schema.
// `--fix` wraps the unannotated ones in `pure`; without it, lists them and exits 1 when there are any.
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

/** The wrappers a module-level value built by a call may use; only `pure` runs its thunk at import. */
const WRAPPERS = new Set(["pure", "lazySchema", "lazyInternal"]);

/** True when `node` (outside nested functions' bodies that run later) calls `z.<something>(…)`. */
const buildsSchema = (node) => {
  let found = false;
  const visit = (n) => {
    if (found) return;
    if (
      ts.isCallExpression(n) &&
      ts.isPropertyAccessExpression(n.expression) &&
      ts.isIdentifier(n.expression.expression) &&
      n.expression.expression.text === "z"
    )
      found = true;
    else ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
};

/**
 * Module-level const initialisers with a call that are not already wrapped and annotated pure
 * (`reason: "unannotated"`), and `pure(() => …)` thunks that build a zod schema at import
 * (`reason: "schema-at-import"`).
 */
export function unannotated(file) {
  const text = readFileSync(file, "utf8");
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out = [];
  for (const stmt of sf.statements) {
    if (!ts.isVariableStatement(stmt)) continue;
    for (const decl of stmt.declarationList.declarations) {
      const init = decl.initializer;
      if (init === undefined || !containsCall(init)) continue;
      const wrapper =
        ts.isCallExpression(init) &&
        ts.isIdentifier(init.expression) &&
        WRAPPERS.has(init.expression.text) &&
        /@__PURE__/.test(text.slice(init.getFullStart(), init.getStart()))
          ? init.expression.text
          : undefined;
      const at = {
        file,
        name: decl.name.getText(sf),
        start: init.getStart(),
        end: init.getEnd(),
        line: sf.getLineAndCharacterOfPosition(init.getStart()).line + 1,
      };
      if (wrapper === undefined) out.push({ ...at, reason: "unannotated" });
      else if (wrapper === "pure" && init.arguments.some(buildsSchema))
        out.push({ ...at, reason: "schema-at-import" });
    }
  }
  return out;
}

const all = files(join(root, "src"))
  .filter((f) => !f.endsWith("/core/pure.ts"))
  .flatMap((f) => unannotated(f));
if (fix) {
  const byFile = new Map();
  for (const u of all.filter((x) => x.reason === "unannotated"))
    byFile.set(u.file, [...(byFile.get(u.file) ?? []), u]);
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
      u.reason === "unannotated"
        ? `${relative(root, u.file)}:${u.line} ${u.name} is built by a call at module level: write it /* @__PURE__ */ pure(() => …)`
        : `${relative(root, u.file)}:${u.line} ${u.name} builds a zod schema at import: write it /* @__PURE__ */ lazySchema(() => …)`,
    );
  if (all.length > 0) process.exit(1);
}
