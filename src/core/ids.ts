import { pure } from "./pure";
import { z } from "zod";
import { IopError, issuesFromZod } from "./errors";
import { limits } from "./limits";

const idString = /* @__PURE__ */ pure(() =>
  z
    .string()
    .min(1, "must not be empty")
    .max(limits.maxIdLength, `must be at most ${limits.maxIdLength} characters`)
    .regex(
      /^[A-Za-z0-9][A-Za-z0-9._:-]*$/,
      "may contain only letters, digits, '.', '_', ':' and '-', starting with a letter or digit",
    ),
);

/** Identifies a participant (a person enrolled or referred). Branded: a `StaffId` can't be passed for it. */
export const ParticipantId = /* @__PURE__ */ pure(() => idString.brand<"ParticipantId">());
/** Branded participant identifier. */
export type ParticipantId = z.infer<typeof ParticipantId>;

/** Identifies a staff member. */
export const StaffId = /* @__PURE__ */ pure(() => idString.brand<"StaffId">());
/** Branded staff identifier. */
export type StaffId = z.infer<typeof StaffId>;

/** Identifies a therapy group (a roster that meets together). */
export const GroupId = /* @__PURE__ */ pure(() => idString.brand<"GroupId">());
/** Branded group identifier. */
export type GroupId = z.infer<typeof GroupId>;

/** Identifies a scheduled session. */
export const SessionId = /* @__PURE__ */ pure(() => idString.brand<"SessionId">());
/** Branded session identifier. */
export type SessionId = z.infer<typeof SessionId>;

/** Identifies a program definition. */
export const ProgramId = /* @__PURE__ */ pure(() => idString.brand<"ProgramId">());
/** Branded program identifier. */
export type ProgramId = z.infer<typeof ProgramId>;

/** Identifies a phase within a program. */
export const PhaseId = /* @__PURE__ */ pure(() => idString.brand<"PhaseId">());
/** Branded phase identifier. */
export type PhaseId = z.infer<typeof PhaseId>;

/** Identifies an episode of care. */
export const EpisodeId = /* @__PURE__ */ pure(() => idString.brand<"EpisodeId">());
/** Branded episode identifier. */
export type EpisodeId = z.infer<typeof EpisodeId>;

/** Identifies a consent record. */
export const ConsentId = /* @__PURE__ */ pure(() => idString.brand<"ConsentId">());
/** Branded consent identifier. */
export type ConsentId = z.infer<typeof ConsentId>;

function brandWith<S extends z.ZodType>(schema: S, name: string): (value: string) => z.output<S> {
  return (value) => {
    const r = schema.safeParse(value);
    if (r.success) return r.data;
    throw new IopError(name, issuesFromZod(r.error));
  };
}

/**
 * Makes a {@link ParticipantId} from a string; throws {@link IopError} if the string is not a valid id.
 * @example `participantId("p-001")`
 */
export const participantId: (value: string) => ParticipantId = /* @__PURE__ */ pure(() =>
  brandWith(ParticipantId, "participantId"),
);
/** Makes a {@link StaffId}; throws {@link IopError} if the string is not a valid id. */
export const staffId: (value: string) => StaffId = /* @__PURE__ */ pure(() =>
  brandWith(StaffId, "staffId"),
);
/** Makes a {@link GroupId}; throws {@link IopError} if the string is not a valid id. */
export const groupId: (value: string) => GroupId = /* @__PURE__ */ pure(() =>
  brandWith(GroupId, "groupId"),
);
/** Makes a {@link SessionId}; throws {@link IopError} if the string is not a valid id. */
export const sessionId: (value: string) => SessionId = /* @__PURE__ */ pure(() =>
  brandWith(SessionId, "sessionId"),
);
/** Makes a {@link ProgramId}; throws {@link IopError} if the string is not a valid id. */
export const programId: (value: string) => ProgramId = /* @__PURE__ */ pure(() =>
  brandWith(ProgramId, "programId"),
);
/** Makes a {@link PhaseId}; throws {@link IopError} if the string is not a valid id. */
export const phaseId: (value: string) => PhaseId = /* @__PURE__ */ pure(() =>
  brandWith(PhaseId, "phaseId"),
);
/** Makes an {@link EpisodeId}; throws {@link IopError} if the string is not a valid id. */
export const episodeId: (value: string) => EpisodeId = /* @__PURE__ */ pure(() =>
  brandWith(EpisodeId, "episodeId"),
);
/** Makes a {@link ConsentId}; throws {@link IopError} if the string is not a valid id. */
export const consentId: (value: string) => ConsentId = /* @__PURE__ */ pure(() =>
  brandWith(ConsentId, "consentId"),
);
