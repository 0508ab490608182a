/** Program → PlanDefinition (the template: phases as actions, weekly sessions as sub-actions). @internal */
import type {
  PlanDefinition,
  PlanDefinitionAction,
  Quantity,
  TimingRepeat,
} from "@medplum/fhirtypes";
import { sessionTypes, type Phase, type SessionTypeId } from "../../program/index";
import { levelOfCareConcept, sessionTypeConcept } from "./codings";
import { opt, type Draft, type FhirContext } from "./context";
import { hl7 } from "./fhir-urls";

const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

/** A UCUM quantity: weeks (`wk`) or years (`a`). */
const ucum = (value: number, code: "wk" | "a"): Quantity => ({
  value,
  unit: code,
  system: hl7.ucum,
  code,
});

/** A sub-action: one kind of session on a weekly (or every-N-weeks) rhythm. */
function sessionAction(
  type: SessionTypeId,
  repeat: TimingRepeat,
  title: string,
  description?: string,
): PlanDefinitionAction {
  return {
    title,
    ...opt("description", description),
    code: [sessionTypeConcept(type)],
    timingTiming: { repeat },
  };
}

function exitText(phase: Phase): string {
  const c = phase.exitCriteria;
  const parts = [
    `at least ${c.minWeeks} week${c.minWeeks === 1 ? "" : "s"} in the phase`,
    `attendance rate at least ${Math.round(c.minAttendanceRate * 100)}%`,
  ];
  if (c.negativeTestsInARow > 0) parts.push(`${c.negativeTestsInARow} negative tests in a row`);
  if (c.requiresClinicianSignOff) parts.push("a clinician's sign-off");
  return `Leave the phase after ${parts.join(", ")}.`;
}

function phaseAction(
  ctx: FhirContext,
  phase: Phase,
  previous: Phase | undefined,
): PlanDefinitionAction {
  const p = ctx.program;
  const sub: PlanDefinitionAction[] = phase.pattern.map((e) =>
    sessionAction(
      e.sessionType,
      {
        frequency: 1,
        period: 1,
        periodUnit: "wk",
        dayOfWeek: [DAYS[e.weekday - 1] ?? "mon"],
        timeOfDay: [`${e.start}:00`],
        duration: e.durationMinutes,
        durationUnit: "min",
      },
      sessionTypes[e.sessionType].name + (e.topic === undefined ? "" : `: ${e.topic}`),
      e.track === undefined ? undefined : `${e.track} track`,
    ),
  );
  const everyWeeks = (n: number) =>
    ({ frequency: 1, period: n, periodUnit: "wk" }) satisfies TimingRepeat;
  sub.push(
    sessionAction(
      "individual-therapy",
      {
        ...everyWeeks(phase.individualEveryWeeks),
        duration: phase.individualMinutes,
        durationUnit: "min",
      },
      sessionTypes["individual-therapy"].name,
    ),
  );
  for (const o of phase.oneToOne)
    sub.push(
      sessionAction(
        o.sessionType,
        { ...everyWeeks(o.everyWeeks), duration: o.durationMinutes, durationUnit: "min" },
        sessionTypes[o.sessionType].name,
        o.appliesTo === "everyone"
          ? undefined
          : o.appliesTo === "family-involved"
            ? "for participants whose family is involved"
            : "for participants on medication",
      ),
    );
  const tests = phase.drugTestsPerWeek;
  if (tests.max > 0)
    sub.push(
      sessionAction(
        "drug-test",
        tests.min > 0
          ? { frequency: tests.min, frequencyMax: tests.max, period: 1, periodUnit: "wk" }
          : { frequencyMax: tests.max, period: 1, periodUnit: "wk" },
        sessionTypes["drug-test"].name,
        `${tests.min}–${tests.max} a week, on random days`,
      ),
    );
  return {
    id: phase.id,
    title: phase.name,
    description: `${phase.hoursPerWeek.min}–${phase.hoursPerWeek.max} clinical hours a week for ${phase.weeks.min}–${phase.weeks.max} weeks. ${exitText(phase)}`,
    code: [levelOfCareConcept(phase.levelOfCare ?? p.levelOfCare, p)],
    timingRange: { low: ucum(phase.weeks.min, "wk"), high: ucum(phase.weeks.max, "wk") },
    ...(previous === undefined
      ? {}
      : { relatedAction: [{ actionId: previous.id, relationship: "after-end" as const }] }),
    action: sub,
  };
}

/** The program as a PlanDefinition. */
export function planDefinitionDraft(ctx: FhirContext): Draft {
  const p = ctx.program;
  const adult = p.population === "adult";
  const resource: PlanDefinition = {
    resourceType: "PlanDefinition",
    identifier: [ctx.identifier("program", p.id)],
    title: p.name,
    type: { coding: [{ system: hl7.planDefinitionType, code: "clinical-protocol" }] },
    status: "active",
    ...opt("description", p.description),
    useContext: [
      {
        code: { system: hl7.usageContextType, code: "age" },
        valueRange: adult ? { low: ucum(18, "a") } : { low: ucum(12, "a"), high: ucum(17, "a") },
      },
    ],
    topic: [levelOfCareConcept(p.levelOfCare, p)],
    action: p.phases.map((phase, i) => phaseAction(ctx, phase, p.phases[i - 1])),
  };
  return { resource, kind: "program", value: p.id, sud: false, sortKey: p.id };
}
