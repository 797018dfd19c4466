/**
 * The decision record saved in the optional multiple-lines column: the scenario, the chosen pattern,
 * the advisor's reasons and warnings for it, an optional budget estimate and a timestamp, as JSON.
 *
 * Reading is defensive: every field is type-checked, nesting deeper than DECISION_MAX_DEPTH is refused
 * (JSON.stringify of 10,000 levels throws RangeError), dates must be real dates. Reading is also
 * forward compatible: fields and scenario answers a newer version wrote are kept and written back.
 */
import { BUDGET_FIELDS, BUDGET_IDENTITIES, estimateBudget, type BudgetInput } from "./budget";
import { getPatternMeta } from "./patterns";
import { normalizeScenario, ratePattern } from "./recommend";
import type { AdviceItem, Fit, Scenario } from "./types";

export const DECISION_SCHEMA = "integrationkit.pattern-decision";
const DECISION_VERSION = 2;
/** The deepest nesting a stored decision may have; ours is 4 levels deep. */
export const DECISION_MAX_DEPTH = 32;

interface DecisionBudget {
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
  /** Top-level fields this version does not know (from a newer version): written back unchanged. */
  extra?: Record<string, unknown>;
  /** Scenario answers this version does not know (new questions or new values): written back unchanged. */
  scenarioExtra?: Record<string, unknown>;
}

const KNOWN_FIELDS = new Set(["schema", "version", "patternId", "decidedAt", "scenario", "fit", "score", "reasons", "warnings", "budget"]);

/**
 * Builds the decision for choosing `patternId` in `scenario`. `describe` gives each reason and warning
 * its text (the control passes its localized text); `previous` carries forward what a newer version
 * stored. Returns undefined for an unknown id.
 */
export function createDecision(
  patternId: string,
  scenario: Scenario,
  decidedAt: Date,
  budget?: BudgetInput,
  options: { describe?: (item: AdviceItem) => string; previous?: PatternDecision } = {},
): PatternDecision | undefined {
  const meta = getPatternMeta(patternId);
  if (!meta || Number.isNaN(decidedAt.getTime())) return undefined;
  const s = normalizeScenario(scenario);
  const rec = ratePattern(meta, s);
  const describe = options.describe;
  const withText = (items: AdviceItem[]): AdviceItem[] =>
    items.map((i) => (describe ? { code: i.code, message: describe(i) } : { code: i.code }));
  const decision: PatternDecision = {
    schema: DECISION_SCHEMA,
    version: DECISION_VERSION,
    patternId,
    decidedAt: decidedAt.toISOString(),
    scenario: s,
    fit: rec.fit,
    score: rec.score,
    reasons: withText(rec.reasons),
    warnings: withText(rec.warnings),
  };
  if (budget) {
    const est = estimateBudget(budget);
    decision.budget = {
      input: { ...budget },
      requestsPer5Min: est.requestsPer5Min,
      operationsPer24h: est.operationsPer24h,
      throttled: est.throttled,
    };
  }
  if (options.previous?.extra) decision.extra = options.previous.extra;
  if (options.previous?.scenarioExtra) {
    // Only answers the user has not given in this version's terms come back.
    const extra: Record<string, unknown> = {};
    // Unknown list items always come back (merged on write); an unknown single answer only while the user leaves that question open.
    for (const [k, v] of Object.entries(options.previous.scenarioExtra)) if (Array.isArray(v) || !(k in s)) extra[k] = v;
    if (Object.keys(extra).length > 0) decision.scenarioExtra = extra;
  }
  return decision;
}

function toJson(decision: PatternDecision, codesOnly: boolean): string {
  const { extra, scenarioExtra, ...known } = decision;
  const items = (list: AdviceItem[]) => (codesOnly ? list.map((i) => ({ code: i.code })) : list);
  const scenario: Record<string, unknown> = { ...scenarioExtra, ...known.scenario };
  for (const [k, v] of Object.entries(scenarioExtra ?? {})) {
    const mine = (known.scenario as Record<string, unknown>)[k];
    if (Array.isArray(v) && Array.isArray(mine)) scenario[k] = [...(mine as unknown[]), ...(v as unknown[])];
  }
  return JSON.stringify({
    ...extra,
    ...known,
    scenario,
    reasons: items(known.reasons),
    warnings: items(known.warnings),
  });
}

/**
 * Compact JSON for the column. When the column's maximum length is known and the full record does not
 * fit, the messages are dropped (codes stay, they are enough to explain the choice); returns undefined
 * when even that does not fit, so the caller can report it instead of writing a cut record. Never throws.
 */
export function serializeDecision(decision: PatternDecision, maxLength?: number): string | undefined {
  let full: string;
  try {
    full = toJson(decision, false);
  } catch {
    return undefined;
  }
  if (maxLength === undefined || maxLength <= 0 || full.length <= maxLength) return full;
  const short = toJson(decision, true);
  return short.length <= maxLength ? short : undefined;
}

/** Which field made a stored decision unusable; the control names it in its message. */
type DecisionField = "schema" | "version" | "patternId" | "decidedAt" | "scenario" | "fit" | "score" | "reasons" | "warnings" | "budget";

export type DecisionParseResult =
  | { status: "empty" }
  | { status: "ok"; decision: PatternDecision }
  | { status: "invalid-json"; detail: string }
  | { status: "too-deep"; maxDepth: number }
  | { status: "invalid-field"; field: DecisionField }
  | { status: "unrecognized" };

/** Nesting depth of a parsed JSON value, walked without recursion and stopping once over `limit`. */
export function jsonDepth(value: unknown, limit = DECISION_MAX_DEPTH): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== "object") continue;
    if (d > max) max = d;
    if (max > limit) return max;
    for (const child of Array.isArray(v) ? v : Object.values(v as Record<string, unknown>)) {
      if (child !== null && typeof child === "object") stack.push([child, d + 1]);
    }
  }
  return max;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

function readAdviceList(v: unknown): AdviceItem[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const out: AdviceItem[] = [];
  for (const x of v) {
    if (!isRecord(x) || typeof x.code !== "string" || (x.message !== undefined && typeof x.message !== "string")) return undefined;
    out.push(x.message === undefined ? { code: x.code } : { code: x.code, message: x.message });
  }
  return out;
}

/** ISO 8601 with a time, as toISOString writes it (offsets allowed), and a real calendar date. */
function isRealIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.exec(s);
  if (!m) return false;
  const t = Date.parse(s);
  if (Number.isNaN(t)) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // Date.parse rolls 2025-02-30 over to March in some engines: check the day exists.
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d;
}

function readBudget(v: unknown): DecisionBudget | undefined {
  if (!isRecord(v) || !isRecord(v.input)) return undefined;
  const input: Record<string, unknown> = {};
  for (const field of BUDGET_FIELDS) {
    const x = v.input[field];
    if (x === undefined || x === null) continue;
    if (typeof x !== "number") return undefined;
    input[field] = x;
  }
  for (const field of ["recordsPerRun", "runsPerDay", "batchSize"]) if (typeof input[field] !== "number") return undefined;
  const identity = v.input.identity;
  if (identity !== undefined && !(BUDGET_IDENTITIES as readonly unknown[]).includes(identity)) return undefined;
  if (identity !== undefined) input.identity = identity;
  const num = (x: unknown) => (typeof x === "number" && Number.isFinite(x) ? x : 0);
  return {
    input: input as unknown as BudgetInput,
    requestsPer5Min: num(v.requestsPer5Min),
    operationsPer24h: num(v.operationsPer24h),
    throttled: v.throttled === true,
  };
}

/**
 * Reads a stored decision. Never throws: an empty column is "empty", text that is not JSON is
 * "invalid-json", nesting beyond the limit is "too-deep", one of our decisions with a field of the
 * wrong type is "invalid-field" (naming it), JSON that is not one of our decisions is "unrecognized".
 */
export function parseDecision(raw: string | null | undefined): DecisionParseResult {
  if (raw === null || raw === undefined || typeof raw !== "string" || raw.trim() === "") return { status: "empty" };
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (e) {
    return { status: "invalid-json", detail: e instanceof Error ? e.message : String(e) };
  }
  if (jsonDepth(data) > DECISION_MAX_DEPTH) return { status: "too-deep", maxDepth: DECISION_MAX_DEPTH };
  if (!isRecord(data) || data.schema !== DECISION_SCHEMA) return { status: "unrecognized" };
  const d = data;
  const bad = (field: DecisionField): DecisionParseResult => ({ status: "invalid-field", field });
  if (d.version !== undefined && !(typeof d.version === "number" && Number.isInteger(d.version) && d.version >= 1)) return bad("version");
  if (typeof d.patternId !== "string" || d.patternId.trim() === "" || d.patternId.length > 200) return bad("patternId");
  if (typeof d.decidedAt !== "string" || !isRealIsoDate(d.decidedAt)) return bad("decidedAt");
  if (!isRecord(d.scenario)) return bad("scenario");
  if (d.fit !== undefined && d.fit !== "recommended" && d.fit !== "possible" && d.fit !== "not-suitable") return bad("fit");
  if (d.score !== undefined && !(typeof d.score === "number" && d.score >= 0 && d.score <= 1)) return bad("score");
  const reasons = readAdviceList(d.reasons);
  if (!reasons) return bad("reasons");
  const warnings = readAdviceList(d.warnings);
  if (!warnings) return bad("warnings");
  const budget = d.budget === undefined ? undefined : readBudget(d.budget);
  if (d.budget !== undefined && !budget) return bad("budget");

  const scenario = normalizeScenario(d.scenario);
  const decision: PatternDecision = {
    schema: DECISION_SCHEMA,
    version: typeof d.version === "number" ? d.version : 1,
    patternId: d.patternId,
    decidedAt: d.decidedAt,
    scenario,
    fit: d.fit ?? "possible",
    score: typeof d.score === "number" ? d.score : 0,
    reasons,
    warnings,
  };
  if (budget) decision.budget = budget;
  const extra: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(d)) if (!KNOWN_FIELDS.has(k)) extra[k] = v;
  if (Object.keys(extra).length > 0) decision.extra = extra;
  const scenarioExtra: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(d.scenario)) {
    const known = (scenario as Record<string, unknown>)[k];
    if (Array.isArray(v)) {
      // Items this version does not know stay; duplicates of known items were dropped on purpose.
      const foreign = v.filter((x) => !(Array.isArray(known) && (known as unknown[]).includes(x)));
      if (foreign.length > 0) scenarioExtra[k] = foreign;
    } else if (known !== v) scenarioExtra[k] = v;
  }
  if (Object.keys(scenarioExtra).length > 0) decision.scenarioExtra = scenarioExtra;
  return { status: "ok", decision };
}
