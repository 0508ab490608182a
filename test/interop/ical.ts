/**
 * Reads calendars back with ical.js 2.2.1, an independent RFC 5545 parser, into absolute instants
 * (recipe: scratch/interop-probe RECIPE.md §2). toICalendar writes no RDATE, so ical.js's
 * multi-value RDATE bug needs no workaround here; a TZID without its VTIMEZONE throws instead of
 * being read silently as floating time (ical.js would treat it as UTC).
 */
import ICAL from "ical.js";
import { DateTime } from "luxon";

/** One VEVENT as ical.js reads it. */
export interface ParsedEvent {
  readonly uid: string;
  /** Absolute start and end, epoch ms. */
  readonly start: number;
  readonly end: number;
  /** The zone ical.js attached to DTSTART and DTEND (`"UTC"` for a `Z` time). */
  readonly startZone: string | undefined;
  readonly endZone: string | undefined;
  readonly summary: string;
  readonly description: string | undefined;
  readonly location: string | undefined;
}

/** A parsed calendar: its events and the root component. */
export interface ParsedCalendar {
  readonly events: ParsedEvent[];
  readonly root: ICAL.Component;
}

const text = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);

export function parseIcs(ics: string): ParsedCalendar {
  const root = new ICAL.Component(ICAL.parse(ics) as unknown[]);
  const known = new Set(
    root.getAllSubcomponents("vtimezone").map((z) => String(z.getFirstPropertyValue("tzid"))),
  );
  const events = root.getAllSubcomponents("vevent").map((ve) => {
    for (const name of ["dtstart", "dtend"]) {
      const tzid = ve.getFirstProperty(name)?.getParameter("tzid");
      if (typeof tzid === "string" && !known.has(tzid))
        throw new Error(`No VTIMEZONE for TZID=${tzid}`);
    }
    const ev = new ICAL.Event(ve);
    if (ev.startDate.isDate) throw new Error("all-day event: no instant");
    return {
      uid: ev.uid,
      start: ev.startDate.toUnixTime() * 1000,
      end: ev.endDate.toUnixTime() * 1000,
      startZone: ev.startDate.zone?.tzid,
      endZone: ev.endDate.zone?.tzid,
      summary: ev.summary,
      description: text(ve.getFirstPropertyValue("description")),
      location: text(ve.getFirstPropertyValue("location")),
    };
  });
  return { events, root };
}

/** The physical lines of a calendar (split on CRLF; the text must end with CRLF). */
export function physicalLines(ics: string): string[] {
  if (!ics.endsWith("\r\n")) throw new Error("a calendar must end with CRLF");
  return ics.slice(0, -2).split("\r\n");
}

/** Octets of a string in UTF-8. */
export const octets = (s: string): number => new TextEncoder().encode(s).length;

/**
 * Independent oracle (luxon's `getPossibleOffsets`): does the wall time an instant shows in `zone`
 * occur twice there (a fall-back overlap)?
 */
export function isAmbiguousIn(zone: string, epochMs: number): boolean {
  const local = DateTime.fromMillis(epochMs, { zone });
  return (
    DateTime.fromObject(
      {
        year: local.year,
        month: local.month,
        day: local.day,
        hour: local.hour,
        minute: local.minute,
        second: local.second,
      },
      { zone },
    ).getPossibleOffsets().length > 1
  );
}
