/**
 * Small pieces the analytics option schemas share: dates and date windows as zod/mini schemas,
 * and turning a validated window into epoch days.
 * @internal
 */
import * as z from "zod/mini";
import { nullable, strictObject } from "../core/zod";
import { fromEpochDay, type IsoDate } from "../core/calendar";
import { built, issue, type Schema } from "../core/schema";
import { IsoDateSchema, TimeZoneSchema } from "../core/schemas";
import type { TimeZone } from "../core/zone";
import { epochDayOf } from "./local-day";
import { isSourceId, type Citation, type SourceId } from "../core/sources";

/** A calendar date (zod/mini): core's date schema. @internal */
export const DateText = (): Schema<IsoDate> => built(IsoDateSchema);

/** An IANA zone the runtime knows (zod/mini): core's zone schema. @internal */
export const ZoneText = (): Schema<TimeZone> => built(TimeZoneSchema);

/**
 * A citation of the sources registry (zod/mini): a registry id and, optionally, the section. A
 * definition an app writes cites the registry too.
 * @internal
 */
export const CitationSchema = (): z.ZodMiniType<Citation> =>
  strictObject({
    source: z.custom<SourceId>(
      (id) => typeof id === "string" && isSourceId(id),
      issue("invalid-value", "must be the id of a source in iopkit's sources registry"),
    ),
    section: z.exactOptional(z.string().check(z.maxLength(500))),
  });

/** A date or `null` (an open end), as normalised options hold it. @internal */
export const OptionalDate = (): Schema<IsoDate | null> => nullable(DateText());

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
    issue("window-ends-before-start", `${toKey} is before ${fromKey}`, { path: [toKey] }),
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
