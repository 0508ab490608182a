/**
 * What a phase asks of a participant beyond its weekly pattern: the one-to-one sessions that apply
 * to them (S8). Internal to `planSchedule`.
 * @internal
 */
import type { OneToOneRequirement, Phase, SessionTypeId } from "../program/index";
import type { Enrollment } from "./records";

/** One one-to-one a phase asks of a participant: its type, how often, and how long. @internal */
export interface OneToOne {
  readonly type: SessionTypeId;
  /** One in every block of this many ISO weeks. */
  readonly everyWeeks: number;
  readonly minutes: number;
}

/** Who a one-to-one requirement applies to. */
function applies(req: OneToOneRequirement, enrollment: Enrollment, onMedication: boolean): boolean {
  return (
    req.appliesTo === "everyone" ||
    (req.appliesTo === "family-involved" ? enrollment.participant.familyInvolved : onMedication)
  );
}

/**
 * The one-to-ones a phase asks of a participant: the individual session, then the others that
 * apply (family therapy when family is involved, medication management when on medication, …).
 * @internal
 */
export function oneToOnes(
  phase: Phase,
  person: { readonly enrollment: Enrollment; readonly onMedication: boolean },
): OneToOne[] {
  return [
    {
      type: "individual-therapy",
      everyWeeks: phase.individualEveryWeeks,
      minutes: phase.individualMinutes,
    },
    ...phase.oneToOne
      .filter((r) => applies(r, person.enrollment, person.onMedication))
      .map((r) => ({ type: r.sessionType, everyWeeks: r.everyWeeks, minutes: r.durationMinutes })),
  ];
}
