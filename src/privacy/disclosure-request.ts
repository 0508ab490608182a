/**
 * A request to disclose Part 2 records: who the patient is, who discloses to whom, why, what, and
 * on which date. `canDisclose` checks it against a consent.
 */
import * as z from "zod/mini";
import { _default, array, optional, strictObject } from "../core/zod";
import type { Result } from "../core/errors";
import { IsoDateSchema, LabelSchema, ParticipantId, type IsoDate } from "../core/index";
import { storedObject, versionFieldAdded, type RecordFormat } from "../core/record-format";
import { lazySchema, parseWith, safeParseWith, type Schema } from "../core/schema";
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
export interface DisclosureRecipient {
  /** The person or organisation, e.g. `"Riverside Family Medicine"`. */
  name: string;
  /** The classes it belongs to (at most 20), e.g. `["treating-provider"]` or `["my treating providers"]`. @defaultValue [] */
  classes: string[];
}
/** A recipient as an app writes it (`classes` may be left out). */
export interface DisclosureRecipientInput extends Omit<DisclosureRecipient, "classes"> {
  /** See {@link DisclosureRecipient.classes}. @defaultValue [] */
  classes?: string[] | undefined;
}
/** The schema of a {@link DisclosureRecipient}. */
export const DisclosureRecipient: Schema<DisclosureRecipient, DisclosureRecipientInput> =
  /* @__PURE__ */ lazySchema(() =>
    strictObject({
      name: LabelSchema,
      classes: _default(array(LabelSchema).check(z.maxLength(20)), () => []),
    }),
  );

/** The patient whose records would be disclosed. */
export interface DisclosurePatient {
  /** The participant. */
  id: ParticipantId;
  /** The name as the app records it; compared with the consent's `patientName`. Personal data. */
  name: string;
}

/**
 * The stored format of {@link DisclosureRequest} records: 1 (iopkit 0.1.0), 2 (`formatVersion`).
 * @internal
 */
export const disclosureRequestFormat = {
  kind: "DisclosureRequest",
  version: 2,
  steps: [versionFieldAdded],
  nested: [],
} as const satisfies RecordFormat;

/** A request to disclose Part 2 records, as validated. */
export interface DisclosureRequest {
  /** The record's format (see the guide "Storing records"). */
  formatVersion: 2;
  /** The patient whose records would be disclosed (the participant). */
  patient: DisclosurePatient;
  /** Who discloses: the program or provider, compared with the consent's `discloser`. */
  discloser: string;
  /**
   * The classes of persons the discloser belongs to (at most 20), compared with the consent's
   * `discloserClass` like recipient classes (42 CFR 2.31(a)(2) allows a class of persons).
   */
  discloserClasses?: string[] | undefined;
  /** Who would receive them. */
  recipient: DisclosureRecipient;
  /** Why. */
  purpose: DisclosurePurpose;
  /** What kinds of information would be disclosed; 1–8. */
  information: InformationKind[];
  /** The date of the disclosure (the caller's "today"; iopkit reads no clock). */
  on: IsoDate;
}

/** A disclosure request as an app writes it (`recipient.classes` may be left out). */
export interface DisclosureRequestInput extends Omit<
  DisclosureRequest,
  "formatVersion" | "patient" | "recipient"
> {
  /** See {@link DisclosureRequest.formatVersion}; a request without it is format 1. */
  formatVersion?: 2 | undefined;
  /** See {@link DisclosureRequest.patient}. */
  patient: { id: string; name: string };
  /** See {@link DisclosureRequest.recipient}. */
  recipient: DisclosureRecipientInput;
}

/** The schema of a disclosure request. Use {@link parseDisclosureRequest} for untrusted input. */
export const DisclosureRequest: Schema<DisclosureRequest, DisclosureRequestInput> =
  /* @__PURE__ */ lazySchema(() =>
    storedObject(disclosureRequestFormat, {
      patient: strictObject({ id: ParticipantId, name: LabelSchema }),
      discloser: LabelSchema,
      discloserClasses: optional(array(LabelSchema).check(z.maxLength(20))),
      recipient: DisclosureRecipient,
      purpose: DisclosurePurpose,
      information: array(InformationKind).check(
        z.minLength(1, "name at least one kind of information"),
        z.maxLength(8),
      ),
      on: IsoDateSchema,
    }),
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
  return parseWith(DisclosureRequest, "parseDisclosureRequest", input);
}

/** Like {@link parseDisclosureRequest}, but returns `{ success, data | error }`. */
export function safeParseDisclosureRequest(input: unknown): Result<DisclosureRequest> {
  return safeParseWith(DisclosureRequest, "parseDisclosureRequest", input);
}
