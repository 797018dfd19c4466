/**
 * "Copy as Markdown": the decision record as a section of a design document. Pure: the control passes
 * every label and text in the user's language.
 */
import { getPatternMeta } from "./patterns";
import type { PatternDecision } from "./decision";
import type { AdviceItem, Fit } from "./types";

export interface DecisionMarkdownText {
  title: string;
  pattern: string;
  decidedAt: string;
  fit: string;
  answers: string;
  reasons: string;
  warnings: string;
  budget: string;
  sources: string;
  none: string;
  patternName: (id: string) => string;
  fitLabel: (fit: Fit, score: number) => string;
  /** The decision time in the user's format and time zone. */
  date: (iso: string) => string;
  /** Question and answer labels of one scenario answer. */
  answer: (question: string, value: string) => { question: string; answer: string };
  advice: (item: AdviceItem) => string;
  /** Lines describing the stored budget estimate. */
  budgetLines: (budget: NonNullable<PatternDecision["budget"]>) => string[];
}

/** Escapes the characters that would turn plain text into Markdown markup. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+\-!|]/g, (c) => `\\${c}`).replace(/\r?\n/g, " ");
}

export function decisionToMarkdown(decision: PatternDecision, text: DecisionMarkdownText): string {
  const e = escapeMarkdown;
  const list = (items: string[]): string[] => (items.length > 0 ? items.map((x) => `- ${e(x)}`) : [`- ${e(text.none)}`]);
  const lines: string[] = [`## ${e(text.title)}`, ""];
  lines.push(`- **${e(text.pattern)}:** ${e(text.patternName(decision.patternId))} (\`${decision.patternId.replace(/`/g, "")}\`)`);
  lines.push(`- **${e(text.decidedAt)}:** ${e(text.date(decision.decidedAt))}`);
  lines.push(`- **${e(text.fit)}:** ${e(text.fitLabel(decision.fit, decision.score))}`, "");

  const answers: string[] = [];
  for (const [question, value] of Object.entries(decision.scenario)) {
    const values = Array.isArray(value) ? (value as string[]) : [String(value)];
    const parts = values.map((v) => text.answer(question, v));
    if (parts.length > 0) answers.push(`${parts[0].question}: ${parts.map((p) => p.answer).join(", ")}`);
  }
  lines.push(`### ${e(text.answers)}`, "", ...list(answers), "");
  lines.push(`### ${e(text.reasons)}`, "", ...list(decision.reasons.map(text.advice)), "");
  lines.push(`### ${e(text.warnings)}`, "", ...list(decision.warnings.map(text.advice)), "");
  if (decision.budget) lines.push(`### ${e(text.budget)}`, "", ...list(text.budgetLines(decision.budget)), "");
  const meta = getPatternMeta(decision.patternId);
  const sources = meta ? [`${meta.source.page}: ${meta.source.section}`] : [];
  lines.push(`### ${e(text.sources)}`, "", ...list(sources));
  return lines.join("\n") + "\n";
}
