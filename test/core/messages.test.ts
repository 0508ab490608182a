// Every issue iopkit reports has a sentence of its own (zod/mini ships no English text, and an app's
// zod locale plays no part), its kebab-case code and its exact path — and never quotes the value
// it is about: values may be personal data, and messages end up in logs.
import "zod"; // classic zod's English locale is loaded in this process: it must not leak through
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  safeParseAttendanceRecord,
  safeParseEpisodeEvent,
  safeParseParticipant,
  type IopIssue,
} from "iopkit";

const issues = (
  r: { success: true } | { success: false; error: { issues: readonly IopIssue[] } },
) => (r.success ? [] : r.error.issues);

const record = { sessionId: "s-1", participantId: "p-1", status: "present", minutesAttended: 90 };

describe("issue messages", () => {
  it("a wrong type names what was expected and the kind of value found", () => {
    expect(issues(safeParseAttendanceRecord({ ...record, sessionId: 42, note: ["x"] }))).toEqual([
      { code: "invalid-type", path: ["sessionId"], message: "expected a string, got a number" },
      { code: "invalid-type", path: ["note"], message: "expected a string, got a list" },
    ]);
    expect(issues(safeParseAttendanceRecord({ ...record, minutesAttended: 1.5 }))).toEqual([
      {
        code: "invalid-type",
        path: ["minutesAttended"],
        message: "expected a whole number, got a fractional number",
      },
    ]);
    expect(issues(safeParseAttendanceRecord(null))).toEqual([
      { code: "invalid-type", path: [], message: "expected an object, got null" },
    ]);
  });

  it("a missing field says it is required", () => {
    const { status: _s, ...rest } = record;
    expect(issues(safeParseAttendanceRecord(rest))).toEqual([
      {
        code: "invalid-value",
        path: ["status"],
        message:
          'is required: expected one of "present", "late", "left-early", "absent-excused" or "absent-unexcused"',
      },
    ]);
    const { sessionId: _i, ...noId } = record;
    expect(issues(safeParseAttendanceRecord(noId))).toEqual([
      { code: "invalid-type", path: ["sessionId"], message: "is required: expected a string" },
    ]);
  });

  it("limits say the bound, with its unit", () => {
    expect(issues(safeParseAttendanceRecord({ ...record, minutesAttended: 1441 }))).toEqual([
      { code: "too-big", path: ["minutesAttended"], message: "must be at most 1440" },
    ]);
    expect(issues(safeParseAttendanceRecord({ ...record, lateMinutes: -1 }))).toEqual([
      { code: "too-small", path: ["lateMinutes"], message: "must be at least 0" },
    ]);
    expect(issues(safeParseAttendanceRecord({ ...record, note: "x".repeat(10_001) }))).toEqual([
      { code: "too-big", path: ["note"], message: "must be at most 10000 characters long" },
    ]);
  });

  it("a value outside a closed set lists the set; an unknown kind lists the kinds", () => {
    expect(issues(safeParseAttendanceRecord({ ...record, status: "asleep" }))).toEqual([
      {
        code: "invalid-value",
        path: ["status"],
        message:
          'must be one of "present", "late", "left-early", "absent-excused" or "absent-unexcused"',
      },
    ]);
    const r = issues(safeParseEpisodeEvent({ kind: "teleported", on: "2026-03-09" }));
    expect(r).toHaveLength(1);
    expect(r[0]?.code).toBe("invalid-union");
    expect(r[0]?.path).toEqual(["kind"]);
    expect(r[0]?.message).toMatch(/^must be one of "referred", "assessed", .*, …$/);
  });

  it("iopkit's own checks keep their codes and sentences", () => {
    expect(issues(safeParseAttendanceRecord({ ...record, status: "absent-excused" }))).toEqual([
      {
        code: "absent-with-minutes",
        path: ["minutesAttended"],
        message: "an absence has 0 minutes attended, got 90",
      },
    ]);
  });

  it("parsing the same bad record twice reports the same issues (nothing accumulates)", () => {
    const bad = { ...record, participantId: "", lateMinutes: -1 };
    const first = issues(safeParseAttendanceRecord(bad));
    expect(first.map((i) => i.path.join("."))).toEqual([
      "participantId",
      "participantId",
      "lateMinutes",
    ]);
    expect(issues(safeParseAttendanceRecord(bad))).toEqual(first);
    const badDob = { id: "p-1", dateOfBirth: "2026-02-30" };
    const dob = issues(safeParseParticipant(badDob)).find((i) => i.code === "invalid-date");
    expect(dob?.path).toEqual(["dateOfBirth"]);
    expect(issues(safeParseParticipant(badDob)).find((i) => i.code === "invalid-date")).toEqual(
      dob,
    );
  });

  it("never quotes the value it is about", () => {
    const secret = fc.string({ minLength: 6 }).filter((s) => /[A-Za-z]{6}/.test(s));
    fc.assert(
      fc.property(
        secret,
        fc.constantFrom("sessionId", "status", "note", "minutesAttended"),
        (s, key) => {
          const bad = {
            ...record,
            [key]: key === "minutesAttended" ? s : key === "note" ? [s] : `${s} ${s}`,
          };
          for (const i of issues(safeParseAttendanceRecord(bad)))
            expect(i.message).not.toContain(s);
          const p = issues(safeParseParticipant({ id: s, name: 7, phone: s, dateOfBirth: s }));
          for (const i of p) expect(i.message).not.toContain(s);
        },
      ),
    );
  });
});
