// readFhirNdjson: lines from any iterable or async iterable, chunks split anywhere (inside a line,
// inside a UTF-8 character), CRLF, blank lines, and per-line problems that do not stop the stream.
import { describe, expect, it } from "vitest";
import { IopError } from "iopkit";
import { readFhirNdjson, type FhirNdjsonLine, type FhirNdjsonSource } from "iopkit/fhir-read";

const total = (id: string, value: number, name = "Zoë") =>
  JSON.stringify({
    resourceType: "Observation",
    id,
    status: "final",
    code: { coding: [{ system: "http://loinc.org", code: "44261-6" }], text: name },
    subject: { reference: "Patient/p1" },
    effectiveDateTime: "2026-03-09",
    valueQuantity: { value },
  });

const collect = async (
  source: FhirNdjsonSource,
  options?: Parameters<typeof readFhirNdjson>[1],
) => {
  const out: FhirNdjsonLine[] = [];
  for await (const line of readFhirNdjson(source, options)) out.push(line);
  return out;
};

/** `text` as UTF-8 bytes cut into chunks of `size` bytes (cutting characters in two). */
const bytes = (text: string, size: number): Uint8Array[] => {
  const all = new TextEncoder().encode(text);
  const out: Uint8Array[] = [];
  for (let i = 0; i < all.length; i += size) out.push(all.slice(i, i + size));
  return out;
};

describe("readFhirNdjson", () => {
  const text = `${total("a", 4)}\r\n\n${total("b", 15)}\n`;

  it("yields each non-blank line's records with its line number, from lines, chunks or bytes", async () => {
    const expected = [
      { line: 1, total: 4, band: "minimal" },
      { line: 3, total: 15, band: "moderately-severe" },
    ];
    const summary = (lines: FhirNdjsonLine[]) =>
      lines.map((l) => ({
        line: l.line,
        total: l.records.measures[0]?.total,
        band: l.records.measures[0]?.band?.id,
      }));
    expect(summary(await collect(text.split("\n"), { lines: true }))).toEqual(expected);
    expect(summary(await collect(text.split("\n").map((l) => `${l}\n`)))).toEqual(expected);
    for (const size of [1, 2, 3, 7, 64, 10_000]) {
      expect(summary(await collect(bytes(text, size)))).toEqual(expected);
      const chunks: string[] = [];
      for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
      expect(summary(await collect(chunks))).toEqual(expected);
    }
    async function* slow() {
      await Promise.resolve();
      yield text.slice(0, 10);
      yield text.slice(10);
    }
    expect(summary(await collect(slow()))).toEqual(expected);
  });

  it("keeps a UTF-8 character split across byte chunks", async () => {
    const [first] = await collect(bytes(total("a", 4, "Zoë ✓ 日本"), 1));
    expect(first?.records.measures[0]?.total).toBe(4);
  });

  it("reports a line that is not JSON, not a resource, too deep or too long, and goes on", async () => {
    const deep = JSON.stringify({ resourceType: "Patient", id: "p", a: { b: { c: { d: {} } } } });
    const lines = await collect(
      ["{not json", "[1]", deep, "x".repeat(401), total("z", 1)].join("\n"),
      { limits: { maxDepth: 4, maxLineLength: 400 } },
    );
    expect(lines.map((l) => [l.line, l.report.issues.map((i) => `${i.code} ${i.path}`)])).toEqual([
      [1, ["invalid-json line 1"]],
      [2, ["invalid-resource line 2"]],
      [3, ["limit-exceeded line 3"]],
      [4, ["limit-exceeded line 4"]],
      [5, []],
    ]);
    expect(lines[4]?.records.measures[0]?.total).toBe(1);
  });

  it("reads a line of maxLineLength characters and skips one of maxLineLength + 1", async () => {
    const line = total("a", 4);
    const at = async (max: number, chunk: number) =>
      (
        await collect(bytes(`${line}\n{"resourceType":"Patient","id":"p2"}`, chunk), {
          limits: { maxLineLength: max },
        })
      ).map((l) => [
        l.line,
        l.records.measures.length + l.records.patients.length,
        l.report.issues.map((i) => i.code),
      ]);
    for (const chunk of [5, 1_000]) {
      expect(await at(line.length, chunk)).toEqual([
        [1, 1, []],
        [2, 1, ["missing-element"]],
      ]);
      expect(await at(line.length - 1, chunk)).toEqual([
        [1, 0, ["limit-exceeded"]],
        [2, 1, ["missing-element"]],
      ]);
    }
  });

  it("resolves contained references within a line and reports a panel's members on other lines", async () => {
    const panel = JSON.stringify({
      resourceType: "Observation",
      id: "panel",
      status: "final",
      code: { coding: [{ system: "http://loinc.org", code: "44249-1" }] },
      subject: { reference: "#pt" },
      contained: [
        {
          resourceType: "Patient",
          id: "pt",
          identifier: [{ system: "https://iopkit.dev/fhir/identifier/participant", value: "p-9" }],
        },
      ],
      effectiveDateTime: "2026-03-09",
      hasMember: [{ reference: "Observation/item1" }],
      valueInteger: 7,
    });
    const [line] = await collect([panel]);
    expect(line?.records.measures[0]).toMatchObject({
      participantId: "p-9",
      basis: "total",
      total: 7,
    });
    expect(line?.report.issues.map((i) => `${i.code} ${i.path}`)).toEqual([
      "unresolved-reference Observation/panel.hasMember[0]",
    ]);
  });

  it("rejects invalid options before reading", async () => {
    await expect(collect([total("a", 1)], { limits: { maxLineLength: 0 } })).rejects.toThrow(
      IopError,
    );
  });
});
