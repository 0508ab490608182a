// Writes docs/generated/code-systems.md (the page "FHIR code systems and extensions") from
// iopkit's own tables; run by `npm run docs` before typedoc. The page is not committed.
import { mkdirSync, writeFileSync } from "node:fs";
import { codeSystemsMarkdown } from "../src/interop/fhir/code-systems";

mkdirSync("docs/generated", { recursive: true });
writeFileSync("docs/generated/code-systems.md", `${codeSystemsMarkdown()}\n`);
