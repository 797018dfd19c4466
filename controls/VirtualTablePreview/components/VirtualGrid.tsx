/** @jsx h */
/** @jsxFrag Fragment */
import * as React from "react";
import { Fragment, h } from "../../common/jsx";
import { mergeClasses } from "../../common/fluent";
import {
  cellDisplayText,
  gridTemplate,
  isJump,
  keyboardResize,
  logicalArrow,
  moveCell,
  NUMERIC_KINDS,
  rowWidth,
  scrollToReveal,
  truncateText,
  visibleRange,
  widthFromSizeFactor,
  type CellFormatters,
  type CellPosition,
  type ColumnFilter,
  type GridRow,
  type SortStatusLike,
} from "@integrationkit/shared";
import { HeaderCell } from "./HeaderCell";
import { HEADER_HEIGHT, SELECT_COLUMN_WIDTH, useStyles } from "./styles";
import type { ColumnView, Dir, Translate } from "./types";

let instances = 0;

/** Rows rendered above and below the viewport so fast scrolling does not show blanks. */
const OVERSCAN = 6;
/**
 * Rows beyond the viewport while a jump (a scrollbar drag, a long fling) settles: every row in the new
 * window is new, so rendering the overscan too would cost a third more of each such frame for rows no
 * one sees yet. The full overscan comes back SETTLE_MS after the last jump.
 */
const JUMP_OVERSCAN = 1;
const SETTLE_MS = 150;

interface VirtualGridProps {
  t: Translate;
  dir: Dir;
  columns: readonly ColumnView[];
  rows: readonly GridRow[];
  rowHeight: number;
  /** Estimated height of the grid box in px (the viewport plus the header row), used until it is measured. */
  height: number;
  formatters: CellFormatters;
  selectedIds: readonly string[];
  sorting: readonly SortStatusLike[];
  filters: readonly ColumnFilter[];
  disabled: boolean;
  busy: boolean;
  canOpen: boolean;
  /** The callbacks must be stable (same function between renders): rows and headers are memoized on them. */
  onSort: (column: string, direction?: 0 | 1) => void;
  onFilter: (column: string, filter: ColumnFilter | null) => void;
  onToggle: (id: string) => void;
  onToggleAll: (select: boolean) => void;
  onOpen: (id: string) => void;
  /** Called when the last rows come into view (infinite loading). */
  onNearEnd?: () => void;
}

/** What the app can ask of the grid: put focus back on the active cell (after a button it used goes away). */
export interface VirtualGridHandle {
  focusActiveCell: () => void;
}

/**
 * A virtualized ARIA grid: only the rows in view plus OVERSCAN on each side are in the DOM. Focus
 * roves across cells (one tab stop) with arrows (mirrored right to left), Home/End (Ctrl for the grid
 * corners), PageUp/Down. Scrolling re-renders only when a row boundary is crossed, and then only the
 * rows that enter the window; headers and unchanged rows are memoized.
 */
export const VirtualGrid = React.forwardRef<VirtualGridHandle, VirtualGridProps>(function VirtualGrid(props, handle) {
  const { t, dir, columns, rows, rowHeight, height, formatters, selectedIds, disabled, busy } = props;
  const styles = useStyles();
  const ref = React.useRef<HTMLDivElement>(null);
  // The first row in view, as a multiple of the row height: scroll events inside one row change nothing.
  const [windowTop, setWindowTop] = React.useState(0);
  const [jumping, setJumping] = React.useState(false);
  const [focus, setFocus] = React.useState<CellPosition>({ row: 0, col: 1 });
  const [menuFor, setMenuFor] = React.useState<string | null>(null);
  const [resized, setResized] = React.useState<Readonly<Record<string, number>>>({});
  const focusPending = React.useRef(false);
  /** The user's focus is in the grid (set on focus, cleared when they move it elsewhere; a removed cell keeps it). */
  const focusWithin = React.useRef(false);
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
  const overscan = jumping ? JUMP_OVERSCAN : OVERSCAN;
  const range = visibleRange({ scrollTop: windowTop, viewportHeight: viewport, rowHeight, rowCount: rows.length, overscan });
  React.useEffect(() => {
    if (!jumping) return undefined;
    const timer = setTimeout(() => setJumping(false), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [jumping, windowTop]);
  const colCount = columns.length + 1;

  const widths = React.useMemo(() => columns.map((c) => resized[c.column.name] ?? widthFromSizeFactor(c.column.width)), [columns, resized]);
  const template = React.useMemo(() => gridTemplate(SELECT_COLUMN_WIDTH, widths), [widths]);
  // One style object for every data row (the line height centres a cell's text in its row).
  const rowStyle = React.useMemo<React.CSSProperties>(
    () => ({ gridTemplateColumns: template, height: rowHeight, lineHeight: `${rowHeight - 1}px` }),
    [template, rowHeight],
  );
  const totalWidth = rowWidth(SELECT_COLUMN_WIDTH, widths);
  const selected = React.useMemo(() => new Set(selectedIds), [selectedIds]);
  const allSelected = React.useMemo(() => rows.length > 0 && rows.every((r) => selected.has(r.id)), [rows, selected]);
  const sortOf = React.useMemo(() => new Map(props.sorting.map((s) => [s.name, s.sortDirection])), [props.sorting]);
  const filterOf = React.useMemo(() => new Map(props.filters.map((f) => [f.column, f])), [props.filters]);
  const { onNearEnd } = props;
  // Class names merged once per grid, not per row and cell: a scroll step that brings a window of new
  // rows then costs their DOM, not hundreds of class merges.
  const rowClasses = React.useMemo<RowClasses>(
    () => ({
      row: mergeClasses(styles.row, styles.dataRow),
      rowSelected: mergeClasses(styles.row, styles.dataRow, styles.rowSelected),
      cell: styles.cell,
      cellMuted: mergeClasses(styles.cell, styles.muted),
      dataCell: styles.dataCell,
      dataCellNumeric: mergeClasses(styles.dataCell, styles.dataCellNumeric),
      cellText: styles.cellText,
      srOnly: styles.srOnly,
      warnMark: styles.warnMark,
    }),
    [styles],
  );

  // Keep focus inside the data when rows shrink (new page, filter).
  const safeFocus: CellPosition = { row: Math.min(focus.row, rows.length), col: Math.min(focus.col, colCount - 1) };
  const focusRendered = safeFocus.row === 0 || (safeFocus.row - 1 >= range.start && safeFocus.row - 1 < range.end);
  // The focused row may be scrolled out of the DOM; the tab stop then moves to the first rendered row.
  const tabRow = focusRendered ? safeFocus.row : range.start + 1;

  const cellAt = (pos: CellPosition): HTMLElement | null =>
    ref.current?.querySelector<HTMLElement>(`[data-pos="${pos.row}:${pos.col}"]`) ?? null;
  const focusCell = (el: HTMLElement): void => {
    el.focus({ preventScroll: true });
    // Sideways: columns scroll inside the grid. Up and down is already done by scrollTop (the sticky
    // header is kept clear by scroll-padding), so "nearest" only moves along the row.
    el.scrollIntoView?.({ block: "nearest", inline: "nearest" });
  };

  // After each render: move focus to the cell the keyboard asked for, and never leave a keyboard user
  // on the page's body when the focused cell was scrolled out of the DOM or its row went away.
  React.useLayoutEffect(() => {
    const root = ref.current;
    if (!root) return;
    const active = document.activeElement;
    const lost = focusWithin.current && (active === null || active === document.body || !root.contains(active));
    if (!focusPending.current && !lost) return;
    const el = cellAt(safeFocus);
    if (el) {
      focusPending.current = false;
      focusCell(el);
    } else {
      // The cell is not rendered yet (or any more): hold focus on the grid itself, keys keep working.
      root.focus({ preventScroll: true });
    }
  });

  React.useImperativeHandle(handle, () => ({
    focusActiveCell: () => {
      focusWithin.current = true;
      focusPending.current = true;
      const el = cellAt(safeFocus);
      if (el) focusCell(el);
      else ref.current?.focus({ preventScroll: true });
    },
  }));

  React.useEffect(() => {
    if (onNearEnd && rows.length > 0 && range.end >= rows.length) onNearEnd();
  }, [onNearEnd, range.end, rows.length]);

  // Scroll back to the top when a different set of rows arrives.
  const firstId = rows[0]?.id;
  React.useEffect(() => {
    if (ref.current && !onNearEnd) {
      ref.current.scrollTop = 0;
      setWindowTop(0);
    }
  }, [firstId, onNearEnd]);

  const moveTo = (pos: CellPosition): void => {
    const el = ref.current;
    if (pos.row > 0 && el) {
      const next = scrollToReveal(pos.row - 1, el.scrollTop, viewport, rowHeight);
      if (next !== el.scrollTop) {
        el.scrollTop = next;
        setWindowTop(Math.floor(next / rowHeight) * rowHeight);
      }
    }
    focusPending.current = true;
    focusWithin.current = true;
    setFocus(pos);
    // Same position (e.g. Ctrl+End twice): no re-render, so focus the cell now.
    if (pos.row === safeFocus.row && pos.col === safeFocus.col) {
      const cell = cellAt(pos);
      if (cell) {
        focusPending.current = false;
        focusCell(cell);
      }
    }
  };

  const columnAt = (col: number): ColumnView | undefined => (col >= 1 ? columns[col - 1] : undefined);

  const onResize = React.useCallback(
    (column: string, width: number) => setResized((prev) => (prev[column] === width ? prev : { ...prev, [column]: width })),
    [],
  );
  const onMenuOpenChange = React.useCallback(
    (column: string, open: boolean) => setMenuFor((prev) => (open ? column : prev === column ? null : prev)),
    [],
  );

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
    if (pos.row === 0 && column && (e.ctrlKey || e.metaKey) && e.shiftKey) {
      const i = pos.col - 1;
      const next = keyboardResize(widths[i], e.key, dir, e.altKey);
      if (next !== null) {
        e.preventDefault();
        onResize(column.column.name, next);
        return;
      }
    }
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      // A disabled control changes nothing: no sorting, no selection, by mouse or keyboard.
      if (disabled) return;
      if (pos.row === 0) {
        if (pos.col === 0) props.onToggleAll(!allSelected);
        else if (column && column.capability.canSort && !busy) props.onSort(column.column.name);
        return;
      }
      const row = rows[pos.row - 1];
      if (!row) return;
      if (e.key === " " || pos.col === 0) props.onToggle(row.id);
      else if (props.canOpen) props.onOpen(row.id);
      return;
    }
    const next = moveCell(pos, logicalArrow(e.key, dir), {
      rowCount: rows.length,
      colCount,
      pageRows: Math.max(1, Math.floor(viewport / rowHeight) - 1),
      ctrl: e.ctrlKey || e.metaKey,
    });
    if (next) {
      e.preventDefault();
      moveTo(next);
    }
  };

  const onFocus = (e: React.FocusEvent<HTMLDivElement>): void => {
    // Focus in a popover (a portal) bubbles here through React but is not in the grid.
    if (!e.currentTarget.contains(e.target)) return;
    focusWithin.current = true;
    const cell = (e.target as HTMLElement).closest<HTMLElement>("[data-pos]");
    const pos = cell?.getAttribute("data-pos");
    if (!pos) return;
    const [row, col] = pos.split(":").map(Number);
    if (row !== safeFocus.row || col !== safeFocus.col) setFocus({ row, col });
  };

  const onBlur = (e: React.FocusEvent<HTMLDivElement>): void => {
    if (!e.currentTarget.contains(e.target)) return;
    const to = e.relatedTarget as Node | null;
    // Moving elsewhere on the page, or clicking outside: the user left. A cell removed from the DOM
    // (scrolled away) fires no blur, or one whose target is no longer connected: keep focus with us.
    if (to !== null && !e.currentTarget.contains(to)) focusWithin.current = false;
    else if (to === null) {
      const target = e.target as Node;
      setTimeout(() => {
        if (target.isConnected) focusWithin.current = false;
      }, 0);
    }
  };

  const onScroll = (e: React.UIEvent<HTMLDivElement>): void => {
    const top = Math.floor(e.currentTarget.scrollTop / rowHeight) * rowHeight;
    if (top === windowTop) return;
    if (isJump(windowTop, top, rowHeight, OVERSCAN)) setJumping(true);
    setWindowTop(top);
  };

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
      aria-readonly={disabled || undefined}
      tabIndex={-1}
      className={styles.grid}
      style={{ flexBasis: height, flexGrow: rows.length > 0 ? 1 : 0, minHeight: Math.min(height, 160), scrollPaddingTop: HEADER_HEIGHT }}
      onScroll={onScroll}
      onKeyDown={onKeyDown}
      onFocus={onFocus}
      onBlur={onBlur}
    >
      {/* Shared descriptions for marked cells (one copy, referenced by aria-describedby). */}
      <span id={MISMATCH_ID} hidden>
        {t("Cell_Mismatch")}
      </span>
      <span id={TRUNCATED_ID} hidden>
        {t("Cell_Truncated")}
      </span>
      <div role="rowgroup" className={styles.headerGroup} style={{ width: totalWidth }}>
        <div role="row" aria-rowindex={1} className={styles.row} style={{ gridTemplateColumns: template, height: HEADER_HEIGHT }}>
          <div
            role="columnheader"
            aria-colindex={1}
            tabIndex={tabRow === 0 && safeFocus.col === 0 ? 0 : -1}
            data-pos="0:0"
            className={styles.cell}
          >
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
              dir={dir}
              hintId={`${idPrefix}-hint-${i + 1}`}
              view={c}
              colIndex={i + 1}
              width={widths[i]}
              tabbable={tabRow === 0 && safeFocus.col === i + 1}
              sortDirection={sortOf.get(c.column.name) ?? -1}
              filter={filterOf.get(c.column.name)}
              menuOpen={menuFor === c.column.name}
              disabled={disabled}
              busy={busy}
              onMenuOpenChange={onMenuOpenChange}
              onSort={props.onSort}
              onFilter={props.onFilter}
              onResize={onResize}
            />
          ))}
        </div>
      </div>
      <div role="rowgroup" style={{ paddingTop: range.padTop, paddingBottom: range.padBottom, width: totalWidth }}>
        {visible.map((row, k) => {
          const index = range.start + k + 1;
          return (
            <GridRowView
              key={row.id}
              t={t}
              row={row}
              index={index}
              columns={columns}
              rowStyle={rowStyle}
              formatters={formatters}
              classes={rowClasses}
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
});

interface RowClasses {
  row: string;
  rowSelected: string;
  cell: string;
  cellMuted: string;
  dataCell: string;
  dataCellNumeric: string;
  cellText: string;
  srOnly: string;
  warnMark: string;
}

interface GridRowViewProps {
  t: Translate;
  row: GridRow;
  index: number;
  columns: readonly ColumnView[];
  rowStyle: React.CSSProperties;
  formatters: CellFormatters;
  classes: RowClasses;
  selected: boolean;
  tabCol: number;
  mismatchId: string;
  truncatedId: string;
  disabled: boolean;
  onToggle: (id: string) => void;
  onOpen?: (id: string) => void;
}

const GridRowView: React.FC<GridRowViewProps> = React.memo(function GridRowView({
  t,
  row,
  index,
  columns,
  rowStyle,
  formatters,
  classes,
  selected,
  tabCol,
  mismatchId,
  truncatedId,
  disabled,
  onToggle,
  onOpen,
}) {
  return (
    <div
      role="row"
      aria-rowindex={index + 1}
      aria-selected={selected}
      className={selected ? classes.rowSelected : classes.row}
      style={rowStyle}
      onDoubleClick={onOpen ? () => onOpen(row.id) : undefined}
    >
      <div role="gridcell" aria-colindex={1} tabIndex={tabCol === 0 ? 0 : -1} data-pos={`${index}:0`} className={classes.cell}>
        <input
          type="checkbox"
          tabIndex={-1}
          checked={selected}
          disabled={disabled}
          aria-label={t("Select_Row", { n: index })}
          onChange={() => onToggle(row.id)}
        />
      </div>
      {columns.map((c, i) => {
        const cell = row.cells[c.column.name];
        const col = i + 1;
        const pos = `${index}:${col}`;
        if (!cell || cell.missing) {
          return (
            <div
              key={c.column.name}
              role="gridcell"
              aria-colindex={col + 1}
              tabIndex={tabCol === col ? 0 : -1}
              data-pos={pos}
              className={classes.cellMuted}
              title={t("Cell_Missing")}
            >
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
            // Data keeps its own direction: a Latin name in an Arabic grid is cut at its end, not its start.
            dir="auto"
            className={NUMERIC_KINDS.has(c.column.kind) && !cell.mismatch ? classes.dataCellNumeric : classes.dataCell}
            title={text.truncated || text.full.length > 30 ? text.full : undefined}
            aria-describedby={cell.mismatch ? mismatchId : text.truncated ? truncatedId : undefined}
          >
            {cell.mismatch && (
              <span className={classes.warnMark} aria-hidden="true" title={t("Cell_Mismatch")}>
                {"\u26A0"}
              </span>
            )}
            {text.truncated ? (
              <>
                <span className={classes.cellText} aria-hidden="true">
                  {text.shown}
                </span>
                <span className={classes.srOnly}>{text.full}</span>
              </>
            ) : (
              text.shown
            )}
          </div>
        );
      })}
    </div>
  );
});
