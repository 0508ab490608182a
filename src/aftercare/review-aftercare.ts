/**
 * `reviewAftercare`: reads the recorded check-in outcomes against the plan on a day, and says what
 * to do next — reach out after a missed check-in, check in earlier after a lapse, re-assess for a
 * return to IOP after repeated lapses. Never "discharge from aftercare": relapse is a signal to add
 * support, not failure (seed 000).
 */
import { misuse, describeValue } from "../core/errors";
import { fromEpochDay, toEpochDay, tryParseIsoDate, type IsoDate } from "../core/calendar";
import type { Program } from "../program/index";
import {
  plural,
  type AftercarePlan,
  type AftercareReason,
  type ComponentOf,
} from "./aftercare-plan";
import type { CheckInOutcome } from "./check-in-outcome";
import { openDays } from "./contact-dates";

/** What {@link reviewAftercare} reads besides the plan. */
export interface ReviewAftercareContext {
  /** The program the plan was made for: its `aftercarePolicy` and calendar. */
  readonly program: Program;
  /** Outcomes recorded so far, in any order; those dated after `asOf` are ignored. */
  readonly outcomes: readonly CheckInOutcome[];
  /** The day to review on, in the program's zone. */
  readonly asOf: IsoDate;
}

/**
 * A planned contact's status on the review day:
 * `completed`; `missed` (recorded so); `not-recorded` (due before `asOf`, no outcome: counted as
 * missed); `upcoming` (due on or after `asOf`).
 */
export const contactStatuses = ["completed", "missed", "not-recorded", "upcoming"] as const;
/** A planned contact's status: one of {@link contactStatuses}. */
export type ContactStatus = (typeof contactStatuses)[number];

/** A planned check-in or outreach attempt, with what became of it. */
export interface ReviewedContact {
  /** Its due date. */
  readonly due: IsoDate;
  /** A monitoring check-in or a re-engagement outreach attempt. */
  readonly kind: "check-in" | "outreach-attempt";
  readonly status: ContactStatus;
  /** The day it took place, when completed. */
  readonly on?: IsoDate;
  /** A lapse was reported at it. */
  readonly lapse: boolean;
}

/**
 * What a review recommends:
 * - `outreach` — reach the participant after a missed check-in (or several);
 * - `earlier-check-in` — a check-in sooner than planned, after a lapse;
 * - `review-relapse-prevention-plan` — go over the plan's "after a lapse" steps at the next contact;
 * - `reassess-for-iop` — re-assess for a return to IOP, after repeated lapses or when someone lost
 *   to contact is reached again;
 * - `encourage-mutual-support` — fewer mutual-support meetings than the plan aims for.
 */
export const recommendationCodes = [
  "outreach",
  "earlier-check-in",
  "review-relapse-prevention-plan",
  "reassess-for-iop",
  "encourage-mutual-support",
] as const;
/** What a review recommends: one of {@link recommendationCodes}. */
export type RecommendationCode = (typeof recommendationCodes)[number];

/** A recommendation with its due date (an open day of the program) and reason. */
export interface AftercareRecommendation {
  readonly code: RecommendationCode;
  /** By when. */
  readonly due: IsoDate;
  readonly reason: AftercareReason;
}

/** The next contact: a planned one, or an earlier check-in a lapse called for. */
export interface NextContact {
  readonly due: IsoDate;
  /** From the plan (`true`) or recommended by this review (`false`). */
  readonly planned: boolean;
}

/** What {@link reviewAftercare} returns. */
export interface AftercareReview {
  /** The review day. */
  readonly asOf: IsoDate;
  /** Every planned check-in and outreach attempt, in date order, with its status. */
  readonly contacts: readonly ReviewedContact[];
  /** Outcomes whose `due` matches no planned contact (unscheduled contacts), dated up to `asOf`, in date order. */
  readonly unscheduled: readonly CheckInOutcome[];
  /**
   * The next contact: the earlier check-in a lapse called for (which may be overdue) when it comes
   * before the next planned contact due on or after `asOf`; `null` when there is neither.
   */
  readonly nextContact: NextContact | null;
  /** In due-date order; empty when all is on track. */
  readonly recommendations: readonly AftercareRecommendation[];
}

const CONTEXT = "reviewAftercare";
const dateOf = (o: CheckInOutcome): IsoDate => o.on ?? o.due;
const order: readonly RecommendationCode[] = recommendationCodes;

/**
 * Reviews an aftercare plan on `asOf` against the check-in outcomes recorded so far.
 *
 * - **Missed check-ins** since the last completed contact (recorded `missed`, or due before `asOf`
 *   with no outcome) → `outreach` within `aftercarePolicy.outreachWithinDays` of the latest.
 *   Outreach attempts to someone lost to contact are outreach already: missing one asks for nothing
 *   more.
 * - **A lapse** reported at a contact, with no completed contact since → an `earlier-check-in`
 *   within `lapse.checkInWithinDays` when the plan has no contact due that soon after the lapse,
 *   and `review-relapse-prevention-plan` at the next contact.
 * - **Repeated lapses** — `lapse.reassessAfterLapses` within the last `lapse.windowDays` days — or a
 *   contact with someone lost to contact → `reassess-for-iop` within `lapse.reassessWithinDays`.
 * - **Fewer mutual-support meetings** at the latest contact than the plan's weekly aim over the
 *   days since the contact before → `encourage-mutual-support` at the next contact.
 *
 * Never recommends discharge: relapse is a signal to add support (seed 000). Recommendation dates
 * fall on open days of the program. A plan for someone who died has nothing to review. Policy
 * values are common practice, unverified. Pure; throws {@link core!IopError | IopError}
 * (`invalid-date`) when `asOf` is not a date.
 *
 * @example
 * ```ts
 * const review = reviewAftercare(plan, { program, outcomes, asOf: "2026-06-20" });
 * for (const r of review.recommendations) console.log(r.due, r.code, r.reason.message);
 * ```
 */
export function reviewAftercare(
  plan: AftercarePlan,
  context: ReviewAftercareContext,
): AftercareReview {
  const { program, asOf } = context;
  const asOfDay = tryParseIsoDate(asOf);
  if (asOfDay === undefined)
    misuse(
      CONTEXT,
      "invalid-date",
      `asOf must be a calendar date YYYY-MM-DD, got ${describeValue(asOf)}`,
      ["asOf"],
    );
  if (plan.situation === "died")
    return { asOf, contacts: [], unscheduled: [], nextContact: null, recommendations: [] };
  const policy = program.aftercarePolicy;
  const nextOpen = openDays(program, CONTEXT);
  const openAfter = (date: IsoDate, days: number): IsoDate =>
    fromEpochDay(nextOpen(toEpochDay(date) + days));

  // A canonical order (date, due, status, content), so the input order never matters.
  const outcomes = context.outcomes
    .filter((o) => dateOf(o) <= asOf)
    .map((o) => ({ o, key: `${dateOf(o)}|${o.due}|${o.status}|${JSON.stringify(o)}` }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ o }) => o);
  const byDue = new Map<IsoDate, CheckInOutcome[]>();
  for (const o of outcomes) byDue.set(o.due, [...(byDue.get(o.due) ?? []), o]);

  const planned = plan.components
    .flatMap((c): { due: IsoDate; kind: ReviewedContact["kind"] }[] =>
      c.kind === "monitoring"
        ? c.checkIns.map((x) => ({ due: x.due, kind: "check-in" as const }))
        : c.kind === "re-engagement-outreach"
          ? c.attempts.map((x) => ({ due: x.due, kind: "outreach-attempt" as const }))
          : [],
    )
    .sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
  const plannedDues = new Set(planned.map((p) => p.due));
  const contacts: ReviewedContact[] = planned.map((p) => {
    const found = byDue.get(p.due) ?? [];
    const done = found
      .filter((o) => o.status === "completed")
      .map(dateOf)
      .sort()
      .at(-1);
    const status: ContactStatus =
      done !== undefined
        ? "completed"
        : found.length > 0
          ? "missed"
          : p.due < asOf
            ? "not-recorded"
            : "upcoming";
    return {
      due: p.due,
      kind: p.kind,
      status,
      ...(done === undefined ? {} : { on: done }),
      lapse: found.some((o) => o.lapse === true),
    };
  });
  const unscheduled = outcomes.filter((o) => !plannedDues.has(o.due));

  const completedOn = [
    ...contacts.flatMap((c) => (c.on === undefined ? [] : [c.on])),
    ...unscheduled.filter((o) => o.status === "completed").map(dateOf),
  ].sort();
  const lastContact = completedOn.at(-1);
  const recommendations: AftercareRecommendation[] = [];

  // Missed check-ins since the last contact → outreach.
  const missed = [
    ...contacts
      .filter(
        (c) => c.kind === "check-in" && (c.status === "missed" || c.status === "not-recorded"),
      )
      .map((c) => c.due),
    ...unscheduled.filter((o) => o.status === "missed").map((o) => o.due),
  ]
    .filter((d) => lastContact === undefined || d > lastContact)
    .sort();
  const latestMiss = missed.at(-1);
  if (latestMiss !== undefined) {
    const due = openAfter(latestMiss, policy.outreachWithinDays);
    recommendations.push({
      code: "outreach",
      due,
      reason: {
        code: missed.length > 1 ? "missed-check-ins" : "missed-check-in",
        message: `${missed.length > 1 ? `${missed.length} check-ins missed in a row` : "A check-in was missed"} (${missed.join(", ")})${lastContact === undefined ? "" : ` since the last contact on ${lastContact}`}: reach out by ${due} (within ${plural(policy.outreachWithinDays, "day")}; common practice, unverified).`,
        evidence: { missed, ...(lastContact === undefined ? {} : { lastContact }) },
      },
    });
  }

  // The next planned contact still to come (due on or after asOf).
  const upcoming = contacts.find((c) => c.status === "upcoming")?.due;

  // The latest lapse, if no contact has happened since → earlier check-in and plan review.
  const lapses = outcomes
    .filter((o) => o.lapse === true)
    .map((o) => ({ on: dateOf(o), substances: o.substances ?? [] }));
  const lapse = lapses.at(-1);
  let earlier: IsoDate | undefined;
  if (lapse !== undefined && (lastContact === undefined || lastContact <= lapse.on)) {
    const soon = openAfter(lapse.on, policy.lapse.checkInWithinDays);
    // The plan's next contact after the lapse, whatever became of it (a miss has its outreach).
    const next = contacts.find((c) => c.due > lapse.on)?.due;
    const evidence = {
      lapseOn: lapse.on,
      substances: lapse.substances,
      ...(next === undefined ? {} : { nextPlanned: next }),
    };
    if (next === undefined || next > soon) {
      earlier = soon;
      recommendations.push({
        code: "earlier-check-in",
        due: soon,
        reason: {
          code: "lapse-reported",
          message: `A lapse was reported on ${lapse.on}: check in by ${soon}${next === undefined ? "" : `, before the next planned check-in on ${next}`} (seed 000: relapse calls for more support, not a closed file).`,
          evidence,
        },
      });
    }
    if (plan.components.some((c) => c.kind === "relapse-prevention"))
      recommendations.push({
        code: "review-relapse-prevention-plan",
        due: earlier ?? upcoming ?? soon,
        reason: {
          code: "lapse-reported",
          message: `After the lapse on ${lapse.on}, go over the relapse-prevention plan with the participant at the next contact: what led to it, and its "after a lapse" steps (seeds 000, 003).`,
          evidence,
        },
      });
  }

  // Re-engaged after a loss of contact, or repeated lapses → re-assess for a return to IOP.
  const window = lapses.filter((l) => toEpochDay(l.on) > asOfDay - policy.lapse.windowDays);
  const latestLapse = window.at(-1);
  if (plan.situation === "lost-to-contact" && lastContact !== undefined) {
    const due = openAfter(lastContact, policy.lapse.reassessWithinDays);
    recommendations.push({
      code: "reassess-for-iop",
      due,
      reason: {
        code: "re-engaged",
        message: `Contact was re-established on ${lastContact} after a loss of contact: re-assess for a return to IOP by ${due}, then plan aftercare again (DOMAIN.md "Discharge"; seed 000).`,
        evidence: { lastContact },
      },
    });
  } else if (latestLapse !== undefined && window.length >= policy.lapse.reassessAfterLapses) {
    const due = openAfter(latestLapse.on, policy.lapse.reassessWithinDays);
    recommendations.push({
      code: "reassess-for-iop",
      due,
      reason: {
        code: "repeated-lapses",
        message: `${window.length} lapses in the last ${policy.lapse.windowDays} days (${window.map((l) => l.on).join(", ")}): re-assess for a return to IOP by ${due} — more support, not discharge (seed 000; DOMAIN.md: frequent relapses despite outpatient care indicate IOP, seed 001).`,
        evidence: { lapses: window.map((l) => l.on), windowDays: policy.lapse.windowDays },
      },
    });
  }

  // Mutual-support meetings at the latest contact that reported them.
  const support = plan.components.find(
    (c): c is ComponentOf<"mutual-support"> => c.kind === "mutual-support",
  );
  const reported = outcomes
    .filter((o) => o.status === "completed" && o.mutualSupport !== undefined)
    .at(-1);
  if (support !== undefined && reported?.mutualSupport !== undefined) {
    const on = dateOf(reported);
    const since = completedOn.filter((d) => d < on).at(-1) ?? plan.from;
    const span = Math.max(0, toEpochDay(on) - toEpochDay(since));
    const aim = Math.floor((support.meetingsPerWeek * span) / 7);
    const { meetings, verification } = reported.mutualSupport;
    if (meetings < aim) {
      const due = upcoming ?? openAfter(asOf, 0);
      recommendations.push({
        code: "encourage-mutual-support",
        due,
        reason: {
          code: "mutual-support-below-aim",
          message: `${plural(meetings, "mutual-support meeting")} (${verification}) in the ${plural(span, "day")} to ${on}, against an aim of ${support.meetingsPerWeek} a week (${aim}): talk about what gets in the way at the next contact (seed 000: support group meetings).`,
          evidence: { meetings, verification, since, on, aim },
        },
      });
    }
  }

  recommendations.sort((a, b) =>
    a.due !== b.due ? (a.due < b.due ? -1 : 1) : order.indexOf(a.code) - order.indexOf(b.code),
  );
  const soonest =
    earlier !== undefined && (upcoming === undefined || earlier < upcoming)
      ? { due: earlier, planned: false }
      : upcoming === undefined
        ? null
        : { due: upcoming, planned: true };
  return { asOf, contacts, unscheduled, nextContact: soonest, recommendations };
}
