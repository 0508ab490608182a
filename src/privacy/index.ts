/**
 * 42 CFR Part 2 consent checks (`canDisclose`, with every reason and the notice a disclosure must
 * carry) and redaction of personal data for logs, analytics and test fixtures (`redact`).
 * Not legal advice: the rules are documented so a clinic's counsel can check them.
 * @module privacy
 */
export {
  canDisclose,
  canDiscloseUnder,
  tpoPurposes,
  tpoRecipientClasses,
  tpoStatements,
  type CanDiscloseOptions,
} from "./can-disclose";
export {
  ConsentsDecision,
  DisclosureAllowed,
  DisclosureDecision,
  DisclosureDenied,
  DisclosureReason,
  DisclosureRefused,
  Part2Element,
  disclosureReasonCodes,
  part2Elements,
  type DisclosureAllowedInput,
  type DisclosureCitation,
  type DisclosureDeniedInput,
  type DisclosureReasonCode,
  type DisclosureRefusedInput,
} from "./disclosure-decision";
export {
  DisclosureRecipient,
  DisclosureRequest,
  parseDisclosureRequest,
  safeParseDisclosureRequest,
  type DisclosurePatient,
  type DisclosureRecipientInput,
  type DisclosureRequestInput,
} from "./disclosure-request";
export { part2FullNotice, part2ShortNotice, part2ShortNotice2018 } from "./notice";
export { redact } from "./redact";
export {
  RedactionPolicy,
  defaultBirthDateFields,
  defaultKeptPaths,
  defaultNameFields,
  defaultPersonalFields,
  parseRedactionPolicy,
  safeParseRedactionPolicy,
  type RedactionPolicyInput,
} from "./redaction-policy";
