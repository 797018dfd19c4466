/**
 * Reason and warning codes. A code is `<rule>:<input value>` (or `<rule>` alone), so every item names
 * the rule that produced it and the scenario input it comes from. Controls localize by code:
 * `.resx` key `Advice_<rule>` holds the template and `Value_<input value>` fills its `{value}`.
 */
import type { AdviceItem } from "./types";

export type AdviceRule =
  | "apps.match"
  | "apps.cross-app"
  | "apps.one-side"
  | "apps.missing"
  | "apps.prefers"
  | "kind.match"
  | "kind.ui-only"
  | "kind.mismatch"
  | "direction.match"
  | "direction.two-flows"
  | "direction.one-way"
  | "direction.mismatch"
  | "timing.match"
  | "timing.sync-for-nrt"
  | "timing.not-synchronous"
  | "timing.too-slow"
  | "timing.not-scheduled"
  | "volume.match"
  | "volume.stretch"
  | "volume.too-high"
  | "trigger.match"
  | "trigger.mismatch"
  | "deployment.match"
  | "deployment.unavailable"
  | "requirement.core"
  | "requirement.supports"
  | "requirement.cannot"
  | "requirement.rules-out"
  | "throttling.fo-priority"
  | "throttling.dataverse"
  | "specialty.unused"
  | "pattern.superseded"
  | "overall.low-fit";

/** English templates; `{value}` is the English label of the input value in the code. */
export const ADVICE_TEMPLATES: Readonly<Record<AdviceRule, string>> = {
  "apps.match": "Runs in {value}, which the scenario includes.",
  "apps.cross-app": "Made to connect finance and operations with Dataverse, and the scenario involves both.",
  "apps.one-side": "Covers the {value} side of a scenario that spans both apps.",
  "apps.missing": "Needs {value}, which the scenario does not include.",
  "apps.prefers": "Works best when {value} takes part as well.",
  "kind.match": "Suited to {value} integration.",
  "kind.ui-only": "Only embeds screens; it does not move {value} between systems.",
  "kind.mismatch": "Not meant for {value} integration.",
  "direction.match": "Moves data {value}.",
  "direction.two-flows": "Can carry data each way, but as two flows with your own conflict handling.",
  "direction.one-way": "Moves data one way only; pair it with another pattern for the way back.",
  "direction.mismatch": "Cannot move data {value}.",
  "timing.match": "Delivers {value}.",
  "timing.sync-for-nrt": "Synchronous calls also arrive within moments, at the price of coupling both systems.",
  "timing.not-synchronous": "Works asynchronously only, so the caller cannot wait for an answer.",
  "timing.too-slow": "Runs in scheduled batches, so data arrives later than the scenario needs.",
  "timing.not-scheduled": "Not built for schedules; a scheduler or middleware must start each run.",
  "volume.match": "Copes with {value} volumes.",
  "volume.stretch": "Meant for smaller volumes; {value} volumes risk timeouts and throttling.",
  "volume.too-high": "Built for small volumes and throttled; {value} volumes need a batched, asynchronous pattern.",
  "trigger.match": "Can be started by {value}.",
  "trigger.mismatch": "Not usually started by {value}.",
  "deployment.match": "Available {value}.",
  "deployment.unavailable": "Not available {value}.",
  "requirement.core": "Built for this need: {value}.",
  "requirement.supports": "Can meet this need: {value}.",
  "requirement.cannot": "Does not meet this need: {value}.",
  "requirement.rules-out": "The guidance rules it out for this need: {value}.",
  "throttling.fo-priority": "Throttled by finance and operations service protection; at {value} volumes give the integration a high throttling priority and honour Retry-After.",
  "throttling.dataverse": "Counts against Dataverse service-protection and daily request limits; check the budget estimate for {value} volumes.",
  "specialty.unused": "A specialist tool for a need the scenario does not mention: {value}.",
  "pattern.superseded": "An older technique; code components replace it for new work.",
  "overall.low-fit": "Matches few of the scenario's answers.",
};

/** English labels of the input values used in codes. */
export const ADVICE_VALUE_LABELS: Readonly<Record<string, string>> = {
  "finance-operations": "finance and operations apps",
  "customer-engagement": "customer engagement apps (Dataverse)",
  data: "data",
  process: "process",
  ui: "user interface",
  inbound: "into Dynamics 365",
  outbound: "out of Dynamics 365",
  bidirectional: "both ways",
  synchronous: "synchronously, while the caller waits",
  "near-real-time": "within moments, without blocking the sender",
  scheduled: "on a schedule",
  low: "low",
  medium: "medium",
  high: "high",
  user: "a user action",
  "system-event": "a system event",
  schedule: "a schedule",
  cloud: "in the cloud",
  "on-premises": "on-premises",
  "change-tracking": "change tracking for incremental loads",
  "no-replication": "keep a single copy of the data",
  "regulatory-format": "official document formats for authorities",
  "ad-hoc-editing": "quick manual edits and ad-hoc extracts",
  notification: "notify other systems when something happens",
  "shared-master-data": "master data shared by both apps",
  "transformation-inside": "transform data inside Dynamics 365",
  "low-code": "build it with low code",
  "telephony-chat": "telephony, chat or messaging",
  "reports-dashboards": "reports and dashboards",
  "invoke-action": "start an action or get one value back",
  pcf: "Power Apps component framework",
};

/** Splits `rule:value` into its parts. A code without a value has `value` undefined. */
export function splitAdviceCode(code: string): { rule: string; value?: string } {
  const at = code.indexOf(":");
  return at < 0 ? { rule: code } : { rule: code.slice(0, at), value: code.slice(at + 1) };
}

const cache = new Map<string, AdviceItem>();

/**
 * A reason or warning with its English message. Items are immutable and cached by code: the advisor
 * builds the same few dozen items again and again, and formatting them dominated its run time.
 */
export function advice(rule: AdviceRule, value?: string): AdviceItem {
  const code = value === undefined ? rule : `${rule}:${value}`;
  let item = cache.get(code);
  if (item === undefined) {
    const label = value === undefined ? "" : (ADVICE_VALUE_LABELS[value] ?? value);
    item = Object.freeze({ code, message: ADVICE_TEMPLATES[rule].replace("{value}", label) });
    cache.set(code, item);
  }
  return item;
}
