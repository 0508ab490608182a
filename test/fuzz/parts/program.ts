// program, participant and eligibility entries.
import fc from "fast-check";
import {
  assessEligibility,
  defineProgram,
  parseParticipant,
  programTemplates,
  safeDefineProgram,
  safeParseParticipant,
} from "iopkit";
import type { FuzzEntry } from "../entry";
import { hostileJson, mutated } from "../hostile";

const template = programTemplates.substanceUseAdult({ timeZone: "America/New_York" });
const validParticipant = {
  id: "p-1",
  dateOfBirth: "1990-05-17",
  name: "Alex Rivera",
  conditions: [{ kind: "substance-use", severity: "moderate" }],
  dimensions: {
    withdrawal: 1,
    biomedical: 0,
    emotionalBehavioral: 1,
    readiness: 2,
    relapsePotential: 2,
    recoveryEnvironment: 2,
  },
  detox: "completed",
  history: { outpatientEpisodes: 1, relapsesAfterOutpatient: 2, residentialCompleted: false },
  living: "unsupportive-home",
  responsibilities: ["work"],
  unavailable: [{ weekday: 1, from: "08:00", to: "17:00" }],
  familyInvolved: true,
  medications: [{ name: "naltrexone", purpose: "addiction" }],
  consents: [
    {
      id: "c-1",
      recipients: [{ kind: "class", description: "treating providers" }],
      purposes: ["treatment"],
      signedOn: "2026-03-01",
    },
  ],
};

const programEntries: FuzzEntry[] = [
  { name: "defineProgram", inputs: mutated(template), call: (x) => defineProgram(x) },
  { name: "safeDefineProgram", inputs: mutated(template), call: (x) => safeDefineProgram(x) },
  {
    name: "programTemplates.substanceUseAdult",
    inputs: fc.record({
      timeZone: fc.oneof(hostileJson, fc.constant("Asia/Kolkata")),
      tracks: fc.oneof(hostileJson, fc.constant(["evening"])),
    }),
    call: (x) => programTemplates.substanceUseAdult(x as never),
  },
  { name: "programTemplates.adolescent", call: (x) => programTemplates.adolescent(x as never) },
];

const participantEntries: FuzzEntry[] = [
  { name: "parseParticipant", inputs: mutated(validParticipant), call: (x) => parseParticipant(x) },
  {
    name: "safeParseParticipant",
    inputs: mutated(validParticipant),
    call: (x) => safeParseParticipant(x),
  },
];

const parsedParticipant = parseParticipant(validParticipant);
const eligibilityEntries: FuzzEntry[] = [
  {
    name: "assessEligibility (override)",
    inputs: mutated({
      outcome: "admit",
      reason: "clinical judgement",
      clinician: "Dr. O",
      date: "2026-03-09",
    }),
    call: (x) => assessEligibility(parsedParticipant, template, { override: x }),
  },
];

export const entries: FuzzEntry[] = [
  ...programEntries,
  ...participantEntries,
  ...eligibilityEntries,
];
