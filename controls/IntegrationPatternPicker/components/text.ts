/**
 * Localized text helpers: every visible string comes from the .resx through `t`, with keys typed by
 * the generated `StringKey` union. Advice items are localized by their stable code (`Advice_<rule>` +
 * `Value_<value>`); patterns by id (`Pattern_<id>_<Field>`).
 */
import {
  splitAdviceCode,
  type AdviceItem,
  type IntegrationPattern,
  type AppFamily,
  type Formatters,
  type Localizer,
  type PatternFamily,
  type PatternId,
  type Translate,
} from "@integrationkit/shared";
import type { StringKey } from "../strings/StringKeys";

export type T = Translate<StringKey>;
type PickerLocalizer = Localizer<StringKey>;

/** What every component needs to show text: translations, plurals and the user's formats. */
export interface TextProps {
  t: T;
  plural: PickerLocalizer["plural"];
  formatters: Formatters;
}

type PatternField = "Name" | "Mechanism" | "Trigger" | "UseWhen" | "Skills" | "Alm" | "Licences" | "Throttling" | "Note";

/** The translator returns the key itself when the .resx has no entry. */
function has(t: T, key: string): boolean {
  return t(key as StringKey) !== key;
}

/** A key built at run time from data (an advice code or pattern id); missing keys show as the key. */
function dyn(t: T, key: string, values?: Record<string, string | number>): string {
  return t(key as StringKey, values);
}

export function adviceText(t: T, item: AdviceItem): string {
  const { rule, value } = splitAdviceCode(item.code);
  const key = `Advice_${rule}`;
  if (!has(t, key)) return item.message ?? item.code;
  const valueKey = value === undefined ? undefined : value === "pcf" ? "Pattern_pcf_Name" : `Value_${value}`;
  const label = valueKey === undefined ? "" : has(t, valueKey) ? dyn(t, valueKey) : (value ?? "");
  return dyn(t, key, { value: label });
}

export function patternName(t: T, id: string): string {
  const key = `Pattern_${id}_Name`;
  return has(t, key) ? dyn(t, key) : id;
}

export function patternField(t: T, id: PatternId, field: PatternField): string {
  return dyn(t, `Pattern_${id}_${field}`);
}

/** An optional pattern field (a note), or undefined when the .resx has none. */
export function optionalPatternField(t: T, id: PatternId, field: PatternField): string | undefined {
  const key = `Pattern_${id}_${field}`;
  return has(t, key) ? dyn(t, key) : undefined;
}

function patternList(t: T, id: PatternId, field: "Pro" | "Con"): string[] {
  const out: string[] = [];
  for (let i = 1; i <= 5; i++) {
    const key = `Pattern_${id}_${field}_${i}`;
    if (!has(t, key)) break;
    out.push(dyn(t, key));
  }
  return out;
}

export function appFamilyLabel(t: T, family: AppFamily): string {
  return t(`AppFamily_${family}`);
}

export function patternFamilyLabel(t: T, family: PatternFamily): string {
  return t(`Family_${family}`);
}

/** A scenario answer's label: `Option_<question>_<value>`. */
export function optionLabel(t: T, question: string, value: string): string {
  return dyn(t, `Option_${question}_${value}`);
}

export function questionLabel(t: T, question: string): string {
  return dyn(t, `Question_${question}`);
}

/** Very long values (a 100,000-character text typed elsewhere) are cut for display; the full text stays in the column. */
const DISPLAY_MAX = 200;
export function shorten(value: string): string {
  return value.length > DISPLAY_MAX ? `${value.slice(0, DISPLAY_MAX)}…` : value;
}

/**
 * The descriptive rows the detail view and the comparison share, as [label, content]; `list` renders
 * the strengths and drawbacks.
 */
export function describedRows<N>(t: T, meta: IntegrationPattern, list: (items: string[]) => N): [string, string | N][] {
  const id = meta.id;
  return [
    [t("Detail_AppFamily"), appFamilyLabel(t, meta.appFamily)],
    [t("Detail_Families"), meta.families.map((f) => patternFamilyLabel(t, f)).join(", ")],
    [t("Detail_Mechanism"), patternField(t, id, "Mechanism")],
    [t("Detail_Trigger"), patternField(t, id, "Trigger")],
    [t("Detail_Pros"), list(patternList(t, id, "Pro"))],
    [t("Detail_Cons"), list(patternList(t, id, "Con"))],
    [t("Detail_UseWhen"), patternField(t, id, "UseWhen")],
  ];
}
