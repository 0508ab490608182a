/**
 * fast-check arbitraries for the privacy tests: participant-like records full of personal data,
 * and valid (consent, request) pairs for `canDisclose`. Kept in one file so that a shared
 * `iopkit/testing` arbitrary can replace the participant one later.
 */
import fc from "fast-check";
import {
  consentId,
  consentStatements,
  type ConsentStatement,
  fromEpochDay,
  participantId,
  toEpochDay,
  type Consent,
  type DisclosurePurpose,
  type DisclosureRequest,
  type InformationKind,
  type Participant,
  type Recipient,
} from "iopkit";

/** Epoch days of 1950-01-01 … 2040-12-31. */
const DAY_MIN = toEpochDay("1950-01-01");
const DAY_MAX = toEpochDay("2040-12-31");

/** An ISO date between 1950 and 2040. */
export const isoDate: fc.Arbitrary<string> = fc
  .integer({ min: DAY_MIN, max: DAY_MAX })
  .map(fromEpochDay);

/** An ISO instant with an offset, e.g. `"2026-03-09T09:00:00.000-04:00"` or `"…Z"`. */
export const instant: fc.Arbitrary<string> = fc
  .tuple(
    isoDate,
    fc.integer({ min: 0, max: 23 }),
    fc.integer({ min: 0, max: 59 }),
    fc.constantFrom("Z", "-04:00", "+05:30", "+00:00", "-10:00"),
  )
  .map(
    ([d, h, m, off]) =>
      `${d}T${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}:00.000${off}`,
  );

/** A valid id (letters, digits, `-`), e.g. `"p-3f9"`. Built once: `stringMatching` is slow to build. */
const idSuffix = fc.stringMatching(/^[a-z0-9]{1,8}$/);
export const id = (prefix: string): fc.Arbitrary<string> => idSuffix.map((s) => `${prefix}-${s}`);
const consentIdArb = id("c").map(consentId);
const participantIdArb = id("p").map(participantId);

const realNames = [
  "Alex Rivera",
  "María José Núñez",
  "O'Brien",
  "Li Wei",
  "Al",
  "Ada Lovelace",
  "Jean-Luc Picard",
  "Zoë Şahin",
  "Иван Петров",
  "山田 太郎",
];

/** A person's name: a realistic one, or any short text (1–30 graphemes). */
export const personName: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...realNames),
  fc.string({ minLength: 1, maxLength: 30, unit: "grapheme" }),
  fc.string({ minLength: 1, maxLength: 12 }),
);

const phone = fc.oneof(
  fc.stringMatching(/^\+?[0-9][0-9 ()-]{2,20}$/),
  fc.string({ minLength: 3, maxLength: 40 }),
);
const email = fc.oneof(
  fc
    .tuple(fc.stringMatching(/^[a-z0-9.]{1,12}$/), fc.constantFrom("example.com", "mail.test"))
    .map(([u, d]) => `${u}@${d}`),
  fc.string({ maxLength: 40 }),
);
const freeText = fc.string({ maxLength: 80, unit: "grapheme" });

/** Text that mixes `words` (in any case) into random text, to test scrubbing inside strings. */
export function textMentioning(words: readonly string[]): fc.Arbitrary<string> {
  if (words.length === 0) return freeText;
  return fc
    .array(
      fc.oneof(
        freeText,
        fc.constantFrom(...words),
        fc.constantFrom(...words).map((w) => w.toUpperCase()),
        fc.constantFrom(...words).map((w) => w.toLowerCase()),
      ),
      { maxLength: 6 },
    )
    .map((parts) => parts.join(" "));
}

const kinds: readonly InformationKind[] = [
  "attendance",
  "diagnosis",
  "treatment-plan",
  "medications",
  "drug-tests",
  "measures",
  "discharge-summary",
];
const nonLegalPurposes: readonly DisclosurePurpose[] = [
  "treatment",
  "payment",
  "health-care-operations",
  "research",
  "audit",
  "patient-request",
  "other",
];
const TPO: readonly DisclosurePurpose[] = ["treatment", "payment", "health-care-operations"];
const isTpo = (p: DisclosurePurpose): boolean => TPO.includes(p);

/** Text that is not only spaces, hyphens and underscores (such a name never matches). */
const matchable = (s: string): boolean => s.normalize("NFKC").replace(/[\s_-]+/gu, "") !== "";
const label = fc.string({ minLength: 1, maxLength: 40 }).filter(matchable);
const recipient: fc.Arbitrary<Recipient> = fc.oneof(
  personName.filter(matchable).map((name): Recipient => ({ kind: "named", name })),
  label.map((description): Recipient => ({ kind: "class", description })),
);

/** A consent with any mix of elements present or missing (for redaction, not for canDisclose). */
const anyConsent = (patientName: string | undefined, words: readonly string[]) =>
  fc
    .record(
      {
        id: consentIdArb,
        discloser: textMentioning(words).filter((s) => s.length > 0 && s.length <= 200),
        recipients: fc.array(recipient, { maxLength: 3 }),
        purposes: fc.uniqueArray(fc.constantFrom(...nonLegalPurposes), { maxLength: 3 }),
        coversAllTpo: fc.boolean(),
        information: fc.uniqueArray(fc.constantFrom(...kinds), { maxLength: 3 }),
        amount: textMentioning(words),
        signedBy: fc.constantFrom("patient", "guardian", "authorised-representative" as const),
        signedOn: isoDate,
        statesRightToRevoke: fc.boolean(),
        statements: fc.uniqueArray(fc.constantFrom(...consentStatements), { maxLength: 4 }),
        expiry: fc.oneof(
          isoDate.map((date) => ({ kind: "date" as const, date })),
          fc.record(
            { kind: fc.constant("event" as const), event: label, occurredOn: isoDate },
            { requiredKeys: ["kind", "event"] },
          ),
        ),
        revokedOn: isoDate,
      },
      {
        requiredKeys: [
          "id",
          "recipients",
          "purposes",
          "coversAllTpo",
          "information",
          "statesRightToRevoke",
          "statements",
        ],
      },
    )
    .map((c): Consent => ({
      formatVersion: 3,
      ...c,
      // A single TPO consent lists TPO purposes only (42 CFR 2.33(a)(2)).
      purposes: c.coversAllTpo ? c.purposes.filter(isTpo) : c.purposes,
      ...(patientName === undefined ? {} : { patientName }),
    }));

/**
 * A valid participant (it parses with `parseParticipant`) with personal data in `name`, `phone`,
 * `email`, `address`, `notes`, consents' `patientName` and named recipients, and the name's words
 * mixed into non-personal free text (consent `amount` and `discloser`, medication names).
 */
export const participant: fc.Arbitrary<Participant> = fc
  .record(
    {
      name: personName,
      phone,
      email,
      address: freeText,
      notes: freeText,
    },
    { requiredKeys: [] },
  )
  .chain((personal) => {
    const words = [personal.name, personal.phone, personal.email].filter(
      (w): w is string => w !== undefined && w.length > 0,
    );
    return fc.record({
      personal: fc.constant(personal),
      id: participantIdArb,
      dateOfBirth: isoDate,
      assessedOn: fc.option(isoDate, { nil: undefined }),
      medications: fc.array(
        fc.record({
          name: textMentioning(words).filter((s) => s.length > 0 && s.length <= 200),
          purpose: fc.constantFrom("addiction", "psychiatric", "other" as const),
        }),
        { maxLength: 2 },
      ),
      consents: fc.array(anyConsent(personal.name, words), { maxLength: 2 }),
      familyInvolved: fc.boolean(),
    });
  })
  .map(({ personal, assessedOn, ...rest }): Participant => ({
    formatVersion: 2,
    ...rest,
    ...personal,
    ...(assessedOn === undefined ? {} : { assessedOn }),
    conditions: [{ kind: "substance-use", severity: "moderate" }],
    dimensions: { withdrawal: 1, biomedical: 0 },
    detox: "not-needed",
    history: { outpatientEpisodes: 1, relapsesAfterOutpatient: 0, residentialCompleted: false },
    living: "supportive-home",
    responsibilities: ["work"],
    unavailable: [{ weekday: 1, from: "09:00", to: "17:00", reason: "work" }],
  }));

/** A log entry about a participant, its message mentioning their personal data. */
export interface LogEntry {
  readonly at: string;
  readonly participantId: string;
  readonly message: string;
}

/** A participant with an event log whose free-text messages mention their personal data. */
export const participantWithLog: fc.Arbitrary<{ participant: Participant; log: LogEntry[] }> =
  participant.chain((p) => {
    const words = [p.name, p.phone, p.email, p.notes, p.address].filter(
      (w): w is string => w !== undefined && w.length > 0,
    );
    return fc.record({
      participant: fc.constant(p),
      log: fc.array(
        fc.record({
          at: instant,
          participantId: fc.constant(p.id),
          message: textMentioning([...words, ...words.flatMap((w) => w.split(" "))]),
        }),
        { maxLength: 4 },
      ),
    });
  });

// ---------------------------------------------------------------------------------------------
// canDisclose

/** A valid consent and a request it allows. */
export interface DisclosureCase {
  readonly consent: Consent;
  readonly request: DisclosureRequest;
}

const caseInput = fc.record({
  consentId: consentIdArb,
  patientId: participantIdArb,
  patientName: personName.filter(matchable),
  discloser: label,
  recipients: fc.array(recipient, { minLength: 1, maxLength: 3 }),
  target: fc.nat(),
  kind: fc.constantFrom("plain", "tpo", "notes" as const),
  viaTpoClass: fc.boolean(),
  purposes: fc.uniqueArray(fc.constantFrom(...nonLegalPurposes), { minLength: 1, maxLength: 4 }),
  purposeIndex: fc.nat(),
  information: fc.uniqueArray(fc.constantFrom(...kinds), { minLength: 1, maxLength: 5 }),
  requestedCount: fc.integer({ min: 1, max: 5 }),
  on: fc.integer({ min: DAY_MIN + 400, max: DAY_MAX - 400 }),
  signedDaysBefore: fc.integer({ min: 0, max: 365 }),
  expiry: fc.constantFrom("date", "event-pending", "event-later", "none" as const),
  expiryDaysAfter: fc.integer({ min: 0, max: 365 }),
  revokedDaysAfter: fc.option(fc.integer({ min: 1, max: 365 }), { nil: undefined }),
  signer: fc.constantFrom(
    { signedBy: "patient" as const },
    { signedBy: "guardian" as const, signerBasis: "lacks-capacity" as const },
    { signedBy: "guardian" as const, signerBasis: "minor" as const, patientCosigned: true },
    { signedBy: "authorised-representative" as const, signerBasis: "deceased" as const },
  ),
  /** Statements on a non-TPO consent: any (they are required on TPO consents only). */
  statements: fc.uniqueArray(fc.constantFrom(...consentStatements), { maxLength: 4 }),
  otherClasses: fc.array(label, { maxLength: 2 }),
});

/** Valid (consent, request) pairs: plain consents, single TPO consents and counselling-notes consents. */
export const disclosureCase: fc.Arbitrary<DisclosureCase> = caseInput.map((x): DisclosureCase => {
  const on = fromEpochDay(x.on);
  const tpo = x.kind === "tpo";
  const notes = x.kind === "notes";
  const target = x.recipients[x.target % x.recipients.length] as Recipient;
  const viaTpo = tpo && x.viaTpoClass;
  // A TPO consent authorises TPO purposes only, listed or not.
  const purposes = tpo ? x.purposes.filter(isTpo) : x.purposes;
  const purpose: DisclosurePurpose = tpo
    ? (TPO[x.purposeIndex % 3] as DisclosurePurpose)
    : (x.purposes[x.purposeIndex % x.purposes.length] as DisclosurePurpose);
  const statements: ConsentStatement[] = tpo ? [...consentStatements] : x.statements;
  const information: InformationKind[] = notes ? ["counselling-notes"] : x.information;
  const requested: InformationKind[] = notes
    ? ["counselling-notes"]
    : x.information.slice(0, Math.min(x.requestedCount, x.information.length));
  const expiry = ((): Consent["expiry"] => {
    switch (x.expiry) {
      case "date":
        return { kind: "date", date: fromEpochDay(x.on + x.expiryDaysAfter) };
      case "event-pending":
        return { kind: "event", event: "discharge" };
      case "event-later":
        return {
          kind: "event",
          event: "discharge",
          occurredOn: fromEpochDay(x.on + 1 + x.expiryDaysAfter),
        };
      case "none":
        return tpo ? { kind: "none" } : { kind: "event", event: "end of treatment" };
    }
  })();
  const consent: Consent = {
    formatVersion: 3,
    id: x.consentId,
    patientName: x.patientName,
    discloser: x.discloser,
    recipients: x.recipients,
    purposes: tpo ? purposes.filter((p) => p !== purpose) : purposes,
    coversAllTpo: tpo,
    information,
    ...x.signer,
    signedOn: fromEpochDay(x.on - x.signedDaysBefore),
    statesRightToRevoke: true,
    statements,
    expiry,
    ...(x.revokedDaysAfter === undefined
      ? {}
      : { revokedOn: fromEpochDay(x.on + x.revokedDaysAfter) }),
  };
  const recipientOfRequest = viaTpo
    ? { name: "Some Health Plan", classes: [...x.otherClasses, "health-plan"] }
    : target.kind === "named"
      ? {
          name: ` ${/^[ -~]*$/.test(target.name) ? target.name.toUpperCase() : target.name} `,
          classes: x.otherClasses,
        }
      : { name: "Someone", classes: [...x.otherClasses, `  ${target.description}  `] };
  const request: DisclosureRequest = {
    formatVersion: 2,
    patient: { id: x.patientId, name: ` ${x.patientName} ` },
    discloser: x.discloser,
    recipient: recipientOfRequest,
    purpose,
    information: requested,
    on,
  };
  return { consent, request };
});
