import { act, fireEvent, screen, within } from "@testing-library/react";
import { axe } from "../../setup/axe";
import { COLUMNS, makeRows, makeSnapshot, mountApp } from "./appFixture";

// axe and 5,000-row grids in jsdom take seconds on the shared 2-core machine.
jest.setTimeout(30_000);

const AXE_OPTIONS = { rules: { "color-contrast": { enabled: false } } };

// jsdom has no PointerEvent: a MouseEvent with a pointer id is enough for the resize handle.
if (typeof window.PointerEvent === "undefined") {
  class PointerEventShim extends MouseEvent {
    public readonly pointerId: number;
    constructor(type: string, init: PointerEventInit = {}) {
      super(type, init);
      this.pointerId = init.pointerId ?? 1;
    }
  }
  (window as unknown as { PointerEvent: unknown }).PointerEvent = PointerEventShim;
}

const grid = (): HTMLElement => screen.getByRole("grid");
const active = (): string | null | undefined => document.activeElement?.getAttribute("data-pos");
const press = (key: string, init: Partial<KeyboardEventInit> = {}): void => {
  fireEvent.keyDown(document.activeElement!, { key, ...init });
};

describe("VirtualTablePreview app: language, formats and direction", () => {
  it("formats a date and a number per the user's Dataverse settings, not the machine's locale", () => {
    // A German user two hours ahead of UTC: 22:30 UTC on the 15th is the 16th at 00:30 for them.
    const { formatters } = mountApp(makeSnapshot(makeRows(3)), { languageId: 1031, user: { getTimeZoneOffsetMinutes: () => 120 } });
    const row = within(grid()).getAllByRole("row")[1];
    const cells = within(row)
      .getAllByRole("gridcell")
      .map((c) => c.textContent);
    expect(cells[3]).toBe("1.234,50");
    expect(cells[4]).toContain("16.01.24");
    expect(cells[4]).toContain("00:30");
    expect(formatters.locale).toBe("de-DE");
    // The toolbar's count is German too.
    expect(screen.getByText("3 von 3 Zeilen geladen")).toBeTruthy();
  });

  it("says 1 row and 2 rows in English", () => {
    mountApp(makeSnapshot(makeRows(1)));
    expect(screen.getByText("1 of 1 row loaded")).toBeTruthy();
  });

  it.each([
    [1033, 2, "2 of 2 rows loaded"],
    [1031, 1, "1 von 1 Zeile geladen"],
    [1031, 2, "2 von 2 Zeilen geladen"],
    // Arabic has six plural forms: one, two, few (3 to 10), many (11 to 99) and other.
    [1025, 1, "تم تحميل ١ من صف واحد"],
    [1025, 2, "تم تحميل ٢ من صفين"],
    [1025, 3, "تم تحميل ٣ من ٣ صفوف"],
    [1025, 11, "تم تحميل ١١ من ١١ صفًا"],
    [1025, 100, "تم تحميل ١٠٠ من ١٠٠ صف"],
  ])("uses the plural form of language %i for %i rows", (languageId, n, text) => {
    mountApp(makeSnapshot(makeRows(n)), { languageId, user: { isRTL: languageId === 1025 } });
    expect(screen.getByText(text)).toBeTruthy();
  });

  it("lays out right to left for an Arabic user and mirrors the arrow keys", async () => {
    const { container } = mountApp(makeSnapshot(makeRows(5)), { languageId: 1025, user: { isRTL: true } });
    expect(container.querySelector("[dir]")?.getAttribute("dir")).toBe("rtl");
    within(grid()).getAllByRole("gridcell")[1].focus();
    expect(active()).toBe("1:1");
    // In right-to-left reading, ArrowLeft goes to the next column and ArrowRight to the previous one.
    press("ArrowLeft");
    expect(active()).toBe("1:2");
    press("ArrowLeft");
    expect(active()).toBe("1:3");
    press("ArrowRight");
    expect(active()).toBe("1:2");
    press("ArrowDown");
    expect(active()).toBe("2:2");
    expect(await axe(container, AXE_OPTIONS)).toHaveNoViolations();
  });

  it("keeps ArrowRight moving to the next column left to right", () => {
    mountApp(makeSnapshot(makeRows(5)));
    within(grid()).getAllByRole("gridcell")[1].focus();
    press("ArrowRight");
    expect(active()).toBe("1:2");
  });
});

describe("VirtualTablePreview app: columns and space", () => {
  it("takes column widths from the view's pixels, with no large minimum", () => {
    mountApp(makeSnapshot(makeRows(3)));
    const header = within(grid()).getAllByRole("row")[0];
    expect(header.style.gridTemplateColumns).toBe("40px 100px 200px 100px 150px");
  });

  it("resizes a column from the keyboard on its header, announcing how", () => {
    mountApp(makeSnapshot(makeRows(3)));
    const nameHeader = within(grid()).getAllByRole("columnheader")[2];
    nameHeader.focus();
    expect(document.getElementById(nameHeader.getAttribute("aria-describedby")!)?.textContent).toContain("Ctrl+Shift+Left or Right Arrow");
    press("ArrowRight", { ctrlKey: true, shiftKey: true });
    press("ArrowRight", { ctrlKey: true, shiftKey: true });
    const template = (): string => within(grid()).getAllByRole("row")[0].style.gridTemplateColumns;
    expect(template()).toBe("40px 100px 232px 100px 150px");
    press("ArrowLeft", { ctrlKey: true, shiftKey: true });
    expect(template()).toBe("40px 100px 216px 100px 150px");
    // Focus stays on the header, and rows follow the header's widths.
    expect(active()).toBe("0:2");
    expect(within(grid()).getAllByRole("row")[1].style.gridTemplateColumns).toBe(template());
  });

  it("resizes a column by dragging its edge, without sorting it", () => {
    const { actions } = mountApp(makeSnapshot(makeRows(3)));
    const nameHeader = within(grid()).getAllByRole("columnheader")[2];
    const handle = nameHeader.querySelector<HTMLElement>("[data-resize]")!;
    fireEvent.pointerDown(handle, { button: 0, clientX: 300, pointerId: 1 });
    fireEvent.pointerMove(handle, { clientX: 350, pointerId: 1 });
    fireEvent.pointerUp(handle, { clientX: 350, pointerId: 1 });
    fireEvent.click(handle);
    expect(within(grid()).getAllByRole("row")[0].style.gridTemplateColumns).toBe("40px 100px 250px 100px 150px");
    expect(actions.sort).not.toHaveBeenCalled();
  });

  it("keeps diagnostics to one summary line until opened, and opens them from that line", () => {
    const snap = makeSnapshot(makeRows(3), COLUMNS, {
      summary: {
        requests: 2,
        failed: 1,
        rowsShown: 3,
        totalResultCount: 3,
        pageSizeAsked: 50,
        largestPage: 3,
        pageSizeHonoured: true,
        lastDurationMs: 840,
        slowestDurationMs: 900,
      },
    });
    const { formatters } = mountApp(snap);
    const toggle = screen.getByRole("button", { name: /^Provider diagnostics:/ });
    expect(toggle.textContent).toBe(
      `Provider diagnostics: 2 page requests · 1 failed · last took ${formatters.duration(840)} · checking the provider`,
    );
    expect(screen.queryByRole("region", { name: "Provider diagnostics" })).toBeNull();
    fireEvent.click(toggle);
    expect(screen.getByRole("region", { name: "Provider diagnostics" })).toBeTruthy();
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
  });

  it("shows the filter marker as an SVG icon, not a font glyph", () => {
    mountApp(makeSnapshot(makeRows(3), COLUMNS, { filters: [{ column: "name", kind: "text", operator: "contains", value: "x" }] }));
    const nameHeader = within(grid()).getAllByRole("columnheader")[2];
    const icon = nameHeader.querySelector('[data-icon="filter"]')!;
    expect(icon.querySelector("svg path")).toBeTruthy();
    expect(icon.textContent).toBe("");
  });
});

describe("VirtualTablePreview app: keyboard and focus", () => {
  it("keeps focus in the grid through PageDown then Ctrl+End at 5,000 rows", () => {
    mountApp(makeSnapshot(makeRows(5000)));
    within(grid()).getAllByRole("gridcell")[1].focus();
    press("PageDown");
    expect(grid().contains(document.activeElement)).toBe(true);
    press("End", { ctrlKey: true });
    expect(active()).toBe("5000:4");
    press("PageUp");
    expect(grid().contains(document.activeElement)).toBe(true);
    press("Home", { ctrlKey: true });
    expect(active()).toBe("0:0");
  });

  it("does not let the keyboard select rows when the form disables the control", () => {
    const { actions } = mountApp(makeSnapshot(makeRows(3)), { disabled: true });
    within(grid()).getAllByRole("gridcell")[0].focus();
    press(" ");
    press("Enter");
    within(grid()).getAllByRole("columnheader")[0].focus();
    press(" ");
    expect(actions.select).not.toHaveBeenCalled();
    expect(grid().getAttribute("aria-readonly")).toBe("true");
  });

  it("puts focus back in the grid after Stop waiting", () => {
    const pending = {
      seq: 1,
      pageNumber: 2,
      reason: "next" as const,
      askedAt: Date.now(),
      settledAt: null,
      rowCount: null,
      pageSizeAsked: 50,
      sort: null,
      filter: null,
      status: "pending" as const,
      error: null,
    };
    const snap = makeSnapshot(makeRows(10), COLUMNS, { pending, busy: true, pageLog: { entries: [pending], nextSeq: 2, limit: 50 } });
    const { store, actions } = mountApp(snap);
    within(grid()).getAllByRole("row")[2].querySelector<HTMLElement>('[data-pos="2:3"]')!.focus();
    const stop = screen.getByRole("button", { name: "Stop waiting" });
    stop.focus();
    actions.cancel.mockImplementation(() => store.set({ ...snap, pending: null, busy: false }));
    act(() => {
      fireEvent.click(stop);
    });
    expect(screen.queryByRole("button", { name: "Stop waiting" })).toBeNull();
    expect(active()).toBe("2:3");
  });

  it("keeps focus on Next page while the page loads", () => {
    const snap = makeSnapshot(makeRows(10), COLUMNS, {
      paging: { pageNumber: 1, pageSize: 10, totalResultCount: 30, pageCount: 3, canGoNext: true, canGoPrevious: false },
    });
    const { store, actions } = mountApp(snap);
    const next = screen.getByRole("button", { name: "Next page" });
    next.focus();
    actions.nextPage.mockImplementation(() => {
      store.set({ ...snap, busy: true });
      return true;
    });
    act(() => {
      fireEvent.click(next);
    });
    expect(document.activeElement).toBe(next);
    expect(next.getAttribute("aria-disabled")).toBe("true");
  });

  it("wraps a long provider error and keeps Try again reachable at 300 px, then returns focus to the grid", async () => {
    const long = "The remote service failed: " + "a-very-long-token-without-spaces-".repeat(20);
    const snap = makeSnapshot(makeRows(5), COLUMNS, { error: long });
    const { store, actions, container } = mountApp(snap, { width: 300, height: 500 });
    expect(screen.getByText(long, { exact: false })).toBeTruthy();
    const retry = screen.getByRole("button", { name: "Try again" });
    retry.focus();
    expect(document.activeElement).toBe(retry);
    expect(await axe(container, AXE_OPTIONS)).toHaveNoViolations();
    actions.retry.mockImplementation(() => {
      store.set({ ...snap, error: null });
      return true;
    });
    act(() => {
      fireEvent.click(retry);
    });
    expect(grid().contains(document.activeElement)).toBe(true);
  });

  it("renders inside the error boundary: a render error shows a localized message and a retry", () => {
    jest.spyOn(console, "error").mockImplementation(() => undefined);
    const bad = makeSnapshot(makeRows(2));
    // A row whose cells are not an object breaks rendering.
    const broken = {
      ...bad,
      model: { ...bad.model, rows: [{ id: "x", reference: null, cells: null as unknown as Record<string, never> }] },
    };
    mountApp(broken);
    expect(screen.getByText("The grid could not be shown")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Show the grid again" })).toBeTruthy();
    (console.error as jest.Mock).mockRestore();
  });
});
