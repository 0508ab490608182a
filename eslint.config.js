// ESLint: typed rules for all TypeScript, stricter rules for src, and the layer rule of DESIGN.md
// (a part imports only parts of lower layers; nothing in src imports tests, examples or bench).
import js from "@eslint/js";
import { defineConfig } from "eslint/config";
import tseslint from "typescript-eslint";
import { parts } from "./scripts/parts.mjs";

/** Import patterns of the parts `part` must not import: same or later layers. */
const higher = (part) => {
  const names = parts
    .filter((o) => o.name !== part.name && o.layer >= part.layer)
    .map((o) => o.name);
  return names.length === 0 ? [] : [names.flatMap((n) => [`**/${n}`, `**/${n}/**`])];
};

const layerRules = parts.map((part) => ({
  files: [`src/${part.name}/**/*.ts`],
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: [
          ...higher(part).map((group) => ({
            group,
            message: `src/${part.name} (layer ${part.layer}) may import only parts of lower layers (DESIGN.md).`,
          })),
          {
            group: ["**/test/**", "**/examples/**", "**/bench/**", "iopkit", "iopkit/*"],
            message: "src must not import tests, examples, bench or itself by package name.",
          },
          {
            group: ["luxon"],
            message:
              "luxon is a devDependency (a test oracle and bench baseline): src reads zones through Intl (core/intl-zone.ts).",
          },
        ],
      },
    ],
  },
}));

export default defineConfig(
  {
    ignores: [
      "dist/**",
      "coverage/**",
      "out/**",
      "docs/site/**",
      "bench/results/**",
      ".tmp/**",
      "node_modules/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/switch-exhaustiveness-check": [
        "error",
        { considerDefaultExhaustiveForUnions: true },
      ],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      eqeqeq: ["error", "always"],
    },
  },
  {
    files: ["src/**/*.ts"],
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-non-null-assertion": "error",
      "no-restricted-syntax": [
        "error",
        {
          selector: "MemberExpression[object.name='Date'][property.name='now']",
          message: "iopkit takes `now` as a parameter.",
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: "iopkit takes `now` as a parameter.",
        },
        {
          selector: "MemberExpression[object.name='Math'][property.name='random']",
          message: "Use createRng(seed).",
        },
        {
          selector: "MemberExpression[object.name='process']",
          message: "src does no I/O and reads no environment.",
        },
      ],
    },
  },
  ...layerRules,
  {
    files: ["**/*.js", "**/*.mjs", "**/*.cjs"],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: {
        process: "readonly",
        console: "readonly",
        URL: "readonly",
        Buffer: "readonly",
        setTimeout: "readonly",
        fetch: "readonly",
        performance: "readonly",
      },
    },
  },
  {
    // Callbacks passed to page.evaluate / waitForFunction run in the browser.
    files: ["test/browser/**/*.mjs"],
    languageOptions: { globals: { document: "readonly", window: "readonly" } },
  },
);
