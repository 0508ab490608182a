/**
 * The participant profile and Part 2 consent records.
 * @module participant
 */
export {
  Condition,
  Dimensions,
  Medication,
  Participant,
  Risk,
  Unavailability,
  ageOn,
  dimensionKeys,
  parseParticipant,
  participantPersonalFields,
  safeParseParticipant,
  type DimensionKey,
  type ParticipantInput,
} from "./participant";
export {
  Consent,
  ConsentExpiry,
  DisclosurePurpose,
  InformationKind,
  Recipient,
  parseConsent,
  safeParseConsent,
  type ConsentInput,
} from "./consent";
