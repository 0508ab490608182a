/**
 * Zone names as people type them: the spelling the tz database uses, and whether a name is a
 * fixed UTC offset (`EST`, `Etc/GMT+5`) rather than a region's clock with its daylight saving.
 */
import { pure } from "./pure";
import { zoneFormatter } from "./intl-zone";

/**
 * Words of tz database names that are not written as a capital and lower-case letters; every other
 * word of a name is (`new_york` → `New_York`). Only the names runtimes treat as aliases (links)
 * need this table: a zone's own name comes back from `Intl` already spelled right.
 */
const SPECIAL_WORDS: ReadonlyMap<string, string> = /* @__PURE__ */ pure(
  () =>
    new Map(
      [
        // Abbreviations and codes written in capitals (Australia/ACT, US/Eastern, NZ-CHAT, W-SU,
        // America/Knox_IN, EST5EDT and the other POSIX-style names).
        ...["ACT", "LHI", "NSW", "NZ", "CHAT", "GB", "US", "PRC", "ROC", "ROK", "W", "SU", "IN"],
        ...["UTC", "UCT", "GMT", "CET", "EET", "MET", "WET", "EST", "HST", "MST"],
        // Words written in lower case or with inner capitals.
        ...["of", "es", "au", "DeNoronha", "EasterIsland", "BajaNorte", "BajaSur"],
        ...["ComodRivadavia", "DumontDUrville", "McMurdo"],
      ].map((w) => [w.toLowerCase(), w]),
    ),
);

/** `word` as the tz database writes it (a word is a run between `/`, `_`, `-` and `+`). */
function spellWord(word: string): string {
  const lower = word.toLowerCase();
  const special = SPECIAL_WORDS.get(lower);
  if (special !== undefined) return special;
  // POSIX-style names with digits (CST6CDT, GMT0) are all capitals.
  if (/\d/.test(lower)) return lower.toUpperCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

/**
 * The tz database's spelling of a zone name the runtime knows, whatever its case, or `undefined`
 * when the runtime does not know the zone. The name is kept, only its case is corrected: an alias
 * stays an alias (`us/eastern` → `US/Eastern`, `asia/kolkata` → `Asia/Kolkata`), because runtimes
 * disagree on which name of a zone is the main one.
 * @example `canonicalTimeZone("america/new_york") === "America/New_York"`
 * @example `canonicalTimeZone("Mars/Olympus_Mons") === undefined`
 */
export function canonicalTimeZone(name: string): string | undefined {
  if (typeof name !== "string" || name.length > 64) return undefined;
  const f = zoneFormatter(name);
  if (f === undefined) return undefined;
  // A zone's own name comes back from Intl spelled as the tz database spells it; an alias comes
  // back as the zone it points to, so its spelling is rebuilt word by word.
  const resolved = f.resolvedOptions().timeZone;
  if (resolved.toLowerCase() === name.toLowerCase()) return resolved;
  return name
    .split(/([/_+-])/)
    .map((w, i) => (i % 2 === 1 ? w : spellWord(w)))
    .join("");
}

/**
 * What kind of clock a zone name stands for:
 * - `"utc"`: UTC itself under any of its names (`UTC`, `Etc/UTC`, `GMT`, `Etc/GMT+0`, `Zulu`, …);
 * - `"fixed-offset"`: a constant offset from UTC that never changes for daylight saving:
 *   `Etc/GMT+5` (which is UTC−5: the `Etc` signs are POSIX's, inverted) and the legacy
 *   abbreviations `EST`, `MST` and `HST`. A clinic on a region's clock almost never means one of
 *   these: `EST` stays UTC−5 all summer, while New York moves to UTC−4;
 * - `"regional"`: the clock of a place (`America/New_York`, `Asia/Kolkata`, `US/Eastern`,
 *   `EST5EDT`), with that place's daylight saving if it has any.
 *
 * `undefined` when the runtime does not know the zone.
 * @example `timeZoneKind("EST") === "fixed-offset"`
 * @example `timeZoneKind("america/new_york") === "regional"`
 */
export function timeZoneKind(name: string): TimeZoneKind | undefined {
  const spelled = canonicalTimeZone(name);
  if (spelled === undefined) return undefined;
  if (/^(Etc\/)?(UTC|UCT|Universal|Zulu|Greenwich|GMT([+-]?0)?)$/.test(spelled)) return "utc";
  if (/^(Etc\/GMT[+-]\d{1,2}|EST|MST|HST)$/.test(spelled)) return "fixed-offset";
  return "regional";
}

/** The kinds of clock {@link timeZoneKind} tells apart. */
export type TimeZoneKind = "utc" | "fixed-offset" | "regional";
