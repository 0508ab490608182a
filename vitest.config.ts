import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { parts } from "./scripts/parts.mjs";

const src = (p: string): string => fileURLToPath(new URL(`./src/${p}`, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests and examples import "iopkit" and "iopkit/<part>" exactly as an app would.
    alias: [
      ...parts.map((p) => ({
        find: new RegExp(`^iopkit/${p.name}$`),
        replacement: src(`${p.name}/index.ts`),
      })),
      { find: /^iopkit$/, replacement: src("index.ts") },
    ],
  },
  test: {
    // Tests, and the example test files of examples/ (e.g. property-testing.test.ts).
    include: ["test/**/*.test.ts", "examples/**/*.test.ts"],
    exclude: ["test/browser/**", "node_modules/**"],
    setupFiles: ["test/setup.ts"],
    testTimeout: 60_000,
    typecheck: {
      enabled: true,
      include: ["test/**/*.test-d.ts"],
      tsconfig: "tsconfig.json",
    },
    coverage: {
      provider: "v8",
      include: ["src/**"],
      reporter: ["text-summary", "html"],
    },
  },
});
