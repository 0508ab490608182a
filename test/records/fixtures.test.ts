// Records written by every released version (test/fixtures/records/<version>/<Kind>.json, captured
// by scripts/capture-record-fixtures.ts) must be read by this version. 0.1.0 records parse as they
// are and nothing in them is lost.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as iop from "iopkit";

const root = join(__dirname, "..", "fixtures", "records");
const versions = readdirSync(root).sort();

/** The validating schema of each stored record kind. */
const schemaOf: {
  readonly [K in iop.JsonSchemaName]: {
    safeParse(x: unknown): { success: boolean; data?: unknown; error?: unknown };
  };
} = {
  Program: iop.Program,
  Participant: iop.Participant,
  Consent: iop.Consent,
  Enrollment: iop.Enrollment,
  Staff: iop.Staff,
  Schedule: iop.Schedule,
  ScheduledSession: iop.ScheduledSession,
  MeasureAdministration: iop.MeasureAdministration,
  DisclosureRequest: iop.DisclosureRequest,
  RedactionPolicy: iop.RedactionPolicy,
  ClinicianOverride: iop.ClinicianOverride,
  EligibilityDecision: iop.EligibilityDecision,
  AftercarePlan: iop.AftercarePlan,
  RelapsePreventionPlan: iop.RelapsePreventionPlan,
  CheckInOutcome: iop.CheckInOutcome,
  AttendanceRecord: iop.AttendanceRecord,
  DrugTestResult: iop.DrugTestResult,
  EpisodeEvent: iop.EpisodeEvent,
  EpisodeLog: iop.EpisodeLog,
};

describe.each(versions)("records written by %s", (version) => {
  it("has a fixture file for every stored record kind", () => {
    const files = readdirSync(join(root, version)).map((f) => f.replace(/\.json$/, ""));
    expect(files.sort()).toEqual([...iop.jsonSchemaNames].sort());
  });

  it.each(iop.jsonSchemaNames)("%s: every record parses, and nothing is lost", (kind) => {
    const records = JSON.parse(
      readFileSync(join(root, version, `${kind}.json`), "utf8"),
    ) as unknown[];
    expect(records.length).toBeGreaterThan(0);
    for (const [i, record] of records.entries()) {
      const r = schemaOf[kind].safeParse(record);
      if (!r.success)
        throw new Error(`${version}/${kind}.json[${i}] does not parse: ${String(r.error)}`);
      expect(JSON.parse(JSON.stringify(r.data))).toEqual(record);
    }
  });
});
