// The consent and request the canDisclose tests vary: a complete Part 2 consent (42 CFR 2.31(a))
// for Riverside IOP to tell Dr. Sam Lee about attendance and drug tests, for treatment, and a
// request it allows.
import type { ConsentInput, DisclosureRequestInput } from "iopkit";

export const consentInput: ConsentInput = {
  id: "c-1",
  patientName: "Alex Rivera",
  discloser: "Riverside IOP",
  recipients: [
    { kind: "named", name: "Dr. Sam Lee" },
    { kind: "class", description: "family members at family sessions" },
  ],
  purposes: ["treatment"],
  information: ["attendance", "drug-tests"],
  signedBy: "patient",
  signedOn: "2026-01-05",
  statesRightToRevoke: true,
  expiry: { kind: "date", date: "2026-12-31" },
};

export const requestInput: DisclosureRequestInput = {
  patient: { id: "p-001", name: "Alex Rivera" },
  discloser: "Riverside IOP",
  recipient: { name: "Dr. Sam Lee", classes: [] },
  purpose: "treatment",
  information: ["attendance"],
  on: "2026-03-09",
};
