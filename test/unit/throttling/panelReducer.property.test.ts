import fc from "fast-check";
import {
  DEFAULT_POLL_SECONDS,
  HIDDEN_BACKOFF_FACTOR,
  MAX_BACKOFF_FACTOR,
  MAX_RETRY_AFTER_MS,
  METADATA_REFRESH_MS,
  METADATA_REQUESTS,
  MIN_POLL_SECONDS,
  MIN_THROTTLE_WAIT_MS,
  REQUEST_TIMEOUT_MS,
  REQUESTS_PER_POLL,
  panelReducer,
  SIMULATED_REFRESH_MS,
} from "@integrationkit/shared";
import { Command, commandArb, run, startWorld, World } from "./panelWorld";

/**
 * The invariants of issue 10, each a property over random schedules of events: pause, resume,
 * source switches, the tab hidden and shown, and requests that succeed, fail, throttle (with and
 * without Retry-After), answer late or never. Each test names its invariant.
 */

const START = Date.UTC(2026, 10, 27, 12, 0, 0);
const RUNS = 100;
const schedule = fc.array(commandArb, { minLength: 1, maxLength: 60 });
const pollArb = fc.integer({ min: MIN_POLL_SECONDS, max: 300 });

/** Longest quiet time before a poll may start: the slowest interval, after the longest gate. */
function longestWait(pollSeconds: number): number {
  return pollSeconds * 1000 * HIDDEN_BACKOFF_FACTOR * MAX_BACKOFF_FACTOR + MAX_RETRY_AFTER_MS + REQUEST_TIMEOUT_MS;
}

function play(pollSeconds: number, commands: Command[]): World {
  const w = startWorld(START, pollSeconds);
  for (const c of commands) run(w, c, pollSeconds);
  return w;
}

describe("panelReducer invariants (property tests over random event schedules)", () => {
  it("invariant 'polling never stops by accident': unless paused, unavailable or destroyed, a next poll is always on the timer, and one is sent", () => {
    fc.assert(
      fc.property(pollArb, schedule, (pollSeconds, commands) => {
        const w = startWorld(START, pollSeconds);
        for (const c of commands) {
          run(w, c, pollSeconds);
          const s = w.state;
          if (!s.paused && s.status !== "unavailable") {
            // Either a request is out (with its deadline on the timer) or the next poll is on the timer.
            if (s.inFlight) expect(w.timerAt).toBeLessThanOrEqual(s.inFlight.deadline);
            else {
              expect(s.nextPollAt).toBeDefined();
              expect(w.timerAt).toBeLessThanOrEqual(s.nextPollAt as number);
            }
          }
        }
        w.dispatch({ type: "resume", now: w.now });
        expect(w.advanceUntilRequest(longestWait(pollSeconds))).toBe(true);
        // And with a healthy server the panel is up to date again, never stuck "loading".
        w.settle(longestWait(pollSeconds), (x) => x.state.status === "ok");
        expect(w.state.status).toBe("ok");
      }),
      { numRuns: RUNS },
    );
  });

  it("invariant 'no request waits forever': every request is given up at its 30 s deadline, shown as an error, and polling goes on", () => {
    fc.assert(
      fc.property(pollArb, schedule, (pollSeconds, commands) => {
        const w = play(pollSeconds, commands);
        w.dispatch({ type: "resume", now: w.now });
        // Let the next poll start, then never answer it.
        expect(w.advanceUntilRequest(longestWait(pollSeconds))).toBe(true);
        const inFlight = w.state.inFlight;
        expect(inFlight).toBeDefined();
        if (inFlight === undefined) return;
        expect(inFlight.deadline - inFlight.startedAt).toBe(REQUEST_TIMEOUT_MS);
        w.advance(inFlight.deadline - w.now);
        expect(w.state.inFlight?.id).not.toBe(inFlight.id);
        expect(w.log.some((l) => l.effect.type === "abort" && l.effect.id === inFlight.id)).toBe(true);
        expect(w.state.status).toBe("error");
        expect(w.state.error?.key).toBe("Error_Timeout");
        // Polling goes on: the next poll is on the timer (or already out, for the 2 s simulation).
        expect(w.state.nextPollAt !== undefined || w.state.inFlight !== undefined).toBe(true);
        // The late answer changes nothing.
        const before = w.state;
        w.dispatch({ type: "response", now: w.now, id: inFlight.id, snapshot: before.snapshot ?? ({} as never) });
        expect(w.state.status).toBe("error");
      }),
      { numRuns: RUNS },
    );
  });

  it("invariant 'never faster than the interval': polls of a source start at least one interval apart, whatever the backoff, tab or pause history", () => {
    fc.assert(
      fc.property(pollArb, schedule, (pollSeconds, commands) => {
        const w = play(pollSeconds, commands);
        w.advance(15 * 60_000);
        for (const source of ["live", "simulated"] as const) {
          const starts = w.requests(source).map((l) => l.at);
          const interval = source === "live" ? pollSeconds * 1000 : SIMULATED_REFRESH_MS;
          for (let i = 1; i < starts.length; i++) expect(starts[i] - starts[i - 1]).toBeGreaterThanOrEqual(interval);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("invariant 'never faster than the interval': with the default interval the panel's own traffic stays under 2 requests a minute", () => {
    fc.assert(
      fc.property(schedule, (commands) => {
        const w = play(DEFAULT_POLL_SECONDS, commands);
        w.settle(60 * 60_000);
        const minutes = (w.now - START) / 60_000;
        const polls = w.requests("live").length;
        const metadataRefreshes = 1 + Math.floor((w.now - START) / METADATA_REFRESH_MS);
        const perMinute = (polls * REQUESTS_PER_POLL + metadataRefreshes * METADATA_REQUESTS) / minutes;
        expect(perMinute).toBeLessThan(2);
      }),
      { numRuns: 30 },
    );
  });

  it("invariant 'throttling is per user': no live request (poll or job action) is sent before the user's Retry-After gate", () => {
    fc.assert(
      fc.property(pollArb, schedule, (pollSeconds, commands) => {
        const w = play(pollSeconds, commands);
        w.advance(longestWait(pollSeconds));
        for (const l of w.log) {
          if (l.effect.type === "request" && l.effect.source === "live") expect(l.at).toBeGreaterThanOrEqual(l.gateBefore.live);
          if (l.effect.type === "jobAction" && l.effect.source === "live") expect(l.at).toBeGreaterThanOrEqual(l.gateBefore.live);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("invariant 'throttling is per user': a 429 without Retry-After waits at least one poll interval; Retry-After 0 or a past date still waits a minimum", () => {
    fc.assert(
      fc.property(pollArb, fc.constantFrom<number | undefined>(undefined, 0), schedule, (pollSeconds, retryAfterMs, commands) => {
        const w = play(pollSeconds, commands);
        w.dispatch({ type: "settings", now: w.now, source: "simulated", pollSeconds, windowMinutes: 60, prioritiesJson: "" });
        w.dispatch({ type: "settings", now: w.now, source: "live", pollSeconds, windowMinutes: 60, prioritiesJson: "" });
        w.dispatch({ type: "resume", now: w.now });
        w.dispatch({ type: "visibility", now: w.now, hidden: false });
        if (w.state.inFlight === undefined) expect(w.advanceUntilRequest(longestWait(pollSeconds))).toBe(true);
        const inFlight = w.state.inFlight;
        expect(inFlight?.source).toBe("live");
        if (inFlight === undefined) return;
        const throttledAt = w.now;
        w.outstanding = w.outstanding.filter((o) => o.id !== inFlight.id);
        w.dispatch({ type: "throttled", now: throttledAt, id: inFlight.id, retryAfterMs });
        const minimum = retryAfterMs === undefined ? pollSeconds * 1000 : MIN_THROTTLE_WAIT_MS;
        expect(w.state.gateUntil.live).toBeGreaterThanOrEqual(throttledAt + minimum);
        // A job action in the gate is refused with the wait, not sent.
        const logged = w.log.length;
        w.dispatch({ type: "jobAction", now: w.now, jobId: "job-suspended", action: "resume" });
        expect(w.log.slice(logged).filter((l) => l.effect.type === "jobAction")).toEqual([]);
        expect(w.advanceUntilRequest(longestWait(pollSeconds))).toBe(true);
        const next = w.requests("live").find((l) => l.at > throttledAt);
        expect(next).toBeDefined();
        expect((next as { at: number }).at - throttledAt).toBeGreaterThanOrEqual(minimum);
      }),
      { numRuns: RUNS },
    );
  });

  it("invariant 'failures are told apart': 5xx, network, sign-in and timeouts keep retrying; only a host without Dataverse stops, and offers the simulation", () => {
    fc.assert(
      fc.property(
        pollArb,
        fc.constantFrom("server" as const, "network" as const, "unauthorized" as const, "other" as const, "timeout" as const),
        (pollSeconds, kind) => {
          const w = startWorld(START, pollSeconds);
          const first = w.state.inFlight;
          expect(first).toBeDefined();
          w.outstanding = [];
          w.dispatch({ type: "failure", now: w.now, id: (first as { id: number }).id, kind });
          expect(w.state.status).toBe("error");
          expect(w.advanceUntilRequest(longestWait(pollSeconds))).toBe(true);
          expect(w.requests("live").length).toBe(2);

          const u = startWorld(START, pollSeconds);
          u.dispatch({ type: "failure", now: u.now, id: (u.state.inFlight as { id: number }).id, kind: "unavailable" });
          expect(u.state.status).toBe("unavailable");
          u.advance(longestWait(pollSeconds));
          expect(u.requests("live").length).toBe(1);
          u.dispatch({ type: "useSimulation", now: u.now });
          u.advance(0);
          expect(u.state.source).toBe("simulated");
          expect(u.requests("simulated").length).toBe(1);
        },
      ),
      { numRuns: 30 },
    );
  });

  it("invariant 'destroy leaves no timer and no late state change': after destroy nothing is scheduled and no event changes the state", () => {
    fc.assert(
      fc.property(pollArb, schedule, schedule, (pollSeconds, before, after) => {
        const w = play(pollSeconds, before);
        const inFlight = w.state.inFlight;
        w.dispatch({ type: "destroy" });
        expect(w.timerAt).toBeUndefined();
        expect(w.state.timerAt).toBeUndefined();
        if (inFlight) expect(w.log.some((l) => l.effect.type === "abort" && l.effect.id === inFlight.id)).toBe(true);
        const frozen = w.state;
        for (const c of after) run(w, c, pollSeconds);
        w.answerAll();
        w.advance(longestWait(pollSeconds));
        expect(w.state).toBe(frozen);
        expect(w.afterDestroy).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it("invariant 'a source switch mid-refresh never leaves loading forever': the old request is aborted and the new source loads", () => {
    fc.assert(
      fc.property(pollArb, schedule, fc.constantFrom("live" as const, "simulated" as const), (pollSeconds, commands, target) => {
        const w = play(pollSeconds, commands);
        w.dispatch({ type: "resume", now: w.now });
        w.dispatch({
          type: "settings",
          now: w.now,
          source: target === "live" ? "simulated" : "live",
          pollSeconds,
          windowMinutes: 60,
          prioritiesJson: "",
        });
        w.dispatch({ type: "settings", now: w.now, source: target, pollSeconds, windowMinutes: 60, prioritiesJson: "" });
        expect(w.state.source).toBe(target);
        w.settle(longestWait(pollSeconds), (x) => x.state.status === "ok");
        expect(w.state.status).toBe("ok");
        expect(w.state.snapshot).toBeDefined();
      }),
      { numRuns: RUNS },
    );
  });

  it("unchanged settings (the host's frequent updateView calls) keep the same snapshot, so no one is notified", () => {
    fc.assert(
      fc.property(pollArb, schedule, (pollSeconds, commands) => {
        const w = play(pollSeconds, commands);
        const before = w.state;
        const { state, effects } = panelReducer(before, {
          type: "settings",
          now: w.now + 1000,
          source: before.requestedSource,
          pollSeconds,
          windowMinutes: 60,
          prioritiesJson: "",
        });
        expect(state).toBe(before);
        expect(effects).toEqual([]);
      }),
      { numRuns: 50 },
    );
  });
});
