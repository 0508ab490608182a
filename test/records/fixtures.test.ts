// Records written by every released version (test/fixtures/records/<version>/<Kind>.json, captured
// by scripts/capture-record-fixtures.ts) must be read by this version, forever: each one migrates
// to the current format, the parser reads it the same way (or refuses, pointing to migrateRecord,
// when the upgrade would lose something), nothing changes that a migration note does not explain,
// and the current format reads its own output back. A new version's folder is picked up as it is.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as iop from "iopkit";
import type { IssuePath, MigrationNote } from "iopkit";

const root = join(__dirname, "..", "fixtures", "records");
const versions = readdirSync(root).sort();

/** Every path at which `a` and `b` differ (`formatVersion` keys left out), outermost first. */
function differences(a: unknown, b: unknown, at: IssuePath = []): IssuePath[] {
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return [at];
    return a.flatMap((x, i) => differences(x, b[i], [...at, i]));
  }
  if (typeof a === "object" && a !== null && typeof b === "object" && b !== null) {
    const ka = Object.keys(a).filter((k) => k !== "formatVersion");
    const kb = Object.keys(b).filter((k) => k !== "formatVersion");
    const keys = [...new Set([...ka, ...kb])];
    return keys.flatMap((k) =>
      differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], [...at, k]),
    );
  }
  return Object.is(a, b) ? [] : [at];
}

const explained = (path: IssuePath, notes: readonly MigrationNote[]): boolean =>
  notes.some((n) => n.path.every((p, i) => path[i] === p));

describe.each(versions)("records written by %s", (version) => {
  const files = readdirSync(join(root, version)).map((f) => f.replace(/\.json$/, ""));

  it("has fixtures only of stored record kinds", () => {
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(iop.recordKinds).toContain(f);
  });

  it.each(files as iop.RecordKind[])(
    "%s: every record migrates to the current format, parses the same, and nothing is lost",
    (kind) => {
      const records = JSON.parse(
        readFileSync(join(root, version, `${kind}.json`), "utf8"),
      ) as unknown[];
      expect(records.length).toBeGreaterThan(0);
      for (const [i, stored] of records.entries()) {
        const where = `${version}/${kind}.json[${i}]`;
        const m = iop.safeMigrateRecord(kind, stored);
        if (!m.success) throw new Error(`${where} does not migrate: ${m.error.message}`);
        const { record, to, notes } = m.data;
        expect(to, where).toBe(iop.recordFormats[kind]);
        // Every change is a note; what is not a note is exactly as it was stored.
        const changed = differences(stored, JSON.parse(JSON.stringify(record)));
        expect(
          changed.filter((p) => !explained(p, notes)),
          where,
        ).toEqual([]);
        // The parser reads it to the same record, or refuses (pointing to migrateRecord) when the
        // upgrade loses something.
        const r = iop.safeParseRecord(kind, stored);
        if (notes.some((n) => n.change === "not-carried-over")) {
          expect(r.success, where).toBe(false);
          if (!r.success)
            expect(r.error.issues.map((x) => x.code)).toContain("format-upgrade-loses-data");
        } else {
          if (!r.success) throw new Error(`${where} does not parse: ${r.error.message}`);
          expect(r.data, where).toEqual(record);
        }
        // The current format reads its own output, unchanged.
        const again = iop.safeParseRecord(kind, JSON.parse(JSON.stringify(record)));
        if (!again.success)
          throw new Error(`${where} (current format) does not parse: ${again.error.message}`);
        expect(again.data, where).toEqual(record);
      }
    },
  );
});

/**
 * Kinds new since the last release: no released version wrote them yet. Their first fixtures are
 * captured when the next version is released (scripts/capture-record-fixtures.ts writes every kind);
 * until then the current format's own output is read back by test/interop/json-schemas.prop.test.ts.
 */
const unreleased: readonly iop.RecordKind[] = ["Authorization", "WaitlistEntry"];

describe("the fixtures of 0.1.0", () => {
  it("cover every stored record kind iopkit 0.1.0 had, all of them format 1", () => {
    const files = readdirSync(join(root, "0.1.0")).map((f) => f.replace(/\.json$/, ""));
    const released = iop.recordKinds.filter((k) => !unreleased.includes(k));
    expect(files.sort()).toEqual([...released].sort());
    expect(released.length + unreleased.length).toBe(iop.recordKinds.length);
    for (const kind of released) {
      const records = JSON.parse(
        readFileSync(join(root, "0.1.0", `${kind}.json`), "utf8"),
      ) as unknown[];
      for (const r of records) expect(iop.migrateRecord(kind, r).from).toBe(1);
    }
  });
});
