// The glossary (docs/guides/glossary.md) is generated from scripts/glossary.ts, and every guide links
// each term to it on its first use. If this fails, run `npx tsx scripts/glossary.ts` and commit what
// it writes.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  anchorOf,
  glossaryPage,
  linkedGuides,
  linkTerms,
  PAGE_PATH,
  terms,
  type Term,
} from "../../scripts/glossary";

const api = readdirSync("etc")
  .filter((f) => f.endsWith(".api.md"))
  .map((f) => readFileSync(`etc/${f}`, "utf8"))
  .join("\n");

describe("the glossary page", () => {
  it("is what scripts/glossary.ts gives", () => {
    expect(readFileSync(PAGE_PATH, "utf8")).toBe(glossaryPage());
  });

  it("has at least 40 terms, alphabetical, each with its own anchor", () => {
    expect(terms.length).toBeGreaterThanOrEqual(40);
    const anchors = terms.map((t) => anchorOf(t.term));
    expect(new Set(anchors).size).toBe(terms.length);
    const sorted = [...terms.map((t) => t.term)].sort((a, b) =>
      a.localeCompare(b, "en", { sensitivity: "base" }),
    );
    expect(terms.map((t) => t.term)).toEqual(sorted);
  });

  it("the terms the issue names are defined", () => {
    const all = terms.flatMap((t) => [t.term, ...(t.also ?? [])]);
    for (const word of [
      "Per diem",
      "HCPCS",
      "CPT",
      "MOUD",
      "TPO",
      "Part 2",
      "TEDS",
      "Step-down",
      "Rolling admission",
      "Aftercare",
    ])
      expect(all, word).toContain(word);
  });

  it.each(terms.map((t) => [t.term, t] as const))(
    "%s: one sentence, public API names, a registry source",
    (_name, t: Term) => {
      expect(t.definition).toMatch(/^[A-Z0-9].*\.$/);
      expect(t.definition, "one sentence").not.toMatch(/[.!?]\s+[A-Z]/);
      expect(t.api.length).toBeGreaterThan(0);
      for (const name of t.api)
        expect(api, `${name} is public API`).toMatch(new RegExp(`\\b${name}\\b`));
      expect(t.term).toMatch(/^[A-Za-z0-9 -]+$/);
    },
  );

  it("renders each entry with its anchor heading, its API names and a linked source", () => {
    const page = glossaryPage();
    expect(page).toContain(
      "### Per diem\n\nA payment for each day of program attendance that covers the day's group, individual and peer services, rather than a payment per service.\n\nIn iopkit: `perDiemMinHours`. Source: [BCBS North Dakota",
    );
    expect(page).toContain(`${String(terms.length)} terms the guides use`);
    expect(anchorOf("42 CFR Part 2")).toBe("42-cfr-part-2");
    expect(anchorOf("Kaplan-Meier estimate")).toBe("kaplan-meier-estimate");
  });
});

describe("each guide links a term to the glossary on its first use", () => {
  it.each(linkedGuides().map((p) => [p] as const))("%s", (path) => {
    const text = readFileSync(path, "utf8");
    expect(linkTerms(text), `${path}: run npx tsx scripts/glossary.ts`).toBe(text);
  });

  const sample = [
    "---",
    "title: Sample",
    "---",
    "",
    "# Step-down and more",
    "",
    "A step-down comes before another step-down and `step-down` in code.",
    "",
    "```ts",
    "// step-up in code",
    "```",
    "",
    "<!-- stages:start (generated) -->",
    "A step-up in a generated block.",
    "<!-- stages:end -->",
    "",
    "See [step-up](https://example.org/step-up) and then a Step Up; an IOPs, HCPCS and hcpcs.",
  ].join("\n");

  it("links the first use in prose only: not headings, code, links, generated blocks", () => {
    const linked = linkTerms(sample);
    expect(linked.split("\n")[4]).toBe("# Step-down and more");
    expect(linked.split("\n")[6]).toBe(
      "A [step-down](./glossary.md#step-down) comes before another step-down and `step-down` in code.",
    );
    expect(linked.split("\n")[9]).toBe("// step-up in code");
    expect(linked.split("\n")[13]).toBe("A step-up in a generated block.");
    expect(linked.split("\n")[16]).toBe(
      "See [step-up](https://example.org/step-up) and then a [Step Up](./glossary.md#step-up); an [IOPs](./glossary.md#intensive-outpatient-program), [HCPCS](./glossary.md#hcpcs) and hcpcs.",
    );
  });

  it("is idempotent, and a later link does not stand for an unlinked first use", () => {
    const once = linkTerms(sample);
    expect(linkTerms(once)).toBe(once);
    const late = "A step-down, then [step-down](./glossary.md#step-down).";
    expect(linkTerms(late)).toBe(
      "A [step-down](./glossary.md#step-down), then [step-down](./glossary.md#step-down).",
    );
  });
});
