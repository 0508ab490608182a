/**
 * `forecastCapacity`: the census a program will have in the coming weeks, per phase, with
 * percentile bands, and the groups, clinician hours and rooms it takes — by the Mt/G/∞ census
 * model (analytic) or a seeded simulation of the same model.
 */
import * as z from "zod/mini";
import { array, strictObject, union } from "../core/zod";
import { addDays, daysBetween, type IsoDate } from "../core/calendar";
import { IopError, type IopIssue, type IopIssueCode } from "../core/errors";
import { createRng, type Rng } from "../core/random";
import { lazyInternal, validate } from "../core/schema";
import { IsoDateSchema, LabelSchema } from "../core/schemas";
import type { Citation } from "../core/sources";
import { staffRoles, type Program, type StaffRole } from "../program/index";
import { compileForecastModel, type ForecastModel } from "./forecast-model";
import {
  binomialTable,
  drawFrom,
  expectedGroups,
  poissonQuantile,
  poissonTable,
  selectRank,
  type CountTable,
} from "./poisson";
import { maxStayWeeks, type StayDistribution } from "./stay";

/** Longest forecast: 156 weeks (three years). */
export const maxForecastWeeks = 156;
/** Most simulation runs: 100,000. */
export const maxForecastRuns = 100_000;

/** Someone enrolled on the forecast's first day. */
export interface EnrolledNow {
  /** Who (reported back when their stay is already longer than the distribution allows). */
  readonly participantId: string;
  /** Their first day of treatment, on or before the forecast's `from`. */
  readonly admittedOn: IsoDate;
  /** Their track, one of the program's; absent = spread over the tracks by `trackShares`. */
  readonly track?: string;
}

/** Resources the program has, to find the first week it needs more. Leave out what you do not want checked. */
export interface AvailableCapacity {
  /** Groups it can run at once (all phases and tracks together). */
  readonly groups?: number;
  /** Rooms for in-person groups. @defaultValue the program's rooms of kind `"group-room"`, when it lists rooms */
  readonly rooms?: number;
  /** Clinician hours per week, by role. */
  readonly clinicianHours?: Readonly<Partial<Record<StaffRole, number>>>;
}

/** The options of {@link forecastCapacity}. */
export interface ForecastCapacityOptions {
  /** First day of week 1; weeks are the seven-day blocks from it. */
  readonly from: IsoDate;
  /** Weeks to forecast, 1–156. */
  readonly weeks: number;
  /** Referrals per week: one rate for every week, or one per week (at least `weeks` entries; extra ones are not read). */
  readonly referralsPerWeek: number | readonly number[];
  /** Share of referrals admitted (the conversion rate), 0–1. @defaultValue 1 */
  readonly admissionRate?: number;
  /** How long admissions stay, in weeks (see {@link stayDistribution}). */
  readonly stay: StayDistribution;
  /** People enrolled on `from` (today's census). @defaultValue [] */
  readonly enrolled?: readonly EnrolledNow[];
  /** Share of new admissions per track; must name every program track once and add up to 1. @defaultValue equal shares */
  readonly trackShares?: Readonly<Record<string, number>>;
  /** Share of participants a one-to-one for some only is counted for. @defaultValue 1 for both (everyone: an upper bound) */
  readonly oneToOneShare?: {
    readonly "family-involved"?: number;
    readonly "on-medication"?: number;
  };
  /** Percentiles to report, each in (0, 100), ascending. @defaultValue [50, 90] */
  readonly percentiles?: readonly number[];
  /** `"analytic"` (Mt/G/∞ with Poisson quantiles) or `"simulation"` (seeded runs). @defaultValue "analytic" */
  readonly mode?: "analytic" | "simulation";
  /** Simulation runs, 1–100,000. @defaultValue 1000 */
  readonly runs?: number;
  /** Seed of the simulation (a safe integer). @defaultValue 0 */
  readonly seed?: number;
  /** What the program has, to find the first week it needs more. @defaultValue from the program's rooms only */
  readonly available?: AvailableCapacity;
}

/** A forecast value: its mean and its value at each requested percentile (in the order of {@link CapacityForecast.percentiles}). */
export interface Band {
  /** The expected value. */
  readonly mean: number;
  /** The value at each percentile: the smallest value with at least that share of outcomes at or below it. */
  readonly percentiles: readonly number[];
}

/** Participants expected in one phase. */
export interface PhaseCensus {
  /** The phase. */
  readonly phaseId: string;
  /** Participants in it. */
  readonly census: Band;
}

/** Groups one phase and track needs. */
export interface GroupsNeeded {
  /** The phase. */
  readonly phaseId: string;
  /** The track, or `null` for a phase without tracks. */
  readonly track: string | null;
  /** Participants on it. */
  readonly census: Band;
  /** Groups of at most the program's `groupCapacity`: `ceil(census / groupCapacity)`. */
  readonly groups: Band;
  /**
   * Chance that it has people but fewer than the program's `groupMinimum` (too few for a group of
   * their own: the planner merges such groups with another of the same phase and track).
   */
  readonly belowMinimum: number;
}

/** Staff hours one role needs in a week. */
export interface RoleHours {
  /** The role. */
  readonly role: StaffRole;
  /** Hours: group sessions (one staff member per group session) plus one-to-ones. */
  readonly hours: Band;
}

/** One forecast week. */
export interface ForecastWeek {
  /** 1 for the first week. */
  readonly week: number;
  /** Its first day. */
  readonly start: IsoDate;
  /** Expected admissions that week: referrals × admission rate. */
  readonly admissions: number;
  /** Everyone enrolled. */
  readonly census: Band;
  /** By phase, in the program's order. */
  readonly phases: readonly PhaseCensus[];
  /** By phase and track. */
  readonly groups: readonly GroupsNeeded[];
  /** All groups together (analytic mode: the sum of each group's percentile, a little above the percentile of the sum). */
  readonly totalGroups: Band;
  /** By role, sorted by role. */
  readonly clinicianHours: readonly RoleHours[];
  /** Rooms for in-person groups meeting at the same time. */
  readonly rooms: Band;
}

/** A resource the program runs short of in a forecast week (not the planner's `Shortfall`, a session it could not plan). */
export interface ResourceShortfall {
  /** `"groups"`, `"rooms"` or `"clinician-hours"`. */
  readonly resource: "groups" | "rooms" | "clinician-hours";
  /** The role, for clinician hours; otherwise `null`. */
  readonly role: StaffRole | null;
  /** Needed at the highest requested percentile. */
  readonly needed: number;
  /** What the program has. */
  readonly available: number;
}

/** The first week the program needs more than it has. */
export interface FirstWeekOver {
  /** 1-based week. */
  readonly week: number;
  /** Its first day. */
  readonly start: IsoDate;
  /** Every resource short that week. */
  readonly shortfalls: readonly ResourceShortfall[];
}

/** The result of {@link forecastCapacity}. */
export interface CapacityForecast {
  /** The method. */
  readonly mode: "analytic" | "simulation";
  /** Simulation runs, or `null` (analytic). */
  readonly runs: number | null;
  /** The seed used, or `null` (analytic). */
  readonly seed: number | null;
  /** The percentiles of every {@link Band}, ascending. */
  readonly percentiles: readonly number[];
  /** Week by week. */
  readonly weeks: readonly ForecastWeek[];
  /** The first week a resource in `available` falls short at the highest percentile, or `null`. */
  readonly firstWeekOver: FirstWeekOver | null;
  /** Little's law, `L = λW`: the long-run mean census at the forecast's mean admission rate. */
  readonly steadyState: {
    /** Mean admissions per week over the forecast. */
    readonly admissionsPerWeek: number;
    /** Mean stay in weeks. */
    readonly meanStayWeeks: number;
    /** Their product: the mean census once the people enrolled today have left. */
    readonly census: number;
  };
  /** Enrolled people already longer in treatment than any stay the distribution allows: counted for week 1 only. */
  readonly beyondDistribution: readonly string[];
  /** The model, in words. */
  readonly definition: string;
  /** Where the methods come from. */
  readonly sources: readonly Citation[];
}

const share = () => z.number().check(z.gte(0), z.lte(1));

const Options = /* @__PURE__ */ lazyInternal(() =>
  strictObject({
    from: IsoDateSchema,
    weeks: z.int().check(z.gte(1), z.lte(maxForecastWeeks)),
    referralsPerWeek: union([
      z.number().check(z.gte(0), z.lte(100_000)),
      array(z.number().check(z.gte(0), z.lte(100_000))).check(z.maxLength(10_000)),
    ]),
    admissionRate: z.exactOptional(share()),
    stay: strictObject({
      weeks: array(share()).check(z.minLength(1), z.maxLength(maxStayWeeks)),
    }),
    enrolled: z.exactOptional(
      array(
        strictObject({
          participantId: LabelSchema,
          admittedOn: IsoDateSchema,
          track: z.exactOptional(LabelSchema),
        }),
      ).check(z.maxLength(100_000)),
    ),
    trackShares: z.exactOptional(z.record(z.string(), share())),
    oneToOneShare: z.exactOptional(
      strictObject({
        "family-involved": z.exactOptional(share()),
        "on-medication": z.exactOptional(share()),
      }),
    ),
    percentiles: z.exactOptional(
      array(z.number().check(z.gt(0), z.lt(100))).check(z.minLength(1), z.maxLength(9)),
    ),
    mode: z.exactOptional(z.enum(["analytic", "simulation"])),
    runs: z.exactOptional(z.int().check(z.gte(1), z.lte(maxForecastRuns))),
    seed: z.exactOptional(z.int()),
    available: z.exactOptional(
      strictObject({
        groups: z.exactOptional(z.int().check(z.gte(0))),
        rooms: z.exactOptional(z.int().check(z.gte(0))),
        clinicianHours: z.exactOptional(
          z.partialRecord(z.enum(staffRoles), z.number().check(z.gte(0))),
        ),
      }),
    ),
  }),
);

/** Issues across fields: weeks of referrals, shares adding up, known tracks, admission dates. */
function crossIssues(o: ForecastCapacityOptions, model: ForecastModel): IopIssue[] {
  const issues: IopIssue[] = [];
  const add = (code: IopIssueCode, message: string, path: (string | number)[]) =>
    issues.push({ code, message, path });
  if (typeof o.referralsPerWeek !== "number" && o.referralsPerWeek.length < o.weeks)
    add(
      "too-small",
      `one referral rate per week: ${o.weeks} needed, got ${o.referralsPerWeek.length}`,
      ["referralsPerWeek"],
    );
  const total = o.stay.weeks.reduce((s, p) => s + p, 0);
  if (Math.abs(total - 1) > 1e-9)
    add("shares-do-not-add-up", `the stay shares must add up to 1, got ${total}`, [
      "stay",
      "weeks",
    ]);
  if (o.trackShares !== undefined) {
    const names = Object.keys(o.trackShares);
    for (const t of names)
      if (!model.tracks.includes(t))
        add("unknown-track", `the program has no track "${t}"`, ["trackShares", t]);
    for (const t of model.tracks)
      if (!names.includes(t))
        add("missing-track", `give a share for the program's track "${t}"`, ["trackShares"]);
    const sum = Object.values(o.trackShares).reduce((s, p) => s + p, 0);
    if (Math.abs(sum - 1) > 1e-9)
      add("shares-do-not-add-up", `the track shares must add up to 1, got ${sum}`, ["trackShares"]);
  }
  o.enrolled?.forEach((e, i) => {
    if (daysBetween(e.admittedOn, o.from) < 0)
      add(
        "admitted-after-forecast-start",
        `admitted on ${e.admittedOn}, after the forecast's first day ${o.from}`,
        ["enrolled", i, "admittedOn"],
      );
    if (e.track !== undefined && !model.tracks.includes(e.track))
      add("unknown-track", `the program has no track "${e.track}"`, ["enrolled", i, "track"]);
  });
  const p = o.percentiles ?? [];
  for (let i = 1; i < p.length; i++)
    if ((p[i] ?? 0) <= (p[i - 1] ?? 0))
      add("not-ascending", "percentiles must ascend, each once", ["percentiles", i]);
  return issues;
}

/** The forecast's inputs, resolved. */
interface Prepared {
  readonly model: ForecastModel;
  readonly weeks: number;
  /** Expected admissions per week. */
  readonly lambda: Float64Array;
  /** `survival[k] = P(stay > k weeks)`, k = 0 … n. */
  readonly survival: Float64Array;
  /** `cdf[k] = P(stay ≤ k + 1 weeks)`. */
  readonly cdf: Float64Array;
  /** Share of new admissions per track index (−1 = no tracks: one entry). */
  readonly trackShare: Float64Array;
  /** Enrolled: weeks already in treatment and track index (−1 = spread by share). */
  readonly enrolled: readonly (readonly [weeksIn: number, track: number])[];
  readonly beyond: readonly string[];
  readonly capacity: number;
  readonly minimum: number;
  readonly quantiles: readonly number[];
}

function prepare(program: Program, o: ForecastCapacityOptions): Prepared {
  const model = compileForecastModel(program, {
    "family-involved": o.oneToOneShare?.["family-involved"] ?? 1,
    "on-medication": o.oneToOneShare?.["on-medication"] ?? 1,
  });
  const issues = crossIssues(o, model);
  if (issues.length > 0) throw new IopError("forecastCapacity", issues);
  const rate = o.admissionRate ?? 1;
  const lambda = new Float64Array(o.weeks);
  for (let t = 0; t < o.weeks; t++)
    lambda[t] =
      (typeof o.referralsPerWeek === "number" ? o.referralsPerWeek : (o.referralsPerWeek[t] ?? 0)) *
      rate;
  const n = o.stay.weeks.length;
  const cdf = new Float64Array(n);
  const survival = new Float64Array(n + 1);
  let acc = 0;
  survival[0] = 1;
  for (let k = 0; k < n; k++) {
    acc += o.stay.weeks[k] ?? 0;
    cdf[k] = k === n - 1 ? 1 : Math.min(1, acc);
    survival[k + 1] = 1 - (cdf[k] ?? 1);
  }
  const tracks = model.tracks;
  const trackShare = new Float64Array(Math.max(1, tracks.length));
  if (tracks.length === 0) trackShare[0] = 1;
  else tracks.forEach((t, i) => (trackShare[i] = o.trackShares?.[t] ?? 1 / tracks.length));
  const enrolled: [number, number][] = [];
  const beyond: string[] = [];
  for (const e of o.enrolled ?? []) {
    const weeksIn = Math.floor(daysBetween(e.admittedOn, o.from) / 7);
    if ((survival[weeksIn] ?? 0) <= 0) beyond.push(e.participantId);
    enrolled.push([weeksIn, e.track === undefined ? -1 : tracks.indexOf(e.track)]);
  }
  return {
    model,
    weeks: o.weeks,
    lambda,
    survival,
    cdf,
    trackShare,
    enrolled,
    beyond,
    capacity: program.groupCapacity,
    minimum: Math.min(program.groupMinimum, program.groupCapacity),
    quantiles: (o.percentiles ?? [50, 90]).map((p) => p / 100),
  };
}

/** `P(stay > k)`, 0 past the distribution. */
function survivalAt(p: Prepared, k: number): number {
  return p.survival[k] ?? 0;
}

/**
 * Where someone enrolled today for `weeksIn` weeks is in forecast week `t` (0-based): the chance
 * they are still enrolled, and the phase they are in. Someone already past every stay the
 * distribution allows is counted for week 1 only.
 */
function enrolledAt(p: Prepared, weeksIn: number, t: number): [present: number, phase: number] {
  const base = survivalAt(p, weeksIn);
  if (base <= 0) return [t === 0 ? 1 : 0, p.model.phaseAt(weeksIn)];
  return [survivalAt(p, weeksIn + t) / base, p.model.phaseAt(weeksIn + t)];
}

/**
 * Expected census of each group key in each week (Mt/G/∞): new admissions convolved with the
 * stay survival, plus (with `enrolled`) each enrolled person's chance of still being there.
 */
function expectedCensus(p: Prepared, enrolled: boolean): Float64Array[] {
  const { model, weeks } = p;
  const out = model.keys.map(() => new Float64Array(weeks));
  const add = (key: number, t: number, v: number) => {
    const row = out[key];
    if (row !== undefined) row[t] = (row[t] ?? 0) + v;
  };
  const spread = (phase: number, track: number, t: number, v: number) => {
    if (track >= 0 || model.tracks.length === 0) add(model.keyOf(phase, track), t, v);
    else p.trackShare.forEach((s, i) => add(model.keyOf(phase, i), t, v * s));
  };
  for (let a = 0; a < weeks; a++) {
    const l = p.lambda[a] ?? 0;
    if (l === 0) continue;
    for (let t = a; t < weeks; t++) {
      const s = survivalAt(p, t - a);
      if (s <= 0) break;
      spread(model.phaseAt(t - a), -1, t, l * s);
    }
  }
  if (enrolled)
    for (const [weeksIn, track] of p.enrolled)
      for (let t = 0; t < weeks; t++) {
        const [present, phase] = enrolledAt(p, weeksIn, t);
        if (present <= 0) break;
        spread(phase, track, t, present);
      }
  return out;
}

/** Rooms needed for these group counts: the most in-person groups in progress at one moment. */
function roomsFor(model: ForecastModel, groups: ArrayLike<number>): number {
  let most = 0;
  for (const load of model.roomLoad) {
    let n = 0;
    for (let k = 0; k < load.length; k++) n += (load[k] ?? 0) * (groups[k] ?? 0);
    if (n > most) most = n;
  }
  return most;
}

/** Staff hours of each role for these group counts and census. */
function hoursFor(
  model: ForecastModel,
  groups: ArrayLike<number>,
  census: ArrayLike<number>,
): Float64Array {
  const h = new Float64Array(model.roles.length);
  for (let k = 0; k < model.keys.length; k++) {
    const g = model.groupHours[k];
    const pp = model.personHours[model.keys[k]?.phase ?? 0];
    for (let r = 0; r < h.length; r++)
      h[r] = (h[r] ?? 0) + (g?.[r] ?? 0) * (groups[k] ?? 0) + (pp?.[r] ?? 0) * (census[k] ?? 0);
  }
  return h;
}

/** A week's numbers at each percentile and on average, before they become {@link ForecastWeek}s. */
interface WeekFigures {
  readonly keyCensus: Band[];
  readonly keyGroups: Band[];
  readonly belowMinimum: number[];
  readonly phaseCensus: Band[];
  readonly census: Band;
  readonly totalGroups: Band;
  readonly hours: Band[];
  readonly rooms: Band;
}

/** Below-minimum chance of a Poisson census: P(1 ≤ N < minimum). */
function poissonBelow(mean: number, minimum: number): number {
  if (mean <= 0 || minimum <= 1) return 0;
  let term = Math.exp(-mean);
  let sum = 0;
  for (let k = 1; k < minimum; k++) {
    term *= mean / k;
    sum += term;
  }
  return sum;
}

function analyticWeek(p: Prepared, m: readonly Float64Array[], t: number): WeekFigures {
  const { model, quantiles } = p;
  const means = model.keys.map((_, k) => m[k]?.[t] ?? 0);
  const band = (mean: number, at: (q: number) => number): Band => ({
    mean,
    percentiles: quantiles.map(at),
  });
  const keyCensus = means.map((mean) => band(mean, (q) => poissonQuantile(mean, q)));
  const keyGroups = means.map((mean) =>
    band(expectedGroups(mean, p.capacity), (q) => Math.ceil(poissonQuantile(mean, q) / p.capacity)),
  );
  const phaseCensus = model.phaseIds.map((_, i) => {
    const mean = means.reduce((s, v, k) => (model.keys[k]?.phase === i ? s + v : s), 0);
    return band(mean, (q) => poissonQuantile(mean, q));
  });
  const total = means.reduce((s, v) => s + v, 0);
  const groupsAt = (j: number) => keyGroups.map((b) => b.percentiles[j] ?? 0);
  const censusAt = (j: number) => keyCensus.map((b) => b.percentiles[j] ?? 0);
  const meanGroups = keyGroups.map((b) => b.mean);
  const meanHours = hoursFor(model, meanGroups, means);
  const hoursAt = quantiles.map((_, j) => hoursFor(model, groupsAt(j), censusAt(j)));
  return {
    keyCensus,
    keyGroups,
    belowMinimum: means.map((mean) => poissonBelow(mean, p.minimum)),
    phaseCensus,
    census: band(total, (q) => poissonQuantile(total, q)),
    totalGroups: {
      mean: meanGroups.reduce((s, v) => s + v, 0),
      percentiles: quantiles.map((_, j) => groupsAt(j).reduce((s, v) => s + v, 0)),
    },
    hours: model.roles.map((_, r) => ({
      mean: meanHours[r] ?? 0,
      percentiles: hoursAt.map((h) => h[r] ?? 0),
    })),
    rooms: {
      // Rooms are a maximum over moments, so the mean comes from the expected groups (a lower bound).
      mean: roomsFor(model, meanGroups),
      percentiles: quantiles.map((_, j) => roomsFor(model, groupsAt(j))),
    },
  };
}

/** The track index of a new admission, drawn by share (−1 when the program has no tracks). */
function drawTrack(p: Prepared, rng: Rng): number {
  if (p.model.tracks.length === 0) return -1;
  let u = rng.next();
  const last = p.trackShare.length - 1;
  for (let i = 0; i < last; i++) {
    u -= p.trackShare[i] ?? 0;
    if (u < 0) return i;
  }
  return last;
}

/**
 * What one simulated week draws: for each group key the census of new admissions (Poisson with the
 * key's expected census, by thinning; `null` when none is expected), and for each set of people
 * enrolled today alike in weeks and track the number still enrolled (binomial) with their group
 * key, or, when their track is drawn, the key of each track index.
 */
interface WeekDraws {
  readonly arrivals: readonly (CountTable | null)[];
  readonly enrolled: readonly {
    readonly table: CountTable;
    readonly key: number;
    readonly byTrack: Int32Array | null;
  }[];
}

function weekDraws(
  p: Prepared,
  arrivals: readonly Float64Array[],
  alike: ReadonlyMap<number, readonly [weeksIn: number, track: number, count: number]>,
  t: number,
): WeekDraws {
  const { model } = p;
  const enrolled: WeekDraws["enrolled"][number][] = [];
  for (const [weeksIn, track, count] of alike.values()) {
    const [present, phase] = enrolledAt(p, weeksIn, t);
    if (present <= 0) continue;
    const key = model.keyOf(phase, track);
    // Someone without a track joins one drawn by share, if the phase has more than one.
    const keys = Int32Array.from(model.tracks, (_, i) => model.keyOf(phase, i));
    enrolled.push({
      table: binomialTable(count, present),
      key,
      byTrack: track < 0 && keys.some((k) => k !== key) ? keys : null,
    });
  }
  return {
    arrivals: arrivals.map((row) => ((row[t] ?? 0) > 0 ? poissonTable(row[t] ?? 0) : null)),
    enrolled,
  };
}

/** People enrolled today grouped by weeks in treatment and track: `[weeksIn, track, count]`, in order of first appearance. */
function alikeEnrolled(p: Prepared): Map<number, [number, number, number]> {
  const alike = new Map<number, [number, number, number]>();
  const stride = p.trackShare.length + 1;
  for (const [weeksIn, track] of p.enrolled) {
    const id = weeksIn * stride + track + 1;
    const seen = alike.get(id);
    if (seen === undefined) alike.set(id, [weeksIn, track, 1]);
    else seen[2] += 1;
  }
  return alike;
}

/** The 0-based index, among `n` sorted outcomes, of the smallest with at least share `q` at or below it. */
function rankOf(q: number, n: number): number {
  return Math.max(0, Math.ceil(q * n - 1e-9) - 1);
}

/** The band of real values (reorders `values`). */
function bandOf(values: Float64Array, quantiles: readonly number[]): Band {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i] ?? 0;
  return {
    mean: sum / values.length,
    percentiles: quantiles.map((q) => selectRank(values, rankOf(q, values.length))),
  };
}

/** The band of whole numbers ≥ 0 (counted, not sorted). */
function countBand(values: Int32Array, quantiles: readonly number[]): Band {
  let sum = 0;
  let max = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? 0;
    sum += v;
    if (v > max) max = v;
  }
  const counts = new Int32Array(max + 1);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? 0;
    counts[v] = (counts[v] ?? 0) + 1;
  }
  const percentiles = quantiles.map((q) => {
    const need = rankOf(q, values.length) + 1;
    let seen = 0;
    for (let v = 0; v < max; v++) {
      seen += counts[v] ?? 0;
      if (seen >= need) return v;
    }
    return max;
  });
  return { mean: sum / values.length, percentiles };
}

/**
 * `runs` seeded draws of every week's census, each from its exact distribution under the model;
 * weeks are drawn one after another, each independently (the figures are per week).
 */
function simulate(p: Prepared, runs: number, seed: number): WeekFigures[] {
  const { model, weeks } = p;
  const keys = model.keys.length;
  const phases = model.phaseIds.length;
  const roles = model.roles.length;
  // One week's whole-number series, run by run: keys' census, keys' groups, phases, total, total
  // groups, rooms; and its staff hours by role.
  const TOTAL = 2 * keys + phases;
  const counts = new Int32Array((TOTAL + 3) * runs);
  const hours = new Float64Array(roles * runs);
  // Staff hours per group and per participant of each key, flattened `[key * roles + role]`.
  const perGroup = new Float64Array(keys * roles);
  const perPerson = new Float64Array(keys * roles);
  model.keys.forEach((key, k) => {
    perGroup.set(model.groupHours[k] ?? [], k * roles);
    perPerson.set(model.personHours[key.phase] ?? [], k * roles);
  });
  const arrivals = expectedCensus(p, false);
  const alike = alikeEnrolled(p);
  const groups = new Float64Array(keys);
  const members = new Float64Array(keys);
  const rng = createRng(seed);
  const out: WeekFigures[] = [];
  for (let t = 0; t < weeks; t++) {
    const draws = weekDraws(p, arrivals, alike, t);
    const below = new Float64Array(keys);
    counts.fill(0);
    hours.fill(0);
    for (let r = 0; r < runs; r++) {
      for (let k = 0; k < keys; k++) {
        const table = draws.arrivals[k];
        members[k] = table ? drawFrom(table, rng.next()) : 0;
      }
      for (const e of draws.enrolled) {
        const n = drawFrom(e.table, rng.next());
        if (e.byTrack === null) members[e.key] = (members[e.key] ?? 0) + n;
        else
          for (let i = 0; i < n; i++) {
            const k = e.byTrack[drawTrack(p, rng)] ?? 0;
            members[k] = (members[k] ?? 0) + 1;
          }
      }
      let total = 0;
      let totalGroups = 0;
      for (let k = 0; k < keys; k++) {
        const n = members[k] ?? 0;
        const g = Math.ceil(n / p.capacity);
        groups[k] = g;
        total += n;
        totalGroups += g;
        counts[k * runs + r] = n;
        counts[(keys + k) * runs + r] = g;
        if (n > 0 && n < p.minimum) below[k] = (below[k] ?? 0) + 1;
        const ph = (2 * keys + (model.keys[k]?.phase ?? 0)) * runs + r;
        counts[ph] = (counts[ph] ?? 0) + n;
        for (let j = 0, at = k * roles; j < roles; j++, at++)
          hours[j * runs + r] =
            (hours[j * runs + r] ?? 0) + (perGroup[at] ?? 0) * g + (perPerson[at] ?? 0) * n;
      }
      counts[TOTAL * runs + r] = total;
      counts[(TOTAL + 1) * runs + r] = totalGroups;
      counts[(TOTAL + 2) * runs + r] = roomsFor(model, groups);
    }
    const c = (s: number) => countBand(counts.subarray(s * runs, (s + 1) * runs), p.quantiles);
    const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => c(from + i));
    out.push({
      keyCensus: range(0, keys),
      keyGroups: range(keys, keys),
      belowMinimum: Array.from(below, (n) => n / runs),
      phaseCensus: range(2 * keys, phases),
      census: c(TOTAL),
      totalGroups: c(TOTAL + 1),
      rooms: c(TOTAL + 2),
      hours: Array.from({ length: roles }, (_, j) =>
        bandOf(hours.subarray(j * runs, (j + 1) * runs), p.quantiles),
      ),
    });
  }
  return out;
}

/** The default number of rooms: the program's group rooms, when it lists rooms. */
function availableOf(program: Program, o: ForecastCapacityOptions): AvailableCapacity {
  const rooms = o.available?.rooms ?? program.rooms?.filter((r) => r.kind === "group-room").length;
  return { ...o.available, ...(rooms === undefined ? {} : { rooms }) };
}

function shortfalls(week: ForecastWeek, available: AvailableCapacity): ResourceShortfall[] {
  const top = (b: Band) => b.percentiles[b.percentiles.length - 1] ?? b.mean;
  const out: ResourceShortfall[] = [];
  const check = (
    resource: ResourceShortfall["resource"],
    role: StaffRole | null,
    needed: number,
    has?: number,
  ) => {
    if (has !== undefined && needed > has + 1e-9)
      out.push({ resource, role, needed, available: has });
  };
  check("groups", null, top(week.totalGroups), available.groups);
  check("rooms", null, top(week.rooms), available.rooms);
  for (const h of week.clinicianHours)
    check("clinician-hours", h.role, top(h.hours), available.clinicianHours?.[h.role]);
  return out;
}

const DEFINITION =
  "Mt/G/∞ census model: admissions each week are Poisson with mean referrals × admission rate; each admission stays a whole number of weeks drawn from the stay distribution, moving through the phases on the program's planned path (phase by planned weeks; longer stays remain in the last phase). Expected census m(t) = Σ_u λ(t − u)·P(stay > u) plus each enrolled person's chance of still being there; census percentiles are Poisson quantiles of m(t) (analytic mode) or the runs' percentiles (simulation: each run draws every week's census from its exact distribution, the new admissions of each phase and track Poisson with their share of m(t), independent of each other, and those enrolled today as binomial counts of the people alike in weeks in treatment and track; weeks are drawn independently, as every figure is per week). Groups = ceil(census / group capacity) per phase and track; staff hours = groups × the pattern's hours (one staff member of the session type's first role per group session) + census × one-to-one hours per week; rooms = the most in-person groups meeting at one moment. Little's law gives the long-run mean census: admissions per week × mean stay in weeks.";

const SOURCES: readonly Citation[] = [
  { source: "little-1961" },
  { source: "eick-massey-whitt-1993" },
  { source: "de-bruin-2010-erlang" },
];

/**
 * Forecasts a program's census and the groups, clinician hours and rooms it will need, week by
 * week, from today's census, the referral rate, the share admitted and the length-of-stay
 * distribution (see {@link CapacityForecast.definition} for the model).
 *
 * - `mode: "analytic"` — the Mt/G/∞ model in closed form: census per phase and track is Poisson
 *   with the convolved mean (for the people enrolled today a Bernoulli sum, whose spread is a
 *   little smaller, so the band is slightly wide), percentiles are Poisson quantiles.
 * - `mode: "simulation"` — `runs` seeded draws (1,000 by default) of each week's census from its
 *   exact distribution under the same model: the spread of groups after rounding up, of all groups
 *   together, of rooms and of staff hours, which the analytic mode can only bound. Each week is
 *   drawn on its own (every figure is per week), so a run is not one path through the weeks. The
 *   same seed gives the same forecast.
 *
 * Throws {@link IopError} listing every bad option.
 * @example
 * ```ts
 * const f = forecastCapacity(program, {
 *   from: "2026-03-02", weeks: 12, referralsPerWeek: 4, admissionRate: 0.75,
 *   stay: stayDistribution(lengthOfStay({ episodes: logs }, {}).episodes.map((e) => e.days)),
 *   available: { groups: 3 },
 * });
 * f.firstWeekOver?.week; // the first week three groups are not enough (at the 90th percentile)
 * ```
 */
export function forecastCapacity(
  program: Program,
  options: ForecastCapacityOptions,
): CapacityForecast {
  const r = validate(Options, options);
  if (!r.ok) throw new IopError("forecastCapacity", r.issues);
  const o = r.value as ForecastCapacityOptions;
  const p = prepare(program, o);
  const mode = o.mode ?? "analytic";
  const runs = o.runs ?? 1000;
  const seed = o.seed ?? 0;
  let figures: WeekFigures[];
  if (mode === "analytic") {
    const m = expectedCensus(p, true);
    figures = Array.from({ length: p.weeks }, (_, t) => analyticWeek(p, m, t));
  } else figures = simulate(p, runs, seed);
  const { model } = p;
  const weeks = figures.map((f, t): ForecastWeek => ({
    week: t + 1,
    start: addDays(o.from, 7 * t),
    admissions: p.lambda[t] ?? 0,
    census: f.census,
    phases: model.phaseIds.map((phaseId, i) => ({
      phaseId,
      census: f.phaseCensus[i] ?? { mean: 0, percentiles: [] },
    })),
    groups: model.keys.map((key, k) => ({
      phaseId: model.phaseIds[key.phase] ?? "",
      track: key.track,
      census: f.keyCensus[k] ?? { mean: 0, percentiles: [] },
      groups: f.keyGroups[k] ?? { mean: 0, percentiles: [] },
      belowMinimum: f.belowMinimum[k] ?? 0,
    })),
    totalGroups: f.totalGroups,
    clinicianHours: model.roles.map((role, i) => ({
      role,
      hours: f.hours[i] ?? { mean: 0, percentiles: [] },
    })),
    rooms: f.rooms,
  }));
  const available = availableOf(program, o);
  let firstWeekOver: FirstWeekOver | null = null;
  for (const w of weeks) {
    const short = shortfalls(w, available);
    if (short.length > 0) {
      firstWeekOver = { week: w.week, start: w.start, shortfalls: short };
      break;
    }
  }
  let meanStay = 0;
  for (let k = 0; k < p.survival.length; k++) meanStay += p.survival[k] ?? 0;
  const admissionsPerWeek = p.lambda.reduce((s, v) => s + v, 0) / p.weeks;
  return {
    mode,
    runs: mode === "simulation" ? runs : null,
    seed: mode === "simulation" ? seed : null,
    percentiles: o.percentiles ?? [50, 90],
    weeks,
    firstWeekOver,
    steadyState: {
      admissionsPerWeek,
      meanStayWeeks: meanStay,
      census: admissionsPerWeek * meanStay,
    },
    beyondDistribution: p.beyond,
    definition: DEFINITION,
    sources: SOURCES,
  };
}
