/** Helpers for `npm run bench`: figures are medians of several runs, printed, never asserted in unit tests. */
import { performance } from "perf_hooks";

export interface BenchRow {
  group: string;
  name: string;
  value: number;
  unit: string;
  target?: string;
  pass?: boolean;
}

export function median(samples: number[]): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Median time of one call of `fn`, in milliseconds. Each run times `inner` calls back to back (so
 * that sub-microsecond work is measurable) and divides; a few warm-up runs are discarded.
 */
export function timeMedian(fn: () => unknown, options: { runs?: number; inner?: number; warmup?: number } = {}): number {
  const runs = options.runs ?? 15;
  const inner = options.inner ?? 1;
  const warmup = options.warmup ?? 3;
  const samples: number[] = [];
  let sink: unknown;
  for (let r = 0; r < warmup + runs; r++) {
    const start = performance.now();
    for (let i = 0; i < inner; i++) sink = fn();
    const elapsed = (performance.now() - start) / inner;
    if (r >= warmup) samples.push(elapsed);
  }
  if (sink === Symbol.for("never")) console.log(sink);
  return median(samples);
}
