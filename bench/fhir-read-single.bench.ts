// One call of readFhir on one resource, the unit an app pays per request: the HL7 US Core example
// Patient (names, identifiers, extensions) and the US Core PHQ-9 QuestionnaireResponse (11 items,
// re-scored), 20,000 calls each per run. Time per call is the figure (microseconds).
// Lower bound: JSON-free work the same calls cannot skip — reading the PHQ-9's nine answer codes
// from the parsed form and summing them.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { readFhir } from "iopkit/fhir-read";
import type { Bench } from "./harness";

const dir = join(
  dirname(fileURLToPath(import.meta.url)),
  "..",
  "test",
  "fixtures",
  "fhir",
  "us-core",
);
const patient: unknown = JSON.parse(readFileSync(join(dir, "patient-example.json"), "utf8"));
const form = JSON.parse(
  readFileSync(join(dir, "QuestionnaireResponse-phq-9-example.json"), "utf8"),
) as {
  item: { answer: { valueCoding?: { code: string } }[] }[];
};
const N = 20_000;
const value = new Map(["LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9"].map((c, i) => [c, i]));

export default {
  name: "readFhir, one Patient + one PHQ-9 form",
  workload: "20,000 × (US Core Patient, US Core PHQ-9 QuestionnaireResponse re-scored)",
  units: N,
  unitName: "Patient + PHQ-9 pair",
  subject: {
    name: "iopkit",
    run: () => {
      let n = 0;
      for (let i = 0; i < N; i++) {
        n += readFhir(patient).records.patients.length;
        n += readFhir(form).records.measures[0]?.total ?? 0;
      }
      return n;
    },
  },
  lowerBound: {
    name: "sum of the answer codes",
    run: () => {
      let n = 0;
      for (let i = 0; i < N; i++)
        for (const it of form.item) n += value.get(it.answer[0]?.valueCoding?.code ?? "") ?? 0;
      return n;
    },
  },
  goals: {},
} satisfies Bench;
