import { z } from "zod";
import { describe, expect, it } from "vitest";
import {
  addDays,
  createRng,
  formatPath,
  IopError,
  participantId,
  ParticipantId,
} from "iopkit/core";
import { planSchedule, programTemplates } from "iopkit";
import { parserFor } from "../../src/core/schema";

describe("IopError", () => {
  it("carries every issue and lists them in its message", () => {
    const e = new IopError("defineProgram", [
      {
        code: "too-small",
        path: ["phases", 0, "hoursPerWeek", "min"],
        message: "must be at least 0",
      },
      { code: "invalid-type", path: [], message: "expected object" },
    ]);
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe("IopError");
    expect(e.issues).toHaveLength(2);
    expect(e.message).toBe(
      "defineProgram: 2 problems\n- phases[0].hoursPerWeek.min: must be at least 0 [too-small]\n- (root): expected object [invalid-type]",
    );
  });

  it("copies the issues it is given", () => {
    const path: (string | number)[] = ["a"];
    const e = new IopError("x", [{ code: "custom", path, message: "m" }]);
    path.push("b");
    expect(e.issues[0]?.path).toEqual(["a"]);
  });

  it("formats paths with dots and brackets", () => {
    expect(formatPath(["phases", 1, "pattern", 0, "start"])).toBe("phases[1].pattern[0].start");
    expect(formatPath([0, "a"])).toBe("[0].a");
  });
});

describe("parse / safeParse pairs", () => {
  const Thing = z
    .strictObject({
      name: z.string(),
      size: z.number().int().min(1),
    })
    .superRefine((v, ctx) => {
      if (v.name === "big" && v.size < 10)
        ctx.addIssue({
          code: "custom",
          path: ["size"],
          message: "big things are ≥ 10",
          params: { code: "too-small-for-big" },
        });
    });
  const thing = parserFor(Thing, "parseThing");

  it("reports every problem with kebab-case codes and paths", () => {
    const r = thing.safeParse({ name: 3, size: 0.5, extra: true });
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.error.issues.map((i) => [i.code, i.path.join(".")])).toEqual([
      ["invalid-type", "name"],
      ["invalid-type", "size"],
      ["unrecognized-keys", "extra"],
    ]);
  });

  it("keeps custom issue codes from refinements", () => {
    const r = thing.safeParse({ name: "big", size: 2 });
    expect(r.success ? [] : r.error.issues).toEqual([
      { code: "too-small-for-big", path: ["size"], message: "big things are ≥ 10" },
    ]);
  });

  it("parse throws what safeParse returns", () => {
    expect(() => thing.parse(null)).toThrow(IopError);
    expect(thing.parse({ name: "x", size: 1 })).toEqual({ name: "x", size: 1 });
  });
});

describe("branded ids", () => {
  it("accept tidy identifiers and reject others with IopError", () => {
    expect(participantId("p-001")).toBe("p-001");
    expect(ParticipantId.safeParse("urn:p.1_2").success).toBe(true);
    for (const bad of ["", " p1", "p 1", "-p", "x".repeat(129), "ünï"])
      expect(() => participantId(bad)).toThrow(IopError);
  });
});

describe("misuse messages describe any value without throwing", () => {
  // Found by the fuzz test with FC_SEED=12: String({ toString: 0 }) throws a TypeError.
  const hostile = [{ toString: 0 }, Object.create(null) as object, [1, 2], "x".repeat(100), 10n];
  it.each(hostile.map((v) => [v]))("%s", (value) => {
    expect(() => createRng(value as never)).toThrow(IopError);
    expect(() => addDays("2026-01-01", value as never)).toThrow(IopError);
    expect(() =>
      planSchedule({
        program: programTemplates.substanceUseAdult({ timeZone: "UTC" }),
        enrollments: [],
        from: "2026-01-05",
        weeks: value as never,
        seed: 1,
      }),
    ).toThrow(IopError);
  });
  it("describes a string by its length and never quotes it (it may be personal data)", () => {
    try {
      addDays("2026-01-01", "Alex Rivera" as never);
    } catch (e) {
      expect((e as IopError).issues).toEqual([
        {
          code: "invalid-days",
          path: [],
          message: "days must be a safe integer, got a string of 11 characters",
        },
      ]);
      expect((e as IopError).message).not.toContain("Alex");
    }
    expect.assertions(2);
  });
});
