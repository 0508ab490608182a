/**
 * Branded ids: a `StaffId` cannot be passed where a `ParticipantId` is expected, although both are
 * strings. Each id type has a schema (built on first use) and a constructor that checks the text.
 */
import * as z from "zod/mini";
import { IopError } from "./errors";
import { limits } from "./limits";
import { lazySchema, validate, type Schema } from "./schema";

/** The text of every id: 1–128 letters, digits, `.`, `_`, `:` or `-`, starting with a letter or digit. */
const idString = (): z.ZodMiniString<string> =>
  z
    .string()
    .check(
      z.minLength(1, "must not be empty"),
      z.maxLength(limits.maxIdLength, `must be at most ${limits.maxIdLength} characters`),
      z.regex(
        /^[A-Za-z0-9][A-Za-z0-9._:-]*$/,
        "may contain only letters, digits, '.', '_', ':' and '-', starting with a letter or digit",
      ),
    );

/** Branded participant identifier. */
export type ParticipantId = string & z.core.$brand<"ParticipantId">;
/** Identifies a participant (a person enrolled or referred). Branded: a `StaffId` can't be passed for it. */
export const ParticipantId: Schema<ParticipantId, string> = /* @__PURE__ */ lazySchema(() =>
  idString().brand<"ParticipantId">(),
);

/** Branded staff identifier. */
export type StaffId = string & z.core.$brand<"StaffId">;
/** Identifies a staff member. */
export const StaffId: Schema<StaffId, string> = /* @__PURE__ */ lazySchema(() =>
  idString().brand<"StaffId">(),
);

/** Branded group identifier. */
export type GroupId = string & z.core.$brand<"GroupId">;
/** Identifies a therapy group (a roster that meets together). */
export const GroupId: Schema<GroupId, string> = /* @__PURE__ */ lazySchema(() =>
  idString().brand<"GroupId">(),
);

/** Branded session identifier. */
export type SessionId = string & z.core.$brand<"SessionId">;
/** Identifies a scheduled session. */
export const SessionId: Schema<SessionId, string> = /* @__PURE__ */ lazySchema(() =>
  idString().brand<"SessionId">(),
);

/** Branded program identifier. */
export type ProgramId = string & z.core.$brand<"ProgramId">;
/** Identifies a program definition. */
export const ProgramId: Schema<ProgramId, string> = /* @__PURE__ */ lazySchema(() =>
  idString().brand<"ProgramId">(),
);

/** Branded phase identifier. */
export type PhaseId = string & z.core.$brand<"PhaseId">;
/** Identifies a phase within a program. */
export const PhaseId: Schema<PhaseId, string> = /* @__PURE__ */ lazySchema(() =>
  idString().brand<"PhaseId">(),
);

/** Branded episode identifier. */
export type EpisodeId = string & z.core.$brand<"EpisodeId">;
/** Identifies an episode of care. */
export const EpisodeId: Schema<EpisodeId, string> = /* @__PURE__ */ lazySchema(() =>
  idString().brand<"EpisodeId">(),
);

/** Branded consent identifier. */
export type ConsentId = string & z.core.$brand<"ConsentId">;
/** Identifies a consent record. */
export const ConsentId: Schema<ConsentId, string> = /* @__PURE__ */ lazySchema(() =>
  idString().brand<"ConsentId">(),
);

/** Checks `value` against an id schema; throws {@link IopError} naming `name` when it is not an id. */
function brandWith<T>(schema: Schema<T, string>, name: string, value: string): T {
  const r = validate(schema, value);
  if (r.ok) return r.value;
  throw new IopError(name, r.issues);
}

/**
 * Makes a {@link ParticipantId} from a string; throws {@link IopError} if the string is not a valid id.
 * @example `participantId("p-001")`
 */
export function participantId(value: string): ParticipantId {
  return brandWith(ParticipantId, "participantId", value);
}
/** Makes a {@link StaffId}; throws {@link IopError} if the string is not a valid id. */
export function staffId(value: string): StaffId {
  return brandWith(StaffId, "staffId", value);
}
/** Makes a {@link GroupId}; throws {@link IopError} if the string is not a valid id. */
export function groupId(value: string): GroupId {
  return brandWith(GroupId, "groupId", value);
}
/** Makes a {@link SessionId}; throws {@link IopError} if the string is not a valid id. */
export function sessionId(value: string): SessionId {
  return brandWith(SessionId, "sessionId", value);
}
/** Makes a {@link ProgramId}; throws {@link IopError} if the string is not a valid id. */
export function programId(value: string): ProgramId {
  return brandWith(ProgramId, "programId", value);
}
/** Makes a {@link PhaseId}; throws {@link IopError} if the string is not a valid id. */
export function phaseId(value: string): PhaseId {
  return brandWith(PhaseId, "phaseId", value);
}
/** Makes an {@link EpisodeId}; throws {@link IopError} if the string is not a valid id. */
export function episodeId(value: string): EpisodeId {
  return brandWith(EpisodeId, "episodeId", value);
}
/** Makes a {@link ConsentId}; throws {@link IopError} if the string is not a valid id. */
export function consentId(value: string): ConsentId {
  return brandWith(ConsentId, "consentId", value);
}
