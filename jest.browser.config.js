// Browser tests: the real PCF test harness (pcf-start) in headless Chromium, one harness at a time.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test/browser"],
  testMatch: ["<rootDir>/test/browser/**/*.browser.test.ts"],
  transform: {
    "^.+\\.tsx?$": ["@swc/jest", { jsc: { parser: { syntax: "typescript", tsx: true }, target: "es2020" }, module: { type: "commonjs" } }],
  },
  moduleNameMapper: { "^@integrationkit/shared$": "<rootDir>/shared/src/index.ts" },
  maxWorkers: 1,
  testTimeout: 180000,
};
