import { act, fireEvent, screen, within } from "@testing-library/react";
import { axe as runAxe } from "../../setup/axe";
import { CLIENT_URL, FakeResponse, mockFetch, mockWebApi, mount, rejectWith, STEP_HOOK, webApiError } from "./harness";

const START = Date.UTC(2026, 10, 27, 12, 0, 0);

// The 2-core machine is shared: allow for a loaded CPU (the tests use fake time, not wall time).
jest.setTimeout(30_000);

beforeEach(() => {
  // React 16's async act settles through setImmediate and microtasks: keep those real.
  jest.useFakeTimers({ now: START, doNotFake: ["nextTick", "queueMicrotask", "setImmediate"] });
});
afterEach(() => {
  jest.clearAllTimers();
  jest.useRealTimers();
  Object.defineProperty(document, "visibilityState", { value: "visible", configurable: true });
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
    expect(
      within(hookRow)
        .getAllByRole("cell")
        .map((c) => c.textContent),
    ).toEqual(["Orders hook (webhook)", "1", "1", "0", "0"]);
    const queueRow = within(delivery).getByText("Invoices queue").closest("tr") as HTMLElement;
    expect(
      within(queueRow)
        .getAllByRole("cell")
        .map((c) => c.textContent),
    ).toEqual(["Invoices queue (Service Bus queue)", "0", "0", "1", "1"]);
    expect(within(delivery).getByText(/Orders hook: The endpoint answered 500/)).toBeTruthy();

    // The queries ask Dataverse for the endpoints' jobs over the window.
    const jobsQuery = api.retrieveMultipleRecords.mock.calls.find((c) => c[0] === "asyncoperation")?.[1] as string;
    expect(jobsQuery).toContain("_owningextensionid_value eq 33333333-3333-3333-3333-333333333333");
    expect(jobsQuery).toContain(`statecode ne 3 or createdon ge ${new Date(START - 60 * 60_000).toISOString()}`);
    expect((globalThis as unknown as { fetch: jest.Mock<unknown, [string]> }).fetch.mock.calls[0][0]).toBe(
      `${CLIENT_URL}/api/data/v9.2/WhoAmI`,
    );

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
    fireEvent.click(within(jobs).getByRole("button", { name: /^Resume: the system job for Invoices queue from / }));
    const dialog = await screen.findByRole("dialog");
    expect(within(dialog).getByText("Resume this system job?")).toBeTruthy();
    // The dialog renders in a portal, so scan the whole body; landmarks are the host page's job there.
    expect(await axe(h.r.container.ownerDocument.body, { rules: { region: { enabled: false } } })).toHaveNoViolations();
    fireEvent.click(within(dialog).getByRole("button", { name: "Keep as is" }));
    expect(api.updateRecord).not.toHaveBeenCalled();

    fireEvent.click(within(jobs).getByRole("button", { name: /^Resume: the system job for Invoices queue from / }));
    fireEvent.click(within(await screen.findByRole("dialog")).getByRole("button", { name: "Resume" }));
    await h.advance(0);
    expect(api.updateRecord).toHaveBeenCalledWith("asyncoperation", "job-2", { statecode: 0, statuscode: 0 });
    expect(screen.getByRole("status").textContent).toBe("The system job was updated.");
    h.destroy();
  }, 30_000);

  it("reports a job action the server refuses, and a throttled action closes the user's gate for the next one", async () => {
    const api = mockWebApi();
    api.updateRecord.mockImplementationOnce(() => rejectWith(webApiError.privilegeDenied("prvWriteAsyncOperation")));
    const h = mount({ webApi: api });
    await h.advance(0);
    const resume = (): HTMLElement =>
      within(section("System jobs needing attention")).getByRole("button", { name: /^Resume: the system job for Invoices queue from / });
    fireEvent.click(resume());
    fireEvent.click(within(await screen.findByRole("dialog")).getByRole("button", { name: "Resume" }));
    await h.advance(0);
    expect(
      screen.getByText("The system job could not be changed: Your security role does not allow changing this system job."),
    ).toBeTruthy();

    api.updateRecord.mockImplementationOnce(() => rejectWith(webApiError.throttledConcurrency()));
    await h.advance(1000);
    fireEvent.click(resume());
    fireEvent.click(within(await screen.findByRole("dialog")).getByRole("button", { name: "Resume" }));
    await h.advance(0);
    expect(screen.getByText("The system job could not be changed: The server is busy. Try again in a moment.")).toBeTruthy();
    await h.advance(1000);
    fireEvent.click(resume());
    fireEvent.click(within(await screen.findByRole("dialog")).getByRole("button", { name: "Resume" }));
    await h.advance(0);
    // Not sent: the throttle covers every request of the user.
    expect(api.updateRecord).toHaveBeenCalledTimes(2);
    expect(screen.getByText(/The server asked for a pause. Try again in \d+ s\./)).toBeTruthy();
    expect(await axe(h.r.container)).toHaveNoViolations();
    h.destroy();
  }, 30_000);

  it("hides job actions without write rights or on a disabled form", async () => {
    const h = mount({ canWrite: false });
    await h.advance(0);
    expect(screen.queryByRole("button", { name: /Resume: the system job/ })).toBeNull();
    expect(screen.getByText("You cannot change system jobs here")).toBeTruthy();
    h.destroy();
    const d = mount({ disabled: true });
    await d.advance(0);
    expect(screen.queryByRole("button", { name: /Cancel job: the system job for / })).toBeNull();
    d.destroy();
  });

  it("a failed first request is an error that keeps retrying, not 'unavailable'", async () => {
    let fail = true;
    const base = mockWebApi();
    const api = mockWebApi({
      serviceendpoint: (o) => (fail ? Promise.reject(new TypeError("Failed to fetch")) : base.routes.serviceendpoint(o)),
    });
    const h = mount({ webApi: api });
    await h.advance(0);
    expect(screen.getByText("Could not refresh")).toBeTruthy();
    expect(screen.getByText(/The network connection to the server failed/)).toBeTruthy();
    expect(screen.getByText(/keeps trying at its usual interval/)).toBeTruthy();
    expect(screen.queryByText("Live data is not available here")).toBeNull();
    expect(await axe(h.r.container)).toHaveNoViolations();
    fail = false;
    await h.advance(90_000);
    expect(screen.getByText("Up to date")).toBeTruthy();
    h.destroy();
  });

  it("says live data is not available in a host without Dataverse (like the test harness), and focus stays in the panel after 'Use simulated data'", async () => {
    const h = mount({ harnessPage: true });
    await h.advance(0);
    expect(screen.getByText("Live data is not available here")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Pause updates" }).hasAttribute("disabled")).toBe(true);
    expect(jest.getTimerCount()).toBe(0);
    expect(await axe(h.r.container)).toHaveNoViolations();
    const use = screen.getByRole("button", { name: "Use simulated data" });
    use.focus();
    fireEvent.click(use);
    await h.advance(0);
    expect(screen.getByText("Simulated")).toBeTruthy();
    expect(screen.getByText(/Simulated data: generated locally/)).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Pause updates" }));
    h.destroy();
    const none = mount({ webApi: null });
    await none.advance(0);
    expect(screen.getByText("Live data is not available here")).toBeTruthy();
    none.destroy();
  });

  it("keeps the last data and explains when a later refresh fails", async () => {
    let fail = false;
    const base = mockWebApi();
    const okJobs = base.routes.asyncoperation;
    const api = mockWebApi({ asyncoperation: (o) => (fail ? rejectWith({ message: "Gateway timeout", errorCode: 123 }) : okJobs(o)) });
    const h = mount({ webApi: api });
    await h.advance(0);
    fail = true;
    await h.advance(90_000);
    expect(screen.getByText("Could not refresh")).toBeTruthy();
    expect(screen.getByText(/The server did not answer as expected. Gateway timeout/)).toBeTruthy();
    expect(screen.getByText(/Showing the last data received/)).toBeTruthy();
    expect(within(section("Event delivery by endpoint")).getByText("Orders hook")).toBeTruthy();
    expect(await axe(h.r.container)).toHaveNoViolations();
    fail = false;
    await h.advance(90_000);
    expect(screen.queryByText("Could not refresh")).toBeNull();
    h.destroy();
  });

  it("a Retry-After shorter than the interval still waits the interval (never faster than configured)", async () => {
    let throttle = true;
    const fetch = mockFetch((): FakeResponse => (throttle ? { status: 429, headers: { "Retry-After": "30" } } : { status: 200 }));
    const h = mount({ fetch });
    await h.advance(0);
    expect(screen.getByTestId("own-countdown").textContent).toBe("The server asked the panel to wait. Next try in 90 seconds.");
    throttle = false;
    await h.advance(89_000);
    expect(fetch).toHaveBeenCalledTimes(1);
    await h.advance(1_000);
    expect(fetch).toHaveBeenCalledTimes(2);
    h.destroy();
  });

  it("waits out a 429 with Retry-After on its own probe, counts down, announces politely once, then resumes", async () => {
    let throttle = true;
    const fetch = mockFetch(
      (): FakeResponse =>
        throttle
          ? { status: 429, headers: { "Retry-After": "120" } }
          : { status: 200, headers: { "x-ms-ratelimit-burst-remaining-xrm-requests": "5999" } },
    );
    const h = mount({ fetch });
    await h.advance(0);
    expect(screen.getByText("The panel's own requests are throttled")).toBeTruthy();
    expect(screen.getByTestId("own-countdown").textContent).toBe("The server asked the panel to wait. Next try in 120 seconds.");
    const live = screen.getByRole("status");
    expect(live.getAttribute("aria-live")).toBe("polite");
    expect(live.textContent).toBe("The server is busy. The panel will try again in 120 seconds.");
    expect(await axe(h.r.container)).toHaveNoViolations();

    await h.advance(10_000);
    expect(screen.getByTestId("own-countdown").textContent).toBe("The server asked the panel to wait. Next try in 110 seconds.");
    // The polite announcement did not change with the countdown.
    expect(live.textContent).toBe("The server is busy. The panel will try again in 120 seconds.");
    expect(fetch).toHaveBeenCalledTimes(1);

    throttle = false;
    await h.advance(109_000);
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

  it.each([
    ["requests", webApiError.throttledRequests],
    ["execution time", webApiError.throttledTime],
    ["concurrency", webApiError.throttledConcurrency],
  ])(
    "recognises the %s throttle as webAPI reports it (unsigned errorCode, no Retry-After), waits a whole interval and gates every request",
    async (_name, error) => {
      let throttle = true;
      const base = mockWebApi();
      const api = mockWebApi({ asyncoperation: (o) => (throttle ? rejectWith(error()) : base.routes.asyncoperation(o)) });
      const fetch = mockFetch();
      const h = mount({ webApi: api, fetch });
      await h.advance(0);
      expect(screen.getByText("Throttled")).toBeTruthy();
      // No Retry-After on the webAPI path: at least one poll interval (90 s).
      expect(screen.getByTestId("own-countdown").textContent).toBe("The server asked the panel to wait. Next try in 90 seconds.");
      // The poll stopped at the throttle: the header probe after it was not sent (one gate for all requests).
      expect(fetch).not.toHaveBeenCalled();
      throttle = false;
      await h.advance(89_000);
      expect(api.calls.filter((c) => c === "asyncoperation")).toHaveLength(1);
      await h.advance(1_000);
      expect(api.calls.filter((c) => c === "asyncoperation")).toHaveLength(2);
      expect(screen.getByText("Up to date")).toBeTruthy();
      h.destroy();
    },
  );

  it("a 429 on the probe without Retry-After waits a whole interval, and Retry-After: 0 still waits the minimum", async () => {
    let answer: FakeResponse = { status: 429 };
    const fetch = mockFetch(() => answer);
    const h = mount({ fetch });
    await h.advance(0);
    expect(screen.getByTestId("own-countdown").textContent).toMatch(/Next try in 90 seconds/);
    answer = { status: 429, headers: { "Retry-After": "0" } };
    await h.advance(90_000);
    expect(fetch).toHaveBeenCalledTimes(2);
    // Retry-After 0 on a repeated throttle: never sooner than the interval the panel polls at anyway.
    expect(screen.getByTestId("own-countdown").textContent).toMatch(/Next try in \d+ seconds/);
    answer = { status: 200, headers: { "x-ms-ratelimit-burst-remaining-xrm-requests": "5000" } };
    // A second throttle in a row doubles the wait (never less than the interval).
    await h.advance(179_000);
    expect(fetch).toHaveBeenCalledTimes(2);
    await h.advance(1_000);
    expect(fetch).toHaveBeenCalledTimes(3);
    expect(screen.getByText("Up to date")).toBeTruthy();
    h.destroy();
  });

  it("gives up a request that never answers after 30 s, says so, and keeps polling", async () => {
    let hang = true;
    const base = mockWebApi();
    const api = mockWebApi({ asyncoperation: (o) => (hang ? new Promise(() => undefined) : base.routes.asyncoperation(o)) });
    const h = mount({ webApi: api });
    await h.advance(0);
    expect(screen.getByText("Loading")).toBeTruthy();
    await h.advance(30_000);
    expect(screen.getByText("Could not refresh")).toBeTruthy();
    expect(screen.getByText(/did not answer within 30 seconds/)).toBeTruthy();
    expect(await axe(h.r.container)).toHaveNoViolations();
    hang = false;
    await h.advance(60_000);
    expect(api.calls.filter((c) => c === "asyncoperation")).toHaveLength(2);
    expect(screen.getByText("Up to date")).toBeTruthy();
    h.destroy();
  });

  it("pausing and resuming while a refresh is in flight does not stop polling", async () => {
    let hang = true;
    const base = mockWebApi();
    const api = mockWebApi({ asyncoperation: (o) => (hang ? new Promise(() => undefined) : base.routes.asyncoperation(o)) });
    const h = mount({ webApi: api });
    await h.advance(0);
    fireEvent.click(screen.getByRole("button", { name: "Pause updates" }));
    fireEvent.click(screen.getByRole("button", { name: "Resume updates" }));
    hang = false;
    await h.advance(90_000);
    expect(api.calls.filter((c) => c === "asyncoperation")).toHaveLength(2);
    expect(screen.getByText("Up to date")).toBeTruthy();
    await h.advance(90_000);
    expect(api.calls.filter((c) => c === "asyncoperation")).toHaveLength(3);
    h.destroy();
  });

  it("a missing privilege blocks only its own section, naming the table and privilege", async () => {
    const api = mockWebApi({ asyncoperation: () => rejectWith(webApiError.privilegeDenied("prvReadAsyncOperation")) });
    const h = mount({ webApi: api });
    await h.advance(0);
    expect(screen.getByText("Up to date")).toBeTruthy();
    const jobs = section("System jobs needing attention");
    expect(within(jobs).getByText("You cannot see this section")).toBeTruthy();
    expect(
      within(jobs).getByText("Your security role lacks the Read privilege on the asyncoperation table. The other sections keep working."),
    ).toBeTruthy();
    // Headroom still works; delivery lists the endpoints, with counts it cannot know.
    expect(within(section("Service protection headroom")).getByText(/1,000 of 6,000 used/)).toBeTruthy();
    const hookRow = within(section("Event delivery by endpoint")).getByText("Orders hook").closest("tr") as HTMLElement;
    expect(
      within(hookRow)
        .getAllByRole("cell")
        .map((c) => c.textContent),
    ).toEqual(["Orders hook (webhook)", "not known", "not known", "not known", "not known"]);
    expect(await axe(h.r.container)).toHaveNoViolations();
    h.destroy();

    const denied = mockWebApi({ serviceendpoint: () => rejectWith({ status: 403, message: "Forbidden" }) });
    const d = mount({ webApi: denied });
    await d.advance(0);
    expect(within(section("Event delivery by endpoint")).getByText(/lacks the Read privilege on the serviceendpoint table/)).toBeTruthy();
    expect(within(section("Service protection headroom")).getByText(/1,000 of 6,000 used/)).toBeTruthy();
    d.destroy();
  });

  it("says plainly what a capped query left out, and what the user's read depth hides", async () => {
    const base = mockWebApi();
    const api = mockWebApi({
      asyncoperation: async (o, size) =>
        Object.assign({}, await base.routes.asyncoperation(o), {
          nextLink: `${CLIENT_URL}/api/data/v9.2/asyncoperations?$skiptoken=x&size=${size}`,
        }),
    });
    const h = mount({ webApi: api, readDepth: 0 });
    await h.advance(0);
    expect(
      screen.getByText("Only 200 system jobs were read (unfinished first, then the newest); the counts leave out the rest."),
    ).toBeTruthy();
    expect(
      screen.getByText("You can read only the system jobs you own, so counts may be lower than for the whole organization."),
    ).toBeTruthy();
    expect(api.retrieveMultipleRecords.mock.calls.find((c) => c[0] === "asyncoperation")?.[2]).toBe(200);
    h.destroy();
  });

  it("shows 'not known' instead of 0 for steps that delete their successful jobs or run synchronously", async () => {
    const api = mockWebApi({
      sdkmessageprocessingstep: () =>
        Promise.resolve({
          entities: [
            {
              sdkmessageprocessingstepid: STEP_HOOK,
              _eventhandler_value: "11111111-1111-1111-1111-111111111111",
              mode: 1,
              asyncautodelete: true,
              statecode: 0,
            },
            {
              sdkmessageprocessingstepid: "44444444-4444-4444-4444-444444444444",
              _eventhandler_value: "22222222-2222-2222-2222-222222222222",
              mode: 0,
              statecode: 0,
            },
          ],
        }),
    });
    const h = mount({ webApi: api });
    await h.advance(0);
    const delivery = section("Event delivery by endpoint");
    const hookRow = within(delivery).getByText("Orders hook").closest("tr") as HTMLElement;
    expect(
      within(hookRow)
        .getAllByRole("cell")
        .map((c) => c.textContent),
    ).toEqual(["Orders hook (webhook)", "not known", "1", "0", "0"]);
    const queueRow = within(delivery).getByText("Invoices queue").closest("tr") as HTMLElement;
    expect(
      within(queueRow)
        .getAllByRole("cell")
        .map((c) => c.textContent),
    ).toEqual(["Invoices queue (Service Bus queue)", "not known", "not known", "not known", "not known"]);
    expect(within(delivery).getByText(/delete their successful system jobs automatically/)).toBeTruthy();
    expect(within(delivery).getByText(/synchronous steps send at once/)).toBeTruthy();
    h.destroy();
  });

  it("scales the gauge to a limit the headers imply above the default instead of showing 0 used", async () => {
    const fetch = mockFetch(() => ({ status: 200, headers: { "x-ms-ratelimit-burst-remaining-xrm-requests": "7999" } }));
    const h = mount({ fetch });
    await h.advance(0);
    expect(
      within(section("Service protection headroom")).getByText(
        "7,999 left. This environment allows more than the default 6,000, so the share used is not known.",
      ),
    ).toBeTruthy();
    h.destroy();
  });

  it("without context.page it still reads system jobs and says why the headroom is missing", async () => {
    const api = mockWebApi();
    const h = mount({ webApi: api, clientUrl: null });
    await h.advance(0);
    expect(screen.getByText("Up to date")).toBeTruthy();
    expect(within(section("Service protection headroom")).getByText(/does not give the organization's address/)).toBeTruthy();
    expect(within(section("Event delivery by endpoint")).getByText("Orders hook")).toBeTruthy();
    h.destroy();
  });

  it("leaves out malformed rows, counts them and shows the rest", async () => {
    const api = mockWebApi({
      asyncoperation: () =>
        Promise.resolve({
          entities: [
            {
              asyncoperationid: "ok-1",
              statecode: 3,
              statuscode: 31,
              message: "Bad gateway",
              createdon: new Date(START).toISOString(),
              _owningextensionid_value: "33333333-3333-3333-3333-333333333333",
            },
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
    const fetch = mockFetch(() => ({
      status: 200,
      headers: { "x-ms-ratelimit-burst-remaining-xrm-requests": "NaN", "x-ms-ratelimit-time-remaining-xrm-requests": "lots" },
    }));
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
    act(() => {
      document.dispatchEvent(new Event("visibilitychange"));
    });
    await h.advance(65_000); // due, but hidden: postponed by the hidden factor
    expect(count()).toBe(2);
    await h.advance(3 * 65_000);
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
    // The label says what the button does; there is no pressed state on top of it.
    expect(screen.getByRole("button", { name: "Resume updates" }).getAttribute("aria-pressed")).toBeNull();
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
    expect(screen.getByText("Throttling priority mappings ignored")).toBeTruthy();
    expect(screen.getByText(/not valid JSON/)).toBeTruthy();
    expect(screen.getByText("Up to date")).toBeTruthy();
    h.setInputs({ appPriorities: '{"Warehouse":"High","Order sync":"low","Invoices":"Medium"}' });
    await h.advance(0);
    expect(screen.queryByText("Throttling priority mappings ignored")).toBeNull();
    const rows = within(section("Who is throttled first")).getAllByRole("row").slice(1);
    expect(rows.map((r) => within(r).getAllByRole("cell")[1].textContent)).toEqual(["Order sync", "Invoices", "Warehouse"]);
    expect(await axe(h.r.container)).toHaveNoViolations();
    h.destroy();
  });

  it("maps priorities per user or app registration, refuses duplicate names, and shows exactly the current setting", async () => {
    const errors = jest.spyOn(console, "error");
    const h = mount({
      priorities: '[{"name":"Batch account","type":"user","userId":"batch","priority":"Low"},{"name":"Orders","priority":"High"}]',
    });
    await h.advance(0);
    const table = section("Who is throttled first");
    const cells = (): string[][] =>
      within(section("Who is throttled first"))
        .getAllByRole("row")
        .slice(1)
        .map((r) =>
          within(r)
            .getAllByRole("cell")
            .map((c) => c.textContent ?? ""),
        );
    expect(cells()).toEqual([
      ["1", "Batch account", "User", "Low", "75% load (our model)"],
      ["3", "Orders", "App registration", "High", "95% load (our model)"],
    ]);
    expect(within(table).getByText(/The load levels are our model/)).toBeTruthy();
    h.setInputs({ appPriorities: '[{"name":"Orders","priority":"Low"},{"name":"orders","priority":"High"}]' });
    await h.advance(0);
    expect(screen.getByText("Entries 1 and 2 both use the name orders. Each name may appear only once.")).toBeTruthy();
    expect(within(section("Who is throttled first")).getByText(/No mappings shown: the setting has an error/)).toBeTruthy();
    h.setInputs({ appPriorities: '{"Orders":"Medium"}' });
    await h.advance(0);
    // No ghost rows from earlier settings.
    expect(cells()).toEqual([["2", "Orders", "App registration", "Medium", "85% load (our model)"]]);
    expect(errors.mock.calls.filter((c) => String(c[0]).includes("same key"))).toEqual([]);
    errors.mockRestore();
    h.destroy();
  });

  it("runs the simulation with a visible label, a short throttle episode and the sample apps", async () => {
    const h = mount({ source: "simulated" });
    expect(screen.getByText("Simulated")).toBeTruthy();
    await h.advance(0);
    expect(screen.getByText("The panel's own requests are throttled")).toBeTruthy();
    expect(screen.getByTestId("own-countdown").textContent).toMatch(/Next try in 5 seconds/);
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
    const cancel = within(jobs).queryAllByRole("button", { name: /^Cancel job: the system job for / });
    expect(cancel.length).toBeGreaterThan(0);
    const canceledBefore = within(jobs).queryAllByText("Canceled").length;
    // Every job's buttons have their own accessible name.
    const names = within(jobs)
      .getAllByRole("button")
      .map((b) => b.getAttribute("aria-label"));
    expect(new Set(names).size).toBe(names.length);
    fireEvent.click(cancel[0]);
    const dialog = await screen.findByRole("dialog");
    // Irreversible: the dialog opens on the safe choice.
    await h.advance(0);
    expect(document.activeElement).toBe(within(dialog).getByRole("button", { name: "Keep as is" }));
    fireEvent.click(within(dialog).getByRole("button", { name: "Cancel job" }));
    await h.advance(0);
    expect(within(section("System jobs needing attention")).queryAllByText("Canceled")).toHaveLength(canceledBefore + 1);
    expect(screen.getByRole("status").textContent).toBe("The system job was updated.");
    // The dialog is closed and focus is back in the panel, not on the page.
    await h.advance(0);
    expect(h.r.container.contains(document.activeElement)).toBe(true);
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
