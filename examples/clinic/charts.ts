/**
 * Inline SVG charts for the demo's report: no library, no script, no external resource. Each
 * chart is an `<svg role="img">` with a `<title>` and a `<desc>` for screen readers, drawn in a
 * `viewBox` so it scales to the page (1280 px wide or a phone).
 */

/** Escapes text for HTML and SVG. */
export function esc(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );
}

/** Colours that keep at least 4.5:1 contrast with white (WCAG AA for text and marks). */
export const COLOURS = {
  teal: "#23695a",
  blue: "#3d5f99",
  orange: "#a8541a",
  plum: "#8e2f63",
  grey: "#6b7572",
  light: "#d9dedb",
  ink: "#1d2a27",
} as const;

/** One colour per phase, in the program's order. */
export const PHASE_COLOURS = [COLOURS.teal, COLOURS.blue, COLOURS.orange, COLOURS.plum];

const round = (x: number): string => String(Math.round(x * 10) / 10);

/** Tick values from 0 to at least `max`, on a step of 1, 2 or 5 × 10ⁿ, at most ~6 of them. */
function ticks(max: number): number[] {
  const raw = Math.max(max, 1) / 5;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let t = 0; t < max + step - 1e-9; t += step) out.push(Math.round(t * 1000) / 1000);
  return out;
}

/** Where to draw inside a chart: a category per x label, a linear scale from 0 on y. */
interface Frame {
  /** Centre of category `i`. */
  readonly x: (i: number) => number;
  /** Width of one category. */
  readonly step: number;
  readonly y: (v: number) => number;
  readonly top: number;
  readonly bottom: number;
  /** Gridlines, axis labels and tick labels. */
  readonly svg: string;
}

interface FrameOptions {
  readonly width: number;
  readonly height: number;
  readonly xLabels: readonly string[];
  readonly yMax: number;
  readonly yLabel: string;
  /** Font size of tick labels. @defaultValue 11 */
  readonly fontSize?: number;
  /** Show at most this many x labels. @defaultValue 12 */
  readonly maxXLabels?: number;
  readonly left?: number;
  readonly right?: number;
  readonly bottom?: number;
}

function frame(o: FrameOptions): Frame {
  const font = o.fontSize ?? 11;
  const left = o.left ?? 48;
  const right = o.right ?? 10;
  const top = 10;
  const bottom = o.height - (o.bottom ?? 34);
  const all = ticks(o.yMax);
  const yTop = all[all.length - 1] ?? o.yMax;
  const step = (o.width - left - right) / Math.max(1, o.xLabels.length);
  const x = (i: number): number => left + (i + 0.5) * step;
  const y = (v: number): number => bottom - (v / yTop) * (bottom - top);
  let svg = all
    .map(
      (t) =>
        `<line x1="${left}" x2="${o.width - right}" y1="${round(y(t))}" y2="${round(y(t))}" stroke="${t === 0 ? COLOURS.grey : COLOURS.light}" stroke-width="1"/>` +
        `<text x="${left - 6}" y="${round(y(t) + font / 3)}" text-anchor="end" font-size="${font}" fill="${COLOURS.ink}">${t}</text>`,
    )
    .join("");
  const every = Math.max(1, Math.ceil(o.xLabels.length / (o.maxXLabels ?? 12)));
  svg += o.xLabels
    .map((label, i) =>
      i % every === 0
        ? `<text x="${round(x(i))}" y="${round(bottom + font + 5)}" text-anchor="middle" font-size="${font}" fill="${COLOURS.ink}">${esc(label)}</text>`
        : "",
    )
    .join("");
  if (o.yLabel !== "") {
    const mid = (top + bottom) / 2;
    svg += `<text x="12" y="${round(mid)}" transform="rotate(-90 12 ${round(mid)})" text-anchor="middle" font-size="${font}" fill="${COLOURS.ink}">${esc(o.yLabel)}</text>`;
  }
  return { x, step, y, top, bottom, svg };
}

/** The `<svg>` element around a chart's body, with its accessible title and description. */
function svgElement(
  id: string,
  width: number,
  height: number,
  title: string,
  desc: string,
  body: string,
): string {
  const cls = width >= 600 ? "chart wide" : "chart";
  return `<svg viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${id}-t ${id}-d" class="${cls}"><title id="${id}-t">${esc(title)}</title><desc id="${id}-d">${esc(desc)}</desc>${body}</svg>`;
}

/** A legend: a coloured key per entry. */
export function legend(
  entries: readonly {
    readonly label: string;
    readonly colour: string;
    readonly kind?: "line" | "area" | "band" | "dash";
  }[],
): string {
  return `<ul class="legend">${entries
    .map(
      (e) =>
        `<li><span class="key ${e.kind ?? "area"}" style="--c:${e.colour}"></span>${esc(e.label)}</li>`,
    )
    .join("")}</ul>`;
}

/** Options of {@link stackedBars}. */
export interface StackedBarsOptions {
  readonly id: string;
  readonly title: string;
  /** What the chart shows, for screen readers. */
  readonly desc: string;
  readonly yLabel: string;
  readonly xLabels: readonly string[];
  readonly categories: readonly string[];
  readonly colours: readonly string[];
  /** `values[x][category]`. */
  readonly values: readonly (readonly number[])[];
}

/** Stacked bars: one bar per x label, one segment per category, each with a tooltip. */
export function stackedBars(o: StackedBarsOptions): string {
  const width = 760;
  const height = 300;
  const totals = o.values.map((row) => row.reduce((a, b) => a + b, 0));
  const f = frame({
    width,
    height,
    xLabels: o.xLabels,
    yMax: Math.max(1, ...totals),
    yLabel: o.yLabel,
  });
  const barWidth = f.step * 0.7;
  let body = f.svg;
  o.values.forEach((row, i) => {
    let base = 0;
    row.forEach((v, c) => {
      if (v <= 0) return;
      const y0 = f.y(base);
      const y1 = f.y(base + v);
      body += `<rect x="${round(f.x(i) - barWidth / 2)}" y="${round(y1)}" width="${round(barWidth)}" height="${round(y0 - y1)}" fill="${o.colours[c] ?? COLOURS.grey}"><title>${esc(`${o.xLabels[i] ?? ""}: ${v} in ${o.categories[c] ?? ""}`)}</title></rect>`;
      base += v;
    });
    const total = totals[i] ?? 0;
    if (total > 0)
      body += `<text x="${round(f.x(i))}" y="${round(f.y(total) - 4)}" text-anchor="middle" font-size="10" fill="${COLOURS.ink}">${total}</text>`;
  });
  const keys = legend(
    o.categories.map((label, c) => ({ label, colour: o.colours[c] ?? COLOURS.grey })),
  );
  return `<figure><div class="scroll">${svgElement(o.id, width, height, o.title, o.desc, body)}</div>${keys}</figure>`;
}

/** A line of a {@link lineChart}. */
export interface Series {
  readonly name: string;
  readonly colour: string;
  /** One value per x label; `null` leaves a gap. */
  readonly values: readonly (number | null)[];
  /** @defaultValue 1.5 */
  readonly width?: number;
  readonly opacity?: number;
  /** Draw a dot on each value. */
  readonly dots?: boolean;
}

/** Options of {@link lineChart}. */
export interface LineChartOptions {
  readonly id: string;
  readonly title: string;
  readonly desc: string;
  readonly yLabel: string;
  readonly xLabels: readonly string[];
  readonly yMax: number;
  readonly series: readonly Series[];
  /** Horizontal reference lines, e.g. a score's threshold. */
  readonly thresholds?: readonly { readonly value: number; readonly label: string }[];
}

/** Lines over categories, with optional dashed thresholds. */
export function lineChart(o: LineChartOptions): string {
  const width = 760;
  const height = 320;
  const right = o.thresholds === undefined ? 10 : 90; // room for the thresholds' labels
  const f = frame({ width, height, xLabels: o.xLabels, yMax: o.yMax, yLabel: o.yLabel, right });
  let body = f.svg;
  for (const t of o.thresholds ?? []) {
    const y = round(f.y(t.value));
    const end = width - right;
    body += `<line x1="${round(f.x(0) - f.step / 2)}" x2="${end}" y1="${y}" y2="${y}" stroke="${COLOURS.plum}" stroke-width="1.5" stroke-dasharray="6 4"/>`;
    body += `<text x="${end + 6}" y="${round(f.y(t.value) + 4)}" font-size="11" fill="${COLOURS.plum}">${esc(t.label)}</text>`;
  }
  for (const s of o.series) {
    let d = "";
    s.values.forEach((v, i) => {
      if (v === null) return;
      const gap = i === 0 || s.values[i - 1] === null || s.values[i - 1] === undefined;
      d += `${d === "" || gap ? "M" : "L"}${round(f.x(i))},${round(f.y(v))}`;
    });
    if (d === "") continue;
    const opacity = s.opacity === undefined ? "" : ` stroke-opacity="${s.opacity}"`;
    body += `<path d="${d}" fill="none" stroke="${s.colour}" stroke-width="${s.width ?? 1.5}"${opacity} stroke-linejoin="round"><title>${esc(s.name)}</title></path>`;
    if (s.dots === true)
      s.values.forEach((v, i) => {
        if (v !== null)
          body += `<circle cx="${round(f.x(i))}" cy="${round(f.y(v))}" r="3" fill="${s.colour}"><title>${esc(`${s.name}, ${o.xLabels[i] ?? ""}: ${v}`)}</title></circle>`;
      });
  }
  return `<figure><div class="scroll">${svgElement(o.id, width, height, o.title, o.desc, body)}</div></figure>`;
}

/** One week of a {@link hoursChart}. */
export interface HoursWeek {
  /** Index of the week in the window. */
  readonly index: number;
  readonly hours: number;
  /** The band the week is judged against. */
  readonly band: { readonly min: number; readonly max: number };
  readonly status: "below" | "within" | "above";
  readonly label: string;
}

const STATUS_COLOURS = { within: COLOURS.teal, below: COLOURS.orange, above: COLOURS.plum };

/**
 * A small chart of one participant's weekly clinical hours: a bar per week coloured by its status,
 * over the shaded band it is judged against. Small multiples share `yMax` so they compare.
 */
export function hoursChart(o: {
  readonly id: string;
  readonly title: string;
  readonly weeks: number;
  readonly yMax: number;
  readonly data: readonly HoursWeek[];
}): string {
  const width = 260;
  const height = 130;
  const f = frame({
    width,
    height,
    xLabels: Array.from({ length: o.weeks }, (_, i) => String(i + 1)),
    yMax: o.yMax,
    yLabel: "",
    fontSize: 10,
    left: 26,
    bottom: 20,
    maxXLabels: 6,
  });
  let body = f.svg;
  for (const w of o.data) {
    const x = f.x(w.index) - f.step / 2;
    body += `<rect x="${round(x + 1)}" y="${round(f.y(w.band.max))}" width="${round(f.step - 2)}" height="${round(Math.max(1, f.y(w.band.min) - f.y(w.band.max)))}" fill="${COLOURS.teal}" fill-opacity="0.16"/>`;
  }
  for (const w of o.data) {
    const barWidth = f.step * 0.5;
    const y = f.y(w.hours);
    body += `<rect x="${round(f.x(w.index) - barWidth / 2)}" y="${round(y)}" width="${round(barWidth)}" height="${round(Math.max(0.5, f.bottom - y))}" fill="${STATUS_COLOURS[w.status]}"><title>${esc(w.label)}</title></rect>`;
  }
  const desc = `${o.data.length} weeks: ${o.data.filter((w) => w.status === "within").length} within the band, ${o.data.filter((w) => w.status === "below").length} below, ${o.data.filter((w) => w.status === "above").length} above.`;
  return svgElement(o.id, width, height, o.title, desc, body);
}

/** The status colours of {@link hoursChart}, for its legend. */
export const hoursLegend = legend([
  { label: "phase band (prorated in a partial week)", colour: COLOURS.teal, kind: "band" },
  { label: "hours attended, within the band", colour: STATUS_COLOURS.within },
  { label: "below the band", colour: STATUS_COLOURS.below },
  { label: "above the band", colour: STATUS_COLOURS.above },
]);

/** A plain table; `numeric` columns are right-aligned. */
export function htmlTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  options: {
    readonly numeric?: readonly number[];
    readonly caption?: string;
    /** Narrowest width in CSS pixels before the table scrolls sideways (phones). */
    readonly minWidth?: number;
  } = {},
): string {
  const cls = (i: number): string => (options.numeric?.includes(i) === true ? ' class="num"' : "");
  const caption = options.caption === undefined ? "" : `<caption>${esc(options.caption)}</caption>`;
  const style = options.minWidth === undefined ? "" : ` style="min-width:${options.minWidth}px"`;
  return `<div class="scroll"><table${style}>${caption}<thead><tr>${header.map((h, i) => `<th scope="col"${cls(i)}>${esc(h)}</th>`).join("")}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c, i) => `<td${cls(i)}>${esc(c)}</td>`).join("")}</tr>`).join("")}</tbody></table></div>`;
}
