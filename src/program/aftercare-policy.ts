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
import { pure } from "../core/pure";
import { z } from "zod";
import { LabelSchema } from "../core/index";

/** Longest aftercare horizon, in days (three years). */
const MAX_DAY = 1095;
const day = (min: number) => z.number().int().min(min).max(MAX_DAY);
const withinDays = (max: number) => z.number().int().min(0).max(max);

/**
 * One stage of the check-in cadence: a check-in every `everyDays` days, on days up to `untilDay`
 * (day 0 is the first day of aftercare).
 */
export const CheckInStage = /* @__PURE__ */ pure(() =>
  z.strictObject({
    /** The last day of aftercare (counted from day 0) a check-in of this stage may be due on. */
    untilDay: day(1),
    /** Days from one check-in to the next in this stage. */
    everyDays: z.number().int().min(1).max(365),
  }),
);
/** A stage of the check-in cadence, e.g. `{ untilDay: 30, everyDays: 7 }` (weekly in month 1). */
export type CheckInStage = z.infer<typeof CheckInStage>;

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

/** The aftercare policy, as validated. See {@link AftercarePolicy}'s fields for every default. */
export const AftercarePolicy = /* @__PURE__ */ pure(() =>
  z
    .strictObject({
      /**
       * Check-in cadence: stages in order, each until a later day and never more often than the one
       * before (check-ins thin out). Dates step by calendar days in the program's zone.
       * @defaultValue weekly to day 30, every 14 days to day 90, every 30 days to day 365 (seeds
       * 000, 003: continued monitoring; the cadence is common practice, unverified)
       */
      checkIns: z.array(CheckInStage).min(1).max(12).default(defaultCheckIns),
      /**
       * After a relapse or positive test in the last phase of treatment: a closer first stage of
       * check-ins and more continuing-care sessions (seed 000: relapse calls for more support).
       */
      afterRecentRelapse: z
        .strictObject({
          /** Days between the first check-ins. @defaultValue 3 (unverified) */
          everyDays: z.number().int().min(1).max(365).default(3),
          /** The last day of that closer stage. @defaultValue 14 (unverified) */
          untilDay: day(1).default(14),
          /** Continuing-care sessions per week instead of the usual. @defaultValue 2 (unverified) */
          continuingCareSessionsPerWeek: z.number().min(0.25).max(7).default(2),
        })
        .prefault({}),
      /** Continuing care at a lower level of care after the program (seed 000: ongoing therapy). */
      continuingCare: z
        .strictObject({
          /**
           * The level: outpatient therapy (ASAM 1; 1.5 in the 4th edition) or long-term remission
           * monitoring (ASAM 4th ed. 1.0). @defaultValue "outpatient"
           */
          level: z.enum(["outpatient", "remission-monitoring"]).default("outpatient"),
          /** Sessions per week. @defaultValue 1 (weekly outpatient therapy; common practice, unverified) */
          sessionsPerWeek: z.number().min(0.25).max(7).default(1),
          /** Days from the start of aftercare to the first session, at most. @defaultValue 7 (unverified) */
          startWithinDays: withinDays(90).default(7),
        })
        .prefault({}),
      /** Mutual-support groups (seed 000: AA, NA; SAMHSA TIP 47: mutual-support attendance encouraged). */
      mutualSupport: z
        .strictObject({
          /** Meetings per week to aim for. @defaultValue 3 (unverified) */
          meetingsPerWeek: z.number().int().min(1).max(14).default(3),
          /** How attendance is tracked: what the participant says, or verified (e.g. signed slips). @defaultValue "self-reported" */
          tracking: z.enum(["self-reported", "verified"]).default("self-reported"),
        })
        .prefault({}),
      /** Weeks between family-therapy sessions when family was involved. @defaultValue 2 (unverified) */
      familyTherapyEveryWeeks: z.number().int().min(1).max(12).default(2),
      /** Alumni group meetings a month (seeds 000, 003: alumni services, alumni groups). @defaultValue 1 (unverified) */
      alumniMeetingsPerMonth: z.number().int().min(1).max(31).default(1),
      /**
       * Days from the start of aftercare to the first prescriber follow-up, at most, for participants
       * taking medication for addiction or mental health. @defaultValue 7 (common practice, as in
       * follow-up within 7 days after a psychiatric discharge; unverified for IOP)
       */
      medicationFollowUpWithinDays: withinDays(90).default(7),
      /** Days to complete a warm hand-off, from the start of aftercare. */
      handoffWithinDays: z
        .strictObject({
          /** To a higher level of care, to medical care or to a correctional health service. @defaultValue 1 (unverified) */
          higher: withinDays(30).default(1),
          /** To a lower level of care. @defaultValue 7 (unverified) */
          lower: withinDays(90).default(7),
          /** To the same level elsewhere (moved, program closed). @defaultValue 14 (unverified) */
          elsewhere: withinDays(90).default(14),
        })
        .prefault({}),
      /**
       * Re-engagement outreach after a discharge for loss of contact: attempts on these days of
       * aftercare, strictly increasing. @defaultValue [1, 3, 7, 14, 30] (unverified)
       */
      reengagementAttemptDays: z
        .array(z.number().int().min(0).max(365))
        .min(1)
        .max(20)
        .default(() => [1, 3, 7, 14, 30]),
      /** Days after a missed check-in by which to reach out. @defaultValue 1 (common practice: within 1–2 days; unverified) */
      outreachWithinDays: withinDays(30).default(1),
      /** How the program answers a reported lapse (seed 000: relapse is not failure). */
      lapse: z
        .strictObject({
          /** Days after a lapse by which to check in, when the next planned check-in is later. @defaultValue 3 (unverified) */
          checkInWithinDays: withinDays(30).default(3),
          /** Lapses within `windowDays` that call for a re-assessment for a return to IOP. @defaultValue 2 (unverified) */
          reassessAfterLapses: z.number().int().min(1).max(10).default(2),
          /** The window lapses are counted in, in days up to the review date. @defaultValue 30 (unverified) */
          windowDays: z.number().int().min(1).max(365).default(30),
          /** Days after the latest lapse by which to re-assess. @defaultValue 7 (unverified) */
          reassessWithinDays: withinDays(30).default(7),
        })
        .prefault({}),
      /**
       * Steps pre-filled into every relapse-prevention plan's "after a lapse" list; the participant
       * and clinician add their own. @defaultValue three steps: tell a contact, call the program,
       * use coping strategies and go to a meeting
       */
      afterALapseSteps: z.array(LabelSchema).max(20).default(defaultAfterALapse),
    })
    .superRefine(
      (policy, ctx) => {
        policy.checkIns.forEach((stage, i) => {
          const before = policy.checkIns[i - 1];
          if (before === undefined) return;
          if (stage.untilDay <= before.untilDay)
            ctx.addIssue({
              code: "custom",
              message: `stage ${i} ends on day ${stage.untilDay}, not after stage ${i - 1} (day ${before.untilDay})`,
              path: ["checkIns", i, "untilDay"],
              params: { code: "check-in-stages-out-of-order" },
            });
          if (stage.everyDays < before.everyDays)
            ctx.addIssue({
              code: "custom",
              message: `check-ins must thin out: every ${stage.everyDays} days is more often than the stage before (every ${before.everyDays} days)`,
              path: ["checkIns", i, "everyDays"],
              params: { code: "check-ins-not-thinning" },
            });
        });
        const first = policy.checkIns[0];
        if (first !== undefined && policy.afterRecentRelapse.everyDays > first.everyDays)
          ctx.addIssue({
            code: "custom",
            message: `check-ins after a recent relapse (every ${policy.afterRecentRelapse.everyDays} days) must not be rarer than the first stage (every ${first.everyDays} days)`,
            path: ["afterRecentRelapse", "everyDays"],
            params: { code: "relapse-check-ins-rarer" },
          });
        policy.reengagementAttemptDays.forEach((d, i) => {
          const before = policy.reengagementAttemptDays[i - 1];
          if (before !== undefined && d <= before)
            ctx.addIssue({
              code: "custom",
              message: `outreach attempt days must strictly increase: day ${d} after day ${before}`,
              path: ["reengagementAttemptDays", i],
              params: { code: "attempt-days-out-of-order" },
            });
        });
      },
      { when: (payload) => payload.issues.length === 0 },
    ),
);
/** The aftercare policy, as validated (every default filled in). */
export type AftercarePolicy = z.infer<typeof AftercarePolicy>;
/** The aftercare policy as a clinic writes it: every field may be left out. */
export type AftercarePolicyInput = z.input<typeof AftercarePolicy>;
