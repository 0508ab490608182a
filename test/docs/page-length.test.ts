// Each page of the site answers one question and stays short enough to read between meetings:
// under 2,500 words of prose (code blocks, link targets and front matter not counted).
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

export const MAX_WORDS = 2500;

/** Words a reader reads on a Markdown page: outside fenced code, link targets and front matter. */
export function proseWords(markdown: string): number {
  const lines = markdown.replace(/^---\n[\s\S]*?\n---\n/, "").split("\n");
  let fence = false;
  let words = 0;
  for (const line of lines) {
    if (/^\s*(```|~~~)/.test(line)) {
      fence = !fence;
      continue;
    }
    if (fence) continue;
    const text = line.replace(/\]\([^)]*\)/g, "]").replace(/<!--.*?-->/g, "");
    words += text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  }
  return words;
}

const pages = [
  "docs/home.md",
  ...readdirSync("docs/guides")
    .filter((f) => f.endsWith(".md"))
    .sort()
    .map((f) => `docs/guides/${f}`),
];
describe("page length", () => {
  it.each(pages.map((p) => [p] as const))(
    `%s has at most ${String(MAX_WORDS)} words of prose`,
    (path) => {
      expect(proseWords(readFileSync(path, "utf8"))).toBeLessThanOrEqual(MAX_WORDS);
    },
  );

  it("counts prose only", () => {
    expect(
      proseWords(
        "---\ntitle: A page\n---\n\n# Two words\n\nSee [the glossary](./glossary.md#a-b) now.\n\n```ts\nconst a = 1;\n```\n| a | b |\n| --- | --- |\n",
      ),
    ).toBe(2 + 4 + 2);
  });
});
