import {
  asyncOperationQuery,
  classifyFailure,
  EndpointInfo,
  endpointQuery,
  headroomFromHeaders,
  ImpliedLimits,
  MAX_ENDPOINT_ROWS,
  MAX_FILTER_IDS,
  MAX_JOB_ROWS,
  MAX_STEP_ROWS,
  METADATA_REFRESH_MS,
  PanelNote,
  PanelSectionName,
  PanelSnapshot,
  parseRateLimitHeaders,
  parseRetryAfter,
  PollFailureKind,
  RateLimitHeaders,
  readEndpoints,
  readJobs,
  readSteps,
  SectionDenied,
  StepInfo,
  stepQuery,
  summarizeDeliveries,
  HTTP_TOO_MANY_REQUESTS,
  HTTP_UNAUTHORIZED,
  JOB_STATE_COMPLETED,
} from "@integrationkit/shared";

/** The slice of `context.webAPI` the panel uses. */
export interface WebApiLike {
  retrieveMultipleRecords(entityType: string, options?: string, maxPageSize?: number): Promise<{ entities: unknown[]; nextLink?: string }>;
  updateRecord(entityType: string, id: string, data: Record<string, unknown>): Promise<unknown>;
}

export type FetchLike = (
  url: string,
  init?: { method?: string; headers?: Record<string, string>; signal?: AbortSignal; credentials?: "same-origin" },
) => Promise<{
  ok: boolean;
  status: number;
  headers: Headers | { get(name: string): string | null };
}>;

/** A throttle anywhere in a poll: the whole poll stops (Retry-After blocks all of the user's requests). */
export class PollThrottled extends Error {
  constructor(public readonly retryAfterMs: number | undefined) {
    super("Throttled by Dataverse service protection.");
    this.name = "PollThrottled";
  }
}

/** A poll failed for a reason other than throttling or a missing privilege. */
export class PollFailed extends Error {
  constructor(
    public readonly kind: PollFailureKind,
    public readonly detail?: string,
  ) {
    super(detail ?? kind);
    this.name = "PollFailed";
  }
}

/** What a failed webAPI call means for the poll; throttles and fatal kinds are thrown. */
function rethrowUnlessDenied(error: unknown, now: number): "denied" {
  const failure = classifyFailure(error);
  if (failure.kind === "throttled") throw new PollThrottled(parseRetryAfter(failure.retryAfter, new Date(now)));
  if (failure.kind === "forbidden") return "denied";
  throw new PollFailed(failure.kind, failure.detail);
}

/** The tables each section reads (the privilege it needs is Read). */
const SECTION_TABLE: Record<PanelSectionName, string> = { delivery: "serviceendpoint", jobs: "asyncoperation", headroom: "WhoAmI" };

const WHOAMI_PATH = "/api/data/v9.2/WhoAmI";

/**
 * Live data from Dataverse: endpoints and their steps (refreshed every METADATA_REFRESH_MS), the
 * steps' system jobs, and the rate-limit headers from a same-origin WhoAmI request. A section the
 * user may not read is reported as denied while the others keep working; what a capped query leaves
 * out is said in a note.
 */
export class LiveSource {
  private endpoints: EndpointInfo[] = [];
  private steps = new Map<string, StepInfo>();
  private metadataAt = Number.NEGATIVE_INFINITY;
  private metadataNotes: PanelNote[] = [];
  private metadataSkipped = 0;
  private deliveryDenied: SectionDenied | undefined;
  /** Endpoints whose steps or jobs were left out of a capped query. */
  private notRead = new Set<string>();
  private lastHeaders: RateLimitHeaders | undefined;
  private seen: ImpliedLimits = { requests: 0, executionMs: 0 };

  constructor(
    private readonly webAPI: WebApiLike,
    /** The organization's address for the header probe; undefined when the host does not give it. */
    private readonly clientUrl: string | undefined,
    private readonly fetchFn: FetchLike | undefined,
  ) {}

  private async read(
    table: string,
    options: string,
    maxPageSize: number,
    now: number,
  ): Promise<{ entities: unknown[]; more: boolean } | "denied"> {
    try {
      const result = await this.webAPI.retrieveMultipleRecords(table, options, maxPageSize);
      const entities = Array.isArray(result?.entities) ? result.entities : [];
      return { entities, more: typeof result?.nextLink === "string" && result.nextLink.length > 0 };
    } catch (error) {
      return rethrowUnlessDenied(error, now);
    }
  }

  private async refreshMetadata(now: number): Promise<void> {
    if (now - this.metadataAt < METADATA_REFRESH_MS) return;
    const notes: PanelNote[] = [];
    let skipped = 0;
    this.deliveryDenied = undefined;
    const eps = await this.read("serviceendpoint", endpointQuery(), MAX_ENDPOINT_ROWS, now);
    if (eps === "denied") {
      this.deliveryDenied = { table: "serviceendpoint", privilege: "Read" };
      this.endpoints = [];
      this.steps = new Map();
    } else {
      const read = readEndpoints(eps.entities);
      skipped += read.skipped;
      this.endpoints = read.endpoints;
      if (eps.more) notes.push({ key: "Note_EndpointsTruncated", values: { count: MAX_ENDPOINT_ROWS } });
      this.steps = new Map();
      this.notRead = new Set(read.endpoints.slice(MAX_FILTER_IDS).map((e) => e.id));
      if (this.notRead.size > 0) notes.push({ key: "Note_EndpointsNotCounted", values: { count: this.notRead.size, max: MAX_FILTER_IDS } });
      if (read.endpoints.length > 0) {
        const steps = await this.read("sdkmessageprocessingstep", stepQuery(read.endpoints.map((e) => e.id)), MAX_STEP_ROWS, now);
        if (steps === "denied") {
          this.deliveryDenied = { table: "sdkmessageprocessingstep", privilege: "Read" };
        } else {
          const readS = readSteps(steps.entities);
          this.steps = readS.steps;
          skipped += readS.skipped;
          if (steps.more) notes.push({ key: "Note_StepsTruncated", values: { count: MAX_STEP_ROWS } });
        }
      }
    }
    this.metadataNotes = notes;
    this.metadataSkipped = skipped;
    this.metadataAt = now;
  }

  /** The rate-limit headers, or undefined when the probe is not possible. A 429 here throttles the poll. */
  private async probe(signal: AbortSignal, now: number): Promise<void> {
    if (this.clientUrl === undefined || this.fetchFn === undefined) return;
    let res: Awaited<ReturnType<FetchLike>>;
    try {
      res = await this.fetchFn(`${this.clientUrl.replace(/\/+$/, "")}${WHOAMI_PATH}`, {
        method: "GET",
        headers: { Accept: "application/json", "OData-MaxVersion": "4.0", "OData-Version": "4.0" },
        credentials: "same-origin",
        signal,
      });
    } catch (error) {
      if (signal.aborted) throw error;
      // Best effort: the gauges keep the last headers seen.
      return;
    }
    if (res.status === HTTP_TOO_MANY_REQUESTS) throw new PollThrottled(parseRetryAfter(res.headers.get("Retry-After"), new Date(now)));
    if (res.status === HTTP_UNAUTHORIZED) throw new PollFailed("unauthorized");
    if (res.ok) this.lastHeaders = parseRateLimitHeaders(res.headers as Headers);
  }

  /** One poll. Throws PollThrottled or PollFailed; a denied section is reported in the snapshot. */
  async poll(signal: AbortSignal, now: number, windowMinutes: number): Promise<PanelSnapshot> {
    await this.refreshMetadata(now);
    const denied: PanelSnapshot["denied"] = {};
    const notes = [...this.metadataNotes];
    let skipped = this.metadataSkipped;
    if (this.deliveryDenied) denied.delivery = this.deliveryDenied;
    let jobs: ReturnType<typeof readJobs>["jobs"] = [];
    const notRead = new Set(this.notRead);
    const stepIds = [...this.steps.entries()].filter(([, s]) => s.enabled && !s.synchronous).map(([id]) => id);
    if (stepIds.length > MAX_FILTER_IDS) {
      const left = new Set(stepIds.slice(MAX_FILTER_IDS).map((id) => (this.steps.get(id) as StepInfo).endpointId));
      for (const id of left) notRead.add(id);
      notes.push({ key: "Note_StepsNotCounted", values: { count: stepIds.length - MAX_FILTER_IDS, max: MAX_FILTER_IDS } });
    }
    if (stepIds.length > 0) {
      const since = new Date(now - windowMinutes * 60_000);
      const result = await this.read("asyncoperation", asyncOperationQuery(stepIds, since), MAX_JOB_ROWS, now);
      if (result === "denied") {
        denied.jobs = { table: SECTION_TABLE.jobs, privilege: "Read" };
        for (const e of this.endpoints) notRead.add(e.id);
      } else {
        const read = readJobs(result.entities, this.steps, new Map(this.endpoints.map((e) => [e.id, e.name])));
        jobs = read.jobs;
        skipped += read.skipped;
        if (result.more) notes.push({ key: "Note_JobsTruncated", values: { count: MAX_JOB_ROWS } });
      }
    }
    if (signal.aborted) throw new PollFailed("timeout");
    await this.probe(signal, now);
    let headroom = {};
    if (this.lastHeaders) {
      const h = headroomFromHeaders(this.lastHeaders, this.seen);
      headroom = h.headroom;
      this.seen = h.seen;
    }
    const failures = jobs
      .filter((j) => j.statuscode === 31)
      .slice(0, 5)
      .map((j) => ({ source: j.endpoint, at: j.at, message: j.message ?? "" }));
    const snapshot: PanelSnapshot = {
      updatedAt: now,
      headroom,
      series: { requests: [], throttled: [] },
      throttledCalls: [],
      endpoints: summarizeDeliveries(this.endpoints, jobs, this.steps, notRead),
      failures,
      // Unfinished jobs and failures need attention; the query lists unfinished ones first.
      jobs: jobs.filter((j) => j.statecode !== JOB_STATE_COMPLETED || j.statuscode === 31).slice(0, 10),
      skippedRows: skipped,
      denied,
      notes,
    };
    if (this.clientUrl === undefined) snapshot.headroomUnavailable = "Headroom_NoClientUrl";
    if (this.lastHeaders) snapshot.headers = this.lastHeaders;
    return snapshot;
  }

  async update(jobId: string, data: Record<string, unknown>): Promise<void> {
    await this.webAPI.updateRecord("asyncoperation", jobId, data);
  }
}
