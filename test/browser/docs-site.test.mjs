// The documentation site (and the demo's report) in a real browser: Debian's chromium driven by
// playwright-core, headless, no sandbox, background networking off. Serves docs/site on localhost,
// opens the home page, every guide and a sample of API pages, fails on any console error, failed
// request or broken internal link, uses the site search, and saves screenshots to
// test-results/screenshots. Run by `npm run test:browser` (CI installs chromium first:
// scripts/install-chromium.sh). Needs `npm run docs` (done by npm run test:browser).
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { checkLinks, launchBrowser, serveStatic, watchPage } from "./kit.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const SITE = join(ROOT, "docs", "site");
const SHOTS = join(ROOT, "test-results", "screenshots");
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
  await page.waitForSelector("#tsd-nav-container a");
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

  test('search finds words inside the guides (e.g. "step-down")', async () => {
    const { page } = await openPage("index.html");
    await page.keyboard.press("/");
    await page.waitForSelector("#tsd-search[open]");
    await page.waitForFunction(
      () => !document.querySelector("#tsd-search-status")?.textContent?.trim(),
    );
    await page.fill("#tsd-search-input", "step-down");
    await page.locator('#tsd-search-results li[role="option"]').first().waitFor();
    assert.ok((await page.locator('#tsd-search-results li[role="option"]').count()) > 0);
    await page.close();
  });
});
