/**
 * Integration pattern catalogue and advisor: the Dynamics 365 integration patterns, the throttling facts
 * they refer to, `recommend(scenario)`, the throttling-budget estimate and the decision record the
 * IntegrationPatternPicker stores. No prose: the control localizes every code from its .resx.
 */
export * from "./types";
export * from "./limits";
export * from "./facts";
export { PATTERN_META, PATTERN_IDS, PATTERN_FAMILIES, decodeTraits, getPatternMeta, isPatternId } from "./patterns";
export { ADVICE_RULES, splitAdviceCode } from "./advice";
export {
  recommend,
  requirementLevel,
  isHardWarning,
  RECOMMENDED_THRESHOLD,
  POSSIBLE_THRESHOLD,
  SCENARIO_APPS,
  INTEGRATION_KINDS,
  DIRECTIONS,
  TIMINGS,
  VOLUMES,
  TRIGGER_KINDS,
  INITIATORS,
  DEPLOYMENTS,
  REQUIREMENTS,
} from "./recommend";
export * from "./budget";
export * from "./decision";
export * from "./markdown";
