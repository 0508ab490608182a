/**
 * The constructors iopkit composes its schemas with: `zod/mini`'s (tree-shakable, functional),
 * imported by name next to `import * as z from "zod/mini"` for the rest, with two differences.
 *
 * - A part that is one of iopkit's deferred schemas (see `lazySchema`) goes in as the schema it
 *   stands for, so a parse never goes through the stand-in and zod sees one plain tree.
 * - Objects use zod's just-in-time object parser (`$ZodObjectJIT`, what classic `z.object`
 *   uses), which `zod/mini`'s objects leave out for size: parsing a record is as fast as with
 *   classic zod. Where the installed zod lacks it, objects are `zod/mini`'s own.
 * @internal
 */
import * as mini from "zod/mini";
import * as core from "zod/v4/core";
import { pure } from "./pure";
import { built } from "./schema";

type Shape = core.$ZodLooseShape;
type Def = core.$ZodObjectDef;

/** `zod/mini`'s object schema on zod's JIT object parser; `undefined` when zod has no JIT parser. */
const JitObject = /* @__PURE__ */ pure(() => {
  // Read from the namespace, not imported by name: a zod without it gives `undefined`, not a
  // link error.
  const jit = core.$ZodObjectJIT as { init(inst: object, def: Def): void } | undefined;
  if (jit === undefined) return undefined;
  return core.$constructor("ZodMiniObject", (inst: mini.ZodMiniObject, def: Def) => {
    jit.init(inst, def);
    (mini.ZodMiniType as unknown as { init(inst: object, def: Def): void }).init(inst, def);
    Object.defineProperty(inst, "shape", { get: () => inst._zod.def.shape, configurable: true });
  });
});

/** The shape with each deferred schema replaced by the schema it stands for. */
function plainShape<T extends Shape>(shape: T): T {
  const out: Shape = {};
  for (const key of Object.keys(shape)) out[key] = built(shape[key] as core.$ZodType);
  return out as T;
}

/** `zod/mini`'s `strictObject`: unknown keys are an issue. */
export const strictObject: typeof mini.strictObject = (shape, params) => {
  const plain = plainShape(shape);
  if (JitObject === undefined) return mini.strictObject(plain, params);
  return new JitObject({
    type: "object",
    shape: plain,
    catchall: mini.never(),
    ...core.util.normalizeParams(params),
  }) as unknown as ReturnType<typeof mini.strictObject<typeof shape>>;
};

/** `zod/mini`'s `object`: unknown keys are dropped. */
export const object = ((shape?: Shape, params?: Parameters<typeof mini.object>[1]) => {
  const plain = plainShape(shape ?? {});
  if (JitObject === undefined) return mini.object(plain, params);
  return new JitObject({
    type: "object",
    shape: plain,
    ...core.util.normalizeParams(params),
  });
}) as typeof mini.object;

/** `zod/mini`'s `array`. */
export const array: typeof mini.array = ((element: mini.core.$ZodType, params?: unknown) =>
  mini.array(built(element), params as never)) as typeof mini.array;

/** `zod/mini`'s `optional`. */
export const optional: typeof mini.optional = (inner) => mini.optional(built(inner));

/** `zod/mini`'s `nullable`. */
export const nullable: typeof mini.nullable = (inner) => mini.nullable(built(inner));

/** `zod/mini`'s `_default`. */
export const _default: typeof mini._default = (inner, value) => mini._default(built(inner), value);

/** `zod/mini`'s `prefault`. */
export const prefault: typeof mini.prefault = (inner, value) => mini.prefault(built(inner), value);

/** `zod/mini`'s `union`. */
export const union: typeof mini.union = (options, params) =>
  mini.union(options.map((o) => built(o)) as unknown as typeof options, params);

/** `zod/mini`'s `discriminatedUnion`. */
export const discriminatedUnion: typeof mini.discriminatedUnion = (
  discriminator,
  options,
  params,
) =>
  mini.discriminatedUnion(
    discriminator,
    options.map((o) => built(o)) as unknown as typeof options,
    params,
  );

/** `zod/mini`'s `pipe`. */
export const pipe: typeof mini.pipe = (a, b) => mini.pipe(built(a), built(b));
