// Pack smoke test, extra check: toFhirBundle from the packed tarball. The published types name
// @medplum/fhirtypes (a dependency, types only): a consumer that narrows the bundle's resources
// type-checks under nodenext and bundler with skipLibCheck false, and the bundle runs from ESM and
// CommonJS with the same ids.
export default function fhir({ full, run, write, tsc }) {
  const program = `programTemplates.substanceUseAdult({ timeZone: "America/New_York" })`;
  const ts = (from) => `import { participantId, programTemplates } from "iopkit";
import { toFhirBundle, type FhirExport } from ${from};
import type { Appointment, Bundle, PlanDefinition } from "@medplum/fhirtypes";
const out: FhirExport = toFhirBundle(
  { program: ${program}, drugTests: [{ formatVersion: 3, participantId: participantId("p-1"), collectedAt: "2026-03-09T09:00:00-04:00", result: "negative", expected: [] }] },
  { now: "2026-03-09T12:00:00Z", type: "transaction", scope: { participantId: participantId("p-1") } },
);
const bundle: Bundle = out.bundle;
const first = out.bundle.entry?.[0]?.resource;
export const title: string | undefined = first?.resourceType === "PlanDefinition" ? (first satisfies PlanDefinition).title : undefined;
export const status: Appointment["status"] | undefined = out.bundle.entry?.map((e) => e.resource).find((r): r is Appointment => r?.resourceType === "Appointment")?.status;
export const count: number = (bundle.entry ?? []).length + out.omitted.length;
`;
  write(full, "fhir.mts", ts(`"iopkit/interop"`));
  write(full, "fhir-bundler.ts", ts(`"iopkit"`));
  const strict = {
    strict: true,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    skipLibCheck: false,
    noEmit: true,
    types: [],
    lib: ["ES2022", "DOM"],
  };
  write(
    full,
    "tsconfig.fhir-nodenext.json",
    JSON.stringify({
      compilerOptions: { ...strict, module: "nodenext", moduleResolution: "nodenext" },
      files: ["fhir.mts"],
    }),
  );
  write(
    full,
    "tsconfig.fhir-bundler.json",
    JSON.stringify({
      compilerOptions: { ...strict, module: "esnext", moduleResolution: "bundler" },
      files: ["fhir-bundler.ts"],
    }),
  );
  for (const cfg of ["tsconfig.fhir-nodenext.json", "tsconfig.fhir-bundler.json"])
    run("node", [tsc, "-p", cfg], full);
  const js = (load) => `${load}
const { bundle } = toFhirBundle({ program: ${program} }, { now: "2026-03-09T12:00:00Z" });
if (bundle.resourceType !== "Bundle" || bundle.entry?.[0]?.resource?.resourceType !== "PlanDefinition") throw new Error("no PlanDefinition");
console.log(bundle.entry[0].fullUrl);
`;
  write(full, "fhir.mjs", js(`import { programTemplates, toFhirBundle } from "iopkit";`));
  write(full, "fhir.cjs", js(`const { programTemplates, toFhirBundle } = require("iopkit");`));
  const esm = run("node", ["fhir.mjs"], full);
  const cjs = run("node", ["fhir.cjs"], full);
  if (esm !== cjs || !esm.startsWith("urn:uuid:"))
    throw new Error(`ESM and CJS bundles differ: ${esm} / ${cjs}`);
  process.stdout.write(
    `toFhirBundle ok from the packed tarball (types: nodenext, bundler): ${esm}`,
  );
}
