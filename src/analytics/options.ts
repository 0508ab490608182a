/**
 * Small pieces the analytics option schemas share: dates and date windows as zod/mini schemas,
 * and turning a validated window into epoch days.
 * @internal
 */
import * as z from "zod/mini";
import { fromEpochDay, isIsoDate, type IsoDate } from "../core/calendar";
import { isTimeZone } from "../core/zone";
import { pure } from "../core/pure";
import { epochDayOf } from "./local-day";
import type { AnalyticsSource } from "./sources";

/** A calendar date (zod/mini). @internal */
export const DateText = /* @__PURE__ */ pure(() =>
  z.string().check(
    z.refine(isIsoDate, {
      message: "must be a calendar date YYYY-MM-DD",
      params: { code: "invalid-date" },
    }),
  ),
);

/** An IANA zone the runtime knows (zod/mini). @internal */
export const ZoneText = /* @__PURE__ */ pure(() =>
  z.string().check(
    z.refine(isTimeZone, {
      message: "must be an IANA time zone known to this runtime, e.g. America/New_York",
      params: { code: "invalid-time-zone" },
    }),
  ),
);

/** A public source, as definition tables cite them (zod/mini). @internal */
export const SourceSchema: z.ZodMiniType<AnalyticsSource> = /* @__PURE__ */ pure(() =>
  z.strictObject({
    title: z.string(),
    publisher: z.string(),
    year: z.int(),
    section: z.string(),
    url: z.string(),
  }),
);

/** A date or `null` (an open end), as normalised options hold it. @internal */
export const OptionalDate = /* @__PURE__ */ pure(() => z.nullable(DateText));

/** A check that `from` is not after `to` when both are given. @internal */
export function windowCheck<T extends Record<string, unknown>>(
  fromKey: keyof T & string,
  toKey: keyof T & string,
) {
  return z.refine<T>(
    (o) => {
      const from = o[fromKey];
      const to = o[toKey];
      return typeof from !== "string" || typeof to !== "string" || from <= to;
    },
    {
      message: `${toKey} is before ${fromKey}`,
      path: [toKey],
      params: { code: "window-ends-before-start" },
    },
  );
}

/** Epoch day of a validated date, or the given default for `null`. @internal */
export function dayOr(date: IsoDate | null, otherwise: number): number {
  return date === null ? otherwise : epochDayOf(date);
}

/** An epoch day as an ISO date. @internal */
export const isoOf = (day: number): IsoDate => fromEpochDay(day);

/** {@link isoOf} remembering the days it wrote (a report names the same days many times). @internal */
export function isoMemo(): (day: number) => IsoDate {
  const memo = new Map<number, IsoDate>();
  return (day) => {
    let text = memo.get(day);
    if (text === undefined) {
      text = fromEpochDay(day);
      memo.set(day, text);
    }
    return text;
  };
}
