// Unit and component tests: jsdom, React 16.14.0, Testing Library 12, jest-axe, fast-check.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "jsdom",
  // @shko.online/componentframework-mock pulls sinon, whose "browser" export is ESM: resolve the Node build.
  testEnvironmentOptions: { customExportConditions: ["node", "require", "default"] },
  roots: ["<rootDir>/test", "<rootDir>/shared", "<rootDir>/controls"],
  testMatch: ["<rootDir>/test/unit/**/*.test.ts?(x)", "<rootDir>/test/component/**/*.test.ts?(x)", "<rootDir>/test/solution/**/*.test.ts"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "<rootDir>/tsconfig.test.json", diagnostics: { warnOnly: false } }],
  },
  moduleNameMapper: {
    "^@integrationkit/shared$": "<rootDir>/shared/src/index.ts",
    "\\.(css|png|svg)$": "<rootDir>/test/setup/fileStub.js",
  },
  setupFilesAfterEnv: ["<rootDir>/test/setup/jest.setup.ts"],
  collectCoverageFrom: ["shared/src/**/*.ts", "controls/*/components/**/*.tsx", "controls/*/index.ts", "solution/scripts/**/*.ts"],
  coveragePathIgnorePatterns: ["/node_modules/", "/generated/"],
  coverageReporters: ["text-summary", "json-summary", "lcov"],
  coverageThreshold: {
    "./shared/src/": { lines: 80 },
  },
};
