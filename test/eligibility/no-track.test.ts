// When no track of the first phase fits the participant's week, the decision is not an admission
// (an app that admits on admit/admit-with-conditions would enrol someone who cannot attend): the
// outcome is refer-other with the reason no-track-fits. And assessEligibility's options are checked.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  assessEligibility,
  IopError,
  parseParticipant,
  programTemplates,
  type ParticipantInput,
} from "iopkit";
import { person as basePerson } from "../people";

const sud = programTemplates.substanceUseAdult({ timeZone: "America/New_York" });
const asOf = "2026-03-09";
const weekdays = [1, 2, 3, 4, 5] as const;

const person = (unavailable: ParticipantInput["unavailable"]): ParticipantInput =>
  basePerson("p-1", { responsibilities: ["work", "caregiving"], unavailable });
const meetingDays = [...new Set(sud.phases[0]!.pattern.map((e) => e.weekday))];
const decide = (unavailable: ParticipantInput["unavailable"], options = {}) =>
  assessEligibility(parseParticipant(person(unavailable)), sud, { asOf, ...options });

/** Works days and cares for a relative every evening: neither the morning nor the evening track fits. */
const neither = [
  ...weekdays.map((weekday) => ({ weekday, from: "08:00", to: "17:00" })),
  ...weekdays.map((weekday) => ({ weekday, from: "17:30", to: "22:00" })),
];

describe("no track fits the participant's week", () => {
  it("is refer-other at the program's level, with the reason no-track-fits and its evidence", () => {
    const d = decide(neither);
    expect(d.outcome).toBe("refer-other");
    expect(d.computed).toEqual({
      outcome: "refer-other",
      recommendedLevel: "intensive-outpatient",
    });
    expect(d.conditions.map((c) => c.code)).not.toContain("no-track-fits");
    const reason = d.reasons.find((r) => r.code === "no-track-fits");
    expect(reason).toEqual({
      code: "no-track-fits",
      ruleId: "flexible-track",
      message:
        "no track of the first phase avoids the participant's unavailability (2 tracks checked): refer to a program whose hours they can attend, or review their schedule",
      evidence: { unavailable: neither, tracks: ["morning", "evening"] },
    });
  });

  it("one track free is an admission with that track (the boundary: 0 tracks fit → refer-other, 1 → admit)", () => {
    const days = weekdays.map((weekday) => ({ weekday, from: "08:00", to: "17:00" }));
    const d = decide(days);
    expect(d.outcome).toBe("admit-with-conditions");
    expect(d.conditions.map((c) => c.code)).toEqual(["track"]);
    expect(decide([]).outcome).toBe("admit");
  });

  it("ranks after refer-higher and needs-assessment: those outcomes still win", () => {
    const risky = parseParticipant({
      ...person(neither),
      dimensions: { ...person(neither).dimensions, biomedical: 3 },
    });
    expect(assessEligibility(risky, sud, { asOf }).outcome).toBe("refer-higher");
    const unrated = parseParticipant({ ...person(neither), dimensions: { withdrawal: 1 } });
    const d = assessEligibility(unrated, sud, { asOf });
    expect(d.outcome).toBe("needs-assessment");
    expect(d.reasons.map((r) => r.code)).toContain("no-track-fits");
  });

  it("a clinician may still override to admit; the computed outcome stays refer-other", () => {
    const d = decide(neither, {
      override: { outcome: "admit", reason: "weekend arrangement agreed", clinician: "Dr. O" },
    });
    expect(d.outcome).toBe("admit");
    expect(d.computed.outcome).toBe("refer-other");
  });

  it("property: whenever every track clashes, the decision never admits", () => {
    fc.assert(
      // Busy all day on one or more weekdays the first phase meets (every track meets on each).
      fc.property(fc.subarray(meetingDays, { minLength: 1 }), (days) => {
        const d = decide(days.map((weekday) => ({ weekday, from: "06:00", to: "23:00" })));
        expect(d.outcome).toBe("refer-other");
        expect(d.reasons.some((r) => r.code === "no-track-fits")).toBe(true);
      }),
    );
  });
});

describe("assessEligibility checks its options", () => {
  const issuesOf = (options: unknown): unknown => {
    try {
      assessEligibility(parseParticipant(person([])), sud, options as never);
      return "accepted";
    } catch (e) {
      expect(e).toBeInstanceOf(IopError);
      return (e as IopError).issues.map((i) => ({ code: i.code, path: i.path }));
    }
  };

  it.each([["garbage"], ["2026-02-30"], [null], [20260309], ["2026-3-9"]])(
    "asOf %j is refused with invalid-date at asOf",
    (bad) => {
      expect(issuesOf({ asOf: bad })).toEqual([{ code: "invalid-date", path: ["asOf"] }]);
    },
  );

  it("a real date (2026-02-28, and 2028-02-29 in a leap year) and a left-out asOf are accepted", () => {
    expect(issuesOf({ asOf: "2026-02-28" })).toBe("accepted");
    expect(issuesOf({ asOf: "2028-02-29" })).toBe("accepted");
    expect(issuesOf({})).toBe("accepted");
  });

  it("names every bad option at once: asOf, rules and the override", () => {
    const issues = issuesOf({
      asOf: "garbage",
      rules: 3,
      override: { outcome: "admit", reason: " " },
    }) as { code: string; path: (string | number)[] }[];
    expect(issues.slice(0, 2)).toEqual([
      { code: "invalid-date", path: ["asOf"] },
      { code: "invalid-type", path: ["rules"] },
    ]);
    const rest = issues.slice(2).map((i) => i.path.join("."));
    expect(rest).toContain("override.reason");
    expect(rest).toContain("override.clinician");
    expect(rest.every((p) => p.startsWith("override."))).toBe(true);
  });
});
