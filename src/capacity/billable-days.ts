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
import { attendedStatus, matchSchedule } from "./seats";

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
}

/** A day being built: the record's fields, mutable, plus its minutes and rules. */
interface DayDraft {
  participantId: ParticipantId;
  day: number;
  rules: PayerBillingRules;
  minutes: number;
  services: number;
  bundled: SessionId[];
  separate: SessionId[];
  notCounted: SessionId[];
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
  });
  return guardEntry("billableDays", () => daysOf(options));
}

function daysOf(options: BillableDaysOptions): BillableDay[] {
  const { attendance } = options;
  const { index, order } = matchSchedule(
    "billableDays",
    options.program,
    options.schedule,
    attendance,
  );
  const { sessions, day, seatBase, seatRecord, seatMinutes, seatParticipant } = index;
  // By participant index: the day being built (seats come in start order), and every day.
  const open = new Array<DayDraft | undefined>(index.participants.length);
  const byPerson: DayDraft[][] = Array.from({ length: index.participants.length }, () => []);
  const kinds = new Map<PayerBillingRules, (type: SessionTypeId) => 0 | 1 | 2>();
  for (let k = 0; k < order.length; k++) {
    const s = order[k] ?? 0;
    const session = sessions[s] as ScheduledSession;
    const roster = session.participantIds;
    const base = seatBase[s] ?? 0;
    const d = day[s] ?? 0;
    for (let j = 0; j < roster.length; j++) {
      const r = seatRecord[base + j] ?? -1;
      if (r < 0) continue;
      const participantId = roster[j] as ParticipantId;
      const p = seatParticipant[base + j] ?? 0;
      let draft = open[p];
      if (draft === undefined || draft.day !== d) {
        const rules = options.byParticipant?.[participantId] ?? options.rules;
        draft = {
          participantId,
          day: d,
          rules,
          minutes: 0,
          services: 0,
          bundled: [],
          separate: NONE,
          notCounted: NONE,
        };
        open[p] = draft;
        byPerson[p]?.push(draft);
      }
      const status = attendance[r]?.status;
      if (status === undefined || !attendedStatus(status)) continue;
      let kindOf = kinds.get(draft.rules);
      if (kindOf === undefined) kinds.set(draft.rules, (kindOf = kindReader(draft.rules)));
      const kind = kindOf(session.sessionType);
      if (kind === 1)
        (draft.separate === NONE ? (draft.separate = []) : draft.separate).push(session.id);
      else if (kind === 2)
        (draft.notCounted === NONE ? (draft.notCounted = []) : draft.notCounted).push(session.id);
      else {
        draft.bundled.push(session.id);
        draft.services += 1;
        draft.minutes += seatMinutes[base + j] ?? 0;
      }
    }
  }
  const dates = new Map<number, readonly [IsoDate, IsoWeek]>();
  const out: BillableDay[] = [];
  for (const list of byPerson)
    for (const d of list) {
      let date = dates.get(d.day);
      if (date === undefined)
        dates.set(d.day, (date = [fromEpochDay(d.day), isoWeekKeyOfEpochDay(d.day)]));
      out.push(finish(d, date));
    }
  return out;
}

/** The draft's empty list of a day with no separate or not-counted session (never written to). */
const NONE: SessionId[] = [];
/** The output's empty list: shared and frozen (the lists are readonly). */
const EMPTY: readonly SessionId[] = /* @__PURE__ */ pure(() => Object.freeze([]));

/** 0 counted, 1 separate, 2 not counted. */
function kindReader(rules: PayerBillingRules): (type: SessionTypeId) => 0 | 1 | 2 {
  const separate = new Set(rules.separate);
  const notCounted = new Set(rules.notCounted);
  return (type) => (separate.has(type) ? 1 : notCounted.has(type) ? 2 : 0);
}

const EPS = 1e-9;

function finish(d: DayDraft, [date, isoWeek]: readonly [IsoDate, IsoWeek]): BillableDay {
  const hours = Math.round((d.minutes / 60) * 1e6) / 1e6;
  let chosen: PerDiemClass | undefined;
  for (const c of d.rules.perDiem)
    if (hours + EPS >= (c.minHours ?? 0) && d.services >= (c.minServices ?? 1)) {
      chosen = c;
      break;
    }
  const floor = d.rules.perDiem[d.rules.perDiem.length - 1];
  const notBillable: NotBillableReason | null =
    chosen !== undefined
      ? null
      : d.services === 0
        ? "no-service-attended"
        : floor === undefined
          ? "no-per-diem-class"
          : hours + EPS < (floor.minHours ?? 0)
            ? "below-minimum-hours"
            : "below-minimum-services";
  return {
    participantId: d.participantId,
    date,
    isoWeek,
    rules: d.rules.id,
    code: chosen?.code ?? null,
    conditionCode: chosen?.conditionCode ?? null,
    notBillable,
    hours,
    services: d.services,
    bundledSessionIds: d.bundled,
    separateSessionIds: d.separate === NONE ? EMPTY : d.separate,
    notCountedSessionIds: d.notCounted === NONE ? EMPTY : d.notCounted,
  };
}
