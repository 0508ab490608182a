// Generated clinics for the FHIR property tests (toFhirBundle, readFhir): consistent programs,
// schedules, attendance, drug tests, episodes, consents and measure scores from iopkit/testing.
import fc from "fast-check";
import {
  addDays,
  replayEpisodeOrThrow,
  scoreAdministration,
  type FhirExportInput,
  type InstrumentId,
  type ParticipantId,
  type ScoredMeasure,
} from "iopkit";
import {
  attendanceLog,
  consent,
  drugTestResults,
  episodeEvents,
  measureAdministration,
  schedule,
} from "iopkit/testing";

export const instrumentIds: InstrumentId[] = ["phq-9", "gad-7", "audit-c", "dast-10", "bam"];

export const scored = (who: fc.Arbitrary<ParticipantId>): fc.Arbitrary<ScoredMeasure> =>
  fc.tuple(who, fc.constantFrom(...instrumentIds)).chain(([participantId, instrument]) =>
    measureAdministration(instrument, { from: "2026-01-01", spanDays: 120 }).map((a) => ({
      participantId,
      score: scoreAdministration(a, instrument === "dast-10" ? { licence: "non-commercial" } : {}),
    })),
  );

/** A whole clinic's records, consistent with each other, and options to export them with. */
export const clinic = schedule({ maxParticipants: 4, maxWeeks: 2 }).chain(
  ({ input, schedule: s }) => {
    const ids = input.enrollments.map((e) => e.participant.id);
    const who = ids.length === 0 ? fc.constant("p-0" as ParticipantId) : fc.constantFrom(...ids);
    return fc
      .record({
        attendance: attendanceLog(s),
        drugTests: drugTestResults(s),
        logs: fc.tuple(
          ...input.enrollments.map((e) =>
            episodeEvents(input.program, {
              participantId: e.participant.id,
              from: addDays(e.start, -7),
              maxEvents: 12,
            }),
          ),
        ),
        consents: fc.tuple(
          ...ids.map(() => fc.uniqueArray(consent(), { maxLength: 3, selector: (c) => c.id })),
        ),
        measures: fc.uniqueArray(scored(who), {
          maxLength: ids.length === 0 ? 0 : 6,
          selector: (m) => `${m.participantId}|${m.score.instrument}|${m.score.administeredOn}`,
        }),
        now: fc.constantFrom(
          "2026-03-01T12:00:00Z",
          "2026-06-15T03:30:00+05:30",
          "2026-11-01T05:30:00Z",
        ),
        withSchedule: fc.boolean(),
        edition: fc.constantFrom(3 as const, 4 as const),
      })
      .map((g): { input: FhirExportInput; now: string } => ({
        input: {
          program: { ...input.program, asamEdition: g.edition },
          enrollments: input.enrollments.map((e, i) => ({
            ...e,
            participant: { ...e.participant, consents: g.consents[i] ?? [] },
          })),
          ...(g.withSchedule ? { schedule: s } : { schedule: { sessions: s.sessions } }),
          attendance: g.attendance,
          drugTests: g.drugTests,
          measures: g.measures,
          episodes: g.logs.map((log) => replayEpisodeOrThrow(log, input.program)),
        },
        now: g.now,
      }));
  },
);
