/**
 * One payer's side of the demo clinic: every admitted participant's IOP authorisation (a renewal
 * for one whose first authorisation runs out), the ledger on the window's last day, and billable
 * days per week under the H0015 rules — hints for a billing system, not claims.
 */
import { addDays, parseAuthorization, type Authorization, type Program } from "iopkit";
import {
  authorizationLedger,
  billableDays,
  matchAttendance,
  billingRuleSets,
  type AuthorizationLedger,
} from "iopkit/capacity";
import type { Simulation } from "./simulate";

/** The payer's view of the clinic. */
export interface PayerView {
  readonly payer: string;
  readonly asOf: string;
  readonly authorizations: readonly Authorization[];
  readonly ledger: AuthorizationLedger;
  /** Whose first authorisation runs out and is renewed. */
  readonly renewed: string | undefined;
  /** Billable days per ISO week: H0015 days and days that are not billable, by reason. */
  readonly weeks: readonly {
    readonly isoWeek: string;
    readonly billable: number;
    readonly notBillable: Readonly<Record<string, number>>;
  }[];
}

const PAYER = "Lakeshore Health";

/**
 * Authorisations: each participant's IOP level for 12 weeks from their start, 48 days; the first
 * admitted instead gets 8 days over their first two weeks, then a renewal for the rest.
 */
function authorizationsFor(sim: Simulation): {
  list: Authorization[];
  renewed: string | undefined;
} {
  const list: Authorization[] = [];
  const first = sim.enrollments[0]?.participant.id;
  for (const e of sim.enrollments) {
    const id = e.participant.id;
    const base = { participantId: id, payer: PAYER, level: "intensive-outpatient" as const };
    if (id === first) {
      list.push(
        parseAuthorization({
          ...base,
          id: `${id}-1`,
          from: e.start,
          to: addDays(e.start, 13),
          units: { of: "days", count: 8 },
        }),
        parseAuthorization({
          ...base,
          id: `${id}-2`,
          from: addDays(e.start, 14),
          to: addDays(e.start, 83),
          units: { of: "days", count: 40 },
        }),
      );
    } else
      list.push(
        parseAuthorization({
          ...base,
          id: `${id}-1`,
          from: e.start,
          to: addDays(e.start, 83),
          units: { of: "days", count: 48 },
        }),
      );
  }
  return { list, renewed: first };
}

/** The payer's view on `asOf` (the window's last day). */
export function payerView(program: Program, sim: Simulation, asOf: string): PayerView {
  const { list, renewed } = authorizationsFor(sim);
  // Matched once, read by both the ledger and the billable days.
  const matched = matchAttendance({ program, schedule: sim.schedule, attendance: sim.attendance });
  const ledger = authorizationLedger({
    program,
    authorizations: list,
    schedule: sim.schedule,
    attendance: sim.attendance,
    asOf,
    matched,
  });
  const byWeek = new Map<string, { billable: number; notBillable: Record<string, number> }>();
  for (const d of billableDays({
    program,
    schedule: sim.schedule,
    attendance: sim.attendance,
    rules: billingRuleSets.sudIop,
    matched,
  })) {
    let w = byWeek.get(d.isoWeek);
    if (w === undefined) byWeek.set(d.isoWeek, (w = { billable: 0, notBillable: {} }));
    if (d.notBillable === null) w.billable += 1;
    else w.notBillable[d.notBillable] = (w.notBillable[d.notBillable] ?? 0) + 1;
  }
  const weeks = [...byWeek]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([isoWeek, w]) => ({ isoWeek, ...w }));
  return { payer: PAYER, asOf, authorizations: list, ledger, renewed, weeks };
}
