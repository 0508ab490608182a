/**
 * Foundations shared by every part: branded ids, the error type, calendar and zone arithmetic,
 * a seeded random generator, size limits and the primitive schemas.
 * @module core
 */
export {
  IopError,
  formatIssue,
  formatPath,
  isIopError,
  maxIssuesPerError,
  maxMessageLength,
  type IopIssue,
  type IssuePath,
  type Failure,
  type Result,
  type Success,
} from "./errors";
export { iopIssueCodes, type IopIssueCode } from "./issue-codes";
export { type Parser, type Schema } from "./schema";
export { type Migration, type MigrationNote } from "./record-format";
export {
  ConsentId,
  EpisodeId,
  GroupId,
  ParticipantId,
  PhaseId,
  ProgramId,
  SessionId,
  StaffId,
  consentId,
  episodeId,
  groupId,
  participantId,
  phaseId,
  programId,
  sessionId,
  staffId,
} from "./ids";
export { limits } from "./limits";
export {
  MAX_EPOCH_DAY,
  MIN_EPOCH_DAY,
  MS_PER_DAY,
  addDays,
  civilFromDays,
  daysBetween,
  daysFromCivil,
  daysInMonth,
  fromEpochDay,
  isIsoDate,
  isoWeekKey,
  isoWeekKeyOfEpochDay,
  isoWeekOfEpochDay,
  isoWeekday,
  mondayOfEpochDay,
  startOfIsoWeek,
  toEpochDay,
  tryParseIsoDate,
  tryParseIsoWeek,
  weekdayOfEpochDay,
  type CivilDate,
  type IsoDate,
  type IsoWeek,
  type IsoWeekParts,
  type Weekday,
} from "./calendar";
export { fromMinutes, isWallTime, toMinutes, tryParseWallTime, type WallTime } from "./wall-time";
export { formatInstant, isInstant, toEpochMs, tryParseInstant, type Instant } from "./instant";
export {
  createZoneClock,
  instantToZoned,
  isTimeZone,
  zonedInstant,
  type TimeZone,
  type ZoneClock,
  type ZonedParts,
} from "./zone";
export { canonicalTimeZone, timeZoneKind, type TimeZoneKind } from "./zone-names";
export { createRng, hashString, type Rng } from "./random";
export {
  CountSchema,
  InstantSchema,
  IsoDateSchema,
  LabelSchema,
  NonNegativeSchema,
  TextSchema,
  TimeZoneSchema,
  WallTimeSchema,
  WeekdaySchema,
} from "./schemas";
