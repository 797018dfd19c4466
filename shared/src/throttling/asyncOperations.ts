import { endpointKindFromContract, EndpointDelivery, EndpointKind, SystemJobRow } from "./panelModel";
import { systemJobStatus } from "./systemJobs";

/**
 * Live-mode queries and row readers for service endpoints, their steps and their system jobs.
 * Rows come from the server as loosely typed objects: every reader tolerates missing or odd columns,
 * skips what it cannot read and counts it, and never throws.
 */

export interface EndpointInfo {
  id: string;
  name: string;
  kind: EndpointKind;
}

/** Rows asked for per request (the `maxPageSize` of retrieveMultipleRecords); more rows give a note, not a silent cut. */
export const MAX_ENDPOINT_ROWS = 100;
export const MAX_STEP_ROWS = 200;
export const MAX_JOB_ROWS = 200;
/** Ids per `$filter` (keeps the URL well under the 32 KB Web API limit and the query cheap). Our choice. */
export const MAX_FILTER_IDS = 40;

/** asyncoperation.statecode Completed. Source: PA reference/entities/asyncoperation.md */
export const JOB_STATE_COMPLETED = 3;
/** sdkmessageprocessingstep.statecode Enabled (0). Source: PA reference/entities/sdkmessageprocessingstep.md */
const STEP_STATE_ENABLED = 0;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function wellFormed(ids: readonly string[]): string[] {
  return ids.filter((id) => GUID.test(id)).slice(0, MAX_FILTER_IDS);
}

export function endpointQuery(): string {
  return "?$select=serviceendpointid,name,contract&$orderby=name asc";
}

export function stepQuery(endpointIds: readonly string[]): string {
  const filter = wellFormed(endpointIds)
    .map((id) => `_eventhandler_value eq ${id}`)
    .join(" or ");
  return `?$select=sdkmessageprocessingstepid,name,mode,asyncautodelete,statecode,_eventhandler_value&$filter=${filter}`;
}

/**
 * The jobs of the given steps: every job not completed (the ones that need attention are often old),
 * and the completed ones created in the window. Unfinished first, then the newest, so a cut at
 * MAX_JOB_ROWS drops old completed jobs first.
 */
export function asyncOperationQuery(stepIds: readonly string[], since: Date): string {
  const steps = wellFormed(stepIds)
    .map((id) => `_owningextensionid_value eq ${id}`)
    .join(" or ");
  return (
    "?$select=asyncoperationid,name,statecode,statuscode,message,friendlymessage,retrycount,createdon,completedon,postponeuntil,_owningextensionid_value" +
    `&$filter=(statecode ne ${JOB_STATE_COMPLETED} or createdon ge ${since.toISOString()}) and (${steps})&$orderby=statecode asc,createdon desc`
  );
}

type Row = Record<string, unknown>;

function str(row: Row, key: string): string | undefined {
  const v = row[key];
  return typeof v === "string" && v.length > 0 ? v : undefined;
}

export function readEndpoints(entities: unknown): { endpoints: EndpointInfo[]; skipped: number } {
  const endpoints: EndpointInfo[] = [];
  let skipped = 0;
  for (const e of Array.isArray(entities) ? entities : []) {
    const row = e as Row;
    const id = e !== null && typeof e === "object" ? str(row, "serviceendpointid") : undefined;
    if (id === undefined || !GUID.test(id)) {
      skipped++;
      continue;
    }
    endpoints.push({ id: id.toLowerCase(), name: str(row, "name") ?? id, kind: endpointKindFromContract(row.contract) });
  }
  return { endpoints, skipped };
}

/** What a step tells about the counts of its jobs. */
export interface StepInfo {
  endpointId: string;
  /** Synchronous steps send at once and create no system job (PA asynchronous-service.md). */
  synchronous: boolean;
  /** `asyncautodelete`: successful jobs are deleted, so they cannot be counted. */
  autoDelete: boolean;
  enabled: boolean;
}

/** Maps step id -> what the step is. A step without a readable mode counts as synchronous (counts not known). */
export function readSteps(entities: unknown): { steps: Map<string, StepInfo>; skipped: number } {
  const steps = new Map<string, StepInfo>();
  let skipped = 0;
  for (const e of Array.isArray(entities) ? entities : []) {
    const row = e as Row;
    const id = e !== null && typeof e === "object" ? str(row, "sdkmessageprocessingstepid") : undefined;
    const handler = e !== null && typeof e === "object" ? str(row, "_eventhandler_value") : undefined;
    if (id === undefined || handler === undefined) {
      skipped++;
      continue;
    }
    steps.set(id.toLowerCase(), {
      endpointId: handler.toLowerCase(),
      synchronous: row.mode !== 1,
      autoDelete: row.asyncautodelete === true,
      enabled: row.statecode === undefined || row.statecode === STEP_STATE_ENABLED,
    });
  }
  return { steps, skipped };
}

interface ReadJobsResult {
  jobs: Array<SystemJobRow & { retried: boolean }>;
  skipped: number;
}

/** Reads asyncoperation rows; rows without an id, codes or a readable date are skipped and counted. */
export function readJobs(
  entities: unknown,
  stepToEndpoint: ReadonlyMap<string, Pick<StepInfo, "endpointId">>,
  endpointNames: ReadonlyMap<string, string>,
): ReadJobsResult {
  const jobs: ReadJobsResult["jobs"] = [];
  let skipped = 0;
  for (const e of Array.isArray(entities) ? entities : []) {
    if (e === null || typeof e !== "object") {
      skipped++;
      continue;
    }
    const row = e as Row;
    const id = str(row, "asyncoperationid");
    const statecode = row.statecode;
    const statuscode = row.statuscode;
    const at = Date.parse(str(row, "completedon") ?? str(row, "createdon") ?? "");
    if (id === undefined || typeof statecode !== "number" || typeof statuscode !== "number" || !Number.isFinite(at)) {
      skipped++;
      continue;
    }
    const step = str(row, "_owningextensionid_value")?.toLowerCase();
    const endpointId = step !== undefined ? stepToEndpoint.get(step)?.endpointId : undefined;
    const endpoint = (endpointId !== undefined ? endpointNames.get(endpointId) : undefined) ?? str(row, "name") ?? id;
    const retry = row.retrycount;
    const postpone = Date.parse(str(row, "postponeuntil") ?? "");
    const job: SystemJobRow & { retried: boolean } = {
      id,
      name: str(row, "name") ?? id,
      endpoint,
      statecode,
      statuscode,
      message: str(row, "friendlymessage") ?? str(row, "message"),
      at,
      retried: typeof retry === "number" && retry > 0,
    };
    if (Number.isFinite(postpone)) job.postponeUntil = postpone;
    jobs.push(job);
  }
  return { jobs, skipped };
}

/**
 * Delivery counts per endpoint from its system jobs (endpoints without jobs are listed with zeros).
 * A count is `null` ("not known") where jobs cannot tell it: enabled synchronous steps create no job,
 * steps with `asyncautodelete` delete their successful jobs, and endpoints whose steps were not read
 * (left out of a capped query) have no jobs to count.
 */
export function summarizeDeliveries(
  endpoints: readonly EndpointInfo[],
  jobs: ReadJobsResult["jobs"],
  steps: ReadonlyMap<string, StepInfo> = new Map(),
  notRead: ReadonlySet<string> = new Set(),
): EndpointDelivery[] {
  const byName = new Map<string, EndpointDelivery>();
  for (const ep of endpoints) {
    const d: EndpointDelivery = { name: ep.name, kind: ep.kind, succeeded: 0, failed: 0, waiting: 0, retried: 0 };
    const own = [...steps.values()].filter((s) => s.endpointId === ep.id && s.enabled);
    if (notRead.has(ep.id)) {
      Object.assign(d, { succeeded: null, failed: null, waiting: null, retried: null, unknown: "notRead" });
    } else if (own.some((s) => s.synchronous)) {
      Object.assign(d, { succeeded: null, failed: null, waiting: null, retried: null, unknown: "synchronous" });
    } else if (own.some((s) => s.autoDelete)) {
      Object.assign(d, { succeeded: null, unknown: "autoDelete" });
    }
    byName.set(ep.name, d);
  }
  for (const job of jobs) {
    let d = byName.get(job.endpoint);
    if (d === undefined) {
      d = { name: job.endpoint, kind: "other", succeeded: 0, failed: 0, waiting: 0, retried: 0 };
      byName.set(job.endpoint, d);
    }
    const outcome = systemJobStatus(job.statecode, job.statuscode).outcome;
    if (outcome === "succeeded" && d.succeeded !== null) d.succeeded++;
    else if (outcome === "failed" && d.failed !== null) d.failed++;
    else if ((outcome === "waiting" || outcome === "pending" || outcome === "running") && d.waiting !== null) d.waiting++;
    if (job.retried && d.retried !== null) d.retried++;
  }
  return [...byName.values()];
}
