import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defineProgram, programIssues, safeDefineProgram } from "iopkit";
import { program } from "iopkit/testing";

describe("program laws", () => {
  it("every generated valid program passes defineProgram, unchanged (idempotent)", () => {
    fc.assert(
      fc.property(program(), (p) => {
        expect(defineProgram(p)).toEqual(p);
      }),
    );
  });

  it("programs survive a JSON round trip", () => {
    fc.assert(
      fc.property(program(), (p) => {
        expect(defineProgram(JSON.parse(JSON.stringify(p)))).toEqual(p);
      }),
    );
  });

  it("programIssues is empty exactly when safeDefineProgram succeeds on a structurally sound program", () => {
    fc.assert(
      fc.property(program(), fc.integer({ min: 0, max: 20 }), (p, extra) => {
        const edited = {
          ...p,
          phases: p.phases.map((ph, i) =>
            i === 0
              ? {
                  ...ph,
                  hoursPerWeek: {
                    min: ph.hoursPerWeek.min + extra,
                    max: ph.hoursPerWeek.max + extra,
                  },
                }
              : ph,
          ),
        };
        const issues = programIssues(edited);
        expect(safeDefineProgram(edited).success).toBe(issues.length === 0);
        if (extra > 0) expect(issues.map((i) => i.code)).toContain("pattern-below-band");
      }),
    );
  });
});
