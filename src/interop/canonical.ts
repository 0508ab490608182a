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
 * The base of the JSON Schemas' `$id`s, `https://iopkit.dev/schemas/`: each schema's `$id` is this
 * plus `v<format>/<kebab-case record name>.schema.json` (e.g. `…/schemas/v2/program.schema.json`),
 * where `<format>` is the record kind's format version (`recordFormats`): a new format of a kind
 * gets a new `$id`. The file shipped in the package has the same name
 * (`iopkit/schemas/program.schema.json`) and always holds the current format.
 */
export const schemaBaseUrl = `${canonicalBaseUrl}/schemas/`;
