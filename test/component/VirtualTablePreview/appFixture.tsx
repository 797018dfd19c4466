/**
 * Mounts the preview's React app on a hand-made session store, with the real strings of a language and
 * the shared formatters over a given user's settings: the UI's behaviour without the PCF glue.
 */
import { render } from "@testing-library/react";
import * as React from "react";
import {
  checkingFacts,
  columnCapability,
  createFormatters,
  createLocalizer,
  createStore,
  localeFromLanguageId,
  type CellFormatters,
  type ColumnKind,
  type GridCell,
  type GridColumn,
  type GridRow,
  type SessionActions,
  type SessionSnapshot,
  type UserSettingsLike,
} from "@integrationkit/shared";
import {
  VirtualTablePreviewApp,
  type VirtualTablePreviewAppProps,
} from "../../../controls/VirtualTablePreview/components/VirtualTablePreviewApp";
import type { StringKey } from "../../../controls/VirtualTablePreview/strings/StringKeys";
import { resxGetString } from "../../helpers/resx";

interface ColumnSpec {
  name: string;
  kind: ColumnKind;
  /** visualSizeFactor as the host gives it. */
  width?: number;
}

export const COLUMNS: ColumnSpec[] = [
  { name: "account", kind: "text", width: 100 },
  { name: "name", kind: "text", width: 200 },
  { name: "credit", kind: "decimal", width: 100 },
  { name: "created", kind: "datetime", width: 150 },
];

export function makeRows(n: number): GridRow[] {
  const cell = (value: unknown): GridCell => ({ value, text: null, mismatch: false, missing: false });
  return Array.from({ length: n }, (_, i) => ({
    id: `id-${i}`,
    reference: null,
    cells: {
      account: cell(`A-${String(i).padStart(5, "0")}`),
      name: cell(`Customer ${i}`),
      credit: cell(1234.5 + i),
      created: cell(new Date(Date.UTC(2024, 0, 15, 22, 30))),
    },
  }));
}

export function makeSnapshot(rows: GridRow[], columns: ColumnSpec[] = COLUMNS, patch: Partial<SessionSnapshot> = {}): SessionSnapshot {
  const gridColumns: GridColumn[] = columns.map((c) => ({
    name: c.name,
    displayName: c.name,
    dataType: "",
    kind: c.kind,
    isPrimary: false,
    width: c.width ?? 1,
  }));
  const table = checkingFacts("account");
  return {
    version: 1,
    model: { columns: gridColumns, rows, orphanIds: 0, missingColumns: [], mismatchedCells: 0, checkedRows: Math.min(30, rows.length) },
    columns: gridColumns.map((column) => ({
      column,
      capability: columnCapability({ kind: column.kind }, { table, datasetCanSort: true, datasetCanFilter: true }),
    })),
    pageLog: { entries: [], nextSeq: 1, limit: 50 },
    pending: null,
    busy: false,
    canRetry: true,
    hostLoading: false,
    error: null,
    selectedIds: [],
    sorting: [],
    filters: [],
    paging: { pageNumber: 1, pageSize: 50, totalResultCount: rows.length, pageCount: 1, canGoNext: false, canGoPrevious: false },
    warnings: [],
    table,
    query: { orderby: null, filter: null, top: 50, unsupported: [], invalid: [], text: "$top=50", url: "?$top=50" },
    summary: {
      requests: 0,
      failed: 0,
      rowsShown: rows.length,
      totalResultCount: rows.length,
      pageSizeAsked: 50,
      largestPage: null,
      pageSizeHonoured: null,
      lastDurationMs: null,
      slowestDurationMs: null,
    },
    canOpen: true,
    lastArrivalAt: null,
    ...patch,
  };
}

function fakeActions(): jest.Mocked<SessionActions> {
  return {
    sort: jest.fn(() => true),
    setFilter: jest.fn(() => true),
    clearFilters: jest.fn(() => true),
    retry: jest.fn(() => true),
    nextPage: jest.fn(() => true),
    previousPage: jest.fn(() => true),
    firstPage: jest.fn(() => true),
    loadMore: jest.fn(() => true),
    cancel: jest.fn(),
    select: jest.fn(),
    open: jest.fn(() => true),
  } as unknown as jest.Mocked<SessionActions>;
}

interface MountOptions {
  languageId?: number;
  user?: UserSettingsLike;
  disabled?: boolean;
  width?: number;
  height?: number;
  showDiagnostics?: boolean;
  formatting?: Parameters<typeof createFormatters>[0];
}

export function mountApp(snapshot: SessionSnapshot, o: MountOptions = {}) {
  const store = createStore(snapshot);
  const actions = fakeActions();
  const languageId = o.languageId ?? 1033;
  const loc = createLocalizer<StringKey>(resxGetString("VirtualTablePreview", languageId), localeFromLanguageId(languageId));
  const formatters = createFormatters(o.formatting, { languageId, ...o.user });
  const cellFormatters: CellFormatters = {
    date: formatters.date,
    dateTime: formatters.dateTime,
    integer: formatters.integer,
    decimal: (n) => formatters.decimal(n),
    currency: (n) => formatters.decimal(n),
    yes: loc.t("Value_Yes"),
    no: loc.t("Value_No"),
  };
  const props: VirtualTablePreviewAppProps = {
    session: store,
    actions,
    t: loc.t,
    plural: loc.plural,
    formatters,
    cellFormatters,
    width: o.width ?? 900,
    height: o.height ?? 600,
    density: "normal",
    showDiagnostics: o.showDiagnostics ?? false,
    disabled: o.disabled ?? false,
  };
  const result = render(<VirtualTablePreviewApp {...props} />);
  return { ...result, store, actions, formatters, t: loc.t };
}
