#!/usr/bin/env node
// The mutation figures of the "How iopkit's rules are tested" guide, written from StrykerJS's own
// report (the committed incremental file, mutation/incremental.json), never typed by hand.
//
//   node scripts/mutation-figures.mjs --update   rewrite the guide's table from the report
//   node scripts/mutation-figures.mjs --check    fail if the table differs from what the report
//                                                renders, or if mutation/equivalent.md lists a
//                                                mutant the report does not hold as survived
//
// Score = (killed + timed out) / (killed + timed out + survived + no coverage), the reviewed
// equivalent mutants of mutation/equivalent.md left out. Timeouts are shown apart: on a busy machine
// a starved test times out and StrykerJS counts the mutant as killed.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";

const REPORT = "mutation/incremental.json";
const EQUIVALENT = "mutation/equivalent.md";
const GUIDE = "docs/guides/test-strength.md";
const START = "<!-- mutation-figures:start -->";
const END = "<!-- mutation-figures:end -->";
/** The parts whose modules hold domain rules (issue 23's scope). */
const RULE_PARTS = [
  "core",
  "privacy",
  "eligibility",
  "measures",
  "schedule",
  "episode",
  "attendance",
  "aftercare",
  "analytics",
  "capacity",
];
const GOAL_FILE = 80;
const GOAL_ALL = 85;

/** The reviewed equivalent mutants: `file|line:column|replacement` keys. */
function equivalents() {
  const keys = new Set();
  for (const line of readFileSync(EQUIVALENT, "utf8").split("\n")) {
    // Cells split on pipes not escaped as `\|` (a replacement may hold `||`).
    const cells = line.split(/(?<!\\)\|/).map((c) => c.trim().replaceAll("\\|", "|"));
    if (cells.length < 6 || !cells[1]?.startsWith("`src/")) continue;
    const file = cells[1].replaceAll("`", "");
    const replacement = (cells[4] ?? "").replace(/^`|`$/g, "");
    keys.add(`${file}|${cells[2]}|${replacement}`);
  }
  return keys;
}

/** "core 17, privacy 7, …" from a list of src/<part>/<file> paths; "none" when empty. */
function unmeasuredByPart(files) {
  if (files.length === 0) return "none";
  const counts = new Map();
  for (const f of files) {
    const part = f.split("/")[1];
    counts.set(part, (counts.get(part) ?? 0) + 1);
  }
  return `${files.length} (${[...counts].map(([p, n]) => `${p} ${n}`).join(", ")})`;
}

const pct = (n) => `${(Math.floor(n * 1000) / 10).toFixed(1)}%`;

function render() {
  const report = JSON.parse(readFileSync(REPORT, "utf8"));
  const listed = equivalents();
  const used = new Set();
  const rows = [];
  const total = { killed: 0, timeout: 0, survived: 0, noCoverage: 0, equivalent: 0 };
  for (const [file, { mutants }] of Object.entries(report.files).sort(([a], [b]) =>
    a < b ? -1 : 1,
  )) {
    const c = { killed: 0, timeout: 0, survived: 0, noCoverage: 0, equivalent: 0 };
    for (const m of mutants) {
      const at = `${m.location.start.line}:${m.location.start.column}`;
      const key = `${file}|${at}|${m.replacement ?? ""}`;
      if ((m.status === "Survived" || m.status === "NoCoverage") && listed.has(key)) {
        c.equivalent++;
        used.add(key);
      } else if (m.status === "Killed") c.killed++;
      else if (m.status === "Timeout") c.timeout++;
      else if (m.status === "Survived") c.survived++;
      else if (m.status === "NoCoverage") c.noCoverage++;
    }
    for (const k of Object.keys(total)) total[k] += c[k];
    const judged = c.killed + c.timeout + c.survived + c.noCoverage;
    rows.push({ file, c, score: judged === 0 ? 1 : (c.killed + c.timeout) / judged });
  }
  const stale = [...listed].filter((k) => !used.has(k));
  const judged = total.killed + total.timeout + total.survived + total.noCoverage;
  const all = judged === 0 ? 1 : (total.killed + total.timeout) / judged;
  const measured = new Set(rows.map((r) => r.file));
  const unmeasured = RULE_PARTS.flatMap((part) => {
    let names = [];
    try {
      names = readdirSync(`src/${part}`).filter((n) => n.endsWith(".ts") && n !== "index.ts");
    } catch {
      return [];
    }
    return names.map((n) => `src/${part}/${n}`).filter((f) => !measured.has(f));
  });
  const lines = [
    START,
    `Written by \`node scripts/mutation-figures.mjs --update\` from StrykerJS's report (\`${REPORT}\`), ${rows.length} file${rows.length === 1 ? "" : "s"} measured so far; goals: at least ${GOAL_FILE}% for each file and ${GOAL_ALL}% for the rule modules as a whole.`,
    "",
    "| file | mutants | killed | timed out | survived | no coverage | equivalent | score |",
    "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ...rows.map(
      ({ file, c, score }) =>
        `| \`${file}\` | ${c.killed + c.timeout + c.survived + c.noCoverage + c.equivalent} | ${c.killed} | ${c.timeout} | ${c.survived} | ${c.noCoverage} | ${c.equivalent} | ${pct(score)}${score * 100 < GOAL_FILE ? " (below goal)" : ""} |`,
    ),
    `| **all measured files** | ${judged + total.equivalent} | ${total.killed} | ${total.timeout} | ${total.survived} | ${total.noCoverage} | ${total.equivalent} | **${pct(all)}** |`,
    "",
    `Files of the rule parts not yet measured: ${unmeasuredByPart(unmeasured)}.`,
    END,
  ];
  return { text: lines.join("\n"), stale };
}

const mode = process.argv[2];
if (mode !== "--update" && mode !== "--check") {
  console.error("usage: node scripts/mutation-figures.mjs --update | --check");
  process.exit(2);
}
const { text, stale } = render();
if (stale.length > 0) {
  console.error(
    `${EQUIVALENT} lists mutants the report does not hold as survived or uncovered (killed since, or gone):\n${stale.join("\n")}`,
  );
  process.exit(1);
}
const guide = readFileSync(GUIDE, "utf8");
const from = guide.indexOf(START);
const to = guide.indexOf(END);
if (from < 0 || to < from) {
  console.error(`${GUIDE} has no ${START} … ${END} block`);
  process.exit(1);
}
const next = guide.slice(0, from) + text + guide.slice(to + END.length);
if (mode === "--update") {
  writeFileSync(GUIDE, next);
  console.log(`mutation figures: ${GUIDE} updated`);
} else if (next !== guide) {
  console.error(
    `${GUIDE}: the mutation table differs from ${REPORT}; run node scripts/mutation-figures.mjs --update`,
  );
  process.exit(1);
} else console.log("mutation figures: the guide's table matches the report");
