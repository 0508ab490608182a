/** The demo's command-line options. */
import { parseArgs } from "node:util";
import { isTimeZone } from "iopkit";

/** What the demo runs with. */
export interface DemoOptions {
  /** Referrals to screen. @defaultValue 40 */
  readonly participants: number;
  /** Weeks to simulate. @defaultValue 12 */
  readonly weeks: number;
  /** Seed of every random choice. @defaultValue 2026 */
  readonly seed: number;
  /** The clinic's IANA time zone. @defaultValue "America/New_York" */
  readonly zone: string;
  /** Folder the files are written to. @defaultValue "out" */
  readonly out: string;
}

export const USAGE =
  "usage: npm run demo -- [--participants 1–500] [--weeks 1–104] [--seed INTEGER] [--zone IANA-ZONE] [--out DIR]";

/** The options, or why they are wrong (`help` when `--help` was asked for). */
export type ParsedOptions =
  | { readonly ok: true; readonly options: DemoOptions }
  | { readonly ok: false; readonly help: boolean; readonly problems: readonly string[] };

const wholeNumber = (text: string, min: number, max: number): number | undefined => {
  const n = Number(text);
  return /^-?\d+$/.test(text.trim()) && Number.isSafeInteger(n) && n >= min && n <= max
    ? n
    : undefined;
};

/** Parses `argv` (without the node and script paths); never exits. */
export function parseDemoOptions(argv: readonly string[]): ParsedOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        participants: { type: "string", default: "40" },
        weeks: { type: "string", default: "12" },
        seed: { type: "string", default: "2026" },
        zone: { type: "string", default: "America/New_York" },
        out: { type: "string", default: "out" },
        help: { type: "boolean", short: "h", default: false },
      },
    }));
  } catch (e) {
    return { ok: false, help: false, problems: [e instanceof Error ? e.message : String(e)] };
  }
  if (values.help) return { ok: false, help: true, problems: [] };
  const participants = wholeNumber(values.participants, 1, 500);
  const weeks = wholeNumber(values.weeks, 1, 104);
  const seed = wholeNumber(values.seed, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  const problems = [
    participants === undefined
      ? `--participants must be a whole number from 1 to 500, got "${values.participants}"`
      : "",
    weeks === undefined
      ? `--weeks must be a whole number from 1 to 104, got "${values.weeks}"`
      : "",
    seed === undefined ? `--seed must be a whole number, got "${values.seed}"` : "",
    isTimeZone(values.zone)
      ? ""
      : `--zone must be an IANA time zone such as Europe/London, got "${values.zone}"`,
    values.out.trim() === "" ? "--out must name a folder" : "",
  ].filter((p) => p !== "");
  if (
    participants === undefined ||
    weeks === undefined ||
    seed === undefined ||
    problems.length > 0
  )
    return { ok: false, help: false, problems };
  return { ok: true, options: { participants, weeks, seed, zone: values.zone, out: values.out } };
}
