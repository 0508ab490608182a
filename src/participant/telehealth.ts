/**
 * What a participant can use to attend sessions remotely (S16): a device, a private place to talk,
 * where they join from, and a preference. The planner reads it to choose each session's delivery
 * mode; billing reads `location` for the place of service (CMS Place of Service Code Set (2025):
 * 10 at home, 02 elsewhere).
 */
import * as z from "zod/mini";
import { _default, optional, strictObject } from "../core/zod";
import { lazySchema, type Schema } from "../core/schema";

/** Devices for telehealth: `video` (camera and microphone), `phone` (audio only), `none`. */
export const telehealthDevices = ["video", "phone", "none"] as const;
/** Where a participant joins telehealth sessions from: `home`, or `elsewhere` (work, a library, a car). */
export const telehealthLocations = ["home", "elsewhere"] as const;

/** What a participant can use to attend remotely, and what they prefer. */
export interface TelehealthAccess {
  /** Their device: video needs `video`; phone sessions need `video` or `phone`. */
  device: (typeof telehealthDevices)[number];
  /** Whether they have a private place to talk (no one overhearing): without it, no remote session. */
  privateSpace: boolean;
  /** Where they join from. @defaultValue "home" */
  location: (typeof telehealthLocations)[number];
  /** The mode they prefer when a session offers it: `"in-person"`, `"video"` or `"phone"`. */
  preferred?: "in-person" | "video" | "phone" | undefined;
}
/** A {@link TelehealthAccess} as an app writes it (`location` may be left out). */
export interface TelehealthAccessInput extends Omit<TelehealthAccess, "location"> {
  /** See {@link TelehealthAccess.location}. @defaultValue "home" */
  location?: TelehealthAccess["location"] | undefined;
}
/** The schema of a {@link TelehealthAccess}. */
export const TelehealthAccess: Schema<TelehealthAccess, TelehealthAccessInput> =
  /* @__PURE__ */ lazySchema(() =>
    strictObject({
      device: z.enum(telehealthDevices),
      privateSpace: z.boolean(),
      location: _default(z.enum(telehealthLocations), "home"),
      preferred: optional(z.enum(["in-person", "video", "phone"])),
    }),
  );

/**
 * The modes a participant can attend in, in the order `in-person`, `video`, `phone`: in person
 * always; by video with a video device and a private place; by phone with any device and a
 * private place. Without telehealth details, in person only.
 */
export function usableModes(
  access: TelehealthAccess | undefined,
): readonly ("in-person" | "video" | "phone")[] {
  if (access === undefined || !access.privateSpace || access.device === "none") return ONLY_SITE;
  return access.device === "video" ? ALL : SITE_PHONE;
}
const ONLY_SITE = ["in-person"] as const;
const SITE_PHONE = ["in-person", "phone"] as const;
const ALL = ["in-person", "video", "phone"] as const;
