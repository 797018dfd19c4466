import * as React from "react";
import { Badge, Button, Checkbox, Field, Input, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { PATTERN_FAMILIES, getPatternMeta, type AppFamily, type Fit, type Recommendation } from "@integrationkit/shared";
import { PatternDetail } from "./PatternDetail";
import { adviceText, appFamilyLabel, patternFamilyLabel, patternName, type Translate } from "./text";

const useStyles = makeStyles({
  filters: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(160px, 1fr))", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  item: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  chosen: { border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}` },
  head: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  name: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  meta: { color: tokens.colorNeutralForeground2 },
  advice: { margin: `${tokens.spacingVerticalXS} 0`, paddingLeft: tokens.spacingHorizontalXL },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  actions: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS, marginTop: tokens.spacingVerticalS },
  count: { color: tokens.colorNeutralForeground2 },
});

const FIT_COLOR: Record<Fit, "success" | "informative" | "danger"> = { recommended: "success", possible: "informative", "not-suitable": "danger" };

export interface ListFilters {
  search: string;
  family: string;
  app: string;
}

export interface PatternListProps {
  t: Translate;
  recommendations: Recommendation[];
  allowedApps: AppFamily[];
  filters: ListFilters;
  onFiltersChange: (f: ListFilters) => void;
  chosenId: string | null;
  canChoose: boolean;
  compareIds: string[];
  onToggleCompare: (id: string, on: boolean) => void;
  expandedIds: string[];
  onToggleExpanded: (id: string) => void;
  onChoose: (id: string) => void;
}

export const MAX_COMPARE = 3;

/** Ranked results with fit badges, reasons, warnings, details, compare and choose. */
export const PatternList: React.FC<PatternListProps> = (props) => {
  const { t, recommendations, allowedApps, filters, onFiltersChange, chosenId, canChoose, compareIds, expandedIds } = props;
  const styles = useStyles();
  const query = filters.search.trim().toLowerCase();
  const visible = recommendations.filter((r) => {
    const meta = getPatternMeta(r.patternId);
    if (!meta || !allowedApps.includes(meta.appFamily)) return false;
    if (filters.app !== "" && meta.appFamily !== filters.app) return false;
    if (filters.family !== "" && !meta.families.includes(filters.family as (typeof meta.families)[number])) return false;
    if (query === "") return true;
    const haystack = [patternName(t, r.patternId), r.patternId, t(`Pattern_${r.patternId}_Mechanism`), t(`Pattern_${r.patternId}_UseWhen`)].join(" ").toLowerCase();
    return haystack.includes(query);
  });

  return (
    <section aria-label={t("Results_Label")}>
      <div className={styles.filters} role="search" aria-label={t("Filters_Label")}>
        <Field label={t("Filter_Search")}>
          <Input type="search" value={filters.search} placeholder={t("Filter_SearchPlaceholder")} onChange={(_e, d) => onFiltersChange({ ...filters, search: d.value })} />
        </Field>
        <Field label={t("Filter_Family")}>
          <Select value={filters.family} onChange={(_e, d) => onFiltersChange({ ...filters, family: d.value })}>
            <option value="">{t("Filter_AllFamilies")}</option>
            {PATTERN_FAMILIES.map((f) => (
              <option key={f} value={f}>
                {patternFamilyLabel(t, f)}
              </option>
            ))}
          </Select>
        </Field>
        {allowedApps.length > 1 && (
          <Field label={t("Filter_App")}>
            <Select value={filters.app} onChange={(_e, d) => onFiltersChange({ ...filters, app: d.value })}>
              <option value="">{t("Filter_AllApps")}</option>
              {allowedApps.map((a) => (
                <option key={a} value={a}>
                  {appFamilyLabel(t, a)}
                </option>
              ))}
            </Select>
          </Field>
        )}
      </div>
      <Text as="p" role="status" className={styles.count}>
        {t("Results_Count", { shown: visible.length, total: recommendations.filter((r) => allowedApps.includes(getPatternMeta(r.patternId)!.appFamily)).length })}
      </Text>
      <ol className={styles.list} aria-label={t("Results_ListLabel")}>
        {visible.map((r, index) => {
          const name = patternName(t, r.patternId);
          const meta = getPatternMeta(r.patternId)!;
          const chosen = chosenId === r.patternId;
          const expanded = expandedIds.includes(r.patternId);
          const inCompare = compareIds.includes(r.patternId);
          const detailId = `ipp-detail-${r.patternId}`;
          const headingId = `ipp-name-${r.patternId}`;
          return (
            <li key={r.patternId} className={chosen ? `${styles.item} ${styles.chosen}` : styles.item}>
              <div className={styles.head}>
                <h3 id={headingId} className={styles.name}>
                  {t("Results_ItemTitle", { rank: index + 1, name })}
                </h3>
                <Badge appearance="tint" color={FIT_COLOR[r.fit]}>
                  {t(`Fit_${r.fit}`)}
                </Badge>
                {chosen && (
                  <Badge appearance="filled" color="brand">
                    {t("Chosen_Badge")}
                  </Badge>
                )}
              </div>
              <Text as="p" size={200} className={styles.meta}>
                {t("Results_ItemMeta", { score: Math.round(r.score * 100), app: appFamilyLabel(t, meta.appFamily) })}
              </Text>
              {r.reasons.length > 0 && (
                <ul className={styles.advice} aria-label={t("Results_ReasonsLabel", { name })}>
                  {r.reasons.map((x) => (
                    <li key={x.code}>{adviceText(t, x)}</li>
                  ))}
                </ul>
              )}
              {r.warnings.length > 0 && (
                <ul className={`${styles.advice} ${styles.warning}`} aria-label={t("Results_WarningsLabel", { name })}>
                  {r.warnings.map((x) => (
                    <li key={x.code}>{adviceText(t, x)}</li>
                  ))}
                </ul>
              )}
              <div className={styles.actions}>
                <Button aria-expanded={expanded} aria-controls={expanded ? detailId : undefined} onClick={() => props.onToggleExpanded(r.patternId)} aria-label={t(expanded ? "Action_HideDetails_Aria" : "Action_ShowDetails_Aria", { name })}>
                  {t(expanded ? "Action_HideDetails" : "Action_ShowDetails")}
                </Button>
                <Checkbox
                  label={t("Action_Compare")}
                  aria-label={t("Action_Compare_Aria", { name })}
                  checked={inCompare}
                  disabled={!inCompare && compareIds.length >= MAX_COMPARE}
                  onChange={(_e, d) => props.onToggleCompare(r.patternId, d.checked === true)}
                />
                {chosen ? (
                  <Text weight="semibold">{t("Chosen_Current")}</Text>
                ) : (
                  canChoose && (
                    <Button appearance="primary" onClick={() => props.onChoose(r.patternId)} aria-label={t("Action_Choose_Aria", { name })}>
                      {t("Action_Choose")}
                    </Button>
                  )
                )}
              </div>
              {expanded && (
                <div id={detailId} role="region" aria-label={t("Detail_Label", { name })}>
                  <PatternDetail t={t} patternId={r.patternId} />
                </div>
              )}
            </li>
          );
        })}
      </ol>
      {visible.length === 0 && <Text as="p">{t("Results_None")}</Text>}
    </section>
  );
};
