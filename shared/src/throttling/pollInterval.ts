/**
 * The panel's own traffic budget. Each live poll sends two requests (the system-job query and the
 * WhoAmI probe for rate-limit headers); the endpoint and step lists are refreshed every
 * METADATA_REFRESH_MS with two more. The floor keeps the average under 2 requests a minute.
 */
export const REQUESTS_PER_POLL = 2;
export const METADATA_REQUESTS = 2;
export const METADATA_REFRESH_MS = 15 * 60_000;
const OWN_TRAFFIC_BUDGET_PER_MINUTE = 2;
export const DEFAULT_POLL_SECONDS = 90;
/** While the tab is hidden, polls are this many times further apart. */
export const HIDDEN_BACKOFF_FACTOR = 5;

/** Average requests a minute the live panel sends when polling every `intervalSeconds`. */
export function ownTrafficPerMinute(intervalSeconds: number): number {
  return (REQUESTS_PER_POLL * 60) / intervalSeconds + (METADATA_REQUESTS * 60_000) / METADATA_REFRESH_MS;
}

/** Smallest whole number of seconds whose traffic stays strictly under the budget. */
export const MIN_POLL_SECONDS: number = (() => {
  const metadataPerMinute = (METADATA_REQUESTS * 60_000) / METADATA_REFRESH_MS;
  let s = Math.ceil((REQUESTS_PER_POLL * 60) / (OWN_TRAFFIC_BUDGET_PER_MINUTE - metadataPerMinute));
  while (ownTrafficPerMinute(s) >= OWN_TRAFFIC_BUDGET_PER_MINUTE) s++;
  return s;
})();

const MAX_POLL_SECONDS = 3600;

/** The interval to use for a maker's value: missing or invalid gives the default; below the floor gives the floor. */
export function effectivePollSeconds(value: number | null | undefined): { seconds: number; clamped: boolean } {
  if (value === null || value === undefined || !Number.isFinite(value)) return { seconds: DEFAULT_POLL_SECONDS, clamped: false };
  if (value < MIN_POLL_SECONDS) return { seconds: MIN_POLL_SECONDS, clamped: true };
  if (value > MAX_POLL_SECONDS) return { seconds: MAX_POLL_SECONDS, clamped: true };
  return { seconds: Math.round(value), clamped: false };
}

const DEFAULT_WINDOW_MINUTES = 60;
const MIN_WINDOW_MINUTES = 5;
const MAX_WINDOW_MINUTES = 7 * 24 * 60;

export function effectiveWindowMinutes(value: number | null | undefined): number {
  if (value === null || value === undefined || !Number.isFinite(value)) return DEFAULT_WINDOW_MINUTES;
  return Math.min(MAX_WINDOW_MINUTES, Math.max(MIN_WINDOW_MINUTES, Math.round(value)));
}
