/**
 * The public sources iopkit's rules, defaults, bands and codes rest on: regulations, guidelines,
 * papers, code sets and standards a user can look up. A rule names its source as a
 * {@link Citation} (`{ source: "samhsa-tip-47", section: "Appendix B" }`) and
 * {@link formatCitation} renders it for people ("SAMHSA TIP 47 (2006), Appendix B"). A figure that
 * no public source supports says so with an {@link Unverified} marker instead of a citation.
 *
 * Every entry has a stable kebab-case id, a title, a publisher (for a paper, its journal), a year
 * and, where the text is public, a URL (eCFR, Federal Register, NCBI Bookshelf, DOI, CMS, LOINC,
 * HL7, RFC Editor). Licensed works (the ASAM Criteria, AMA CPT, ISO 8601) are marked `licensed`
 * and link to the publisher's page, never to the content. For a living web page (a payer's policy,
 * a code-set page) `year` is the edition consulted.
 *
 * The table is a plain object literal: an app that never looks a source up does not bundle it.
 */

/** What kind of document a source is. */
export type SourceKind =
  | "regulation"
  | "guideline"
  | "paper"
  | "code-set"
  | "standard"
  | "dataset"
  | "measure"
  | "payer-policy"
  | "resource";

/** The id of a source in {@link sources}: stable, kebab-case. */
export type SourceId =
  | "asam-criteria-3rd-2013"
  | "asam-criteria-4th-2023"
  | "samhsa-tip-47"
  | "samhsa-tip-41"
  | "samhsa-tip-8"
  | "samhsa-advisory-iop-2021"
  | "samhsa-advisory-group-therapy-2021"
  | "mccarty-2014-iop-evidence"
  | "nida-drugs-brains-behavior-2020"
  | "cfr-42-part-2"
  | "cfr-42-part-2-2024"
  | "cfr-42-part-2-2018"
  | "coe-phi-2025-part-2-faq"
  | "cfr-45-164-501"
  | "cfr-45-96-subpart-l"
  | "cfr-42-424-24"
  | "cms-opps-2024-final-rule"
  | "cms-mln-mm13222"
  | "cgs-medicare-iop-2024"
  | "fcso-medicare-iop-2024"
  | "noridian-medicare-iop"
  | "cms-hcpcs"
  | "ama-cpt"
  | "cms-place-of-service"
  | "bcbsnd-bh-reimbursement"
  | "bcbsne-rp-pi-002"
  | "carelon-pa-group-therapy"
  | "loinc"
  | "hl7-terminology"
  | "ucum"
  | "hl7-fhir-r4"
  | "hl7-us-core-6-1"
  | "hl7-us-core-7"
  | "rfc-5545"
  | "rfc-5546"
  | "rfc-7986"
  | "rfc-3339"
  | "rfc-9562"
  | "iso-8601-1-2019"
  | "kroenke-2001-phq9"
  | "spitzer-2006-gad7"
  | "bush-1998-audit-c"
  | "bradley-2003-audit-c-women"
  | "skinner-1982-dast"
  | "cacciola-2013-bam"
  | "johnson-2002-phq-a"
  | "knight-1999-crafft"
  | "phq-screeners"
  | "camh-dast-10"
  | "cms159-depression-remission"
  | "cbe-1885-depression-response"
  | "mbc-depression-metrics-2020"
  | "jarvis-2017-asam-drug-testing"
  | "hhs-mandatory-guidelines-urine-2017"
  | "samhsa-overdose-toolkit"
  | "binswanger-2007-prison-release"
  | "strang-2003-loss-of-tolerance"
  | "sordo-2017-ost-mortality"
  | "lifeline-988"
  | "samhsa-teds-d-2015"
  | "colorado-bha-fhir-ig"
  | "ncqa-hedis"
  | "cms137-iet"
  | "kaplan-meier-1958"
  | "greenwood-1926"
  | "little-1961"
  | "eick-massey-whitt-1993"
  | "de-bruin-2010-erlang"
  | "samhsa-teds-d-2005-report"
  | "samhsa-teds-state-manual-2014"
  | "kalbfleisch-prentice-2002"
  | "hyndman-fan-1996"
  | "wichura-1988-as241"
  | "ncqa-hedis-fua"
  | "ncqa-hedis-fui"
  | "bcbsnd-hedis-fua"
  | "lucet-hedis-fua-2024"
  | "anthem-hedis-fum-fua-2021"
  | "joint-commission-cts-03-01-09"
  | "samhsa-teds-d-series"
  | "stanley-brown-2012-safety-planning";

/**
 * One public source.
 * @typeParam Id - the entry's id; in {@link sources} it equals the key the entry is stored under.
 */
export interface Source<Id extends SourceId = SourceId> {
  /** Stable kebab-case id, e.g. `"samhsa-tip-47"`. */
  readonly id: Id;
  /** Short name used when citing, e.g. `"SAMHSA TIP 47"` or `"Kroenke et al."`. */
  readonly label: string;
  /** Full title as published. */
  readonly title: string;
  /** Publishing body, agency or standards organisation; for a paper, its journal. */
  readonly publisher: string;
  /** Authors or editors (surname and initials), first author first, when the source names them. */
  readonly authors?: readonly string[];
  /** Year of the edition cited (for a living web page, the edition consulted). */
  readonly year: number;
  /** Where in the publication: volume(issue):pages, edition or report series. */
  readonly locator?: string;
  /** Stable public address (always `https://`), absent when no public copy exists. */
  readonly url?: string;
  /** DOI, PMID, report or docket number, e.g. `"doi:10.1046/j.1525-1497.2001.016009606.x"`. */
  readonly identifier?: string;
  /** What kind of document this is. */
  readonly kind: SourceKind;
  /** `true` for licensed or sold works: the URL is the publisher's page, not the content. */
  readonly licensed?: true;
  /**
   * Deeper public addresses of parts of the source, by the section string a citation uses
   * (`"Appendix B"`, `"§ 2.31"`, `"44261-6"`). A citation's section matches a key it equals or
   * starts with, followed by a non-alphanumeric character (`"§ 2.31(a)(4)"` matches `"§ 2.31"`).
   */
  readonly sectionUrls?: Readonly<Record<string, string>>;
  /** What to know before relying on it (edition, status, what was not checked). */
  readonly note?: string;
}

/** A rule's or a figure's source: a registry id and, optionally, the section, page or table. */
export interface Citation {
  /** The source's id in {@link sources}. */
  readonly source: SourceId;
  /** Section, page, table or item, as the source numbers it, e.g. `"Appendix B"`, `"§ 2.31(a)(4)(iii)"`. */
  readonly section?: string;
}

/**
 * A figure with no public source: the reason says what it is and what to do, e.g.
 * `{ unverified: "common program rule; configure per clinic" }`.
 */
export interface Unverified {
  /** Why no source is cited and what the reader should do about it. */
  readonly unverified: string;
}

/** Where a rule or figure comes from: a citation, or an honest "unverified". */
export type Provenance = Citation | Unverified;

const ECFR = "U.S. Government Publishing Office, eCFR";
const SAMHSA = "Substance Abuse and Mental Health Services Administration (SAMHSA)";
const CSAT = "SAMHSA, Center for Substance Abuse Treatment";
const CMS = "Centers for Medicare & Medicaid Services (CMS)";
const HL7 = "HL7 International";
const IETF = "Internet Engineering Task Force (RFC Editor)";
const ASAM_URL = "https://www.asam.org/asam-criteria";
const ASAM_TITLE =
  "The ASAM Criteria: Treatment Criteria for Addictive, Substance-Related, and Co-Occurring Conditions";
const LIVING = "Undated web page; the year is approximate (edition consulted).";

/**
 * The registry of public sources, by id. Read an entry with `sources["samhsa-tip-47"]`, list them
 * with `Object.values(sources)`.
 */
export const sources: { readonly [Id in SourceId]: Source<Id> } = {
  "asam-criteria-3rd-2013": {
    id: "asam-criteria-3rd-2013",
    label: "ASAM Criteria, 3rd ed.",
    title: ASAM_TITLE,
    publisher: "American Society of Addiction Medicine (The Change Companies)",
    authors: ["Mee-Lee D", "Shulman GD", "Fishman MJ", "Gastfriend DR", "Miller MM"],
    year: 2013,
    locator: "3rd edition",
    url: ASAM_URL,
    kind: "guideline",
    licensed: true,
    note: "Sold book; levels, dimensions and hour bands are cited from it, not reproduced.",
  },
  "asam-criteria-4th-2023": {
    id: "asam-criteria-4th-2023",
    label: "ASAM Criteria, 4th ed.",
    title: ASAM_TITLE,
    publisher: "American Society of Addiction Medicine (Hazelden Publishing)",
    year: 2023,
    locator: "4th edition, volume 1 (adults)",
    url: ASAM_URL,
    kind: "guideline",
    licensed: true,
    note: "Sold book. Level names and the six dimension names were checked against several independent implementations, not the book; hour bands of 2.7 and adolescent bands are unverified.",
  },
  "samhsa-tip-47": {
    id: "samhsa-tip-47",
    label: "SAMHSA TIP 47",
    title: "Substance Abuse: Clinical Issues in Intensive Outpatient Treatment",
    publisher: CSAT,
    year: 2006,
    locator: "Treatment Improvement Protocol (TIP) Series, No. 47",
    identifier: "DHHS Publication No. (SMA) 06-4182",
    url: "https://www.ncbi.nlm.nih.gov/books/NBK64093/",
    sectionUrls: { "Appendix B": "https://www.ncbi.nlm.nih.gov/books/n/tip47/A90362" },
    kind: "guideline",
  },
  "samhsa-tip-41": {
    id: "samhsa-tip-41",
    label: "SAMHSA TIP 41",
    title: "Substance Abuse Treatment: Group Therapy",
    publisher: CSAT,
    year: 2005,
    locator: "Treatment Improvement Protocol (TIP) Series, No. 41",
    identifier: "DHHS Publication No. (SMA) 05-3991",
    url: "https://www.ncbi.nlm.nih.gov/books/NBK64220/",
    kind: "guideline",
  },
  "samhsa-tip-8": {
    id: "samhsa-tip-8",
    label: "SAMHSA TIP 8",
    title: "Intensive Outpatient Treatment for Alcohol and Other Drug Abuse",
    publisher: CSAT,
    year: 1994,
    locator: "Treatment Improvement Protocol (TIP) Series, No. 8",
    identifier: "DHHS Publication No. (SMA) 94-2077",
    kind: "guideline",
    note: "Historical: superseded by TIP 47.",
  },
  "samhsa-advisory-iop-2021": {
    id: "samhsa-advisory-iop-2021",
    label: "SAMHSA Advisory on IOP",
    title:
      "Clinical Issues in Intensive Outpatient Treatment for Substance Use Disorders (Advisory)",
    publisher: SAMHSA,
    year: 2021,
    kind: "guideline",
    note: "Based on TIP 47; available from the SAMHSA Store (store.samhsa.gov).",
  },
  "samhsa-advisory-group-therapy-2021": {
    id: "samhsa-advisory-group-therapy-2021",
    label: "SAMHSA Advisory on group therapy",
    title: "Group Therapy in Substance Use Treatment (Advisory)",
    publisher: SAMHSA,
    year: 2021,
    kind: "guideline",
    note: "Based on TIP 41; available from the SAMHSA Store (store.samhsa.gov).",
  },
  "mccarty-2014-iop-evidence": {
    id: "mccarty-2014-iop-evidence",
    label: "McCarty et al.",
    title: "Substance Abuse Intensive Outpatient Programs: Assessing the Evidence",
    publisher: "Psychiatric Services",
    authors: [
      "McCarty D",
      "Braude L",
      "Lyman DR",
      "Dougherty RH",
      "Daniels AS",
      "Ghose SS",
      "Delphin-Rittmon ME",
    ],
    year: 2014,
    locator: "65(6):718–726",
    identifier: "doi:10.1176/appi.ps.201300249; PMID 24445620",
    url: "https://doi.org/10.1176/appi.ps.201300249",
    kind: "paper",
  },
  "nida-drugs-brains-behavior-2020": {
    id: "nida-drugs-brains-behavior-2020",
    label: "NIDA, Drugs, Brains, and Behavior",
    title: "Drugs, Brains, and Behavior: The Science of Addiction — Treatment and Recovery",
    publisher: "National Institute on Drug Abuse (NIDA)",
    year: 2020,
    url: "https://nida.nih.gov/publications/drugs-brains-behavior-science-addiction/treatment-recovery",
    kind: "guideline",
  },
  "cfr-42-part-2": {
    id: "cfr-42-part-2",
    label: "42 CFR Part 2",
    title: "Confidentiality of Substance Use Disorder Patient Records (42 CFR Part 2)",
    publisher: ECFR,
    year: 2024,
    locator: "as amended by the 2024 final rule",
    url: "https://www.ecfr.gov/current/title-42/part-2",
    sectionUrls: {
      "§ 2.11": "https://www.ecfr.gov/current/title-42/section-2.11",
      "§ 2.14": "https://www.ecfr.gov/current/title-42/section-2.14",
      "§ 2.15": "https://www.ecfr.gov/current/title-42/section-2.15",
      "§ 2.31": "https://www.ecfr.gov/current/title-42/section-2.31",
      "§ 2.32": "https://www.ecfr.gov/current/title-42/section-2.32",
      "§ 2.33": "https://www.ecfr.gov/current/title-42/section-2.33",
      "§ 2.64": "https://www.ecfr.gov/current/title-42/section-2.64",
      "§ 2.65": "https://www.ecfr.gov/current/title-42/section-2.65",
    },
    kind: "regulation",
  },
  "cfr-42-part-2-2024": {
    id: "cfr-42-part-2-2024",
    label: "Part 2 final rule",
    title: "Confidentiality of Substance Use Disorder (SUD) Patient Records (final rule)",
    publisher:
      "U.S. Department of Health and Human Services, Office for Civil Rights and SAMHSA (Federal Register)",
    year: 2024,
    locator: "89 FR 12472–12631, 16 February 2024",
    identifier: "FR Doc. 2024-02544; RIN 0945-AA16",
    url: "https://www.federalregister.gov/d/2024-02544",
    kind: "regulation",
    note: "Effective 16 April 2024; compliance date 16 February 2026.",
  },
  "cfr-42-part-2-2018": {
    id: "cfr-42-part-2-2018",
    label: "Part 2 final rule (2018)",
    title: "Confidentiality of Substance Use Disorder Patient Records (final rule)",
    publisher: "SAMHSA (Federal Register)",
    year: 2018,
    locator: "83 FR, 3 January 2018 (§ 2.32 at 83 FR 251)",
    kind: "regulation",
    note: "Superseded by the 2024 rule; cited for the 2018 wording of the § 2.32 notice.",
  },
  "coe-phi-2025-part-2-faq": {
    id: "coe-phi-2025-part-2-faq",
    label: "CoE-PHI",
    title: "Commonly Asked Questions About the 2024 Part 2 Final Rule",
    publisher: "Center of Excellence for Protected Health Information (CoE-PHI), SAMHSA-funded",
    year: 2025,
    url: "https://coephi.org/?p=6200",
    kind: "guideline",
    note: "A secondary summary of the rule; cite the rule itself where its text is at hand.",
  },
  "cfr-45-164-501": {
    id: "cfr-45-164-501",
    label: "45 CFR 164.501",
    title: "HIPAA Privacy Rule: definitions (45 CFR 164.501)",
    publisher: ECFR,
    year: 2024,
    url: "https://www.ecfr.gov/current/title-45/section-164.501",
    kind: "regulation",
  },
  "cfr-45-96-subpart-l": {
    id: "cfr-45-96-subpart-l",
    label: "45 CFR Part 96, subpart L",
    title: "Substance Abuse Prevention and Treatment Block Grant (45 CFR part 96, subpart L)",
    publisher: ECFR,
    year: 2024,
    url: "https://www.ecfr.gov/current/title-45/part-96/subpart-L",
    sectionUrls: {
      "§ 96.126": "https://www.ecfr.gov/current/title-45/section-96.126",
      "§ 96.131": "https://www.ecfr.gov/current/title-45/section-96.131",
    },
    kind: "regulation",
  },
  "cfr-42-424-24": {
    id: "cfr-42-424-24",
    label: "42 CFR 424.24",
    title:
      "Requirements for medical and other health services furnished by providers under Medicare Part B (42 CFR 424.24)",
    publisher: ECFR,
    year: 2024,
    url: "https://www.ecfr.gov/current/title-42/section-424.24",
    kind: "regulation",
    note: "Paragraph (d): intensive outpatient services (certification and recertification).",
  },
  "cms-opps-2024-final-rule": {
    id: "cms-opps-2024-final-rule",
    label: "CY 2024 OPPS final rule",
    title:
      "Medicare Program: Hospital Outpatient Prospective Payment and Ambulatory Surgical Center Payment Systems; Payment for Intensive Outpatient Services … (CY 2024 final rule with comment period)",
    publisher: CMS,
    year: 2023,
    locator: "Federal Register, 22 November 2023",
    identifier: "CMS-1786-FC",
    url: "https://cms.gov/newsroom/fact-sheets/cy-2024-medicare-hospital-outpatient-prospective-payment-system-and-ambulatory-surgical-center-0",
    kind: "regulation",
    note: "The URL is CMS's fact sheet for the rule, which links to the Federal Register text.",
  },
  "cms-mln-mm13222": {
    id: "cms-mln-mm13222",
    label: "CMS MLN Matters MM13222",
    title:
      "New Condition Code 92: Billing Requirements for Intensive Outpatient Program (IOP) Services",
    publisher: CMS,
    year: 2023,
    identifier: "MLN Matters MM13222; CR 13222",
    kind: "guideline",
    note: "Released 20 December 2023, effective 1 January 2024; summarised by the Medicare contractors' IOP pages.",
  },
  "cgs-medicare-iop-2024": {
    id: "cgs-medicare-iop-2024",
    label: "CGS Medicare, IOP services",
    title: "Intensive Outpatient Program Services",
    publisher: "CGS Administrators (Medicare Administrative Contractor)",
    year: 2024,
    url: "https://cgsmedicare.com/parta/pubs/news/2024/01/cope148965.html",
    kind: "guideline",
  },
  "fcso-medicare-iop-2024": {
    id: "fcso-medicare-iop-2024",
    label: "First Coast Medicare, IOP billing",
    title: "Intensive outpatient program (IOP) billing requirements for institutional services",
    publisher: "First Coast Service Options (Medicare Administrative Contractor)",
    year: 2024,
    url: "https://medicare.fcso.com/billing/intensive-outpatient-program-iop-billing-requirements-institutional-services",
    kind: "guideline",
  },
  "noridian-medicare-iop": {
    id: "noridian-medicare-iop",
    label: "Noridian Medicare, IOP",
    title: "Intensive Outpatient Program (IOP) — JE Part A",
    publisher: "Noridian Healthcare Solutions (Medicare Administrative Contractor)",
    year: 2024,
    url: "https://med.noridianmedicare.com/web/jea/provider-types/mental-health/intensive-outpatient-program",
    kind: "guideline",
    note: LIVING,
  },
  "cms-hcpcs": {
    id: "cms-hcpcs",
    label: "HCPCS Level II",
    title: "Healthcare Common Procedure Coding System (HCPCS) Level II code set",
    publisher: CMS,
    year: 2025,
    url: "https://www.cms.gov/medicare/coding-billing/healthcare-common-procedure-system",
    kind: "code-set",
    note: "Descriptors change quarterly; payers decide what is billable together.",
  },
  "ama-cpt": {
    id: "ama-cpt",
    label: "AMA CPT",
    title: "Current Procedural Terminology (CPT)",
    publisher: "American Medical Association",
    year: 2025,
    kind: "code-set",
    licensed: true,
    note: "Licensed code set: iopkit names code numbers only, never the descriptors.",
  },
  "cms-place-of-service": {
    id: "cms-place-of-service",
    label: "CMS Place of Service codes",
    title: "Place of Service Code Set",
    publisher: CMS,
    year: 2024,
    url: "https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set",
    kind: "code-set",
  },
  "bcbsnd-bh-reimbursement": {
    id: "bcbsnd-bh-reimbursement",
    label: "BCBS North Dakota reimbursement policy",
    title: "Psychiatric and Substance Use Services Guidelines (reimbursement policy)",
    publisher: "Blue Cross Blue Shield of North Dakota",
    year: 2024,
    url: "https://www.bcbsnd.com/providers/policies-precertification/reimbursement-policy/psychiatric-and-substance-use-services-guidelines",
    kind: "payer-policy",
    note: "One payer's policy, not a standard. Undated web page; the year is approximate (edition consulted).",
  },
  "bcbsne-rp-pi-002": {
    id: "bcbsne-rp-pi-002",
    label: "Nebraska Blue policy RP-PI-002",
    title: "Intensive Outpatient/Day Treatment/Partial Care (billing and reimbursement)",
    publisher: "Blue Cross and Blue Shield of Nebraska",
    year: 2024,
    identifier: "Policy RP-PI-002 (updated 21 February 2024)",
    url: "https://nebraskablue.com/Providers/BCBSNE-Provider-Procedures/Billing-and-Reimbursement/Intensive-Outpatient-Day-Treatment-Partial-Care",
    kind: "payer-policy",
    note: "One payer's policy, not a standard.",
  },
  "carelon-pa-group-therapy": {
    id: "carelon-pa-group-therapy",
    label: "Carelon Pennsylvania provider manual",
    title: "Provider Manual: Group Therapy",
    publisher: "Carelon Health of Pennsylvania (HealthChoices behavioral-health managed care)",
    year: 2024,
    url: "https://pa.carelon.com/providers/provider-manual/3-group-therapy/",
    kind: "payer-policy",
    note: "One payer's rule, not a standard. Undated web page; the year is approximate (edition consulted).",
  },
  loinc: {
    id: "loinc",
    label: "LOINC",
    title: "LOINC: Logical Observation Identifiers Names and Codes",
    publisher: "Regenstrief Institute",
    year: 2024,
    url: "https://loinc.org/",
    sectionUrls: {
      "44249-1": "https://loinc.org/44249-1/",
      "44261-6": "https://loinc.org/44261-6/",
      "69737-5": "https://loinc.org/69737-5/",
      "70274-6": "https://loinc.org/70274-6/",
      "72109-2": "https://loinc.org/72109-2/",
      "75626-2": "https://loinc.org/75626-2/",
      "82667-7": "https://loinc.org/82667-7/",
    },
    kind: "code-set",
  },
  "hl7-terminology": {
    id: "hl7-terminology",
    label: "HL7 Terminology (THO)",
    title:
      "HL7 Terminology (THO): code systems including v3 ActCode, ActReason and Confidentiality",
    publisher: HL7,
    year: 2024,
    url: "https://terminology.hl7.org/",
    kind: "code-set",
  },
  ucum: {
    id: "ucum",
    label: "UCUM",
    title: "The Unified Code for Units of Measure",
    publisher: "Regenstrief Institute",
    year: 2017,
    url: "https://ucum.org/ucum",
    kind: "code-set",
  },
  "hl7-fhir-r4": {
    id: "hl7-fhir-r4",
    label: "HL7 FHIR R4",
    title: "FHIR Release 4 (v4.0.1)",
    publisher: HL7,
    year: 2019,
    url: "https://hl7.org/fhir/R4/",
    kind: "standard",
  },
  "hl7-us-core-6-1": {
    id: "hl7-us-core-6-1",
    label: "US Core STU6.1",
    title: "US Core Implementation Guide, STU 6.1.0",
    publisher: HL7,
    year: 2023,
    url: "https://hl7.org/fhir/us/core/STU6.1/",
    kind: "standard",
  },
  "hl7-us-core-7": {
    id: "hl7-us-core-7",
    label: "US Core STU7",
    title: "US Core Implementation Guide, STU 7.0.0",
    publisher: HL7,
    year: 2024,
    url: "https://hl7.org/fhir/us/core/STU7/",
    kind: "standard",
    note: "Its screening-assessment examples use LOINC 44249-1/44261-6 (PHQ-9) and 72109-2/75626-2 (AUDIT-C).",
  },
  "rfc-5545": {
    id: "rfc-5545",
    label: "RFC 5545",
    title: "Internet Calendaring and Scheduling Core Object Specification (iCalendar)",
    publisher: IETF,
    authors: ["Desruisseaux B"],
    year: 2009,
    url: "https://www.rfc-editor.org/rfc/rfc5545",
    kind: "standard",
  },
  "rfc-5546": {
    id: "rfc-5546",
    label: "RFC 5546",
    title: "iCalendar Transport-Independent Interoperability Protocol (iTIP)",
    publisher: IETF,
    authors: ["Daboo C"],
    year: 2009,
    url: "https://www.rfc-editor.org/rfc/rfc5546",
    kind: "standard",
  },
  "rfc-7986": {
    id: "rfc-7986",
    label: "RFC 7986",
    title: "New Properties for iCalendar",
    publisher: IETF,
    authors: ["Daboo C"],
    year: 2016,
    url: "https://www.rfc-editor.org/rfc/rfc7986",
    kind: "standard",
  },
  "rfc-3339": {
    id: "rfc-3339",
    label: "RFC 3339",
    title: "Date and Time on the Internet: Timestamps",
    publisher: IETF,
    authors: ["Klyne G", "Newman C"],
    year: 2002,
    url: "https://www.rfc-editor.org/rfc/rfc3339",
    kind: "standard",
  },
  "rfc-9562": {
    id: "rfc-9562",
    label: "RFC 9562",
    title: "Universally Unique IDentifiers (UUIDs)",
    publisher: IETF,
    authors: ["Davis K", "Peabody B", "Leach P"],
    year: 2024,
    url: "https://www.rfc-editor.org/rfc/rfc9562",
    kind: "standard",
  },
  "iso-8601-1-2019": {
    id: "iso-8601-1-2019",
    label: "ISO 8601-1",
    title: "Date and time — Representations for information interchange — Part 1: Basic rules",
    publisher: "International Organization for Standardization (ISO)",
    year: 2019,
    identifier: "ISO 8601-1:2019",
    url: "https://www.iso.org/standard/70907.html",
    kind: "standard",
    licensed: true,
  },
  "kroenke-2001-phq9": {
    id: "kroenke-2001-phq9",
    label: "Kroenke et al.",
    title: "The PHQ-9: validity of a brief depression severity measure",
    publisher: "Journal of General Internal Medicine",
    authors: ["Kroenke K", "Spitzer RL", "Williams JBW"],
    year: 2001,
    locator: "16(9):606–613",
    identifier: "doi:10.1046/j.1525-1497.2001.016009606.x; PMID 11556941",
    url: "https://doi.org/10.1046/j.1525-1497.2001.016009606.x",
    kind: "paper",
  },
  "spitzer-2006-gad7": {
    id: "spitzer-2006-gad7",
    label: "Spitzer et al.",
    title: "A brief measure for assessing generalized anxiety disorder: the GAD-7",
    publisher: "Archives of Internal Medicine",
    authors: ["Spitzer RL", "Kroenke K", "Williams JBW", "Löwe B"],
    year: 2006,
    locator: "166(10):1092–1097",
    identifier: "doi:10.1001/archinte.166.10.1092",
    url: "https://doi.org/10.1001/archinte.166.10.1092",
    kind: "paper",
  },
  "bush-1998-audit-c": {
    id: "bush-1998-audit-c",
    label: "Bush et al.",
    title:
      "The AUDIT alcohol consumption questions (AUDIT-C): an effective brief screening test for problem drinking",
    publisher: "Archives of Internal Medicine",
    authors: ["Bush K", "Kivlahan DR", "McDonell MB", "Fihn SD", "Bradley KA"],
    year: 1998,
    locator: "158(16):1789–1795",
    identifier: "doi:10.1001/archinte.158.16.1789; PMID 9738608",
    url: "https://doi.org/10.1001/archinte.158.16.1789",
    kind: "paper",
  },
  "bradley-2003-audit-c-women": {
    id: "bradley-2003-audit-c-women",
    label: "Bradley et al.",
    title:
      "Two brief alcohol-screening tests from the Alcohol Use Disorders Identification Test (AUDIT): validation in a female Veterans Affairs patient population",
    publisher: "Archives of Internal Medicine",
    authors: ["Bradley KA", "Bush KR", "Epler AJ"],
    year: 2003,
    locator: "163(7):821–829",
    identifier: "PMID 12695273",
    url: "https://pubmed.ncbi.nlm.nih.gov/12695273/",
    kind: "paper",
  },
  "skinner-1982-dast": {
    id: "skinner-1982-dast",
    label: "Skinner",
    title: "The Drug Abuse Screening Test",
    publisher: "Addictive Behaviors",
    authors: ["Skinner HA"],
    year: 1982,
    locator: "7(4):363–371",
    identifier: "doi:10.1016/0306-4603(82)90005-3; PMID 7183189",
    url: "https://doi.org/10.1016/0306-4603(82)90005-3",
    kind: "paper",
  },
  "cacciola-2013-bam": {
    id: "cacciola-2013-bam",
    label: "Cacciola et al.",
    title: "Development and initial evaluation of the Brief Addiction Monitor (BAM)",
    publisher: "Journal of Substance Abuse Treatment",
    authors: ["Cacciola JS", "Alterman AI", "DePhilippis D"],
    year: 2013,
    locator: "44(3):256–263",
    identifier: "doi:10.1016/j.jsat.2012.07.013; PMID 22898042",
    url: "https://doi.org/10.1016/j.jsat.2012.07.013",
    kind: "paper",
  },
  "johnson-2002-phq-a": {
    id: "johnson-2002-phq-a",
    label: "Johnson et al.",
    title:
      "The Patient Health Questionnaire for Adolescents: validation of an instrument for the assessment of mental disorders among adolescent primary care patients",
    publisher: "Journal of Adolescent Health",
    authors: ["Johnson JG", "Harris ES", "Spitzer RL", "Williams JBW"],
    year: 2002,
    locator: "30(3):196–204",
    kind: "paper",
    note: "Citation details not checked against the journal.",
  },
  "knight-1999-crafft": {
    id: "knight-1999-crafft",
    label: "Knight et al.",
    title: "A new brief screen for adolescent substance abuse",
    publisher: "Archives of Pediatrics & Adolescent Medicine",
    authors: ["Knight JR", "Shrier LA", "Bravender TD", "Farrell M", "Vander Bilt J", "Shaffer HJ"],
    year: 1999,
    locator: "153(6):591–596",
    identifier: "doi:10.1001/archpedi.153.6.591",
    url: "https://doi.org/10.1001/archpedi.153.6.591",
    kind: "paper",
    note: "The CRAFFT; its current version (CRAFFT 2.1) is published by Boston Children's Hospital at crafft.org.",
  },
  "phq-screeners": {
    id: "phq-screeners",
    label: "PHQ Screeners",
    title: "Patient Health Questionnaire (PHQ) Screeners",
    publisher: "Pfizer Inc.",
    year: 2024,
    url: "https://www.phqscreeners.com/",
    kind: "resource",
    note: "Terms as reproduced in LOINC and CMS measure texts: 'No permission required to reproduce, translate, display or distribute.'",
  },
  "camh-dast-10": {
    id: "camh-dast-10",
    label: "CAMH DAST-10",
    title: "DAST-10 Drug Abuse Screening Test (licensing)",
    publisher: "Centre for Addiction and Mental Health (CAMH), via McMaster University",
    year: 2024,
    url: "https://research.mcmaster.ca/industry-investors/technologies-available-for-licensing/camh-dast-10",
    kind: "resource",
    note: "Copyright 1982 Harvey A. Skinner and CAMH; reproduction for non-commercial clinical, research and training use with credit to the author; commercial use licensed. Undated web page; the year is approximate (edition consulted).",
  },
  "cms159-depression-remission": {
    id: "cms159-depression-remission",
    label: "CMS159",
    title: "Depression Remission at Twelve Months (CMS159v14)",
    publisher: "CMS eCQI Resource Center (measure steward: MN Community Measurement)",
    year: 2025,
    identifier: "CMS159v14; CBE 0710e",
    url: "https://ecqi.healthit.gov/ecqm/ec/2026/cms0159v14",
    kind: "measure",
  },
  "cbe-1885-depression-response": {
    id: "cbe-1885-depression-response",
    label: "CBE 1885",
    title: "Depression Response at Twelve Months — Progress Towards Remission",
    publisher: "Partnership for Quality Measurement (measure steward: MN Community Measurement)",
    year: 2021,
    identifier: "CBE 1885",
    url: "https://p4qm.org/measures/1885",
    kind: "measure",
    note: "Endorsement removed in 2022; the response definition is still the one in use.",
  },
  "mbc-depression-metrics-2020": {
    id: "mbc-depression-metrics-2020",
    label: "Psychiatric Services (2020)",
    title:
      "Defining Success in Measurement-Based Care for Depression: A Comparison of Common Metrics",
    publisher: "Psychiatric Services (American Psychiatric Association Publishing)",
    year: 2020,
    identifier: "doi:10.1176/appi.ps.201900295",
    url: "https://doi.org/10.1176/appi.ps.201900295",
    kind: "paper",
  },
  "jarvis-2017-asam-drug-testing": {
    id: "jarvis-2017-asam-drug-testing",
    label: "ASAM drug-testing consensus",
    title: "Appropriate Use of Drug Testing in Clinical Addiction Medicine",
    publisher: "Journal of Addiction Medicine (American Society of Addiction Medicine)",
    authors: ["Jarvis M", "Williams J", "Hurford M", "Lindsay D", "Lincoln P", "Giles L"],
    year: 2017,
    locator: "11(3):163–173",
    identifier: "doi:10.1097/ADM.0000000000000323",
    url: "https://doi.org/10.1097/ADM.0000000000000323",
    kind: "guideline",
  },
  "hhs-mandatory-guidelines-urine-2017": {
    id: "hhs-mandatory-guidelines-urine-2017",
    label: "HHS Mandatory Guidelines (urine)",
    title: "Mandatory Guidelines for Federal Workplace Drug Testing Programs (urine)",
    publisher: "U.S. Department of Health and Human Services, SAMHSA (Federal Register)",
    year: 2017,
    locator: "82 FR 7920, 23 January 2017; effective 1 October 2017",
    kind: "regulation",
    note: "Defines the specimen-validity results (adulterated, substituted, dilute, invalid) for federal workplace testing; clinical programs borrow the terms.",
  },
  "samhsa-overdose-toolkit": {
    id: "samhsa-overdose-toolkit",
    label: "SAMHSA Overdose Prevention and Response Toolkit",
    title: "SAMHSA Overdose Prevention and Response Toolkit",
    publisher: SAMHSA,
    year: 2025,
    identifier: "Publication No. PEP23-03-00-001",
    kind: "guideline",
    note: "2025 revision; available from the SAMHSA Store (store.samhsa.gov).",
  },
  "binswanger-2007-prison-release": {
    id: "binswanger-2007-prison-release",
    label: "Binswanger et al.",
    title: "Release from prison — a high risk of death for former inmates",
    publisher: "New England Journal of Medicine",
    authors: ["Binswanger IA", "Stern MF", "Deyo RA"],
    year: 2007,
    locator: "356(2):157–165",
    identifier: "doi:10.1056/NEJMsa064115",
    url: "https://doi.org/10.1056/NEJMsa064115",
    kind: "paper",
  },
  "strang-2003-loss-of-tolerance": {
    id: "strang-2003-loss-of-tolerance",
    label: "Strang et al.",
    title:
      "Loss of tolerance and overdose mortality after inpatient opiate detoxification: follow up study",
    publisher: "BMJ",
    authors: ["Strang J"],
    year: 2003,
    locator: "326(7396):959",
    identifier: "doi:10.1136/bmj.326.7396.959",
    url: "https://doi.org/10.1136/bmj.326.7396.959",
    kind: "paper",
  },
  "sordo-2017-ost-mortality": {
    id: "sordo-2017-ost-mortality",
    label: "Sordo et al.",
    title:
      "Mortality risk during and after opioid substitution treatment: systematic review and meta-analysis of cohort studies",
    publisher: "BMJ",
    authors: ["Sordo L", "Barrio G", "Bravo MJ"],
    year: 2017,
    locator: "357:j1550",
    identifier: "doi:10.1136/bmj.j1550",
    url: "https://doi.org/10.1136/bmj.j1550",
    kind: "paper",
  },
  "lifeline-988": {
    id: "lifeline-988",
    label: "988 Lifeline",
    title: "988 Suicide & Crisis Lifeline",
    publisher: SAMHSA,
    year: 2022,
    url: "https://988lifeline.org/",
    kind: "resource",
    note: "United States only: call or text 988.",
  },
  "samhsa-teds-d-2015": {
    id: "samhsa-teds-d-2015",
    label: "TEDS-D codebook",
    title: "Treatment Episode Data Set: Discharges (TEDS-D-2015), data set and codebook",
    publisher: "SAMHSA, Center for Behavioral Health Statistics and Quality",
    year: 2015,
    url: "https://www.datafiles.samhsa.gov/study/treatment-episode-data-set-discharges-teds-d-2015-nid18450",
    kind: "dataset",
    note: "The year is the data year. REASON (reason for discharge) has the same seven codes in later codebooks.",
  },
  "colorado-bha-fhir-ig": {
    id: "colorado-bha-fhir-ig",
    label: "Colorado BHA FHIR IG",
    title: "Colorado Behavioral Health Administration FHIR Implementation Guide (CoBHRM)",
    publisher: "Colorado Behavioral Health Administration",
    year: 2025,
    url: "https://build.fhir.org/ig/CoBHA/CoBHRM-FHIR-IG/en/",
    sectionUrls: {
      "discharge type":
        "https://build.fhir.org/ig/CoBHA/CoBHRM-FHIR-IG/en/CodeSystem-bha-discharge-type-cs.html",
      "end-of-treatment reason":
        "https://build.fhir.org/ig/CoBHA/CoBHRM-FHIR-IG/en/CodeSystem-bha-end-of-treatment-reason-cs.html",
    },
    kind: "code-set",
    note: "One state's reporting profile, published as a continuous-integration build (not a balloted version).",
  },
  "ncqa-hedis": {
    id: "ncqa-hedis",
    label: "NCQA HEDIS",
    title: "HEDIS Measures and Technical Resources (IET, FUA, FUM, FUI)",
    publisher: "National Committee for Quality Assurance (NCQA)",
    year: 2025,
    url: "https://www.ncqa.org/hedis/measures/",
    kind: "measure",
    licensed: true,
    note: "Measure summaries are public; the technical specifications are sold.",
  },
  "cms137-iet": {
    id: "cms137-iet",
    label: "CMS137",
    title: "Initiation and Engagement of Substance Use Disorder Treatment (CMS137)",
    publisher: "CMS eCQI Resource Center (measure steward: NCQA)",
    year: 2025,
    kind: "measure",
    note: "Published on ecqi.healthit.gov; the versioned page address was not checked.",
  },
  "kaplan-meier-1958": {
    id: "kaplan-meier-1958",
    label: "Kaplan & Meier",
    title: "Nonparametric estimation from incomplete observations",
    publisher: "Journal of the American Statistical Association",
    authors: ["Kaplan EL", "Meier P"],
    year: 1958,
    locator: "53(282):457–481",
    identifier: "doi:10.1080/01621459.1958.10501452",
    url: "https://doi.org/10.1080/01621459.1958.10501452",
    kind: "paper",
  },
  "greenwood-1926": {
    id: "greenwood-1926",
    label: "Greenwood",
    title: "The natural duration of cancer",
    publisher: "His Majesty's Stationery Office",
    authors: ["Greenwood M"],
    year: 1926,
    locator: "Reports on Public Health and Medical Subjects, No. 33",
    kind: "paper",
    note: "Source of Greenwood's variance formula for survival estimates; no public copy linked.",
  },
  "little-1961": {
    id: "little-1961",
    label: "Little",
    title: "A proof for the queuing formula: L = λW",
    publisher: "Operations Research",
    authors: ["Little JDC"],
    year: 1961,
    locator: "9(3):383–387",
    identifier: "doi:10.1287/opre.9.3.383",
    url: "https://doi.org/10.1287/opre.9.3.383",
    kind: "paper",
  },
  "eick-massey-whitt-1993": {
    id: "eick-massey-whitt-1993",
    label: "Eick, Massey & Whitt",
    title: "The physics of the Mt/G/∞ queue",
    publisher: "Operations Research",
    authors: ["Eick SG", "Massey WA", "Whitt W"],
    year: 1993,
    locator: "41(4):731–742",
    identifier: "doi:10.1287/opre.41.4.731",
    url: "https://doi.org/10.1287/opre.41.4.731",
    kind: "paper",
    note: "The number in an infinite-server system with nonstationary Poisson arrivals is Poisson at each time, with the mean as a convolution of the arrival rate and the service-time tail. Author's copy: https://www.columbia.edu/~ww2040/physics.pdf",
  },
  "de-bruin-2010-erlang": {
    id: "de-bruin-2010-erlang",
    label: "de Bruin et al.",
    title: "Dimensioning hospital wards using the Erlang loss model",
    publisher: "Annals of Operations Research",
    authors: ["de Bruin AM", "Bekker R", "van Zanten L", "Koole GM"],
    year: 2010,
    locator: "178:23–43",
    identifier: "doi:10.1007/s10479-009-0647-8",
    url: "https://doi.org/10.1007/s10479-009-0647-8",
    kind: "paper",
  },
  "samhsa-teds-d-2005-report": {
    id: "samhsa-teds-d-2005-report",
    label: "TEDS 2005 Discharges",
    title:
      "Treatment Episode Data Set (TEDS) 2005: Discharges from Substance Abuse Treatment Services",
    publisher: "SAMHSA, Office of Applied Studies",
    year: 2008,
    url: "https://www.samhsa.gov/data/DASIS/teds05/TEDSD2k5Chp2.htm",
    kind: "dataset",
    note: "Chapter 2 defines length of stay (the earlier of last contact and discharge, minus admission; both days count for outpatient services) and combines completion and transfer as positive conclusions. An archived report page, read at its http address.",
  },
  "samhsa-teds-state-manual-2014": {
    id: "samhsa-teds-state-manual-2014",
    label: "TEDS State Instruction Manual",
    title:
      "Treatment Episode Data Set (TEDS) State Instruction Manual with State TEDS Submission System (STSS) Guide, version 3.2",
    publisher: "SAMHSA, Center for Behavioral Health Statistics and Quality",
    year: 2014,
    identifier: "OMB No. 0930-0335",
    kind: "guideline",
    note: "The data dictionary of the admission and discharge records (Minimum, Supplemental and Discharge data sets). Only third-party copies were found online; no SAMHSA address is linked.",
  },
  "kalbfleisch-prentice-2002": {
    id: "kalbfleisch-prentice-2002",
    label: "Kalbfleisch & Prentice",
    title: "The Statistical Analysis of Failure Time Data, 2nd edition",
    publisher: "John Wiley & Sons",
    authors: ["Kalbfleisch JD", "Prentice RL"],
    year: 2002,
    kind: "paper",
    note: "A textbook: survival estimates, Greenwood's variance and confidence intervals on the log–log scale. No public copy linked.",
  },
  "hyndman-fan-1996": {
    id: "hyndman-fan-1996",
    label: "Hyndman & Fan",
    title: "Sample quantiles in statistical packages",
    publisher: "The American Statistician",
    authors: ["Hyndman RJ", "Fan Y"],
    year: 1996,
    locator: "50(4):361–365",
    identifier: "doi:10.1080/00031305.1996.10473566",
    url: "https://doi.org/10.1080/00031305.1996.10473566",
    kind: "paper",
  },
  "wichura-1988-as241": {
    id: "wichura-1988-as241",
    label: "Wichura (AS 241)",
    title: "Algorithm AS 241: The percentage points of the normal distribution",
    publisher: "Journal of the Royal Statistical Society, Series C (Applied Statistics)",
    authors: ["Wichura MJ"],
    year: 1988,
    locator: "37(3):477–484",
    kind: "paper",
    note: "PPND16, the inverse of the standard normal distribution to about 16 digits. No public copy linked.",
  },
  "ncqa-hedis-fua": {
    id: "ncqa-hedis-fua",
    label: "NCQA FUA",
    title:
      "Follow-Up After Emergency Department Visit for Alcohol and Other Drug Abuse or Dependence (FUA)",
    publisher: "National Committee for Quality Assurance (NCQA)",
    year: 2022,
    url: "https://www.ncqa.org/hedis/measures/follow-up-after-emergency-department-visit-for-alcohol-and-other-drug-abuse-or-dependence/",
    kind: "measure",
    note: "NCQA's public summary: follow-up within 7 days (8 total days) and 30 days (31 total days) of the ED visit. Undated web page; the year is approximate (edition consulted).",
  },
  "ncqa-hedis-fui": {
    id: "ncqa-hedis-fui",
    label: "NCQA FUI",
    title: "Follow-Up After High-Intensity Care for Substance Use Disorder (FUI)",
    publisher: "National Committee for Quality Assurance (NCQA)",
    year: 2025,
    url: "https://www.ncqa.org/hedis/measures/follow-up-after-high-intensity-care-for-substance-use-disorder/",
    kind: "measure",
    note: "NCQA's public summary: inpatient, residential and withdrawal-management discharges for SUD followed up within 7 and 30 days. Undated web page; the year is approximate (edition consulted).",
  },
  "bcbsnd-hedis-fua": {
    id: "bcbsnd-hedis-fua",
    label: "BCBSND FUA tip sheet",
    title: "HEDIS Tip Sheet: Follow-Up After Emergency Department Visit for Substance Use (FUA)",
    publisher: "Blue Cross Blue Shield of North Dakota",
    year: 2025,
    url: "https://www.bcbsnd.com/providers/programs/bluealliance-and-bluealliance-care-plus/hedis-tip-sheets/hedis-tip-sheet-search/fua",
    kind: "payer-policy",
    note: "A payer's summary of the licensed specification: the services that count as follow-up (intensive outpatient included), an ED-visit denominator, repeated visits. Undated web page; the year is approximate (edition consulted).",
  },
  "lucet-hedis-fua-2024": {
    id: "lucet-hedis-fua-2024",
    label: "Lucet FUA",
    title: "Follow-Up after Emergency Department Visit for Substance Use (FUA)",
    publisher: "Lucet",
    year: 2024,
    url: "https://lucethealth.com/providers/resources/pcp/ed-follow-up-fua/",
    kind: "payer-policy",
    note: "Measurement year 2024: follow-up visits and pharmacotherapy events may fall on the date of the ED visit; ED visits followed by an inpatient or residential admission do not count.",
  },
  "anthem-hedis-fum-fua-2021": {
    id: "anthem-hedis-fum-fua-2021",
    label: "Anthem FUM/FUA",
    title:
      "HEDIS measures: Follow-Up After ED Visits for Mental Illness and Alcohol and Other Drug Abuse or Dependence",
    publisher: "Anthem (provider news, Kentucky Medicaid)",
    year: 2021,
    url: "https://providernews.anthem.com/kentucky/articles/hedis-measures-follow-up-after-ed-visits-for-mental-illness-and-alcohol-and-other-drug-abuse-or-dependence-9500/print",
    kind: "payer-policy",
    note: "FUM: ED visits for mental illness or intentional self-harm, follow-up within 7 days (8 total days) and 30 days (31 total days).",
  },
  "joint-commission-cts-03-01-09": {
    id: "joint-commission-cts-03-01-09",
    label: "Joint Commission CTS.03.01.09",
    title: "Measurement-Based Care – Standardized Tools and Instruments (standard CTS.03.01.09)",
    publisher: "The Joint Commission",
    year: 2018,
    url: "https://www.jointcommission.org/standards/standard-faqs/behavioral-health/care-treatment-and-services-cts/000002332/",
    kind: "guideline",
    note: "Behavioral health accreditation: outcomes monitored with a standardized instrument, used for each person's plan and aggregated for the population served (in effect since 1 January 2018).",
  },
  "samhsa-teds-d-series": {
    id: "samhsa-teds-d-series",
    label: "TEDS-D codebooks",
    title:
      "Treatment Episode Data Set: Discharges (TEDS-D), study series: data sets and codebooks by year",
    publisher: "SAMHSA, Center for Behavioral Health Statistics and Quality",
    year: 2021,
    url: "https://www.datafiles.samhsa.gov/study-series/treatment-episode-data-set-discharges-teds-d-nid13520",
    kind: "dataset",
    note: "iopkit's TEDS-D codes (REASON, LOS, SERVICES, SERVICES_D, DAYWAIT, PSOURCE, FREQ1, EMPLOY, LIVARAG, FREQ_ATND_SELF_HELP) follow the 2019 codebook (published 2021), one of this series.",
  },
  "stanley-brown-2012-safety-planning": {
    id: "stanley-brown-2012-safety-planning",
    label: "Stanley and Brown",
    title: "Safety Planning Intervention: A Brief Intervention to Mitigate Suicide Risk",
    publisher: "Cognitive and Behavioral Practice",
    authors: ["Stanley B", "Brown GK"],
    year: 2012,
    locator: "19(2):256–264",
    kind: "paper",
    note: "A written, prioritised list of warning signs, coping strategies, people and places for distraction, people to ask for help, professionals and crisis lines to contact, and making the environment safe.",
  },
};

/** Whether `id` names a source in the registry (for ids read from stored data or config). */
export function isSourceId(id: string): id is SourceId {
  return Object.prototype.hasOwnProperty.call(sources, id);
}

/**
 * Renders a citation for product strings: the source's label, its year in parentheses, and the
 * section after a comma; an {@link Unverified} marker renders as `unverified: <reason>`.
 * @example
 * formatCitation({ source: "samhsa-tip-47", section: "Appendix B" }); // "SAMHSA TIP 47 (2006), Appendix B"
 * formatCitation({ source: "kroenke-2001-phq9" }); // "Kroenke et al. (2001)"
 * formatCitation({ unverified: "common program rule; configure per clinic" });
 * // "unverified: common program rule; configure per clinic"
 */
export function formatCitation(citation: Provenance): string {
  if ("unverified" in citation) return `unverified: ${citation.unverified}`;
  const s = sources[citation.source];
  const base = `${s.label} (${String(s.year)})`;
  return citation.section === undefined ? base : `${base}, ${citation.section}`;
}

/**
 * The public address to open for a citation: the deepest {@link Source.sectionUrls} entry its
 * section matches, else the source's URL; `undefined` when the source has no public copy.
 * @example
 * citationUrl({ source: "samhsa-tip-47", section: "Appendix B" });
 * // "https://www.ncbi.nlm.nih.gov/books/n/tip47/A90362"
 */
export function citationUrl(citation: Citation): string | undefined {
  const s: Source = sources[citation.source];
  const section = citation.section;
  let best: string | undefined;
  if (section !== undefined && s.sectionUrls !== undefined) {
    for (const key of Object.keys(s.sectionUrls)) {
      const rest = section.slice(key.length);
      const matches = section.startsWith(key) && (rest === "" || /^[^0-9A-Za-z]/.test(rest));
      if (matches && (best === undefined || key.length > best.length)) best = key;
    }
  }
  return best === undefined ? s.url : s.sectionUrls?.[best];
}
