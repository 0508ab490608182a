// redact laws, for any generated participant with an event log that mentions their personal data:
// - no output string (other than date/instant values, and ids when ids are kept) contains any of
//   the input's personal strings of folded length ≥ minScrubLength, compared in the folded form
//   (the documented rule: NFKD, full case folding, marks removed);
// - a name planted in any case, Unicode form or object shape (FHIR HumanName) never survives;
// - same shape (pseudonymise) or the same minus personal fields (remove); input not mutated;
//   deterministic; JSON; ids pseudonymised consistently; date shifts keep intervals.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  daysBetween,
  defaultPersonalFields,
  isInstant,
  isIsoDate,
  redact,
  type Participant,
  type RedactionPolicyInput,
} from "iopkit";
import { participantWithLog, type LogEntry } from "./arbitraries";

type Record_ = { participant: Participant; log: LogEntry[] };

/**
 * The folded form redact documents: per code point NFKD, upper then lower case, NFKD again,
 * combining marks and default-ignorable code points removed.
 */
const fold = (s: string): string =>
  [...s]
    .map((c) =>
      c
        .normalize("NFKD")
        .toUpperCase()
        .toLowerCase()
        .normalize("NFKD")
        .replace(/[\p{M}\p{Default_Ignorable_Code_Point}]/gu, ""),
    )
    .join("");

const words = (s: string): string[] => s.split(/[^\p{L}\p{M}\p{N}]+/u);

/** The input's personal strings, collected independently of redact: whole values and name words. */
function personalStrings({ participant: p }: Record_, min: number): string[] {
  const values: string[] = [];
  const names: string[] = [];
  for (const v of [p.phone, p.email, p.address, p.notes]) if (v !== undefined) values.push(v);
  if (p.name !== undefined) names.push(p.name);
  for (const c of p.consents) {
    if (c.patientName !== undefined) names.push(c.patientName);
    for (const r of c.recipients) if (r.kind === "named") names.push(r.name);
  }
  return [...values, ...names, ...names.flatMap(words)].filter((s) => fold(s).length >= min);
}

const isIdKey = (key: string | undefined): boolean =>
  key !== undefined && (key === "id" || /[a-z0-9](?:Id|ID)s?$/.test(key));

/** Every string in a value with the key it sits under (array items inherit the array's key). */
function strings(
  v: unknown,
  key?: string,
  out: [string | undefined, string][] = [],
): [string | undefined, string][] {
  if (typeof v === "string") out.push([key, v]);
  else if (Array.isArray(v)) for (const x of v) strings(x, key, out);
  else if (typeof v === "object" && v !== null)
    for (const [k, x] of Object.entries(v)) strings(x, k, out);
  return out;
}

/** Same keys (in order) and same array lengths, recursively. */
function sameShape(a: unknown, b: unknown): boolean {
  if (Array.isArray(a))
    return Array.isArray(b) && a.length === b.length && a.every((x, i) => sameShape(x, b[i]));
  if (typeof a === "object" && a !== null) {
    if (typeof b !== "object" || b === null || Array.isArray(b)) return false;
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return (
      ka.length === kb.length &&
      ka.every(
        (k, i) =>
          kb[i] === k &&
          sameShape((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
      )
    );
  }
  return typeof a === typeof b;
}

/** Keys of `out` are those of `input`, minus personal-data keys (remove mode), recursively. */
function removedOnlyPersonal(
  input: unknown,
  out: unknown,
  personal: Set<string>,
  path: string[] = [],
): boolean {
  if (Array.isArray(input))
    return (
      Array.isArray(out) &&
      input.length === out.length &&
      input.every((x, i) => removedOnlyPersonal(x, out[i], personal, [...path, String(i)]))
    );
  if (typeof input === "object" && input !== null) {
    const o = out as Record<string, unknown>;
    return Object.entries(input).every(([k, x]) => {
      const kept = k === "name" && path.at(-2) === "medications";
      if (personal.has(k) && !kept) return !(k in o);
      return k in o && removedOnlyPersonal(x, o[k], personal, [...path, k]);
    });
  }
  return true;
}

const policy: fc.Arbitrary<RedactionPolicyInput> = fc.record(
  {
    mode: fc.constantFrom("pseudonymise", "remove" as const),
    ids: fc.constantFrom("keep", "pseudonymise" as const),
    dates: fc.constantFrom("keep", "shift", "generalise" as const),
    shiftDays: fc.integer({ min: -400, max: 400 }).filter((d) => d !== 0),
    salt: fc.string({ maxLength: 8 }),
    minScrubLength: fc.integer({ min: 2, max: 6 }),
  },
  { requiredKeys: ["shiftDays"] },
);

describe("redact laws", () => {
  it("the output contains none of the input's personal strings (≥ minScrubLength, ignoring case)", () => {
    fc.assert(
      fc.property(participantWithLog, policy, (record, pol) => {
        const out = redact(record, pol);
        const min = pol.minScrubLength ?? 3;
        const personal = personalStrings(record, min).map(fold);
        for (const [key, s] of strings(out)) {
          if (isIsoDate(s) || isInstant(s)) continue;
          if (isIdKey(key) && pol.ids !== "pseudonymise") continue;
          const f = fold(s);
          for (const p of personal)
            if (f.includes(p))
              throw new Error(`${JSON.stringify(s)} (under ${key}) contains ${JSON.stringify(p)}`);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("keeps the shape (pseudonymise) or removes only personal fields (remove)", () => {
    const personal = new Set(defaultPersonalFields);
    fc.assert(
      fc.property(participantWithLog, policy, (record, pol) => {
        const out = redact(record, pol);
        if (pol.mode === "remove") expect(removedOnlyPersonal(record, out, personal)).toBe(true);
        else expect(sameShape(record, out)).toBe(true);
      }),
    );
  });

  it("does not mutate its input, is deterministic, and returns JSON", () => {
    fc.assert(
      fc.property(participantWithLog, policy, (record, pol) => {
        const before = structuredClone(record);
        const out = redact(record, pol);
        expect(record).toEqual(before);
        expect(redact(record, pol)).toEqual(out);
        expect(JSON.parse(JSON.stringify(out))).toEqual(out);
      }),
    );
  });

  it("pseudonymised ids are consistent: the participant's id is the log's participantId", () => {
    fc.assert(
      fc.property(participantWithLog, fc.string({ maxLength: 6 }), (record, salt) => {
        const out = redact(record, { ids: "pseudonymise", salt });
        expect(out.participant.id).not.toBe(record.participant.id);
        for (const e of out.log) expect(e.participantId).toBe(out.participant.id);
        expect(new Set(out.participant.consents.map((c) => c.id)).size).toBe(
          new Set(record.participant.consents.map((c) => c.id)).size,
        );
      }),
    );
  });

  it("shifting dates moves each by shiftDays and keeps every interval", () => {
    fc.assert(
      fc.property(
        participantWithLog,
        fc.integer({ min: -3000, max: 3000 }),
        (record, shiftDays) => {
          fc.pre(shiftDays !== 0);
          const out = redact(record, { dates: "shift", shiftDays, birthDates: "keep" });
          const p = record.participant;
          expect(out.participant.dateOfBirth).toBe(addDays(p.dateOfBirth, shiftDays));
          out.participant.consents.forEach((c, i) => {
            const orig = p.consents[i];
            if (c.signedOn !== undefined && orig?.signedOn !== undefined)
              expect(daysBetween(out.participant.dateOfBirth, c.signedOn)).toBe(
                daysBetween(p.dateOfBirth, orig.signedOn),
              );
          });
          out.log.forEach((e, i) => {
            const orig = record.log[i];
            expect(e.at.slice(10)).toBe(orig?.at.slice(10));
            expect(daysBetween(orig?.at.slice(0, 10) ?? "", e.at.slice(0, 10))).toBe(shiftDays);
          });
        },
      ),
    );
  });
});

/** Spellings of a name that must all be found: cases, normal forms, Turkish i, Greek sigma. */
const spellings = (name: string): string[] => [
  name,
  name.toUpperCase(),
  name.toLowerCase(),
  name.normalize("NFD"),
  name.normalize("NFC").toUpperCase(),
  name.replace(/i/g, "ı").replace(/I/g, "İ"),
  name.replace(/ς/g, "σ").replace(/σ(?=\s|$)/g, "ς"),
  [...name].join("\u200d"),
];

const plantedName = fc.constantFrom(
  "Işıl Yıldız",
  "İbrahim Çelik",
  "Ὀδυσσεύς Σίσυφος",
  "José Núñez",
  "Zoë Ångström",
  "Straße Groß",
  "राम शर्मा",
  "山田 太郎",
  "Иван Петров",
  "McAllister DiCaprio",
);

/** Where the name is held: a plain key in any spelling, or a FHIR HumanName (object or array). */
const holder = fc.constantFrom(
  (n: string) => ({ name: n }),
  (n: string) => ({ Name: n }),
  (n: string) => ({ NAME: n }),
  (n: string) => ({ full_name: n }),
  (n: string) => ({ "Patient-Name": n }),
  (n: string) => {
    const [given = "", ...family] = n.split(" ");
    return { name: [{ use: "official", given: [given], family: family.join(" "), text: n }] };
  },
  (n: string) => {
    const [given = "", ...family] = n.split(" ");
    return { name: { prefix: ["Mx."], given: [given], family: family.join(" ") } };
  },
  (n: string) => ({ contact: [{ name: { text: n } }] }),
);

describe("a planted name never survives", () => {
  it("in any case, Unicode form or object shape, mentioned in any spelling in free text", () => {
    fc.assert(
      fc.property(
        plantedName,
        holder,
        fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 4 }),
        fc.constantFrom("pseudonymise", "remove" as const),
        (name, hold, picks, minScrubLength, mode) => {
          const all = [...spellings(name), ...spellings(name).flatMap((s) => s.split(" "))];
          const mentions = picks.map((i) => all[i % all.length] ?? "");
          const record = {
            person: hold(name),
            log: mentions.map((m) => ({ message: `called ${m}, who missed group` })),
          };
          const out = redact(record, { minScrubLength, mode });
          const targets = [name, ...words(name)]
            .map(fold)
            .filter((w) => w.length >= minScrubLength);
          for (const [key, s] of strings(out))
            for (const t of targets)
              if (fold(s).includes(t))
                throw new Error(
                  `${JSON.stringify(s)} (under ${key}) still holds ${JSON.stringify(t)}`,
                );
        },
      ),
      { numRuns: 300 },
    );
  });
});
