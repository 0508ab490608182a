/**
 * A program compiled for the capacity forecast: the phase a participant is in for each week of
 * their stay, the groups they can join (phase and track), the staff hours a group and a
 * participant need per week, and which groups meet at the same time (rooms). @internal
 */
import { toMinutes } from "../core/wall-time";
import {
  entriesForTrack,
  roomKindFor,
  sessionTypes,
  tracksOf,
  type Phase,
  type Program,
  type StaffRole,
} from "../program/index";

/** One group a participant can join: a phase and, for a phase with tracks, a track. */
export interface GroupKey {
  /** Index of the phase in the program. */
  readonly phase: number;
  /** The track, or `null` for a phase without tracks. */
  readonly track: string | null;
}

/** The compiled program. */
export interface ForecastModel {
  /** The phases' ids, in order. */
  readonly phaseIds: readonly string[];
  /** The program's tracks (every track any phase names), in order of first mention; `[]` when none. */
  readonly tracks: readonly string[];
  /** For week `k` of a stay (0-based), the phase index; weeks past the planned path stay in the last phase. */
  phaseAt(week: number): number;
  /** The groups, by index. */
  readonly keys: readonly GroupKey[];
  /** `keyOf[phase][track]`: the group of a participant on track index `track` (or −1 for none) in that phase. */
  keyOf(phase: number, track: number): number;
  /** The roles that deliver sessions, in the order hours are reported. */
  readonly roles: readonly StaffRole[];
  /** `groupHours[key][role]`: staff hours one group of that key needs per week. */
  readonly groupHours: readonly Float64Array[];
  /** `personHours[phase][role]`: one-to-one staff hours one participant in that phase needs per week (on average). */
  readonly personHours: readonly Float64Array[];
  /** For each moment some group meets in person (leaving out those another moment covers), how many sessions of each key are in progress. */
  readonly roomLoad: readonly Float64Array[];
}

/** Session-type default role: the first of its roles, or none. */
function roleOf(type: keyof typeof sessionTypes): StaffRole | undefined {
  return sessionTypes[type].staffRoles[0];
}

/** Weeks the phase lasts on the planned path. */
function plannedWeeks(phase: Phase): number {
  return phase.plannedWeeks ?? phase.weeks.min;
}

/**
 * Compiles `program`. `oneToOneShare` is the share of participants a one-to-one requirement that
 * applies only to some (`family-involved`, `on-medication`) is counted for.
 * @internal
 */
export function compileForecastModel(
  program: Program,
  oneToOneShare: { readonly "family-involved": number; readonly "on-medication": number },
): ForecastModel {
  const phases = program.phases;
  const last = phases.length - 1;
  const weekPhase: number[] = [];
  phases.forEach((phase, i) => {
    for (let w = 0; w < plannedWeeks(phase); w++) weekPhase.push(i);
  });
  const tracks = [
    ...new Set(phases.flatMap((p) => tracksOf(p).filter((t): t is string => t !== undefined))),
  ];
  const keys: GroupKey[] = [];
  const keyTable: number[][] = phases.map((phase, i) => {
    const own = tracksOf(phase);
    const first = keys.length;
    for (const t of own) keys.push({ phase: i, track: t ?? null });
    // A participant whose track this phase does not run joins its first track.
    return [-1, ...tracks.map((t) => own.indexOf(t))].map((at) => first + Math.max(0, at));
  });
  const roleSet = new Set<StaffRole>();
  const entriesOf = keys.map((k) => {
    const phase = phases[k.phase] as Phase;
    return entriesForTrack(phase.pattern, k.track ?? undefined);
  });
  for (const list of entriesOf)
    for (const e of list) {
      const r = roleOf(e.sessionType);
      if (r !== undefined) roleSet.add(r);
    }
  const oneToOne = phases.map((p) => [
    {
      role: roleOf("individual-therapy"),
      hours: p.individualMinutes / 60 / p.individualEveryWeeks,
    },
    ...p.oneToOne.map((r) => ({
      role: roleOf(r.sessionType),
      hours:
        ((r.durationMinutes / 60) * (r.appliesTo === "everyone" ? 1 : oneToOneShare[r.appliesTo])) /
        r.everyWeeks,
    })),
  ]);
  for (const list of oneToOne) for (const x of list) if (x.role !== undefined) roleSet.add(x.role);
  const roles = [...roleSet].sort();
  const roleIndex = new Map(roles.map((r, i) => [r, i]));
  const groupHours = entriesOf.map((list) => {
    const h = new Float64Array(roles.length);
    for (const e of list) {
      const r = roleOf(e.sessionType);
      const i = r === undefined ? undefined : roleIndex.get(r);
      if (i !== undefined) h[i] = (h[i] ?? 0) + e.durationMinutes / 60;
    }
    return h;
  });
  const personHours = oneToOne.map((list) => {
    const h = new Float64Array(roles.length);
    for (const x of list) {
      const i = x.role === undefined ? undefined : roleIndex.get(x.role);
      if (i !== undefined) h[i] = (h[i] ?? 0) + x.hours;
    }
    return h;
  });
  return {
    phaseIds: phases.map((p) => p.id),
    tracks,
    phaseAt: (week) => weekPhase[week] ?? last,
    keys,
    keyOf: (phase, track) => keyTable[phase]?.[track + 1] ?? 0,
    roles,
    groupHours,
    personHours,
    roomLoad: roomLoad(program, keys, entriesOf),
  };
}

/** For each start of an in-person group session that can be the busiest, the sessions of each key in progress then. */
function roomLoad(
  program: Program,
  keys: readonly GroupKey[],
  entriesOf: readonly ReturnType<typeof entriesForTrack<Phase["pattern"][number]>>[],
): Float64Array[] {
  const spans: [number, number, number][] = [];
  entriesOf.forEach((list, key) => {
    const phase = program.phases[keys[key]?.phase ?? 0] as Phase;
    for (const e of list) {
      const modes = e.deliveryModes ?? phase.deliveryModes ?? ["in-person"];
      if (roomKindFor(e.sessionType) !== "group-room" || !modes.includes("in-person")) continue;
      const start = (e.weekday - 1) * 1440 + toMinutes(e.start);
      spans.push([key, start, start + e.durationMinutes]);
    }
  });
  const starts = [...new Set(spans.map((s) => s[1]))].sort((a, b) => a - b);
  const loads = starts.map((t) => {
    const load = new Float64Array(keys.length);
    for (const [key, from, to] of spans) if (from <= t && t < to) load[key] = (load[key] ?? 0) + 1;
    return load;
  });
  // Group counts are never negative, so a moment another moment covers (as many sessions of every
  // key, or more) can never need the most rooms: only the others are kept (a repeated one once).
  const covers = (a: Float64Array, b: Float64Array) => a.every((v, k) => v >= (b[k] ?? 0));
  return loads.filter(
    (load, i) =>
      !loads.some((other, j) => j !== i && covers(other, load) && (j < i || !covers(load, other))),
  );
}
