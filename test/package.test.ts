// The package's shape: exports in sync with the parts, src folders = parts, metadata a careful
// library author would publish, and a README that opens with the two commands.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parts } from "../scripts/parts.mjs";
import { expected } from "../scripts/sync-exports.mjs";

const pkg = JSON.parse(readFileSync("package.json", "utf8")) as Record<string, unknown>;

describe("package.json", () => {
  it("exports the main entry and one subpath per part, with import/require and types", () => {
    expect(pkg["exports"]).toEqual(expected().exportsMap);
  });

  it("has one src folder per part, and no other", () => {
    const folders = readdirSync("src", { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    expect(folders).toEqual(parts.map((p) => p.name).sort());
  });

  it("is an ESM, side-effect-free package for Node ≥ 20.19 that ships only dist", () => {
    expect(pkg["name"]).toBe("iopkit");
    expect(pkg["type"]).toBe("module");
    expect(pkg["sideEffects"]).toBe(false);
    expect(pkg["engines"]).toEqual({ node: ">=20.19" });
    expect(pkg["files"]).toEqual(["dist"]);
    expect(pkg["license"]).toBe("MIT");
  });

  it("has zod as a peer, fast-check as an optional peer, and runtime deps ts-pattern and FHIR types only", () => {
    // @medplum/fhirtypes is type-only: FHIR R4 types appear in the interop API; no runtime code ships.
    // luxon is a devDependency: zones are read through Intl; tests and benches compare with luxon.
    expect(Object.keys(pkg["dependencies"] as object).sort()).toEqual([
      "@medplum/fhirtypes",
      "ts-pattern",
    ]);
    expect(Object.keys(pkg["devDependencies"] as object)).toEqual(
      expect.arrayContaining(["luxon", "@types/luxon"]),
    );
    expect(pkg["peerDependencies"]).toMatchObject({ zod: "^4.0.0", "fast-check": "^4.0.0" });
    expect(pkg["peerDependenciesMeta"]).toEqual({ "fast-check": { optional: true } });
  });

  it("says where it lives, where its docs are and where to report bugs, and publishes publicly with provenance", () => {
    expect(pkg["repository"]).toEqual({
      type: "git",
      url: "git+https://github.com/iopkit/iopkit.git",
    });
    expect(pkg["homepage"]).toBe("https://iopkit.dev");
    expect(pkg["bugs"]).toEqual({ url: "https://github.com/iopkit/iopkit/issues" });
    expect(pkg["publishConfig"]).toEqual({
      access: "public",
      provenance: true,
      registry: "https://registry.npmjs.org/",
    });
  });

  it("pins rollup so `npm ci` works on these machines (TOOLCHAIN.md pitfall 1)", () => {
    expect(pkg["overrides"]).toMatchObject({ rollup: "4.67.4" });
  });
});

describe("README", () => {
  const readme = readFileSync("README.md", "utf8");

  it("opens with the two commands a newcomer needs", () => {
    const head = readme.split("\n").slice(0, 20).join("\n");
    expect(head).toContain("npm ci && npm run demo");
    expect(head).toContain("npm ci && npm test");
  });

  it("links only with absolute URLs (they must work on the npm page), into files that exist", () => {
    const links = [...readme.matchAll(/\]\(([^)]+)\)/g)].map((m) => m[1] ?? "");
    expect(links.length).toBeGreaterThan(10);
    expect(links.filter((l) => !/^https:\/\//.test(l))).toEqual([]);
    const repo = "https://github.com/iopkit/iopkit/";
    const missing = links
      .filter((l) => l.startsWith(`${repo}blob/main/`) || l.startsWith(`${repo}tree/main/`))
      .map((l) => l.replace(/^https:\/\/github\.com\/iopkit\/iopkit\/(blob|tree)\/main\//, ""))
      .filter((path) => !existsSync(path));
    expect(missing).toEqual([]);
    expect(readme).toContain("https://iopkit.dev");
  });
});
