/**
 * What the generated diagrams of the guides share (scripts/*-diagram.ts): escaping text for SVG,
 * wrapping words into lines, and replacing a generated block between two markers of a guide.
 */

/** `text` escaped for SVG text and attributes. */
export const escapeXml = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Words of `text` in lines of at most `width` characters (a longer word gets a line of its own). */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  if (line !== "") lines.push(line);
  return lines;
}

/** `page` (read from `path`) with what stands between `start` and `end` replaced by `body`. */
export function replaceBetween(
  page: string,
  path: string,
  start: string,
  end: string,
  body: string,
): string {
  const from = page.indexOf(start);
  const to = page.indexOf(end);
  if (from < 0 || to < from) throw new Error(`${path} has no ${start} … ${end} block`);
  return `${page.slice(0, from + start.length)}\n${body}\n${page.slice(to)}`;
}
