/**
 * What happened: attendance records and drug-test results, weekly clinical hours against the
 * phase band, attendance rates, absence streaks and alerts, per-day service summaries.
 * @module attendance
 */
export {
  AttendanceRecord,
  AttendanceStatus,
  attendanceStatuses,
  isAttended,
  parseAttendanceRecord,
  safeParseAttendanceRecord,
  type AttendanceRecordInput,
} from "./attendance-record";
export {
  DrugTestOutcome,
  DrugTestResult,
  drugTestFindings,
  drugTestOutcomes,
  parseDrugTestResult,
  readDrugTest,
  safeParseDrugTestResult,
  type DrugTestFindings,
  type DrugTestReading,
  type DrugTestReadingPolicy,
  type DrugTestResultInput,
} from "./drug-test-result";
export {
  drugTestSummary,
  type DrugTestSummary,
  type DrugTestSummaryOptions,
  type ExpectedAbsence,
} from "./drug-test-summary";
export { checkAttendance, type CheckAttendanceOptions } from "./check-attendance";
export {
  ComplianceStatus,
  WeekCompliance,
  complianceStatuses,
  weeklyCompliance,
  type ComplianceBand,
  type WeekComplianceInput,
  type WeeklyComplianceOptions,
} from "./weekly-compliance";
export {
  attendanceSummary,
  type AttendanceAlert,
  type AttendanceSummary,
  type AttendanceSummaryOptions,
  type ServiceDay,
} from "./attendance-summary";
