// FHIR Bulk Data NDJSON → measures: 1,000,000 Observations, each a PHQ-9, GAD-7 or AUDIT-C total
// score as a Bulk Data export gives it (one Observation per line, LOINC total code, the score as
// a UCUM {score} quantity, category survey; the AUDIT-C ones carry iopkit's band extension),
// streamed line by line through readFhirNdjsonSync, each checked and banded. The lines are
// generated as they are read (64 distinct texts cycled, each parsed afresh), never held: the
// series' memory at 100,000 and at 1,000,000 lines shows memory does not grow with the file.
// Goal (issue 22): 1,000,000 lines in at most 5 s.
//
// Lower bound: the same lines parsed with JSON.parse and their value summed, the per-line work no
// reader can skip, with no checks, bands, paths or report.
import { readFhirNdjsonSync } from "iopkit/fhir-read";
import type { Bench, SeriesPoint } from "./harness";

const N = 1_000_000;
const CODES = [
  { code: "44261-6", max: 27 },
  { code: "70274-6", max: 21 },
  { code: "75626-2", max: 12 },
];

/** Line `k` of 64 distinct texts: instrument, participant, date and total vary. */
const texts = Array.from({ length: 64 }, (_, k) => {
  const c = CODES[k % 3] ?? { code: "44261-6", max: 27 };
  const total = (k * 7) % (c.max + 1);
  return JSON.stringify({
    resourceType: "Observation",
    id: `obs-${k}`,
    status: "final",
    category: [
      {
        coding: [
          { system: "http://terminology.hl7.org/CodeSystem/observation-category", code: "survey" },
        ],
      },
    ],
    code: { coding: [{ system: "http://loinc.org", code: c.code }] },
    subject: { reference: `Patient/p-${k}` },
    effectiveDateTime: `2026-03-${String(1 + (k % 28)).padStart(2, "0")}T10:00:00Z`,
    ...(c.code === "75626-2"
      ? {
          extension: [
            {
              url: "https://iopkit.dev/fhir/StructureDefinition/score-band",
              valueCoding: {
                system: "https://iopkit.dev/fhir/CodeSystem/score-band",
                code: total >= 4 ? "positive" : "negative",
              },
            },
          ],
        }
      : {}),
    valueQuantity: {
      value: total,
      unit: "{score}",
      system: "http://unitsofmeasure.org",
      code: "{score}",
    },
  });
});

function* lines(n: number): Generator<string> {
  for (let i = 0; i < n; i++) yield texts[i & 63] ?? "";
}

/** Reads `n` lines; returns the sum of the totals (so nothing is optimised away). */
const read = (n: number) => (): number => {
  let sum = 0;
  for (const { records } of readFhirNdjsonSync(lines(n), { lines: true }))
    for (const m of records.measures) sum += m.total ?? 0;
  return sum;
};

const lowerBound = (): number => {
  let sum = 0;
  for (const text of lines(N))
    sum += (JSON.parse(text) as { valueQuantity: { value: number } }).valueQuantity.value;
  return sum;
};

const points: SeriesPoint[] = [100_000, N].map((n) => ({
  label: n === N ? "1M" : "100k",
  units: n,
  setup: () => read(n),
}));

export default {
  name: "readFhirNdjson, 1M total-score Observations",
  workload:
    "1,000,000 NDJSON lines, each a PHQ-9, GAD-7 or AUDIT-C total-score Observation, read and banded",
  units: N,
  unitName: "line",
  repetitions: 2,
  subject: { name: "iopkit", run: read(N) },
  lowerBound: { name: "JSON.parse + sum of the values", run: lowerBound },
  series: { unitName: "line", points, maxPerUnitGrowth: 1.3 },
  goals: { maxSubjectMs: 5_000 },
} satisfies Bench;
