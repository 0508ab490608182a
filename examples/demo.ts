/**
 * The iopkit demo (`npm run demo`): a simulated adult substance-use IOP, end to end.
 *
 *   npm run demo -- --participants 40 --weeks 12 --seed 2026 --zone America/New_York --out out
 *
 * It screens referrals with `assessEligibility`, admits the eligible into morning and evening
 * tracks, and runs the clinic day by day across the autumn DST change: attendance, drug tests,
 * PHQ-9 and GAD-7 with a fixed seed; weekly case conferences that step people down
 * (`evaluatePhaseExit`), answer a relapse with a step-up, transfer someone to residential care and
 * discharge someone lost to contact, re-planning the schedule (`planSchedule`) after each; every
 * episode log replayed by `replayEpisode`. Then it checks the delivered schedule (S1–S16), sums
 * up compliance and outcomes, plans aftercare, checks two disclosures against a consent, and
 * writes a report, a FHIR bundle, calendars and the logs to the output folder.
 *
 * The work is in examples/clinic/: run.ts (the steps), simulate.ts (the clinic), summary.ts
 * (the figures), text.ts and report.ts (the console and the HTML page).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { parseDemoOptions, USAGE } from "./clinic/options";
import { progress, progressDone } from "./clinic/print";
import { buildDemo } from "./clinic/run";

const parsed = parseDemoOptions(process.argv.slice(2));
if (!parsed.ok) {
  for (const problem of parsed.problems) console.error(problem);
  console.error(USAGE);
  process.exit(parsed.help ? 0 : 2);
}
const { options } = parsed;

const started = performance.now();
const { text, files } = buildDemo(options, progress);
for (const file of files) {
  const path = join(options.out, file.path);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, file.content);
}
progressDone();
console.log(text);
process.stderr.write(`Done in ${((performance.now() - started) / 1000).toFixed(1)} s.\n`);
