// The documentation site and the demo's report in a real browser: Debian's chromium driven by
// playwright-core, headless, no sandbox, background networking off. Serves docs/site on localhost,
// opens the home page, every guide and a sample of API pages, fails on any console error, failed
// request or broken internal link, uses the site search, and saves screenshots to
// test-results/screenshots. Then runs the demo (`examples/demo.ts`) into a temporary folder and
// opens its report.html the same way, at desktop and phone widths, checking that its charts drew.
// Run by `npm run test:browser` (CI installs chromium first: scripts/install-chromium.sh). Needs
// `npm run docs` (done by npm run test:browser).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { checkLinks, launchBrowser, serveStatic, watchPage } from "./kit.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const SITE = join(ROOT, "docs", "site");
const SHOTS = join(ROOT, "test-results", "screenshots");
const AXE = readFileSync(join(ROOT, "node_modules", "axe-core", "axe.min.js"), "utf8");
const guides = readdirSync(join(SITE, "documents"))
  .filter((f) => f.endsWith(".html"))
  .map((f) => `documents/${f}`);
const API = [
  "modules/schedule.html",
  "functions/schedule.planSchedule.html",
  "functions/schedule.checkSchedule.html",
  "functions/eligibility.assessEligibility.html",
  "functions/program.defineProgram.html",
  "classes/core.IopError.html",
  "modules/testing.html",
];
const PAGES = ["index.html", ...guides, ...API];

let server;
let browser;
const linkCache = new Map();

before(async () => {
  assert.ok(existsSync(join(SITE, "index.html")), "docs/site is built (npm run docs)");
  mkdirSync(SHOTS, { recursive: true });
  server = await serveStatic(SITE);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A new page that records every console error, page error, failed request and HTTP ≥ 400. */
async function openPage(path) {
  const page = await browser.context.newPage();
  const problems = watchPage(page, []);
  const res = await page.goto(new URL(path, server.url).href, { waitUntil: "load" });
  assert.equal(res?.status(), 200, `${path} answers 200`);
  // typedoc shows <body> once its script has run, and builds the navigation from navigation.js.
  await page.waitForFunction(() => document.body.style.display !== "none");
  // (The navigation groups guides as Tutorial, How-to, Explanation, Reference: links in a closed
  // group are in the page but not visible.)
  await page.waitForSelector("#tsd-nav-container a", { state: "attached" });
  return { page, problems };
}

describe("the documentation site in chromium", () => {
  test("lists every guide", () => {
    for (const title of [
      "Getting_started",
      "Concepts",
      "Eligibility_and_levels_of_care",
      "Scheduling_and_its_invariants",
      "Property-testing_your_app_with_iopkit",
      "FAQ",
    ]) {
      assert.ok(guides.includes(`documents/${title}.html`), `guide ${title} is on the site`);
    }
  });

  for (const path of PAGES) {
    test(`${path}: renders without errors, every internal link resolves`, async () => {
      const { page, problems } = await openPage(path);
      const h1 = (await page.textContent("h1"))?.trim();
      assert.ok(h1, "the page has a heading");
      const { checked, broken } = await checkLinks(page, server.url, linkCache);
      await page.screenshot({
        path: join(SHOTS, `${path.replaceAll("/", "__").replace(/\.html$/, "")}.png`),
        fullPage: path === "index.html",
      });
      await page.close();
      assert.ok(checked > 0, "the page links somewhere");
      assert.deepEqual(broken, [], "broken internal links");
      assert.deepEqual(problems, [], "console errors, failed requests, HTTP ≥ 400");
    });
  }

  test("index.html: the install command and the first program are on the first screen", async () => {
    const { page, problems } = await openPage("index.html");
    const tops = await page.$$eval(".tsd-typography pre", (pres) =>
      pres.slice(0, 2).map((p) => ({
        text: p.textContent ?? "",
        top: p.getBoundingClientRect().top + window.scrollY,
      })),
    );
    await page.close();
    assert.match(tops[0]?.text ?? "", /npm install iopkit/);
    assert.match(tops[1]?.text ?? "", /from "iopkit"/);
    for (const t of tops) assert.ok(t.top < 800, `a block starts at ${t.top} px, below 800`);
    assert.deepEqual(problems, []);
  });

  test("the glossary defines at least 40 terms, and every guide's glossary link resolves", async () => {
    const { page, problems } = await openPage("documents/Glossary.html");
    const ids = await page.$$eval(".tsd-typography h3[id], .tsd-typography h3 a[id]", (hs) =>
      hs.map((h) => h.id),
    );
    await page.close();
    assert.ok(ids.length >= 40, `the glossary has ${ids.length} terms`);
    const glossary = readFileSync(join(SITE, "documents", "Glossary.html"), "utf8");
    const anchors = new Set([...glossary.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
    let links = 0;
    const broken = [];
    for (const guide of guides) {
      const html = readFileSync(join(SITE, guide), "utf8");
      for (const [, frag] of html.matchAll(/href="Glossary\.html#([^"]+)"/g)) {
        links++;
        if (!anchors.has(frag)) broken.push(`${guide} → #${frag}`);
      }
    }
    assert.ok(links > 100, `the guides link the glossary (${links} links)`);
    assert.deepEqual(broken, []);
    assert.deepEqual(problems, []);
  });

  // A phone's width (an iPhone SE/mini class screen): the page never scrolls sideways; wide tables
  // and code scroll inside their own box (docs/theme/site.css).
  for (const path of PAGES) {
    test(`${path} at 375 px: no sideways scroll`, async () => {
      const { page, problems } = await openPage(path);
      await page.setViewportSize({ width: 375, height: 740 });
      const wide = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
      }));
      await page.screenshot({
        path: join(SHOTS, `phone__${path.replaceAll("/", "__").replace(/\.html$/, "")}.png`),
      });
      await page.close();
      assert.ok(wide.scroll <= 375, `${path} is ${wide.scroll} px wide at 375 px`);
      assert.deepEqual(problems, []);
    });
  }

  for (const [query, expectText, expectPath] of [
    ["planSchedule", "planSchedule", "/functions/schedule.planSchedule.html"],
    ["assessEligibility", "assessEligibility", "/functions/eligibility.assessEligibility.html"],
  ]) {
    test(`search "${query}" finds and opens ${expectPath}`, async () => {
      const { page, problems } = await openPage("documents/Getting_started.html");
      await page.click("#tsd-search-trigger");
      await page.waitForSelector("#tsd-search[open] #tsd-search-input");
      await page.waitForFunction(
        () => !document.querySelector("#tsd-search-status")?.textContent?.trim(),
      );
      await page.fill("#tsd-search-input", query);
      const first = page.locator('#tsd-search-results li[role="option"] a').first();
      await first.waitFor();
      assert.match((await first.textContent()) ?? "", new RegExp(expectText, "i"));
      await page.screenshot({ path: join(SHOTS, `search-${query}.png`) });
      await Promise.all([page.waitForURL((u) => u.pathname === expectPath), first.click()]);
      await page.close();
      assert.deepEqual(problems, []);
    });
  }

  test("Try it: iopkit computes a decision and a plan in the page, again as the reader types", async () => {
    const { page, problems } = await openPage("documents/Try_it.html");
    await page.setViewportSize({ width: 375, height: 740 });
    await page.waitForSelector("#try-count");
    assert.match((await page.textContent("#try-decision")) ?? "", /^admit-with-conditions — /);
    assert.match(
      (await page.textContent("#try-count")) ?? "",
      /^41 sessions in 4 weeks on the evening track/,
    );
    assert.ok((await page.locator(".try-grid td li").count()) >= 41, "the grid shows the sessions");
    assert.ok(
      (await page.evaluate(() => document.documentElement.scrollWidth)) <= 375,
      "the grid scrolls in its own box",
    );
    await page.screenshot({ path: join(SHOTS, "try-it-phone.png"), fullPage: true });
    // Busy every Tuesday evening too: no track fits, the decision says why, nothing is planned.
    await page.fill('input[aria-label="Tue busy until"]', "22:00");
    await page.waitForFunction(() =>
      document.querySelector("#try-decision")?.textContent?.startsWith("refer-other"),
    );
    assert.match((await page.textContent("#try-reasons")) ?? "", /no-track-fits/);
    assert.equal(await page.locator("#try-count").count(), 0);
    await page.close();
    assert.deepEqual(problems, [], "console errors, failed requests, HTTP ≥ 400");
  });

  // The drawn diagrams, generated from the code (scripts/*-diagram.ts): each image loads with a
  // size, and a phone's screen still does not scroll sideways.
  for (const [path, svg] of [
    ["documents/Episodes_and_attendance.html", "episode-states.svg"],
    ["documents/Scheduling_and_its_invariants.html", "sample-week.svg"],
    ["documents/Scheduling_and_its_invariants.html", "phase-ladder.svg"],
    ["documents/Concepts.html", "parts.svg"],
    ["documents/Phases,_step-down_and_session_types.html", "phase-ladder.svg"],
    ["documents/Scheduling_and_its_invariants.html", "planner-stages.svg"],
  ]) {
    test(`${path}: the diagram ${svg} loads and fits 375 px`, async () => {
      const { page, problems } = await openPage(path);
      await page.setViewportSize({ width: 375, height: 740 });
      const img = page.locator(`.tsd-typography img[src$="${svg}"]`);
      await img.scrollIntoViewIfNeeded();
      const drawn = await img.evaluate(async (el) => {
        await el.decode();
        const box = el.getBoundingClientRect();
        return {
          natural: el.naturalWidth,
          width: box.width,
          height: box.height,
          alt: el.alt,
          scroll: document.documentElement.scrollWidth,
        };
      });
      await img.screenshot({ path: join(SHOTS, `diagram__${svg.replace(/\.svg$/, "")}.png`) });
      await page.close();
      assert.ok(drawn.natural > 0, `${svg} loaded`);
      assert.ok(
        drawn.width > 200 && drawn.height > 100,
        `${svg} drawn at ${drawn.width}×${drawn.height}`,
      );
      assert.ok(drawn.width <= 375, `${svg} is ${drawn.width} px wide at 375 px`);
      assert.ok(drawn.alt.length > 20, `${svg} has a text alternative`);
      assert.ok(drawn.scroll <= 375, `${path} is ${drawn.scroll} px wide at 375 px`);
      assert.deepEqual(problems, []);
    });
  }

  // Accessibility: axe-core (a dev dependency) injected into the landing page, every guide and
  // Try it (after it has drawn its plan), in the light and the dark theme, with the WCAG 2.1 A/AA
  // rules. Any serious or critical violation fails, naming the rule, the page and the nodes.
  // Scope: the whole page. One exception, in typedoc's own navigation only (#tsd-nav-container,
  // markup typedoc 0.28 writes and we do not): it puts each module's link inside the <summary> that
  // opens it, which axe reports as nested-interactive once the navigation has drawn that group. The
  // navigation (the same on every page) is checked with every other rule on the landing page.
  for (const path of ["index.html", ...guides]) {
    test(`${path}: axe finds no serious or critical WCAG 2.1 A/AA violation, light or dark`, async () => {
      const { page, problems } = await openPage(path);
      if (path === "documents/Try_it.html") await page.waitForSelector("#try-count");
      await page.addScriptTag({ content: AXE });
      const found = [];
      for (const colorScheme of ["light", "dark"]) {
        await page.emulateMedia({ colorScheme });
        const { rules, violations } = await page.evaluate(async (withNavigation) => {
          const runOnly = { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] };
          const nav = "#tsd-nav-container";
          const page = await window.axe.run({ include: [document], exclude: [[nav]] }, { runOnly });
          const navigation = withNavigation
            ? await window.axe.run(
                { include: [[nav]] },
                { runOnly, rules: { "nested-interactive": { enabled: false } } },
              )
            : { violations: [] };
          const result = { ...page, violations: [...page.violations, ...navigation.violations] };
          return {
            rules: result.passes.length + result.violations.length + result.incomplete.length,
            violations: result.violations
              .filter((v) => v.impact === "serious" || v.impact === "critical")
              .map(
                (v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`,
              ),
          };
        }, path === "index.html");
        assert.ok(rules > 10, `axe ran its WCAG rules on ${path} (${rules} rules)`);
        found.push(...violations.map((v) => `${path} (${colorScheme}) ${v}`));
      }
      await page.close();
      assert.deepEqual(found, []);
      assert.deepEqual(problems, []);
    });
  }

  // Readers search with everyday words, not API names: the first guide among the results is the
  // one that answers (typedoc.json boosts the guides' groups; a guide's front matter `keywords`
  // are indexed by scripts/typedoc-search-keywords.mjs).
  for (const [query, guide] of [
    ["step-down", "documents/Phases,_step-down_and_session_types.html"],
    ["rolling admission", "documents/Admit_someone_into_a_running_group.html"],
    ["aftercare", "documents/Aftercare_and_continued_monitoring.html"],
    ["Part 2", "documents/Consent_and_disclosure_under_42_CFR_Part_2.html"],
    ["drug test", "documents/Send_a_participant_their_week_without_revealing_drug_tests.html"],
    ["telehealth", "documents/Rooms,_telehealth_and_staff_limits.html"],
    ["glossary", "documents/Glossary.html"],
    ["per diem", "documents/Authorisations,_certification_and_billable_days.html"],
    ["billable", "documents/Authorisations,_certification_and_billable_days.html"],
    ["authorisation", "documents/Authorisations,_certification_and_billable_days.html"],
    ["prior authorization", "documents/Authorisations,_certification_and_billable_days.html"],
    ["waitlist", "documents/Capacity_and_waitlists.html"],
    ["census", "documents/Capacity_and_waitlists.html"],
  ]) {
    test(`search "${query}": the first guide it finds is ${guide}`, async () => {
      const { page, problems } = await openPage("index.html");
      await page.keyboard.press("/");
      await page.waitForSelector("#tsd-search[open]");
      await page.waitForFunction(
        () => !document.querySelector("#tsd-search-status")?.textContent?.trim(),
      );
      await page.fill("#tsd-search-input", query);
      await page.locator('#tsd-search-results li[role="option"]').first().waitFor();
      const hits = await page.$$eval('#tsd-search-results li[role="option"] a', (as) =>
        as.map((a) => a.getAttribute("href") ?? ""),
      );
      await page.close();
      const firstGuide = hits.find((h) => h.includes("documents/"));
      assert.ok(firstGuide?.endsWith(guide), `"${query}" gave ${hits.slice(0, 5).join(", ")}`);
      assert.deepEqual(problems, []);
    });
  }
});

describe("the built site's text", () => {
  /** Every HTML page of the site, as a path under docs/site. */
  const htmlPages = (dir = "") =>
    readdirSync(join(SITE, dir), { withFileTypes: true }).flatMap((e) =>
      e.isDirectory()
        ? htmlPages(join(dir, e.name))
        : e.name.endsWith(".html")
          ? [join(dir, e.name)]
          : [],
    );
  const pages = htmlPages();

  test("no page names the team's internal notes", () => {
    assert.ok(pages.length > 100, `the whole site is scanned (${pages.length} pages)`);
    const internal = /DOMAIN\.md|DESIGN\.md|\bseeds? 00\d|\(seed \d|seeds\/|\.\.\/shared/i;
    const named = pages.filter((p) => internal.test(readFileSync(join(SITE, p), "utf8")));
    assert.deepEqual(named, []);
  });

  test("every off-site link is http(s) to a real host (no file name read as a host)", () => {
    const bad = [];
    for (const p of pages)
      for (const [, href] of readFileSync(join(SITE, p), "utf8").matchAll(
        /href="([a-z]+:[^"]*)"/g,
      )) {
        let url;
        try {
          url = new URL(href.replaceAll("&amp;", "&"));
        } catch {
          bad.push(`${p}: ${href}`);
          continue;
        }
        if (url.protocol === "mailto:") continue;
        const host = url.hostname;
        if (
          !["https:", "http:"].includes(url.protocol) ||
          !/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host) ||
          /\.(md|ts|mjs|json|html)$/.test(host)
        )
          bad.push(`${p}: ${href}`);
      }
    assert.deepEqual(bad, []);
  });
});

describe("the demo's report in chromium", () => {
  let out;
  let report;

  before(async () => {
    out = mkdtempSync(join(tmpdir(), "iopkit-demo-"));
    const r = spawnSync(
      process.execPath,
      [join(ROOT, "node_modules", "tsx", "dist", "cli.mjs"), "examples/demo.ts", "--out", out],
      { cwd: ROOT, encoding: "utf8", timeout: 120_000, env: { ...process.env, NO_COLOR: "1" } },
    );
    assert.equal(r.status, 0, `the demo exits with 0:\n${r.stderr}`);
    assert.ok(existsSync(join(out, "report.html")), "the demo wrote report.html");
    report = await serveStatic(out);
  });

  after(async () => {
    await report?.close();
    if (out !== undefined) rmSync(out, { recursive: true, force: true });
  });

  /** Opens report.html at a width, recording every console error and failed request. */
  async function openReport(width) {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width, height: 900 });
    const problems = watchPage(page, []);
    const res = await page.goto(new URL("report.html", report.url).href, { waitUntil: "load" });
    assert.equal(res?.status(), 200, "report.html answers 200");
    return { page, problems };
  }

  test("report.html at 1280 px: no errors, every chart drawn, every link resolves", async () => {
    const { page, problems } = await openReport(1280);
    assert.match(await page.title(), /simulated clinic/);
    assert.match((await page.textContent("h1")) ?? "", /Adult Substance-Use IOP/);
    const charts = await page.$$eval("svg.chart", (svgs) =>
      svgs.map((svg) => {
        const box = svg.getBoundingClientRect();
        return {
          title: svg.querySelector("title")?.textContent ?? "",
          width: box.width,
          height: box.height,
          marks: svg.querySelectorAll("rect, path, circle").length,
        };
      }),
    );
    assert.ok(charts.length >= 10, `the report has its charts (found ${charts.length})`);
    for (const c of charts) {
      assert.ok(c.title.length > 0, "every chart has a <title>");
      assert.ok(
        c.width > 100 && c.height > 50,
        `${c.title}: drawn with a size (${c.width}×${c.height})`,
      );
      assert.ok(c.marks > 0, `${c.title}: has bars or lines`);
    }
    for (const title of ["Census by phase per ISO week", "PHQ-9 over the weeks of treatment"]) {
      const chart = charts.find((c) => c.title === title);
      assert.ok(
        chart !== undefined && chart.marks > 5,
        `the chart "${title}" has its bars or lines`,
      );
    }
    const headings = await page.$$eval("h2", (hs) => hs.map((h) => h.textContent ?? ""));
    for (const h of [
      "Census by phase",
      "PHQ-9 trajectories",
      "Compliance and attendance",
      "Notable events",
    ])
      assert.ok(headings.includes(h), `section "${h}"`);
    assert.ok(
      (await page.locator("table.calendar td li").count()) > 10,
      "a calendar with sessions",
    );
    const { checked, broken } = await checkLinks(page, report.url);
    assert.ok(checked > 5, "the table of contents and the files are linked");
    assert.deepEqual(broken, [], "broken links");
    await page.screenshot({ path: join(SHOTS, "demo-report.png"), fullPage: true });
    await page.close();
    assert.deepEqual(problems, [], "console errors, failed requests, HTTP ≥ 400");
  });

  test("report.html on a phone (390 px): nothing wider than the screen", async () => {
    const { page, problems } = await openReport(390);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(overflow <= 390, `the page is ${overflow} px wide`);
    await page.screenshot({ path: join(SHOTS, "demo-report-phone.png"), fullPage: false });
    await page.close();
    assert.deepEqual(problems, []);
  });
});
