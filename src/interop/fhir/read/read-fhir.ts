/**
 * `readFhir`: FHIR R4 JSON (one resource, or a Bundle) → iopkit records and an import report.
 */
import * as z from "zod/mini";
import { IopError, misuse } from "../../../core/errors";
import { IsoDateSchema, ProgramId } from "../../../core/index";
import { lazyInternal, parseWith } from "../../../core/schema";
import { optional, strictObject } from "../../../core/zod";
import { fhirCodeSystems, fhirIdentifierKinds } from "../fhir-urls";
import {
  encounterMinutes,
  readAppointment,
  readEncounter,
  type FhirAttendance,
} from "./attendance";
import { ReadContext, type ReadFhirOptions } from "./context";
import { readConsent, type FhirConsent } from "./consent";
import { readCoverage, type FhirCoverage } from "./coverage";
import { readEpisodeOfCare, type FhirEpisode } from "./episode";
import { depthOf, fhirReadLimits, limitsOf, type FhirReadLimits } from "./limits";
import { measureCode, type FhirMeasure } from "./measures";
import { isFhirResource, Node } from "./node";
import { readPatient, type FhirPatient } from "./patient";
import { readMeasureObservation, readQuestionnaireResponse } from "./read-measures";
import { Reporter, type FhirReadReport, type FhirRecordKind } from "./report";

/** The records read, by kind, each in input order. */
export interface FhirRecords {
  /** From Patient. */
  readonly patients: FhirPatient[];
  /** From measure Observations (panels, totals) and QuestionnaireResponses. */
  readonly measures: FhirMeasure[];
  /** From Appointment (one per participant) and Encounter. */
  readonly attendance: FhirAttendance[];
  /** From EpisodeOfCare. */
  readonly episodes: FhirEpisode[];
  /** From Consent (Part 2 disclosure consents only; any other is treated as no consent). */
  readonly consents: FhirConsent[];
  /** From Coverage. */
  readonly coverages: FhirCoverage[];
}

/** What {@link readFhir} returns: the records and the import report. */
export interface FhirRead {
  /** The records. */
  readonly records: FhirRecords;
  /** What was read, and every element, code, extension or resource that was not mapped, with why. */
  readonly report: FhirReadReport;
}

/** The schema of {@link ReadFhirOptions}. */
const OptionsSchema = /* @__PURE__ */ lazyInternal(() =>
  strictObject({
    identifierSystems: optional(
      strictObject(
        Object.fromEntries(
          fhirIdentifierKinds.map((k) => [
            k,
            optional(z.string().check(z.minLength(1), z.maxLength(1000))),
          ]),
        ),
      ),
    ),
    programId: optional(ProgramId),
    today: optional(IsoDateSchema),
    limits: optional(z.unknown()),
  }),
);

/** Validated options and limits of a call. @internal */
export function optionsOf(
  context: string,
  options: ReadFhirOptions | undefined,
): { options: ReadFhirOptions; limits: FhirReadLimits } {
  // No options: the defaults, without building and running the options schema (a per-call cost).
  if (options === undefined) return { options: {}, limits: fhirReadLimits };
  const o = parseWith(OptionsSchema, context, options ?? {}) as ReadFhirOptions;
  return { options: o, limits: limitsOf(context, o.limits) };
}

/** Empty record lists. @internal */
export const emptyRecords = (): FhirRecords => ({
  patients: [],
  measures: [],
  attendance: [],
  episodes: [],
  consents: [],
  coverages: [],
});

/** Resource types the readers map. */
const MAPPED: readonly string[] = [
  "Patient",
  "Observation",
  "QuestionnaireResponse",
  "Appointment",
  "Encounter",
  "EpisodeOfCare",
  "Consent",
  "Coverage",
];

/** A resource's path: `Type/id`, or `fallback` when it has no usable id. @internal */
export function resourcePath(value: unknown, fallback: string): string {
  const o = value as Record<string, unknown>;
  const type = o["resourceType"];
  const id = o["id"];
  return typeof type === "string" && typeof id === "string" && /^[A-Za-z0-9\-.]{1,64}$/.test(id)
    ? `${type}/${id}`
    : fallback;
}

/** The root node of a resource, at {@link resourcePath}. */
export function resourceNode(value: unknown, fallback: string, reporter: Reporter): Node {
  return new Node(value, resourcePath(value, fallback), reporter);
}

/**
 * Reads the resources of one input (a Bundle's entries, or one resource) into `into`. Panels and
 * forms go first so that their member Observations and the Encounters of Appointments are not
 * read twice. @internal
 */
export function readResources(
  ctx: ReadContext,
  resources: readonly Node[],
  into: FhirRecords,
): void {
  const r = ctx.reporter;
  const live: Node[] = [];
  for (const n of resources) {
    const type = n.get("resourceType").value;
    if (n.list("modifierExtension").length > 0) {
      n.issue(
        "unknown-modifier-extension",
        "a modifierExtension the readers do not know may change the resource's meaning: skipped",
      );
      continue;
    }
    if (typeof type !== "string" || !MAPPED.includes(type)) {
      n.issue(
        "unsupported-resource",
        `a ${typeof type === "string" ? type : "resource"} is not mapped to an iopkit record: skipped`,
      );
      continue;
    }
    live.push(n);
  }
  const done = (n: Node, kind: FhirRecordKind, count: number): void => r.done(n.path, kind, count);
  const consumed = new Set<Node>();
  // Encounters of Appointments in the input give the seats' minutes.
  const seatMinutes = new Map<Node, Map<string, number>>();
  for (const n of live) {
    if (n.get("resourceType").value !== "Encounter") continue;
    for (const a of n.list("appointment")) {
      const ref = a.get("reference").value;
      const target = typeof ref === "string" ? ctx.resolve(ref, n) : undefined;
      if (target?.get("resourceType").value !== "Appointment") continue;
      consumed.add(n);
      const pid = ctx.participant(n.get("subject"), n);
      const minutes = encounterMinutes(n);
      if (pid === undefined || minutes === undefined) continue;
      const m = seatMinutes.get(target) ?? new Map<string, number>();
      m.set(pid, minutes);
      seatMinutes.set(target, m);
      done(n, "attendance", 1);
    }
  }
  const formInInput = (ref: string, from: Node): boolean =>
    ctx.resolve(ref, from)?.get("resourceType").value === "QuestionnaireResponse";
  for (const n of live) {
    if (n.get("resourceType").value !== "Observation") continue;
    const code = measureCode(n.get("code"));
    if (code?.role !== "panel" && n.list("hasMember").length === 0) continue;
    consumed.add(n);
    const m = readMeasureObservation(ctx, n, consumed, (ref) => formInInput(ref, n));
    if (m !== undefined) {
      into.measures.push(m);
      done(n, "measure", 1);
    }
  }
  for (const n of live) {
    if (consumed.has(n)) continue;
    switch (n.get("resourceType").value) {
      case "Patient": {
        const p = readPatient(ctx, n);
        if (p !== undefined) into.patients.push(p);
        done(n, "patient", p === undefined ? 0 : 1);
        break;
      }
      case "Observation": {
        if (measureCode(n.get("code")) === undefined) {
          const own = n
            .get("code")
            .list("coding")
            .some((c) => c.get("system").value === fhirCodeSystems.drugTest);
          n.get("code").issue(
            own ? "not-mapped" : "unknown-code",
            own
              ? "drug-test results are not read back from FHIR: skipped"
              : "not the code of a measure iopkit scores (PHQ-9, GAD-7, AUDIT-C, DAST-10): skipped",
          );
          break;
        }
        const m = readMeasureObservation(ctx, n, consumed, (ref) => formInInput(ref, n));
        if (m !== undefined) into.measures.push(m);
        done(n, "measure", m === undefined ? 0 : 1);
        break;
      }
      case "QuestionnaireResponse": {
        const status = n.get("status").value;
        if (status === "entered-in-error" || status === "stopped") {
          n.issue("entered-in-error", `a form ${String(status)}: skipped`);
          break;
        }
        const m = readQuestionnaireResponse(ctx, n);
        if (m !== undefined) into.measures.push(m);
        done(n, "measure", m === undefined ? 0 : 1);
        break;
      }
      case "Appointment": {
        const list = readAppointment(ctx, n, seatMinutes.get(n) ?? new Map());
        into.attendance.push(...list);
        done(n, "attendance", list.length);
        break;
      }
      case "Encounter": {
        const a = readEncounter(ctx, n);
        if (a !== undefined) into.attendance.push(a);
        done(n, "attendance", a === undefined ? 0 : 1);
        break;
      }
      case "EpisodeOfCare": {
        const e = readEpisodeOfCare(ctx, n);
        if (e !== undefined) into.episodes.push(e);
        done(n, "episode", e === undefined ? 0 : 1);
        break;
      }
      case "Consent": {
        const c = readConsent(ctx, n);
        if (c !== undefined) into.consents.push(c);
        done(n, "consent", c === undefined ? 0 : 1);
        break;
      }
      default: {
        const c = readCoverage(ctx, n);
        if (c !== undefined) into.coverages.push(c);
        done(n, "coverage", c === undefined ? 0 : 1);
      }
    }
  }
}

/** The resources of a Bundle (or the one resource), indexed in `ctx`. */
function entriesOf(ctx: ReadContext, root: Node, context: string): Node[] {
  const r = ctx.reporter;
  if (root.get("resourceType").value !== "Bundle") {
    ctx.add(root, undefined);
    return [root];
  }
  const type = root.get("type").value;
  if (
    ![
      "collection",
      "searchset",
      "transaction",
      "batch",
      "document",
      "transaction-response",
      "batch-response",
      "history",
    ].includes(String(type))
  )
    root
      .get("type")
      .issue(
        "unknown-code",
        "not a Bundle type the readers know: its entries are read as a collection",
      );
  const raw = root.get("entry").value;
  if (Array.isArray(raw) && raw.length > ctx.limits.maxEntries)
    misuse(
      context,
      "limit-exceeded",
      `a Bundle of at most ${ctx.limits.maxEntries} entries is read at once (got ${raw.length}); read larger exports as NDJSON (readFhirNdjson)`,
      ["entry"],
    );
  const out: Node[] = [];
  root.list("entry").forEach((entry, i) => {
    const method = entry.get("request").get("method").value;
    const mode = entry.get("search").get("mode").value;
    const resource = entry.get("resource").value;
    const at = `Bundle.entry[${i}]`;
    if (method === "DELETE") {
      r.issue("not-mapped", at, "a DELETE request carries no resource: skipped");
      return;
    }
    if (mode === "outcome") {
      r.issue("not-mapped", at, "a search outcome (OperationOutcome), not data: skipped");
      return;
    }
    if (!isFhirResource(resource)) {
      r.issue(
        "invalid-resource",
        `${at}.resource`,
        "not a FHIR resource (an object with a resourceType): skipped",
      );
      return;
    }
    const node = resourceNode(resource, `${at}.resource`, r);
    if (node.get("resourceType").value === "Bundle") {
      node.issue("unsupported-resource", "a Bundle inside a Bundle is not read: skipped");
      return;
    }
    const fullUrl = entry.get("fullUrl").string();
    if (ctx.add(node, fullUrl)) out.push(node);
  });
  return out;
}

/**
 * Reads FHIR R4 JSON — one resource, or a Bundle of type `collection`, `searchset`,
 * `transaction`, `batch` or `document` — into iopkit records and an import report.
 *
 * | FHIR resource | iopkit record |
 * | --- | --- |
 * | Patient | {@link FhirPatient}: the participant fields FHIR holds |
 * | Observation: a PHQ-9, GAD-7, AUDIT-C panel with members or components; a total score (also DAST-10) | {@link FhirMeasure}, re-scored from the items |
 * | QuestionnaireResponse whose linkIds are the instrument's LOINC item codes | {@link FhirMeasure} |
 * | Appointment (each Patient participant), Encounter | {@link FhirAttendance} |
 * | EpisodeOfCare (with the `programId` option) | {@link FhirEpisode}: episode events |
 * | Consent (privacy, permit) | {@link FhirConsent}: a Part 2 consent; any other is **no** consent |
 * | Coverage | {@link FhirCoverage}: payer and plan |
 *
 * **References** are resolved within the input: `#id` among the resource's contained
 * resources, `urn:uuid:` and `urn:oid:` by entry `fullUrl`, absolute URLs by `fullUrl`, relative
 * `Type/id` by type and id. **Participant ids**: a Patient's identifier in the participant
 * system (`identifierSystems.participant`, default iopkit's), else its logical id; a reference to
 * a Patient the input does not hold gives the id of a `Patient/<id>` reference. **Sex** (for
 * AUDIT-C) comes from the Patient's US Core sex or birth-sex extension, never from
 * administrative gender.
 *
 * Every resource, element, code or extension that is not mapped is in `report.issues` with its
 * FHIR path ({@link FhirReadIssue}); nothing is dropped silently. The input is never modified.
 *
 * @param input - parsed JSON (or its text): a resource or a Bundle.
 * @param options - see {@link ReadFhirOptions}.
 * @throws {@link core!IopError | IopError} `invalid-input` when the input is not JSON of a FHIR
 *   resource, `too-deep` when it nests deeper than `maxDepth`, `limit-exceeded` for a Bundle
 *   of more than `maxEntries` entries ({@link fhirReadLimits}), and for invalid options.
 * @example
 * ```ts
 * const { records, report } = readFhir(bundle);
 * for (const m of records.measures) console.log(m.instrument, m.total, m.band?.label);
 * for (const i of report.issues) console.warn(i.code, i.path, i.message);
 * ```
 */
export function readFhir(input: unknown, options?: ReadFhirOptions): FhirRead {
  const context = "readFhir";
  const { options: o, limits } = optionsOf(context, options);
  let value = input;
  if (typeof value === "string") {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      misuse(context, "invalid-input", "the text is not JSON");
    }
  }
  if (typeof value !== "object" || value === null || Array.isArray(value))
    misuse(context, "invalid-input", "expected a FHIR resource (an object with a resourceType)");
  if (depthOf(value, limits.maxDepth) > limits.maxDepth)
    throw new IopError(context, [
      {
        code: "too-deep",
        path: [],
        message: `nested deeper than ${limits.maxDepth} levels (or cyclic)`,
      },
    ]);
  if (typeof (value as Record<string, unknown>)["resourceType"] !== "string")
    misuse(context, "invalid-input", "expected a FHIR resource (an object with a resourceType)", [
      "resourceType",
    ]);
  const reporter = new Reporter();
  const ctx = new ReadContext(reporter, o, limits);
  const root = resourceNode(
    value,
    String((value as Record<string, unknown>)["resourceType"]),
    reporter,
  );
  const records = emptyRecords();
  readResources(ctx, entriesOf(ctx, root, context), records);
  return { records, report: reporter.report() };
}
