/**
 * Column widths of the virtualized grid, in pixels.
 *
 * `Column.visualSizeFactor` is documented as "customized column width ratios" (Column, Power Apps
 * component framework API reference: learn.microsoft.com/power-apps/developer/component-framework/reference/column).
 * In model-driven apps the host fills it from the view's layout, where each column has a width in
 * pixels (for example 100, 150 or 300), so a factor of that size is taken as pixels. Small factors (canvas apps, the test harness's 1) are ratios of the
 * default width. Nothing is stretched to fill the row: wide views scroll sideways inside the grid.
 */

interface ColumnWidthLimits {
  /** Narrowest a user can make a column. */
  min: number;
  /** Widest a column can be, by factor or by resizing. */
  max: number;
  /** Width of a column with factor 1 (or no usable factor). */
  base: number;
}

export const COLUMN_WIDTH: ColumnWidthLimits = { min: 48, max: 1000, base: 150 };

/** Factors at or above this are pixels from a view; below it, ratios of the base width. */
const PIXEL_FACTOR_THRESHOLD = 16;

/** Width in px for a column's visualSizeFactor (anything not a positive finite number gives the base width). */
export function widthFromSizeFactor(factor: unknown, limits: ColumnWidthLimits = COLUMN_WIDTH): number {
  if (typeof factor !== "number" || !Number.isFinite(factor) || factor <= 0) return limits.base;
  const px = factor >= PIXEL_FACTOR_THRESHOLD ? factor : factor * limits.base;
  return clampWidth(px, limits);
}

export function clampWidth(px: number, limits: ColumnWidthLimits = COLUMN_WIDTH): number {
  if (!Number.isFinite(px)) return limits.base;
  return Math.round(Math.min(limits.max, Math.max(limits.min, px)));
}

/** Step of one keyboard resize, in px; with Shift held the step is this times four. */
const RESIZE_STEP = 16;

/**
 * The width after a resize gesture. `delta` is in screen pixels along the reading direction's
 * "after" edge: in right-to-left layouts the column's trailing edge is on its left, so moving the
 * pointer left widens it.
 */
export function resizedWidth(start: number, delta: number, dir: "ltr" | "rtl", limits: ColumnWidthLimits = COLUMN_WIDTH): number {
  return clampWidth(start + (dir === "rtl" ? -delta : delta), limits);
}

/** Keyboard resize: the key pressed on a column header (with the resize modifier), or null when it does not resize. */
export function keyboardResize(
  width: number,
  key: string,
  dir: "ltr" | "rtl",
  big: boolean,
  limits: ColumnWidthLimits = COLUMN_WIDTH,
): number | null {
  const step = big ? RESIZE_STEP * 4 : RESIZE_STEP;
  if (key === "ArrowRight" || key === "ArrowLeft") {
    const towardsEnd = (key === "ArrowRight") === (dir === "ltr");
    return clampWidth(width + (towardsEnd ? step : -step), limits);
  }
  return null;
}

/** CSS grid-template-columns for a leading fixed column then the data columns. */
export function gridTemplate(lead: number, widths: readonly number[]): string {
  return [lead, ...widths].map((w) => `${w}px`).join(" ");
}

/** Sum of the widths plus the lead column: the row's full width. */
export function rowWidth(lead: number, widths: readonly number[]): number {
  let sum = lead;
  for (const w of widths) sum += w;
  return sum;
}

/**
 * The arrow key as grid movement in the reading direction: in right-to-left layouts ArrowRight goes
 * to the previous column and ArrowLeft to the next (WAI-ARIA grid pattern, mirrored).
 */
export function logicalArrow(key: string, dir: "ltr" | "rtl"): string {
  if (dir !== "rtl") return key;
  if (key === "ArrowRight") return "ArrowLeft";
  if (key === "ArrowLeft") return "ArrowRight";
  return key;
}
