// ESLint flat config: typescript-eslint with type information (recommendedTypeChecked, projectService),
// React hooks and the Power Apps checker rules.
// `npm run lint` runs it on the whole tree. (pcf-scripts' own "Running ESLint" build step lints nothing here:
// it passes the control's name as a file pattern from inside the control's folder.)
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import powerApps from "@microsoft/eslint-plugin-power-apps";
import globals from "globals";

export default tseslint.config(
  {
    ignores: [
      "node_modules/**",
      "out/**",
      "coverage/**",
      "test-results/**",
      "solution/bin/**",
      "controls/*/generated/**",
      "test/fixtures/**",
      "**/*.d.ts",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    files: ["**/*.ts", "**/*.tsx"],
    plugins: {
      "react-hooks": reactHooks,
      "@microsoft/power-apps": powerApps,
    },
    languageOptions: {
      ecmaVersion: 2020,
      sourceType: "module",
      globals: { ...globals.browser, ComponentFramework: "readonly" },
      // projectService takes each file's nearest tsconfig.json, as an editor does: the root's is the only one
      // (one TypeScript program for the whole tree; the controls' build settings are in tsconfig.controls.json
      // and tsconfig.build.json files: see controls/webpack.config.js).
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      ...powerApps.configs.paCheckerHosted.rules,
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": ["warn", { allow: ["warn", "error"] }],
      eqeqeq: ["error", "smart"],
    },
  },
  {
    // Components that compile JSX with the `@jsx h` pragma (controls/common/jsx.ts): typescript-eslint's
    // scope analysis takes the factory from here (it reads no per-file pragma), so `h` counts as used.
    files: [
      "controls/IntegrationPatternPicker/components/*.tsx",
      "controls/ThrottlingEventPanel/components/*.tsx",
      "controls/VirtualTablePreview/components/*.tsx",
      "controls/common/*.tsx",
    ],
    languageOptions: { parserOptions: { jsxPragma: "h", jsxFragmentName: "Fragment" } },
  },
  {
    // Node-side code: tests, benchmarks, the solution packer.
    files: ["test/**/*.{ts,tsx}", "solution/**/*.ts", "*.config.{js,mjs,ts}", "jest*.config.{js,ts}"],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
    // Jest's matchers take mocked methods unbound (expect(api.fn).toHaveBeenCalled()).
    rules: { "no-console": "off", "@typescript-eslint/unbound-method": "off" },
  },
  {
    files: ["**/*.js", "**/*.cjs", "**/*.mjs"],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: { ...globals.node } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["**/*.mjs"],
    languageOptions: { globals: { ...globals.node } },
  },
);
