import * as React from "react";
import { mergeClasses } from "@fluentui/react-components";
import {
  cellDisplayText,
  moveCell,
  NUMERIC_KINDS,
  scrollToReveal,
  truncateText,
  visibleRange,
  type CellFormatters,
  type CellPosition,
  type ColumnFilter,
  type GridRow,
  type SortDirectionValue,
} from "@integrationkit/shared";
import { HeaderCell } from "./HeaderCell";
import { HEADER_HEIGHT, MIN_COLUMN_WIDTH, SELECT_COLUMN_WIDTH, useStyles } from "./styles";
import type { ColumnView, Translate } from "./types";

let instances = 0;

/** Rows rendered above and below the viewport so fast scrolling does not show blanks. */
export const OVERSCAN = 6;

export interface VirtualGridProps {
  t: Translate;
  columns: readonly ColumnView[];
  rows: readonly GridRow[];
  rowHeight: number;
  /** Height of the grid box in px (the viewport plus the header row). */
  height: number;
  formatters: CellFormatters;
  selected: ReadonlySet<string>;
  filters: readonly ColumnFilter[];
  sortDirection(column: string): SortDirectionValue;
  disabled: boolean;
  busy: boolean;
  canOpen: boolean;
  onSort(column: string, direction?: 0 | 1): void;
  onFilter(column: string, filter: ColumnFilter | null): void;
  onToggle(id: string): void;
  onToggleAll(select: boolean): void;
  onOpen(id: string): void;
  /** Called when the last rows come into view (infinite loading). */
  onNearEnd?(): void;
}

/**
 * A virtualized ARIA grid: only the rows in view plus OVERSCAN on each side are in the DOM. Focus
 * roves across cells (one tab stop) with arrows, Home/End (Ctrl for the grid corners), PageUp/Down.
 */
export const VirtualGrid: React.FC<VirtualGridProps> = (props) => {
  const { t, columns, rows, rowHeight, height, formatters, selected, disabled, busy } = props;
  const styles = useStyles();
  const ref = React.useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = React.useState(0);
  const [focus, setFocus] = React.useState<CellPosition>({ row: 0, col: 1 });
  const [menuFor, setMenuFor] = React.useState<string | null>(null);
  const focusPending = React.useRef(false);
  // Ids unique per grid instance (React 16 has no useId), so two controls on one form never collide.
  const [idPrefix] = React.useState(() => `vtp${++instances}`);
  const MISMATCH_ID = `${idPrefix}-mismatch`;
  const TRUNCATED_ID = `${idPrefix}-truncated`;
  // The grid fills the space its parent leaves; measure it (the `height` prop is the estimate used until then, and in jsdom).
  const [measured, setMeasured] = React.useState(0);
  React.useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return undefined;
    const read = (): void => setMeasured(el.clientHeight);
    read();
    if (typeof ResizeObserver === "undefined") return undefined;
    const observer = new ResizeObserver(read);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const boxHeight = measured > 0 ? measured : height;
  const viewport = Math.max(rowHeight, boxHeight - HEADER_HEIGHT);
  const range = visibleRange({ scrollTop, viewportHeight: viewport, rowHeight, rowCount: rows.length, overscan: OVERSCAN });
  const colCount = columns.length + 1;
  const template = `${SELECT_COLUMN_WIDTH}px ${columns.map((c) => `minmax(${Math.round(MIN_COLUMN_WIDTH * Math.min(3, Math.max(1, c.column.width)))}px, ${c.column.width}fr)`).join(" ")}`;
  const minWidth = SELECT_COLUMN_WIDTH + columns.reduce((sum, c) => sum + Math.round(MIN_COLUMN_WIDTH * Math.min(3, Math.max(1, c.column.width))), 0);
  const { onNearEnd } = props;

  // Keep focus inside the data when rows shrink (new page, filter).
  const maxRow = rows.length;
  const safeFocus: CellPosition = { row: Math.min(focus.row, maxRow), col: Math.min(focus.col, colCount - 1) };
  // The focused row may be scrolled out of the DOM; the tab stop then moves to the first rendered row.
  const tabRow = safeFocus.row === 0 || (safeFocus.row - 1 >= range.start && safeFocus.row - 1 < range.end) ? safeFocus.row : range.start + 1;

  React.useEffect(() => {
    if (!focusPending.current) return;
    focusPending.current = false;
    const el = ref.current?.querySelector<HTMLElement>(`[data-pos="${safeFocus.row}:${safeFocus.col}"]`);
    el?.focus({ preventScroll: true });
  });

  React.useEffect(() => {
    if (onNearEnd && rows.length > 0 && range.end >= rows.length) onNearEnd();
  }, [onNearEnd, range.end, rows.length]);

  // Scroll back to the top when a different set of rows arrives.
  const firstId = rows[0]?.id;
  React.useEffect(() => {
    if (ref.current && !onNearEnd) {
      ref.current.scrollTop = 0;
      setScrollTop(0);
    }
  }, [firstId, onNearEnd]);

  const moveTo = (pos: CellPosition): void => {
    if (pos.row > 0 && ref.current) {
      const next = scrollToReveal(pos.row - 1, ref.current.scrollTop, viewport, rowHeight);
      if (next !== ref.current.scrollTop) {
        ref.current.scrollTop = next;
        setScrollTop(next);
      }
    }
    focusPending.current = true;
    setFocus(pos);
  };

  const columnAt = (col: number): ColumnView | undefined => (col >= 1 ? columns[col - 1] : undefined);

  const onKeyDown = (e: React.KeyboardEvent<HTMLDivElement>): void => {
    // Events from popovers (portals) bubble through React; only handle keys from the grid itself.
    if (!e.currentTarget.contains(e.target as Node)) return;
    const pos = safeFocus;
    const column = columnAt(pos.col);
    if (pos.row === 0 && column && ((e.altKey && e.key === "ArrowDown") || e.key === "ContextMenu" || (e.shiftKey && e.key === "F10"))) {
      e.preventDefault();
      setMenuFor(column.column.name);
      return;
    }
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      if (pos.row === 0) {
        if (pos.col === 0) props.onToggleAll(!(rows.length > 0 && rows.every((r) => selected.has(r.id))));
        else if (column && column.capability.canSort && !disabled && !busy) props.onSort(column.column.name);
        return;
      }
      const row = rows[pos.row - 1];
      if (!row) return;
      if (e.key === " " || pos.col === 0) props.onToggle(row.id);
      else if (props.canOpen) props.onOpen(row.id);
      return;
    }
    const next = moveCell(pos, e.key, { rowCount: rows.length, colCount, pageRows: Math.max(1, Math.floor(viewport / rowHeight) - 1), ctrl: e.ctrlKey || e.metaKey });
    if (next) {
      e.preventDefault();
      moveTo(next);
    }
  };

  const onFocusCapture = (e: React.FocusEvent<HTMLDivElement>): void => {
    const cell = (e.target as HTMLElement).closest<HTMLElement>("[data-pos]");
    const pos = cell?.getAttribute("data-pos");
    if (!pos) return;
    const [row, col] = pos.split(":").map(Number);
    if (row !== safeFocus.row || col !== safeFocus.col) setFocus({ row, col });
  };

  const allSelected = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const visible = rows.slice(range.start, range.end);
  return (
    <div
      ref={ref}
      role="grid"
      aria-label={t("Grid_Label")}
      aria-rowcount={rows.length + 1}
      aria-colcount={colCount}
      aria-multiselectable="true"
      aria-busy={busy}
      className={styles.grid}
      style={{ flexBasis: height, flexGrow: rows.length > 0 ? 1 : 0, minHeight: Math.min(height, 160) }}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      onKeyDown={onKeyDown}
      onFocusCapture={onFocusCapture}
    >
      {/* Shared descriptions for marked cells (one copy, referenced by aria-describedby). */}
      <span id={MISMATCH_ID} hidden>
        {t("Cell_Mismatch")}
      </span>
      <span id={TRUNCATED_ID} hidden>
        {t("Cell_Truncated")}
      </span>
      <div role="rowgroup" className={styles.headerGroup} style={{ minWidth }}>
        <div role="row" aria-rowindex={1} className={styles.row} style={{ gridTemplateColumns: template, height: HEADER_HEIGHT }}>
          <div role="columnheader" aria-colindex={1} tabIndex={tabRow === 0 && safeFocus.col === 0 ? 0 : -1} data-pos="0:0" className={styles.cell}>
            <input
              type="checkbox"
              tabIndex={-1}
              checked={allSelected}
              disabled={rows.length === 0 || disabled}
              aria-label={t("Select_All")}
              onChange={() => props.onToggleAll(!allSelected)}
            />
          </div>
          {columns.map((c, i) => (
            <HeaderCell
              key={c.column.name}
              t={t}
              hintId={`${idPrefix}-hint-${i + 1}`}
              view={c}
              colIndex={i + 1}
              tabbable={tabRow === 0 && safeFocus.col === i + 1}
              sortDirection={props.sortDirection(c.column.name)}
              filter={props.filters.find((f) => f.column === c.column.name)}
              menuOpen={menuFor === c.column.name}
              disabled={disabled}
              busy={busy}
              onMenuOpenChange={(open) => setMenuFor(open ? c.column.name : null)}
              onSort={(d) => props.onSort(c.column.name, d)}
              onFilter={(f) => props.onFilter(c.column.name, f)}
            />
          ))}
        </div>
      </div>
      <div role="rowgroup" style={{ paddingTop: range.padTop, paddingBottom: range.padBottom, minWidth }}>
        {visible.map((row, k) => {
          const index = range.start + k + 1;
          return (
            <GridRowView
              key={row.id}
              t={t}
              row={row}
              index={index}
              columns={columns}
              template={template}
              rowHeight={rowHeight}
              formatters={formatters}
              selected={selected.has(row.id)}
              tabCol={tabRow === index ? safeFocus.col : -1}
              mismatchId={MISMATCH_ID}
              truncatedId={TRUNCATED_ID}
              disabled={disabled}
              onToggle={props.onToggle}
              onOpen={props.canOpen ? props.onOpen : undefined}
            />
          );
        })}
      </div>
    </div>
  );
};

interface GridRowViewProps {
  t: Translate;
  row: GridRow;
  index: number;
  columns: readonly ColumnView[];
  template: string;
  rowHeight: number;
  formatters: CellFormatters;
  selected: boolean;
  tabCol: number;
  mismatchId: string;
  truncatedId: string;
  disabled: boolean;
  onToggle(id: string): void;
  onOpen?(id: string): void;
}

const GridRowView: React.FC<GridRowViewProps> = React.memo(function GridRowView({ t, row, index, columns, template, rowHeight, formatters, selected, tabCol, mismatchId, truncatedId, disabled, onToggle, onOpen }) {
  const styles = useStyles();
  return (
    <div
      role="row"
      aria-rowindex={index + 1}
      aria-selected={selected}
      className={mergeClasses(styles.row, selected && styles.rowSelected)}
      style={{ gridTemplateColumns: template, height: rowHeight }}
      onDoubleClick={onOpen ? () => onOpen(row.id) : undefined}
    >
      <div role="gridcell" aria-colindex={1} tabIndex={tabCol === 0 ? 0 : -1} data-pos={`${index}:0`} className={styles.cell}>
        <input type="checkbox" tabIndex={-1} checked={selected} disabled={disabled} aria-label={t("Select_Row", { n: index })} onChange={() => onToggle(row.id)} />
      </div>
      {columns.map((c, i) => {
        const cell = row.cells[c.column.name];
        const col = i + 1;
        const pos = `${index}:${col}`;
        if (!cell || cell.missing) {
          return (
            <div key={c.column.name} role="gridcell" aria-colindex={col + 1} tabIndex={tabCol === col ? 0 : -1} data-pos={pos} className={mergeClasses(styles.cell, styles.muted)} title={t("Cell_Missing")}>
              <span aria-hidden="true">{"\u2014"}</span>
              <span hidden>{t("Cell_Missing")}</span>
            </div>
          );
        }
        // Text only: React escapes it, so markup in data is shown, never interpreted.
        const text = truncateText(cellDisplayText(cell, c.column.kind, formatters));
        return (
          <div
            key={c.column.name}
            role="gridcell"
            aria-colindex={col + 1}
            tabIndex={tabCol === col ? 0 : -1}
            data-pos={pos}
            className={mergeClasses(styles.cell, NUMERIC_KINDS.has(c.column.kind) && !cell.mismatch && styles.numeric)}
            title={text.truncated || text.full.length > 30 ? text.full : undefined}
            aria-describedby={cell.mismatch ? mismatchId : text.truncated ? truncatedId : undefined}
          >
            {cell.mismatch && (
              <span className={styles.warnMark} aria-hidden="true" title={t("Cell_Mismatch")}>
                {"\u26A0"}
              </span>
            )}
            {text.truncated ? (
              <>
                <span className={styles.cellText} aria-hidden="true">
                  {text.shown}
                </span>
                <span className={styles.srOnly}>{text.full}</span>
              </>
            ) : (
              <span className={styles.cellText}>{text.shown}</span>
            )}
          </div>
        );
      })}
    </div>
  );
});
