/** @jsx h */
import * as React from "react";
import { Badge, Button, Text } from "@fluentui/react-components";
import { getPatternMeta, type Fit, type IntegrationPattern, type Recommendation } from "@integrationkit/shared";
import { adviceText, describedRows, optionLabel, patternField, patternName, type TextProps } from "./text";
import { h } from "../../common/jsx";
import { makeStyles, mergeClasses, tokens } from "../../common/fluent";

const useStyles = makeStyles({
  scroller: { overflowX: "auto", maxWidth: "100%" },
  table: { borderCollapse: "collapse", width: "100%", minWidth: "480px", tableLayout: "fixed" },
  cell: {
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: tokens.spacingHorizontalS,
    verticalAlign: "top",
    textAlign: "left",
  },
  rowHead: { width: "9em", fontWeight: tokens.fontWeightSemibold },
  bullets: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

const FIT_COLOR: Record<Fit, "success" | "informative" | "danger"> = {
  recommended: "success",
  possible: "informative",
  "not-suitable": "danger",
};

interface ComparePanelProps extends TextProps {
  compareIds: string[];
  recommendations: Recommendation[];
  onRemove: (id: string) => void;
}

/** Side-by-side comparison of two or three patterns, with their fit for the current scenario. */
export const ComparePanel: React.FC<ComparePanelProps> = ({ t, plural, formatters, compareIds, recommendations, onRemove }) => {
  const styles = useStyles();
  const metas = compareIds.map((id) => getPatternMeta(id)).filter((m): m is IntegrationPattern => m !== undefined);
  const ids = metas.map((m) => m.id);
  // After "Remove from comparison", focus moves to the next item's button (or the previous one when the
  // last was removed); the app moves it to the Compare tab when nothing is left.
  const removeButtons = React.useRef(new Map<string, HTMLButtonElement>());
  const [focusId, setFocusId] = React.useState<string | null>(null);
  React.useEffect(() => {
    if (focusId !== null) removeButtons.current.get(focusId)?.focus();
  }, [focusId, compareIds]);
  const remove = (id: string): void => {
    const at = (ids as string[]).indexOf(id);
    setFocusId(ids[at + 1] ?? ids[at - 1] ?? null);
    onRemove(id);
  };
  const removeButton = (id: string, small: boolean): React.ReactNode => (
    <Button
      size={small ? "small" : "medium"}
      ref={(el: HTMLButtonElement | null) => {
        if (el) removeButtons.current.set(id, el);
        else removeButtons.current.delete(id);
      }}
      onClick={() => remove(id)}
      aria-label={t("Compare_Remove_Aria", { name: patternName(t, id) })}
    >
      {t("Compare_Remove")}
    </Button>
  );
  if (ids.length < 2) {
    return (
      <div>
        <Text as="p">{t("Compare_Empty", { count: formatters.integer(ids.length) })}</Text>
        {ids.map((id) => (
          <React.Fragment key={id}>{removeButton(id, false)}</React.Fragment>
        ))}
      </div>
    );
  }
  const rec = (id: string) => recommendations.find((r) => r.patternId === id);
  const meta = (id: string): IntegrationPattern => metas[ids.indexOf(id as IntegrationPattern["id"])];
  const bullets = (items: string[]): React.ReactNode => (
    <ul className={styles.bullets}>
      {items.map((s) => (
        <li key={s}>{s}</li>
      ))}
    </ul>
  );
  const rows: { label: string; cell: (id: IntegrationPattern["id"]) => React.ReactNode }[] = [
    {
      label: t("Compare_Fit"),
      cell: (id) => {
        const r = rec(id);
        return r ? (
          <Badge appearance="tint" color={FIT_COLOR[r.fit]}>
            {t("Compare_FitValue", { fit: t(`Fit_${r.fit}`), score: formatters.percent(r.score) })}
          </Badge>
        ) : null;
      },
    },
    ...describedRows(t, metas[0], bullets).map(([label], i) => ({
      label,
      cell: (id: IntegrationPattern["id"]) => describedRows(t, meta(id), bullets)[i][1],
    })),
    {
      label: t("Detail_NeedsDeploymentShort"),
      cell: (id) =>
        meta(id)
          .traits.deployments.map((d) => optionLabel(t, "deployment", d))
          .join(", "),
    },
    { label: t("Detail_Throttling"), cell: (id) => patternField(t, id, "Throttling") },
    { label: t("Compare_Warnings"), cell: (id) => bullets((rec(id)?.warnings ?? []).map((w) => adviceText(t, w))) },
  ];
  return (
    <div className={styles.scroller} role="region" aria-label={t("Compare_RegionLabel")} tabIndex={0}>
      <table className={styles.table}>
        <caption className={styles.cell}>{plural("Compare_Caption", ids.length, { count: formatters.integer(ids.length) })}</caption>
        <thead>
          <tr>
            <td className={mergeClasses(styles.cell, styles.rowHead)} />
            {ids.map((id) => (
              <th key={id} scope="col" className={styles.cell}>
                <div>{patternName(t, id)}</div>
                {removeButton(id, true)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row" className={mergeClasses(styles.cell, styles.rowHead)}>
                {row.label}
              </th>
              {ids.map((id) => (
                <td key={id} className={styles.cell}>
                  {row.cell(id)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
};
