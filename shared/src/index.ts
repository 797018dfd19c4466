/**
 * Public API of @integrationkit/shared: pure TypeScript used by every IntegrationKit control.
 * No React, no PCF globals: everything here runs in Node (tests, benchmarks) and in the browser.
 */
export * from "./advisor";
export * from "./throttling";
export * from "./dataset";
export * from "./pcf";
export * from "./store";
export * from "./grid";
