import * as React from "react";
import { Caption1, Field, ProgressBar, makeStyles, tokens } from "@fluentui/react-components";
import { Headroom, headroomLevel, serviceProtectionLimits } from "@integrationkit/shared";
import { formatNumber, Translate } from "./types";

const useStyles = makeStyles({
  gauges: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
});

interface Gauge {
  labelKey: string;
  used?: number;
  limit: number;
  valueKey: string;
  scale: number;
}

export const HeadroomGauges: React.FC<{ headroom: Headroom; t: Translate }> = ({ headroom, t }) => {
  const styles = useStyles();
  const gauges: Gauge[] = [
    { labelKey: "Gauge_Requests", used: headroom.requestsUsed, limit: serviceProtectionLimits.requests.limit, valueKey: "Gauge_RequestsValue", scale: 1 },
    { labelKey: "Gauge_ExecutionTime", used: headroom.executionUsedMs, limit: serviceProtectionLimits.executionTime.limit, valueKey: "Gauge_ExecutionValue", scale: 1000 },
    { labelKey: "Gauge_Concurrency", used: headroom.concurrentUsed, limit: serviceProtectionLimits.concurrency.limit, valueKey: "Gauge_ConcurrencyValue", scale: 1 },
  ];
  return (
    <div className={styles.gauges}>
      {gauges.map((g) => {
        if (g.used === undefined) {
          return (
            <Field key={g.labelKey} label={t(g.labelKey)}>
              <Caption1>{t("Gauge_NotReported")}</Caption1>
            </Field>
          );
        }
        const fraction = Math.min(1, Math.max(0, g.used / g.limit));
        const level = headroomLevel(fraction);
        const values = { used: formatNumber(g.used / g.scale), limit: formatNumber(g.limit / g.scale), percent: Math.round(fraction * 100) };
        const text = `${t(g.valueKey, values)} ${t(`Level_${level}`)}`;
        return (
          <Field key={g.labelKey} label={t(g.labelKey)} hint={text} validationState="none">
            <ProgressBar
              value={fraction}
              max={1}
              thickness="large"
              color={level === "ok" ? "success" : level === "warning" ? "warning" : "error"}
              aria-valuetext={text}
            />
          </Field>
        );
      })}
    </div>
  );
};
