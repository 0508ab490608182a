/**
 * A FHIR JSON value and its FHIR path, read defensively: each accessor checks the JSON type and
 * reports a wrong one (`invalid-value`) at its path, so readers never trust the input's shape.
 * @internal
 */
import type { FhirReadIssueCode, Reporter } from "./report";

/** Whether `value` is a FHIR resource: an object (not an array) with a string `resourceType`. @internal */
export function isFhirResource(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as Record<string, unknown>)["resourceType"] === "string"
  );
}

/** The JSON type of a value, for messages (never the value itself). */
const kind = (v: unknown): string =>
  v === null ? "null" : Array.isArray(v) ? "an array" : `a ${typeof v}`;

/** A value of the input at a FHIR path. @internal */
export class Node {
  constructor(
    /** The value (`undefined` when absent). */
    readonly value: unknown,
    /** The root's path (`Type/id`), or the element's key or index under `parent`. */
    private readonly key: string | number,
    readonly reporter: Reporter,
    private readonly parent?: Node,
  ) {}

  /** Its FHIR path, e.g. `Observation/x.code.coding[0]`: built only when asked (for an issue). */
  get path(): string {
    const p = this.parent;
    if (p === undefined) return String(this.key);
    return typeof this.key === "number" ? `${p.path}[${this.key}]` : `${p.path}.${this.key}`;
  }

  /** Whether the element is present. */
  get present(): boolean {
    return this.value !== undefined && this.value !== null;
  }

  private wrong(expected: string): undefined {
    this.reporter.issue(
      "invalid-value",
      this.path,
      `expected ${expected}, got ${kind(this.value)}: ignored`,
    );
    return undefined;
  }

  /** The value as a plain object, or `undefined` (a wrong type is reported). */
  object(): Readonly<Record<string, unknown>> | undefined {
    const v = this.value;
    if (v === undefined || v === null) return undefined;
    if (typeof v === "object" && !Array.isArray(v)) return v as Readonly<Record<string, unknown>>;
    return this.wrong("an object");
  }

  /** The element `key` of this object (absent when this is not an object). */
  get(key: string): Node {
    const o = this.object();
    return new Node(
      o !== undefined && Object.hasOwn(o, key) ? o[key] : undefined,
      key,
      this.reporter,
      this,
    );
  }

  /** The elements of the array `key` (none when absent; a non-array is reported). */
  list(key: string): Node[] {
    const child = this.get(key);
    const v = child.value;
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) {
      child.wrong("an array");
      return [];
    }
    return v.map((x, i) => new Node(x, i, this.reporter, child));
  }

  /** The value as a string (a wrong type is reported). */
  string(): string | undefined {
    const v = this.value;
    if (v === undefined || v === null) return undefined;
    return typeof v === "string" ? v : this.wrong("a string");
  }

  /** The value as a finite number (a wrong type is reported). */
  number(): number | undefined {
    const v = this.value;
    if (v === undefined || v === null) return undefined;
    return typeof v === "number" && Number.isFinite(v) ? v : this.wrong("a number");
  }

  /** The value as a boolean (a wrong type is reported). */
  boolean(): boolean | undefined {
    const v = this.value;
    if (v === undefined || v === null) return undefined;
    return typeof v === "boolean" ? v : this.wrong("a boolean");
  }

  /** Reports a problem at this path. */
  issue(code: FhirReadIssueCode, message: string): void {
    this.reporter.issue(code, this.path, message);
  }
}
