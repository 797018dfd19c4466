import * as React from "react";
import { pageDuration, type DatasetWarning, type PageLog, type TableFacts } from "@integrationkit/shared";
import { useStyles } from "./styles";
import type { ColumnView, Translate } from "./types";

export interface DiagnosticsPaneProps {
  t: Translate;
  pageLog: PageLog;
  odataText: string;
  unsupportedOperators: number[];
  warnings: DatasetWarning[];
  table: TableFacts;
  columns: readonly ColumnView[];
  missingColumns: readonly string[];
  mismatchedCells: number;
  checkedRows: number;
  orphanIds: number;
  lastArrivalAt: number | null;
  formatTime(epochMs: number): string;
  now: number;
}

/** Rows of the page log shown; the log itself keeps more. */
const SHOWN_PAGES = 8;

/** What the provider did: page timings, the query as OData text, warnings and column limits. */
export const DiagnosticsPane: React.FC<DiagnosticsPaneProps> = (p) => {
  const { t } = p;
  const styles = useStyles();
  const entries = p.pageLog.entries.slice(-SHOWN_PAGES).reverse();
  const limited = p.columns.filter((c) => !c.capability.canSort || !c.capability.canFilter);
  return (
    // Focusable because it scrolls: keyboard users must be able to scroll it (axe scrollable-region-focusable).
    <section className={styles.diagnostics} aria-label={t("Diag_Title")} tabIndex={0}>
      <h3 className={styles.heading}>{t("Diag_Title")}</h3>
      <div>{p.lastArrivalAt === null ? t("Diag_FreshnessNone") : t("Diag_Freshness", { time: p.formatTime(p.lastArrivalAt) })}</div>
      <table className={styles.diagTable}>
        <caption className={styles.srOnly}>{t("Diag_PagesCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("Diag_Col_Page")}</th>
            <th scope="col">{t("Diag_Col_Asked")}</th>
            <th scope="col">{t("Diag_Col_Duration")}</th>
            <th scope="col">{t("Diag_Col_Rows")}</th>
            <th scope="col">{t("Diag_Col_Status")}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => {
            const ms = pageDuration(e);
            const waited = e.status === "pending" && e.askedAt !== null ? Math.max(0, Math.round((p.now - e.askedAt) / 1000)) : null;
            return (
              <tr key={e.seq}>
                <td>{e.pageNumber}</td>
                <td>{e.askedAt === null ? t("Diag_NotAsked") : p.formatTime(e.askedAt)}</td>
                <td>{ms === null ? (waited !== null ? t("Diag_Waiting", { s: waited }) : "\u2014") : t("Diag_Ms", { ms: Math.round(ms) })}</td>
                <td>{e.rowCount ?? "\u2014"}</td>
                <td>{t(`Diag_Status_${e.status}`) + " \u00B7 " + t(`Diag_Reason_${e.reason}`)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div>
        <span>{t("Diag_Query")} </span>
        <code className={styles.code}>{p.odataText === "" ? t("Diag_QueryNone") : p.odataText}</code>
      </div>
      {p.unsupportedOperators.length > 0 && <div>{t("Diag_QueryUnsupported", { ops: p.unsupportedOperators.join(", ") })}</div>}
      {(p.warnings.length > 0 || p.missingColumns.length > 0 || p.mismatchedCells > 0 || p.orphanIds > 0) && (
        <>
          <h4 className={styles.heading}>{t("Diag_Warnings")}</h4>
          <ul className={styles.list}>
            {p.warnings.map((w) => (
              <li key={w}>{t(`Warn_${w}`)}</li>
            ))}
            {p.missingColumns.length > 0 && <li>{t("Warn_missingColumns", { columns: p.missingColumns.join(", "), checked: p.checkedRows })}</li>}
            {p.mismatchedCells > 0 && <li>{t("Warn_mismatch", { n: p.mismatchedCells, checked: p.checkedRows })}</li>}
            {p.orphanIds > 0 && <li>{t("Warn_orphans", { n: p.orphanIds })}</li>}
          </ul>
        </>
      )}
      <h4 className={styles.heading}>{t("Diag_Notes")}</h4>
      <ul className={styles.list}>
        {p.table.isFinOps && <li>{t("Note_finOps")}</li>}
        <li>{t("Note_columnSelection")}</li>
        {limited.map((c) => (
          <li key={c.column.name}>
            {t("Note_columnLimited", {
              column: c.column.displayName,
              why: [c.capability.sortReason && t(`Reason_sort_${c.capability.sortReason}`), c.capability.filterReason && t(`Reason_filter_${c.capability.filterReason}`)].filter(Boolean).join(" "),
            })}
          </li>
        ))}
      </ul>
    </section>
  );
};
