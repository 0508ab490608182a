/** Wall-clock times of day, `"HH:mm"` on a 24-hour clock, as minutes after midnight. */
import { misuse, describeValue } from "./errors";

/** A wall-clock time of day, `"HH:mm"` (24 h, `"00:00"`–`"23:59"`), e.g. `"09:00"`. */
export type WallTime = string;

const WALL_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes after midnight (0–1439) of `"HH:mm"`, or `undefined` (e.g. for `"24:00"`, `"9:00"`). */
export function tryParseWallTime(text: string): number | undefined {
  if (typeof text !== "string") return undefined;
  const m = WALL_RE.exec(text);
  return m === null ? undefined : Number(m[1]) * 60 + Number(m[2]);
}

/** True when `text` is a wall time `"HH:mm"` from `"00:00"` to `"23:59"`. */
export function isWallTime(text: string): boolean {
  return typeof text === "string" && WALL_RE.test(text);
}

/** Minutes after midnight of a wall time. Throws {@link IopError} (`invalid-time`) otherwise. @example `toMinutes("09:30") === 570` */
export function toMinutes(time: WallTime): number {
  const m = tryParseWallTime(time);
  if (m === undefined)
    misuse(
      "toMinutes",
      "invalid-time",
      `expected a wall time (HH:mm, 00:00–23:59), got ${describeValue(time)}`,
    );
  return m;
}

/**
 * `"HH:mm"` of a minute of the day. Values outside 0–1439 wrap around midnight; non-finite ones throw {@link IopError}.
 * @example `fromMinutes(570) === "09:30"`
 */
export function fromMinutes(minutes: number): WallTime {
  if (!Number.isFinite(minutes))
    misuse(
      "fromMinutes",
      "invalid-minutes",
      `minutes must be finite, got ${describeValue(minutes)}`,
    );
  const m = ((Math.trunc(minutes) % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
}
