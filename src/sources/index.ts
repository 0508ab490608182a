/**
 * The registry of the public sources iopkit's rules, defaults, bands and codes cite: regulations,
 * guidelines, papers, code sets and standards, each with a stable id, and the functions that render
 * a citation for people. A subpath of its own (not re-exported from the main entry), so an app
 * that never shows a source does not carry the table.
 *
 * @example
 * ```ts
 * import { formatCitation, sources } from "iopkit/sources";
 * formatCitation({ source: "samhsa-tip-47", section: "Appendix B" }); // "SAMHSA TIP 47 (2006), Appendix B"
 * sources["samhsa-tip-47"].url; // "https://www.ncbi.nlm.nih.gov/books/NBK64093/"
 * ```
 * @module sources
 */
export {
  citationUrl,
  formatCitation,
  isSourceId,
  sources,
  type Citation,
  type Provenance,
  type Source,
  type SourceId,
  type SourceKind,
  type Unverified,
} from "../core/sources";
