import { createFormatters, createLocalizer, localeFromLanguageId, localizerFor, type PluralBase } from "../../../shared/src/pcf";

type Key = "Rows_one" | "Rows_other" | "Rows_zero" | "Rows_two" | "Rows_few" | "Rows_many" | "Title";

function table(entries: Record<string, string>): (key: string) => string {
  return (key) => entries[key] ?? key;
}

describe("plurals in the user's language", () => {
  const en = table({ Rows_one: "{count} row", Rows_other: "{count} rows" });
  const de = table({ Rows_one: "{count} Zeile", Rows_other: "{count} Zeilen" });
  const ar = table({
    Rows_zero: "لا صفوف",
    Rows_one: "صف واحد",
    Rows_two: "صفان",
    Rows_few: "{count} صفوف",
    Rows_many: "{count} صفًا",
    Rows_other: "{count} صف",
  });

  it("picks one/other in English and German", () => {
    const base: PluralBase<Key> = "Rows";
    expect(createLocalizer<Key>(en, "en-US").plural(base, 1)).toBe("1 row");
    expect(createLocalizer<Key>(en, "en-US").plural(base, 0)).toBe("0 rows");
    expect(createLocalizer<Key>(de, "de-DE").plural(base, 1)).toBe("1 Zeile");
    expect(createLocalizer<Key>(de, "de-DE").plural(base, 2, { count: "2" })).toBe("2 Zeilen");
  });

  it("uses all six Arabic forms", () => {
    const l = createLocalizer<Key>(ar, "ar-SA");
    expect([0, 1, 2, 3, 11, 100].map((n) => l.plural("Rows", n))).toEqual(["لا صفوف", "صف واحد", "صفان", "3 صفوف", "11 صفًا", "100 صف"]);
  });

  it("falls back to the _other form when a language lacks a category", () => {
    const l = createLocalizer<Key>(en, "ar-SA");
    expect(l.plural("Rows", 2)).toBe("2 rows");
  });

  it("keeps the localizer while the user's language stays, and builds a new one when it changes", () => {
    const first = localizerFor<Key>(undefined, 1031, de);
    expect(localizerFor<Key>(first, 1031, de)).toBe(first);
    const arabic = localizerFor<Key>(first, 1025, ar);
    expect(arabic).not.toBe(first);
    expect(arabic.plural("Rows", 2)).toBe("صفان");
  });

  it("maps Dataverse language ids to locales and never to the browser's", () => {
    expect(localeFromLanguageId(1031)).toBe("de-DE");
    expect(localeFromLanguageId(1025)).toBe("ar-SA");
    expect(localeFromLanguageId(999999)).toBe("en-US");
    expect(localeFromLanguageId(undefined)).toBe("en-US");
  });
});

describe("formatters from the user's settings", () => {
  const instant = new Date(Date.UTC(2026, 2, 14, 22, 30, 5));

  it("formats numbers in the user's language, not the machine's", () => {
    const f = createFormatters(undefined, { languageId: 1031 });
    expect(f.integer(1234567)).toBe("1.234.567");
    expect(f.decimal(1234.5, 1)).toBe("1.234,5");
    expect(f.locale).toBe("de-DE");
    expect(f.dir).toBe("ltr");
  });

  it("shows times in the user's Dataverse time zone", () => {
    // 22:30 UTC is 00:30 the next day for a user at UTC+2.
    const plus2 = createFormatters(undefined, { languageId: 1031, getTimeZoneOffsetMinutes: () => 120 });
    expect(plus2.time(instant, true)).toBe("00:30:05");
    expect(plus2.date(instant)).toBe("15.03.26");
    const minus5 = createFormatters(undefined, { languageId: 1033, getTimeZoneOffsetMinutes: () => -300 });
    expect(minus5.time(instant)).toBe("05:30 PM");
  });

  it("hands the platform formatter the user's wall clock", () => {
    const seen: Date[] = [];
    const f = createFormatters(
      {
        formatDateShort: (d) => {
          seen.push(d);
          return `${d.getFullYear()}-${d.getMonth() + 1}-${d.getDate()} ${d.getHours()}:${d.getMinutes()}`;
        },
      },
      { languageId: 1033, getTimeZoneOffsetMinutes: () => 120 },
    );
    expect(f.dateTime(instant)).toBe("2026-3-15 0:30");
  });

  it("is right-to-left for Arabic users and survives a host whose formatter throws", () => {
    const f = createFormatters(
      {
        formatInteger: () => {
          throw new Error("not implemented");
        },
      },
      { languageId: 1025, isRTL: true },
    );
    expect(f.dir).toBe("rtl");
    expect(f.integer(12)).toBe("١٢");
    expect(f.date(new Date(NaN))).toBe("");
  });

  it("uses the platform's digits everywhere, so an Arabic line never mixes Latin and Arabic-Indic digits", () => {
    const latin = createFormatters(
      { formatInteger: (n) => n.toLocaleString("en-US") },
      { languageId: 1025, getTimeZoneOffsetMinutes: () => 180 },
    );
    expect(latin.integer(5131)).toBe("5,131");
    expect(latin.percent(0.86)).toMatch(/^86/);
    expect(latin.time(instant, true)).toMatch(/01:30:05/);
    const arabic = createFormatters({ formatInteger: (n) => n.toLocaleString("ar-SA") }, { languageId: 1025 });
    expect(arabic.percent(0.86)).toContain("٨٦");
  });

  it("writes durations with units in the user's language", () => {
    const en = createFormatters(undefined, { languageId: 1033 });
    expect(en.duration(850)).toBe("850ms");
    expect(en.duration(4_200)).toBe("4.2s");
    expect(en.duration(185_000)).toBe("3m 5s");
    expect(en.duration(2 * 3_600_000 + 4 * 60_000)).toBe("2h 4m");
    const de = createFormatters(undefined, { languageId: 1031 });
    expect(de.duration(4_200)).toBe("4,2 Sek.");
  });
});
