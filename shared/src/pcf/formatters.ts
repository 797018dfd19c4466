import { isRtlLocale, localeFromLanguageId } from "./locale";

/**
 * One set of formatters per control, built in `index.ts` from `context.formatting` and
 * `context.userSettings`, so dates, times and numbers follow the user's Dataverse settings (language,
 * formats, time zone) and never the browser's locale, which may differ from the user's.
 */

/** The part of `ComponentFramework.Formatting` we use; every member may be missing or throw. */
interface FormattingLike {
  formatDateShort?(value: Date, includeTime?: boolean): string;
  formatInteger?(value: number): string;
  formatDecimal?(value: number, precision?: number): string;
}

/** The part of `ComponentFramework.UserSettings` we use. */
export interface UserSettingsLike {
  languageId?: number;
  isRTL?: boolean;
  /** Minutes to add to UTC to get the user's wall clock at that instant (their Dataverse time zone). */
  getTimeZoneOffsetMinutes?(date?: Date): number;
}

export interface Formatters {
  /** BCP 47 tag of the user's language. */
  readonly locale: string;
  readonly dir: "ltr" | "rtl";
  /** Short date in the user's format and time zone. */
  date(value: Date): string;
  /** Short date and time in the user's format and time zone. */
  dateTime(value: Date): string;
  /** Time of day in the user's language and time zone; seconds when asked (page timings, countdowns). */
  time(value: Date, withSeconds?: boolean): string;
  integer(value: number): string;
  decimal(value: number, digits?: number): string;
  /** A ratio (0.25) as a percentage in the user's language. */
  percent(ratio: number, digits?: number): string;
  /** A duration: "850 ms", "12 s", "3 min 5 s", "2 h 4 min", in the user's language. */
  duration(ms: number): string;
}

export function createFormatters(formatting: FormattingLike | undefined, userSettings: UserSettingsLike | undefined): Formatters {
  const locale = localeFromLanguageId(userSettings?.languageId);
  const dir = userSettings?.isRTL === true || (userSettings?.isRTL === undefined && isRtlLocale(locale)) ? "rtl" : "ltr";
  // The platform formats whole numbers with the user's digits (Latin "123" or Arabic-Indic "١٢٣");
  // what we format through Intl (times, percentages, durations) uses the same digits, so one line
  // never mixes the two.
  const probe = nonEmpty(attempt(() => formatting?.formatInteger?.(7)));
  const digits = probe === undefined ? undefined : probe.includes("7") ? "latn" : probe.includes("\u0667") ? "arab" : undefined;
  const intl = cachedIntl(digits ? `${locale}-u-nu-${digits}` : locale);

  /** The user's wall clock, as a Date whose UTC fields read it (undefined when the offset is unknown). */
  const wallClock = (value: Date): Date | undefined => {
    const offset = attempt(() => userSettings?.getTimeZoneOffsetMinutes?.(value));
    return typeof offset === "number" && Number.isFinite(offset) ? new Date(value.getTime() + offset * 60_000) : undefined;
  };
  /** A Date whose local fields read the user's wall clock: what the platform formatter expects. */
  const asLocal = (value: Date): Date => {
    const wall = wallClock(value);
    if (!wall) return value;
    return new Date(
      wall.getUTCFullYear(),
      wall.getUTCMonth(),
      wall.getUTCDate(),
      wall.getUTCHours(),
      wall.getUTCMinutes(),
      wall.getUTCSeconds(),
      wall.getUTCMilliseconds(),
    );
  };
  const viaIntl = (value: Date, options: Intl.DateTimeFormatOptions): string => {
    const wall = wallClock(value);
    return intl.dateTime(wall ? { ...options, timeZone: "UTC" } : options).format(wall ?? value);
  };

  const invalid = (value: Date): boolean => !(value instanceof Date) || Number.isNaN(value.getTime());

  return {
    locale,
    dir,
    date: (value) =>
      invalid(value)
        ? ""
        : (nonEmpty(attempt(() => formatting?.formatDateShort?.(asLocal(value), false))) ?? viaIntl(value, { dateStyle: "short" })),
    dateTime: (value) =>
      invalid(value)
        ? ""
        : (nonEmpty(attempt(() => formatting?.formatDateShort?.(asLocal(value), true))) ??
          viaIntl(value, { dateStyle: "short", timeStyle: "short" })),
    time: (value, withSeconds = false) =>
      invalid(value) ? "" : viaIntl(value, { hour: "2-digit", minute: "2-digit", ...(withSeconds ? { second: "2-digit" } : {}) }),
    integer: (value) =>
      Number.isFinite(value)
        ? (nonEmpty(attempt(() => formatting?.formatInteger?.(Math.round(value)))) ??
          intl.number({ maximumFractionDigits: 0 }).format(value))
        : String(value),
    decimal: (value, digits = 2) =>
      Number.isFinite(value)
        ? (nonEmpty(attempt(() => formatting?.formatDecimal?.(value, digits))) ??
          intl.number({ minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value))
        : String(value),
    percent: (ratio, digits = 0) =>
      Number.isFinite(ratio) ? intl.number({ style: "percent", maximumFractionDigits: digits }).format(ratio) : String(ratio),
    duration: (ms) => formatDuration(ms, intl),
  };
}

interface IntlCache {
  dateTime(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat;
  number(options: Intl.NumberFormatOptions): Intl.NumberFormat;
}

function cachedIntl(locale: string): IntlCache {
  const dates = new Map<string, Intl.DateTimeFormat>();
  const numbers = new Map<string, Intl.NumberFormat>();
  return {
    dateTime(options) {
      const key = JSON.stringify(options);
      let f = dates.get(key);
      if (!f) dates.set(key, (f = new Intl.DateTimeFormat(locale, options)));
      return f;
    },
    number(options) {
      const key = JSON.stringify(options);
      let f = numbers.get(key);
      if (!f) numbers.set(key, (f = new Intl.NumberFormat(locale, options)));
      return f;
    },
  };
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Units in the user's language through Intl's unit style (no strings of ours to translate). */
function formatDuration(ms: number, intl: IntlCache): string {
  if (!Number.isFinite(ms)) return String(ms);
  const sign = ms < 0 ? "-" : "";
  const abs = Math.abs(ms);
  const unit = (value: number, name: string, digits = 0): string =>
    intl.number({ style: "unit", unit: name, unitDisplay: "narrow", maximumFractionDigits: digits }).format(value);
  if (abs < SECOND) return sign + unit(Math.round(abs), "millisecond");
  if (abs < 10 * SECOND) return sign + unit(Math.round(abs / 100) / 10, "second", 1);
  if (abs < MINUTE) return sign + unit(Math.round(abs / SECOND), "second");
  if (abs < HOUR) {
    const total = Math.round(abs / SECOND);
    const m = Math.floor(total / 60);
    const s = total % 60;
    return sign + (s === 0 ? unit(m, "minute") : `${unit(m, "minute")} ${unit(s, "second")}`);
  }
  if (abs < DAY) {
    const total = Math.round(abs / MINUTE);
    const h = Math.floor(total / 60);
    const m = total % 60;
    return sign + (m === 0 ? unit(h, "hour") : `${unit(h, "hour")} ${unit(m, "minute")}`);
  }
  const totalHours = Math.round(abs / HOUR);
  const d = Math.floor(totalHours / 24);
  const h = totalHours % 24;
  return sign + (h === 0 ? unit(d, "day") : `${unit(d, "day")} ${unit(h, "hour")}`);
}

function attempt<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === "string" && value.length > 0 ? value : undefined;
}
