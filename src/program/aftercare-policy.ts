/**
 * The program's aftercare policy: how often continued-monitoring check-ins happen and how they thin
 * out, what continuing care, mutual support, family therapy and alumni services to recommend, how
 * soon hand-offs and prescriber follow-ups are due, and how the program answers a missed check-in
 * or a lapse. `planAftercare` and `reviewAftercare` (iopkit/aftercare) read it.
 *
 * Sources: seeds 000 and 003 name the components (ongoing therapy, support groups, sober living,
 * vocational and educational support, alumni services, relapse-prevention resources, continued
 * monitoring). The numbers are common practice, **unverified**: every default is here to be edited.
 */
import * as z from "zod/mini";
import { _default, array, prefault, strictObject } from "../core/zod";
import { LabelSchema } from "../core/index";
import { customIssue, lazySchema, onceValid, type Schema } from "../core/schema";

/** Longest aftercare horizon, in days (three years). */
const MAX_DAY = 1095;
const day = (min: number): z.ZodMiniNumberFormat => z.int().check(z.gte(min), z.lte(MAX_DAY));
const withinDays = (max: number): z.ZodMiniNumberFormat => z.int().check(z.gte(0), z.lte(max));
const count = (min: number, max: number): z.ZodMiniNumberFormat =>
  z.int().check(z.gte(min), z.lte(max));
const rate = (): z.ZodMiniNumber<number> => z.number().check(z.gte(0.25), z.lte(7));

/**
 * One stage of the check-in cadence: a check-in every `everyDays` days, on days up to `untilDay`
 * (day 0 is the first day of aftercare), e.g. `{ untilDay: 30, everyDays: 7 }` (weekly in month 1).
 */
export interface CheckInStage {
  /** The last day of aftercare (counted from day 0) a check-in of this stage may be due on; 1–1095. */
  untilDay: number;
  /** Days from one check-in to the next in this stage; 1–365. */
  everyDays: number;
}
/** The schema of a {@link CheckInStage}. */
export const CheckInStage: Schema<CheckInStage> = /* @__PURE__ */ lazySchema(() =>
  strictObject({ untilDay: day(1), everyDays: count(1, 365) }),
);

/**
 * The default cadence: weekly to day 30, every 14 days to day 90, every 30 days to day 365.
 * Seeds 000 and 003 ask for continued monitoring after the program; the exact cadence is common
 * practice, unverified.
 */
const defaultCheckIns = (): CheckInStage[] => [
  { untilDay: 30, everyDays: 7 },
  { untilDay: 90, everyDays: 14 },
  { untilDay: 365, everyDays: 30 },
];

const defaultAfterALapse = (): string[] => [
  "Tell someone on your contact list the same day.",
  "Call the program: a lapse brings an earlier check-in and more support, not discharge.",
  "Go back to your coping strategies and go to a meeting.",
];

/**
 * After a relapse or positive test in the last phase of treatment: a closer first stage of
 * check-ins and more continuing-care sessions (seed 000: relapse calls for more support).
 */
export interface RelapseFollowUpPolicy {
  /** Days between the first check-ins; 1–365. @defaultValue 3 (unverified) */
  everyDays: number;
  /** The last day of that closer stage; 1–1095. @defaultValue 14 (unverified) */
  untilDay: number;
  /** Continuing-care sessions per week instead of the usual; 0.25–7. @defaultValue 2 (unverified) */
  continuingCareSessionsPerWeek: number;
}

/** Continuing care at a lower level of care after the program (seed 000: ongoing therapy). */
export interface ContinuingCarePolicy {
  /**
   * The level: outpatient therapy (ASAM 1; 1.5 in the 4th edition) or long-term remission
   * monitoring (ASAM 4th ed. 1.0). @defaultValue "outpatient"
   */
  level: "outpatient" | "remission-monitoring";
  /** Sessions per week; 0.25–7. @defaultValue 1 (weekly outpatient therapy; common practice, unverified) */
  sessionsPerWeek: number;
  /** Days from the start of aftercare to the first session, at most; 0–90. @defaultValue 7 (unverified) */
  startWithinDays: number;
}

/** Mutual-support groups (seed 000: AA, NA; SAMHSA TIP 47: mutual-support attendance encouraged). */
export interface MutualSupportPolicy {
  /** Meetings per week to aim for; 1–14. @defaultValue 3 (unverified) */
  meetingsPerWeek: number;
  /** How attendance is tracked: what the participant says, or verified (e.g. signed slips). @defaultValue "self-reported" */
  tracking: "self-reported" | "verified";
}

/** Days to complete a warm hand-off, from the start of aftercare. */
export interface HandoffDeadlines {
  /** To a higher level of care, to medical care or to a correctional health service; 0–30. @defaultValue 1 (unverified) */
  higher: number;
  /** To a lower level of care; 0–90. @defaultValue 7 (unverified) */
  lower: number;
  /** To the same level elsewhere (moved, program closed); 0–90. @defaultValue 14 (unverified) */
  elsewhere: number;
}

/** How the program answers a reported lapse (seed 000: relapse is not failure). */
export interface LapsePolicy {
  /** Days after a lapse by which to check in, when the next planned check-in is later; 0–30. @defaultValue 3 (unverified) */
  checkInWithinDays: number;
  /** Lapses within `windowDays` that call for a re-assessment for a return to IOP; 1–10. @defaultValue 2 (unverified) */
  reassessAfterLapses: number;
  /** The window lapses are counted in, in days up to the review date; 1–365. @defaultValue 30 (unverified) */
  windowDays: number;
  /** Days after the latest lapse by which to re-assess; 0–30. @defaultValue 7 (unverified) */
  reassessWithinDays: number;
}

/** The aftercare policy, as validated: every default filled in. */
export interface AftercarePolicy {
  /**
   * Check-in cadence: 1–12 stages in order, each until a later day and never more often than the
   * one before (check-ins thin out). Dates step by calendar days in the program's zone.
   * @defaultValue weekly to day 30, every 14 days to day 90, every 30 days to day 365 (seeds
   * 000, 003: continued monitoring; the cadence is common practice, unverified)
   */
  checkIns: CheckInStage[];
  /** A closer first stage and more continuing care after a relapse in the last phase. */
  afterRecentRelapse: RelapseFollowUpPolicy;
  /** Continuing care at a lower level after the program. */
  continuingCare: ContinuingCarePolicy;
  /** Mutual-support meetings to aim for and how they are tracked. */
  mutualSupport: MutualSupportPolicy;
  /** Weeks between family-therapy sessions when family was involved; 1–12. @defaultValue 2 (unverified) */
  familyTherapyEveryWeeks: number;
  /** Alumni group meetings a month (seeds 000, 003: alumni services, alumni groups); 1–31. @defaultValue 1 (unverified) */
  alumniMeetingsPerMonth: number;
  /**
   * Days from the start of aftercare to the first prescriber follow-up, at most, for participants
   * taking medication for addiction or mental health; 0–90. @defaultValue 7 (common practice, as
   * in follow-up within 7 days after a psychiatric discharge; unverified for IOP)
   */
  medicationFollowUpWithinDays: number;
  /** Days to complete a warm hand-off, from the start of aftercare. */
  handoffWithinDays: HandoffDeadlines;
  /**
   * Re-engagement outreach after a discharge for loss of contact: attempts on these days of
   * aftercare (0–365, strictly increasing, 1–20 of them). @defaultValue [1, 3, 7, 14, 30] (unverified)
   */
  reengagementAttemptDays: number[];
  /** Days after a missed check-in by which to reach out; 0–30. @defaultValue 1 (common practice: within 1–2 days; unverified) */
  outreachWithinDays: number;
  /** How the program answers a reported lapse. */
  lapse: LapsePolicy;
  /**
   * Steps pre-filled into every relapse-prevention plan's "after a lapse" list (at most 20); the
   * participant and clinician add their own. @defaultValue three steps: tell a contact, call the
   * program, use coping strategies and go to a meeting
   */
  afterALapseSteps: string[];
}

/** The aftercare policy as a clinic writes it: every field may be left out (see {@link AftercarePolicy} for the defaults). */
export interface AftercarePolicyInput {
  /** See {@link AftercarePolicy.checkIns}. */
  checkIns?: CheckInStage[] | undefined;
  /** See {@link AftercarePolicy.afterRecentRelapse}. */
  afterRecentRelapse?: Partial<RelapseFollowUpPolicy> | undefined;
  /** See {@link AftercarePolicy.continuingCare}. */
  continuingCare?: Partial<ContinuingCarePolicy> | undefined;
  /** See {@link AftercarePolicy.mutualSupport}. */
  mutualSupport?: Partial<MutualSupportPolicy> | undefined;
  /** See {@link AftercarePolicy.familyTherapyEveryWeeks}. */
  familyTherapyEveryWeeks?: number | undefined;
  /** See {@link AftercarePolicy.alumniMeetingsPerMonth}. */
  alumniMeetingsPerMonth?: number | undefined;
  /** See {@link AftercarePolicy.medicationFollowUpWithinDays}. */
  medicationFollowUpWithinDays?: number | undefined;
  /** See {@link AftercarePolicy.handoffWithinDays}. */
  handoffWithinDays?: Partial<HandoffDeadlines> | undefined;
  /** See {@link AftercarePolicy.reengagementAttemptDays}. */
  reengagementAttemptDays?: number[] | undefined;
  /** See {@link AftercarePolicy.outreachWithinDays}. */
  outreachWithinDays?: number | undefined;
  /** See {@link AftercarePolicy.lapse}. */
  lapse?: Partial<LapsePolicy> | undefined;
  /** See {@link AftercarePolicy.afterALapseSteps}. */
  afterALapseSteps?: string[] | undefined;
}

/** The stages must thin out, a recent relapse must not make check-ins rarer, attempts must increase. */
function policyRules(policy: AftercarePolicy, ctx: z.core.$RefinementCtx<AftercarePolicy>): void {
  policy.checkIns.forEach((stage, i) => {
    const before = policy.checkIns[i - 1];
    if (before === undefined) return;
    if (stage.untilDay <= before.untilDay)
      ctx.addIssue(
        customIssue(
          "check-in-stages-out-of-order",
          `stage ${i} ends on day ${stage.untilDay}, not after stage ${i - 1} (day ${before.untilDay})`,
          ["checkIns", i, "untilDay"],
        ),
      );
    if (stage.everyDays < before.everyDays)
      ctx.addIssue(
        customIssue(
          "check-ins-not-thinning",
          `check-ins must thin out: every ${stage.everyDays} days is more often than the stage before (every ${before.everyDays} days)`,
          ["checkIns", i, "everyDays"],
        ),
      );
  });
  const first = policy.checkIns[0];
  if (first !== undefined && policy.afterRecentRelapse.everyDays > first.everyDays)
    ctx.addIssue(
      customIssue(
        "relapse-check-ins-rarer",
        `check-ins after a recent relapse (every ${policy.afterRecentRelapse.everyDays} days) must not be rarer than the first stage (every ${first.everyDays} days)`,
        ["afterRecentRelapse", "everyDays"],
      ),
    );
  policy.reengagementAttemptDays.forEach((d, i) => {
    const before = policy.reengagementAttemptDays[i - 1];
    if (before !== undefined && d <= before)
      ctx.addIssue(
        customIssue(
          "attempt-days-out-of-order",
          `outreach attempt days must strictly increase: day ${d} after day ${before}`,
          ["reengagementAttemptDays", i],
        ),
      );
  });
}

/** The schema of the {@link AftercarePolicy}: fills in every default, then checks the rules between fields. */
export const AftercarePolicy: Schema<AftercarePolicy, AftercarePolicyInput> =
  /* @__PURE__ */ lazySchema(() =>
    strictObject({
      checkIns: _default(
        array(CheckInStage).check(z.minLength(1), z.maxLength(12)),
        defaultCheckIns,
      ),
      afterRecentRelapse: prefault(
        strictObject({
          everyDays: _default(count(1, 365), 3),
          untilDay: _default(day(1), 14),
          continuingCareSessionsPerWeek: _default(rate(), 2),
        }),
        {},
      ),
      continuingCare: prefault(
        strictObject({
          level: _default(z.enum(["outpatient", "remission-monitoring"]), "outpatient"),
          sessionsPerWeek: _default(rate(), 1),
          startWithinDays: _default(withinDays(90), 7),
        }),
        {},
      ),
      mutualSupport: prefault(
        strictObject({
          meetingsPerWeek: _default(count(1, 14), 3),
          tracking: _default(z.enum(["self-reported", "verified"]), "self-reported"),
        }),
        {},
      ),
      familyTherapyEveryWeeks: _default(count(1, 12), 2),
      alumniMeetingsPerMonth: _default(count(1, 31), 1),
      medicationFollowUpWithinDays: _default(withinDays(90), 7),
      handoffWithinDays: prefault(
        strictObject({
          higher: _default(withinDays(30), 1),
          lower: _default(withinDays(90), 7),
          elsewhere: _default(withinDays(90), 14),
        }),
        {},
      ),
      reengagementAttemptDays: _default(
        array(count(0, 365)).check(z.minLength(1), z.maxLength(20)),
        () => [1, 3, 7, 14, 30],
      ),
      outreachWithinDays: _default(withinDays(30), 1),
      lapse: prefault(
        strictObject({
          checkInWithinDays: _default(withinDays(30), 3),
          reassessAfterLapses: _default(count(1, 10), 2),
          windowDays: _default(count(1, 365), 30),
          reassessWithinDays: _default(withinDays(30), 7),
        }),
        {},
      ),
      afterALapseSteps: _default(array(LabelSchema).check(z.maxLength(20)), defaultAfterALapse),
    }).check(onceValid(policyRules)),
  );
