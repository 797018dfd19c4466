/**
 * Container size from `context.mode.allocatedWidth` / `allocatedHeight`. Hosts report -1 when the
 * size is unknown, and the PCF test harness passes the numbers as strings ("1200"), so read both and
 * return -1 for anything that is not a positive, finite number of pixels.
 */
export function allocatedPixels(value: unknown): number {
  const n = typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value) : NaN;
  return Number.isFinite(n) && n > 0 ? n : -1;
}
