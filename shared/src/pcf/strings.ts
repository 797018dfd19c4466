/**
 * Localized strings: controls read them from their .resx through `context.resources.getString`.
 * The platform returns the key itself (or an empty string) when a key is missing; we then fall back
 * to the key so a missing translation is visible, never a blank label.
 */
export type GetString = (key: string) => string;

/** Looks up a key, falling back to the key itself when the host has no value for it. */
export function localize(getString: GetString, key: string): string {
  let value: string | undefined;
  try {
    value = getString(key);
  } catch {
    value = undefined;
  }
  return typeof value === "string" && value.length > 0 ? value : key;
}

/**
 * Replaces `{name}` placeholders with values. Unknown placeholders stay as they are, so a template
 * with a typo still shows something readable.
 */
export function formatMessage(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole,
  );
}

/** A string table bound to one getString: `t("Key")`, `t("Key", { n: 3 })`. */
export function createTranslator(getString: GetString): (key: string, values?: Record<string, string | number>) => string {
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
