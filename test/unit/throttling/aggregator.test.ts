import fc from "fast-check";
import { EventAggregator, eventOutcomes, EventOutcome } from "@integrationkit/shared";

describe("EventAggregator", () => {
  it("counts per source and outcome over the rolling window and forgets what leaves it", () => {
    const agg = new EventAggregator({ windowMs: 60_000, bucketCount: 6 });
    agg.ingest({ time: 0, source: "hook", outcome: "deliverySucceeded" });
    agg.ingest({ time: 5_000, source: "hook", outcome: "deliveryFailed", message: "HTTP 500" });
    agg.ingest({ time: 15_000, source: "queue", outcome: "deliverySucceeded" });
    expect(agg.count("hook", "deliverySucceeded")).toBe(1);
    expect(agg.count("hook", "deliveryFailed")).toBe(1);
    expect(agg.total("deliverySucceeded")).toBe(2);
    agg.advanceTo(65_000); // the first bucket [0, 10 s) has left the window
    expect(agg.count("hook", "deliverySucceeded")).toBe(0);
    expect(agg.count("hook", "deliveryFailed")).toBe(0);
    expect(agg.count("queue", "deliverySucceeded")).toBe(1);
    expect(agg.latestFailures()).toEqual([{ source: "hook", at: 5_000, message: "HTTP 500" }]);
    agg.advanceTo(10_000_000);
    expect(agg.total("deliverySucceeded")).toBe(0);
  });

  it("drops events older than the window and non-finite times", () => {
    const agg = new EventAggregator({ windowMs: 10_000, bucketCount: 10 });
    agg.ingest({ time: 100_000, source: "a", outcome: "requestOk" });
    agg.ingest({ time: 50_000, source: "a", outcome: "requestOk" });
    agg.ingest({ time: NaN, source: "a", outcome: "requestOk" });
    agg.ingest({ time: 1, source: "a", outcome: "bogus" as EventOutcome });
    expect(agg.count("a", "requestOk")).toBe(1);
    expect(agg.dropped).toBe(3);
  });

  it("keeps a series per bucket, oldest first, and sums request durations", () => {
    const agg = new EventAggregator({ windowMs: 3000, bucketCount: 3 });
    agg.ingest({ time: 0, source: "u", outcome: "requestOk", durationMs: 10 });
    agg.ingest({ time: 2500, source: "u", outcome: "requestThrottled" });
    agg.ingest({ time: 2600, source: "v", outcome: "requestOk", durationMs: 5 });
    expect(agg.series("requestOk")).toEqual([1, 0, 1]);
    expect(agg.series("requestThrottled")).toEqual([0, 0, 1]);
    expect(agg.totalDurationMs()).toBe(15);
    expect(agg.series("requestOk", 4000)).toEqual([1, 0, 0]);
    expect(agg.totalDurationMs()).toBe(5);
  });

  it("shares the last slot between sources beyond its capacity", () => {
    const agg = new EventAggregator({ maxSources: 2 });
    agg.ingest({ time: 0, source: "a", outcome: "requestOk" });
    agg.ingest({ time: 0, source: "b", outcome: "requestOk" });
    agg.ingest({ time: 0, source: "c", outcome: "requestOk" });
    expect(agg.sources).toEqual(["a", "b"]);
    expect(agg.count("b", "requestOk")).toBe(2);
  });

  const eventArb = fc.record({
    time: fc.integer({ min: 0, max: 400_000 }),
    source: fc.constantFrom("a", "b", "c"),
    outcome: fc.constantFrom(...eventOutcomes),
  });

  it("property: totals equal a brute-force count of the events in the window", () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 300 }), (events) => {
        const sorted = [...events].sort((x, y) => x.time - y.time);
        const agg = new EventAggregator({ windowMs: 100_000, bucketCount: 20 });
        for (const e of sorted) agg.ingest(e);
        if (sorted.length === 0) return agg.total("requestOk") === 0;
        const bucketMs = 5_000;
        const headBucket = Math.floor(sorted[sorted.length - 1].time / bucketMs);
        const inWindow = sorted.filter((e) => Math.floor(e.time / bucketMs) > headBucket - 20);
        for (const o of eventOutcomes) {
          if (agg.total(o) !== inWindow.filter((e) => e.outcome === o).length) return false;
          for (const s of ["a", "b", "c"]) {
            if (agg.count(s, o) !== inWindow.filter((e) => e.outcome === o && e.source === s).length) return false;
          }
          const series = agg.series(o);
          if (series.reduce((x, y) => x + y, 0) !== agg.total(o)) return false;
        }
        return true;
      }),
    );
  });

  it("property: out-of-order events inside the window count the same as in order", () => {
    fc.assert(
      fc.property(fc.array(eventArb, { minLength: 1, maxLength: 200 }), (events) => {
        const maxTime = Math.max(...events.map((e) => e.time));
        const inOrder = new EventAggregator({ windowMs: 1_000_000, bucketCount: 10 });
        const shuffled = new EventAggregator({ windowMs: 1_000_000, bucketCount: 10 });
        shuffled.advanceTo(maxTime);
        for (const e of [...events].sort((x, y) => x.time - y.time)) inOrder.ingest(e);
        for (const e of events) shuffled.ingest(e);
        return eventOutcomes.every((o) => inOrder.total(o) === shuffled.total(o));
      }),
    );
  });
});
