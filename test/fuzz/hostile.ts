/**
 * Hostile inputs for the fuzz property: arbitrary JSON, prototype-polluting keys, non-finite and
 * huge numbers, huge strings, impossible dates and times, unknown zones, and valid-looking records
 * with one field broken.
 */
import fc from "fast-check";

/**
 * Planted personal data: a name and a note no error message may quote (the fuzz property checks
 * every IopError's message against it).
 */
export const SENTINEL = "Zebedee Quillfeather";

const nastyStrings = fc.constantFrom(
  SENTINEL,
  `note: ${SENTINEL} relapsed`,
  "2026-02-30",
  "2026-13-01",
  "0000-00-00",
  "24:00",
  "23:60",
  "9:00",
  "2026-03-09T25:00:00Z",
  "2026-03-09T09:00:00",
  "Mars/Olympus_Mons",
  "America/New_York",
  "",
  " ",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "\u0000",
  "\ud800",
  "💊",
  "x".repeat(100_001),
);

const nastyNumbers = fc.constantFrom(
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -0,
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER,
  Number.MIN_SAFE_INTEGER,
  2 ** 53 + 1,
  1e9,
  0.5,
  -1,
);

const leaf: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  nastyNumbers,
  fc.double(),
  fc.integer(),
  nastyStrings,
  fc.string({ maxLength: 20 }),
);

const key = fc.oneof(
  fc.constantFrom("__proto__", "constructor", "prototype", "id", "name", "phases", "start"),
  fc.string({ maxLength: 8 }),
);

/** Objects whose own keys include `__proto__` (as `JSON.parse` creates them). */
function withOwnKeys(entries: [string, unknown][]): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const [k, v] of entries)
    Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  return o;
}

/** Any JSON-like value, with nasty leaves and keys, nested a few levels. */
export const hostileJson: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leaf,
    fc.array(tie("value"), { maxLength: 4 }),
    fc.array(fc.tuple(key, tie("value")), { maxLength: 5 }).map(withOwnKeys),
  ),
})).value;

/** A string one edit away from `s`: a character dropped, added, changed to "9", or a space in front. */
function nearMiss(s: string, at: number, how: number): string {
  const i = s.length === 0 ? 0 : at % s.length;
  if (how === 0) return s.slice(0, i) + s.slice(i + 1);
  if (how === 1) return `${s.slice(0, i)}0${s.slice(i)}`;
  if (how === 2) return `${s.slice(0, i)}9${s.slice(i + 1)}`;
  return ` ${s}`;
}

/**
 * Takes a valid record and breaks it in one place: a field replaced by a hostile value, removed,
 * or joined by an unknown key.
 */
export function mutated(valid: unknown): fc.Arbitrary<unknown> {
  const paths: (string | number)[][] = [];
  const walk = (v: unknown, path: (string | number)[]): void => {
    paths.push(path);
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
    else if (typeof v === "object" && v !== null)
      for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
  };
  walk(valid, []);
  return fc
    .tuple(
      fc.constantFrom(...paths),
      fc.oneof(hostileJson, fc.constant(undefined)),
      fc.boolean(),
      fc.nat(),
      fc.constantFrom(0, 1, 2, 3),
    )
    .map(([path, hostile, addKey, at, how]) => {
      const copy: unknown = structuredClone(valid);
      if (path.length === 0) return hostile;
      let parent: unknown = copy;
      for (const part of path.slice(0, -1))
        parent = (parent as Record<string | number, unknown>)[part];
      const last = path[path.length - 1] as string | number;
      const target = parent as Record<string | number, unknown>;
      // Half the time a string is replaced by a near miss of itself ("08:0", "2026-03-90", "p-1x"):
      // the values that pass a format check's neighbours and reach the rules behind it.
      const original = target[last];
      const replacement =
        typeof original === "string" && at % 2 === 0 ? nearMiss(original, at, how) : hostile;
      if (addKey && typeof target === "object" && !Array.isArray(target))
        Object.defineProperty(target, "__proto__", {
          value: { polluted: true },
          enumerable: true,
          configurable: true,
          writable: true,
        });
      else if (replacement === undefined && !Array.isArray(target)) delete target[last];
      else target[last] = replacement;
      return copy;
    });
}

/**
 * Values no JSON holds, that a caller's bug or a hostile caller can pass: throwing getters,
 * Proxies that throw on every trap, a revoked Proxy, cycles, BigInt, symbols, functions, frozen
 * and null-prototype objects, class instances. Built fresh per call (a cycle cannot be shared).
 */
export function exoticValues(): [string, unknown][] {
  const boom = (): never => {
    throw new Error(`getter read ${SENTINEL}`);
  };
  const getter = Object.defineProperty({}, "id", { get: boom, enumerable: true });
  const listGetter = Object.defineProperty([1, 2], 0, { get: boom, enumerable: true });
  const trap = new Proxy(
    {},
    {
      get: boom,
      has: boom,
      ownKeys: boom,
      getOwnPropertyDescriptor: boom,
      getPrototypeOf: boom,
    },
  );
  const listTrap = new Proxy([], { get: boom, ownKeys: boom, getOwnPropertyDescriptor: boom });
  const revocable = Proxy.revocable({}, {});
  revocable.revoke();
  const cycle: Record<string, unknown> = { id: "p-1" };
  cycle["self"] = cycle;
  const listCycle: unknown[] = [];
  listCycle.push(listCycle);
  return [
    ["throwing getter", getter],
    ["list with a throwing getter", listGetter],
    ["throwing Proxy", trap],
    ["throwing list Proxy", listTrap],
    ["revoked Proxy", revocable.proxy],
    ["cycle", cycle],
    ["list cycle", listCycle],
    ["BigInt", 10n],
    ["object of BigInts", { id: 10n, kind: 10n, on: 10n, name: 10n, weeks: 10n }],
    ["symbol", Symbol(SENTINEL)],
    ["object of symbols", { id: Symbol("x"), on: Symbol("y") }],
    ["function", () => SENTINEL],
    ["frozen null-prototype object", Object.freeze(Object.create(null) as object)],
    ["Date", new Date(0)],
    ["Map", new Map([["id", SENTINEL]])],
    ["boxed string", Object(SENTINEL) as unknown],
  ];
}
