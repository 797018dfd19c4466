import fc from "fast-check";
import {
  parseRetryAfter,
  PolicyCancelledError,
  PolicyEvent,
  RequestPolicy,
  RetriesExhaustedError,
  SendOutcome,
  ThrottledError,
} from "@integrationkit/shared";

const START = Date.UTC(2026, 10, 27, 12, 0, 0);

beforeEach(() => {
  jest.useFakeTimers({ now: START });
});
afterEach(() => {
  jest.useRealTimers();
});

/** A fake server that answers 429 with the given Retry-After header to every request. */
function stormServer(retryAfterHeader: () => string | undefined) {
  const sends: number[] = [];
  const send = (): Promise<SendOutcome<string>> => {
    sends.push(Date.now());
    return Promise.resolve({ type: "throttled", retryAfterMs: parseRetryAfter(retryAfterHeader(), new Date()) });
  };
  return { sends, send };
}

describe("RequestPolicy under a 429 storm", () => {
  it("never sends before Retry-After allows, across concurrent callers, and stops when cancelled", async () => {
    const events: PolicyEvent[] = [];
    const policy = new RequestPolicy({ maxAttempts: 1000, onEvent: (e) => events.push(e) });
    const server = stormServer(() => "3");
    const controller = new AbortController();
    const calls = [1, 2, 3].map(() => policy.execute("whoami", server.send, controller.signal).catch((e: unknown) => e));

    await jest.advanceTimersByTimeAsync(60_000);
    expect(server.sends.length).toBeGreaterThanOrEqual(15);
    // Each send happens at or after the retry time announced by the previous 429.
    let allowedAt = 0;
    for (const e of events) {
      if (e.type === "sent") expect(e.at).toBeGreaterThanOrEqual(allowedAt);
      if (e.type === "throttled") allowedAt = e.until;
    }
    // The callers send together when the endpoint opens; openings are spaced by the 3 s the server asked for.
    const openings = [...new Set(server.sends)];
    for (let i = 1; i < openings.length; i++) expect(openings[i] - openings[i - 1]).toBeGreaterThanOrEqual(3000);

    controller.abort();
    const results = await Promise.all(calls);
    for (const r of results) expect(r).toBeInstanceOf(PolicyCancelledError);
    const sentBefore = server.sends.length;
    await jest.advanceTimersByTimeAsync(60_000);
    expect(server.sends.length).toBe(sentBefore);
    expect(jest.getTimerCount()).toBe(0);
  });

  it("gives up with ThrottledError after the last attempt, telling when to retry", async () => {
    const policy = new RequestPolicy({ maxAttempts: 3 });
    const server = stormServer(() => "10");
    const done = policy.execute("k", server.send).catch((e: unknown) => e);
    await jest.advanceTimersByTimeAsync(25_000);
    const err = await done;
    expect(err).toBeInstanceOf(ThrottledError);
    expect((err as ThrottledError).retryAt).toBe(START + 20_000 + 10_000);
    expect(server.sends).toEqual([START, START + 10_000, START + 20_000]);
    expect(policy.blockedUntil("k")).toBe(START + 30_000);
  });

  it("backs off exponentially with jitter from the injected random source when Retry-After is missing", async () => {
    const policy = new RequestPolicy({ maxAttempts: 4, baseDelayMs: 1000, random: () => 1 });
    const server = stormServer(() => undefined);
    const done = policy.execute("k", server.send).catch((e: unknown) => e);
    await jest.advanceTimersByTimeAsync(20_000);
    await done;
    // random() = 1 gives the full ceiling: 1 s, 2 s, 4 s.
    expect(server.sends.map((t) => t - START)).toEqual([0, 1000, 3000, 7000]);
    const half = new RequestPolicy({ random: () => 0 });
    expect([0, 1, 2, 10].map((n) => half.backoffDelay(n))).toEqual([500, 1000, 2000, 30_000]);
  });

  it("treats a malformed Retry-After like a missing one", async () => {
    const policy = new RequestPolicy({ maxAttempts: 2, baseDelayMs: 2000, random: () => 0.5 });
    const server = stormServer(() => "soon");
    const done = policy.execute("k", server.send).catch((e: unknown) => e);
    await jest.advanceTimersByTimeAsync(10_000);
    await done;
    expect(server.sends[1] - server.sends[0]).toBe(1500);
  });

  it("does not hold back other endpoints", async () => {
    const policy = new RequestPolicy({ maxAttempts: 1 });
    await policy.execute("a", () => Promise.resolve({ type: "throttled", retryAfterMs: 60_000 })).catch(() => undefined);
    await expect(policy.execute("b", () => Promise.resolve({ type: "ok", value: 42 }))).resolves.toBe(42);
    expect(policy.blockedUntil("a")).toBe(START + 60_000);
    expect(policy.blockedUntil("b")).toBeUndefined();
  });

  it("caps the number of requests in flight and lets queued callers cancel", async () => {
    const policy = new RequestPolicy({ maxConcurrency: 2 });
    let active = 0;
    let peak = 0;
    const send = async (): Promise<SendOutcome<number>> => {
      active++;
      peak = Math.max(peak, active);
      await new Promise((r) => setTimeout(r, 1000));
      active--;
      return { type: "ok", value: 1 };
    };
    const queued = new AbortController();
    const all = [
      policy.execute("a", send),
      policy.execute("b", send),
      policy.execute("c", send),
      policy.execute("d", send, queued.signal).catch((e: unknown) => e),
    ];
    queued.abort();
    await jest.advanceTimersByTimeAsync(5000);
    const results = await Promise.all(all);
    expect(peak).toBe(2);
    expect(results.slice(0, 3)).toEqual([1, 1, 1]);
    expect(results[3]).toBeInstanceOf(PolicyCancelledError);
    expect(policy.activeCount).toBe(0);
  });

  it("retries transient errors with backoff and reports the last error", async () => {
    const policy = new RequestPolicy({ maxAttempts: 2, random: () => 0 });
    const boom = new Error("network");
    const done = policy.execute("k", () => Promise.resolve({ type: "retryable", error: boom })).catch((e: unknown) => e);
    await jest.advanceTimersByTimeAsync(5000);
    const err = await done;
    expect(err).toBeInstanceOf(RetriesExhaustedError);
    expect((err as RetriesExhaustedError).lastError).toBe(boom);
  });

  it("rejects at once when the signal is already aborted", async () => {
    const policy = new RequestPolicy();
    const c = new AbortController();
    c.abort();
    const send = jest.fn();
    await expect(policy.execute("k", send, c.signal)).rejects.toBeInstanceOf(PolicyCancelledError);
    expect(send).not.toHaveBeenCalled();
  });

  it("property: for any sequence of Retry-After values, no send comes before its allowed time", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(fc.nat({ max: 20 }).map(String), fc.constant("junk"), fc.constant(undefined)), { minLength: 1, maxLength: 8 }),
        async (headers) => {
          jest.setSystemTime(START);
          let i = 0;
          const policy = new RequestPolicy({ maxAttempts: headers.length, random: () => 0.3 });
          const sends: number[] = [];
          const allowed: number[] = [0];
          const send = (): Promise<SendOutcome<number>> => {
            sends.push(Date.now());
            const ms = parseRetryAfter(headers[i++], new Date());
            return Promise.resolve({ type: "throttled", retryAfterMs: ms });
          };
          const done = policy.execute("k", send, undefined).catch(() => undefined);
          await jest.advanceTimersByTimeAsync(10 * 60_000);
          await done;
          expect(sends.length).toBe(headers.length);
          for (let k = 1; k < sends.length; k++) {
            const h = parseRetryAfter(headers[k - 1], new Date(sends[k - 1]));
            const minGap = h ?? policy.backoffDelay(k - 1);
            allowed.push(sends[k - 1] + minGap);
            expect(sends[k]).toBeGreaterThanOrEqual(allowed[k]);
          }
          return true;
        },
      ),
      { numRuns: 40 },
    );
  });
});
