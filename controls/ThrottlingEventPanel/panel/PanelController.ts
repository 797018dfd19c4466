import {
  Clock,
  effectivePollSeconds,
  effectiveWindowMinutes,
  HIDDEN_BACKOFF_FACTOR,
  PanelSnapshot,
  parseAppPriorities,
  parseRetryAfter,
  PolicyCancelledError,
  PANEL_SOURCE,
  PriorityRank,
  ThrottledCall,
  RandomSource,
  RequestPolicy,
  SimulatedFeed,
  defaultSimulatedApps,
  SystemJobAction,
  systemJobActionUpdate,
  systemJobStatus,
  ThrottledError,
  throttlingOrder,
  TimerHandle,
} from "@integrationkit/shared";
import { LiveError, LiveSource } from "./liveSource";

export type SourceKind = "live" | "simulated";
export type PanelStatus = "loading" | "ok" | "throttled" | "error" | "unavailable";

export interface PanelSettings {
  source: SourceKind;
  pollSeconds: number | null | undefined;
  windowMinutes: number | null | undefined;
  prioritiesJson: string | null | undefined;
}

export interface Message {
  key: string;
  values?: Record<string, string | number>;
}

/** Everything the UI renders; plain data. */
export interface PanelState {
  source: SourceKind;
  /** The maker asked for live data but the host has no live APIs, so we show the simulation or offer it. */
  liveUnavailable: boolean;
  status: PanelStatus;
  error?: Message;
  /** The last data we showed; kept across errors. */
  snapshot?: PanelSnapshot;
  now: number;
  paused: boolean;
  /** When the panel's own next request is allowed, while it is throttled. */
  ownRetryAt?: number;
  announcement?: Message;
  priorities: PriorityRank[];
  prioritiesError?: Message;
  pollSeconds: number;
  pollClamped: boolean;
  windowMinutes: number;
  busyJobId?: string;
  actionError?: Message;
}

export interface ControllerDeps {
  clock: Clock;
  random?: RandomSource;
  /** Builds the live source, or returns undefined when the host has no live APIs. */
  createLive: () => LiveSource | undefined;
  isHidden: () => boolean;
  /** Subscribes to visibility changes; returns the unsubscribe function. */
  onVisibilityChange: (listener: () => void) => () => void;
  /** Extra change hook (the React view subscribes through `subscribe`). */
  onChange?: () => void;
  /** Seed for the simulated source (fixed so the harness always shows the same scenario). */
  seed?: number;
}

/** The simulated source costs no server traffic, so it refreshes often to look alive. */
export const SIMULATED_REFRESH_MS = 2000;
const SERIES_LENGTH = 60;
const TICK_MS = 1000;

/**
 * Polls the chosen source under the throttle-aware policy and keeps the panel state.
 * It owns every timer and request of the control: `destroy()` clears them all.
 */
export class PanelController {
  private state: PanelState;
  private readonly policy: RequestPolicy;
  private live: LiveSource | undefined;
  private liveChecked = false;
  private feed: SimulatedFeed | undefined;
  private pollTimer: TimerHandle | undefined;
  private tickTimer: TimerHandle | undefined;
  private abort = new AbortController();
  private readonly unsubscribeVisibility: () => void;
  private destroyed = false;
  private polling = false;
  private liveSeries = { requests: [] as number[], throttled: [] as number[] };
  private settingsKey = "";
  private forcedSimulation = false;
  private everSucceeded = false;
  private configuredPriorities: PriorityRank[] = [];
  /** Consecutive throttled polls: each poll makes one attempt, so the growing backoff lives here. */
  private throttleStreak = 0;
  /** Live mode: the panel's own recent 429s, for the throttled-calls list (the simulation keeps its own). */
  private ownThrottles: ThrottledCall[] = [];

  constructor(private readonly deps: ControllerDeps) {
    this.policy = new RequestPolicy({ clock: deps.clock, random: deps.random, maxAttempts: 1, maxConcurrency: 2 });
    const poll = effectivePollSeconds(undefined);
    this.state = {
      source: "live",
      liveUnavailable: false,
      status: "loading",
      now: deps.clock.now(),
      paused: false,
      priorities: [],
      pollSeconds: poll.seconds,
      pollClamped: false,
      windowMinutes: effectiveWindowMinutes(undefined),
    };
    this.unsubscribeVisibility = deps.onVisibilityChange(() => this.onVisibility());
  }

  private readonly listeners = new Set<() => void>();

  /**
   * The view re-renders itself on changes: hosts differ in whether `factory.requestRender` re-runs
   * updateView (the pcf-start harness does not), so we do not depend on it.
   */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getState = (): PanelState => this.state;

  /** True while the host runs updateView: the view renders the new state then, so no notification. */
  private configuring = false;

  private set(patch: Partial<PanelState>): void {
    if (this.destroyed) return;
    this.state = Object.assign({}, this.state, patch);
    // Notifying during the host's render would set React state while rendering another component.
    if (!this.configuring) this.listeners.forEach((l) => l());
    this.deps.onChange?.();
  }

  /** Applies the manifest inputs; restarts polling only when something that matters changed. */
  configure(settings: PanelSettings): void {
    if (this.destroyed) return;
    this.configuring = true;
    try {
      this.applySettings(settings);
    } finally {
      this.configuring = false;
    }
  }

  private applySettings(settings: PanelSettings): void {
    const poll = effectivePollSeconds(settings.pollSeconds);
    const windowMinutes = effectiveWindowMinutes(settings.windowMinutes);
    const parsed = parseAppPriorities(settings.prioritiesJson);
    const key = JSON.stringify([settings.source, poll.seconds, windowMinutes, settings.prioritiesJson ?? ""]);
    if (key === this.settingsKey) return;
    const sourceChanged = this.settingsKey === "" || JSON.parse(this.settingsKey)[0] !== settings.source;
    this.settingsKey = key;
    // A malformed JSON keeps the last valid priorities and says what is wrong.
    if (parsed.ok) this.configuredPriorities = throttlingOrder(parsed.entries);
    const prioritiesError = parsed.ok ? undefined : { key: parsed.errorKey, values: parsed.values };
    if (parsed.ok && this.feed) this.feed.setApps(parsed.entries);
    if (sourceChanged) this.forcedSimulation = false;
    this.set({ pollSeconds: poll.seconds, pollClamped: poll.clamped, windowMinutes, priorities: this.prioritiesFor(this.state.source), prioritiesError });
    if (sourceChanged) this.switchSource(settings.source);
  }

  /** The simulation shows its own sample apps until the maker configures real ones. */
  private prioritiesFor(source: SourceKind): PriorityRank[] {
    return source === "simulated" && this.configuredPriorities.length === 0 ? throttlingOrder(defaultSimulatedApps) : this.configuredPriorities;
  }

  private effectiveSource(requested: SourceKind): SourceKind {
    return this.forcedSimulation ? "simulated" : requested;
  }

  private switchSource(requested: SourceKind): void {
    this.restartRequests();
    const source = this.effectiveSource(requested);
    if (source === "live") {
      if (!this.liveChecked) {
        this.live = this.deps.createLive();
        this.liveChecked = true;
      }
      if (this.live === undefined) {
        this.set({ source: "live", liveUnavailable: true, status: "unavailable", snapshot: undefined, ownRetryAt: undefined, priorities: this.prioritiesFor("live") });
        return;
      }
    }
    this.everSucceeded = false;
    this.set({ source, priorities: this.prioritiesFor(source), liveUnavailable: false, status: "loading", snapshot: undefined, error: undefined, ownRetryAt: undefined, announcement: undefined });
    this.schedule(0);
  }

  /** Called from the "use simulated data" button when live data is unavailable. */
  useSimulation(): void {
    this.forcedSimulation = true;
    this.switchSource("simulated");
  }

  private restartRequests(): void {
    this.abort.abort();
    this.abort = new AbortController();
    this.clearPoll();
  }

  private clearPoll(): void {
    if (this.pollTimer !== undefined) this.deps.clock.clearTimeout(this.pollTimer);
    this.pollTimer = undefined;
  }

  private schedule(delayMs: number): void {
    this.clearPoll();
    if (this.destroyed || this.state.paused) return;
    this.pollTimer = this.deps.clock.setTimeout(() => {
      this.pollTimer = undefined;
      void this.poll();
    }, Math.max(0, delayMs));
  }

  private intervalMs(): number {
    return this.state.source === "simulated" ? SIMULATED_REFRESH_MS : this.state.pollSeconds * 1000;
  }

  private onVisibility(): void {
    // Back from a hidden tab: refresh soon instead of waiting out the long hidden interval.
    if (!this.deps.isHidden() && !this.polling && this.state.status !== "unavailable") this.schedule(this.state.ownRetryAt ? Math.max(0, this.state.ownRetryAt - this.deps.clock.now()) : 0);
  }

  private async poll(): Promise<void> {
    if (this.destroyed || this.state.paused || this.polling) return;
    if (this.deps.isHidden()) {
      this.schedule(this.intervalMs() * HIDDEN_BACKOFF_FACTOR);
      return;
    }
    this.polling = true;
    const signal = this.abort.signal;
    const source = this.state.source;
    try {
      const snapshot = await this.fetch(source, signal);
      if (signal.aborted) return;
      const wasThrottled = this.state.status === "throttled";
      this.everSucceeded = true;
      this.throttleStreak = 0;
      this.set({
        snapshot,
        status: "ok",
        error: undefined,
        ownRetryAt: undefined,
        now: this.deps.clock.now(),
        announcement: wasThrottled ? { key: "Announce_Resumed" } : this.state.announcement,
      });
      this.schedule(this.intervalMs());
    } catch (error) {
      if (signal.aborted || error instanceof PolicyCancelledError) return;
      if (error instanceof ThrottledError) {
        const now = this.deps.clock.now();
        // Never before the server's time; after repeated throttles, no sooner than the growing backoff.
        const retryAt = Math.max(error.retryAt, this.throttleStreak > 0 ? now + this.policy.backoffDelay(this.throttleStreak) : 0);
        this.throttleStreak++;
        const seconds = Math.max(1, Math.ceil((retryAt - now) / 1000));
        let snapshot = this.state.snapshot;
        if (source === "live") {
          this.pushLiveSample(undefined, 1);
          this.ownThrottles = [{ id: `own-${now}`, source: PANEL_SOURCE, reason: "http429" as const, at: now, retryAt }, ...this.ownThrottles].slice(0, 5);
          if (snapshot) snapshot = Object.assign({}, snapshot, { throttledCalls: this.ownThrottles.slice() });
        }
        this.set({ status: "throttled", snapshot, ownRetryAt: retryAt, now, announcement: { key: "Announce_Throttled", values: { seconds } } });
        this.schedule(Math.max(retryAt - now, 0));
      } else if (source === "live" && !this.everSucceeded) {
        // The first live request failed outright: most likely a host without Dataverse (e.g. the test harness).
        this.set({ status: "unavailable", liveUnavailable: true, error: messageOf(error) });
      } else {
        this.set({ status: "error", error: messageOf(error), now: this.deps.clock.now() });
        this.schedule(this.intervalMs());
      }
    } finally {
      this.polling = false;
      this.updateTicker();
    }
  }

  private async fetch(source: SourceKind, signal: AbortSignal): Promise<PanelSnapshot> {
    const now = this.deps.clock.now();
    if (source === "simulated") {
      if (this.feed === undefined) {
        this.feed = new SimulatedFeed({ seed: this.deps.seed ?? 20240601, start: now });
        if (this.configuredPriorities.length > 0) this.feed.setApps(this.configuredPriorities);
      }
      const feed = this.feed;
      return this.policy.execute(
        "simulated",
        async () => {
          const res = feed.probe(this.deps.clock.now());
          if (res.status === 429) return { type: "throttled", retryAfterMs: parseRetryAfter(String(res.retryAfterSeconds ?? ""), new Date(this.deps.clock.now())) };
          return { type: "ok", value: feed.snapshot(this.deps.clock.now()) };
        },
        signal,
      );
    }
    const live = this.live as LiveSource;
    const snap = await live.poll(this.policy, signal, now, this.state.windowMinutes);
    this.pushLiveSample(snap.headroom.requestsUsed, 0);
    snap.throttledCalls = this.ownThrottles.filter((c) => c.retryAt >= now - 30_000);
    snap.series = { requests: [...this.liveSeries.requests], throttled: [...this.liveSeries.throttled] };
    return snap;
  }

  /** Live mode has no per-request history: the sparkline plots one sample per poll (requests used, own 429s). */
  private pushLiveSample(requestsUsed: number | undefined, throttled: number): void {
    const last = this.liveSeries.requests[this.liveSeries.requests.length - 1] ?? 0;
    this.liveSeries.requests.push(requestsUsed ?? last);
    this.liveSeries.throttled.push(throttled);
    if (this.liveSeries.requests.length > SERIES_LENGTH) {
      this.liveSeries.requests.shift();
      this.liveSeries.throttled.shift();
    }
  }

  /** Runs a once-a-second tick only while something on screen counts down. */
  private updateTicker(): void {
    const now = this.deps.clock.now();
    const counting =
      (this.state.ownRetryAt !== undefined && this.state.ownRetryAt > now) ||
      (this.state.snapshot?.throttledCalls.some((c) => c.retryAt > now) ?? false);
    if (counting && this.tickTimer === undefined && !this.destroyed) {
      this.tickTimer = this.deps.clock.setTimeout(() => {
        this.tickTimer = undefined;
        this.set({ now: this.deps.clock.now() });
        this.updateTicker();
      }, TICK_MS);
    }
  }

  setPaused(paused: boolean): void {
    if (paused === this.state.paused) return;
    this.set({ paused, announcement: { key: paused ? "Announce_Paused" : "Announce_Resumed" } });
    if (paused) this.restartRequests();
    else if (this.state.status !== "unavailable") this.schedule(0);
  }

  /** Runs a system-job action; the caller has confirmed it. */
  async act(jobId: string, action: SystemJobAction): Promise<void> {
    const job = this.state.snapshot?.jobs.find((j) => j.id === jobId);
    if (job === undefined || !systemJobStatus(job.statecode, job.statuscode).actions.includes(action)) return;
    this.set({ busyJobId: jobId, actionError: undefined });
    try {
      const now = this.deps.clock.now();
      if (this.state.source === "simulated" && this.feed) {
        this.feed.applyAction(jobId, action, now);
        this.set({ busyJobId: undefined, snapshot: this.feed.snapshot(now), announcement: { key: "Announce_ActionDone" } });
      } else if (this.live) {
        await this.live.update(jobId, systemJobActionUpdate(action, new Date(now)));
        this.set({ busyJobId: undefined, announcement: { key: "Announce_ActionDone" } });
        this.schedule(0);
      }
    } catch (error) {
      this.set({ busyJobId: undefined, actionError: messageOf(error) });
    }
  }

  destroy(): void {
    this.destroyed = true;
    this.abort.abort();
    this.clearPoll();
    if (this.tickTimer !== undefined) this.deps.clock.clearTimeout(this.tickTimer);
    this.tickTimer = undefined;
    this.unsubscribeVisibility();
    this.listeners.clear();
  }
}

function messageOf(error: unknown): Message {
  if (error instanceof LiveError) return { key: error.key, values: { detail: error.detail ?? "" } };
  const detail = error !== null && typeof error === "object" && typeof (error as { message?: unknown }).message === "string" ? (error as { message: string }).message : "";
  return { key: "Error_Request", values: { detail } };
}
