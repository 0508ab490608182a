// toFhirBundle: its options come from outside (an export job's settings); the records are typed,
// validated upstream by their parse… functions. A small fixed clinic keeps each call cheap.
import fc from "fast-check";
import * as interop from "iopkit/interop";
import {
  parseConsent,
  parseParticipant,
  parseSchedule,
  programTemplates,
  type FhirExportInput,
} from "iopkit";
import type { FuzzEntry } from "../entry";
import { hostileJson, mutated } from "../hostile";

const program = programTemplates.substanceUseAdult({ timeZone: "America/New_York" });
const participant = parseParticipant({
  id: "p-1",
  dateOfBirth: "1990-01-01",
  name: "Alex Rivera",
  conditions: [],
  dimensions: {},
  detox: "not-needed",
  history: { outpatientEpisodes: 0, relapsesAfterOutpatient: 0, residentialCompleted: false },
  living: "supportive-home",
  responsibilities: [],
  unavailable: [],
  familyInvolved: false,
  medications: [],
  consents: [
    parseConsent({
      id: "c-1",
      purposes: ["treatment"],
      expiry: { kind: "date", date: "2026-12-31" },
    }),
  ],
});
const input: FhirExportInput = {
  program,
  participants: [participant],
  schedule: parseSchedule({
    window: { from: "2026-10-26", weeks: 1 },
    sessions: [
      {
        id: "g.20261101.0",
        sessionType: "group-therapy",
        start: "2026-11-01T01:30:00.000-04:00",
        end: "2026-11-01T02:30:00.000-05:00",
        participantIds: ["p-1", "p-2"],
        staffIds: ["s-1"],
        groupId: "g-1",
      },
    ],
    groups: [
      {
        id: "g-1",
        phaseId: "intensive",
        members: [{ participantId: "p-1", from: "2026-10-26", to: "2026-11-08" }],
      },
    ],
  }),
  attendance: [
    {
      formatVersion: 2,
      sessionId: "g.20261101.0" as never,
      participantId: "p-1" as never,
      status: "late",
      minutesAttended: 40,
    },
  ],
  drugTests: [
    {
      formatVersion: 3,
      expected: [],
      participantId: "p-2" as never,
      collectedAt: "2026-11-02T09:00:00-05:00",
      result: "refused",
    },
  ],
};

const validOptions = {
  now: "2026-11-01T12:00:00Z",
  type: "transaction",
  scope: { participantId: "p-1" },
  identifierSystems: { participant: "https://clinic.example/mrn", staff: "urn:oid:1.2.3" },
  includePersonalData: true,
};

export const entries: FuzzEntry[] = [
  {
    name: "toFhirBundle (options)",
    inputs: mutated(validOptions),
    call: (x) => interop.toFhirBundle(input, x as interop.ToFhirBundleOptions),
  },
  {
    name: "toFhirBundle (options, edge values)",
    inputs: fc.record({
      now: fc.oneof(
        hostileJson,
        fc.constantFrom(
          "2026-10-20T12:00:00+18:00",
          "0001-01-01T00:00:00Z",
          "9999-12-31T23:59:59.999-12:00",
        ),
      ),
      type: fc.oneof(hostileJson, fc.constantFrom("collection", "transaction", "batch")),
      identifierSystems: fc.oneof(
        hostileJson,
        fc.dictionary(
          fc.constantFrom(...interop.fhirIdentifierKinds, "__proto__", "constructor"),
          fc.constantFrom("https://x.example/a", "urn:a|b", "a b", "", "é:ü"),
        ),
      ),
    }),
    call: (x) => interop.toFhirBundle(input, x as interop.ToFhirBundleOptions),
  },
];
