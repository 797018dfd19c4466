/**
 * Reason and warning codes. A code is `<rule>:<input value>` (or `<rule>` alone), so every item names
 * the rule that produced it and the scenario input it comes from. The advisor carries no prose: controls
 * show a code in the user's language from their .resx, `Advice_<rule>` holding the template and
 * `Value_<input value>` filling its `{value}`.
 */
import type { AdviceItem } from "./types";

export const ADVICE_RULES = [
  "apps.match",
  "apps.cross-app",
  "apps.one-side",
  "apps.missing",
  "apps.prefers",
  "kind.match",
  "kind.ui-only",
  "kind.mismatch",
  "direction.match",
  "direction.two-flows",
  "direction.one-way",
  "direction.mismatch",
  "timing.match",
  "timing.sync-for-nrt",
  "timing.not-synchronous",
  "timing.too-slow",
  "timing.not-scheduled",
  "volume.match",
  "volume.stretch",
  "volume.too-high",
  "trigger.match",
  "trigger.mismatch",
  "initiator.match",
  "initiator.mismatch",
  "deployment.match",
  "deployment.unavailable",
  "deployment.disputed",
  "requirement.core",
  "requirement.supports",
  "requirement.cannot",
  "requirement.rules-out",
  "throttling.fo-priority",
  "throttling.dataverse",
  "specialty.unused",
  "pattern.superseded",
  "overall.low-fit",
] as const;

type AdviceRule = (typeof ADVICE_RULES)[number];

/** Splits `rule:value` into its parts. A code without a value has `value` undefined. */
export function splitAdviceCode(code: string): { rule: string; value?: string } {
  const at = code.indexOf(":");
  return at < 0 ? { rule: code } : { rule: code.slice(0, at), value: code.slice(at + 1) };
}

const cache = new Map<string, AdviceItem>();

/** A reason or warning. Items are immutable and cached by code: the advisor builds the same few dozen again and again. */
export function advice(rule: AdviceRule, value?: string): AdviceItem {
  const code = value === undefined ? rule : `${rule}:${value}`;
  let item = cache.get(code);
  if (item === undefined) {
    item = Object.freeze({ code });
    cache.set(code, item);
  }
  return item;
}
