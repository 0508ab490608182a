/**
 * Merging groups that people have left: rolling admission fills new groups while the old ones
 * empty as their members step down, so without merging a group can end up meeting with one person.
 */

/** One person's stay in a group: from `startDay` up to (not including) `endDay`, epoch days. */
export interface Stay<P> {
  readonly person: P;
  readonly startDay: number;
  readonly endDay: number;
}

/** A group of one phase and track: its stays, which the merge rewrites. */
export interface MergeableGroup<P> {
  members: Stay<P>[];
}

/**
 * The most people present on any day from `from` on: the stays of `base` and `extra`, each counted
 * from `from`.
 */
function peakFrom<P>(base: readonly Stay<P>[], extra: readonly Stay<P>[], from: number): number {
  const edges: number[] = []; // day × 2 + (0 for a leaving, 1 for an arrival): leavings first
  for (const list of [base, extra])
    for (const s of list) {
      if (s.endDay <= from) continue;
      edges.push(Math.max(s.startDay, from) * 2 + 1, s.endDay * 2);
    }
  edges.sort((a, b) => a - b);
  let present = 0;
  let peak = 0;
  for (const e of edges) {
    present += e % 2 === 1 ? 1 : -1;
    peak = Math.max(peak, present);
  }
  return peak;
}

/** How many of the stays cover `day`. */
function presentOn<P>(stays: readonly Stay<P>[], day: number): number {
  let n = 0;
  for (let i = 0; i < stays.length; i++) {
    const s = stays[i];
    if (s !== undefined && s.startDay <= day && day < s.endDay) n++;
  }
  return n;
}

/**
 * Walks the days on which the groups meet right after their membership changes (`meetsOn` tells
 * the weekdays a group meets); on each, a group with fewer than `minimum` people present (but
 * some) moves them into the fullest other group that has room for
 * them on every later day (`capacity`), together with the people due to join it later when there is
 * room for them too. A moved stay ends in the old group that day and continues in the new one.
 * The groups are those of one phase and track, so the sessions they meet for are the same.
 * In a re-plan from `replanFrom`, only days from then on are walked, starting with its first
 * meeting day: the re-plan does not rewrite the rosters its kept sessions show, and merges the
 * groups that are small when it starts.
 * @returns The groups that still have stays, in their original order.
 * @internal
 */
export function mergeSmallGroups<P, G extends MergeableGroup<P>>(
  groups: G[],
  capacity: number,
  minimum: number,
  meetsOn: (day: number) => boolean,
  replanFrom?: number,
): G[] {
  if (minimum <= 1 || groups.length < 2) return groups;
  /** The first day from `day` on (within a week) the groups meet, or undefined. */
  const nextMeeting = (day: number): number | undefined => {
    for (let d = day; d < day + 7; d++) if (meetsOn(d)) return d;
    return undefined;
  };
  const from = replanFrom ?? Number.NEGATIVE_INFINITY;
  const days = [
    ...new Set(
      groups
        .flatMap((g) => g.members.flatMap((m) => [nextMeeting(m.startDay), nextMeeting(m.endDay)]))
        .concat(replanFrom === undefined ? [] : [nextMeeting(replanFrom)]),
    ),
  ]
    .filter((d): d is number => d !== undefined && d >= from)
    .sort((a, b) => a - b);
  for (const day of days) {
    const present = groups.map((g) => presentOn(g.members, day));
    // Smallest first, ties to the newer group, so a newer group merges into an older one.
    const small = groups
      .map((_, i) => i)
      .filter((i) => (present[i] ?? 0) > 0 && (present[i] ?? 0) < minimum)
      .sort((a, b) => (present[a] ?? 0) - (present[b] ?? 0) || b - a);
    for (const i of small) {
      const g = groups[i];
      const n = present[i] ?? 0;
      if (g === undefined || n === 0 || n >= minimum) continue;
      const staying = g.members.filter((m) => m.endDay > day);
      const now = staying.filter((m) => m.startDay <= day);
      // Fullest first, ties to the older group.
      const order = groups
        .map((_, j) => j)
        .filter((j) => j !== i && (present[j] ?? 0) > 0)
        .sort((a, b) => (present[b] ?? 0) - (present[a] ?? 0) || a - b);
      let target: number | undefined;
      let moving = staying;
      for (const candidates of [staying, now]) {
        target = order.find(
          (j) =>
            (present[j] ?? 0) + now.length <= capacity && // room today, before the whole sweep
            peakFrom(groups[j]?.members ?? [], candidates, day) <= capacity,
        );
        if (target !== undefined) {
          moving = candidates;
          break;
        }
      }
      const into = target === undefined ? undefined : groups[target];
      if (into === undefined || target === undefined) continue;
      const moved = new Set(moving);
      g.members = g.members.flatMap((m) =>
        !moved.has(m) ? [m] : m.startDay < day ? [{ ...m, endDay: day }] : [],
      );
      for (const m of moving) into.members.push({ ...m, startDay: Math.max(m.startDay, day) });
      present[i] = n - now.length;
      present[target] = (present[target] ?? 0) + now.length;
    }
  }
  return groups.filter((g) => g.members.length > 0);
}
