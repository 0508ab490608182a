/**
 * Arbitraries for rooms, delivery modes and staff limits (S14–S16): a program's rooms, sites and
 * modes, a participant's telehealth access, a staff member's limits. The program, participant,
 * staff and planning-input arbitraries add them when asked (`venues`, `telehealth`, `limits`).
 */
import fc from "fast-check";
import type { TelehealthAccess } from "../participant/index";
import {
  defineProgram,
  facilityPlacesOfService,
  type DeliveryMode,
  type FacilityPlaceOfService,
  type Program,
  type Room,
  type RoomKind,
} from "../program/index";
import { parseStaff, type Staff } from "../schedule/index";

const MODES = ["in-person", "video", "phone"] as const;

/** Rooms of every kind at one or two sites (the second, when there, has a few of each). */
function rooms(p: Program): fc.Arbitrary<{ rooms: Room[]; travel: number | undefined }> {
  return fc
    .record({
      sites: fc.integer({ min: 1, max: 2 }),
      groupRooms: fc.integer({ min: 1, max: 4 }),
      offices: fc.integer({ min: 1, max: 6 }),
      restrooms: fc.integer({ min: 1, max: 2 }),
      // Sometimes a group room too small for a full group and its facilitator.
      snug: fc.boolean(),
      travel: fc.option(
        fc.integer({ min: 0, max: 6 }).map((q) => q * 10),
        { nil: undefined },
      ),
    })
    .map((g) => {
      const out: Room[] = [];
      for (let s = 0; s < g.sites; s++) {
        const site = g.sites === 1 ? {} : { site: s === 0 ? "main" : "annex" };
        const add = (kind: RoomKind, n: number, capacity: number): void => {
          for (let k = 0; k < n; k++)
            out.push({
              id: `${kind}-${s}-${k}`,
              name: `${kind} ${s}.${k}`,
              kind,
              capacity,
              ...site,
            });
        };
        add("group-room", g.groupRooms, p.groupCapacity + (g.snug && s === 0 ? 0 : 1));
        add("office", g.offices, 3);
        add("collection-restroom", g.restrooms, 2);
      }
      return { rooms: out, travel: g.sites === 1 ? undefined : g.travel };
    });
}

/** A non-empty list of distinct delivery modes, in a random order. */
const modeList = (allowed: readonly DeliveryMode[]): fc.Arbitrary<DeliveryMode[]> =>
  fc.shuffledSubarray([...allowed], { minLength: 1 });

/**
 * The program with rooms (one or two sites, a travel time between them), a place of service (any of
 * `facilityPlacesOfService`), and
 * delivery modes on its phases and on some group entries (a group entry: in person or by video).
 */
export function withVenues(p: Program): fc.Arbitrary<Program> {
  return fc
    .record({
      rooms: rooms(p),
      placeOfService: fc.constantFrom<FacilityPlaceOfService>(...facilityPlacesOfService),
      phaseModes: fc.array(fc.option(modeList(MODES), { nil: undefined }), {
        minLength: p.phases.length,
        maxLength: p.phases.length,
      }),
      entryModes: fc.option(modeList(["in-person", "video"]), { nil: undefined, freq: 2 }),
    })
    .map((g) =>
      defineProgram({
        ...p,
        rooms: g.rooms.rooms,
        ...(g.rooms.travel === undefined ? {} : { siteTravelMinutes: g.rooms.travel }),
        placeOfService: g.placeOfService,
        phases: p.phases.map((phase, i) => {
          // A phase's modes must leave its groups one they allow (in person or by video).
          const drawn = g.phaseModes[i];
          const modes =
            drawn === undefined || drawn.some((m) => m !== "phone")
              ? drawn
              : [...drawn, "in-person" as const];
          return {
            ...phase,
            ...(modes === undefined ? {} : { deliveryModes: modes }),
            // The evening track (or every entry of an untracked phase, when drawn) by video too.
            pattern: phase.pattern.map((e) =>
              g.entryModes !== undefined && e.track !== "morning"
                ? { ...e, deliveryModes: g.entryModes }
                : e,
            ),
          };
        }),
      }),
    );
}

/** What a participant can use to attend remotely: device, private space, location, preference. */
export function telehealthAccess(): fc.Arbitrary<TelehealthAccess> {
  return fc
    .record({
      device: fc.constantFrom(
        "video" as const,
        "video" as const,
        "phone" as const,
        "none" as const,
      ),
      privateSpace: fc.boolean(),
      location: fc.constantFrom("home" as const, "home" as const, "elsewhere" as const),
      preferred: fc.option(fc.constantFrom(...MODES), { nil: undefined }),
    })
    .map(({ preferred, ...rest }) => (preferred === undefined ? rest : { ...rest, preferred }));
}

/** A staff member with limits on hours a day and a week, and a break (each sometimes absent). */
export function withLimits(s: Staff): fc.Arbitrary<Staff> {
  return fc
    .record({
      maxHoursPerDay: fc.option(
        fc.integer({ min: 8, max: 40 }).map((q) => q / 4),
        {
          nil: undefined,
        },
      ),
      maxHoursPerWeek: fc.option(fc.integer({ min: 10, max: 40 }), { nil: undefined }),
      minBreakMinutes: fc.option(fc.constantFrom(5, 10, 15, 30), { nil: undefined }),
    })
    .map((g) =>
      parseStaff({
        ...s,
        ...(g.maxHoursPerDay === undefined ? {} : { maxHoursPerDay: g.maxHoursPerDay }),
        ...(g.maxHoursPerWeek === undefined ? {} : { maxHoursPerWeek: g.maxHoursPerWeek }),
        ...(g.minBreakMinutes === undefined ? {} : { minBreakMinutes: g.minBreakMinutes }),
      }),
    );
}
