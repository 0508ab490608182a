/**
 * A seeded stream of referrals for the demo clinic: mostly people who fit an adult IOP, and some
 * who need detox, residential care, a lower level, a change of environment, an adolescent
 * program, another program, or a fuller assessment. Each signs a 42 CFR Part 2 consent at intake
 * that lets the clinic share attendance, drug tests and the treatment plan with their primary-care
 * practice. Deterministic for a seed.
 */
import {
  addDays,
  createRng,
  parseParticipant,
  type ConsentInput,
  type Participant,
  type ParticipantInput,
  type Rng,
  type Weekday,
} from "iopkit";

/** The clinic that discloses records (the consent's "who may disclose"). */
export const CLINIC_NAME = "Riverside Recovery Center";
/** Every referral's primary-care practice: the recipient their consent names. */
export const PRIMARY_CARE = "Riverside Family Medicine";

const FIRST = [
  "Alex",
  "Sam",
  "Jordan",
  "Maria",
  "Wei",
  "Aisha",
  "Noah",
  "Priya",
  "Luis",
  "Hana",
  "Omar",
  "Grace",
  "Tariq",
  "Elena",
  "Kofi",
  "Mei",
];
const LAST = [
  "Rivera",
  "Chen",
  "Okafor",
  "Smith",
  "Novak",
  "Haddad",
  "Kim",
  "Silva",
  "Mensah",
  "Costa",
];

/** Medications referrals take: two for addiction, an antidepressant for co-occurring depression. */
const MEDICATIONS = [
  { name: "buprenorphine", purpose: "addiction" },
  { name: "naltrexone", purpose: "addiction" },
  { name: "sertraline", purpose: "psychiatric" },
] as const;

/** The kinds of referral the demo mixes, and how often (out of 40). */
const KINDS = [
  ["fits", 16],
  ["works-days", 8],
  ["on-medication", 3],
  ["unsafe-home", 2],
  ["needs-detox", 2],
  ["severe-first-time", 2],
  ["low-risk", 2],
  ["adolescent", 1],
  ["eating-disorder", 1],
  ["missing-rating", 1],
  ["relapsed-after-outpatient", 2],
] as const;
export type ReferralKind = (typeof KINDS)[number][0];

function base(rng: Rng, n: number, assessedOn: string): ParticipantInput {
  const first = rng.pick(FIRST) ?? "Alex";
  const age = rng.int(22, 64);
  const name = `${first} ${rng.pick(LAST) ?? "Smith"}`;
  return {
    id: `p-${String(n).padStart(3, "0")}`,
    dateOfBirth: addDays(assessedOn, -(age * 365 + rng.int(0, 364))),
    sex: rng.next() < 0.5 ? "female" : "male",
    name,
    assessedOn,
    conditions: [
      {
        kind: "substance-use",
        severity: "moderate",
        code: rng.pick(["F10.20", "F11.20", "F14.20", "F12.20"]) ?? "F10.20",
      },
    ],
    dimensions: {
      withdrawal: rng.int(0, 1) as 0 | 1,
      biomedical: rng.int(0, 1) as 0 | 1,
      emotionalBehavioral: 1,
      readiness: 2,
      relapsePotential: 2,
      recoveryEnvironment: rng.int(1, 2) as 1 | 2,
    },
    detox: rng.next() < 0.4 ? "completed" : "not-needed",
    history: {
      outpatientEpisodes: rng.int(0, 2),
      relapsesAfterOutpatient: 0,
      residentialCompleted: false,
    },
    living: rng.next() < 0.7 ? "supportive-home" : "unsupportive-home",
    responsibilities: [],
    unavailable: [],
    familyInvolved: rng.next() < 0.5,
    medications: [],
    consents: [intakeConsent(name, assessedOn)],
  };
}

/**
 * The consent signed at intake: the clinic may disclose attendance, drug tests and the treatment
 * plan to the participant's primary-care practice, for treatment, for a year. It holds every
 * element 42 CFR 2.31(a) asks for; it names no employer.
 */
function intakeConsent(patientName: string, signedOn: string): ConsentInput {
  return {
    id: "c-intake",
    patientName,
    discloser: CLINIC_NAME,
    recipients: [{ kind: "named", name: PRIMARY_CARE }],
    purposes: ["treatment"],
    information: ["attendance", "drug-tests", "treatment-plan"],
    signedBy: "patient",
    signedOn,
    statesRightToRevoke: true,
    expiry: { kind: "date", date: addDays(signedOn, 365) },
  };
}

/** A referral of a given kind. */
function referral(kind: ReferralKind, rng: Rng, n: number, assessedOn: string): ParticipantInput {
  const p = base(rng, n, assessedOn);
  const days: Weekday[] = [1, 2, 3, 4, 5];
  switch (kind) {
    case "fits":
      return p;
    case "works-days":
      return {
        ...p,
        responsibilities: ["work"],
        unavailable: days.map((weekday) => ({
          weekday,
          from: "08:00",
          to: "17:00",
          reason: "work" as const,
        })),
      };
    case "on-medication":
      return {
        ...p,
        medications: [rng.pick(MEDICATIONS) ?? { name: "naltrexone", purpose: "addiction" }],
      };
    case "unsafe-home":
      return {
        ...p,
        living: "unsafe-home",
        dimensions: { ...p.dimensions, recoveryEnvironment: 3 },
      };
    case "needs-detox":
      return { ...p, detox: "needed", dimensions: { ...p.dimensions, withdrawal: 2 } };
    case "severe-first-time":
      return {
        ...p,
        conditions: [{ kind: "substance-use", severity: "severe" }],
        detox: "not-needed",
      };
    case "low-risk":
      return {
        ...p,
        detox: "completed",
        dimensions: {
          withdrawal: 0,
          biomedical: 0,
          emotionalBehavioral: 1,
          readiness: 1,
          relapsePotential: 1,
          recoveryEnvironment: 1,
        },
      };
    case "adolescent":
      return { ...p, dateOfBirth: addDays(assessedOn, -(16 * 365 + 100)) };
    case "eating-disorder":
      return {
        ...p,
        conditions: [...p.conditions, { kind: "eating-disorder", severity: "moderate" }],
      };
    case "missing-rating": {
      const { readiness: _r, ...rest } = p.dimensions;
      return { ...p, dimensions: rest };
    }
    case "relapsed-after-outpatient":
      return {
        ...p,
        history: { outpatientEpisodes: 2, relapsesAfterOutpatient: 3, residentialCompleted: false },
      };
  }
}

/** `count` referrals assessed on `assessedOn`, in a seeded mix of kinds. */
export function referrals(
  count: number,
  seed: number,
  assessedOn: string,
): { kind: ReferralKind; participant: Participant }[] {
  const rng = createRng(seed);
  const bag = rng.shuffle(
    KINDS.flatMap(([kind, times]) => Array.from({ length: times }, () => kind)),
  );
  return Array.from({ length: count }, (_, i) => {
    const kind = bag[i % bag.length] ?? "fits";
    return { kind, participant: parseParticipant(referral(kind, rng, i + 1, assessedOn)) };
  });
}
