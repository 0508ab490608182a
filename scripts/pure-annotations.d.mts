/** A module-level value built by a call that is not annotated pure. */
export interface Unannotated {
  readonly file: string;
  readonly name: string;
  readonly line: number;
  /** `unannotated`: not wrapped; `schema-at-import`: a `pure` thunk that builds a zod schema. */
  readonly reason: "unannotated" | "schema-at-import";
}
/**
 * Module-level const initialisers in `file` that contain a call but are not
 * `/* @__PURE__ *\/ pure(() => …)` / `lazySchema(() => …)` / `lazyInternal(() => …)`, and `pure`
 * thunks that build a zod schema at import.
 */
export declare function unannotated(file: string): Unannotated[];
