/**
 * Every `code` an {@link IopIssue} from iopkit can carry, in one table: apps `switch` over
 * {@link IopIssueCode} exhaustively and list the codes with {@link iopIssueCodes}. A test reads
 * the sources and proves that each code here is one iopkit can report, and the compiler proves
 * that iopkit reports no other.
 */
import { pure } from "./pure";

/**
 * Why an episode event was rejected (`applyEvent`, `replayEpisode`); `replayEpisodeOrThrow`
 * reports the rejection as an issue with the same code. `EpisodeErrorCode` (iopkit/episode)
 * says what each means.
 */
export const episodeErrorCodes = [
  "out-of-order",
  "empty-log",
  "not-referred-first",
  "already-referred",
  "program-mismatch",
  "not-assessed",
  "not-eligible",
  "already-admitted",
  "not-admitted",
  "phase-not-started",
  "phase-already-started",
  "phase-mismatch",
  "unknown-phase",
  "no-lower-phase",
  "no-higher-phase",
  "not-a-step-down",
  "not-a-step-up",
  "step-up-without-review",
  "completed-early",
  "reason-mismatch",
  "transfer-direction-mismatch",
  "episode-closed",
  "not-discharged",
  "aftercare-already-started",
  "invalid-event",
  "invalid-argument",
] as const;

/**
 * Every code an {@link IopIssue} from iopkit can carry, grouped: the schema checks (zod's codes in
 * kebab case), iopkit's field and cross-field checks, a program's rules, measure answers and
 * scoring, attendance against a schedule, an episode log that cannot be replayed, and arguments a
 * program passed by mistake.
 * @example
 * ```ts
 * const known = new Set<string>(iopIssueCodes);
 * known.has("invalid-date"); // true
 * ```
 */
export const iopIssueCodes = /* @__PURE__ */ pure(
  () =>
    [
      // Codes of the checks every schema makes, named after zod's issue codes in kebab case.
      /** A value of the wrong type, or a required field missing. */
      "invalid-type",
      /** A number, text or list below its minimum. */
      "too-small",
      /** A number, text or list above its maximum. */
      "too-big",
      /** A string not of the required form (pattern, date-time, …). */
      "invalid-format",
      /** A number that must be a multiple of another. */
      "not-multiple-of",
      /** A field this record does not have: one issue per unknown key, at the key's path. */
      "unrecognized-keys",
      /** A value that matches none of the accepted forms. */
      "invalid-union",
      /** A key of a map or record that is not accepted. */
      "invalid-key",
      /** An entry of a map or set that is not accepted. */
      "invalid-element",
      /** A value outside a closed set (an enum, a literal). */
      "invalid-value",
      /** A custom check without a code of its own (iopkit's checks always have one). */
      "custom",
      // Codes of iopkit's own field checks (dates, times, ids, records' cross-field rules).
      "invalid-date",
      "invalid-instant",
      "invalid-time-zone",
      "unavailability-ends-before-start",
      "availability-ends-before-start",
      "session-ends-before-start",
      "enrollment-ends-before-start",
      "path-start-mismatch",
      "path-out-of-order",
      "start-phase-and-path",
      "absent-with-minutes",
      "substances-without-positive",
      "confirmed-not-positive",
      "positive-without-substances",
      "authorisation-ends-before-start",
      /** An authorisation's next review is before the authorisation starts. */
      "review-before-authorisation",
      "missed-with-contact-details",
      "substances-without-lapse",
      "not-plain-json",
      "shift-days-required",
      "sex-required",
      "band-min-above-max",
      "range-min-above-max",
      "check-in-stages-out-of-order",
      "check-ins-not-thinning",
      "relapse-check-ins-rarer",
      "attempt-days-out-of-order",
      "format-upgrade-loses-data",
      /** A single TPO consent lists a purpose other than treatment, payment or health-care operations (42 CFR 2.33(a)(2)). */
      "tpo-consent-other-purpose",
      // Codes of a program's rules (`defineProgram`).
      "band-outside-level",
      "crosses-midnight",
      "duplicate-one-to-one",
      "duplicate-phase-id",
      "exit-weeks-above-phase-length",
      "more-tests-than-site-days",
      "not-a-group-session",
      "outside-operating-hours",
      "overlapping-sessions",
      "pattern-above-band",
      "pattern-below-band",
      "phase-intensity-rises",
      "phase-level-above-program",
      "phases-below-length",
      "phases-exceed-length",
      "planned-length-outside-bounds",
      "planned-weeks-outside-range",
      "window-closes-before-open",
      /** Two rooms of a program share an id. */
      "duplicate-room-id",
      /** A pattern entry offers a delivery mode its session type or its phase does not allow. */
      "delivery-mode-not-allowed",
      // Codes of measure answers and scoring.
      "missing-answer",
      "answer-required",
      "not-integer",
      "out-of-range",
      "too-many-answers",
      "unknown-instrument",
      "licence-required",
      "instrument-mismatch",
      "follow-up-before-baseline",
      // Codes of attendance checked against a schedule (`checkAttendance`).
      "unknown-session",
      "not-on-roster",
      "minutes-beyond-session",
      "duplicate-attendance",
      "no-band",
      ...episodeErrorCodes,
      // Codes of arguments a program passed by mistake (a bug in the calling code, not bad data).
      "invalid-days",
      "invalid-epoch-day",
      "invalid-week",
      "invalid-minutes",
      "invalid-time",
      "invalid-range",
      "invalid-seed",
      "invalid-input",
      "invalid-uid",
      "invalid-summary",
      "invalid-description",
      "invalid-location",
      /** `toICalendar`'s `videoUrl` function returned something other than a string. */
      "invalid-video-url",
      "limit-exceeded",
      "unknown-schema",
      "unknown-record-kind",
      "invalid-notice",
      "before-discharge",
      "participant-mismatch",
      "no-open-day",
      "date-out-of-range",
      // Codes of iopkit/analytics: options, rows, and partial aggregates read back from JSON.
      /** A window whose end (`to`, `dischargedTo`, a window's `toDay`) is before its start. */
      "window-ends-before-start",
      /** A census window longer than 20 years (the census keeps a count per day or week). */
      "window-too-long",
      /** The TEDS length-of-stay method reads attendance days, which needs the program's zone. */
      "time-zone-required",
      /** A confidence level that is not a share strictly between 0 and 1. */
      "invalid-level",
      /** An instrument scheduled twice in a measurement-based-care schedule. */
      "duplicate-instrument",
      /** Two follow-up definitions with the same id. */
      "duplicate-definition",
      /** A follow-up definition anchored on a definition that is not earlier in the list. */
      "unknown-anchor",
      /** An accumulator asked to read a source its aggregate does not read. */
      "unknown-source",
      /** Stored episode-event rows in which an episode's rows are not together. */
      "rows-not-grouped",
      /** Partials of different aggregates, or computed with different options, cannot merge. */
      "incompatible-partials",
      /** A partial's exclusion count under a reason that is not an exclusion code. */
      "unknown-exclusion",
      /** A `"__proto__"` key in a partial: it cannot be read back from JSON safely. */
      "unsafe-key",
      /** A partial's keyed list whose keys do not ascend, each once. */
      "unsorted-keys",
      /** A partial's list whose length does not match its window or its program's phases. */
      "wrong-length",
      /** A partial's histogram that is not `[day, count ≥ 1]` pairs by ascending day. */
      "invalid-histogram",
      /** A partial's day set that is not in its canonical form. */
      "invalid-day-set",
      // Codes of iopkit/capacity: forecast options and the waitlist.
      /** Shares (of a stay distribution, of tracks) that do not add up to 1. */
      "shares-do-not-add-up",
      /** A track the program does not have. */
      "unknown-track",
      /** A program track without a share in the forecast's `trackShares`. */
      "missing-track",
      /** Someone enrolled in a forecast with an admission day after the forecast's first day. */
      "admitted-after-forecast-start",
      /** Percentiles that do not ascend, each once. */
      "not-ascending",
      /** A participant on the waitlist twice. */
      "duplicate-waitlist-entry",
      /** A waitlist request dated after the day of the admissions. */
      "requested-after-admission-day",
      /** A group whose open seats are listed twice. */
      "duplicate-group-id",
      /**
       * `matched` (from `matchAttendance`) that was not made by it, or was made for another
       * schedule, attendance list or time zone than the call's, or before either list changed length.
       */
      "matched-for-other-input",
      // Codes of values `redact` cannot redact: not JSON, a cycle, nested too deep.
      "not-json",
      "cycle",
      "too-deep",
    ] as const,
);

/** One of {@link iopIssueCodes}: the `code` of an issue iopkit reports. */
export type IopIssueCode = (typeof iopIssueCodes)[number];
