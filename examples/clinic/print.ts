/** Small text-table and progress helpers for the demo's console output. */

/** A fixed-width table: `rows` of cells under `header`, columns padded to their widest cell. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((w) => "─".repeat(w))), ...rows.map(line)].join("\n");
}

/** Writes a one-line progress message to stderr (overwritten in a terminal). */
export function progress(step: number, of: number, message: string): void {
  const text = `[${step}/${of}] ${message}`;
  if (process.stderr.isTTY) process.stderr.write(`\r\x1b[2K${text}`);
  else process.stderr.write(`${text}\n`);
}

/** Ends the progress line. */
export function progressDone(): void {
  if (process.stderr.isTTY) process.stderr.write("\r\x1b[2K");
}

/** A section heading. */
export function heading(text: string): string {
  return `\n${text}\n${"═".repeat(text.length)}`;
}

/** `text` cut to `width` characters, with an ellipsis when cut. */
export function fit(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`;
}

/**
 * Each line of `text` wrapped at word boundaries to `width` characters; continuation lines get
 * the line's own indentation plus `hang` spaces, or with `"label"` line up after a short leading
 * label such as `why: ` (none when the line has no label).
 */
export function wrap(text: string, width: number, hang: number | "label" = 4): string {
  return text
    .split("\n")
    .flatMap((line) => {
      const indent = " ".repeat(line.length - line.trimStart().length);
      const label = /^[\w-]{1,12}: /.exec(line.trimStart())?.[0].length ?? 0;
      const more = indent + " ".repeat(hang === "label" ? label : hang);
      const out: string[] = [];
      let current = "";
      for (const word of line.trimStart().split(" ")) {
        const prefix = out.length === 0 ? indent : more;
        if (current !== "" && prefix.length + current.length + 1 + word.length > width) {
          out.push(prefix + current);
          current = word;
        } else current = current === "" ? word : `${current} ${word}`;
      }
      out.push((out.length === 0 ? indent : more) + current);
      return out;
    })
    .join("\n");
}

/** A UTC offset in minutes as `UTC−04:00` / `UTC+01:00`. */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? "−" : "+";
  const abs = Math.abs(minutes);
  return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

/** A byte count as `812 B`, `14.2 kB` or `3.1 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/** A share as a whole percentage, or `—`. */
export function percent(share: number | null): string {
  return share === null ? "—" : `${Math.round(share * 100)}%`;
}
