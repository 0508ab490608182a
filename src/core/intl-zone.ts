/**
 * The runtime's tz database, read through `Intl.DateTimeFormat`: whether a zone exists, its
 * spelling, and its UTC offset at an instant. One formatter per zone, cached; everything else in
 * iopkit's zone arithmetic is integer maths over the offsets read here.
 * @internal
 */
import { pure } from "./pure";
import { civilToDays, MS_PER_DAY } from "./calendar";

/** Formatters by zone name as given; bounded so that hostile input cannot grow it without end. */
const formatters = /* @__PURE__ */ pure(() => new Map<string, Intl.DateTimeFormat>());
const MAX_FORMATTERS = 512;

/**
 * The cached formatter for `zone`, or `undefined` when the runtime does not know the zone. Only
 * IANA-style names are accepted: a name must start with a letter (some runtimes also accept
 * offsets such as `"+05:00"` as zones; iopkit's records never do).
 * @internal
 */
export function zoneFormatter(zone: string): Intl.DateTimeFormat | undefined {
  let f = formatters.get(zone);
  if (f !== undefined) return f;
  if (!/^[A-Za-z]/.test(zone)) return undefined;
  try {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      era: "short",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
  } catch {
    return undefined;
  }
  if (formatters.size >= MAX_FORMATTERS) formatters.clear();
  formatters.set(zone, f);
  return f;
}

/**
 * The UTC offset of `f`'s zone at `epochMs`, in milliseconds east of UTC: the zone's wall clock
 * read as if it were UTC, minus the instant (both to the second, the precision of the tz
 * database). Always a whole number of seconds; whole minutes for every zone since 1972, while
 * local mean time before that can have seconds (Africa/Monrovia was −0:44:30 until 1972).
 * @internal
 */
export function offsetMsAt(f: Intl.DateTimeFormat, epochMs: number): number {
  let year = 0;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let bc = false;
  for (const part of f.formatToParts(epochMs)) {
    switch (part.type) {
      case "year":
        year = Number(part.value);
        break;
      case "month":
        month = Number(part.value);
        break;
      case "day":
        day = Number(part.value);
        break;
      case "hour":
        hour = Number(part.value) % 24; // some engines write midnight as 24 even under h23
        break;
      case "minute":
        minute = Number(part.value);
        break;
      case "second":
        second = Number(part.value);
        break;
      case "era":
        bc = part.value === "BC";
        break;
      default:
        break;
    }
  }
  const wall =
    civilToDays(bc ? 1 - year : year, month, day) * MS_PER_DAY +
    ((hour * 60 + minute) * 60 + second) * 1000;
  return wall - Math.floor(epochMs / 1000) * 1000;
}
