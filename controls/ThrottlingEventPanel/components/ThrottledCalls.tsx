import * as React from "react";
import { Body1, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { ThrottledCall } from "@integrationkit/shared";
import { secondsLeft, Translate } from "./types";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  item: { display: "flex", justifyContent: "space-between", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

/** Source names that are .resx keys (the simulator's own sources) are translated; others are data. */
export function sourceLabel(source: string, t: Translate): string {
  return source.startsWith("Source_") ? t(source) : source;
}

export const ThrottledCalls: React.FC<{ calls: readonly ThrottledCall[]; now: number; t: Translate }> = ({ calls, now, t }) => {
  const styles = useStyles();
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
            <Caption1>{left > 0 ? t("Throttled_RetryIn", { seconds: left }) : t("Throttled_Ready")}</Caption1>
          </li>
        );
      })}
    </ul>
  );
};
