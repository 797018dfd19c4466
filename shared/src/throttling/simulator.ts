import { priorityThrottleThresholds, serviceProtectionLimits, ThrottlingPriority } from "./limits";
import { seededRandom } from "./random";

/**
 * A deterministic model of service protection, for the panel's simulated source and for tests.
 *
 * Dataverse part (per user per web server, api-limits.md): a sliding window of `windowSeconds`
 * counting requests and combined execution time, plus a cap on concurrent requests. Requests that are
 * refused are not added to the window.
 *
 * Finance and operations part (priority-based-throttling.md): resource-based throttling where each
 * request carries its app registration's priority and is refused when the modelled web-server
 * utilization reaches that priority's threshold, so Low is throttled before Medium before High.
 * Utilization is a pure function of time and seed: a base load with periodic spikes.
 */

export type ThrottleReason = "requests" | "executionTime" | "concurrency" | "resource";

interface SimulatorLimits {
  windowSeconds: number;
  requests: number;
  executionTimeMs: number;
  concurrency: number;
}

interface ResourceModel {
  baseUtilization: number;
  spikePeriodMs: number;
  spikeDurationMs: number;
  /** Spike peaks are drawn from [min, max] by the seeded generator. */
  spikeMin: number;
  spikeMax: number;
}

export interface SimulatorOptions {
  seed: number;
  limits?: Partial<SimulatorLimits>;
  resource?: Partial<ResourceModel>;
  /** Value of the x-ms-dop-hint header. Default 48 (Microsoft's example value). */
  dopHint?: number;
}

interface SimRequest {
  at: number;
  execMs: number;
  /** Present for finance and operations requests: the caller's throttling priority. */
  priority?: ThrottlingPriority;
}

export interface SimResponse {
  status: 200 | 429;
  reason?: ThrottleReason;
  retryAfterSeconds?: number;
  /** Response headers as Dataverse would send them (only on Dataverse requests). */
  headers: Record<string, string>;
}

interface SimUsage {
  requests: number;
  executionTimeMs: number;
  concurrent: number;
}

const defaultSimulatorLimits: SimulatorLimits = {
  windowSeconds: serviceProtectionLimits.windowSeconds,
  requests: serviceProtectionLimits.requests.limit,
  executionTimeMs: serviceProtectionLimits.executionTime.limit,
  concurrency: serviceProtectionLimits.concurrency.limit,
};

const defaultResource: ResourceModel = {
  baseUtilization: 0.55,
  spikePeriodMs: 120_000,
  spikeDurationMs: 30_000,
  spikeMin: 0.78,
  spikeMax: 0.99,
};

/** `1200.5` -> `1,200.50`, the shape of Dataverse's time-remaining header. */
export function formatHeaderSeconds(seconds: number): string {
  const fixed = Math.max(0, seconds).toFixed(2);
  const [whole, frac] = fixed.split(".");
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${frac}`;
}

export class ServiceProtectionSimulator {
  readonly limits: SimulatorLimits;
  readonly resource: ResourceModel;
  private readonly seed: number;
  private readonly dopHint: number;
  private times: number[] = [];
  private execs: number[] = [];
  private start = 0;
  private execSum = 0;
  private active: number[] = [];
  private last = Number.NEGATIVE_INFINITY;

  constructor(options: SimulatorOptions) {
    this.seed = options.seed >>> 0;
    this.limits = { ...defaultSimulatorLimits, ...options.limits };
    this.resource = { ...defaultResource, ...options.resource };
    this.dopHint = options.dopHint ?? 48;
  }

  private get windowMs(): number {
    return this.limits.windowSeconds * 1000;
  }

  private purge(now: number): void {
    const edge = now - this.windowMs;
    while (this.start < this.times.length && this.times[this.start] <= edge) {
      this.execSum -= this.execs[this.start];
      this.start++;
    }
    // Compact now and then so memory follows the window, not the history.
    if (this.start > 4096 && this.start * 2 > this.times.length) {
      this.times = this.times.slice(this.start);
      this.execs = this.execs.slice(this.start);
      this.start = 0;
    }
    if (this.active.length > 0) this.active = this.active.filter((end) => end > now);
  }

  /** Usage of the Dataverse limits in the window ending at `now`. */
  usage(now: number): SimUsage {
    this.purge(Math.max(now, this.last));
    return { requests: this.times.length - this.start, executionTimeMs: Math.max(0, this.execSum), concurrent: this.active.length };
  }

  /** Modelled finance and operations web-server utilization (0..1) at `time`; pure in (seed, time). */
  utilization(time: number): number {
    const r = this.resource;
    const period = Math.max(1, r.spikePeriodMs);
    const index = Math.floor(time / period);
    const offset = time - index * period;
    const jitter = seededRandom(this.seed ^ Math.imul(index + 1, 0x9e3779b1))();
    const base = r.baseUtilization + (jitter - 0.5) * 0.1;
    if (offset < r.spikeDurationMs) return Math.min(1, r.spikeMin + (r.spikeMax - r.spikeMin) * jitter);
    return Math.max(0, Math.min(1, base));
  }

  /** Milliseconds until the current spike ends (0 when there is none). */
  private spikeRemaining(time: number): number {
    const period = Math.max(1, this.resource.spikePeriodMs);
    const offset = time - Math.floor(time / period) * period;
    return offset < this.resource.spikeDurationMs ? this.resource.spikeDurationMs - offset : 0;
  }

  /** Evaluates one request at `req.at` (times earlier than the previous request are treated as simultaneous). */
  request(req: SimRequest): SimResponse {
    const at = Math.max(req.at, this.last);
    this.last = at;
    const execMs = Number.isFinite(req.execMs) && req.execMs > 0 ? req.execMs : 0;
    if (req.priority !== undefined) {
      const u = this.utilization(at);
      if (u >= priorityThrottleThresholds[req.priority]) {
        return { status: 429, reason: "resource", retryAfterSeconds: Math.max(1, Math.ceil(this.spikeRemaining(at) / 1000)), headers: {} };
      }
      return { status: 200, headers: {} };
    }
    this.purge(at);
    const count = this.times.length - this.start;
    if (this.active.length >= this.limits.concurrency) {
      const soonest = Math.min(...this.active);
      return this.refuse("concurrency", soonest - at);
    }
    if (count >= this.limits.requests) {
      // The request is accepted once enough of the oldest requests have left the window.
      const k = this.start + (count - this.limits.requests);
      return this.refuse("requests", this.times[k] + this.windowMs - at);
    }
    if (this.execSum >= this.limits.executionTimeMs) {
      let sum = this.execSum;
      let k = this.start;
      while (k < this.times.length - 1 && sum >= this.limits.executionTimeMs) sum -= this.execs[k++];
      return this.refuse("executionTime", this.times[Math.max(this.start, k - 1)] + this.windowMs - at);
    }
    this.times.push(at);
    this.execs.push(execMs);
    this.execSum += execMs;
    if (execMs > 0) this.active.push(at + execMs);
    return { status: 200, headers: this.headers(count + 1) };
  }

  private refuse(reason: ThrottleReason, waitMs: number): SimResponse {
    return {
      status: 429,
      reason,
      retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)),
      headers: this.headers(this.times.length - this.start),
    };
  }

  private headers(count: number): Record<string, string> {
    return {
      "x-ms-ratelimit-burst-remaining-xrm-requests": String(Math.max(0, this.limits.requests - count)),
      "x-ms-ratelimit-time-remaining-xrm-requests": formatHeaderSeconds((this.limits.executionTimeMs - this.execSum) / 1000),
      "x-ms-dop-hint": String(this.dopHint),
    };
  }
}
