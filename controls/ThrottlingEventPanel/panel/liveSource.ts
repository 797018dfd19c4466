import {
  asyncOperationQuery,
  EndpointInfo,
  endpointQuery,
  headroomFromHeaders,
  METADATA_REFRESH_MS,
  PanelSnapshot,
  parseRateLimitHeaders,
  parseRetryAfter,
  RateLimitHeaders,
  readEndpoints,
  readJobs,
  readSteps,
  RequestPolicy,
  SendOutcome,
  serviceProtectionLimits,
  stepQuery,
  summarizeDeliveries,
} from "@integrationkit/shared";

/** The slice of `context.webAPI` the panel uses. */
export interface WebApiLike {
  retrieveMultipleRecords(entityType: string, options?: string, maxPageSize?: number): Promise<{ entities: unknown[] }>;
  updateRecord(entityType: string, id: string, data: Record<string, unknown>): Promise<unknown>;
}

export type FetchLike = (url: string, init?: { method?: string; headers?: Record<string, string>; signal?: AbortSignal; credentials?: "same-origin" }) => Promise<{
  ok: boolean;
  status: number;
  headers: Headers | { get(name: string): string | null };
}>;

/** A live request failed for a reason other than throttling; `key` is the .resx message. */
export class LiveError extends Error {
  constructor(public readonly key: string, public readonly detail?: string) {
    super(detail ?? key);
    this.name = "LiveError";
  }
}

const THROTTLE_CODES = new Set<unknown>([
  serviceProtectionLimits.requests.sdkErrorCode,
  serviceProtectionLimits.executionTime.sdkErrorCode,
  serviceProtectionLimits.concurrency.sdkErrorCode,
  serviceProtectionLimits.requests.webApiErrorCode,
  serviceProtectionLimits.executionTime.webApiErrorCode,
  serviceProtectionLimits.concurrency.webApiErrorCode,
]);

/** A webAPI error is a throttle when it carries a service-protection code or a 429 status. */
export function isThrottleError(error: unknown): boolean {
  if (error === null || typeof error !== "object") return false;
  const e = error as { errorCode?: unknown; code?: unknown; status?: unknown; statusCode?: unknown };
  return THROTTLE_CODES.has(e.errorCode) || THROTTLE_CODES.has(e.code) || e.status === 429 || e.statusCode === 429;
}

function errorText(error: unknown): string | undefined {
  if (error !== null && typeof error === "object" && typeof (error as { message?: unknown }).message === "string") return (error as { message: string }).message;
  return typeof error === "string" ? error : undefined;
}

/** Runs a webAPI call as one policy attempt: throttles become `throttled`, other failures throw. */
async function webApiAttempt<T>(call: () => Promise<T>): Promise<SendOutcome<T>> {
  try {
    return { type: "ok", value: await call() };
  } catch (error) {
    if (isThrottleError(error)) return { type: "throttled" };
    throw new LiveError("Error_Request", errorText(error));
  }
}

/**
 * Live data from Dataverse: endpoints and their steps (refreshed every METADATA_REFRESH_MS), their
 * system jobs over the time window, and the rate-limit headers from a same-origin WhoAmI request.
 */
export class LiveSource {
  private endpoints: EndpointInfo[] = [];
  private steps = new Map<string, string>();
  private metadataAt = Number.NEGATIVE_INFINITY;
  private lastHeaders: RateLimitHeaders | undefined;

  constructor(
    private readonly webAPI: WebApiLike,
    private readonly clientUrl: string,
    private readonly fetchFn: FetchLike,
  ) {}

  private async refreshMetadata(policy: RequestPolicy, signal: AbortSignal, now: number): Promise<number> {
    if (now - this.metadataAt < METADATA_REFRESH_MS) return 0;
    const eps = await policy.execute("serviceendpoint", () => webApiAttempt(() => this.webAPI.retrieveMultipleRecords("serviceendpoint", endpointQuery())), signal);
    const read = readEndpoints(eps?.entities);
    let skipped = read.skipped;
    this.endpoints = read.endpoints;
    this.steps = new Map();
    if (read.endpoints.length > 0) {
      const ids = read.endpoints.map((e) => e.id);
      const steps = await policy.execute("sdkmessageprocessingstep", () => webApiAttempt(() => this.webAPI.retrieveMultipleRecords("sdkmessageprocessingstep", stepQuery(ids))), signal);
      const readS = readSteps(steps?.entities);
      this.steps = readS.steps;
      skipped += readS.skipped;
    }
    this.metadataAt = now;
    return skipped;
  }

  /** The rate-limit headers, or undefined when the probe is not possible. A 429 here is a throttle. */
  private async probe(signal: AbortSignal, now: number): Promise<SendOutcome<RateLimitHeaders | undefined>> {
    let res: Awaited<ReturnType<FetchLike>>;
    try {
      res = await this.fetchFn(`${this.clientUrl.replace(/\/+$/, "")}/api/data/v9.2/WhoAmI`, {
        method: "GET",
        headers: { Accept: "application/json", "OData-MaxVersion": "4.0", "OData-Version": "4.0" },
        credentials: "same-origin",
        signal,
      });
    } catch (error) {
      return { type: "retryable", error };
    }
    if (res.status === 429) return { type: "throttled", retryAfterMs: parseRetryAfter(res.headers.get("Retry-After"), new Date(now)) };
    if (!res.ok) return { type: "ok", value: undefined };
    return { type: "ok", value: parseRateLimitHeaders(res.headers as Headers) };
  }

  /** One poll. Throws ThrottledError, PolicyCancelledError or LiveError. */
  async poll(policy: RequestPolicy, signal: AbortSignal, now: number, windowMinutes: number): Promise<PanelSnapshot> {
    let skipped = await this.refreshMetadata(policy, signal, now);
    let jobs: ReturnType<typeof readJobs>["jobs"] = [];
    if (this.steps.size > 0) {
      const since = new Date(now - windowMinutes * 60_000);
      const result = await policy.execute("asyncoperation", () => webApiAttempt(() => this.webAPI.retrieveMultipleRecords("asyncoperation", asyncOperationQuery([...this.steps.keys()], since))), signal);
      const read = readJobs(result?.entities, this.steps, new Map(this.endpoints.map((e) => [e.id, e.name])));
      jobs = read.jobs;
      skipped += read.skipped;
    }
    // The probe is best effort: a failure leaves the gauges on the last headers we saw.
    try {
      const headers = await policy.execute("whoami", () => this.probe(signal, now), signal);
      if (headers !== undefined) this.lastHeaders = headers;
    } catch (error) {
      if ((error as Error)?.name === "PolicyCancelledError" || (error as Error)?.name === "ThrottledError") throw error;
    }
    const headroom = this.lastHeaders ? headroomFromHeaders(this.lastHeaders) : {};
    const failures = jobs
      .filter((j) => j.statuscode === 31)
      .slice(0, 5)
      .map((j) => ({ source: j.endpoint, at: j.at, message: j.message ?? "" }));
    const snapshot: PanelSnapshot = {
      updatedAt: now,
      headroom,
      series: { requests: [], throttled: [] },
      throttledCalls: [],
      endpoints: summarizeDeliveries(this.endpoints, jobs),
      failures,
      jobs: jobs.filter((j) => j.statecode !== 3 || j.statuscode === 31).slice(0, 10),
      skippedRows: skipped,
    };
    if (this.lastHeaders) snapshot.headers = this.lastHeaders;
    return snapshot;
  }

  async update(jobId: string, data: Record<string, unknown>): Promise<void> {
    await this.webAPI.updateRecord("asyncoperation", jobId, data);
  }
}
