// jest's module runtime (jest-runtime) for every project, with two changes that make the same tests
// cheaper to run and change nothing they see. Wired with jest's `runtime` option (jest-runner:
// `projectConfig.runtime`); loaded once in each worker process.
//
// 1. The coverage counters a test file leaves in its global are copied out of the test's context with
//    structuredClone, not with jest-util's deepCyclicCopy. After every test file, jest copies the whole
//    `__coverage__` object (one entry per instrumented module the file loaded: statement, function and
//    branch maps with a location object per statement, plus the counters) out of the context that is
//    about to be torn down. deepCyclicCopy does that property by property through property descriptors;
//    structuredClone copies the same plain data natively. Measured over the whole suite on the 2-core
//    machine: 3.7 s of copying across the workers with deepCyclicCopy, 0.75 s with structuredClone, and
//    the two copies equal (JSON-compared) for every file. The copy still leaves nothing pointing into
//    the torn-down context, which is what jest's copy is for. If a copy ever fails (a value
//    structuredClone cannot copy), jest's own copy is used for that file.
//
// 2. Third-party scripts share their compiled code between test files. jest compiles every module
//    again for every test file (each file has its own module registry and context) with
//    vm.compileFunction, which V8's compilation cache does not serve: each jsdom test file parsed Fluent
//    UI (2 MB), react-dom, axe-core, the PCF mock's SQL engine and jest's own modules anew, and compiled
//    again each function it ran. A file under node_modules (never transformed, never instrumented) is
//    compiled here as a vm.Script that wraps it in the same function, which V8 looks up in its
//    compilation cache by text: the second test file in a worker gets the bytecode the first one made
//    (Fluent's script: 45 ms to compile, then 0.1 ms), and each context still gets its own closures.
//    The wrapper's line is not counted (lineOffset -1), so stack traces show the file's own lines and
//    columns. Our own modules (transformed, instrumented, source-mapped) go through jest's path unchanged.
//    Measured in-band on the component tests: 33.4 to 35.3 s against 36.5 to 39.5 s with V8's per-file
//    cached data instead (measured side by side).
//    https://nodejs.org/api/vm.html#class-vmscript
"use strict";

const path = require("path");
const vm = require("vm");

// The copies jest-runner itself loads (they are jest's dependencies, not ours).
const runnerDir = path.dirname(require.resolve("jest-runner/package.json"));
const Runtime = require(require.resolve("jest-runtime", { paths: [runnerDir] })).default;
const { deepCyclicCopy } = require(require.resolve("jest-util", { paths: [runnerDir] }));

class IntegrationKitRuntime extends Runtime {
  getAllCoverageInfoCopy() {
    const coverage = this._environment.global.__coverage__;
    if (coverage === undefined) return undefined;
    try {
      return structuredClone(coverage);
    } catch {
      return deepCyclicCopy(coverage);
    }
  }
}

const compileFunction = vm.compileFunction;
const NODE_MODULES = `${path.sep}node_modules${path.sep}`;

vm.compileFunction = function compileFunctionSharingBytecode(code, params, options) {
  const filename = options === undefined || options === null ? undefined : options.filename;
  if (
    typeof filename !== "string" ||
    !filename.includes(NODE_MODULES) ||
    typeof code !== "string" ||
    code.startsWith("#!") ||
    options.parsingContext === undefined ||
    options.cachedData !== undefined ||
    options.produceCachedData === true
  ) {
    return compileFunction.call(vm, code, params, options);
  }
  // The wrapper's first line is not counted (lineOffset -1), so positions in stack traces are the file's.
  const script = new vm.Script(`(function (${params.join(", ")}) {\n${code}\n})`, {
    filename,
    lineOffset: -1,
    importModuleDynamically: options.importModuleDynamically,
  });
  return script.runInContext(options.parsingContext);
};

module.exports = IntegrationKitRuntime;
