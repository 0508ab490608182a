/**
 * Rooms and delivery modes as data: the rooms a program holds its sessions in (S14), how a session
 * may be delivered (in person, by video, by phone) (S16), and the CMS place-of-service codes a
 * claim names for it.
 *
 * Sources: place-of-service codes from the CMS Place of Service Code Set (2025): 02 "Telehealth
 * Provided Other than in Patient's Home", 10 "Telehealth Provided in Patient's Home", 11 Office,
 * 22 On Campus-Outpatient Hospital, 49 Independent Clinic, 53 Community Mental Health Center,
 * 57 Non-residential Substance Abuse Treatment Facility, 58 Non-residential Opioid Treatment
 * Facility. Which modes suit which session is iopkit's default (unverified: telehealth rules are
 * the payer's and the state's; observed drug-test collection needs the participant on site).
 */
import * as z from "zod/mini";
import { array, optional, strictObject } from "../core/zod";
import { LabelSchema } from "../core/schemas";
import { lazySchema, type Schema } from "../core/schema";
import type { IopIssue } from "../core/errors";
import type { Provenance } from "../core/sources";
import type { Program } from "./program";
import { sessionTypes, type SessionTypeId } from "./session-types";

/**
 * The kinds of room: `office` (one-to-ones), `group-room` (group sessions), `collection-restroom`
 * (a private restroom for observed drug-test collection).
 */
export const roomKinds = ["office", "group-room", "collection-restroom"] as const;
/** A kind of room: one of {@link roomKinds}. */
export type RoomKind = (typeof roomKinds)[number];
/** The schema of a {@link RoomKind}. */
export const RoomKind: Schema<RoomKind> = /* @__PURE__ */ lazySchema(() => z.enum(roomKinds));

/** A room the program holds in-person sessions in (S14). */
export interface Room {
  /** Identifies the room, unique within the program. */
  id: string;
  /** Name for people, e.g. "Room 2 (Maple)". */
  name: string;
  /** What it is for: see {@link roomKinds}. */
  kind: RoomKind;
  /** Most people in it at once, 1–200: the participants attending in person and the staff. */
  capacity: number;
  /** The site it is at, for multi-site programs (staff need `Program.siteTravelMinutes` between sites). */
  site?: string | undefined;
}
/** The schema of a {@link Room}. */
export const Room: Schema<Room> = /* @__PURE__ */ lazySchema(() =>
  strictObject({
    id: LabelSchema,
    name: LabelSchema,
    kind: RoomKind,
    capacity: z.int().check(z.gte(1), z.lte(200)),
    site: optional(LabelSchema),
  }),
);

/** The kind of room a session of a type is held in, or undefined when it needs none (sessions attended elsewhere). */
export function roomKindFor(type: SessionTypeId): RoomKind | undefined {
  if (type === "drug-test") return "collection-restroom";
  const format = sessionTypes[type].format;
  return format === "group" ? "group-room" : format === "one-to-one" ? "office" : undefined;
}

/** How a participant attends a session: in person, by video, or by phone (audio only). */
export const deliveryModes = ["in-person", "video", "phone"] as const;
/** A delivery mode: one of {@link deliveryModes}. Not to be confused with `Modality`, a session's therapeutic approach. */
export type DeliveryMode = (typeof deliveryModes)[number];
/** The schema of a {@link DeliveryMode}. */
export const DeliveryMode: Schema<DeliveryMode> = /* @__PURE__ */ lazySchema(() =>
  z.enum(deliveryModes),
);
/** A list of delivery modes (1–3, no repeats). @internal */
export const DeliveryModes: Schema<DeliveryMode[]> = /* @__PURE__ */ lazySchema(() =>
  array(DeliveryMode).check(
    z.minLength(1),
    z.maxLength(3),
    z.refine((list) => new Set(list).size === list.length, "must not repeat a mode"),
  ),
);

/**
 * How a session is delivered as a whole: a {@link DeliveryMode}, or `hybrid` — a group held in a
 * room that some participants join by video.
 */
export const sessionDeliveryModes = ["in-person", "video", "phone", "hybrid"] as const;
/** One of {@link sessionDeliveryModes}. */
export type SessionDeliveryMode = (typeof sessionDeliveryModes)[number];

/**
 * The modes a session type can be delivered in, whatever the program allows: a drug test only in
 * person (observed collection); a group in person or by video; a one-to-one in any mode.
 * iopkit's default (unverified: a payer or state may allow less).
 */
export function deliveryModesFor(type: SessionTypeId): readonly DeliveryMode[] {
  if (type === "drug-test") return IN_PERSON;
  return sessionTypes[type].format === "group" ? GROUP_MODES : deliveryModes;
}
const IN_PERSON: readonly DeliveryMode[] = ["in-person"];
const GROUP_MODES: readonly DeliveryMode[] = ["in-person", "video"];

/** Where the modes a session type allows come from. */
export const deliveryModeSources: readonly Provenance[] = [
  {
    unverified:
      "iopkit's default: telehealth rules are the payer's and the state's; observed collection needs the participant on site",
  },
];

/**
 * CMS place-of-service codes for in-person IOP services: 11 Office, 22 On Campus-Outpatient
 * Hospital, 49 Independent Clinic, 53 Community Mental Health Center, 57 Non-residential Substance
 * Abuse Treatment Facility, 58 Non-residential Opioid Treatment Facility (CMS Place of Service
 * Code Set, 2025).
 */
export const facilityPlacesOfService = ["11", "22", "49", "53", "57", "58"] as const;
/** One of {@link facilityPlacesOfService}. */
export type FacilityPlaceOfService = (typeof facilityPlacesOfService)[number];
/** The schema of a {@link FacilityPlaceOfService}. */
export const FacilityPlaceOfService: Schema<FacilityPlaceOfService> = /* @__PURE__ */ lazySchema(
  () => z.enum(facilityPlacesOfService),
);

/**
 * CMS place-of-service codes a session can carry: a facility's ({@link facilityPlacesOfService}),
 * or telehealth: 02 (the patient is not at home) and 10 (the patient is at home) (CMS Place of
 * Service Code Set, 2025).
 */
export const placesOfService = ["02", "10", ...facilityPlacesOfService] as const;
/** One of {@link placesOfService}. */
export type PlaceOfService = (typeof placesOfService)[number];

/** Where the place-of-service codes come from. */
export const placeOfServiceSources: readonly Provenance[] = [
  { source: "cms-place-of-service", section: "codes 02, 10, 11, 22, 49, 53, 57, 58" },
];

/**
 * The rules of a program's rooms and delivery modes: room ids are unique (`duplicate-room-id`);
 * a pattern entry offers only modes its session type allows ({@link deliveryModesFor}), and one
 * that takes its phase's modes gets at least one its type allows (`delivery-mode-not-allowed`). Part of `programIssues`.
 */
export function venueIssues(program: Program): IopIssue[] {
  const issues: IopIssue[] = [];
  const seen = new Map<string, number>();
  (program.rooms ?? []).forEach((room, i) => {
    const first = seen.get(room.id);
    if (first === undefined) seen.set(room.id, i);
    else
      issues.push({
        code: "duplicate-room-id",
        path: ["rooms", i, "id"],
        message: `room id "${room.id}" is also used by rooms[${first}]`,
      });
  });
  program.phases.forEach((phase, p) => {
    phase.pattern.forEach((entry, e) => {
      const typeModes = deliveryModesFor(entry.sessionType);
      const inherited = phase.deliveryModes;
      if (entry.deliveryModes === undefined && inherited !== undefined)
        if (!inherited.some((m) => typeModes.includes(m)))
          issues.push({
            code: "delivery-mode-not-allowed",
            path: ["phases", p, "pattern", e],
            message: `${entry.sessionType} takes its phase's modes (${inherited.join(", ")}), none of which it allows (${typeModes.join(", ")}): give the entry its own deliveryModes`,
          });
      (entry.deliveryModes ?? []).forEach((mode, k) => {
        if (!typeModes.includes(mode))
          issues.push({
            code: "delivery-mode-not-allowed",
            path: ["phases", p, "pattern", e, "deliveryModes", k],
            message: `${entry.sessionType} is not delivered by ${mode} (it allows ${typeModes.join(", ")})`,
          });
      });
    });
  });
  return issues;
}
