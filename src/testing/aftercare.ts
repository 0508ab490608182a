/**
 * Arbitraries for aftercare: valid aftercare policies (check-ins that thin out), discharged
 * episodes of every discharge type and reason (built as event logs the episode part accepts), and
 * check-in outcomes for a plan.
 */
import fc from "fast-check";
import { addDays, daysBetween, type IsoDate, type ParticipantId } from "../core/index";
import type { AftercarePlan, CheckInOutcome, MutualSupportAttendance } from "../aftercare/index";
import {
  dischargeReasons,
  dischargeTypes,
  replayEpisodeOrThrow,
  transferDirectionAgrees,
  type AftercareEpisode,
  type DischargedEpisode,
  type DischargeReason,
  type DischargeType,
} from "../episode/index";
import { AftercarePolicy, levelOfCareIds, type Program } from "../program/index";
import { eligibilityDecisionFor, stampEvent, type EventDraft } from "./episode";
import { checkArbitraryOptions } from "./options";
import { referenceDate } from "./participant";

/**
 * A valid aftercare policy (passes `AftercarePolicy`): one to four check-in stages that thin out,
 * a closer cadence after a recent relapse, and the other numbers anywhere in their ranges. Set it
 * on a program with `defineProgram({ ...program, aftercarePolicy })`.
 */
export function aftercarePolicy(): fc.Arbitrary<AftercarePolicy> {
  return fc
    .record({
      stages: fc.array(
        fc.record({
          length: fc.integer({ min: 1, max: 120 }),
          every: fc.integer({ min: 1, max: 45 }),
        }),
        { minLength: 1, maxLength: 4 },
      ),
      early: fc.record({
        every: fc.integer({ min: 1, max: 7 }),
        until: fc.integer({ min: 1, max: 60 }),
      }),
      meetingsPerWeek: fc.integer({ min: 1, max: 7 }),
      attempts: fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 6 }),
      outreachWithinDays: fc.integer({ min: 0, max: 5 }),
      lapse: fc.record({
        checkInWithinDays: fc.integer({ min: 0, max: 7 }),
        reassessAfterLapses: fc.integer({ min: 1, max: 4 }),
        windowDays: fc.integer({ min: 7, max: 90 }),
        reassessWithinDays: fc.integer({ min: 0, max: 14 }),
      }),
    })
    .map((g) => {
      const every = g.stages.map((s) => s.every).sort((a, b) => a - b);
      let until = 0;
      const checkIns = g.stages.map((s, i) => {
        until += s.length;
        return { untilDay: until, everyDays: every[i] ?? 1 };
      });
      return AftercarePolicy.parse({
        checkIns,
        afterRecentRelapse: {
          everyDays: Math.min(g.early.every, checkIns[0]?.everyDays ?? 1),
          untilDay: g.early.until,
        },
        mutualSupport: { meetingsPerWeek: g.meetingsPerWeek },
        reengagementAttemptDays: [...g.attempts].sort((a, b) => a - b),
        outreachWithinDays: g.outreachWithinDays,
        lapse: g.lapse,
      });
    });
}

/** Options of {@link dischargedEpisode}. */
export interface DischargedEpisodeOptions {
  /** The referral date. @defaultValue {@link referenceDate} */
  readonly from?: IsoDate;
  /** The participant. @defaultValue "p-1" */
  readonly participantId?: string;
  /** Discharge types to choose from. @defaultValue all four */
  readonly types?: readonly DischargeType[];
  /** Reasons to choose from for a discharge other than `completed`. @defaultValue every reason but `treatment-completed` */
  readonly reasons?: readonly DischargeReason[];
  /** `true`: always in aftercare; `false`: always just discharged. @defaultValue either */
  readonly aftercare?: boolean;
}

const SUBSTANCES = ["alcohol", "opioids", "cannabis", "cocaine"] as const;

/**
 * A discharged episode (status `discharged` or `aftercare`) of a program, replayed from a valid
 * log: referral, then — as far as the discharge allows — assessment, admission into any phase,
 * step-downs, relapses and positive tests with their reviews, sometimes a step-up, and the
 * discharge. A `completed` discharge comes from the last phase; transfers may name the level
 * referred to. Every type and reason comes up.
 * @example
 * ```ts
 * const adult = programTemplates.substanceUseAdult({ timeZone: "America/New_York" });
 * fc.assert(fc.property(participant(), dischargedEpisode(adult), (person, episode) => {
 *   const who = { ...person, id: episode.participantId }; // the episode's participant
 *   const plan = planAftercare({ participant: who, episode, program: adult, from: episode.discharge.on });
 *   return plan.components.every((c) => c.reason.message.length > 0);
 * }));
 * ```
 */
export function dischargedEpisode(
  program: Program,
  options: DischargedEpisodeOptions = {},
): fc.Arbitrary<DischargedEpisode | AftercareEpisode> {
  checkArbitraryOptions("dischargedEpisode", options, {
    from: { kind: "date", optional: true },
    participantId: { kind: "string", optional: true },
    types: { kind: "values", min: 1, of: dischargeTypes, optional: true },
    reasons: { kind: "values", min: 1, of: dischargeReasons, optional: true },
    aftercare: { kind: "boolean", optional: true },
  });
  const from = options.from ?? referenceDate;
  const types = options.types ?? dischargeTypes;
  const reasons = options.reasons ?? dischargeReasons.filter((r) => r !== "treatment-completed");
  const n = program.phases.length;
  const phaseId = (i: number) => program.phases[Math.min(i, n - 1)]?.id ?? program.phases[0]?.id;
  return fc
    .record({
      type: fc.constantFrom(...types),
      reason: fc.constantFrom(...reasons),
      referredTo: fc.option(fc.nat(), { nil: undefined }),
      reach: fc.constantFrom("referred", "assessed", "admitted", "in-phase"),
      admitPhase: fc.nat(),
      finalPhase: fc.nat(),
      stepUp: fc.boolean(),
      relapses: fc.array(
        fc.record({
          phase: fc.nat(),
          positive: fc.boolean(),
          substances: fc.subarray([...SUBSTANCES]),
        }),
        { maxLength: 3 },
      ),
      gaps: fc.array(fc.integer({ min: 1, max: 21 }), { minLength: 8, maxLength: 8 }),
      aftercare: options.aftercare === undefined ? fc.boolean() : fc.constant(options.aftercare),
      aftercareGap: fc.integer({ min: 0, max: 3 }),
    })
    .map((g) => {
      let k = 0;
      let on = from;
      const next = (): IsoDate => {
        on = addDays(on, g.gaps[k++ % g.gaps.length] ?? 7);
        return on;
      };
      const completed = g.type === "completed";
      const reach = completed ? "in-phase" : g.reach;
      const events: EventDraft[] = [
        {
          kind: "referred",
          on,
          participantId: (options.participantId ?? "p-1") as ParticipantId,
          programId: program.id,
        },
      ];
      if (reach !== "referred")
        events.push({
          kind: "assessed",
          on: next(),
          decision: eligibilityDecisionFor(program, "admit"),
        });
      const admitted = g.admitPhase % n;
      const target = completed ? n - 1 : admitted + (g.finalPhase % (n - admitted));
      if (reach === "admitted" || reach === "in-phase") {
        const id = phaseId(admitted);
        if (id !== undefined)
          events.push({ kind: "admitted", on: next(), programId: program.id, phaseId: id });
      }
      if (reach === "in-phase") {
        const id = phaseId(admitted);
        if (id !== undefined) events.push({ kind: "phase-started", on: next(), phaseId: id });
        for (let p = admitted; p <= target; p++) {
          for (const r of g.relapses.filter((x) => x.phase % n === p)) {
            events.push(
              r.positive
                ? {
                    kind: "positive-test-recorded",
                    on: next(),
                    substances: r.substances,
                    confirmed: true,
                  }
                : { kind: "relapse-reported", on: next(), substances: r.substances },
              { kind: "clinical-review-held", on: on, outcome: "continue" },
            );
          }
          if (p === target && g.stepUp && p > 0)
            events.push(
              { kind: "relapse-reported", on: next() },
              { kind: "clinical-review-held", on, outcome: "step-up" },
              { kind: "stepped-up", on: next() },
              { kind: "stepped-down", on: next() },
            );
          if (p < target) events.push({ kind: "stepped-down", on: next() });
        }
      }
      // A transfer names a level on its side of the level the participant leaves (the phase in
      // force, else the admission phase, else the first phase), as applyEvent requires.
      const leftPhase =
        program.phases[reach === "in-phase" ? target : reach === "admitted" ? admitted : 0];
      const left = leftPhase?.levelOfCare ?? program.levelOfCare;
      const fits = levelOfCareIds.filter((l) => transferDirectionAgrees(g.type, left, l));
      const referredTo = g.referredTo === undefined ? undefined : fits[g.referredTo % fits.length];
      const transfer = g.type === "transferred-higher" || g.type === "transferred-lower";
      events.push({
        kind: "discharged",
        on: next(),
        type: g.type,
        reason: completed ? "treatment-completed" : g.reason,
        ...(transfer && referredTo !== undefined ? { referredTo } : {}),
      });
      if (g.aftercare) events.push({ kind: "aftercare-started", on: addDays(on, g.aftercareGap) });
      const state = replayEpisodeOrThrow(events.map(stampEvent), program);
      if (state.status !== "discharged" && state.status !== "aftercare")
        throw new Error(`dischargedEpisode built a ${state.status} episode`);
      return state;
    });
}

interface Contact {
  delay: number;
  lapse: string[] | undefined;
  meetings: MutualSupportAttendance | undefined;
}
type Entry = "none" | "missed" | Contact;

function outcomeOf(due: IsoDate, e: Entry): CheckInOutcome[] {
  if (e === "none") return [];
  if (e === "missed") return [{ formatVersion: 2, due, status: "missed" }];
  return [
    {
      formatVersion: 2,
      due,
      status: "completed",
      ...(e.delay === 0 ? {} : { on: addDays(due, e.delay) }),
      ...(e.lapse === undefined
        ? {}
        : { lapse: true, ...(e.lapse.length === 0 ? {} : { substances: e.lapse }) }),
      ...(e.meetings === undefined ? {} : { mutualSupport: e.meetings }),
    },
  ];
}

/** Options of {@link checkInOutcomes}. */
export interface CheckInOutcomesOptions {
  /** Outcomes only for contacts due up to this day. @defaultValue every planned contact */
  readonly asOf?: IsoDate;
  /** Most unscheduled contacts. @defaultValue 2 */
  readonly maxUnscheduled?: number;
}

/**
 * Valid check-in outcomes for a plan: for each planned check-in or outreach attempt (due up to
 * `asOf`), nothing recorded, missed, or completed on the day or up to two days late — with a lapse
 * (and its substances) and mutual-support meetings sometimes — plus a few unscheduled contacts.
 */
export function checkInOutcomes(
  plan: AftercarePlan,
  options: CheckInOutcomesOptions = {},
): fc.Arbitrary<CheckInOutcome[]> {
  checkArbitraryOptions("checkInOutcomes", options, {
    asOf: { kind: "date", optional: true },
    maxUnscheduled: { kind: "integer", min: 0, max: 100, optional: true },
  });
  const dues = plan.components
    .flatMap((c) =>
      c.kind === "monitoring" ? c.checkIns : c.kind === "re-engagement-outreach" ? c.attempts : [],
    )
    .map((c) => c.due)
    .filter((d) => options.asOf === undefined || d <= options.asOf);
  const contact: fc.Arbitrary<Contact> = fc.record({
    delay: fc.integer({ min: 0, max: 2 }),
    lapse: fc.option(fc.subarray([...SUBSTANCES]), { nil: undefined, freq: 3 }),
    meetings: fc.option(
      fc.record({
        meetings: fc.integer({ min: 0, max: 20 }),
        verification: fc.constantFrom("self-reported" as const, "verified" as const),
      }),
      { nil: undefined },
    ),
  });
  const entry: fc.Arbitrary<Entry> = fc.oneof(
    fc.constant("none" as const),
    fc.constant("missed" as const),
    contact,
    contact,
  );
  const span = Math.max(0, daysBetween(plan.from, dues.at(-1) ?? plan.from));
  return fc
    .tuple(
      fc.array(entry, { minLength: dues.length, maxLength: dues.length }),
      fc.array(fc.tuple(fc.integer({ min: 0, max: span }), contact), {
        maxLength: options.maxUnscheduled ?? 2,
      }),
    )
    .map(([entries, extra]) => [
      ...dues.flatMap((due, i) => outcomeOf(due, entries[i] ?? "none")),
      ...extra.flatMap(([offset, e]) => outcomeOf(addDays(plan.from, offset), e)),
    ]);
}
