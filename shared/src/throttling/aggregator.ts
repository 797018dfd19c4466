/**
 * Rolling counts of request and delivery events per source and per outcome, in fixed memory.
 *
 * Time is cut into `bucketCount` buckets of `bucketMs`; the buckets form a ring. Per bucket we keep a
 * count per (source, outcome) and the summed duration of requests; running totals over the whole window
 * are updated on ingest and when a bucket leaves the window. Memory is allocated once, at construction,
 * and never grows with the number of events. Every query on totals is O(1); a series is O(bucketCount).
 */

export const eventOutcomes = [
  "requestOk",
  "requestThrottled",
  "deliverySucceeded",
  "deliveryFailed",
  "deliveryWaiting",
  "deliveryRetried",
] as const;
export type EventOutcome = (typeof eventOutcomes)[number];
const OUTCOME_COUNT = eventOutcomes.length;
const OUTCOME_INDEX: Record<EventOutcome, number> = Object.fromEntries(eventOutcomes.map((o, i) => [o, i])) as Record<EventOutcome, number>;

interface AggregatorOptions {
  /** Length of the rolling window. Default 300 s, the service-protection window. */
  windowMs?: number;
  /** Number of buckets (the sparkline resolution). Default 60. */
  bucketCount?: number;
  /** Distinct sources tracked; later sources share the last slot ("other"). Default 32. */
  maxSources?: number;
  /** Latest failures kept for display. Default 20. */
  failureCapacity?: number;
}

export interface FailureRecord {
  source: string;
  at: number;
  message: string;
}

export class EventAggregator {
  readonly windowMs: number;
  readonly bucketCount: number;
  readonly bucketMs: number;
  readonly maxSources: number;
  private readonly counts: Uint32Array; // [bucket][source][outcome]
  private readonly durations: Float64Array; // [bucket]
  private readonly totals: Float64Array; // [source][outcome]
  private readonly outcomeTotals: Float64Array; // [outcome]
  private durationTotal = 0;
  private readonly sourceNames: string[] = [];
  private readonly sourceIds = new Map<string, number>();
  /** Absolute index (time / bucketMs) of the newest bucket; -Infinity before the first event. */
  private head = Number.NEGATIVE_INFINITY;
  private droppedCount = 0;
  private readonly failures: Array<FailureRecord | undefined>;
  private failureNext = 0;
  private failureSize = 0;

  constructor(options: AggregatorOptions = {}) {
    this.windowMs = Math.max(1, options.windowMs ?? 300_000);
    this.bucketCount = Math.max(1, Math.floor(options.bucketCount ?? 60));
    this.bucketMs = this.windowMs / this.bucketCount;
    this.maxSources = Math.max(1, Math.floor(options.maxSources ?? 32));
    this.counts = new Uint32Array(this.bucketCount * this.maxSources * OUTCOME_COUNT);
    this.durations = new Float64Array(this.bucketCount);
    this.totals = new Float64Array(this.maxSources * OUTCOME_COUNT);
    this.outcomeTotals = new Float64Array(OUTCOME_COUNT);
    this.failures = new Array<FailureRecord | undefined>(Math.max(1, options.failureCapacity ?? 20)).fill(undefined);
  }

  /** The numeric id of a source (registered on first use). Past `maxSources`, all share the last id. */
  sourceId(name: string): number {
    const known = this.sourceIds.get(name);
    if (known !== undefined) return known;
    if (this.sourceNames.length >= this.maxSources) return this.maxSources - 1;
    const id = this.sourceNames.length;
    this.sourceNames.push(name);
    this.sourceIds.set(name, id);
    return id;
  }

  get sources(): readonly string[] {
    return this.sourceNames;
  }

  /** Events that arrived older than the window and were ignored. */
  get dropped(): number {
    return this.droppedCount;
  }

  /** Moves the window so that `time` is in its newest bucket, expiring the buckets that fall out. */
  advanceTo(time: number): void {
    const index = Math.floor(time / this.bucketMs);
    if (index <= this.head) return;
    const steps = this.head === Number.NEGATIVE_INFINITY ? this.bucketCount : Math.min(index - this.head, this.bucketCount);
    for (let i = 1; i <= steps; i++) this.clearBucket((((index - steps + i) % this.bucketCount) + this.bucketCount) % this.bucketCount);
    this.head = index;
  }

  private clearBucket(slot: number): void {
    const stride = this.maxSources * OUTCOME_COUNT;
    const base = slot * stride;
    for (let j = 0; j < stride; j++) {
      const c = this.counts[base + j];
      if (c !== 0) {
        this.totals[j] -= c;
        this.outcomeTotals[j % OUTCOME_COUNT] -= c;
        this.counts[base + j] = 0;
      }
    }
    this.durationTotal -= this.durations[slot];
    this.durations[slot] = 0;
  }

  /** Fast path for numeric callers (benchmarks, simulator): source id from {@link sourceId}, outcome index. */
  ingestRaw(time: number, source: number, outcome: number, durationMs = 0): void {
    const index = Math.floor(time / this.bucketMs);
    if (index > this.head) this.advanceTo(time);
    else if (index <= this.head - this.bucketCount) {
      this.droppedCount++;
      return;
    }
    const slot = ((index % this.bucketCount) + this.bucketCount) % this.bucketCount;
    const j = source * OUTCOME_COUNT + outcome;
    this.counts[slot * this.maxSources * OUTCOME_COUNT + j]++;
    this.totals[j]++;
    this.outcomeTotals[outcome]++;
    if (durationMs > 0) {
      this.durations[slot] += durationMs;
      this.durationTotal += durationMs;
    }
  }

  /** Records one event. Non-finite times are ignored (counted as dropped). */
  ingest(event: { time: number; source: string; outcome: EventOutcome; durationMs?: number; message?: string }): void {
    if (!Number.isFinite(event.time)) {
      this.droppedCount++;
      return;
    }
    const outcome = OUTCOME_INDEX[event.outcome];
    if (outcome === undefined) {
      this.droppedCount++;
      return;
    }
    this.ingestRaw(event.time, this.sourceId(event.source), outcome, event.durationMs ?? 0);
    if (event.outcome === "deliveryFailed") {
      this.failures[this.failureNext] = { source: event.source, at: event.time, message: event.message ?? "" };
      this.failureNext = (this.failureNext + 1) % this.failures.length;
      this.failureSize = Math.min(this.failureSize + 1, this.failures.length);
    }
  }

  /** Count of `outcome` for `source` over the window ending at the newest bucket. O(1). */
  count(source: string, outcome: EventOutcome): number {
    const id = this.sourceIds.get(source);
    if (id === undefined) return 0;
    return this.totals[id * OUTCOME_COUNT + OUTCOME_INDEX[outcome]];
  }

  /** Count of `outcome` over all sources. O(1). */
  total(outcome: EventOutcome): number {
    return this.outcomeTotals[OUTCOME_INDEX[outcome]];
  }

  /** Summed request duration over the window, in ms. O(1). */
  totalDurationMs(): number {
    return Math.max(0, this.durationTotal);
  }

  /**
   * Per-bucket counts of `outcome` over all sources, oldest first, for the window ending at `now`
   * (buckets after the newest event are zero). O(bucketCount × sources).
   */
  series(outcome: EventOutcome, now?: number): number[] {
    if (now !== undefined) this.advanceTo(now);
    const out = new Array<number>(this.bucketCount).fill(0);
    if (this.head === Number.NEGATIVE_INFINITY) return out;
    const o = OUTCOME_INDEX[outcome];
    const stride = this.maxSources * OUTCOME_COUNT;
    const used = Math.min(this.sourceNames.length || 1, this.maxSources);
    for (let k = 0; k < this.bucketCount; k++) {
      const slot = (((this.head - this.bucketCount + 1 + k) % this.bucketCount) + this.bucketCount) % this.bucketCount;
      let sum = 0;
      for (let s = 0; s < used; s++) sum += this.counts[slot * stride + s * OUTCOME_COUNT + o];
      out[k] = sum;
    }
    return out;
  }

  /** The latest delivery failures, newest first (kept in a fixed ring, whatever their age). */
  latestFailures(limit = this.failures.length): FailureRecord[] {
    const out: FailureRecord[] = [];
    for (let i = 1; i <= Math.min(limit, this.failureSize); i++) {
      const rec = this.failures[(this.failureNext - i + this.failures.length) % this.failures.length];
      if (rec) out.push(rec);
    }
    return out;
  }
}
