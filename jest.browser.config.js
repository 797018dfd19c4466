// Browser tests: the real PCF test harness (pcf-start) in headless Chromium. The run (globalSetup) starts
// one Chromium and one pcf-start per worker, which the test files' harnesses share, one harness at a time
// per worker, each in a fresh browser context; globalTeardown ends them, pass or fail. On the 2-core
// machine two workers are the fastest: the stage keeps about 90 % of both cores busy (Chromium, the
// harness and jest), and a third worker made it slower (86 s against 77 s).
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
