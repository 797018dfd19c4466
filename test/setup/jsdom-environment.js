// The component tests' environment: jest-environment-jsdom, with jsdom's style matching told which
// rules cannot apply to an element before it runs the selector engine on them.
//
// Why: every role query computes accessible names and axe checks visibility, and both call
// getComputedStyle, which jsdom answers by running the selector of every rule against the element:
// about 620 Fluent rules on a full control and about 150 rules of jsdom's own default style sheet
// (`div`, `h1`, `select`, ...), thrown away at each DOM change. Nearly all of them cannot match.
//
// What: a browser's "rule hash", done as a pre-check in jsdom's `matchesDontThrow`. A selector whose
// rightmost compound selector starts with a class (`.fxyz`, `.fxyz:hover`, `.a .fxyz::after`) can only
// match an element that has that class, and one that starts with a type (`h1`, `article h1`,
// `select:focus`) only an element of that name, so when the element lacks it, the answer is "no match"
// without the selector engine. Type names are compared without case, which can only let more rules
// through to jsdom. Every other selector (`*`, an id, an attribute, a pseudo-class first, a namespace,
// an escape; any selector in a quirks-mode document, where class names are matched without case) goes
// to jsdom as before. The cascade, the rule order and every value jsdom computes are unchanged: the
// same rules match, only faster. test/component/common/jsdomStyles.test.tsx checks this against
// jsdom's own matching on every element of each control, for every rule of the document and of
// jsdom's default style sheet.
//
// jsdom's style-rules module takes `matchesDontThrow` from its selectors module when it loads, so the
// pre-check is installed before jest-environment-jsdom loads jsdom.
"use strict";

const path = require("path");

const jsdomDir = path.dirname(require.resolve("jsdom/package.json"));
const selectors = require(path.join(jsdomDir, "lib", "jsdom", "living", "helpers", "selectors.js"));

const jsdomMatches = selectors.matchesDontThrow;

/**
 * Selector text → what each comma-separated alternative needs of an element: ".name" (that class) or
 * "name" (that element type, lower case); null when one alternative cannot be read.
 */
const requirements = new Map();

/**
 * What the rightmost compound selector of `alternative` starts with: ".name" for a plain class, "name"
 * for a plain type; null otherwise (then nothing is assumed). Brackets, parentheses and quotes are
 * skipped, so a combinator inside `:is(.a .b)` or `[title="a b"]` is not taken for one.
 */
function rightmostRequirement(alternative) {
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
    else if (depth === 0 && (c === " " || c === ">" || c === "+" || c === "~" || c === "\n" || c === "\t" || c === "\r" || c === "\f"))
      start = i + 1;
  }
  const compound = s.slice(start);
  const cls = /^\.(-?[_a-zA-Z][-_a-zA-Z0-9]*)/.exec(compound);
  if (cls) return `.${cls[1]}`;
  // A type, not followed by "|" (a namespace prefix, whose element name comes after it).
  const type = /^([a-zA-Z][-_a-zA-Z0-9]*)(?![-_a-zA-Z0-9|])/.exec(compound);
  return type ? type[1].toLowerCase() : null;
}

/**
 * The comma-separated alternatives of a selector list, split at the commas outside brackets,
 * parentheses and quotes (`input[type="a"], button`, `.a:not(:focus), .a:hover`); null for a selector
 * with an escape.
 */
function splitAlternatives(selector) {
  const out = [];
  let depth = 0;
  let quote = "";
  let start = 0;
  for (let i = 0; i < selector.length; i++) {
    const c = selector[i];
    if (c === "\\") return null;
    if (quote) {
      if (c === quote) quote = "";
    } else if (c === '"' || c === "'") quote = c;
    else if (c === "(" || c === "[") depth++;
    else if (c === ")" || c === "]") depth--;
    else if (c === "," && depth === 0) {
      out.push(selector.slice(start, i));
      start = i + 1;
    }
  }
  out.push(selector.slice(start));
  return out;
}

function requirementsFor(selector) {
  let needs = requirements.get(selector);
  if (needs === undefined) {
    needs = [];
    const alternatives = splitAlternatives(selector);
    if (alternatives === null) needs = null;
    else {
      for (const alternative of alternatives) {
        const need = rightmostRequirement(alternative);
        if (need === null) {
          needs = null;
          break;
        }
        needs.push(need);
      }
    }
    requirements.set(selector, needs);
  }
  return needs;
}

let skipped = 0;
let lastClassAttr = null;
let lastClasses = new Set();

function classesOf(elImpl) {
  const attr = elImpl.getAttributeNS(null, "class");
  if (attr === null) return null;
  if (attr !== lastClassAttr) {
    lastClassAttr = attr;
    lastClasses = new Set(attr.split(/[\t\n\f\r ]+/));
  }
  return lastClasses;
}

function mayMatch(elImpl, needs) {
  let type;
  let classes;
  for (const need of needs) {
    if (need.charCodeAt(0) === 46 /* "." */) {
      if (classes === undefined) classes = classesOf(elImpl);
      if (classes !== null && classes.has(need.slice(1))) return true;
    } else {
      if (type === undefined) type = elImpl.localName.toLowerCase();
      if (type === need) return true;
    }
  }
  return false;
}

// The document's mode, read once per style generation: jsdom finds the doctype by walking the document's
// children at every read, and replaces `_styleCache` at every change to the document.
let modeCache = null;
let noQuirks = false;

function isNoQuirks(doc) {
  const generation = doc._styleCache;
  if (!generation) return doc.compatMode === "CSS1Compat";
  if (generation !== modeCache) {
    modeCache = generation;
    noQuirks = doc.compatMode === "CSS1Compat";
  }
  return noQuirks;
}

selectors.matchesDontThrow = (elImpl, selector) => {
  if (typeof selector === "string" && isNoQuirks(elImpl._ownerDocument)) {
    const needs = requirementsFor(selector);
    if (needs !== null && !mayMatch(elImpl, needs)) {
      skipped++;
      return false;
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
      ruleNeeds: (selector) => {
        const needs = requirementsFor(selector);
        return needs === null ? null : [...needs];
      },
      skipped: () => skipped,
    };
  }
}

module.exports = ComponentTestEnvironment;
