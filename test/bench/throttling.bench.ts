/**
 * Throttling benchmarks (issue 4): event-aggregator throughput (target >= 1,000,000 events/s on the
 * 2-core machine) and its heap after 1 million vs 10 million events (must not grow with the count),
 * plus the cost of the parsers and one simulated-panel refresh.
 */
import * as v8 from "v8";
import * as vm from "vm";
import { performance } from "perf_hooks";
import {
  emptySnapshot,
  EventAggregator,
  eventOutcomes,
  initialPanelModel,
  PanelModel,
  panelReducer,
  parseRateLimitHeaders,
  parseRetryAfter,
  SimulatedFeed,
} from "@integrationkit/shared";
import { BenchRow, median, timeMedian } from "./util";

/** global.gc when node runs with --expose-gc; otherwise the flag is switched on at run time. */
function getGc(): { gc: () => void; how: string } {
  const g = globalThis as unknown as { gc?: () => void };
  if (typeof g.gc === "function") return { gc: g.gc, how: "global.gc (--expose-gc)" };
  v8.setFlagsFromString("--expose-gc");
  return { gc: vm.runInNewContext("gc") as () => void, how: "gc exposed at run time via v8.setFlagsFromString" };
}

const SOURCES = 16;
const OUTCOMES = eventOutcomes.length;

/** Ingests `count` events, 20 per simulated millisecond (the 300 s window rolls every 6 million). */
function feed(agg: EventAggregator, ids: number[], from: number, count: number): void {
  for (let i = from; i < from + count; i++) agg.ingestRaw(1_700_000_000_000 + i / 20, ids[i % SOURCES], i % OUTCOMES, i & 7);
}

function newAggregator(): { agg: EventAggregator; ids: number[] } {
  const agg = new EventAggregator({ windowMs: 300_000, bucketCount: 60, maxSources: 32 });
  const ids = Array.from({ length: SOURCES }, (_, s) => agg.sourceId(`app-${s}`));
  return { agg, ids };
}

export default function bench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];

  // Throughput: median of 7 runs of 2 million events each.
  const samples: number[] = [];
  for (let run = 0; run < 9; run++) {
    const { agg, ids } = newAggregator();
    const n = 2_000_000;
    const start = performance.now();
    feed(agg, ids, 0, n);
    const seconds = (performance.now() - start) / 1000;
    if (run >= 2) samples.push(n / seconds);
  }
  const rawRate = median(samples);
  rows.push({
    group: "throttling",
    name: "aggregator ingestRaw throughput (median of 7 × 2M events)",
    value: Math.round(rawRate),
    unit: "events/s",
    target: ">= 1,000,000",
    pass: rawRate >= 1_000_000,
  });

  // The object API the simulator uses (string source looked up in a Map).
  const objSamples: number[] = [];
  const names = Array.from({ length: SOURCES }, (_, s) => `app-${s}`);
  for (let run = 0; run < 7; run++) {
    const agg = new EventAggregator();
    const n = 1_000_000;
    const start = performance.now();
    for (let i = 0; i < n; i++)
      agg.ingest({ time: 1_700_000_000_000 + i / 20, source: names[i % SOURCES], outcome: eventOutcomes[i % OUTCOMES] });
    const seconds = (performance.now() - start) / 1000;
    if (run >= 2) objSamples.push(n / seconds);
  }
  rows.push({
    group: "throttling",
    name: "aggregator ingest() object API throughput",
    value: Math.round(median(objSamples)),
    unit: "events/s",
  });

  // Memory: the same aggregator after 1M and after 10M events, heap measured after a full GC.
  // Typed-array storage lives outside the JS heap, so "used" is heapUsed + arrayBuffers.
  const used = (): number => {
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  const { gc, how } = getGc();
  gc();
  const before = used();
  const { agg, ids } = newAggregator();
  feed(agg, ids, 0, 1_000_000);
  gc();
  const after1M = used();
  feed(agg, ids, 1_000_000, 9_000_000);
  gc();
  const after10M = used();
  const mb = (b: number): number => Math.round((b / 1_048_576) * 100) / 100;
  const growth = after10M - after1M;
  rows.push({ group: "throttling", name: `heap + array buffers after 1M events (${how})`, value: mb(after1M), unit: "MB" });
  rows.push({ group: "throttling", name: "heap + array buffers after 10M events (same aggregator)", value: mb(after10M), unit: "MB" });
  rows.push({
    group: "throttling",
    name: "memory growth from 1M to 10M events",
    value: Math.round(growth / 1024),
    unit: "KB",
    target: "< 256 (no growth with count)",
    pass: growth < 256 * 1024,
  });
  rows.push({
    group: "throttling",
    name: "memory taken by one aggregator (after 1M events, vs. before it existed)",
    value: Math.round((after1M - before) / 1024),
    unit: "KB",
  });
  if (agg.total("requestOk") <= 0) throw new Error("aggregator lost its counts");

  const now = new Date(Date.UTC(2026, 0, 1));
  const us = (ms: number): number => Math.round(ms * 1000 * 1000) / 1000;
  rows.push({
    group: "throttling",
    name: "parseRetryAfter (HTTP-date, median per call)",
    value: us(timeMedian(() => parseRetryAfter("Thu, 01 Jan 2026 00:00:30 GMT", now), { runs: 15, inner: 20_000 })),
    unit: "µs",
  });
  const headers = {
    "x-ms-ratelimit-burst-remaining-xrm-requests": "5,999",
    "x-ms-ratelimit-time-remaining-xrm-requests": "1,200.00",
    "x-ms-dop-hint": "48",
  };
  rows.push({
    group: "throttling",
    name: "parseRateLimitHeaders (median per call)",
    value: us(timeMedian(() => parseRateLimitHeaders(headers), { runs: 15, inner: 20_000 })),
    unit: "µs",
  });

  // One simulated-panel refresh (2 s of simulated traffic plus the snapshot the panel renders).
  const start = Date.UTC(2026, 0, 1);
  const sim = new SimulatedFeed({ seed: 1, start });
  let t = start;
  const refresh = timeMedian(
    () => {
      t += 2000;
      sim.probe(t);
      return sim.snapshot(t);
    },
    { runs: 25, inner: 20 },
  );
  rows.push({
    group: "throttling",
    name: "simulated panel refresh (probe + snapshot, median)",
    value: Math.round(refresh * 1000) / 1000,
    unit: "ms",
  });

  // The panel's state machine: one poll cycle (tick, response) plus a countdown tick, per call.
  const snapshot = emptySnapshot(start);
  const cycle = (): PanelModel => {
    let state = panelReducer(initialPanelModel(start), {
      type: "settings",
      now: start,
      source: "live",
      pollSeconds: 90,
      windowMinutes: 60,
      prioritiesJson: "",
    }).state;
    let now = start;
    for (let i = 0; i < 100; i++) {
      state = panelReducer(state, { type: "tick", now }).state;
      const id = state.inFlight?.id ?? -1;
      state = panelReducer(state, { type: "response", now: now + 200, id, snapshot }).state;
      now = state.nextPollAt ?? now + 90_000;
    }
    return state;
  };
  rows.push({
    group: "throttling",
    name: "panelReducer: 100 poll cycles (tick + response), median",
    value: Math.round(timeMedian(cycle, { runs: 15, inner: 20 }) * 1000) / 1000,
    unit: "ms",
  });
  return Promise.resolve(rows);
}
