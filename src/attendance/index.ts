/**
 * What happened: attendance records and drug-test results, weekly clinical hours against the
 * phase band, attendance rates, absence streaks and alerts, per-day service summaries.
 * @module attendance
 */
export {
  AttendanceRecord,
  AttendanceStatus,
  isAttended,
  parseAttendanceRecord,
  safeParseAttendanceRecord,
} from "./attendance-record";
export {
  DrugTestOutcome,
  DrugTestResult,
  parseDrugTestResult,
  readDrugTest,
  safeParseDrugTestResult,
  type DrugTestReading,
} from "./drug-test-result";
export {
  drugTestSummary,
  type DrugTestSummary,
  type DrugTestSummaryOptions,
} from "./drug-test-summary";
export { checkAttendance, type CheckAttendanceOptions } from "./check-attendance";
export {
  ComplianceStatus,
  WeekCompliance,
  weeklyCompliance,
  type WeeklyComplianceOptions,
} from "./weekly-compliance";
export {
  attendanceSummary,
  type AttendanceAlert,
  type AttendanceSummary,
  type AttendanceSummaryOptions,
  type ServiceDay,
} from "./attendance-summary";
