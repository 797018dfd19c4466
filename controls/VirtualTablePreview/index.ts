import * as React from "react";
import { IInputs, IOutputs } from "./generated/ManifestTypes";
import { VirtualTablePreviewApp, type VirtualTablePreviewAppProps } from "./components/VirtualTablePreviewApp";
import type { ColumnView, LiveState } from "./components/types";
import type { Density } from "./components/styles";
import {
  allocatedPixels,
  columnCapability,
  createTranslator,
  DatasetSession,
  effectivePageSize,
  pageCount,
  tableFacts,
  type CellFormatters,
  type ColumnFilter,
  type DatasetLike,
} from "@integrationkit/shared";

type Capabilities = { isSortable?: boolean; isFilterable?: boolean };

/** Thin glue: PCF context -> plain props; user actions -> dataset calls through DatasetSession. */
export class VirtualTablePreview implements ComponentFramework.ReactControl<IInputs, IOutputs> {
  private session = new DatasetSession();
  private context!: ComponentFramework.Context<IInputs>;
  private t: ReturnType<typeof createTranslator> = (k) => k;
  private columnViews: ColumnView[] = [];
  private live!: LiveState;
  private callbacks!: Pick<
    VirtualTablePreviewAppProps,
    "onSort" | "onFilter" | "onSelect" | "onOpen" | "onNext" | "onPrevious" | "onFirst" | "onMore" | "onCancel" | "onRetry" | "onClearFilters" | "formatTime"
  >;
  private formatters!: CellFormatters;

  public init(context: ComponentFramework.Context<IInputs>): void {
    this.context = context;
    this.session = new DatasetSession(Date.now, context.parameters.pageSize?.raw ?? undefined);
    context.mode.trackContainerResize(true);
    this.t = createTranslator((key) => this.context.resources.getString(key));
    const s = this.session;
    // Bound once so React props stay stable between updates.
    this.live = {
      pageLog: () => s.pageLog,
      busy: () => s.busy(),
      selectedIds: () => s.selectedIds,
      warnings: () => s.warnings(this.context.parameters.pageSize?.raw),
      sortDirection: (c) => s.sortDirection(c),
      activeFilters: () => s.activeFilters,
      canGoNext: () => s.canGoNext(),
      pageNumber: () => s.pageNumber(),
    };
    this.callbacks = {
      onSort: (c, d) => void s.sort(c, d),
      onFilter: (c: string, f: ColumnFilter | null) => void s.setFilter(c, f),
      onSelect: (ids) => s.select(ids),
      onOpen: (id) => void s.open(id),
      onNext: () => void s.nextPage(),
      onPrevious: () => void s.previousPage(),
      onFirst: () => void s.firstPage(),
      onMore: () => void s.loadMore(),
      onCancel: () => s.cancel(),
      onRetry: () => void s.retry(),
      onClearFilters: () => void s.clearFilters(),
      formatTime: (ms) => this.formatTime(ms),
    };
    const f = (): ComponentFramework.Formatting => this.context.formatting;
    this.formatters = {
      date: (d) => f().formatDateShort(d),
      dateTime: (d) => f().formatDateShort(d, true),
      integer: (n) => f().formatInteger(n),
      decimal: (n) => f().formatDecimal(n),
      currency: (n) => f().formatCurrency(n),
      yes: this.t("Value_Yes"),
      no: this.t("Value_No"),
    };
  }

  public updateView(context: ComponentFramework.Context<IInputs>): React.ReactElement {
    // A User Timing mark (only the latest is kept) so browser tools and our benchmark can time data
    // arriving in the control apart from the host's own work before it calls updateView.
    markUpdate();
    this.context = context;
    const dataset = context.parameters.records as unknown as DatasetLike | undefined;
    const requested = context.parameters.pageSize?.raw;
    const changed = this.session.sync(dataset, requested);
    const table = tableFacts(safe(() => dataset?.getTargetEntityType?.()) ?? "");
    if (changed || this.columnViews.length !== this.session.current.columns.length) {
      const caps = safe(() => (dataset as unknown as { getDataSetCapabilities?: () => Capabilities }).getDataSetCapabilities?.()) ?? {};
      const raw = new Map((dataset?.columns ?? []).map((c) => [c.name, c]));
      this.columnViews = this.session.current.columns.map((column) => ({
        column,
        capability: columnCapability(
          { kind: column.kind, disableSorting: raw.get(column.name)?.disableSorting },
          { table, isVirtual: true, datasetCanSort: caps.isSortable, datasetCanFilter: caps.isFilterable },
        ),
      }));
    }
    const density = context.parameters.density?.raw as Density | undefined;
    const paging = dataset?.paging;
    const total = typeof paging?.totalResultCount === "number" ? paging.totalResultCount : -1;
    return React.createElement(VirtualTablePreviewApp, {
      t: this.t,
      theme: context.fluentDesignLanguage?.tokenTheme,
      width: allocatedPixels(context.mode.allocatedWidth),
      height: allocatedPixels(context.mode.allocatedHeight),
      density: density === "compact" || density === "comfortable" ? density : "normal",
      showDiagnostics: context.parameters.showDiagnostics?.raw !== false,
      disabled: context.mode.isControlDisabled,
      model: this.session.current,
      columns: this.columnViews,
      table,
      loading: dataset?.loading === true,
      error: dataset?.error ? String(dataset.errorMessage ?? "") : null,
      totalResultCount: total,
      // A page count only makes sense when the provider pages by the size we asked for.
      pageCount: this.session.warnings(requested).includes("pageSizeIgnored") ? null : pageCount(total, this.session.pageSize),
      requestedPageSize: effectivePageSize(requested).size,
      live: this.live,
      formatters: this.formatters,
      lastArrivalAt: this.session.lastArrivalAt,
      canOpen: typeof dataset?.openDatasetItem === "function",
      ...this.callbacks,
    });
  }

  public getOutputs(): IOutputs {
    return {};
  }

  public destroy(): void {
    // Nothing to release: the session holds no timers or subscriptions.
  }

  private formatTime(ms: number): string {
    const d = new Date(ms);
    // Seconds matter when comparing page timings, so prefer the user's locale time with seconds.
    return safe(() => d.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit", second: "2-digit" })) ?? d.toISOString();
  }
}

/** Allocated sizes arrive as numbers in Dataverse but as strings in the test harness; -1 means "not given". */
function safe<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}

const UPDATE_MARK = "IntegrationKit.VirtualTablePreview.updateView";

function markUpdate(): void {
  // Timing is a diagnostic: a host (or a test's fake clock) without User Timing simply gets no mark.
  const p = typeof performance === "undefined" ? undefined : performance;
  if (typeof p?.mark !== "function" || typeof p.clearMarks !== "function") return;
  try {
    p.clearMarks(UPDATE_MARK);
    p.mark(UPDATE_MARK);
  } catch {
    // Never let a diagnostic break the grid.
  }
}
