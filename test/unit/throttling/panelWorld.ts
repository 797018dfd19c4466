import fc from "fast-check";
import {
  emptySnapshot,
  gaugeFromUsed,
  initialPanelModel,
  PanelEffect,
  PanelEvent,
  PanelModel,
  panelReducer,
  PanelSnapshot,
  SourceKind,
} from "@integrationkit/shared";

/**
 * A world around the pure reducer for property tests: one timer, requests that stay outstanding until
 * the schedule answers them (late, never, or after they were given up), and a log of every effect.
 */
interface LoggedEffect {
  at: number;
  effect: PanelEffect;
  /** The state's gate for the effect's source just before the event that produced it. */
  gateBefore: Record<SourceKind, number>;
}

interface Outstanding {
  id: number;
  source: SourceKind;
  at: number;
}

export class World {
  state: PanelModel;
  now: number;
  timerAt: number | undefined;
  outstanding: Outstanding[] = [];
  log: LoggedEffect[] = [];
  /** Effects emitted after destroy (must stay empty). */
  afterDestroy: PanelEffect[] = [];

  constructor(start: number) {
    this.now = start;
    this.state = initialPanelModel(start);
  }

  dispatch(event: PanelEvent): void {
    const before = this.state;
    const { state, effects } = panelReducer(this.state, event);
    if (before.destroyed) this.afterDestroy.push(...effects);
    this.state = state;
    for (const effect of effects) {
      this.log.push({ at: this.now, effect, gateBefore: before.gateUntil });
      if (effect.type === "request") this.outstanding.push({ id: effect.id, source: effect.source, at: this.now });
      else if (effect.type === "schedule") this.timerAt = effect.at;
      else if (effect.type === "cancelSchedule") this.timerAt = undefined;
      // An abort does not take the request back: its answer may still arrive, late.
    }
  }

  /** Moves time forward, firing the timer whenever it is due. */
  advance(ms: number): void {
    const end = this.now + ms;
    let guard = 0;
    while (this.timerAt !== undefined && this.timerAt <= end) {
      if (++guard > 100_000) throw new Error("timer loop");
      this.now = Math.max(this.now, this.timerAt);
      this.timerAt = undefined;
      this.dispatch({ type: "tick", now: this.now });
    }
    this.now = end;
  }

  /**
   * Moves time forward with a healthy server (every request answered as soon as it is sent), up to
   * `ms` or until `until` holds.
   */
  settle(ms: number, until?: (w: World) => boolean, used = 100): void {
    const end = this.now + ms;
    this.answerAll(used);
    let guard = 0;
    while (this.timerAt !== undefined && this.timerAt <= end && !(until?.(this) ?? false)) {
      if (++guard > 100_000) throw new Error("timer loop");
      this.advance(this.timerAt - this.now);
      this.answerAll(used);
    }
    if (!(until?.(this) ?? false)) this.now = end;
  }

  /** Fires the timer until a new request goes out (or `ms` pass); returns whether one did. */
  advanceUntilRequest(ms: number): boolean {
    const end = this.now + ms;
    const sent = this.requests().length;
    let guard = 0;
    while (this.timerAt !== undefined && this.timerAt <= end && this.requests().length === sent) {
      if (++guard > 100_000) throw new Error("timer loop");
      this.advance(this.timerAt - this.now);
    }
    return this.requests().length > sent;
  }

  take(pick: number): Outstanding | undefined {
    if (this.outstanding.length === 0) return undefined;
    return this.outstanding.splice(pick % this.outstanding.length, 1)[0];
  }

  /** Answers every outstanding request successfully, as a healthy server would. */
  answerAll(used = 100): void {
    for (const o of this.outstanding.splice(0))
      this.dispatch({ type: "response", now: this.now, id: o.id, snapshot: snapshotAt(this.now, used) });
  }

  requests(source?: SourceKind): LoggedEffect[] {
    return this.log.filter((l) => l.effect.type === "request" && (source === undefined || l.effect.source === source));
  }
}

function snapshotAt(now: number, used: number): PanelSnapshot {
  const s = emptySnapshot(now);
  s.headroom = { requests: gaugeFromUsed(6000, used) };
  s.jobs = [
    { id: "job-ready", name: "ready", endpoint: "Orders hook", statecode: 0, statuscode: 0, at: now - 1000 },
    { id: "job-suspended", name: "suspended", endpoint: "Invoices queue", statecode: 1, statuscode: 10, at: now - 2000 },
  ];
  return s;
}

export type Command =
  | { t: "advance"; ms: number }
  | { t: "ok"; pick: number; used: number }
  | { t: "fail"; pick: number; kind: "server" | "network" | "unauthorized" | "other" | "timeout" }
  | { t: "throttle"; pick: number; retryAfterMs: number | null }
  | { t: "pause" }
  | { t: "resume" }
  | { t: "source"; source: SourceKind }
  | { t: "hidden"; hidden: boolean }
  | { t: "useSimulation" }
  | { t: "action"; jobId: string; action: "cancel" | "resume" | "postpone" }
  | { t: "actionDone"; ok: boolean; throttled: boolean };

export const commandArb: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      t: fc.constant("advance" as const),
      ms: fc.oneof(fc.integer({ min: 0, max: 5_000 }), fc.integer({ min: 0, max: 400_000 })),
    }),
  },
  { weight: 4, arbitrary: fc.record({ t: fc.constant("ok" as const), pick: fc.nat(), used: fc.integer({ min: 0, max: 9000 }) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant("fail" as const),
      pick: fc.nat(),
      kind: fc.constantFrom("server" as const, "network" as const, "unauthorized" as const, "other" as const, "timeout" as const),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant("throttle" as const),
      pick: fc.nat(),
      retryAfterMs: fc.oneof(fc.constant(null), fc.constant(0), fc.integer({ min: 0, max: 600_000 })),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ t: "pause" as const }) },
  { weight: 1, arbitrary: fc.constant({ t: "resume" as const }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant("source" as const), source: fc.constantFrom<SourceKind>("live", "simulated") }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant("hidden" as const), hidden: fc.boolean() }) },
  { weight: 1, arbitrary: fc.constant({ t: "useSimulation" as const }) },
  {
    weight: 1,
    arbitrary: fc.record({
      t: fc.constant("action" as const),
      jobId: fc.constantFrom("job-ready", "job-suspended"),
      action: fc.constantFrom("cancel" as const, "resume" as const, "postpone" as const),
    }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant("actionDone" as const), ok: fc.boolean(), throttled: fc.boolean() }) },
);

/** Runs one command against the world. */
export function run(w: World, c: Command, pollSeconds: number): void {
  switch (c.t) {
    case "advance":
      w.advance(c.ms);
      return;
    case "ok": {
      const o = w.take(c.pick);
      if (o) w.dispatch({ type: "response", now: w.now, id: o.id, snapshot: snapshotAt(w.now, c.used) });
      return;
    }
    case "fail": {
      const o = w.take(c.pick);
      if (o) w.dispatch({ type: "failure", now: w.now, id: o.id, kind: c.kind });
      return;
    }
    case "throttle": {
      const o = w.take(c.pick);
      if (o) w.dispatch({ type: "throttled", now: w.now, id: o.id, retryAfterMs: c.retryAfterMs ?? undefined });
      return;
    }
    case "pause":
      w.dispatch({ type: "pause", now: w.now });
      return;
    case "resume":
      w.dispatch({ type: "resume", now: w.now });
      return;
    case "source":
      w.dispatch({ type: "settings", now: w.now, source: c.source, pollSeconds, windowMinutes: 60, prioritiesJson: "" });
      return;
    case "hidden":
      w.dispatch({ type: "visibility", now: w.now, hidden: c.hidden });
      return;
    case "useSimulation":
      w.dispatch({ type: "useSimulation", now: w.now });
      return;
    case "action":
      w.dispatch({ type: "jobAction", now: w.now, jobId: c.jobId, action: c.action });
      return;
    case "actionDone": {
      const pending = w.state.pendingAction;
      if (pending === undefined) return;
      if (c.ok) w.dispatch({ type: "jobActionDone", now: w.now, id: pending.id });
      else w.dispatch({ type: "jobActionFailed", now: w.now, id: pending.id, message: { key: "Error_Request" }, throttled: c.throttled });
      return;
    }
  }
}

/** A configured, live world with write rights (so job actions are possible). */
export function startWorld(start: number, pollSeconds: number, source: SourceKind = "live"): World {
  const w = new World(start);
  w.dispatch({ type: "privileges", canWriteJobs: true, readDepth: "organization" });
  w.dispatch({ type: "settings", now: start, source, pollSeconds, windowMinutes: 60, prioritiesJson: "" });
  w.advance(0);
  return w;
}
