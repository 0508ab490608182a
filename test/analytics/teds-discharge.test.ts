// tedsDischarge: the TEDS-D codebook's codes (REASON 1–7, LOS 1–37, SERVICES 1–8, DAYWAIT
// 0–4, FREQ1, EMPLOY, LIVARAG, FREQ_ATND_SELF_HELP, PSOURCE), iopkit's mapping of its discharge
// types and reasons to REASON, and fields iopkit cannot know reported missing (-9).
import { describe, expect, it } from "vitest";
import {
  dischargeReasons,
  dischargeTypes,
  type DischargeReason,
  type DischargeType,
  type IopError,
  type IsoDate,
} from "iopkit";
import {
  TEDS_MISSING,
  TEDS_REASONS,
  parseTedsProfile,
  tedsDaysWaitingCode,
  tedsDischarge,
  tedsReasonOf,
} from "iopkit/analytics";
import { episode, program, seat } from "./fixtures";

describe("the discharge → REASON mapping", () => {
  // Every combination the episode log allows (a completed discharge has reason treatment-completed).
  const expected = (type: string, reason: string): number => {
    if (reason === "died") return 6;
    if (reason === "incarcerated") return 5;
    if (type === "completed") return 1;
    if (type === "transferred-higher" || type === "transferred-lower") return 4;
    if (["client-decision", "against-clinical-advice", "lost-to-contact"].includes(reason))
      return 2;
    if (["attendance", "lack-of-progress", "administrative"].includes(reason)) return 3;
    return 7;
  };
  const combos = dischargeTypes.flatMap((type) =>
    dischargeReasons
      .filter((reason) => (type === "completed") === (reason === "treatment-completed"))
      .map((reason) => [type, reason] as const),
  );
  it.each(combos)("%s / %s", (type, reason) => {
    expect(tedsReasonOf(type, reason)).toBe(expected(type, reason));
  });

  it("a state's rule put first overrides it", () => {
    const rules = [
      { reasons: ["attendance" as const], code: 2 as const, note: "our state: stopped coming" },
    ];
    expect(tedsReasonOf("not-completed", "attendance", rules)).toBe(2);
    expect(tedsReasonOf("not-completed", "moved", rules)).toBe(7); // no rule matches: Other
  });
});

describe("DAYWAIT bins", () => {
  it.each([
    [-1, TEDS_MISSING],
    [0, 0],
    [1, 1],
    [7, 1],
    [8, 2],
    [14, 2],
    [15, 3],
    [30, 3],
    [31, 4],
  ])("%i days waiting is code %i", (days, code) => {
    expect(tedsDaysWaitingCode(days)).toBe(code);
  });
});

describe("tedsDischarge", () => {
  const completer = episode({
    participantId: "p-1",
    episodeId: "ep-1",
    referred: "2026-02-20",
    start: "2026-03-02",
    stepDowns: ["2026-03-30", "2026-04-27"], // the last phase (transition) is outpatient
    discharge: { on: "2026-05-25", type: "completed", reason: "treatment-completed" },
  });
  const dropout = episode({
    participantId: "p-2",
    episodeId: "ep-2",
    referred: "2026-03-01",
    start: "2026-03-02",
    discharge: { on: "2026-03-30", type: "not-completed", reason: "lost-to-contact" },
  });
  const open = episode({ participantId: "p-3", referred: "2026-03-01", start: "2026-03-02" });
  const attendance = [seat("p-1", "2026-05-21", "present"), seat("p-2", "2026-03-12", "present")];
  const profiles = [
    {
      episodeKey: "ep-1",
      referralSource: "court-criminal-justice" as const,
      admission: { frequencyOfUse: "daily-use" as const, employment: "unemployed" as const },
      discharge: {
        frequencyOfUse: "no-use" as const,
        employment: "part-time" as const,
        livingArrangement: "independent-living" as const,
        selfHelpAttendance: "4-7-times" as const,
      },
    },
    { episodeKey: "ep-9" }, // no such episode
  ];

  it("fills what iopkit knows and the profile says; the rest is -9 and listed missing", () => {
    const r = tedsDischarge(
      { episodes: [completer, dropout, open], attendance, profiles },
      { program },
    );
    expect(r.records.map((x) => x.episodeKey)).toEqual(["ep-1", "ep-2"]);
    const [one, two] = r.records;
    expect(one).toMatchObject({
      admittedOn: "2026-03-02",
      dischargedOn: "2026-05-25",
      lastContactOn: "2026-05-21",
      losDays: 81, // 05-21 − 03-02 + 1
      daysWaiting: 10,
    });
    expect(one?.fields).toEqual({
      REASON: 1,
      LOS: 33,
      SERVICES: 6, // admitted to intensive outpatient
      SERVICES_D: 7, // discharged from the outpatient transition phase
      DAYWAIT: 2,
      PSOURCE: 7,
      FREQ1: 3,
      FREQ1_D: 1,
      EMPLOY: 3,
      EMPLOY_D: 2,
      LIVARAG: TEDS_MISSING,
      LIVARAG_D: 3,
      FREQ_ATND_SELF_HELP: TEDS_MISSING,
      FREQ_ATND_SELF_HELP_D: 3,
    });
    expect(one?.missing).toEqual(["LIVARAG", "FREQ_ATND_SELF_HELP"]);
    expect(two?.fields).toMatchObject({
      REASON: 2,
      LOS: 11,
      SERVICES: 6,
      SERVICES_D: 6,
      DAYWAIT: 1,
    });
    expect(two?.missing).toEqual([
      "PSOURCE",
      "FREQ1",
      "FREQ1_D",
      "EMPLOY",
      "EMPLOY_D",
      "LIVARAG",
      "LIVARAG_D",
      "FREQ_ATND_SELF_HELP",
      "FREQ_ATND_SELF_HELP_D",
    ]);
    expect(r.completionRate).toBe(0.5);
    expect(r.positiveConclusionRate).toBe(0.5);
    expect(r.missingCounts.LIVARAG).toBe(2);
    expect(r.excluded).toEqual({ "not-discharged": 1, "profile-without-episode": 1 });
  });

  it("a level without a certain TEDS code is missing until the app maps it", () => {
    const php = {
      ...program,
      phases: program.phases.map((p) => ({
        ...p,
        levelOfCare: "partial-hospitalization" as const,
      })),
    };
    const r = tedsDischarge({ episodes: [dropout] }, { program: php });
    expect(r.records[0]?.fields.SERVICES).toBe(TEDS_MISSING);
    const mapped = tedsDischarge(
      { episodes: [dropout] },
      { program: php, serviceSettings: { "partial-hospitalization": 6 } },
    );
    expect(mapped.records[0]?.fields.SERVICES).toBe(6);
  });

  it("two profiles for one episode: one is kept, the other counted", () => {
    const r = tedsDischarge(
      {
        episodes: [dropout],
        profiles: [{ episodeKey: "ep-2" }, { episodeKey: "ep-2", referralSource: "individual" }],
      },
      { program },
    );
    expect(r.excluded).toEqual({ "duplicate-profile": 1 });
  });

  it("parseTedsProfile names every bad field", () => {
    try {
      parseTedsProfile({ episodeKey: "", admission: { employment: "retired" }, extra: 1 });
      expect.unreachable();
    } catch (e) {
      expect((e as IopError).issues.map((i) => [i.code, i.path])).toEqual([
        ["too-small", ["episodeKey"]],
        ["invalid-value", ["admission", "employment"]],
        ["unrecognized-keys", ["extra"]],
      ]);
    }
  });

  // SAMHSA's TEDS-D reports: completion = REASON 1; a "positive conclusion" = completed (1) or
  // transferred to further treatment (4), each over all discharges.
  const ended = (id: string, on: IsoDate, type: DischargeType, reason: DischargeReason) =>
    episode({
      participantId: `p-${id}`,
      episodeId: `ep-${id}`,
      referred: "2026-03-01",
      start: "2026-03-02",
      // A completion is from the last phase.
      ...(type === "completed" ? { stepDowns: ["2026-03-16", "2026-03-30"] } : {}),
      discharge: { on, type, reason },
    });
  const four = [
    ended("a", "2026-04-06", "completed", "treatment-completed"),
    ended("b", "2026-04-07", "transferred-higher", "clinical-need"),
    ended("c", "2026-04-08", "not-completed", "lost-to-contact"),
    ended("d", "2026-04-09", "not-completed", "died"),
  ];

  it("counts each REASON, and rates completion and positive conclusion over all discharges", () => {
    const r = tedsDischarge({ episodes: four }, { program });
    expect(r.byReason.map((b) => [b.code, b.count])).toEqual([
      [1, 1],
      [2, 1],
      [3, 0],
      [4, 1],
      [5, 0],
      [6, 1],
      [7, 0],
    ]);
    expect(r.byReason.map((b) => b.label)).toEqual(
      [1, 2, 3, 4, 5, 6, 7].map((c) => TEDS_REASONS[c as 1]),
    );
    expect(r.completionRate).toBe(0.25);
    expect(r.positiveConclusionRate).toBe(0.5);
    const none = tedsDischarge({ episodes: [] }, { program });
    expect([none.completionRate, none.positiveConclusionRate]).toEqual([null, null]);
  });

  it("keeps discharges dated from dischargedFrom to dischargedTo, both days included", () => {
    const r = tedsDischarge(
      { episodes: four },
      { program, dischargedFrom: "2026-04-07", dischargedTo: "2026-04-08" },
    );
    expect(r.records.map((x) => x.episodeKey)).toEqual(["ep-b", "ep-c"]);
    expect(r.excluded).toEqual({ "outside-window": 2 });
  });

  it("keeps the same one of two profiles for an episode whichever comes first, and lists exclusions by name", () => {
    const plain = { episodeKey: "ep-a" };
    const court = { episodeKey: "ep-a", referralSource: "court-criminal-justice" as const };
    const [x, y] = [
      [plain, court],
      [court, plain],
    ].map((profiles) =>
      tedsDischarge(
        { episodes: [...four, open], profiles: [...profiles, { episodeKey: "zz" }] },
        { program },
      ),
    );
    expect(x?.records[0]?.fields.PSOURCE).toBe(y?.records[0]?.fields.PSOURCE);
    expect(x?.excluded).toEqual({
      "duplicate-profile": 1,
      "not-discharged": 1,
      "profile-without-episode": 1,
    });
    expect(Object.keys(x?.excluded ?? {})).toEqual([
      "duplicate-profile",
      "not-discharged",
      "profile-without-episode",
    ]);
    const merged = tedsDischarge.finish(
      tedsDischarge.merge(
        tedsDischarge.partial({ episodes: four, profiles: [court] }, { program }),
        tedsDischarge.partial({ episodes: four, profiles: [plain] }, { program }),
      ),
    );
    expect(merged.excluded).toEqual({ "duplicate-episode": 4, "duplicate-profile": 1 });
    expect(merged.records[0]?.fields.PSOURCE).toBe(x?.records[0]?.fields.PSOURCE);
  });

  it("a received partial naming a phase the program lacks, or profiles out of order, is refused", () => {
    const good = JSON.parse(
      JSON.stringify(
        tedsDischarge.partial(
          { episodes: four, profiles: [{ episodeKey: "b" }, { episodeKey: "a" }] },
          { program },
        ),
      ),
    ) as { state: { episodes: unknown[][]; profiles: unknown[] } };
    good.state.profiles.reverse();
    const first = good.state.episodes[0];
    if (first !== undefined) first[8] = 3;
    const second = good.state.episodes[1];
    if (second !== undefined) second[7] = -2;
    let error: unknown;
    try {
      tedsDischarge.parsePartial(good);
    } catch (e) {
      error = e;
    }
    expect((error as IopError).issues).toEqual([
      {
        code: "unsorted-keys",
        path: ["state", "profiles"],
        message: "the keys must ascend, each once (as a partial lists them)",
      },
      {
        code: "unknown-phase",
        path: ["state", "episodes", 0],
        message: "a phase index beyond the program's phases",
      },
      {
        code: "unknown-phase",
        path: ["state", "episodes", 1],
        message: "a phase index beyond the program's phases",
      },
    ]);
    expect(String((error as IopError).message)).toMatch(/^tedsDischarge\.parsePartial: 3 problems/);
  });

  it("names the function in the errors of its options and its profiles", () => {
    expect(() =>
      tedsDischarge(
        { episodes: [] },
        {
          program,
          dischargedFrom: "2026-05-01",
          dischargedTo: "2026-04-01",
        },
      ),
    ).toThrow(/^tedsDischarge: /);
    expect(() => parseTedsProfile({ episodeKey: "" })).toThrow(/^parseTedsProfile: /);
  });
});

describe("tedsDischarge, edges", () => {
  const ended = (id: string, on: IsoDate, reason: DischargeReason = "lost-to-contact") =>
    episode({
      participantId: `p-${id}`,
      episodeId: `ep-${id}`,
      referred: "2026-03-01",
      start: "2026-03-02",
      discharge: { on, type: "not-completed", reason },
    });

  it("counts a REASON as often as it occurs", () => {
    const r = tedsDischarge(
      { episodes: [ended("a", "2026-04-06"), ended("b", "2026-04-07"), ended("c", "2026-04-08")] },
      { program },
    );
    expect(r.byReason.find((b) => b.code === 2)?.count).toBe(3);
  });

  it("keeps the first of two profiles in content order, and one record of an episode read twice", () => {
    const plain = { episodeKey: "ep-a" };
    const court = { episodeKey: "ep-a", referralSource: "court-criminal-justice" as const };
    // {"episodeKey":"ep-a","referralSource":…} sorts before {"episodeKey":"ep-a"} (',' < '}').
    const courtCode = tedsDischarge(
      { episodes: [ended("a", "2026-04-06")], profiles: [court] },
      { program },
    ).records[0]?.fields.PSOURCE;
    expect(courtCode).not.toBe(TEDS_MISSING);
    for (const order of [
      [plain, court],
      [court, plain],
    ]) {
      const r = tedsDischarge(
        { episodes: [ended("a", "2026-04-06"), ended("a", "2026-04-06")], profiles: order },
        { program },
      );
      expect(r.records.map((x) => [x.episodeKey, x.fields.PSOURCE])).toEqual([["ep-a", courtCode]]);
      expect(r.excluded).toEqual({ "duplicate-episode": 1, "duplicate-profile": 1 });
    }
  });

  it("reports the service setting of a phase the program lacks as missing, and skips a log without its referral", () => {
    const log = ended("x", "2026-04-06");
    const elsewhere = [
      ...log.slice(0, -1),
      { formatVersion: 2, kind: "stepped-down", on: "2026-03-20", toPhaseId: "elsewhere" },
      ...log.slice(-1),
    ] as typeof log;
    const r = tedsDischarge({ episodes: [elsewhere, log.slice(1)] }, { program });
    expect(r.records[0]?.fields).toMatchObject({ SERVICES: 6, SERVICES_D: TEDS_MISSING });
    expect(r.records[0]?.missing).toContain("SERVICES_D");
    expect(r.excluded).toEqual({ "no-referral": 1 });
  });

  it("refuses a discharge window that ends before it starts, at dischargedTo", () => {
    try {
      tedsDischarge({}, { program, dischargedFrom: "2026-04-10", dischargedTo: "2026-04-01" });
      expect.unreachable();
    } catch (e) {
      expect((e as IopError).issues.map((i) => [i.code, i.path])).toEqual([
        ["window-ends-before-start", ["dischargedTo"]],
      ]);
    }
  });

  it("takes phase indexes from -1 (unknown) to the program's last, at admission and at discharge", () => {
    const p = JSON.parse(
      JSON.stringify(tedsDischarge.partial({ episodes: [ended("a", "2026-04-06")] }, { program })),
    ) as { state: { episodes: unknown[][] } };
    const last = program.phases.length - 1;
    const check = (admission: number, discharge: number) => {
      const e = p.state.episodes[0];
      if (e === undefined) throw new Error("no episode");
      e[7] = admission;
      e[8] = discharge;
      try {
        tedsDischarge.parsePartial(p);
        return "ok";
      } catch (error) {
        return (error as IopError).issues.map((i) => i.code).join();
      }
    };
    expect([check(-1, -1), check(last, last)]).toEqual(["ok", "ok"]);
    expect([check(-2, 0), check(0, -2), check(last + 1, 0), check(0, last + 1)]).toEqual([
      "unknown-phase",
      "unknown-phase",
      "unknown-phase",
      "unknown-phase",
    ]);
  });
});
