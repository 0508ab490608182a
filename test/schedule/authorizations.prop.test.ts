// S17 as properties: authorisations never change what is planned, only what is reported; the
// planner's S17 shortfalls are exactly what checkSchedule needs; and without units, a seat is
// reported exactly when no authorisation of its participant holds its day at its level.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checkSchedule,
  instantToZoned,
  parseAuthorization,
  parseEnrollment,
  planSchedule,
  programTemplates,
  type Authorization,
  type PlanScheduleOptions,
} from "iopkit";
import { authorizations, participant, staffTeam } from "iopkit/testing";

const program = programTemplates.substanceUseAdult({ timeZone: "America/New_York" });
const FROM = "2026-10-26";

const planned = fc
  .record({
    people: fc.uniqueArray(
      participant({ ageGroup: "adult", availability: "free", riskProfile: "iop-fit" }),
      { minLength: 1, maxLength: 6, selector: (p) => p.id },
    ),
    staff: staffTeam(program, { perRole: 3 }),
    seed: fc.integer(),
  })
  .chain(({ people, staff, seed }) => {
    const enrollments = people.map((p) => parseEnrollment({ participant: p, start: FROM }));
    const input: PlanScheduleOptions = { program, enrollments, staff, from: FROM, weeks: 3, seed };
    return authorizations({
      participantIds: people.map((p) => p.id),
      from: FROM,
      weeks: 3,
      levels: ["intensive-outpatient", "outpatient"],
    }).map((auths) => ({ input, auths }));
  });

describe("S17 properties", () => {
  it("the arbitrary's records all parse", () => {
    fc.assert(
      fc.property(planned, ({ auths }) => {
        for (const a of auths) expect(parseAuthorization(a)).toEqual(a);
      }),
      { numRuns: 30 },
    );
  });

  it("authorisations change only the shortfalls, and the plan passes checkSchedule with them", () => {
    fc.assert(
      fc.property(planned, ({ input, auths }) => {
        const plain = planSchedule(input);
        const judged = planSchedule({ ...input, authorizations: auths });
        expect(judged.sessions).toEqual(plain.sessions);
        expect(judged.groups).toEqual(plain.groups);
        expect(judged.shortfalls.filter((f) => f.invariant !== "S17")).toEqual(plain.shortfalls);
        expect(checkSchedule(judged, { ...input, authorizations: auths })).toEqual(
          checkSchedule(plain, input),
        );
        const authorised = new Set(auths.map((a) => a.participantId));
        for (const f of judged.shortfalls)
          if (f.invariant === "S17") expect(authorised.has(f.participantId)).toBe(true);
      }),
      { numRuns: 25 },
    );
  });

  it("dropping an S17 shortfall makes checkSchedule report exactly its sessions", () => {
    fc.assert(
      fc.property(planned, fc.nat(), ({ input, auths }, pick) => {
        const judged = planSchedule({ ...input, authorizations: auths });
        const s17 = judged.shortfalls.filter((f) => f.invariant === "S17");
        fc.pre(s17.length > 0);
        const dropped = s17[pick % s17.length];
        const without = { ...judged, shortfalls: judged.shortfalls.filter((f) => f !== dropped) };
        const violations = checkSchedule(without, { ...input, authorizations: auths }).filter(
          (v) => v.code === "S17",
        );
        expect(violations.map((v) => [v.participantId, v.sessionIds[0]])).toEqual(
          (dropped?.sessionIds ?? []).map((id) => [dropped?.participantId, id]),
        );
      }),
      { numRuns: 25 },
    );
  });

  it("without units, a seat is reported exactly when no authorisation holds its day at its level", () => {
    const levelOf = (phaseId: string | undefined) =>
      program.phases.find((p) => p.id === phaseId)?.levelOfCare ?? program.levelOfCare;
    fc.assert(
      fc.property(planned, ({ input, auths }) => {
        const dated: Authorization[] = auths.map(({ units: _u, ...a }) => a);
        const judged = planSchedule({ ...input, authorizations: dated });
        const reported = new Set(
          judged.shortfalls
            .filter((f) => f.invariant === "S17")
            .flatMap((f) => (f.sessionIds ?? []).map((id) => `${f.participantId}|${id}`)),
        );
        const expected = new Set<string>();
        for (const s of judged.sessions) {
          const day = instantToZoned(s.start, program.timeZone).date;
          for (const p of s.participantIds) {
            const mine = dated.filter((a) => a.participantId === p);
            if (mine.length === 0) continue;
            const ok = mine.some(
              (a) => a.from <= day && day <= a.to && a.level === levelOf(s.phaseId),
            );
            if (!ok) expected.add(`${p}|${s.id}`);
          }
        }
        expect([...reported].sort()).toEqual([...expected].sort());
      }),
      { numRuns: 25 },
    );
  });
});
