// The fixture capture runs at release time, once; a script that only runs then can rot unseen (it
// did: a consent shape this version refuses stopped it). This test runs it into a temporary folder
// and checks it writes every stored record kind, each record one this version reads as it is.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import * as iop from "iopkit";

const root = join(__dirname, "..", "..");
const out = join(mkdtempSync(join(tmpdir(), "iopkit-capture-")), "records");
afterAll(() => rmSync(join(out, ".."), { recursive: true, force: true }));

describe("scripts/capture-record-fixtures.ts", () => {
  it("writes every stored record kind, and this version parses every record unchanged", () => {
    const r = spawnSync(
      process.execPath,
      [
        join(root, "node_modules", "tsx", "dist", "cli.mjs"),
        "scripts/capture-record-fixtures.ts",
        "--out",
        out,
      ],
      { cwd: root, encoding: "utf8", timeout: 120_000 },
    );
    expect(r.stderr + r.stdout, "the script's output").toContain("WaitlistEntry");
    expect(r.status).toBe(0);
    const files = readdirSync(out).map((f) => f.replace(/\.json$/, ""));
    expect(files.sort()).toEqual([...iop.recordKinds].sort());
    for (const kind of iop.recordKinds) {
      const records = JSON.parse(readFileSync(join(out, `${kind}.json`), "utf8")) as unknown[];
      expect(records.length, kind).toBeGreaterThan(0);
      for (const [i, stored] of records.entries()) {
        const parsed = iop.safeParseRecord(kind, stored);
        if (!parsed.success) throw new Error(`${kind}[${i}]: ${parsed.error.message}`);
        expect(JSON.parse(JSON.stringify(parsed.data)), `${kind}[${i}]`).toEqual(stored);
      }
    }
  }, 180_000);
});
