// The component tests' environment: jest-environment-jsdom, with jsdom's style matching told which
// rules cannot apply to an element before it runs the selector engine on them.
//
// Why: every role query computes accessible names and axe checks visibility, and both call
// getComputedStyle, which jsdom answers by running the selector of every rule in the document against
// the element: about 620 Fluent rules on a full control, thrown away at each DOM change. That was about
// 40 % of a component test file's time, nearly all of it rules that cannot match.
//
// What: a browser's "rule hash", done as a pre-check in jsdom's `matchesDontThrow`. A selector whose
// rightmost compound selector starts with a class (`.fxyz`, `.fxyz:hover`, `.a .fxyz::after`) can only
// match an element that has that class, so when the element lacks it, the answer is "no match" without
// the selector engine. Every other selector (a type, an id, an attribute, a `:not(...)`, an escape, a
// quirks-mode document, where class names are matched without case) goes to jsdom as before. The
// cascade, the rule order and every value jsdom computes are unchanged: the same rules match, only
// faster. test/component/common/jsdomStyles.test.tsx checks this against jsdom's own matching on
// every element and rule of each control.
//
// jsdom's style-rules module takes `matchesDontThrow` from its selectors module when it loads, so the
// pre-check is installed before jest-environment-jsdom loads jsdom.
"use strict";

const path = require("path");

const jsdomDir = path.dirname(require.resolve("jsdom/package.json"));
const selectors = require(path.join(jsdomDir, "lib", "jsdom", "living", "helpers", "selectors.js"));

const jsdomMatches = selectors.matchesDontThrow;

/** Selector text → the class each comma-separated alternative needs, or null when one cannot be read. */
const requiredClasses = new Map();

/**
 * The class that the rightmost compound selector of `alternative` starts with, or null when it does not
 * start with a plain class (then nothing is assumed). Brackets, parentheses and quotes are skipped, so a
 * combinator inside `:is(.a .b)` or `[title="a b"]` is not taken for one.
 */
function rightmostClass(alternative) {
  let depth = 0;
  let quote = "";
  let start = 0;
  const s = alternative.trim();
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = "";
    } else if (c === '"' || c === "'") quote = c;
    else if (c === "\\") return null;
    else if (c === "(" || c === "[") depth++;
    else if (c === ")" || c === "]") depth--;
    else if (depth === 0 && (c === " " || c === ">" || c === "+" || c === "~" || c === "\n" || c === "\t")) start = i + 1;
  }
  const match = /^\.(-?[_a-zA-Z][-_a-zA-Z0-9]*)/.exec(s.slice(start));
  return match ? match[1] : null;
}

function classesFor(selector) {
  let needs = requiredClasses.get(selector);
  if (needs === undefined) {
    needs = [];
    // Commas inside parentheses or attribute values are rare in these rules: such a selector is not read.
    const alternatives = /[([]/.test(selector) && selector.includes(",") ? null : selector.split(",");
    if (alternatives === null) needs = null;
    else {
      for (const alternative of alternatives) {
        const cls = rightmostClass(alternative);
        if (cls === null) {
          needs = null;
          break;
        }
        needs.push(cls);
      }
    }
    requiredClasses.set(selector, needs);
  }
  return needs;
}

let skipped = 0;
let lastClassAttr = null;
let lastClasses = new Set();

selectors.matchesDontThrow = (elImpl, selector) => {
  if (typeof selector === "string" && elImpl._ownerDocument.compatMode === "CSS1Compat") {
    const needs = classesFor(selector);
    if (needs !== null) {
      const attr = elImpl.getAttributeNS(null, "class");
      if (attr === null) return false;
      if (attr !== lastClassAttr) {
        lastClassAttr = attr;
        lastClasses = new Set(attr.split(/[\t\n\f\r ]+/));
      }
      if (!needs.some((cls) => lastClasses.has(cls))) {
        skipped++;
        return false;
      }
    }
  }
  return jsdomMatches(elImpl, selector);
};

const { TestEnvironment: JsdomEnvironment } = require("jest-environment-jsdom");

class ComponentTestEnvironment extends JsdomEnvironment {
  constructor(config, context) {
    super(config, context);
    // For jsdomStyles.test.tsx only: how the pre-check reads a selector, and how many matches it skipped.
    this.global.__ikitStyleMatching = {
      ruleClasses: (selector) => {
        const needs = classesFor(selector);
        return needs === null ? null : [...needs];
      },
      skipped: () => skipped,
    };
  }
}

module.exports = ComponentTestEnvironment;
