// The pattern a later change to a stored record kind follows, on a made-up kind ("Visit") that has
// gone through three formats: 1 (no formatVersion), 2 (formatVersion added), 3 (`minutes` renamed
// `durationMinutes`, a new required `mode` filled in, `legacyCode` dropped). A change adds one
// step to the kind's table and its fixtures; parsers, migrateRecord, containers and JSON Schemas
// follow from the same table. The real kinds use the same machinery (src/core/record-format.ts).
import * as classic from "zod";
import * as z from "zod/mini";
import { describe, expect, it } from "vitest";
import { IopError } from "iopkit";
import {
  formatVersionField,
  migrateWith,
  storedRecord,
  versionFieldAdded,
  type MigrationNote,
  type RecordFormat,
} from "../../src/core/record-format";
import { lazySchema, parseWith, safeParseWith, type Schema } from "../../src/core/schema";
import { array, strictObject } from "../../src/core/zod";

/** Format 3 of the made-up kind. */
interface Visit {
  formatVersion: 3;
  id: string;
  durationMinutes: number;
  mode: "in-person" | "telehealth";
}
interface VisitInput extends Omit<Visit, "formatVersion"> {
  formatVersion?: 3 | undefined;
}

const visitFormat: RecordFormat = {
  kind: "Visit",
  version: 3,
  steps: [
    versionFieldAdded,
    {
      from: 2,
      change: "minutes renamed durationMinutes; mode added (in-person); legacyCode dropped",
      upgrade: (record, report) => {
        const { minutes, legacyCode, ...rest } = record;
        report({
          change: "filled",
          path: ["mode"],
          message: "format 2 had no mode: every visit was in person",
          value: "in-person",
        });
        if (legacyCode !== undefined)
          report({
            change: "not-carried-over",
            path: ["legacyCode"],
            message: "format 3 has no legacyCode",
            value: legacyCode,
          });
        return { ...rest, durationMinutes: minutes, mode: "in-person" };
      },
    },
  ],
  nested: [],
};

const Visit: Schema<Visit, VisitInput> = lazySchema(() =>
  storedRecord(
    visitFormat,
    strictObject({
      formatVersion: formatVersionField(3),
      id: z.string(),
      durationMinutes: z.int().check(z.gte(0)),
      mode: z.enum(["in-person", "telehealth"]),
    }),
  ),
);

/** A container kind at format 2 whose visits carry their own format. */
interface Day {
  formatVersion: 2;
  date: string;
  visits: Visit[];
}
interface DayInput extends Omit<Day, "formatVersion" | "visits"> {
  formatVersion?: 2 | undefined;
  visits: VisitInput[];
}
const dayFormat: RecordFormat = {
  kind: "Day",
  version: 2,
  steps: [versionFieldAdded],
  nested: [{ path: ["visits", "*"], format: () => visitFormat }],
};
const Day: Schema<Day, DayInput> = lazySchema(() =>
  storedRecord(
    dayFormat,
    strictObject({ formatVersion: formatVersionField(2), date: z.string(), visits: array(Visit) }),
  ),
);

const v1 = { id: "v-1", minutes: 50 };
const v1Legacy = { id: "v-2", minutes: 30, legacyCode: "X9" };
const v3 = { formatVersion: 3, id: "v-3", durationMinutes: 45, mode: "telehealth" };

describe("a record kind's format steps (the pattern every change follows)", () => {
  it("the parser reads an earlier format and returns the current one when nothing is lost", () => {
    expect(parseWith(Visit, "parseVisit", v1)).toEqual({
      formatVersion: 3,
      id: "v-1",
      durationMinutes: 50,
      mode: "in-person",
    });
    expect(parseWith(Visit, "parseVisit", { formatVersion: 2, ...v1 }).formatVersion).toBe(3);
    expect(parseWith(Visit, "parseVisit", v3)).toEqual(v3);
  });

  it("the parser refuses an upgrade that would lose something, names it and points to migrateRecord", () => {
    const r = safeParseWith(Visit, "parseVisit", v1Legacy);
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.error.issues).toHaveLength(1);
    expect(r.error.issues[0]?.code).toBe("format-upgrade-loses-data");
    expect(r.error.issues[0]?.path).toEqual(["legacyCode"]);
    expect(r.error.issues[0]?.message).toContain('migrateRecord("Visit", record)');
    expect(r.error.issues[0]?.message).not.toContain("X9"); // never the value itself
  });

  it("migrate upgrades it anyway and reports every value filled in and everything not carried over", () => {
    const m = migrateWith(visitFormat, Visit, v1Legacy, "migrateRecord");
    expect(m.from).toBe(1);
    expect(m.to).toBe(3);
    expect(m.record).toEqual({
      formatVersion: 3,
      id: "v-2",
      durationMinutes: 30,
      mode: "in-person",
    });
    expect(m.notes).toEqual<MigrationNote[]>([
      {
        change: "filled",
        path: ["mode"],
        message: "format 2 had no mode: every visit was in person",
        value: "in-person",
      },
      {
        change: "not-carried-over",
        path: ["legacyCode"],
        message: "format 3 has no legacyCode",
        value: "X9",
      },
    ]);
    expect(v1Legacy).toEqual({ id: "v-2", minutes: 30, legacyCode: "X9" }); // the input is untouched
    expect(migrateWith(visitFormat, Visit, v3, "migrateRecord")).toEqual({
      record: v3,
      from: 3,
      to: 3,
      notes: [],
    });
  });

  it("a record of a newer format is refused with a sentence, not misread", () => {
    const r = safeParseWith(Visit, "parseVisit", { ...v3, formatVersion: 4 });
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.error.issues).toEqual([
      {
        code: "invalid-value",
        path: ["formatVersion"],
        message:
          "is format 4; this version of iopkit reads formats 1 to 3: a record written by a newer iopkit needs that version",
      },
    ]);
    expect(() =>
      migrateWith(visitFormat, Visit, { ...v3, formatVersion: 4 }, "migrateRecord"),
    ).toThrow(IopError);
  });

  it("records nested in a container upgrade by their own kind's steps; notes carry their full path", () => {
    const stored = { date: "2026-03-09", visits: [v3, v1] };
    expect(parseWith(Day, "parseDay", stored)).toEqual({
      formatVersion: 2,
      date: "2026-03-09",
      visits: [v3, { formatVersion: 3, id: "v-1", durationMinutes: 50, mode: "in-person" }],
    });
    const lossy = safeParseWith(Day, "parseDay", { date: "2026-03-09", visits: [v1Legacy] });
    expect(lossy.success ? [] : lossy.error.issues.map((i) => [i.code, i.path])).toEqual([
      ["format-upgrade-loses-data", ["visits", 0, "legacyCode"]],
    ]);
    const m = migrateWith(
      dayFormat,
      Day,
      { date: "2026-03-09", visits: [v1, v1Legacy] },
      "migrate",
    );
    expect(m.notes.map((n) => [n.change, n.path])).toEqual([
      ["filled", ["visits", 0, "mode"]],
      ["filled", ["visits", 1, "mode"]],
      ["not-carried-over", ["visits", 1, "legacyCode"]],
    ]);
  });

  it("the current format reads its own output (round trip)", () => {
    const once = parseWith(Day, "parseDay", { date: "2026-03-09", visits: [v1, v3] });
    expect(parseWith(Day, "parseDay", JSON.parse(JSON.stringify(once)))).toEqual(once);
  });

  it("the JSON Schema describes the current format; the container requires its visits", () => {
    const visit = z.toJSONSchema(Visit, { io: "input" }) as {
      properties: Record<string, unknown>;
      required: string[];
    };
    expect(Object.keys(visit.properties)).toEqual([
      "formatVersion",
      "id",
      "durationMinutes",
      "mode",
    ]);
    expect(visit.properties["formatVersion"]).toMatchObject({ const: 3 });
    expect(visit.required).toEqual(["id", "durationMinutes", "mode"]);
    const day = z.toJSONSchema(Day, { io: "input" }) as { required: string[] };
    expect(day.required).toEqual(["date", "visits"]);
  });

  it("apps using classic zod can embed a kind that upgrades, and get the current format", () => {
    const Batch = classic.z.array(Visit);
    expect(Batch.parse([v1, v3])).toEqual([
      { formatVersion: 3, id: "v-1", durationMinutes: 50, mode: "in-person" },
      v3,
    ]);
    expect(Batch.safeParse([v1Legacy]).success).toBe(false);
  });
});
