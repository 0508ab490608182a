/**
 * `assessEligibility`: an explainable placement decision for a participant and a program.
 *
 * The least intensive level that can treat the participant safely is the **highest** level any
 * enabled rule requires (never an average). It is then compared with the program: higher →
 * `refer-higher` (safety first: known facts that already require more care are acted on even when
 * other information is missing or contradictory); otherwise missing or contradictory information → `needs-assessment`; a program
 * that does not fit (age group, conditions, no track the participant's week allows) → `refer-other`; lower → `refer-lower`; equal → `admit`,
 * or `admit-with-conditions` when conditions apply. Every decision carries its reasons.
 */
import { match } from "ts-pattern";
import { IopError, type IopIssue } from "../core/errors";
import { checkOptions } from "../core/options";
import { pure } from "../core/pure";
import { validate } from "../core/schema";
import type { IsoDate } from "../core/index";
import { toMinutes } from "../core/wall-time";
import {
  entriesForTrack,
  levelOfCareRank,
  sessionTypes,
  tracksOf,
  type LevelOfCareId,
  type Program,
} from "../program/index";
import { ageOn, dimensionKeys, type DimensionKey, type Participant } from "../participant/index";
import {
  ClinicianOverride,
  eligibilityDecisionFormat,
  type DecisionCondition,
  type DecisionReason,
  type EligibilityConditionCode,
  type EligibilityDecision,
  type EligibilityOutcome,
  type EligibilityReasonCode,
} from "./decision";
import { eligibilityRules, type EligibilityRuleId, type EligibilityRules } from "./rules";

/** Options of {@link assessEligibility}. */
export interface AssessOptions {
  /**
   * The date the decision is made on, for ages: a calendar date `YYYY-MM-DD` (anything else, `null`
   * included, is refused with an `invalid-date` issue at `asOf`).
   * @defaultValue the participant's `assessedOn`
   */
  readonly asOf?: IsoDate;
  /** A clinician's override (a reason is required); the computed decision is kept beside it. */
  readonly override?: unknown;
  /** The rule set. @defaultValue {@link eligibilityRules} */
  readonly rules?: EligibilityRules;
}

/** `"1 acute intoxication/withdrawal"`: a 3rd-edition dimension (the participant's ratings) for messages. */
const DIMENSION_NAMES: Readonly<Record<DimensionKey, string>> = {
  withdrawal: "1 acute intoxication/withdrawal",
  biomedical: "2 biomedical conditions",
  emotionalBehavioral: "3 emotional, behavioural or cognitive conditions",
  readiness: "4 readiness to change",
  relapsePotential: "5 relapse/continued-use potential",
  recoveryEnvironment: "6 recovery/living environment",
};

/** The rules that read the participant's 3rd-edition dimension ratings as placement. */
const EDITION_3_ONLY: ReadonlySet<EligibilityRuleId> = /* @__PURE__ */ pure(
  () => new Set<EligibilityRuleId>(["information-complete", "dimension-levels"]),
);

const MENTAL = /* @__PURE__ */ pure(
  () => new Set(["depression", "anxiety", "bipolar", "eating-disorder", "ptsd"]),
);

/** What a rule contributes. */
interface Contribution {
  floor?: { level: LevelOfCareId; reason: DecisionReason };
  reasons: DecisionReason[];
  conditions: DecisionCondition[];
  needsAssessment: DecisionReason[];
  programMismatch: DecisionReason[];
}

const empty = (): Contribution => ({
  reasons: [],
  conditions: [],
  needsAssessment: [],
  programMismatch: [],
});

/** The tracks of the first phase a participant's unavailability leaves free. */
function fittingTracks(
  participant: Participant,
  program: Program,
): { fits: string[]; all: (string | undefined)[] } {
  const phase = program.phases[0];
  if (phase === undefined) return { fits: [], all: [] };
  const all = tracksOf(phase);
  const fits = all.filter((track) =>
    entriesForTrack(phase.pattern, track).every((e) => {
      const start = toMinutes(e.start);
      const end = start + e.durationMinutes;
      return !participant.unavailable.some(
        (u) => u.weekday === e.weekday && toMinutes(u.from) < end && start < toMinutes(u.to),
      );
    }),
  );
  return { fits: fits.map((t) => t ?? "(single track)"), all };
}

function evaluate(
  id: EligibilityRuleId,
  rules: EligibilityRules,
  p: Participant,
  program: Program,
  asOf: IsoDate | undefined,
): Contribution {
  const c = empty();
  if (program.asamEdition === 4 && EDITION_3_ONLY.has(id)) {
    // The 4th edition's dimensions are rated differently; no public source gives its rating table.
    if (id === "dimension-levels")
      c.needsAssessment.push({
        code: "asam-4th-edition-placement",
        message:
          "this program places by the ASAM Criteria, 4th edition, whose dimensions and risk ratings differ from the 3rd edition's (asamDimensions[4]); iopkit has no public 4th-edition rating table, so it does not place by dimension ratings: the clinician decides the level (override)",
        ruleId: id,
        evidence: { asamEdition: 4 },
      });
    return c;
  }
  const reason = (
    code: EligibilityReasonCode,
    message: string,
    extra: Partial<DecisionReason> = {},
  ): DecisionReason => ({ code, message, ruleId: id, ...extra });
  const condition = (
    code: EligibilityConditionCode,
    message: string,
    evidence?: DecisionCondition["evidence"],
  ): void => {
    c.conditions.push({
      code,
      message,
      ruleId: id,
      ...(evidence === undefined ? {} : { evidence }),
    });
  };
  const hasSud = p.conditions.some((x) => x.kind === "substance-use");

  match(id)
    .with("information-complete", () => {
      const missing = dimensionKeys.filter((k) => p.dimensions[k] === undefined);
      for (const k of missing)
        c.needsAssessment.push(
          reason("missing-dimension", `ASAM dimension ${DIMENSION_NAMES[k]} is not rated`, {
            dimension: k,
            evidence: { path: `dimensions.${k}` },
          }),
        );
      if (p.conditions.length === 0)
        c.needsAssessment.push(
          reason(
            "missing-conditions",
            "no condition is recorded: the clinical picture is unknown",
            { evidence: { path: "conditions" } },
          ),
        );
    })
    .with("information-consistent", () => {
      const d = p.dimensions;
      if (p.detox === "needed" && d.withdrawal === 0) {
        c.needsAssessment.push(
          reason("contradiction-detox", "detox is recorded as needed but withdrawal risk is 0", {
            dimension: "withdrawal",
            evidence: { detox: p.detox, withdrawal: d.withdrawal },
          }),
        );
      }
      if (p.detox === "not-needed" && d.withdrawal !== undefined && d.withdrawal >= 2) {
        c.needsAssessment.push(
          reason(
            "contradiction-detox",
            `detox is recorded as not needed but withdrawal risk is ${d.withdrawal}`,
            { dimension: "withdrawal", evidence: { detox: p.detox, withdrawal: d.withdrawal } },
          ),
        );
      }
      if (
        p.living === "unsafe-home" &&
        d.recoveryEnvironment !== undefined &&
        d.recoveryEnvironment <= 1
      ) {
        c.needsAssessment.push(
          reason(
            "contradiction-environment",
            `the home is recorded as unsafe but the recovery-environment rating is ${d.recoveryEnvironment}`,
            {
              dimension: "recoveryEnvironment",
              evidence: { living: p.living, recoveryEnvironment: d.recoveryEnvironment },
            },
          ),
        );
      }
      if (p.history.outpatientEpisodes === 0 && p.history.relapsesAfterOutpatient > 0) {
        c.needsAssessment.push(
          reason(
            "contradiction-history",
            `${p.history.relapsesAfterOutpatient} relapse(s) after outpatient care are recorded but no outpatient episode`,
            { evidence: p.history },
          ),
        );
      }
      if (asOf !== undefined && p.dateOfBirth > asOf) {
        c.needsAssessment.push(
          reason("contradiction-birth-date", `date of birth ${p.dateOfBirth} is after ${asOf}`, {
            evidence: { dateOfBirth: p.dateOfBirth, asOf },
          }),
        );
      }
    })
    .with("dimension-levels", () => {
      const levels = rules["dimension-levels"].params.levels;
      let best: { level: LevelOfCareId; key: DimensionKey; rating: number } | undefined;
      for (const key of dimensionKeys) {
        const rating = p.dimensions[key];
        if (rating === undefined) continue;
        const level = levels[key][rating];
        // The most intensive level wins; between equal levels, the higher rating is named.
        if (
          best === undefined ||
          levelOfCareRank[level] > levelOfCareRank[best.level] ||
          (level === best.level && rating > best.rating)
        )
          best = { level, key, rating };
        if (levelOfCareRank[level] > levelOfCareRank[program.levelOfCare]) {
          c.reasons.push(
            reason(
              "dimension-above-program",
              `dimension ${DIMENSION_NAMES[key]} rated ${rating} needs at least ${level}`,
              { dimension: key, evidence: { rating, level } },
            ),
          );
        }
      }
      if (best !== undefined) {
        c.floor = {
          level: best.level,
          reason: reason(
            "highest-risk-dimension",
            `the highest-risk dimension, ${DIMENSION_NAMES[best.key]} (rated ${best.rating}), places at ${best.level}`,
            { dimension: best.key, evidence: { rating: best.rating, level: best.level } },
          ),
        };
      }
    })
    .with("withdrawal-first", () => {
      if (p.detox === "needed") {
        c.floor = {
          level: "withdrawal-management",
          reason: reason("detox-needed", "detox is needed: withdrawal management comes first", {
            dimension: "withdrawal",
            evidence: { detox: p.detox },
          }),
        };
        condition(
          "readmit-after-withdrawal-management",
          "re-assess for IOP once withdrawal management is complete",
        );
      }
    })
    .with("severe-needs-residential-first", () => {
      const severeSud = p.conditions.some(
        (x) => x.kind === "substance-use" && x.severity === "severe",
      );
      const severeCooccurring =
        hasSud && p.conditions.some((x) => MENTAL.has(x.kind) && x.severity === "severe");
      const prior = p.history.residentialCompleted || p.detox === "completed";
      if ((severeSud || severeCooccurring) && !prior) {
        const what = severeSud
          ? "severe substance use"
          : "substance use with a severe co-occurring condition";
        c.floor = {
          level: "residential",
          reason: reason(
            "severe-without-prior-residential",
            `${what}, without residential treatment or detox completed, calls for residential care first`,
            { evidence: { conditions: p.conditions, history: p.history, detox: p.detox } },
          ),
        };
      }
    })
    .with("frequent-relapses-indicate-iop", () => {
      const min = rules["frequent-relapses-indicate-iop"].params.minRelapsesAfterOutpatient;
      if (p.history.outpatientEpisodes > 0 && p.history.relapsesAfterOutpatient >= min) {
        c.floor = {
          level: "intensive-outpatient",
          reason: reason(
            "frequent-relapses",
            `${p.history.relapsesAfterOutpatient} relapses after outpatient care indicate at least IOP`,
            { dimension: "relapsePotential", evidence: p.history },
          ),
        };
      }
    })
    .with("change-of-environment", () => {
      const at = rules["change-of-environment"].params.recoveryEnvironmentAtLeast;
      const rating = p.dimensions.recoveryEnvironment;
      if (p.living === "sober-living") return;
      if (p.living === "unsafe-home" || (rating !== undefined && rating >= at)) {
        condition(
          "change-of-environment",
          "a change of living environment (e.g. sober living) before or at admission",
          { living: p.living, recoveryEnvironment: rating ?? null },
        );
      } else if (p.living === "unstable-housing") {
        condition("housing-support", "case management for stable housing", { living: p.living });
      }
    })
    .with("population-age", () => {
      const params = rules["population-age"].params;
      if (asOf === undefined) {
        c.reasons.push(
          reason(
            "age-unchecked",
            "age was not checked: give `asOf` or the participant's `assessedOn`",
          ),
        );
        return;
      }
      // Born after the date (contradictory, reported by its own rule): no age fits the program.
      const age = asOf < p.dateOfBirth ? -1 : ageOn(p.dateOfBirth, asOf);
      const ok =
        program.population === "adult"
          ? age >= params.adultMinAge
          : age >= params.adolescentMinAge && age <= params.adolescentMaxAge;
      if (!ok) {
        const range =
          program.population === "adult"
            ? `${params.adultMinAge} and over`
            : `${params.adolescentMinAge}–${params.adolescentMaxAge}`;
        c.programMismatch.push(
          reason(
            "age-outside-population",
            `aged ${age} on ${asOf}; this ${program.population} program takes ages ${range}`,
            { evidence: { age, population: program.population } },
          ),
        );
      }
    })
    .with("conditions-served", () => {
      for (const [i, x] of p.conditions.entries()) {
        if (program.conditionsServed.includes(x.kind)) continue;
        if (x.severity === "mild")
          condition(
            "coordinate-care",
            `coordinate care for mild ${x.kind}, which this program does not treat`,
            { index: i, kind: x.kind },
          );
        else
          c.programMismatch.push(
            reason("condition-not-served", `this program does not serve ${x.severity} ${x.kind}`, {
              evidence: { index: i, kind: x.kind, served: program.conditionsServed },
            }),
          );
      }
    })
    .with("flexible-track", () => {
      const { fits, all } = fittingTracks(p, program);
      if (p.unavailable.length === 0 || all.length === 0) return;
      // No track the person can attend is not an admission: this program does not fit their week.
      if (fits.length === 0)
        c.programMismatch.push(
          reason(
            "no-track-fits",
            `no track of the first phase avoids the participant's unavailability (${all.length} ${all.length === 1 ? "track" : "tracks"} checked): refer to a program whose hours they can attend, or review their schedule`,
            {
              evidence: {
                unavailable: p.unavailable,
                tracks: all.map((t) => t ?? "(single track)"),
              },
            },
          ),
        );
      else if (fits.length < all.length)
        condition(
          "track",
          `attend the ${fits.join(" or ")} track, which avoids their ${p.responsibilities.join(", ") || "commitments"}`,
          { tracks: fits },
        );
    })
    .with("medication-continuity", () => {
      const meds = p.medications.filter((m) => m.purpose !== "other");
      if (meds.length > 0)
        condition(
          "medication-management",
          `medication management with a prescriber for ${meds.map((m) => m.name).join(", ")}`,
          { medications: meds },
        );
    })
    .with("family-engagement", () => {
      if (program.population === "adolescent" && !p.familyInvolved)
        condition("engage-family", "engage a parent or caregiver for weekly family therapy");
    })
    .exhaustive();
  return c;
}

/**
 * Decides whether a participant fits a program, and why. Pure and total for any valid participant
 * and program: it never throws for them, only for bad options, with one
 * {@link core!IopError | IopError} naming each: `asOf` not a calendar date (`invalid-date` at
 * `asOf`, e.g. `"garbage"`, `"2026-02-30"`, `null`), `rules` not an object, an invalid `override`
 * (its issues under `override`).
 *
 * @param participant - a validated participant (see `parseParticipant`).
 * @param program - a validated program (see `defineProgram`).
 * @example
 * ```ts
 * const decision = assessEligibility(participant, program, { asOf: "2026-03-09" });
 * if (decision.outcome === "refer-higher") console.log(decision.recommendedLevel, decision.reasons);
 * ```
 */
export function assessEligibility(
  participant: Participant,
  program: Program,
  options: AssessOptions = {},
): EligibilityDecision {
  const issues: IopIssue[] = [];
  try {
    checkOptions("assessEligibility", options, {
      asOf: { kind: "date", optional: true },
      rules: { kind: "object", optional: true },
    });
  } catch (e) {
    if (!(e instanceof IopError)) throw e;
    issues.push(...e.issues);
  }
  let override: ClinicianOverride | undefined;
  if (issues.every((i) => i.path.length > 0) && options.override !== undefined) {
    const r = validate(ClinicianOverride, options.override);
    if (r.ok) override = r.value;
    else issues.push(...r.issues.map((i) => ({ ...i, path: ["override", ...i.path] })));
  }
  if (issues.length > 0) throw new IopError("assessEligibility", issues);
  const rules = options.rules ?? eligibilityRules;
  const asOf = options.asOf ?? participant.assessedOn;

  const enabled = (Object.keys(rules) as EligibilityRuleId[]).filter((id) => rules[id].enabled);
  const reasons: DecisionReason[] = [];
  const conditions: DecisionCondition[] = [];
  const needsAssessment: DecisionReason[] = [];
  const mismatch: DecisionReason[] = [];
  let level: LevelOfCareId = "outpatient";
  let levelReason: DecisionReason | undefined;
  for (const id of enabled) {
    const c = evaluate(id, rules, participant, program, asOf);
    if (c.floor !== undefined) {
      if (levelReason === undefined || levelOfCareRank[c.floor.level] > levelOfCareRank[level]) {
        // The new floor drives the level; the one it replaces stays among the reasons.
        if (levelReason !== undefined) reasons.push(levelReason);
        level = c.floor.level;
        levelReason = c.floor.reason;
      } else {
        reasons.push(c.floor.reason);
      }
    }
    reasons.push(...c.reasons);
    conditions.push(...c.conditions);
    needsAssessment.push(...c.needsAssessment);
    mismatch.push(...c.programMismatch);
  }
  if (levelReason !== undefined) reasons.unshift(levelReason);

  const rank = levelOfCareRank[level];
  const programRank = levelOfCareRank[program.levelOfCare];
  let outcome: EligibilityOutcome;
  if (rank > programRank) outcome = "refer-higher";
  else if (needsAssessment.length > 0) outcome = "needs-assessment";
  else if (mismatch.length > 0) outcome = "refer-other";
  else if (rank < programRank) outcome = "refer-lower";
  else outcome = conditions.length > 0 ? "admit-with-conditions" : "admit";

  const all = [...reasons, ...needsAssessment, ...mismatch];
  if (outcome === "refer-lower") {
    all.unshift({
      code: "lower-level-suffices",
      message: `risk is low enough for ${level}; ${program.levelOfCare} is more than needed`,
      ruleId: "dimension-levels",
      evidence: { level, programLevel: program.levelOfCare },
    });
  }
  if (all.length === 0) {
    all.push({
      code: "no-rule-applied",
      message: "no enabled rule set a level or found a problem; the default level is outpatient",
      ruleId: "dimension-levels",
    });
  }
  // A refer-higher or needs-assessment keeps the conditions for later; only admissions carry them as terms.
  // An override that admits without naming a level means this program's level.
  const overrideLevel =
    override === undefined
      ? undefined
      : (override.recommendedLevel ??
        (override.outcome === "admit" || override.outcome === "admit-with-conditions"
          ? program.levelOfCare
          : level));
  const decision: EligibilityDecision = {
    formatVersion: eligibilityDecisionFormat.version,
    outcome: override?.outcome ?? outcome,
    recommendedLevel: overrideLevel ?? level,
    programLevel: program.levelOfCare,
    reasons: all,
    conditions,
    computed: { outcome, recommendedLevel: level },
    asamEdition: program.asamEdition,
    rulesApplied: enabled,
    ...(override === undefined ? {} : { override }),
    ...(asOf === undefined ? {} : { asOf }),
  };
  return decision;
}

/** Ids of the session types whose staff a decision's conditions call for (e.g. a prescriber for medication management). */
export function sessionTypesForConditions(
  decision: Pick<EligibilityDecision, "conditions">,
): string[] {
  const out = new Set<string>();
  for (const c of decision.conditions) {
    if (c.code === "medication-management") out.add(sessionTypes["medication-management"].id);
    if (c.code === "engage-family") out.add(sessionTypes["family-therapy"].id);
    if (c.code === "housing-support") out.add(sessionTypes["case-management"].id);
  }
  return [...out];
}
