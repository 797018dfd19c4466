import type { Formatters, MessageValues, PluralBase, Translate } from "@integrationkit/shared";
import type { StringKey } from "../strings/StringKeys";

/** The control's translation function: a misspelled key fails tsc. */
export type T = Translate<StringKey>;
/** Plural forms in the user's language (`Base_one`, `Base_few`, …). */
export type Plural = (base: PluralBase<StringKey>, count: number, values?: MessageValues) => string;

/** What every section needs to speak the user's language. */
export interface Lang {
  t: T;
  plural: Plural;
  formatters: Formatters;
}

/**
 * Messages from shared logic carry their .resx key as a string; every such key is listed in the
 * strings test, which fails when one is missing from the .resx.
 */
export function message(t: T, m: { key: string; values?: MessageValues } | undefined): string {
  return m ? t(m.key as StringKey, m.values) : "";
}

/** Whole seconds left until `at` (never negative). */
export function secondsLeft(at: number, now: number): number {
  return Math.max(0, Math.ceil((at - now) / 1000));
}
