/**
 * A payer's authorisation of care: the level of care it authorises (kept apart from the clinical
 * level a phase delivers), the days it runs and, when the payer counts them, the units (days,
 * sessions or hours). The planner reads it for S17 (`planSchedule`'s `authorizations`), and
 * `authorizationLedger` (iopkit/capacity) counts what is used and what remains.
 */
import * as z from "zod/mini";
import { optional, strictObject } from "../core/zod";
import type { Result } from "../core/errors";
import { IsoDateSchema, LabelSchema, ParticipantId, type IsoDate } from "../core/index";
import { storedObject, versionFieldAdded, type RecordFormat } from "../core/record-format";
import {
  customIssue,
  lazySchema,
  onceValid,
  parseWith,
  safeParseWith,
  type Schema,
} from "../core/schema";
import { LevelOfCareId } from "../program/index";

/**
 * What a payer counts an authorisation in: `days` (a per-diem day with at least one session, as
 * H0015 and S9480 are billed), `sessions` (each session attended), `hours` (the hours of the
 * sessions).
 */
export const authorizationUnitKinds = ["days", "sessions", "hours"] as const;
/** One of {@link authorizationUnitKinds}. */
export type AuthorizationUnitKind = (typeof authorizationUnitKinds)[number];

/** The units an authorisation grants. */
export interface AuthorizedUnits {
  /** What is counted. */
  of: AuthorizationUnitKind;
  /** How many are authorised (1–10,000). */
  count: number;
}
/** The schema of {@link AuthorizedUnits}. */
export const AuthorizedUnits: Schema<AuthorizedUnits> = /* @__PURE__ */ lazySchema(() =>
  strictObject({
    of: z.enum(authorizationUnitKinds),
    count: z.number().check(z.gt(0), z.lte(10_000)),
  }),
);

/**
 * The stored format of {@link Authorization} records: 2, the format every stored kind of this
 * version writes (`formatVersion`); a record without it is read as format 1, like every kind.
 * @internal
 */
export const authorizationFormat = {
  kind: "Authorization",
  version: 2,
  steps: [versionFieldAdded],
  nested: [],
} as const satisfies RecordFormat;

/**
 * A payer's authorisation of a level of care for a participant, from `from` to `to` (both
 * included), optionally for a number of units. The authorised level is the payer's (the
 * utilisation-review level); the clinical level is the one the phase in force delivers: the two
 * are compared, never merged. Validate with {@link parseAuthorization}.
 * @example
 * ```ts
 * parseAuthorization({
 *   id: "auth-1", participantId: "p-1", payer: "Acme Health", level: "intensive-outpatient",
 *   from: "2026-03-09", to: "2026-04-05", units: { of: "days", count: 12 },
 * });
 * ```
 */
export interface Authorization {
  /** The record's format (see the guide "Storing records"). */
  formatVersion: 2;
  /** The app's id for this authorisation (unique among a participant's authorisations). */
  id: string;
  /** Whose care it authorises. */
  participantId: ParticipantId;
  /** The payer. */
  payer: string;
  /** The level of care authorised (the payer's level, kept apart from the clinical level). */
  level: LevelOfCareId;
  /** First day authorised (program's local date). */
  from: IsoDate;
  /** Last day authorised, not before `from`. */
  to: IsoDate;
  /** The units granted; without them, every session from `from` to `to` at `level` is covered. */
  units?: AuthorizedUnits | undefined;
  /** The payer's authorisation number. */
  reference?: string | undefined;
  /** The next concurrent (utilisation) review the payer set, not before `from`. */
  nextReviewOn?: IsoDate | undefined;
}

/** An {@link Authorization} as an app writes it (`formatVersion` may be left out). */
export interface AuthorizationInput extends Omit<Authorization, "formatVersion" | "participantId"> {
  /** See {@link Authorization.formatVersion}; a record without it is format 1. */
  formatVersion?: 2 | undefined;
  /** See {@link Authorization.participantId}. */
  participantId: string;
}

/** The schema of an {@link Authorization}. */
export const Authorization: Schema<Authorization, AuthorizationInput> = /* @__PURE__ */ lazySchema(
  () =>
    storedObject(
      authorizationFormat,
      {
        id: LabelSchema,
        participantId: ParticipantId,
        payer: LabelSchema,
        level: LevelOfCareId,
        from: IsoDateSchema,
        to: IsoDateSchema,
        units: optional(AuthorizedUnits),
        reference: optional(LabelSchema),
        nextReviewOn: optional(IsoDateSchema),
      },
      (object) =>
        object.check(
          onceValid<Authorization>((a, ctx) => {
            if (a.to < a.from)
              ctx.addIssue(
                customIssue(
                  "authorisation-ends-before-start",
                  "the authorisation ends before it starts",
                  ["to"],
                ),
              );
            if (a.nextReviewOn !== undefined && a.nextReviewOn < a.from)
              ctx.addIssue(
                customIssue(
                  "review-before-authorisation",
                  "the next review is before the authorisation starts",
                  ["nextReviewOn"],
                ),
              );
          }),
        ),
    ),
);

/**
 * Validates an authorisation from any input (a payer's response, a stored row); throws
 * {@link core!IopError | IopError} listing every problem with its path.
 */
export function parseAuthorization(input: unknown): Authorization {
  return parseWith(Authorization, "parseAuthorization", input);
}

/** Like {@link parseAuthorization}, but returns `{ success, data | error }`. */
export function safeParseAuthorization(input: unknown): Result<Authorization> {
  return safeParseWith(Authorization, "parseAuthorization", input);
}
