import { act, fireEvent, screen, within } from "@testing-library/react";
import { axe } from "../../setup/axe";
import { customerRows, CUSTOMER_COLUMNS, fakeDataset } from "./fakeDataset";
import { mountSettled } from "./render";

// axe and 5,000-row grids in jsdom take seconds on the shared 2-core machine.
jest.setTimeout(30_000);

const AXE_OPTIONS = { rules: { "color-contrast": { enabled: false } } };

describe("VirtualTablePreview grid", () => {
  it("shows the view's columns with their types and formatted values", async () => {
    const ds = fakeDataset(CUSTOMER_COLUMNS, customerRows(20));
    const { container } = await mountSettled(ds);
    const grid = screen.getByRole("grid", { name: "Records" });
    expect(grid.getAttribute("aria-rowcount")).toBe("21");
    const headers = within(grid).getAllByRole("columnheader");
    expect(headers.map((h) => h.textContent)).toEqual(
      expect.arrayContaining([
        expect.stringContaining("Credit limitCurrency"),
        expect.stringContaining("CreatedDate and time"),
        expect.stringContaining("Customer groupLookup"),
      ]),
    );
    const first = within(grid).getAllByRole("row")[1];
    expect(first.getAttribute("aria-rowindex")).toBe("2");
    const cells = within(first)
      .getAllByRole("gridcell")
      .map((c) => c.textContent);
    expect(cells).toEqual(["", "US-000000", "Customer 0", "$0.00", "2024-01-01 00:00", "Yes", "Group 0"]);
    expect(screen.getByText("20 of 20 rows loaded")).toBeTruthy();
    expect(await axe(container, AXE_OPTIONS)).toHaveNoViolations();
  });

  it("keeps only a window of rows in the DOM for 5,000 rows and moves it when scrolling", async () => {
    const ds = fakeDataset(CUSTOMER_COLUMNS, customerRows(5000));
    await mountSettled(ds);
    const grid = screen.getByRole("grid");
    const rendered = (): HTMLElement[] => within(grid).getAllByRole("row").slice(1);
    expect(grid.getAttribute("aria-rowcount")).toBe("5001");
    expect(rendered().length).toBeLessThan(40);
    act(() => {
      grid.scrollTop = 36 * 2500;
      fireEvent.scroll(grid);
    });
    const indexes = rendered().map((r) => Number(r.getAttribute("aria-rowindex")));
    expect(indexes.length).toBeLessThan(40);
    expect(indexes[0]).toBeGreaterThan(2400);
    expect(screen.getByText("Customer 2500")).toBeTruthy();
  });

  it("renders only the rows in view and one either side after a jump, and the full overscan once scrolling stops", async () => {
    jest.useFakeTimers();
    try {
      const ds = fakeDataset(CUSTOMER_COLUMNS, customerRows(5000));
      await mountSettled(ds);
      const grid = screen.getByRole("grid");
      const indexes = (): number[] =>
        within(grid)
          .getAllByRole("row")
          .slice(1)
          .map((r) => Number(r.getAttribute("aria-rowindex")));
      const settledCount = indexes().length;
      // A scrollbar drag to row 2,500 (aria-rowindex counts the header row and from 1).
      act(() => {
        grid.scrollTop = 36 * 2500;
        fireEvent.scroll(grid);
      });
      const jumped = indexes();
      expect(jumped[0]).toBe(2501);
      expect(screen.getByText("Customer 2500")).toBeTruthy();
      // Still moving a moment later: the window follows with one row either side.
      act(() => {
        jest.advanceTimersByTime(100);
        grid.scrollTop = 36 * 3000;
        fireEvent.scroll(grid);
      });
      act(() => {
        jest.advanceTimersByTime(100);
      });
      expect(indexes()[0]).toBe(3001);
      // Stopped: six rows either side again, ready for the next wheel step.
      act(() => {
        jest.advanceTimersByTime(100);
      });
      const settled = indexes();
      expect(settled[0]).toBe(2996);
      expect(settled).toHaveLength(jumped.length + 10);
      expect(settled.length).toBeGreaterThanOrEqual(settledCount);
    } finally {
      jest.useRealTimers();
    }
  });

  it("changes nothing on screen for a scroll inside one row, and one row in and one out for a one-row scroll", async () => {
    const ds = fakeDataset(CUSTOMER_COLUMNS, customerRows(5000));
    await mountSettled(ds);
    const grid = screen.getByRole("grid");
    const body = within(grid).getAllByRole("rowgroup")[1];
    act(() => {
      grid.scrollTop = 36 * 100;
      fireEvent.scroll(grid);
    });
    const before = within(body).getAllByRole("row");
    const changes: MutationRecord[] = [];
    const observer = new MutationObserver((records) => changes.push(...records));
    observer.observe(body, { subtree: true, childList: true, attributes: true, characterData: true });
    act(() => {
      grid.scrollTop = 36 * 100 + 20;
      fireEvent.scroll(grid);
    });
    changes.push(...observer.takeRecords());
    expect(changes).toEqual([]);
    act(() => {
      grid.scrollTop = 36 * 101;
      fireEvent.scroll(grid);
    });
    changes.push(...observer.takeRecords());
    observer.disconnect();
    const after = within(body).getAllByRole("row");
    expect(after).toHaveLength(before.length);
    // The rows that stay are the same elements, untouched; one left at the top, one came in at the bottom.
    expect(after.slice(0, -1).every((row, i) => row === before[i + 1])).toBe(true);
    expect(before[0].isConnected).toBe(false);
    const inside = (n: Node): boolean => after.slice(0, -1).some((row) => row.contains(n));
    expect(changes.filter((c) => c.type !== "childList" && inside(c.target))).toEqual([]);
  });

  it("shows markup in data as text and never creates elements from it", async () => {
    const rows = customerRows(2);
    rows[0].mserp_name = '<img src=x onerror="window.__pwned=1"><b>bold</b>';
    const ds = fakeDataset(CUSTOMER_COLUMNS, rows);
    const { container } = await mountSettled(ds);
    expect(screen.getByText('<img src=x onerror="window.__pwned=1"><b>bold</b>')).toBeTruthy();
    expect(container.querySelector("img")).toBeNull();
    expect(container.querySelector("b")).toBeNull();
    expect(await axe(container, AXE_OPTIONS)).toHaveNoViolations();
  });

  it("truncates very long values, keeping the full value available", async () => {
    const rows = customerRows(1);
    const long = "Very long customer name ".repeat(30);
    rows[0].mserp_name = long;
    await mountSettled(fakeDataset(CUSTOMER_COLUMNS, rows));
    const cell = screen.getAllByRole("gridcell").find((c) => c.getAttribute("title") === long)!;
    expect(cell).toBeDefined();
    expect(within(cell).getByText(/…$/).getAttribute("aria-hidden")).toBe("true");
    expect(within(cell).getByText(long.trim(), { normalizer: (s) => s.trim() })).toBeTruthy();
  });

  it("marks values of an unexpected type and columns the provider did not return", async () => {
    const rows = customerRows(3);
    rows[0].mserp_creditlimit = "lots";
    for (const r of rows) delete (r as Record<string, unknown>).mserp_isonhold;
    await mountSettled(fakeDataset(CUSTOMER_COLUMNS, rows));
    const row = screen.getAllByRole("row")[1];
    const credit = within(row).getAllByRole("gridcell")[3];
    expect(credit?.textContent).toContain("lots");
    expect(document.getElementById(credit.getAttribute("aria-describedby")!)?.textContent).toBe(
      "The value is not of the column's type; it is shown as sent",
    );
    expect(within(row).getAllByRole("gridcell")[5].getAttribute("title")).toBe("This column was not returned for this row");
    expect(screen.getByText("Columns in the view that none of the first 3 rows returned: mserp_isonhold.")).toBeTruthy();
    expect(
      screen.getByText("1 values in the first 3 rows did not match their column's type; they are shown as sent and marked."),
    ).toBeTruthy();
  });

  it("moves focus across cells with the keyboard and opens a record with Enter", async () => {
    const ds = fakeDataset(CUSTOMER_COLUMNS, customerRows(300));
    await mountSettled(ds);
    const grid = screen.getByRole("grid");
    const tabbable = (): HTMLElement => grid.querySelector<HTMLElement>('[tabindex="0"]')!;
    expect(grid.querySelectorAll('[tabindex="0"]')).toHaveLength(1);
    tabbable().focus();
    expect(document.activeElement?.textContent).toContain("Customer account");
    fireEvent.keyDown(document.activeElement!, { key: "ArrowDown" });
    expect(document.activeElement?.textContent).toContain("US-000000");
    fireEvent.keyDown(document.activeElement!, { key: "End" });
    expect(document.activeElement?.textContent).toContain("Group 0");
    fireEvent.keyDown(document.activeElement!, { key: "PageDown" });
    expect(Number(document.activeElement!.closest("[role=row]")!.getAttribute("aria-rowindex"))).toBeGreaterThan(3);
    fireEvent.keyDown(document.activeElement!, { key: "End", ctrlKey: true });
    expect(document.activeElement?.textContent).toContain("Group 2");
    expect(document.activeElement!.closest("[role=row]")!.getAttribute("aria-rowindex")).toBe("301");
    fireEvent.keyDown(document.activeElement!, { key: "Home" });
    expect(document.activeElement?.getAttribute("data-pos")).toBe("300:0");
    fireEvent.keyDown(document.activeElement!, { key: "ArrowRight" });
    fireEvent.keyDown(document.activeElement!, { key: "Enter" });
    expect(ds.openDatasetItem).toHaveBeenCalledWith(expect.objectContaining({ id: { guid: "id-299" } }));
    fireEvent.keyDown(document.activeElement!, { key: "Home", ctrlKey: true });
    expect(document.activeElement?.getAttribute("data-pos")).toBe("0:0");
    expect(grid.querySelectorAll('[tabindex="0"]')).toHaveLength(1);
  });

  it("selects rows through the dataset, treating an undefined selection as none", async () => {
    const ds = fakeDataset(CUSTOMER_COLUMNS, customerRows(5));
    await mountSettled(ds);
    expect(screen.getByRole<HTMLInputElement>("checkbox", { name: "Select row 2" }).checked).toBe(false);
    fireEvent.click(screen.getByRole("checkbox", { name: "Select row 2" }));
    expect(ds.setSelectedRecordIds).toHaveBeenLastCalledWith(["id-1"]);
    expect(screen.getByRole<HTMLInputElement>("checkbox", { name: "Select row 2" }).checked).toBe(true);
    expect(screen.getAllByRole("row")[2].getAttribute("aria-selected")).toBe("true");
    fireEvent.click(screen.getByRole("checkbox", { name: "Select all loaded rows" }));
    expect(ds.setSelectedRecordIds).toHaveBeenLastCalledWith(["id-0", "id-1", "id-2", "id-3", "id-4"]);
    const row1 = screen.getAllByRole("row")[1];
    within(row1).getAllByRole("gridcell")[1].focus();
    fireEvent.keyDown(document.activeElement!, { key: " " });
    expect(ds.setSelectedRecordIds).toHaveBeenLastCalledWith(["id-1", "id-2", "id-3", "id-4"]);
  });

  it("does not select when the form disables the control", async () => {
    const ds = fakeDataset(CUSTOMER_COLUMNS, customerRows(2));
    await mountSettled(ds, { disabled: true });
    expect(screen.getByRole<HTMLInputElement>("checkbox", { name: "Select row 2" }).disabled).toBe(true);
  });

  it("sizes itself from the allocated size, down to 300 px", async () => {
    const ds = fakeDataset(CUSTOMER_COLUMNS, customerRows(10));
    const { container } = await mountSettled(ds, { width: 300, height: 400 });
    const root = container.firstElementChild as HTMLElement;
    expect(root.style.width).toBe("300px");
    expect(root.style.height).toBe("400px");
    expect(screen.getByRole("button", { name: "Next page" })).toBeTruthy();
    expect(await axe(container, AXE_OPTIONS)).toHaveNoViolations();
  });
});
