// A typedoc plugin (typedoc.json "plugin"): a guide's front matter may list `keywords`, the
// everyday words readers search with ("per diem", "prior authorization"); they go into the search
// index as a field of their own, so those words find the guide that answers them before pages whose
// names merely contain the letters (typedoc searches `*per*`, and "per" is in "Performance").
// test/browser/docs-site.test.mjs searches the built site with such words.
import { IndexEvent } from "typedoc";

/**
 * How much a keyword counts (a word of a page's name counts 10, of its text 1). lunr scores a
 * field against its average length over every page and API entry, and only a few guides have
 * keywords, so a keyword's score is divided by several hundred; and typedoc searches `*word*`,
 * whose many expansions ("per": performance, property, …) divide it again. This weight gives it
 * back, so keep keywords to the words a guide is the answer for.
 */
export const KEYWORD_WEIGHT = 10000;

/** The keywords of a front matter value: a list of words or phrases, or one string. */
export function keywordsOf(value) {
  if (Array.isArray(value)) return value.map(String).join(" ");
  return typeof value === "string" ? value : "";
}

/** @param {import("typedoc").Application} app */
export function load(app) {
  app.renderer.on(IndexEvent.PREPARE_INDEX, (event) => {
    event.searchFieldWeights.keywords = KEYWORD_WEIGHT;
    event.searchResults.forEach((reflection, i) => {
      if (!reflection.isDocument()) return;
      const keywords = keywordsOf(reflection.frontmatter.keywords);
      if (keywords !== "") event.searchFields[i] = { ...event.searchFields[i], keywords };
    });
  });
}
