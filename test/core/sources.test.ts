import { describe, expect, it } from "vitest";
import {
  citationUrl,
  formatCitation,
  isSourceId,
  sources,
  type Source,
  type SourceId,
} from "../../src/core/sources";

const entries = Object.entries(sources) as [SourceId, Source][];

describe("sources registry", () => {
  it("stores every entry under its own id, and ids are unique kebab-case", () => {
    const ids = entries.map(([key, s]) => {
      expect(s.id).toBe(key);
      return s.id;
    });
    expect(new Set(ids).size).toBe(ids.length);
    const notKebab = ids.filter((id) => !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id));
    expect(notKebab).toEqual([]);
  });

  it("gives every entry a label, a title, a publisher, a plausible year and a kind", () => {
    const incomplete = entries
      .filter(
        ([, s]) =>
          s.label.trim() === "" ||
          s.title.trim() === "" ||
          s.publisher.trim() === "" ||
          (s.authors !== undefined && (s.authors.length === 0 || s.authors.includes(""))) ||
          !Number.isInteger(s.year) ||
          s.year < 1900 ||
          s.year > 2030,
      )
      .map(([id]) => id);
    expect(incomplete).toEqual([]);
  });

  it("links only over https, section links included", () => {
    const urls = entries.flatMap(([id, s]) => [
      ...(s.url === undefined ? [] : [[id, s.url] as const]),
      ...Object.values(s.sectionUrls ?? {}).map((u) => [id, u] as const),
    ]);
    expect(urls.length).toBeGreaterThan(40);
    expect(urls.filter(([, u]) => !u.startsWith("https://"))).toEqual([]);
    expect(urls.filter(([, u]) => /\s/.test(u))).toEqual([]);
  });

  it("links licensed works to the publisher only: no licensed entry has section links", () => {
    const licensed = entries.filter(([, s]) => s.licensed === true);
    expect(licensed.map(([id]) => id).sort()).toEqual([
      "ama-cpt",
      "asam-criteria-3rd-2013",
      "asam-criteria-4th-2023",
      "iso-8601-1-2019",
      "ncqa-hedis",
    ]);
    expect(licensed.filter(([, s]) => s.sectionUrls !== undefined)).toEqual([]);
    expect(sources["ama-cpt"].url).toBeUndefined();
  });

  it("covers the sources the rules lean on", () => {
    const required: SourceId[] = [
      "asam-criteria-3rd-2013",
      "asam-criteria-4th-2023",
      "samhsa-tip-47",
      "cfr-42-part-2",
      "cfr-42-part-2-2024",
      "cfr-42-424-24",
      "cms-opps-2024-final-rule",
      "cms-hcpcs",
      "ama-cpt",
      "cms-place-of-service",
      "loinc",
      "hl7-fhir-r4",
      "rfc-5545",
      "kroenke-2001-phq9",
      "spitzer-2006-gad7",
      "bush-1998-audit-c",
      "skinner-1982-dast",
      "cacciola-2013-bam",
      "cms159-depression-remission",
      "samhsa-overdose-toolkit",
      "lifeline-988",
      "kaplan-meier-1958",
      "little-1961",
      "de-bruin-2010-erlang",
    ];
    expect(required.filter((id) => !isSourceId(id))).toEqual([]);
    expect(sources["cfr-42-part-2-2024"].locator).toContain("89 FR 12472");
    expect(sources["samhsa-tip-47"].identifier).toBe("DHHS Publication No. (SMA) 06-4182");
  });

  it("tells registry ids from other strings", () => {
    expect(isSourceId("samhsa-tip-47")).toBe(true);
    expect(isSourceId("DOMAIN.md")).toBe(false);
    expect(isSourceId("toString")).toBe(false);
    expect(isSourceId("")).toBe(false);
  });
});

describe("formatCitation", () => {
  it("renders label, year and section", () => {
    expect(formatCitation({ source: "samhsa-tip-47", section: "Appendix B" })).toBe(
      "SAMHSA TIP 47 (2006), Appendix B",
    );
    expect(formatCitation({ source: "cfr-42-part-2", section: "§ 2.31(a)(4)(iii)" })).toBe(
      "42 CFR Part 2 (2024), § 2.31(a)(4)(iii)",
    );
    expect(formatCitation({ source: "asam-criteria-3rd-2013", section: "level 2.1" })).toBe(
      "ASAM Criteria, 3rd ed. (2013), level 2.1",
    );
  });

  it("leaves out the section when there is none", () => {
    expect(formatCitation({ source: "kroenke-2001-phq9" })).toBe("Kroenke et al. (2001)");
    expect(formatCitation({ source: "rfc-5545" })).toBe("RFC 5545 (2009)");
  });

  it("says unverified, with the reason, for a figure without a source", () => {
    expect(formatCitation({ unverified: "common program rule; configure per clinic" })).toBe(
      "unverified: common program rule; configure per clinic",
    );
  });

  it("renders every registry entry with its label and year", () => {
    for (const [id, s] of entries) {
      expect(formatCitation({ source: id })).toBe(`${s.label} (${String(s.year)})`);
    }
  });
});

describe("citationUrl", () => {
  it("opens the deepest section link the section matches", () => {
    expect(citationUrl({ source: "samhsa-tip-47", section: "Appendix B" })).toBe(
      "https://www.ncbi.nlm.nih.gov/books/n/tip47/A90362",
    );
    expect(citationUrl({ source: "cfr-42-part-2", section: "§ 2.31(a)(4)(iii)" })).toBe(
      "https://www.ecfr.gov/current/title-42/section-2.31",
    );
    expect(citationUrl({ source: "cfr-42-part-2", section: "§ 2.32" })).toBe(
      "https://www.ecfr.gov/current/title-42/section-2.32",
    );
    expect(citationUrl({ source: "loinc", section: "82667-7" })).toBe("https://loinc.org/82667-7/");
  });

  it("does not take a key that is only a prefix of a longer number", () => {
    // "§ 2.3" is not "§ 2.31": no key matches, so the part's own address is returned.
    expect(citationUrl({ source: "cfr-42-part-2", section: "§ 2.3" })).toBe(
      "https://www.ecfr.gov/current/title-42/part-2",
    );
    expect(citationUrl({ source: "cfr-42-part-2", section: "§ 2.310" })).toBe(
      "https://www.ecfr.gov/current/title-42/part-2",
    );
  });

  it("falls back to the source's address, or to none for a work with no public copy", () => {
    expect(citationUrl({ source: "samhsa-tip-47", section: "chapter 4" })).toBe(
      "https://www.ncbi.nlm.nih.gov/books/NBK64093/",
    );
    expect(citationUrl({ source: "kroenke-2001-phq9" })).toBe(
      "https://doi.org/10.1046/j.1525-1497.2001.016009606.x",
    );
    expect(citationUrl({ source: "ama-cpt", section: "90853" })).toBeUndefined();
  });
});
