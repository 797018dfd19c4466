import * as React from "react";
import { Badge, Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { getPatternMeta, type Fit, type Recommendation } from "@integrationkit/shared";
import { adviceText, appFamilyLabel, patternField, patternFamilyLabel, patternList, patternName, type Translate } from "./text";

const useStyles = makeStyles({
  scroller: { overflowX: "auto", maxWidth: "100%" },
  table: { borderCollapse: "collapse", width: "100%", minWidth: "480px", tableLayout: "fixed" },
  cell: { borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, padding: tokens.spacingHorizontalS, verticalAlign: "top", textAlign: "left" },
  rowHead: { width: "9em", fontWeight: tokens.fontWeightSemibold },
  bullets: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

const FIT_COLOR: Record<Fit, "success" | "informative" | "danger"> = { recommended: "success", possible: "informative", "not-suitable": "danger" };

export interface ComparePanelProps {
  t: Translate;
  compareIds: string[];
  recommendations: Recommendation[];
  onRemove: (id: string) => void;
}

/** Side-by-side comparison of two or three patterns, with their fit for the current scenario. */
export const ComparePanel: React.FC<ComparePanelProps> = ({ t, compareIds, recommendations, onRemove }) => {
  const styles = useStyles();
  const ids = compareIds.filter((id) => getPatternMeta(id) !== undefined);
  if (ids.length < 2) {
    return (
      <div>
        <Text as="p">{t("Compare_Empty", { count: ids.length })}</Text>
        {ids.map((id) => (
          <Button key={id} onClick={() => onRemove(id)} aria-label={t("Compare_Remove_Aria", { name: patternName(t, id) })}>
            {t("Compare_Remove")}
          </Button>
        ))}
      </div>
    );
  }
  const rec = (id: string) => recommendations.find((r) => r.patternId === id);
  const bullets = (items: string[]): React.ReactNode => (
    <ul className={styles.bullets}>
      {items.map((s) => (
        <li key={s}>{s}</li>
      ))}
    </ul>
  );
  const rows: { label: string; cell: (id: string) => React.ReactNode }[] = [
    {
      label: t("Compare_Fit"),
      cell: (id) => {
        const r = rec(id);
        return r ? (
          <Badge appearance="tint" color={FIT_COLOR[r.fit]}>
            {t("Compare_FitValue", { fit: t(`Fit_${r.fit}`), score: Math.round(r.score * 100) })}
          </Badge>
        ) : null;
      },
    },
    { label: t("Detail_AppFamily"), cell: (id) => appFamilyLabel(t, getPatternMeta(id)!.appFamily) },
    { label: t("Detail_Families"), cell: (id) => getPatternMeta(id)!.families.map((f) => patternFamilyLabel(t, f)).join(", ") },
    { label: t("Detail_Mechanism"), cell: (id) => patternField(t, id, "Mechanism") },
    { label: t("Detail_Trigger"), cell: (id) => patternField(t, id, "Trigger") },
    { label: t("Detail_Pros"), cell: (id) => bullets(patternList(t, id, "Pro")) },
    { label: t("Detail_Cons"), cell: (id) => bullets(patternList(t, id, "Con")) },
    { label: t("Detail_UseWhen"), cell: (id) => patternField(t, id, "UseWhen") },
    { label: t("Detail_NeedsDeploymentShort"), cell: (id) => getPatternMeta(id)!.traits.deployments.map((d) => t(`Option_deployment_${d}`)).join(", ") },
    { label: t("Detail_Throttling"), cell: (id) => patternField(t, id, "Throttling") },
    { label: t("Compare_Warnings"), cell: (id) => bullets((rec(id)?.warnings ?? []).map((w) => adviceText(t, w))) },
  ];
  return (
    <div className={styles.scroller} role="region" aria-label={t("Compare_RegionLabel")} tabIndex={0}>
      <table className={styles.table}>
        <caption className={styles.cell}>{t("Compare_Caption", { count: ids.length })}</caption>
        <thead>
          <tr>
            <td className={`${styles.cell} ${styles.rowHead}`} />
            {ids.map((id) => (
              <th key={id} scope="col" className={styles.cell}>
                <div>{patternName(t, id)}</div>
                <Button size="small" onClick={() => onRemove(id)} aria-label={t("Compare_Remove_Aria", { name: patternName(t, id) })}>
                  {t("Compare_Remove")}
                </Button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row" className={`${styles.cell} ${styles.rowHead}`}>
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
