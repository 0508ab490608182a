// Aftercare reasons are shown to participants and clinicians: each names a public source from the
// registry, rendered as formatCitation renders it, or says "unverified".
import { describe, expect, it } from "vitest";
import {
  dischargeReasons,
  dischargeTypes,
  planAftercare,
  reviewAftercare,
  type AftercarePlan,
  type CheckInOutcome,
} from "iopkit";
import { formatCitation, isSourceId } from "iopkit/sources";
import * as cited from "../../src/aftercare/citations";
import { completed, dischargedAs, person, program, type Ended } from "./fixtures";

const citations = Object.entries(cited).filter(
  (e): e is [string, cited.CitedSource] => typeof e[1] === "object",
);
const texts = citations.map(([, c]) => c.text);
const R = cited.relapseIsNotFailure.text;

/** Someone for whom every profile-based component applies. */
const everything = person({
  responsibilities: ["work", "school"],
  familyInvolved: true,
  living: "unsafe-home",
  dimensions: { withdrawal: 1, recoveryEnvironment: 3 },
  medications: [{ name: "naltrexone", purpose: "addiction" }],
});
const planFor = (episode: Ended): AftercarePlan =>
  planAftercare({ participant: everything, episode, program, from: episode.discharge.on });
const allPlans = (): AftercarePlan[] =>
  dischargeTypes.flatMap((type) =>
    dischargeReasons
      .filter((reason) => (type === "completed") === (reason === "treatment-completed"))
      .map((reason) => planFor(type === "completed" ? completed() : dischargedAs(type, reason))),
  );

describe("the citations aftercare messages render", () => {
  it("each resolves in the registry and its text is exactly formatCitation's rendering", () => {
    expect(citations.length).toBe(13);
    for (const [name, c] of citations) {
      expect(isSourceId(c.citation.source), name).toBe(true);
      expect(c.text, name).toBe(formatCitation(c.citation));
    }
  });
});

describe("aftercare plan reasons cite public sources", () => {
  it("no reason of any plan names an internal note", () => {
    for (const p of allPlans())
      for (const m of [p.summary.message, ...p.components.map((c) => c.reason.message)])
        expect(m).not.toMatch(/seed|DOMAIN|DESIGN/);
  });

  it("every component's reason names a registry source or says unverified", () => {
    const bare = allPlans().flatMap((p) =>
      p.components
        .filter((c) => !texts.some((t) => c.reason.message.includes(t)))
        .filter((c) => !c.reason.message.includes("unverified"))
        .map((c) => `${p.situation}/${c.kind}: ${c.reason.message}`),
    );
    expect(bare).toEqual([]);
  });

  it("names the source of each component by kind", () => {
    const p = planFor(completed());
    const message = (kind: string): string =>
      p.components.find((c) => c.kind === kind)?.reason.message ?? "";
    expect(message("continuing-care")).toContain("(SAMHSA TIP 47 (2006): continuing care)");
    expect(message("mutual-support")).toContain(
      "(SAMHSA Advisory on IOP (2021): encourage attendance at mutual-support groups)",
    );
    expect(message("vocational")).toContain(
      "(SAMHSA Advisory on IOP (2021): vocational rehabilitation)",
    );
    expect(message("educational")).toContain(
      "(unverified: common practice, no public source found)",
    );
    expect(message("family-therapy")).toContain(
      "(SAMHSA Advisory on IOP (2021): family involvement; the interval is unverified)",
    );
    expect(message("alumni")).toContain("unverified: alumni services are common practice");
    expect(message("sober-living")).toContain(
      "the recovery environment is rated 3 (ASAM Criteria, 3rd ed. (2013), dimension 6)",
    );
    expect(message("medication-continuity")).toContain(
      "(SAMHSA Advisory on IOP (2021): medication-assisted treatment; the follow-up interval is unverified)",
    );
    expect(message("relapse-prevention")).toContain("(SAMHSA TIP 47 (2006): relapse prevention)");
    expect(message("monitoring")).toContain(
      "(unverified: the cadence is the program's aftercarePolicy, common practice)",
    );
    expect(p.summary.message).toContain(
      "(SAMHSA TIP 47 (2006): continuing care; SAMHSA Advisory on IOP (2021): mutual support)",
    );
  });

  it("says relapse is not failure with NIDA's public text when treatment ended early or contact was lost", () => {
    const left = planFor(dischargedAs("not-completed", "client-decision"));
    expect(left.summary.message).toContain(`relapse is not failure (${R}).`);
    const lost = planFor(dischargedAs("not-completed", "lost-to-contact"));
    expect(lost.summary.message).toContain(`not a closed file (${R}: relapse calls for resuming`);
    const outreach = lost.components.find((c) => c.kind === "re-engagement-outreach");
    expect(outreach?.reason.message).toContain(
      `(Colorado BHA FHIR IG (2025), end-of-treatment reason: stopped coming and contact failed; ${R}: relapse is not failure; the days are unverified)`,
    );
  });

  it("a warm hand-off cites the discharge type and the Part 2 consent section", () => {
    const lower = planFor(dischargedAs("transferred-lower", "clinical-need"));
    const handoff = lower.components.find((c) => c.kind === "warm-handoff");
    expect(handoff?.reason.message).toContain(
      "(Colorado BHA FHIR IG (2025), discharge type: transferred; 42 CFR Part 2 (2024), § 2.31: consent applies; the hand-off practice is unverified)",
    );
  });
});

describe("aftercare review reasons cite public sources", () => {
  const plan = planAftercare({
    participant: person(),
    episode: completed(),
    program,
    from: "2026-06-01",
  });
  it("a lapse and repeated lapses cite NIDA (relapse is not failure) and the SAMHSA Advisory", () => {
    const outcomes: CheckInOutcome[] = [
      { formatVersion: 2, due: "2026-06-08", status: "completed", lapse: true },
      { formatVersion: 2, due: "2026-06-22", status: "completed", lapse: true },
    ];
    const r = reviewAftercare(plan, { program, outcomes, asOf: "2026-06-23" });
    const byCode = Object.fromEntries(r.recommendations.map((x) => [x.code, x.reason.message]));
    expect(byCode["earlier-check-in"]).toContain(
      `(${R}: relapse calls for more support, not a closed file; the days are unverified)`,
    );
    expect(byCode["review-relapse-prevention-plan"]).toContain(
      "(SAMHSA TIP 47 (2006): relapse prevention)",
    );
    expect(byCode["reassess-for-iop"]).toContain(
      `(${R}; SAMHSA Advisory on IOP (2021): IOP as step-up treatment from outpatient care; the thresholds are unverified)`,
    );
    for (const x of r.recommendations) expect(x.reason.message).not.toMatch(/seed|DOMAIN/);
  });
});
