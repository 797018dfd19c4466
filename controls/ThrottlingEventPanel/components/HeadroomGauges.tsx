/** @jsx h */
import * as React from "react";
import { Caption1, Field, ProgressBar } from "@fluentui/react-components";
import { Gauge, Headroom, headroomLevel, serviceProtectionLimits } from "@integrationkit/shared";
import type { Lang } from "./types";
import { h } from "../../common/jsx";
import { makeStyles, tokens } from "../../common/fluent";

const useStyles = makeStyles({
  gauges: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
});

type GaugeName = "Requests" | "ExecutionTime" | "Concurrency";

/**
 * One bar per limit. Fluent's ProgressBar fills from the start edge, so it mirrors by itself in
 * right-to-left. When the headers imply a limit above the default, the text says what is left.
 */
export const HeadroomGauges: React.FC<{ headroom: Headroom; lang: Lang }> = ({ headroom, lang }) => {
  const styles = useStyles();
  const { t, formatters } = lang;
  const gauges: Array<{ name: GaugeName; gauge?: Gauge; scale: number; defaultLimit: number }> = [
    { name: "Requests", gauge: headroom.requests, scale: 1, defaultLimit: serviceProtectionLimits.requests.limit },
    { name: "ExecutionTime", gauge: headroom.executionMs, scale: 1000, defaultLimit: serviceProtectionLimits.executionTime.limit },
    { name: "Concurrency", gauge: headroom.concurrent, scale: 1, defaultLimit: serviceProtectionLimits.concurrency.limit },
  ];
  return (
    <div className={styles.gauges}>
      {gauges.map(({ name, gauge, scale, defaultLimit }) => {
        if (gauge === undefined) {
          return (
            <Field key={name} label={t(`Gauge_${name}`)}>
              <Caption1>{t("Gauge_NotReported")}</Caption1>
            </Field>
          );
        }
        const fraction = Math.min(1, Math.max(0, gauge.used / gauge.limit));
        const level = headroomLevel(fraction);
        const n = (v: number): string => formatters.integer(Math.round(v / scale));
        const text = gauge.limitIsLowerBound
          ? t(`Gauge_${name}Left`, { remaining: n(gauge.remaining), limit: n(defaultLimit) })
          : `${t(`Gauge_${name}Value`, { used: n(gauge.used), limit: n(gauge.limit), percent: formatters.percent(fraction) })} ${t(`Level_${level}`)}`;
        return (
          <Field key={name} label={t(`Gauge_${name}`)} hint={text} validationState="none">
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
