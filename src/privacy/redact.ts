/**
 * `redact`: the same record with personal data replaced or removed, for logs, analytics and test
 * fixtures. Works on any JSON value — participants, consents, schedules, episode logs, FHIR bundles.
 */
import { pure } from "../core/pure";
import { hex8 } from "../core/random";
import { IopError, guardEntry, type IopIssue, type IopIssueCode } from "../core/errors";
import { parseWith } from "../core/schema";
import {
  fromEpochDay,
  hashString,
  isInstant,
  isIsoDate,
  MAX_EPOCH_DAY,
  MIN_EPOCH_DAY,
  toEpochDay,
} from "../core/index";
import { RedactionPolicy, type RedactionPolicyInput } from "./redaction-policy";
import { createTextMatcher, foldText, type TextMatcher } from "./text-matcher";

/** Deepest nesting `redact` follows; deeper values are reported as `too-deep`. */
const MAX_DEPTH = 1000;
/** Most problems one call reports. */
const MAX_ISSUES = 1000;
/** What replaces a personal string inside other text in `remove` mode. */
const REMOVED_MARKER = "[redacted]";

type Path = (string | number)[];

/** `id`, or a camelCase key ending in `Id`, `ID`, `Ids` or `IDs` (`participantId`, `staffIds`). */
function isIdKey(key: string | undefined): boolean {
  return key !== undefined && (key === "id" || /[a-z0-9](?:Id|ID)s?$/.test(key));
}

const KEY_FORMS = /* @__PURE__ */ pure(() => new Map<string, string>());

/**
 * A key's comparison form: NFKC, lower case, without `_`, `-`, `.` and spaces, so `SSN`, `ssn`;
 * `first_name`, `firstName`, `First-Name`; `DateOfBirth`, `date_of_birth` are each one key.
 */
function keyForm(key: string): string {
  let out = KEY_FORMS.get(key);
  if (out === undefined) {
    out = key
      .normalize("NFKC")
      .toLowerCase()
      .replace(/[\s_.-]+/gu, "");
    if (KEY_FORMS.size < 4096) KEY_FORMS.set(key, out);
  }
  return out;
}

function isPlainObject(v: object): boolean {
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function describe(v: unknown): string {
  if (typeof v === "number") return String(v);
  if (typeof v === "object" && v !== null) {
    const ctor: unknown = (v as { constructor?: unknown }).constructor;
    const name = typeof ctor === "function" ? ctor.name : "";
    return name === "" ? "a non-plain object" : `a ${name}`;
  }
  return `a ${typeof v}`;
}

/**
 * Returns a copy of `record` with personal data replaced (default) or removed, following
 * `policy` (see {@link RedactionPolicy} for every option and its default). The input is never
 * changed; the same record and policy always give the same output.
 *
 * What happens to each value, in this order:
 * 1. **Personal-data fields** (a key in `personalFields`, compared by normalised form — case,
 *    `_`, `-`, camelCase: `SSN`, `first_name`, `Email` — not exempted by `keep`): the whole value,
 *    nested or not. `pseudonymise` turns every string in it into `anon-` + 16 hex digits (the same
 *    string, in any case or Unicode form, always gives the same pseudonym under one salt) and every
 *    number into 0; `remove` deletes the field.
 * 2. **Ids** (key `id` or ending in `Id`/`Ids`): kept, or with `ids: "pseudonymise"` replaced by
 *    `id-` + 16 hex digits, the same id the same pseudonym everywhere, so relations survive.
 * 3. **Dates and instants** (any string that is an ISO date or an ISO instant with offset): kept,
 *    shifted by `shiftDays`, or generalised, per `dates` (shifts are clamped to years 0001–9999).
 * 4. **Every other string** is scrubbed: each occurrence of a *personal string* is replaced by that
 *    string's pseudonym (or `"[redacted]"` in `remove` mode). Personal strings are the strings found
 *    in personal-data fields, and the words of names (`nameFields`: every string inside one, so a
 *    FHIR `HumanName`'s `given`, `family`, `text`, `prefix` and `suffix` too, and for a name held in
 *    parts its `given` and `family` joined in either order), each at least `minScrubLength`
 *    (default 3) code units long once folded. Words are runs of letters, marks and digits of any
 *    script. With `ids: "pseudonymise"`, occurrences of ids of that length are replaced by the id's
 *    pseudonym. If a personal string could still be read across the seams of the replacements, the
 *    whole string is replaced by its own pseudonym.
 *
 * Text is compared in a **folded** form: per code point, compatibility decomposition (NFKD),
 * locale-independent full case folding (upper then lower case: "ß" = "SS", "ς" = "Σ" = "σ",
 * "ı" = "İ" = "i"), combining marks and default-ignorable code points (zero-width joiners, soft
 * hyphens) removed. So NFC, NFD and NFKC spellings, upper- and lower-case copies and unaccented
 * copies of a name are all found. Occurrences are found anywhere, inside longer words too.
 *
 * **Guarantee** (tested as a property): apart from date and instant values and kept ids, no string
 * in the output contains, in the folded form, a personal string of the input. Pseudonyms are chosen
 * to contain no personal string (an id pseudonym gives up after 32 candidates). Object keys are
 * never changed, arrays keep their length, and in `pseudonymise` mode every object keeps its keys.
 * Numbers, booleans and null outside personal fields are kept (-0 is written 0, as JSON does).
 *
 * **Known limits.** Scrubbing is literal: it cannot recognise a name it was not given ("the
 * patient's sister Mary"), a nickname, a transliteration ("Иван" as "Ivan"), nor a personal string
 * shorter than `minScrubLength` once folded (replaced in its own field only; a 2-character CJK
 * name part is found in text only as part of the whole name). Folding removes accents, so it may
 * rewrite words that merely resemble a name, and codes that contain a personal string (a patient
 * called "Mild" turns `severity: "mild"` into a pseudonym). A key not in the lists (`guardian`,
 * `nextOfKin`) is not personal unless added to `personalFields`. Pseudonyms are not encryption.
 *
 * @param record - any JSON value: objects, arrays, strings, finite numbers, booleans, null.
 *   Throws {@link core!IopError | IopError} listing every value that is not JSON (`not-json`:
 *   NaN, a Date, a function, …), every cycle (`cycle`) and nesting deeper than 1000 (`too-deep`).
 * @param policy - see {@link RedactionPolicy}; throws {@link core!IopError | IopError} when invalid.
 * @example
 * ```ts
 * const safe = redact({ name: "Alex Rivera", message: "Alex Rivera missed group" });
 * // → { name: "anon-…", message: "anon-… missed group" } (the same pseudonym twice)
 * ```
 */
export function redact<T>(record: T, policy: RedactionPolicyInput = {}): T {
  return guardEntry("redact", () => redactRecord(record, policy));
}

/** {@link redact}'s work; anything it cannot read (a throwing getter, a Proxy) becomes an IopError there. */
function redactRecord<T>(record: T, policy: RedactionPolicyInput): T {
  const p = parseWith(RedactionPolicy, "redact", policy);
  const personalKeys = new Set(p.personalFields.map(keyForm));
  const nameKeys = new Set(p.nameFields.map(keyForm));
  const birthKeys = new Set(p.birthDateFields.map(keyForm));
  const isBirthKey = (key: string | undefined): boolean =>
    key !== undefined && birthKeys.has(keyForm(key));
  const keepPatterns = p.keep.map((k) => k.split("."));
  const pseudonymiseIds = p.ids === "pseudonymise";
  const min = p.minScrubLength;

  const path: Path = [];
  const kept = (): boolean =>
    keepPatterns.some((pattern) => {
      if (pattern.length > path.length) return false;
      const offset = path.length - pattern.length;
      return pattern.every((seg, i) => seg === "*" || seg === String(path[offset + i]));
    });
  const isPersonal = (key: string): boolean => personalKeys.has(keyForm(key)) && !kept();

  // Pass 1: check the value is JSON; collect personal strings and ids.
  const issues: IopIssue[] = [];
  const personal = new Set<string>(); // folded
  const ids = new Set<string>(); // exact
  const ancestors = new Set<object>();
  const issue = (code: IopIssueCode, message: string): void => {
    if (issues.length < MAX_ISSUES) issues.push({ code, path: [...path], message });
  };
  const addPersonal = (s: string, nameLike: boolean): void => {
    const whole = foldText(s);
    if (whole.length >= min) personal.add(whole);
    // Words are runs of letters, marks and digits, in any script (a mark does not split a word).
    if (nameLike)
      for (const word of s.split(/[^\p{L}\p{M}\p{N}]+/u)) {
        const w = foldText(word);
        if (w.length >= min) personal.add(w);
      }
  };
  /**
   * A name held in parts (a FHIR HumanName: `given`, `family`): the whole name is also personal, in
   * both orders, with and without a space, so "山田 太郎" is found even when each part is shorter
   * than `minScrubLength`.
   */
  const addNameParts = (obj: Readonly<Record<string, unknown>>): void => {
    const part = (want: string): string[] =>
      Object.keys(obj)
        .filter((k) => keyForm(k) === want)
        .flatMap((k) => {
          const x = obj[k];
          const list: unknown[] = Array.isArray(x) ? x : [x];
          return list.filter((y): y is string => typeof y === "string");
        });
    const given = part("given");
    const family = part("family");
    if (given.length === 0 || family.length === 0) return;
    for (const sep of [" ", ""]) {
      addPersonal([...given, ...family].join(sep), false);
      addPersonal([...family, ...given].join(sep), false);
    }
  };
  const collect = (
    v: unknown,
    key: string | undefined,
    inPersonal: boolean,
    nameLike: boolean,
  ): void => {
    if (issues.length >= MAX_ISSUES) return;
    if (typeof v === "string") {
      if (inPersonal) addPersonal(v, nameLike);
      else if (pseudonymiseIds && isIdKey(key)) ids.add(v);
      return;
    }
    if (typeof v === "number") {
      if (!Number.isFinite(v)) issue("not-json", `${describe(v)} is not a JSON value`);
      return;
    }
    if (typeof v === "boolean" || v === null) return;
    if (typeof v !== "object") {
      issue("not-json", `${describe(v)} is not a JSON value`);
      return;
    }
    if (!Array.isArray(v) && !isPlainObject(v)) {
      issue("not-json", `${describe(v)} is not a JSON value; convert it first`);
      return;
    }
    if (ancestors.has(v)) {
      issue("cycle", "the value contains itself");
      return;
    }
    if (path.length >= MAX_DEPTH) {
      issue("too-deep", `values nested deeper than ${MAX_DEPTH} levels are not redacted`);
      return;
    }
    ancestors.add(v);
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        path.push(i);
        const item: unknown = v[i];
        if (item === undefined) issue("not-json", "undefined is not a JSON value in an array");
        else collect(item, key, inPersonal, nameLike);
        path.pop();
      }
    } else {
      const obj = v as Record<string, unknown>;
      for (const k of Object.keys(obj)) {
        path.push(k);
        const child = obj[k];
        if (child !== undefined) {
          const personalHere = inPersonal || isPersonal(k);
          // Inside a name (a FHIR HumanName's given, family, text, prefix…), every string is one.
          const nameHere = nameLike || (personalHere && nameKeys.has(keyForm(k)));
          collect(child, k, personalHere, nameHere);
        }
        path.pop();
      }
      if (nameLike && inPersonal) addNameParts(obj);
    }
    ancestors.delete(v);
  };
  collect(record, undefined, false, false);
  if (issues.length > 0) throw new IopError("redact", issues);

  // The patterns to scrub, and replacements chosen so they contain none of them.
  const idPatterns = new Map<string, string>(); // folded id → the first id (sorted) with that fold
  for (const id of [...ids].sort())
    if (foldText(id).length >= min && !idPatterns.has(foldText(id)))
      idPatterns.set(foldText(id), id);
  const matcher: TextMatcher = createTextMatcher([...personal, ...idPatterns.keys()]);
  const clean = (s: string): boolean => !matcher.contains(s);
  const candidate = (domain: string, key: string, attempt: number): string =>
    hex8(hashString(`${p.salt}\u0000${domain}\u0000${key}\u0000${attempt}`)) +
    hex8(hashString(`${attempt}\u0001${key}\u0001${domain}\u0001${p.salt}`));
  /** Pseudonyms in one domain: the first of 32 attempts the patterns do not match (the first 16 with `prefix`), memoised. */
  const pseudonyms = (domain: string, prefix: string, fallback: (key: string) => string) => {
    const cache = new Map<string, string>();
    return (key: string): string => {
      let out = cache.get(key);
      if (out !== undefined) return out;
      out = fallback(key);
      for (let i = 0; i < 32; i++) {
        const c = (i < 16 ? prefix : "") + candidate(domain, key, i);
        if (clean(c)) {
          out = c;
          break;
        }
      }
      cache.set(key, out);
      return out;
    };
  };
  const anon = pseudonyms("anon", "anon-", () => "");
  const idPseudonym = pseudonyms("id", "id-", (id) => `id-${candidate("id", id, 32)}`);
  const marker = clean(REMOVED_MARKER) ? REMOVED_MARKER : "";
  const pseudonymise = p.mode === "pseudonymise";
  const wholeReplacement = (s: string): string => (pseudonymise ? anon(foldText(s)) : marker);
  const occurrence = (folded: string): string => {
    if (personal.has(folded)) return pseudonymise ? anon(folded) : marker;
    const id = idPatterns.get(folded);
    return id === undefined ? marker : idPseudonym(id);
  };
  const scrub = (s: string): string => {
    if (matcher.size === 0) return s;
    const found = matcher.findAll(s);
    if (found.length === 0) return s;
    let out = "";
    let at = 0;
    for (const m of found) {
      out += s.slice(at, m.start) + occurrence(m.pattern);
      at = m.end;
    }
    out += s.slice(at);
    return clean(out) ? out : wholeReplacement(s);
  };
  const shiftDate = (date: string): string => {
    const day = Math.min(MAX_EPOCH_DAY, Math.max(MIN_EPOCH_DAY, toEpochDay(date) + p.shiftDays));
    return fromEpochDay(day);
  };
  const dateValue = (s: string, key: string | undefined): string | undefined => {
    const date = isIsoDate(s);
    if (!date && !isInstant(s)) return undefined;
    // A birth date says who someone is: by default only its year survives, whatever `dates` says.
    if (date && p.birthDates === "year" && isBirthKey(key)) return `${s.slice(0, 4)}-01-01`;
    if (p.dates === "keep") return s;
    if (p.dates === "shift") return date ? shiftDate(s) : shiftDate(s.slice(0, 10)) + s.slice(10);
    if (date) return isBirthKey(key) ? `${s.slice(0, 4)}-01-01` : `${s.slice(0, 7)}-01`;
    const offset = /(?:Z|[+-]\d{2}:\d{2})$/.exec(s)?.[0] ?? "Z";
    return `${s.slice(0, 7)}-01T00:00:00.000${offset}`;
  };

  // Pass 2: build the output.
  const build = (v: unknown, key: string | undefined, inPersonal: boolean): unknown => {
    if (typeof v === "string") {
      if (inPersonal) return anon(foldText(v));
      if (isIdKey(key)) return pseudonymiseIds ? idPseudonym(v) : v;
      return dateValue(v, key) ?? scrub(v);
    }
    // -0 becomes 0, as JSON.stringify writes it.
    if (typeof v === "number") return inPersonal || v === 0 ? 0 : v;
    if (typeof v !== "object" || v === null) return v;
    if (Array.isArray(v)) {
      const out: unknown[] = [];
      for (let i = 0; i < v.length; i++) {
        path.push(i);
        out.push(build(v[i], key, inPersonal));
        path.pop();
      }
      return out;
    }
    const obj = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(obj)) {
      path.push(k);
      const personalHere = inPersonal || isPersonal(k);
      if (!(personalHere && !inPersonal && !pseudonymise)) {
        const value = obj[k] === undefined ? undefined : build(obj[k], k, personalHere);
        if (k === "__proto__")
          Object.defineProperty(out, k, {
            value,
            enumerable: true,
            writable: true,
            configurable: true,
          });
        else out[k] = value;
      }
      path.pop();
    }
    return out;
  };
  return build(record, undefined, false) as T;
}
