// Every entry either returns its documented result or throws IopError: the error itself (brand,
// caps, a message built without throwing), the calendar helpers at their edges, and options
// checked like records.
import { describe, expect, it } from "vitest";
import {
  IopError,
  addDays,
  ageOn,
  limits,
  civilFromDays,
  daysFromCivil,
  daysInMonth,
  expandPattern,
  formatInstant,
  formatIssue,
  fromEpochDay,
  hashString,
  isIopError,
  isoWeekKeyOfEpochDay,
  isoWeekOfEpochDay,
  maxIssuesPerError,
  maxMessageLength,
  parseSchedule,
  planSchedule,
  programTemplates,
  safeParseRecord,
  safeParseSchedule,
  toEpochDay,
  tryParseInstant,
  weekdayOfEpochDay,
  weeklyCompliance,
  attendanceSummary,
  checkAttendance,
  checkSchedule,
  type IopIssue,
} from "iopkit";

/** The IopError `fn` throws (fails the test when it throws anything else or nothing). */
function thrown(fn: () => unknown): IopError {
  try {
    fn();
  } catch (e) {
    if (e instanceof IopError) return e;
    throw new Error(`threw ${String(e)} instead of IopError`, { cause: e });
  }
  throw new Error("did not throw");
}
const codes = (e: IopError): [string, string][] => e.issues.map((i) => [i.code, i.path.join(".")]);

describe("IopError", () => {
  const issue = (i: number): IopIssue => ({ code: "custom", path: [i], message: `problem ${i}` });

  it(`keeps at most ${maxIssuesPerError} issues and counts the rest`, () => {
    // 99, 100 and 101 issues: the cap is 100 (maxIssuesPerError).
    for (const [n, kept, omitted] of [
      [99, 99, 0],
      [100, 100, 0],
      [101, 100, 1],
      [300_000, 100, 299_900],
    ] as const) {
      const e = new IopError(
        "x",
        Array.from({ length: n }, (_, i) => issue(i)),
      );
      expect([e.issues.length, e.omittedIssues]).toEqual([kept, omitted]);
      expect(e.issues[kept - 1]?.path).toEqual([kept - 1]);
      expect(e.message.startsWith(`x: ${n} problems\n`)).toBe(true);
      if (omitted > 0) expect(e.message.endsWith(`(and ${omitted} more not listed)`)).toBe(true);
    }
  });

  it(`bounds its message to ${maxMessageLength} characters and each issue's to 500`, () => {
    const long = "y".repeat(100_000);
    const e = new IopError("x", [
      { code: "custom", path: [], message: long },
      { code: "custom", path: ["k".repeat(1000)], message: "m" },
    ]);
    expect(e.issues[0]?.message.length).toBe(500);
    expect(e.issues[0]?.message.endsWith("…")).toBe(true);
    expect(String(e.issues[1]?.path[0]).length).toBe(200);
    expect(e.message.length).toBeLessThanOrEqual(maxMessageLength);
    const many = new IopError(
      "x",
      Array.from({ length: 100 }, () => ({ code: "custom", path: [], message: long })),
    );
    expect(many.message.length).toBe(maxMessageLength);
  });

  it("is built without throwing from issues holding BigInt, symbols or throwing getters", () => {
    const hostile = [
      { code: 10n, path: [Symbol("s"), 1n], message: 10n },
      Object.defineProperty({}, "code", {
        get() {
          throw new Error("boom");
        },
      }),
      null,
    ] as unknown as IopIssue[];
    const e = new IopError("x", hostile);
    expect(e.issues.map((i) => [i.code, i.path, i.message])).toEqual([
      ["custom", ["Symbol(s)", "1"], "unknown problem"],
      ["custom", [], "unknown problem"],
      ["custom", [], "unknown problem"],
    ]);
    expect(new IopError("x", "nope" as never).issues).toHaveLength(1);
  });

  it("isIopError: true for an IopError (its brand), false for look-alikes, never throws", () => {
    expect(isIopError(new IopError("x", []))).toBe(true);
    expect(isIopError(thrown(() => toEpochDay("2026-02-30")))).toBe(true);
    expect(isIopError({ name: "IopError", issues: [] })).toBe(false);
    expect(isIopError(Object.assign(new Error("x"), { name: "IopError", issues: [] }))).toBe(false);
    expect(isIopError(null)).toBe(false);
    const revocable = Proxy.revocable({}, {});
    revocable.revoke();
    expect(isIopError(revocable.proxy)).toBe(false);
    // Another copy of iopkit (the CJS build beside the ESM one) brands with the same registered
    // symbol; the pack smoke test proves it against the built files.
    const other = Object.defineProperty({ issues: [] }, Symbol.for("iopkit.IopError"), {
      value: true,
    });
    expect(isIopError(other)).toBe(true);
  });

  it("formatIssue and formatPath refuse what is not an issue or a path", () => {
    expect(codes(thrown(() => formatIssue(null as never)))).toEqual([["invalid-input", ""]]);
    expect(formatIssue({ code: "custom", path: ["a", 0, "b"], message: "m" })).toBe(
      "- a[0].b: m [custom]",
    );
  });
});

describe("messages describe values, never quote them", () => {
  it.each([
    ["toEpochDay", () => toEpochDay("Zebedee Quillfeather")],
    ["addDays", () => addDays("Zebedee Quillfeather", 1)],
    ["parseSchedule", () => parseSchedule({ "Zebedee Quillfeather": 1, sessions: [] })],
  ])("%s", (_name, fn) => {
    const e = thrown(fn);
    expect(e.issues.map((i) => i.message).join("\n")).not.toContain("Zebedee");
  });
});

describe("safe parsers never throw", () => {
  const revocable = Proxy.revocable({}, {});
  revocable.revoke();
  const getter = Object.defineProperty({}, "sessions", {
    enumerable: true,
    get() {
      throw new Error("Zebedee Quillfeather");
    },
  });
  const trap = new Proxy(
    {},
    {
      get() {
        throw new Error("trap");
      },
      ownKeys() {
        throw new Error("trap");
      },
    },
  );
  it.each([
    ["a throwing getter", getter],
    ["a throwing Proxy", trap],
    ["a revoked Proxy", revocable.proxy],
    ["a BigInt", 10n],
    ["a symbol", Symbol("x")],
  ])("safeParseSchedule and safeParseRecord fail for %s", (_label, value) => {
    const r = safeParseSchedule(value);
    expect(r.success).toBe(false);
    if (!r.success) {
      expect(isIopError(r.error)).toBe(true);
      expect(r.error.message).not.toContain("Zebedee");
    }
    expect(safeParseRecord("Schedule", value).success).toBe(false);
  });

  it("safeParseRecord fails (never throws) for a kind it does not know", () => {
    const r = safeParseRecord(10n as never, {});
    expect(r.success ? [] : codes(r.error)).toEqual([["unknown-record-kind", "kind"]]);
  });
});

describe("calendar helpers throw IopError for non-finite or impossible input", () => {
  it.each([
    ["daysFromCivil(NaN, 1, 1)", () => daysFromCivil(Number.NaN, 1, 1), "invalid-date"],
    ["daysFromCivil(2026, 2, 29)", () => daysFromCivil(2026, 2, 29), "invalid-date"],
    ["daysFromCivil(2026, 13, 1)", () => daysFromCivil(2026, 13, 1), "invalid-date"],
    ["daysFromCivil(2026, 1, 1.5)", () => daysFromCivil(2026, 1, 1.5), "invalid-date"],
    ["daysInMonth(2026, 0)", () => daysInMonth(2026, 0), "invalid-date"],
    ["civilFromDays(NaN)", () => civilFromDays(Number.NaN), "invalid-epoch-day"],
    ["civilFromDays(Infinity)", () => civilFromDays(Infinity), "invalid-epoch-day"],
    ["weekdayOfEpochDay(NaN)", () => weekdayOfEpochDay(Number.NaN), "invalid-epoch-day"],
    ["isoWeekOfEpochDay(0.5)", () => isoWeekOfEpochDay(0.5), "invalid-epoch-day"],
    ["isoWeekKeyOfEpochDay(NaN)", () => isoWeekKeyOfEpochDay(Number.NaN), "invalid-epoch-day"],
    ["fromEpochDay(2932897)", () => fromEpochDay(2_932_897), "invalid-epoch-day"],
    ["formatInstant(NaN, 0)", () => formatInstant(Number.NaN, 0), "invalid-instant"],
    ["formatInstant(0, 1440)", () => formatInstant(0, 1440), "invalid-instant"],
    ["formatInstant(0.5, 0)", () => formatInstant(0.5, 0), "invalid-instant"],
    ["hashString(undefined)", () => hashString(undefined as never), "invalid-input"],
  ])("%s", (_label, fn, code) => {
    expect(codes(thrown(fn))).toEqual([[code, ""]]);
  });

  it("at the edges of what they accept", () => {
    expect(daysFromCivil(2024, 2, 29)).toBe(19_782);
    expect(daysInMonth(2024, 12)).toBe(31);
    expect(fromEpochDay(2_932_896)).toBe("9999-12-31");
    // Offsets up to 23:59 are written; 24 hours is refused (above).
    expect(formatInstant(0, 1439)).toBe("1970-01-01T23:59:00.000+23:59");
    expect(formatInstant(0, -1439)).toBe("1969-12-31T00:01:00.000-23:59");
    // The last and first instants whose local date is in 0001–9999, and the ones past them.
    const last = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
    expect(tryParseInstant(formatInstant(last, 0))).toBe(last);
    expect(codes(thrown(() => formatInstant(last, 1)))).toEqual([["invalid-instant", ""]]);
    const first = new Date("0001-01-01T00:00:00Z").getTime();
    expect(tryParseInstant(formatInstant(first, 0))).toBe(first);
    expect(codes(thrown(() => formatInstant(first, -1)))).toEqual([["invalid-instant", ""]]);
  });
});

describe("options are checked like records, each bad option named", () => {
  const program = programTemplates.substanceUseAdult({ timeZone: "America/New_York" });
  const base = { program, enrollments: [], from: "2026-03-02", weeks: 1, seed: 1 };

  it("planSchedule", () => {
    expect(codes(thrown(() => planSchedule(null as never)))).toEqual([["invalid-type", ""]]);
    expect(codes(thrown(() => planSchedule({ ...base, keep: null as never })))).toEqual([
      ["invalid-type", "keep"],
    ]);
    expect(
      codes(
        thrown(() =>
          planSchedule({ ...base, keep: { before: "2026-02-30", sessions: {} as never } }),
        ),
      ),
    ).toEqual([
      ["invalid-date", "keep.before"],
      ["invalid-type", "keep.sessions"],
    ]);
    expect(
      codes(
        thrown(() =>
          planSchedule({
            ...base,
            program: null as never,
            enrollments: "x" as never,
            staff: 3 as never,
            from: "2026-03-02T00:00:00Z",
            weeks: 0,
            seed: Number.NaN,
          }),
        ),
      ),
    ).toEqual([
      ["invalid-type", "program"],
      ["invalid-type", "enrollments"],
      ["invalid-type", "staff"],
      ["invalid-date", "from"],
      ["limit-exceeded", "weeks"],
      ["invalid-seed", "seed"],
    ]);
    // weeks at 103, 104 (limits.maxWeeks) pass the check; 105 does not.
    expect(codes(thrown(() => planSchedule({ ...base, weeks: 105 })))).toEqual([
      ["limit-exceeded", "weeks"],
    ]);
    expect(planSchedule({ ...base, weeks: 104 }).sessions).toEqual([]);
  });

  it("planSchedule: 20,000 enrolments (limits.maxParticipants) pass the check, 20,001 do not", () => {
    const tooMany = new Array(20_001).fill(null);
    expect(codes(thrown(() => planSchedule({ ...base, enrollments: tooMany })))).toEqual([
      ["limit-exceeded", "enrollments"],
    ]);
  });

  it("planSchedule and expandPattern: enrolments × weeks at most limits.maxParticipantWeeks (240,000)", () => {
    // Null records pass the limit check and then fail as unreadable (invalid-input); beyond the
    // limit the call is refused before any work (limit-exceeded at enrollments).
    const at = (n: number, weeks: number): [string, string][] =>
      codes(thrown(() => planSchedule({ ...base, enrollments: new Array(n).fill(null), weeks })));
    expect(limits.maxParticipantWeeks).toBe(240_000);
    expect(at(20_000, 12)).toEqual([["invalid-input", ""]]); // exactly 240,000
    expect(at(2_307, 104)).toEqual([["invalid-input", ""]]); // 239,928
    expect(at(2_308, 104)).toEqual([["limit-exceeded", "enrollments"]]); // 240,032
    expect(at(20_000, 13)).toEqual([["limit-exceeded", "enrollments"]]); // 260,000
    expect(
      codes(
        thrown(() =>
          expandPattern({
            program,
            enrollments: new Array(2_308).fill(null),
            from: "2026-03-02",
            weeks: 104,
          }),
        ),
      ),
    ).toEqual([["limit-exceeded", "enrollments"]]);
  });

  it("expandPattern, checkSchedule, attendanceSummary, weeklyCompliance, checkAttendance", () => {
    expect(
      codes(thrown(() => expandPattern({ program, enrollments: [], from: "x", weeks: 1 }))),
    ).toEqual([["invalid-date", "from"]]);
    expect(codes(thrown(() => checkSchedule({ sessions: null } as never, null as never)))).toEqual([
      ["invalid-type", "schedule.sessions"],
      ["invalid-type", "context"],
    ]);
    const schedule = { sessions: [], window: { from: "2026-03-02", weeks: 1 } };
    expect(
      codes(thrown(() => attendanceSummary({ program, schedule, attendance: [], asOf: "soon" }))),
    ).toEqual([["invalid-date", "asOf"]]);
    expect(
      codes(
        thrown(() =>
          weeklyCompliance({
            program,
            schedule: { ...schedule, window: null as never },
            attendance: [],
          }),
        ),
      ),
    ).toEqual([["invalid-type", "schedule.window"]]);
    expect(codes(thrown(() => checkAttendance({ schedule, attendance: {} as never })))).toEqual([
      ["invalid-type", "attendance"],
    ]);
  });

  it("a body that cannot read a value of the wrong shape throws IopError invalid-input", () => {
    const e = thrown(() => planSchedule({ ...base, enrollments: [null as never] }));
    expect(codes(e)).toEqual([["invalid-input", ""]]);
    expect(e.cause).toBeInstanceOf(TypeError);
  });
});

describe("zone names at parse", () => {
  it("are written as the tz database spells them", () => {
    for (const [given, written] of [
      ["america/new_york", "America/New_York"],
      ["AMERICA/NEW_YORK", "America/New_York"],
      ["utc", "UTC"],
      ["America/New_York", "America/New_York"],
    ] as const) {
      const p = programTemplates.substanceUseAdult({ timeZone: given });
      expect(p.timeZone).toBe(written);
    }
  });

  it("refuse the legacy fixed offsets EST, MST and HST; Etc/GMT+5 says a fixed offset on purpose", () => {
    for (const legacy of ["EST", "est", "MST", "HST"]) {
      const e = thrown(() => programTemplates.substanceUseAdult({ timeZone: legacy }));
      expect(codes(e)).toEqual([["invalid-time-zone", "timeZone"]]);
    }
    expect(programTemplates.substanceUseAdult({ timeZone: "Etc/GMT+5" }).timeZone).toBe(
      "Etc/GMT+5",
    );
    // EST5EDT keeps US daylight saving: it is a clock, not a fixed offset.
    expect(programTemplates.substanceUseAdult({ timeZone: "EST5EDT" }).timeZone).toBe("EST5EDT");
  });
});

describe("ageOn", () => {
  it("counts whole years, the day before, on and after a birthday", () => {
    expect(ageOn("2008-03-10", "2026-03-09")).toBe(17);
    expect(ageOn("2008-03-10", "2026-03-10")).toBe(18);
    expect(ageOn("2008-03-10", "2026-03-11")).toBe(18);
    expect(ageOn("2008-03-10", "2008-03-10")).toBe(0);
  });

  it("throws IopError for impossible dates instead of returning NaN or −1", () => {
    expect(codes(thrown(() => ageOn("2008-02-30", "2026-03-09")))).toEqual([
      ["invalid-date", "dateOfBirth"],
    ]);
    expect(codes(thrown(() => ageOn("2008-03-10", "soon")))).toEqual([["invalid-date", "date"]]);
    expect(codes(thrown(() => ageOn("2008-03-10", "2008-03-09")))).toEqual([
      ["invalid-date", "date"],
    ]);
  });
});
