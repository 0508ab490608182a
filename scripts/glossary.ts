/**
 * The glossary: the domain terms a reader meets in the guides, each with a one-sentence definition,
 * where it appears in iopkit's API and the public source (an id of the registry in
 * src/core/sources.ts) that defines or supports it.
 *
 *   npx tsx scripts/glossary.ts
 *
 * writes docs/guides/glossary.md and links each term to it on its first use in every guide.
 * test/docs/glossary.test.ts fails when the page or a guide differs from what this gives, when a
 * term's API name is not public API (etc/*.api.md), or when a term is missing.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { basename } from "node:path";
import { citationUrl, formatCitation, type Citation } from "../src/core/sources";
import { listingPages } from "./sources-page";

/** One glossary entry. */
export interface Term {
  /** The heading, as readers write the term (letters, digits, spaces and hyphens only). */
  readonly term: string;
  /** More words that count as a use of the term in a guide, besides the heading. */
  readonly also?: readonly string[];
  /** For a heading that is also an everyday word: the only words that count as a use. */
  readonly only?: readonly string[];
  /** One sentence. */
  readonly definition: string;
  /** Public names where the term appears in iopkit (each must be in an etc/*.api.md report). */
  readonly api: readonly string[];
  /** The public source that defines or supports the definition. */
  readonly source: Citation;
}

export const PAGE_PATH = "docs/guides/glossary.md";
export const GUIDES = "docs/guides";
/** Guides whose text is generated from code (their generators would undo links). */
export const NOT_LINKED = new Set([
  "glossary.md",
  "sources.md",
  ...listingPages.map((p) => basename(p.path)),
]);

/** The terms, alphabetically. */
export const terms: readonly Term[] = [
  {
    term: "42 CFR Part 2",
    also: ["Part 2"],
    definition:
      "The US federal rule that keeps the records of substance-use treatment programs confidential: they may be used or disclosed only with the patient's written consent or under the rule's narrow exceptions.",
    api: ["canDisclose", "part2Elements", "part2ShortNotice"],
    source: { source: "cfr-42-part-2" },
  },
  {
    term: "988 Lifeline",
    also: ["988"],
    definition:
      "The US Suicide & Crisis Lifeline, reached by calling or texting 988, which an aftercare plan names when thoughts of death or self-harm were reported during treatment.",
    api: ["aftercareComponentKinds"],
    source: { source: "lifeline-988" },
  },
  {
    term: "Aftercare",
    also: ["continuing care"],
    definition:
      "The support that follows discharge from an IOP (continuing outpatient care, mutual-support groups, check-ins, medication continuity) to keep recovery going.",
    api: ["planAftercare", "aftercareComponentKinds"],
    source: { source: "samhsa-tip-47" },
  },
  {
    term: "ASAM Criteria",
    definition:
      "The American Society of Addiction Medicine's standard for placing a person in a level of care from an assessment across six dimensions; a sold book that iopkit cites and does not reproduce.",
    api: ["asamDimensions", "levelsOfCare"],
    source: { source: "asam-criteria-3rd-2013" },
  },
  {
    term: "ASAM dimensions",
    also: ["six dimensions"],
    definition:
      "The six areas an ASAM assessment rates for risk (withdrawal, biomedical, emotional and behavioural, readiness, relapse potential, recovery environment in the 3rd edition).",
    api: ["asamDimensions"],
    source: { source: "asam-criteria-3rd-2013" },
  },
  {
    term: "AUDIT-C",
    definition:
      "A three-question alcohol screen scored 0 to 12, validated in adults, positive at 4 or more for men and 3 or more for women.",
    api: ["scoreAuditC"],
    source: { source: "bush-1998-audit-c" },
  },
  {
    term: "BAM",
    also: ["Brief Addiction Monitor"],
    definition:
      "The Brief Addiction Monitor, a 17-item questionnaire on use, risk and protective factors over the past 30 days, used to follow progress in treatment.",
    api: ["scoreBam"],
    source: { source: "cacciola-2013-bam" },
  },
  {
    term: "Censoring",
    also: ["censored"],
    definition:
      "In a retention curve, a stay that has not ended by the report date: it counts as still in treatment up to that date and no further.",
    api: ["kaplanMeier"],
    source: { source: "kaplan-meier-1958" },
  },
  {
    term: "Census",
    definition:
      "How many people are enrolled on a day or in a week, counted by phase, the first figure a program manager reads.",
    api: ["censusByPhase"],
    source: { source: "samhsa-teds-d-2015" },
  },
  {
    term: "Clinician override",
    definition:
      "A clinician's recorded decision that replaces a computed eligibility outcome, kept beside the computed one with the clinician's reason.",
    api: ["ClinicianOverride"],
    source: { source: "asam-criteria-3rd-2013" },
  },
  {
    term: "Compliance",
    only: ["weekly compliance"],
    definition:
      "Whether the hours a participant attended in a week reach the band of their phase, the measure an IOP and its payers watch week by week.",
    api: ["weeklyCompliance"],
    source: { source: "samhsa-advisory-iop-2021" },
  },
  {
    term: "Counselling notes",
    also: ["counseling notes"],
    definition:
      "A substance-use counsellor's separate notes of counselling sessions, which Part 2 lets a patient release only with a consent of their own, never combined with another.",
    api: ["informationKinds"],
    source: { source: "cfr-42-part-2", section: "§ 2.31" },
  },
  {
    term: "CPT",
    definition:
      "Current Procedural Terminology, the American Medical Association's licensed codes for medical and psychotherapy services, cited by number only.",
    api: ["billingCodes"],
    source: { source: "ama-cpt" },
  },
  {
    term: "DAST-10",
    definition:
      "The ten-question Drug Abuse Screening Test, scored 0 to 10, for drug use other than alcohol in adults.",
    api: ["scoreDast10"],
    source: { source: "skinner-1982-dast" },
  },
  {
    term: "Dilute specimen",
    also: ["dilute"],
    definition:
      "A urine specimen whose creatinine and specific gravity are lower than expected: a result to follow up, never a negative.",
    api: ["drugTestPolicy"],
    source: { source: "hhs-mandatory-guidelines-urine-2017" },
  },
  {
    term: "Discharge",
    definition:
      "The end of a treatment episode, with its reason (completed, transferred, left early, lost to contact, incarcerated, died and others), which decides what aftercare follows.",
    api: ["episodeEventKinds", "tedsDischarge"],
    source: { source: "samhsa-teds-d-2015" },
  },
  {
    term: "Drug testing",
    also: ["drug test", "drug tests", "urine drug screen"],
    definition:
      "Collecting urine or other specimens on a random, unannounced schedule, at least weekly early in treatment, to support recovery and monitor prescribed medication.",
    api: ["drugTestPolicy", "collectOn"],
    source: { source: "jarvis-2017-asam-drug-testing" },
  },
  {
    term: "Episode",
    definition:
      "One person's treatment from referral to discharge, kept in iopkit as a log of events (admitted, stepped down, relapse reported, discharged) from which its state is replayed.",
    api: ["replayEpisode", "episodeEventKinds"],
    source: { source: "samhsa-teds-d-2015" },
  },
  {
    term: "FHIR",
    also: ["FHIR R4"],
    definition:
      "HL7's standard for exchanging health records as JSON resources (Patient, Appointment, Observation, Consent), in the R4 release EHRs use.",
    api: ["toFhirBundle"],
    source: { source: "hl7-fhir-r4" },
  },
  {
    term: "GAD-7",
    definition:
      "A seven-question anxiety scale scored 0 to 21, with bands at 5, 10 and 15 (mild, moderate, severe).",
    api: ["scoreGad7"],
    source: { source: "spitzer-2006-gad7" },
  },
  {
    term: "Group therapy",
    also: ["group therapy"],
    definition:
      "Treatment delivered to a group, typically 6 to 12 clients meeting regularly with one or two therapists, the core of most IOPs.",
    api: ["sessionTypes"],
    source: { source: "samhsa-advisory-group-therapy-2021" },
  },
  {
    term: "H0015",
    definition:
      "The HCPCS code for alcohol and drug intensive outpatient treatment: a program of at least 3 hours a day and 3 days a week on an individual plan.",
    api: ["billingCodes", "perDiemMinHours"],
    source: { source: "cms-hcpcs", section: "H0015" },
  },
  {
    term: "HCPCS",
    definition:
      "The Healthcare Common Procedure Coding System, CMS's public codes (such as H0015 and S9480) that claims use for services CPT does not cover.",
    api: ["billingCodes"],
    source: { source: "cms-hcpcs" },
  },
  {
    term: "HEDIS",
    also: ["FUA", "FUM"],
    definition:
      "NCQA's health-plan quality measures; iopkit computes the follow-up measures after an emergency visit for substance use (FUA) or mental illness (FUM).",
    api: ["followUpMeasure"],
    source: { source: "ncqa-hedis-fua" },
  },
  {
    term: "iCalendar",
    definition:
      "The standard calendar file format (RFC 5545) that phones and calendar apps import, used for a participant's or a room's sessions.",
    api: ["toICalendar"],
    source: { source: "rfc-5545" },
  },
  {
    term: "Intensive outpatient program",
    also: ["IOP", "IOPs", "intensive outpatient"],
    definition:
      "Structured treatment for substance use or mental health that a person attends at least 9 hours a week (6 for adolescents) while living at home.",
    api: ["levelOfCareIds", "programTemplates"],
    source: { source: "samhsa-advisory-iop-2021" },
  },
  {
    term: "Kaplan-Meier estimate",
    also: ["Kaplan–Meier", "retention curve"],
    definition:
      "The standard estimate of how many people are still in treatment after each number of days, counting stays still open as censored.",
    api: ["kaplanMeier", "retentionCurve"],
    source: { source: "kaplan-meier-1958" },
  },
  {
    term: "Length of stay",
    definition:
      "The days from admission to discharge of a treatment episode, reported as a median and quartiles.",
    api: ["lengthOfStay"],
    source: { source: "samhsa-teds-d-2015" },
  },
  {
    term: "Level of care",
    also: ["levels of care"],
    definition:
      "A place on the ladder of treatment intensity (outpatient, intensive outpatient, partial hospitalisation, residential, inpatient) that a placement decision recommends.",
    api: ["levelOfCareIds", "levelsOfCare"],
    source: { source: "asam-criteria-3rd-2013" },
  },
  {
    term: "LOINC",
    definition:
      "The public code system for observations and questionnaires, which gives each instrument score (PHQ-9, GAD-7, AUDIT-C) its code in FHIR.",
    api: ["toFhirBundle"],
    source: { source: "loinc" },
  },
  {
    term: "Make-up session",
    also: ["make-up", "make-ups"],
    definition:
      "An extra session offered when the program closes on a day with sessions, so a participant's week still reaches its hours.",
    api: ["closures"],
    source: { source: "samhsa-tip-47" },
  },
  {
    term: "Measurement-based care",
    definition:
      "Giving the same validated questionnaire (such as the PHQ-9) at regular points in treatment and acting on the change in scores.",
    api: ["measurementBasedCare"],
    source: { source: "mbc-depression-metrics-2020" },
  },
  {
    term: "Medicare IOP",
    definition:
      "Medicare's intensive outpatient benefit since 1 January 2024: 9 to 19 hours a week of services, certified by a physician and paid per day.",
    api: ["billingHints", "RecertifiedEvent"],
    source: { source: "noridian-medicare-iop" },
  },
  {
    term: "MOUD",
    also: ["medications for opioid use disorder"],
    definition:
      "Medications for opioid use disorder (methadone, buprenorphine, naltrexone), which lower the risk of death while a person takes them.",
    api: ["medications"],
    source: { source: "sordo-2017-ost-mortality" },
  },
  {
    term: "Mutual support",
    also: ["mutual-support"],
    definition:
      "Peer-led recovery groups such as AA or NA, outside the program, which IOPs encourage during and after treatment.",
    api: ["mutualSupport"],
    source: { source: "samhsa-advisory-iop-2021" },
  },
  {
    term: "Naloxone",
    definition:
      "A medication that reverses an opioid overdose and can be given safely even when an overdose is not confirmed.",
    api: ["aftercareComponentKinds"],
    source: { source: "samhsa-overdose-toolkit" },
  },
  {
    term: "Partial hospitalization",
    also: ["partial hospitalisation", "PHP"],
    definition:
      "The level of care above IOP: 20 or more hours a week of structured treatment, still without an overnight stay.",
    api: ["levelOfCareIds"],
    source: { source: "noridian-medicare-iop" },
  },
  {
    term: "Per diem",
    also: ["per-diem"],
    definition:
      "A payment for each day of program attendance that covers the day's group, individual and peer services, rather than a payment per service.",
    api: ["perDiemMinHours"],
    source: { source: "bcbsnd-bh-reimbursement", section: "Intensive Outpatient Program (IOP)" },
  },
  {
    term: "Phase",
    also: ["phases"],
    definition:
      "A stage of a program with its own weekly hours and sessions; people move to the next, less intensive phase as they progress.",
    api: ["programTemplates", "evaluatePhaseExit"],
    source: { source: "samhsa-tip-47" },
  },
  {
    term: "PHQ-9",
    definition:
      "A nine-question depression scale scored 0 to 27, with bands at 5, 10, 15 and 20 (mild to severe).",
    api: ["scorePhq9"],
    source: { source: "kroenke-2001-phq9" },
  },
  {
    term: "Place of service",
    also: ["POS"],
    definition:
      "The CMS two-digit code on a claim that says where a service happened, such as 11 (office) or 10 (telehealth in the patient's home).",
    api: ["placeOfServiceFor"],
    source: { source: "cms-place-of-service" },
  },
  {
    term: "Recertification",
    also: ["recertified"],
    definition:
      "A physician's renewed statement that a Medicare patient still needs intensive outpatient services, required at intervals during the stay.",
    api: ["RecertifiedEvent"],
    source: { source: "cfr-42-424-24" },
  },
  {
    term: "Redisclosure",
    also: ["redisclosed"],
    definition:
      "A recipient passing on records it received; Part 2 records carry a notice limiting it, and a TPO consent must warn that it can happen.",
    api: ["disclosureReasonCodes"],
    source: { source: "cfr-42-part-2", section: "§ 2.32" },
  },
  {
    term: "Reduced tolerance",
    also: ["loss of tolerance"],
    definition:
      "The lower tolerance to opioids after a period without them, which makes a return to a former dose a high overdose risk.",
    api: ["aftercareReasonCodes"],
    source: { source: "strang-2003-loss-of-tolerance" },
  },
  {
    term: "Relapse",
    also: ["lapse"],
    definition:
      "A return to substance use after a period of recovery, a sign to resume or adjust treatment rather than proof that it failed.",
    api: ["episodeEventKinds"],
    source: { source: "nida-drugs-brains-behavior-2020" },
  },
  {
    term: "Remission",
    definition:
      "For depression measures, a PHQ-9 score below 5 at follow-up in a person whose starting score was above 9.",
    api: ["measurementBasedCare"],
    source: { source: "cms159-depression-remission" },
  },
  {
    term: "Response",
    only: ["PHQ-9 response", "response rate"],
    definition:
      "For depression measures, a PHQ-9 score that fell by at least half from a starting score above 9.",
    api: ["measurementBasedCare"],
    source: { source: "cbe-1885-depression-response" },
  },
  {
    term: "Rolling admission",
    also: ["rolling admissions", "rolling group", "rolling groups"],
    definition:
      "Admitting people into groups that are already running, any week, instead of starting everyone together as a cohort.",
    api: ["planSchedule"],
    source: { source: "samhsa-tip-47" },
  },
  {
    term: "S9480",
    definition: "The HCPCS code for intensive outpatient psychiatric services, billed per day.",
    api: ["billingCodes"],
    source: { source: "cms-hcpcs", section: "S9480" },
  },
  {
    term: "Session type",
    also: ["session types"],
    definition:
      "A kind of session (group therapy, individual counselling, family session, psychoeducation, drug test) with its length and billing codes.",
    api: ["sessionTypes"],
    source: { source: "samhsa-tip-47" },
  },
  {
    term: "Step-down",
    also: ["step down", "stepped down", "steps down", "stepping down"],
    definition:
      "A move to a less intensive phase or level of care as a person progresses, such as from IOP to outpatient care.",
    api: ["stepDowns", "episodeEventKinds"],
    source: { source: "samhsa-advisory-iop-2021" },
  },
  {
    term: "Step-up",
    also: ["step up", "stepped up"],
    definition:
      "A move to a more intensive phase or level of care when a person needs more support, for instance after a relapse.",
    api: ["episodeEventKinds"],
    source: { source: "samhsa-advisory-iop-2021" },
  },
  {
    term: "TEDS-D",
    also: ["TEDS"],
    definition:
      "SAMHSA's Treatment Episode Data Set for discharges, the national record of each treatment episode's end, its reason and length of stay.",
    api: ["tedsDischarge"],
    source: { source: "samhsa-teds-d-2015" },
  },
  {
    term: "Telehealth",
    also: ["video session"],
    definition:
      "A session by video or phone, billed with its own place-of-service code (02, or 10 when the patient is at home).",
    api: ["sessionDeliveryModes", "placeOfServiceFor"],
    source: { source: "cms-place-of-service", section: "10" },
  },
  {
    term: "TPO",
    also: ["TPO consent"],
    definition:
      "Treatment, payment and health care operations: the purposes a single Part 2 consent may cover for all future uses until the patient revokes it in writing.",
    api: ["tpoPurposes"],
    source: { source: "cfr-42-part-2", section: "§ 2.33" },
  },
  {
    term: "Track",
    only: ["evening track", "morning track", "morning and evening tracks", "tracks"],
    definition:
      "One of a program's parallel timetables (morning, evening) that a participant attends, chosen to fit their working week.",
    api: ["admissionTracks"],
    source: { source: "samhsa-tip-47" },
  },
  {
    term: "Withdrawal management",
    also: ["detox", "detoxification"],
    definition:
      "Medical care through withdrawal from alcohol or drugs, which a person may need before or alongside an IOP.",
    api: ["levelOfCareIds"],
    source: { source: "asam-criteria-4th-2023" },
  },
];

/** typedoc's heading anchor (its Slugger): punctuation removed, spaces to hyphens, lower case. */
export function anchorOf(heading: string): string {
  const slug = heading
    .trim()
    .replace(/[\u2000-\u206F\u2E00-\u2E7F\\'!"#$%&()*+,./:;<=>?@[\]^`{|}~]/g, "")
    .replace(/\s/g, "-")
    .replace(/--+/, "-");
  return (slug || "_").toLowerCase();
}

/** The glossary page. */
export function glossaryPage(all: readonly Term[] = terms): string {
  const entries = all.map((t) => {
    const cite = formatCitation(t.source);
    const url = citationUrl(t.source);
    const source = url === undefined ? cite : `[${cite}](${url})`;
    return [
      `### ${t.term}`,
      "",
      t.definition,
      "",
      `In iopkit: ${t.api.map((a) => `\`${a}\``).join(", ")}. Source: ${source}.`,
      "",
    ].join("\n");
  });
  return `---
title: Glossary
group: Reference
---

# Glossary

<!-- Generated by scripts/glossary.ts: edit the terms there, then run npx tsx scripts/glossary.ts. -->

${String(all.length)} terms the guides use, each with a one-sentence definition, the names in
iopkit's API where it appears, and a public source (the whole registry is on the
[Sources](./sources.md) page). Every guide links a term here the first time it uses it.

## Terms

${entries.join("\n")}`;
}

/** The words of a term, longest first, as one case-aware pattern each. */
function patterns(t: Term): RegExp[] {
  const words: string[] = [...(t.only ?? [t.term, ...(t.also ?? [])])];
  return words
    .sort((a, b) => b.length - a.length)
    .map((w) => {
      const body = w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      // Abbreviations (HCPCS, TPO, PHQ-9) match as written; words match in any case.
      const exact = /[A-Z]{2,}|\d/.test(w);
      return new RegExp(`(?<![\\w-])${body}(?![\\w-])`, exact ? "g" : "gi");
    });
}

/** Spans of a line that must not gain a link: inline code, links, HTML tags and autolinks. */
function protectedSpans(line: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const m of line.matchAll(/`[^`]*`|\[[^\]]*\]\([^)]*\)|<[^>]+>|https?:\/\/\S+/g))
    spans.push([m.index, m.index + m[0].length]);
  return spans;
}

/** The glossary page a guide links to. */
const GLOSSARY_LINK = "./glossary.md#";

/**
 * A guide with the first use of each term linked to the glossary. Code blocks, headings, front
 * matter, HTML comments and generated blocks (between `<!-- …start` / `<!-- …end` markers, or
 * `<!-- figures:… -->` markers) are left as they are. A term already linked at its first use
 * counts as linked.
 */
export function linkTerms(guide: string, all: readonly Term[] = terms): string {
  const lines = guide.split("\n");
  const done = new Set<string>();
  const compiled = all.map((t) => ({ anchor: anchorOf(t.term), res: patterns(t) }));
  let fence = false;
  let front = lines[0] === "---";
  let generated = false;
  let comment = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const trimmed = line.trim();
    if (front) {
      if (i > 0 && trimmed === "---") front = false;
      continue;
    }
    if (/^(```|~~~)/.test(trimmed)) {
      fence = !fence;
      continue;
    }
    if (fence) continue;
    if (/^<!-- (figures:|[\w-]+:start)/.test(trimmed)) generated = true;
    if (/^<!-- (\/figures:|[\w-]+:end)/.test(trimmed)) {
      generated = false;
      continue;
    }
    if (comment || trimmed.startsWith("<!--")) {
      comment = !trimmed.includes("-->");
      continue;
    }
    if (generated || trimmed.startsWith("#")) continue;
    let text = line;
    for (const { anchor, res } of compiled) {
      if (done.has(anchor)) continue;
      const spans = protectedSpans(text);
      const linkedAt = text.indexOf(`](${GLOSSARY_LINK}${anchor})`);
      let best: { at: number; word: string } | undefined;
      for (const re of res) {
        re.lastIndex = 0;
        for (const m of text.matchAll(re)) {
          const inside = spans.some(([a, b]) => m.index >= a && m.index < b);
          if (!inside) {
            if (best === undefined || m.index < best.at) best = { at: m.index, word: m[0] };
            break;
          }
        }
      }
      if (linkedAt >= 0 && (best === undefined || linkedAt < best.at)) {
        done.add(anchor);
        continue;
      }
      if (best === undefined) continue;
      text = `${text.slice(0, best.at)}[${best.word}](${GLOSSARY_LINK}${anchor})${text.slice(best.at + best.word.length)}`;
      done.add(anchor);
    }
    lines[i] = text;
  }
  return lines.join("\n");
}

/** The guides that link terms, as paths. */
export function linkedGuides(): string[] {
  return readdirSync(GUIDES)
    .filter((f) => f.endsWith(".md") && !NOT_LINKED.has(f))
    .sort()
    .map((f) => `${GUIDES}/${f}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(PAGE_PATH, glossaryPage());
  for (const path of linkedGuides()) {
    const text = readFileSync(path, "utf8");
    const linked = linkTerms(text);
    if (linked !== text) writeFileSync(path, linked);
  }
}
