// Cold start: how long a fresh Node process takes to `import()` iopkit, iopkit/core and zod (its
// peer dependency, which every app that validates with iopkit loads anyway), from the built package
// (`npm run bench` builds first; "iopkit" resolves through package.json `exports` to dist/). Each
// sample is its own process, the three imports taking turns, so drift in the machine's speed
// spreads over all three. The time is measured inside the process, around the `import()` alone.
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { median } from "./harness";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** One import's samples, in ms. */
export interface ColdImport {
  readonly specifier: string;
  readonly samples: readonly number[];
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
}

/** What iopkit's imports may cost beyond zod's own (issue 19). */
export const coldImportGoals: Readonly<Record<string, number>> = {
  iopkit: 20,
  "iopkit/core": 5,
};

export const specifiers = ["zod", "iopkit", "iopkit/core"] as const;

function once(specifier: string): number {
  const code = `const t0 = performance.now(); await import(${JSON.stringify(specifier)}); process.stdout.write(String(performance.now() - t0));`;
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", code], {
    cwd: root,
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`import(${specifier}) failed:\n${r.stderr}`);
  return Number(r.stdout);
}

/** `samples` fresh processes per specifier, taking turns. */
export function coldImport(samples: number): ColdImport[] {
  const times = new Map<string, number[]>(specifiers.map((s) => [s, []]));
  for (let i = 0; i < samples; i++) for (const s of specifiers) times.get(s)?.push(once(s));
  return specifiers.map((specifier) => {
    const t = times.get(specifier) ?? [];
    return {
      specifier,
      samples: t,
      medianMs: median(t),
      minMs: Math.min(...t),
      maxMs: Math.max(...t),
    };
  });
}
