/**
 * iopkit — an SDK for Intensive Outpatient Programs.
 *
 * The main entry re-exports the stable API of every part. Each part is also its own subpath
 * (`iopkit/schedule`, `iopkit/interop`, …) so an app can import only what it uses;
 * `iopkit/testing` (fast-check arbitraries), `iopkit/sources` (the registry of public sources),
 * `iopkit/analytics` (program analytics and reports: back-end jobs over years of rows) and
 * `iopkit/fhir-read` (FHIR read into records, for import jobs) are only available as subpaths,
 * kept out of the main entry so that an app's or a portal's bundle and cold start do not pay for
 * them.
 * @packageDocumentation
 */
export * from "./core/index";
export * from "./program/index";
export * from "./participant/index";
export * from "./measures/index";
export * from "./eligibility/index";
export * from "./schedule/index";
export * from "./privacy/index";
export * from "./attendance/index";
export * from "./episode/index";
export * from "./aftercare/index";
export * from "./interop/index";
