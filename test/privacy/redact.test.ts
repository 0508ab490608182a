// redact: examples for a participant, a consent, nested arrays, text that mentions personal data,
// each date mode, id pseudonymisation that keeps relations, remove mode, and misuse.
// Personal fields: participantPersonalFields in src/participant/participant.ts and
// defaultPersonalFields in src/privacy/redaction-policy.ts. Unicode: folding per the module notes of
// src/privacy/text-matcher.ts (NFKD, Unicode full case mapping, marks removed).
import { describe, expect, it } from "vitest";
import {
  IopError,
  daysBetween,
  defaultPersonalFields,
  parseParticipant,
  parseRedactionPolicy,
  participantId,
  participantPersonalFields,
  redact,
  safeParseRedactionPolicy,
  type Participant,
  type ParticipantInput,
} from "iopkit";

const participantInput: ParticipantInput = {
  id: "p-001",
  dateOfBirth: "1990-05-17",
  name: "Alex Rivera",
  phone: "+1 555 0100",
  email: "alex.rivera@example.com",
  address: "12 Elm Street, Springfield",
  notes: "Prefers evenings; sister Jo Rivera drives",
  assessedOn: "2026-03-02",
  conditions: [{ kind: "substance-use", severity: "moderate" }],
  dimensions: { withdrawal: 1, biomedical: 0 },
  detox: "not-needed",
  history: { outpatientEpisodes: 1, relapsesAfterOutpatient: 1, residentialCompleted: false },
  living: "supportive-home",
  responsibilities: ["work"],
  unavailable: [{ weekday: 1, from: "09:00", to: "17:00", reason: "work" }],
  familyInvolved: true,
  medications: [{ name: "buprenorphine", purpose: "addiction" }],
  consents: [
    {
      id: "c-1",
      patientName: "Alex Rivera",
      discloser: "Riverside IOP",
      recipients: [
        { kind: "named", name: "Dr. Sam Lee" },
        { kind: "class", description: "family members" },
      ],
      purposes: ["treatment"],
      information: ["attendance"],
      amount: "attendance since admission, as agreed with Alex",
      signedBy: "patient",
      signedOn: "2026-03-02",
      statesRightToRevoke: true,
      expiry: { kind: "date", date: "2026-12-31" },
    },
  ],
};
const participant: Participant = parseParticipant(participantInput);
const ANON = /^anon-[0-9a-f]{16}$/;
const ID = /^id-[0-9a-f]{16}$/;
/** An asymmetric matcher for any `anon-` pseudonym. */
const anyAnon: unknown = expect.stringMatching(ANON);

describe("redact — a participant (pseudonymise, the default)", () => {
  const out = redact(participant);

  it("replaces every personal field with a pseudonym and keeps the rest", () => {
    for (const f of participantPersonalFields) expect(out[f]).toMatch(ANON);
    expect(out.id).toBe("p-001");
    // An exact birth date identifies a person: by default only its year survives.
    expect(out.dateOfBirth).toBe("1990-01-01");
    expect(out.conditions).toEqual(participant.conditions);
    expect(out.medications).toEqual([{ name: "buprenorphine", purpose: "addiction" }]);
  });

  it("keeps the record's shape, so the redacted participant still parses", () => {
    expect(Object.keys(out)).toEqual(Object.keys(participant));
    expect(parseParticipant(out)).toEqual(out);
  });

  it("gives the same value the same pseudonym (patientName = name), regardless of case", () => {
    expect(out.consents[0]?.patientName).toBe(out.name);
    expect(redact({ name: "ALEX RIVERA" }).name).toBe(out.name);
  });

  it("never changes its input and is deterministic", () => {
    const copy = structuredClone(participant);
    expect(redact(participant)).toEqual(out);
    expect(participant).toEqual(copy);
  });

  it("pseudonyms depend on the salt", () => {
    const a = redact(participant, { salt: "export-2026" });
    expect(a.name).not.toBe(out.name);
    expect(redact(participant, { salt: "export-2026" }).name).toBe(a.name);
  });
});

describe("redact — a consent", () => {
  const consent = participant.consents[0];
  const out = redact(consent);

  it("pseudonymises the patient's name and named recipients; keeps classes, dates and codes", () => {
    expect(out?.patientName).toMatch(ANON);
    expect(out?.recipients).toEqual([
      { kind: "named", name: anyAnon },
      { kind: "class", description: "family members" },
    ]);
    expect(out?.discloser).toBe("Riverside IOP");
    expect(out?.signedOn).toBe("2026-03-02");
    expect(out?.information).toEqual(["attendance"]);
  });

  it("scrubs the patient's first name from the free-text amount", () => {
    expect(out?.amount).toBe(
      `attendance since admission, as agreed with ${redact({ name: "Alex" }).name}`,
    );
  });
});

describe("redact — nested arrays and objects (FHIR-like)", () => {
  const bundle = {
    resourceType: "Bundle",
    entry: [
      {
        resource: {
          resourceType: "Patient",
          id: "p-001",
          name: [{ use: "official", given: ["Alex", "J"], family: "Rivera" }],
          telecom: [{ system: "phone", value: "+1 555 0100", rank: 1 }],
          birthDate: "1990-05-17",
        },
      },
      { resource: { resourceType: "Encounter", subject: { reference: "Patient/p-001" } } },
    ],
  };
  const out = redact(bundle);

  it("replaces every string and number inside a personal field, keeping array lengths and keys", () => {
    const patient = out.entry[0]?.resource;
    expect(patient?.name).toEqual([
      {
        use: anyAnon,
        given: [anyAnon, anyAnon],
        family: anyAnon,
      },
    ]);
    expect(patient?.telecom).toEqual([{ system: anyAnon, value: anyAnon, rank: 0 }]);
    expect(out.entry).toHaveLength(2);
    expect(out.entry[1]).toEqual(bundle.entry[1]);
  });
});

describe("redact — personal data inside other strings", () => {
  const record = {
    participant: { id: "p-001", name: "Alex Rivera", phone: "555-0100" },
    log: [
      { message: "ALEX RIVERA missed group; left a message at 555-0100" },
      { message: "Called Alex; Rivera family present. Always on time." },
    ],
  };
  const out = redact(record);
  const full = out.participant.name;
  const first = redact({ name: "Alex" }).name;
  const last = redact({ name: "Rivera" }).name;
  const phone = out.participant.phone;

  it("replaces whole values and each word of a name, ignoring case", () => {
    expect(out.log[0]?.message).toBe(`${full} missed group; left a message at ${phone}`);
    expect(out.log[1]?.message).toBe(`Called ${first}; ${last} family present. Always on time.`);
  });

  it("names shorter than minScrubLength (3) are replaced in their own field only", () => {
    const short = redact({ name: "Al", note: "x", message: "Al said: Always call Al." });
    expect(short.name).toMatch(ANON);
    expect(short.message).toBe("Al said: Always call Al.");
    const strict = redact(
      { name: "Al", message: "Al said: Always call Al." },
      { minScrubLength: 2 },
    );
    expect(strict.message).not.toMatch(/al/i);
  });

  it("when a personal string would reappear across a replacement's seam, the whole string is replaced", () => {
    // "xJane" → "x" + "anon-…" would show the personal string "xan": the message becomes a pseudonym.
    const out2 = redact({ name: "Jane", notes: "xan", message: "xJane" });
    expect(out2.message).not.toMatch(/xan|jane/i);
    expect(out2.message).toMatch(ANON);
    expect(out2.message).toBe(redact({ name: "xJane" }).name);
  });

  it("pseudonyms avoid personal strings (a note that reads 'anon')", () => {
    const out3 = redact({ name: "Alex Rivera", notes: "anon", message: "Alex" });
    expect(out3.name).not.toMatch(/anon/i);
    expect(out3.name).toMatch(/^[0-9a-f]{16}$/);
    expect(out3.message).toBe(redact({ name: "Alex", notes: "anon" }).name);
    expect(out3.message).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe("redact — dates", () => {
  const record = {
    dateOfBirth: "1990-05-17",
    assessedOn: "2026-03-02",
    at: "2026-03-09T09:30:00.000-04:00",
    utc: "2026-03-09T23:30Z",
    week: "2026-W11",
    time: "09:00",
  };

  it('"keep" (default) leaves dates and instants as they are, except birth dates, which keep only their year', () => {
    expect(redact(record)).toEqual({ ...record, dateOfBirth: "1990-01-01" });
    expect(redact(record, { birthDates: "keep" })).toEqual(record);
  });

  it('"shift" moves every date and instant by shiftDays, keeping intervals, wall time and offset', () => {
    const out = redact(record, { dates: "shift", shiftDays: -10, birthDates: "keep" });
    expect(out).toEqual({
      dateOfBirth: "1990-05-07",
      assessedOn: "2026-02-20",
      at: "2026-02-27T09:30:00.000-04:00",
      utc: "2026-02-27T23:30Z",
      week: "2026-W11",
      time: "09:00",
    });
    expect(daysBetween(out.dateOfBirth, out.assessedOn)).toBe(
      daysBetween(record.dateOfBirth, record.assessedOn),
    );
  });

  it('"shift" clamps to years 0001–9999', () => {
    expect(redact({ d: "9999-12-30" }, { dates: "shift", shiftDays: 5 }).d).toBe("9999-12-31");
    expect(redact({ d: "0001-01-02" }, { dates: "shift", shiftDays: -5 }).d).toBe("0001-01-01");
  });

  it('"shift" needs a non-zero shiftDays', () => {
    const r = safeParseRedactionPolicy({ dates: "shift" });
    expect(r.success).toBe(false);
    if (!r.success)
      expect(r.error.issues[0]).toMatchObject({ code: "shift-days-required", path: ["shiftDays"] });
    expect(() => redact(record, { dates: "shift" })).toThrow(IopError);
  });

  it('"generalise" keeps the year of birth dates and the month of other dates and instants', () => {
    expect(redact(record, { dates: "generalise" })).toEqual({
      dateOfBirth: "1990-01-01",
      assessedOn: "2026-03-01",
      at: "2026-03-01T00:00:00.000-04:00",
      utc: "2026-03-01T00:00:00.000Z",
      week: "2026-W11",
      time: "09:00",
    });
  });
});

describe("redact — ids", () => {
  const record = {
    participants: [
      { id: "p-001", name: "Alex Rivera" },
      { id: "p-002", name: "Sam Cruz" },
    ],
    sessions: [{ id: "s-1", participantIds: ["p-002", "p-001"], staffIds: ["st-9"] }],
    attendance: [{ sessionId: "s-1", participantId: "p-001", status: "present" }],
    fhir: { subject: { reference: "Patient/p-001" } },
  };

  it("are kept by default", () => {
    expect(redact(record).sessions).toEqual(record.sessions);
  });

  it('"pseudonymise": the same id gets the same valid id everywhere, so relations survive', () => {
    const out = redact(record, { ids: "pseudonymise" });
    const [a, b] = out.participants;
    expect(a?.id).toMatch(ID);
    expect(a?.id).not.toBe(b?.id);
    expect(participantId(a?.id ?? "")).toBe(a?.id);
    expect(out.sessions[0]?.participantIds).toEqual([b?.id, a?.id]);
    expect(out.attendance[0]?.participantId).toBe(a?.id);
    expect(out.attendance[0]?.sessionId).toBe(out.sessions[0]?.id);
    expect(out.fhir.subject.reference).toBe(`Patient/${a?.id}`);
    expect(out.sessions[0]?.staffIds[0]).toMatch(ID);
  });
});

describe("redact — remove mode", () => {
  it("deletes personal fields and replaces mentions with [redacted]", () => {
    const out = redact(
      { participant: participant, log: [{ message: "Alex Rivera called" }] },
      { mode: "remove" },
    );
    for (const f of participantPersonalFields) expect(out.participant).not.toHaveProperty(f);
    expect(out.participant.consents[0]).not.toHaveProperty("patientName");
    expect(out.participant.consents[0]?.recipients[0]).toEqual({ kind: "named" });
    expect(out.log[0]?.message).toBe("[redacted] called");
    // The participant's personal fields are optional, a named recipient's name is not: removed
    // records may no longer parse (documented on RedactionPolicy.mode).
    expect(() => parseParticipant(out.participant)).toThrow(/recipients\[0\]\.name/);
    const { consents: _c, ...rest } = out.participant;
    expect(parseParticipant(rest).id).toBe("p-001");
  });
});

describe("redact — policy", () => {
  it("has documented defaults", () => {
    const p = parseRedactionPolicy({});
    expect(p).toMatchObject({
      mode: "pseudonymise",
      dates: "keep",
      ids: "keep",
      minScrubLength: 3,
      salt: "",
    });
    expect(p.personalFields).toEqual(defaultPersonalFields);
    expect(p.personalFields).toEqual(
      expect.arrayContaining([...participantPersonalFields, "patientName"]),
    );
    expect(p.keep).toEqual(["medications.*.name"]);
  });

  it("keep paths exempt fields; extra personal fields are honoured", () => {
    const program = { name: "Riverside IOP", phases: [{ name: "Intensive" }], coach: "Jo" };
    expect(redact(program, { keep: ["phases.*.name"] })).toEqual({ ...program, name: anyAnon });
    expect(redact(program, { keep: ["phases.*.name", "name"] })).toEqual(program);
    expect(redact(program).phases[0]?.name).toMatch(ANON);
    expect(redact(program, { personalFields: ["coach"] })).toMatchObject({
      name: "Riverside IOP",
      coach: anyAnon,
    });
  });

  it("rejects unknown options and bad values with every issue", () => {
    const r = safeParseRedactionPolicy({ mode: "erase", minScrubLength: 0, extra: true });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues).toHaveLength(3);
    expect(() => parseRedactionPolicy({ keep: ["a..b"] })).toThrow(IopError);
  });
});

describe("redact — input that is not JSON", () => {
  it("throws IopError naming every non-JSON value by path", () => {
    try {
      redact({ a: Number.NaN, b: [new Date(0)], c: { d: () => 1 } });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(IopError);
      expect((e as IopError).issues.map((i) => [i.code, i.path.join(".")])).toEqual([
        ["not-json", "a"],
        ["not-json", "b.0"],
        ["not-json", "c.d"],
      ]);
    }
  });

  it("reports cycles", () => {
    const a: Record<string, unknown> = { name: "x" };
    a["self"] = a;
    expect(() => redact(a)).toThrow(/contains itself/);
  });

  it("passes through scalars and own __proto__ keys without polluting prototypes", () => {
    expect(redact("Alex")).toBe("Alex");
    expect(redact(null)).toBeNull();
    const hostile = JSON.parse('{"__proto__": {"polluted": true}, "name": "Alex"}') as Record<
      string,
      unknown
    >;
    const out = redact(hostile);
    expect(Object.keys(out)).toEqual(["__proto__", "name"]);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });
});

describe("redact — names in other case and Unicode forms", () => {
  const scrubbed = (name: string, mention: string, minScrubLength = 3): string => {
    const out = redact({ name, note2: `seen: ${mention}.` }, { minScrubLength });
    return out.note2;
  };

  it.each([
    ["Turkish dotless and dotted i", "Işıl Yıldız", "ISIL YILDIZ"],
    ["Turkish dotted capital I", "İbrahim", "ibrahim"],
    ["Greek final sigma", "Σίσυφος", "ΣΊΣΥΦΟΣ"],
    ["Greek final sigma, lower case", "ΟΔΥΣΣΕΥΣ", "οδυσσευς"],
    ["NFD-decomposed", "José Núñez", "Jose\u0301 Nu\u0301n\u0303ez"],
    ["NFC name, NFD mention", "Zoë", "Zoe\u0308"],
    ["upper-case copy of a mixed-case name", "McAllister", "MCALLISTER"],
    ["German sharp s", "Groß", "GROSS"],
    ["fullwidth (NFKC)", "Alex", "Ａｌｅｘ"],
    ["zero-width joiners inside", "Alex", "A\u200dl\u200dex"],
    ["without accents", "Zoë Ångström", "zoe angstrom"],
  ])("%s: %s is found as %s", (_what, name, mention) => {
    const out = scrubbed(name, mention);
    expect(out).toMatch(/^seen: anon-[0-9a-f]{16}( anon-[0-9a-f]{16})?\.$/);
  });

  it("a match covers the combining marks that follow it", () => {
    expect(scrubbed("Jose", "Jose\u0301!")).toMatch(/^seen: anon-[0-9a-f]{16}!\.$/);
  });

  it("a mark does not split a word of a name (Devanagari), so each word is scrubbed", () => {
    const out = redact({ name: "राम शर्मा", log: "शर्मा called" });
    expect(out.log).toMatch(/^anon-[0-9a-f]{16} called$/);
  });

  it("the folded length counts against minScrubLength: a name folding to fewer units stays in other text", () => {
    // "Jo" + two combining marks: 4 UTF-16 units, but folds to "jo" (2): below 3, replaced in its own field only.
    const out = redact({ name: "Jo\u0308\u0301", log: "Jo\u0308\u0301 came" });
    expect(out.name).toMatch(/^anon-[0-9a-f]{16}$/);
    expect(out.log).toBe("Jo\u0308\u0301 came");
  });
});

describe("redact — a name held as an object or array (FHIR HumanName)", () => {
  const humanName = [
    {
      use: "official",
      prefix: ["Mx."],
      given: ["Alexandra", "Jo"],
      family: "Riverton",
      text: "Alexandra Riverton",
    },
  ];

  it("scrubs each word of given, family, text and prefix from free text", () => {
    const out = redact({ name: humanName, note2: "Alexandra RIVERTON (Mx.) phoned; Jo too" });
    expect(out.note2).not.toMatch(/alexandra|riverton/i);
    // The whole text (longest match) and "Mx." (3 units) are scrubbed; "Jo" (2) is below minScrubLength.
    expect(out.note2).toMatch(/^anon-[0-9a-f]{16} \(anon-[0-9a-f]{16}\) phoned; Jo too$/);
    expect(redact({ name: humanName, note2: "Riverton, Alexandra" }).note2).toMatch(
      /^anon-[0-9a-f]{16}, anon-[0-9a-f]{16}$/,
    );
    expect(out.name[0]?.given).toEqual([
      expect.stringMatching(/^anon-/),
      expect.stringMatching(/^anon-/),
    ]);
  });

  it("also finds the whole name when its parts are shorter than minScrubLength, in either order", () => {
    const out = redact({
      contact: [{ name: { given: ["太郎"], family: "山田" } }],
      a: "山田 太郎 came",
      b: "太郎山田 came",
      c: "太郎 came",
    });
    expect(out.a).toMatch(/^anon-[0-9a-f]{16} came$/);
    expect(out.b).toMatch(/^anon-[0-9a-f]{16} came$/);
    expect(out.c).toBe("太郎 came"); // a 2-character part alone is below minScrubLength (3)
  });
});

describe("redact — personal-data keys in any spelling", () => {
  it.each([
    ["SSN", "123-45-6789"],
    ["Name", "Alex Rivera"],
    ["NAME", "Alex Rivera"],
    ["Email", "alex@example.org"],
    ["first_name", "Alexandra"],
    ["First-Name", "Alexandra"],
    ["last_name", "Riverton"],
    ["Phone_Number", "+1 555 0100"],
  ])("%s is a personal-data key", (key, value) => {
    const out = redact({ [key]: value, other: `mentions ${value}` });
    expect(out[key]).toMatch(/^anon-[0-9a-f]{16}$/);
    expect(out["other"]).not.toContain(value);
    expect(redact({ [key]: value }, { mode: "remove" })).toEqual({});
  });

  it.each(["DOB", "dob", "DateOfBirth", "date_of_birth", "BirthDate"])(
    "%s is a birth date: only its year survives",
    (key) => {
      expect(redact({ [key]: "1990-05-17" })).toEqual({ [key]: "1990-01-01" });
    },
  );

  it("keys that only resemble personal ones are kept", () => {
    expect(redact({ username_policy: "strict", named: "x y z" })).toEqual({
      username_policy: "strict",
      named: "x y z",
    });
  });
});
