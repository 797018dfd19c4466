import type { ColumnView, MessageValues, PluralBase, Translate as TranslateOf } from "@integrationkit/shared";
import type { StringKey } from "../strings/StringKeys";

/** Translation into the user's language; a key missing from the 1033 .resx fails the type check. */
export type Translate = TranslateOf<StringKey>;

/** The plural form of a key family (`Rows_Count_one`, `Rows_Count_other`, …) for a count. */
export type Plural = (base: PluralBase<StringKey>, count: number, values?: MessageValues) => string;

export type Dir = "ltr" | "rtl";

export type { ColumnView };
