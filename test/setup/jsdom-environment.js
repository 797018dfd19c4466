// The component tests' environment: jest-environment-jsdom, with faster style matching that gives the
// same answers, and fake timers that do not wait in real time (see the class at the end).
//
// Why: every role query computes accessible names and axe checks visibility, and both call
// getComputedStyle, which jsdom answers by running the selector of every rule against the element:
// about 620 Fluent rules on a full control and about 150 rules of jsdom's own default style sheet
// (`div`, `h1`, `select`, ...), thrown away at each DOM change. Nearly all of them cannot match.
//
// What: a browser's "rule hash". A selector whose rightmost compound selector starts with a class
// (`.fxyz`, `.fxyz:hover`, `.a .fxyz::after`) can only match an element that has that class, and one
// that starts with a type (`h1`, `article h1`, `select:focus`) only an element of that name. Each rule
// is filed under what it needs, and an element is matched (by jsdom's selector engine) only against
// the rules filed under its classes and its type, plus every rule whose selector says nothing certain
// (`*`, an id, an attribute, a pseudo-class first, a namespace, an escape). Type names are filed in
// lower case, which can only let more rules through. A quirks-mode document, where class names are
// matched without case, is left to jsdom. The cascade, the rule order and every value jsdom computes
// are unchanged: the same rules match, only faster. test/component/common/jsdomStyles.test.tsx checks
// this against jsdom's own matching on every element of each control, for every rule of the document
// and of jsdom's default style sheet, and against jsdom's own declarations for every element.
"use strict";

const path = require("path");

const jsdomDir = path.dirname(require.resolve("jsdom/package.json"));
const { matchesDontThrow: jsdomMatches } = require(path.join(jsdomDir, "lib", "jsdom", "living", "helpers", "selectors.js"));

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

/** The element's classes, as a class selector matches them (split at ASCII white space). */
function classesOf(elImpl) {
  const attr = elImpl.getAttributeNS(null, "class");
  return attr === null ? [] : attr.split(/[\t\n\f\r ]+/);
}

// ---- The rule index ---------------------------------------------------------------------------
//
// getComputedStyle asks jsdom's style-rules module for an element's declarations, and that module loops
// over every rule, running the selector engine on each. The same answer, faster: the rules in jsdom's
// order (its default sheet, then the document's sheets, with the rules of `@media screen` in place),
// each filed under what it needs, so an element is matched against the rules filed under its type and
// its classes, and the rules that need nothing known, in their original order. The index is rebuilt
// when the document changes (jsdom then replaces its style cache) or a sheet gains or loses rules.
// Window.js takes `getDeclarationForElement` from style-rules when it loads, so it is replaced here,
// before jest-environment-jsdom loads jsdom.

const { forEach, indexOf } = Array.prototype;
const styleRules = require(path.join(jsdomDir, "lib", "jsdom", "living", "helpers", "style-rules.js"));
const jsdomDeclaration = styleRules.getDeclarationForElement;
const { implForWrapper } = require(path.join(jsdomDir, "lib", "jsdom", "living", "generated", "utils.js"));
// jsdom's own copies of its CSS parser and declaration class (knip.json lists them as used, not installed).
const cssom = require(require.resolve("rrweb-cssom", { paths: [jsdomDir] }));
const { CSSStyleDeclaration } = require(require.resolve("cssstyle", { paths: [jsdomDir] }));
const defaultStyleSheet = require(path.join(jsdomDir, "lib", "jsdom", "browser", "default-stylesheet.js"));
let parsedDefaultSheet = null;

/** document → { generation, shape, rules, byNeed, always } */
const indexes = new WeakMap();

/** Each sheet's rule list and its length: a sheet that gains or loses a rule changes it. */
function sheetShape(doc) {
  const shape = [];
  forEach.call(doc.styleSheets._list, (sheet) => shape.push(sheet.cssRules, sheet.cssRules.length));
  return shape;
}

function sameShape(a, b) {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function ruleIndex(doc) {
  const shape = sheetShape(doc);
  const known = indexes.get(doc);
  if (known !== undefined && known.generation === doc._styleCache && sameShape(known.shape, shape)) return known;
  if (parsedDefaultSheet === null) parsedDefaultSheet = cssom.parse(defaultStyleSheet);
  const rules = [];
  const byNeed = new Map();
  const always = [];
  const add = (rule) => {
    const at = rules.length;
    rules.push(rule);
    const needs = typeof rule.selectorText === "string" ? requirementsFor(rule.selectorText) : null;
    if (needs === null) always.push(at);
    else
      for (const need of new Set(needs)) {
        const list = byNeed.get(need);
        if (list === undefined) byNeed.set(need, [at]);
        else list.push(at);
      }
  };
  const visit = (sheet) =>
    forEach.call(sheet.cssRules, (rule) => {
      if (rule.media) {
        if (indexOf.call(rule.media, "screen") !== -1) forEach.call(rule.cssRules, add);
      } else add(rule);
    });
  visit(parsedDefaultSheet);
  forEach.call(doc.styleSheets._list, visit);
  const index = { generation: doc._styleCache, shape, rules, byNeed, always };
  indexes.set(doc, index);
  return index;
}

/** The positions of the rules that may match an element, in cascade order. */
function candidates(index, elImpl) {
  const lists = [index.always];
  const byType = index.byNeed.get(elImpl.localName.toLowerCase());
  if (byType !== undefined) lists.push(byType);
  for (const cls of classesOf(elImpl)) {
    const list = index.byNeed.get(`.${cls}`);
    if (list !== undefined) lists.push(list);
  }
  if (lists.length === 1) return lists[0];
  const merged = new Set();
  for (const list of lists) for (const at of list) merged.add(at);
  return [...merged].sort((a, b) => a - b);
}

function handleProperty(declaration, style, property) {
  const value = style.getPropertyValue(property);
  // https://drafts.csswg.org/css-cascade-4/#valdef-all-unset
  if (value === "unset") declaration.removeProperty(property);
  else declaration.setProperty(property, value, style.getPropertyPriority(property));
}

/** jsdom's getDeclarationForElement (jsdom 26), with the rules taken from the index. */
styleRules.getDeclarationForElement = (elementImpl) => {
  const doc = elementImpl._ownerDocument;
  if (doc.compatMode !== "CSS1Compat") return jsdomDeclaration(elementImpl);
  if (!doc._styleCache) doc._styleCache = new WeakMap();
  const styleCache = doc._styleCache;
  const cached = styleCache.get(elementImpl);
  if (cached) return cached;
  const declaration = new CSSStyleDeclaration();
  const index = ruleIndex(doc);
  const positions = candidates(index, elementImpl);
  skipped += index.rules.length - positions.length;
  for (const at of positions) {
    const rule = index.rules[at];
    if (jsdomMatches(elementImpl, rule.selectorText))
      forEach.call(rule.style, (property) => handleProperty(declaration, rule.style, property));
  }
  forEach.call(elementImpl.style, (property) => handleProperty(declaration, elementImpl.style, property));
  styleCache.set(elementImpl, declaration);
  return declaration;
};

const { TestEnvironment: JsdomEnvironment } = require("jest-environment-jsdom");
// jest-environment-jsdom's own fake timers (knip.json lists the package as used, not installed).
const { ModernFakeTimers } = require(
  require.resolve("@jest/fake-timers", { paths: [path.dirname(require.resolve("@jest/environment-jsdom-abstract"))] }),
);

class ComponentTestEnvironment extends JsdomEnvironment {
  constructor(config, context) {
    super(config, context);
    // Fake timers that yield to Node between timers: `jest.advanceTimersByTimeAsync` lets promises
    // settle after each timer it fires by waiting for the host's setImmediate, or its setTimeout when
    // the global has no setImmediate, as in jsdom. jsdom's setTimeout waits at least a millisecond, up
    // to 4 ms when nested, in real time: moving a minute of a panel's one-second timers took about half
    // a second of idle waiting. Node's setImmediate is lent to the global only while the fake timers
    // are made (they keep it); the tests' window still has none, as in a browser.
    this.global.setImmediate = setImmediate;
    this.fakeTimersModern = new ModernFakeTimers({ config: config.projectConfig, global: this.global });
    delete this.global.setImmediate;
    // getComputedStyle answers once per element per style generation: jsdom builds a new declaration
    // at every call, copying and parsing each property again, and role queries ask it for an element
    // and each of its ancestors at every query. Any change to the document starts a new generation
    // (jsdom replaces `_styleCache`), and the answer is computed by jsdom again. Callers only read the
    // answer (a browser's is read-only), so one object can serve them all.
    const window = this.global;
    const jsdomComputedStyle = window.getComputedStyle;
    let generation = null;
    let answers = new WeakMap();
    window.getComputedStyle = function getComputedStyle(element, pseudoElement) {
      const elImpl = element === null || typeof element !== "object" ? undefined : implForWrapper(element);
      const doc = elImpl?._ownerDocument;
      if (doc === undefined || (pseudoElement !== undefined && pseudoElement !== null && pseudoElement !== ""))
        return jsdomComputedStyle.call(window, element, pseudoElement);
      if (doc._styleCache && doc._styleCache === generation) {
        const known = answers.get(elImpl);
        if (known !== undefined) return known;
      }
      const answer = jsdomComputedStyle.call(window, element, pseudoElement);
      if (doc._styleCache !== generation) {
        generation = doc._styleCache;
        answers = new WeakMap();
      }
      answers.set(elImpl, answer);
      return answer;
    };
    // For jsdomStyles.test.tsx only: what a selector is filed under, and how many matches were skipped.
    this.global.__ikitStyleMatching = {
      ruleNeeds: (selector) => {
        const needs = requirementsFor(selector);
        return needs === null ? null : [...needs];
      },
      skipped: () => skipped,
      // An element's declarations from jsdom's own getDeclarationForElement (every rule) and from the
      // index, each computed afresh: [jsdom's, the index's] as CSS text.
      declarations: (element) => {
        const elImpl = implForWrapper(element);
        const doc = elImpl._ownerDocument;
        doc._styleCache = null;
        const theirs = jsdomDeclaration(elImpl).cssText;
        doc._styleCache = null;
        const ours = styleRules.getDeclarationForElement(elImpl).cssText;
        return [theirs, ours];
      },
    };
  }
}

module.exports = ComponentTestEnvironment;
