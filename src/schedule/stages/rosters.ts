/**
 * Stage 2, rosters: the people of each phase and track are placed in groups of at most the
 * program's capacity, as they join and leave on their own dates; groups that fall below the
 * program's minimum merge into fuller ones.
 * @internal
 */
import { weekdayOfEpochDay } from "../../core/calendar";
import { toEpochMs } from "../../core/instant";
import { entriesForTrack } from "../../program/index";
import { heapPop, heapPush } from "../heap";
import { safeId } from "../ids";
import { mergeSmallGroups } from "../merge";
import type { GroupState, Person, PlanState } from "../state";

/** A stay in a cohort, and (in a re-plan) the group the kept sessions show it in. */
interface Arrival {
  readonly person: Person;
  readonly startDay: number;
  endDay: number;
  /** The id of the group it must join (kept sessions name it), or undefined for best fit. */
  readonly kept: string | undefined;
}

/** The stays of one phase and track, in the order people were admitted. */
interface Cohort {
  readonly phaseIndex: number;
  readonly track: string | undefined;
  readonly members: Arrival[];
}

/** Every person's stays, by phase and track. A phase continued (an extension restates it) is one stay. */
function cohorts(people: readonly Person[]): Cohort[] {
  const byPhase = new Map<number, Map<string | undefined, Cohort>>();
  const all: Cohort[] = [];
  for (const person of people) {
    for (const span of person.spans) {
      let byTrack = byPhase.get(span.phaseIndex);
      if (byTrack === undefined) {
        byTrack = new Map();
        byPhase.set(span.phaseIndex, byTrack);
      }
      let c = byTrack.get(span.track);
      if (c === undefined) {
        c = { phaseIndex: span.phaseIndex, track: span.track, members: [] };
        byTrack.set(span.track, c);
        all.push(c);
      }
      const last = c.members[c.members.length - 1];
      if (last?.person === person && last.endDay === span.startDay) last.endDay = span.endDay;
      else
        c.members.push({ person, startDay: span.startDay, endDay: span.endDay, kept: undefined });
    }
  }
  return all;
}

/** A kept group session seen from one of its participants: which group of which phase and track, on which day. */
interface Sighting {
  readonly day: number;
  readonly groupId: string;
  readonly phaseIndex: number;
  readonly track: string | undefined;
}

/** Per person index, the kept group sessions they attended before `keepDay`, in date order. */
function sightings(state: PlanState): Map<number, Sighting[]> {
  const out = new Map<number, Sighting[]>();
  const keep = state.input.keep;
  if (keep === undefined || state.keepDay <= state.clinic.windowStart) return out;
  const personById = new Map(state.people.map((p) => [p.id as string, p.index]));
  const phaseIndex = new Map(state.program.phases.map((p, i) => [p.id as string, i]));
  for (const session of keep.sessions) {
    const phase = session.phaseId === undefined ? undefined : phaseIndex.get(session.phaseId);
    if (session.groupId === undefined || phase === undefined) continue;
    const day = state.clinic.clock.localDayOf(toEpochMs(session.start));
    if (day < state.clinic.windowStart || day >= state.keepDay) continue;
    const seen = { day, groupId: session.groupId, phaseIndex: phase, track: session.track };
    for (const id of session.participantIds) {
      const p = personById.get(id);
      if (p === undefined) continue;
      const list = out.get(p);
      if (list === undefined) out.set(p, [seen]);
      else list.push(seen);
    }
  }
  for (const list of out.values()) list.sort((a, b) => a.day - b.day);
  return out;
}

/**
 * A cohort's stays as arrivals: a stay the kept sessions show in groups is split where they show it
 * move, each piece bound to its group (from the stay's start, or the day it was first seen in the
 * next group); other stays join by best fit.
 */
function arrivals(c: Cohort, seen: ReadonlyMap<number, readonly Sighting[]>): Arrival[] {
  if (seen.size === 0) return c.members;
  const out: Arrival[] = [];
  for (const m of c.members) {
    let at = m.startDay;
    let group: string | undefined;
    for (const s of seen.get(m.person.index) ?? []) {
      if (s.day < m.startDay || s.day >= m.endDay) continue;
      if (s.phaseIndex !== c.phaseIndex || s.track !== c.track || s.groupId === group) continue;
      // The first group seen holds the stay from its start; a later one from the day it is seen.
      if (group !== undefined) {
        out.push({ person: m.person, startDay: at, endDay: s.day, kept: group });
        at = s.day;
      }
      group = s.groupId;
    }
    out.push({ person: m.person, startDay: at, endDay: m.endDay, kept: group });
  }
  return out;
}

/**
 * The groups of one cohort. Arrivals bound to a group (a re-plan's kept rosters) join it; the
 * others join by best fit: the fullest group with room (packing rolling cohorts into fewer, fuller
 * groups), ties to the oldest; a new group opens only when all are full. Full groups wait in a
 * heap keyed by their earliest leaving day, so only groups with room are scanned.
 */
function fill(
  c: Cohort,
  members: readonly Arrival[],
  phaseId: string,
  capacity: number,
): GroupState[] {
  const mine: GroupState[] = [];
  const byId = new Map<string, number>();
  const isOpen: boolean[] = [];
  let open: number[] = [];
  const full: number[] = [];
  const SLOT = 1_048_576; // heap key = leaving day × SLOT + group number
  const create = (id: string): number => {
    const n = mine.length;
    mine.push({
      id,
      phaseIndex: c.phaseIndex,
      track: c.track,
      ends: [],
      members: [],
      facilitator: undefined,
    });
    byId.set(id, n);
    open.push(n);
    isOpen.push(true);
    return n;
  };
  /** The next unused id of a new group: g1, g2, … in order of opening. */
  const nextId = (): string => {
    for (let k = mine.length + 1; ; k++) {
      const id = safeId(`${phaseId}.${c.track ?? "all"}.g${k}`);
      if (!byId.has(id)) return id;
    }
  };
  for (const m of [...members].sort(
    (a, b) => a.startDay - b.startDay || a.person.index - b.person.index,
  )) {
    while (full.length > 0 && Math.floor((full[0] ?? 0) / SLOT) <= m.startDay) {
      const n = (heapPop(full) ?? 0) % SLOT;
      const g = mine[n];
      if (g === undefined) continue;
      while ((g.ends[0] ?? Number.POSITIVE_INFINITY) <= m.startDay) heapPop(g.ends);
      if (g.ends.length < capacity) {
        open.push(n);
        isOpen[n] = true;
      } else heapPush(full, (g.ends[0] ?? 0) * SLOT + n);
    }
    let target: number | undefined =
      m.kept === undefined ? undefined : (byId.get(m.kept) ?? create(m.kept));
    if (m.kept === undefined)
      for (const n of open) {
        const g = mine[n];
        if (g === undefined) continue;
        while ((g.ends[0] ?? Number.POSITIVE_INFINITY) <= m.startDay) heapPop(g.ends);
        const t = target === undefined ? undefined : mine[target];
        if (
          t === undefined ||
          g.ends.length > t.ends.length ||
          (g.ends.length === t.ends.length && n < (target ?? 0))
        )
          target = n;
      }
    target ??= create(nextId());
    const g = mine[target];
    if (g === undefined) continue;
    heapPush(g.ends, m.endDay);
    g.members.push(m);
    if (g.ends.length >= capacity && isOpen[target] === true) {
      const filled = target;
      open = open.filter((n) => n !== filled);
      isOpen[target] = false;
      heapPush(full, (g.ends[0] ?? 0) * SLOT + filled);
    }
  }
  return mine;
}

/**
 * Builds `state.groups`: cohorts in phase order, then in the order the phase defines its tracks.
 * Responsible for S3 (no group over capacity on any day, merges included).
 * @internal
 */
export function formGroups(state: PlanState): void {
  const { program } = state;
  const capacity = program.groupCapacity;
  const minutesOf = state.memo.trackMinutes;
  const trackRank = (c: Cohort): number => {
    const phase = program.phases[c.phaseIndex];
    return phase === undefined ? 0 : minutesOf.tracks(phase).indexOf(c.track);
  };
  const seen = sightings(state);
  const groups: GroupState[] = [];
  for (const c of cohorts(state.people).sort(
    (a, b) => a.phaseIndex - b.phaseIndex || trackRank(a) - trackRank(b),
  )) {
    const phase = program.phases[c.phaseIndex];
    if (phase === undefined) continue;
    const meets = new Set(entriesForTrack(phase.pattern, c.track).map((e) => e.weekday));
    groups.push(
      ...mergeSmallGroups(
        fill(c, arrivals(c, seen), phase.id, capacity),
        capacity,
        Math.min(program.groupMinimum, capacity),
        (day) => meets.has(weekdayOfEpochDay(day)),
        state.keepDay > state.clinic.windowStart ? state.keepDay : undefined,
      ),
    );
  }
  state.groups = groups;
}
