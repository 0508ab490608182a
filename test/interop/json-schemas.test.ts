// jsonSchemas, by example: every record's schema is draft 2020-12, compiles in ajv's strict mode,
// carries its canonical $id, title and description; the files the build ships match; and the rules
// that only the parse… functions enforce (zod refinements) are the documented ones.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  IopError,
  jsonSchema,
  jsonSchemaNames,
  jsonSchemas,
  programTemplates,
  recordFormats,
  schemaBaseUrl,
  canonicalBaseUrl,
  type JsonSchemaName,
} from "iopkit";
import * as interop from "iopkit/interop";
import { schemaFiles } from "../../scripts/write-schemas.mjs";
import { makeAjv, schemaValidator, zodSchemas } from "./ajv";

describe("jsonSchemas", () => {
  it("has one schema per record, in the order of jsonSchemaNames, each a getter", () => {
    expect(Object.keys(jsonSchemas)).toEqual(jsonSchemaNames);
    expect(Object.keys(zodSchemas).sort()).toEqual([...jsonSchemaNames].sort());
    for (const name of jsonSchemaNames) {
      expect(jsonSchemas[name]).toEqual(jsonSchema(name));
      expect(jsonSchemas[name]).not.toBe(jsonSchemas[name]); // built on each read, never shared
    }
  });

  it.each(jsonSchemaNames)(
    "%s: draft 2020-12 with $id, title and description; compiles in ajv strict mode",
    (name) => {
      const schema = jsonSchema(name);
      expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
      expect(schema.$id).toMatch(
        /^https:\/\/iopkit\.dev\/schemas\/v[0-9]+\/[a-z]+(-[a-z]+)*\.schema\.json$/,
      );
      // The format is in the $id and in the record's own formatVersion (optional: absent = 1).
      expect(schema.$id).toContain(`/v${recordFormats[name]}/`);
      const one = (schema["items"] as Record<string, unknown> | undefined) ?? schema;
      const variants = (one["oneOf"] as Record<string, unknown>[] | undefined) ?? [one];
      for (const v of variants) {
        const props = v["properties"] as Record<string, unknown>;
        expect(props["formatVersion"]).toMatchObject({ const: recordFormats[name] });
        expect((v["required"] as string[] | undefined) ?? []).not.toContain("formatVersion");
      }
      expect(schema.$id.startsWith(schemaBaseUrl)).toBe(true);
      expect(schema.title).toBe(name);
      expect(schema.description.length).toBeGreaterThan(20);
      // A record is an object with no unknown keys; a union (EpisodeEvent) is one of such
      // objects; a log (EpisodeLog) is a list of such records.
      const items = schema["items"] as Record<string, unknown> | undefined;
      const record = schema["type"] === "array" && items !== undefined ? items : schema;
      const branches = (record["oneOf"] as Record<string, unknown>[] | undefined) ?? [record];
      expect(branches.length).toBeGreaterThan(0);
      for (const b of branches) {
        expect(b["type"]).toBe("object");
        expect(b["additionalProperties"]).toBe(false);
      }
      expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
      expect(() => makeAjv().compile(schema)).not.toThrow();
    },
  );

  it("names the files after the records in kebab case under one canonical base", () => {
    expect(schemaBaseUrl).toBe(`${canonicalBaseUrl}/schemas/`);
    expect(jsonSchema("MeasureAdministration").$id).toBe(
      "https://iopkit.dev/schemas/v2/measure-administration.schema.json",
    );
    const files = schemaFiles(interop);
    expect(files.map((f) => f.name)).toEqual(jsonSchemaNames);
    expect(new Set(files.map((f) => f.file)).size).toBe(files.length);
    for (const f of files) {
      expect(f.file).toMatch(/^[a-z-]+\.schema\.json$/);
      expect(jsonSchema(f.name as JsonSchemaName).$id.endsWith(`/${f.file}`)).toBe(true);
      expect(JSON.parse(f.text)).toEqual(jsonSchema(f.name as JsonSchemaName));
    }
  });

  it("the package exports the files as iopkit/schemas/*", () => {
    const pkg = JSON.parse(readFileSync("package.json", "utf8")) as {
      exports: Record<string, unknown>;
    };
    expect(pkg.exports["./schemas/*"]).toBe("./dist/schemas/*");
  });

  it("throws IopError for a name it does not know", () => {
    expect(() => jsonSchema("Nope" as JsonSchemaName)).toThrow(IopError);
    expect(() => jsonSchema("toString" as JsonSchemaName)).toThrow(/unknown-schema|not a record/);
  });

  it("accepts the program templates, as defineProgram does", () => {
    const validate = makeAjv().compile(jsonSchema("Program"));
    for (const template of Object.values(programTemplates)) {
      const program: unknown = JSON.parse(JSON.stringify(template({ timeZone: "Asia/Kolkata" })));
      expect(validate(program), JSON.stringify(validate.errors)).toBe(true);
    }
  });
});

/** zod's verdict, and the codes of its issues. */
function zodCodes(name: JsonSchemaName, value: unknown): string[] {
  const r = zodSchemas[name].safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => i.code);
}

describe("rules only the parse… functions enforce (zod refinements; documented in jsonSchema's TSDoc)", () => {
  const accepts = schemaValidator();

  it("Staff: an availability block that ends before it starts", () => {
    const staff = {
      id: "s-1",
      roles: ["therapist"],
      availability: [{ weekday: 1, from: "17:00", to: "09:00" }],
    };
    expect(accepts("Staff", staff)).toBe(true);
    expect(zodCodes("Staff", staff)).toEqual(["custom"]);
  });

  it("Enrollment: ends before it starts; RedactionPolicy: shift without shiftDays", () => {
    const participant = {
      id: "p-1",
      dateOfBirth: "1990-01-01",
      conditions: [],
      dimensions: {},
      detox: "not-needed",
      history: { outpatientEpisodes: 0, relapsesAfterOutpatient: 0, residentialCompleted: false },
      living: "supportive-home",
      responsibilities: [],
      unavailable: [],
      familyInvolved: false,
      medications: [],
    };
    const enrollment = { participant, start: "2026-03-09", end: "2026-03-01" };
    expect(zodCodes("Participant", participant)).toEqual([]);
    expect(accepts("Enrollment", enrollment)).toBe(true);
    expect(zodCodes("Enrollment", enrollment)).toEqual(["custom"]);
    expect(accepts("RedactionPolicy", { dates: "shift" })).toBe(true);
    expect(zodCodes("RedactionPolicy", { dates: "shift" })).toEqual(["custom"]);
  });

  it("time zones unknown to the runtime, and a blank override reason (zod trims first)", () => {
    const program: unknown = JSON.parse(
      JSON.stringify(programTemplates.substanceUseAdult({ timeZone: "America/New_York" })),
    );
    Object.assign(program as object, { timeZone: "Mars/Olympus_Mons" });
    expect(accepts("Program", program)).toBe(true);
    expect(zodCodes("Program", program)).toEqual(["custom"]);
    const override = { outcome: "admit", reason: "   ", clinician: "Dr. Lee" };
    expect(accepts("ClinicianOverride", override)).toBe(true);
    expect(zodCodes("ClinicianOverride", override)).toEqual(["too_small"]);
  });

  it("MeasureAdministration: answers are checked against the instrument only by zod", () => {
    const admin = { instrument: "phq-9", administeredOn: "2026-03-09", answers: [7] };
    expect(accepts("MeasureAdministration", admin)).toBe(true);
    expect(zodCodes("MeasureAdministration", admin).every((c) => c === "custom")).toBe(true);
    expect(zodCodes("MeasureAdministration", admin).length).toBeGreaterThan(0);
  });

  it("AttendanceRecord, DrugTestResult, EpisodeEvent and EpisodeLog: their refinements", () => {
    const absent = {
      sessionId: "s-1",
      participantId: "p-1",
      status: "absent-unexcused",
      minutesAttended: 30,
    };
    expect(accepts("AttendanceRecord", absent)).toBe(true);
    expect(zodCodes("AttendanceRecord", absent)).toEqual(["custom"]);
    const test = {
      participantId: "p-1",
      collectedAt: "2026-03-10T09:05:00-04:00",
      result: "negative",
      substances: ["opioids"],
      confirmed: true,
    };
    expect(accepts("DrugTestResult", test)).toBe(true);
    expect(zodCodes("DrugTestResult", test)).toEqual(["custom", "custom"]);
    const authorised = {
      kind: "level-of-care-authorised",
      on: "2026-03-09",
      level: "intensive-outpatient",
      from: "2026-03-09",
      to: "2026-03-01",
    };
    expect(accepts("EpisodeEvent", authorised)).toBe(true);
    expect(zodCodes("EpisodeEvent", authorised)).toEqual(["custom"]);
    expect(accepts("EpisodeLog", [authorised])).toBe(true);
    expect(zodCodes("EpisodeLog", [authorised])).toEqual(["custom"]);
    // The discriminator is structural: an unknown kind fails both.
    expect(accepts("EpisodeEvent", { ...authorised, kind: "teleported" })).toBe(false);
    expect(zodCodes("EpisodeEvent", { ...authorised, kind: "teleported" })).not.toEqual([]);
  });

  it("Program: a phase's pattern outside its hours band (programIssues)", () => {
    const program = JSON.parse(
      JSON.stringify(programTemplates.substanceUseAdult({ timeZone: "America/New_York" })),
    ) as {
      phases: { hoursPerWeek: { min: number; max: number } }[];
    };
    const phase = program.phases[0];
    if (phase === undefined) throw new Error("template without phases");
    phase.hoursPerWeek = { min: 1, max: 2 };
    expect(accepts("Program", program)).toBe(true);
    expect(zodCodes("Program", program).every((c) => c === "custom")).toBe(true);
    expect(zodCodes("Program", program).length).toBeGreaterThan(0);
  });
});
