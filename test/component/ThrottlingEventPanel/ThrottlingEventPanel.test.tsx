import { act, fireEvent, screen, within } from "@testing-library/react";
import { axe as runAxe } from "jest-axe";
import { CLIENT_URL, FakeResponse, mockFetch, mockWebApi, mount } from "./harness";

const START = Date.UTC(2026, 10, 27, 12, 0, 0);

beforeEach(() => {
  // React 16's async act settles through setImmediate and microtasks: keep those real.
  jest.useFakeTimers({ now: START, doNotFake: ["nextTick", "queueMicrotask", "setImmediate"] });
});
afterEach(() => {
  jest.clearAllTimers();
  jest.useRealTimers();
});

/**
 * axe-core schedules its work with short timers (0-1 ms): under fake timers, step the clock 1 ms at a
 * time until it finishes. The drift stays far below the 1 s resolution of anything these tests assert.
 */
async function axe(el: Element, options?: Parameters<typeof runAxe>[1]): ReturnType<typeof runAxe> {
  let done = false;
  const result = runAxe(el, options);
  result.then(
    () => (done = true),
    () => (done = true),
  );
  for (let i = 0; i < 900 && !done; i++) {
    await act(async () => {
      await jest.advanceTimersByTimeAsync(1);
    });
  }
  return result;
}

function section(name: string): HTMLElement {
  return screen.getByRole("region", { name });
}

describe("ThrottlingEventPanel, live source", () => {
  it("shows headroom from the headers, delivery per endpoint, latest failures and system jobs", async () => {
    const api = mockWebApi();
    const h = mount({ webApi: api });
    await h.advance(0);
    expect(screen.getByText("Live")).toBeTruthy();
    expect(screen.getByText("Up to date")).toBeTruthy();
    const headroom = section("Service protection headroom");
    expect(within(headroom).getByText("1,000 of 6,000 used (17%). Plenty of headroom.")).toBeTruthy();
    expect(within(headroom).getByText("300 of 1,200 seconds used (25%). Plenty of headroom.")).toBeTruthy();
    expect(within(headroom).getByText("Not reported by the server.")).toBeTruthy();
    expect(within(headroom).getByText(/describe only the web server that answered/)).toBeTruthy();

    const delivery = section("Event delivery by endpoint");
    const hookRow = within(delivery).getByText("Orders hook").closest("tr") as HTMLElement;
    expect(within(hookRow).getAllByRole("cell").map((c) => c.textContent)).toEqual(["Orders hook (webhook)", "1", "1", "0", "0"]);
    const queueRow = within(delivery).getByText("Invoices queue").closest("tr") as HTMLElement;
    expect(within(queueRow).getAllByRole("cell").map((c) => c.textContent)).toEqual(["Invoices queue (Service Bus queue)", "0", "0", "1", "1"]);
    expect(within(delivery).getByText(/Orders hook: The endpoint answered 500/)).toBeTruthy();

    // The queries ask Dataverse for the endpoints' jobs over the window.
    const jobsQuery = api.retrieveMultipleRecords.mock.calls.find((c) => c[0] === "asyncoperation")?.[1] as string;
    expect(jobsQuery).toContain("_owningextensionid_value eq 33333333-3333-3333-3333-333333333333");
    expect(jobsQuery).toContain(`createdon ge ${new Date(START - 60 * 60_000).toISOString()}`);
    expect((globalThis as unknown as { fetch: jest.Mock }).fetch.mock.calls[0][0]).toBe(`${CLIENT_URL}/api/data/v9.2/WhoAmI`);

    expect(await axe(h.r.container)).toHaveNoViolations();
    h.destroy();
  });

  it("resumes a waiting job only after confirmation, when the user has the right", async () => {
    const api = mockWebApi();
    const h = mount({ webApi: api });
    await h.advance(0);
    const jobs = section("System jobs needing attention");
    // The failed job offers no action (none is documented from Completed/Failed).
    expect(within(jobs).getByText("None available")).toBeTruthy();
    fireEvent.click(within(jobs).getByRole("button", { name: "Resume the system job for Invoices queue" }));
    const dialog = await screen.findByRole("dialog");
    expect(within(dialog).getByText("Resume this system job?")).toBeTruthy();
    // The dialog renders in a portal, so scan the whole body; landmarks are the host page's job there.
    expect(await axe(h.r.container.ownerDocument.body, { rules: { region: { enabled: false } } })).toHaveNoViolations();
    fireEvent.click(within(dialog).getByRole("button", { name: "Keep as is" }));
    expect(api.updateRecord).not.toHaveBeenCalled();

    fireEvent.click(within(jobs).getByRole("button", { name: "Resume the system job for Invoices queue" }));
    fireEvent.click(within(await screen.findByRole("dialog")).getByRole("button", { name: "Resume" }));
    await h.advance(0);
    expect(api.updateRecord).toHaveBeenCalledWith("asyncoperation", "job-2", { statecode: 0, statuscode: 0 });
    expect(screen.getByRole("status").textContent).toBe("The system job was updated.");
    h.destroy();
  }, 30_000);

  it("hides job actions without write rights or on a disabled form", async () => {
    const h = mount({ canWrite: false });
    await h.advance(0);
    expect(screen.queryByRole("button", { name: /Resume the system job/ })).toBeNull();
    expect(screen.getByText("You cannot change system jobs here")).toBeTruthy();
    h.destroy();
    const d = mount({ disabled: true });
    await d.advance(0);
    expect(screen.queryByRole("button", { name: /Cancel job for / })).toBeNull();
    d.destroy();
  });

  it("says live data is unavailable when the first request fails, and offers the simulation", async () => {
    const api = mockWebApi({ serviceendpoint: () => Promise.reject(new Error("Not implemented in this host")) });
    const h = mount({ webApi: api });
    await h.advance(0);
    expect(screen.getByText("Live data is not available here")).toBeTruthy();
    expect(screen.getByText(/Not implemented in this host/)).toBeTruthy();
    expect(await axe(h.r.container)).toHaveNoViolations();
    fireEvent.click(screen.getByRole("button", { name: "Use simulated data" }));
    await h.advance(0);
    expect(screen.getByText("Simulated")).toBeTruthy();
    expect(screen.getByText(/Simulated data: generated locally/)).toBeTruthy();
    h.destroy();
  });

  it("says so at once in a host without the Web API (like the test harness)", async () => {
    const h = mount({ webApi: null, clientUrl: null });
    expect(screen.getByText("Live data is not available here")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Pause updates" }).hasAttribute("disabled")).toBe(true);
    expect(jest.getTimerCount()).toBe(0);
    h.destroy();
  });

  it("keeps the last data and explains when a later refresh fails", async () => {
    let fail = false;
    const base = mockWebApi();
    const okJobs = base.routes.asyncoperation;
    const api = mockWebApi({ asyncoperation: (o) => (fail ? Promise.reject({ message: "Gateway timeout", errorCode: 123 }) : okJobs(o)) });
    const h = mount({ webApi: api });
    await h.advance(0);
    fail = true;
    await h.advance(90_000);
    expect(screen.getByText("Could not refresh")).toBeTruthy();
    expect(screen.getByText(/Gateway timeout/)).toBeTruthy();
    expect(screen.getByText(/Showing the last data received/)).toBeTruthy();
    expect(within(section("Event delivery by endpoint")).getByText("Orders hook")).toBeTruthy();
    expect(await axe(h.r.container)).toHaveNoViolations();
    fail = false;
    await h.advance(90_000);
    expect(screen.queryByText("Could not refresh")).toBeNull();
    h.destroy();
  });

  it("waits out a 429 with Retry-After on its own probe, counts down, announces politely once, then resumes", async () => {
    let throttle = true;
    const fetch = mockFetch((): FakeResponse => (throttle ? { status: 429, headers: { "Retry-After": "30" } } : { status: 200, headers: { "x-ms-ratelimit-burst-remaining-xrm-requests": "5999" } }));
    const h = mount({ fetch });
    await h.advance(0);
    expect(screen.getByText("The panel's own requests are throttled")).toBeTruthy();
    expect(screen.getByTestId("own-countdown").textContent).toBe("The server asked the panel to wait. Next try in 30 s.");
    const live = screen.getByRole("status");
    expect(live.getAttribute("aria-live")).toBe("polite");
    expect(live.textContent).toBe("The server is busy. The panel will try again in 30 seconds.");
    expect(await axe(h.r.container)).toHaveNoViolations();

    await h.advance(10_000);
    expect(screen.getByTestId("own-countdown").textContent).toBe("The server asked the panel to wait. Next try in 20 s.");
    // The polite announcement did not change with the countdown.
    expect(live.textContent).toBe("The server is busy. The panel will try again in 30 seconds.");
    expect(fetch).toHaveBeenCalledTimes(1);

    throttle = false;
    await h.advance(19_000);
    expect(fetch).toHaveBeenCalledTimes(1);
    await h.advance(1_000);
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(screen.queryByText("The panel's own requests are throttled")).toBeNull();
    expect(screen.getByRole("status").textContent).toBe("Updates resumed.");
    expect(within(section("Service protection headroom")).getByText(/1 of 6,000 used/)).toBeTruthy();
    // The panel's own 429 is listed among the throttled calls, now ready again.
    const own = within(section("Throttled calls")).getByText("This panel").closest("li") as HTMLElement;
    expect(own.textContent).toMatch(/HTTP 429.*May retry now/);
    h.destroy();
  });

  it("treats a service-protection error from webAPI as a throttle and backs off", async () => {
    const api = mockWebApi({ asyncoperation: () => Promise.reject({ errorCode: -2147015902, message: "Number of requests exceeded the limit" }) });
    const h = mount({ webApi: api });
    await h.advance(0);
    expect(screen.getByText("Throttled")).toBeTruthy();
    expect(screen.getByText(/Next try in 1 s/)).toBeTruthy();
    h.destroy();
  });

  it("leaves out malformed rows, counts them and shows the rest", async () => {
    const api = mockWebApi({
      asyncoperation: async () => ({
        entities: [
          { asyncoperationid: "ok-1", statecode: 3, statuscode: 31, message: "Bad gateway", createdon: new Date(START).toISOString(), _owningextensionid_value: "33333333-3333-3333-3333-333333333333" },
          { asyncoperationid: "bad-1", statecode: "three", statuscode: 31, createdon: new Date(START).toISOString() },
          { statecode: 3, statuscode: 31 },
          null,
        ],
      }),
    });
    const h = mount({ webApi: api });
    await h.advance(0);
    expect(screen.getByText("3 rows from the server could not be read and were left out.")).toBeTruthy();
    expect(screen.getByText(/Orders hook: Bad gateway/)).toBeTruthy();
    expect(await axe(h.r.container)).toHaveNoViolations();
    h.destroy();
  });

  it("survives junk rate-limit headers", async () => {
    const fetch = mockFetch(() => ({ status: 200, headers: { "x-ms-ratelimit-burst-remaining-xrm-requests": "NaN", "x-ms-ratelimit-time-remaining-xrm-requests": "lots" } }));
    const h = mount({ fetch });
    await h.advance(0);
    expect(screen.getAllByText("Not reported by the server.")).toHaveLength(3);
    expect(screen.getByText("Up to date")).toBeTruthy();
    h.destroy();
  });

  it("polls at the floor, not faster, and backs off while the tab is hidden", async () => {
    const api = mockWebApi();
    const h = mount({ webApi: api, pollSeconds: 10 });
    await h.advance(0);
    expect(screen.getByText("Refresh interval set to 65 seconds to keep the panel's own traffic low.")).toBeTruthy();
    const count = () => api.calls.filter((c) => c === "asyncoperation").length;
    expect(count()).toBe(1);
    await h.advance(64_000);
    expect(count()).toBe(1);
    await h.advance(1_000);
    expect(count()).toBe(2);

    Object.defineProperty(document, "visibilityState", { value: "hidden", configurable: true });
    await h.advance(65_000); // due, but hidden: postponed by the hidden factor
    expect(count()).toBe(2);
    await h.advance(5 * 65_000);
    expect(count()).toBe(2);
    Object.defineProperty(document, "visibilityState", { value: "visible", configurable: true });
    act(() => {
      document.dispatchEvent(new Event("visibilitychange"));
    });
    await h.advance(0);
    expect(count()).toBe(3);
    h.destroy();
  });

  it("pauses and resumes on request", async () => {
    const api = mockWebApi();
    const h = mount({ webApi: api });
    await h.advance(0);
    fireEvent.click(screen.getByRole("button", { name: "Pause updates" }));
    await h.advance(0);
    expect(screen.getByRole("button", { name: "Resume updates" }).getAttribute("aria-pressed")).toBe("true");
    expect(screen.getByText("Paused")).toBeTruthy();
    await h.advance(10 * 90_000);
    expect(api.calls.filter((c) => c === "asyncoperation")).toHaveLength(1);
    fireEvent.click(screen.getByRole("button", { name: "Resume updates" }));
    await h.advance(0);
    expect(api.calls.filter((c) => c === "asyncoperation")).toHaveLength(2);
    h.destroy();
  });

  it("destroy() leaves no timers and sends nothing more", async () => {
    const api = mockWebApi();
    const fetch = mockFetch(() => ({ status: 429, headers: { "Retry-After": "30" } }));
    const h = mount({ webApi: api, fetch });
    await h.advance(0);
    expect(jest.getTimerCount()).toBeGreaterThan(0);
    h.destroy();
    expect(jest.getTimerCount()).toBe(0);
    const sent = api.calls.length + fetch.mock.calls.length;
    await h.advance(600_000);
    expect(api.calls.length + fetch.mock.calls.length).toBe(sent);
  });

  it("destroy() in the middle of a request leaves no timers once it settles", async () => {
    let release: (v: { entities: unknown[] }) => void = () => undefined;
    const api = mockWebApi({ serviceendpoint: () => new Promise((r) => (release = r)) });
    const h = mount({ webApi: api });
    await h.advance(0);
    h.destroy();
    await act(async () => {
      release({ entities: [] });
      await Promise.resolve();
    });
    await h.advance(0);
    expect(jest.getTimerCount()).toBe(0);
  });
});

describe("ThrottlingEventPanel, priorities and simulated source", () => {
  it("shows a clear message for malformed priorities JSON and keeps working", async () => {
    const h = mount({ priorities: "[{name: Order sync}" });
    await h.advance(0);
    expect(screen.getByText("App registration priorities ignored")).toBeTruthy();
    expect(screen.getByText(/not valid JSON/)).toBeTruthy();
    expect(screen.getByText("Up to date")).toBeTruthy();
    h.setInputs({ appPriorities: '{"Warehouse":"High","Order sync":"low","Invoices":"Medium"}' });
    await h.advance(0);
    expect(screen.queryByText("App registration priorities ignored")).toBeNull();
    const rows = within(section("Who is throttled first")).getAllByRole("row").slice(1);
    expect(rows.map((r) => within(r).getAllByRole("cell")[1].textContent)).toEqual(["Order sync", "Invoices", "Warehouse"]);
    expect(await axe(h.r.container)).toHaveNoViolations();
    h.destroy();
  });

  it("runs the simulation with a visible label, a short throttle episode and the sample apps", async () => {
    const h = mount({ source: "simulated" });
    expect(screen.getByText("Simulated")).toBeTruthy();
    await h.advance(0);
    expect(screen.getByText("The panel's own requests are throttled")).toBeTruthy();
    expect(screen.getByTestId("own-countdown").textContent).toMatch(/Next try in 5 s/);
    expect(await axe(h.r.container)).toHaveNoViolations();
    await h.advance(5_000);
    expect(screen.queryByText("The panel's own requests are throttled")).toBeNull();
    expect(screen.getByText("Up to date")).toBeTruthy();
    const throttled = section("Throttled calls");
    expect(within(throttled).getAllByText("This panel").length).toBeGreaterThan(0);
    const priorities = within(section("Who is throttled first")).getAllByRole("row");
    expect(priorities).toHaveLength(4);
    expect(within(section("Event delivery by endpoint")).getByText("Orders webhook")).toBeTruthy();
    expect(screen.getByRole("img").getAttribute("aria-label")).toMatch(/Requests and 429 responses over time/);
    expect(await axe(h.r.container)).toHaveNoViolations();
    h.destroy();
    expect(jest.getTimerCount()).toBe(0);
  });

  it("cancels a simulated job after confirmation", async () => {
    const h = mount({ source: "simulated" });
    await h.advance(5_000);
    await h.advance(60_000);
    const jobs = section("System jobs needing attention");
    const cancel = within(jobs).queryAllByRole("button", { name: /^Cancel job for / });
    expect(cancel.length).toBeGreaterThan(0);
    const canceledBefore = within(jobs).queryAllByText("Canceled").length;
    fireEvent.click(cancel[0]);
    fireEvent.click(within(await screen.findByRole("dialog")).getByRole("button", { name: "Cancel job" }));
    await h.advance(0);
    expect(within(section("System jobs needing attention")).queryAllByText("Canceled")).toHaveLength(canceledBefore + 1);
    expect(screen.getByRole("status").textContent).toBe("The system job was updated.");
    h.destroy();
  }, 30_000);

  it("renders at 300 px wide", async () => {
    const h = mount({ source: "simulated", width: 300 });
    await h.advance(5_000);
    expect(screen.getByTestId("throttling-event-panel").style.width).toBe("300px");
    expect(await axe(h.r.container)).toHaveNoViolations();
    h.destroy();
  });
});
