// toFhirBundle, by property, on clinics from the shared arbitraries (iopkit/testing: program,
// participants, schedule, attendanceLog, drugTestResults, episodeEvents, consent,
// measureAdministration): every resource of every bundle passes the R4 validator and the
// terminology check, references resolve, the output is deterministic and leaves its input alone,
// one participant's bundle is exactly the full bundle's resources about them, a transaction is the
// collection with conditional PUTs, and each resource count and status follows from the input.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import {
  isAttended,
  toFhirBundle,
  type DrugTestResult,
  type FhirExportInput,
  type FhirExportResource,
  type ParticipantId,
} from "iopkit";
import { bundleProblems, loadR4, resourcesOf } from "./fhir-check";
import { clinic } from "./fhir-clinic-arb";

beforeAll(loadR4);

const participantsOf = (input: FhirExportInput): ParticipantId[] =>
  (input.enrollments ?? []).map((e) => e.participant.id);

describe("toFhirBundle on generated clinics", () => {
  it("every resource passes the R4 validator and the terminology check; references resolve; nothing is omitted", () => {
    const options = fc.record(
      {
        type: fc.constantFrom("collection" as const, "transaction" as const),
        includePersonalData: fc.boolean(),
        identifierSystems: fc.record(
          {
            participant: fc.constantFrom(
              "https://clinic.example/mrn",
              "urn:oid:2.16.840.1.113883.19.5",
            ),
            session: fc.constant("https://clinic.example/fhir/sessions"),
          },
          { requiredKeys: [] },
        ),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(clinic, options, ({ input, now }, o) => {
        const { bundle, omitted } = toFhirBundle(input, { ...o, now });
        expect(bundleProblems(bundle)).toEqual([]);
        expect(omitted).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it("is deterministic and leaves its input unchanged", () => {
    fc.assert(
      fc.property(clinic, ({ input, now }) => {
        const before = JSON.stringify(input);
        const a = toFhirBundle(input, { now });
        expect(JSON.stringify(input)).toBe(before);
        expect(toFhirBundle(structuredClone(input), { now })).toEqual(a);
        expect(JSON.parse(JSON.stringify(a))).toEqual(a);
      }),
      { numRuns: 40 },
    );
  });

  it("the full bundle is the program's resources, the groups, and each participant's bundle; no participant's bundle names another", () => {
    fc.assert(
      fc.property(clinic, ({ input, now }) => {
        const full = toFhirBundle(input, { now }).bundle;
        const byUrl = new Map((full.entry ?? []).map((e) => [e.fullUrl, e.resource]));
        const covered = new Set<string>();
        const ids = participantsOf(input);
        for (const id of ids) {
          const mine = toFhirBundle(input, { now, scope: { participantId: id } }).bundle;
          const text = JSON.stringify(mine);
          for (const other of ids.filter((o) => o !== id)) {
            expect(text).not.toContain(`"${other}"`);
            expect(text).not.toContain(`/${other}"`);
            expect(text).not.toContain(`"${other}/`);
          }
          expect(resourcesOf(mine, "Group")).toEqual([]);
          for (const e of mine.entry ?? []) {
            expect(e.resource).toEqual(byUrl.get(e.fullUrl));
            covered.add(e.fullUrl ?? "");
          }
        }
        const rest = (full.entry ?? []).filter((e) => !covered.has(e.fullUrl ?? ""));
        for (const e of rest)
          expect(["PlanDefinition", "Group"]).toContain(e.resource?.resourceType);
      }),
      { numRuns: 30 },
    );
  });

  it("a transaction is the collection without ids, each entry a conditional PUT on its identifier", () => {
    fc.assert(
      fc.property(clinic, ({ input, now }) => {
        const c = toFhirBundle(input, { now }).bundle;
        const t = toFhirBundle(input, { now, type: "transaction" }).bundle;
        expect(t.entry?.map((e) => e.fullUrl)).toEqual(c.entry?.map((e) => e.fullUrl));
        (t.entry ?? []).forEach((e, i) => {
          const { id: _id, ...rest } = c.entry?.[i]?.resource as FhirExportResource;
          expect(e.resource).toEqual(rest);
          const ident = e.resource?.identifier?.[0];
          expect(e.request?.method).toBe("PUT");
          expect(e.request?.url).toBe(
            `${e.resource?.resourceType}?identifier=${encodeURIComponent(ident?.system ?? "")}|${encodeURIComponent(ident?.value ?? "")}`,
          );
        });
      }),
      { numRuns: 30 },
    );
  });

  it("counts and statuses follow from the input (an independent reading of the mapping table)", () => {
    fc.assert(
      fc.property(clinic, ({ input, now }) => {
        const b = toFhirBundle(input, { now }).bundle;
        const sessions = input.schedule?.sessions ?? [];
        const records = new Map(
          (input.attendance ?? []).map((r) => [`${r.sessionId}/${r.participantId}`, r]),
        );
        const tests = new Map<string, DrugTestResult>(
          (input.drugTests ?? []).flatMap((t) =>
            t.sessionId === undefined ? [] : [[`${t.sessionId}/${t.participantId}`, t] as const],
          ),
        );
        const seats = sessions.flatMap((s) => s.participantIds.map((p) => `${s.id}/${p}`));
        const appointments = resourcesOf(b, "Appointment");
        expect(appointments.map((a) => a.identifier?.[0]?.value).sort()).toEqual(seats.sort());
        for (const a of appointments) {
          const key = a.identifier?.[0]?.value ?? "";
          const r = records.get(key);
          const t = tests.get(key);
          const expected =
            r === undefined
              ? t === undefined
                ? "booked"
                : t.result === "missed"
                  ? "noshow"
                  : "fulfilled"
              : isAttended(r.status)
                ? "fulfilled"
                : r.status === "absent-excused"
                  ? "cancelled"
                  : "noshow";
          expect(a.status, key).toBe(expected);
        }
        const attended = (input.attendance ?? []).filter((r) => isAttended(r.status));
        expect(resourcesOf(b, "Encounter")).toHaveLength(attended.length);
        for (const e of resourcesOf(b, "Encounter")) expect(e.status).toBe("finished");
        expect(resourcesOf(b, "Observation")).toHaveLength(
          (input.drugTests ?? []).length + (input.measures ?? []).length,
        );
        const episodes = input.episodes ?? [];
        expect(resourcesOf(b, "EpisodeOfCare")).toHaveLength(episodes.length);
        for (const [i, e] of resourcesOf(b, "EpisodeOfCare").entries()) {
          const state = episodes.find(
            (s) => `${s.participantId}/${s.programId}/${s.referredOn}` === e.identifier?.[0]?.value,
          );
          const want = {
            referred: "planned",
            assessed: "planned",
            admitted: "active",
            "in-phase": "active",
            discharged: "finished",
            aftercare: "finished",
          }[state?.status ?? "referred"];
          const admittedEver =
            state !== undefined && state.status !== "referred" && state.status !== "assessed"
              ? state.treatment !== undefined
              : false;
          expect(e.status, String(i)).toBe(
            want === "finished" && !admittedEver ? "cancelled" : want,
          );
          expect(e.statusHistory?.at(-1)?.status).toBe(e.status);
        }
        const admitted = new Set(
          episodes
            .filter(
              (s) =>
                s.status !== "referred" && s.status !== "assessed" && s.treatment !== undefined,
            )
            .map((s) => s.participantId),
        );
        expect(resourcesOf(b, "CarePlan")).toHaveLength(
          admitted.size + participantsOf(input).filter((p) => !admitted.has(p)).length,
        );
        expect(resourcesOf(b, "Consent")).toHaveLength(
          (input.enrollments ?? []).reduce((n, e) => n + e.participant.consents.length, 0),
        );
        expect(resourcesOf(b, "Group")).toHaveLength((input.schedule?.groups ?? []).length);
        expect(resourcesOf(b, "Patient")).toHaveLength(participantsOf(input).length);
      }),
      { numRuns: 60 },
    );
  });
});
