/**
 * Analytics inputs for tests and benchmarks: a seeded synthetic clinic whose episodes, attendance,
 * measures, encounters and TEDS profiles stream from generators (millions of rows in constant
 * memory, the same rows every time for a seed), and a fast-check arbitrary of whole small
 * datasets built on it.
 *
 * The clinic's behaviour is illustrative, not clinical data: admissions spread over the window;
 * waits of 0–20 days from referral; each phase lasts its planned weeks; people drop out with a
 * daily hazard that is higher in the first two weeks, missing more sessions in the days before
 * they stop coming; a few are transferred to a higher level or stepped up after a relapse; one in
 * ten who finish is transferred down to remission monitoring instead of completing; PHQ-9
 * improves for the engaged.
 */
import fc from "fast-check";
import {
  createRng,
  createZoneClock,
  fromEpochDay,
  toEpochDay,
  type EpisodeId,
  type IsoDate,
  type ParticipantId,
  type PhaseId,
  type Rng,
} from "../core/index";
import type { AttendanceRow, Encounter, MeasureRow, SeatStatus } from "../analytics/index";
import type { TedsProfile } from "../analytics/index";
import type { DischargeReason, EpisodeEvent } from "../episode/index";
import { scorePhq9 } from "../measures/index";
import { programTemplates, type PatternEntry, type Program } from "../program/index";
import { eligibilityDecisionFor } from "./episode";
import { checkArbitraryOptions } from "./options";

/** Options of {@link syntheticClinic}. */
export interface SyntheticClinicOptions {
  /** The program (its phases' patterns and zone). @defaultValue the adult substance-use template in America/New_York */
  readonly program?: Program;
  /** The seed: the same seed gives the same rows. */
  readonly seed: number;
  /** How many episodes (one participant each, `p-0` …; with `readmissions`, some have two). */
  readonly episodes: number;
  /** The first admission date. @defaultValue "2026-01-05" */
  readonly from?: IsoDate;
  /** Admissions spread over this many days. @defaultValue 365 */
  readonly admissionDays?: number;
  /** The day the data stand on: later events and sessions do not exist yet. @defaultValue from + admissionDays + 90 */
  readonly asOf?: IsoDate;
  /**
   * Seats per episode, spread evenly over its stay (for benchmarks that need an exact number of
   * attendance rows). @defaultValue the phases' weekly patterns, one seat per session
   */
  readonly seatsPerEpisode?: number;
  /** Share of episodes that are given the PHQ-9. @defaultValue 1 */
  readonly measuredShare?: number;
  /** Days between PHQ-9 administrations. @defaultValue 14 */
  readonly measuresEvery?: number;
  /** Every other participant has a second episode 30–90 days after the first ends. @defaultValue false */
  readonly readmissions?: boolean;
}

/** A seeded synthetic clinic: each method streams its rows, episode by episode. */
export interface SyntheticClinic {
  /** The program. */
  readonly program: Program;
  /** The day the data stand on. */
  readonly asOf: IsoDate;
  /** Episode logs, each one `replayEpisode` accepts. */
  episodes(): Generator<EpisodeEvent[]>;
  /** One row per seat, in the program's zone; the last few days' seats may be unrecorded. */
  attendance(): Generator<AttendanceRow>;
  /** PHQ-9 scores. */
  measures(): Generator<MeasureRow>;
  /** Encounters outside the program: step-downs from residential care, ED visits, new SUD episodes, medications. */
  encounters(): Generator<Encounter>;
  /** TEDS profiles for most discharged episodes. */
  profiles(): Generator<TedsProfile>;
}

/** The plan of one episode, from which all its rows are drawn. Days are epoch days. */
interface Plan {
  readonly index: number;
  readonly participantId: string;
  readonly episodeId: string;
  readonly referred: number;
  readonly start: number;
  /** Phase entries: [phase index, first day, how]. */
  readonly phases: readonly (readonly [number, number, "admission" | "step-down" | "step-up"])[];
  /** A relapse that led to a step-up, with the review days. */
  readonly relapse: { readonly on: number; readonly review: number } | undefined;
  /** First day not in treatment (the discharge day), or undefined while open. */
  readonly end: number | undefined;
  readonly discharge:
    | {
        readonly type: "completed" | "transferred-higher" | "transferred-lower" | "not-completed";
        readonly reason: DischargeReason;
      }
    | undefined;
  /** The last day they come (drop-outs stop earlier than their discharge). */
  readonly lastCame: number;
  readonly engagement: number;
  readonly track: string | undefined;
  readonly rng: Rng;
}

const DROPOUT_EARLY = 0.02; // per day, first 14 days (illustrative)
const DROPOUT_LATER = 0.006; // per day afterwards (illustrative)

/**
 * A seeded synthetic clinic for analytics tests and benchmarks. Rows are generated on demand, so
 * every method streams millions of rows in constant memory (the clinic keeps nothing per episode
 * between rows); each call of a method starts over and gives the same rows.
 * @example
 * ```ts
 * const clinic = syntheticClinic({ seed: 1, episodes: 200 });
 * lengthOfStay({ episodes: clinic.episodes() }, { method: "plain" });
 * ```
 */
export function syntheticClinic(options: SyntheticClinicOptions): SyntheticClinic {
  checkArbitraryOptions("syntheticClinic", options, {
    program: { kind: "object", optional: true },
    seed: { kind: "integer", min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER },
    episodes: { kind: "integer", min: 0, max: 10_000_000 },
    from: { kind: "date", optional: true },
    admissionDays: { kind: "integer", min: 1, max: 36_500, optional: true },
    asOf: { kind: "date", optional: true },
    seatsPerEpisode: { kind: "integer", min: 0, max: 100_000, optional: true },
    measuredShare: { kind: "number", min: 0, max: 1, optional: true },
    measuresEvery: { kind: "integer", min: 1, max: 3650, optional: true },
    readmissions: { kind: "boolean", optional: true },
  });
  const program =
    options.program ?? programTemplates.substanceUseAdult({ timeZone: "America/New_York" });
  const from = toEpochDay(options.from ?? "2026-01-05");
  const admissionDays = options.admissionDays ?? 365;
  const asOf = options.asOf === undefined ? from + admissionDays + 90 : toEpochDay(options.asOf);
  const root = createRng(options.seed);
  const clock = createZoneClock(program.timeZone);
  const dates = new Map<number, IsoDate>();
  const iso = (day: number): IsoDate => {
    let d = dates.get(day);
    if (d === undefined) {
      d = fromEpochDay(day);
      dates.set(day, d);
    }
    return d;
  };
  const tracks = [...new Set(program.phases.flatMap((p) => p.pattern.map((e) => e.track)))].filter(
    (t): t is string => t !== undefined,
  );
  const planned = program.phases.map((p) => (p.plannedWeeks ?? p.weeks.min) * 7);

  const planOf = (index: number, participant: number, admittedOn: number): Plan => {
    const rng = root.fork(index);
    const wait = rng.int(0, 20);
    const start = admittedOn;
    const engagement = 0.7 + rng.next() * 0.28;
    // Days until dropping out: piecewise-constant hazard, drawn by inversion.
    const geometric = (h: number): number => Math.floor(Math.log(1 - rng.next()) / Math.log(1 - h));
    const early = geometric(DROPOUT_EARLY);
    const dropDay = early < 14 ? early : 14 + geometric(DROPOUT_LATER);
    const transfer = rng.next() < 0.05 ? rng.int(7, 40) : undefined;
    const stepUp = rng.next() < 0.05 && program.phases.length > 1;
    const phases: [number, number, "admission" | "step-down" | "step-up"][] = [
      [0, start, "admission"],
    ];
    let day = start;
    let relapse: Plan["relapse"];
    for (let p = 0; p < program.phases.length; p++) {
      const length = (planned[p] ?? 28) + rng.int(0, 6);
      if (p === 1 && stepUp) {
        // A relapse a week into the second phase, a review steps up for a week, then back down.
        const on = day + 7;
        relapse = { on, review: on + 1 };
        phases.push([0, on + 1, "step-up"], [1, on + 8, "step-down"]);
        day += 8;
      }
      day += length;
      if (p + 1 < program.phases.length) phases.push([p + 1, day, "step-down"]);
    }
    const completeOn = day;
    let end: number = completeOn;
    let discharge: NonNullable<Plan["discharge"]> = {
      type: "completed",
      reason: "treatment-completed",
    };
    let lastCame = completeOn - 1;
    if (transfer !== undefined && start + transfer < completeOn) {
      end = start + transfer;
      lastCame = end - 1;
      discharge = { type: "transferred-higher", reason: "clinical-need" };
    } else if (start + dropDay < completeOn) {
      lastCame = start + dropDay;
      const r = rng.next();
      const reason =
        r < 0.6
          ? "lost-to-contact"
          : r < 0.85
            ? "client-decision"
            : r < 0.95
              ? "attendance"
              : "against-clinical-advice";
      // Lost to contact: discharged after 14 days without coming; others within a week.
      end = lastCame + (reason === "lost-to-contact" ? 15 : rng.int(1, 7));
      discharge = { type: "not-completed", reason };
    } else if (index % 10 === 9) {
      // One in ten who finish steps down to remission monitoring (no draw: the stream of
      // random numbers, and so every other row, stays as it was).
      discharge = { type: "transferred-lower", reason: "clinical-need" };
    }
    const kept = phases.filter(([, f]) => f < end && f <= asOf);
    return {
      index,
      participantId: `p-${participant}`,
      episodeId: `ep-${index}`,
      referred: start - wait,
      start,
      phases: kept,
      relapse: relapse !== undefined && relapse.review < end ? relapse : undefined,
      end: end <= asOf ? end : undefined,
      discharge: end <= asOf ? discharge : undefined,
      lastCame,
      engagement,
      track: tracks.length === 0 ? undefined : rng.pick(tracks),
      rng,
    };
  };

  /**
   * Every plan, in order (participants and their readmissions), drawn as it is needed and then
   * let go: each method draws the plans again (the same ones: a plan's numbers depend only on the
   * seed and its index), so a clinic holds no memory per episode while its rows are read.
   */
  function* plans(): Generator<Plan> {
    let index = 0;
    for (let i = 0; i < options.episodes; i++) {
      const admitted = from + Math.floor((i * admissionDays) / Math.max(1, options.episodes));
      if (admitted > asOf) return;
      const first = planOf(index++, i, admitted);
      // Drawn before `first` is handed out, as the plans were always drawn.
      const again =
        options.readmissions === true && i % 2 === 0 && first.end !== undefined
          ? first.end + 30 + first.rng.int(0, 60)
          : undefined;
      yield first;
      if (again !== undefined && again <= asOf) yield planOf(index++, i, again);
    }
  }

  function eventsOf(plan: Plan): EpisodeEvent[] {
    const pid = plan.participantId as ParticipantId;
    const phaseId = (i: number): PhaseId => program.phases[i]?.id ?? ("p" as PhaseId);
    const events: EpisodeEvent[] = [
      {
        formatVersion: 2,
        kind: "referred",
        on: iso(plan.referred),
        participantId: pid,
        programId: program.id,
        episodeId: plan.episodeId as EpisodeId,
      },
      {
        formatVersion: 2,
        kind: "assessed",
        on: iso(plan.referred),
        decision: eligibilityDecisionFor(program, "admit"),
      },
      {
        formatVersion: 2,
        kind: "admitted",
        on: iso(plan.start),
        programId: program.id,
        phaseId: phaseId(0),
      },
    ];
    for (const [p, day, how] of plan.phases) {
      if (how === "admission")
        events.push({ formatVersion: 2, kind: "phase-started", on: iso(day), phaseId: phaseId(p) });
      if (how === "step-up" && plan.relapse !== undefined) {
        events.push(
          {
            formatVersion: 2,
            kind: "relapse-reported",
            on: iso(plan.relapse.on),
            substances: ["alcohol"],
          },
          {
            formatVersion: 2,
            kind: "clinical-review-held",
            on: iso(plan.relapse.review),
            outcome: "step-up",
          },
          { formatVersion: 2, kind: "stepped-up", on: iso(day), toPhaseId: phaseId(p) },
        );
      }
      if (how === "step-down")
        events.push(
          { formatVersion: 2, kind: "clinical-review-held", on: iso(day), outcome: "step-down" },
          { formatVersion: 2, kind: "stepped-down", on: iso(day), toPhaseId: phaseId(p) },
        );
    }
    if (plan.end !== undefined && plan.discharge !== undefined) {
      events.push({
        formatVersion: 2,
        kind: "discharged",
        on: iso(plan.end),
        type: plan.discharge.type,
        reason: plan.discharge.reason,
        ...(plan.discharge.type === "transferred-higher" ? { referredTo: "residential" } : {}),
        ...(plan.discharge.type === "transferred-lower"
          ? { referredTo: "remission-monitoring" }
          : {}),
      });
      if (plan.discharge.type === "completed")
        events.push({ formatVersion: 2, kind: "aftercare-started", on: iso(plan.end) });
    }
    return events;
  }

  /** The phase index in force on a day. */
  const phaseOn = (plan: Plan, day: number): number => {
    let p = 0;
    for (const [i, f] of plan.phases) if (f <= day) p = i;
    return p;
  };

  const statusOf = (plan: Plan, day: number, rng: Rng): SeatStatus | null => {
    // One draw decides the seat: below the (fading) engagement they came, above it they did not.
    const u = rng.next();
    if (day >= asOf - 2 && u < 0.3) return null; // not recorded yet
    if (day > plan.lastCame) return u < 0.7 ? "absent-unexcused" : "late-cancel";
    // Coming less in the fortnight before dropping out.
    const fading = plan.discharge?.type === "not-completed" && plan.lastCame - day < 14;
    const e = fading ? plan.engagement - 0.35 : plan.engagement;
    if (u < e) {
      const r = u / e;
      return r < 0.9 ? "present" : r < 0.96 ? "late" : "left-early";
    }
    const r = (u - e) / (1 - e);
    return r < 0.4 ? "absent-excused" : r < 0.9 ? "absent-unexcused" : "late-cancel";
  };

  /** A session slot of a phase's weekly pattern for one track, with what its rows repeat. */
  interface Slot {
    readonly weekday: number;
    readonly minute: number;
    readonly duration: number;
    readonly sessionType: PatternEntry["sessionType"];
    readonly phaseId: string;
    readonly groupId: string;
  }
  const slotCache = new Map<string, readonly Slot[]>();
  const slotsOf = (phase: number, track: string | undefined): readonly Slot[] => {
    const key = `${phase}|${track ?? ""}`;
    let slots = slotCache.get(key);
    if (slots === undefined) {
      const p = program.phases[phase];
      const phaseId = p?.id ?? "";
      slots = (p?.pattern ?? [])
        .filter((e) => e.track === undefined || e.track === track)
        .map((e) => ({
          weekday: e.weekday,
          minute: Number(e.start.slice(0, 2)) * 60 + Number(e.start.slice(3)),
          duration: e.durationMinutes,
          sessionType: e.sessionType,
          phaseId,
          groupId: `${phaseId}-${e.track ?? "all"}`,
        }));
      slotCache.set(key, slots);
    }
    return slots;
  };
  const closed = new Set(program.closures.map((d) => toEpochDay(d)));

  /** One participant's seats, pushed to `out` (cleared first): the rows of one episode. */
  function seatsOf(plan: Plan, out: AttendanceRow[]): void {
    out.length = 0;
    const last = Math.min(plan.end ?? asOf + 1, asOf + 1) - 1;
    const rng = plan.rng.fork("attendance");
    const byPhase = program.phases.map((_, i) => slotsOf(i, plan.track));
    const push = (day: number, slot: Slot): void => {
      const status = statusOf(plan, day, rng);
      const came = status === "present" || status === "late" || status === "left-early";
      out.push({
        participantId: plan.participantId,
        start: clock.instantAt(day, slot.minute),
        status,
        minutesAttended: came ? slot.duration - (status === "present" ? 0 : 15) : 0,
        sessionType: slot.sessionType,
        phaseId: slot.phaseId,
        groupId: slot.groupId,
      });
    };
    if (options.seatsPerEpisode !== undefined) {
      const n = options.seatsPerEpisode;
      const span = Math.max(1, last - plan.start + 1);
      for (let j = 0; j < n; j++) {
        const day = plan.start + Math.floor((j * span) / n);
        if (day > last) return;
        const slots = byPhase[phaseOn(plan, day)] ?? [];
        const slot = slots[j % Math.max(1, slots.length)];
        if (slot !== undefined) push(day, slot);
      }
      return;
    }
    for (let day = plan.start; day <= last; day++) {
      if (closed.has(day)) continue;
      const weekday = ((((day + 3) % 7) + 7) % 7) + 1;
      for (const slot of byPhase[phaseOn(plan, day)] ?? [])
        if (slot.weekday === weekday) push(day, slot);
    }
  }

  function* measuresOf(plan: Plan): Generator<MeasureRow> {
    const rng = plan.rng.fork("measures");
    if (rng.next() >= (options.measuredShare ?? 1)) return;
    const every = options.measuresEvery ?? 14;
    const baseline = Math.min(27, Math.max(3, Math.round(8 + rng.next() * 14)));
    const last = Math.min(plan.lastCame, (plan.end ?? asOf + 1) - 1, asOf);
    for (let day = plan.start; day <= last; day += every) {
      const weeks = (day - plan.start) / 7;
      const drift = plan.engagement > 0.85 ? -0.6 * weeks : -0.1 * weeks;
      const total = Math.min(27, Math.max(0, Math.round(baseline + drift + rng.int(-2, 2))));
      const answers = [0, 0, 0, 0, 0, 0, 0, 0, 0];
      for (let k = 0; k < total; k++) {
        // Items 1–8 take the points (at most 3 each); item 9 only rarely.
        const item = k < 24 ? k % 8 : 8;
        answers[item] = Math.min(3, (answers[item] ?? 0) + 1);
      }
      yield {
        participantId: plan.participantId,
        score: scorePhq9(answers, { administeredOn: iso(day) }),
      };
    }
  }

  function* encountersOf(plan: Plan): Generator<Encounter> {
    const rng = plan.rng.fork("encounters");
    const at = (day: number, kind: Encounter["kind"]): Encounter | undefined =>
      day <= asOf ? { participantId: plan.participantId, on: iso(day), kind } : undefined;
    const out: (Encounter | undefined)[] = [];
    const r = rng.next();
    if (r < 0.3) out.push(at(plan.start - rng.int(1, 10), "residential-discharge-sud"));
    else if (r < 0.6) out.push(at(plan.referred - rng.int(0, 5), "sud-episode-start"));
    if (rng.next() < 0.1) {
      const ed = plan.start + rng.int(-20, 60);
      out.push(at(ed, "ed-visit-sud"));
      if (rng.next() < 0.5) out.push(at(ed + rng.int(0, 10), "outpatient-visit-sud"));
    }
    if (rng.next() < 0.2) out.push(at(plan.start + rng.int(0, 30), "sud-medication"));
    for (const e of out) if (e !== undefined) yield e;
  }

  function profileOf(plan: Plan): TedsProfile | undefined {
    if (plan.end === undefined) return undefined;
    const rng = plan.rng.fork("profile");
    if (rng.next() < 0.3) return undefined;
    const pick = <T>(items: readonly T[]): T | undefined => rng.pick(items);
    const status = () => ({
      ...(rng.next() < 0.8
        ? { frequencyOfUse: pick(["no-use", "some-use", "daily-use"] as const) ?? "some-use" }
        : {}),
      ...(rng.next() < 0.9
        ? {
            employment:
              pick(["full-time", "part-time", "unemployed", "not-in-labor-force"] as const) ??
              "unemployed",
          }
        : {}),
      ...(rng.next() < 0.9
        ? {
            livingArrangement:
              pick(["homeless", "dependent-living", "independent-living"] as const) ??
              "independent-living",
          }
        : {}),
    });
    return {
      episodeKey: plan.episodeId,
      ...(rng.next() < 0.7
        ? {
            referralSource:
              pick([
                "individual",
                "other-health-care-provider",
                "court-criminal-justice",
              ] as const) ?? "individual",
          }
        : {}),
      admission: status(),
      discharge: status(),
    };
  }

  return {
    program,
    asOf: iso(asOf),
    *episodes() {
      for (const plan of plans()) yield eventsOf(plan);
    },
    *attendance() {
      const rows: AttendanceRow[] = [];
      for (const plan of plans()) {
        seatsOf(plan, rows);
        for (const row of rows) yield row;
      }
    },
    *measures() {
      for (const plan of plans()) yield* measuresOf(plan);
    },
    *encounters() {
      for (const plan of plans()) yield* encountersOf(plan);
    },
    *profiles() {
      for (const plan of plans()) {
        const p = profileOf(plan);
        if (p !== undefined) yield p;
      }
    },
  };
}

/** A whole small analytics dataset, materialised. */
export interface AnalyticsData {
  /** The program. */
  readonly program: Program;
  /** The day the data stand on. */
  readonly asOf: IsoDate;
  /** Episode logs. */
  readonly episodes: readonly EpisodeEvent[][];
  /** Attendance rows. */
  readonly attendance: readonly AttendanceRow[];
  /** PHQ-9 scores. */
  readonly measures: readonly MeasureRow[];
  /** Encounters. */
  readonly encounters: readonly Encounter[];
  /** TEDS profiles. */
  readonly profiles: readonly TedsProfile[];
}

/** Options of {@link analyticsData}. */
export interface AnalyticsDataOptions {
  /** The program. @defaultValue the adult substance-use template in America/New_York */
  readonly program?: Program;
  /** Most episodes. @defaultValue 30 */
  readonly maxEpisodes?: number;
}

/**
 * Small analytics datasets: a synthetic clinic (see {@link syntheticClinic}) of 0–`maxEpisodes`
 * episodes over a few months, some with readmissions, materialised as arrays. Shrinks toward
 * fewer episodes.
 * @example
 * ```ts
 * fc.assert(fc.property(analyticsData(), (d) => censusByPhase({ episodes: d.episodes }, { program: d.program, from: "2026-01-05", to: d.asOf }).periods.length > 0));
 * ```
 */
export function analyticsData(options: AnalyticsDataOptions = {}): fc.Arbitrary<AnalyticsData> {
  checkArbitraryOptions("analyticsData", options, {
    program: { kind: "object", optional: true },
    maxEpisodes: { kind: "integer", min: 0, max: 10_000, optional: true },
  });
  return fc
    .record({
      seed: fc.integer(),
      episodes: fc.integer({ min: 0, max: options.maxEpisodes ?? 30 }),
      admissionDays: fc.integer({ min: 1, max: 120 }),
      tail: fc.integer({ min: 0, max: 120 }),
      readmissions: fc.boolean(),
    })
    .map(({ seed, episodes, admissionDays, tail, readmissions }) => {
      const from = "2026-01-05";
      const clinic = syntheticClinic({
        ...(options.program === undefined ? {} : { program: options.program }),
        seed,
        episodes,
        from,
        admissionDays,
        asOf: fromEpochDay(toEpochDay(from) + admissionDays + tail),
        readmissions,
      });
      return {
        program: clinic.program,
        asOf: clinic.asOf,
        episodes: [...clinic.episodes()],
        attendance: [...clinic.attendance()],
        measures: [...clinic.measures()],
        encounters: [...clinic.encounters()],
        profiles: [...clinic.profiles()],
      };
    });
}
