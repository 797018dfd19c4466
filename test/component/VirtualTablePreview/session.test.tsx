import { act, fireEvent, screen } from "@testing-library/react";
import { customerRows, CUSTOMER_COLUMNS, fakeDataset, FakeHost } from "./fakeDataset";
import { mountSettled } from "./render";

/**
 * The two ways the preview used to get stuck, replayed on the real control class against a host that
 * behaves like a real one (late `loading`, failures that change nothing but the error).
 */

// Fluent and jsdom are slow on a shared 2-core machine; no test here waits on a timer.
jest.setTimeout(30000);

function button(name: string): HTMLButtonElement {
  return screen.getByRole<HTMLButtonElement>("button", { name });
}

const isOff = (b: HTMLButtonElement): boolean => b.disabled || b.getAttribute("aria-disabled") === "true";

async function mountOnHost(rows: number, failureKeepsState: boolean) {
  const ds = fakeDataset(CUSTOMER_COLUMNS, []);
  let update = (): void => undefined;
  const host = new FakeHost(ds, customerRows(rows), { failureKeepsState, onUpdate: () => act(() => update()) });
  const mounted = await mountSettled(ds);
  update = mounted.update;
  return { ds, host, ...mounted };
}

describe("VirtualTablePreview never stuck, never two loads (regressions)", () => {
  it("a host that reports loading late gets one load: Next stays off until the page arrives", async () => {
    const { host } = await mountOnHost(120, false);
    expect(screen.getByText("Customer 0")).toBeTruthy();
    fireEvent.click(button("Next page"));
    // The host re-renders (a resize) before it says it is loading: the control keeps waiting.
    host.resize();
    expect(isOff(button("Next page"))).toBe(true);
    fireEvent.click(button("Next page"));
    host.reportLoading();
    fireEvent.click(button("Next page"));
    expect(host.calls).toBe(1);
    host.complete();
    expect(host.overlaps).toBe(0);
    expect(screen.getByText("Customer 50")).toBeTruthy();
    expect(isOff(button("Next page"))).toBe(false);
  });

  it("two identical failures in a row leave Try again working, and the rows come back", async () => {
    const { host } = await mountOnHost(60, true);
    fireEvent.click(screen.getAllByRole("columnheader").find((h) => h.textContent?.startsWith("Name"))!);
    host.complete(0, "The remote service did not answer.");
    expect(screen.getByText("The data source returned an error")).toBeTruthy();
    fireEvent.click(button("Try again"));
    host.complete(0, "The remote service did not answer.");
    // Nothing distinguishes this answer from no answer; Try again must still work.
    expect(isOff(button("Try again"))).toBe(false);
    fireEvent.click(button("Try again"));
    expect(host.calls).toBe(3);
    host.complete();
    // The error bar is gone (the failed requests stay in the diagnostics log).
    expect(screen.queryByText("The data source returned an error")).toBeNull();
    expect(screen.getByText("Customer 0")).toBeTruthy();
  });
});
