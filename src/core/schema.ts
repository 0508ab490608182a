/**
 * How iopkit builds its schemas: `zod/mini` (tree-shakable, functional), each exported schema
 * built on first use, tied at compile time to the named interface it validates, and reporting
 * problems as {@link IopIssue}s with sentences of iopkit's own (zod/mini ships no English text).
 */
import * as z from "zod/mini";
import { IopError, asIopError, type IopIssue, type IopIssueCode, type Result } from "./errors";
import { pure } from "./pure";

/**
 * A zod schema whose parsed output is `T` and whose input (what an app writes: fields with
 * defaults may be left out) is `I`. Every schema iopkit exports has this type. It is a real zod 4
 * schema: `zod/mini` built it, and an app using classic `import { z } from "zod"` can call
 * `.parse` / `.safeParse` on it, put it inside `z.object` or `z.array`, and pass it to
 * `z.toJSONSchema`.
 * @example
 * ```ts
 * import { z } from "zod";
 * import { Participant } from "iopkit";
 * const Batch = z.array(Participant).max(500);
 * ```
 */
export type Schema<T, I = T> = z.ZodMiniType<T, I>;

/** True when `A` and `B` are the same type. */
type Same<A, B> =
  (<X>() => X extends A ? 1 : 2) extends <X>() => X extends B ? 1 : 2 ? true : false;

/**
 * `S` itself when its output is exactly `T` and its input exactly `I`; otherwise a type that names
 * the difference, so the compiler says which side of a schema drifted from its interface.
 */
type Exactly<S extends z.core.$ZodType, T, I> =
  Same<z.output<S>, T> extends true
    ? Same<z.input<S>, I> extends true
      ? S
      : { "the schema's input differs from the named input type": z.input<S> }
    : { "the schema's output differs from the named type": z.output<S> };

/** The key under which a deferred schema hands out the schema it stands for. */
const BUILT: symbol = /* @__PURE__ */ pure(() => Symbol("iopkit.built"));
/**
 * A stand-in for a schema that is built the first time anything reads it: importing iopkit
 * constructs no zod object. Every read (`safeParse`, `_zod`, `def`, …) goes to the built schema,
 * so zod — classic or mini — sees the real schema wherever the stand-in is used.
 */
function deferred<S extends z.core.$ZodType>(build: () => S): S {
  let schema: S | undefined;
  const real = (): S => {
    if (schema === undefined) {
      schema = build();
      // Metadata (e.g. a date's JSON Schema `format`) is looked up by schema: the stand-in has the
      // built schema's, so `z.toJSONSchema` finds it through either.
      const meta = z.globalRegistry.get(schema);
      if (meta !== undefined) z.globalRegistry.add(stand, meta);
    }
    return schema;
  };
  const descriptor = (key: PropertyKey): PropertyDescriptor | undefined => {
    const d = Reflect.getOwnPropertyDescriptor(real(), key);
    return d === undefined ? undefined : { ...d, configurable: true };
  };
  const stand: S = new Proxy({} as S, {
    get: (_target, key) => (key === BUILT ? real() : Reflect.get(real(), key)),
    set: (_target, key, value) => Reflect.set(real(), key, value),
    defineProperty: (_target, key, d) => Reflect.defineProperty(real(), key, d),
    deleteProperty: (_target, key) => Reflect.deleteProperty(real(), key),
    has: (_target, key) => Reflect.has(real(), key),
    ownKeys: () => Reflect.ownKeys(real()),
    getOwnPropertyDescriptor: (_target, key) => descriptor(key),
    getPrototypeOf: () => Reflect.getPrototypeOf(real()),
  });
  return stand;
}

/**
 * A schema built the first time it is used, so importing iopkit constructs no schema. `T` and `I`
 * come from the declared type of the constant it initialises, and the compiler checks that the
 * built schema's output is exactly `T` and its input exactly `I`: an interface and its schema
 * cannot drift.
 *
 * Write every exported schema as
 * `export const X: Schema<X, XInput> = /* @__PURE__ *\/ lazySchema(() => …)`.
 * @internal
 */
export function lazySchema<T, I, S extends z.core.$ZodType>(
  build: () => S & Exactly<S, T, I>,
): Schema<T, I> {
  return deferred(build) as unknown as Schema<T, I>;
}

/**
 * A schema built the first time it is used, typed by what it parses: for schemas iopkit does not
 * export (options of a function), which have no named interface to be tied to.
 * @internal
 */
export function lazyInternal<S extends z.core.$ZodType>(
  build: () => S,
): Schema<z.output<S>, z.input<S>> {
  return deferred(build) as unknown as Schema<z.output<S>, z.input<S>>;
}

/**
 * The schema a {@link lazySchema} stands for, built now (any other schema as it is). Schemas built
 * inside another schema's `build` use it for their parts, so a parse does not go through the
 * stand-in.
 * @internal
 */
export function built<S>(schema: S): S {
  if (typeof schema !== "object" || schema === null) return schema;
  return (Reflect.get(schema, BUILT) as S | undefined) ?? schema;
}

/**
 * A schema built now, as an option of `z.discriminatedUnion` (which needs to see each option's
 * discriminator values).
 * @internal
 */
export function variant<T, I>(schema: Schema<T, I>): Schema<T, I> & z.core.$ZodTypeDiscriminable {
  return built(schema) as Schema<T, I> & z.core.$ZodTypeDiscriminable;
}

/** The parameters of a refinement that reports `code` with `message` (`z.refine(fn, issue(…))`). @internal */
export function issue(
  code: IopIssueCode,
  message: string,
  options: { readonly path?: PropertyKey[] } = {},
): z.core.$ZodCustomParams {
  return {
    message,
    params: { code },
    ...(options.path === undefined ? {} : { path: options.path }),
  };
}

/** A refinement context's issue with iopkit's `code`, for `ctx.addIssue(customIssue(…))`. @internal */
export function customIssue(
  code: IopIssueCode,
  message: string,
  path: PropertyKey[],
): { code: "custom"; message: string; path: PropertyKey[]; params: { code: IopIssueCode } } {
  // A fresh array: zod prefixes an issue's path in place as it goes up.
  return { code: "custom", message, path: [...path], params: { code } };
}

/**
 * A refinement that runs only when the value passed every check before it, so a malformed value
 * gets one issue, not two (a time that is not `HH:mm` is not also "before the start"). The guard
 * is inside the refinement rather than zod's `when` option, so `z.compile` can compile it.
 * @internal
 */
export function onceValid<T>(
  refinement: (value: T, ctx: z.core.$RefinementCtx<T>) => void,
): z.core.$ZodCheck<T> {
  return z.superRefine<T>((value, ctx) => {
    if (ctx.issues.length === 0) refinement(value, ctx);
  });
}

/** {@link onceValid} for one predicate: `code` at `path` when it does not hold. @internal */
export function holds<T>(
  predicate: (value: T) => boolean,
  code: IopIssueCode,
  message: string,
  path: PropertyKey[] = [],
): z.core.$ZodCheck<T> {
  return onceValid<T>((value, ctx) => {
    if (!predicate(value)) ctx.addIssue(customIssue(code, message, path));
  });
}

/** `"a string"`, `"an integer"`: what zod expected, for a sentence. */
const EXPECTED: Readonly<Record<string, string>> = {
  string: "a string",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  bigint: "a big integer",
  symbol: "a symbol",
  undefined: "nothing",
  null: "null",
  never: "nothing at all",
  void: "nothing",
  date: "a date",
  array: "a list",
  object: "an object",
  tuple: "a list",
  record: "an object",
  map: "a map",
  set: "a set",
  file: "a file",
  nonoptional: "a value",
  nan: "NaN",
  function: "a function",
};

/**
 * The kind of a value, never the value itself (it may be personal data): `"a string"`,
 * `"a fractional number"`, `"a list"`, `"nothing"`.
 * @internal
 */
export function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "nothing";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "number") {
    if (Number.isNaN(value)) return "NaN";
    if (!Number.isFinite(value)) return "an infinite number";
    return Number.isInteger(value) ? "a number" : "a fractional number";
  }
  if (typeof value === "boolean") return "a boolean";
  if (typeof value === "object") return "an object";
  return `a ${typeof value}`;
}

/** A literal value for a message: strings quoted, others as JSON. */
const literal = (v: unknown): string =>
  typeof v === "bigint" ? `${v}` : v === undefined ? "nothing" : JSON.stringify(v);

/** `"a, b or c"`, at most 12 values then `"…"`. */
function oneOf(values: readonly unknown[]): string {
  const shown = values.slice(0, 12).map(literal);
  if (values.length > 12) return `${shown.join(", ")}, …`;
  return shown.length < 2
    ? (shown[0] ?? "nothing")
    : `${shown.slice(0, -1).join(", ")} or ${shown[shown.length - 1] ?? ""}`;
}

const plural = (n: number | bigint, word: string): string =>
  `${n} ${word}${n === 1 || n === 1n ? "" : "s"}`;

/** "must be at least 3" / "must have at least 1 entry" for a size limit. */
function sizeMessage(
  origin: string,
  bound: number | bigint,
  inclusive: boolean,
  exact: boolean,
  side: "min" | "max",
): string {
  const word = exact ? "exactly" : side === "min" ? "at least" : "at most";
  switch (origin) {
    case "string":
      if (side === "min" && bound === 1 && !exact) return "must not be empty";
      return `must be ${word} ${plural(bound, "character")} long`;
    case "array":
    case "set":
      if (side === "min" && bound === 1 && !exact) return "must have at least one entry";
      return `must have ${word} ${plural(bound, "entry").replace("entrys", "entries")}`;
    default:
      if (exact) return `must be exactly ${bound}`;
      if (inclusive) return `must be ${word} ${bound}`;
      return side === "min" ? `must be greater than ${bound}` : `must be less than ${bound}`;
  }
}

/**
 * iopkit's sentence for a zod issue that carries no message of its own. It describes what was
 * expected and the kind of value found, and never quotes the value (personal data must not reach
 * error messages or logs).
 */
function issueMessage(iss: z.core.$ZodRawIssue): string {
  switch (iss.code) {
    case "invalid_type": {
      const expected = EXPECTED[iss.expected] ?? iss.expected;
      return iss.input === undefined
        ? `is required: expected ${expected}`
        : `expected ${expected}, got ${kindOf(iss.input)}`;
    }
    case "too_small":
      return sizeMessage(iss.origin, iss.minimum, iss.inclusive ?? true, iss.exact ?? false, "min");
    case "too_big":
      return sizeMessage(iss.origin, iss.maximum, iss.inclusive ?? true, iss.exact ?? false, "max");
    case "invalid_format":
      if (iss.format === "regex" && iss.pattern !== undefined)
        return `does not have the expected form (pattern ${iss.pattern})`;
      return `must be a valid ${iss.format.replace(/_/g, " ")}`;
    case "not_multiple_of":
      return `must be a multiple of ${iss.divisor}`;
    case "unrecognized_keys":
      return `unknown field${iss.keys.length === 1 ? "" : "s"}`;
    case "invalid_value": {
      const allowed = iss.values.length === 1 ? oneOf(iss.values) : `one of ${oneOf(iss.values)}`;
      return iss.input === undefined ? `is required: expected ${allowed}` : `must be ${allowed}`;
    }
    case "invalid_union":
      if (iss.discriminator !== undefined && Array.isArray(iss["options"])) {
        const allowed = `one of ${oneOf(iss["options"] as readonly unknown[])}`;
        return iss.input === undefined ? `is required: expected ${allowed}` : `must be ${allowed}`;
      }
      return "does not match any of the accepted forms";
    case "invalid_key":
      return `has a key that is not accepted (${kindOf(iss.input)})`;
    case "invalid_element":
      return "has an entry that is not accepted";
    case "custom":
      return "is not accepted";
  }
}

/** Parse options that give every issue iopkit's message (the app's zod locale plays no part). */
const parseContext = { error: issueMessage } as const;

/**
 * Converts zod's issues into iopkit issues: zod's snake_case codes become kebab-case, a
 * refinement's own code (see {@link issue}) is kept, and an unknown key is one issue at the key's
 * own path.
 * @internal
 */
export function issuesFromZod(error: { readonly issues: readonly z.core.$ZodIssue[] }): IopIssue[] {
  return error.issues.flatMap((iss): IopIssue[] => {
    const at = iss.path.map((p) => (typeof p === "symbol" ? String(p) : p));
    // One issue per unknown key, at the key's own path, so a form can point at the field.
    if (iss.code === "unrecognized_keys")
      return iss.keys.map((key) => ({
        code: "unrecognized-keys",
        path: [...at, key],
        // The key is in the path; the message does not repeat it (a key can be a name).
        message: "unknown field: this record has no such field (check its spelling)",
      }));
    const own: unknown = iss.code === "custom" ? iss.params?.["code"] : undefined;
    const code =
      typeof own === "string"
        ? (own as IopIssueCode)
        : (iss.code.replace(/_/g, "-") as IopIssueCode);
    return [{ code, path: at, message: iss.message }];
  });
}

/**
 * Validates `input` against `schema`: the typed value, or every problem as iopkit issues.
 * @internal
 */
export function validate<T>(
  schema: z.core.$ZodType<T>,
  input: unknown,
): { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issues: IopIssue[] } {
  const r = check(schema, input);
  return r.success ? { ok: true, value: r.data } : { ok: false, issues: r.issues };
}

/** zod's result of a parse that succeeded, or iopkit's issues of one that failed. */
function check<T>(
  schema: z.core.$ZodType<T>,
  input: unknown,
):
  | { readonly success: true; readonly data: T }
  | { readonly success: false; readonly issues: IopIssue[] } {
  const parser = built(schema) as z.ZodMiniType<T>;
  // A parse with options is several times slower in zod 4.6 (measured: 0.7 → 3 µs for an
  // attendance record), so the options that give iopkit's messages go only to a failed input's
  // second parse. Reading the input can throw (a throwing getter, a Proxy, a revoked Proxy, a
  // cycle too deep for the stack): that is a failed parse too, never an escaping exception.
  try {
    const r = parser.safeParse(input);
    if (r.success) return r;
    const again = parser.safeParse(input, parseContext);
    return again.success ? again : { success: false, issues: issuesFromZod(again.error) };
  } catch (error) {
    return { success: false, issues: [...asIopError("parse", error).issues] };
  }
}

/**
 * Validates `input` against `schema`; returns the typed value or throws an {@link IopError} whose
 * context is `context` (the public function's name), listing every problem.
 * @internal
 */
export function parseWith<T>(schema: z.core.$ZodType<T>, context: string, input: unknown): T {
  const r = check(schema, input);
  if (r.success) return r.data;
  throw new IopError(context, r.issues);
}

/**
 * Like {@link parseWith}, but returns `{ success, data | error }`; never throws.
 * @internal
 */
export function safeParseWith<T>(
  schema: z.core.$ZodType<T>,
  context: string,
  input: unknown,
): Result<T> {
  const r = check(schema, input);
  // zod's own `{ success: true, data }` is the result: no second object per record.
  return r.success ? r : { success: false, error: new IopError(context, r.issues) };
}

/** A pair of validating functions for one schema, in zod's `parse` / `safeParse` style. */
export interface Parser<T> {
  /** Returns the typed record, or throws an {@link IopError} listing every problem. */
  parse(input: unknown): T;
  /** Returns `{ success: true, data }` or `{ success: false, error }`; never throws. */
  safeParse(input: unknown): Result<T>;
}

/**
 * Builds a {@link Parser} from a schema. `context` names the public function in messages.
 * @internal
 */
export function parserFor<T>(schema: z.core.$ZodType<T>, context: string): Parser<T> {
  return {
    parse: (input) => parseWith(schema, context, input),
    safeParse: (input) => safeParseWith(schema, context, input),
  };
}
