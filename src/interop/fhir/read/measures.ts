/**
 * Screening and outcome measures from FHIR: a LOINC panel Observation with member Observations (or
 * components), a QuestionnaireResponse, or a total-score Observation alone → {@link FhirMeasure}.
 * Answers are read from LOINC answer codes, ordinal values or numbers; complete answers are
 * re-scored by iopkit and a sender total that disagrees is reported.
 */
import { pure } from "../../../core/pure";
import { isIsoDate, type IsoDate, type ParticipantId } from "../../../core/index";
import {
  instruments,
  scoreAdministration,
  type Answer,
  type InstrumentDefinition,
  type InstrumentId,
  type MeasureAdministration,
  type MeasureScore,
  type ScoreBand,
  type Sex,
} from "../../../measures/index";
import { isInstrumentId } from "../../../measures/instruments";
import { fhirCodeSystems, fhirExtensions, hl7 } from "../fhir-urls";
import type { ReadContext } from "./context";
import { loincAnswers, loincItems, loincUnscored, type MeasureCode } from "./loinc";
import type { Node } from "./node";

/**
 * One administration of an instrument, read from FHIR. Two bases:
 * - `items`: every scored item was answered — `administration` holds the answers and, when iopkit
 *   could score them, `score` is iopkit's score and `total`/`band` are its total and band
 *   (`senderTotal` is the total the sender gave, if any; a different one is reported
 *   `total-mismatch`);
 * - `total`: a total alone (no items, or not all of them): `total` is the sender's, `band` the
 *   instrument's band of it; no items are invented.
 */
export interface FhirMeasure {
  /** Whose administration it is. */
  readonly participantId: ParticipantId;
  /** The instrument. */
  readonly instrument: InstrumentId;
  /** The date it was given: the date part of `effectiveDateTime` (or `authored`) as written. */
  readonly administeredOn: IsoDate;
  /** `items` (answers read and re-scored) or `total` (a total alone). */
  readonly basis: "items" | "total";
  /** The answers, validated; with basis `items`. */
  readonly administration?: MeasureAdministration;
  /**
   * iopkit's score of the answers; with basis `items`, unless the answers cannot be scored
   * (AUDIT-C without the respondent's sex: `not-scored`).
   */
  readonly score?: MeasureScore;
  /** The total: iopkit's when it scored the items, else the sender's. */
  readonly total?: number;
  /** The band of `total`, when it has one (AUDIT-C needs sex: see {@link readFhir}). */
  readonly band?: ScoreBand;
  /** The total the sender gave, if any. */
  readonly senderTotal?: number;
  /** The identifier value under the `measure` identifier system, when the resource has one (iopkit's own exports). */
  readonly id?: string;
  /** Where it was read from (`Observation/x`, `QuestionnaireResponse/y`). */
  readonly source: string;
}

/** The measure codes: LOINC panel, total, item and unscored codes, by code. */
const codes: ReadonlyMap<string, MeasureCode> = /* @__PURE__ */ /* @__PURE__ */ pure(() =>
  (() => {
    const m = new Map<string, MeasureCode>();
    for (const def of Object.values(instruments)) {
      if (def.loinc.panel !== undefined)
        m.set(def.loinc.panel, { role: "panel", instrument: def.id });
      if (def.loinc.total !== undefined)
        m.set(def.loinc.total, { role: "total", instrument: def.id });
    }
    for (const [id, items] of Object.entries(loincItems))
      items?.forEach((code, index) => {
        if (isInstrumentId(id)) m.set(code, { role: "item", instrument: id, index });
      });
    for (const [code, id] of Object.entries(loincUnscored))
      m.set(code, { role: "unscored", instrument: id });
    return m;
  })(),
);

/** What a LOINC code stands for in a measure, if anything. */
export const loincMeasureCode = (code: string): MeasureCode | undefined => codes.get(code);

/** What a CodeableConcept stands for: a LOINC code first, then iopkit's instrument code. */
export function measureCode(concept: Node): MeasureCode | undefined {
  let own: MeasureCode | undefined;
  for (const c of concept.list("coding")) {
    const system = c.get("system").value;
    const code = c.get("code").value;
    if (typeof code !== "string") continue;
    if (system === hl7.loinc) {
      const found = codes.get(code);
      if (found !== undefined) return found;
    } else if (system === fhirCodeSystems.instrument && isInstrumentId(code))
      own = { role: "total", instrument: code };
  }
  return own;
}

/** A FHIR `ordinalValue` (R4 core) or `itemWeight` (SDC, R5) extension on a Coding. */
const ORDINAL_URLS: readonly string[] = [
  "http://hl7.org/fhir/StructureDefinition/ordinalValue",
  "http://hl7.org/fhir/StructureDefinition/itemWeight",
];

/** A non-negative integer from `valueInteger`, `valueDecimal`, `valueQuantity.value` or a numeric `valueString`. */
function numberOf(holder: Node): { value: number | undefined; at: Node } | undefined {
  for (const key of ["valueInteger", "valueDecimal", "valueQuantity", "valueString"] as const) {
    const n = holder.get(key);
    if (!n.present) continue;
    if (key === "valueQuantity") return { value: n.get("value").number(), at: n.get("value") };
    if (key === "valueString") {
      const s = n.string();
      return {
        value: s !== undefined && /^\s*\d+(\.0+)?\s*$/.test(s) ? Number(s) : undefined,
        at: n,
      };
    }
    return { value: n.number(), at: n };
  }
  return undefined;
}

/** The codings of `value[x]`: `valueCodeableConcept.coding[]` or `valueCoding`. */
function codingsOf(holder: Node): Node[] {
  const single = holder.get("valueCoding");
  return single.present ? [single] : holder.get("valueCodeableConcept").list("coding");
}

/**
 * The answer of item `index` of `def` held in `holder`'s `value[x]` (an item Observation, a
 * component, or a QuestionnaireResponse answer). Reports what it cannot read; `undefined` then.
 */
export function answerOf(
  def: InstrumentDefinition,
  index: number,
  holder: Node,
): number | boolean | undefined {
  const item = def.items[index];
  if (item === undefined) return undefined;
  const codings = codingsOf(holder);
  // Items are read only for instruments with LOINC item codes, all of them option items.
  if (item.response.kind !== "options") return undefined;
  const allowed = item.response.options.map((o) => o.value);
  const list = loincAnswers[def.id]?.[index] ?? [];
  const check = (value: number | undefined, at: Node): number | undefined => {
    if (value !== undefined && allowed.includes(value)) return value;
    at.issue(
      "invalid-value",
      `${def.shortName} item ${item.number} takes ${allowed.join(", ")}: item not read`,
    );
    return undefined;
  };
  for (const c of codings) {
    for (const e of c.list("extension"))
      if (ORDINAL_URLS.includes(String(e.get("url").value))) {
        const n = e.get("valueDecimal").present ? e.get("valueDecimal") : e.get("valueInteger");
        return check(n.number(), n);
      }
    const code = c.get("code").value;
    const pos =
      c.get("system").value === hl7.loinc && typeof code === "string" ? list.indexOf(code) : -1;
    const option = item.response.options[pos];
    if (option !== undefined) return option.value;
  }
  if (codings.length > 0) {
    const first = codings[0];
    first?.issue(
      "unknown-code",
      `no coding is an answer code of ${def.shortName} item ${item.number} (nor has an ordinal value): item not read`,
    );
    return undefined;
  }
  const n = numberOf(holder);
  if (n === undefined) {
    holder.issue("missing-element", `no answer for ${def.shortName} item ${item.number}`);
    return undefined;
  }
  return check(n.value, n.at);
}

/** The sender's total from `value[x]`: a non-negative integer, else reported. */
export function totalOf(def: InstrumentDefinition, holder: Node): number | undefined {
  const n = numberOf(holder);
  if (n === undefined) return undefined;
  if (n.value !== undefined && Number.isInteger(n.value) && n.value >= 0) return n.value;
  n.at.issue(
    "invalid-value",
    `a ${def.shortName} total must be a whole number ≥ 0: total not read`,
  );
  return undefined;
}

/** The date part (`YYYY-MM-DD`) of a FHIR date or dateTime, if it has a full date. */
export function datePart(value: unknown): IsoDate | undefined {
  if (typeof value !== "string") return undefined;
  const d = value.slice(0, 10);
  return isIsoDate(d) ? d : undefined;
}

/** The band of a total: the instrument's (for AUDIT-C, for `sex`), else from iopkit's band extension. */
export function bandOf(
  def: InstrumentDefinition,
  total: number,
  sex: Sex | undefined,
  ownBand: string | undefined,
): ScoreBand | undefined {
  const s = def.scoring;
  const pick = (bands: readonly { id: string; label: string; min: number; max: number }[]) => {
    const b = bands.find((x) => x.min <= total && total <= x.max);
    return b === undefined ? undefined : { id: b.id, label: b.label, min: b.min, max: b.max };
  };
  if (s.kind === "sum") return pick(s.bands);
  if (s.kind !== "sum-by-sex") return undefined;
  if (sex !== undefined) return pick(s.bands[sex]);
  // Without sex, iopkit's own band extension says which band the sender meant: kept when it
  // names the same band (same bounds) for either sex, e.g. AUDIT-C 3 "positive" (women only).
  const found = [pick(s.bands.female), pick(s.bands.male)].filter(
    (b) => b !== undefined && b.id === ownBand,
  );
  const [a, b] = found;
  return a !== undefined && (b === undefined || (a.min === b.min && a.max === b.max))
    ? a
    : undefined;
}

/** What an administration was read from, before it is checked and scored. */
export interface Gathered {
  readonly def: InstrumentDefinition;
  readonly root: Node;
  /** The reference to the Patient. */
  readonly subject: Node;
  /** The element holding the date (for the report). */
  readonly dateAt: Node;
  readonly administeredOn: IsoDate | undefined;
  /** Answers by item index (an unreadable answer is absent); filled while reading. */
  readonly answers: Map<number, number | boolean>;
  /** Item indexes seen (answered readably or not); filled while reading. */
  readonly seen: Set<number>;
  readonly senderTotal: number | undefined;
  /** iopkit's band extension value, when present. */
  readonly ownBand: string | undefined;
  readonly id: string | undefined;
}

/** What differs between a measure read from items and one read as a total alone. */
type MeasureTail = { readonly [K in keyof FhirMeasure]?: FhirMeasure[K] | undefined } & Pick<
  FhirMeasure,
  "basis"
>;

/**
 * A measure record, its absent fields left out. Built field by field, not by spreading a base (an
 * object spread per record was the bulk path's largest single cost). @internal
 */
export function measureRecord(
  participantId: ParticipantId,
  instrument: InstrumentId,
  administeredOn: IsoDate,
  senderTotal: number | undefined,
  id: string | undefined,
  source: string,
  tail: MeasureTail,
): FhirMeasure {
  const out: { -readonly [K in keyof FhirMeasure]?: FhirMeasure[K] } = {
    participantId,
    instrument,
    administeredOn,
  };
  if (senderTotal !== undefined) out.senderTotal = senderTotal;
  if (id !== undefined) out.id = id;
  out.source = source;
  out.basis = tail.basis;
  if (tail.administration !== undefined) out.administration = tail.administration;
  if (tail.score !== undefined) out.score = tail.score;
  if (tail.total !== undefined) out.total = tail.total;
  if (tail.band !== undefined) out.band = tail.band;
  return out as FhirMeasure;
}

/** Checks, re-scores and turns gathered answers into a record (or reports why not). */
export function finish(ctx: ReadContext, g: Gathered): FhirMeasure | undefined {
  const { def, root } = g;
  const participantId = ctx.participant(g.subject, root);
  if (g.administeredOn === undefined) {
    g.dateAt.issue(
      "missing-element",
      `no full date (YYYY-MM-DD) for the ${def.shortName}: not read`,
    );
    return undefined;
  }
  if (participantId === undefined) return undefined;
  const administeredOn = g.administeredOn;
  const record = (tail: MeasureTail): FhirMeasure =>
    measureRecord(participantId, def.id, administeredOn, g.senderTotal, g.id, root.path, tail);
  const sex = def.scoring.kind === "sum-by-sex" ? ctx.sexOf(g.subject, root) : undefined;
  const missing = def.items
    .filter((it, i) => it.scored && !g.answers.has(i))
    .map((it) => it.number);
  if (missing.length === 0 && def.scoring.kind !== "composites") {
    const answers: Answer[] = def.items.map((_, i) => g.answers.get(i) ?? null);
    if (sex === undefined && def.scoring.kind === "sum-by-sex")
      root.issue(
        "not-scored",
        `${def.shortName} cut-offs depend on sex and the input gives none (a US Core sex or birth-sex extension on the Patient): answers not scored`,
      );
    else {
      // Every answer was checked against its item (answerOf) and the date is a calendar date: the
      // record is valid by construction, so it is not parsed again (the bulk path's cost).
      const administration: MeasureAdministration = {
        formatVersion: 2,
        instrument: def.id,
        administeredOn: g.administeredOn,
        answers,
        ...(sex === undefined ? {} : { sex }),
      };
      // Items are read only for PHQ-9, GAD-7 and AUDIT-C (the instruments with LOINC item codes
      // here), none of which needs a licence acknowledgement; BAM is never read from items.
      const score = scoreAdministration(administration);
      if (score.instrument === "bam") return undefined;
      if (g.senderTotal !== undefined && g.senderTotal !== score.total)
        root.issue(
          "total-mismatch",
          `the sender's ${def.shortName} total is ${g.senderTotal}, the items score ${score.total}: iopkit's total is kept`,
        );
      return record({
        basis: "items",
        administration,
        score,
        total: score.total,
        band: score.band,
      });
    }
  } else if (g.seen.size > 0)
    root.issue(
      "incomplete-answers",
      `${def.shortName} item${missing.length === 1 ? "" : "s"} ${missing.join(", ")} not answered (or not readable): not re-scored`,
    );
  if (g.senderTotal === undefined) {
    if (g.seen.size === 0)
      root.issue("missing-element", `no ${def.shortName} items or total: not read`);
    return undefined;
  }
  const s = def.scoring;
  const max = s.kind === "composites" ? 0 : s.max;
  if (g.senderTotal > max) {
    root.issue("invalid-value", `a ${def.shortName} total is at most ${max}: not read`);
    return undefined;
  }
  return record({
    basis: "total",
    total: g.senderTotal,
    band: totalBand(def, g.senderTotal, sex, g.ownBand, root),
  });
}

/**
 * The band of a sender's total read alone ({@link bandOf}); when it has none, reported
 * `not-scored` at `at` (the resource). @internal
 */
export function totalBand(
  def: InstrumentDefinition,
  total: number,
  sex: Sex | undefined,
  ownBand: string | undefined,
  at: Pick<Node, "issue">,
): ScoreBand | undefined {
  const band = bandOf(def, total, sex, ownBand);
  if (band === undefined)
    at.issue(
      "not-scored",
      `${def.shortName} cut-offs depend on sex and the input gives none: the total has no band`,
    );
  return band;
}

/** iopkit's score-band extension's code on a resource or component. */
export function ownBandOf(node: Node): string | undefined {
  for (const e of node.list("extension"))
    if (e.get("url").value === fhirExtensions.scoreBand) {
      const code = e.get("valueCoding").get("code").value;
      return typeof code === "string" ? code : undefined;
    }
  return undefined;
}
