/**
 * Upper bounds on input sizes. Inputs beyond them are rejected with an {@link IopError} whose issue
 * code is `too-big` (schemas) or `limit-exceeded` (function options), so that a typo such as
 * `weeks: 5200` fails at once instead of making work explode.
 *
 * The bounds are generous for real clinics (the largest US IOP providers run a few thousand
 * participants at a site). The planner's worst case is bounded by `maxParticipantWeeks`
 * (enrolments × weeks of one call); its measured cost at that bound is in the reliability and
 * performance guides.
 */
export const limits = {
  /** Longest id, in characters. */
  maxIdLength: 128,
  /** Longest free-text field (names, messages, notes), in characters. */
  maxTextLength: 10_000,
  /** Most phases in one program. */
  maxPhases: 12,
  /** Most weekly pattern entries in one phase. */
  maxPatternEntries: 100,
  /** Most participants or enrolments in one planning call. */
  maxParticipants: 20_000,
  /** Most staff members in one planning call. */
  maxStaff: 2_000,
  /** Most weeks planned in one call, and the longest program or phase length in weeks. */
  maxWeeks: 104,
  /**
   * Most enrolments × weeks in one `planSchedule` or `expandPattern` call: 20,000 participants
   * for 12 weeks, or 2,307 for 104. The planner's cost grows with both, so each bound alone
   * (20,000 × 104) would allow work no machine finishes.
   */
  maxParticipantWeeks: 240_000,
  /** Most entries in any other list inside a record (conditions, closures, consents, …). */
  maxListLength: 1_000,
  /** Most events in one episode log. */
  maxEvents: 100_000,
  /** Most records (attendance, drug tests, measures) in one call. */
  maxRecords: 5_000_000,
} as const;
