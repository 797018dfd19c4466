/**
 * The browser-test runner itself: it serves a built control in the harness, keeps Chromium on
 * localhost, serves React from node_modules, runs axe in the page and ends every process it started.
 */
import * as fs from "fs";
import { describeViolations, Harness, openHarness } from "./harness";
import { portInUse, sharedServerInfo, siteOfThisProcess, startHarnessServer } from "./harness-server";

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

  it("keeps the run's pcf-start for the next harness, and a harness server ends pcf-start and Chromium when closed, freeing its port", async () => {
    // In a browser-test run, the run's server (jest globalSetup; port 8181 unless taken) outlives each harness.
    const shared = sharedServerInfo();
    expect(shared).toBeDefined();
    const site = siteOfThisProcess(shared!);
    h = await openHarness("IntegrationPatternPicker");
    expect(h.url).toBe(site.url);
    await h.close();
    h = undefined;
    expect(await portInUse(Number(new URL(site.url).port))).toBe(true);
    // A server of its own (as a benchmark starts; here on the next free port) ends its processes on
    // close, as the run's server does in globalTeardown: its port is free again and Chromium is gone.
    const server = await startHarnessServer({ shareBrowser: false });
    const port = Number(new URL(server.url).port);
    try {
      expect(await portInUse(port)).toBe(true);
      expect(server.browser!.isConnected()).toBe(true);
    } finally {
      await server.close();
    }
    expect(await portInUse(port)).toBe(false);
    expect(server.browser!.isConnected()).toBe(false);
  });
});
