import {
  formatHeaderSeconds,
  parseRateLimitHeaders,
  priorityThrottleThresholds,
  ServiceProtectionSimulator,
  serviceProtectionLimits,
} from "@integrationkit/shared";

describe("ServiceProtectionSimulator", () => {
  it("uses Dataverse's documented defaults", () => {
    const sim = new ServiceProtectionSimulator({ seed: 1 });
    expect(sim.limits).toEqual({ windowSeconds: 300, requests: 6000, executionTimeMs: 1_200_000, concurrency: 52 });
    expect(serviceProtectionLimits.requests.sdkErrorCode).toBe(-2147015902);
    expect(serviceProtectionLimits.sources.length).toBeGreaterThan(0);
  });

  it("refuses the request over the count limit with a Retry-After until the oldest request leaves the sliding window", () => {
    const sim = new ServiceProtectionSimulator({ seed: 1, limits: { requests: 3, windowSeconds: 10 } });
    expect(sim.request({ at: 0, execMs: 0 }).status).toBe(200);
    expect(sim.request({ at: 4000, execMs: 0 }).status).toBe(200);
    expect(sim.request({ at: 5000, execMs: 0 }).status).toBe(200);
    const refused = sim.request({ at: 6000, execMs: 0 });
    expect(refused).toMatchObject({ status: 429, reason: "requests", retryAfterSeconds: 4 });
    expect(sim.request({ at: 10_001, execMs: 0 }).status).toBe(200);
    expect(sim.usage(10_001).requests).toBe(3);
  });

  it("refuses on combined execution time and on concurrency", () => {
    const sim = new ServiceProtectionSimulator({ seed: 1, limits: { executionTimeMs: 1000, concurrency: 2 } });
    expect(sim.request({ at: 0, execMs: 600 }).status).toBe(200);
    expect(sim.request({ at: 0, execMs: 600 }).status).toBe(200);
    expect(sim.request({ at: 10, execMs: 1 })).toMatchObject({ status: 429, reason: "concurrency", retryAfterSeconds: 1 });
    expect(sim.request({ at: 700, execMs: 1 })).toMatchObject({ status: 429, reason: "executionTime", retryAfterSeconds: 300 });
  });

  it("sends rate-limit headers our parser reads back", () => {
    const sim = new ServiceProtectionSimulator({ seed: 1 });
    const res = sim.request({ at: 0, execMs: 1500 });
    expect(parseRateLimitHeaders(res.headers)).toEqual({ burstRemaining: 5999, timeRemainingSeconds: 1198.5, dopHint: 48 });
    expect(formatHeaderSeconds(1_234_567.891)).toBe("1,234,567.89");
  });

  it("throttles Low before Medium before High as utilization rises", () => {
    const sim = new ServiceProtectionSimulator({ seed: 7, resource: { spikeMin: 0.8, spikeMax: 0.8 } });
    // Inside a spike at 0.80: above Low's threshold, under Medium's.
    expect(sim.request({ at: 1000, execMs: 0, priority: "Low" }).status).toBe(429);
    expect(sim.request({ at: 1000, execMs: 0, priority: "Medium" }).status).toBe(200);
    expect(sim.request({ at: 1000, execMs: 0, priority: "High" }).status).toBe(200);
    const hot = new ServiceProtectionSimulator({ seed: 7, resource: { spikeMin: 0.9, spikeMax: 0.9 } });
    expect(hot.request({ at: 1000, execMs: 0, priority: "Medium" })).toMatchObject({
      status: 429,
      reason: "resource",
      retryAfterSeconds: 29,
    });
    expect(hot.request({ at: 1000, execMs: 0, priority: "High" }).status).toBe(200);
    // Outside spikes nobody is throttled.
    expect(hot.request({ at: 60_000, execMs: 0, priority: "Low" }).status).toBe(200);
    expect(priorityThrottleThresholds.Low).toBeLessThan(priorityThrottleThresholds.Medium);
  });

  it("is deterministic for a seed", () => {
    const a = new ServiceProtectionSimulator({ seed: 99 });
    const b = new ServiceProtectionSimulator({ seed: 99 });
    const times = [0, 45_000, 130_000, 999_999];
    expect(times.map((t) => a.utilization(t))).toEqual(times.map((t) => b.utilization(t)));
    expect(new ServiceProtectionSimulator({ seed: 100 }).utilization(130_000)).not.toBe(a.utilization(130_000));
  });

  it("keeps memory bounded by the window over a long run", () => {
    const sim = new ServiceProtectionSimulator({ seed: 1, limits: { windowSeconds: 1, requests: 1_000_000 } });
    for (let i = 0; i < 50_000; i++) sim.request({ at: i * 10, execMs: 0 });
    expect(sim.usage(500_000).requests).toBeLessThanOrEqual(100);
  });
});
