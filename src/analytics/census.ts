/**
 * `censusByPhase`: how many people were in treatment, in each phase, per day or per ISO week of a
 * window, with the admissions (first days of treatment), step-downs, step-ups and discharges of
 * each period — from episode logs.
 */
import * as z from "zod/mini";
import { array, object, strictObject } from "../core/zod";
import { isoWeekKeyOfEpochDay, mondayOfEpochDay, type IsoDate } from "../core/calendar";
import type { IopIssue } from "../core/errors";
import { pure } from "../core/pure";
import { issue, lazyInternal } from "../core/schema";
import type { Program } from "../program/index";
import {
  makeAggregate,
  parseOrThrow,
  setKey,
  type Aggregate,
  type PartialAggregate,
} from "./aggregate";
import { startedEpisode } from "./episode-facts";
import { epochDayOf } from "./local-day";
import { DateText, isoOf, windowCheck } from "./options";
import type { EpisodeLogRow } from "./rows";

/** The rows {@link censusByPhase} reads. */
export interface CensusSources {
  /** Episode logs (of any program: only `program`'s are counted). */
  readonly episodes?: Iterable<EpisodeLogRow>;
}

/** Options of {@link censusByPhase}. */
export interface CensusOptions {
  /** The program: its id (other programs' episodes are not counted) and its phases, in order. */
  readonly program: Pick<Program, "id" | "phases">;
  /** First day of the window. */
  readonly from: IsoDate;
  /** Last day of the window. */
  readonly to: IsoDate;
  /** One period per day, or per ISO week (whole weeks, Monday to Sunday, covering the window). @defaultValue "week" */
  readonly interval?: "day" | "week";
}

/** Options as a partial holds them. */
export interface CensusNormalised {
  /** The program's id. */
  readonly programId: string;
  /** Its phases' ids, in order. */
  readonly phaseIds: readonly string[];
  /** First day of the first period. */
  readonly from: IsoDate;
  /** Last day of the last period. */
  readonly to: IsoDate;
  /** `"day"` or `"week"`. */
  readonly interval: "day" | "week";
}

/** The state of a census partial: counts per period (index 0 is the first period). */
export interface CensusState {
  /** People in treatment per period and phase (`inTreatment[period][phaseIndex]`). */
  readonly inTreatment: readonly (readonly number[])[];
  /** First days of treatment per period. */
  readonly started: readonly number[];
  /** Step-downs per period. */
  readonly steppedDown: readonly number[];
  /** Step-ups per period. */
  readonly steppedUp: readonly number[];
  /** Discharges (of people who had started) per period. */
  readonly discharged: readonly number[];
  /** First days of treatment before the window. */
  readonly startedBefore: number;
  /** Discharges before the window (of people who had started). */
  readonly dischargedBefore: number;
}

/** A census partial. */
export type CensusPartial = PartialAggregate<"censusByPhase", CensusNormalised, CensusState>;

/** One period of the census. */
export interface CensusPeriod {
  /** Its first day. */
  readonly start: IsoDate;
  /** Its last day. */
  readonly end: IsoDate;
  /** The ISO week (`"2026-W11"`) for weekly periods; the date for daily ones. */
  readonly label: string;
  /** People in treatment by phase id, in the program's phase order. */
  readonly byPhase: Readonly<Record<string, number>>;
  /** People in treatment (the sum of `byPhase`). */
  readonly inTreatment: number;
  /** First days of treatment in the period. */
  readonly started: number;
  /** Step-downs in the period. */
  readonly steppedDown: number;
  /** Step-ups in the period. */
  readonly steppedUp: number;
  /** Discharges in the period. */
  readonly discharged: number;
}

/** The report of {@link censusByPhase}. */
export interface CensusReport {
  /** `"day"` or `"week"`. */
  readonly interval: "day" | "week";
  /** The program's phases, in order. */
  readonly phaseIds: readonly string[];
  /** Every period of the window, in order. */
  readonly periods: readonly CensusPeriod[];
  /** First days of treatment before the window. */
  readonly startedBefore: number;
  /** Discharges before the window. */
  readonly dischargedBefore: number;
  /** Rows not used, by reason. */
  readonly excluded: CensusPartial["excluded"];
  /** The definition, in words. */
  readonly definition: string;
}

const OptionsInput = /* @__PURE__ */ lazyInternal(() =>
  object({
    from: DateText(),
    to: DateText(),
    interval: z.exactOptional(z.enum(["day", "week"])),
  }).check(
    windowCheck("from", "to"),
    z.refine(
      (o) => epochDayOf(o.to) - epochDayOf(o.from) <= 366 * 20,
      issue("window-too-long", "the window is longer than 20 years", { path: ["to"] }),
    ),
  ),
);

const Count = /* @__PURE__ */ lazyInternal(() => z.int().check(z.minimum(0)));
const Counts = /* @__PURE__ */ lazyInternal(() => array(Count));

const Normalised: z.ZodMiniType<CensusNormalised> = /* @__PURE__ */ lazyInternal(() =>
  strictObject({
    programId: z.string(),
    phaseIds: array(z.string()),
    from: DateText(),
    to: DateText(),
    interval: z.enum(["day", "week"]),
  }),
);

const State: z.ZodMiniType<CensusState> = /* @__PURE__ */ lazyInternal(() =>
  strictObject({
    inTreatment: array(Counts),
    started: Counts,
    steppedDown: Counts,
    steppedUp: Counts,
    discharged: Counts,
    startedBefore: Count,
    dischargedBefore: Count,
  }),
);

/** Periods of the window and the length of each. */
function periodsOf(o: CensusNormalised): { count: number; days: number; first: number } {
  const first = epochDayOf(o.from);
  const days = o.interval === "day" ? 1 : 7;
  return { count: (epochDayOf(o.to) - first + 1) / days, days, first };
}

const zeros = (n: number): number[] => new Array<number>(n).fill(0);
const add = (a: readonly number[], b: readonly number[]): number[] =>
  a.map((x, i) => x + (b[i] ?? 0));

/**
 * People in treatment by phase, per day or ISO week.
 *
 * **Definition.** A person is in treatment on day d when their first day of treatment (the first
 * `phase-started`) is on or before d and they were not discharged on or before d: the discharge
 * day is not a day in treatment (a discharge is decided before the day's sessions). Their phase
 * on d is the last one entered on or before d (admission phase, then each step-down or step-up;
 * steps without a target move to the next or previous phase of `program`).
 * - `interval: "day"` — each day counts the people in treatment that day, so for every day d:
 *   in treatment(d) = started up to d − discharged up to d (counting `startedBefore` and
 *   `dischargedBefore`);
 * - `interval: "week"` — each ISO week counts everyone in treatment on at least one of its days,
 *   once, in the phase in force on their last day in treatment that week.
 * Event columns count events in the period: first days of treatment, step-downs, step-ups and
 * discharges (of people who had started). Dates are the episode events' local dates, so the census
 * is in the program's zone.
 *
 * @example
 * ```ts
 * const census = censusByPhase({ episodes: logs }, { program, from: "2026-01-05", to: "2026-03-29" });
 * census.periods[0]?.byPhase; // { intensive: 14, "step-down": 9, transition: 3 }
 * ```
 */
export const censusByPhase: Aggregate<CensusSources, CensusOptions, CensusPartial, CensusReport> =
  /* @__PURE__ */ pure(() =>
    makeAggregate<
      "censusByPhase",
      CensusSources,
      CensusOptions,
      CensusNormalised,
      CensusState,
      CensusReport
    >({
      name: "censusByPhase",
      sources: ["episodes"],
      normalise(options) {
        const o = parseOrThrow(OptionsInput, options, "censusByPhase");
        const interval = o.interval ?? "week";
        const from = epochDayOf(o.from);
        const to = epochDayOf(o.to);
        return {
          programId: options.program.id,
          phaseIds: options.program.phases.map((p) => p.id as string),
          from: isoOf(interval === "week" ? mondayOfEpochDay(from) : from),
          to: isoOf(interval === "week" ? mondayOfEpochDay(to) + 6 : to),
          interval,
        };
      },
      begin(options, exclude, shared) {
        const { count, days: width, first } = periodsOf(options);
        const last = first + count * width - 1;
        const phases = options.phaseIds.length;
        const inTreatment = Array.from({ length: count }, () => zeros(phases));
        const started = zeros(count);
        const steppedDown = zeros(count);
        const steppedUp = zeros(count);
        const discharged = zeros(count);
        let startedBefore = 0;
        let dischargedBefore = 0;
        const index = new Map(options.phaseIds.map((id, i) => [id, i]));
        const periodOf = (day: number): number => Math.floor((day - first) / width);
        return {
          rows: {
            episodes(log) {
              const f = startedEpisode(log, exclude, options, shared.facts);
              if (f === undefined) return;
              const firstDay = f.firstDay;
              const phaseIndex = f.phases.map((p) => index.get(p.phaseId ?? "") ?? -1);
              if (phaseIndex.includes(-1)) return exclude("unknown-phase");
              const end = f.discharge?.on ?? Number.POSITIVE_INFINITY; // first day not in treatment
              const tally = (day: number, counts: number[]): void => {
                if (day < first || day > last) return;
                const p = periodOf(day);
                counts[p] = (counts[p] ?? 0) + 1;
              };
              if (firstDay < first) startedBefore++;
              tally(firstDay, started);
              if (f.discharge !== undefined) {
                if (f.discharge.on < first) dischargedBefore++;
                tally(f.discharge.on, discharged);
              }
              for (const step of f.phases) {
                if (step.how === "step-down") tally(step.from, steppedDown);
                if (step.how === "step-up") tally(step.from, steppedUp);
              }
              const lo = Math.max(firstDay, first);
              const hi = Math.min(end - 1, last);
              // The phase in force steps forward with the days (phases are by ascending start).
              let k = -1;
              for (let p = periodOf(lo); p <= periodOf(hi) && lo <= hi; p++) {
                // The day that decides the phase: the period's last day in treatment.
                const day = Math.min(first + (p + 1) * width - 1, hi);
                while ((f.phases[k + 1]?.from ?? Number.POSITIVE_INFINITY) <= day) k++;
                const i = phaseIndex[k] ?? 0;
                const row = inTreatment[p];
                if (row !== undefined) row[i] = (row[i] ?? 0) + 1;
              }
            },
          },
          end: () => ({
            inTreatment: inTreatment.map((r) => [...r]),
            started: [...started],
            steppedDown: [...steppedDown],
            steppedUp: [...steppedUp],
            discharged: [...discharged],
            startedBefore,
            dischargedBefore,
          }),
        };
      },
      merge: (a, b) => ({
        inTreatment: a.inTreatment.map((r, i) => add(r, b.inTreatment[i] ?? [])),
        started: add(a.started, b.started),
        steppedDown: add(a.steppedDown, b.steppedDown),
        steppedUp: add(a.steppedUp, b.steppedUp),
        discharged: add(a.discharged, b.discharged),
        startedBefore: a.startedBefore + b.startedBefore,
        dischargedBefore: a.dischargedBefore + b.dischargedBefore,
      }),
      finish(state, options, excluded): CensusReport {
        const { count, days: width, first } = periodsOf(options);
        const periods = Array.from({ length: count }, (_, p): CensusPeriod => {
          const start = first + p * width;
          const row = state.inTreatment[p] ?? [];
          const byPhase: Record<string, number> = {};
          options.phaseIds.forEach((id, i) => setKey(byPhase, id, row[i] ?? 0));
          return {
            start: isoOf(start),
            end: isoOf(start + width - 1),
            label: options.interval === "week" ? isoWeekKeyOfEpochDay(start) : isoOf(start),
            byPhase,
            inTreatment: row.reduce((n, x) => n + x, 0),
            started: state.started[p] ?? 0,
            steppedDown: state.steppedDown[p] ?? 0,
            steppedUp: state.steppedUp[p] ?? 0,
            discharged: state.discharged[p] ?? 0,
          };
        });
        return {
          interval: options.interval,
          phaseIds: options.phaseIds,
          periods,
          startedBefore: state.startedBefore,
          dischargedBefore: state.dischargedBefore,
          excluded,
          definition:
            options.interval === "day"
              ? "in treatment on a day: first day of treatment on or before it, not discharged on or before it; phase = the last entered"
              : "in treatment in a week: in treatment on at least one of its days; phase = the one in force on their last day in treatment that week",
        };
      },
      schemas: { options: Normalised, state: State },
      check(state, options) {
        const { count } = periodsOf(options);
        const phases = options.phaseIds.length;
        const issues = (["started", "steppedDown", "steppedUp", "discharged"] as const).flatMap(
          (key): IopIssue[] =>
            state[key].length === count
              ? []
              : [
                  {
                    code: "wrong-length",
                    path: [key],
                    message: `${key} has ${state[key].length} periods; the window has ${count}`,
                  },
                ],
        );
        if (
          state.inTreatment.length !== count ||
          state.inTreatment.some((row) => row.length !== phases)
        )
          issues.push({
            code: "wrong-length",
            path: ["inTreatment"],
            message: `inTreatment must have ${count} periods of ${phases} phases`,
          });
        return issues;
      },
    }),
  );
