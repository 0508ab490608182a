/**
 * Screening referrals: explainable placement decisions, and what a malformed referral looks like.
 *
 *   npx tsx examples/screening-referrals.ts
 *
 * Seven referrals to an adult substance-use IOP, each changing a few fields of a common base, get
 * every outcome `assessEligibility` can give; each decision prints its recommended level, its
 * reasons (a stable `code` and a sentence) and any conditions of admission. Then a referral with
 * several mistakes goes through `safeParseParticipant`, which returns every problem at once, each
 * named by its path into the input.
 */
import {
  assessEligibility,
  formatPath,
  parseParticipant,
  programTemplates,
  safeParseParticipant,
  type EligibilityOutcome,
  type ParticipantInput,
} from "iopkit";

const program = programTemplates.substanceUseAdult({ timeZone: "America/Chicago" });

// What the referrals share: moderate alcohol use, two relapses after outpatient care, a supportive home.
const base: ParticipantInput = {
  id: "base",
  dateOfBirth: "1986-02-11",
  assessedOn: "2026-03-09",
  conditions: [{ kind: "substance-use", severity: "moderate", code: "F10.20" }],
  dimensions: {
    withdrawal: 1,
    biomedical: 0,
    emotionalBehavioral: 1,
    readiness: 2,
    relapsePotential: 2,
    recoveryEnvironment: 1,
  },
  detox: "completed",
  history: { outpatientEpisodes: 1, relapsesAfterOutpatient: 2, residentialCompleted: false },
  living: "supportive-home",
  responsibilities: [],
  unavailable: [],
  familyInvolved: true,
  medications: [],
};

const referrals: { note: string; input: ParticipantInput }[] = [
  { note: "fits the program as it is", input: { ...base, id: "p-ana" } },
  {
    note: "works weekdays 08:00–16:30, takes buprenorphine",
    input: {
      ...base,
      id: "p-ben",
      conditions: [{ kind: "substance-use", severity: "moderate", code: "F11.20" }],
      responsibilities: ["work"],
      unavailable: ([1, 2, 3, 4, 5] as const).map((weekday) => ({
        weekday,
        from: "08:00",
        to: "16:30",
        reason: "work" as const,
      })),
      medications: [{ name: "buprenorphine", purpose: "addiction" }],
    },
  },
  {
    note: "severe withdrawal risk, detox not done",
    input: {
      ...base,
      id: "p-cara",
      detox: "needed",
      dimensions: { ...base.dimensions, withdrawal: 3 },
    },
  },
  {
    note: "low risk in every dimension, no relapse history",
    input: {
      ...base,
      id: "p-dev",
      history: { outpatientEpisodes: 0, relapsesAfterOutpatient: 0, residentialCompleted: false },
      dimensions: {
        withdrawal: 0,
        biomedical: 0,
        emotionalBehavioral: 1,
        readiness: 1,
        relapsePotential: 1,
        recoveryEnvironment: 1,
      },
    },
  },
  { note: "16 years old", input: { ...base, id: "p-eli", dateOfBirth: "2009-11-30" } },
  {
    note: "lives with someone who uses; environment rated 3",
    input: {
      ...base,
      id: "p-fay",
      living: "unsafe-home",
      dimensions: { ...base.dimensions, recoveryEnvironment: 3 },
    },
  },
  {
    note: "assessment unfinished: dimensions 5 and 6 not rated",
    input: {
      ...base,
      id: "p-gus",
      dimensions: { withdrawal: 1, biomedical: 0, emotionalBehavioral: 1, readiness: 2 },
    },
  },
];

// What the intake team does next for each outcome (a Record over the union: the compiler checks
// that every outcome is covered).
const nextStep: Record<EligibilityOutcome, string> = {
  admit: "schedule the first day",
  "admit-with-conditions": "admit once the conditions are arranged",
  "refer-higher": "refer to a more intensive level of care",
  "refer-lower": "refer to a less intensive level of care",
  "refer-other": "refer to a program that serves this person",
  "needs-assessment": "complete the assessment, then screen again",
};

const seen = new Set<EligibilityOutcome>();
for (const { note, input } of referrals) {
  const decision = assessEligibility(parseParticipant(input), program);
  seen.add(decision.outcome);
  console.log(`\n${input.id} (${note})`);
  const { outcome, recommendedLevel } = decision;
  console.log(`  ${outcome} → ${recommendedLevel}: ${nextStep[outcome]}`);
  for (const r of decision.reasons) console.log(`  reason    [${r.code}] ${r.message}`);
  for (const c of decision.conditions) console.log(`  condition [${c.code}] ${c.message}`);
}
console.log(`\nOutcomes covered: ${[...seen].join(", ")}`);

// A referral typed by hand, with mistakes: safeParseParticipant never throws; it returns every
// problem, each with a stable code and its path into the input.
const malformed: unknown = {
  ...base,
  id: "p-hal",
  dateOfBirth: "1990-02-30", // no such day
  dimensions: { ...base.dimensions, withdrawal: 7 }, // ratings are 0–4
  living: "with friends", // not one of the living situations
  unavailable: [{ weekday: 2, from: "17:00", to: "09:00" }], // ends before it starts
  favouriteColour: "green", // unknown fields are errors, never silently dropped
};
const result = safeParseParticipant(malformed);
if (result.success) throw new Error("this referral should have been refused");
console.log(`\np-hal was refused: ${result.error.issues.length} problems`);
for (const { path, code, message } of result.error.issues)
  console.log(`  ${(formatPath(path) || "(root)").padEnd(22)} [${code}] ${message}`);
