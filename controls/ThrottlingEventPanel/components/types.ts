/** Looks up a .resx string and fills its `{placeholders}`. */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** Whole seconds left until `at` (never negative). */
export function secondsLeft(at: number, now: number): number {
  return Math.max(0, Math.ceil((at - now) / 1000));
}

export function formatNumber(n: number): string {
  return Math.round(n).toLocaleString();
}

export function formatTime(at: number): string {
  return new Date(at).toLocaleTimeString();
}
