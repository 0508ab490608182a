/** Observation and QuestionnaireResponse → measures: panels, members, components, totals, forms. @internal */
import { instruments, type InstrumentId } from "../../../measures/index";
import type { ReadContext } from "./context";
import {
  answerOf,
  datePart,
  finish,
  loincMeasureCode,
  measureCode,
  ownBandOf,
  totalOf,
  type FhirMeasure,
  type Gathered,
} from "./measures";
import type { Node } from "./node";

/** The value of an identifier in `system`, if the resource has one. */
export function identifierIn(resource: Node, system: string): string | undefined {
  for (const i of resource.list("identifier"))
    if (i.get("system").value === system) {
      const v = i.get("value").value;
      if (typeof v === "string") return v;
    }
  return undefined;
}

/** Starts gathering an administration of `instrument` from `root`. */
function gather(
  ctx: ReadContext,
  root: Node,
  instrument: InstrumentId,
  subject: Node,
  dateAt: Node,
): Gathered {
  return {
    def: instruments[instrument],
    root,
    subject,
    dateAt,
    administeredOn: datePart(dateAt.value),
    answers: new Map(),
    seen: new Set(),
    senderTotal: undefined,
    ownBand: ownBandOf(root),
    id: identifierIn(root, ctx.system("measure")),
  };
}

/** Reads one member or component (`holder`) of an administration into `g`; returns the updated total. */
function take(g: Gathered, holder: Node, code: Node): number | undefined {
  const c = measureCode(code);
  const name = g.def.shortName;
  if (c === undefined || c.instrument !== g.def.id) {
    code.issue("unknown-code", `not a code of a ${name} item or total: ignored`);
    return g.senderTotal;
  }
  if (c.role === "unscored") {
    holder.issue("not-mapped", `a question of the ${name} form that is not scored: not kept`);
    return g.senderTotal;
  }
  if (c.role === "item") {
    g.seen.add(c.index);
    const a = answerOf(g.def, c.index, holder);
    if (a !== undefined) g.answers.set(c.index, a);
    return g.senderTotal;
  }
  if (c.role === "total") return totalOf(g.def, holder) ?? g.senderTotal;
  code.issue("unknown-code", `a ${name} panel inside a ${name} panel: ignored`);
  return g.senderTotal;
}

/** The date element of an Observation: `effectiveDateTime`, `effectiveInstant` or `effectivePeriod.start`. */
function effective(obs: Node): Node {
  for (const key of ["effectiveDateTime", "effectiveInstant"]) {
    const n = obs.get(key);
    if (n.present) return n;
  }
  return obs.get("effectivePeriod").get("start");
}

/**
 * A measure Observation: a panel (items as `hasMember` Observations or as components, the total
 * among them or as the panel's value) or a total alone. Members it reads are added to `consumed`.
 * `skip(qr)` tells whether a QuestionnaireResponse the panel is derived from is also in the input
 * (the panel is then the same administration and is not read twice).
 */
export function readMeasureObservation(
  ctx: ReadContext,
  obs: Node,
  consumed: Set<Node>,
  formInInput: (reference: string) => boolean,
): FhirMeasure | undefined {
  const code = measureCode(obs.get("code"));
  if (code === undefined) return undefined;
  const status = obs.get("status").value;
  if (status === "entered-in-error" || status === "cancelled") {
    obs
      .get("status")
      .issue(
        status === "cancelled" ? "no-outcome" : "entered-in-error",
        `an Observation marked ${status}: skipped`,
      );
    return undefined;
  }
  const members = obs.list("hasMember");
  const resolved = members.map((m) => {
    const ref = m.get("reference").string();
    const target = ref === undefined ? undefined : ctx.resolve(ref, obs);
    return { m, target };
  });
  for (const { target } of resolved) if (target !== undefined) consumed.add(target);
  if (code.role === "item" || code.role === "unscored") {
    obs.issue(
      "incomplete-answers",
      `a single ${instruments[code.instrument].shortName} item outside its panel: read the panel (or the QuestionnaireResponse) instead`,
    );
    return undefined;
  }
  for (const d of obs.list("derivedFrom")) {
    const ref = d.get("reference").value;
    if (typeof ref === "string" && formInInput(ref)) {
      obs.issue(
        "duplicate",
        "the same administration as the QuestionnaireResponse it is derived from, which is read instead",
      );
      return undefined;
    }
  }
  if (code.instrument === "bam") {
    obs.issue(
      "not-mapped",
      "BAM composites without their items are not read back (iopkit scores the BAM from its 17 items)",
    );
    return undefined;
  }
  const g = gather(ctx, obs, code.instrument, obs.get("subject"), effective(obs));
  let total = totalOf(g.def, obs);
  for (const { m, target } of resolved) {
    if (target === undefined) {
      m.issue(
        "unresolved-reference",
        "a member Observation the input does not hold: its answer is missing",
      );
      continue;
    }
    total = take({ ...g, senderTotal: total }, target, target.get("code"));
  }
  for (const c of obs.list("component"))
    total = take({ ...g, senderTotal: total }, c, c.get("code"));
  return finish(ctx, { ...g, senderTotal: total });
}

/** Every answerable leaf item of a QuestionnaireResponse (groups and nested answers flattened). */
function leaves(items: Node[], out: Node[]): Node[] {
  for (const it of items) {
    const nested = it.list("item");
    const answers = it.list("answer");
    if (answers.length > 0) out.push(it);
    leaves(nested, out);
    for (const a of answers) leaves(a.list("item"), out);
  }
  return out;
}

/** A linkId's LOINC code: the last segment of `/44250-9`-style ids. */
const linkCode = (linkId: unknown): string =>
  typeof linkId === "string" ? (linkId.split("/").pop() ?? "") : "";

/**
 * A QuestionnaireResponse of an instrument iopkit scores, told by its items' LOINC codes (the
 * `linkId`, as US Core's forms have them, e.g. `/44250-9`); answers in `answer[0].value[x]`.
 */
export function readQuestionnaireResponse(ctx: ReadContext, qr: Node): FhirMeasure | undefined {
  const items = leaves(qr.list("item"), []);
  const votes = new Map<InstrumentId, number>();
  const coded = items.map((it) => ({
    it,
    code: loincMeasureCode(linkCode(it.get("linkId").value)),
  }));
  for (const { code } of coded)
    if (code !== undefined) votes.set(code.instrument, (votes.get(code.instrument) ?? 0) + 1);
  const best = [...votes.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (best === undefined) {
    qr.issue(
      "unsupported-resource",
      "no item's linkId is a LOINC code of an instrument iopkit scores: not read",
    );
    return undefined;
  }
  const g = gather(ctx, qr, best, qr.get("subject"), qr.get("authored"));
  let total: number | undefined;
  for (const { it, code } of coded) {
    const answer = it.list("answer")[0];
    if (answer === undefined) continue;
    if (code === undefined || code.instrument !== best) {
      it.get("linkId").issue(
        "not-mapped",
        `an item that is not part of the ${g.def.shortName}: not kept`,
      );
      continue;
    }
    if (code.role === "unscored") {
      it.issue(
        "not-mapped",
        `a question of the ${g.def.shortName} form that is not scored: not kept`,
      );
    } else if (code.role === "item") {
      g.seen.add(code.index);
      const a = answerOf(g.def, code.index, answer);
      if (a !== undefined) g.answers.set(code.index, a);
    } else if (code.role === "total") total = totalOf(g.def, answer) ?? total;
  }
  return finish(ctx, { ...g, senderTotal: total });
}
