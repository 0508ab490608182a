// Schedule entries: the record parsers, and planSchedule / checkSchedule / planDrugTests with
// hostile options around valid ones.
import fc from "fast-check";
import {
  checkSchedule,
  parseEnrollment,
  parseSchedule,
  parseStaff,
  planDrugTests,
  planSchedule,
  programTemplates,
  safeParseEnrollment,
  safeParseSchedule,
} from "iopkit";
import type { FuzzEntry } from "../entry";
import { hostileJson, mutated } from "../hostile";

const program = programTemplates.substanceUseAdult({ timeZone: "America/New_York" });
const participant = {
  id: "p-1",
  dateOfBirth: "1990-05-17",
  conditions: [{ kind: "substance-use", severity: "moderate" }],
  dimensions: {
    withdrawal: 1,
    biomedical: 0,
    emotionalBehavioral: 1,
    readiness: 2,
    relapsePotential: 2,
    recoveryEnvironment: 2,
  },
  detox: "completed",
  history: { outpatientEpisodes: 1, relapsesAfterOutpatient: 2, residentialCompleted: false },
  living: "unsupportive-home",
  responsibilities: ["work"],
  unavailable: [{ weekday: 1, from: "08:00", to: "17:00" }],
  familyInvolved: true,
  medications: [{ name: "naltrexone", purpose: "addiction" }],
};
const enrollment = {
  participant,
  start: "2026-10-26",
  track: "evening",
  path: [{ phaseId: "intensive", from: "2026-10-26" }],
};
const staff = {
  id: "t-1",
  roles: ["therapist", "counsellor"],
  availability: [{ weekday: 1, from: "08:00", to: "21:30" }],
  maxGroupSessionsPerWeek: 10,
};
const enrollments = [parseEnrollment(enrollment)];
const staffList = [parseStaff(staff)];
const planned = planSchedule({
  program,
  enrollments,
  staff: staffList,
  from: "2026-10-26",
  weeks: 2,
  seed: 1,
});
const plainSchedule = JSON.parse(JSON.stringify(planned)) as unknown;

export const entries: FuzzEntry[] = [
  { name: "parseEnrollment", inputs: mutated(enrollment), call: (x) => parseEnrollment(x) },
  { name: "safeParseEnrollment", inputs: mutated(enrollment), call: (x) => safeParseEnrollment(x) },
  { name: "parseStaff", inputs: mutated(staff), call: (x) => parseStaff(x) },
  { name: "parseSchedule", inputs: mutated(plainSchedule), call: (x) => parseSchedule(x) },
  {
    name: "parseSchedule → checkSchedule",
    inputs: mutated(plainSchedule),
    call: (x) => {
      const r = safeParseSchedule(x);
      return r.success ? checkSchedule(r.data, { program, enrollments, staff: staffList }) : r;
    },
  },
  {
    name: "planSchedule (options)",
    inputs: fc.record({
      from: fc.oneof(hostileJson, fc.constant("2026-10-26")),
      weeks: fc.oneof(hostileJson, fc.integer({ min: -2, max: 120 })),
      seed: fc.oneof(hostileJson, fc.integer()),
      keepBefore: fc.oneof(hostileJson, fc.constant("2026-11-02")),
    }),
    call: (x) => {
      const o = (typeof x === "object" && x !== null ? x : {}) as {
        from: string;
        weeks: number;
        seed: number;
        keepBefore: string;
      };
      return planSchedule({
        program,
        enrollments,
        staff: staffList,
        from: o.from,
        weeks: o.weeks,
        seed: o.seed,
        keep: { before: o.keepBefore, sessions: planned.sessions },
      });
    },
  },
  {
    name: "planDrugTests",
    inputs: fc.record({
      weeks: fc.oneof(
        hostileJson,
        fc.constant([{ onSiteDays: ["2026-03-02", "2026-03-03"], bounds: { min: 1, max: 2 } }]),
      ),
      seed: fc.oneof(hostileJson, fc.integer()),
      previousTest: fc.oneof(hostileJson, fc.constant("2026-02-27")),
    }),
    call: (x) => {
      const o = (typeof x === "object" && x !== null ? x : {}) as {
        weeks: never;
        seed: number;
        previousTest: string;
      };
      return planDrugTests({
        participantId: "p-1",
        weeks: o.weeks,
        seed: o.seed,
        previousTest: o.previousTest,
        policy: program.drugTestPolicy,
      });
    },
  },
];
