import { localeFromLanguageId } from "./locale";

/**
 * Localized strings: controls read them from their .resx through `context.resources.getString`.
 * The platform returns the key itself (or an empty string) when a key is missing; we then fall back
 * to the key so a missing translation is visible, never a blank label.
 *
 * Keys are typed: each control's `strings/StringKeys.ts` is generated from its 1033 .resx
 * (`npm run strings`), so `Translate<StringKey>` turns a misspelled or missing key into a tsc error.
 */
type GetString = (key: string) => string;

export type MessageValues = Record<string, string | number>;

/** The one translation function type: `t("Key")`, `t("Key", { n: 3 })`. */
export type Translate<K extends string = string> = (key: K, values?: MessageValues) => string;

/** The base of every plural family in K: a key `Rows_other` makes `Rows` a plural base. */
export type PluralBase<K extends string> = K extends `${infer B}_other` ? B : never;

/** Translation with plurals in the user's language. */
export interface Localizer<K extends string = string> {
  readonly t: Translate<K>;
  /**
   * The form of `base` for `count` in the user's language (`Base_one`, `Base_few`, …, falling back
   * to `Base_other`). `{count}` in the text is replaced by `values.count` when given (already
   * formatted for the user), otherwise by the plain number.
   */
  plural(base: PluralBase<K>, count: number, values?: MessageValues): string;
  /** BCP 47 tag of the language the strings are in. */
  readonly locale: string;
}

/** Looks up a key, falling back to the key itself when the host has no value for it. */
export function localize(getString: GetString, key: string): string {
  const value = lookup(getString, key);
  return value ?? key;
}

/** The host's value for a key, or undefined when it has none (missing keys come back as the key or ""). */
function lookup(getString: GetString, key: string): string | undefined {
  let value: unknown;
  try {
    value = getString(key);
  } catch {
    value = undefined;
  }
  return typeof value === "string" && value.length > 0 && value !== key ? value : undefined;
}

/**
 * Replaces `{name}` placeholders with values. Unknown placeholders stay as they are, so a template
 * with a typo still shows something readable.
 */
export function formatMessage(template: string, values: MessageValues): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole,
  );
}

/** A string table bound to one getString: `t("Key")`, `t("Key", { n: 3 })`. */
export function createTranslator<K extends string = string>(getString: GetString): Translate<K> {
  const cache = new Map<string, string>();
  return (key, values) => {
    let template = cache.get(key);
    if (template === undefined) {
      template = localize(getString, key);
      cache.set(key, template);
    }
    return values ? formatMessage(template, values) : template;
  };
}

/** Translation and plurals for one language (`locale` from `localeFromLanguageId`). */
export function createLocalizer<K extends string = string>(getString: GetString, locale: string): Localizer<K> {
  const t = createTranslator<K>(getString);
  let rules: Intl.PluralRules;
  try {
    rules = new Intl.PluralRules(locale);
  } catch {
    rules = new Intl.PluralRules("en-US");
  }
  const forms = new Map<string, string>();
  return {
    t,
    locale,
    plural(base, count, values) {
      const category = Number.isFinite(count) ? rules.select(count) : "other";
      const cacheKey = `${base}\u0000${category}`;
      let template = forms.get(cacheKey);
      if (template === undefined) {
        template = lookup(getString, `${base}_${category}`) ?? localize(getString, `${base}_other`);
        forms.set(cacheKey, template);
      }
      return formatMessage(template, { count, ...values });
    },
  };
}

/**
 * The localizer for the user's language (`context.userSettings.languageId`): the previous one while the
 * language is unchanged, so its lookups stay cached and the props built from it stay stable.
 */
export function localizerFor<K extends string>(
  previous: Localizer<K> | undefined,
  languageId: unknown,
  getString: GetString,
): Localizer<K> {
  const locale = localeFromLanguageId(languageId);
  return previous !== undefined && previous.locale === locale ? previous : createLocalizer<K>(getString, locale);
}
