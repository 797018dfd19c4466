import {
  classifyFailure,
  Clock,
  Emitter,
  initialPanelModel,
  PanelEffect,
  PanelEvent,
  PanelModel,
  panelReducer,
  PanelSettingsInput,
  PanelSnapshot,
  parseRetryAfter,
  PriorityRank,
  ReadableStore,
  ReadDepth,
  SimulatedFeed,
  SourceKind,
  SystemJobAction,
  systemJobActionUpdate,
  TimerHandle,
} from "@integrationkit/shared";
import { LiveSource, PollFailed, PollThrottled } from "./liveSource";

interface RunnerDeps {
  clock: Clock;
  /** The live source, or undefined when the host has no Dataverse (for example the PCF test harness). */
  createLive: () => LiveSource | undefined;
  /** Seed of the simulation (fixed, so the harness always shows the same scenario). */
  seed?: number;
}

const DEFAULT_SEED = 20240601;

/**
 * Performs the reducer's effects and feeds the results back: the one timer, the requests (each
 * abortable), the job actions. It holds no panel state of its own beyond the handles it needs; the
 * state is the reducer's snapshot, exposed through the store contract.
 */
export class PanelRunner implements ReadableStore<PanelModel> {
  private model: PanelModel;
  private readonly emitter = new Emitter();
  private notifyQueued = false;
  private timer: TimerHandle = undefined;
  private readonly requests = new Map<number, AbortController>();
  private live: LiveSource | undefined;
  private liveChecked = false;
  private feed: SimulatedFeed | undefined;
  private feedApps: PriorityRank[] | undefined;

  constructor(private readonly deps: RunnerDeps) {
    this.model = initialPanelModel(deps.clock.now());
  }

  readonly subscribe = (listener: () => void): (() => void) => this.emitter.subscribe(listener);
  /** The reducer's latest state: a new object on every change, never mutated. */
  readonly getSnapshot = (): PanelModel => this.model;

  /**
   * Runs an event through the reducer and performs its effects. Subscribers are told at once, or,
   * for changes made while the host renders (updateView), right after it: the element updateView
   * returns already reads the new snapshot, and React must not be told to update one component
   * while it renders another.
   */
  dispatch(event: PanelEvent, notify: "now" | "afterRender" = "now"): void {
    const { state, effects } = panelReducer(this.model, event);
    const changed = state !== this.model;
    this.model = state;
    this.syncFeedApps();
    if (changed) {
      if (notify === "now") this.emitter.emit();
      else if (!this.notifyQueued) {
        this.notifyQueued = true;
        queueMicrotask(() => {
          this.notifyQueued = false;
          this.emitter.emit();
        });
      }
    }
    for (const effect of effects) this.perform(effect);
  }

  /** The manifest inputs, from updateView. */
  configure(settings: PanelSettingsInput): void {
    this.dispatch({ type: "settings" as const, now: this.deps.clock.now(), ...settings }, "afterRender");
  }

  setPaused(paused: boolean): void {
    this.dispatch({ type: paused ? "pause" : "resume", now: this.deps.clock.now() });
  }

  useSimulation(): void {
    this.dispatch({ type: "useSimulation", now: this.deps.clock.now() });
  }

  setHidden(hidden: boolean): void {
    this.dispatch({ type: "visibility", now: this.deps.clock.now(), hidden });
  }

  setPrivileges(canWriteJobs: boolean, readDepth: ReadDepth): void {
    this.dispatch({ type: "privileges", canWriteJobs, readDepth });
  }

  act(jobId: string, action: SystemJobAction): void {
    this.dispatch({ type: "jobAction", now: this.deps.clock.now(), jobId, action });
  }

  destroy(): void {
    this.dispatch({ type: "destroy" });
    this.clearTimer();
    for (const controller of this.requests.values()) controller.abort();
    this.requests.clear();
  }

  /** The simulation's apps follow the maker's priorities (exactly the table's rows). */
  private syncFeedApps(): void {
    if (this.feed && this.feedApps !== this.model.configuredPriorities) {
      this.feedApps = this.model.configuredPriorities;
      this.feed.setApps(this.feedApps);
    }
  }

  private clearTimer(): void {
    if (this.timer !== undefined) this.deps.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private perform(effect: PanelEffect): void {
    switch (effect.type) {
      case "schedule": {
        this.clearTimer();
        this.timer = this.deps.clock.setTimeout(
          () => {
            this.timer = undefined;
            this.dispatch({ type: "tick", now: this.deps.clock.now() });
          },
          Math.max(0, effect.at - this.deps.clock.now()),
        );
        return;
      }
      case "cancelSchedule":
        this.clearTimer();
        return;
      case "abort":
        this.requests.get(effect.id)?.abort();
        this.requests.delete(effect.id);
        return;
      case "request":
        void this.poll(effect.id, effect.source, effect.windowMinutes);
        return;
      case "jobAction":
        void this.runAction(effect.id, effect.source, effect.jobId, effect.action, effect.now);
        return;
    }
  }

  private simulation(now: number): SimulatedFeed {
    if (this.feed === undefined) {
      this.feed = new SimulatedFeed({ seed: this.deps.seed ?? DEFAULT_SEED, start: now });
      this.feedApps = undefined;
      this.syncFeedApps();
    }
    return this.feed;
  }

  private async fetchSnapshot(source: SourceKind, signal: AbortSignal, windowMinutes: number): Promise<PanelSnapshot> {
    const now = this.deps.clock.now();
    if (source === "simulated") {
      const feed = this.simulation(now);
      const res = feed.probe(now);
      if (res.status === 429) throw new PollThrottled(parseRetryAfter(String(res.retryAfterSeconds ?? ""), new Date(now)));
      return feed.snapshot(now);
    }
    if (!this.liveChecked) {
      this.live = this.deps.createLive();
      this.liveChecked = true;
    }
    if (this.live === undefined) throw new PollFailed("unavailable");
    return this.live.poll(signal, now, windowMinutes);
  }

  private async poll(id: number, source: SourceKind, windowMinutes: number): Promise<void> {
    const controller = new AbortController();
    this.requests.set(id, controller);
    try {
      const snapshot = await this.fetchSnapshot(source, controller.signal, windowMinutes);
      if (controller.signal.aborted) return;
      this.dispatch({ type: "response", now: this.deps.clock.now(), id, snapshot });
    } catch (error) {
      // A given-up request's answer is dropped here; the reducer would drop it too (unknown id).
      if (controller.signal.aborted) return;
      const now = this.deps.clock.now();
      if (error instanceof PollThrottled) this.dispatch({ type: "throttled", now, id, retryAfterMs: error.retryAfterMs });
      else if (error instanceof PollFailed) {
        // The error's own text is shown as a detail only when we have no better words for it.
        const message = error.kind === "other" ? { key: "Error_Request", values: { detail: error.detail ?? "" } } : undefined;
        this.dispatch({ type: "failure", now, id, kind: error.kind, message });
      } else {
        const failure = classifyFailure(error);
        if (failure.kind === "throttled")
          this.dispatch({ type: "throttled", now, id, retryAfterMs: parseRetryAfter(failure.retryAfter, new Date(now)) });
        else this.dispatch({ type: "failure", now, id, kind: failure.kind === "forbidden" ? "other" : failure.kind });
      }
    } finally {
      this.requests.delete(id);
    }
  }

  private async runAction(id: number, source: SourceKind, jobId: string, action: SystemJobAction, at: number): Promise<void> {
    try {
      if (source === "simulated") {
        const feed = this.simulation(at);
        feed.applyAction(jobId, action, at);
        this.dispatch({ type: "jobActionDone", now: this.deps.clock.now(), id, snapshot: feed.snapshot(this.deps.clock.now()) });
        return;
      }
      if (this.live === undefined) throw new PollFailed("unavailable");
      await this.live.update(jobId, systemJobActionUpdate(action, new Date(at)));
      this.dispatch({ type: "jobActionDone", now: this.deps.clock.now(), id });
    } catch (error) {
      const now = this.deps.clock.now();
      const failure = classifyFailure(error);
      const key =
        failure.kind === "throttled"
          ? "ActionError_Busy"
          : failure.kind === "forbidden"
            ? "ActionError_Forbidden"
            : failure.kind === "unauthorized"
              ? "Error_SignedOut"
              : "Error_Request";
      this.dispatch({
        type: "jobActionFailed",
        now,
        id,
        message: { key, values: { detail: failure.detail ?? "" } },
        throttled: failure.kind === "throttled",
        retryAfterMs: parseRetryAfter(failure.retryAfter, new Date(now)),
      });
    }
  }
}
