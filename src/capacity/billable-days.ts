/**
 * `billableDays`: per participant and local day, from attendance, which per-diem code a payer's
 * rules give the day (H0015 for a substance-use IOP, S9480 for a psychiatric IOP, Medicare IOP's
 * daily classes for 3 and for 4 or more services, with condition code 92), which attended
 * sessions are bundled into the day and which bill separately, and why a day is not billable.
 * Rules are data per payer ({@link billingRuleSets}, or an app's own {@link PayerBillingRules}).
 * Hints for a billing system, not claims: the payer's contract decides.
 */
import { pure } from "../core/pure";
import { fromEpochDay, isoWeekKeyOfEpochDay, type IsoDate, type IsoWeek } from "../core/calendar";
import { guardEntry } from "../core/errors";
import type { ParticipantId, SessionId } from "../core/ids";
import { limits } from "../core/limits";
import { checkOptions } from "../core/options";
import type { Provenance } from "../core/sources";
import type { AttendanceRecord } from "../attendance/index";
import type { Program, SessionTypeId } from "../program/index";
import type { Schedule, ScheduledSession } from "../schedule/index";
import { matchFor, type MatchedAttendance } from "./seats";

/** One per-diem class of a payer: the code a day gets when it meets the class's minimums. */
export interface PerDiemClass {
  /** The code or class, e.g. `"H0015"`, `"S9480"`, `"medicare-iop-4-or-more"`. */
  readonly code: string;
  /** What it is, for people. */
  readonly label: string;
  /** Attended hours of counted sessions the day needs (none: no hours minimum). */
  readonly minHours?: number;
  /** Counted services (attended sessions) the day needs (none: at least one). */
  readonly minServices?: number;
  /** A claim condition code the day's claim carries (Medicare IOP: `"92"`). */
  readonly conditionCode?: string;
  /** Where the code and its minimums come from. */
  readonly sources: readonly Provenance[];
}

/** A payer's per-diem rules, as data: classes tried in order, and how session types count. */
export interface PayerBillingRules {
  /** The rule set's id, e.g. `"sud-iop-h0015"`. */
  readonly id: string;
  /** What it is, for people. */
  readonly label: string;
  /** The per-diem classes, highest first: a day gets the first whose minimums it meets. */
  readonly perDiem: readonly PerDiemClass[];
  /** Session types billed on their own, outside the per diem (not counted towards it). */
  readonly separate: readonly SessionTypeId[];
  /** Session types that are not services of the day (not counted, not billed), e.g. a supported meal. */
  readonly notCounted: readonly SessionTypeId[];
  /** Where the bundling (what the per diem includes, what bills separately) comes from. */
  readonly sources: readonly Provenance[];
}

const H0015_HOURS: Provenance = {
  unverified:
    "H0015's descriptor says the program operates at least 3 hours a day and 3 days a week; that a participant's day needs 3 attended hours is a common payer reading, not the descriptor: set the payer's own minimum",
};
const PER_DIEM_INCLUDES: readonly Provenance[] = [
  { source: "bcbsnd-bh-reimbursement", section: "Intensive Outpatient Program (IOP)" },
  { source: "bcbsne-rp-pi-002" },
];
const DRUG_TEST_SEPARATE: Provenance = {
  unverified:
    "drug-test collections are listed as billed separately (a laboratory service, not a session of the day): check the payer's rule",
};
const NOT_SERVICES: Provenance = {
  unverified:
    "alumni groups (aftercare) and supported meals are not counted as IOP services of the day (Medicare excludes programs primarily social, recreational or diversionary; CY 2024 OPPS final rule): check the payer's rule",
};

/** How the built-in commercial rule sets split a day's sessions, and where that comes from. */
const COMMERCIAL_BUNDLING = {
  separate: ["drug-test"],
  notCounted: ["alumni-group", "meal-support"],
  sources: [...PER_DIEM_INCLUDES, DRUG_TEST_SEPARATE, NOT_SERVICES],
} as const satisfies Pick<PayerBillingRules, "separate" | "notCounted" | "sources">;
/** Where Medicare's two IOP daily classes and condition code 92 come from. */
const MEDICARE_CLASSES: readonly Provenance[] = [
  { source: "fcso-medicare-iop-2024" },
  { source: "noridian-medicare-iop" },
  { source: "cgs-medicare-iop-2024" },
  { source: "cms-opps-2024-final-rule" },
];

/**
 * Built-in rule sets (starting points a clinic edits for its payers):
 * - `sudIop`: H0015, alcohol and/or drug intensive outpatient, per diem; a day needs 3 attended
 *   hours (a payer reading of the descriptor: unverified, configure); psychotherapy, peer support
 *   and medication management are in the per diem (BCBS North Dakota; Nebraska Blue RP-PI-002).
 * - `psychiatricIop`: S9480, intensive outpatient psychiatric services, per diem; no hours
 *   minimum in the descriptor (a payer may set one); the same bundling.
 * - `medicareIop`: Medicare's two IOP daily payment classes, 4 or more services and 3 services
 *   (First Coast Medicare; Noridian: APCs 5851/5852 for CMHCs), condition code 92 on the claim
 *   (CGS Medicare; MLN Matters MM13222); a day with fewer than 3 services has no IOP class.
 * Drug-test collections bill separately and alumni groups and supported meals are not counted
 * (both unverified as payer rules).
 */
export const billingRuleSets: {
  readonly sudIop: PayerBillingRules;
  readonly psychiatricIop: PayerBillingRules;
  readonly medicareIop: PayerBillingRules;
} = {
  sudIop: {
    id: "sud-iop-h0015",
    label: "Substance-use IOP per diem (HCPCS H0015)",
    perDiem: [
      {
        code: "H0015",
        label: "Alcohol and/or drug services; intensive outpatient",
        minHours: 3,
        sources: [{ source: "cms-hcpcs", section: "H0015" }, H0015_HOURS],
      },
    ],
    ...COMMERCIAL_BUNDLING,
  },
  psychiatricIop: {
    id: "psychiatric-iop-s9480",
    label: "Psychiatric IOP per diem (HCPCS S9480)",
    perDiem: [
      {
        code: "S9480",
        label: "Intensive outpatient psychiatric services, per diem",
        sources: [{ source: "cms-hcpcs", section: "S9480" }],
      },
    ],
    ...COMMERCIAL_BUNDLING,
  },
  medicareIop: {
    id: "medicare-iop",
    label: "Medicare IOP daily payment classes (CY 2024 OPPS)",
    perDiem: [
      {
        code: "medicare-iop-4-or-more",
        label: "Medicare IOP day with 4 or more services",
        minServices: 4,
        conditionCode: "92",
        sources: MEDICARE_CLASSES,
      },
      {
        code: "medicare-iop-3",
        label: "Medicare IOP day with 3 services",
        minServices: 3,
        conditionCode: "92",
        sources: MEDICARE_CLASSES,
      },
    ],
    separate: ["drug-test"],
    notCounted: ["alumni-group", "meal-support"],
    sources: [
      { source: "cms-mln-mm13222" },
      {
        unverified:
          "one attended session is counted as one service; Medicare counts the day's qualifying service lines (HCPCS with units): map sessions to service lines in the billing system",
      },
      DRUG_TEST_SEPARATE,
      NOT_SERVICES,
    ],
  },
};

/**
 * Why a day is not billable: `no-service-attended` (no counted session attended: absences only, or
 * only separate or not-counted sessions), `below-minimum-hours` / `below-minimum-services` (the
 * lowest class's minimum is not met), `no-per-diem-class` (the rules have no class).
 */
export const notBillableReasons = [
  "no-service-attended",
  "below-minimum-hours",
  "below-minimum-services",
  "no-per-diem-class",
] as const;
/** One of {@link notBillableReasons}. */
export type NotBillableReason = (typeof notBillableReasons)[number];

/** One participant's day. */
export interface BillableDay {
  /** Whose. */
  readonly participantId: ParticipantId;
  /** The local date (program's zone). */
  readonly date: IsoDate;
  /** Its ISO week. */
  readonly isoWeek: IsoWeek;
  /** The rule set applied (its `id`). */
  readonly rules: string;
  /** The per-diem class the day meets, or `null`. */
  readonly code: string | null;
  /** The class's claim condition code (Medicare IOP: `"92"`), or `null`. */
  readonly conditionCode: string | null;
  /** Why the day gets no class, or `null` when it gets one. */
  readonly notBillable: NotBillableReason | null;
  /** Attended hours of the counted sessions (minutes attended / 60). */
  readonly hours: number;
  /** Counted services: attended sessions that are neither separate nor not counted. */
  readonly services: number;
  /** Attended sessions in the per diem, in start order. */
  readonly bundledSessionIds: readonly SessionId[];
  /** Attended sessions that bill on their own, in start order (even on a day with no class). */
  readonly separateSessionIds: readonly SessionId[];
  /** Attended sessions that are not services of the day, in start order. */
  readonly notCountedSessionIds: readonly SessionId[];
}

/** Options of {@link billableDays}. */
export interface BillableDaysOptions {
  /** The program (its zone). */
  readonly program: Pick<Program, "timeZone">;
  /** The schedule the attendance is for. */
  readonly schedule: Pick<Schedule, "sessions">;
  /** Attendance records (each must fit the schedule, as `checkAttendance` says). */
  readonly attendance: readonly AttendanceRecord[];
  /** The rules for everyone not in `byParticipant`. */
  readonly rules: PayerBillingRules;
  /** Rules by participant id (their payer's). */
  readonly byParticipant?: Readonly<Record<string, PayerBillingRules>>;
  /**
   * The same program zone, schedule and attendance already matched by {@link matchAttendance}
   * (shared with {@link authorizationLedger}): skips matching them again.
   */
  readonly matched?: MatchedAttendance;
}

/**
 * The participant-days of `attendance`, by participant (in the order participants first appear
 * in the schedule's sessions) then date: every day with at least one attendance record is listed, billable or not.
 * A day gets the first per-diem class of its participant's rules whose minimum hours and services
 * its counted sessions meet; else `notBillable` says why (see {@link notBillableReasons}; for
 * the lowest class's unmet minimums, hours first). Hints for a billing system, not
 * claims. Pure; throws {@link core!IopError | IopError} for bad options or attendance that does
 * not fit the schedule.
 * @example
 * ```ts
 * const days = billableDays({ program, schedule, attendance, rules: billingRuleSets.sudIop });
 * days.filter((d) => d.code === "H0015").length; // H0015 days
 * ```
 */
export function billableDays(options: BillableDaysOptions): BillableDay[] {
  checkOptions("billableDays", options, {
    program: { kind: "object" },
    schedule: { kind: "object" },
    "schedule.sessions": { kind: "list", max: limits.maxRecords },
    attendance: { kind: "list", max: limits.maxRecords },
    rules: { kind: "object" },
    "rules.perDiem": { kind: "list", max: 100 },
    byParticipant: { kind: "object", optional: true },
    matched: { kind: "object", optional: true },
  });
  return guardEntry("billableDays", () => daysOf(options));
}

function daysOf(options: BillableDaysOptions): BillableDay[] {
  const { index, order, attended } = matchFor("billableDays", options);
  const { sessions, day, seatBase, seatRecord, seatMinutes, seatParticipant, participants } = index;
  const P = participants.length;
  // By participant index: their rules, the day being built (seats come in start order, so a
  // participant's days close in date order), and their finished days.
  const own = options.byParticipant;
  const rulesOf = participants.map((id) =>
    own !== undefined && Object.hasOwn(own, id) ? (own[id] ?? options.rules) : options.rules,
  );
  const openDay = new Float64Array(P).fill(Number.NaN);
  const minutes = new Float64Array(P);
  const services = new Int32Array(P);
  const bundled = new Array<SessionId[]>(P);
  const separate = new Array<SessionId[]>(P).fill(NONE);
  const notCounted = new Array<SessionId[]>(P).fill(NONE);
  const byPerson = new Array<BillableDay[] | undefined>(P);
  const dates = new Map<number, readonly [IsoDate, IsoWeek]>();
  const close = (p: number): void => {
    const d = openDay[p] ?? Number.NaN;
    if (Number.isNaN(d)) return;
    let date = dates.get(d);
    if (date === undefined) dates.set(d, (date = [fromEpochDay(d), isoWeekKeyOfEpochDay(d)]));
    const list = byPerson[p] ?? (byPerson[p] = []);
    list.push(
      finish(
        participants[p] as ParticipantId,
        rulesOf[p] ?? options.rules,
        minutes[p] ?? 0,
        services[p] ?? 0,
        bundled[p] ?? NONE,
        separate[p] ?? NONE,
        notCounted[p] ?? NONE,
        date,
      ),
    );
  };
  // Each session's kind under each rule set (-1: not read yet).
  const kinds = new Map<PayerBillingRules, Int8Array>();
  let lastRules: PayerBillingRules | undefined;
  let kindOf: Int8Array = new Int8Array(0);
  for (let k = 0; k < order.length; k++) {
    const s = order[k] ?? 0;
    const session = sessions[s] as ScheduledSession;
    const base = seatBase[s] ?? 0;
    const end = seatBase[s + 1] ?? base;
    const d = day[s] ?? 0;
    for (let seat = base; seat < end; seat++) {
      if ((seatRecord[seat] ?? -1) < 0) continue;
      const p = seatParticipant[seat] ?? 0;
      if (openDay[p] !== d) {
        close(p);
        openDay[p] = d;
        minutes[p] = 0;
        services[p] = 0;
        bundled[p] = [];
        separate[p] = NONE;
        notCounted[p] = NONE;
      }
      if (attended[seat] !== 1) continue;
      const rules = rulesOf[p] ?? options.rules;
      if (rules !== lastRules) {
        lastRules = rules;
        let table = kinds.get(rules);
        if (table === undefined)
          kinds.set(rules, (table = new Int8Array(sessions.length).fill(-1)));
        kindOf = table;
      }
      let kind = kindOf[s] ?? -1;
      if (kind < 0) kindOf[s] = kind = kindIn(rules, session.sessionType);
      if (kind === 1) {
        const list = separate[p] ?? NONE;
        if (list === NONE) separate[p] = [session.id];
        else list.push(session.id);
      } else if (kind === 2) {
        const list = notCounted[p] ?? NONE;
        if (list === NONE) notCounted[p] = [session.id];
        else list.push(session.id);
      } else {
        bundled[p]?.push(session.id);
        services[p] = (services[p] ?? 0) + 1;
        minutes[p] = (minutes[p] ?? 0) + (seatMinutes[seat] ?? 0);
      }
    }
  }
  const out: BillableDay[] = [];
  for (let p = 0; p < P; p++) {
    close(p);
    for (const d of byPerson[p] ?? NONE_DAYS) out.push(d);
  }
  return out;
}

/** No days. */
const NONE_DAYS: readonly BillableDay[] = [];
/** The draft's empty list of a day with no separate or not-counted session (never written to). */
const NONE: SessionId[] = [];
/** The output's empty list: shared and frozen (the lists are readonly). */
const EMPTY: readonly SessionId[] = /* @__PURE__ */ pure(() => Object.freeze([]));

/** 0 counted, 1 separate, 2 not counted. */
const kindIn = (rules: PayerBillingRules, type: SessionTypeId): 0 | 1 | 2 =>
  rules.separate.includes(type) ? 1 : rules.notCounted.includes(type) ? 2 : 0;

const EPS = 1e-9;

function finish(
  participantId: ParticipantId,
  rules: PayerBillingRules,
  minutes: number,
  services: number,
  bundled: SessionId[],
  separate: SessionId[],
  notCounted: SessionId[],
  [date, isoWeek]: readonly [IsoDate, IsoWeek],
): BillableDay {
  const hours = Math.round((minutes / 60) * 1e6) / 1e6;
  let chosen: PerDiemClass | undefined;
  for (const c of rules.perDiem)
    if (hours + EPS >= (c.minHours ?? 0) && services >= (c.minServices ?? 1)) {
      chosen = c;
      break;
    }
  const floor = rules.perDiem[rules.perDiem.length - 1];
  const notBillable: NotBillableReason | null =
    chosen !== undefined
      ? null
      : services === 0
        ? "no-service-attended"
        : floor === undefined
          ? "no-per-diem-class"
          : hours + EPS < (floor.minHours ?? 0)
            ? "below-minimum-hours"
            : "below-minimum-services";
  return {
    participantId,
    date,
    isoWeek,
    rules: rules.id,
    code: chosen?.code ?? null,
    conditionCode: chosen?.conditionCode ?? null,
    notBillable,
    hours,
    services,
    bundledSessionIds: bundled,
    separateSessionIds: separate === NONE ? EMPTY : separate,
    notCountedSessionIds: notCounted === NONE ? EMPTY : notCounted,
  };
}
