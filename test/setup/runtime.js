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
// 2. V8's code cache for large scripts. jest compiles every module again for every test file (each file
//    has its own module registry and context, and vm.compileFunction does not share V8's compilation
//    cache), so each jsdom test file parses Fluent UI (2 MB), react-dom, axe-core, the PCF mock's SQL
//    engine and the rest anew. The first compilation of a script in a worker keeps V8's cached data; a
//    later compilation of the same file with the same text passes it back, and V8 skips the parse
//    (Fluent's script: about 40 ms → 6 ms). V8 checks the data against the source and its own flags and
//    compiles normally when it does not match (`cachedDataRejected`); the function is the same either
//    way. Measured: about 3 s less CPU over the suite, 1.3 to 1.8 s less wall time on 2 workers.
//    https://nodejs.org/api/vm.html#vmcompilefunctioncode-params-options
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

/** Scripts smaller than this gain little from the cache: our own modules are a few KB each. */
const CACHE_FROM_CHARS = 20_000;
const compileFunction = vm.compileFunction;
/** @type {Map<string, { code: string, data: Buffer }>} file name → its text and V8's data for it */
const codeCache = new Map();

vm.compileFunction = function compileFunctionWithCodeCache(code, params, options) {
  const filename = options === undefined || options === null ? undefined : options.filename;
  if (typeof filename !== "string" || typeof code !== "string" || code.length < CACHE_FROM_CHARS || options.cachedData !== undefined) {
    return compileFunction.call(vm, code, params, options);
  }
  const cached = codeCache.get(filename);
  if (cached !== undefined && cached.code === code) {
    const fn = compileFunction.call(vm, code, params, { ...options, cachedData: cached.data });
    if (fn.cachedDataRejected === true) codeCache.delete(filename);
    return fn;
  }
  const fn = compileFunction.call(vm, code, params, { ...options, produceCachedData: true });
  if (fn.cachedData !== undefined) codeCache.set(filename, { code, data: fn.cachedData });
  return fn;
};

module.exports = IntegrationKitRuntime;
