import { EventAggregator } from "./aggregator";
import { AppPriority } from "./priorities";
import { seededRandom, RandomSource } from "./random";
import { ServiceProtectionSimulator, SimResponse, SimulatorOptions } from "./simulator";
import { EndpointDelivery, EndpointKind, gaugeFromUsed, PanelSnapshot, SystemJobRow, ThrottledCall } from "./panelModel";
import { SystemJobAction, systemJobActionUpdate, systemJobStatus } from "./systemJobs";
import { parseRateLimitHeaders, RateLimitHeaders } from "./rateLimitHeaders";

/**
 * Drives the panel's simulated source: the signed-in user's Dataverse traffic against the
 * service-protection simulator, finance and operations apps with throttling priorities, and event
 * deliveries to three endpoints, all from one seed. Same seed and same clock, same picture.
 *
 * The scenario starts with the user's window full, because of a burst `initialThrottleSeconds` short of
 * leaving the 300 s window: the first requests are throttled with a short Retry-After, then the burst
 * expires and traffic resumes. That makes a throttling episode visible within seconds.
 */

interface SimulatedFeedOptions {
  seed: number;
  /** Epoch ms at which the scenario starts (the panel's first look). */
  start: number;
  initialThrottleSeconds?: number;
  /** Requests a second from the signed-in user's background traffic. Default 18 (~90 % of the window). */
  userRatePerSecond?: number;
  apps?: readonly AppPriority[];
  simulator?: Partial<SimulatorOptions>;
}

/** Source names the feed uses; the UI shows them as data. `USER_SOURCE` and `PANEL_SOURCE` are .resx keys. */
export const USER_SOURCE = "Source_SignedInUser";
export const PANEL_SOURCE = "Source_ThisPanel";

export const defaultSimulatedApps: readonly AppPriority[] = Object.freeze([
  { name: "Order sync", priority: "Low" },
  { name: "Invoice export", priority: "Medium" },
  { name: "Warehouse connector", priority: "High" },
]);

interface SimEndpoint {
  name: string;
  kind: EndpointKind;
  ratePerSecond: number;
  failure: string;
}

const ENDPOINTS: readonly SimEndpoint[] = [
  { name: "Orders webhook", kind: "webhook", ratePerSecond: 0.8, failure: "HTTP 500" },
  { name: "Invoices queue", kind: "serviceBusQueue", ratePerSecond: 0.5, failure: "MessagingEntityNotFound" },
  { name: "Shipments Event Grid", kind: "eventGrid", ratePerSecond: 0.6, failure: "HTTP 403" },
];

const APP_RATE_PER_SECOND = 2;
const MAX_THROTTLED = 12;
const MAX_JOBS = 10;

export class SimulatedFeed {
  readonly simulator: ServiceProtectionSimulator;
  readonly aggregator: EventAggregator;
  private readonly random: RandomSource;
  private readonly rate: number;
  private apps: readonly AppPriority[];
  private readonly appBlockedUntil = new Map<string, number>();
  private userBlockedUntil = 0;
  private simulatedUntil: number;
  private throttled: ThrottledCall[] = [];
  private jobs: SystemJobRow[] = [];
  private lastHeaders: RateLimitHeaders | undefined;
  private sequence = 0;

  constructor(options: SimulatedFeedOptions) {
    this.random = seededRandom(options.seed);
    this.simulator = new ServiceProtectionSimulator({ ...options.simulator, seed: options.seed });
    this.aggregator = new EventAggregator({ windowMs: this.simulator.limits.windowSeconds * 1000, bucketCount: 60 });
    this.rate = options.userRatePerSecond ?? 18;
    this.apps = options.apps ?? defaultSimulatedApps;
    const windowMs = this.simulator.limits.windowSeconds * 1000;
    const throttleMs = Math.max(1, options.initialThrottleSeconds ?? 5) * 1000;
    const historyStart = options.start - windowMs;
    // The burst that fills the window; it leaves the window `throttleMs` after the start.
    const burstAt = options.start - windowMs + throttleMs;
    const steady = Math.round(this.rate * ((windowMs - throttleMs) / 1000));
    const burst = Math.max(0, this.simulator.limits.requests - steady + Math.ceil(this.rate * 10));
    // Nothing older than the burst: it is the first thing to leave the window.
    this.simulatedUntil = Math.max(historyStart, burstAt - 1000);
    // Zero execution time: the burst fills the request count without holding concurrency slots.
    for (let i = 0; i < burst; i++) this.userRequest(burstAt, 0);
    this.advance(options.start);
  }

  /** Replaces the app registrations (from the maker's priorities JSON). */
  setApps(apps: readonly AppPriority[]): void {
    this.apps = apps.length > 0 ? apps : defaultSimulatedApps;
  }

  get appRegistrations(): readonly AppPriority[] {
    return this.apps;
  }

  private nextId(): string {
    this.sequence++;
    return `sim-${this.sequence}`;
  }

  private addThrottled(source: string, at: number, response: SimResponse): number {
    const retryAt = at + (response.retryAfterSeconds ?? 1) * 1000;
    this.throttled.unshift({ id: this.nextId(), source, reason: response.reason ?? "http429", at, retryAt });
    if (this.throttled.length > MAX_THROTTLED) this.throttled.length = MAX_THROTTLED;
    return retryAt;
  }

  private userRequest(at: number, execMs: number): void {
    const res = this.simulator.request({ at, execMs });
    if (res.status === 200) {
      this.aggregator.ingest({ time: at, source: USER_SOURCE, outcome: "requestOk", durationMs: execMs });
    } else {
      this.aggregator.ingest({ time: at, source: USER_SOURCE, outcome: "requestThrottled" });
      // One list entry per throttling episode, not one per refused request.
      if (at >= this.userBlockedUntil) this.userBlockedUntil = this.addThrottled(USER_SOURCE, at, res);
    }
  }

  /** Simulates every second from the last simulated second up to `now` (at most one window back). */
  advance(now: number): void {
    const windowMs = this.simulator.limits.windowSeconds * 1000;
    let t = Math.max(this.simulatedUntil + 1000, now - windowMs);
    for (; t <= now; t += 1000) this.simulateSecond(t);
    this.simulatedUntil = Math.max(this.simulatedUntil, t - 1000);
  }

  private simulateSecond(t: number): void {
    const n = Math.max(0, Math.round(this.rate + (this.random() - 0.5) * 6));
    for (let i = 0; i < n; i++) this.userRequest(t + Math.floor((i * 1000) / Math.max(1, n)), 100 + Math.floor(this.random() * 120));
    for (const app of this.apps) {
      // Well-behaved apps wait for their Retry-After before sending again.
      if ((this.appBlockedUntil.get(app.name) ?? 0) > t) continue;
      for (let i = 0; i < APP_RATE_PER_SECOND; i++) {
        const at = t + i * 400;
        const res = this.simulator.request({ at, execMs: 0, priority: app.priority });
        if (res.status === 200) {
          this.aggregator.ingest({ time: at, source: app.name, outcome: "requestOk" });
        } else {
          this.aggregator.ingest({ time: at, source: app.name, outcome: "requestThrottled" });
          this.appBlockedUntil.set(app.name, this.addThrottled(app.name, at, res));
          break;
        }
      }
    }
    for (const ep of ENDPOINTS) {
      if (this.random() >= ep.ratePerSecond) continue;
      const r = this.random();
      if (r < 0.05) {
        this.aggregator.ingest({ time: t, source: ep.name, outcome: "deliveryFailed", message: ep.failure });
        this.addJob({ endpoint: ep.name, at: t, statecode: 3, statuscode: 31, message: ep.failure });
      } else if (r < 0.09) {
        this.aggregator.ingest({ time: t, source: ep.name, outcome: "deliveryRetried" });
        this.aggregator.ingest({ time: t, source: ep.name, outcome: "deliverySucceeded" });
      } else if (r < 0.11 && ep.kind !== "webhook") {
        // Bus or network errors leave a job waiting (Suspended/Waiting) until it is resumed or retried.
        this.aggregator.ingest({ time: t, source: ep.name, outcome: "deliveryWaiting" });
        this.addJob({ endpoint: ep.name, at: t, statecode: 1, statuscode: 10 });
      } else if (r < 0.12) {
        this.aggregator.ingest({ time: t, source: ep.name, outcome: "deliveryWaiting" });
        this.addJob({ endpoint: ep.name, at: t, statecode: 0, statuscode: 0 });
      } else {
        this.aggregator.ingest({ time: t, source: ep.name, outcome: "deliverySucceeded" });
      }
    }
  }

  private addJob(job: Omit<SystemJobRow, "id" | "name">): void {
    const id = this.nextId();
    this.jobs.unshift({ id, name: job.endpoint, ...job });
    if (this.jobs.length > MAX_JOBS) this.jobs.length = MAX_JOBS;
  }

  /** The panel's own lightweight request (the WhoAmI probe in live mode). */
  probe(now: number): SimResponse {
    this.advance(now);
    const res = this.simulator.request({ at: now, execMs: 20 });
    this.lastHeaders = parseRateLimitHeaders(res.headers);
    if (res.status === 429) this.addThrottled(PANEL_SOURCE, now, res);
    return res;
  }

  /** Applies a system-job action to a simulated job, if the job's state allows it. */
  applyAction(id: string, action: SystemJobAction, now: number): boolean {
    const job = this.jobs.find((j) => j.id === id);
    if (job === undefined || !systemJobStatus(job.statecode, job.statuscode).actions.includes(action)) return false;
    const update = systemJobActionUpdate(action, new Date(now));
    if (typeof update.statecode === "number" && typeof update.statuscode === "number") {
      job.statecode = update.statecode;
      job.statuscode = update.statuscode;
    }
    if (typeof update.postponeuntil === "string") job.postponeUntil = Date.parse(update.postponeuntil);
    return true;
  }

  snapshot(now: number): PanelSnapshot {
    this.advance(now);
    const usage = this.simulator.usage(now);
    const agg = this.aggregator;
    const ok = agg.series("requestOk", now);
    const throttled = agg.series("requestThrottled", now);
    const endpoints: EndpointDelivery[] = ENDPOINTS.map((ep) => ({
      name: ep.name,
      kind: ep.kind,
      succeeded: agg.count(ep.name, "deliverySucceeded"),
      failed: agg.count(ep.name, "deliveryFailed"),
      waiting: agg.count(ep.name, "deliveryWaiting"),
      retried: agg.count(ep.name, "deliveryRetried"),
    }));
    const snapshot: PanelSnapshot = {
      updatedAt: now,
      headroom: {
        requests: gaugeFromUsed(this.simulator.limits.requests, usage.requests),
        executionMs: gaugeFromUsed(this.simulator.limits.executionTimeMs, usage.executionTimeMs),
        concurrent: gaugeFromUsed(this.simulator.limits.concurrency, usage.concurrent),
      },
      series: { requests: ok.map((v, i) => v + throttled[i]), throttled },
      // Calls whose retry time passed more than 30 s ago are no longer news.
      throttledCalls: this.throttled.filter((c) => c.retryAt >= now - 30_000).map((c) => ({ ...c })),
      endpoints,
      failures: agg.latestFailures(5),
      jobs: this.jobs.map((j) => ({ ...j })),
      skippedRows: 0,
    };
    if (this.lastHeaders) snapshot.headers = this.lastHeaders;
    return snapshot;
  }
}
