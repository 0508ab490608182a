// Attendance entries: the record parsers, and weeklyCompliance / attendanceSummary /
// checkAttendance / drugTestSummary over records that passed the parsers, with hostile options.
import fc from "fast-check";
import {
  attendanceSummary,
  checkAttendance,
  drugTestSummary,
  parseAttendanceRecord,
  parseDrugTestResult,
  programTemplates,
  safeParseAttendanceRecord,
  safeParseDrugTestResult,
  weeklyCompliance,
  zonedInstant,
  type AttendanceRecord,
  type DrugTestResult,
  type Schedule,
} from "iopkit";
import { args, type FuzzEntry } from "../entry";
import { hostileJson, mutated } from "../hostile";

const program = programTemplates.substanceUseAdult({ timeZone: "America/New_York" });
const at = (date: string, time: string) => zonedInstant(date, time, program.timeZone);
const schedule = {
  window: { from: "2026-03-09", weeks: 1 },
  sessions: [
    {
      id: "s-1",
      sessionType: "group-therapy",
      start: at("2026-03-09", "09:00"),
      end: at("2026-03-09", "11:00"),
      participantIds: ["p-1", "p-2"],
      staffIds: [],
      phaseId: "intensive",
    },
    {
      id: "t-1",
      sessionType: "drug-test",
      start: at("2026-03-10", "09:00"),
      end: at("2026-03-10", "09:15"),
      participantIds: ["p-1"],
      staffIds: [],
    },
  ],
  groups: [],
  unschedulable: [],
  shortfalls: [],
} as unknown as Schedule;
const record = {
  sessionId: "s-1",
  participantId: "p-1",
  status: "late",
  minutesAttended: 100,
  lateMinutes: 20,
};
const test = {
  participantId: "p-1",
  collectedAt: "2026-03-10T09:05:00-04:00",
  result: "positive",
  substances: ["opioids"],
  confirmed: true,
  sessionId: "t-1",
};

/** The records of a hostile list that pass the parser. */
function records(x: unknown): AttendanceRecord[] {
  const list = Array.isArray(x) ? (x as unknown[]) : [x];
  return list.flatMap((r) => {
    const p = safeParseAttendanceRecord(r);
    return p.success ? [p.data] : [];
  });
}
const recordLists = fc.array(fc.oneof(mutated(record), fc.constant(record)), { maxLength: 4 });
const options = fc.record({
  asOf: fc.oneof(hostileJson, fc.constantFrom("2026-03-09", "2026-03-31")),
  from: fc.oneof(hostileJson, fc.constant("2026-03-01")),
});
const opt = (x: unknown): { asOf: string; from: string } =>
  (typeof x === "object" && x !== null ? x : {}) as { asOf: string; from: string };

export const entries: FuzzEntry[] = [
  { name: "parseAttendanceRecord", inputs: mutated(record), call: (x) => parseAttendanceRecord(x) },
  {
    name: "safeParseAttendanceRecord",
    inputs: mutated(record),
    call: (x) => safeParseAttendanceRecord(x),
  },
  { name: "parseDrugTestResult", inputs: mutated(test), call: (x) => parseDrugTestResult(x) },
  {
    name: "safeParseDrugTestResult",
    inputs: mutated(test),
    call: (x) => safeParseDrugTestResult(x),
  },
  {
    name: "parseAttendanceRecord → checkAttendance",
    inputs: recordLists,
    call: (x) => checkAttendance({ schedule, attendance: records(x) }),
  },
  {
    name: "parseAttendanceRecord → weeklyCompliance",
    inputs: fc.tuple(recordLists, options),
    call: (x) => {
      const [list, o] = args(x, 2);
      return weeklyCompliance({ program, schedule, attendance: records(list), asOf: opt(o).asOf });
    },
  },
  {
    name: "parseAttendanceRecord → attendanceSummary",
    inputs: fc.tuple(recordLists, options),
    call: (x) => {
      const [list, o] = args(x, 2);
      const { asOf, from } = opt(o);
      return attendanceSummary({ program, schedule, attendance: records(list), asOf, from });
    },
  },
  {
    name: "parseDrugTestResult → drugTestSummary",
    inputs: fc.tuple(fc.array(mutated(test), { maxLength: 3 }), options),
    call: (x) => {
      const [list, o] = args(x, 2);
      const results = (Array.isArray(list) ? (list as unknown[]) : []).flatMap(
        (r): DrugTestResult[] => {
          const p = safeParseDrugTestResult(r);
          return p.success ? [p.data] : [];
        },
      );
      return drugTestSummary({ program, results, asOf: opt(o).asOf });
    },
  },
];
