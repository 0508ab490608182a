/** What `toFhirBundle` reports about input records no resource stands for. */
import type { IssuePath } from "../../core/errors";
import type { ParticipantId } from "../../core/index";

/**
 * Why a record of the input has no resource in the bundle:
 * - `duplicate` — another record has the same identifier (the first one is exported);
 * - `unknown-session` — an attendance record names a session that is not in the schedule;
 * - `not-on-roster` — an attendance record's participant is not on the session's roster;
 * - `no-participants` — a session without participants (an Appointment is per participant);
 * - `other-program` — an episode of another program than `input.program`;
 * - `future-drug-test` — a participant-facing bundle (`audience: "participant"`) leaves out the
 *   Appointment of a drug-test session that has not ended by `now`, so it is never announced.
 */
export const fhirOmissionCodes = [
  "duplicate",
  "unknown-session",
  "not-on-roster",
  "no-participants",
  "other-program",
  "future-drug-test",
] as const;
/** Why a record has no resource in the bundle: one of {@link fhirOmissionCodes}. */
export type FhirOmissionCode = (typeof fhirOmissionCodes)[number];

/** A record of the input that no resource stands for, and why: nothing is dropped silently. */
export interface FhirOmission {
  /** Why, as a stable code. */
  readonly code: FhirOmissionCode;
  /** Where the record is in the input, e.g. `["attendance", 4]`. */
  readonly path: IssuePath;
  /** A sentence for people. */
  readonly message: string;
  /** Whose record it is, when it has one participant. */
  readonly participantId?: ParticipantId;
}
