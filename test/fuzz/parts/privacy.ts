// Privacy entry points that accept outside data: the parsers, redact (any JSON value, any policy),
// and canDisclose / canDiscloseUnder behind their parsers.
import fc from "fast-check";
import * as participant from "iopkit/participant";
import * as privacy from "iopkit/privacy";
import { disclosureCase } from "../../privacy/arbitraries";
import { args, type FuzzEntry } from "../entry";
import { hostileJson, mutated } from "../hostile";

const validConsent = {
  id: "c-1",
  patientName: "Alex Rivera",
  discloser: "Riverside IOP",
  recipients: [
    { kind: "named", name: "Dr. Sam Lee" },
    { kind: "class", description: "treating-provider" },
  ],
  purposes: ["treatment"],
  coversAllTpo: true,
  information: ["attendance", "drug-tests"],
  signedBy: "patient",
  signedOn: "2026-01-05",
  statesRightToRevoke: true,
  expiry: { kind: "date", date: "2026-12-31" },
  revokedOn: "2026-06-01",
};
const validRequest = {
  patient: { id: "p-001", name: "Alex Rivera" },
  discloser: "Riverside IOP",
  recipient: { name: "Dr. Sam Lee", classes: ["treating-provider"] },
  purpose: "treatment",
  information: ["attendance"],
  on: "2026-03-09",
};
const validPolicy = {
  mode: "pseudonymise",
  personalFields: ["name", "notes"],
  keep: ["medications.*.name"],
  salt: "s",
  dates: "shift",
  shiftDays: 7,
  ids: "pseudonymise",
};
const validRecord = {
  participant: { id: "p-001", name: "Alex Rivera", dateOfBirth: "1990-05-17" },
  log: [{ at: "2026-03-09T09:00:00.000-04:00", participantId: "p-001", message: "Alex called" }],
};

// canDisclose and canDiscloseUnder take validated records: they are fuzzed behind their parse
// functions (parseConsent, parseDisclosureRequest), the way an app must call them with outside data,
// with enough valid and near-valid pairs that most calls reach them.
const someConsent = fc.oneof(
  fc.constant(validConsent),
  mutated(validConsent),
  disclosureCase.map((c) => c.consent),
);
const someRequest = fc.oneof(fc.constant(validRequest), mutated(validRequest));
const consentAndRequest = fc.oneof(
  fc.tuple(someConsent, fc.constant(validRequest)),
  fc.tuple(fc.constant(validConsent), someRequest),
  disclosureCase.map((c) => [c.consent, c.request]),
);
export const entries: FuzzEntry[] = [
  { name: "parseConsent", inputs: mutated(validConsent), call: (x) => participant.parseConsent(x) },
  {
    name: "safeParseConsent",
    inputs: mutated(validConsent),
    call: (x) => participant.safeParseConsent(x),
  },
  {
    name: "safeParseDisclosureRequest",
    inputs: mutated(validRequest),
    call: (x) => privacy.safeParseDisclosureRequest(x),
  },
  {
    name: "safeParseRedactionPolicy",
    inputs: mutated(validPolicy),
    call: (x) => privacy.safeParseRedactionPolicy(x),
  },
  {
    name: "parseDisclosureRequest",
    inputs: mutated(validRequest),
    call: (x) => privacy.parseDisclosureRequest(x),
  },
  {
    name: "canDisclose",
    inputs: consentAndRequest,
    call: (x) => {
      const [c, r] = args(x, 2);
      return privacy.canDisclose(participant.parseConsent(c), privacy.parseDisclosureRequest(r));
    },
  },
  {
    name: "canDiscloseUnder",
    inputs: fc.tuple(fc.array(someConsent, { maxLength: 3 }), someRequest),
    call: (x) => {
      const [cs, r] = args(x, 2);
      const consents = (Array.isArray(cs) ? cs : [cs]).map((c) => participant.parseConsent(c));
      return privacy.canDiscloseUnder(consents, privacy.parseDisclosureRequest(r));
    },
  },
  {
    name: "parseRedactionPolicy",
    inputs: mutated(validPolicy),
    call: (x) => privacy.parseRedactionPolicy(x),
  },
  { name: "redact", inputs: mutated(validRecord), call: (x) => privacy.redact(x) },
  {
    name: "redact with a policy",
    inputs: fc.tuple(
      fc.oneof(hostileJson, mutated(validRecord)),
      fc.oneof(fc.constant(validPolicy), mutated(validPolicy)),
    ),
    call: (x) => privacy.redact(...(args(x, 2) as [unknown, privacy.RedactionPolicyInput])),
  },
];
