import { screen, within } from "@testing-library/react";
import { mount } from "./harness";

/**
 * The panel in the user's language, formats and direction: dates and numbers follow the user's
 * Dataverse settings (not the test machine's locale), plurals follow each language's rules, and
 * right-to-left mirrors the layout and the sparkline.
 */
const START = Date.UTC(2026, 10, 27, 12, 0, 0);

// The 2-core machine is shared: allow for a loaded CPU (the tests use fake time, not wall time).
jest.setTimeout(30_000);

beforeEach(() => {
  jest.useFakeTimers({ now: START, doNotFake: ["nextTick", "queueMicrotask", "setImmediate"] });
});
afterEach(() => {
  jest.clearAllTimers();
  jest.useRealTimers();
});

function section(name: string | RegExp): HTMLElement {
  return screen.getByRole("region", { name });
}

describe("ThrottlingEventPanel in the user's language and formats", () => {
  it("German: numbers with German separators, the time in the user's time zone, German plurals", async () => {
    // Berlin in winter: UTC+1. 12:00 UTC reads 13:00.
    const h = mount({ languageId: 1031, timeZoneOffsetMinutes: 60, numberGroup: "." });
    await h.advance(0);
    expect(screen.getByText("Integrationszustand")).toBeTruthy();
    expect(within(section("Spielraum beim Dienstschutz")).getByText(/^1\.000 von 6\.000 verbraucht \(17\s?%\)\./)).toBeTruthy();
    expect(screen.getByText(/^Zuletzt aktualisiert um 13:00:00$/)).toBeTruthy();
    h.destroy();

    const one = mount({ languageId: 1031, pollSeconds: 1 });
    await one.advance(0);
    expect(
      screen.getByText("Aktualisierungsintervall auf 65 Sekunden gesetzt, damit der Bereich selbst wenig Datenverkehr erzeugt."),
    ).toBeTruthy();
    one.destroy();
  });

  it("English: a plural for one and for many", async () => {
    const h = mount({ source: "simulated" });
    await h.advance(0);
    expect(screen.getByTestId("own-countdown").textContent).toBe("The server asked the panel to wait. Next try in 5 seconds.");
    await h.advance(4_000);
    expect(screen.getByTestId("own-countdown").textContent).toBe("The server asked the panel to wait. Next try in 1 second.");
    h.destroy();
  });

  it("Arabic: right-to-left, Arabic plural forms, and the sparkline drawn from the right", async () => {
    const h = mount({ source: "simulated", languageId: 1025, isRTL: true });
    await h.advance(0);
    const panel = screen.getByTestId("throttling-event-panel");
    expect(panel.closest("[dir]")?.getAttribute("dir")).toBe("rtl");
    expect(screen.getByText("حالة التكامل")).toBeTruthy();
    // 5 is "few" in Arabic: ثوانٍ, not the English-like "other".
    expect(screen.getByTestId("own-countdown").textContent).toMatch(/ثوانٍ/);
    await h.advance(3_000);
    // 2 is the dual: ثانيتين, with no number.
    expect(screen.getByTestId("own-countdown").textContent).toMatch(/ثانيتين\.$/);
    await h.advance(2_000);
    await h.advance(10_000);
    // Oldest sample at the right edge (x = 300), newest at the left.
    const path = (screen.getByTestId("sparkline").querySelector("path") as SVGPathElement).getAttribute("d") ?? "";
    expect(path.startsWith("M300.0,")).toBe(true);
    expect(path.endsWith(path.split(" ").pop() ?? "")).toBe(true);
    expect(/L0\.0,[\d.]+$/.test(path)).toBe(true);
    h.destroy();
  });

  it("left-to-right draws the sparkline from the left", async () => {
    const h = mount({ source: "simulated" });
    await h.advance(15_000);
    const path = (screen.getByTestId("sparkline").querySelector("path") as SVGPathElement).getAttribute("d") ?? "";
    expect(path.startsWith("M0.0,")).toBe(true);
    expect(/L300\.0,[\d.]+$/.test(path)).toBe(true);
    h.destroy();
  });
});
