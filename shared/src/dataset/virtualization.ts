/** Window maths for the virtualized grid: which rows to put in the DOM, and keyboard movement. */
interface RangeInput {
  scrollTop: number;
  viewportHeight: number;
  rowHeight: number;
  rowCount: number;
  overscan: number;
}

interface VisibleRange {
  /** First row index in the DOM (inclusive). */
  start: number;
  /** Row index after the last one in the DOM (exclusive). */
  end: number;
  padTop: number;
  padBottom: number;
  totalHeight: number;
}

export function visibleRange(input: RangeInput): VisibleRange {
  const rowHeight = input.rowHeight > 0 ? input.rowHeight : 1;
  const count = Math.max(0, Math.floor(input.rowCount));
  const totalHeight = count * rowHeight;
  const viewport = Math.max(0, input.viewportHeight);
  const maxScroll = Math.max(0, totalHeight - viewport);
  const scrollTop = Math.min(Math.max(0, input.scrollTop || 0), maxScroll);
  const overscan = Math.max(0, Math.floor(input.overscan));
  const firstVisible = Math.floor(scrollTop / rowHeight);
  const lastVisible = Math.ceil((scrollTop + viewport) / rowHeight);
  const start = Math.max(0, firstVisible - overscan);
  const end = Math.min(count, Math.max(lastVisible, firstVisible + 1) + overscan);
  return {
    start,
    end: Math.max(start, end),
    padTop: start * rowHeight,
    padBottom: Math.max(0, (count - Math.max(start, end)) * rowHeight),
    totalHeight,
  };
}

/**
 * A scroll from `fromTop` to `toTop` is a jump when more rows enter the window than its overscan holds:
 * none of the rows rendered ahead of time are then of use.
 */
export function isJump(fromTop: number, toTop: number, rowHeight: number, overscan: number): boolean {
  return Math.abs(toTop - fromTop) > Math.max(0, overscan) * Math.max(1, rowHeight);
}

/** scrollTop that brings `row` fully into view, keeping the current one when it already is. */
export function scrollToReveal(row: number, scrollTop: number, viewportHeight: number, rowHeight: number): number {
  const top = row * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewportHeight) return Math.max(0, bottom - viewportHeight);
  return scrollTop;
}

/** Focus position: row 0 is the header row, rows 1..rowCount the data rows. */
export interface CellPosition {
  row: number;
  col: number;
}

interface MoveInput {
  rowCount: number;
  colCount: number;
  pageRows: number;
  ctrl?: boolean;
}

/** The cell focus moves to for a key, or null when the key is not a grid navigation key (WAI-ARIA grid pattern). */
export function moveCell(pos: CellPosition, key: string, m: MoveInput): CellPosition | null {
  const lastRow = Math.max(0, m.rowCount);
  const lastCol = Math.max(0, m.colCount - 1);
  const clampRow = (r: number): number => Math.min(lastRow, Math.max(0, r));
  const clampCol = (c: number): number => Math.min(lastCol, Math.max(0, c));
  const page = Math.max(1, Math.floor(m.pageRows));
  switch (key) {
    case "ArrowDown":
      return { row: clampRow(pos.row + 1), col: clampCol(pos.col) };
    case "ArrowUp":
      return { row: clampRow(pos.row - 1), col: clampCol(pos.col) };
    case "ArrowRight":
      return { row: clampRow(pos.row), col: clampCol(pos.col + 1) };
    case "ArrowLeft":
      return { row: clampRow(pos.row), col: clampCol(pos.col - 1) };
    case "Home":
      return m.ctrl ? { row: 0, col: 0 } : { row: clampRow(pos.row), col: 0 };
    case "End":
      return m.ctrl ? { row: lastRow, col: lastCol } : { row: clampRow(pos.row), col: lastCol };
    case "PageDown":
      return { row: clampRow(pos.row + page), col: clampCol(pos.col) };
    case "PageUp":
      return { row: clampRow(pos.row - page), col: clampCol(pos.col) };
    default:
      return null;
  }
}
