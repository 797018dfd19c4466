import { Clock, systemClock, TimerHandle } from "./clock";
import { RandomSource } from "./random";
import { MAX_RETRY_AFTER_MS } from "./retryAfter";

/** What one attempt produced. Errors that are not worth retrying are thrown by `send` instead. */
export type SendOutcome<T> =
  | { type: "ok"; value: T }
  /** HTTP 429. `retryAfterMs` from {@link parseRetryAfter}; absent when the header was missing or malformed. */
  | { type: "throttled"; retryAfterMs?: number }
  /** A transient failure (network error, 502/503/504): retried with backoff. */
  | { type: "retryable"; error: unknown };

export type PolicyEvent =
  | { type: "sent"; key: string; at: number; attempt: number }
  | { type: "throttled"; key: string; at: number; until: number; fromHeader: boolean; attempt: number }
  | { type: "succeeded"; key: string; at: number };

interface RequestPolicyOptions {
  clock?: Clock;
  /** Jitter source; defaults to Math.random. */
  random?: RandomSource;
  /** Requests in flight at once, across all endpoints. */
  maxConcurrency?: number;
  /** Attempts per call, the first one included. */
  maxAttempts?: number;
  /** First backoff step; doubles on each retry (Microsoft's sample waits 2^retryCount seconds). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  onEvent?: (event: PolicyEvent) => void;
}

export class PolicyCancelledError extends Error {
  constructor() {
    super("The request was cancelled.");
    this.name = "PolicyCancelledError";
  }
}

/** Every attempt was throttled; `retryAt` is when the endpoint may be called again. */
export class ThrottledError extends Error {
  constructor(
    public readonly key: string,
    public readonly retryAt: number,
  ) {
    super(`Throttled: ${key} may be called again at ${new Date(retryAt).toISOString()}.`);
    this.name = "ThrottledError";
  }
}

export class RetriesExhaustedError extends Error {
  constructor(
    public readonly key: string,
    public readonly lastError: unknown,
  ) {
    super(`Request to ${key} failed after retries.`);
    this.name = "RetriesExhaustedError";
  }
}

/**
 * A throttle-aware request policy:
 * - on 429 it waits what `Retry-After` says, or backs off exponentially with jitter when the header is absent;
 * - it never sends to a throttled endpoint (a key) before that endpoint's retry time, whichever call asks;
 * - it caps the number of requests in flight;
 * - every wait can be cancelled through an AbortSignal, and a cancelled call sends nothing more.
 */
export class RequestPolicy {
  private readonly clock: Clock;
  private readonly random: RandomSource;
  private readonly maxConcurrency: number;
  private readonly maxAttempts: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly onEvent?: (event: PolicyEvent) => void;
  private readonly blocked = new Map<string, number>();
  private inFlight = 0;
  private readonly queue: Array<() => void> = [];

  constructor(options: RequestPolicyOptions = {}) {
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? Math.random;
    this.maxConcurrency = Math.max(1, Math.floor(options.maxConcurrency ?? 4));
    this.maxAttempts = Math.max(1, Math.floor(options.maxAttempts ?? 5));
    this.baseDelayMs = Math.max(1, options.baseDelayMs ?? 1000);
    this.maxDelayMs = Math.max(this.baseDelayMs, options.maxDelayMs ?? 60_000);
    this.onEvent = options.onEvent;
  }

  /** When `key` may next be called (epoch ms), or undefined when it is not throttled. */
  blockedUntil(key: string): number | undefined {
    const until = this.blocked.get(key);
    if (until === undefined) return undefined;
    if (until <= this.clock.now()) {
      this.blocked.delete(key);
      return undefined;
    }
    return until;
  }

  /** Requests currently in flight (for tests and diagnostics). */
  get activeCount(): number {
    return this.inFlight;
  }

  /** Backoff for the n-th retry (0-based): min(max, base * 2^n), with "equal jitter" (half fixed, half random). */
  backoffDelay(retry: number): number {
    const ceiling = Math.min(this.maxDelayMs, this.baseDelayMs * Math.pow(2, Math.min(retry, 30)));
    const r = this.random();
    const unit = Number.isFinite(r) ? Math.min(Math.max(r, 0), 1) : 0.5;
    return Math.round(ceiling / 2 + (ceiling / 2) * unit);
  }

  /** Runs `send` under the policy. Resolves with the first successful value. */
  async execute<T>(key: string, send: (signal?: AbortSignal) => Promise<SendOutcome<T>>, signal?: AbortSignal): Promise<T> {
    let lastError: unknown;
    for (let attempt = 0; attempt < this.maxAttempts; attempt++) {
      await this.waitForGate(key, signal);
      await this.acquire(signal);
      let outcome: SendOutcome<T>;
      try {
        // Another call may have been throttled while we queued for a slot.
        const until = this.blockedUntil(key);
        if (until !== undefined) {
          attempt--;
          continue;
        }
        throwIfAborted(signal);
        this.onEvent?.({ type: "sent", key, at: this.clock.now(), attempt });
        outcome = await send(signal);
      } finally {
        this.release();
      }
      throwIfAborted(signal);
      if (outcome.type === "ok") {
        this.onEvent?.({ type: "succeeded", key, at: this.clock.now() });
        return outcome.value;
      }
      if (outcome.type === "throttled") {
        const fromHeader = outcome.retryAfterMs !== undefined && Number.isFinite(outcome.retryAfterMs);
        const delay = fromHeader ? Math.min(Math.max(outcome.retryAfterMs as number, 0), MAX_RETRY_AFTER_MS) : this.backoffDelay(attempt);
        const now = this.clock.now();
        const until = Math.max(now + delay, this.blocked.get(key) ?? 0);
        this.blocked.set(key, until);
        this.onEvent?.({ type: "throttled", key, at: now, until, fromHeader, attempt });
        if (attempt === this.maxAttempts - 1) throw new ThrottledError(key, until);
        continue;
      }
      lastError = outcome.error;
      if (attempt < this.maxAttempts - 1) await this.sleep(this.backoffDelay(attempt), signal);
    }
    throw new RetriesExhaustedError(key, lastError);
  }

  private async waitForGate(key: string, signal?: AbortSignal): Promise<void> {
    for (;;) {
      throwIfAborted(signal);
      const until = this.blockedUntil(key);
      if (until === undefined) return;
      await this.sleep(until - this.clock.now(), signal);
    }
  }

  private acquire(signal?: AbortSignal): Promise<void> {
    throwIfAborted(signal);
    if (this.inFlight < this.maxConcurrency) {
      this.inFlight++;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const grant = (): void => {
        signal?.removeEventListener("abort", onAbort);
        this.inFlight++;
        resolve();
      };
      const onAbort = (): void => {
        const i = this.queue.indexOf(grant);
        if (i >= 0) this.queue.splice(i, 1);
        reject(new PolicyCancelledError());
      };
      this.queue.push(grant);
      signal?.addEventListener("abort", onAbort, { once: true });
    });
  }

  private release(): void {
    this.inFlight--;
    const next = this.queue.shift();
    if (next) next();
  }

  /** Waits `ms` on the injected clock; rejects (and clears its timer) when the signal aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    throwIfAborted(signal);
    return new Promise<void>((resolve, reject) => {
      const handle: TimerHandle = this.clock.setTimeout(
        () => {
          signal?.removeEventListener("abort", onAbort);
          resolve();
        },
        Math.max(0, ms),
      );
      const onAbort = (): void => {
        this.clock.clearTimeout(handle);
        reject(new PolicyCancelledError());
      };
      signal?.addEventListener("abort", onAbort, { once: true });
    });
  }
}

function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw new PolicyCancelledError();
}
