/**
 * Localized text helpers: every visible string comes from the .resx through `t`. Advice items are
 * localized by their stable code (`Advice_<rule>` + `Value_<value>`); the English message from the
 * advisor is the fallback only when a key is missing.
 */
import { splitAdviceCode, type AdviceItem, type AppFamily, type PatternFamily } from "@integrationkit/shared";

export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** The translator returns the key itself when the .resx has no entry. */
function has(t: Translate, key: string): boolean {
  return t(key) !== key;
}

export function adviceText(t: Translate, item: AdviceItem): string {
  const { rule, value } = splitAdviceCode(item.code);
  const key = `Advice_${rule}`;
  if (!has(t, key)) return item.message || item.code;
  const valueKey = value === undefined ? undefined : value === "pcf" ? "Pattern_pcf_Name" : `Value_${value}`;
  const label = valueKey === undefined ? "" : has(t, valueKey) ? t(valueKey) : (value ?? "");
  return t(key, { value: label });
}

export function patternName(t: Translate, id: string): string {
  const key = `Pattern_${id}_Name`;
  return has(t, key) ? t(key) : id;
}

/** Pattern prose: `Pattern_<id>_<field>`; list fields are numbered `_1`, `_2`, ... */
export function patternField(t: Translate, id: string, field: string): string {
  return t(`Pattern_${id}_${field}`);
}

export function patternList(t: Translate, id: string, field: "Pro" | "Con"): string[] {
  const out: string[] = [];
  for (let i = 1; i <= 5; i++) {
    const key = `Pattern_${id}_${field}_${i}`;
    if (!has(t, key)) break;
    out.push(t(key));
  }
  return out;
}

export function appFamilyLabel(t: Translate, family: AppFamily): string {
  return t(`AppFamily_${family}`);
}

export function patternFamilyLabel(t: Translate, family: PatternFamily): string {
  return t(`Family_${family}`);
}

export function formatNumber(n: number): string {
  return Math.round(n).toLocaleString();
}
