import * as React from "react";
import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { Translate } from "./types";

const useStyles = makeStyles({
  legend: { display: "flex", columnGap: tokens.spacingHorizontalM, flexWrap: "wrap" },
  swatch: { display: "inline-block", width: "12px", height: "3px", marginRight: tokens.spacingHorizontalXS, verticalAlign: "middle" },
  svg: { width: "100%", height: "48px", display: "block" },
});

function path(values: readonly number[], max: number, width: number, height: number): string {
  if (values.length === 0) return "";
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  return values.map((v, i) => `${i === 0 ? "M" : "L"}${(i * step).toFixed(1)},${(height - (max > 0 ? (v / max) * (height - 2) : 0) - 1).toFixed(1)}`).join(" ");
}

/** Inline SVG of requests and 429s; colours come from theme tokens so it follows the host theme. */
export const Sparkline: React.FC<{ requests: readonly number[]; throttled: readonly number[]; t: Translate }> = ({ requests, throttled, t }) => {
  const styles = useStyles();
  const width = 300;
  const height = 48;
  const max = Math.max(1, ...requests, ...throttled);
  const totalThrottled = throttled.reduce((a, b) => a + b, 0);
  const label = t("Sparkline_Label", { peak: Math.max(0, ...requests), throttled: totalThrottled, points: requests.length });
  return (
    <div>
      <svg className={styles.svg} viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="none" role="img" aria-label={label}>
        <path d={path(requests, max, width, height)} fill="none" stroke={tokens.colorBrandForeground1} strokeWidth={1.5} vectorEffect="non-scaling-stroke" />
        <path d={path(throttled, max, width, height)} fill="none" stroke={tokens.colorPaletteRedForeground1} strokeWidth={1.5} vectorEffect="non-scaling-stroke" />
      </svg>
      <div className={styles.legend} aria-hidden="true">
        <Caption1>
          <span className={styles.swatch} style={{ backgroundColor: tokens.colorBrandForeground1 }} />
          {t("Sparkline_Requests")}
        </Caption1>
        <Caption1>
          <span className={styles.swatch} style={{ backgroundColor: tokens.colorPaletteRedForeground1 }} />
          {t("Sparkline_Throttled")}
        </Caption1>
      </div>
    </div>
  );
};
