/**
 * `planAftercare`: the end of an episode, modelled as well as its start — a plan derived from the
 * participant's profile, the course of the episode and how it ended, with a reason on every
 * component. Each message names its public source (SAMHSA Advisory on IOP (2021) for mutual
 * support, vocational, family and medication; SAMHSA TIP 47 (2006) for continuing care and relapse
 * prevention; NIDA, Drugs, Brains, and Behavior (2020) for "relapse is not failure"), or says
 * "unverified" where no public source supports it (sober living, educational support, alumni,
 * check-in cadences, outreach days).
 */
import { match } from "ts-pattern";
import {
  afterOpioidTreatment,
  afterRelease,
  asamDimension6,
  crisisLine988,
  endOfTreatmentReason,
  dischargeType,
  iopAdvisory,
  lossOfTolerance,
  overdoseToolkit,
  part2Consent,
  relapseIsNotFailure,
  safetyPlanning,
  tip47,
} from "./citations";
import type { MeasureScore } from "../measures/index";
import { misuse, describeValue } from "../core/errors";
import { addDays, MAX_EPOCH_DAY, tryParseIsoDate, type IsoDate } from "../core/calendar";
import {
  transferDirectionAgrees,
  type AftercareEpisode,
  type DischargedEpisode,
  type EpisodeState,
  type Treatment,
} from "../episode/index";
import type { Participant } from "../participant/index";
import {
  levelsOfCare,
  usesAsamLevels,
  type CheckInStage,
  type LevelOfCareId,
  type Program,
} from "../program/index";
import type {
  AftercareComponent,
  AftercareComponentKind,
  AftercarePlan,
  AftercareReason,
  AftercareSituation,
  ComponentOf,
  HandoffDestination,
  MutualSupportGroup,
} from "./aftercare-plan";
import {
  aftercarePlanFormat,
  overdoseTopics,
  plural,
  type AftercareReasonCode,
} from "./aftercare-plan";
import { attemptDates, checkInDates, openDays, type NextOpenDay } from "./contact-dates";
import {
  relapsePreventionPlanFormat,
  type PlanEntry,
  type SupportContact,
} from "./relapse-prevention-plan";
import {
  aftercareComponentsBySituation,
  aftercareSituation,
  reducedToleranceSituations,
} from "./situation";

/** What {@link planAftercare} takes. */
export interface PlanAftercareInput {
  /** The participant's profile: living situation, responsibilities, family, medications, conditions. */
  readonly participant: Participant;
  /** The episode, discharged (or in aftercare): only these carry a discharge. */
  readonly episode: DischargedEpisode | AftercareEpisode;
  /** The program: its `aftercarePolicy`, calendar (operating days, closures) and zone. */
  readonly program: Program;
  /** The first day of aftercare (day 0), a calendar date in the program's zone; not before the discharge. */
  readonly from: IsoDate;
  /**
   * The participant's measure scores during treatment (`scoreMeasure`'s results, at most
   * 10,000). A score with the flag `suicidal-ideation` (PHQ-9 item 9 above 0) adds the
   * `crisis-support` component. @defaultValue none
   */
  readonly scores?: readonly MeasureScore[];
}

type Relapse = Treatment["relapses"][number];

interface Context {
  readonly participant: Participant;
  readonly episode: DischargedEpisode | AftercareEpisode;
  readonly program: Program;
  readonly policy: Program["aftercarePolicy"];
  readonly from: IsoDate;
  readonly fromDay: number;
  readonly nextOpen: NextOpenDay;
  readonly situation: AftercareSituation;
  /** Relapses and positive tests during the whole treatment. */
  readonly relapses: readonly Relapse[];
  /** Those in the last phase the participant was in. */
  readonly recentRelapses: readonly Relapse[];
  readonly hasSubstanceUse: boolean;
  readonly medications: Participant["medications"];
  /** The scores that raised `suicidal-ideation`. */
  readonly ideation: readonly MeasureScore[];
}

const CONTEXT = "planAftercare";
const MAX_SCORES = 10_000;

/** The ASAM continuum a transfer steps along, least intensive first. */
const continuum: readonly LevelOfCareId[] = [
  "remission-monitoring",
  "outpatient",
  "intensive-outpatient",
  "partial-hospitalization",
  "residential",
  "inpatient",
];

/**
 * Plans aftercare for a discharged episode. The plan's shape follows the discharge (see
 * {@link aftercareSituation} and the table in {@link aftercareComponentsBySituation}): completion
 * steps down to continuing care with check-ins, mutual support, alumni services and a
 * relapse-prevention plan; a transfer gets a warm hand-off; a loss of contact gets re-engagement
 * outreach; a death gets an empty plan that says why. Within that shape the profile adds sober
 * living (an unsafe, unsupportive or unstable home), vocational or educational support (work,
 * school), family therapy (family involved) and medication continuity (a medication for addiction
 * or mental health, with the first prescriber follow-up date), naloxone and overdose-risk education
 * (substance use; required after leaving early, a loss of contact, custody or a step up: SAMHSA
 * Overdose Prevention and Response Toolkit (2025)) and a crisis line with a safety plan (a score in
 * `scores` raised `suicidal-ideation`: 988 Lifeline (2022); Stanley and Brown (2012)).
 *
 * A relapse or positive test in the last phase of treatment strengthens the plan: closer check-ins
 * first (`aftercarePolicy.afterRecentRelapse`) and more continuing-care sessions; any relapse or
 * step-up pre-fills the relapse-prevention plan's triggers. Relapse is not failure (NIDA, Drugs,
 * Brains, and Behavior (2020), Treatment and Recovery).
 *
 * Check-ins and outreach attempts are calendar dates in the program's zone on **open days** (an
 * operating weekday that is not a closure): a date that falls on another day moves forward to the
 * next open day, keeping `movedFrom`. Check-in gaps never shrink (see the guide "Aftercare and
 * continued monitoring"). Deadlines (`startBy`, `firstFollowUp`, a hand-off's `by`) are not moved.
 * Every number comes from `program.aftercarePolicy` (common practice, unverified). Pure and
 * deterministic.
 *
 * Throws {@link core!IopError | IopError} for misuse: `from` not a date (`invalid-date`) or before
 * the discharge (`before-discharge`), too late to plan (`date-out-of-range`), a participant or
 * program other than the episode's (`participant-mismatch`, `program-mismatch`), an episode
 * without a discharge (`not-discharged`; the type already forbids it), a transfer whose
 * `referredTo` contradicts its direction (`transfer-direction-mismatch`; `applyEvent` refuses such
 * a discharge, so only a hand-built state carries one).
 *
 * @example
 * ```ts
 * const plan = planAftercare({ participant, episode, program, from: "2026-06-02" });
 * for (const c of plan.components) console.log(c.kind, c.reason.message);
 * ```
 */
export function planAftercare(input: PlanAftercareInput): AftercarePlan {
  const { participant, episode, program, from } = input;
  const scores: unknown = input.scores;
  if (scores !== undefined && (!Array.isArray(scores) || scores.length > MAX_SCORES))
    misuse(
      CONTEXT,
      Array.isArray(scores) ? "limit-exceeded" : "invalid-input",
      Array.isArray(scores)
        ? `scores may hold at most ${MAX_SCORES} entries, got ${scores.length}`
        : `scores must be a list of measure scores, got ${describeValue(scores)}`,
      ["scores"],
    );
  const status = (episode as EpisodeState).status;
  if (status !== "discharged" && status !== "aftercare")
    misuse(CONTEXT, "not-discharged", `the episode is ${status}: plan aftercare after discharge`, [
      "episode",
    ]);
  const fromDay = tryParseIsoDate(from);
  if (fromDay === undefined)
    misuse(
      CONTEXT,
      "invalid-date",
      `from must be a calendar date YYYY-MM-DD, got ${describeValue(from)}`,
      ["from"],
    );
  if (from < episode.discharge.on)
    misuse(
      CONTEXT,
      "before-discharge",
      `aftercare cannot start (${from}) before the discharge (${episode.discharge.on})`,
      ["from"],
    );
  if (fromDay + 1200 + 7 * (program.closures.length + 1) > MAX_EPOCH_DAY)
    misuse(CONTEXT, "date-out-of-range", `from (${from}) is too late to plan a year ahead`, [
      "from",
    ]);
  if (participant.id !== episode.participantId)
    misuse(
      CONTEXT,
      "participant-mismatch",
      `the participant is ${participant.id}, the episode is ${episode.participantId}'s`,
      ["participant", "id"],
    );
  if (program.id !== episode.programId)
    misuse(
      CONTEXT,
      "program-mismatch",
      `the program is ${program.id}, the episode is in ${episode.programId}`,
      ["program", "id"],
    );
  const left = levelLeft(episode, program);
  const { type, referredTo } = episode.discharge;
  if (!transferDirectionAgrees(type, left, referredTo))
    misuse(
      CONTEXT,
      "transfer-direction-mismatch",
      `a ${type} discharge cannot refer to ${referredTo ?? ""}: the participant was in ${left}`,
      ["episode", "discharge", "referredTo"],
    );

  const relapses = episode.treatment?.relapses ?? [];
  const last = episode.treatment?.phaseHistory.at(-1);
  const ctx: Context = {
    participant,
    episode,
    program,
    policy: program.aftercarePolicy,
    from,
    fromDay,
    nextOpen: openDays(program, CONTEXT),
    situation: aftercareSituation(episode.discharge),
    relapses,
    recentRelapses: last === undefined ? [] : relapses.filter((r) => r.on >= last.from),
    hasSubstanceUse: participant.conditions.some((c) => c.kind === "substance-use"),
    medications: participant.medications.filter((m) => m.purpose !== "other"),
    ideation: (input.scores ?? []).filter((sc) =>
      sc.flags.some((f) => f.code === "suicidal-ideation"),
    ),
  };
  const { discharge } = episode;
  return {
    formatVersion: aftercarePlanFormat.version,
    participantId: episode.participantId,
    programId: episode.programId,
    ...(episode.episodeId === undefined ? {} : { episodeId: episode.episodeId }),
    from,
    timeZone: program.timeZone,
    discharge: {
      on: discharge.on,
      type: discharge.type,
      reason: discharge.reason,
      ...(discharge.referredTo === undefined ? {} : { referredTo: discharge.referredTo }),
    },
    situation: ctx.situation,
    summary: summaryOf(ctx),
    components: aftercareComponentsBySituation[ctx.situation].flatMap((kind) =>
      componentsOf(kind, ctx),
    ),
  };
}

function componentsOf(kind: AftercareComponentKind, ctx: Context): AftercareComponent[] {
  const one = (c: AftercareComponent | undefined): AftercareComponent[] =>
    c === undefined ? [] : [c];
  return match(kind)
    .returnType<AftercareComponent[]>()
    .with("continuing-care", () => [continuingCare(ctx)])
    .with("mutual-support", () => [mutualSupport(ctx)])
    .with("sober-living", () => one(soberLiving(ctx)))
    .with("vocational", () =>
      ctx.participant.responsibilities.includes("work")
        ? [
            {
              kind: "vocational" as const,
              reason: {
                code: "work-at-stake",
                message: `Work is part of the participant's life: vocational support to keep, return to or find work (${iopAdvisory.text}: vocational rehabilitation).`,
                evidence: { responsibilities: ctx.participant.responsibilities },
              },
            },
          ]
        : [],
    )
    .with("educational", () =>
      ctx.participant.responsibilities.includes("school")
        ? [
            {
              kind: "educational" as const,
              reason: {
                code: "school-at-stake",
                message:
                  "School is part of the participant's life: educational support to stay in or return to school (unverified: common practice, no public source found).",
                evidence: { responsibilities: ctx.participant.responsibilities },
              },
            },
          ]
        : [],
    )
    .with("family-therapy", () =>
      ctx.participant.familyInvolved
        ? [
            {
              kind: "family-therapy" as const,
              reason: {
                code: "family-involved",
                message: `Family was involved in treatment: continue family therapy every ${plural(ctx.policy.familyTherapyEveryWeeks, "week")} (${iopAdvisory.text}: family involvement; the interval is unverified).`,
                evidence: { familyInvolved: true },
              },
              everyWeeks: ctx.policy.familyTherapyEveryWeeks,
            },
          ]
        : [],
    )
    .with("medication-continuity", () => one(medicationContinuity(ctx)))
    .with("alumni", () => [
      {
        kind: "alumni" as const,
        reason: {
          code: "alumni",
          message: `Alumni group membership and events, ${plural(ctx.policy.alumniMeetingsPerMonth, "meeting")} a month, to stay connected with peers (unverified: alumni services are common practice, no public source found).`,
        },
        meetingsPerMonth: ctx.policy.alumniMeetingsPerMonth,
      },
    ])
    .with("re-engagement-outreach", () => [reengagement(ctx)])
    .with("warm-handoff", () => one(warmHandoff(ctx)))
    .with("relapse-prevention", () => [relapsePrevention(ctx)])
    .with("monitoring", () => [monitoring(ctx)])
    .with("crisis-support", () => one(crisisSupport(ctx)))
    .with("overdose-prevention", () => one(overdosePrevention(ctx)))
    .exhaustive();
}

function summaryOf(ctx: Context): AftercareReason {
  const { discharge } = ctx.episode;
  const why = discharge.reason.replace(/-/g, " ");
  const evidence = {
    type: discharge.type,
    reason: discharge.reason,
    ...(discharge.referredTo === undefined ? {} : { referredTo: discharge.referredTo }),
  };
  const [code, message] = match(ctx.situation)
    .returnType<[AftercareReasonCode, string]>()
    .with("completed", () => [
      "completed",
      `The program was completed on ${discharge.on}: step down to continuing care, with check-ins that thin out, mutual support, alumni services and a relapse-prevention plan (${tip47.text}: continuing care; ${iopAdvisory.text}: mutual support).`,
    ])
    .with("stepped-down", () => [
      "transferred-lower",
      `Transferred to a lower level of care on ${discharge.on}: a warm hand-off, with check-ins, mutual support, alumni services and a relapse-prevention plan (${dischargeType.text}: transferred; ${iopAdvisory.text}: mutual support).`,
    ])
    .with("stepped-up", () => [
      "transferred-higher",
      `Transferred to a higher level of care on ${discharge.on}: a warm hand-off; the receiving provider takes over monitoring, and the relapse-prevention plan and medications go with the participant.`,
    ])
    .with("continuing-elsewhere", () => [
      "continuing-elsewhere",
      `Treatment ended before completion on ${discharge.on} (${why}): a warm hand-off to the same level of care elsewhere, with check-ins until it is done and beyond.`,
    ])
    .with("left-early", () => [
      "left-early",
      `Treatment ended before completion on ${discharge.on} (${why}): continuing care is offered, check-ins keep the door open; relapse is not failure (${relapseIsNotFailure.text}).`,
    ])
    .with("lost-to-contact", () => [
      "lost-to-contact",
      `The participant stopped coming and contact failed (discharged ${discharge.on}): re-engagement outreach, not a closed file (${relapseIsNotFailure.text}: relapse calls for resuming treatment).`,
    ])
    .with("medical", () => [
      "medical",
      `Treatment ended on ${discharge.on} for medical reasons: a hand-off to the medical team with the medication list, and check-ins to offer a return when the participant is able.`,
    ])
    .with("incarcerated", () => [
      "incarcerated",
      `The participant is in custody (discharged ${discharge.on}): a hand-off to the correctional health service with the medication list and the relapse-prevention plan.`,
    ])
    .with("died", () => [
      "died",
      `The participant died (discharged ${discharge.on}): no aftercare plan.`,
    ])
    .exhaustive();
  return { code, message, evidence };
}

/**
 * The level of care the discharge left: the phase in force at discharge, else the admission phase,
 * else the program's first phase (as `applyEvent` reads it).
 */
function levelLeft(episode: DischargedEpisode | AftercareEpisode, program: Program): LevelOfCareId {
  const id = episode.discharge.phaseId ?? episode.treatment?.admission.phaseId;
  const phase = episode.ladder.find((p) => p.id === id) ?? episode.ladder[0];
  return phase?.levelOfCare ?? program.levelOfCare;
}

/**
 * `"outpatient (ASAM 1)"`, `"remission-monitoring (ASAM 1.0)"`: a level with its code(s) in the
 * program's edition; the concept alone when the program does not serve substance use.
 */
function levelLabel(level: LevelOfCareId, program: Program): string {
  const codes = usesAsamLevels(program)
    ? levelsOfCare.filter((l) => l.id === level && l.edition === program.asamEdition)
    : [];
  return codes.length === 0 ? level : `${level} (ASAM ${codes.map((l) => l.code).join("/")})`;
}

function relapseNote(ctx: Context): string {
  const n = ctx.recentRelapses.length;
  return `${plural(n, "relapse or positive test")} in the last phase of treatment (${ctx.recentRelapses.map((r) => r.on).join(", ")})`;
}

function continuingCare(ctx: Context): ComponentOf<"continuing-care"> {
  const { policy } = ctx;
  const recent = ctx.recentRelapses.length > 0;
  const sessions = recent
    ? policy.afterRecentRelapse.continuingCareSessionsPerWeek
    : policy.continuingCare.sessionsPerWeek;
  const level = policy.continuingCare.level;
  const startBy = addDays(ctx.from, policy.continuingCare.startWithinDays);
  const what = `${levelLabel(level, ctx.program)}, ${plural(sessions, "session")} a week, starting by ${startBy}`;
  const more = recent
    ? ` ${plural(sessions, "session")} rather than ${policy.continuingCare.sessionsPerWeek} after ${relapseNote(ctx)} (${relapseIsNotFailure.text}: relapse calls for adjusting treatment; the number is unverified).`
    : "";
  const completed = ctx.situation === "completed";
  return {
    kind: "continuing-care",
    reason: {
      code: completed ? "step-down-after-completion" : "continuing-care-offer",
      message: completed
        ? `Continuing care at a lower level after completing the program: ${what} (${tip47.text}: continuing care).${more}`
        : `Offer continuing care after treatment ended early: ${what} (${tip47.text}: continuing care).${more}`,
      evidence: {
        level,
        sessionsPerWeek: sessions,
        recentRelapses: ctx.recentRelapses.map((r) => r.on),
      },
    },
    level,
    sessionsPerWeek: sessions,
    startBy,
  };
}

function mutualSupport(ctx: Context): ComponentOf<"mutual-support"> {
  const { meetingsPerWeek, tracking } = ctx.policy.mutualSupport;
  const other = ctx.participant.conditions.some((c) => c.kind !== "substance-use");
  const groups: MutualSupportGroup[] = [
    ...(ctx.hasSubstanceUse ? (["aa", "na", "smart-recovery"] as const) : []),
    ...(other || !ctx.hasSubstanceUse ? (["peer-support-group"] as const) : []),
  ];
  return {
    kind: "mutual-support",
    reason: {
      code: "mutual-support",
      message: `Go to ${plural(meetingsPerWeek, "mutual-support meeting")} a week (${groups.join(", ")}); attendance is ${tracking} at check-ins (${iopAdvisory.text}: encourage attendance at mutual-support groups).`,
      evidence: { conditions: ctx.participant.conditions.map((c) => c.kind) },
    },
    groups,
    meetingsPerWeek,
    tracking,
  };
}

const homeText: Readonly<Record<Participant["living"], string>> = {
  "supportive-home": "the home is supportive",
  "unsupportive-home": "the home is unsupportive",
  "unsafe-home": "the home is unsafe",
  "sober-living": "the participant lives in sober living",
  "unstable-housing": "housing is unstable",
};

function soberLiving(ctx: Context): ComponentOf<"sober-living"> | undefined {
  if (!ctx.hasSubstanceUse) return undefined;
  const { living } = ctx.participant;
  const rating = ctx.participant.dimensions.recoveryEnvironment;
  const evidence = { living, ...(rating === undefined ? {} : { recoveryEnvironment: rating }) };
  if (living === "sober-living")
    return {
      kind: "sober-living",
      reason: {
        code: "sober-living-continue",
        message:
          "The participant lives in sober living: keep that place through early recovery (unverified: common practice, no public source found).",
        evidence,
      },
      action: "continue",
    };
  const home = living !== "supportive-home";
  const risky = rating !== undefined && rating >= 3;
  if (!home && !risky) return undefined;
  const why = [
    ...(home ? [homeText[living]] : []),
    ...(risky ? [`the recovery environment is rated ${rating} (${asamDimension6.text})`] : []),
  ].join(" and ");
  return {
    kind: "sober-living",
    reason: {
      code: "home-environment",
      message: `Arrange sober living: ${why} (unverified: sober living as the answer is common practice, no public source found).`,
      evidence,
    },
    action: "arrange",
  };
}

function medicationContinuity(ctx: Context): ComponentOf<"medication-continuity"> | undefined {
  if (ctx.medications.length === 0) return undefined;
  const firstFollowUp = addDays(ctx.from, ctx.policy.medicationFollowUpWithinDays);
  const names = ctx.medications.map((m) => `${m.name} (${m.purpose})`).join(", ");
  const how = match(ctx.situation)
    .with(
      "stepped-up",
      "medical",
      "incarcerated",
      "continuing-elsewhere",
      () => "hand the medication list to the receiving provider and confirm it",
    )
    .with(
      "lost-to-contact",
      () => "tell the prescriber the participant is out of contact, and offer it when reached",
    )
    .with("completed", "stepped-down", "left-early", "died", () => "book it")
    .exhaustive();
  return {
    kind: "medication-continuity",
    reason: {
      code: "medication-continuity",
      message: `Takes medication for addiction or mental health — ${names}. First prescriber follow-up by ${firstFollowUp}: ${how} (${iopAdvisory.text}: medication-assisted treatment; the follow-up interval is unverified).`,
      evidence: { medications: ctx.medications },
    },
    medications: ctx.medications.map((m) => ({ name: m.name, purpose: m.purpose })),
    firstFollowUp,
  };
}

function reengagement(ctx: Context): ComponentOf<"re-engagement-outreach"> {
  const days = ctx.policy.reengagementAttemptDays;
  return {
    kind: "re-engagement-outreach",
    reason: {
      code: "lost-to-contact",
      message: `Contact was lost: try to reach the participant on days ${days.join(", ")} of aftercare; when reached, re-assess for a return to treatment (${endOfTreatmentReason.text}: stopped coming and contact failed; ${relapseIsNotFailure.text}: relapse is not failure; the days are unverified).`,
      evidence: { attemptDays: days },
    },
    attempts: attemptDates(ctx.fromDay, days, ctx.nextOpen),
  };
}

function warmHandoff(ctx: Context): ComponentOf<"warm-handoff"> | undefined {
  const { discharge } = ctx.episode;
  const within = ctx.policy.handoffWithinDays;
  const current = levelLeft(ctx.episode, ctx.program);
  const step = (by: 1 | -1): LevelOfCareId | undefined => {
    const i = continuum.indexOf(current);
    return i < 0 ? undefined : continuum[i + by];
  };
  const target = match(ctx.situation)
    .returnType<
      { to: HandoffDestination; inferred: LevelOfCareId | undefined; days: number } | undefined
    >()
    .with("stepped-up", () => ({ to: "higher-level", inferred: step(1), days: within.higher }))
    .with("stepped-down", () => ({ to: "lower-level", inferred: step(-1), days: within.lower }))
    .with("continuing-elsewhere", () => ({
      to: "same-level-elsewhere",
      inferred: current,
      days: within.elsewhere,
    }))
    .with("medical", () => ({ to: "medical-care", inferred: undefined, days: within.higher }))
    .with("incarcerated", () => ({
      to: "correctional-health-care",
      inferred: undefined,
      days: within.higher,
    }))
    .with("completed", "left-early", "lost-to-contact", "died", () => undefined)
    .exhaustive();
  if (target === undefined) return undefined;
  const level = discharge.referredTo ?? target.inferred;
  const by = addDays(ctx.from, target.days);
  const where =
    level === undefined
      ? target.to.replace(/-/g, " ")
      : `${target.to.replace(/-/g, " ")}: ${levelLabel(level, ctx.program)}`;
  const source =
    discharge.referredTo !== undefined
      ? "the level recorded at discharge"
      : level !== undefined && target.to !== "same-level-elsewhere"
        ? `not recorded at discharge: one step along the ASAM continuum from ${current}`
        : level !== undefined
          ? "the level the participant was in"
          : "no level recorded";
  return {
    kind: "warm-handoff",
    reason: {
      code: discharge.referredTo === undefined ? "handoff" : "handoff-recorded-level",
      message: `Warm hand-off to ${where} (${source}), complete by ${by}: introduce the participant to the receiving provider and send the plan with consent (${dischargeType.text}: transferred; ${part2Consent.text}: consent applies; the hand-off practice is unverified).`,
      evidence: {
        from: current,
        ...(discharge.referredTo === undefined ? {} : { referredTo: discharge.referredTo }),
      },
    },
    to: target.to,
    ...(level === undefined ? {} : { level }),
    by,
  };
}

function relapsePrevention(ctx: Context): ComponentOf<"relapse-prevention"> {
  const { participant, program, relapses } = ctx;
  const stepUps = ctx.episode.treatment?.stepUps ?? 0;
  const substances = [...new Set(relapses.flatMap((r) => r.substances))];
  const triggers: PlanEntry[] = substances.map((s) => ({
    text: `${s}: used or tested positive during treatment`,
    source: "episode",
  }));
  if (participant.living === "unsafe-home" || participant.living === "unsupportive-home")
    triggers.push({ text: homeText[participant.living], source: "profile" });
  const contacts: SupportContact[] = [{ role: "program", name: program.name }];
  if (participant.familyInvolved) contacts.push({ role: "family" });
  if (ctx.medications.length > 0) contacts.push({ role: "prescriber" });
  const history = relapses.length > 0 || stepUps > 0;
  return {
    kind: "relapse-prevention",
    reason: {
      code: history ? "relapse-history" : "relapse-prevention",
      message: history
        ? `A relapse-prevention plan built on what treatment showed — ${plural(relapses.length, "relapse or positive test")} and ${plural(stepUps, "step-up")}: triggers are pre-filled; the participant adds warning signs, coping strategies and people to call (${tip47.text}: relapse prevention; ${relapseIsNotFailure.text}: relapse is not failure).`
        : `A relapse-prevention plan the participant fills in: triggers, warning signs, coping strategies, people to call, what to do after a lapse (${tip47.text}: relapse prevention).`,
      evidence: {
        relapses: relapses.map((r) => ({ on: r.on, kind: r.kind, substances: [...r.substances] })),
        stepUps,
      },
    },
    plan: {
      formatVersion: relapsePreventionPlanFormat.version,
      triggers,
      warningSigns: [],
      copingStrategies: [],
      contacts,
      afterALapse: ctx.policy.afterALapseSteps.map((text) => ({ text, source: "program" })),
    },
  };
}

function describeCadence(stages: readonly CheckInStage[]): string {
  return stages.map((s) => `every ${plural(s.everyDays, "day")} to day ${s.untilDay}`).join(", ");
}

function monitoring(ctx: Context): ComponentOf<"monitoring"> {
  const { policy } = ctx;
  const recent = ctx.recentRelapses.length > 0;
  const early = policy.afterRecentRelapse;
  const stages: CheckInStage[] = recent
    ? [{ untilDay: early.untilDay, everyDays: early.everyDays }, ...policy.checkIns]
    : [...policy.checkIns];
  const checkIns = checkInDates(ctx.fromDay, stages, ctx.nextOpen);
  const moved = checkIns.filter((c) => c.movedFrom !== undefined).length;
  return {
    kind: "monitoring",
    reason: {
      code: recent ? "monitoring-after-relapse" : "continued-monitoring",
      message: `${plural(checkIns.length, "check-in")} that thin out: ${describeCadence(stages)} (unverified: the cadence is the program's aftercarePolicy, common practice).${recent ? ` Closer at first after ${relapseNote(ctx)} (${relapseIsNotFailure.text}).` : ""}${moved > 0 ? ` ${plural(moved, "check-in")} moved to the next open day past a closure or a day the clinic is shut.` : ""}`,
      evidence: {
        stages,
        ...(recent ? { recentRelapses: ctx.recentRelapses.map((r) => r.on) } : {}),
      },
    },
    checkIns,
  };
}

/** ICD-10-CM F11: opioid related disorders. */
const OPIOID_CODE = /^F11/i;
/** Opioid agonists used as medication for addiction. */
const OPIOID_AGONIST = /buprenorphine|methadone/i;
/** Opioids named in a relapse or a positive test. */
const OPIOID =
  /opioid|opiate|heroin|fentanyl|oxycodone|hydrocodone|hydromorphone|oxymorphone|morphine|codeine|tramadol|methadone|buprenorphine/i;

/** Why opioid use is on record, as evidence; empty when it is not. */
function opioidEvidence(ctx: Context): string[] {
  const p = ctx.participant;
  return [
    ...p.conditions
      .filter((c) => c.kind === "substance-use" && c.code !== undefined && OPIOID_CODE.test(c.code))
      .map((c) => `condition ${c.code ?? ""}`),
    ...p.medications
      .filter((m) => m.purpose === "addiction" && OPIOID_AGONIST.test(m.name))
      .map((m) => `medication ${m.name}`),
    ...[...new Set(ctx.relapses.flatMap((r) => r.substances))]
      .filter((x) => OPIOID.test(x))
      .map((x) => `${x} used or found during treatment`),
  ];
}

const situationText: Readonly<Record<AftercareSituation, string>> = {
  completed: "completing the program",
  "stepped-down": "a step down",
  "stepped-up": "a transfer to a more intensive level",
  "continuing-elsewhere": "a move elsewhere",
  "left-early": "leaving treatment early",
  "lost-to-contact": "a loss of contact",
  medical: "leaving for medical care",
  incarcerated: "custody",
  died: "death",
};

function overdosePrevention(ctx: Context): ComponentOf<"overdose-prevention"> | undefined {
  if (!ctx.hasSubstanceUse) return undefined;
  const opioids = opioidEvidence(ctx);
  const required = reducedToleranceSituations.has(ctx.situation);
  const why = required
    ? match(ctx.situation)
        .with(
          "incarcerated",
          () =>
            `overdose risk is highest in the first weeks after release from custody (${afterRelease.text})`,
        )
        .with(
          "stepped-up",
          () =>
            `tolerance falls during more intensive care, and the risk is highest in the first weeks after it ends (${lossOfTolerance.text}; ${afterOpioidTreatment.text})`,
        )
        .otherwise(
          () =>
            `after ${situationText[ctx.situation]} the risk is highest in the first weeks out of treatment (${afterOpioidTreatment.text})`,
        )
    : "";
  const who =
    opioids.length > 0
      ? `Opioid use is on record (${opioids.join("; ")})`
      : "Substance use is on record; the drug supply may contain fentanyl";
  const what = `naloxone in hand for the participant and the people around them, and overdose-risk education: reduced tolerance after a time without use, fentanyl, not using alone, not mixing opioids with alcohol or benzodiazepines, calling 911 (${overdoseToolkit.text})`;
  return {
    kind: "overdose-prevention",
    reason: {
      code: required ? "overdose-risk-reduced-tolerance" : "overdose-prevention",
      message: required
        ? `${who}: required before the plan is closed — ${what}. Tolerance is likely reduced after ${situationText[ctx.situation]}: ${why}.`
        : `${who}: offer ${what}.`,
      evidence: { situation: ctx.situation, opioidUse: opioids },
    },
    required,
    opioidUse: opioids.length > 0,
    naloxone: true,
    topics: [...overdoseTopics],
  };
}

function crisisSupport(ctx: Context): ComponentOf<"crisis-support"> | undefined {
  if (ctx.ideation.length === 0) return undefined;
  const raised = ctx.ideation.map((sc) => ({
    instrument: sc.instrument,
    administeredOn: sc.administeredOn ?? null,
  }));
  const when = raised.map((r) => `${r.instrument} ${r.administeredOn ?? "(undated)"}`).join(", ");
  return {
    kind: "crisis-support",
    reason: {
      code: "suicidal-ideation-raised",
      message: `Thoughts of death or self-harm were reported during treatment (${when}): give the crisis line — in the US the 988 Suicide & Crisis Lifeline, call or text 988 (${crisisLine988.text}); outside the US, the local crisis line — and write or review a safety plan with the participant by ${ctx.from}: warning signs, coping strategies, people and places, who to call, a safe environment (${safetyPlanning.text}).`,
      evidence: { scores: raised },
    },
    crisisLine: {
      name: "988 Suicide & Crisis Lifeline",
      contact: "call or text 988",
      region: "US",
    },
    safetyPlanBy: ctx.from,
  };
}
