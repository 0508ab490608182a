/**
 * Arbitraries for payer authorisations: valid records (`parseAuthorization` accepts each) for the
 * participants of a planning window, with dates that start before, inside or after it, levels from
 * a list, and units of every kind — some generous, some that run out.
 */
import fc from "fast-check";
import { addDays, type IsoDate } from "../core/calendar";
import { participantId } from "../core/ids";
import type { Authorization } from "../participant/index";
import { authorizationUnitKinds } from "../participant/authorization";
import { levelOfCareIds, type LevelOfCareId } from "../program/index";
import { checkArbitraryOptions } from "./options";

/** Options of {@link authorizations}. */
export interface AuthorizationsOptions {
  /** The participants to authorise (each gets 0–3 authorisations). */
  readonly participantIds: readonly string[];
  /** The first day of the planning window the dates are drawn around. */
  readonly from: IsoDate;
  /** The window's length in weeks (1–104); authorisations start up to a week before it and end up to a week after. */
  readonly weeks: number;
  /** The levels authorised, drawn from this list. @defaultValue ["intensive-outpatient"] */
  readonly levels?: readonly LevelOfCareId[];
}

/**
 * Authorisations for the participants of a planning window: 0–3 per participant (so some have
 * none, which S17 does not judge), each with an id unique per participant, dates from a week before
 * the window to a week after it, a level from `levels`, and units (`days`, `sessions`, `hours`,
 * 1–60) or none. Every record passes `parseAuthorization`.
 * @example
 * ```ts
 * fc.assert(
 *   fc.property(authorizations({ participantIds: ["p-1"], from: "2026-03-02", weeks: 4 }), (auths) =>
 *     auths.every((a) => a.participantId === "p-1" && a.from <= a.to),
 *   ),
 * );
 * ```
 */
export function authorizations(options: AuthorizationsOptions): fc.Arbitrary<Authorization[]> {
  checkArbitraryOptions("authorizations", options, {
    participantIds: { kind: "list", max: 10_000 },
    from: { kind: "date" },
    weeks: { kind: "integer", min: 1, max: 104 },
    levels: { kind: "values", of: levelOfCareIds, min: 1, optional: true },
  });
  const levels = options.levels ?? ["intensive-outpatient"];
  const span = options.weeks * 7 + 14;
  const one = fc
    .record({
      start: fc.integer({ min: 0, max: span - 1 }),
      length: fc.integer({ min: 1, max: span }),
      level: fc.constantFrom(...levels),
      units: fc.option(
        fc.record({
          of: fc.constantFrom(...authorizationUnitKinds),
          count: fc.integer({ min: 1, max: 60 }),
        }),
        { nil: undefined },
      ),
      review: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
    })
    .map((a) => {
      const from = addDays(options.from, a.start - 7);
      return { from, to: addDays(from, a.length - 1), ...a };
    });
  return fc
    .tuple(
      ...options.participantIds.map((id) =>
        fc.array(one, { maxLength: 3 }).map((list) =>
          list.map((a, i): Authorization => ({
            formatVersion: 2,
            id: `auth-${id}-${i + 1}`,
            participantId: participantId(id),
            payer: "Test Payer",
            level: a.level,
            from: a.from,
            to: a.to,
            ...(a.units === undefined ? {} : { units: a.units }),
            ...(a.review === undefined ? {} : { nextReviewOn: addDays(a.from, a.review) }),
          })),
        ),
      ),
    )
    .map((lists) => lists.flat());
}
