import { defineConfig } from "tsup";
import { parts } from "./scripts/parts.mjs";

export default defineConfig({
  entry: {
    index: "src/index.ts",
    ...Object.fromEntries(parts.map((p) => [`${p.name}/index`, `src/${p.name}/index.ts`])),
  },
  format: ["esm", "cjs"],
  // One shared chunk graph in both formats, so `instanceof IopError` holds across subpaths.
  splitting: true,
  dts: true,
  sourcemap: false,
  clean: true,
  // Rollup tree-shakes each chunk; an import whose bindings all went unused is dropped, not kept as a
  // bare `import "../chunk.js"` (the package has no side effects, and bundlers warn about such imports).
  treeshake: { moduleSideEffects: "no-external" },
  target: "es2022",
  platform: "neutral",
  tsconfig: "tsconfig.build.json",
  external: ["zod", "ts-pattern", "fast-check"],
});
