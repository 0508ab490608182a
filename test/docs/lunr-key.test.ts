// The docs site's search: lunr keys its token-set nodes by label and child id with no separator,
// so different nodes can share a key and the search then expands to words the index does not hold
// (and throws). The typedoc plugin patches the bundled lunr; these tests hold it to that.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixLunrKey, LUNR_KEY, LUNR_KEY_FIXED } from "../../scripts/typedoc-search-keywords.mjs";

const require = createRequire(import.meta.url);

describe("the search index's token-set keys", () => {
  it("are ambiguous in lunr as shipped: two different nodes, one key", () => {
    const lunr = require("lunr") as {
      TokenSet: new () => {
        final: boolean;
        edges: Record<string, { id: number }>;
        toString(): string;
      };
    };
    const a = new lunr.TokenSet();
    a.edges = { "1": { id: 234 }, "5": { id: 6 } };
    const b = new lunr.TokenSet();
    b.edges = { "1": { id: 2 }, "3": { id: 4 }, "5": { id: 6 } };
    expect(a.toString()).toBe(b.toString());
  });

  it("are made unambiguous in typedoc's bundled lunr, in exactly one place", () => {
    const shipped = readFileSync(
      join(dirname(require.resolve("typedoc")), "..", "static", "main.js"),
      "utf8",
    );
    const fixed = fixLunrKey(shipped);
    expect(fixed.split(LUNR_KEY_FIXED)).toHaveLength(2);
    expect(fixed.includes(LUNR_KEY)).toBe(false);
    expect(() => fixLunrKey("no lunr here")).toThrow(/not found once/);
  });
});
