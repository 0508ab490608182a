/**
 * Item answers and their validation against an instrument's rules. Every bad item gets its own
 * issue whose path names the item (`["answers", 8]` is item 9), so a form can mark each one.
 */
import * as z from "zod/mini";
import { optional, strictObject, union } from "../core/zod";
import type { IopIssue, IopIssueCode, IssuePath } from "../core/errors";
import { lazySchema, type Schema } from "../core/schema";
import {
  bamSubstances,
  type AnswerOption,
  type BamSubstance,
  type InstrumentDefinition,
  type ItemDefinition,
} from "./instruments";

/**
 * BAM item 7's answer, e.g. `{ marijuana: 2, opioids: 1 }`: a days code 0–4 per substance
 * (7A–7G); substances left out were not used.
 */
export interface BamSubstanceDays {
  /** 7A marijuana. */
  marijuana?: number | undefined;
  /** 7B sedatives or tranquilizers. */
  sedatives?: number | undefined;
  /** 7C cocaine or crack. */
  cocaine?: number | undefined;
  /** 7D other stimulants. */
  stimulants?: number | undefined;
  /** 7E opiates. */
  opioids?: number | undefined;
  /** 7F inhalants. */
  inhalants?: number | undefined;
  /** 7G other drugs. */
  other?: number | undefined;
}
/**
 * The schema of {@link BamSubstanceDays}. A strict object rather than a record, so an unknown key
 * (even `"__proto__"`) is an issue, never dropped. The codes are checked against the instrument by
 * the measure's validation.
 */
export const BamSubstanceDays: Schema<BamSubstanceDays> = /* @__PURE__ */ lazySchema(() =>
  strictObject(
    Object.fromEntries(bamSubstances.map((s) => [s, optional(z.number())])) as Record<
      BamSubstance,
      z.ZodMiniOptional<z.ZodMiniNumber<number>>
    >,
  ),
);

/**
 * One item's answer as stored: an integer code (most items), `true`/`false` (yes/no items:
 * DAST-10), a {@link BamSubstanceDays} object (BAM item 7), or `null` for an item skipped by the
 * form's skip logic (BAM items 5 and 7).
 */
export type Answer = number | boolean | null | BamSubstanceDays;
/** The schema of an {@link Answer}. */
export const Answer: Schema<Answer> = /* @__PURE__ */ lazySchema(() =>
  union([z.number(), z.boolean(), z.null(), BamSubstanceDays], {
    error:
      "must be an answer: an integer code, true/false (yes/no items), null (a skipped item) or a substance-days object (BAM item 7)",
  }),
);

/** A BAM answer: an integer code, `null` for a skipped item, or item 7's substance days. */
export type BamAnswer = number | null | BamSubstanceDays;

/** Describes a value's type for a message without quoting it (values may be huge or hostile). */
function describe(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "nothing";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "number")
    return Number.isFinite(value) ? String(value) : "a non-finite number";
  if (typeof value === "boolean") return String(value);
  return `a ${typeof value}`;
}

/** `"0–3"` for consecutive options, `"0 or 4"` / `"0, 2 or 5"` otherwise. */
function describeOptions(options: readonly AnswerOption[]): string {
  const values = options.map((o) => o.value);
  const first = values[0] ?? 0;
  const last = values[values.length - 1] ?? 0;
  if (values.length > 2 && values.every((v, i) => v === first + i)) return `${first}–${last}`;
  return values.length < 2 ? String(first) : `${values.slice(0, -1).join(", ")} or ${String(last)}`;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** Whether an item may be `null` given the (raw) answers: its skip condition holds. */
function skipped(item: ItemDefinition, answers: readonly unknown[]): boolean {
  return item.skipWhen !== undefined && answers[item.skipWhen.item - 1] === item.skipWhen.equals;
}

/**
 * True when an answer is one of its item's options or a yes/no boolean: the common case, decided
 * without building the messages {@link itemIssues} would (scoring in bulk checks every answer).
 */
function plainlyValid(item: ItemDefinition, value: unknown): boolean {
  const response = item.response;
  if (response.kind === "yes-no") return typeof value === "boolean";
  if (response.kind !== "options" || typeof value !== "number") return false;
  for (const o of response.options) if (o.value === value) return true;
  return false;
}

/** The issues of one item's answer. */
function itemIssues(
  def: InstrumentDefinition,
  item: ItemDefinition,
  value: unknown,
  answers: readonly unknown[],
  path: IssuePath,
): IopIssue[] {
  const name = `${def.shortName} item ${item.number} (${item.topic})`;
  const issue = (code: IopIssueCode, message: string, at: IssuePath = path): IopIssue => ({
    code,
    path: at,
    message: `${name}: ${message}`,
  });
  if (value === undefined) {
    return [issue("missing-answer", "is missing")];
  }
  if (value === null) {
    if (item.skipWhen !== undefined && skipped(item, answers)) return [];
    const why =
      item.skipWhen === undefined
        ? "cannot be skipped"
        : `may be skipped (null) only when item ${item.skipWhen.item} is ${item.skipWhen.equals}`;
    return [issue("answer-required", why)];
  }
  const response = item.response;
  switch (response.kind) {
    case "yes-no":
      return typeof value === "boolean"
        ? []
        : [issue("invalid-type", `expected true (yes) or false (no), got ${describe(value)}`)];
    case "options":
      return optionIssues(response.options, value, (code, message) => [issue(code, message)]);
    case "substance-days": {
      if (!isPlainObject(value))
        return [
          issue(
            "invalid-type",
            `expected an object of days codes per substance (${bamSubstances.join(", ")}), got ${describe(value)}`,
          ),
        ];
      const out: IopIssue[] = [];
      for (const key of Object.keys(value)) {
        const at = [...path, key];
        if (!(bamSubstances as readonly string[]).includes(key)) {
          out.push(
            issue(
              "unrecognized-keys",
              `unknown substance; expected one of ${bamSubstances.join(", ")}`,
              at,
            ),
          );
          continue;
        }
        out.push(
          ...optionIssues(response.options, value[key], (code, message) => [
            issue(code, `${key}: ${message}`, at),
          ]),
        );
      }
      return out;
    }
  }
}

/** Checks a coded answer against its options. */
function optionIssues(
  options: readonly AnswerOption[],
  value: unknown,
  issue: (code: IopIssueCode, message: string) => IopIssue[],
): IopIssue[] {
  const expected = `expected an integer ${describeOptions(options)}`;
  if (typeof value !== "number" || !Number.isFinite(value))
    return issue("invalid-type", `${expected}, got ${describe(value)}`);
  if (!Number.isInteger(value)) return issue("not-integer", `${expected}, got ${value}`);
  return options.some((o) => o.value === value)
    ? []
    : issue("out-of-range", `${expected}, got ${value}`);
}

/**
 * Every problem with an answer list for an instrument: not a list, too few (one issue per missing
 * item) or too many entries, and each bad item (wrong type, not an integer, out of range, skipped
 * when it may not be). Items that fail `skip` are not checked (zod already reported them).
 * @internal
 */
export function answerIssues(
  def: InstrumentDefinition,
  answers: unknown,
  path: IssuePath = ["answers"],
  skip: (value: unknown) => boolean = () => false,
): IopIssue[] {
  if (!Array.isArray(answers))
    return [
      {
        code: "invalid-type",
        path,
        message: `${def.shortName} answers must be a list of ${def.itemCount} answers, got ${describe(answers)}`,
      },
    ];
  const list = answers as readonly unknown[];
  const out: IopIssue[] = [];
  if (list.length > def.itemCount)
    out.push({
      code: "too-many-answers",
      path: [...path, def.itemCount],
      message: `${def.shortName} has ${def.itemCount} items, got ${list.length} answers`,
    });
  for (const item of def.items) {
    const i = item.number - 1;
    const value = list[i];
    if ((i < list.length && skip(value)) || plainlyValid(item, value)) continue;
    out.push(...itemIssues(def, item, value, list, [...path, i]));
  }
  return out;
}
