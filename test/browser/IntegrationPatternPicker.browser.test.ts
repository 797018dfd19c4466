/**
 * IntegrationPatternPicker in the real PCF harness (pcf-start + Chromium): renders, passes axe in its
 * main states, and a keyboard-only user answers questions, finds a pattern and chooses it; the bound
 * output then shows up in the harness's property inputs. Focus after Choose, Remove from comparison
 * and Back to the advisor; the invalid-budget state; hostile decision records; long values at 300 px.
 * Dark, high-contrast, German, Arabic (right to left) and disabled, each from a fresh page load, are in
 * i18n.browser.test.ts, with the other controls.
 */
import * as fs from "fs";
import { PATTERN_IDS } from "@integrationkit/shared";
import { describeViolations, Harness, openHarness } from "./harness";

const CONTROL = "IntegrationPatternPicker";

/** Presses Tab until the focused element's accessible name matches, failing after `max` presses. */
async function tabTo(h: Harness, name: string | RegExp, max = 250): Promise<void> {
  for (let i = 0; i < max; i++) {
    await h.page.keyboard.press("Tab");
    const label = await h.page.evaluate(() => {
      const el = document.activeElement as HTMLInputElement | null;
      if (!el) return "";
      const aria = el.getAttribute("aria-label");
      if (aria) return aria;
      const byId = el.getAttribute("aria-labelledby");
      if (byId)
        return byId
          .split(" ")
          .map((id) => document.getElementById(id)?.textContent ?? "")
          .join(" ");
      return el.labels?.[0]?.textContent ?? el.textContent ?? "";
    });
    if (typeof name === "string" ? label === name : name.test(label)) return;
  }
  throw new Error(`Focus never reached ${String(name)} within ${max} Tab presses.`);
}

describe("IntegrationPatternPicker in the harness", () => {
  let h: Harness | undefined;

  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it("renders, is axe clean, and is chosen end to end by keyboard alone", async () => {
    h = await openHarness(CONTROL, { width: 900, height: 1000, viewport: { width: 1400, height: 1100 } });
    const heading = h.root.getByRole("heading", { name: "Integration pattern advisor" });
    await heading.waitFor();
    // The harness seeds text properties with "val": an unknown id and malformed JSON, reported as such.
    await h.root.getByText("Unknown value in the column").waitFor();
    await h.root.getByText("The saved decision cannot be read").waitFor();
    await h.setProperty("value", "");
    await h.setProperty("decision", "");
    await h.root.getByText("none yet").waitFor();
    expect(await h.root.getByText("The saved decision cannot be read").count()).toBe(0);
    expect(await h.root.getByRole("list", { name: "Patterns ranked by fit" }).locator(":scope > li").count()).toBe(PATTERN_IDS.length);
    expect(describeViolations(await h.axeViolations())).toBe("");
    await h.screenshot("IntegrationPatternPicker-initial", { controlOnly: true });

    // Enter the control the way a keyboard user does: focus lands on its first control, then keys only.
    await h.root.getByRole("checkbox", { name: "Finance and operations apps" }).focus();
    await h.page.keyboard.press("Space");
    await tabTo(h, /How much data per run/);
    // Closed <select>: arrow keys step through "Not sure", Low, Medium, High.
    await h.page.keyboard.press("ArrowDown");
    await h.page.keyboard.press("ArrowDown");
    await h.page.keyboard.press("ArrowDown");
    expect(await h.root.getByRole("combobox", { name: /How much data per run/ }).inputValue()).toBe("high");
    await tabTo(h, "Change tracking (send only what changed)");
    await h.page.keyboard.press("Space");

    const first = h.root.getByRole("list", { name: "Patterns ranked by fit" }).locator(":scope > li").first();
    await expect(first.locator("h3").textContent()).resolves.toBe("1. Data management package REST API");

    await tabTo(h, "Search");
    await h.page.keyboard.type("package");
    await tabTo(h, "Choose Data management package REST API");
    await h.page.keyboard.press("Enter");

    await h.root.getByText("This is the chosen pattern").waitFor();
    // The Choose button is gone: focus moved to the chosen card, not to the page.
    await h.page.waitForFunction(() => document.activeElement?.id.endsWith("card-dmf-package-api") === true);
    // notifyOutputChanged writes the outputs back into the harness's property inputs.
    await h.page.waitForFunction(() => {
      const inputs = Array.from(document.querySelectorAll<HTMLInputElement>("#accordion__panel-data_inputs input"));
      return inputs.some((i) => i.value === "dmf-package-api");
    });
    expect(await h.readProperty("value")).toBe("dmf-package-api");
    const decision = JSON.parse(await h.readProperty("decision")) as { patternId: string; scenario: { volume: string } };
    expect(decision.patternId).toBe("dmf-package-api");
    expect(decision.scenario.volume).toBe("high");

    expect(describeViolations(await h.axeViolations())).toBe("");
    const shot = await h.screenshot("IntegrationPatternPicker-chosen", { controlOnly: true });
    expect(fs.statSync(shot).size).toBeGreaterThan(5000);
    expect(h.errors).toEqual([]);
    expect(h.unexpectedRequests).toEqual([]);
  });

  it("reports an unknown value, stays usable at 300 px, and shows the budget and comparison axe clean", async () => {
    h = await openHarness(CONTROL, { width: 300, height: 900, viewport: { width: 1200, height: 1000 } });
    await h.root.getByRole("heading", { name: "Integration pattern advisor" }).waitFor();
    await h.setProperty("value", "sap-idoc");
    await h.root.getByText("Unknown value in the column").waitFor();
    expect(await h.readProperty("value")).toBe("sap-idoc");
    const width = await h.root.getByTestId("ipp-root").evaluate((el) => el.getBoundingClientRect().width);
    expect(width).toBeLessThanOrEqual(300);
    expect(describeViolations(await h.axeViolations())).toBe("");
    await h.screenshot("IntegrationPatternPicker-narrow-unknown", { controlOnly: true });

    await h.root.getByRole("checkbox", { name: "Compare Dual-write" }).check();
    await h.root.getByRole("checkbox", { name: "Compare Finance and operations virtual tables" }).check();
    await h.root.getByRole("checkbox", { name: "Compare Webhooks" }).check();
    await h.root.getByRole("button", { name: "Compare (3)" }).click();
    await h.root.getByRole("table", { name: "Side-by-side comparison of 3 patterns" }).waitFor();
    expect(describeViolations(await h.axeViolations())).toBe("");
    // Remove by keyboard: focus moves to the next item's Remove button, then to the Compare tab when none is left.
    await h.root.getByRole("button", { name: "Remove Dual-write from the comparison" }).focus();
    await h.page.keyboard.press("Enter");
    await h.page.waitForFunction(
      () => document.activeElement?.getAttribute("aria-label") === "Remove Finance and operations virtual tables from the comparison",
    );
    await h.page.keyboard.press("Enter");
    await h.page.waitForFunction(() => document.activeElement?.getAttribute("aria-label") === "Remove Webhooks from the comparison");
    await h.page.keyboard.press("Enter");
    await h.page.waitForFunction(() => document.activeElement?.textContent === "Compare (0)");

    await h.setContainerSize(900, 900);
    await h.root.getByRole("button", { name: "Throttling budget" }).click();
    await h.root.getByRole("textbox", { name: /Records per run/ }).fill("100000");
    await h.root.getByRole("textbox", { name: /Batch size/ }).fill("1");
    await h.root.getByText("This design would be throttled: at least one service-protection limit is exceeded.").waitFor();
    expect(describeViolations(await h.axeViolations())).toBe("");
    await h.screenshot("IntegrationPatternPicker-budget", { controlOnly: true });

    // Invalid input: each field says what is wrong, and the verdict is withheld (never green).
    await h.root.getByRole("textbox", { name: /Records per run/ }).fill("-5");
    await h.root.getByRole("textbox", { name: /Runs per day/ }).fill("1e308");
    await h.root.getByText("Enter zero or more.").waitFor();
    await h.root.getByText("Enter at most 1,000,000,000.").waitFor();
    await h.root.getByText("No verdict yet: correct the fields that show an error.").waitFor();
    expect(await h.root.getByText("This design stays within the limits.").count()).toBe(0);
    expect(describeViolations(await h.axeViolations())).toBe("");
    await h.screenshot("IntegrationPatternPicker-budget-invalid", { controlOnly: true });

    await h.root.getByRole("button", { name: "Back to the advisor" }).focus();
    await h.page.keyboard.press("Enter");
    await h.page.waitForFunction(() => document.activeElement?.textContent === "Advisor");
    // Nothing was chosen, so the unknown value is still untouched.
    expect(await h.readProperty("value")).toBe("sap-idoc");
    expect(h.errors).toEqual([]);
  });

  it("keeps long values inside 300 px and survives hostile decision records", async () => {
    h = await openHarness(CONTROL, { width: 300, height: 900, viewport: { width: 1200, height: 1000 } });
    await h.root.getByRole("heading", { name: "Integration pattern advisor" }).waitFor();
    const url = `https://integration.contoso.example/${"very-long-path-segment-".repeat(3)}end?x=1`.slice(0, 85);
    await h.setProperty("value", url);
    await h.root.getByText("Unknown value in the column").waitFor();
    const overflow = await h.root
      .getByTestId("ipp-root")
      .evaluate((el) => ({ width: el.getBoundingClientRect().width, scroll: el.scrollWidth, client: el.clientWidth }));
    expect(overflow.width).toBeLessThanOrEqual(300);
    expect(overflow.scroll).toBeLessThanOrEqual(overflow.client + 1);
    expect(describeViolations(await h.axeViolations())).toBe("");

    // 10,000 levels of nesting: reported, and choosing still saves a fresh decision.
    const deep = "[".repeat(10_000) + "]".repeat(10_000);
    await h.setProperty(
      "decision",
      `{"schema":"integrationkit.pattern-decision","patternId":"odata","decidedAt":"2025-01-02T03:04:05Z","scenario":{},"reasons":[],"warnings":[],"x":${deep}}`,
    );
    await h.root.getByText(/nested more than 32 levels deep/).waitFor();
    await h.root.getByRole("button", { name: "Choose Webhooks" }).click();
    await h.page.waitForFunction(() => document.activeElement?.id.endsWith("card-webhooks") === true);
    await h.page.waitForFunction(() => {
      const inputs = Array.from(document.querySelectorAll<HTMLInputElement>("#accordion__panel-data_inputs input"));
      return inputs.some((i) => i.value === "webhooks");
    });
    const saved = JSON.parse(await h.readProperty("decision")) as { patternId: string };
    expect(saved.patternId).toBe("webhooks");
    expect(h.errors).toEqual([]);
  });
});
