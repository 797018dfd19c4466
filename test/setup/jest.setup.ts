import { toHaveNoViolations } from "jest-axe";

expect.extend(toHaveNoViolations);

// jsdom has no ResizeObserver; Fluent and the PCF mock expect one. Tests that need sizes pass them as props.
class NoopResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
const g = globalThis as unknown as { ResizeObserver?: unknown };
if (g.ResizeObserver === undefined) g.ResizeObserver = NoopResizeObserver;

// The PCF mock library prints a banner through console.info on first use; keep test output readable.
const originalInfo = console.info.bind(console);
console.info = (...args: unknown[]): void => {
  const first = typeof args[0] === "string" ? args[0] : "";
  if (/shko|ComponentFramework-Mock|sponsor/i.test(first)) return;
  originalInfo(...args);
};

// A React state update outside act() means a test looked at the screen before the control had settled
// (a promise the control started resolved after the test's last step): React 16 reports it through
// console.error, and here it fails the test that caused it.
const actWarnings: string[] = [];
const originalError = console.error.bind(console);
console.error = (...args: unknown[]): void => {
  const first = typeof args[0] === "string" ? args[0] : "";
  if (first.includes("not wrapped in act(")) actWarnings.push(first.split("\n")[0]);
  originalError(...args);
};
afterEach(() => {
  if (actWarnings.length === 0) return;
  const found = actWarnings.splice(0);
  throw new Error(`React state updated outside act() ${found.length} time(s): ${found[0]}`);
});
