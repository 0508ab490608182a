// The two-week plan the S17, ledger and billable-day tests count on: a one-phase outpatient
// program with Mon and Wed 09:00–12:00 groups and a weekly 60-min individual (the planner puts it
// on Monday at 12:00). Over 2 weeks p1 has 6 sessions on 4 days, 14 hours; p2 the same.
import { parseAuthorization, type AuthorizationInput, type PlanScheduleOptions } from "iopkit";
import { enrol as enrolHelper, tinyProgram } from "./schedule/stages/helpers";

export const program = tinyProgram("America/New_York");
export const enrol = (id: string) => enrolHelper(id, "2026-03-02");
export const base: PlanScheduleOptions = {
  program,
  enrollments: [enrol("p1"), enrol("p2")],
  from: "2026-03-02",
  weeks: 2,
  seed: 1,
};
export const IDS = {
  mon1: "only.all.g1.20260302.0",
  ind1: "ind.p1.20260302",
  wed1: "only.all.g1.20260304.1",
  mon2: "only.all.g1.20260309.0",
  ind2: "ind.p1.20260309",
  wed2: "only.all.g1.20260311.1",
};

export const auth = (extra: Partial<AuthorizationInput> = {}) =>
  parseAuthorization({
    id: "a1",
    participantId: "p1",
    payer: "Acme Health",
    level: "outpatient",
    from: "2026-03-02",
    to: "2026-03-15",
    ...extra,
  });
