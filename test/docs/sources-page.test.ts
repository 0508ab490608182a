// The sources page of the docs is generated from the registry (scripts/sources-page.ts). If this
// fails, run `npx tsx scripts/sources-page.ts` and commit what it writes.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { sources, type Source } from "../../src/core/sources";
import { kindHeadings, PAGE_PATH, sourceItem, sourcesPage } from "../../scripts/sources-page";

const page = readFileSync(PAGE_PATH, "utf8");
const all: Source[] = Object.values(sources);

describe("the sources page (docs/guides/sources.md)", () => {
  it("is what the registry gives", () => {
    expect(page).toBe(sourcesPage());
  });

  it("lists every source once, under its kind, with its id, label and year", () => {
    for (const s of all) {
      expect(page.split(`(\`${s.id}\`)`).length - 1, s.id).toBe(1);
      const heading = page.indexOf(`## ${kindHeadings[s.kind]}\n`);
      const at = page.indexOf(`(\`${s.id}\`)`);
      const next = Object.values(kindHeadings)
        .map((h) => page.indexOf(`## ${h}\n`))
        .filter((i) => i > heading)
        .sort((a, b) => a - b)[0];
      expect(heading, s.kind).toBeGreaterThan(0);
      expect(at).toBeGreaterThan(heading);
      if (next !== undefined) expect(at).toBeLessThan(next);
      expect(sourceItem(s)).toContain(`, ${String(s.year)}.`);
    }
    expect(page).toContain(`${String(all.length)} sources, by kind.`);
  });

  it("links every public URL and section URL as a Markdown link, and marks the rest", () => {
    for (const s of all) {
      const item = sourceItem(s);
      if (s.url === undefined) expect(item, s.id).toContain("No public copy linked.");
      else expect(item, s.id).toContain(`](${s.url})`);
      for (const url of Object.values(s.sectionUrls ?? {}))
        expect(item, s.id).toContain(`](${url})`);
      if (s.licensed === true)
        expect(item).toContain("Licensed: the link is the publisher's page.");
    }
    const links = [...page.matchAll(/\]\(([^)]+)\)/g)].map((m) => m[1] ?? "");
    expect(links.filter((l) => !l.startsWith("https://"))).toEqual([]);
  });

  it("escapes Markdown in text, so a title cannot break the list", () => {
    const odd: Source = {
      id: "loinc",
      label: "A*b",
      title: "T [x] | y",
      publisher: "P_q",
      year: 2020,
      kind: "code-set",
    };
    expect(sourceItem(odd)).toBe(
      "- **A\\*b** (`loinc`): T \\[x\\] \\| y. P\\_q, 2020. No public copy linked.",
    );
  });

  it("is a project document of the docs site", () => {
    const typedoc = JSON.parse(readFileSync("typedoc.json", "utf8")) as {
      projectDocuments: string[];
    };
    expect(typedoc.projectDocuments).toContain(PAGE_PATH);
  });
});
