/**
 * The public sources aftercare messages cite, as data (`citation`) and as the text a message shows
 * (`text`, which equals `formatCitation(citation)` from `iopkit/sources`; a test holds them equal).
 * The text is written out so that aftercare does not bundle the whole sources registry.
 * @internal
 */
import type { Citation } from "../core/sources";

/** One cited source: the citation and its rendering. @internal */
export interface CitedSource {
  /** The registry citation. */
  readonly citation: Citation;
  /** `formatCitation(citation)`. */
  readonly text: string;
}

/** Relapse is not failure: it signals to resume, adjust or change treatment. @internal */
export const relapseIsNotFailure: CitedSource = {
  citation: { source: "nida-drugs-brains-behavior-2020", section: "Treatment and Recovery" },
  text: "NIDA, Drugs, Brains, and Behavior (2020), Treatment and Recovery",
};

/**
 * IOP services: mutual-support groups, vocational rehabilitation, medication-assisted treatment,
 * family psychoeducation; IOP as step-up treatment from outpatient care. @internal
 */
export const iopAdvisory: CitedSource = {
  citation: { source: "samhsa-advisory-iop-2021" },
  text: "SAMHSA Advisory on IOP (2021)",
};

/** Continuing care and relapse prevention after intensive outpatient treatment. @internal */
export const tip47: CitedSource = {
  citation: { source: "samhsa-tip-47" },
  text: "SAMHSA TIP 47 (2006)",
};

/** The recovery-environment dimension. @internal */
export const asamDimension6: CitedSource = {
  citation: { source: "asam-criteria-3rd-2013", section: "dimension 6" },
  text: "ASAM Criteria, 3rd ed. (2013), dimension 6",
};

/** End-of-treatment reasons, e.g. "stopped coming and contact failed". @internal */
export const endOfTreatmentReason: CitedSource = {
  citation: { source: "colorado-bha-fhir-ig", section: "end-of-treatment reason" },
  text: "Colorado BHA FHIR IG (2025), end-of-treatment reason",
};

/** Discharge types: completed, transferred or referred, not completed. @internal */
export const dischargeType: CitedSource = {
  citation: { source: "colorado-bha-fhir-ig", section: "discharge type" },
  text: "Colorado BHA FHIR IG (2025), discharge type",
};

/** Consent to disclose substance-use records to the next provider. @internal */
export const part2Consent: CitedSource = {
  citation: { source: "cfr-42-part-2", section: "§ 2.31" },
  text: "42 CFR Part 2 (2024), § 2.31",
};

/** Overdose risk factors (reduced tolerance after abstinence), naloxone, responding to an overdose. @internal */
export const overdoseToolkit: CitedSource = {
  citation: { source: "samhsa-overdose-toolkit" },
  text: "SAMHSA Overdose Prevention and Response Toolkit (2025)",
};

/** Overdose death risk in the first weeks after release from prison. @internal */
export const afterRelease: CitedSource = {
  citation: { source: "binswanger-2007-prison-release" },
  text: "Binswanger et al. (2007)",
};

/** Overdose deaths after detoxification, among people who lost tolerance. @internal */
export const lossOfTolerance: CitedSource = {
  citation: { source: "strang-2003-loss-of-tolerance" },
  text: "Strang et al. (2003)",
};

/** Mortality after opioid substitution treatment stops, highest in the first weeks. @internal */
export const afterOpioidTreatment: CitedSource = {
  citation: { source: "sordo-2017-ost-mortality" },
  text: "Sordo et al. (2017)",
};

/** The 988 Suicide & Crisis Lifeline (US: call or text 988). @internal */
export const crisisLine988: CitedSource = {
  citation: { source: "lifeline-988" },
  text: "988 Lifeline (2022)",
};

/** The safety plan: warning signs, coping, people and professionals to call, a safe environment. @internal */
export const safetyPlanning: CitedSource = {
  citation: { source: "stanley-brown-2012-safety-planning" },
  text: "Stanley and Brown (2012)",
};
