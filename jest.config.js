// Unit, solution and component tests. Three jest projects: pure logic and the solution tooling run
// under Node; components under jsdom with React 16.14.0, Testing Library 12 and jest-axe.
// Files are transpiled one by one with SWC (no type-check here: `npm test` runs tsc first).
const swc = [
  "@swc/jest",
  {
    jsc: {
      parser: { syntax: "typescript", tsx: true },
      transform: { react: { runtime: "classic" } },
      target: "es2020",
    },
    module: { type: "commonjs" },
    sourceMaps: "inline",
  },
];

const common = {
  rootDir: __dirname,
  transform: { "^.+\\.(t|j)sx?$": swc },
  transformIgnorePatterns: ["/node_modules/"],
  moduleNameMapper: {
    "^@integrationkit/shared$": "<rootDir>/shared/src/index.ts",
    "\\.(css|png|svg)$": "<rootDir>/test/setup/fileStub.js",
  },
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      ...common,
      displayName: "unit",
      testEnvironment: "node",
      testMatch: ["<rootDir>/test/unit/**/*.test.ts"],
    },
    {
      ...common,
      displayName: "solution",
      testEnvironment: "node",
      testMatch: ["<rootDir>/test/solution/**/*.test.ts"],
    },
    {
      ...common,
      displayName: "component",
      testEnvironment: "jsdom",
      // @shko.online/componentframework-mock pulls sinon, whose "browser" export is ESM: resolve the Node build.
      testEnvironmentOptions: { customExportConditions: ["node", "require", "default"] },
      testMatch: ["<rootDir>/test/component/**/*.test.ts?(x)", "<rootDir>/test/unit/**/*.test.tsx"],
      setupFilesAfterEnv: ["<rootDir>/test/setup/jest.setup.ts"],
    },
  ],
  // Jest's default is one worker less than the cores: on the 2-core machines that is one worker.
  maxWorkers: "100%",
  // Every jsdom test file loads its own copy of Fluent UI (thousands of scripts), and a worker keeps the
  // copies of several earlier files alive. With v8 coverage each file starts with Debugger.enable and
  // Profiler.startPreciseCoverage, whose cost grows with every script the worker still holds (measured:
  // from about 0.1 s to 2.5 s per file). A worker above this heap size after a file is replaced by a
  // fresh one, which costs far less than carrying the old copies through the rest of the run.
  workerIdleMemoryLimit: "300MB",
  coverageProvider: "v8",
  collectCoverageFrom: [
    "shared/src/**/*.ts",
    "controls/**/*.{ts,tsx}",
    "solution/scripts/**/*.ts",
    "!controls/*/generated/**",
    "!controls/*/strings/StringKeys.ts",
    "!**/*.d.ts",
  ],
  coverageReporters: ["text-summary", "json-summary", "lcov"],
  // Near the figures when these were set (lines 95.7 %, branches 90.4 % over shared, controls and solution scripts).
  coverageThreshold: {
    global: { lines: 95, branches: 85 },
  },
};
