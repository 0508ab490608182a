import { expectTypeOf, test } from "vitest";
import {
  type Citation,
  citationUrl,
  formatCitation,
  isSourceId,
  type Provenance,
  type Source,
  type SourceId,
  sources,
  type Unverified,
} from "../../src/core/sources";

test("a citation names a registry id, never a free string", () => {
  const ok: Citation = { source: "samhsa-tip-47", section: "Appendix B" };
  expectTypeOf(ok.source).toEqualTypeOf<SourceId>();
  // @ts-expect-error - an internal note is not a source
  const bad: Citation = { source: "DOMAIN.md" };
  // @ts-expect-error - a citation needs a source
  const missing: Citation = { section: "Appendix B" };
  void bad;
  void missing;
});

test("an entry's id is the key it is stored under", () => {
  expectTypeOf(sources["samhsa-tip-47"].id).toEqualTypeOf<"samhsa-tip-47">();
  expectTypeOf(sources["loinc"]).toExtend<Source>();
});

test("formatCitation takes a citation or an unverified marker; citationUrl only a citation", () => {
  expectTypeOf(formatCitation).parameter(0).toEqualTypeOf<Provenance>();
  expectTypeOf<Unverified>().toExtend<Provenance>();
  expectTypeOf(formatCitation({ unverified: "configure per clinic" })).toEqualTypeOf<string>();
  expectTypeOf(citationUrl({ source: "rfc-5545" })).toEqualTypeOf<string | undefined>();
  // @ts-expect-error - an unverified figure has no address
  citationUrl({ unverified: "configure per clinic" });
});

test("isSourceId narrows a string read from data", () => {
  const id: string = "samhsa-tip-47";
  if (isSourceId(id)) expectTypeOf(id).toEqualTypeOf<SourceId>();
});
