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
