/**
 * ThrottlingEventPanel in the real PCF harness (pcf-start + Chromium). The harness has no Dataverse,
 * so the live source must say so and offer the simulation; the simulated source then opens with a
 * short throttling episode (the simulator's scenario gives a 5 s Retry-After), and we watch the
 * countdown reach zero and the panel resume. Axe runs in every state; screenshots go to
 * test-results/screenshots/.
 */
import { describeViolations, Harness, openHarness } from "./harness";

const CONTROL = "ThrottlingEventPanel";

async function countdownSeconds(h: Harness): Promise<number | undefined> {
  const el = h.root.getByTestId("own-countdown");
  if ((await el.count()) === 0) return undefined;
  const m = /(\d+) s\./.exec((await el.textContent()) ?? "");
  return m ? Number(m[1]) : 0;
}

describe("ThrottlingEventPanel in the harness", () => {
  let h: Harness | undefined;

  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it("offers the simulation when live data is unavailable, counts a Retry-After down to zero and resumes", async () => {
    h = await openHarness(CONTROL, { width: 900, height: 1400, viewport: { width: 1400, height: 1500 } });
    await h.root.getByRole("heading", { name: "Integration health" }).waitFor();
    // The harness seeds text inputs with "val": a malformed priorities JSON, reported, and the panel carries on.
    await h.root.getByText("App registration priorities ignored").waitFor();
    await h.setProperty("appPriorities", "");
    await h.root.getByText("Live data is not available here").waitFor();
    expect(await h.root.getByText("App registration priorities ignored").count()).toBe(0);
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
    expect(await status.textContent()).toMatch(/try again in \d+ seconds/);
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
      if (s > 0) expect(await status.textContent()).toBe(announced);
      await h.page.waitForTimeout(200);
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

    // Narrow container: the panel reflows to one column without horizontal overflow.
    await h.setContainerSize(300, 1400);
    await h.page.waitForTimeout(500);
    const overflow = await h.root.getByTestId("throttling-event-panel").evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    expect(describeViolations(await h.axeViolations())).toBe("");
    await h.screenshot("ThrottlingEventPanel-300px", { controlOnly: true });

    expect(h.errors).toEqual([]);
    expect(h.unexpectedRequests).toEqual([]);
  });
});
