// Product text cites public sources (iopkit/sources) or says "unverified": it never names the
// team's working notes (DOMAIN.md, DESIGN.md, the seed articles, ../shared), which no user has.
// Everything that ships or that users read is scanned: src (TSDoc and messages), examples, the
// guides, the README and the CHANGELOG.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..");
const INTERNAL = /DOMAIN\.md|DESIGN\.md|\bDESIGN S\d|\bseeds? 00\d|\(seed \d|seeds\/|\.\.\/shared/i;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "node_modules" ? [] : files(path);
    return /\.(ts|mts|md|json)$/.test(name) ? [path] : [];
  });
}

/** Every line of the shipped and read text that names an internal note, as `file:line: text`. */
export function internalReferences(paths: readonly string[]): string[] {
  return paths.flatMap((path) =>
    readFileSync(path, "utf8")
      .split("\n")
      .flatMap((line, i) =>
        INTERNAL.test(line) ? [`${relative(root, path)}:${i + 1}: ${line.trim()}`] : [],
      ),
  );
}

describe("no product text names an internal note", () => {
  it("src, examples, docs/guides, README and CHANGELOG cite public sources only", () => {
    const scanned = [
      ...files(join(root, "src")),
      ...files(join(root, "examples")),
      ...files(join(root, "docs", "guides")),
      join(root, "docs", "home.md"),
      join(root, "README.md"),
      join(root, "CHANGELOG.md"),
    ];
    expect(scanned.length).toBeGreaterThan(100);
    expect(internalReferences(scanned)).toEqual([]);
  });
  it("finds each kind of internal reference (the check can fail)", () => {
    const probe = join(root, "test", "docs", "fixtures", "internal-notes.md");
    expect(internalReferences([probe])).toHaveLength(5);
  });
});
