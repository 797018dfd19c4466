/**
 * The decision record saved in the optional multiple-lines column: the scenario, the chosen pattern,
 * the advisor's reasons and warnings for it, an optional budget estimate and a timestamp, as JSON.
 */
import { estimateBudget, type BudgetInput } from "./budget";
import { getPatternMeta } from "./patterns";
import { normalizeScenario, ratePattern } from "./recommend";
import type { AdviceItem, Fit, Scenario } from "./types";

export const DECISION_SCHEMA = "integrationkit.pattern-decision";
export const DECISION_VERSION = 1;

export interface DecisionBudget {
  input: BudgetInput;
  requestsPer5Min: number;
  operationsPer24h: number;
  throttled: boolean;
}

export interface PatternDecision {
  schema: typeof DECISION_SCHEMA;
  version: number;
  patternId: string;
  /** ISO 8601, UTC. */
  decidedAt: string;
  scenario: Scenario;
  fit: Fit;
  score: number;
  reasons: AdviceItem[];
  warnings: AdviceItem[];
  budget?: DecisionBudget;
}

/** Builds the decision for choosing `patternId` in `scenario`. Returns undefined for an unknown id. */
export function createDecision(patternId: string, scenario: Scenario, decidedAt: Date, budget?: BudgetInput): PatternDecision | undefined {
  const meta = getPatternMeta(patternId);
  if (!meta) return undefined;
  const s = normalizeScenario(scenario);
  const rec = ratePattern(meta, s);
  const decision: PatternDecision = {
    schema: DECISION_SCHEMA,
    version: DECISION_VERSION,
    patternId,
    decidedAt: decidedAt.toISOString(),
    scenario: s,
    fit: rec.fit,
    score: rec.score,
    reasons: rec.reasons,
    warnings: rec.warnings,
  };
  if (budget) {
    const est = estimateBudget(budget);
    decision.budget = { input: budget, requestsPer5Min: est.requestsPer5Min, operationsPer24h: est.operationsPer24h, throttled: est.throttled };
  }
  return decision;
}

/**
 * Compact JSON for the column. When the column's maximum length is known and the full record does not
 * fit, the English messages are dropped (codes stay, they are enough to explain the choice); returns
 * undefined when even that does not fit, so the caller can report it instead of writing a cut record.
 */
export function serializeDecision(decision: PatternDecision, maxLength?: number): string | undefined {
  const full = JSON.stringify(decision);
  if (maxLength === undefined || maxLength <= 0 || full.length <= maxLength) return full;
  const codesOnly = JSON.stringify({
    ...decision,
    reasons: decision.reasons.map((r) => ({ code: r.code, message: "" })),
    warnings: decision.warnings.map((w) => ({ code: w.code, message: "" })),
  });
  return codesOnly.length <= maxLength ? codesOnly : undefined;
}

export type DecisionParseResult =
  | { status: "empty" }
  | { status: "ok"; decision: PatternDecision }
  | { status: "invalid-json"; detail: string }
  | { status: "unrecognized" };

function isAdviceList(v: unknown): v is AdviceItem[] {
  return Array.isArray(v) && v.every((x) => x !== null && typeof x === "object" && typeof (x as AdviceItem).code === "string" && typeof (x as AdviceItem).message === "string");
}

/**
 * Reads a stored decision. Never throws: an empty column is "empty", text that is not JSON is
 * "invalid-json", JSON that is not one of our decisions is "unrecognized".
 */
export function parseDecision(raw: string | null | undefined): DecisionParseResult {
  if (raw === null || raw === undefined || raw.trim() === "") return { status: "empty" };
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (e) {
    return { status: "invalid-json", detail: e instanceof Error ? e.message : String(e) };
  }
  if (data === null || typeof data !== "object" || Array.isArray(data)) return { status: "unrecognized" };
  const d = data as Record<string, unknown>;
  if (
    d.schema !== DECISION_SCHEMA ||
    typeof d.patternId !== "string" ||
    typeof d.decidedAt !== "string" ||
    d.scenario === null ||
    typeof d.scenario !== "object" ||
    !isAdviceList(d.reasons) ||
    !isAdviceList(d.warnings)
  ) {
    return { status: "unrecognized" };
  }
  const fit: Fit = d.fit === "recommended" || d.fit === "possible" || d.fit === "not-suitable" ? d.fit : "possible";
  const decision: PatternDecision = {
    schema: DECISION_SCHEMA,
    version: typeof d.version === "number" ? d.version : DECISION_VERSION,
    patternId: d.patternId,
    decidedAt: d.decidedAt,
    scenario: normalizeScenario(d.scenario),
    fit,
    score: typeof d.score === "number" && Number.isFinite(d.score) ? d.score : 0,
    reasons: d.reasons,
    warnings: d.warnings,
  };
  const b = d.budget as DecisionBudget | undefined;
  if (b && typeof b === "object" && b.input && typeof b.input === "object") decision.budget = b;
  return { status: "ok", decision };
}
