import { describe, expect, it } from "vitest";
import {
  IopError,
  parseSchedule,
  programTemplates,
  replayEpisodeOrThrow,
  type EpisodeEvent,
} from "iopkit";
import { medicareCertification, medicareIopMinimumHours } from "iopkit/capacity";
import { admittedLog } from "../episode/admitted-log";
import { issuesOf } from "./fixtures";

const program = programTemplates.substanceUseAdult({ timeZone: "America/New_York" });
// Admitted Friday 2026-03-06 (the admission week is partial), first phase from Monday the 9th.
const log = admittedLog(program, "p-1");
const state = replayEpisodeOrThrow(log, program);

const session = (id: string, date: string, from: string, to: string, type = "group-therapy") => ({
  id,
  sessionType: type,
  start: `${date}T${from}:00.000-04:00`,
  end: `${date}T${to}:00.000-04:00`,
  participantIds: ["p-1"],
  staffIds: [],
});
// Week 11: 3 × 3 h = 9 h. Week 12: 3 h + 3 h + 2 h 59 min = 8.98 h. Week 13: 9 h and a drug
// test (not clinical time). Week 14: 10 h. Another participant's sessions do not count.
const schedule = parseSchedule({
  window: { from: "2026-03-02", weeks: 5 },
  sessions: [
    session("a", "2026-03-09", "09:00", "12:00"),
    session("b", "2026-03-11", "09:00", "12:00"),
    session("c", "2026-03-13", "09:00", "12:00"),
    session("d", "2026-03-16", "09:00", "12:00"),
    session("e", "2026-03-18", "09:00", "12:00"),
    session("f", "2026-03-20", "09:00", "11:59"),
    { ...session("x", "2026-03-20", "13:00", "16:00"), participantIds: ["p-2"] },
    session("g", "2026-03-23", "09:00", "12:00"),
    session("h", "2026-03-25", "09:00", "12:00"),
    session("i", "2026-03-27", "09:00", "12:00"),
    session("t", "2026-03-27", "12:00", "12:15", "drug-test"),
    session("j", "2026-03-30", "09:00", "13:00"),
    session("k", "2026-04-01", "09:00", "12:00"),
    session("l", "2026-04-03", "09:00", "12:00"),
  ],
});

/** A discharge event ("not-completed", moved) on `on`. */
const discharge = (on: string): EpisodeEvent => ({
  formatVersion: 2,
  kind: "discharged",
  on,
  type: "not-completed",
  reason: "moved",
});

describe("medicareCertification", () => {
  it("the certified minimum is 9 h a week (42 CFR 424.24(d)): 9 h passes, 8.98 h is below", () => {
    expect(medicareIopMinimumHours).toBe(9);
    const cert = medicareCertification(state, { program, asOf: "2026-04-06", schedule });
    expect(cert.weeksBelowMinimum).toEqual([{ isoWeek: "2026-W12", hours: 8.98 }]);
    expect(cert.minimumHoursPerWeek).toBe(9);
  });

  it("recertification every 60 days from admission: due on day 60, overdue on day 61", () => {
    const on = (asOf: string) => medicareCertification(state, { program, asOf }).recertification;
    expect(on("2026-05-05")).toEqual({
      due: "2026-05-05",
      since: "2026-03-06",
      daysLeft: 0,
      overdue: false,
    });
    expect(on("2026-05-06")).toMatchObject({ daysLeft: -1, overdue: true });
    expect(medicareCertification(state, { program, asOf: "2026-03-06" }).certifiedOn).toBe(
      "2026-03-06",
    );
  });

  it("the interval is configurable, and restarts at the latest recertified event", () => {
    expect(
      medicareCertification(state, { program, asOf: "2026-03-20", recertificationDays: 30 })
        .recertification?.due,
    ).toBe("2026-04-05");
    const recertified: EpisodeEvent[] = [
      ...log,
      { formatVersion: 2, kind: "recertified", on: "2026-04-20" },
    ];
    expect(
      medicareCertification(replayEpisodeOrThrow(recertified, program), {
        program,
        asOf: "2026-04-21",
      }).recertification,
    ).toMatchObject({ since: "2026-04-20", due: "2026-06-19" });
  });

  it("the plan-of-care review is due every treatmentPlanReviewDays (30) from admission or the last review", () => {
    expect(
      medicareCertification(state, { program, asOf: "2026-03-20" }).planOfCareReview,
    ).toMatchObject({ since: "2026-03-06", due: "2026-04-05" });
  });

  it("weeks after discharge are not judged", () => {
    const discharged = replayEpisodeOrThrow([...log, discharge("2026-03-18")], program);
    const cert = medicareCertification(discharged, { program, asOf: "2026-04-06", schedule });
    expect(cert.weeksBelowMinimum).toEqual([]);
    expect(cert.recertification).toBeNull();
    expect(cert.certifiedOn).toBe("2026-03-06");
  });

  it("in aftercare, weeks after the discharge are not judged either", () => {
    const inAftercare = replayEpisodeOrThrow(
      [
        ...log,
        discharge("2026-03-18"),
        { formatVersion: 2, kind: "aftercare-started", on: "2026-03-18" },
      ],
      program,
    );
    expect(inAftercare.status).toBe("aftercare");
    // Week 11 (9 h) is judged; week 12 (8.98 h) ends after the discharge on the 18th.
    const cert = medicareCertification(inAftercare, { program, asOf: "2026-04-06", schedule });
    expect(cert.weeksBelowMinimum).toEqual([]);
    expect(cert.certifiedOn).toBe("2026-03-06");
  });

  it("discharged before admission: nothing certified, no week judged", () => {
    const notAdmitted = replayEpisodeOrThrow(
      [...log.slice(0, 2), discharge("2026-03-05")],
      program,
    );
    expect(
      medicareCertification(notAdmitted, { program, asOf: "2026-04-06", schedule }),
    ).toMatchObject({ certifiedOn: null, weeksBelowMinimum: [] });
    // A state built by hand in JavaScript may spell the missing treatment out as undefined.
    const spelledOut = { ...notAdmitted, treatment: undefined } as unknown as typeof notAdmitted;
    expect(
      medicareCertification(spelledOut, { program, asOf: "2026-04-06", schedule }).certifiedOn,
    ).toBeNull();
  });

  it("a session whose start or end cannot be read adds no time to its week", () => {
    // Sessions from a caller's own store (not parsed): week 11's only session has an end that is
    // not an instant, week 12's a start that is not one; both weeks then have 0 h.
    const unread = {
      window: { from: "2026-03-09", weeks: 2 },
      sessions: [
        { ...session("a", "2026-03-09", "09:00", "12:00"), end: "noon" },
        { ...session("d", "2026-03-16", "09:00", "12:00"), start: "morning" },
      ],
    } as unknown as NonNullable<Parameters<typeof medicareCertification>[1]["schedule"]>;
    expect(
      medicareCertification(state, { program, asOf: "2026-04-06", schedule: unread })
        .weeksBelowMinimum,
    ).toEqual([
      { isoWeek: "2026-W11", hours: 0 },
      { isoWeek: "2026-W12", hours: 0 },
    ]);
  });

  it("an error names medicareCertification, also for a state that throws when read", () => {
    expect(() => medicareCertification(state, { program, asOf: "March" })).toThrow(
      /^medicareCertification: /,
    );
    const hostile = new Proxy(state, {
      get(target, key) {
        if (key === "status") throw new Error("no");
        return Reflect.get(target, key) as unknown;
      },
    });
    expect(() => medicareCertification(hostile, { program, asOf: "2026-04-06" })).toThrow(
      /^medicareCertification: /,
    );
  });

  it("before admission nothing is due", () => {
    const referred = replayEpisodeOrThrow(log.slice(0, 1), program);
    expect(
      medicareCertification(referred, { program, asOf: "2026-03-03", schedule }),
    ).toMatchObject({
      certifiedOn: null,
      recertification: null,
      planOfCareReview: null,
      weeksBelowMinimum: [],
    });
  });

  it("cites 42 CFR 424.24(d) and says what is unverified", () => {
    const { sources } = medicareCertification(state, { program, asOf: "2026-03-20" });
    expect(sources).toContainEqual({ source: "cfr-42-424-24", section: "§ 424.24(d)" });
    expect(sources.filter((s) => "unverified" in s)).toHaveLength(2);
  });

  it("only full weeks inside the window count; a session shared with others counts; a drug test does not", () => {
    // Window from Wednesday 11 March: the week of the 9th is partial (6 h in it, not judged).
    // Week 12: 3 h + 3 h + a group shared with p-2 of 2 h 59 min = 8.98 h, and a 15-minute drug
    // test that would lift it to 9.23 h if it counted.
    const inWindow = parseSchedule({
      window: { from: "2026-03-11", weeks: 3 },
      sessions: [
        session("b", "2026-03-11", "09:00", "12:00"),
        session("c", "2026-03-13", "09:00", "12:00"),
        session("d", "2026-03-16", "09:00", "12:00"),
        session("e", "2026-03-18", "09:00", "12:00"),
        { ...session("f", "2026-03-20", "09:00", "11:59"), participantIds: ["p-2", "p-1"] },
        session("t", "2026-03-20", "12:00", "12:15", "drug-test"),
        session("g", "2026-03-23", "09:00", "12:00"),
        session("h", "2026-03-25", "09:00", "12:00"),
        session("i", "2026-03-27", "09:00", "12:00"),
      ],
    });
    const cert = medicareCertification(state, { program, asOf: "2026-04-06", schedule: inWindow });
    expect(cert.weeksBelowMinimum).toEqual([{ isoWeek: "2026-W12", hours: 8.98 }]);
  });

  it("a discharge on the Monday after a week still judges that week (its seven days are over)", () => {
    const discharged = replayEpisodeOrThrow([...log, discharge("2026-03-23")], program);
    const cert = medicareCertification(discharged, { program, asOf: "2026-04-06", schedule });
    expect(cert.weeksBelowMinimum).toEqual([{ isoWeek: "2026-W12", hours: 8.98 }]);
  });

  it("lists its sources exactly", () => {
    expect(
      medicareCertification(state, { program, asOf: "2026-03-20" }).sources.map((s) =>
        "source" in s ? s.source : s.unverified.slice(0, 40),
      ),
    ).toEqual([
      "cfr-42-424-24",
      "noridian-medicare-iop",
      "cms-opps-2024-final-rule",
      "recertification every 60 days operationa",
      "the initial certification is dated with ",
    ]);
  });

  it("bad options name each path", () => {
    expect(
      issuesOf(() =>
        medicareCertification(state, {
          program: null as never,
          asOf: "March",
          schedule: 3 as never,
        }),
      ),
    ).toEqual([
      ["invalid-type", ["program"]],
      ["invalid-date", ["asOf"]],
      ["invalid-type", ["schedule"]],
    ]);
    expect(
      issuesOf(() =>
        medicareCertification(state, {
          program,
          asOf: "2026-03-20",
          schedule: { ...schedule, sessions: "none" as never },
        }),
      ),
    ).toEqual([["invalid-type", ["schedule", "sessions"]]]);
  });

  it("bad options are an IopError", () => {
    expect(() =>
      medicareCertification(state, { program, asOf: "2026-03-20", recertificationDays: 0 }),
    ).toThrow(IopError);
    expect(() => medicareCertification(state, { program, asOf: "March" })).toThrow(IopError);
  });
});
