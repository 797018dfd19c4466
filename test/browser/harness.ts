/**
 * Drives the PCF test harness (pcf-start) in headless Chromium, for browser tests and benchmarks.
 *
 * - Each harness gets a fresh Chromium context and page (storage, viewport, routes and Playwright's
 *   clock are per context), on the pcf-start and Chromium of a harness server (./harness-server): in a
 *   browser-test run, the run's one server (started by jest's globalSetup, closed by its
 *   globalTeardown; each jest worker on a pcf-start of its own); elsewhere (benchmarks), a server of
 *   its own, closed with the harness.
 * - Chromium stays on localhost: every other request is aborted and recorded, except the React UMD
 *   files the harness takes from a CDN, which are served from node_modules.
 * - One harness at a time per pcf-start; every process and context started here ends in `close()`,
 *   pass or fail.
 */
import * as fs from "fs";
import * as path from "path";
import { Browser, BrowserContext, chromium, ConsoleMessage, Locator, Page } from "playwright-core";
import { HarnessServer, serveOnStage, sharedServerInfo, siteOfThisProcess, startHarnessServer } from "./harness-server";
import { parseResx } from "../unit/i18n/resx";

export const repoRoot = path.resolve(__dirname, "..", "..");
export const testResultsDir = path.join(repoRoot, "test-results");
export const screenshotDir = path.join(testResultsDir, "screenshots");
/** The script browser-sync injects into pcf-start's page. */
const BROWSER_SYNC_CLIENT = /^https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?\/browser-sync\/browser-sync-client\.js/;
const NAMESPACE = "IntegrationKit";

export interface HarnessOptions {
  /** Container width in px (the harness's "Component Container Width"). */
  width?: number;
  /** Container height in px; undefined leaves it empty, which the harness reports as -1. */
  height?: number;
  /**
   * Serve React's production UMD build, as model-driven apps do, instead of the development one (whose
   * warnings the per-control tests turn into failures through `errors`).
   */
  reactProduction?: boolean;
  /** Browser viewport. */
  viewport?: { width: number; height: number };
  /** Which built control folder to serve; defaults to out/controls/<control>. */
  codePath?: string;
  /**
   * Installs Playwright's clock in the page before it loads (Date, timers, animation frames): time
   * flows as usual until a test moves it on with `page.clock.fastForward`, so a product interval
   * (a poll, a Retry-After, a request timeout) is passed through without waiting for it in real time.
   * https://playwright.dev/docs/clock
   */
  fakeClock?: boolean;
  /**
   * Keeps pcf-start's browser-sync client in the page. It is left out by default (served as an empty
   * script): browser-sync is the harness's development tooling (live reload, and "ghost mode", which
   * listens to every scroll, click and input and mirrors it over a socket), a model-driven app has none
   * of it, and it made every page load and interaction of the browser tests slower (the i18n file: 64 s
   * with it, 51 s without, alone on the 2-core machine).
   */
  browserSync?: boolean;
}

export interface Harness {
  readonly control: string;
  readonly url: string;
  readonly page: Page;
  readonly context: BrowserContext;
  /** The control's root element in the harness. */
  readonly root: Locator;
  readonly consoleMessages: string[];
  /** Page errors and console errors (known harness noise filtered out). */
  readonly errors: string[];
  /** Requests to anything but localhost that were aborted (fonts excluded). */
  readonly unexpectedRequests: string[];
  setProperty(name: string, value: string): Promise<void>;
  readProperty(name: string): Promise<string>;
  /** Sets the harness's container size; resolves once the control has been updated and laid out. */
  setContainerSize(width: number, height?: number): Promise<void>;
  setFormFactor(formFactor: "web" | "tablet" | "phone"): Promise<void>;
  loadDatasetCsv(datasetName: string, csvPath: string): Promise<void>;
  /**
   * Gives the control a context the harness cannot set: a Fluent theme, right-to-left, another
   * language (its strings as `resources.getString`), disabled. The page reloads so the control is
   * initialised afresh with it (as a real host loads a form); resolves once the control's
   * `updateView` has run with the new context. `reload: false` applies it to the next updates only
   * and forces one by nudging the container width.
   */
  overrideContext(override: ContextOverride, options?: { reload?: boolean }): Promise<void>;
  /** Back to the harness's own context (light theme, English, left-to-right, enabled); reloads. */
  clearContextOverride(): Promise<void>;
  /** How many times the control's updateView has run since the page loaded (with or without an override). */
  updateCount(): Promise<number>;
  /** The requests the fake webAPI (the `webApi` override) received since the page loaded, in order. */
  webApiCalls(): Promise<WebApiCall[]>;
  /** axe-core on the control root, or on the first element matching `selector` (e.g. a popover in a portal). */
  axeViolations(selector?: string): Promise<AxeViolation[]>;
  screenshot(name: string, options?: { fullPage?: boolean; controlOnly?: boolean }): Promise<string>;
  close(): Promise<void>;
}

export type ThemeName = "light" | "dark" | "highContrast";

export interface ContextOverride {
  /** Fluent 9 token theme handed to the control as `context.fluentDesignLanguage.tokenTheme`. */
  theme?: ThemeName;
  /** `context.userSettings.isRTL`. */
  isRTL?: boolean;
  /** `context.userSettings.languageId` (and `locale`, for the languages we know). */
  languageId?: number;
  /** key → text answered by `context.resources.getString` (unknown keys come back as the key). */
  strings?: Record<string, string>;
  /** `context.mode.isControlDisabled`. */
  disabled?: boolean;
  /**
   * A fake `context.webAPI` in place of the harness's (which has no Dataverse): how each table answers.
   * Given this, `context.page.getClientUrl` answers too (the harness's throws, which the controls take
   * for "no Dataverse here") with a fake organization under the harness's origin, whose WhoAmI is
   * answered in the page (`whoAmI`); the calls made are kept in the page (see `webApiCalls`).
   */
  webApi?: Record<string, WebApiAnswer>;
  /**
   * With `webApi`: how the organization's WhoAmI answers a same-origin fetch (the rate-limit header
   * probe); the default is 200 with no rate-limit headers. The request is answered in the page.
   */
  whoAmI?: "hang" | { status: number; headers?: Record<string, string> };
}

/**
 * How the fake `context.webAPI` answers for one table (retrieveMultipleRecords and updateRecord alike):
 * - `"ok-empty"`: resolves with `{ entities: [], nextLink: undefined }` (updateRecord: `{}`);
 * - `{ entities }`: resolves with these records (updateRecord: `{}`);
 * - `"hang"`: a promise that never settles;
 * - `{ errorCode, message, status? }`: rejects with a plain object as the platform's webAPI does: the
 *   unsigned decimal errorCode (2147746336 for 0x80040220) and the message, and `status` only when the
 *   description gives one (the platform's error carries no HTTP status and never a Retry-After).
 * A table with no answer rejects with an Error naming it, so a test says what every request meets.
 */
export type WebApiAnswer =
  | "ok-empty"
  | "hang"
  | { entities: Record<string, unknown>[]; nextLink?: string }
  | { errorCode: number; message: string; status?: number };

/** One request the fake webAPI received. */
export interface WebApiCall {
  /** "fetch": the same-origin WhoAmI probe (table is then the path under the organization). */
  method: "retrieveMultipleRecords" | "updateRecord" | "fetch";
  table: string;
  /** retrieveMultipleRecords: the query options; updateRecord: the record id. */
  options?: string;
}

/** BCP 47 locale of a Dataverse language id, for `userSettings.locale`. */
const LOCALE_OF_LCID: Record<number, string> = { 1025: "ar-SA", 1031: "de-DE", 1033: "en-US", 1036: "fr-FR", 1037: "he-IL", 3082: "es-ES" };

/** What travels into the page: plain JSON (Fluent's token themes are plain objects). */
interface PageOverride {
  tokenTheme?: import("@fluentui/react-components").Theme;
  isDarkTheme?: boolean;
  isRTL?: boolean;
  languageId?: number;
  locale?: string;
  strings?: Record<string, string>;
  disabled?: boolean;
  webApi?: Record<string, WebApiAnswer>;
  whoAmI?: ContextOverride["whoAmI"];
}

const OVERRIDE_KEY = "integrationkit.harness.contextOverride";

function pageOverride(o: ContextOverride): PageOverride {
  // Loaded lazily: only tests that change the theme pay for importing Fluent in Node.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fluent = require("@fluentui/react-components") as typeof import("@fluentui/react-components");
  const themes = { light: fluent.webLightTheme, dark: fluent.webDarkTheme, highContrast: fluent.teamsHighContrastTheme };
  const out: PageOverride = {
    tokenTheme: o.theme ? themes[o.theme] : undefined,
    isDarkTheme: o.theme ? o.theme !== "light" : undefined,
    isRTL: o.isRTL,
    languageId: o.languageId,
    locale: o.languageId !== undefined ? LOCALE_OF_LCID[o.languageId] : undefined,
    strings: o.strings,
    disabled: o.disabled,
    webApi: o.webApi,
    whoAmI: o.whoAmI,
  };
  // Keys left undefined keep the harness's (or the runner's default) value.
  for (const k of Object.keys(out) as (keyof PageOverride)[]) if (out[k] === undefined) delete out[k];
  return out;
}

/**
 * Runs in the page before the harness (plain JavaScript: a TypeScript function would carry the
 * compiler's helpers, such as tsx's `__name`, which do not exist in the page). It wraps
 * `ComponentFramework.registerControl` so every control class registered gets `init` and
 * `updateView` that first apply the override: the one kept in sessionStorage by `overrideContext`
 * (it survives the reload) over the defaults given when the harness opened. It also counts updates.
 */
const CONTEXT_HOOK_JS = `(function (storageKey, defaults) {
  var stored = null;
  try {
    var raw = window.sessionStorage.getItem(storageKey);
    stored = raw ? JSON.parse(raw) : null;
  } catch (e) {
    stored = null;
  }
  window.__ikitDefaults = defaults || {};
  window.__ikitOverride = Object.assign({}, window.__ikitDefaults, stored || {});
  window.__ikitUpdates = 0;
  window.__ikitWebApiCalls = [];
  function setOwn(target, name, value) {
    try {
      Object.defineProperty(target, name, { value: value, configurable: true, writable: true, enumerable: true });
    } catch (e) {
      target[name] = value;
    }
  }
  // The fake webAPI of the current override: answers read from it on every call, so an override
  // applied without a reload changes the answers of the next requests.
  function answer(table) {
    var routes = (window.__ikitOverride && window.__ikitOverride.webApi) || {};
    return Object.prototype.hasOwnProperty.call(routes, table) ? routes[table] : undefined;
  }
  function respond(method, table, options) {
    window.__ikitWebApiCalls.push(options === undefined ? { method: method, table: table } : { method: method, table: table, options: options });
    var a = answer(table);
    if (a === undefined) return Promise.reject(new Error("The test gave no webAPI answer for the table " + table + "."));
    if (a === "hang") return new Promise(function () {});
    if (a === "ok-empty") return Promise.resolve(method === "updateRecord" ? {} : { entities: [], nextLink: undefined });
    if (typeof a.errorCode === "number") {
      var error = { errorCode: a.errorCode, message: a.message };
      if (a.status !== undefined) error.status = a.status;
      return Promise.reject(error);
    }
    if (method === "updateRecord") return Promise.resolve({});
    var copy = JSON.parse(JSON.stringify(a.entities || []));
    return Promise.resolve({ entities: copy, nextLink: a.nextLink });
  }
  // The rate-limit probe goes to the fake organization's WhoAmI: answered here, never sent.
  var FAKE_ORG_PATH = "/integrationkit-fake-org";
  var pageFetch = window.fetch;
  window.fetch = function (input, init) {
    var url = typeof input === "string" ? input : input && input.url;
    var o = window.__ikitOverride;
    if (!o || !o.webApi || typeof url !== "string" || url.indexOf(window.location.origin + FAKE_ORG_PATH + "/") !== 0) {
      return pageFetch.apply(this, arguments);
    }
    window.__ikitWebApiCalls.push({ method: "fetch", table: url.slice((window.location.origin + FAKE_ORG_PATH).length) });
    var w = o.whoAmI || { status: 200 };
    if (w === "hang") return new Promise(function () {});
    return Promise.resolve(new Response(w.status === 204 ? null : "{}", { status: w.status, headers: w.headers || {} }));
  };
  var fakeWebApi = {
    retrieveMultipleRecords: function (table, options) {
      return respond("retrieveMultipleRecords", table, options);
    },
    updateRecord: function (table, id) {
      return respond("updateRecord", table, id);
    },
  };
  function apply(context) {
    var o = window.__ikitOverride;
    if (!o || !context) return;
    if (o.tokenTheme) {
      context.fluentDesignLanguage = Object.assign({}, context.fluentDesignLanguage || {}, { tokenTheme: o.tokenTheme, isDarkTheme: o.isDarkTheme });
    }
    var us = context.userSettings;
    if (us) {
      if (o.isRTL !== undefined) us.isRTL = o.isRTL;
      if (o.languageId !== undefined) us.languageId = o.languageId;
      if (o.locale !== undefined) us.locale = o.locale;
    }
    if (o.strings && context.resources) {
      var table = o.strings;
      context.resources.getString = function (key) {
        return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : key;
      };
    }
    if (o.disabled !== undefined && context.mode) context.mode.isControlDisabled = o.disabled;
    if (o.webApi) {
      setOwn(context, "webAPI", fakeWebApi);
      if (!window.__ikitPage || window.__ikitPage.base !== context.page) {
        // The harness's own page stays the prototype (the harness reads it); only getClientUrl answers.
        var fakePage = Object.create(context.page || null);
        setOwn(fakePage, "getClientUrl", function () {
          return window.location.origin + FAKE_ORG_PATH;
        });
        window.__ikitPage = { base: context.page, fake: fakePage };
      }
      setOwn(context, "page", window.__ikitPage.fake);
    }
  }
  function hook(cls) {
    var proto = cls && cls.prototype;
    if (!proto || proto.__ikitHooked) return;
    proto.__ikitHooked = true;
    var init = proto.init;
    var updateView = proto.updateView;
    if (init) {
      proto.init = function (context) {
        apply(context);
        return init.apply(this, arguments);
      };
    }
    if (updateView) {
      proto.updateView = function (context) {
        apply(context);
        window.__ikitUpdates = (window.__ikitUpdates || 0) + 1;
        return updateView.apply(this, arguments);
      };
    }
  }
  var cf = (window.ComponentFramework = window.ComponentFramework || {});
  var register;
  function wrapped(name, cls) {
    hook(cls);
    return register(name, cls);
  }
  Object.defineProperty(cf, "registerControl", {
    configurable: true,
    enumerable: true,
    get: function () {
      return register ? wrapped : undefined;
    },
    set: function (fn) {
      register = fn;
    },
  });
})`;

/**
 * pcf-start merges every .resx the manifest declares into one table, the last file winning: with
 * German and Arabic declared after English, the harness would speak Arabic. The runner therefore
 * answers `getString` from the control's own 1033 file unless a test asks for another language.
 */
function englishStrings(codePath: string, control: string): Record<string, string> | undefined {
  const file = path.join(codePath, "strings", `${control}.1033.resx`);
  if (!fs.existsSync(file)) return undefined;
  const table: Record<string, string> = {};
  for (const { key, value } of parseResx(fs.readFileSync(file, "utf8"))) table[key] = value;
  return table;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

// ---------------------------------------------------------------------------------------------
// Known noise from the harness page itself (not from our controls).

const FONT_URL = /\.(woff2?|ttf)(\?|$)/i;
const HARNESS_NOISE = [
  // The harness renders its own container before the width input has a value.
  /`NaN` is an invalid value for the `%s` css style property/,
  /Download the React DevTools/,
];

/** Console errors that come from the harness's own React tree (its inputs), not from a control. */
function isHarnessReactWarning(text: string): boolean {
  // pcf-start's width/height and property inputs switch from uncontrolled to controlled.
  return text.includes("changing an uncontrolled input") && text.includes("AccordionItem");
}

function isNoise(message: ConsoleMessage): boolean {
  const text = message.text();
  if (HARNESS_NOISE.some((re) => re.test(text)) || isHarnessReactWarning(text)) return true;
  const url = message.location()?.url ?? "";
  return /Failed to load resource/.test(text) && (FONT_URL.test(url) || url === "");
}

// ---------------------------------------------------------------------------------------------

export async function openHarness(control: string, options: HarnessOptions = {}): Promise<Harness> {
  const codePath = options.codePath ?? path.join(repoRoot, "out", "controls", control);
  if (!fs.existsSync(path.join(codePath, "bundle.js"))) {
    throw new Error(`No built control at ${codePath}: run \`npm run build\` (or \`npm run build:control -- ${control}\`) first.`);
  }
  const shared = sharedServerInfo();
  let own: HarnessServer | undefined;
  let browser: Browser | undefined;
  let unstage: (() => void) | undefined;
  let context: BrowserContext | undefined;
  const closeAll = async (): Promise<void> => {
    await context?.close().catch(() => undefined);
    unstage?.();
    // A connected browser disconnects (the run's Chromium stays up); a browser of its own ends with its server.
    if (shared) await browser?.close().catch(() => undefined);
    await own?.close();
  };
  try {
    let url: string;
    let stage: string;
    if (shared) {
      ({ url, stage } = siteOfThisProcess(shared));
      browser = await chromium.connect(shared.wsEndpoint);
    } else {
      own = await startHarnessServer({ shareBrowser: false });
      ({ url, stage } = own);
      browser = own.browser!;
    }
    unstage = await serveOnStage(stage, codePath);
    context = await browser.newContext({ viewport: options.viewport ?? { width: 1400, height: 1000 }, acceptDownloads: true });
    const consoleMessages: string[] = [];
    const errors: string[] = [];
    const unexpectedRequests: string[] = [];
    const reactFlavour = options.reactProduction ? "production.min" : "development";
    await context.route("**/*", async (route) => {
      const requestUrl = route.request().url();
      if (!options.browserSync && BROWSER_SYNC_CLIENT.test(requestUrl)) {
        return route.fulfill({ body: "", contentType: "application/javascript" });
      }
      if (/^https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?\//.test(requestUrl)) return route.continue();
      const m = /unpkg\.com\/(react|react-dom)@16\.14\.0\/umd\/(react|react-dom)\.(development|production\.min)\.js/.exec(requestUrl);
      if (m) {
        return route.fulfill({
          path: path.join(repoRoot, "node_modules", m[1], "umd", `${m[2]}.${reactFlavour}.js`),
          contentType: "application/javascript",
        });
      }
      if (!FONT_URL.test(requestUrl)) unexpectedRequests.push(requestUrl);
      return route.abort();
    });
    const page = await context.newPage();
    page.on("console", (msg) => {
      consoleMessages.push(`${msg.type()}: ${msg.text()}`);
      if (msg.type() === "error" && !isNoise(msg)) errors.push(msg.text());
    });
    page.on("pageerror", (err) => errors.push(`pageerror: ${err.message}`));
    const defaults: PageOverride = { strings: englishStrings(codePath, control) };
    await context.addInitScript({ content: `${CONTEXT_HOOK_JS}(${JSON.stringify(OVERRIDE_KEY)}, ${JSON.stringify(defaults)});` });
    if (options.fakeClock) await context.clock.install();
    await page.goto(url);
    const root = page.locator(`[data-lp-id="${NAMESPACE}.${control}|TestControl"]`);
    await root.waitFor({ state: "attached", timeout: 30_000 });
    const harness = makeHarness(control, url, page, context, root, consoleMessages, errors, unexpectedRequests, closeAll);
    if (options.width !== undefined || options.height !== undefined) {
      await harness.setContainerSize(options.width ?? 800, options.height);
    }
    return harness;
  } catch (e) {
    await closeAll();
    throw e;
  }
}

function makeHarness(
  control: string,
  url: string,
  page: Page,
  context: BrowserContext,
  root: Locator,
  consoleMessages: string[],
  errors: string[],
  unexpectedRequests: string[],
  closeAll: () => Promise<void>,
): Harness {
  let closed = false;
  const propertyBlock = (name: string): Locator =>
    page
      .locator("#accordion__panel-data_inputs .io-item")
      .filter({ has: page.locator(".key-value-pair-value > span", { hasText: new RegExp(`^${escapeRegExp(name)}$`) }) })
      .first();
  const propertyInput = (name: string): Locator =>
    propertyBlock(name).locator("input[type=text], input[type=number], input:not([type]), textarea, select").first();
  /** Two animation frames: React has committed and the browser has laid out. */
  const settle = (): Promise<void> =>
    page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
  /** The harness calls updateView when the container width changes: change it and put it back. */
  const nudgeContainer = async (): Promise<void> => {
    const w = page.locator("#control-width input");
    const current = await w.inputValue();
    const width = Number(current) > 0 ? Number(current) : 800;
    await w.fill(String(width - 1));
    await w.press("Tab");
    await w.fill(current === "" ? String(width) : current);
    await w.press("Tab");
  };
  const reloadAndWait = async (): Promise<void> => {
    // The harness keeps its inputs (size, property values) in localStorage, so they survive the reload.
    await page.reload();
    await root.waitFor({ state: "attached", timeout: 30_000 });
    await page.waitForFunction(() => ((window as unknown as { __ikitUpdates?: number }).__ikitUpdates ?? 0) > 0, undefined, {
      timeout: 30_000,
    });
    await settle();
  };

  return {
    control,
    url,
    page,
    context,
    root,
    consoleMessages,
    errors,
    unexpectedRequests,
    async setProperty(name, value) {
      const input = propertyInput(name);
      await input.waitFor({ timeout: 10_000 });
      const tag = await input.evaluate((el) => el.tagName.toLowerCase());
      if (tag === "select") {
        await input.selectOption(value);
      } else {
        await input.fill(value);
      }
      await input.press("Tab");
    },
    async readProperty(name) {
      return propertyInput(name).inputValue();
    },
    async setContainerSize(width, height) {
      const before = await this.updateCount();
      const w = page.locator("#control-width input");
      const widthChanges = (await w.inputValue()) !== String(width);
      await w.fill(String(width));
      await w.press("Tab");
      const h = page.locator("#control-height input");
      await h.fill(height === undefined ? "" : String(height));
      await h.press("Tab");
      // A new width makes the harness call updateView: wait for it, then for the layout.
      if (widthChanges) {
        await page.waitForFunction((n) => ((window as unknown as { __ikitUpdates?: number }).__ikitUpdates ?? 0) > n, before, {
          timeout: 15_000,
        });
      }
      await settle();
    },
    async setFormFactor(formFactor) {
      const value = { web: "1", tablet: "2", phone: "3" }[formFactor];
      await page.locator("#accordion__panel-context_inputs select").first().selectOption(value);
    },
    async loadDatasetCsv(datasetName, csvPath) {
      await page.setInputFiles(`#${datasetName}Input`, csvPath);
      const apply = page.locator("input[value=Apply]");
      await apply.waitFor({ timeout: 10_000 });
      await apply.click();
    },
    async overrideContext(override, options = {}) {
      const payload = pageOverride(override);
      if (options.reload === false) {
        const before = await this.updateCount();
        await page.evaluate(
          ([key, o]) => {
            window.sessionStorage.setItem(key, JSON.stringify(o));
            const w = window as unknown as { __ikitOverride?: object; __ikitDefaults?: object };
            w.__ikitOverride = { ...(w.__ikitDefaults ?? {}), ...o };
          },
          [OVERRIDE_KEY, payload] as const,
        );
        await nudgeContainer();
        await page.waitForFunction((n) => ((window as unknown as { __ikitUpdates?: number }).__ikitUpdates ?? 0) > n, before, {
          timeout: 15_000,
        });
        await settle();
        return;
      }
      await page.evaluate(([key, o]) => window.sessionStorage.setItem(key, JSON.stringify(o)), [OVERRIDE_KEY, payload] as const);
      await reloadAndWait();
    },
    async clearContextOverride() {
      await page.evaluate((key) => window.sessionStorage.removeItem(key), OVERRIDE_KEY);
      await reloadAndWait();
    },
    async updateCount() {
      return page.evaluate(() => (window as unknown as { __ikitUpdates?: number }).__ikitUpdates ?? 0);
    },
    async webApiCalls() {
      return page.evaluate(() => (window as unknown as { __ikitWebApiCalls?: WebApiCall[] }).__ikitWebApiCalls ?? []);
    },
    async axeViolations(selector) {
      // Once per page load: axe-core is half a megabyte of script.
      if (!(await page.evaluate(() => "axe" in window))) {
        await page.addScriptTag({ path: path.join(repoRoot, "node_modules", "axe-core", "axe.min.js") });
      }
      // Colours measured mid-transition (a button just pressed, a popover fading in) are not the ones
      // the user reads: let the page's finite animations and transitions end first (at most 2 s).
      await page.evaluate(() =>
        Promise.race([
          Promise.all(
            document
              .getAnimations()
              .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity)
              .map((a) => a.finished.catch(() => undefined)),
          ),
          new Promise((r) => setTimeout(r, 2000)),
        ]),
      );
      const handle = await (selector ? page.locator(selector).first() : root).elementHandle();
      if (!handle) throw new Error(`${selector ?? `The ${control} root`} is not in the page.`);
      return page.evaluate(async (el) => {
        const axe = (window as unknown as { axe: { run: (ctx: Element, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
        const result = await axe.run(el, { resultTypes: ["violations"] });
        return result.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
        }));
      }, handle);
    },
    async screenshot(name, options = {}) {
      fs.mkdirSync(screenshotDir, { recursive: true });
      const file = path.join(screenshotDir, `${name}.png`);
      if (options.controlOnly) {
        await root.screenshot({ path: file });
      } else {
        await page.screenshot({ path: file, fullPage: options.fullPage ?? false });
      }
      return file;
    },
    async close() {
      if (closed) return;
      closed = true;
      await closeAll();
    },
  };
}

/**
 * Reads a value until it passes \`ok\` or \`timeoutMs\` has gone by, and returns the last value read for
 * the caller to assert on: a wait for a condition rather than a fixed sleep.
 */
export async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 20));
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Formats axe violations for a failing assertion message. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) => `${v.id} (${v.impact ?? "n/a"}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(" ")).join("\n  ")}`)
    .join("\n");
}
