import * as React from "react";
import { Button, FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Switch, Text, webLightTheme, type Theme } from "@fluentui/react-components";
import { buildFilter, cellExportValue, isOverdue, odataQuery, pendingPage, toCsv, type CellFormatters, type ColumnKind, type SessionModel, type TableFacts } from "@integrationkit/shared";
import { DiagnosticsPane } from "./DiagnosticsPane";
import { downloadText, exportFileName } from "./download";
import { ROW_HEIGHT, useStyles, type Density } from "./styles";
import type { ColumnView, GridCallbacks, LiveState, Translate } from "./types";
import { VirtualGrid } from "./VirtualGrid";

/** After this long without rows, a pending page is called out as overdue (the cancel is there from the start). */
export const OVERDUE_MS = 10000;
const WAIT_TICK_MS = 5000;

export interface VirtualTablePreviewAppProps extends GridCallbacks {
  t: Translate;
  theme?: Theme;
  /** Allocated size in px; -1 or 0 when the host does not say. */
  width: number;
  height: number;
  density: Density;
  showDiagnostics: boolean;
  disabled: boolean;
  model: SessionModel;
  columns: readonly ColumnView[];
  table: TableFacts;
  loading: boolean;
  /** The dataset's error message when it is in error, else null. */
  error: string | null;
  totalResultCount: number;
  pageCount: number | null;
  requestedPageSize: number;
  live: LiveState;
  formatters: CellFormatters;
  formatTime(epochMs: number): string;
  lastArrivalAt: number | null;
  canOpen: boolean;
  onNext(): void;
  onPrevious(): void;
  onFirst(): void;
  onMore(): void;
  onCancel(): void;
  onRetry(): void;
  onClearFilters(): void;
  now?: () => number;
}

const DEFAULT_HEIGHT = 480;

export const VirtualTablePreviewApp: React.FC<VirtualTablePreviewAppProps> = (props) => {
  const { t, model, live, columns } = props;
  const styles = useStyles();
  const [, rerender] = React.useReducer((x: number) => x + 1, 0);
  const [infinite, setInfinite] = React.useState(false);
  const [showDiag, setShowDiag] = React.useState(props.showDiagnostics);
  const [exported, setExported] = React.useState<string | null>(null);
  React.useEffect(() => setShowDiag(props.showDiagnostics), [props.showDiagnostics]);
  const now = props.now ?? Date.now;

  const busy = live.busy();
  const log = live.pageLog();
  const pending = pendingPage(log);
  // While a page is pending, re-render every few seconds so the wait time and the overdue note stay
  // current (coarse on purpose: each tick re-renders the grid).
  React.useEffect(() => {
    if (!pending) return undefined;
    const id = setInterval(rerender, WAIT_TICK_MS);
    return () => clearInterval(id);
  }, [pending]);

  /** Runs a dataset action and re-renders, since the page log changes before the host calls back. */
  const act = React.useCallback((fn: () => void) => () => {
    fn();
    rerender();
  }, []);

  const width = props.width > 0 ? props.width : undefined;
  const height = props.height > 0 ? props.height : DEFAULT_HEIGHT;
  const rowHeight = ROW_HEIGHT[props.density] ?? ROW_HEIGHT.normal;
  const narrow = width !== undefined && width < 520;
  const diagHeight = showDiag ? Math.round(height * 0.35) : 0;
  const gridHeight = Math.max(160, height - (narrow ? 150 : 110) - diagHeight);

  const selectedIds = live.selectedIds();
  const selected = React.useMemo(() => new Set(selectedIds), [selectedIds]);
  const filters = live.activeFilters();
  const kinds = React.useMemo(() => {
    const k: Record<string, ColumnKind> = {};
    for (const c of model.columns) k[c.name] = c.kind;
    return k;
  }, [model.columns]);
  const sorting = model.columns.map((c) => ({ name: c.name, sortDirection: live.sortDirection(c.name) })).filter((s) => s.sortDirection !== -1);
  const query = odataQuery({ sorting, filter: buildFilter(filters), pageSize: props.requestedPageSize, kinds });

  const exportCsv = (): void => {
    const header = model.columns.map((c) => c.name);
    const rows = model.rows.map((r) => model.columns.map((c) => (r.cells[c.name] ? cellExportValue(r.cells[c.name], c.kind) : null)));
    downloadText(exportFileName(props.table.entityName, new Date(now())), toCsv(header, rows));
    setExported(t("Export_Done", { n: model.rows.length }));
  };

  const onSelectToggle = (id: string): void => {
    props.onSelect(selected.has(id) ? selectedIds.filter((x) => x !== id) : [...selectedIds, id]);
    rerender();
  };
  const onToggleAll = (select: boolean): void => {
    props.onSelect(select ? model.rows.map((r) => r.id) : []);
    rerender();
  };
  const onNearEnd = React.useCallback(() => {
    if (!live.busy() && live.canGoNext()) {
      props.onMore();
      rerender();
    }
    // props.onMore and live are stable for a control instance.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const loaded = model.rows.length;
  const countText = props.totalResultCount >= 0 ? t("Rows_Count", { loaded, total: props.totalResultCount }) : t("Rows_CountUnknown", { loaded });
  const pageText = props.pageCount !== null ? t("Page_OfCount", { n: live.pageNumber(), count: props.pageCount }) : t("Page_N", { n: live.pageNumber() });
  const firstLoad = loaded === 0 && (busy || props.loading) && !props.error;

  return (
    <FluentProvider theme={props.theme ?? webLightTheme} style={{ width: width ?? "100%", height, display: "flex" }}>
      <div className={styles.root} style={{ width: "100%", height: "100%" }} data-testid="vtp-root">
        <div className={styles.toolbar} role="toolbar" aria-label={t("Toolbar_Label")}>
          <Text weight="semibold">{countText}</Text>
          <Text>{pageText}</Text>
          <span className={styles.spacer} />
          <Button size="small" disabled={busy || live.pageNumber() <= 1} onClick={act(props.onFirst)}>
            {t("Page_First")}
          </Button>
          <Button size="small" disabled={busy || live.pageNumber() <= 1} onClick={act(props.onPrevious)}>
            {t("Page_Previous")}
          </Button>
          <Button size="small" disabled={busy || !live.canGoNext()} onClick={act(infinite ? props.onMore : props.onNext)}>
            {infinite ? t("Page_More") : t("Page_Next")}
          </Button>
          <Switch checked={infinite} label={t("Infinite_Label")} onChange={(_, d) => setInfinite(d.checked)} />
          <Button size="small" disabled={loaded === 0} onClick={exportCsv}>
            {t("Export_Button")}
          </Button>
          <Button size="small" appearance="subtle" aria-expanded={showDiag} onClick={() => setShowDiag(!showDiag)}>
            {showDiag ? t("Diag_Hide") : t("Diag_Show")}
          </Button>
        </div>
        <div className={styles.status} role="status" aria-live="polite">
          {pending && (
            <>
              <Spinner size="extra-tiny" aria-hidden="true" />
              <span>
                {isOverdue(pending, now(), OVERDUE_MS)
                  ? t("Loading_Overdue", { n: pending.pageNumber, s: Math.round((now() - (pending.askedAt ?? now())) / 1000) })
                  : t("Loading_Page", { n: pending.pageNumber })}
              </span>
              <Button size="small" appearance="subtle" onClick={act(props.onCancel)}>
                {t("Loading_Cancel")}
              </Button>
            </>
          )}
          {!pending && props.loading && <span>{t("Loading_Host")}</span>}
          {!pending && exported && <span>{exported}</span>}
        </div>
        {props.error !== null && (
          <MessageBar intent="error">
            <MessageBarBody>
              <MessageBarTitle>{t("Error_Title")}</MessageBarTitle>
              {/* The provider's message is shown as text, never as markup. */}
              {props.error === "" ? t("Error_NoMessage") : props.error}
              {props.table.isFinOps && /temporary tables?/i.test(props.error) ? ` ${t("Warn_finOpsTempTablePaging")}` : ""}
            </MessageBarBody>
            <Button size="small" onClick={act(props.onRetry)} disabled={busy}>
              {t("Error_Retry")}
            </Button>
          </MessageBar>
        )}
        {model.columns.length === 0 && !firstLoad ? (
          <div className={styles.center}>
            <Text weight="semibold">{t("NoColumns_Title")}</Text>
            <Text>{t("NoColumns_Body")}</Text>
          </div>
        ) : firstLoad ? (
          <div className={styles.center}>
            <Spinner label={t("Loading_First")} />
          </div>
        ) : (
          <>
            <VirtualGrid
              t={t}
              columns={columns}
              rows={model.rows}
              rowHeight={rowHeight}
              height={loaded === 0 ? 120 : gridHeight}
              formatters={props.formatters}
              selected={selected}
              filters={filters}
              sortDirection={live.sortDirection}
              disabled={props.disabled}
              busy={busy}
              canOpen={props.canOpen}
              onSort={(c, d) => {
                props.onSort(c, d);
                rerender();
              }}
              onFilter={(c, f) => {
                props.onFilter(c, f);
                rerender();
              }}
              onToggle={onSelectToggle}
              onToggleAll={onToggleAll}
              onOpen={props.onOpen}
              onNearEnd={infinite ? onNearEnd : undefined}
            />
            {loaded === 0 && !props.error && (
              <div className={styles.center}>
                <Text weight="semibold">{filters.length ? t("Empty_Filtered") : t("Empty_Title")}</Text>
                {filters.length > 0 && (
                  <Button size="small" disabled={busy} onClick={act(props.onClearFilters)}>
                    {t("Filter_ClearAll")}
                  </Button>
                )}
              </div>
            )}
          </>
        )}
        {showDiag && (
          <DiagnosticsPane
            t={t}
            pageLog={log}
            odataText={query.text}
            unsupportedOperators={query.unsupported}
            warnings={live.warnings()}
            table={props.table}
            columns={columns}
            missingColumns={model.missingColumns}
            mismatchedCells={model.mismatchedCells}
            checkedRows={model.checkedRows}
            orphanIds={model.orphanIds}
            lastArrivalAt={props.lastArrivalAt}
            formatTime={props.formatTime}
            now={now()}
          />
        )}
      </div>
    </FluentProvider>
  );
};
