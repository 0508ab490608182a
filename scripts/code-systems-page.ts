// Writes docs/generated/code-systems.md (the page "FHIR code systems and extensions") from
// iopkit's own tables; run by `npm run docs` before typedoc. The page is not committed. On the
// site it is a reference page (its front matter gains `group: Reference`).
import { mkdirSync, writeFileSync } from "node:fs";
import { codeSystemsMarkdown } from "../src/interop/fhir/code-systems";

const page = codeSystemsMarkdown();
if (!page.startsWith("---\n")) throw new Error("the code systems page has no front matter");
mkdirSync("docs/generated", { recursive: true });
writeFileSync("docs/generated/code-systems.md", `---\ngroup: Reference\n${page.slice(4)}\n`);
