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
  treeshake: true,
  target: "es2022",
  platform: "neutral",
  tsconfig: "tsconfig.build.json",
  external: ["zod", "luxon", "ts-pattern", "fast-check"],
});
