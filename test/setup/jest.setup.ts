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
