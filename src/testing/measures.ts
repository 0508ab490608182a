/** Arbitraries for instrument answers and administrations. */
import fc from "fast-check";
import { fromEpochDay, toEpochDay, type IsoDate } from "../core/index";
import {
  bamSubstances,
  instruments,
  type InstrumentId,
  type ItemDefinition,
} from "../measures/index";
import { parseMeasureAdministration, type MeasureAdministration } from "../measures/index";
import { instrumentIds } from "../measures/instruments";
import { checkArbitraryOptions } from "./options";

function itemAnswer(item: ItemDefinition): fc.Arbitrary<unknown> {
  const r = item.response;
  switch (r.kind) {
    case "options":
      return fc.constantFrom(...r.options.map((o) => o.value));
    case "yes-no":
      return fc.boolean();
    case "substance-days":
      return fc.dictionary(
        fc.constantFrom(...bamSubstances),
        fc.constantFrom(...r.options.map((o) => o.value)),
        { maxKeys: 3 },
      );
  }
}

/**
 * Valid answers for an instrument, item by item (the form's answer codes; `true`/`false` for
 * yes/no items; BAM item 7 as substance days), with skippable items left `null` when their skip
 * condition holds. Shrinks toward the lowest answers.
 */
export function measureAnswers(instrument: InstrumentId): fc.Arbitrary<unknown[]> {
  checkArbitraryOptions(
    "measureAnswers",
    { instrument },
    {
      instrument: { kind: "enum", values: instrumentIds },
    },
  );
  const def = instruments[instrument];
  return fc
    .tuple(...def.items.map((item) => fc.tuple(itemAnswer(item), fc.boolean())))
    .map((pairs) => {
      const answers = pairs.map(([a]) => a);
      def.items.forEach((item, i) => {
        const skip = item.skipWhen;
        if (skip !== undefined && answers[skip.item - 1] === skip.equals && pairs[i]?.[1] === true)
          answers[i] = null;
      });
      return answers;
    });
}

/** Options of {@link measureAdministration}. */
export interface MeasureAdministrationOptions {
  /** Administered on or after this date. @defaultValue "2026-01-01" */
  readonly from?: IsoDate;
  /** Days after `from` it may fall. @defaultValue 180 */
  readonly spanDays?: number;
}

/** A valid administration record (instrument, date, answers, and sex for AUDIT-C). */
export function measureAdministration(
  instrument: InstrumentId,
  options: MeasureAdministrationOptions = {},
): fc.Arbitrary<MeasureAdministration> {
  checkArbitraryOptions(
    "measureAdministration",
    { instrument, options },
    {
      instrument: { kind: "enum", values: instrumentIds },
      options: { kind: "object" },
      "options.from": { kind: "date", optional: true },
      "options.spanDays": { kind: "integer", min: 0, max: 3650, optional: true },
    },
    ["options"],
  );
  const first = toEpochDay(options.from ?? "2026-01-01");
  return fc
    .record({
      answers: measureAnswers(instrument),
      day: fc.integer({ min: 0, max: options.spanDays ?? 180 }),
      sex: fc.constantFrom("female" as const, "male" as const),
    })
    .map(({ answers, day, sex }) =>
      parseMeasureAdministration({
        instrument,
        administeredOn: fromEpochDay(first + day),
        answers,
        ...(instrument === "audit-c" ? { sex } : {}),
      }),
    );
}
