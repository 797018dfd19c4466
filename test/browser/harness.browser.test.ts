/**
 * The browser-test runner itself: it starts the harness for a built control, keeps Chromium on
 * localhost, serves React from node_modules, runs axe in the page and ends every process it started.
 */
import * as fs from "fs";
import * as net from "net";
import { describeViolations, Harness, openHarness } from "./harness";

function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ port, host: "127.0.0.1" });
    s.once("connect", () => {
      s.destroy();
      resolve(true);
    });
    s.once("error", () => resolve(false));
  });
}

describe("harness runner", () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it("renders a built control with React from node_modules and no outside requests", async () => {
    h = await openHarness("IntegrationPatternPicker", { width: 800, height: 600 });
    await h.root.locator(".fui-FluentProvider").first().waitFor();
    const react = await h.page.evaluate(() => (window as unknown as { React?: { version: string } }).React?.version);
    expect(react).toBe("16.14.0");
    // A request to the outside world is aborted and recorded.
    await h.page.evaluate(() => fetch("https://example.invalid/ping").catch(() => undefined));
    expect(h.unexpectedRequests).toContain("https://example.invalid/ping");
    expect(describeViolations(await h.axeViolations())).toBe("");
    const shot = await h.screenshot("harness-runner");
    expect(fs.statSync(shot).size).toBeGreaterThan(1000);
  });

  it("ends pcf-start when closed, so the next harness can take port 8181", async () => {
    h = await openHarness("IntegrationPatternPicker");
    expect(await portInUse(8181)).toBe(true);
    await h.close();
    h = undefined;
    expect(await portInUse(8181)).toBe(false);
  });
});
