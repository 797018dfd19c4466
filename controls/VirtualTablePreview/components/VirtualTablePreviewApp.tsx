/** @jsx h */
/** @jsxFrag Fragment */
import * as React from "react";
import { Fragment, h } from "../../common/jsx";
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Switch,
  Text,
  type Theme,
} from "@fluentui/react-components";
import {
  cellExportValue,
  filterValueProblem,
  isOverdue,
  toCsv,
  type CellFormatters,
  type Formatters,
  type ReadableStore,
  type SessionActions,
  type SessionSnapshot,
} from "@integrationkit/shared";
import { ControlRoot } from "../../common/ControlRoot";
import { useStore } from "../../common/useStore";
import { DiagnosticsPane } from "./DiagnosticsPane";
import { downloadText, exportFileName } from "./download";
import { ROW_HEIGHT, useStyles, type Density } from "./styles";
import type { Plural, Translate } from "./types";
import { VirtualGrid, type VirtualGridHandle } from "./VirtualGrid";

/** After this long without rows, a pending page is called out as overdue (the cancel is there from the start). */
const OVERDUE_MS = 10000;
const WAIT_TICK_MS = 5000;

export interface VirtualTablePreviewAppProps {
  /** The dataset session: every change is a new immutable snapshot. */
  session: ReadableStore<SessionSnapshot>;
  actions: SessionActions;
  t: Translate;
  plural: Plural;
  /** The user's formats (language, time zone, number formats) and text direction. */
  formatters: Formatters;
  /** Cell text per column type (from `context.formatting`). */
  cellFormatters: CellFormatters;
  theme?: Theme;
  /** Allocated size in px; -1 or 0 when the host does not say (the control then fills its container). */
  width: number;
  height: number;
  density: Density;
  /** Whether the diagnostics pane is open when the form loads (the user can open or close it). */
  showDiagnostics: boolean;
  /** The form disables the control (`isControlDisabled`): nothing can be selected or sorted. */
  disabled: boolean;
  now?: () => number;
}

/** Height used when the host gives none (model-driven forms): about twelve rows. */
const DEFAULT_HEIGHT = 480;

export const VirtualTablePreviewApp: React.FC<VirtualTablePreviewAppProps> = (props) => {
  const { t, plural, formatters: f, actions } = props;
  const snap = useStore(props.session);
  const snapRef = React.useRef(snap);
  snapRef.current = snap;
  const dir = f.dir;
  return (
    <ControlRoot
      theme={props.theme}
      dir={dir}
      strings={{ errorTitle: t("Root_ErrorTitle"), errorBody: t("Root_ErrorBody"), retry: t("Root_Retry") }}
      style={{ width: props.width > 0 ? props.width : "100%", height: props.height > 0 ? props.height : DEFAULT_HEIGHT, display: "flex" }}
    >
      <PreviewBody {...props} snap={snap} snapRef={snapRef} actions={actions} t={t} plural={plural} formatters={f} />
    </ControlRoot>
  );
};

interface BodyProps extends VirtualTablePreviewAppProps {
  snap: SessionSnapshot;
  snapRef: React.MutableRefObject<SessionSnapshot>;
}

function PreviewBody(props: BodyProps): React.ReactElement {
  const { t, plural, formatters: f, actions, snap, snapRef } = props;
  const styles = useStyles();
  const [infinite, setInfinite] = React.useState(false);
  const [showDiag, setShowDiag] = React.useState(props.showDiagnostics);
  const [exported, setExported] = React.useState<string | null>(null);
  React.useEffect(() => setShowDiag(props.showDiagnostics), [props.showDiagnostics]);
  const now = props.now ?? Date.now;
  const rootRef = React.useRef<HTMLDivElement>(null);
  const gridRef = React.useRef<VirtualGridHandle>(null);
  const focusInside = React.useRef(false);

  const { model, pending, busy, paging } = snap;
  // While a page is pending, re-render every few seconds so the wait time and the overdue note stay current.
  const [, setTick] = React.useState(0);
  React.useEffect(() => {
    if (!pending) return undefined;
    const id = setInterval(() => setTick((x) => x + 1), WAIT_TICK_MS);
    return () => clearInterval(id);
  }, [pending]);

  // A button that goes away or turns off under the keyboard user's focus ("Stop waiting", "Try again",
  // the error bar) would drop focus on the page's body: bring it back to the grid's active cell.
  React.useLayoutEffect(() => {
    const root = rootRef.current;
    if (!root || !focusInside.current) return;
    const active = document.activeElement;
    if (active !== null && active !== document.body && document.contains(active)) return;
    if (gridRef.current) gridRef.current.focusActiveCell();
    else root.querySelector<HTMLElement>("button:not([disabled])")?.focus();
  });
  const onFocus = (e: React.FocusEvent<HTMLDivElement>): void => {
    if (e.currentTarget.contains(e.target)) focusInside.current = true;
  };
  const onBlur = (e: React.FocusEvent<HTMLDivElement>): void => {
    const to = e.relatedTarget as Node | null;
    if (to !== null) {
      // Popovers render in a portal: focus there is still the control's.
      if (!e.currentTarget.contains(to) && !(to as Element).closest?.("[role=dialog]")) focusInside.current = false;
      return;
    }
    const target = e.target as Node;
    setTimeout(() => {
      // Still in the page: the user moved focus away (clicked outside). Removed: we keep it.
      if (target.isConnected && (document.activeElement === document.body || document.activeElement === null)) focusInside.current = false;
    }, 0);
  };

  // Stable callbacks (the grid's rows and headers are memoized on them); they read the latest snapshot.
  const onSort = React.useCallback((c: string, d?: 0 | 1) => void actions.sort(c, d), [actions]);
  const onFilter = React.useCallback(
    (c: string, fl: Parameters<SessionActions["setFilter"]>[1]) => void actions.setFilter(c, fl),
    [actions],
  );
  const onOpen = React.useCallback((id: string) => void actions.open(id), [actions]);
  const onToggle = React.useCallback(
    (id: string) => {
      const ids = snapRef.current.selectedIds;
      actions.select(ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]);
    },
    [actions, snapRef],
  );
  const onToggleAll = React.useCallback(
    (select: boolean) => actions.select(select ? snapRef.current.model.rows.map((r) => r.id) : []),
    [actions, snapRef],
  );
  const onNearEnd = React.useCallback(() => {
    const s = snapRef.current;
    if (!s.busy && s.paging.canGoNext) actions.loadMore();
  }, [actions, snapRef]);

  const exportCsv = (): void => {
    const header = model.columns.map((c) => c.name);
    const rows = model.rows.map((r) => model.columns.map((c) => (r.cells[c.name] ? cellExportValue(r.cells[c.name], c.kind) : null)));
    downloadText(exportFileName(snap.table.entityName, new Date(now())), toCsv(header, rows));
    setExported(plural("Export_Done", model.rows.length, { count: f.integer(model.rows.length) }));
  };

  const rowHeight = ROW_HEIGHT[props.density] ?? ROW_HEIGHT.normal;
  const height = props.height > 0 ? props.height : DEFAULT_HEIGHT;
  const gridHeight = Math.max(160, height - 90);
  const loaded = model.rows.length;
  const total = paging.totalResultCount;
  const countText =
    total >= 0
      ? plural("Rows_Count", total, { loaded: f.integer(loaded), count: f.integer(total) })
      : plural("Rows_CountUnknown", loaded, { count: f.integer(loaded) });
  const pageText =
    paging.pageCount !== null
      ? t("Page_OfCount", { n: f.integer(paging.pageNumber), count: f.integer(paging.pageCount) })
      : t("Page_N", { n: f.integer(paging.pageNumber) });
  const firstLoad = loaded === 0 && (busy || snap.hostLoading) && snap.error === null;
  const filters = snap.filters;
  // Filter values that cannot be sent (an impossible date such as 2024-02-31, a word for a number): the
  // session keeps them but never sends them, and the query text leaves them out; the pane lists them.
  const invalidColumns = React.useMemo(() => {
    const names = new Set([...snap.query.invalid, ...snap.filters.filter((fl) => filterValueProblem(fl) !== null).map((fl) => fl.column)]);
    return Array.from(names).map((name) => snap.columns.find((c) => c.column.name === name)?.column.displayName ?? name);
  }, [snap.query.invalid, snap.filters, snap.columns]);

  return (
    <div ref={rootRef} className={styles.root} style={{ height: "100%" }} data-testid="vtp-root" onFocus={onFocus} onBlur={onBlur}>
      <div className={styles.toolbar} role="toolbar" aria-label={t("Toolbar_Label")}>
        <Text weight="semibold">{countText}</Text>
        <Text>{pageText}</Text>
        <span className={styles.spacer} />
        {/* disabledFocusable: a button that turns off while its page loads keeps the keyboard user's focus. */}
        <Button size="small" disabledFocusable={busy || !paging.canGoPrevious} onClick={() => actions.firstPage()}>
          {t("Page_First")}
        </Button>
        <Button size="small" disabledFocusable={busy || !paging.canGoPrevious} onClick={() => actions.previousPage()}>
          {t("Page_Previous")}
        </Button>
        <Button
          size="small"
          disabledFocusable={busy || !paging.canGoNext}
          onClick={() => (infinite ? actions.loadMore() : actions.nextPage())}
        >
          {infinite ? t("Page_More") : t("Page_Next")}
        </Button>
        <Switch checked={infinite} label={t("Infinite_Label")} onChange={(_, d) => setInfinite(d.checked)} />
        <Button size="small" disabled={loaded === 0} onClick={exportCsv}>
          {t("Export_Button")}
        </Button>
      </div>
      <div className={styles.status} role="status" aria-live="polite">
        {pending && (
          <>
            <Spinner size="extra-tiny" aria-hidden="true" />
            <span>
              {isOverdue(pending, now(), OVERDUE_MS)
                ? t("Loading_Overdue", {
                    n: f.integer(pending.pageNumber),
                    s: f.integer(Math.round((now() - (pending.askedAt ?? now())) / 1000)),
                  })
                : t("Loading_Page", { n: f.integer(pending.pageNumber) })}
            </span>
            <Button size="small" appearance="subtle" onClick={() => actions.cancel()}>
              {t("Loading_Cancel")}
            </Button>
          </>
        )}
        {!pending && snap.hostLoading && <span>{t("Loading_Host")}</span>}
        {!pending && exported && <span>{exported}</span>}
      </div>
      {snap.error !== null && (
        <MessageBar intent="error" layout="multiline" className={styles.error}>
          <MessageBarBody>
            <MessageBarTitle>{t("Error_Title")}</MessageBarTitle>
            {/* The provider's message is shown as text, never as markup, and wraps however long it is. */}
            <div className={styles.errorText}>
              {snap.error === "" ? t("Error_NoMessage") : snap.error}
              {/* The data side recognises the temp-table paging error and gives the FAQ's remedy as a warning. */}
              {snap.warnings.includes("finOpsTempTablePaging") ? ` ${t("Warn_finOpsTempTablePaging")}` : ""}
            </div>
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => actions.retry()} disabledFocusable={!snap.canRetry}>
              {t("Error_Retry")}
            </Button>
          </MessageBarActions>
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
          <MemoGrid
            ref={gridRef}
            t={t}
            dir={f.dir}
            columns={snap.columns}
            rows={model.rows}
            rowHeight={rowHeight}
            height={loaded === 0 ? 120 : gridHeight}
            formatters={props.cellFormatters}
            selectedIds={snap.selectedIds}
            sorting={snap.sorting}
            filters={filters}
            disabled={props.disabled}
            busy={busy}
            canOpen={snap.canOpen}
            onSort={onSort}
            onFilter={onFilter}
            onToggle={onToggle}
            onToggleAll={onToggleAll}
            onOpen={onOpen}
            onNearEnd={infinite ? onNearEnd : undefined}
          />
          {loaded === 0 && snap.error === null && (
            <div className={styles.center}>
              <Text weight="semibold">{filters.length ? t("Empty_Filtered") : t("Empty_Title")}</Text>
              {filters.length > 0 && (
                <Button size="small" disabledFocusable={busy} onClick={() => actions.clearFilters()}>
                  {t("Filter_ClearAll")}
                </Button>
              )}
            </div>
          )}
        </>
      )}
      <DiagnosticsPane
        t={t}
        plural={plural}
        formatters={f}
        dir={f.dir}
        open={showDiag}
        onOpenChange={setShowDiag}
        pageLog={snap.pageLog}
        summary={snap.summary}
        odataText={snap.query.text}
        unsupportedOperators={snap.query.unsupported}
        invalidFilterColumns={invalidColumns}
        warnings={snap.warnings}
        table={snap.table}
        columns={snap.columns}
        model={model}
        lastArrivalAt={snap.lastArrivalAt}
        now={pending ? now() : 0}
      />
    </div>
  );
}

/** The grid re-renders only when its own inputs change (not on a status tick or a diagnostics toggle). */
const MemoGrid = React.memo(VirtualGrid);
