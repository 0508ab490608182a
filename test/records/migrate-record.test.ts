// migrateRecord and parseRecord on the real record kinds: what they return for each format, and
// how they refuse what is not a record of the kind.
import { describe, expect, it } from "vitest";
import {
  IopError,
  migrateRecord,
  parseEpisodeLog,
  parseRecord,
  recordFormats,
  recordKinds,
  safeMigrateRecord,
  safeParseEpisodeLog,
  safeParseParticipant,
  safeParseRecord,
  type RecordKind,
} from "iopkit";

const participant = {
  id: "p-1",
  dateOfBirth: "1990-05-17",
  conditions: [],
  dimensions: {},
  detox: "not-needed",
  history: { outpatientEpisodes: 0, relapsesAfterOutpatient: 0, residentialCompleted: false },
  living: "supportive-home",
  responsibilities: [],
  unavailable: [],
  familyInvolved: false,
  medications: [],
  consents: [{ id: "c-1" }, { formatVersion: 2, id: "c-2" }],
};

describe("migrateRecord", () => {
  it("upgrades a format-1 record and the records inside it; the 1 → 2 step fills in nothing", () => {
    const m = migrateRecord("Participant", participant);
    expect(m.from).toBe(1);
    expect(m.to).toBe(recordFormats.Participant);
    // Only the consents' own 2 → 3 step fills something: the statements they did not record.
    expect(m.notes.map((n) => [n.change, n.path.join(".")])).toEqual([
      ["filled", "consents.0.statements"],
      ["filled", "consents.1.statements"],
    ]);
    expect(m.record.formatVersion).toBe(2);
    expect(m.record.consents.map((c) => c.formatVersion)).toEqual([3, 3]);
    expect(participant.consents[0]).toEqual({ id: "c-1" }); // never mutated
  });

  it("a record already in the current format comes back equal, from = to", () => {
    const current = parseRecord("Participant", participant);
    expect(migrateRecord("Participant", current)).toEqual({
      record: current,
      from: 2,
      to: 2,
      notes: [],
    });
  });

  it("an episode log's format is its oldest event's", () => {
    const log = [
      {
        formatVersion: 2,
        kind: "referred",
        on: "2026-03-02",
        participantId: "p-1",
        programId: "x",
      },
      { kind: "plan-reviewed", on: "2026-03-09" },
    ];
    const m = migrateRecord("EpisodeLog", log);
    expect([m.from, m.to]).toEqual([1, 2]);
    expect(m.record.map((e) => e.formatVersion)).toEqual([2, 2]);
    expect(parseEpisodeLog(log)).toEqual(m.record);
    expect(migrateRecord("EpisodeLog", []).from).toBe(2);
  });

  it("throws IopError listing every problem when the value is no record of the kind in any format", () => {
    const r = safeMigrateRecord("AttendanceRecord", { sessionId: 1, status: "asleep" });
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.error).toBeInstanceOf(IopError);
    expect(r.error.message).toMatch(/^migrateRecord\("AttendanceRecord"\): 4 problems/);
    expect(r.error.issues.map((i) => [i.code, i.path.join(".")])).toEqual([
      ["invalid-type", "sessionId"],
      ["invalid-type", "participantId"],
      ["invalid-value", "status"],
      ["invalid-type", "minutesAttended"],
    ]);
    expect(() => migrateRecord("Participant", "not a record")).toThrow(IopError);
  });

  it("refuses a format newer than this version reads, at formatVersion", () => {
    const r = safeMigrateRecord("Participant", { ...participant, formatVersion: 3 });
    expect(r.success ? [] : r.error.issues.map((i) => [i.code, i.path.join(".")])).toEqual([
      ["invalid-value", "formatVersion"],
    ]);
    const nested = safeParseParticipant({
      ...participant,
      consents: [{ formatVersion: 9, id: "c" }],
    });
    expect(nested.success ? [] : nested.error.issues.map((i) => i.path.join("."))).toEqual([
      "consents.0.formatVersion",
    ]);
    // Format 1 is "no formatVersion": writing 1 is not a format.
    expect(safeParseRecord("Consent", { formatVersion: 1, id: "c" }).success).toBe(false);
  });

  it("a kind iopkit does not know is a programming error", () => {
    expect(() => migrateRecord("Patient" as RecordKind, {})).toThrow(/unknown-record-kind/);
    expect(() => parseRecord("toString" as RecordKind, {})).toThrow(IopError);
  });
});

describe("parseRecord", () => {
  it("reads each kind as its own parse function does", () => {
    expect(parseRecord("Participant", participant)).toEqual(
      (safeParseParticipant(participant) as { data: unknown }).data,
    );
    const log = [{ kind: "recertified", on: "2026-03-09" }];
    expect(safeParseRecord("EpisodeLog", log)).toEqual(safeParseEpisodeLog(log));
    const r = safeParseRecord("EpisodeLog", [{ kind: "recertified" }]);
    expect(r.success ? "" : r.error.message).toMatch(/^parseRecord\("EpisodeLog"\): 1 problem/);
  });

  it("covers every stored kind", () => {
    for (const kind of recordKinds) expect(safeParseRecord(kind, null).success).toBe(false);
  });
});
