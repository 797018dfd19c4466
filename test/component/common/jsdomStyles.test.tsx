import { cleanup, screen } from "@testing-library/react";
import { setup as setupPicker } from "../IntegrationPatternPicker/setup";
import { mockWebApi, mount as mountPanel } from "../ThrottlingEventPanel/harness";
import { customerRows, CUSTOMER_COLUMNS, fakeDataset } from "../VirtualTablePreview/fakeDataset";
import { mountSettled as mountPreview } from "../VirtualTablePreview/render";

/**
 * The component tests' environment (test/setup/jsdom-environment.js) skips jsdom's selector engine for a
 * style rule whose selector needs a class or an element type the element lacks. That must never change
 * an answer: here, for every rule in the document and in jsdom's default style sheet, and each control,
 * the elements jsdom's own engine matches to it (querySelectorAll, which the index does not touch) are
 * compared with what the index files the rule under.
 */
interface StyleMatching {
  ruleNeeds: (selector: string) => string[] | null;
  skipped: () => number;
  declarations: (element: Element) => [string, string];
}
const styleMatching = (globalThis as unknown as { __ikitStyleMatching?: StyleMatching }).__ikitStyleMatching;
const ruleNeeds = styleMatching?.ruleNeeds;

/** jsdom's default style sheet, parsed as jsdom parses it for getComputedStyle. */
function defaultSheetRules(): CSSStyleRule[] {
  /* eslint-disable @typescript-eslint/no-require-imports -- jsdom's own modules, read as jsdom reads them */
  const cssom = require("rrweb-cssom") as { parse: (css: string) => CSSStyleSheet };
  const css = require("jsdom/lib/jsdom/browser/default-stylesheet") as string;
  /* eslint-enable @typescript-eslint/no-require-imports */
  return rulesOf(cssom.parse(css).cssRules);
}

function rulesOf(rules: CSSRuleList): CSSStyleRule[] {
  const out: CSSStyleRule[] = [];
  for (const rule of Array.from(rules)) {
    if ("selectorText" in rule) out.push(rule as CSSStyleRule);
    else if ("cssRules" in rule) out.push(...rulesOf((rule as CSSMediaRule).cssRules));
  }
  return out;
}

/** Does an element meet one of a rule's needs (".class" or "type")? */
function meets(element: Element, needs: string[]): boolean {
  return needs.some((need) =>
    need.startsWith(".") ? element.classList.contains(need.slice(1)) : element.localName.toLowerCase() === need,
  );
}

function styleRules(): CSSStyleRule[] {
  return [...defaultSheetRules(), ...Array.from(document.styleSheets).flatMap((sheet) => rulesOf(sheet.cssRules))];
}

/** The elements jsdom's own engine matches to a selector (querySelectorAll: the index does not touch it). */
function matching(selector: string): Element[] {
  try {
    return Array.from(document.querySelectorAll(selector));
  } catch {
    return []; // a selector jsdom cannot read (a vendor pseudo-class) matches nothing there either
  }
}

/** Every (element, rule) pair jsdom matches that the index would skip: must be none. */
function wronglySkipped(): string[] {
  const rules = styleRules();
  const wrong: string[] = [];
  let read = 0;
  for (const rule of rules) {
    const needs = ruleNeeds!(rule.selectorText);
    if (needs === null) continue;
    read++;
    for (const element of matching(rule.selectorText)) {
      if (!meets(element, needs)) wrong.push(`${element.tagName}.${element.className} ~ ${rule.selectorText}`);
    }
  }
  // The index does its job: it files nearly every rule, so most pairs never reach the selector engine.
  expect(read).toBeGreaterThan(0.8 * rules.length);
  return wrong;
}

/**
 * Every element whose declarations (what getComputedStyle starts from) differ between jsdom's own loop
 * over every rule and the environment's rule index: must be none.
 */
function differingDeclarations(): string[] {
  const elements = Array.from(document.querySelectorAll("*"));
  expect(elements.length).toBeGreaterThan(50);
  return elements.flatMap((element) => {
    const [jsdoms, indexed] = styleMatching!.declarations(element);
    return jsdoms === indexed ? [] : [`${element.tagName}.${element.className}: ${jsdoms} ≠ ${indexed}`];
  });
}

describe("the component tests' style matching", () => {
  afterEach(cleanup);

  it("is installed in the jsdom that renders the tests", () => {
    const element = document.createElement("div");
    element.className = "plain";
    document.body.appendChild(element);
    const style = document.createElement("style");
    style.textContent = ".hidden-one { display: none; } .plain { visibility: hidden; }";
    document.head.appendChild(style);
    const before = styleMatching!.skipped();
    const computed = getComputedStyle(element);
    expect(styleMatching!.skipped()).toBeGreaterThan(before);
    expect(computed.display).toBe("block");
    expect(computed.visibility).toBe("hidden");
    // Answers are kept only until the document changes.
    element.className = "hidden-one";
    expect(getComputedStyle(element).display).toBe("none");
    expect(getComputedStyle(element).visibility).toBe("visible");
    element.className = "plain";
    expect(getComputedStyle(element).display).toBe("block");
    style.remove();
    element.remove();
  });

  it("reads the class or type a selector's last compound starts with, and gives up on anything else", () => {
    expect(ruleNeeds!(".fxyz")).toEqual([".fxyz"]);
    expect(ruleNeeds!(".fxyz:hover:active")).toEqual([".fxyz"]);
    expect(ruleNeeds!(".a .b::after")).toEqual([".b"]);
    expect(ruleNeeds!(".a > .b[data-x]")).toEqual([".b"]);
    expect(ruleNeeds!(".a~.b")).toEqual([".b"]);
    expect(ruleNeeds!('[title="x y"] .c')).toEqual([".c"]);
    expect(ruleNeeds!(".a:not(.b)")).toEqual([".a"]);
    expect(ruleNeeds!(".a, .b:focus")).toEqual([".a", ".b"]);
    expect(ruleNeeds!("div.a")).toEqual(["div"]);
    expect(ruleNeeds!(".a, DIV")).toEqual([".a", "div"]);
    expect(ruleNeeds!("article aside h1")).toEqual(["h1"]);
    expect(ruleNeeds!("select:focus-visible")).toEqual(["select"]);
    expect(ruleNeeds!("custom-el2 > x-y")).toEqual(["x-y"]);
    expect(ruleNeeds!('input[type="a,b"], button:disabled')).toEqual(["input", "button"]);
    expect(ruleNeeds!(".a:not(:focus-within),.a:hover:not(:focus-within)")).toEqual([".a", ".a"]);
    expect(ruleNeeds!(".a:is(.b, .c), .d")).toEqual([".a", ".d"]);
    expect(ruleNeeds!("input[type=x], :focus")).toBeNull();
    expect(ruleNeeds!(":is(.a .b)")).toBeNull();
    expect(ruleNeeds!(".a\\:b")).toBeNull();
    expect(ruleNeeds!(":root")).toBeNull();
    expect(ruleNeeds!("#id.a")).toBeNull();
    expect(ruleNeeds!("*")).toBeNull();
    expect(ruleNeeds!("svg|circle")).toBeNull();
    expect(ruleNeeds!("[hidden]")).toBeNull();
  });

  it("skips no rule that jsdom matches: IntegrationPatternPicker", async () => {
    setupPicker();
    await screen.findByRole("heading", { name: "Integration pattern advisor" });
    expect(wronglySkipped()).toEqual([]);
    expect(differingDeclarations()).toEqual([]);
  });

  it("skips no rule that jsdom matches: ThrottlingEventPanel", async () => {
    jest.useFakeTimers({ doNotFake: ["nextTick", "queueMicrotask", "setImmediate"] });
    try {
      const panel = mountPanel({ webApi: mockWebApi() });
      await panel.advance(0);
      expect(screen.getByRole("region", { name: "Event delivery by endpoint" })).toBeTruthy();
      expect(wronglySkipped()).toEqual([]);
      expect(differingDeclarations()).toEqual([]);
      panel.destroy();
    } finally {
      jest.useRealTimers();
    }
  });

  it("skips no rule that jsdom matches: VirtualTablePreview", async () => {
    await mountPreview(fakeDataset(CUSTOMER_COLUMNS, customerRows(40)));
    expect(screen.getAllByRole("row").length).toBeGreaterThan(10);
    expect(wronglySkipped()).toEqual([]);
    expect(differingDeclarations()).toEqual([]);
  });
});
