/**
 * Stage 2, rosters: the people of each phase and track are placed in groups of at most the
 * program's capacity, as they join and leave on their own dates; groups that fall below the
 * program's minimum merge into fuller ones.
 * @internal
 */
import { weekdayOfEpochDay } from "../../core/calendar";
import { entriesForTrack } from "../../program/index";
import { heapPop, heapPush } from "../heap";
import { safeId } from "../ids";
import { mergeSmallGroups } from "../merge";
import type { GroupState, Person, PlanState } from "../state";

/** The stays of one phase and track, in the order people were admitted. */
interface Cohort {
  readonly phaseIndex: number;
  readonly track: string | undefined;
  readonly members: { person: Person; startDay: number; endDay: number }[];
}

/** Every person's stays, by phase and track. A phase continued (an extension restates it) is one stay. */
function cohorts(people: readonly Person[]): Cohort[] {
  const byKey = new Map<string, Cohort>();
  for (const person of people) {
    for (const span of person.spans) {
      const key = `${span.phaseIndex}|${span.track ?? ""}`;
      let c = byKey.get(key);
      if (c === undefined) {
        c = { phaseIndex: span.phaseIndex, track: span.track, members: [] };
        byKey.set(key, c);
      }
      const last = c.members[c.members.length - 1];
      if (last?.person === person && last.endDay === span.startDay) last.endDay = span.endDay;
      else c.members.push({ person, startDay: span.startDay, endDay: span.endDay });
    }
  }
  return [...byKey.values()];
}

/**
 * The groups of one cohort, best fit: each joiner goes to the fullest group with room (packing
 * rolling cohorts into fewer, fuller groups), ties to the oldest; a new group opens only when all
 * are full. Full groups wait in a heap keyed by their earliest leaving day, so only groups with
 * room are scanned.
 */
function fill(c: Cohort, phaseId: string, capacity: number): GroupState[] {
  const mine: GroupState[] = [];
  let open: number[] = [];
  const full: number[] = [];
  const SLOT = 1_048_576; // heap key = leaving day × SLOT + group number
  for (const m of [...c.members].sort(
    (a, b) => a.startDay - b.startDay || a.person.index - b.person.index,
  )) {
    while (full.length > 0 && Math.floor((full[0] ?? 0) / SLOT) <= m.startDay) {
      const n = (heapPop(full) ?? 0) % SLOT;
      const g = mine[n];
      if (g === undefined) continue;
      while ((g.ends[0] ?? Number.POSITIVE_INFINITY) <= m.startDay) heapPop(g.ends);
      if (g.ends.length < capacity) open.push(n);
      else heapPush(full, (g.ends[0] ?? 0) * SLOT + n);
    }
    let target: number | undefined;
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
    if (target === undefined) {
      target = mine.length;
      mine.push({
        id: safeId(`${phaseId}.${c.track ?? "all"}.g${mine.length + 1}`),
        phaseIndex: c.phaseIndex,
        track: c.track,
        ends: [],
        members: [],
        facilitator: undefined,
      });
      open.push(target);
    }
    const g = mine[target];
    if (g === undefined) continue;
    heapPush(g.ends, m.endDay);
    g.members.push(m);
    if (g.ends.length >= capacity) {
      const filled = target;
      open = open.filter((n) => n !== filled);
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
  const groups: GroupState[] = [];
  for (const c of cohorts(state.people).sort(
    (a, b) => a.phaseIndex - b.phaseIndex || trackRank(a) - trackRank(b),
  )) {
    const phase = program.phases[c.phaseIndex];
    if (phase === undefined) continue;
    const meets = new Set(entriesForTrack(phase.pattern, c.track).map((e) => e.weekday));
    groups.push(
      ...mergeSmallGroups(
        fill(c, phase.id, capacity),
        capacity,
        Math.min(program.groupMinimum, capacity),
        (day) => meets.has(weekdayOfEpochDay(day)),
      ),
    );
  }
  state.groups = groups;
}
