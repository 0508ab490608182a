// The sources page of the docs is generated from the registry (scripts/sources-page.ts). If this
// fails, run `npx tsx scripts/sources-page.ts` and commit what it writes.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { sources, type Source } from "../../src/core/sources";
import {
  kindHeadings,
  listingPage,
  listingPages,
  PAGE_PATH,
  sourceItem,
  sourcesPage,
} from "../../scripts/sources-page";

const index = readFileSync(PAGE_PATH, "utf8");
const listings = listingPages.map((p) => ({ ...p, text: readFileSync(p.path, "utf8") }));
const all: Source[] = Object.values(sources);

describe("the sources pages (docs/guides/sources.md and its listings)", () => {
  it("are what the registry gives", () => {
    expect(index).toBe(sourcesPage());
    for (const p of listings) expect(p.text, p.path).toBe(listingPage(p));
  });

  it("put every kind of source on exactly one listing page, linked from the index", () => {
    expect(listingPages.flatMap((p) => p.kinds).sort()).toEqual(Object.keys(kindHeadings).sort());
    for (const p of listingPages) {
      const file = p.path.replace("docs/guides/", "");
      expect(index).toContain(`](./${file}): ${p.holds}.`);
    }
    expect(index).toContain(`${String(all.length)} sources, listed on 2 pages by kind:`);
  });

  it("list every source once, under its kind, with its id, label and year", () => {
    for (const s of all) {
      const listing = listings.find((p) => p.kinds.includes(s.kind));
      expect(listing, s.kind).toBeDefined();
      const page = listing?.text ?? "";
      expect(
        listings.filter((p) => p.text.includes(`(\`${s.id}\`)`)),
        s.id,
      ).toHaveLength(1);
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
    for (const p of listings) {
      const links = [...p.text.matchAll(/\]\(([^)]+)\)/g)].map((m) => m[1] ?? "");
      expect(
        links.filter((l) => !l.startsWith("https://")),
        p.path,
      ).toEqual(["./sources.md"]);
    }
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

  it("are project documents of the docs site", () => {
    const typedoc = JSON.parse(readFileSync("typedoc.json", "utf8")) as {
      projectDocuments: string[];
    };
    expect(typedoc.projectDocuments).toContain(PAGE_PATH);
    for (const p of listingPages) expect(typedoc.projectDocuments).toContain(p.path);
  });
});
