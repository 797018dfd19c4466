/**
 * VirtualTablePreview in the real PCF test harness (pcf-start) in headless Chromium, fed with the
 * generated 5,000-row mserp_ customer table. The harness logs every dataset call to the console
 * ("Invoked method refresh on DataSet interface."), which is how these tests see what the control asked.
 */
import * as fs from "fs";
import * as path from "path";
import { parseCsv } from "../helpers/csv";
import { describeViolations, openHarness, testResultsDir, type Harness } from "./harness";
import { seededRandom } from "@integrationkit/shared";
import { CUSTOMER_COLUMN_TYPES, writeSampleData } from "../data/generate-customers";

const CONTROL = "VirtualTablePreview";
// React warnings raised by the harness page's own inputs, not by the control.

let h: Harness;
let bigCsv: string;
let smallCsv: string;

/** Grid keys the random sequences draw from (WAI-ARIA grid pattern). */
const GRID_KEYS = [
  "ArrowUp",
  "ArrowDown",
  "ArrowLeft",
  "ArrowRight",
  "PageUp",
  "PageDown",
  "Home",
  "End",
  "Control+Home",
  "Control+End",
] as const;

/**
 * Where focus is after a key: inside the grid, and the focused cell's box inside the grid's visible
 * box (data cells below the sticky header). Returns "" when both hold, else what went wrong.
 */
async function focusProblem(harness: Harness): Promise<string> {
  return harness.page.evaluate(() => {
    const a = document.activeElement as HTMLElement | null;
    const grid = a?.closest<HTMLElement>("[role=grid]");
    if (!a || !grid) return `focus left the grid: ${a ? a.tagName + " " + (a.getAttribute("role") ?? "") : "none"}`;
    const g = grid.getBoundingClientRect();
    const r = a.getBoundingClientRect();
    const header = grid.querySelector<HTMLElement>("[role=rowgroup]")!.getBoundingClientRect();
    const inHeader = a.getAttribute("role") === "columnheader";
    const top = inHeader ? g.top : header.bottom;
    const bottom = g.top + grid.clientTop + grid.clientHeight;
    const left = g.left + grid.clientLeft;
    const right = left + grid.clientWidth;
    const ok = r.top >= top - 1 && r.bottom <= bottom + 1 && r.left >= left - 1 && r.right <= right + 1;
    return ok
      ? ""
      : `active cell ${a.getAttribute("data-pos") ?? a.getAttribute("role")} not visible: cell ${JSON.stringify([r.left, r.top, r.right, r.bottom])} grid ${JSON.stringify([left, top, right, bottom])}`;
  });
}

/** Presses `count` random grid keys from a seeded source, checking focus after each. */
async function randomKeyWalk(harness: Harness, seed: number, count: number): Promise<string[]> {
  const random = seededRandom(seed);
  const problems: string[] = [];
  for (let i = 0; i < count; i++) {
    const key = GRID_KEYS[Math.floor(random() * GRID_KEYS.length)];
    await harness.page.keyboard.press(key);
    const problem = await focusProblem(harness);
    if (problem) problems.push(`after key ${i + 1} (${key}): ${problem}`);
  }
  return problems;
}

/** Loads a CSV into the data-set with a type per column (the harness asks for one), then applies it. */
async function loadTypedCsv(harness: Harness, file: string, types: Record<string, string>): Promise<void> {
  const page = harness.page;
  await page.setInputFiles("#recordsInput", file);
  for (const [column, type] of Object.entries(types)) {
    const panel = page
      .locator("#accordion__panel-records .io-panel")
      .filter({ has: page.locator(".key-value-pair-value > span", { hasText: new RegExp(`^${column}$`) }) });
    await panel.locator("select").selectOption(type);
  }
  await page.locator("input[value=Apply]").click();
}

function consoleSince(mark: number): string[] {
  return h.consoleMessages.slice(mark);
}

beforeAll(async () => {
  [bigCsv, smallCsv] = writeSampleData(path.join(testResultsDir, "sample-data"), [5000, 29]);
  // No container size at first: the harness's default, which the first test checks.
  h = await openHarness(CONTROL);
  await loadTypedCsv(h, bigCsv, CUSTOMER_COLUMN_TYPES);
  await h.root.getByText("5,000 of 5,000 rows loaded").waitFor({ timeout: 30_000 });
});

afterAll(async () => {
  await h?.close();
});

describe("VirtualTablePreview in the harness", () => {
  it("fills its container when the host gives no width, scrolling the columns inside the grid", async () => {
    const viewport = h.page.viewportSize()!;
    const box = (await h.root.locator(".fui-FluentProvider").first().boundingBox())!;
    expect(box.width).toBeGreaterThan(300);
    expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
    // The harness's own property panel stays on the screen.
    const panel = (await h.page.locator("#accordion__panel-data_inputs").first().boundingBox())!;
    expect(panel.x + panel.width).toBeLessThanOrEqual(viewport.width);
    const grid = h.root.getByRole("grid");
    const sizes = await grid.evaluate((el) => ({
      scroll: el.scrollWidth,
      client: el.clientWidth,
      width: el.getBoundingClientRect().width,
    }));
    expect(sizes.width).toBeLessThanOrEqual(box.width);
    expect(sizes.scroll).toBeGreaterThan(sizes.client);
    await h.screenshot("VirtualTablePreview-no-width", { controlOnly: true });
    await h.setContainerSize(1200, 760);
  });

  it("renders the sample rows with typed columns, keeping only a window of rows in the DOM", async () => {
    const grid = h.root.getByRole("grid", { name: "Records" });
    expect(await grid.getAttribute("aria-rowcount")).toBe("5001");
    const firstRow = grid.locator("[role=row][aria-rowindex='2']");
    expect(await firstRow.innerText()).toContain("FR-000001");
    expect(await firstRow.innerText()).toContain("Humongous Manufacturing & Co.");
    expect(await grid.locator("[role=columnheader]", { hasText: "mserp_creditlimit" }).innerText()).toContain("Currency");
    expect(await grid.locator("[role=row]").count()).toBeLessThan(100);
    expect(h.errors).toEqual([]);
    expect(h.unexpectedRequests).toEqual([]);
  });

  it("passes axe and is captured in a screenshot", async () => {
    expect(describeViolations(await h.axeViolations())).toBe("");
    const shot = await h.screenshot("VirtualTablePreview-5000-rows", { controlOnly: true });
    expect(fs.statSync(shot).size).toBeGreaterThan(5000);
  });

  it("moves across 5,000 rows by keyboard, rendering the row it lands on", async () => {
    const grid = h.root.getByRole("grid");
    await grid.locator("[tabindex='0']").first().focus();
    await h.page.keyboard.press("ArrowDown");
    await h.page.keyboard.press("Control+End");
    const focused = h.page.locator(":focus");
    expect(await focused.locator("xpath=ancestor::*[@role='row']").getAttribute("aria-rowindex")).toBe("5001");
    await h.page.keyboard.press("Control+Home");
    expect(await h.page.locator(":focus").getAttribute("data-pos")).toBe("0:0");
  });

  it("keeps focus in the grid with the active cell visible through PageDown then Ctrl+End and random key sequences, at 5,000 rows", async () => {
    const grid = h.root.getByRole("grid");
    await grid.locator("[tabindex='0']").first().focus();
    await h.page.keyboard.press("PageDown");
    expect(await focusProblem(h)).toBe("");
    await h.page.keyboard.press("Control+End");
    expect(await focusProblem(h)).toBe("");
    expect(await h.page.evaluate(() => document.activeElement?.closest("[role=row]")?.getAttribute("aria-rowindex"))).toBe("5001");
    // Keys keep working there.
    await h.page.keyboard.press("PageUp");
    expect(await focusProblem(h)).toBe("");
    for (const seed of [11, 12, 13]) expect(await randomKeyWalk(h, seed, 40)).toEqual([]);
    // A mouse-wheel scroll that takes the focused row out of the DOM does not lose the keyboard either.
    await grid.hover();
    await h.page.mouse.wheel(0, 20_000);
    await h.page.waitForTimeout(100);
    await h.page.keyboard.press("ArrowDown");
    expect(await focusProblem(h)).toBe("");
    await h.page.keyboard.press("Control+Home");
  });

  it("resizes a column by keyboard from its header", async () => {
    const header = h.root.locator("[role=columnheader]", { hasText: "mserp_name" });
    const before = (await header.boundingBox())!.width;
    await header.focus();
    await h.page.keyboard.press("Control+Shift+ArrowRight");
    await h.page.keyboard.press("Control+Shift+ArrowRight");
    const after = (await header.boundingBox())!.width;
    expect(Math.round(after - before)).toBe(32);
    expect(await h.page.evaluate(() => document.activeElement?.getAttribute("role"))).toBe("columnheader");
  });

  it("asks the dataset for the maker's page size and says the harness ignored it", async () => {
    // The diagnostics are one summary line on a form; open them (they stay open for the tests below).
    const summary = h.root.getByRole("button", { name: /^Provider diagnostics:/ });
    expect(await summary.getAttribute("aria-expanded")).toBe("false");
    await summary.click();
    expect(await summary.getAttribute("aria-expanded")).toBe("true");
    const mark = h.consoleMessages.length;
    await h.setProperty("pageSize", "100");
    await h.root
      .getByText(/Waiting for page 1|ignored the page size/)
      .first()
      .waitFor();
    // pcf-start 1.51.1 logs setPageSize under the name loadNextPage, with the size as parameter.
    const calls = consoleSince(mark).join("\n");
    expect(calls).toMatch(/Invoked method (setPageSize|loadNextPage) on Paging interface\. Parameters: 100\./);
    expect(calls).toContain("Invoked method refresh on DataSet interface.");
    // The harness never answers a refresh; the user can stop waiting.
    const stop = h.root.getByRole("button", { name: "Stop waiting" });
    if (await stop.count()) await stop.click();
    await h.root.getByText("The provider sent more rows in one page than were asked for: it ignored the page size.").waitFor();
    // All rows are here and the harness reports no next page: Next stays off rather than asking for nothing.
    expect(await h.root.getByRole("button", { name: "Next page" }).isDisabled()).toBe(true);
  });

  it("sorts through the dataset when a header is clicked, and shows the query as OData", async () => {
    const mark = h.consoleMessages.length;
    const header = h.root.locator("[role=columnheader]", { hasText: "mserp_name" });
    await header.locator("span").first().click();
    await h.root.getByText("Waiting for page 1…").waitFor();
    expect(consoleSince(mark)).toContain("log: Invoked method refresh on DataSet interface.");
    expect(await header.getAttribute("aria-sort")).toBe("ascending");
    expect(await h.root.getByTestId("vtp-query").innerText()).toContain("$orderby=mserp_name asc");
    // Nothing else is asked while that load is pending.
    await h.root.locator("[role=columnheader]", { hasText: "mserp_addresscity" }).locator("span").first().click();
    expect(consoleSince(mark).filter((m) => m.includes("Invoked method refresh"))).toHaveLength(1);
    await h.root.getByRole("button", { name: "Stop waiting" }).click();
    await h.root.getByText("Stopped waiting · sort, filter or retry").first().waitFor();
    expect(await h.root.getByText("Waiting for page 1…").count()).toBe(0);
    expect(describeViolations(await h.axeViolations())).toBe("");
  });

  it("filters from a column's options by keyboard, and gives the page back when the popover closes", async () => {
    const mark = h.consoleMessages.length;
    // The header announces it: Alt+Down Arrow opens a column's options (Enter on a header sorts).
    await h.root.locator("[role=columnheader]", { hasText: "mserp_creditlimit" }).focus();
    await h.page.keyboard.press("Alt+ArrowDown");
    const dialog = h.page.getByRole("dialog", { name: "Options for mserp_creditlimit" });
    await dialog.waitFor();
    // Focus moves into the popover, which passes axe while the rest of the page is set aside.
    expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    // (The popover fades in: axeViolations waits for the page's animations to end before it measures colours.)
    expect(describeViolations(await h.axeViolations('[role="dialog"]'))).toBe("");
    await dialog.getByRole("textbox", { name: "Value" }).fill("20000");
    await dialog.getByRole("button", { name: "Apply filter" }).focus();
    await h.page.keyboard.press("Enter");
    await dialog.waitFor({ state: "detached" });
    expect(consoleSince(mark).join("\n")).toContain("Invoked method refresh on DataSet interface.");
    expect(await h.root.getByTestId("vtp-query").innerText()).toContain("$filter=mserp_creditlimit");
    // The filter marker is an SVG drawn in the text colour, so it shows whatever fonts the page has.
    const marker = h.root.locator("[role=columnheader]", { hasText: "mserp_creditlimit" }).locator('[data-icon="filter"] svg');
    expect(await marker.count()).toBe(1);
    expect((await marker.boundingBox())!.width).toBeGreaterThan(0);
    // Nothing of the control stays hidden from assistive technology, and focus is back in the grid.
    const hiddenState = (): Promise<string> =>
      h.root.evaluate((el) => {
        const above = el.closest("[aria-hidden='true']");
        const inside = el.querySelector("[aria-hidden='true'] [role=grid]");
        return above ? `above: ${above.outerHTML.slice(0, 120)}` : inside ? "inside" : "";
      });
    for (let i = 0; i < 20 && (await hiddenState()) !== ""; i++) await h.page.waitForTimeout(100);
    expect(await hiddenState()).toBe("");
    expect(await h.page.evaluate(() => document.activeElement?.getAttribute("role"))).toBe("columnheader");
    expect(await h.page.evaluate(() => document.activeElement?.textContent)).toContain("mserp_creditlimit");
    const stop = h.root.getByRole("button", { name: "Stop waiting" });
    if (await stop.count()) await stop.click();
    expect(describeViolations(await h.axeViolations())).toBe("");
  });

  it("puts focus back on the column header after Escape closes options opened by keyboard", async () => {
    if (await h.page.getByRole("dialog").count()) await h.page.keyboard.press("Escape");
    const header = h.root.locator("[role=columnheader]", { hasText: "mserp_name" });
    await header.focus();
    await h.page.keyboard.press("Alt+ArrowDown");
    const dialog = h.page.getByRole("dialog", { name: "Options for mserp_name" });
    await dialog.waitFor();
    await h.page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    for (let i = 0; i < 20 && (await h.page.evaluate(() => document.activeElement?.getAttribute("role"))) !== "columnheader"; i++)
      await h.page.waitForTimeout(50);
    expect(await h.page.evaluate(() => document.activeElement?.getAttribute("role"))).toBe("columnheader");
    expect(await h.page.evaluate(() => document.activeElement?.textContent)).toContain("mserp_name");
    // The keys work from there.
    await h.page.keyboard.press("ArrowDown");
    expect(await focusProblem(h)).toBe("");
  });

  it("asks the harness's dataset for the next page once, and never twice while it is pending", async () => {
    // pcf-start 1.51.1 hard-codes hasNextPage to false. Make its paging object say there is a next page
    // (as a provider with more rows would), keeping the harness's own loadNextPage, which logs the call.
    await h.page.evaluate(() => {
      type Paging = { hasNextPage: boolean };
      type Ctx = { parameters: { records: { paging: Paging } } };
      // pcf-scripts bundles the control into this global library object before registering it.
      type Lib = { VirtualTablePreview: { prototype: { updateView(c: Ctx): unknown } } };
      const proto = (window as unknown as Record<string, Lib>)["pcf_tools_652ac3f36e1e4bca82eb3c1dc44e6fad"].VirtualTablePreview.prototype;
      const original = proto.updateView;
      proto.updateView = function (this: unknown, context: Ctx) {
        const paging = context.parameters.records.paging;
        Object.defineProperty(paging, "hasNextPage", { configurable: true, get: () => true });
        return original.call(this, context);
      };
    });
    // A new page size makes the harness call updateView again, now with the patched paging.
    await h.setProperty("pageSize", "60");
    const stop = h.root.getByRole("button", { name: "Stop waiting" });
    if (await stop.count()) await stop.click();
    const next = h.root.getByRole("button", { name: "Next page" });
    await next.waitFor();
    expect(await next.isDisabled()).toBe(false);
    const mark = h.consoleMessages.length;
    await next.click();
    await h.root
      .getByText(/Waiting for page 2/)
      .first()
      .waitFor();
    // A second click while page 2 is pending asks nothing more.
    await next.click({ force: true }).catch(() => undefined);
    const asked = consoleSince(mark).filter((m) => /Invoked method loadNextPage on Paging interface\.\s*$/.test(m));
    expect(asked).toHaveLength(1);
    await h.root.getByRole("button", { name: "Stop waiting" }).click();
  });

  it("exports the loaded rows to a CSV that parses back to the same data", async () => {
    // By keyboard: at the 1,200 px container the first test sets, the harness's own panel header lies over
    // the toolbar's right end (where this button is), so a mouse click would land on the harness.
    const exportButton = h.root.getByRole("button", { name: "Export loaded rows (CSV)" });
    await exportButton.focus();
    const [download] = await Promise.all([h.page.waitForEvent("download"), h.page.keyboard.press("Enter")]);
    const file = path.join(testResultsDir, "VirtualTablePreview-export.csv");
    await download.saveAs(file);
    expect(download.suggestedFilename()).toMatch(/^account-\d{4}-\d{2}-\d{2}T\d{6}\.csv$/);
    const exported = parseCsv(fs.readFileSync(file, "utf8").replace(/^\uFEFF/, ""));
    const source = parseCsv(fs.readFileSync(bigCsv, "utf8"));
    expect(exported).toHaveLength(5001);
    expect(exported[0]).toEqual(source[0]);
    const col = (name: string): number => source[0].indexOf(name);
    const byAccount = new Map(source.slice(1).map((r) => [r[col("mserp_customeraccount")], r]));
    for (const row of exported.slice(1, 200)) {
      const original = byAccount.get(row[col("mserp_customeraccount")])!;
      expect(row[col("mserp_name")]).toBe(original[col("mserp_name")]);
      expect(Number(row[col("mserp_creditlimit")])).toBe(Number(original[col("mserp_creditlimit")]));
      expect(row[col("mserp_createddatetime")]).toBe(original[col("mserp_createddatetime")]);
      expect(row[col("mserp_isonhold")]).toBe(original[col("mserp_isonhold")]);
    }
  });

  it("keeps focus in the grid through random key sequences at 29 rows", async () => {
    await h.setContainerSize(1200, 760);
    await loadTypedCsv(h, smallCsv, CUSTOMER_COLUMN_TYPES);
    await h.root.locator("[role=grid][aria-rowcount='30']").waitFor({ timeout: 30_000 });
    const stop = h.root.getByRole("button", { name: "Stop waiting" });
    if (await stop.count()) await stop.click();
    const grid = h.root.getByRole("grid");
    await grid.locator("[tabindex='0']").first().focus();
    await h.page.keyboard.press("PageDown");
    await h.page.keyboard.press("Control+End");
    expect(await focusProblem(h)).toBe("");
    expect(await h.page.evaluate(() => document.activeElement?.closest("[role=row]")?.getAttribute("aria-rowindex"))).toBe("30");
    for (const seed of [21, 22, 23]) expect(await randomKeyWalk(h, seed, 40)).toEqual([]);
  });

  it("works at 300 px wide", async () => {
    const errorsBefore = h.errors.length;
    await h.setContainerSize(300, 600);
    const box = await h.root.locator(".fui-FluentProvider").first().boundingBox();
    expect(box?.width).toBeLessThanOrEqual(301);
    expect(describeViolations(await h.axeViolations())).toBe("");
    await h.screenshot("VirtualTablePreview-300px", { controlOnly: true });
    expect(h.errors.slice(errorsBefore)).toEqual([]);
  });

  it("wraps a long provider error at 300 px, keeps Try again reachable and passes axe", async () => {
    const long = `The data source answered 502 Bad Gateway from ${"https://erp.example.com/data/CustomersV3?cross-company=true&$top=5000&".repeat(4)}after 30 seconds.`;
    await h.page.evaluate((message) => {
      type Records = { error: boolean; errorMessage: string };
      type Ctx = { parameters: { records: Records } };
      type Lib = { VirtualTablePreview: { prototype: { updateView(c: Ctx): unknown } } };
      const proto = (window as unknown as Record<string, Lib>)["pcf_tools_652ac3f36e1e4bca82eb3c1dc44e6fad"].VirtualTablePreview.prototype;
      const original = proto.updateView;
      proto.updateView = function (this: unknown, context: Ctx) {
        const records = context.parameters.records;
        Object.defineProperty(records, "error", { configurable: true, get: () => true });
        Object.defineProperty(records, "errorMessage", { configurable: true, get: () => message });
        return original.call(this, context);
      };
    }, long);
    await h.setProperty("pageSize", "40");
    const stop = h.root.getByRole("button", { name: "Stop waiting" });
    if (await stop.count()) await stop.click();
    const bar = h.root.getByText("The data source returned an error");
    await bar.waitFor();
    const root = (await h.root.locator(".fui-FluentProvider").first().boundingBox())!;
    const retry = h.root.getByRole("button", { name: "Try again" });
    const retryBox = (await retry.boundingBox())!;
    expect(retryBox.x).toBeGreaterThanOrEqual(root.x - 1);
    expect(retryBox.x + retryBox.width).toBeLessThanOrEqual(root.x + root.width + 1);
    expect(retryBox.y + retryBox.height).toBeLessThanOrEqual(root.y + root.height + 1);
    const message = (await h.root.getByText(/502 Bad Gateway/).boundingBox())!;
    expect(message.width).toBeLessThanOrEqual(root.width);
    // Reachable by keyboard: Tab from the last toolbar button arrives on it.
    await h.root.getByRole("button", { name: "Export loaded rows (CSV)" }).focus();
    await h.page.keyboard.press("Tab");
    expect(await h.page.evaluate(() => document.activeElement?.textContent)).toBe("Try again");
    expect(describeViolations(await h.axeViolations())).toBe("");
    await h.screenshot("VirtualTablePreview-error-300px", { controlOnly: true });
  });
});
