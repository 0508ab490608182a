/** A module-level value built by a call that is not annotated pure. */
export interface Unannotated {
  readonly file: string;
  readonly name: string;
  readonly line: number;
}
/** Module-level const initialisers in `file` that contain a call but are not `/* @__PURE__ *\/ pure(() => …)`. */
export declare function unannotated(file: string): Unannotated[];
