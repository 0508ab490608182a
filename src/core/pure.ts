/**
 * Calls `build` once and returns its result. Module-level values built by calls (zod schemas,
 * tables) are written `export const X = /* @__PURE__ *\/ pure(() => …)` so bundlers can drop them
 * when unused: a pure-annotated call without call arguments is removable, while a plain
 * `z.object({ a: z.string() })` counts as a side effect and stays in every bundle.
 * `test/tree-shaking.test.ts` checks every such value in src is written this way.
 * @internal
 */
export function pure<T>(build: () => T): T {
  return build();
}
