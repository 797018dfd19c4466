import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { PATTERN_IDS, PATTERN_META, parseDecision } from "@integrationkit/shared";
import { axe } from "../../setup/axe";
import { chosenStatus, items, titles } from "./list";
import { setup } from "./setup";

// Choosing, searching, comparing and budgeting. Bad input, read-only and a second language are in
// picker-states.test.tsx: two files, so that the two jest workers share the picker's tests.
jest.setTimeout(30000);

describe("IntegrationPatternPicker: choosing", () => {
  it("shows every pattern ranked for an empty scenario and nothing chosen", async () => {
    const { container, outputs } = setup();
    expect(await screen.findByRole("heading", { name: "Integration pattern advisor" })).toBeTruthy();
    expect(chosenStatus()).toContain("none yet");
    expect(items()).toHaveLength(PATTERN_IDS.length);
    expect(screen.getByText(`Showing ${PATTERN_IDS.length} of ${PATTERN_IDS.length} patterns, best fit first.`)).toBeTruthy();
    expect(outputs()).toEqual([]);
    expect(await axe(container)).toHaveNoViolations();
  });

  it("re-ranks as questions are answered, then writes the chosen id and a decision record", async () => {
    const { container, outputs, mock } = setup({ value: "" });
    fireEvent.click(screen.getByRole("checkbox", { name: "Finance and operations apps" }));
    fireEvent.change(screen.getByRole("combobox", { name: /How much data per run/ }), { target: { value: "high" } });
    fireEvent.change(screen.getByRole("combobox", { name: /How soon must it arrive/ }), { target: { value: "scheduled" } });
    fireEvent.click(screen.getByRole("checkbox", { name: "Change tracking (send only what changed)" }));

    expect(titles()[0]).toBe("1. Data management package REST API");
    const first = items()[0];
    expect(within(first).getByText("Recommended")).toBeTruthy();
    expect(within(first).getByText("Built for this need: change tracking for incremental loads.")).toBeTruthy();
    const odata = items().find((li) => li.textContent?.includes("OData endpoint"))!;
    expect(within(odata).getByText("Not suitable")).toBeTruthy();
    expect(
      within(odata).getByText("Built for small volumes and throttled; high volumes need a batched, asynchronous pattern."),
    ).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "Choose Data management package REST API" }));
    await waitFor(() => expect(outputs()).toHaveLength(1));
    const out = outputs()[0];
    expect(out.value).toBe("dmf-package-api");
    const parsed = parseDecision(out.decision);
    expect(parsed.status).toBe("ok");
    if (parsed.status === "ok") {
      expect(parsed.decision.patternId).toBe("dmf-package-api");
      expect(parsed.decision.scenario).toEqual({
        apps: ["finance-operations"],
        timing: "scheduled",
        volume: "high",
        requirements: ["change-tracking"],
      });
      expect(parsed.decision.reasons.map((r) => r.code)).toContain("requirement.core:change-tracking");
      expect(Number.isNaN(Date.parse(parsed.decision.decidedAt))).toBe(false);
    }
    // The host echoes the value back: the list shows the chosen state.
    await waitFor(() => expect(mock.context.parameters.value.raw).toBe("dmf-package-api"));
    await waitFor(() => expect(chosenStatus()).toContain("Data management package REST API"));
    expect(within(items()[0]).getByText("This is the chosen pattern")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Choose Data management package REST API" })).toBeNull();
    expect(await axe(container)).toHaveNoViolations();
  });

  it("shows a stored choice as chosen and seeds the questions from the stored decision", () => {
    const decision = JSON.stringify({
      schema: "integrationkit.pattern-decision",
      version: 1,
      patternId: "dual-write",
      decidedAt: "2025-03-01T10:00:00.000Z",
      scenario: { apps: ["finance-operations", "customer-engagement"], requirements: ["shared-master-data"] },
      fit: "recommended",
      score: 1,
      reasons: [],
      warnings: [],
    });
    const { outputs } = setup({ value: "dual-write", decision });
    expect(chosenStatus()).toContain("Dual-write");
    expect(chosenStatus()).toContain("Decision for Dual-write saved");
    expect(screen.getByRole<HTMLInputElement>("checkbox", { name: "Master data shared by both apps" }).checked).toBe(true);
    expect(titles()[0]).toBe("1. Dual-write");
    expect(outputs()).toEqual([]);
  });

  it("opens a detail view with the catalogue facts and closes it again", async () => {
    const { container } = setup();
    fireEvent.click(screen.getByRole("button", { name: "Show details of Finance and operations virtual tables" }));
    const region = screen.getByRole("region", { name: "Details of Finance and operations virtual tables" });
    expect(within(region).getByText("Cloud only: not for on-premises finance and operations.")).toBeTruthy();
    expect(within(region).getByText(/Exempt from finance and operations throttling/)).toBeTruthy();
    expect(await axe(container)).toHaveNoViolations();
    fireEvent.click(screen.getByRole("button", { name: "Hide details of Finance and operations virtual tables" }));
    expect(screen.queryByRole("region", { name: "Details of Finance and operations virtual tables" })).toBeNull();
  });

  it("searches by name and filters by pattern family and app family", () => {
    setup();
    fireEvent.change(screen.getByRole("searchbox", { name: "Search" }), { target: { value: "dual" } });
    expect(titles()).toEqual(["1. Dual-write"]);
    fireEvent.change(screen.getByRole("searchbox", { name: "Search" }), { target: { value: "" } });
    fireEvent.change(screen.getByRole("combobox", { name: "Pattern family" }), { target: { value: "embedding" } });
    const embedding = PATTERN_META.filter((p) => p.families.includes("embedding"));
    expect(items().length).toBe(embedding.length);
    fireEvent.change(screen.getByRole("combobox", { name: "App family" }), { target: { value: "customer-engagement" } });
    expect(titles().map((t) => t.replace(/^\d+\. /, ""))).toEqual([
      "IFrame in model-driven apps",
      "Power Apps component framework controls",
      "Canvas apps",
      "Channel Integration Framework",
      "HTML web resources",
    ]);
    fireEvent.change(screen.getByRole("searchbox", { name: "Search" }), { target: { value: "zzz" } });
    expect(screen.getByText("No pattern matches the search and filters.")).toBeTruthy();
  });

  it("limits the list to the app families the maker chose", () => {
    setup({ appFamilies: "ce" });
    expect(items()).toHaveLength(10);
    expect(screen.queryByRole("combobox", { name: "App family" })).toBeNull();
  });

  it("compares two or three patterns side by side and caps the selection at three", async () => {
    const { container } = setup();
    fireEvent.click(screen.getByRole("checkbox", { name: "Compare Dual-write" }));
    fireEvent.click(screen.getByRole("checkbox", { name: "Compare Finance and operations virtual tables" }));
    fireEvent.click(screen.getByRole("checkbox", { name: "Compare Dataverse data and business events" }));
    expect(screen.getByRole<HTMLInputElement>("checkbox", { name: "Compare OData endpoint" }).disabled).toBe(true);
    fireEvent.click(screen.getByRole("button", { name: "Compare (3)" }));
    const table = screen.getByRole("table", { name: "Side-by-side comparison of 3 patterns" });
    const heads = within(table)
      .getAllByRole("columnheader")
      .map((h) => h.textContent);
    expect(heads).toEqual(["Dual-writeRemove", "Finance and operations virtual tablesRemove", "Dataverse data and business eventsRemove"]);
    expect(within(table).getByText("The data is stored twice.")).toBeTruthy();
    expect(await axe(container)).toHaveNoViolations();
    fireEvent.click(screen.getByRole("button", { name: "Remove Dual-write from the comparison" }));
    fireEvent.click(screen.getByRole("button", { name: "Remove Dataverse data and business events from the comparison" }));
    expect(screen.getByText(/Tick Compare on two or three patterns/)).toBeTruthy();
  });

  it("estimates the throttling budget and flags a design that would be throttled", async () => {
    const { container } = setup({ defaultView: "budget", width: 320 });
    expect(screen.getByText("This design stays within the limits.")).toBeTruthy();
    fireEvent.change(screen.getByRole("textbox", { name: /Records per run/ }), { target: { value: "100000" } });
    fireEvent.change(screen.getByRole("textbox", { name: /Batch size/ }), { target: { value: "1" } });
    expect(screen.getByText("This design would be throttled: at least one service-protection limit is exceeded.")).toBeTruthy();
    const row = screen.getByRole("rowheader", { name: "Requests per 5 minutes (per user, per web server)" }).parentElement!;
    expect(within(row).getByText("Over limit (1,667%)")).toBeTruthy();
    expect(await axe(container)).toHaveNoViolations();
  });

  it("follows the allocated width", () => {
    setup({ width: 300 });
    expect(screen.getByTestId("ipp-root").style.width).toBe("300px");
  });
});
