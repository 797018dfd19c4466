/**
 * ThrottlingEventPanel in the real PCF harness (pcf-start + Chromium). The harness has no Dataverse,
 * so the live source must say so and offer the simulation; the simulated source then opens with a
 * short throttling episode (the simulator's scenario gives a 5 s Retry-After), and we watch the
 * countdown reach zero and the panel resume. The page runs on Playwright's clock, so the countdown's
 * seconds are passed by moving the page's time on a little at a time rather than by waiting for them
 * (the panel's timers and the simulator are untouched). Axe runs in every state; screenshots go to
 * test-results/screenshots/. The live error, forbidden and timeout states, against the harness's
 * fake webAPI, are in ThrottlingEventPanel.failures.browser.test.ts; dark, high-contrast, German,
 * Arabic (right to left) and disabled, in i18n.browser.test.ts.
 */
import type { Locator } from "playwright-core";
import { describeViolations, Harness, openHarness, until } from "./harness";

const CONTROL = "ThrottlingEventPanel";

async function countdownSeconds(h: Harness): Promise<number | undefined> {
  const el = h.root.getByTestId("own-countdown");
  if ((await el.count()) === 0) return undefined;
  // The countdown may go away between the two reads (the panel resumed).
  const text = await el.textContent({ timeout: 500 }).catch(() => null);
  if (text === null) return undefined;
  const m = /(\d+) seconds?\./.exec(text);
  return m ? Number(m[1]) : 0;
}

/** The accessible name of the focused element (aria-label or text). */
async function focusedName(h: Harness): Promise<string> {
  return h.page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return el ? (el.getAttribute("aria-label") ?? el.textContent ?? "").trim() : "";
  });
}

async function tabTo(h: Harness, pattern: RegExp, max = 80): Promise<string> {
  for (let i = 0; i < max; i++) {
    await h.page.keyboard.press("Tab");
    const name = await focusedName(h);
    if (pattern.test(name)) return name;
  }
  throw new Error(`No focusable element matching ${String(pattern)} within ${max} tabs`);
}

/**
 * The simulation opens with a short throttling episode (a 5 s Retry-After): move the page's clock on a
 * second at a time until what follows it is on screen (by default, the panel saying it is up to date).
 */
async function passOpeningEpisode(h: Harness, until: Locator = h.root.getByText("Up to date")): Promise<void> {
  for (let i = 0; i < 20 && (await until.count()) === 0; i++) await h.page.clock.fastForward(1000);
  await until.waitFor({ timeout: 20_000 });
}

describe("ThrottlingEventPanel in the harness", () => {
  let h: Harness | undefined;

  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it("offers the simulation when live data is unavailable, counts a Retry-After down to zero and resumes", async () => {
    h = await openHarness(CONTROL, { width: 900, height: 1400, viewport: { width: 1400, height: 1500 }, fakeClock: true });
    await h.root.getByRole("heading", { name: "Integration health" }).waitFor();
    // The harness seeds text inputs with "val": a malformed priorities JSON, reported, and the panel carries on.
    await h.root.getByText("Throttling priority mappings ignored").waitFor();
    await h.setProperty("appPriorities", "");
    await h.root.getByText("Live data is not available here").waitFor();
    expect(await h.root.getByText("Throttling priority mappings ignored").count()).toBe(0);
    expect(describeViolations(await h.axeViolations())).toBe("");
    await h.screenshot("ThrottlingEventPanel-live-unavailable", { controlOnly: true });

    await h.setProperty("source", "simulated");
    await h.root.getByText("Simulated", { exact: true }).waitFor();
    await h.root.getByTestId("own-countdown").waitFor({ timeout: 10_000 });
    const first = await countdownSeconds(h);
    expect(first).toBeGreaterThanOrEqual(1);
    expect(first).toBeLessThanOrEqual(5);
    const status = h.root.getByRole("status");
    expect(await status.getAttribute("aria-live")).toBe("polite");
    expect(await status.textContent()).toMatch(/try again in \d+ seconds?/);
    expect(describeViolations(await h.axeViolations())).toBe("");
    await h.screenshot("ThrottlingEventPanel-simulated-throttled", { controlOnly: true });

    // Watch the countdown tick down to zero (the announcement stays as it was: no per-second chatter).
    const seen = new Set<number>();
    const announced = await status.textContent();
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      const s = await countdownSeconds(h);
      if (s === undefined) break;
      seen.add(s);
      // (The panel may resume between the two reads.)
      if (s > 0) expect([announced, "Updates resumed."]).toContain(await status.textContent());
      await h.page.clock.fastForward(250);
    }
    expect(seen.size).toBeGreaterThanOrEqual(2);
    expect(Math.min(...seen)).toBeLessThanOrEqual(1);

    // Resumed: data on screen, status up to date, and the resume announced.
    await h.root.getByText("Up to date").waitFor({ timeout: 10_000 });
    expect(await h.root.getByTestId("own-countdown").count()).toBe(0);
    expect(await status.textContent()).toBe("Updates resumed.");
    await h.root.getByRole("region", { name: "Service protection headroom" }).waitFor();
    await h.root.getByRole("table", { name: "Event delivery by endpoint" }).waitFor();
    expect(await h.root.getByRole("table", { name: "Who is throttled first" }).getByRole("row").count()).toBe(4);
    expect(describeViolations(await h.axeViolations())).toBe("");
    await h.screenshot("ThrottlingEventPanel-simulated", { controlOnly: true });

    // 900 px: the priority card has a whole row, so each of its cells fits on one line.
    const wrapped = await h.root.getByRole("table", { name: "Who is throttled first" }).evaluate(
      (table) =>
        Array.from(table.querySelectorAll("td, th")).filter((cell) => {
          // A text that wraps has line boxes at more than one height.
          const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
            if ((node.textContent ?? "").trim() === "") continue;
            const range = document.createRange();
            range.selectNodeContents(node);
            if (new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top))).size > 1) return true;
          }
          return false;
        }).length,
    );
    expect(wrapped).toBe(0);

    // 300 px: one column, nothing clipped horizontally.
    await h.setContainerSize(300, 1400);
    const overflow = await h.root.getByTestId("throttling-event-panel").evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    expect(describeViolations(await h.axeViolations())).toBe("");
    await h.screenshot("ThrottlingEventPanel-300px", { controlOnly: true });

    // Below 300 px the panel scrolls inside its container instead of spilling out of it.
    await h.setContainerSize(240, 1400);
    const box = await h.root
      .getByTestId("throttling-event-panel")
      .evaluate((el) => ({ client: el.clientWidth, scroll: el.scrollWidth, style: getComputedStyle(el).overflowX }));
    expect(box.client).toBeLessThanOrEqual(240);
    expect(box.scroll).toBeGreaterThan(box.client);
    expect(["auto", "scroll"]).toContain(box.style);

    expect(h.errors).toEqual([]);
    expect(h.unexpectedRequests).toEqual([]);
  });

  it("walks the job actions by keyboard: the cancel confirmation opens on the safe choice and focus returns to the panel", async () => {
    h = await openHarness(CONTROL, { width: 900, height: 1600, viewport: { width: 1400, height: 1700 }, fakeClock: true });
    await h.root.getByRole("heading", { name: "Integration health" }).waitFor();
    await h.setProperty("appPriorities", "");
    await h.setProperty("source", "simulated");
    await passOpeningEpisode(h);
    await h.root.getByRole("table", { name: "System jobs needing attention" }).waitFor();
    await h.screenshot("ThrottlingEventPanel-jobs", { controlOnly: true });

    // Pause so the list holds still while we walk it.
    await h.root.getByRole("button", { name: "Pause updates" }).focus();
    await h.page.keyboard.press("Enter");
    await h.root.getByRole("button", { name: "Resume updates" }).waitFor();
    expect(await focusedName(h)).toBe("Resume updates");

    const name = await tabTo(h, /^Cancel job: the system job for .+ from .+/);
    await h.page.keyboard.press("Enter");
    const dialog = h.page.getByRole("dialog");
    await dialog.waitFor();
    expect(
      await until(
        () => focusedName(h!),
        (n) => n === "Keep as is",
      ),
    ).toBe("Keep as is");
    expect(describeViolations(await h.axeViolations('[role="dialog"]'))).toBe("");
    await h.page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    expect(
      await until(
        () => focusedName(h!),
        (n) => n === name,
      ),
    ).toBe(name);

    // Confirm this time: Shift+Tab from the safe choice reaches the action.
    await h.page.keyboard.press("Enter");
    await dialog.waitFor();
    await until(
      () => focusedName(h!),
      (n) => n === "Keep as is",
    );
    await h.page.keyboard.press("Shift+Tab");
    expect(await focusedName(h)).toBe("Cancel job");
    await h.page.keyboard.press("Enter");
    await dialog.waitFor({ state: "detached" });
    await h.root.getByRole("status").getByText("The system job was updated.").waitFor();
    // The canceled job has no buttons any more: focus lands in the jobs table, not on the page.
    const inPanel = await until(
      () => h!.root.evaluate((root) => root.contains(document.activeElement) && document.activeElement !== document.body),
      (v) => v,
    );
    expect(inPanel).toBe(true);
    expect(describeViolations(await h.axeViolations())).toBe("");

    expect(h.errors).toEqual([]);
    expect(h.unexpectedRequests).toEqual([]);
  });
});
