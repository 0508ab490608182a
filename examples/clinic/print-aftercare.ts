/** Text for an aftercare plan and a review: what examples/aftercare.ts (and the demo) print. */
import { match } from "ts-pattern";
import type { AftercareComponent, AftercarePlan, AftercareReview } from "iopkit";

/** One line describing a component's own fields. */
function fields(c: AftercareComponent): string {
  return match(c)
    .with(
      { kind: "continuing-care" },
      (x) => `${x.level}, ${x.sessionsPerWeek}/week, first session by ${x.startBy}`,
    )
    .with(
      { kind: "mutual-support" },
      (x) => `${x.meetingsPerWeek} meetings/week (${x.groups.join(", ")}), ${x.tracking}`,
    )
    .with({ kind: "sober-living" }, (x) => x.action)
    .with({ kind: "vocational" }, { kind: "educational" }, () => "referral")
    .with({ kind: "family-therapy" }, (x) => `every ${x.everyWeeks} weeks`)
    .with(
      { kind: "medication-continuity" },
      (x) =>
        `${x.medications.map((m) => m.name).join(", ")}; first follow-up by ${x.firstFollowUp}`,
    )
    .with({ kind: "alumni" }, (x) => `${x.meetingsPerMonth} meeting(s)/month`)
    .with(
      { kind: "re-engagement-outreach" },
      (x) => `attempts on ${x.attempts.map((a) => a.due).join(", ")}`,
    )
    .with({ kind: "warm-handoff" }, (x) => `${x.to}${x.level ? ` (${x.level})` : ""} by ${x.by}`)
    .with(
      { kind: "relapse-prevention" },
      (x) =>
        `${x.plan.triggers.length} trigger(s), ${x.plan.contacts.length} contact(s), ${x.plan.afterALapse.length} step(s) after a lapse`,
    )
    .with({ kind: "monitoring" }, (x) => `${x.checkIns.length} check-ins`)
    .with(
      { kind: "crisis-support" },
      (x) => `${x.crisisLine.name} (${x.crisisLine.contact}); safety plan by ${x.safetyPlanBy}`,
    )
    .with(
      { kind: "overdose-prevention" },
      (x) => `naloxone and education${x.required ? ", required" : ""}`,
    )
    .exhaustive();
}

/** The whole plan: situation, every component with its reason, and the dated check-ins. */
export function formatAftercarePlan(plan: AftercarePlan): string {
  const lines = [
    `Aftercare plan for ${plan.participantId} from ${plan.from} (${plan.timeZone})`,
    `Discharge: ${plan.discharge.type}, ${plan.discharge.reason}, on ${plan.discharge.on} → ${plan.situation}`,
    `  ${plan.summary.message}`,
  ];
  for (const c of plan.components) {
    lines.push(`- ${c.kind}: ${fields(c)}`, `    why: ${c.reason.message}`);
    if (c.kind === "monitoring")
      for (const x of c.checkIns)
        lines.push(
          `    check-in day ${String(x.day).padStart(3)}  ${x.due}${x.movedFrom === undefined ? "" : `  (moved from ${x.movedFrom})`}`,
        );
    if (c.kind === "relapse-prevention") {
      for (const t of c.plan.triggers) lines.push(`    trigger: ${t.text} [${t.source}]`);
      for (const t of c.plan.contacts)
        lines.push(`    contact: ${t.role}${t.name === undefined ? "" : ` (${t.name})`}`);
      for (const t of c.plan.afterALapse) lines.push(`    after a lapse: ${t.text}`);
    }
  }
  if (plan.components.length === 0) lines.push("- (no components)");
  return lines.join("\n");
}

/** A review: each contact so far, the next contact and the recommendations with their reasons. */
export function formatAftercareReview(review: AftercareReview): string {
  const lapse = (yes: boolean | undefined): string => (yes === true ? ", lapse reported" : "");
  const past = [
    ...review.contacts
      .filter((c) => c.status !== "upcoming")
      .map((c) => ({
        date: c.due,
        text: `${c.kind.padEnd(16)} ${c.status}${c.on !== undefined && c.on !== c.due ? ` on ${c.on}` : ""}${lapse(c.lapse)}`,
      })),
    ...review.unscheduled.map((o) => ({
      date: o.on ?? o.due,
      text: `${"unscheduled".padEnd(16)} ${o.status}${lapse(o.lapse)}`,
    })),
  ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const lines = [`Review on ${review.asOf}`, ...past.map((x) => `  ${x.date}  ${x.text}`)];
  lines.push(
    `Next contact: ${review.nextContact === null ? "none" : `${review.nextContact.due}${review.nextContact.planned ? "" : " (earlier than planned)"}`}`,
  );
  if (review.recommendations.length === 0) lines.push("Recommendations: none");
  for (const r of review.recommendations)
    lines.push(`→ ${r.due}  ${r.code}`, `    why: ${r.reason.message}`);
  return lines.join("\n");
}
