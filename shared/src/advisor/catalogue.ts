/**
 * The full catalogue: structured facts (patterns.ts) joined with English prose (patternText.ts).
 * Import this for documentation, tests and exports; the advisor itself needs only patterns.ts.
 */
import { PATTERN_META } from "./patterns";
import { PATTERN_TEXT } from "./patternText";
import type { IntegrationPattern } from "./types";

export const PATTERN_CATALOGUE: readonly IntegrationPattern[] = PATTERN_META.map((meta) => {
  const text = PATTERN_TEXT[meta.id];
  return {
    id: meta.id,
    name: text.name,
    appFamily: meta.appFamily,
    families: meta.families,
    mechanism: text.mechanism,
    trigger: text.trigger,
    pros: text.pros,
    cons: text.cons,
    useWhen: text.useWhen,
    needs: text.needs,
    throttling: text.throttling,
    throttlingFacts: meta.throttlingFacts,
    source: meta.source,
    traits: meta.traits,
  };
});

export function getPattern(id: string): IntegrationPattern | undefined {
  return PATTERN_CATALOGUE.find((p) => p.id === id);
}
