/**
 * Who an export is for, and what a participant-facing export must not show: a drug test that is
 * still to come. Random testing only works unannounced (`jarvis-2017-asam-drug-testing`: "a random
 * schedule, when possible"), so a participant's calendar or patient-portal data never carries a
 * drug-test session before it is over; staff exports show every session.
 */
import { toEpochMs } from "../core/index";
import type { ScheduledSession } from "../schedule/index";

/**
 * Who reads an export: `"participant"` (their own calendar, a patient portal) or `"staff"` (the
 * clinic). A participant-facing export leaves out every drug-test session that has not ended by
 * the export's `now`.
 */
export type ExportAudience = "participant" | "staff";

/**
 * A drug-test session a participant-facing export must leave out at `nowMs`: one that has not
 * ended yet (a test in progress is still unannounced to anyone not already there). @internal
 */
export const isUnannouncedTest = (
  session: Pick<ScheduledSession, "sessionType" | "end">,
  nowMs: number,
): boolean => session.sessionType === "drug-test" && toEpochMs(session.end) > nowMs;
