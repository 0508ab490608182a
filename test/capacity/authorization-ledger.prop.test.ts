// The ledger and the planner's S17 walk agree: with nothing attended yet (asOf on the window's
// first day), the sessions the ledger warns about are exactly the sessions of the S17 shortfalls,
// and no authorisation is planned beyond its units.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseEnrollment, planSchedule, programTemplates } from "iopkit";
import { authorizationLedger } from "iopkit/capacity";
import { authorizations, participant, staffTeam } from "iopkit/testing";

const program = programTemplates.substanceUseAdult({ timeZone: "America/Chicago" });
const FROM = "2026-10-26";

const planned = fc
  .record({
    people: fc.uniqueArray(
      participant({ ageGroup: "adult", availability: "free", riskProfile: "iop-fit" }),
      { minLength: 1, maxLength: 5, selector: (p) => p.id },
    ),
    staff: staffTeam(program, { perRole: 3 }),
    seed: fc.integer(),
  })
  .chain(({ people, staff, seed }) =>
    authorizations({
      participantIds: people.map((p) => p.id),
      from: FROM,
      weeks: 3,
      levels: ["intensive-outpatient", "outpatient"],
    }).map((auths) => {
      const enrollments = people.map((p) => parseEnrollment({ participant: p, start: FROM }));
      return { input: { program, enrollments, staff, from: FROM, weeks: 3, seed }, auths };
    }),
  );

describe("authorizationLedger properties", () => {
  it("before anything is attended, its warnings name exactly the S17 shortfalls' sessions", () => {
    fc.assert(
      fc.property(planned, ({ input, auths }) => {
        const schedule = planSchedule({ ...input, authorizations: auths });
        const ledger = authorizationLedger({
          program,
          authorizations: auths,
          schedule,
          attendance: [],
          asOf: FROM,
        });
        const fromShortfalls = schedule.shortfalls
          .filter((f) => f.invariant === "S17")
          .flatMap((f) => (f.sessionIds ?? []).map((id) => `${f.participantId}|${id}`))
          .sort();
        const fromLedger = ledger.warnings
          .flatMap((w) => w.sessionIds.map((id) => `${w.participantId}|${id}`))
          .sort();
        expect(fromLedger).toEqual(fromShortfalls);
        expect(ledger.warnings.some((w) => w.code === "served-without-authorization")).toBe(false);
        for (const [i, a] of ledger.accounts.entries()) {
          expect(a.used).toBe(0);
          expect(a.authorizationId).toBe(auths[i]?.id);
          if (a.units !== null) {
            expect(a.planned).toBeLessThanOrEqual(a.units.count + 1e-9);
            expect(a.remainingAfterPlan).toBeCloseTo(a.units.count - a.planned, 6);
          }
        }
      }),
      { numRuns: 25 },
    );
  });
});
