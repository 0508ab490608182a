/**
 * The discharge table: which situation a discharge's type and reason leave, and which components
 * a plan holds in each situation. Data, so the docs, tests and apps read the same table.
 */
import { match } from "ts-pattern";
import { pure } from "../core/pure";
import type { Discharge } from "../episode/index";
import type { AftercareComponentKind, AftercareSituation } from "./aftercare-plan";

/**
 * The situation a discharge leaves. The reason `died` or `incarcerated` decides first; then the
 * type (completed, transferred higher or lower); a discharge `not-completed` is then told apart by
 * its reason: `lost-to-contact`; `moved` or `program-closed` (continuing elsewhere); `medical`;
 * every other reason (client decision, against clinical advice, attendance, financial, lack of
 * progress, administrative, clinical need, other) is `left-early`.
 * @example `aftercareSituation({ type: "not-completed", reason: "lost-to-contact" }) === "lost-to-contact"`
 */
export function aftercareSituation(
  discharge: Pick<Discharge, "type" | "reason">,
): AftercareSituation {
  return match(discharge.reason)
    .returnType<AftercareSituation>()
    .with("died", () => "died")
    .with("incarcerated", () => "incarcerated")
    .otherwise((reason) =>
      match(discharge.type)
        .returnType<AftercareSituation>()
        .with("completed", () => "completed")
        .with("transferred-higher", () => "stepped-up")
        .with("transferred-lower", () => "stepped-down")
        .with("not-completed", () =>
          match(reason)
            .returnType<AftercareSituation>()
            .with("lost-to-contact", () => "lost-to-contact")
            .with("moved", "program-closed", () => "continuing-elsewhere")
            .with("medical", () => "medical")
            .with(
              "treatment-completed",
              "clinical-need",
              "attendance",
              "client-decision",
              "against-clinical-advice",
              "financial",
              "lack-of-progress",
              "administrative",
              "other",
              () => "left-early",
            )
            .exhaustive(),
        )
        .exhaustive(),
    );
}

/**
 * Safety first, right after the first contact: a crisis line and safety plan (suicidal ideation
 * raised), naloxone and overdose-risk education (substance use).
 */
const SAFETY = [
  "crisis-support",
  "overdose-prevention",
] as const satisfies readonly AftercareComponentKind[];

/** What every discharge that stays in community care gets, after its first contact. */
const COMMUNITY_SUPPORT = [
  ...SAFETY,
  "medication-continuity",
  "monitoring",
  "relapse-prevention",
  "mutual-support",
  "sober-living",
  "family-therapy",
  "vocational",
  "educational",
] as const satisfies readonly AftercareComponentKind[];

/**
 * The components a plan may hold in each situation, in the order the plan lists them. Kinds in
 * *italics* below appear only when the participant's profile calls for them:
 * *medication-continuity* (a medication for addiction or mental health), *sober-living*
 * (substance use and an unsafe, unsupportive or unstable home, a recovery-environment rating of 3
 * or more, or already in sober living), *family-therapy* (family involved), *vocational* (work),
 * *educational* (school), *crisis-support* (a score during treatment raised `suicidal-ideation`:
 * PHQ-9 item 9 above 0), *overdose-prevention* (substance use; `required` in the situations marked
 * †). Every other kind is always there.
 *
 * | situation | components |
 * | --- | --- |
 * | completed | continuing-care, *crisis-support*, *overdose-prevention*, *medication-continuity*, monitoring, relapse-prevention, mutual-support, *sober-living*, *family-therapy*, *vocational*, *educational*, alumni |
 * | stepped-down | warm-handoff (lower level), the same as completed from *crisis-support* on |
 * | stepped-up † | warm-handoff (higher level), *crisis-support*, *overdose-prevention*, *medication-continuity*, relapse-prevention |
 * | continuing-elsewhere | warm-handoff (same level elsewhere), *crisis-support*, *overdose-prevention*, *medication-continuity*, monitoring, relapse-prevention, mutual-support, *sober-living*, *family-therapy*, *vocational*, *educational* |
 * | left-early † | continuing-care (an offer), *crisis-support*, *overdose-prevention*, *medication-continuity*, monitoring, relapse-prevention, mutual-support, *sober-living*, *family-therapy*, *vocational*, *educational* |
 * | lost-to-contact † | re-engagement-outreach, *crisis-support*, *overdose-prevention*, *medication-continuity*, relapse-prevention |
 * | medical | warm-handoff (medical care), *crisis-support*, *overdose-prevention*, *medication-continuity*, monitoring, relapse-prevention |
 * | incarcerated † | warm-handoff (correctional health care), *crisis-support*, *overdose-prevention*, *medication-continuity*, relapse-prevention |
 * | died | nothing |
 *
 * Alumni membership is for those who completed or stepped down; check-ins are left to the receiving
 * provider after a step up or in custody; someone lost to contact gets outreach, not check-ins.
 */
export const aftercareComponentsBySituation: Readonly<
  Record<AftercareSituation, readonly AftercareComponentKind[]>
> = {
  completed: ["continuing-care", ...COMMUNITY_SUPPORT, "alumni"],
  "stepped-down": ["warm-handoff", ...COMMUNITY_SUPPORT, "alumni"],
  "stepped-up": ["warm-handoff", ...SAFETY, "medication-continuity", "relapse-prevention"],
  "continuing-elsewhere": ["warm-handoff", ...COMMUNITY_SUPPORT],
  "left-early": ["continuing-care", ...COMMUNITY_SUPPORT],
  "lost-to-contact": [
    "re-engagement-outreach",
    ...SAFETY,
    "medication-continuity",
    "relapse-prevention",
  ],
  medical: ["warm-handoff", ...SAFETY, "medication-continuity", "monitoring", "relapse-prevention"],
  incarcerated: ["warm-handoff", ...SAFETY, "medication-continuity", "relapse-prevention"],
  died: [],
};

/**
 * The situations after which tolerance is likely reduced, so overdose prevention is required:
 * left early, lost to contact, incarcerated (Binswanger et al. (2007)), stepped up to a more
 * intensive level (Strang et al. (2003); Sordo et al. (2017)).
 * @internal
 */
export const reducedToleranceSituations: ReadonlySet<AftercareSituation> = /* @__PURE__ */ pure(
  () =>
    new Set<AftercareSituation>(["left-early", "lost-to-contact", "incarcerated", "stepped-up"]),
);
