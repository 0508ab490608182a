// A typedoc plugin (typedoc.json "plugin"): a guide's front matter may list `keywords`, the
// everyday words readers search with ("per diem", "prior authorization"); they go into the search
// index as a field of their own, so those words find the guide that answers them before pages whose
// names merely contain the letters (typedoc searches `*per*`, and "per" is in "Performance").
// test/browser/docs-site.test.mjs searches the built site with such words.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { IndexEvent, RendererEvent } from "typedoc";

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

/**
 * The search's lunr (bundled in typedoc's `assets/main.js`) keys the nodes of its token set by
 * edge label and child id written one after the other, so two different nodes can get one key
 * when labels are digits ("1"→234, "5"→6 and "1"→2, "3"→4, "5"→6 both give "0123456"): the
 * minimised set then holds words the index does not, and a search expanding to one of them
 * throws (in the site: "Part 2" found nothing). A separator after each id makes the keys unique.
 */
export const LUNR_KEY = "e=e+s+o.id}return e";
export const LUNR_KEY_FIXED = 'e=e+s+o.id+"|"}return e';

/** `main.js` with lunr's token-set key made unambiguous; throws when typedoc's bundle differs. */
export function fixLunrKey(mainJs) {
  const at = mainJs.indexOf(LUNR_KEY);
  if (at < 0 || mainJs.indexOf(LUNR_KEY, at + 1) >= 0)
    throw new Error("typedoc-search-keywords: lunr's TokenSet key not found once in main.js");
  return mainJs.replace(LUNR_KEY, LUNR_KEY_FIXED);
}

/** @param {import("typedoc").Application} app */
export function load(app) {
  app.renderer.on(RendererEvent.END, (event) => {
    const file = join(event.outputDirectory, "assets", "main.js");
    writeFileSync(file, fixLunrKey(readFileSync(file, "utf8")));
  });
  app.renderer.on(IndexEvent.PREPARE_INDEX, (event) => {
    event.searchFieldWeights.keywords = KEYWORD_WEIGHT;
    event.searchResults.forEach((reflection, i) => {
      if (!reflection.isDocument()) return;
      const keywords = keywordsOf(reflection.frontmatter.keywords);
      if (keywords !== "") event.searchFields[i] = { ...event.searchFields[i], keywords };
    });
  });
}
