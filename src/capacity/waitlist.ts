/**
 * The waitlist: entries in priority classes (the federal block grant's priority populations
 * first), first come first served within a class, promoted into rolling groups as seats open,
 * never over capacity; days waited recorded for TEDS, interim services and admission deadlines
 * listed while people wait.
 */
import * as z from "zod/mini";
import { array, optional, strictObject } from "../core/zod";
import { addDays, daysBetween, type IsoDate } from "../core/calendar";
import { IopError, type IopIssue, type Result } from "../core/errors";
import { ParticipantId, type ParticipantId as ParticipantIdType } from "../core/ids";
import { storedObject, type RecordFormat } from "../core/record-format";
import {
  lazyInternal,
  lazySchema,
  parseWith,
  safeParseWith,
  validate,
  type Schema,
} from "../core/schema";
import { IsoDateSchema, LabelSchema, TextSchema } from "../core/schemas";
import type { Citation, Provenance } from "../core/sources";
import { tedsDaysWaitingCode } from "../analytics/index";

/**
 * Priority classes, highest first. The block grant (45 CFR 96.131(a)) has programs admit
 * pregnant women who inject drugs first, other pregnant women with a substance use disorder
 * second, other people who inject drugs third, and everyone else after them; 45 CFR 96.126 sets
 * admission deadlines for people who inject drugs. A program not funded by the block grant may
 * use the same order or put everyone in `"general"`.
 */
export const priorityClasses = ["pregnant-injecting", "pregnant", "injecting", "general"] as const;
/** A priority class: one of {@link priorityClasses} (earlier = admitted first). */
export type PriorityClass = (typeof priorityClasses)[number];

/**
 * Where each class comes from. The order among the three priority classes follows 45 CFR
 * 96.131(a) as iopkit reads it (unverified: the wording was not checked against the eCFR text);
 * `general` and first come first served within a class are iopkit's rule.
 */
export const priorityProvenance: Readonly<Record<PriorityClass, Provenance>> = {
  "pregnant-injecting": { source: "cfr-45-96-subpart-l", section: "§ 96.131(a)" },
  pregnant: { source: "cfr-45-96-subpart-l", section: "§ 96.131(a)" },
  injecting: { source: "cfr-45-96-subpart-l", section: "§ 96.126(b)" },
  general: {
    unverified:
      "everyone outside the priority populations, after them; first come first served within a class is iopkit's rule",
  },
};

/**
 * Interim services: what the block grant asks a program to offer people who inject drugs (and
 * pregnant women) while they wait: counselling and education on HIV and tuberculosis, the risks
 * of sharing needles and of transmission to sexual partners and infants; referral for HIV and
 * TB care; for pregnant women, counselling on the effects of alcohol and drug use on the fetus and
 * referral for prenatal care.
 */
export const interimServices = [
  "hiv-tb-counselling",
  "hiv-tb-referral",
  "prenatal-counselling",
  "prenatal-care-referral",
] as const;
/** An interim service: one of {@link interimServices}. */
export type InterimService = (typeof interimServices)[number];

/** Where the interim-services rule and the admission deadlines come from. */
export const waitlistSources: readonly Citation[] = [
  { source: "cfr-45-96-subpart-l", section: "§ 96.121" },
  { source: "cfr-45-96-subpart-l", section: "§ 96.126(b)" },
  { source: "cfr-45-96-subpart-l", section: "§ 96.131" },
  { source: "samhsa-teds-state-manual-2014" },
];

/** Days after the request within which a person who injects drugs is admitted (45 CFR 96.126(b)(1)): 14. */
export const admitWithinDays = 14;
/** Days within which they are admitted when no program has room and interim services are given (45 CFR 96.126(b)(2)): 120. */
export const admitWithInterimWithinDays = 120;
/** Hours after the request within which interim services are made available (45 CFR 96.126(b)(2)): 48, i.e. 2 days. */
export const interimServicesWithinDays = 2;

/**
 * The stored format of {@link WaitlistEntry}: 1 (the first; new in this version).
 * @internal
 */
export const waitlistEntryFormat = {
  kind: "WaitlistEntry",
  version: 1,
  steps: [],
  nested: [],
} as const satisfies RecordFormat;

/** One person waiting for a seat. */
export interface WaitlistEntry {
  /** The record's format (see the guide "Storing records"). */
  formatVersion: 1;
  /** Who. */
  participantId: ParticipantIdType;
  /** The day they asked for (or were referred to) treatment: days waited count from it (TEDS DAYWAIT). */
  requestedOn: IsoDate;
  /** Their priority class. */
  priority: PriorityClass;
  /** The track they need (e.g. `"evening"`); absent = any. */
  track?: string | undefined;
  /** The phase they start in; absent = any group with a seat. */
  phaseId?: string | undefined;
  /** Interim services already given, with the day. */
  interimGiven?: { service: InterimService; on: IsoDate }[] | undefined;
  /** Free-text note. */
  note?: string | undefined;
}

/** A waitlist entry as an app writes it (`formatVersion` may be left out). */
export interface WaitlistEntryInput extends Omit<WaitlistEntry, "formatVersion" | "participantId"> {
  /** See {@link WaitlistEntry.formatVersion}. */
  formatVersion?: 1 | undefined;
  /** See {@link WaitlistEntry.participantId}. */
  participantId: string;
}

/** The schema of a {@link WaitlistEntry}. */
export const WaitlistEntry: Schema<WaitlistEntry, WaitlistEntryInput> = /* @__PURE__ */ lazySchema(
  () =>
    storedObject(waitlistEntryFormat, {
      participantId: ParticipantId,
      requestedOn: IsoDateSchema,
      priority: z.enum(priorityClasses),
      track: optional(LabelSchema),
      phaseId: optional(LabelSchema),
      interimGiven: optional(
        array(strictObject({ service: z.enum(interimServices), on: IsoDateSchema })).check(
          z.maxLength(50),
        ),
      ),
      note: optional(TextSchema),
    }),
);

/**
 * Validates a waitlist entry; throws {@link IopError} listing every problem.
 * @example
 * ```ts
 * parseWaitlistEntry({ participantId: "p-7", requestedOn: "2026-03-02", priority: "injecting" });
 * ```
 */
export function parseWaitlistEntry(input: unknown): WaitlistEntry {
  return parseWith(WaitlistEntry, "parseWaitlistEntry", input);
}

/** Like {@link parseWaitlistEntry}, but returns `{ success, data | error }`. */
export function safeParseWaitlistEntry(input: unknown): Result<WaitlistEntry> {
  return safeParseWith(WaitlistEntry, "parseWaitlistEntry", input);
}

/** Open seats in one rolling group. */
export interface OpenSeats {
  /** The group. */
  readonly groupId: string;
  /** Its phase. */
  readonly phaseId: string;
  /** Its track, or absent for a phase without tracks. */
  readonly track?: string;
  /** Seats free in it on the day (capacity minus its members), ≥ 0. */
  readonly open: number;
}

/** Someone promoted from the waitlist into a group. */
export interface Admission {
  /** Who. */
  readonly participantId: ParticipantIdType;
  /** The group and its phase and track. */
  readonly groupId: string;
  /** The group's phase. */
  readonly phaseId: string;
  /** The day admitted. */
  readonly admittedOn: IsoDate;
  /** Their priority class. */
  readonly priority: PriorityClass;
  /** Days from the request to admission. */
  readonly daysWaited: number;
  /** The TEDS-D DAYWAIT code of those days (0 = 0 days, 1 = 1–7, 2 = 8–14, 3 = 15–30, 4 = 31+). */
  readonly tedsDaysWaitingCode: number;
}

/** A deadline or service due for someone still waiting. */
export interface WaitlistAlert {
  /**
   * - `interim-services-due` — interim services not all given and the 48-hour limit is today or past;
   * - `admission-due` — the 14-day admission limit is within 3 days or past (people who inject drugs);
   * - `admission-overdue` — the 120-day limit with interim services is past.
   */
  readonly code: "interim-services-due" | "admission-due" | "admission-overdue";
  /** The limit's day. */
  readonly due: IsoDate;
  /** Its source. */
  readonly source: Citation;
}

/** Someone still waiting. */
export interface Waiting {
  /** The entry. */
  readonly entry: WaitlistEntry;
  /** 1 for the next person to be admitted (over every track), 2 for the one after, … */
  readonly position: number;
  /** Days since the request. */
  readonly daysWaited: number;
  /** Interim services the block grant asks for that have not been given yet (none for `"general"`). */
  readonly interimServicesDue: readonly InterimService[];
  /** Deadlines due or past. */
  readonly alerts: readonly WaitlistAlert[];
}

/** The options of {@link admitFromWaitlist}. */
export interface AdmitOptions {
  /** The day of the admissions. */
  readonly on: IsoDate;
  /** Open seats, group by group. */
  readonly seats: readonly OpenSeats[];
}

/** The result of {@link admitFromWaitlist}. */
export interface WaitlistOutcome {
  /** Admitted, in the order they were promoted. */
  readonly admitted: readonly Admission[];
  /** Still waiting, in order of priority then request. */
  readonly waiting: readonly Waiting[];
  /** Seats still open afterwards, by group (in the order given). */
  readonly seatsLeft: readonly OpenSeats[];
  /** Where the rules come from. */
  readonly sources: readonly Citation[];
}

const rank = (p: PriorityClass): number => priorityClasses.indexOf(p);

/** The waitlist order: priority class, then request day, then the order given (a stable sort). */
export function waitlistOrder(entries: readonly WaitlistEntry[]): WaitlistEntry[] {
  return entries
    .map((e, i) => [e, i] as const)
    .sort(
      ([a, i], [b, j]) =>
        rank(a.priority) - rank(b.priority) || daysBetween(b.requestedOn, a.requestedOn) || i - j,
    )
    .map(([e]) => e);
}

/** Interim services the rule asks for, for a class. */
function servicesFor(priority: PriorityClass): readonly InterimService[] {
  if (priority === "general") return [];
  return priority === "injecting" ? ["hiv-tb-counselling", "hiv-tb-referral"] : interimServices;
}

function alertsFor(
  entry: WaitlistEntry,
  on: IsoDate,
  due: readonly InterimService[],
): WaitlistAlert[] {
  const out: WaitlistAlert[] = [];
  if (entry.priority === "general") return out;
  const interimBy = addDays(entry.requestedOn, interimServicesWithinDays);
  if (due.length > 0 && daysBetween(on, interimBy) <= 0)
    out.push({
      code: "interim-services-due",
      due: interimBy,
      source: { source: "cfr-45-96-subpart-l", section: "§ 96.126(b)(2)" },
    });
  if (entry.priority === "pregnant") return out;
  const admitBy = addDays(entry.requestedOn, admitWithinDays);
  const lastBy = addDays(entry.requestedOn, admitWithInterimWithinDays);
  if (daysBetween(on, lastBy) < 0)
    out.push({
      code: "admission-overdue",
      due: lastBy,
      source: { source: "cfr-45-96-subpart-l", section: "§ 96.126(b)(2)" },
    });
  else if (daysBetween(on, admitBy) <= 3)
    out.push({
      code: "admission-due",
      due: admitBy,
      source: { source: "cfr-45-96-subpart-l", section: "§ 96.126(b)(1)" },
    });
  return out;
}

const Options = /* @__PURE__ */ lazyInternal(() =>
  strictObject({
    on: IsoDateSchema,
    seats: array(
      strictObject({
        groupId: LabelSchema,
        phaseId: LabelSchema,
        track: z.exactOptional(LabelSchema),
        open: z.int().check(z.gte(0), z.lte(10_000)),
      }),
    ).check(z.maxLength(10_000)),
  }),
);

function entryIssues(
  waitlist: readonly unknown[],
  seats: readonly OpenSeats[],
  on: IsoDate,
): IopIssue[] {
  const issues: IopIssue[] = [];
  const seen = new Set<string>();
  waitlist.forEach((raw, i) => {
    const r = validate(WaitlistEntry, raw);
    if (!r.ok) {
      issues.push(...r.issues.map((x) => ({ ...x, path: ["waitlist", i, ...x.path] })));
      return;
    }
    const e = r.value;
    if (seen.has(e.participantId))
      issues.push({
        code: "duplicate-waitlist-entry",
        path: ["waitlist", i, "participantId"],
        message: "this participant is already on the waitlist: one entry each",
      });
    seen.add(e.participantId);
    if (daysBetween(e.requestedOn, on) < 0)
      issues.push({
        code: "requested-after-admission-day",
        path: ["waitlist", i, "requestedOn"],
        message: `requested on ${e.requestedOn}, after the admission day ${on}`,
      });
  });
  const groups = new Set<string>();
  seats.forEach((s, i) => {
    if (groups.has(s.groupId))
      issues.push({
        code: "duplicate-group-id",
        path: ["seats", i, "groupId"],
        message: `group "${s.groupId}" is listed twice: give each group's open seats once`,
      });
    groups.add(s.groupId);
  });
  return issues;
}

/** True when someone waiting for `entry`'s track and phase can take a seat in `seats`. */
export function seatFits(
  entry: Pick<WaitlistEntry, "track" | "phaseId">,
  seats: OpenSeats,
): boolean {
  return (
    (entry.track === undefined || seats.track === undefined || entry.track === seats.track) &&
    (entry.phaseId === undefined || entry.phaseId === seats.phaseId)
  );
}

/**
 * Promotes people from the waitlist into the seats open on a day. People are taken in the
 * waitlist order — priority class (see {@link priorityClasses}), then request day, then the order
 * given — and each goes to the first group (in the order given) with an open seat on their track
 * and phase; someone for whom no seat fits keeps their place and the next person is tried. So no
 * one is passed over except by a higher class or for want of a seat they can use, and no seat is
 * filled twice (seats left never go below 0).
 *
 * Everyone still waiting gets their position, days waited, the interim services still due
 * (45 CFR 96.121, 96.126(b)(2)) and alerts for the admission limits (14 days, or 120 with interim
 * services, for people who inject drugs: 45 CFR 96.126(b)). Throws {@link IopError} listing every
 * invalid entry (path `["waitlist", i, …]`), a person listed twice, a request after `on`, or a
 * group listed twice.
 * @example
 * ```ts
 * const out = admitFromWaitlist(
 *   [{ participantId: "p-1", requestedOn: "2026-03-02", priority: "general" },
 *    { participantId: "p-2", requestedOn: "2026-03-05", priority: "pregnant" }],
 *   { on: "2026-03-09", seats: [{ groupId: "g-1", phaseId: "intensive", open: 1 }] },
 * );
 * out.admitted[0]?.participantId; // "p-2": a higher class comes first
 * ```
 */
export function admitFromWaitlist(
  waitlist: readonly (WaitlistEntry | WaitlistEntryInput)[],
  options: AdmitOptions,
): WaitlistOutcome {
  const o = validate(Options, options);
  if (!o.ok) throw new IopError("admitFromWaitlist", o.issues);
  const { on, seats } = o.value as AdmitOptions;
  if (!Array.isArray(waitlist))
    throw new IopError("admitFromWaitlist", [
      {
        code: "invalid-type",
        path: ["waitlist"],
        message: "the waitlist must be a list of entries",
      },
    ]);
  const issues = entryIssues(waitlist, seats, on);
  if (issues.length > 0) throw new IopError("admitFromWaitlist", issues);
  const entries = waitlist.map((e) => parseWith(WaitlistEntry, "admitFromWaitlist", e));
  const left = seats.map((s) => s.open);
  const admitted: Admission[] = [];
  const still: WaitlistEntry[] = [];
  for (const e of waitlistOrder(entries)) {
    const g = seats.findIndex((s, i) => (left[i] ?? 0) > 0 && seatFits(e, s));
    const seat = seats[g];
    if (seat === undefined) {
      still.push(e);
      continue;
    }
    left[g] = (left[g] ?? 0) - 1;
    const daysWaited = daysBetween(e.requestedOn, on);
    admitted.push({
      participantId: e.participantId,
      groupId: seat.groupId,
      phaseId: seat.phaseId,
      admittedOn: on,
      priority: e.priority,
      daysWaited,
      tedsDaysWaitingCode: tedsDaysWaitingCode(daysWaited),
    });
  }
  return {
    admitted,
    waiting: still.map((entry, i) => {
      const given = new Set((entry.interimGiven ?? []).map((g) => g.service));
      const due = servicesFor(entry.priority).filter((s) => !given.has(s));
      return {
        entry,
        position: i + 1,
        daysWaited: daysBetween(entry.requestedOn, on),
        interimServicesDue: due,
        alerts: alertsFor(entry, on, due),
      };
    }),
    seatsLeft: seats.map((s, i) => ({ ...s, open: left[i] ?? 0 })),
    sources: waitlistSources,
  };
}
