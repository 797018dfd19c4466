/** @jsx h */
/** @jsxFrag Fragment */
import * as React from "react";
import { Fragment, h } from "../../common/jsx";
import { mergeClasses } from "../../common/fluent";
import {
  METADATA_TIMEOUT_MS,
  pageDuration,
  type DatasetWarning,
  type DiagnosticsSummary,
  type Formatters,
  type PageLog,
  type PageLogEntry,
  type SessionModel,
  type TableFacts,
} from "@integrationkit/shared";
import { ChevronIcon } from "./icons";
import { useStyles } from "./styles";
import type { ColumnView, Dir, Plural, Translate } from "./types";

interface DiagnosticsPaneProps {
  t: Translate;
  plural: Plural;
  formatters: Formatters;
  dir: Dir;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  pageLog: PageLog;
  summary: DiagnosticsSummary;
  odataText: string;
  unsupportedOperators: readonly number[];
  /** Columns (display names) whose filter value was refused as invalid and left out of the query. */
  invalidFilterColumns: readonly string[];
  warnings: readonly DatasetWarning[];
  table: TableFacts;
  columns: readonly ColumnView[];
  model: SessionModel;
  lastArrivalAt: number | null;
  now: number;
}

/** Rows of the page log shown; the log itself keeps more. */
const SHOWN_PAGES = 8;

/** The one line shown while the pane is closed (and as its heading when open). */
function summaryLine(p: Pick<DiagnosticsPaneProps, "t" | "plural" | "formatters" | "summary" | "warnings" | "model" | "table">): string {
  const { t, plural, formatters: f, summary: s } = p;
  const warnings =
    p.warnings.length +
    (p.model.missingColumns.length > 0 ? 1 : 0) +
    (p.model.mismatchedCells > 0 ? 1 : 0) +
    (p.model.orphanIds > 0 ? 1 : 0);
  const parts: string[] = [];
  if (s.requests === 0) parts.push(t("Diag_SummaryNone"));
  else parts.push(plural("Diag_SummaryRequests", s.requests, { count: f.integer(s.requests) }));
  if (s.failed > 0) parts.push(t("Diag_SummaryFailed", { count: f.integer(s.failed) }));
  if (s.lastDurationMs !== null) parts.push(t("Diag_SummaryLast", { duration: f.duration(s.lastDurationMs) }));
  if (s.pageSizeHonoured === false) parts.push(t("Diag_SummaryPageSizeIgnored"));
  if (warnings > 0) parts.push(plural("Diag_SummaryWarnings", warnings, { count: f.integer(warnings) }));
  parts.push(providerShort(t, p.table));
  return `${t("Diag_Title")}: ${parts.join(" \u00B7 ")}`;
}

/** The table's provider as the pane states it; never a guess: checking, failed and unknown say so. */
function providerText(t: Translate, f: Formatters, table: TableFacts): string {
  if (table.check === "checking") return t("Provider_checking");
  if (table.check === "failed") {
    if (table.timedOut) return t("Provider_timeout", { s: f.integer(Math.round(METADATA_TIMEOUT_MS / 1000)) });
    return table.failure !== null && table.failure.trim() !== ""
      ? t("Provider_failed", { reason: table.failure.trim() })
      : t("Provider_unknown");
  }
  return t(`Provider_${table.provider}`, { name: table.providerName ?? "" });
}

/** The provider in a few words, for the one-line summary. */
function providerShort(t: Translate, table: TableFacts): string {
  if (table.check === "checking") return t("Diag_SummaryProvider_checking");
  if (table.check === "failed") return t("Diag_SummaryProvider_failed");
  return t(`Diag_SummaryProvider_${table.provider}`, { name: table.providerName ?? "" });
}

/** What a request asked for, in OData terms (page size, sort, filter). */
function askedFor(e: PageLogEntry): string {
  return [e.sort ? `$orderby=${e.sort}` : "", e.filter ? `$filter=${e.filter}` : "", `$top=${e.pageSizeAsked}`].filter(Boolean).join("&");
}

/**
 * What the provider did: one row per page request (what was asked, what arrived, how long it took),
 * the query as OData text, warnings and column limits. Collapsible: closed, it is one summary line.
 */
export const DiagnosticsPane = React.memo(function DiagnosticsPane(p: DiagnosticsPaneProps): React.ReactElement {
  const { formatters: f } = p;
  const styles = useStyles();
  const [bodyId] = React.useState(() => `vtp-diag-${Math.random().toString(36).slice(2, 9)}`);
  const line = summaryLine(p);
  return (
    <div className={mergeClasses(styles.diagnostics, p.open && styles.diagnosticsOpen)} data-testid="vtp-diagnostics">
      <button
        type="button"
        className={styles.diagSummaryButton}
        aria-expanded={p.open}
        aria-controls={p.open ? bodyId : undefined}
        onClick={() => p.onOpenChange(!p.open)}
      >
        <ChevronIcon open={p.open} mirrored={p.dir === "rtl"} className={styles.headerIcon} />
        <span className={styles.diagSummaryText}>{line}</span>
      </button>
      {p.open && <DiagnosticsBody {...p} id={bodyId} formatters={f} />}
    </div>
  );
});

function DiagnosticsBody(p: DiagnosticsPaneProps & { id: string }): React.ReactElement {
  const { t, formatters: f } = p;
  const styles = useStyles();
  const entries = p.pageLog.entries.slice(-SHOWN_PAGES).reverse();
  const limited = p.columns.filter((c) => !c.capability.canSort || !c.capability.canFilter);
  const time = (ms: number): string => f.time(new Date(ms), true);
  const m = p.model;
  return (
    // Focusable because it scrolls: keyboard users must be able to scroll it (axe scrollable-region-focusable).
    <div id={p.id} className={styles.diagBody} tabIndex={0} role="region" aria-label={t("Diag_Title")}>
      <div data-testid="vtp-provider">
        <span>{t("Diag_Provider")} </span>
        <strong>{providerText(t, f, p.table)}</strong>
        {p.table.externalName !== null && p.table.check === "done" && p.table.isVirtual === true ? (
          <span> ({p.table.externalName})</span>
        ) : null}
      </div>
      <div>{freshness(t, p.table, p.lastArrivalAt === null ? null : time(p.lastArrivalAt))}</div>
      <table className={styles.diagTable}>
        <caption className={styles.srOnly}>{t("Diag_PagesCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("Diag_Col_Page")}</th>
            <th scope="col">{t("Diag_Col_Asked")}</th>
            <th scope="col">{t("Diag_Col_Query")}</th>
            <th scope="col">{t("Diag_Col_Rows")}</th>
            <th scope="col">{t("Diag_Col_Duration")}</th>
            <th scope="col">{t("Diag_Col_Status")}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => {
            const ms = pageDuration(e);
            const waited = e.status === "pending" && e.askedAt !== null ? Math.max(0, Math.round((p.now - e.askedAt) / 1000)) : null;
            return (
              <tr key={e.seq}>
                <td>{f.integer(e.pageNumber)}</td>
                <td>{e.askedAt === null ? t("Diag_NotAsked") : time(e.askedAt)}</td>
                <td>
                  <code className={styles.code}>{e.askedAt === null ? "\u2014" : askedFor(e)}</code>
                </td>
                <td>{e.rowCount === null ? "\u2014" : f.integer(e.rowCount)}</td>
                <td>{ms === null ? (waited !== null ? t("Diag_Waiting", { s: f.integer(waited) }) : "\u2014") : f.duration(ms)}</td>
                <td>
                  {t(`Diag_Status_${e.status}`) + " \u00B7 " + t(`Diag_Reason_${e.reason}`)}
                  {e.error ? <div className={styles.errorText}>{e.error}</div> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div>
        <span>{t("Diag_Query")} </span>
        <code className={styles.code} data-testid="vtp-query">
          {p.odataText === "" ? t("Diag_QueryNone") : p.odataText}
        </code>
      </div>
      {p.invalidFilterColumns.length > 0 && (
        <div data-testid="vtp-query-invalid">{t("Diag_QueryInvalid", { columns: p.invalidFilterColumns.join(", ") })}</div>
      )}
      {p.unsupportedOperators.length > 0 && <div>{t("Diag_QueryUnsupported", { ops: p.unsupportedOperators.join(", ") })}</div>}
      {(p.warnings.length > 0 || m.missingColumns.length > 0 || m.mismatchedCells > 0 || m.orphanIds > 0) && (
        <>
          <h4 className={styles.heading}>{t("Diag_Warnings")}</h4>
          <ul className={styles.list}>
            {p.warnings.map((w) => (
              <li key={w}>{t(`Warn_${w}`)}</li>
            ))}
            {m.missingColumns.length > 0 && (
              <li>{t("Warn_missingColumns", { columns: m.missingColumns.join(", "), checked: f.integer(m.checkedRows) })}</li>
            )}
            {m.mismatchedCells > 0 && <li>{t("Warn_mismatch", { n: f.integer(m.mismatchedCells), checked: f.integer(m.checkedRows) })}</li>}
            {m.orphanIds > 0 && <li>{t("Warn_orphans", { n: f.integer(m.orphanIds) })}</li>}
          </ul>
        </>
      )}
      <h4 className={styles.heading}>{t("Diag_Notes")}</h4>
      <ul className={styles.list} data-testid="vtp-notes">
        {p.table.rules.notes.map((n) => (
          <li key={n} data-provider-note={n}>
            {t(`ProviderNote_${n}`)}
          </li>
        ))}
        {limited.map((c) => (
          <li key={c.column.name}>
            {t("Note_columnLimited", {
              column: c.column.displayName,
              why: [
                c.capability.sortReason && t(`Reason_sort_${c.capability.sortReason}`),
                c.capability.filterReason && t(`Reason_filter_${c.capability.filterReason}`),
              ]
                .filter(Boolean)
                .join(" "),
            })}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Where the rows come from: live from the source for a virtual table, stored for a standard one, unsaid while unknown. */
function freshness(t: Translate, table: TableFacts, time: string | null): string {
  if (table.isVirtual === true) return time === null ? t("Diag_FreshnessNone") : t("Diag_Freshness", { time });
  if (table.isVirtual === false) return time === null ? t("Diag_FreshnessStoredNone") : t("Diag_FreshnessStored", { time });
  return time === null ? t("Diag_FreshnessUnknownNone") : t("Diag_FreshnessUnknown", { time });
}
