/**
 * The advisor: ranks every pattern for a scenario. Pure and deterministic.
 *
 * Each answered question is a criterion with a weight; a pattern's score is the weighted mean of its
 * per-criterion fit (0..1), so one pattern's score never depends on the others. Hard constraints mark
 * the pattern as ruled out (its score is scaled down, its fit is "not-suitable", a warning says why):
 * - apps: a pattern that needs Dataverse when the scenario names finance and operations only, and the
 *   other way round;
 * - what the pattern cannot do at all: the wrong kind, direction or timing (a scheduled-only pattern for
 *   a near-real-time need, an asynchronous one for a synchronous need), the wrong party starting the
 *   call (`initiatedBy`), more than twice its volume class;
 * - deployment: on-premises finance and operations supports the Data management package REST API only
 *   (FO "Integration overview", data-entities/integration-overview.md);
 * - a stated need the pattern rules out, such as notification for a polling interface.
 */
import { advice } from "./advice";
import { CODES, DEFAULT_REQUIREMENT_LEVEL, PATTERN_META, type PatternMeta } from "./patterns";
import type {
  AdviceItem,
  Deployment,
  Direction,
  Fit,
  InitiatedBy,
  IntegrationKind,
  Recommendation,
  Requirement,
  RequirementLevel,
  Scenario,
  ScenarioApp,
  Timing,
  TriggerKind,
  Volume,
} from "./types";

// The answer lists, in the order the questions offer them, from the pattern table's letter codes.
export const SCENARIO_APPS: readonly ScenarioApp[] = Object.values(CODES.APP);
export const INTEGRATION_KINDS: readonly IntegrationKind[] = Object.values(CODES.KIND);
export const DIRECTIONS: readonly Direction[] = Object.values(CODES.DIR);
export const TIMINGS: readonly Timing[] = Object.values(CODES.TIME);
export const VOLUMES: readonly Volume[] = Object.values(CODES.VOL);
export const TRIGGER_KINDS: readonly TriggerKind[] = Object.values(CODES.TRIG);
export const INITIATORS: readonly InitiatedBy[] = Object.values(CODES.INIT);
export const DEPLOYMENTS: readonly Deployment[] = Object.values(CODES.DEPL);
export const REQUIREMENTS: readonly Requirement[] = Object.values(CODES.REQ);

/** How much each answer counts. Needs the user ticks explicitly weigh most. */
const CRITERION_WEIGHTS = {
  apps: 2,
  kind: 2,
  direction: 2,
  timing: 2,
  volume: 3,
  trigger: 1,
  initiator: 2,
  deployment: 2,
  requirement: 2.5,
  specialty: 1.5,
} as const;

/** Score with no answers at all: every pattern is equally possible. */
const NEUTRAL_SCORE = 0.5;
/** Ruled-out patterns keep a trace of their fit so they still sort among themselves. */
const RULED_OUT_FACTOR = 0.3;
/** Superseded techniques rank just below their replacement. */
const SUPERSEDED_FACTOR = 0.9;
export const RECOMMENDED_THRESHOLD = 0.8;
export const POSSIBLE_THRESHOLD = 0.45;

const REQUIREMENT_FIT: Readonly<Record<RequirementLevel, number>> = {
  core: 1,
  supports: 0.7,
  weak: 0.2,
  cannot: 0,
  "rules-out": 0,
};

const FIT_RANK: Readonly<Record<Fit, number>> = { recommended: 0, possible: 1, "not-suitable": 2 };

function pick<T extends string>(allowed: readonly T[], value: unknown): T | undefined {
  return typeof value === "string" && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

function pickList<T extends string>(allowed: readonly T[], value: unknown): T[] {
  if (!Array.isArray(value)) return [];
  const out: T[] = [];
  for (const item of value) {
    const v = pick(allowed, item);
    if (v !== undefined && !out.includes(v)) out.push(v);
  }
  return out;
}

/** The single-answer questions, in scenario order. */
const SINGLE_ANSWERS: readonly [SingleKey, readonly string[]][] = [
  ["kind", INTEGRATION_KINDS],
  ["direction", DIRECTIONS],
  ["timing", TIMINGS],
  ["volume", VOLUMES],
  ["trigger", TRIGGER_KINDS],
  ["initiatedBy", INITIATORS],
  ["deployment", DEPLOYMENTS],
];
type SingleKey = "kind" | "direction" | "timing" | "volume" | "trigger" | "initiatedBy" | "deployment";

/**
 * Drops unknown values and duplicates, so a scenario read back from a stored decision (or typed by
 * hand) cannot make the advisor throw. Unknown answers count as "not answered".
 */
export function normalizeScenario(input: unknown): Scenario {
  const s = (input !== null && typeof input === "object" ? input : {}) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const apps = pickList(SCENARIO_APPS, s.apps);
  if (apps.length > 0) out.apps = apps;
  for (const [key, allowed] of SINGLE_ANSWERS) {
    const v = pick(allowed, s[key]);
    if (v) out[key] = v;
  }
  const requirements = pickList(REQUIREMENTS, s.requirements);
  if (requirements.length > 0) out.requirements = requirements;
  return out;
}

interface Tally {
  weighted: number;
  weights: number;
  ruledOut: boolean;
  reasons: AdviceItem[];
  warnings: AdviceItem[];
}

function add(t: Tally, weight: number, fit: number): void {
  t.weighted += weight * fit;
  t.weights += weight;
}

function judgeApps(t: Tally, meta: PatternMeta, apps: ScenarioApp[]): void {
  const w = CRITERION_WEIGHTS.apps;
  const missing = meta.traits.requiresApps.filter((a) => !apps.includes(a));
  if (missing.length > 0) {
    for (const app of missing) t.warnings.push(advice("apps.missing", app));
    t.ruledOut = true;
    add(t, w, 0);
    return;
  }
  const both = SCENARIO_APPS.every((a) => apps.includes(a));
  if (meta.appFamily === "cross-app") {
    const absent = (meta.traits.prefersApps ?? []).filter((a) => !apps.includes(a));
    if (absent.length > 0) {
      for (const app of absent) t.warnings.push(advice("apps.prefers", app));
      add(t, w, 0.5);
    } else if (both) {
      t.reasons.push(advice("apps.cross-app"));
      add(t, w, 1);
    } else {
      t.reasons.push(advice("apps.match", apps[0]));
      add(t, w, 1);
    }
    return;
  }
  const own = meta.traits.requiresApps[0];
  if (both) {
    t.reasons.push(advice("apps.one-side", own));
    add(t, w, 0.7);
  } else {
    t.reasons.push(advice("apps.match", own));
    add(t, w, 1);
  }
}

function judgeKind(t: Tally, meta: PatternMeta, kind: IntegrationKind): void {
  const w = CRITERION_WEIGHTS.kind;
  const kinds = meta.traits.kinds;
  if (kinds.includes(kind)) {
    t.reasons.push(advice("kind.match", kind));
    add(t, w, 1);
  } else if (kinds.length === 1 && kinds[0] === "ui") {
    t.warnings.push(advice("kind.ui-only", kind));
    t.ruledOut = true;
    add(t, w, 0);
  } else {
    t.warnings.push(advice("kind.mismatch", kind));
    t.ruledOut = true;
    add(t, w, 0);
  }
}

function judgeDirection(t: Tally, meta: PatternMeta, direction: Direction): void {
  const w = CRITERION_WEIGHTS.direction;
  const dirs = meta.traits.directions;
  if (dirs.includes(direction)) {
    t.reasons.push(advice("direction.match", direction));
    add(t, w, 1);
  } else if (direction === "bidirectional") {
    if (dirs.includes("inbound") && dirs.includes("outbound")) {
      t.warnings.push(advice("direction.two-flows", direction));
      add(t, w, 0.6);
    } else {
      t.warnings.push(advice("direction.one-way", direction));
      t.ruledOut = true;
      add(t, w, 0);
    }
  } else {
    t.warnings.push(advice("direction.mismatch", direction));
    t.ruledOut = true;
    add(t, w, 0);
  }
}

function judgeTiming(t: Tally, meta: PatternMeta, timing: Timing): void {
  const w = CRITERION_WEIGHTS.timing;
  const timings = meta.traits.timings;
  if (timings.includes(timing)) {
    t.reasons.push(advice("timing.match", timing));
    add(t, w, 1);
  } else if (timing === "synchronous") {
    // For example Service Bus steps: asynchronous only (PA azure-integration.md).
    t.warnings.push(advice("timing.not-synchronous", timing));
    t.ruledOut = true;
    add(t, w, 0);
  } else if (timing === "near-real-time") {
    if (timings.includes("synchronous")) {
      t.warnings.push(advice("timing.sync-for-nrt", timing));
      add(t, w, 0.7);
    } else {
      // A scheduled, batched interface (the package API) is never near-real-time.
      t.warnings.push(advice("timing.too-slow", timing));
      t.ruledOut = true;
      add(t, w, 0);
    }
  } else {
    t.warnings.push(advice("timing.not-scheduled", timing));
    add(t, w, 0.5);
  }
}

function judgeVolume(t: Tally, meta: PatternMeta, volume: Volume): void {
  const w = CRITERION_WEIGHTS.volume;
  const gap = VOLUMES.indexOf(volume) - VOLUMES.indexOf(meta.traits.maxVolume);
  if (gap <= 0) {
    t.reasons.push(advice("volume.match", volume));
    add(t, w, 1);
  } else if (gap === 1) {
    t.warnings.push(advice("volume.stretch", volume));
    add(t, w, 0.3);
  } else {
    // More than "a few hundred thousand records" belongs in the batch data API (FO integration-overview.md).
    t.warnings.push(advice("volume.too-high", volume));
    t.ruledOut = true;
    add(t, w, 0);
  }
  if (volume !== "low" && meta.throttlingFacts.includes("fo-priority-based")) {
    t.warnings.push(advice("throttling.fo-priority", volume));
  }
  if (volume === "high" && meta.throttlingFacts.includes("dataverse-service-protection")) {
    t.warnings.push(advice("throttling.dataverse", volume));
  }
}

function judgeTrigger(t: Tally, meta: PatternMeta, trigger: TriggerKind): void {
  const w = CRITERION_WEIGHTS.trigger;
  if (meta.traits.triggers.includes(trigger)) {
    t.reasons.push(advice("trigger.match", trigger));
    add(t, w, 1);
  } else {
    t.warnings.push(advice("trigger.mismatch", trigger));
    add(t, w, 0.3);
  }
}

function judgeInitiator(t: Tally, meta: PatternMeta, initiatedBy: InitiatedBy): void {
  const w = CRITERION_WEIGHTS.initiator;
  if (meta.traits.initiators.includes(initiatedBy)) {
    t.reasons.push(advice("initiator.match", initiatedBy));
    add(t, w, 1);
  } else {
    // Consuming web services means finance and operations calls out; OData, custom services and the
    // package API wait for the external system to call them.
    t.warnings.push(advice("initiator.mismatch", initiatedBy));
    t.ruledOut = true;
    add(t, w, 0);
  }
}

function judgeDeployment(t: Tally, meta: PatternMeta, deployment: Deployment): void {
  const w = CRITERION_WEIGHTS.deployment;
  if (meta.disputedDeployment === deployment) {
    // The sources disagree (recurring integrations on-premises): possible, with a warning.
    t.warnings.push(advice("deployment.disputed", deployment));
    add(t, w, 0.5);
  } else if (meta.traits.deployments.includes(deployment)) {
    t.reasons.push(advice("deployment.match", deployment));
    add(t, w, 1);
  } else {
    t.warnings.push(advice("deployment.unavailable", deployment));
    t.ruledOut = true;
    add(t, w, 0);
  }
}

/**
 * The level a pattern has for a requirement (its own entry, else the default). Change tracking is per
 * app: in finance and operations the package API is the only interface with it, so every other finance
 * and operations pattern is ruled out for it; Dataverse has its own change tracking (PA "Use change
 * tracking to synchronize data with external systems") and F&O virtual tables have Track changes.
 */
export function requirementLevel(meta: PatternMeta, requirement: Requirement): RequirementLevel {
  const own = meta.traits.requirements[requirement];
  if (own !== undefined) return own;
  if (requirement === "change-tracking" && meta.appFamily === "finance-operations") return "rules-out";
  return DEFAULT_REQUIREMENT_LEVEL[requirement];
}

function judgeRequirement(t: Tally, meta: PatternMeta, requirement: Requirement): void {
  const level = requirementLevel(meta, requirement);
  add(t, CRITERION_WEIGHTS.requirement, REQUIREMENT_FIT[level]);
  if (level === "core") t.reasons.push(advice("requirement.core", requirement));
  else if (level === "supports") t.reasons.push(advice("requirement.supports", requirement));
  else if (level === "cannot") t.warnings.push(advice("requirement.cannot", requirement));
  else if (level === "rules-out") {
    t.warnings.push(advice("requirement.rules-out", requirement));
    t.ruledOut = true;
  }
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** One answered question: a memo key (criterion and answer) and the judge for it. */
interface Criterion {
  key: string;
  judge: (t: Tally, meta: PatternMeta) => void;
}

type Judge = (t: Tally, meta: PatternMeta, value: string) => void;
/** Each single-answer question with its criterion name (the first part of its advice codes) and judge. */
const SINGLE_JUDGES: readonly [SingleKey, string, Judge][] = [
  ["kind", "kind", judgeKind as Judge],
  ["direction", "direction", judgeDirection as Judge],
  ["timing", "timing", judgeTiming as Judge],
  ["volume", "volume", judgeVolume as Judge],
  ["trigger", "trigger", judgeTrigger as Judge],
  ["initiatedBy", "initiator", judgeInitiator as Judge],
  ["deployment", "deployment", judgeDeployment as Judge],
];

/** The answered questions of a normalized scenario, in a fixed order (the order of reasons). */
function criteriaOf(s: Scenario): Criterion[] {
  const out: Criterion[] = [];
  const apps = s.apps;
  if (apps && apps.length > 0) out.push({ key: `apps:${[...apps].sort().join(",")}`, judge: (t, m) => judgeApps(t, m, apps) });
  for (const [key, name, judge] of SINGLE_JUDGES) {
    const v = s[key] as string | undefined;
    if (v) out.push({ key: `${name}:${v}`, judge: (t, m) => judge(t, m, v) });
  }
  for (const r of s.requirements ?? []) out.push({ key: `requirement:${r}`, judge: (t, m) => judgeRequirement(t, m, r) });
  return out;
}

function emptyTally(): Tally {
  return { weighted: 0, weights: 0, ruledOut: false, reasons: [], warnings: [] };
}

/**
 * Judgements depend only on the pattern and one answer, so each answer is judged once for the whole
 * catalogue and reused (one map lookup per answer, not per answer and pattern): this keeps recommend()
 * under its 50 µs budget (see test/bench/advisor.bench.ts). The keys are few (one per question and
 * value), so the memo stays small.
 */
const judgementMemo = new Map<string, Tally[]>();
const PATTERN_INDEX = new Map<PatternMeta, number>(PATTERN_META.map((m, i) => [m, i]));

function judgedRow(c: Criterion): Tally[] {
  let row = judgementMemo.get(c.key);
  if (row === undefined) {
    row = PATTERN_META.map((meta) => {
      const j = emptyTally();
      c.judge(j, meta);
      return j;
    });
    judgementMemo.set(c.key, row);
  }
  return row;
}

function judgedFor(meta: PatternMeta, c: Criterion, rows: Tally[][] | undefined, k: number): Tally {
  const index = PATTERN_INDEX.get(meta);
  if (rows !== undefined && index !== undefined) return rows[k][index];
  if (index !== undefined) return judgedRow(c)[index];
  const j = emptyTally();
  c.judge(j, meta);
  return j;
}

/** Rates one pattern for an already normalized scenario. */
export function ratePattern(meta: PatternMeta, s: Scenario): Recommendation {
  return rate(meta, s, criteriaOf(s), undefined).rec;
}

function rate(
  meta: PatternMeta,
  s: Scenario,
  criteria: Criterion[],
  rows: Tally[][] | undefined,
): { rec: Recommendation; ruledOut: boolean } {
  const t = emptyTally();
  for (let k = 0; k < criteria.length; k++) {
    const j = judgedFor(meta, criteria[k], rows, k);
    t.weighted += j.weighted;
    t.weights += j.weights;
    if (j.ruledOut) t.ruledOut = true;
    for (const x of j.reasons) t.reasons.push(x);
    for (const x of j.warnings) t.warnings.push(x);
  }
  // A specialist tool (for example electronic reporting) loses ground when its one need is not asked for.
  if (meta.specialty && t.weights > 0 && !(s.requirements ?? []).includes(meta.specialty)) {
    t.warnings.push(advice("specialty.unused", meta.specialty));
    add(t, CRITERION_WEIGHTS.specialty, 0.3);
  }

  let score = t.weights > 0 ? t.weighted / t.weights : NEUTRAL_SCORE;
  if (meta.supersededBy) {
    score *= SUPERSEDED_FACTOR;
    t.warnings.push(advice("pattern.superseded", meta.supersededBy));
  }
  if (t.ruledOut) score *= RULED_OUT_FACTOR;
  score = round3(Math.min(1, Math.max(0, score)));

  let fit: Fit;
  if (t.ruledOut) fit = "not-suitable";
  else if (score >= RECOMMENDED_THRESHOLD) fit = "recommended";
  else if (score >= POSSIBLE_THRESHOLD) fit = "possible";
  else fit = "not-suitable";
  if (fit === "not-suitable" && t.warnings.length === 0) t.warnings.push(advice("overall.low-fit"));

  return { rec: { patternId: meta.id, score, fit, reasons: t.reasons, warnings: t.warnings }, ruledOut: t.ruledOut };
}

/**
 * Every pattern of the catalogue, best first: by fit, then patterns not ruled out before ruled-out
 * ones, then by score, then in catalogue order (so ties are stable).
 */
export function recommend(scenario: Scenario): Recommendation[] {
  const s = normalizeScenario(scenario);
  const criteria = criteriaOf(s);
  const rows = criteria.map(judgedRow);
  const rated = PATTERN_META.map((meta, index) => {
    const { rec, ruledOut } = rate(meta, s, criteria, rows);
    return { rec, ruledOut, index };
  });
  rated.sort(
    (a, b) =>
      FIT_RANK[a.rec.fit] - FIT_RANK[b.rec.fit] ||
      Number(a.ruledOut) - Number(b.ruledOut) ||
      b.rec.score - a.rec.score ||
      a.index - b.index,
  );
  return rated.map((r) => r.rec);
}

const HARD_RULES = new Set([
  "apps.missing",
  "kind.ui-only",
  "kind.mismatch",
  "direction.mismatch",
  "direction.one-way",
  "timing.not-synchronous",
  "timing.too-slow",
  "initiator.mismatch",
  "volume.too-high",
  "deployment.unavailable",
  "requirement.rules-out",
]);

/** Whether a warning code is a hard constraint (the pattern is ruled out by it). */
export function isHardWarning(code: string): boolean {
  const at = code.indexOf(":");
  return HARD_RULES.has(at < 0 ? code : code.slice(0, at));
}
