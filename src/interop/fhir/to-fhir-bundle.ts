/**
 * `toFhirBundle`: a program and what happened in it as one FHIR R4 Bundle — Patient,
 * PlanDefinition, EpisodeOfCare, CarePlan, Group, Appointment, Encounter, Observation and Consent
 * resources — with stable ids and full URLs, Part 2 security labels, and a list of every input
 * record that no resource stands for.
 */
import type {
  Appointment,
  Bundle,
  BundleEntry,
  CarePlan,
  Consent,
  Encounter,
  EpisodeOfCare,
  Group as FhirGroup,
  Observation,
  Patient,
  PlanDefinition,
} from "@medplum/fhirtypes";
import * as z from "zod/mini";
import { optional, strictObject } from "../../core/zod";
import { misuse } from "../../core/errors";
import {
  createZoneClock,
  fromEpochDay,
  InstantSchema,
  ParticipantId,
  toEpochMs,
  type Instant,
  type IsoDate,
} from "../../core/index";
import { lazyInternal, parseWith } from "../../core/schema";
import { isAttended, type AttendanceRecord, type DrugTestResult } from "../../attendance/index";
import type { EpisodeState } from "../../episode/index";
import type { Participant } from "../../participant/index";
import type { Program } from "../../program/index";
import type { Enrollment, Group, ScheduledSession } from "../../schedule/index";
import { appointmentDraft, seatKey } from "./appointment";
import { enrollmentCarePlanDraft, episodeCarePlanDraft } from "./care-plan";
import { part2SecurityLabels } from "./codings";
import { consentDraft } from "./consent";
import { DraftList, FhirContext, type Draft } from "./context";
import type { FhirOmission } from "./fhir-omission";
import { encounterDraft } from "./encounter";
import { episodeKey, episodeOfCareDraft, treatmentOf } from "./episode-of-care";
import { fhirIdentifierKinds, type FhirIdentifierKind } from "./fhir-urls";
import { groupDraft } from "./group";
import { drugTestDraft, measureDraft, type ScoredMeasure } from "./observation";
import { patientDraft } from "./patient";
import { planDefinitionDraft } from "./plan-definition";
import { isUnannouncedTest, type ExportAudience } from "../audience";

/** Every resource type `toFhirBundle` writes. */
export type FhirExportResource =
  | Patient
  | PlanDefinition
  | EpisodeOfCare
  | CarePlan
  | FhirGroup
  | Appointment
  | Encounter
  | Observation
  | Consent;

/** The sessions and group rosters to export: a `Schedule`, or any object with its two lists. */
export interface FhirScheduleInput {
  /** Dated sessions: an Appointment per participant of each. */
  readonly sessions: readonly ScheduledSession[];
  /** Group rosters: a Group each. */
  readonly groups?: readonly Group[];
}

/** What {@link toFhirBundle} exports: typed records (not re-validated), all optional but the program. */
export interface FhirExportInput {
  /** The program: a PlanDefinition, and the context of everything else (zone, phases, level). */
  readonly program: Program;
  /** Participants: a Patient each, and a Consent per Part 2 consent they hold. */
  readonly participants?: readonly Participant[];
  /**
   * Enrolments: their participants count as given (a Patient each, their consents), and a
   * CarePlan from the planned path for each participant without an admitted episode here.
   */
  readonly enrollments?: readonly Enrollment[];
  /** Sessions (Appointments) and group rosters (Groups). */
  readonly schedule?: FhirScheduleInput;
  /** Attendance: sets each Appointment's status; an Encounter per attended seat. */
  readonly attendance?: readonly AttendanceRecord[];
  /** Drug-test results: an Observation each (category laboratory). */
  readonly drugTests?: readonly DrugTestResult[];
  /** Measure scores: an Observation each (category survey). */
  readonly measures?: readonly ScoredMeasure[];
  /** Episode states (`replayEpisode`): an EpisodeOfCare each, and a CarePlan once admitted. */
  readonly episodes?: readonly EpisodeState[];
}

/** `collection` (a snapshot) or `transaction` (to POST to a FHIR server's base URL). */
export type FhirBundleType = "collection" | "transaction";

/** Options of {@link toFhirBundle}; validated, every problem reported at once. */
export interface ToFhirBundleOptions {
  /** When the bundle is made: `Bundle.timestamp`, every `meta.lastUpdated`, and "today" for statuses. */
  readonly now: Instant;
  /**
   * The bundle's type: `transaction` gives each entry a conditional-update `request` and leaves
   * resource ids out. @defaultValue `"collection"`
   */
  readonly type?: FhirBundleType;
  /** Only this participant's resources (and the program's PlanDefinition; no Groups). @defaultValue everyone */
  readonly scope?: { readonly participantId: ParticipantId };
  /**
   * Your identifier systems (absolute URIs), by kind: e.g. `{ participant: "https://clinic.example/mrn" }`.
   * @defaultValue `https://iopkit.dev/fhir/identifier/<kind>` ({@link fhirIdentifierSystems})
   */
  readonly identifierSystems?: { readonly [K in FhirIdentifierKind]?: string };
  /**
   * Put personal data on Patient: full birth date, name, phone, email, address. Off, a Patient
   * has its identifier and birth year only. @defaultValue false
   */
  readonly includePersonalData?: boolean;
  /**
   * Who reads the bundle. `"participant"` (a patient portal, the participant's own app): the
   * Appointment of a drug-test session that has not ended by `now` is left out and listed in
   * {@link FhirExport.omitted} (`future-drug-test`), so no test is announced; results of past tests
   * stay. `"staff"`: every Appointment. @defaultValue `"staff"`
   */
  readonly audience?: ExportAudience;
}

/** The bundle and the records left out of it. */
export interface FhirExport {
  /** The FHIR R4 Bundle. */
  readonly bundle: Bundle<FhirExportResource>;
  /** Every input record no resource stands for, with why; empty for consistent input. */
  readonly omitted: readonly FhirOmission[];
}

/** The schema of {@link ToFhirBundleOptions}, built when first needed. */
const OptionsSchema = /* @__PURE__ */ lazyInternal(() => {
  const identifierSystem = z
    .string()
    .check(
      z.maxLength(1000),
      z.regex(
        /^[A-Za-z][A-Za-z0-9+.-]*:[^\s|]+$/,
        "must be an absolute URI without spaces or '|', e.g. https://clinic.example/fhir/mrn",
      ),
    );
  return strictObject({
    now: InstantSchema,
    type: optional(z.enum(["collection", "transaction"])),
    scope: optional(strictObject({ participantId: ParticipantId })),
    // A strict object, not a record: zod's records skip a "__proto__" key without an issue.
    identifierSystems: optional(
      strictObject(
        Object.fromEntries(fhirIdentifierKinds.map((k) => [k, optional(identifierSystem)])),
      ),
    ),
    includePersonalData: optional(z.boolean()),
    audience: optional(z.enum(["participant", "staff"])),
  });
});

/** Entry order: by resource type, then by each draft's sort key. */
const ORDER: readonly FhirExportResource["resourceType"][] = [
  "PlanDefinition",
  "Patient",
  "Group",
  "EpisodeOfCare",
  "CarePlan",
  "Consent",
  "Appointment",
  "Encounter",
  "Observation",
];

/** An episode's treatment span, for linking Encounters. */
interface EpisodeSpan {
  readonly urn: string;
  readonly from: IsoDate;
  readonly to: IsoDate | undefined;
}

/**
 * A FHIR R4 Bundle of a program, or of one participant in it (`scope`), and the input records no
 * resource stands for.
 *
 * | iopkit record | FHIR resource |
 * | --- | --- |
 * | program | PlanDefinition (phases as actions, weekly sessions as sub-actions) |
 * | participant (from `participants`, `enrollments`, or only named in a record) | Patient |
 * | episode state | EpisodeOfCare (status history per phase), and a CarePlan once admitted |
 * | enrolment without an admitted episode | CarePlan from the planned path |
 * | group roster | Group |
 * | session × participant | Appointment (status from attendance or the drug test) |
 * | attended seat | Encounter |
 * | drug-test result, measure score | Observation (laboratory, survey) |
 * | Part 2 consent | Consent |
 *
 * **Ids**: every resource's primary identifier is an iopkit id under a system per kind
 * ({@link fhirIdentifierSystems}, or `identifierSystems`); its id is {@link fhirResourceId} of that
 * identifier and its `fullUrl` `urn:uuid:<id>`, and resources reference each other by those URNs
 * (staff, and Appointments' groups, by identifier). The same input and `now` give the same bundle,
 * entries in a fixed order. A `collection` sets `resource.id`; a `transaction` leaves it out and
 * gives each entry `request: { method: "PUT", url: "<Type>?identifier=<system>|<value>" }`
 * (conditional update, URL-encoded), so posting it twice updates instead of duplicating.
 *
 * **Privacy**: resources with substance-use-disorder information — every participant resource of
 * a program serving substance use, and in any program drug tests, AUDIT-C/DAST-10/BAM scores,
 * drug-test sessions and consents — carry `meta.security` `R`, `ETH`, `42CFRPart2` and
 * `NORDSCLCD`. A Patient holds only its identifier and birth year unless `includePersonalData`.
 *
 * **Not exported** (iopkit keeps them; they have no FHIR resource here): the participant's
 * clinical profile (conditions, dimensions, history, living, medications, notes, sex), measure
 * answers and item scores, episode reviews, relapses, authorisations and aftercare start, the
 * program's policies (capacity, absences, reviews, closures, hours, per-diem rule), the
 * schedule's planner bookkeeping (`unschedulable`, `shortfalls`, tracks, pattern entries, make-ups),
 * a consent's `patientName` (the Patient's name, with `includePersonalData`, is the
 * participant's). Records that should map
 * but cannot are listed in {@link FhirExport.omitted}.
 *
 * @param input - typed records (from the `parse…` functions, the planner, `replayEpisode`…); not
 *   re-validated.
 * @param options - see {@link ToFhirBundleOptions}; invalid options throw
 *   {@link core!IopError | IopError} listing every problem.
 * @example
 * ```ts
 * const { bundle, omitted } = toFhirBundle(
 *   { program, participants, schedule, attendance, episodes },
 *   { now: "2026-04-01T12:00:00Z", type: "transaction" },
 * );
 * await fetch(`${fhirBase}/`, { method: "POST", body: JSON.stringify(bundle) });
 * ```
 */
export function toFhirBundle(input: FhirExportInput, options: ToFhirBundleOptions): FhirExport {
  const o = parseWith(OptionsSchema, "toFhirBundle", options) as ToFhirBundleOptions;
  if (
    typeof input !== "object" ||
    input === null ||
    typeof input.program !== "object" ||
    input.program === null
  )
    misuse("toFhirBundle", "invalid-input", "input.program is required", ["input", "program"]);
  const program = input.program;
  const clock = createZoneClock(program.timeZone);
  const nowMs = toEpochMs(o.now);
  const ctx = new FhirContext(
    program,
    clock,
    fromEpochDay(clock.localDayOf(nowMs)),
    o.identifierSystems ?? {},
    program.conditionsServed.includes("substance-use"),
  );
  const now = ctx.instant(o.now);
  const who = o.scope?.participantId;
  const participantFacing = o.audience === "participant";
  const mine = (id: ParticipantId): boolean => who === undefined || id === who;
  const list = new DraftList(ctx);
  list.add(planDefinitionDraft(ctx), ["program"]);

  // Participants: the list first, then enrolments' participants not seen yet.
  const people = new Map<string, Participant>();
  (input.participants ?? []).forEach((p, i) => {
    if (!mine(p.id)) return;
    if (people.has(p.id))
      ctx.omit(
        "duplicate",
        ["participants", i],
        "this participant is listed earlier in the list",
        p.id,
      );
    else {
      people.set(p.id, p);
      p.consents.forEach((c, j) =>
        list.add(consentDraft(ctx, p.id, c), ["participants", i, "consents", j], p.id),
      );
    }
  });
  (input.enrollments ?? []).forEach((e, i) => {
    const p = e.participant;
    if (!mine(p.id) || people.has(p.id)) return;
    people.set(p.id, p);
    p.consents.forEach((c, j) =>
      list.add(consentDraft(ctx, p.id, c), ["enrollments", i, "participant", "consents", j], p.id),
    );
  });

  // Episodes, and a CarePlan for each admitted one.
  const tracks = new Map<string, string | undefined>();
  for (const e of input.enrollments ?? [])
    if (!tracks.has(e.participant.id)) tracks.set(e.participant.id, e.track);
  const spans = new Map<string, EpisodeSpan[]>();
  const admitted = new Set<string>();
  (input.episodes ?? []).forEach((state, i) => {
    const pid = state.participantId;
    if (!mine(pid)) return;
    if (state.programId !== program.id) {
      ctx.omit(
        "other-program",
        ["episodes", i],
        `episode ${episodeKey(state)} is of program ${state.programId}, not ${program.id}`,
        pid,
      );
      return;
    }
    if (!list.add(episodeOfCareDraft(ctx, state), ["episodes", i], pid)) return;
    const plan = episodeCarePlanDraft(ctx, state, tracks.get(pid));
    const treatment = treatmentOf(state);
    if (plan === undefined || treatment === undefined) return;
    list.add(plan, ["episodes", i], pid);
    admitted.add(pid);
    const discharge =
      state.status === "discharged" || state.status === "aftercare" ? state.discharge : undefined;
    const own = spans.get(pid) ?? [];
    own.push({
      urn: ctx.urn("EpisodeOfCare", "episode", episodeKey(state)),
      from: treatment.admission.on,
      to: discharge?.on,
    });
    spans.set(pid, own);
  });
  (input.enrollments ?? []).forEach((e, i) => {
    const pid = e.participant.id;
    if (mine(pid) && !admitted.has(pid))
      list.add(enrollmentCarePlanDraft(ctx, e), ["enrollments", i], pid);
  });

  // Groups: shared rosters, so not in one participant's bundle.
  if (who === undefined)
    (input.schedule?.groups ?? []).forEach((g, i) =>
      list.add(groupDraft(ctx, g), ["schedule", "groups", i]),
    );

  // Sessions, attendance and drug tests by seat.
  const sessions = new Map<string, { readonly s: ScheduledSession; readonly i: number }>();
  (input.schedule?.sessions ?? []).forEach((s, i) => {
    const relevant = who === undefined || s.participantIds.includes(who);
    if (sessions.has(s.id)) {
      if (relevant)
        ctx.omit("duplicate", ["schedule", "sessions", i], `session ${s.id} appears twice`, who);
    } else sessions.set(s.id, { s, i });
  });
  const records = new Map<string, AttendanceRecord>();
  (input.attendance ?? []).forEach((r, i) => {
    const pid = r.participantId;
    if (!mine(pid)) return;
    const s = sessions.get(r.sessionId)?.s;
    const path = ["attendance", i];
    const seat = seatKey(r.sessionId, pid);
    if (s === undefined)
      ctx.omit("unknown-session", path, `session ${r.sessionId} is not in the schedule`, pid);
    else if (!s.participantIds.includes(pid))
      ctx.omit("not-on-roster", path, `${pid} is not on session ${s.id}`, pid);
    else if (records.has(seat))
      ctx.omit("duplicate", path, `a second record for ${pid} at session ${s.id}`, pid);
    else records.set(seat, r);
  });
  const tests = new Map<string, DrugTestResult>();
  for (const t of input.drugTests ?? [])
    if (t.sessionId !== undefined && mine(t.participantId)) {
      const seat = seatKey(t.sessionId, t.participantId);
      if (!tests.has(seat)) tests.set(seat, t);
    }
  sessions.forEach(({ s, i }) => {
    const path = ["schedule", "sessions", i];
    if (s.participantIds.length === 0) {
      if (who === undefined)
        ctx.omit(
          "no-participants",
          path,
          `session ${s.id} has no participants: an Appointment is per participant`,
        );
      return;
    }
    const day = ctx.localDate(s.start);
    for (const pid of s.participantIds) {
      if (!mine(pid)) continue;
      if (participantFacing && isUnannouncedTest(s, nowMs)) {
        ctx.omit(
          "future-drug-test",
          path,
          `the drug test of ${pid} at session ${s.id} has not happened yet: a participant-facing bundle does not announce it`,
          pid,
        );
        continue;
      }
      const seat = seatKey(s.id, pid);
      const record = records.get(seat);
      const appointment = appointmentDraft(ctx, s, pid, record, tests.get(seat));
      if (!list.add(appointment, path, pid) || record === undefined || !isAttended(record.status))
        continue;
      const episode = spans
        .get(pid)
        ?.find((sp) => sp.from <= day && (sp.to === undefined || day <= sp.to));
      list.add(
        encounterDraft(
          ctx,
          s,
          record,
          ctx.urn("Appointment", "appointment", seat),
          episode === undefined ? undefined : { reference: episode.urn },
        ),
        path,
        pid,
      );
    }
  });

  (input.drugTests ?? []).forEach((t, i) => {
    if (mine(t.participantId)) list.add(drugTestDraft(ctx, t), ["drugTests", i], t.participantId);
  });
  (input.measures ?? []).forEach((m, i) => {
    if (mine(m.participantId)) list.add(measureDraft(ctx, m), ["measures", i], m.participantId);
  });

  // A Patient for every participant given or referenced.
  for (const id of new Set([...people.keys(), ...ctx.referenced]) as Set<ParticipantId>)
    if (mine(id))
      list.add(patientDraft(ctx, id, people.get(id), o.includePersonalData === true), []);

  const transaction = o.type === "transaction";
  const rank = (d: Draft): number => ORDER.indexOf(d.resource.resourceType);
  const drafts = [...list.drafts].sort(
    (a, b) => rank(a) - rank(b) || (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0),
  );
  const entry = drafts.map((d): BundleEntry<FhirExportResource> => {
    const { resourceType: type, ...rest } = d.resource;
    const system = ctx.system(d.kind);
    const fullUrl = ctx.urn(type, d.kind, d.value);
    const id = fullUrl.slice(9);
    const meta = {
      lastUpdated: now,
      ...(d.sud ? { security: part2SecurityLabels.map((c) => ({ ...c })) } : {}),
    };
    const resource = {
      resourceType: type,
      ...(transaction ? {} : { id }),
      meta,
      ...rest,
    } as FhirExportResource;
    return {
      fullUrl,
      resource,
      ...(transaction
        ? {
            request: {
              method: "PUT" as const,
              url: `${type}?identifier=${encodeURIComponent(system)}|${encodeURIComponent(d.value)}`,
            },
          }
        : {}),
    };
  });
  return {
    bundle: {
      resourceType: "Bundle",
      type: transaction ? "transaction" : "collection",
      timestamp: now,
      entry,
    },
    omitted: ctx.omitted,
  };
}
