/**
 * ThrottlingEventPanel's live failure states in the real PCF harness (pcf-start + Chromium), with
 * Source = Live. The harness has no Dataverse; the harness's `webApi` override puts a fake
 * `context.webAPI` in its place that answers per table as the platform does: records, an error object
 * (unsigned decimal errorCode and a message, no HTTP status, no Retry-After), or a request that never
 * settles. Nothing in the product is shortened: the retry after a failure comes one poll interval
 * later (the floor of the interval), and a hung request ends at the panel's own timeout. The page runs
 * on Playwright's clock, so those intervals pass by moving the page's time on (just short of the limit:
 * nothing yet; past it: the state arrives) instead of waiting for them. Axe runs in every state;
 * screenshots go to test-results/screenshots/.
 */
import { MIN_POLL_SECONDS, REQUEST_TIMEOUT_MS } from "@integrationkit/shared";
import { ContextOverride, describeViolations, Harness, openHarness, until, WebApiAnswer } from "./harness";

const CONTROL = "ThrottlingEventPanel";
const EP_HOOK = "11111111-1111-1111-1111-111111111111";
const EP_QUEUE = "22222222-2222-2222-2222-222222222222";
const STEP_HOOK = "33333333-3333-3333-3333-333333333333";
const STEP_QUEUE = "44444444-4444-4444-4444-444444444444";

/** Two endpoints (a webhook and a queue), each with an enabled asynchronous step, so system jobs are read. */
const ENDPOINTS: WebApiAnswer = {
  entities: [
    { serviceendpointid: EP_HOOK, name: "Orders hook", contract: 8 },
    { serviceendpointid: EP_QUEUE, name: "Invoices queue", contract: 2 },
  ],
};
const STEPS: WebApiAnswer = {
  entities: [
    { sdkmessageprocessingstepid: STEP_HOOK, _eventhandler_value: EP_HOOK, mode: 1, asyncautodelete: false, statecode: 0 },
    { sdkmessageprocessingstepid: STEP_QUEUE, _eventhandler_value: EP_QUEUE, mode: 1, asyncautodelete: false, statecode: 0 },
  ],
};
const JOBS: WebApiAnswer = {
  entities: [
    {
      asyncoperationid: "aaaaaaaa-0000-0000-0000-000000000001",
      name: "Create of invoice",
      statecode: 1,
      statuscode: 10,
      message: "Bus unreachable",
      createdon: new Date(Date.now() - 30_000).toISOString(),
      _owningextensionid_value: STEP_QUEUE,
      retrycount: 2,
    },
  ],
};

/** Rate-limit headers of a WhoAmI answer with plenty of room left. */
const WHOAMI_HEADERS = { "x-ms-ratelimit-burst-remaining-xrm-requests": "5000", "x-ms-ratelimit-time-remaining-xrm-requests": "900.00" };

/**
 * PrivilegeDenied (0x80040220) as webAPI reports it: the unsigned decimal code and the message.
 * Source: learn.microsoft.com/power-apps/developer/data-platform/reference/web-service-error-codes
 */
const PRIVILEGE_DENIED: WebApiAnswer = { errorCode: 0x80040220, message: "Principal user is missing prvReadAsyncOperation privilege." };
/**
 * "An unexpected error occurred" (0x80040216), what a server fault looks like through webAPI: no status.
 * Source: learn.microsoft.com/power-apps/developer/data-platform/reference/web-service-error-codes
 */
const UNEXPECTED: WebApiAnswer = { errorCode: 0x80040216, message: "An unexpected error occurred." };

/** The accessible name of the focused element (aria-label or text). */
async function focusedName(h: Harness): Promise<string> {
  return h.page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return el ? (el.getAttribute("aria-label") ?? el.textContent ?? "").trim() : "";
  });
}

async function focusInPanel(h: Harness): Promise<boolean> {
  return h.root.evaluate(
    (root) => document.activeElement !== null && document.activeElement !== document.body && root.contains(document.activeElement),
  );
}

async function tabTo(h: Harness, pattern: RegExp, max = 40): Promise<string> {
  for (let i = 0; i < max; i++) {
    await h.page.keyboard.press("Tab");
    const name = await focusedName(h);
    if (pattern.test(name)) return name;
  }
  throw new Error(`No focusable element matching ${String(pattern)} within ${max} tabs`);
}

/**
 * Reloads the page with the override (the control starts afresh, as on a form load). The harness
 * seeds its empty text inputs with "val" again on load: clear the priorities so only the state under
 * test shows a message.
 */
async function reloadWith(h: Harness, override: ContextOverride): Promise<void> {
  await h.overrideContext(override);
  await h.setProperty("appPriorities", "");
  await h.root.getByText("Throttling priority mappings ignored").waitFor({ state: "detached" });
}

/** Lets the page run what the last clock move made due: two animation frames (React has committed). */
async function settle(h: Harness): Promise<void> {
  await h.page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
}

async function expectAxeClean(h: Harness, state: string): Promise<void> {
  expect(`${state}: ${describeViolations(await h.axeViolations())}`).toBe(`${state}: `);
}

describe("ThrottlingEventPanel live failure states in the harness", () => {
  let h: Harness;

  beforeAll(async () => {
    h = await openHarness(CONTROL, { width: 900, height: 1400, viewport: { width: 1400, height: 1500 }, fakeClock: true });
    await h.root.getByRole("heading", { name: "Integration health" }).waitFor();
    // The harness seeds text inputs with "val", a malformed priorities setting: clear it.
    await h.setProperty("appPriorities", "");
    await h.setProperty("source", "live");
    // The floor of the interval, so a retry comes as soon as the product allows.
    await h.setProperty("pollIntervalSeconds", String(MIN_POLL_SECONDS));
  });

  afterAll(async () => {
    await h?.close();
  });

  afterEach(() => {
    expect(h.errors).toEqual([]);
    expect(h.unexpectedRequests).toEqual([]);
  });

  it("without a usable webAPI says live data is not available, offers the simulation, and Tab and Enter reach it with focus kept in the panel", async () => {
    await h.root.getByText("Live data is not available here").waitFor({ timeout: 20_000 });
    expect(await h.root.getByText("Live data unavailable", { exact: true }).count()).toBe(1);
    expect(await h.root.getByRole("button", { name: "Pause updates" }).isDisabled()).toBe(true);
    await expectAxeClean(h, "unavailable");
    await h.screenshot("ThrottlingEventPanel-failures-unavailable", { controlOnly: true });

    // Keyboard only: from the panel's heading, Tab reaches the offer.
    await h.root.getByRole("heading", { name: "Integration health" }).focus();
    expect(await tabTo(h, /^Use simulated data$/)).toBe("Use simulated data");
    await h.page.keyboard.press("Enter");
    await h.root.getByText("Simulated", { exact: true }).waitFor({ timeout: 10_000 });
    expect(
      await until(
        () => h.root.getByRole("button", { name: "Use simulated data" }).count(),
        (n) => n === 0,
      ),
    ).toBe(0);
    // The button went away with its message: focus stays in the panel, on the pause button.
    await until(
      () => focusedName(h),
      (n) => n === "Pause updates",
    );
    expect(await focusInPanel(h)).toBe(true);
    expect(await focusedName(h)).toBe("Pause updates");
    await expectAxeClean(h, "simulated after the offer");
    // The next states reload the page: the control starts again from its Source property (Live).
  });

  it("403 on the system jobs table: that section names the table and privilege, the other sections show their data", async () => {
    await reloadWith(h, {
      webApi: { serviceendpoint: ENDPOINTS, sdkmessageprocessingstep: STEPS, asyncoperation: PRIVILEGE_DENIED },
      whoAmI: { status: 200, headers: WHOAMI_HEADERS },
    });
    const jobs = h.root.getByRole("region", { name: "System jobs needing attention" });
    await jobs.getByText("You cannot see this section").waitFor({ timeout: 20_000 });
    expect(await jobs.textContent()).toContain(
      "Your security role lacks the Read privilege on the asyncoperation table. The other sections keep working.",
    );
    expect(await jobs.getByRole("table").count()).toBe(0);

    // The rest works: no error state, the delivery table lists both endpoints.
    expect(await h.root.getByText("Could not refresh").count()).toBe(0);
    expect(await h.root.getByText("Live data is not available here").count()).toBe(0);
    const delivery = h.root.getByRole("table", { name: "Event delivery by endpoint" });
    await delivery.getByText("Orders hook").waitFor();
    await delivery.getByText("Invoices queue").waitFor();
    const delivered = h.root.getByRole("region", { name: "Event delivery by endpoint" });
    expect(await delivered.getByText("You cannot see this section").count()).toBe(0);
    // The headroom section reads the rate-limit headers of the WhoAmI probe.
    const headroom = h.root.getByRole("region", { name: "Service protection headroom" });
    expect(await headroom.getByText("You cannot see this section").count()).toBe(0);
    expect(await headroom.getByText("does not give the organization's address", { exact: false }).count()).toBe(0);

    const calls = (await h.webApiCalls()).map((c) => `${c.method} ${c.table}`);
    expect(calls).toEqual(
      expect.arrayContaining([
        "retrieveMultipleRecords serviceendpoint",
        "retrieveMultipleRecords sdkmessageprocessingstep",
        "retrieveMultipleRecords asyncoperation",
        "fetch /api/data/v9.2/WhoAmI",
      ]),
    );
    await expectAxeClean(h, "jobs forbidden");
    await h.screenshot("ThrottlingEventPanel-failures-jobs-forbidden", { controlOnly: true });
  });

  it("a server fault is an error state that keeps retrying: one interval later the panel asks again and recovers", async () => {
    await reloadWith(h, { webApi: { serviceendpoint: UNEXPECTED, sdkmessageprocessingstep: STEPS, asyncoperation: JOBS } });
    const alert = h.root.getByText("Could not refresh");
    await alert.waitFor({ timeout: 20_000 });
    const bar = h.root.getByText(/The server did not answer as expected\./);
    expect(await bar.textContent()).toContain("An unexpected error occurred.");
    expect(await bar.textContent()).toContain("The panel keeps trying at its usual interval.");
    expect(await h.root.getByText("Refresh failed", { exact: true }).count()).toBe(1);
    // Polling goes on: pausing is still offered, and the simulation is not (this is not "unavailable").
    expect(await h.root.getByRole("button", { name: "Pause updates" }).isEnabled()).toBe(true);
    expect(await h.root.getByRole("button", { name: "Use simulated data" }).count()).toBe(0);
    await expectAxeClean(h, "server fault");
    await h.screenshot("ThrottlingEventPanel-failures-server", { controlOnly: true });
    const failedCalls = (await h.webApiCalls()).filter((c) => c.table === "serviceendpoint").length;
    expect(failedCalls).toBe(1);

    // The service recovers (no reload: the next request meets the new answers).
    await h.overrideContext(
      { webApi: { serviceendpoint: ENDPOINTS, sdkmessageprocessingstep: STEPS, asyncoperation: JOBS } },
      { reload: false },
    );
    // Not sooner than the interval: 5 s short of it (page time since the failure showed), nothing was asked.
    await h.page.clock.fastForward((MIN_POLL_SECONDS - 5) * 1000);
    await settle(h);
    expect((await h.webApiCalls()).filter((c) => c.table === "serviceendpoint").length).toBe(failedCalls);
    expect(await alert.count()).toBe(1);
    // Not much later: 10 s further on, the panel has asked again and shows the data.
    await h.page.clock.fastForward(10_000);
    await h.root.getByText("Up to date").waitFor({ timeout: 20_000 });
    expect(await alert.count()).toBe(0);
    expect((await h.webApiCalls()).filter((c) => c.table === "serviceendpoint").length).toBe(failedCalls + 1);
    await h.root.getByRole("table", { name: "Event delivery by endpoint" }).getByText("Invoices queue").waitFor();
    await h.root.getByRole("table", { name: "System jobs needing attention" }).waitFor();
    await expectAxeClean(h, "recovered");
  });

  it("an HTTP 500 is told as a server error", async () => {
    await reloadWith(h, {
      webApi: { serviceendpoint: { ...UNEXPECTED, status: 500 }, sdkmessageprocessingstep: STEPS, asyncoperation: JOBS },
    });
    await h.root.getByText("Could not refresh").waitFor({ timeout: 20_000 });
    await h.root.getByText(/The server reported an internal error\. The panel keeps trying at its usual interval\./).waitFor();
    await expectAxeClean(h, "HTTP 500");
  });

  it("a request that never answers becomes the timeout error state at the panel's own limit", async () => {
    await reloadWith(h, { webApi: { serviceendpoint: ENDPOINTS, sdkmessageprocessingstep: STEPS, asyncoperation: "hang" } });
    await h.root.getByText("Loading", { exact: false }).first().waitFor({ timeout: 20_000 });
    const seconds = REQUEST_TIMEOUT_MS / 1000;
    const timedOut = h.root.getByText(`The server did not answer within ${seconds} seconds.`, { exact: false });
    // Not before the panel's own limit: 5 s short of it (page time), the request is still waited for.
    await h.page.clock.fastForward(REQUEST_TIMEOUT_MS - 5_000);
    await settle(h);
    expect(await timedOut.count()).toBe(0);
    expect(await h.root.getByText("Could not refresh").count()).toBe(0);
    // Past it, the timeout error state.
    await h.page.clock.fastForward(10_000);
    await timedOut.waitFor({ timeout: 20_000 });
    expect(await h.root.getByText("Could not refresh").count()).toBe(1);
    expect(await h.root.getByText(/The panel keeps trying at its usual interval\./).count()).toBe(1);
    expect(await h.root.getByRole("button", { name: "Pause updates" }).isEnabled()).toBe(true);
    await expectAxeClean(h, "timeout");
    await h.screenshot("ThrottlingEventPanel-failures-timeout", { controlOnly: true });
  });
});
