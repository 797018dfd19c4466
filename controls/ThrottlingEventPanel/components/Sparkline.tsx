/** @jsx h */
import * as React from "react";
import { Caption1 } from "@fluentui/react-components";
import type { Lang } from "./types";
import { h } from "../../common/jsx";
import { makeStyles, tokens } from "../../common/fluent";

const useStyles = makeStyles({
  legend: { display: "flex", columnGap: tokens.spacingHorizontalM, flexWrap: "wrap" },
  swatch: { display: "inline-block", width: "12px", height: "3px", marginInlineEnd: tokens.spacingHorizontalXS, verticalAlign: "middle" },
  svg: { width: "100%", height: "48px", display: "block" },
});

const WIDTH = 300;
const HEIGHT = 48;

/** SVG path of a series, oldest first. In right-to-left, time runs from right to left, so x is mirrored. */
function sparkPath(values: readonly number[], max: number, rtl: boolean): string {
  if (values.length === 0) return "";
  const step = values.length > 1 ? WIDTH / (values.length - 1) : 0;
  return values
    .map((v, i) => {
      const x = rtl ? WIDTH - i * step : i * step;
      const y = HEIGHT - (max > 0 ? (v / max) * (HEIGHT - 2) : 0) - 1;
      return `${i === 0 ? "M" : "L"}${x.toFixed(1)},${y.toFixed(1)}`;
    })
    .join(" ");
}

/** Inline SVG of requests and 429s; colours come from theme tokens so it follows the host theme. */
export const Sparkline: React.FC<{ requests: readonly number[]; throttled: readonly number[]; lang: Lang }> = ({
  requests,
  throttled,
  lang,
}) => {
  const styles = useStyles();
  const { t, formatters } = lang;
  const rtl = formatters.dir === "rtl";
  const max = Math.max(1, ...requests, ...throttled);
  const totalThrottled = throttled.reduce((a, b) => a + b, 0);
  const label = t("Sparkline_Label", {
    peak: formatters.integer(Math.max(0, ...requests)),
    throttled: formatters.integer(totalThrottled),
    points: formatters.integer(requests.length),
  });
  return (
    <div>
      <svg
        className={styles.svg}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={label}
        data-testid="sparkline"
      >
        <path
          d={sparkPath(requests, max, rtl)}
          fill="none"
          stroke={tokens.colorBrandForeground1}
          strokeWidth={1.5}
          vectorEffect="non-scaling-stroke"
        />
        <path
          d={sparkPath(throttled, max, rtl)}
          fill="none"
          stroke={tokens.colorPaletteRedForeground1}
          strokeWidth={1.5}
          vectorEffect="non-scaling-stroke"
        />
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
