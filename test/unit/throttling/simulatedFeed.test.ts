import { PANEL_SOURCE, SimulatedFeed, USER_SOURCE } from "@integrationkit/shared";

const START = Date.UTC(2026, 0, 1, 12, 0, 30);

describe("SimulatedFeed", () => {
  it("opens with a short throttling episode that ends after initialThrottleSeconds", () => {
    const feed = new SimulatedFeed({ seed: 3, start: START, initialThrottleSeconds: 4 });
    const first = feed.probe(START);
    expect(first).toMatchObject({ status: 429, reason: "requests", retryAfterSeconds: 4 });
    expect(feed.snapshot(START).throttledCalls[0]).toMatchObject({ source: PANEL_SOURCE, retryAt: START + 4000 });
    const later = feed.probe(START + 4000);
    expect(later.status).toBe(200);
    const snap = feed.snapshot(START + 4000);
    expect(snap.headroom.requests?.used).toBeLessThan(6000);
    expect(snap.headers?.burstRemaining).toBeGreaterThan(0);
    expect(snap.series.throttled.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(snap.throttledCalls.some((c) => c.source === USER_SOURCE)).toBe(true);
  });

  it("is deterministic for a seed and start", () => {
    const a = new SimulatedFeed({ seed: 11, start: START }).snapshot(START + 60_000);
    const b = new SimulatedFeed({ seed: 11, start: START }).snapshot(START + 60_000);
    expect(a).toEqual(b);
    expect(a.endpoints.map((e) => e.name)).toEqual(["Orders webhook", "Invoices queue", "Shipments Event Grid"]);
    expect(a.endpoints.reduce((n, e) => n + (e.succeeded ?? 0), 0)).toBeGreaterThan(100);
  });

  it("applies only the actions a job's state allows", () => {
    const feed = new SimulatedFeed({ seed: 5, start: START });
    const jobs = feed.snapshot(START + 120_000).jobs;
    const failed = jobs.find((j) => j.statuscode === 31);
    const open = jobs.find((j) => j.statecode === 0 || j.statecode === 1);
    expect(failed).toBeDefined();
    expect(open).toBeDefined();
    expect(feed.applyAction(failed!.id, "cancel", START)).toBe(false);
    expect(feed.applyAction(open!.id, "cancel", START)).toBe(true);
    expect(feed.snapshot(START + 120_000).jobs.find((j) => j.id === open!.id)).toMatchObject({ statecode: 3, statuscode: 32 });
    expect(feed.applyAction("nope", "cancel", START)).toBe(false);
  });

  it("throttles apps by priority: the Low app more often than the High one", () => {
    const feed = new SimulatedFeed({ seed: 8, start: START });
    feed.snapshot(START + 300_000);
    const agg = feed.aggregator;
    expect(agg.count("Order sync", "requestThrottled")).toBeGreaterThanOrEqual(agg.count("Warehouse connector", "requestThrottled"));
    expect(agg.count("Order sync", "requestThrottled")).toBeGreaterThan(0);
    feed.setApps([{ name: "Only app", priority: "High" }]);
    expect(feed.appRegistrations.map((a) => a.name)).toEqual(["Only app"]);
  });
});
