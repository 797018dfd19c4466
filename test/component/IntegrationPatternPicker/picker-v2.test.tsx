/**
 * Picker v2 behaviour a user notices: focus after each action, the invalid-budget state, finance and
 * operations limits, hostile and late decision records, "Copy as Markdown", the user's formats,
 * plurals and direction in English, German and Arabic, unique ids per instance, long values.
 */
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { axe } from "../../setup/axe";
import { createDecision, parseDecision, serializeDecision } from "@integrationkit/shared";
import { setup } from "./setup";

jest.setTimeout(60000);

const at = new Date("2025-01-02T03:04:05.000Z");

function decisionJson(patternId: string, extra: Record<string, unknown> = {}): string {
  const d = createDecision(
    patternId,
    { apps: ["finance-operations", "customer-engagement"], kind: "data", direction: "bidirectional" },
    at,
    {
      recordsPerRun: 1000,
      runsPerDay: 4,
      batchSize: 10,
    },
  )!;
  return JSON.stringify({ ...(JSON.parse(serializeDecision(d)!) as object), ...extra });
}

function card(id: string): HTMLElement {
  const el = document.querySelector<HTMLElement>(`[id$="card-${id}"]`);
  if (!el) throw new Error(`no card ${id}`);
  return el;
}

describe("IntegrationPatternPicker v2: focus never falls to the page", () => {
  it("moves focus to the chosen card after Choose", async () => {
    const { outputs } = setup();
    const choose = screen.getByRole("button", { name: "Choose Webhooks" });
    choose.focus();
    fireEvent.click(choose);
    await waitFor(() => expect(outputs()[0]?.value).toBe("webhooks"));
    await waitFor(() => expect(document.activeElement).toBe(card("webhooks")));
    expect(within(card("webhooks")).getByText("This is the chosen pattern")).toBeTruthy();
  });

  it("moves focus to the next compare item after Remove, and to the Compare tab when none is left", async () => {
    setup();
    for (const name of ["Dual-write", "Webhooks", "OData endpoint"])
      fireEvent.click(screen.getByRole("checkbox", { name: `Compare ${name}` }));
    fireEvent.click(screen.getByRole("button", { name: "Compare (3)" }));
    fireEvent.click(screen.getByRole("button", { name: "Remove Dual-write from the comparison" }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole("button", { name: "Remove Webhooks from the comparison" })));
    // The last item removed: focus goes to the one before it.
    fireEvent.click(screen.getByRole("button", { name: "Remove OData endpoint from the comparison" }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole("button", { name: "Remove Webhooks from the comparison" })));
    fireEvent.click(screen.getByRole("button", { name: "Remove Webhooks from the comparison" }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole("button", { name: "Compare (0)" })));
  });

  it("moves focus to the Advisor tab after Back to the advisor", async () => {
    setup({ defaultView: "budget" });
    fireEvent.click(screen.getByRole("button", { name: "Back to the advisor" }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole("button", { name: "Advisor" })));
    expect(screen.getByRole("list", { name: "Patterns ranked by fit" })).toBeTruthy();
  });
});

describe("IntegrationPatternPicker v2: budget", () => {
  it("marks each invalid field with its own message and never shows a green verdict meanwhile", async () => {
    const { container } = setup({ defaultView: "budget" });
    const field = (name: RegExp) => screen.getByRole("textbox", { name });
    fireEvent.change(field(/Records per run/), { target: { value: "-5" } });
    fireEvent.change(field(/Runs per day/), { target: { value: "many" } });
    fireEvent.change(field(/Batch size/), { target: { value: "" } });
    fireEvent.change(field(/Server time per request/), { target: { value: "1e308" } });
    expect(screen.getByText("Enter zero or more.")).toBeTruthy();
    expect(screen.getByText("Enter digits only, for example 2500.")).toBeTruthy();
    expect(screen.getByText("Enter a number.")).toBeTruthy();
    expect(screen.getByText("Enter at most 1,000,000,000.")).toBeTruthy();
    expect(field(/Records per run/).getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByText("No verdict yet: correct the fields that show an error.")).toBeTruthy();
    expect(screen.queryByText("This design stays within the limits.")).toBeNull();
    expect(screen.queryByRole("table")).toBeNull();
    expect(await axe(container)).toHaveNoViolations();
    // Fixing the fields brings the verdict back.
    fireEvent.change(field(/Records per run/), { target: { value: "100" } });
    fireEvent.change(field(/Runs per day/), { target: { value: "2" } });
    fireEvent.change(field(/Batch size/), { target: { value: "1" } });
    fireEvent.change(field(/Server time per request/), { target: { value: "" } });
    expect(screen.getByText("This design stays within the limits.")).toBeTruthy();
  });

  it("says a design cannot finish when physics rules it out", () => {
    setup({ defaultView: "budget" });
    const field = (name: RegExp) => screen.getByRole("textbox", { name });
    fireEvent.change(field(/Records per run/), { target: { value: "100000" } });
    fireEvent.change(field(/Runs per day/), { target: { value: "24" } });
    fireEvent.change(field(/Batch size/), { target: { value: "1" } });
    fireEvent.change(field(/Server time per request/), { target: { value: "500" } });
    expect(screen.getByText("This design cannot finish: one run takes longer than the time it has, even without throttling.")).toBeTruthy();
  });

  it("shows finance and operations limits, not a Dataverse budget, for a finance and operations pattern", () => {
    setup({ value: "odata", defaultView: "budget" });
    expect(screen.getByText("Estimate for OData endpoint")).toBeTruthy();
    expect(screen.getByText(/publishes no request budget/)).toBeTruthy();
    expect(screen.getByText("Priority-based throttling")).toBeTruthy();
    expect(screen.queryByRole("textbox", { name: /Records per run/ })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Estimate Dataverse requests anyway" }));
    expect(screen.getByRole("textbox", { name: /Records per run/ })).toBeTruthy();
  });
});

describe("IntegrationPatternPicker v2: decision record", () => {
  let errors: jest.SpyInstance;
  beforeEach(() => {
    errors = jest.spyOn(console, "error");
  });
  afterEach(() => errors.mockRestore());

  it("reports 10,000 levels of nesting and still saves a new decision on Choose", async () => {
    const deep = "[".repeat(10_000) + "]".repeat(10_000);
    const raw = decisionJson("dual-write", { future: "__DEEP__" }).replace('"__DEEP__"', deep);
    const { outputs, container } = setup({ value: "dual-write", decision: raw });
    expect(screen.getByText(/nested more than 32 levels deep/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Choose OData endpoint" }));
    await waitFor(() => expect(outputs()).toHaveLength(1));
    const saved = parseDecision(outputs()[0].decision);
    expect(saved.status).toBe("ok");
    expect(outputs()[0].decision).not.toContain("[[[");
    expect(errors).not.toHaveBeenCalled();
    expect(await axe(container)).toHaveNoViolations();
  });

  it("names the field that makes a stored decision unusable", () => {
    setup({ value: "dual-write", decision: decisionJson("dual-write", { decidedAt: "2025-02-30T10:00:00Z" }) });
    expect(screen.getByText(/has an unusable value in "decidedAt"/)).toBeTruthy();
  });

  it("keeps fields from a newer version when the decision is saved again", async () => {
    const { outputs } = setup({ value: "dual-write", decision: decisionJson("dual-write", { version: 9, reviewer: { name: "Ada" } }) });
    fireEvent.click(screen.getByRole("button", { name: "Choose Finance and operations virtual tables" }));
    await waitFor(() => expect(outputs()).toHaveLength(1));
    const written = JSON.parse(outputs()[0].decision!) as Record<string, unknown>;
    expect(written.reviewer).toEqual({ name: "Ada" });
    expect(written.patternId).toBe("fo-virtual-tables");
    // The reasons carry the user's text too, for readers of the JSON.
    expect((written.reasons as { message?: string }[])[0].message).toMatch(/\w{3,}/);
  });

  it("warns when the decision names another pattern than the column", () => {
    setup({ value: "odata", decision: decisionJson("dual-write") });
    expect(screen.getByText("Decision and chosen pattern disagree")).toBeTruthy();
    expect(screen.getByText(/The saved decision is for Dual-write, but the column holds OData endpoint/)).toBeTruthy();
  });

  it("restores the answers from a decision that arrives after the control loaded", async () => {
    const { mock, rerender } = setup({ value: "" });
    expect(screen.getByRole<HTMLInputElement>("checkbox", { name: "Customer engagement apps (Dataverse)" }).checked).toBe(false);
    // The form loads the decision column later: the host calls updateView again with it.
    act(() => {
      mock.context._SetCanvasItems({ value: "dual-write", decision: decisionJson("dual-write") });
      rerender(mock.ExecuteUpdateView());
    });
    await waitFor(() =>
      expect(screen.getByRole<HTMLInputElement>("checkbox", { name: "Customer engagement apps (Dataverse)" }).checked).toBe(true),
    );
    expect(screen.getByRole<HTMLSelectElement>("combobox", { name: /Which way does the data go/ }).value).toBe("bidirectional");
  });

  it("copies the decision as Markdown, and offers the text to copy by hand when the browser refuses", async () => {
    const writeText = jest.fn<Promise<void>, [string]>().mockResolvedValue(undefined);
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    setup({ value: "dual-write", decision: decisionJson("dual-write") });
    fireEvent.click(screen.getByRole("button", { name: "Copy as Markdown" }));
    await waitFor(() => expect(screen.getByText("The decision is on the clipboard as Markdown.")).toBeTruthy());
    const md = writeText.mock.calls[0][0];
    expect(md).toContain("## Integration pattern decision");
    expect(md).toContain("**Pattern:** Dual\\-write");
    expect(md).toContain("### Reasons");
    expect(md).toContain("### Throttling budget");
    expect(md).toContain("integrate\\-other\\-solutions\\-guidance\\-product.md");

    writeText.mockRejectedValueOnce(new Error("denied"));
    fireEvent.click(screen.getByRole("button", { name: "Copy as Markdown" }));
    const box = await screen.findByRole("textbox", { name: "The decision as Markdown" });
    expect((box as HTMLTextAreaElement).value).toContain("## Integration pattern decision");
    expect(screen.getByText(/did not allow copying/)).toBeTruthy();
  });
});

describe("IntegrationPatternPicker v2: languages, formats and direction", () => {
  it("formats the decision date and numbers with the user's settings and time zone, not the machine's", () => {
    // The host's formatter for a German user in Riyadh (UTC+3): day.month.year hour:minute.
    const pad = (n: number) => String(n).padStart(2, "0");
    setup({
      lcid: 1031,
      value: "dual-write",
      decision: decisionJson("dual-write"),
      timeZoneOffsetMinutes: 180,
      formatting: {
        formatDateShort: (d, withTime) =>
          `${pad(d.getDate())}.${pad(d.getMonth() + 1)}.${d.getFullYear()}${withTime ? ` ${pad(d.getHours())}:${pad(d.getMinutes())}` : ""}`,
        formatInteger: (n) => n.toLocaleString("de-DE"),
      },
    });
    // 03:04 UTC is 06:04 in Riyadh.
    expect(screen.getByText("Entscheidung für Dual-write gespeichert am 02.01.2025 06:04.", { exact: false })).toBeTruthy();
  });

  it("shows percentages in the user's language in the budget table", () => {
    setup({ lcid: 1031, defaultView: "budget" });
    fireEvent.change(screen.getByRole("textbox", { name: /Datensätze pro Lauf/ }), { target: { value: "100000" } });
    fireEvent.change(screen.getByRole("textbox", { name: /Stapelgröße/ }), { target: { value: "1" } });
    expect(screen.getByText("Über dem Limit (1.667 %)")).toBeTruthy();
  });

  it.each([
    [1033, "all", "Showing 25 of 25 patterns, best fit first."],
    [1031, "all", "25 von 25 Mustern, beste zuerst."],
    [1025, "all", "عرض 25 من 25 نمطًا، الأنسب أولًا."],
    [1025, "cross", "عرض 4 من 4 أنماط، الأنسب أولًا."],
  ] as const)("counts patterns with the plural rules of language %s (%s)", (lcid, appFamilies, text) => {
    setup({ lcid, appFamilies });
    expect(screen.getByText(text)).toBeTruthy();
  });

  it("uses the Arabic dual form for a comparison of two patterns", () => {
    setup({ lcid: 1025 });
    fireEvent.click(screen.getByRole("checkbox", { name: "مقارنة خطافات الويب" }));
    fireEvent.click(screen.getByRole("checkbox", { name: "مقارنة الكتابة المزدوجة (Dual-write)" }));
    fireEvent.click(screen.getByRole("button", { name: "المقارنة (2)" }));
    expect(screen.getByRole("table", { name: "مقارنة جنبًا إلى جنب لنمطين (2)" })).toBeTruthy();
  });

  it("lays out right to left for Arabic users and stays axe clean", async () => {
    const { container } = setup({ lcid: 1025 });
    expect(container.querySelector('[dir="rtl"]')).not.toBeNull();
    expect(screen.getByRole("heading", { name: "مستشار أنماط التكامل" })).toBeTruthy();
    expect(await axe(container)).toHaveNoViolations();
  });
});

describe("IntegrationPatternPicker v2: robustness", () => {
  it("gives two pickers on one form distinct element ids", () => {
    const first = setup();
    const second = setup();
    render(first.mock.ExecuteUpdateView());
    void second;
    const ids = [...document.querySelectorAll("[id]")].map((e) => e.id);
    const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(dupes).toEqual([]);
    expect(document.querySelectorAll('[id$="card-odata"]').length).toBeGreaterThanOrEqual(2);
  });

  it("cuts a 100,000-character value for display and keeps the full value in the column", () => {
    const value = "x".repeat(100_000);
    const { mock, outputs } = setup({ value });
    const shown = screen.getByText(/The column holds "x+…"/);
    expect(shown.textContent!.length).toBeLessThan(1000);
    expect(shown.getAttribute("title")).toBe(value);
    expect(mock.context.parameters.value.raw).toBe(value);
    expect(outputs()).toEqual([]);
  });
});
