import { effectivePollSeconds, effectiveWindowMinutes, HIDDEN_BACKOFF_FACTOR } from "./pollInterval";
import { PanelSnapshot, ThrottledCall } from "./panelModel";
import { parseAppPriorities, PriorityRank, throttlingOrder } from "./priorities";
import { defaultSimulatedApps, PANEL_SOURCE } from "./simulatedFeed";
import { SystemJobAction, systemJobActionUpdate, systemJobStatus } from "./systemJobs";
import { MAX_RETRY_AFTER_MS } from "./retryAfter";

/**
 * The panel as a pure state machine: `panelReducer(state, event)` returns the next state and the
 * effects a runner must perform (send a request, arm the one timer, abort a request, run a job
 * action). No timers, no fetch, no PCF here: the same reducer runs in the control and under
 * property tests with random event schedules.
 */

export type SourceKind = "live" | "simulated";
type PanelStatus = "loading" | "ok" | "throttled" | "error" | "unavailable";
/** Why a poll failed, as the runner classified it. "unavailable": the host has no Dataverse (the harness). */
export type PollFailureKind = "unavailable" | "unauthorized" | "server" | "network" | "timeout" | "other";

/** A .resx key and its placeholder values. */
interface PanelMessage {
  key: string;
  values?: Record<string, string | number>;
}

/** How far the user can read system jobs (`hasEntityPrivilege` read depth on asyncoperation). */
export type ReadDepth = "unknown" | "none" | "user" | "businessUnit" | "organization";

// ---- Named constants -------------------------------------------------------------------------

/** The simulation sends no server traffic, so it refreshes often to look alive. Our choice. */
export const SIMULATED_REFRESH_MS = 2000;
/**
 * A request that has not answered after this long is given up (its result is ignored when it comes).
 * Our choice: twice the 60 s limit Dataverse gives a webhook (use-webhooks.md) would be too long for
 * a status panel; 30 s is the figure the issue asks for.
 */
export const REQUEST_TIMEOUT_MS = 30_000;
/**
 * The shortest wait after a throttle, even when Retry-After says 0 or a past date: Microsoft's retry
 * sample waits 2^retryCount seconds when it has no better value (learn.microsoft.com/power-apps/developer/data-platform/api-limits#retry-operations).
 */
export const MIN_THROTTLE_WAIT_MS = 2000;
/** After repeated failures the interval doubles, up to this factor (never less than the interval). Our choice. */
export const MAX_BACKOFF_FACTOR = 8;
/** Countdowns on screen move once a second. */
const CLOCK_TICK_MS = 1000;
/** Live mode plots one sample per poll; this many are kept (the simulation has a 60-bucket series too). */
const SERIES_LENGTH = 60;
/** The panel's own recent throttles listed in live mode. */
const MAX_OWN_THROTTLES = 5;
/** A throttle whose retry time passed longer ago than this is no longer listed. */
const THROTTLE_NEWS_MS = 30_000;

// ---- State, events, effects ------------------------------------------------------------------

interface InFlight {
  id: number;
  source: SourceKind;
  startedAt: number;
  deadline: number;
}

export interface PanelModel {
  /** The maker's choice (manifest). */
  requestedSource: SourceKind;
  /** What the panel shows: the maker's choice, or the simulation the user asked for. */
  source: SourceKind;
  forcedSimulation: boolean;
  /** False before the first settings event: nothing is polled until the panel is configured. */
  configured: boolean;
  status: PanelStatus;
  paused: boolean;
  hidden: boolean;
  destroyed: boolean;
  now: number;
  pollSeconds: number;
  pollClamped: boolean;
  windowMinutes: number;
  prioritiesJson: string;
  configuredPriorities: PriorityRank[];
  /** Exactly what the priority table shows. */
  priorities: PriorityRank[];
  prioritiesError?: PanelMessage;
  inFlight?: InFlight;
  nextRequestId: number;
  /** When each source last started a poll (the interval is measured from there). */
  lastStartAt: Partial<Record<SourceKind, number>>;
  /** When the next poll starts; undefined while paused, unavailable, in flight or destroyed. */
  nextPollAt?: number;
  /**
   * Retry-After gate of the signed-in user: Dataverse throttles per user and Retry-After blocks all of
   * that user's requests (api-limits.md, Retry operations), so no request of the panel passes it. The
   * simulation has its own, pretend, gate.
   */
  gateUntil: Record<SourceKind, number>;
  failureStreak: number;
  throttleStreak: number;
  snapshot?: PanelSnapshot;
  error?: PanelMessage;
  announcement?: PanelMessage;
  /** Live mode: the panel's own recent 429s. */
  ownThrottles: ThrottledCall[];
  /** Live mode: one sample per poll (requests used, own 429s). */
  series: { requests: number[]; throttled: number[] };
  busyJobId?: string;
  pendingAction?: { id: number; jobId: string; action: SystemJobAction; source: SourceKind };
  actionError?: PanelMessage;
  canWriteJobs: boolean;
  readDepth: ReadDepth;
  /** The time the runner's one timer is armed for. */
  timerAt?: number;
}

export interface PanelSettingsInput {
  source: SourceKind;
  pollSeconds?: number | null;
  windowMinutes?: number | null;
  prioritiesJson?: string | null;
}

export type PanelEvent =
  | ({ type: "settings"; now: number } & PanelSettingsInput)
  | { type: "tick"; now: number }
  | { type: "response"; now: number; id: number; snapshot: PanelSnapshot }
  | { type: "failure"; now: number; id: number; kind: PollFailureKind; message?: PanelMessage }
  | { type: "throttled"; now: number; id: number; retryAfterMs?: number }
  | { type: "pause"; now: number }
  | { type: "resume"; now: number }
  | { type: "useSimulation"; now: number }
  | { type: "visibility"; now: number; hidden: boolean }
  | { type: "privileges"; canWriteJobs: boolean; readDepth: ReadDepth }
  | { type: "jobAction"; now: number; jobId: string; action: SystemJobAction }
  | { type: "jobActionDone"; now: number; id: number; snapshot?: PanelSnapshot }
  | { type: "jobActionFailed"; now: number; id: number; message: PanelMessage; throttled?: boolean; retryAfterMs?: number }
  | { type: "destroy" };

export type PanelEffect =
  | { type: "request"; id: number; source: SourceKind; windowMinutes: number }
  | { type: "abort"; id: number }
  /** Arm the one timer: dispatch `tick` at `at` (replaces any armed timer). */
  | { type: "schedule"; at: number }
  | { type: "cancelSchedule" }
  | { type: "jobAction"; id: number; source: SourceKind; jobId: string; action: SystemJobAction; now: number };

interface PanelTransition {
  state: PanelModel;
  effects: PanelEffect[];
}

export function initialPanelModel(now: number): PanelModel {
  const poll = effectivePollSeconds(undefined);
  return {
    requestedSource: "live",
    source: "live",
    forcedSimulation: false,
    configured: false,
    status: "loading",
    paused: false,
    hidden: false,
    destroyed: false,
    now,
    pollSeconds: poll.seconds,
    pollClamped: false,
    windowMinutes: effectiveWindowMinutes(undefined),
    prioritiesJson: "",
    configuredPriorities: [],
    priorities: [],
    nextRequestId: 1,
    lastStartAt: {},
    gateUntil: { live: 0, simulated: 0 },
    failureStreak: 0,
    throttleStreak: 0,
    ownThrottles: [],
    series: { requests: [], throttled: [] },
    canWriteJobs: false,
    readDepth: "unknown",
  };
}

// ---- Timing ----------------------------------------------------------------------------------

/** The configured interval of a source, in ms (before any backoff). */
function intervalMs(state: Pick<PanelModel, "source" | "pollSeconds">, source: SourceKind = state.source): number {
  return source === "simulated" ? SIMULATED_REFRESH_MS : state.pollSeconds * 1000;
}

function backoffFactor(streak: number): number {
  return streak <= 1 ? 1 : Math.min(MAX_BACKOFF_FACTOR, Math.pow(2, streak - 1));
}

/**
 * When the next poll may start: one interval (longer while hidden or after failures) after the
 * last start of this source, never before the Retry-After gate, never in the past.
 */
function nextPollTime(state: PanelModel, now: number): number {
  const interval =
    intervalMs(state) * (state.hidden ? HIDDEN_BACKOFF_FACTOR : 1) * backoffFactor(Math.max(state.failureStreak, state.throttleStreak));
  const last = state.lastStartAt[state.source];
  const base = last === undefined ? now : last + interval;
  return Math.max(now, base, state.gateUntil[state.source]);
}

/** Polling should run: configured, alive, not paused, a source that can answer. */
function pollingActive(state: PanelModel): boolean {
  return state.configured && !state.destroyed && !state.paused && state.status !== "unavailable";
}

function withNextPoll(state: PanelModel, now: number): PanelModel {
  if (!pollingActive(state) || state.inFlight !== undefined) return { ...state, nextPollAt: undefined };
  return { ...state, nextPollAt: nextPollTime(state, now) };
}

/** When the panel tries again after a throttle: the gate, or the next poll when the interval is longer. */
export function nextTryAt(state: Pick<PanelModel, "gateUntil" | "source" | "nextPollAt">): number {
  return Math.max(state.gateUntil[state.source], state.nextPollAt ?? 0);
}

/** Something on screen counts down (the panel's own wait or a listed throttle). */
function counting(state: PanelModel): boolean {
  if (state.status === "throttled" && nextTryAt(state) > state.now) return true;
  return state.snapshot?.throttledCalls.some((c) => c.retryAt > state.now) ?? false;
}

/** Arms, moves or cancels the one timer so it fires at the next thing that needs doing. */
function finalize(state: PanelModel, effects: PanelEffect[]): PanelTransition {
  let wake: number | undefined;
  if (!state.destroyed) {
    const candidates: number[] = [];
    if (state.inFlight) candidates.push(state.inFlight.deadline);
    if (state.nextPollAt !== undefined) candidates.push(state.nextPollAt);
    if (counting(state)) candidates.push(state.now + CLOCK_TICK_MS);
    if (candidates.length > 0) wake = Math.min(...candidates);
  }
  if (wake === state.timerAt) return { state, effects };
  effects.push(wake === undefined ? { type: "cancelSchedule" } : { type: "schedule", at: wake });
  return { state: { ...state, timerAt: wake }, effects };
}

// ---- Helpers ---------------------------------------------------------------------------------

function prioritiesFor(source: SourceKind, configured: PriorityRank[], hasError: boolean): PriorityRank[] {
  // The simulation shows its own sample apps until the maker configures real ones (and has no error).
  if (source === "simulated" && configured.length === 0 && !hasError) return throttlingOrder(defaultSimulatedApps);
  return configured;
}

function startPoll(state: PanelModel, now: number, effects: PanelEffect[]): PanelModel {
  const id = state.nextRequestId;
  effects.push({ type: "request", id, source: state.source, windowMinutes: state.windowMinutes });
  return {
    ...state,
    nextRequestId: id + 1,
    inFlight: { id, source: state.source, startedAt: now, deadline: now + REQUEST_TIMEOUT_MS },
    lastStartAt: { ...state.lastStartAt, [state.source]: now },
    nextPollAt: undefined,
  };
}

function abortInFlight(state: PanelModel, effects: PanelEffect[]): PanelModel {
  if (state.inFlight === undefined) return state;
  effects.push({ type: "abort", id: state.inFlight.id });
  return { ...state, inFlight: undefined };
}

/** Switches to a source: everything from the old one is dropped, the new one starts loading. */
function switchSource(state: PanelModel, source: SourceKind, now: number, effects: PanelEffect[]): PanelModel {
  const s = abortInFlight(state, effects);
  return withNextPoll(
    {
      ...s,
      source,
      status: "loading",
      snapshot: undefined,
      error: undefined,
      announcement: undefined,
      failureStreak: 0,
      throttleStreak: 0,
      ownThrottles: [],
      series: { requests: [], throttled: [] },
      busyJobId: undefined,
      pendingAction: undefined,
      actionError: undefined,
      priorities: prioritiesFor(source, s.configuredPriorities, s.prioritiesError !== undefined),
    },
    now,
  );
}

function pushSample(series: PanelModel["series"], requests: number | undefined, throttled: number): PanelModel["series"] {
  const lastRequests = series.requests[series.requests.length - 1] ?? 0;
  return {
    requests: [...series.requests, requests ?? lastRequests].slice(-SERIES_LENGTH),
    throttled: [...series.throttled, throttled].slice(-SERIES_LENGTH),
  };
}

function throttleWait(state: PanelModel, retryAfterMs: number | undefined, streak: number): number {
  if (retryAfterMs !== undefined && Number.isFinite(retryAfterMs))
    return Math.min(MAX_RETRY_AFTER_MS, Math.max(MIN_THROTTLE_WAIT_MS, retryAfterMs));
  // webAPI errors carry no Retry-After: wait at least one poll interval, longer when it repeats.
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(MIN_THROTTLE_WAIT_MS, intervalMs(state) * backoffFactor(streak)));
}

function secondsUntil(at: number, now: number): number {
  return Math.max(1, Math.ceil((at - now) / 1000));
}

/** The row after a job action, as the documented transition leaves it (shown until the next poll confirms it). */
function applyActionToSnapshot(
  snapshot: PanelSnapshot | undefined,
  jobId: string,
  action: SystemJobAction,
  now: number,
): PanelSnapshot | undefined {
  if (snapshot === undefined) return undefined;
  const update = systemJobActionUpdate(action, new Date(now));
  return {
    ...snapshot,
    jobs: snapshot.jobs.map((j) => {
      if (j.id !== jobId) return j;
      const next = { ...j };
      if (typeof update.statecode === "number" && typeof update.statuscode === "number") {
        next.statecode = update.statecode;
        next.statuscode = update.statuscode;
      }
      if (typeof update.postponeuntil === "string") next.postponeUntil = Date.parse(update.postponeuntil);
      return next;
    }),
  };
}

function unchangedSettings(state: PanelModel, e: PanelSettingsInput): boolean {
  const poll = effectivePollSeconds(e.pollSeconds);
  return (
    e.source === state.requestedSource &&
    (e.prioritiesJson ?? "") === state.prioritiesJson &&
    poll.seconds === state.pollSeconds &&
    poll.clamped === state.pollClamped &&
    effectiveWindowMinutes(e.windowMinutes) === state.windowMinutes
  );
}

// ---- The reducer -----------------------------------------------------------------------------

export function panelReducer(state: PanelModel, event: PanelEvent): PanelTransition {
  if (state.destroyed) return { state, effects: [] };
  // The host calls updateView often (resizes, unrelated columns): unchanged settings change nothing.
  if (event.type === "settings" && state.configured && unchangedSettings(state, event)) return { state, effects: [] };
  const effects: PanelEffect[] = [];
  const now = "now" in event ? Math.max(state.now, event.now) : state.now;
  let s: PanelModel = now === state.now ? state : { ...state, now };

  switch (event.type) {
    case "settings": {
      const poll = effectivePollSeconds(event.pollSeconds);
      const windowMinutes = effectiveWindowMinutes(event.windowMinutes);
      const json = event.prioritiesJson ?? "";
      const pollChanged = poll.seconds !== s.pollSeconds;
      if (json !== s.prioritiesJson || !s.configured) {
        const parsed = parseAppPriorities(json);
        s = {
          ...s,
          prioritiesJson: json,
          configuredPriorities: parsed.ok ? throttlingOrder(parsed.entries) : [],
          prioritiesError: parsed.ok ? undefined : { key: parsed.errorKey, values: parsed.values },
        };
        s.priorities = prioritiesFor(s.source, s.configuredPriorities, s.prioritiesError !== undefined);
      }
      s = { ...s, pollSeconds: poll.seconds, pollClamped: poll.clamped, windowMinutes };
      if (!s.configured || event.source !== s.requestedSource) {
        s = { ...s, configured: true, requestedSource: event.source, forcedSimulation: false };
        s = switchSource(s, event.source, now, effects);
      } else if (pollChanged && s.nextPollAt !== undefined) {
        s = withNextPoll(s, now);
      }
      break;
    }
    case "tick": {
      // The timer fired, so it is no longer armed; finalize arms it again for what comes next.
      s = { ...s, timerAt: undefined };
      if (s.inFlight !== undefined && now >= s.inFlight.deadline) {
        // The request never answered: give it up, show the error, keep polling.
        s = abortInFlight(s, effects);
        s = {
          ...s,
          status: "error",
          error: { key: "Error_Timeout", values: { seconds: REQUEST_TIMEOUT_MS / 1000 } },
          failureStreak: s.failureStreak + 1,
        };
        s = withNextPoll(s, now);
      } else if (s.inFlight === undefined && s.nextPollAt !== undefined && now >= s.nextPollAt && pollingActive(s)) {
        s = startPoll(s, now, effects);
      }
      break;
    }
    case "response": {
      if (s.inFlight?.id !== event.id) break;
      const live = s.inFlight.source === "live";
      const wasThrottled = s.status === "throttled" || s.status === "error";
      let snapshot = event.snapshot;
      let series = s.series;
      if (live) {
        series = pushSample(s.series, snapshot.headroom.requests?.used, 0);
        snapshot = {
          ...snapshot,
          throttledCalls: s.ownThrottles.filter((c) => c.retryAt >= now - THROTTLE_NEWS_MS),
          series: { requests: series.requests.slice(), throttled: series.throttled.slice() },
        };
      }
      s = {
        ...s,
        inFlight: undefined,
        status: "ok",
        snapshot,
        series,
        error: undefined,
        failureStreak: 0,
        throttleStreak: 0,
        announcement: wasThrottled ? { key: "Announce_Resumed" } : s.announcement,
      };
      s = withNextPoll(s, now);
      break;
    }
    case "failure": {
      if (s.inFlight?.id !== event.id) break;
      s = { ...s, inFlight: undefined };
      if (event.kind === "unavailable") {
        s = { ...s, status: "unavailable", error: event.message, snapshot: undefined };
      } else {
        const key =
          event.kind === "unauthorized"
            ? "Error_SignedOut"
            : event.kind === "timeout"
              ? "Error_Timeout"
              : event.kind === "server"
                ? "Error_Server"
                : event.kind === "network"
                  ? "Error_Network"
                  : "Error_Request";
        const error = event.message ?? { key, values: { seconds: REQUEST_TIMEOUT_MS / 1000, detail: "" } };
        s = { ...s, status: "error", error, failureStreak: s.failureStreak + 1 };
      }
      s = withNextPoll(s, now);
      break;
    }
    case "throttled": {
      if (s.inFlight?.id !== event.id) break;
      const source = s.inFlight.source;
      const streak = s.throttleStreak + 1;
      const gate = Math.max(s.gateUntil[source], now + throttleWait(s, event.retryAfterMs, streak));
      let snapshot = s.snapshot;
      let ownThrottles = s.ownThrottles;
      let series = s.series;
      if (source === "live") {
        series = pushSample(s.series, undefined, 1);
        ownThrottles = [
          { id: `own-${now}`, source: PANEL_SOURCE, reason: "http429" as const, at: now, retryAt: gate },
          ...s.ownThrottles,
        ].slice(0, MAX_OWN_THROTTLES);
        if (snapshot)
          snapshot = {
            ...snapshot,
            throttledCalls: ownThrottles.slice(),
            series: { requests: series.requests.slice(), throttled: series.throttled.slice() },
          };
      }
      s = {
        ...s,
        inFlight: undefined,
        status: "throttled",
        gateUntil: { ...s.gateUntil, [source]: gate },
        throttleStreak: streak,
        snapshot,
        ownThrottles,
        series,
      };
      s = withNextPoll(s, now);
      // The wait announced is the real one: the gate, or the next poll when the interval is longer.
      s = { ...s, announcement: { key: "Announce_Throttled", values: { seconds: secondsUntil(Math.max(gate, s.nextPollAt ?? 0), now) } } };
      break;
    }
    case "pause": {
      if (s.paused) break;
      s = abortInFlight(s, effects);
      s = { ...s, paused: true, announcement: { key: "Announce_Paused" } };
      s = withNextPoll(s, now);
      break;
    }
    case "resume": {
      if (!s.paused) break;
      s = { ...s, paused: false, announcement: { key: "Announce_Resumed" } };
      s = withNextPoll(s, now);
      break;
    }
    case "useSimulation": {
      if (s.source === "simulated") break;
      s = { ...s, forcedSimulation: true };
      s = switchSource(s, "simulated", now, effects);
      break;
    }
    case "visibility": {
      if (event.hidden === s.hidden) break;
      s = { ...s, hidden: event.hidden };
      if (s.nextPollAt !== undefined) s = withNextPoll(s, now);
      break;
    }
    case "privileges": {
      s = { ...s, canWriteJobs: event.canWriteJobs, readDepth: event.readDepth };
      break;
    }
    case "jobAction": {
      if (s.busyJobId !== undefined) break;
      const job = s.snapshot?.jobs.find((j) => j.id === event.jobId);
      if (job === undefined || !systemJobStatus(job.statecode, job.statuscode).actions.includes(event.action)) break;
      if (s.source === "live" && !s.canWriteJobs) break;
      const gate = s.gateUntil[s.source];
      if (s.source === "live" && gate > now) {
        // The user's Retry-After covers this request too.
        s = { ...s, actionError: { key: "ActionError_Throttled", values: { seconds: secondsUntil(gate, now) } } };
        break;
      }
      const id = s.nextRequestId;
      effects.push({ type: "jobAction", id, source: s.source, jobId: event.jobId, action: event.action, now });
      s = {
        ...s,
        nextRequestId: id + 1,
        busyJobId: event.jobId,
        pendingAction: { id, jobId: event.jobId, action: event.action, source: s.source },
        actionError: undefined,
      };
      break;
    }
    case "jobActionDone": {
      const pending = s.pendingAction;
      if (pending?.id !== event.id) break;
      const snapshot = event.snapshot ?? applyActionToSnapshot(s.snapshot, pending.jobId, pending.action, now);
      s = { ...s, busyJobId: undefined, pendingAction: undefined, snapshot, announcement: { key: "Announce_ActionDone" } };
      break;
    }
    case "jobActionFailed": {
      const pending = s.pendingAction;
      if (pending?.id !== event.id) break;
      s = { ...s, busyJobId: undefined, pendingAction: undefined, actionError: event.message };
      if (event.throttled) {
        const gate = Math.max(s.gateUntil[pending.source], now + throttleWait(s, event.retryAfterMs, s.throttleStreak + 1));
        s = { ...s, gateUntil: { ...s.gateUntil, [pending.source]: gate } };
        if (s.nextPollAt !== undefined) s = withNextPoll(s, now);
      }
      break;
    }
    case "destroy": {
      s = abortInFlight(s, effects);
      s = { ...s, destroyed: true, nextPollAt: undefined, busyJobId: undefined, pendingAction: undefined };
      break;
    }
  }
  return finalize(s, effects);
}
