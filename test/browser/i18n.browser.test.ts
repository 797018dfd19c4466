/**
 * Issue 12 across the three controls, in the real harness: the states a user's settings put a
 * control in and pcf-start cannot set (dark and high-contrast Fluent themes, Arabic right-to-left,
 * German, disabled) are given through the harness runner's `overrideContext`. In each state: axe
 * (colour contrast included) finds nothing, a keyboard user can Tab into, through and out of the
 * control without focus falling to <body>, and the state is visible (dir="rtl" and Arabic text,
 * German text, nothing that writes the record enabled). The Arabic and dark screenshots go to
 * test-results/screenshots/<Control>-ar.png and <Control>-dark.png (`npm run previews` copies them
 * to docs/screenshots/).
 *
 * The built controls (out/controls/<Control>, or IKIT_CONTROLS_OUT/<Control>) are copied to a scratch
 * folder first, so a rebuild during the run cannot hand a half-written bundle to the next reload.
 *
 * The page runs React's production build, as model-driven apps do (the per-control browser files keep
 * the development build, whose warnings fail them): these states reload the page fifteen times, and
 * development React made the file about 7 s slower alone on the 2-core machine.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { describeViolations, openHarness, repoRoot, testResultsDir, type ContextOverride, type Harness } from "./harness";
import { loadStrings } from "../unit/i18n/resx";
import { CUSTOMER_COLUMN_TYPES, writeSampleData } from "../data/generate-customers";

type Strings = Record<string, string>;
type StateName = "dark" | "highContrast" | "ar" | "de" | "disabled";

interface StateSpec {
  name: StateName;
  title: string;
  lcid: 1033 | 1031 | 1025;
  override: (strings: Strings) => ContextOverride;
}

const STATES: StateSpec[] = [
  { name: "dark", title: "dark theme", lcid: 1033, override: (strings) => ({ theme: "dark", strings }) },
  { name: "highContrast", title: "high-contrast theme", lcid: 1033, override: (strings) => ({ theme: "highContrast", strings }) },
  { name: "ar", title: "Arabic, right to left", lcid: 1025, override: (strings) => ({ isRTL: true, languageId: 1025, strings }) },
  { name: "de", title: "German", lcid: 1031, override: (strings) => ({ languageId: 1031, strings }) },
  { name: "disabled", title: "disabled", lcid: 1033, override: (strings) => ({ disabled: true, strings }) },
];

interface ControlSpec {
  control: string;
  size: { width: number; height: number; viewport: { width: number; height: number } };
  /** Runs the page on Playwright's clock (see `HarnessOptions.fakeClock`), for a control that waits on timers. */
  fakeClock?: boolean;
  /** Brings the control to its main state after each (re)load, in the state's language. */
  prepare(h: Harness, t: Strings, state: StateName): Promise<void>;
  /** What "disabled" means for the control: nothing that changes data is enabled. */
  assertDisabled(h: Harness, t: Strings): Promise<void>;
  /** The key of a heading or label the control always shows. */
  landmarkKey: string;
  /**
   * Things that must sit on the reading direction's start side (right in RTL, left in LTR): one
   * problem string per element that does not.
   */
  startSideProblems(h: Harness, t: Strings, rtl: boolean): Promise<string[]>;
}

interface Box {
  left: number;
  right: number;
}

/** Whether `inner` hugs the start edge of `outer` (closer to it than to the end edge). */
function onStartSide(inner: Box, outer: Box, rtl: boolean): boolean {
  const toLeft = inner.left - outer.left;
  const toRight = outer.right - inner.right;
  return rtl ? toRight < toLeft : toLeft < toRight;
}

async function boxOf(h: Harness, selector: string): Promise<Box | undefined> {
  const loc = h.root.locator(selector).first();
  if ((await loc.count()) === 0) return undefined;
  const b = await loc.boundingBox();
  return b ? { left: b.x, right: b.x + b.width } : undefined;
}

/**
 * The control's title hugs the start edge of the Fluent provider, and every heading's text hugs the
 * start edge of its own box (a heading is a block as wide as its column; its text is measured with a
 * Range), or of its parent's when the heading is shrunk to its text. Text that fills the box shows
 * no alignment and is skipped.
 */
async function titleProblems(h: Harness, title: string, rtl: boolean): Promise<string[]> {
  const provider = await boxOf(h, ".fui-FluentProvider");
  const el = h.root.getByText(title, { exact: true }).first();
  if (!provider || (await el.count()) === 0) return [`title "${title}" or the provider is not on screen`];
  const textBox = (node: Element): Box => {
    const range = document.createRange();
    range.selectNodeContents(node);
    const r = range.getBoundingClientRect();
    return { left: r.left, right: r.right };
  };
  const problems: string[] = [];
  const b = await el.evaluate(textBox);
  if (!onStartSide(b, provider, rtl)) {
    problems.push(
      `title "${title}" is not on the ${rtl ? "right" : "left"}: text ${Math.round(b.left)}–${Math.round(b.right)} px in the control's ${Math.round(provider.left)}–${Math.round(provider.right)} px`,
    );
  }
  const headings = await h.root.locator("h1, h2, h3, h4, h5, h6").evaluateAll((els) =>
    els
      .filter((e) => e.getClientRects().length > 0)
      .map((e) => {
        const range = document.createRange();
        range.selectNodeContents(e);
        const t = range.getBoundingClientRect();
        let own = e.getBoundingClientRect();
        // A heading shrunk to its text (a flex item) shows its alignment inside its parent.
        if (t.width >= 0.9 * own.width && e.parentElement) own = e.parentElement.getBoundingClientRect();
        return {
          text: (e.textContent ?? "").trim().slice(0, 40),
          text_: { left: t.left, right: t.right },
          own: { left: own.left, right: own.right },
        };
      }),
  );
  for (const hd of headings) {
    const width = hd.own.right - hd.own.left;
    if (width <= 0 || hd.text_.right - hd.text_.left >= 0.9 * width) continue;
    if (!onStartSide(hd.text_, hd.own, rtl)) problems.push(`heading "${hd.text}" is aligned to the ${rtl ? "left" : "right"}`);
  }
  return problems;
}

/** `Choose {name}` → "Choose ": the text before the first placeholder. */
function prefixOf(template: string): string {
  const i = template.indexOf("{");
  return i < 0 ? template : template.slice(0, i);
}

let sampleCsv: string | undefined;

const CONTROLS: ControlSpec[] = [
  {
    control: "IntegrationPatternPicker",
    size: { width: 900, height: 1000, viewport: { width: 1400, height: 1100 } },
    landmarkKey: "Title",
    startSideProblems: (h, t, rtl) => titleProblems(h, t.Title, rtl),
    async prepare(h, t) {
      await h.root.getByText(t.Title, { exact: true }).first().waitFor({ timeout: 20_000 });
      // The harness seeds text columns with "val"; an empty record is the everyday case.
      if ((await h.readProperty("value")) !== "") await h.setProperty("value", "");
      if ((await h.readProperty("decision")) !== "") await h.setProperty("decision", "");
      await h.root.getByText(t.Chosen_None, { exact: true }).first().waitFor();
    },
    async assertDisabled(h, t) {
      await h.root.getByText(t.Message_ReadOnly).first().waitFor();
      const prefix = prefixOf(t.Action_Choose_Aria);
      const enabledChoose = await h.root
        .locator("button:not([disabled]):not([aria-disabled='true'])")
        .evaluateAll(
          (buttons, p) => buttons.map((b) => b.getAttribute("aria-label") ?? b.textContent ?? "").filter((n) => n.startsWith(p)),
          prefix,
        );
      expect(enabledChoose).toEqual([]);
      expect(await h.readProperty("value")).toBe("");
    },
  },
  {
    control: "ThrottlingEventPanel",
    size: { width: 900, height: 1400, viewport: { width: 1400, height: 1500 } },
    fakeClock: true,
    landmarkKey: "Title",
    async startSideProblems(h, t, rtl) {
      const problems = await titleProblems(h, t.Title, rtl);
      // Headroom bars fill from the start edge.
      const bars = await h.root.locator("[role=progressbar]").evaluateAll((els) =>
        els.map((el) => {
          const track = el.getBoundingClientRect();
          const fill = (el.firstElementChild as HTMLElement | null)?.getBoundingClientRect();
          return {
            track: { left: track.left, right: track.right },
            fill: fill ? { left: fill.left, right: fill.right, width: fill.width } : undefined,
          };
        }),
      );
      bars.forEach((b, i) => {
        if (b.fill && b.fill.width > 0 && b.fill.width < b.track.right - b.track.left - 2 && !onStartSide(b.fill, b.track, rtl))
          problems.push(`headroom bar ${i + 1} fills from the ${rtl ? "left" : "right"}`);
      });
      // The sparkline's time runs in reading direction: its oldest sample is on the start side.
      const firstX = await h.root
        .locator("[data-testid=sparkline] path")
        .first()
        .evaluate((path) => {
          const svg = (path as SVGPathElement).ownerSVGElement;
          const m = /^M\s*([-\d.]+)/.exec(path.getAttribute("d") ?? "");
          const width = svg?.viewBox.baseVal.width ?? 0;
          return m && width > 0 ? Number(m[1]) / width : undefined;
        });
      if (firstX === undefined) problems.push("the sparkline has no data");
      else if (rtl ? firstX < 0.5 : firstX > 0.5) problems.push(`the sparkline's oldest sample is on the ${rtl ? "left" : "right"}`);
      return problems;
    },
    async prepare(h, t) {
      await h.root.getByText(t.Title, { exact: true }).first().waitFor({ timeout: 20_000 });
      if ((await h.readProperty("appPriorities")) !== "") await h.setProperty("appPriorities", "");
      if ((await h.readProperty("source")) !== "simulated") await h.setProperty("source", "simulated");
      await h.root.getByText(t.Source_Simulated, { exact: true }).first().waitFor();
      // Pass the simulator's opening throttling episode (a 5 s Retry-After) so the full panel is on
      // screen: the page's clock moves on a second at a time until the panel says it is up to date.
      const upToDate = h.root.getByText(t.Status_ok, { exact: true }).first();
      for (let i = 0; i < 20 && (await upToDate.count()) === 0; i++) await h.page.clock.fastForward(1000);
      await upToDate.waitFor({ timeout: 20_000 });
    },
    async assertDisabled(h, t) {
      const actionNames = ["cancel", "resume", "postpone"].map((a) => t[`JobAction_${a}`]).filter(Boolean);
      const enabled = await h.root
        .locator("button:not([disabled]):not([aria-disabled='true'])")
        .evaluateAll((buttons, names) => buttons.map((b) => (b.textContent ?? "").trim()).filter((n) => names.includes(n)), actionNames);
      expect(enabled).toEqual([]);
    },
  },
  {
    control: "VirtualTablePreview",
    size: { width: 1100, height: 700, viewport: { width: 1400, height: 1000 } },
    landmarkKey: "Export_Button",
    async startSideProblems(h, _t, rtl) {
      // The selection column comes first in reading order: right of the first data column in RTL.
      const select = await boxOf(h, "[role=columnheader][aria-colindex='1']");
      const first = await boxOf(h, "[role=columnheader][aria-colindex='2']");
      if (!select || !first) return ["the grid's first columns are not on screen"];
      return (rtl ? select.left >= first.right - 1 : select.right <= first.left + 1)
        ? []
        : [`the selection column is not on the ${rtl ? "right" : "left"} of the first data column`];
    },
    async prepare(h, t) {
      sampleCsv ??= writeSampleData(path.join(testResultsDir, "sample-data"), [300])[0];
      // The harness does not keep a loaded data set across a reload: load the rows again.
      await h.page.setInputFiles("#recordsInput", sampleCsv);
      for (const [column, type] of Object.entries(CUSTOMER_COLUMN_TYPES)) {
        const panel = h.page
          .locator("#accordion__panel-records .io-panel")
          .filter({ has: h.page.locator(".key-value-pair-value > span", { hasText: new RegExp(`^${column}$`) }) });
        await panel.locator("select").selectOption(type);
      }
      await h.page.locator("input[value=Apply]").click();
      await h.root.getByRole("grid", { name: t.Grid_Label }).locator("[role=row][aria-rowindex='2']").waitFor({ timeout: 30_000 });
      await h.root.getByRole("grid").locator("[role=gridcell]", { hasText: "FR-000001" }).first().waitFor({ timeout: 30_000 });
    },
    async assertDisabled(h) {
      const grid = h.root.getByRole("grid");
      expect(await grid.getAttribute("aria-readonly")).toBe("true");
      const enabledBoxes = await grid.locator("input[type=checkbox]:not([disabled])").count();
      expect(enabledBoxes).toBe(0);
      // Space on a row selects nothing, Enter on a header sorts nothing.
      const cell = grid.locator("[role=row][aria-rowindex='2'] [role=gridcell]").first();
      await cell.focus();
      await h.page.keyboard.press("Space");
      expect(await grid.locator("[aria-selected='true']").count()).toBe(0);
      const mark = h.consoleMessages.length;
      await grid.locator("[role=columnheader]").nth(1).focus();
      await h.page.keyboard.press("Enter");
      await h.page.waitForTimeout(200);
      expect(h.consoleMessages.slice(mark).filter((m) => m.includes("Invoked method refresh"))).toEqual([]);
    },
  },
];

interface TabStop {
  kind: "body" | "after" | "inside" | "outside";
  what: string;
  sized: boolean;
}

interface TabReport {
  stops: number;
  exited: boolean;
  problems: string[];
}

/**
 * Tabs from a button placed just before the control to one placed just after it, recording where
 * focus goes. Problems: focus on <body> or nowhere, focus on an element with no size, focus that never
 * leaves the control (a trap). Shift+Tab from after the control must come back into it.
 */
async function tabThrough(h: Harness, maxPresses = 400): Promise<TabReport> {
  // Where focus is after each Tab, recorded in the page when the key comes up (focus moves on the key's
  // way down), so the presses go in batches with one read of the record per batch instead of a round
  // trip per press. Presses past the element after the control only move focus on through the page.
  await h.root.evaluate((root) => {
    for (const [id, where] of [
      ["ikit-before", "beforebegin"],
      ["ikit-after", "afterend"],
    ] as const) {
      document.getElementById(id)?.remove();
      const b = document.createElement("button");
      b.id = id;
      b.textContent = id;
      root.insertAdjacentElement(where, b);
    }
    const w = window as unknown as { __ikitTabs?: TabStop[]; __ikitTabsOff?: () => void };
    w.__ikitTabsOff?.();
    const stops: TabStop[] = [];
    const onKeyUp = (e: KeyboardEvent): void => {
      if (e.key !== "Tab") return;
      const el = document.activeElement;
      if (!el || el === document.body) {
        stops.push({ kind: "body", what: "", sized: false });
        return;
      }
      const r = el.getBoundingClientRect();
      const what = `${el.tagName.toLowerCase()}${el.getAttribute("role") ? `[role=${el.getAttribute("role")}]` : ""} "${(el.getAttribute("aria-label") ?? el.textContent ?? "").trim().slice(0, 40)}"`;
      if (el.id === "ikit-after") stops.push({ kind: "after", what, sized: true });
      else stops.push({ kind: root.contains(el) ? "inside" : "outside", what, sized: r.width > 0 && r.height > 0 });
    };
    window.addEventListener("keyup", onKeyUp, true);
    w.__ikitTabs = stops;
    w.__ikitTabsOff = () => window.removeEventListener("keyup", onKeyUp, true);
  });
  const problems: string[] = [];
  let stops = 0;
  let exited = false;
  await h.page.locator("#ikit-before").focus();
  const BATCH = 10;
  let done = false;
  for (let pressed = 0; pressed < maxPresses && !done; ) {
    const batch = Math.min(BATCH, maxPresses - pressed);
    for (let k = 0; k < batch; k++) await h.page.keyboard.press("Tab");
    const log = await h.page.evaluate((from) => (window as unknown as { __ikitTabs: TabStop[] }).__ikitTabs.slice(from), pressed);
    if (log.length !== batch) throw new Error(`${batch} Tab presses, ${log.length} recorded: the page lost a key-up`);
    for (let k = 0; k < log.length && !done; k++) {
      const where = log[k];
      const i = pressed + k;
      if (where.kind === "after") {
        exited = true;
        done = true;
      } else if (where.kind === "body") {
        problems.push(`Tab ${i + 1}: focus fell to <body>`);
        done = true;
      } else if (where.kind === "outside") {
        problems.push(`Tab ${i + 1}: focus left the control for ${where.what} before reaching the element after it`);
        done = true;
      } else {
        if (!where.sized) problems.push(`Tab ${i + 1}: focus on ${where.what}, which has no size on screen`);
        stops++;
      }
    }
    pressed += batch;
  }
  if (!exited && problems.length === 0) problems.push(`focus did not leave the control within ${maxPresses} Tab presses`);
  await h.page.locator("#ikit-after").focus();
  await h.page.keyboard.press("Shift+Tab");
  const back = await h.root.evaluate((root) => root.contains(document.activeElement) && document.activeElement !== document.body);
  if (!back) problems.push("Shift+Tab from after the control did not come back into it");
  await h.root.evaluate(() => {
    const w = window as unknown as { __ikitTabs?: TabStop[]; __ikitTabsOff?: () => void };
    w.__ikitTabsOff?.();
    delete w.__ikitTabs;
    document.getElementById("ikit-before")?.remove();
    document.getElementById("ikit-after")?.remove();
  });
  return { stops, exited, problems };
}

/** Visible text of the control (what a sighted user reads). */
function visibleText(h: Harness): Promise<string> {
  return h.root.evaluate((el) => (el as HTMLElement).innerText);
}

/** Values of the language file that are on screen and differ from English, and English sentences left on screen. */
function languageOnScreen(text: string, strings: Strings, english: Strings): { translated: string[]; english: string[] } {
  const plain = (v: string): boolean => !v.includes("{") && v.trim().length >= 4;
  const translated = Object.entries(strings)
    .filter(([k, v]) => plain(v) && v !== english[k] && text.includes(v))
    .map(([, v]) => v);
  const leftovers = Object.entries(english)
    .filter(([k, v]) => plain(v) && v.length >= 16 && strings[k] !== undefined && strings[k] !== v && text.includes(v))
    .map(([k, v]) => `${k}: ${v}`);
  return { translated, english: leftovers };
}

const shotsDir = path.join(testResultsDir, "screenshots");

function themeTokens(name: "dark" | "highContrast"): import("@fluentui/react-components").Theme {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fluent = require("@fluentui/react-components") as typeof import("@fluentui/react-components");
  return name === "dark" ? fluent.webDarkTheme : fluent.teamsHighContrastTheme;
}

/** "#292929" → "rgb(41, 41, 41)", as getComputedStyle reports it. */
function cssRgb(hex: string): string {
  const h = hex.replace("#", "");
  const full = h.length === 3 ? h.replace(/./g, (c) => c + c) : h.slice(0, 6);
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

describe.each(CONTROLS)("$control in every user's settings", (spec) => {
  const { control } = spec;
  const english = loadStrings(control, 1033);
  const stringsOf = (lcid: number): Strings =>
    lcid === 1033
      ? english
      : fs.existsSync(path.join(repoRoot, "controls", control, "strings", `${control}.${lcid}.resx`))
        ? loadStrings(control, lcid)
        : {};
  let h: Harness | undefined;
  let scratch = "";

  beforeAll(async () => {
    const built = path.join(process.env.IKIT_CONTROLS_OUT ?? path.join(repoRoot, "out", "controls"), control);
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), `ikit-i18n-${control}-`));
    const codePath = path.join(scratch, control);
    if (fs.existsSync(path.join(built, "bundle.js"))) fs.cpSync(built, codePath, { recursive: true });
    h = await openHarness(control, {
      ...spec.size,
      reactProduction: true,
      fakeClock: spec.fakeClock,
      codePath: fs.existsSync(codePath) ? codePath : built,
    });
    // Other browser tests may hold the machine's one harness port: the runner's lock waits up to 15 minutes.
  }, 16 * 60_000);

  afterAll(async () => {
    await h?.close();
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  });

  describe.each(STATES)("$title", (state) => {
    const strings = stringsOf(state.lcid);
    let ready = false;

    beforeAll(async () => {
      if (!h) throw new Error("the harness did not open");
      if (state.lcid !== 1033 && Object.keys(strings).length === 0)
        throw new Error(`${control} has no strings/${control}.${state.lcid}.resx`);
      h.errors.length = 0;
      await h.overrideContext(state.override(strings));
      await spec.prepare(h, strings, state.name);
      ready = true;
    });

    const harness = (): Harness => {
      if (!h || !ready) throw new Error(`${control} could not be brought to the ${state.title} state (see the first failure)`);
      return h;
    };

    it("is axe clean, colour contrast included", async () => {
      expect(describeViolations(await harness().axeViolations())).toBe("");
    });

    it("raises no page or console errors", () => {
      expect(harness().errors).toEqual([]);
    });

    it("takes a keyboard user into, through and out of the control", async () => {
      const report = await tabThrough(harness());
      expect(report.problems).toEqual([]);
      expect(report.stops).toBeGreaterThanOrEqual(3);
    });

    if (state.name === "dark" || state.name === "highContrast") {
      it("draws with the host's theme, not the page's colours", async () => {
        const hh = harness();
        const theme = themeTokens(state.name === "dark" ? "dark" : "highContrast");
        const colours = await hh.root.evaluate((root) => {
          const provider = root.querySelector<HTMLElement>(".fui-FluentProvider");
          const headings = Array.from(root.querySelectorAll<HTMLElement>("h1, h2, h3, h4, h5, h6, [role=heading], [role=columnheader]"));
          return {
            background: provider ? getComputedStyle(provider).backgroundColor : "",
            text: provider ? getComputedStyle(provider).color : "",
            headings: headings.map((el) => ({ text: (el.textContent ?? "").trim().slice(0, 40), color: getComputedStyle(el).color })),
          };
        });
        expect(colours.background).toBe(cssRgb(theme.colorNeutralBackground1));
        expect(colours.text).toBe(cssRgb(theme.colorNeutralForeground1));
        // Headings take a foreground colour of the theme, never the page's own (the harness page
        // styles h3 in #323130, unreadable on a dark background).
        const allowed = new Set(
          Object.entries(theme)
            .filter(
              ([name, v]) =>
                typeof v === "string" && /^color(Neutral|Brand|Palette\w+|Status\w+)Foreground/.test(name) && v.startsWith("#"),
            )
            .map(([, v]) => cssRgb(String(v))),
        );
        expect(colours.headings.filter((h) => !allowed.has(h.color))).toEqual([]);
      });
    }

    if (state.name === "ar") {
      it('sets dir="rtl" on the Fluent provider and reads in Arabic', async () => {
        const hh = harness();
        expect(await hh.root.locator(".fui-FluentProvider").first().getAttribute("dir")).toBe("rtl");
        const text = await visibleText(hh);
        expect(text).toContain(strings[spec.landmarkKey]);
        const seen = languageOnScreen(text, strings, english);
        expect(seen.translated.length).toBeGreaterThanOrEqual(3);
        expect(seen.english).toEqual([]);
      });
    }

    if (state.name === "de") {
      it('reads in German, left to right (dir="ltr")', async () => {
        const hh = harness();
        expect(await hh.root.locator(".fui-FluentProvider").first().getAttribute("dir")).toBe("ltr");
        const text = await visibleText(hh);
        const seen = languageOnScreen(text, strings, english);
        expect(seen.translated.length).toBeGreaterThanOrEqual(3);
        expect(seen.english).toEqual([]);
      });
    }

    if (state.name === "disabled") {
      it("lets nothing change the record", async () => {
        await spec.assertDisabled(harness(), strings);
      });
    }

    if (state.name === "ar" || state.name === "dark") {
      it(`lays out from the ${state.name === "ar" ? "right (RTL)" : "left (LTR)"}`, async () => {
        expect(await spec.startSideProblems(harness(), strings, state.name === "ar")).toEqual([]);
      });
    }

    if (control === "VirtualTablePreview" && (state.name === "ar" || state.name === "dark")) {
      it(`moves grid focus in the direction of the arrow key (${state.name === "ar" ? "mirrored in RTL" : "LTR"})`, async () => {
        const hh = harness();
        const grid = hh.root.getByRole("grid");
        await grid.locator("[role=row][aria-rowindex='2'] [role=gridcell][aria-colindex='2']").focus();
        const focusedX = (): Promise<{ pos: string | null; x: number }> =>
          hh.page.evaluate(() => {
            const el = document.activeElement as HTMLElement;
            const r = el.getBoundingClientRect();
            return { pos: el.getAttribute("data-pos"), x: r.left + r.width / 2 };
          });
        const start = await focusedX();
        await hh.page.keyboard.press("ArrowLeft");
        const left = await focusedX();
        expect(left.pos).not.toBe(start.pos);
        expect(left.x).toBeLessThan(start.x);
        await hh.page.keyboard.press("ArrowRight");
        const back = await focusedX();
        expect(back.pos).toBe(start.pos);
        await hh.page.keyboard.press("ArrowRight");
        const right = await focusedX();
        expect(right.x).toBeGreaterThan(start.x);
      });
    }

    if (state.name === "ar" || state.name === "dark") {
      it("is captured in a screenshot", async () => {
        const hh = harness();
        const file = await hh.screenshot(`${control}-${state.name}`, { controlOnly: true });
        expect(path.dirname(file)).toBe(shotsDir);
        expect(fs.statSync(file).size).toBeGreaterThan(5000);
      });
    }

    if (control === "IntegrationPatternPicker" && state.name === "ar") {
      it("chooses a pattern by keyboard: Enter on its Choose button writes it and moves focus to its card", async () => {
        const hh = harness();
        const webhooks = strings["Pattern_webhooks_Name"];
        await hh.root.getByRole("button", { name: strings.Action_Choose_Aria.replace("{name}", webhooks), exact: true }).focus();
        await hh.page.keyboard.press("Enter");
        await hh.page.waitForFunction(() => document.activeElement?.id.endsWith("card-webhooks") === true);
        await hh.page.waitForFunction(() =>
          Array.from(document.querySelectorAll<HTMLInputElement>("#accordion__panel-data_inputs input")).some(
            (i) => i.value === "webhooks",
          ),
        );
        expect(hh.errors).toEqual([]);
      });
    }
  });
});
