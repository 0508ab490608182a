/**
 * RFC 5545 content lines, written by hand: TEXT escaping (§3.3.11), line folding at 75 octets
 * (§3.1) and DATE-TIME and UTC-OFFSET values (§3.3.5, §3.3.14). Internal to the iCalendar writer.
 */
import { MS_PER_DAY } from "../../core/calendar";
import { datePrefix, offsetSuffix, timeOfDayPart } from "../../core/instant";

/** Line break of iCalendar content lines (RFC 5545 §3.1). */
export const CRLF = "\r\n";

/**
 * Escapes a TEXT value (RFC 5545 §3.3.11): `\` → `\\`, `;` → `\;`, `,` → `\,`, a line break
 * (LF, CRLF or CR) → `\n`. Control characters the RFC forbids in TEXT (U+0000–U+001F except tab,
 * and U+007F) are dropped, and a lone UTF-16 surrogate (which has no UTF-8 form) becomes U+FFFD.
 * @internal
 */
export function escapeText(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      out += "\\n";
      if (text.charCodeAt(i + 1) === 10) i++;
    } else if (c === 10) out += "\\n";
    else if (c === 92 || c === 59 || c === 44) out += `\\${text.charAt(i)}`;
    else if ((c < 32 && c !== 9) || c === 127) continue;
    else if (c >= 0xd800 && c <= 0xdfff) {
      const d = text.charCodeAt(i + 1);
      if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
        out += text.slice(i, i + 2);
        i++;
      } else out += "\ufffd";
    } else out += text.charAt(i);
  }
  return out;
}

/**
 * Folds one content line (RFC 5545 §3.1): no physical line longer than 75 octets of UTF-8, a
 * continuation line starting with one space (counted in its 75), and never a split inside a
 * multi-byte character. Returns the line with its CRLF.
 * @internal
 */
export function foldLine(line: string): string {
  if (line.length <= 25) return line + CRLF; // ≤ 25 UTF-16 units are ≤ 75 octets
  let out = "";
  let octets = 0;
  for (const ch of line) {
    const cp = ch.codePointAt(0) ?? 0;
    const size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (octets + size > 75) {
      out += `${CRLF} `;
      octets = 1;
    }
    out += ch;
    octets += size;
  }
  return out + CRLF;
}

/**
 * A DATE-TIME in basic form, `YYYYMMDDTHHMMSS`, of epoch milliseconds shifted by an offset in
 * minutes (0 for UTC; append `Z` yourself), exact to the second even when the offset has seconds
 * (local mean time before 1972). Milliseconds are dropped.
 * @internal
 */
export function basicDateTime(epochMs: number, offsetMinutes: number): string {
  const local = epochMs + Math.round(offsetMinutes * 60) * 1000;
  const day = Math.floor(local / MS_PER_DAY);
  // The extended form's date and time ("YYYY-MM-DDTHH:mm:ss" of core's instant format), separators dropped.
  return (datePrefix(day) + timeOfDayPart(local - day * MS_PER_DAY))
    .slice(0, 19)
    .replace(/[-:]/g, "");
}

/**
 * A UTC-OFFSET value, `±HHMM`, or `±HHMMSS` for an offset with seconds (RFC 5545 §3.3.14 allows
 * them; local mean time before 1972 has them); `+0000` for zero, which the RFC requires.
 * @internal
 */
export function utcOffset(minutes: number): string {
  const seconds = Math.round(minutes * 60);
  const abs = Math.abs(seconds);
  const hhmm = offsetSuffix(Math.floor(abs / 60))
    .slice(1)
    .replace(":", "");
  const ss = abs % 60 === 0 ? "" : String(abs % 60).padStart(2, "0");
  return `${seconds < 0 ? "-" : "+"}${hhmm}${ss}`;
}
