// The parts of iopkit (DESIGN.md "The parts"), in layer order. Each is a folder under src/ with an
// index.ts, a subpath export `iopkit/<part>`, a tsup entry and a typedoc entry point; after adding
// one here, run `node scripts/sync-exports.mjs` (test/package.test.ts fails until they agree).
// `layer` is the import rule: a part may import only parts of a strictly lower layer.
// participant sits half a layer after program: both speak of the same conditions (ConditionKind),
// which a program serves and a participant has (DESIGN lists them in one layer; see CHANGELOG).
export const parts = [
  { name: "core", layer: 1 },
  // The sources registry: a subpath only (like testing), so the main entry does not carry it.
  { name: "sources", layer: 1.5 },
  { name: "program", layer: 2 },
  { name: "measures", layer: 2 },
  { name: "participant", layer: 2.5 },
  { name: "eligibility", layer: 3 },
  { name: "schedule", layer: 3 },
  { name: "privacy", layer: 3 },
  { name: "attendance", layer: 4 },
  { name: "episode", layer: 4.5 },
  { name: "aftercare", layer: 5 },
  { name: "analytics", layer: 6 },
  // Capacity reads analytics (length of stay, TEDS codes): a subpath only, like analytics.
  { name: "capacity", layer: 6.5 },
  { name: "interop", layer: 7 },
  // FHIR read into records (import jobs): a subpath only, like analytics, so the main entry does
  // not carry the readers and their report messages.
  { name: "fhir-read", layer: 8 },
  { name: "testing", layer: 9 },
];
