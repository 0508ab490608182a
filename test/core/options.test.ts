// checkOptions: the one check every public function's options go through. Each kind on both sides
// of its bounds, the exact issue (code, path, message) for each, nested options checked only under
// an object, unknown keys refused only where the caller closes the object, and unreadable options.
import { describe, expect, it } from "vitest";
import { isIopError, limits } from "iopkit";
import { checkOptions, checkParticipantWeeks } from "../../src/core/options";

/** An asymmetric matcher for a message matching `re`, typed as the string it stands for. */
const matching = (re: RegExp): string => expect.stringMatching(re) as string;

/** The issues `checkOptions` throws for `options`, or [] when it accepts them. */
function issues(
  options: unknown,
  spec: Parameters<typeof checkOptions>[2],
  closed: readonly string[] = [],
) {
  try {
    checkOptions("f", options, spec, closed);
    return [];
  } catch (e) {
    if (!isIopError(e)) throw e;
    expect(e.message.startsWith("f:")).toBe(true);
    return e.issues.map(({ code, path, message }) => ({ code, path, message }));
  }
}

describe("checkOptions", () => {
  it("options that are not an object: one invalid-type issue at the root", () => {
    for (const bad of [null, 3, "x", [1]])
      expect(issues(bad, {})).toEqual([
        {
          code: "invalid-type",
          path: [],
          message: matching(/^expected an object of options, got /),
        },
      ]);
    expect(issues({}, {})).toEqual([]);
  });

  it("object: an object, not null or a list; optional may be left out", () => {
    const spec = { o: { kind: "object" } } as const;
    expect(issues({ o: {} }, spec)).toEqual([]);
    for (const bad of [null, [], 1])
      expect(issues({ o: bad }, spec)).toEqual([
        {
          code: "invalid-type",
          path: ["o"],
          message: matching(/^o must be an object, got /),
        },
      ]);
    expect(issues({}, spec)).toHaveLength(1);
    expect(issues({}, { o: { kind: "object", optional: true } })).toEqual([]);
  });

  it("list: a list of at most max entries (max and max + 1)", () => {
    const spec = { l: { kind: "list", max: 2 } } as const;
    expect(issues({ l: [1, 2] }, spec)).toEqual([]);
    expect(issues({ l: [1, 2, 3] }, spec)).toEqual([
      { code: "limit-exceeded", path: ["l"], message: "l may hold at most 2 entries, got 3" },
    ]);
    expect(issues({ l: "ab" }, spec)).toEqual([
      {
        code: "invalid-type",
        path: ["l"],
        message: "l must be a list, got a string of 2 characters",
      },
    ]);
  });

  it("date: a real calendar date", () => {
    const spec = { d: { kind: "date" } } as const;
    expect(issues({ d: "2026-02-28" }, spec)).toEqual([]);
    for (const bad of ["2026-02-30", "garbage", 20260228])
      expect(issues({ d: bad }, spec)).toEqual([
        {
          code: "invalid-date",
          path: ["d"],
          message: matching(/^d must be a calendar date YYYY-MM-DD, got /),
        },
      ]);
  });

  it("integer: a safe whole number from min to max (min − 1, min, max, max + 1); a seed says so", () => {
    const spec = { n: { kind: "integer", min: 1, max: 104 } } as const;
    for (const ok of [1, 104]) expect(issues({ n: ok }, spec)).toEqual([]);
    for (const bad of [0, 105, 1.5, Number.NaN, "3"])
      expect(issues({ n: bad }, spec)).toEqual([
        {
          code: "limit-exceeded",
          path: ["n"],
          message: matching(/^n must be a whole number from 1 to 104, got /),
        },
      ]);
    const seed = {
      s: { kind: "integer", min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER },
    } as const;
    expect(issues({ s: 2 ** 53 }, seed)).toEqual([
      {
        code: "invalid-seed",
        path: ["s"],
        message: matching(/^s must be a safe integer, got /),
      },
    ]);
    expect(issues({ s: -(2 ** 53) + 1 }, seed)).toEqual([]);
  });

  it("a nested option is checked under its object only when the object is one", () => {
    const spec = {
      keep: { kind: "object", optional: true },
      "keep.before": { kind: "date" },
    } as const;
    expect(issues({}, spec)).toEqual([]);
    expect(issues({ keep: null }, spec).map((i) => i.path)).toEqual([["keep"]]);
    expect(issues({ keep: {} }, spec).map((i) => i.path)).toEqual([["keep", "before"]]);
    expect(issues({ keep: { before: "2026-03-02" } }, spec)).toEqual([]);
  });

  it("closed objects refuse keys the spec does not list, at the top or in a named object option", () => {
    const spec = {
      a: { kind: "integer", min: 0, max: 9 },
      w: { kind: "object", optional: true },
      "w.x": { kind: "integer", min: 0, max: 9, optional: true },
    } as const;
    expect(issues({ a: 1, b: 2 }, spec)).toEqual([]);
    expect(issues({ a: 1, b: 2, w: { x: 1, y: 2 } }, spec, ["", "w"])).toEqual([
      { code: "unrecognized-keys", path: ["b"], message: "b is not an option of f" },
      { code: "unrecognized-keys", path: ["w", "y"], message: "w.y is not an option of f" },
    ]);
    expect(issues({ a: 1, w: { x: 1, y: 2 } }, spec, [""])).toEqual([]);
    // A bad object option is reported once, not also for its keys; an absent one is skipped.
    expect(issues({ a: 1, w: 3 }, spec, ["w"]).map((i) => i.path)).toEqual([["w"]]);
    expect(issues({ a: 1 }, spec, ["w"])).toEqual([]);
    const long = "k".repeat(200);
    expect(issues({ a: 1, [long]: 1 }, spec, [""])[0]?.message).toBe(
      `${"k".repeat(64)} is not an option of f`,
    );
  });

  it("a nested option's message names it with dots, whatever its kind", () => {
    const spec = {
      w: { kind: "object" },
      "w.d": { kind: "date" },
      "w.l": { kind: "list", max: 1 },
      "w.o": { kind: "object" },
    } as const;
    expect(issues({ w: { d: "2026-02-30", l: [1, 2], o: 1 } }, spec)).toEqual([
      {
        code: "invalid-date",
        path: ["w", "d"],
        message: "w.d must be a calendar date YYYY-MM-DD, got a string of 10 characters",
      },
      {
        code: "limit-exceeded",
        path: ["w", "l"],
        message: "w.l may hold at most 1 entries, got 2",
      },
      { code: "invalid-type", path: ["w", "o"], message: "w.o must be an object, got 1" },
    ]);
  });

  it("integer: only a spec open at both ends is a seed; one open end is still a range", () => {
    const below = { n: { kind: "integer", min: Number.MIN_SAFE_INTEGER, max: 10 } } as const;
    const above = { n: { kind: "integer", min: 0, max: Number.MAX_SAFE_INTEGER } } as const;
    expect(issues({ n: 11 }, below).map((i) => i.code)).toEqual(["limit-exceeded"]);
    expect(issues({ n: -1 }, above).map((i) => i.code)).toEqual(["limit-exceeded"]);
    expect(issues({ n: 2 ** 53 }, above)[0]?.message).toBe(
      `n must be a whole number from 0 to ${Number.MAX_SAFE_INTEGER}, got ${2 ** 53}`,
    );
  });

  it("a closed option that is a list is reported once, as not an object, not also for its entries", () => {
    const spec = { o: { kind: "object" } } as const;
    expect(issues({ o: [1, 2] }, spec, ["o"])).toEqual([
      { code: "invalid-type", path: ["o"], message: matching(/^o must be an object, got /) },
    ]);
  });

  it("a nested option whose object the spec leaves out, and a closed name the options leave out, are skipped", () => {
    expect(issues({}, { "w.x": { kind: "integer", min: 0, max: 9, optional: true } })).toEqual([]);
    expect(issues({ a: 1 }, { a: { kind: "integer", min: 0, max: 9 } }, ["absent"])).toEqual([]);
    expect(issues({ absent: null }, {}, ["absent"])).toEqual([]);
    expect(
      issues({ a: null }, { a: { kind: "object", optional: true } }, ["a"]).map((i) => i.code),
    ).toEqual(["invalid-type"]);
  });

  it("options it cannot read are one invalid-input issue, never a raw error", () => {
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error("no");
        },
        ownKeys: () => {
          throw new Error("no");
        },
      },
    );
    expect(issues(hostile, { a: { kind: "integer", min: 0, max: 1 } })).toEqual([
      {
        code: "invalid-input",
        path: [],
        message: "the options could not be read (a throwing getter or a Proxy)",
      },
    ]);
  });

  it(`checkParticipantWeeks: enrolments × weeks at most limits.maxParticipantWeeks (${limits.maxParticipantWeeks})`, () => {
    expect(() => checkParticipantWeeks("f", 20_000, 12)).not.toThrow();
    try {
      checkParticipantWeeks("f", 20_001, 12);
      expect.unreachable();
    } catch (e) {
      expect(isIopError(e) ? e.issues : e).toEqual([
        {
          code: "limit-exceeded",
          path: ["enrollments"],
          message: `enrolments × weeks may be at most ${limits.maxParticipantWeeks} (limits.maxParticipantWeeks), got 20001 × 12 = 240012`,
        },
      ]);
    }
  });
});
