/** Arbitraries for participant profiles. */
import { telehealthAccess } from "./venues";
import { pure } from "../core/pure";
import fc from "fast-check";
import { addDays, participantId, type IsoDate, type Weekday } from "../core/index";
import { checkArbitraryOptions, participantOptions } from "./options";
import { conditionKinds } from "../program/index";
import {
  parseParticipant,
  unavailabilityReasons,
  type Participant,
  type ParticipantInput,
  type Risk,
} from "../participant/index";

/** The reference "today" of generated participants: their `assessedOn` and the base of their ages. */
export const referenceDate: IsoDate = "2026-03-09";

/** Options of {@link participant}. */
export interface ParticipantArbitraryOptions {
  /**
   * Risk profile of the six dimension ratings: `"low"` (0–1), `"iop-fit"` (0–2, withdrawal ≤ 1),
   * `"high"` (some 3–4), `"any"` (0–4). @defaultValue "any"
   */
  readonly riskProfile?: "low" | "iop-fit" | "high" | "any";
  /** Age group: adults 18–80, adolescents 12–17 on {@link referenceDate}. @defaultValue either */
  readonly ageGroup?: "adult" | "adolescent";
  /**
   * Availability: `"free"` (no unavailability), `"works-days"` (unavailable 08:00–17:00 on
   * weekdays), `"any"` (random blocks). @defaultValue "any"
   */
  readonly availability?: "free" | "works-days" | "any";
  /** Leave some dimensions unrated (for needs-assessment paths). @defaultValue false */
  readonly allowMissingDimensions?: boolean;
  /** Include personal data (name, phone, email, notes). @defaultValue true */
  readonly personalData?: boolean;
  /** Sometimes give telehealth access (device, private space, location, preference; S16). @defaultValue false */
  readonly telehealth?: boolean;
}

const riskRange = { low: [0, 1], "iop-fit": [0, 2], high: [0, 4], any: [0, 4] } as const;

function risk(profile: keyof typeof riskRange): fc.Arbitrary<Risk> {
  const [min, max] = riskRange[profile];
  return fc.integer({ min, max }) as fc.Arbitrary<Risk>;
}

const hhmm = (m: number): string =>
  `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;

/** A weekly unavailable block on whole quarter hours, for any of `unavailabilityReasons`. */
const unavailability = /* @__PURE__ */ pure(() =>
  fc
    .record({
      weekday: fc.integer({ min: 1, max: 7 }),
      from: fc.integer({ min: 0, max: 88 }),
      length: fc.integer({ min: 1, max: 40 }),
      reason: fc.constantFrom(...unavailabilityReasons),
    })
    .map(({ weekday, from, length, reason }) => ({
      weekday: weekday as Weekday,
      from: hhmm(from * 15),
      to: hhmm(Math.min(95, from + length) * 15),
      reason,
    }))
    .filter((u) => u.from < u.to),
);

/**
 * A valid participant (passes `parseParticipant`) with 1–3 conditions of any of `conditionKinds`
 * and weekly unavailability for any of `unavailabilityReasons`, shrinking toward low risk, no
 * history, no unavailability and short lists.
 */
export function participant(options: ParticipantArbitraryOptions = {}): fc.Arbitrary<Participant> {
  checkArbitraryOptions("participant", options, participantOptions);
  const profile = options.riskProfile ?? "any";
  const ageYears =
    options.ageGroup === "adult"
      ? fc.integer({ min: 18, max: 80 })
      : options.ageGroup === "adolescent"
        ? fc.integer({ min: 12, max: 17 })
        : fc.integer({ min: 12, max: 80 });
  const dim = (arb: fc.Arbitrary<Risk>): fc.Arbitrary<Risk | undefined> =>
    options.allowMissingDimensions === true ? fc.option(arb, { nil: undefined, freq: 5 }) : arb;
  const withdrawal =
    profile === "iop-fit" ? (fc.integer({ min: 0, max: 1 }) as fc.Arbitrary<Risk>) : risk(profile);
  const availability = options.availability ?? "any";
  type Block = {
    weekday: Weekday;
    from: string;
    to: string;
    reason: (typeof unavailabilityReasons)[number];
  };
  const unavailable: fc.Arbitrary<Block[]> =
    availability === "free"
      ? fc.constant<Block[]>([])
      : availability === "works-days"
        ? fc.constant(
            ([1, 2, 3, 4, 5] as const).map((weekday) => ({
              weekday,
              from: "08:00",
              to: "17:00",
              reason: "work" as const,
            })),
          )
        : fc.array(unavailability, { maxLength: 4 });
  const personal = options.personalData ?? true;
  const people = fc
    .record({
      n: fc.integer({ min: 1, max: 99_999 }),
      age: ageYears,
      dayOffset: fc.integer({ min: 0, max: 364 }),
      sex: fc.option(fc.constantFrom("female" as const, "male" as const), { nil: undefined }),
      name: fc.option(
        fc.tuple(
          fc.constantFrom("Alex", "Sam", "Jordan", "Maria", "Wei", "Aisha", "Noah"),
          fc.constantFrom("Rivera", "Chen", "Okafor", "Smith", "Novak"),
        ),
        { nil: undefined },
      ),
      conditions: fc.uniqueArray(
        fc.record({
          kind: fc.constantFrom(...conditionKinds),
          severity: fc.constantFrom("mild" as const, "moderate" as const, "severe" as const),
        }),
        { minLength: 1, maxLength: 3, selector: (c) => c.kind },
      ),
      dimensions: fc.record({
        withdrawal: dim(withdrawal),
        biomedical: dim(risk(profile)),
        emotionalBehavioral: dim(risk(profile)),
        readiness: dim(risk(profile)),
        relapsePotential: dim(risk(profile)),
        recoveryEnvironment: dim(risk(profile)),
      }),
      detox: fc.constantFrom("not-needed" as const, "completed" as const, "needed" as const),
      history: fc.record({
        outpatientEpisodes: fc.integer({ min: 0, max: 4 }),
        relapsesAfterOutpatient: fc.integer({ min: 0, max: 5 }),
        residentialCompleted: fc.boolean(),
      }),
      living: fc.constantFrom(
        "supportive-home" as const,
        "unsupportive-home" as const,
        "unsafe-home" as const,
        "sober-living" as const,
        "unstable-housing" as const,
      ),
      responsibilities: fc.uniqueArray(
        fc.constantFrom(
          "work" as const,
          "school" as const,
          "childcare" as const,
          "caregiving" as const,
        ),
        { maxLength: 2 },
      ),
      unavailable,
      familyInvolved: fc.boolean(),
      medications: fc.uniqueArray(
        fc.record({
          name: fc.constantFrom(
            "buprenorphine",
            "naltrexone",
            "sertraline",
            "lithium",
            "metformin",
          ),
          purpose: fc.constantFrom("addiction" as const, "psychiatric" as const, "other" as const),
        }),
        { maxLength: 2, selector: (m) => m.name },
      ),
    })
    .map((g) => {
      const birthday = addDays(referenceDate, -g.dayOffset);
      const year = Number(birthday.slice(0, 4)) - g.age;
      const dims = Object.fromEntries(
        Object.entries(g.dimensions).filter(([, v]) => v !== undefined),
      );
      const input: ParticipantInput = {
        id: participantId(`p-${String(g.n).padStart(5, "0")}`),
        dateOfBirth: `${String(year).padStart(4, "0")}${birthday.slice(4)}`.replace(
          /-02-29$/,
          "-02-28",
        ),
        assessedOn: referenceDate,
        ...(g.sex === undefined ? {} : { sex: g.sex }),
        ...(personal && g.name !== undefined
          ? {
              name: `${g.name[0]} ${g.name[1]}`,
              phone: `+1-555-01${String(g.n % 100).padStart(2, "0")}`,
              email: `${g.name[0].toLowerCase()}.${g.n}@example.org`,
              notes: `Referred by GP; ${g.name[0]} prefers evening calls.`,
            }
          : {}),
        conditions: g.conditions,
        dimensions: dims,
        detox: g.detox,
        history: g.history,
        living: g.living,
        responsibilities: g.responsibilities,
        unavailable: g.unavailable,
        familyInvolved: g.familyInvolved,
        medications: g.medications,
        consents: [],
      };
      return parseParticipant(input);
    });
  if (options.telehealth !== true) return people;
  return people.chain((p) =>
    fc
      .option(telehealthAccess(), { nil: undefined, freq: 3 })
      .map((telehealth) => (telehealth === undefined ? p : parseParticipant({ ...p, telehealth }))),
  );
}
