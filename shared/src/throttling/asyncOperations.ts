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

/** Most rows read per poll: enough for a panel, small enough to keep the poll cheap. */
export const MAX_JOB_ROWS = 200;
/** Steps per job query (keeps the $filter short). */
export const MAX_STEPS = 40;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function endpointQuery(): string {
  return "?$select=serviceendpointid,name,contract&$orderby=name asc&$top=100";
}

export function stepQuery(endpointIds: readonly string[]): string {
  const ids = endpointIds.filter((id) => GUID.test(id)).slice(0, MAX_STEPS);
  const filter = ids.map((id) => `_eventhandler_value eq ${id}`).join(" or ");
  return `?$select=sdkmessageprocessingstepid,name,_eventhandler_value&$filter=${filter}`;
}

export function asyncOperationQuery(stepIds: readonly string[], since: Date): string {
  const ids = stepIds.filter((id) => GUID.test(id)).slice(0, MAX_STEPS);
  const steps = ids.map((id) => `_owningextensionid_value eq ${id}`).join(" or ");
  return (
    "?$select=asyncoperationid,name,statecode,statuscode,message,friendlymessage,retrycount,createdon,completedon,postponeuntil,_owningextensionid_value" +
    `&$filter=createdon ge ${since.toISOString()} and (${steps})&$orderby=createdon desc&$top=${MAX_JOB_ROWS}`
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

/** Maps step id -> endpoint id. */
export function readSteps(entities: unknown): { steps: Map<string, string>; skipped: number } {
  const steps = new Map<string, string>();
  let skipped = 0;
  for (const e of Array.isArray(entities) ? entities : []) {
    const row = e as Row;
    const id = e !== null && typeof e === "object" ? str(row, "sdkmessageprocessingstepid") : undefined;
    const handler = e !== null && typeof e === "object" ? str(row, "_eventhandler_value") : undefined;
    if (id === undefined || handler === undefined) {
      skipped++;
      continue;
    }
    steps.set(id.toLowerCase(), handler.toLowerCase());
  }
  return { steps, skipped };
}

export interface ReadJobsResult {
  jobs: Array<SystemJobRow & { retried: boolean }>;
  skipped: number;
}

/** Reads asyncoperation rows; rows without an id, codes or a readable date are skipped and counted. */
export function readJobs(entities: unknown, stepToEndpoint: ReadonlyMap<string, string>, endpointNames: ReadonlyMap<string, string>): ReadJobsResult {
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
    const endpointId = step !== undefined ? stepToEndpoint.get(step) : undefined;
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

/** Delivery counts per endpoint from its system jobs (endpoints without jobs are listed with zeros). */
export function summarizeDeliveries(endpoints: readonly EndpointInfo[], jobs: ReadJobsResult["jobs"]): EndpointDelivery[] {
  const byName = new Map<string, EndpointDelivery>();
  for (const ep of endpoints) byName.set(ep.name, { name: ep.name, kind: ep.kind, succeeded: 0, failed: 0, waiting: 0, retried: 0 });
  for (const job of jobs) {
    let d = byName.get(job.endpoint);
    if (d === undefined) {
      d = { name: job.endpoint, kind: "other", succeeded: 0, failed: 0, waiting: 0, retried: 0 };
      byName.set(job.endpoint, d);
    }
    const outcome = systemJobStatus(job.statecode, job.statuscode).outcome;
    if (outcome === "succeeded") d.succeeded++;
    else if (outcome === "failed") d.failed++;
    else if (outcome === "waiting" || outcome === "pending" || outcome === "running") d.waiting++;
    if (job.retried) d.retried++;
  }
  return [...byName.values()];
}
