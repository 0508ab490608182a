// iopkit builds its schemas with zod/mini, on first use. An app that uses classic zod
// (`import { z } from "zod"`, one shared copy: zod is a peer dependency) must still be able to
// parse with them, compose them into its own schemas and generate JSON Schemas from them.
import { z } from "zod";
import { describe, expect, it } from "vitest";
import * as iop from "iopkit";
import { zodSchemas } from "./ajv";

const participant = {
  id: "p-1",
  dateOfBirth: "1990-05-17",
  conditions: [{ kind: "substance-use", severity: "moderate" }],
  dimensions: { withdrawal: 1 },
  detox: "not-needed",
  history: { outpatientEpisodes: 0, relapsesAfterOutpatient: 0, residentialCompleted: false },
  living: "supportive-home",
  responsibilities: [],
  unavailable: [],
  familyInvolved: false,
  medications: [],
};
const record = { sessionId: "s-1", participantId: "p-1", status: "present", minutesAttended: 90 };

describe("iopkit's schemas with classic zod", () => {
  it(".parse and .safeParse on an exported schema return iopkit's records", () => {
    expect(iop.Participant.parse(participant)).toEqual(iop.parseParticipant(participant));
    expect(iop.AttendanceRecord.safeParse(record)).toEqual({
      success: true,
      data: { formatVersion: 2, ...record },
    });
    const bad = iop.AttendanceRecord.safeParse({ ...record, minutesAttended: -1 });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => [i.code, i.path])).toEqual([
      ["too_small", ["minutesAttended"]],
    ]);
    expect(() => z.parse(iop.IsoDateSchema, "2026-02-30")).toThrow(z.ZodError);
  });

  it("composes them inside z.object and z.array, with typed output", () => {
    const Import = z.object({
      clinic: z.string(),
      participants: z.array(iop.Participant).max(500),
      attendance: z.array(iop.AttendanceRecord),
      on: iop.IsoDateSchema,
    });
    const out = Import.parse({
      clinic: "Riverside",
      participants: [participant],
      attendance: [record],
      on: "2026-03-09",
    });
    const first: iop.Participant | undefined = out.participants[0];
    expect(first?.formatVersion).toBe(2);
    expect(out.attendance[0]).toEqual({ formatVersion: 2, ...record });
    const r = Import.safeParse({
      clinic: "x",
      participants: [{}],
      attendance: [],
      on: "2026-13-01",
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join("."))).toContain("on");
    expect(r.error?.issues.map((i) => i.path.join("."))).toContain("participants.0.id");
  });

  it.each(iop.recordKinds)("z.toJSONSchema(%s) works and matches jsonSchema's keywords", (kind) => {
    const schema = zodSchemas[kind];
    const classic = z.toJSONSchema(schema, { target: "draft-2020-12", io: "input" });
    const { $schema: _s, $id: _i, title: _t, description: _d, ...ours } = iop.jsonSchema(kind);
    const { $schema: _c, ...theirs } = classic;
    expect(theirs).toEqual(ours);
    // io "output" (zod's default) works too: no part of a schema is a transform.
    expect(() => z.toJSONSchema(schema)).not.toThrow();
  });

  it("a classic schema's refinements and iopkit's schemas mix", () => {
    const Window = z
      .object({ from: iop.IsoDateSchema, to: iop.IsoDateSchema })
      .refine((w) => w.from <= w.to, { message: "to before from" });
    expect(Window.safeParse({ from: "2026-03-09", to: "2026-03-01" }).success).toBe(false);
    expect(Window.parse({ from: "2026-03-01", to: "2026-03-09" })).toEqual({
      from: "2026-03-01",
      to: "2026-03-09",
    });
  });
});
