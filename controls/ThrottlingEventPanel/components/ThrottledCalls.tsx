/** @jsx h */
import * as React from "react";
import { Body1, Caption1 } from "@fluentui/react-components";
import { ThrottledCall } from "@integrationkit/shared";
import { type Lang, secondsLeft, type T } from "./types";
import { h } from "../../common/jsx";
import { makeStyles, tokens } from "../../common/fluent";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  item: { display: "flex", justifyContent: "space-between", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

/** The simulator's own sources are .resx keys and are translated; other names are data. */
function sourceLabel(source: string, t: T): string {
  return source === "Source_SignedInUser" || source === "Source_ThisPanel" ? t(source) : source;
}

export const ThrottledCalls: React.FC<{ calls: readonly ThrottledCall[]; now: number; lang: Lang }> = ({ calls, now, lang }) => {
  const styles = useStyles();
  const { t, plural, formatters } = lang;
  if (calls.length === 0) return <Caption1>{t("Throttled_None")}</Caption1>;
  return (
    <ul className={styles.list} aria-label={t("Section_Throttled")}>
      {calls.map((c) => {
        const left = secondsLeft(c.retryAt, now);
        return (
          <li key={c.id} className={styles.item}>
            <Body1>
              {sourceLabel(c.source, t)} <Caption1>({t(`Reason_${c.reason}`)})</Caption1>
            </Body1>
            <Caption1>
              {left > 0
                ? t("Throttled_RetryIn", { duration: plural("Seconds", left, { count: formatters.integer(left) }) })
                : t("Throttled_Ready")}
            </Caption1>
          </li>
        );
      })}
    </ul>
  );
};
