/** Shared checks for the `sources` lists of iopkit's data tables (rules, levels, session types). */
import { expect } from "vitest";
import { citationUrl, formatCitation, isSourceId, sources, type Provenance } from "iopkit/sources";

/**
 * Problems with one table entry's provenance: a citation whose id is not in the registry, a
 * rendering that does not name the source's label, year and section, an empty `unverified` reason,
 * or a text that names an internal note. Empty when every item is sound.
 */
export function provenanceProblems(where: string, list: readonly Provenance[]): string[] {
  const problems: string[] = [];
  for (const p of list) {
    const text = formatCitation(p);
    if (/DOMAIN|DESIGN\.md|seed 00\d|seeds? \d{3}/i.test(text))
      problems.push(`${where}: names an internal note: ${text}`);
    if ("unverified" in p) {
      if (p.unverified.trim().length < 10) problems.push(`${where}: unverified without a reason`);
      expect(text).toBe(`unverified: ${p.unverified}`);
      continue;
    }
    if (!isSourceId(p.source)) {
      problems.push(`${where}: unknown source ${String(p.source)}`);
      continue;
    }
    const s = sources[p.source];
    const base = `${s.label} (${String(s.year)})`;
    expect(text).toBe(p.section === undefined ? base : `${base}, ${p.section}`);
    if (p.section !== undefined && p.section.trim() === "")
      problems.push(`${where}: empty section`);
    const url = citationUrl(p);
    if (url !== undefined && !url.startsWith("https://"))
      problems.push(`${where}: link is not https: ${url}`);
    if (s.url !== undefined && url === undefined) problems.push(`${where}: lost its link`);
  }
  return problems;
}
