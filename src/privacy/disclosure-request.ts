/**
 * A request to disclose Part 2 records: who the patient is, who discloses to whom, why, what, and
 * on which date. `canDisclose` checks it against a consent.
 */
import { pure } from "../core/pure";
import { z } from "zod";
import { parserFor, type Result } from "../core/errors";
import { IsoDateSchema, LabelSchema, ParticipantId } from "../core/index";
import { DisclosurePurpose, InformationKind } from "../participant/index";

/**
 * Who would receive the records: their name, and every class of recipients they belong to.
 *
 * A consent's named recipient matches when its name equals `name`; a consent's class recipient
 * matches when its description equals one of `classes`. Names and classes are compared
 * case-insensitively after trimming and treating runs of spaces, hyphens and underscores as one
 * space ("Treating-Providers" = "treating providers"); nothing fuzzier, so a consent and the
 * requests checked against it must use the same vocabulary. A single TPO consent also covers the
 * classes in `tpoRecipientClasses` for treatment, payment and health-care operations.
 */
export const DisclosureRecipient = /* @__PURE__ */ pure(() =>
  z.strictObject({
    /** The person or organisation, e.g. `"Riverside Family Medicine"`. */
    name: LabelSchema,
    /** The classes it belongs to, e.g. `["treating-provider"]` or `["my treating providers"]`. */
    classes: z.array(LabelSchema).max(20).default([]),
  }),
);
/** A recipient of a disclosure, as validated. */
export type DisclosureRecipient = z.infer<typeof DisclosureRecipient>;

/** The schema of a disclosure request. Use {@link parseDisclosureRequest} for untrusted input. */
export const DisclosureRequest = /* @__PURE__ */ pure(() =>
  z.strictObject({
    /** The patient whose records would be disclosed (the participant). */
    patient: z.strictObject({
      id: ParticipantId,
      /** The name as the app records it; compared with the consent's `patientName`. */
      name: LabelSchema,
    }),
    /** Who discloses: the program or provider, compared with the consent's `discloser`. */
    discloser: LabelSchema,
    recipient: DisclosureRecipient,
    purpose: DisclosurePurpose,
    /** What kinds of information would be disclosed; at least one. */
    information: z.array(InformationKind).min(1, "name at least one kind of information").max(8),
    /** The date of the disclosure (the caller's "today"; iopkit reads no clock). */
    on: IsoDateSchema,
  }),
);
/** A disclosure request, as validated. */
export type DisclosureRequest = z.infer<typeof DisclosureRequest>;
/** A disclosure request as an app writes it (`recipient.classes` may be left out). */
export type DisclosureRequestInput = z.input<typeof DisclosureRequest>;

const requestParser = /* @__PURE__ */ pure(() =>
  parserFor(DisclosureRequest, "parseDisclosureRequest"),
);

/**
 * Validates a disclosure request from any input; throws {@link core!IopError | IopError} listing
 * every problem with its path.
 * @example
 * ```ts
 * const request = parseDisclosureRequest({
 *   patient: { id: "p-001", name: "Alex Rivera" },
 *   discloser: "Riverside IOP",
 *   recipient: { name: "Dr. Sam Lee", classes: ["treating-provider"] },
 *   purpose: "treatment",
 *   information: ["attendance", "drug-tests"],
 *   on: "2026-03-09",
 * });
 * ```
 */
export function parseDisclosureRequest(input: unknown): DisclosureRequest {
  return requestParser.parse(input);
}

/** Like {@link parseDisclosureRequest}, but returns `{ success, data | error }`. */
export function safeParseDisclosureRequest(input: unknown): Result<DisclosureRequest> {
  return requestParser.safeParse(input);
}
