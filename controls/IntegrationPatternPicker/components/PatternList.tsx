/** @jsx h */
import * as React from "react";
import { Badge, Button, Checkbox, Field, Input, Select, Text } from "@fluentui/react-components";
import { PATTERN_FAMILIES, getPatternMeta, type AppFamily, type Fit, type Recommendation } from "@integrationkit/shared";
import { PatternDetail } from "./PatternDetail";
import { adviceText, appFamilyLabel, patternField, patternFamilyLabel, patternName, type TextProps } from "./text";
import { h } from "../../common/jsx";
import { makeStyles, mergeClasses, tokens } from "../../common/fluent";

const useStyles = makeStyles({
  filters: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(160px, 1fr))",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
  },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  item: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  chosen: { border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}` },
  card: {
    minWidth: 0,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: tokens.strokeWidthThin },
  },
  head: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  name: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  meta: { color: tokens.colorNeutralForeground2 },
  advice: { margin: `${tokens.spacingVerticalXS} 0`, paddingLeft: tokens.spacingHorizontalXL },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    marginTop: tokens.spacingVerticalS,
  },
  count: { color: tokens.colorNeutralForeground2 },
});

const FIT_COLOR: Record<Fit, "success" | "informative" | "danger"> = {
  recommended: "success",
  possible: "informative",
  "not-suitable": "danger",
};

export interface ListFilters {
  search: string;
  family: string;
  app: string;
}

interface PatternListProps extends TextProps {
  /** Prefix of element ids, unique per control instance (Fluent useId). */
  baseId: string;
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
  /** Set after Choose: focus moves to that card, since its Choose button goes away. */
  focusCard?: { id: string } | null;
}

export const MAX_COMPARE = 3;

/** Ranked results with fit badges, reasons, warnings, details, compare and choose. */
export const PatternList: React.FC<PatternListProps> = (props) => {
  const {
    t,
    plural,
    formatters,
    baseId,
    recommendations,
    allowedApps,
    filters,
    onFiltersChange,
    chosenId,
    canChoose,
    compareIds,
    expandedIds,
    focusCard,
  } = props;
  const styles = useStyles();
  const cardId = (id: string): string => `${baseId}card-${id}`;
  React.useEffect(() => {
    if (focusCard) document.getElementById(cardId(focusCard.id))?.focus();
    // cardId depends on baseId only, which never changes for an instance.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusCard]);
  const query = filters.search.trim().toLowerCase();
  const visible = recommendations.filter((r) => {
    const meta = getPatternMeta(r.patternId);
    if (!meta || !allowedApps.includes(meta.appFamily)) return false;
    if (filters.app !== "" && meta.appFamily !== filters.app) return false;
    if (filters.family !== "" && !meta.families.includes(filters.family as (typeof meta.families)[number])) return false;
    if (query === "") return true;
    const haystack = [patternName(t, r.patternId), r.patternId, patternField(t, meta.id, "Mechanism"), patternField(t, meta.id, "UseWhen")]
      .join(" ")
      .toLowerCase();
    return haystack.includes(query);
  });

  const total = recommendations.filter((r) => allowedApps.includes(getPatternMeta(r.patternId)?.appFamily ?? "cross-app")).length;
  return (
    <section aria-label={t("Results_Label")}>
      <div className={styles.filters} role="search" aria-label={t("Filters_Label")}>
        <Field label={t("Filter_Search")}>
          <Input
            type="search"
            value={filters.search}
            placeholder={t("Filter_SearchPlaceholder")}
            onChange={(_e, d) => onFiltersChange({ ...filters, search: d.value })}
          />
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
        {plural("Results_Count", total, { shown: formatters.integer(visible.length), count: formatters.integer(total) })}
      </Text>
      <ol className={styles.list} aria-label={t("Results_ListLabel")}>
        {visible.map((r, index) => {
          const name = patternName(t, r.patternId);
          const meta = getPatternMeta(r.patternId)!;
          const chosen = chosenId === r.patternId;
          const expanded = expandedIds.includes(r.patternId);
          const inCompare = compareIds.includes(r.patternId);
          const detailId = `${baseId}detail-${r.patternId}`;
          const headingId = `${baseId}name-${r.patternId}`;
          return (
            <li
              key={r.patternId}
              id={cardId(r.patternId)}
              tabIndex={-1}
              aria-labelledby={headingId}
              className={mergeClasses(styles.item, styles.card, chosen && styles.chosen)}
            >
              <div className={styles.head}>
                <h3 id={headingId} className={styles.name}>
                  {t("Results_ItemTitle", { rank: formatters.integer(index + 1), name })}
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
                {t("Results_ItemMeta", { score: formatters.percent(r.score), app: appFamilyLabel(t, meta.appFamily) })}
              </Text>
              {r.reasons.length > 0 && (
                <ul className={styles.advice} aria-label={t("Results_ReasonsLabel", { name })}>
                  {r.reasons.map((x) => (
                    <li key={x.code}>{adviceText(t, x)}</li>
                  ))}
                </ul>
              )}
              {r.warnings.length > 0 && (
                <ul className={mergeClasses(styles.advice, styles.warning)} aria-label={t("Results_WarningsLabel", { name })}>
                  {r.warnings.map((x) => (
                    <li key={x.code}>{adviceText(t, x)}</li>
                  ))}
                </ul>
              )}
              <div className={styles.actions}>
                <Button
                  aria-expanded={expanded}
                  aria-controls={expanded ? detailId : undefined}
                  onClick={() => props.onToggleExpanded(r.patternId)}
                  aria-label={t(expanded ? "Action_HideDetails_Aria" : "Action_ShowDetails_Aria", { name })}
                >
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
                  <PatternDetail t={t} patternId={meta.id} />
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
