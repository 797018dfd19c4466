/**
 * Integration pattern catalogue and advisor (issue 3): the 22 Dynamics 365 integration patterns,
 * throttling facts they refer to, `recommend(scenario)`, the throttling-budget estimate and the
 * decision record the IntegrationPatternPicker stores.
 */
export * from "./types";
export * from "./limits";
export * from "./facts";
export { PATTERN_META, PATTERN_IDS, PATTERN_FAMILIES, DEFAULT_REQUIREMENT_LEVEL, getPatternMeta, isPatternId, type PatternMeta } from "./patterns";
export { PATTERN_TEXT, type PatternText } from "./patternText";
export { PATTERN_CATALOGUE, getPattern } from "./catalogue";
export { ADVICE_TEMPLATES, ADVICE_VALUE_LABELS, splitAdviceCode, advice, type AdviceRule } from "./advice";
export {
  recommend,
  ratePattern,
  normalizeScenario,
  requirementLevel,
  isHardWarning,
  CRITERION_WEIGHTS,
  RECOMMENDED_THRESHOLD,
  POSSIBLE_THRESHOLD,
  SCENARIO_APPS,
  INTEGRATION_KINDS,
  DIRECTIONS,
  TIMINGS,
  VOLUMES,
  TRIGGER_KINDS,
  DEPLOYMENTS,
  REQUIREMENTS,
} from "./recommend";
export * from "./budget";
export * from "./decision";
