import { cleanup, screen } from "@testing-library/react";
import { setup as setupPicker } from "../IntegrationPatternPicker/setup";
import { mockWebApi, mount as mountPanel } from "../ThrottlingEventPanel/harness";
import { customerRows, CUSTOMER_COLUMNS, fakeDataset } from "../VirtualTablePreview/fakeDataset";
import { mountControl as mountPreview } from "../VirtualTablePreview/render";

/**
 * The component tests' environment (test/setup/jsdom-environment.js) skips jsdom's selector engine for a
 * style rule whose selector needs a class the element lacks. That must never change an answer: here,
 * for every rule in the document and each control, the elements jsdom's own engine matches to it
 * (querySelectorAll, which the pre-check does not touch) are compared with what the pre-check assumes.
 */
interface StyleMatching {
  ruleClasses: (selector: string) => string[] | null;
  skipped: () => number;
}
const styleMatching = (globalThis as unknown as { __ikitStyleMatching?: StyleMatching }).__ikitStyleMatching;
const ruleClasses = styleMatching?.ruleClasses;

function styleRules(): CSSStyleRule[] {
  const out: CSSStyleRule[] = [];
  const visit = (rules: CSSRuleList): void => {
    for (const rule of Array.from(rules)) {
      if ("selectorText" in rule) out.push(rule as CSSStyleRule);
      else if ("cssRules" in rule) visit((rule as CSSMediaRule).cssRules);
    }
  };
  for (const sheet of Array.from(document.styleSheets)) visit(sheet.cssRules);
  return out;
}

/** The elements jsdom's own engine matches to a selector (querySelectorAll: the pre-check does not touch it). */
function matching(selector: string): Element[] {
  try {
    return Array.from(document.querySelectorAll(selector));
  } catch {
    return []; // a selector jsdom cannot read (a vendor pseudo-class) matches nothing there either
  }
}

/** Every (element, rule) pair jsdom matches that the pre-check would skip: must be none. */
function wronglySkipped(): string[] {
  const rules = styleRules();
  const wrong: string[] = [];
  let read = 0;
  for (const rule of rules) {
    const needs = ruleClasses!(rule.selectorText);
    if (needs === null) continue;
    read++;
    for (const element of matching(rule.selectorText)) {
      if (!needs.some((cls) => element.classList.contains(cls)))
        wrong.push(`${element.tagName}.${element.className} ~ ${rule.selectorText}`);
    }
  }
  // The pre-check does its job: it reads nearly every rule, so most pairs never reach the selector engine.
  expect(read).toBeGreaterThan(0.8 * rules.length);
  return wrong;
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
    style.remove();
    element.remove();
  });

  it("reads the class a selector's last compound starts with, and gives up on anything else", () => {
    expect(ruleClasses!(".fxyz")).toEqual(["fxyz"]);
    expect(ruleClasses!(".fxyz:hover:active")).toEqual(["fxyz"]);
    expect(ruleClasses!(".a .b::after")).toEqual(["b"]);
    expect(ruleClasses!(".a > .b[data-x]")).toEqual(["b"]);
    expect(ruleClasses!(".a~.b")).toEqual(["b"]);
    expect(ruleClasses!('[title="x y"] .c')).toEqual(["c"]);
    expect(ruleClasses!(".a:not(.b)")).toEqual(["a"]);
    expect(ruleClasses!(".a, .b:focus")).toEqual(["a", "b"]);
    expect(ruleClasses!(":is(.a .b)")).toBeNull();
    expect(ruleClasses!(".a:is(.b, .c)")).toBeNull();
    expect(ruleClasses!("div.a")).toBeNull();
    expect(ruleClasses!(".a, div")).toBeNull();
    expect(ruleClasses!(".a\\:b")).toBeNull();
    expect(ruleClasses!(":root")).toBeNull();
    expect(ruleClasses!("#id.a")).toBeNull();
  });

  it("skips no rule that jsdom matches: IntegrationPatternPicker", async () => {
    setupPicker();
    await screen.findByRole("heading", { name: "Integration pattern advisor" });
    expect(wronglySkipped()).toEqual([]);
  });

  it("skips no rule that jsdom matches: ThrottlingEventPanel", async () => {
    jest.useFakeTimers({ doNotFake: ["nextTick", "queueMicrotask", "setImmediate"] });
    try {
      const panel = mountPanel({ webApi: mockWebApi() });
      await panel.advance(0);
      expect(screen.getByRole("region", { name: "Event delivery by endpoint" })).toBeTruthy();
      expect(wronglySkipped()).toEqual([]);
      panel.destroy();
    } finally {
      jest.useRealTimers();
    }
  });

  it("skips no rule that jsdom matches: VirtualTablePreview", () => {
    mountPreview(fakeDataset(CUSTOMER_COLUMNS, customerRows(40)));
    expect(screen.getAllByRole("row").length).toBeGreaterThan(10);
    expect(wronglySkipped()).toEqual([]);
  });
});
