// The `@example` blocks of the TSDoc in src, as programs: each block is written to its own file
// with imports of the public names it uses (from its own part's entry first, then the main entry,
// then the other parts) and of the sample data it names (test/docs/tsdoc-fixtures.ts), so that the
// docs-snippets check can type-check and run it like a guide's snippet.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { parts } from "../../scripts/parts.mjs";

/** One `@example` block. */
export interface TsdocExample {
  /** The source file, relative to the repository root. */
  readonly source: string;
  /** The line of the `@example` tag (1-based). */
  readonly line: number;
  /** The example's code; an inline example (`` @example `a === b` ``) becomes an assertion. */
  readonly code: string;
  /** A fenced block marked ```` ```ts no-run ````: type-checked, not run (it calls an app's I/O). */
  readonly noRun: boolean;
}

function files(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return files(path);
      return path.endsWith(".ts") && !path.endsWith(".d.ts") ? [path] : [];
    });
}

/** Every `@example` block in the `.ts` files under `dir`, in file and line order. */
export function tsdocExamples(root: string, dir = "src"): TsdocExample[] {
  const out: TsdocExample[] = [];
  for (const path of files(join(root, dir))) {
    const text = readFileSync(path, "utf8");
    for (const m of text.matchAll(/\/\*\*([\s\S]*?)\*\//g)) {
      const startLine = text.slice(0, m.index).split("\n").length;
      const lines = (m[1] ?? "").split("\n").map((l) => l.replace(/^\s*\* ?/, ""));
      for (let i = 0; i < lines.length; i++) {
        const tag = /^\s*@example\b(.*)$/.exec(lines[i] ?? "");
        if (tag === null) continue;
        const source = relative(root, path);
        const line = startLine + i;
        // Inline: `a === b`, or several such spans separated by commas, then maybe words.
        const spans = /^\s*(`[^`]+`(?:\s*,\s*`[^`]+`)*)/.exec(tag[1] ?? "");
        if (spans !== null) {
          const exprs = [...(spans[1] ?? "").matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? "");
          out.push({
            source,
            line,
            code: exprs
              .map((e) => `if (!(${e})) throw new Error(${JSON.stringify(`not true: ${e}`)});`)
              .join("\n"),
            noRun: false,
          });
          continue;
        }
        const body: string[] = [];
        let j = i + 1;
        while (j < lines.length && !/^\s*@\w/.test(lines[j] ?? "")) body.push(lines[j++] ?? "");
        const fenceAt = body.findIndex((l) => /^\s*```/.test(l));
        let code: string[];
        let noRun = false;
        if (fenceAt >= 0) {
          noRun = /no-run/.test(body[fenceAt] ?? "");
          const end = body.findIndex((l, k) => k > fenceAt && /^\s*```\s*$/.test(l));
          code = body.slice(fenceAt + 1, end < 0 ? undefined : end);
        } else code = body;
        out.push({ source, line, code: code.join("\n").trim(), noRun });
        i = j - 1;
      }
    }
  }
  return out;
}

/** The public entries, by part, as `import` specifiers; the main entry first (from scripts/parts.mjs, so a new part is never missed). */
export const ENTRIES: readonly string[] = ["iopkit", ...parts.map((p) => `iopkit/${p.name}`)];

/** Identifiers the example declares itself (const/let/function names, destructured names, parameters of arrows are not tracked). */
function declared(code: string): Set<string> {
  const names = new Set<string>();
  for (const m of code.matchAll(/\b(?:const|let|var|function)\s+([A-Za-z_$][\w$]*)/g))
    names.add(m[1] ?? "");
  for (const m of code.matchAll(/\b(?:const|let|var)\s*[{[]([^=]*?)[}\]]\s*(?:=|of)/g))
    for (const part of (m[1] ?? "").split(","))
      names.add(
        (part.split(":").pop() ?? "")
          .replace(/\.\.\./, "")
          .replace(/=.*/, "")
          .trim(),
      );
  for (const m of code.matchAll(/\bimport\s*(?:type\s*)?\{([^}]*)\}/g))
    for (const part of (m[1] ?? "").split(",")) names.add((part.split(" as ").pop() ?? "").trim());
  for (const m of code.matchAll(/\(\s*([A-Za-z_$][\w$]*)\s*\)\s*=>|\b([A-Za-z_$][\w$]*)\s*=>/g))
    names.add(m[1] ?? m[2] ?? "");
  for (const m of code.matchAll(/\(\s*\{([^}]*)\}\s*\)\s*=>/g))
    for (const part of (m[1] ?? "").split(",")) names.add((part.split(":").pop() ?? "").trim());
  for (const m of code.matchAll(/\(([A-Za-z_$][\w$]*(?:\s*,\s*[A-Za-z_$][\w$]*)+)\)\s*=>/g))
    for (const part of (m[1] ?? "").split(",")) names.add(part.trim());
  return names;
}

/** Identifiers the example reads (not property names, not inside strings or comments). */
function used(code: string): Set<string> {
  const bare = code
    .replace(/\/\/.*$/gm, "")
    .replace(/`(?:[^`\\]|\\.)*`/g, (t) =>
      [...t.matchAll(/\$\{([^}]*)\}/g)].map((m) => ` ${m[1] ?? ""} `).join(" "),
    )
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""')
    .replace(/\.\.\./g, " ");
  const names = new Set<string>();
  for (const m of bare.matchAll(/(?<![.\w$])([A-Za-z_$][\w$]*)(?!\s*:(?!:))/g))
    names.add(m[1] ?? "");
  // Shorthand properties `{ program, schedule }` are reads too.
  for (const m of bare.matchAll(/[{,]\s*([A-Za-z_$][\w$]*)\s*(?=[,}])/g)) names.add(m[1] ?? "");
  return names;
}

/** The part an example's source belongs to, as its entry (`src/schedule/…` → `iopkit/schedule`). */
export function entryOf(source: string): string {
  const part = /^src\/([^/]+)\//.exec(source)?.[1];
  return part === undefined ? "iopkit" : `iopkit/${part}`;
}

/**
 * The example as a module: imports of the public names and sample data it uses, then its code.
 * `exports` maps each entry to its exported value names; `fixtures` lists the sample data's names.
 */
export function exampleModule(
  example: TsdocExample,
  exports: ReadonlyMap<string, ReadonlySet<string>>,
  fixtures: ReadonlySet<string>,
  fixturesPath: string,
): string {
  const own = declared(example.code);
  // Its own part, the main entry, the sample data, then the other parts: `program` in a
  // src/testing example is the arbitrary; elsewhere it is the sample program.
  const own0 = entryOf(example.source);
  const order = [own0, "iopkit", fixturesPath, ...ENTRIES.filter((e) => e !== own0)];
  const from = new Map<string, string[]>();
  for (const name of used(example.code)) {
    if (own.has(name)) continue;
    const at = order.find((e) =>
      e === fixturesPath ? fixtures.has(name) : exports.get(e)?.has(name) === true,
    );
    if (at === undefined) continue;
    from.set(at, [...(from.get(at) ?? []), name]);
  }
  const imports = [...from.entries()].map(
    ([spec, names]) => `import { ${names.sort().join(", ")} } from ${JSON.stringify(spec)};`,
  );
  return `${imports.join("\n")}\n${example.code}\nexport {};\n`;
}
