/**
 * LOINC codes of the instruments iopkit scores, as EHRs send them: panel, total and item codes,
 * and the answer codes of each item's answer list. Sources: LOINC (Regenstrief Institute), panels
 * 44249-1 (PHQ-9), 69737-5 (GAD-7), 72109-2 (AUDIT-C); answer lists LL358-3 (PHQ-9 and GAD-7
 * frequency), LL2179-1, LL2180-9 and LL2181-7 (AUDIT-C items 1–3); the
 * HL7 US Core examples (hl7-us-core-7) use the same codes. DAST-10 has no LOINC item codes here
 * (none verified): only its total is read. @internal
 */
import { pure } from "../../../core/pure";
import type { InstrumentId } from "../../../measures/index";

/** The item codes of each instrument, item 1 first. */
export const loincItems: Readonly<Partial<Record<InstrumentId, readonly string[]>>> = {
  "phq-9": [
    "44250-9",
    "44255-8",
    "44259-0",
    "44254-1",
    "44251-7",
    "44258-2",
    "44252-5",
    "44253-3",
    "44260-8",
  ],
  "gad-7": ["69725-0", "68509-9", "69733-4", "69734-2", "69735-9", "69689-8", "69736-7"],
  "audit-c": ["68518-0", "68519-8", "68520-6"],
};

/** Codes of an instrument's form that iopkit does not score (PHQ-9's difficulty question, 69722-7). */
export const loincUnscored: Readonly<Record<string, InstrumentId>> = { "69722-7": "phq-9" };

/** PHQ-9 and GAD-7 items (LL358-3): not at all 0, several days 1, more than half the days 2, nearly every day 3. */
const FREQUENCY = ["LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9"];

/** The answer codes of an instrument's items, by item index, in the order of their values 0, 1, 2… */
export const loincAnswers: Readonly<Partial<Record<InstrumentId, readonly (readonly string[])[]>>> =
  /* @__PURE__ */ pure(() => ({
    "phq-9": Array.from({ length: 9 }, () => FREQUENCY),
    "gad-7": Array.from({ length: 7 }, () => FREQUENCY),
    "audit-c": [
      ["LA6270-8", "LA18926-8", "LA18927-6", "LA18928-4", "LA18929-2"],
      ["LA15694-5", "LA15695-2", "LA18930-0", "LA18931-8", "LA18932-6"],
      ["LA6270-8", "LA18933-4", "LA18876-5", "LA18891-4", "LA18934-2"],
    ],
  }));

/** What a LOINC (or iopkit instrument) code stands for in a measure. */
export type MeasureCode =
  | { readonly role: "panel" | "total"; readonly instrument: InstrumentId }
  | { readonly role: "item"; readonly instrument: InstrumentId; readonly index: number }
  | { readonly role: "unscored"; readonly instrument: InstrumentId };
