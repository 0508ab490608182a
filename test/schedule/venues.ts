/**
 * Rooms, delivery modes and staff limits added to a plan's input, deterministically: shared by
 * the golden cases, the stage tests and the planner benches.
 */
import {
  defineProgram,
  parseEnrollment,
  parseStaff,
  type Enrollment,
  type Program,
  type RoomKind,
  type Staff,
} from "iopkit";

/** Options of {@link withVenues}. */
export interface VenueOptions {
  /** Group rooms, offices and collection restrooms per site. */
  readonly groupRooms: number;
  readonly offices: number;
  readonly restrooms: number;
  /** Site names (one set of rooms each); none: a single site without a name. */
  readonly sites?: readonly string[];
  /** Minutes between sites. */
  readonly travel?: number;
  /** Capacity of a group room. @defaultValue 14 */
  readonly groupRoomCapacity?: number;
}

/**
 * The program with rooms, one-to-ones in any mode, and its evening track as a hybrid
 * (video first, in person for those who cannot) telehealth track.
 */
export function withVenues(program: Program, o: VenueOptions): Program {
  const sites = o.sites ?? [undefined];
  const rooms = sites.flatMap((site, s) => {
    const make = (kind: RoomKind, n: number, capacity: number, label: string) =>
      Array.from({ length: n }, (_, k) => ({
        id: `${label}-${s}-${k}`,
        name: `${label} ${k + 1}${site === undefined ? "" : ` (${site})`}`,
        kind,
        capacity,
        ...(site === undefined ? {} : { site }),
      }));
    return [
      ...make("group-room", o.groupRooms, o.groupRoomCapacity ?? 14, "group"),
      ...make("office", o.offices, 3, "office"),
      ...make("collection-restroom", o.restrooms, 2, "restroom"),
    ];
  });
  return defineProgram({
    ...program,
    rooms,
    placeOfService: "57",
    ...(o.travel === undefined ? {} : { siteTravelMinutes: o.travel }),
    phases: program.phases.map((phase) => ({
      ...phase,
      deliveryModes: ["in-person", "video", "phone"],
      pattern: phase.pattern.map((e) =>
        e.track === "evening" ? { ...e, deliveryModes: ["video", "in-person"] } : e,
      ),
    })),
  });
}

/** Rooms for `n` participants and a staff team: a group room per 20, an office per clinician, a collection restroom per collector. */
export function roomsFor(n: number, staff: readonly Staff[]): VenueOptions {
  const collectors = staff.filter((s) => s.roles.includes("collector")).length;
  return {
    groupRooms: Math.ceil(n / 20),
    offices: staff.length - collectors,
    restrooms: Math.max(1, collectors),
  };
}

/**
 * The enrolments, with `share` of them (every k-th, deterministically) able to attend by video
 * from home and preferring it; one in ten of those joins from elsewhere, and one in five of the
 * rest has a phone but no camera.
 */
export function withTelehealth(enrollments: readonly Enrollment[], share: number): Enrollment[] {
  return enrollments.map((e, i) => {
    const video = (i * share) % 1 > ((i + 1) * share) % 1 || share >= 1;
    const phoneOnly = !video && i % 5 === 0;
    if (!video && !phoneOnly) return e;
    return parseEnrollment({
      ...e,
      participant: {
        ...e.participant,
        telehealth: video
          ? {
              device: "video",
              privateSpace: true,
              preferred: "video",
              location: i % 10 === 0 ? "elsewhere" : "home",
            }
          : { device: "phone", privateSpace: true },
      },
    });
  });
}

/** The staff with limits: at most `perDay` h a day and `perWeek` h a week, `breakMinutes` between sessions. */
export function withLimits(
  staff: readonly Staff[],
  perDay: number,
  perWeek: number,
  breakMinutes: number,
): Staff[] {
  return staff.map((s) =>
    parseStaff({
      ...s,
      maxHoursPerDay: perDay,
      maxHoursPerWeek: perWeek,
      minBreakMinutes: breakMinutes,
    }),
  );
}
