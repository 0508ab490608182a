/**
 * The canonical URLs iopkit names its published artefacts with. They are identifiers, not
 * promises that a web page answers there (JSON Schema `$id` and FHIR canonical URLs need not
 * resolve).
 */

/**
 * The base of every canonical URL iopkit mints: JSON Schema `$id`s here, and FHIR code systems and
 * profiles under the same base.
 */
export const canonicalBaseUrl = "https://iopkit.dev";

/**
 * The base of the JSON Schemas' `$id`s, `https://iopkit.dev/schemas/0.1/`: each schema's `$id` is
 * this plus `<kebab-case record name>.schema.json` (e.g. `…/0.1/program.schema.json`), the same name
 * as the file shipped in the package (`iopkit/schemas/program.schema.json`). The version segment is
 * the package's major.minor while it is 0.x (its major version from 1.0): it changes whenever a
 * schema may change incompatibly.
 */
export const schemaBaseUrl = `${canonicalBaseUrl}/schemas/0.1/`;
