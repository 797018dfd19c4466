// Browser tests: the real PCF test harness (pcf-start) in headless Chromium, one harness at a time.
// The run starts one pcf-start and one Chromium (globalSetup) that every test file's harnesses share,
// each harness in a fresh browser context; globalTeardown ends them, pass or fail.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test/browser"],
  testMatch: ["<rootDir>/test/browser/**/*.browser.test.ts"],
  transform: {
    "^.+\\.tsx?$": ["@swc/jest", { jsc: { parser: { syntax: "typescript", tsx: true }, target: "es2020" }, module: { type: "commonjs" } }],
  },
  moduleNameMapper: { "^@integrationkit/shared$": "<rootDir>/shared/src/index.ts" },
  globalSetup: "<rootDir>/test/browser/global-setup.ts",
  globalTeardown: "<rootDir>/test/browser/global-teardown.ts",
  maxWorkers: 2,
  testTimeout: 180000,
};
