// Reusable helpers: a zero-dependency static server + a Debian-chromium launcher
// + a page "probe" that records console errors, page errors, failed requests and HTTP >= 400.
import http from "node:http";
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join, normalize, resolve, sep } from "node:path";
import { chromium } from "playwright-core";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

/** Serve `root` on 127.0.0.1:<random port>. Resolves to { url, close }. */
export async function serveStatic(root) {
  root = resolve(root);
  const server = http.createServer((req, res) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, "http://x").pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    let file = normalize(join(root, pathname));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections();
        server.close(ok);
      }),
  };
}

export const CHROMIUM =
  process.env.CHROMIUM_PATH ??
  ["/usr/bin/chromium", "/usr/lib/chromium/chromium"].find((p) => existsSync(p));

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Launch headless Debian chromium with a fresh, throw-away profile. Resolves to { context, close }. */
export async function launchBrowser() {
  if (!CHROMIUM)
    throw new Error(
      "chromium not found: apt-get install -y --no-install-recommends chromium (or set CHROMIUM_PATH)",
    );
  const userDataDir = mkdtempSync(join(tmpdir(), "docs-e2e-profile-"));
  // NB: never put --user-data-dir into args (playwright throws); use launchPersistentContext instead.
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Attach listeners that collect every kind of page problem into `problems` (array of strings). */
export function watchPage(page, problems = [], { ignoreUrl = () => false } = {}) {
  page.on("console", (msg) => {
    if (msg.type() !== "error") return;
    const url = msg.location()?.url ?? "";
    if (!ignoreUrl(url)) problems.push(`console.error: ${msg.text()} @ ${url}`);
  });
  page.on("pageerror", (err) => problems.push(`pageerror: ${err.message}`));
  page.on("requestfailed", (req) => {
    if (!ignoreUrl(req.url()))
      problems.push(`requestfailed: ${req.url()} ${req.failure()?.errorText}`);
  });
  page.on("response", (res) => {
    if (res.status() >= 400 && !ignoreUrl(res.url()))
      problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  return problems;
}

/**
 * Check every same-origin <a href> in the page's live DOM: target must answer HTTP 200 and,
 * if the link has a #fragment into an HTML page, that page must contain id="fragment" (or name=).
 * Returns { checked, broken[] }. `cache` (a Map) may be shared across pages to fetch each URL once.
 */
export async function checkLinks(page, origin, cache = new Map()) {
  const hrefs = await page.$$eval("a[href]", (as) => [...new Set(as.map((a) => a.href))]);
  const internal = hrefs.filter((h) => h.startsWith(origin));
  const broken = [];
  for (const href of internal) {
    const u = new URL(href);
    const frag = decodeURIComponent(u.hash.slice(1));
    u.hash = "";
    if (!cache.has(u.href)) {
      cache.set(
        u.href,
        fetch(u.href).then(async (r) => {
          const html = r.headers.get("content-type")?.includes("html") ? await r.text() : "";
          return {
            status: r.status,
            ids: new Set([...html.matchAll(/\s(?:id|name)="([^"]+)"/g)].map((m) => m[1])),
          };
        }),
      );
    }
    const { status, ids } = await cache.get(u.href);
    if (status !== 200) broken.push(`${href} -> HTTP ${status}`);
    else if (frag && u.pathname.endsWith(".html") && !ids.has(frag))
      broken.push(`${href} -> missing #${frag}`);
  }
  return { checked: internal.length, broken };
}
