/**
 * Dataverse identifies a user's language by its Windows locale id (LCID, `context.userSettings.languageId`).
 * Intl APIs want a BCP 47 tag. The table covers the languages Dataverse offers for its UI
 * (Language and region settings, learn.microsoft.com/power-platform/admin/enable-languages); an unknown
 * id falls back to English rather than to the browser's locale, which may not be the user's.
 */
const LCID_TO_TAG: Readonly<Record<number, string>> = {
  1025: "ar-SA",
  1026: "bg-BG",
  1027: "ca-ES",
  1028: "zh-TW",
  1029: "cs-CZ",
  1030: "da-DK",
  1031: "de-DE",
  1032: "el-GR",
  1033: "en-US",
  1035: "fi-FI",
  1036: "fr-FR",
  1037: "he-IL",
  1038: "hu-HU",
  1040: "it-IT",
  1041: "ja-JP",
  1042: "ko-KR",
  1043: "nl-NL",
  1044: "nb-NO",
  1045: "pl-PL",
  1046: "pt-BR",
  1048: "ro-RO",
  1049: "ru-RU",
  1050: "hr-HR",
  1051: "sk-SK",
  1053: "sv-SE",
  1054: "th-TH",
  1055: "tr-TR",
  1057: "id-ID",
  1058: "uk-UA",
  1060: "sl-SI",
  1061: "et-EE",
  1062: "lv-LV",
  1063: "lt-LT",
  1066: "vi-VN",
  1069: "eu-ES",
  1081: "hi-IN",
  1086: "ms-MY",
  1087: "kk-KZ",
  1110: "gl-ES",
  2052: "zh-CN",
  2070: "pt-PT",
  2074: "sr-Latn-RS",
  3076: "zh-HK",
  3082: "es-ES",
  3098: "sr-Cyrl-RS",
};

/** BCP 47 tag for a Dataverse language id; "en-US" for anything unknown or missing. */
export function localeFromLanguageId(languageId: unknown): string {
  return typeof languageId === "number" ? (LCID_TO_TAG[languageId] ?? "en-US") : "en-US";
}

/** Languages written right to left, for hosts that do not report `isRTL`. */
export function isRtlLocale(locale: string): boolean {
  return /^(ar|he|fa|ur)(-|$)/i.test(locale);
}
