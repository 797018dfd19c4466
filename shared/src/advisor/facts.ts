/**
 * Throttling facts in plain English that patterns refer to by id. The numbers they quote are the ones
 * in limits.ts (with sources); the control shows localized copies (`Fact_<id>_Title`, `Fact_<id>_Summary`).
 */
import type { ThrottlingFactId } from "./types";

export interface ThrottlingFact {
  id: ThrottlingFactId;
  title: string;
  summary: string;
  source: string;
}

/** Facts in plain language. The control localizes them by id (`Fact_<id>_Title`, `Fact_<id>_Summary`). */
export const THROTTLING_FACTS: Readonly<Record<ThrottlingFactId, ThrottlingFact>> = {
  "dataverse-service-protection": {
    id: "dataverse-service-protection",
    title: "Dataverse service protection",
    summary:
      "Each user may send 6,000 requests, use 20 minutes of combined execution time and hold 52 requests open at once per web server in any 5-minute window; beyond that Dataverse answers 429 with a Retry-After delay.",
    source: "powerapps-docs developer/data-platform/api-limits.md",
  },
  "dataverse-entitlement": {
    id: "dataverse-entitlement",
    title: "Dataverse daily entitlement",
    summary:
      "Every create, read, update, delete, assign and share counts against a 24-hour allowance: 40,000 per paid licence, 6,000 per per-app licence, and a shared tenant pool of 500,000 plus 5,000 per licence for application users.",
    source: "power-platform admin/api-request-limits-allocations.md",
  },
  "fo-resource-based": {
    id: "fo-resource-based",
    title: "Finance and operations resource-based throttling",
    summary:
      "When the web servers run short of resources, OData and custom-service calls get 429 with Retry-After. It does not apply on-premises or in development environments.",
    source: "dynamics-365-unified-operations-public data-entities/service-protection-api-limits.md",
  },
  "fo-priority-based": {
    id: "fo-priority-based",
    title: "Priority-based throttling",
    summary:
      "Administrators map each registered app or user to Low, Medium or High priority; low-priority integrations are throttled first.",
    source: "dynamics-365-unified-operations-public data-entities/priority-based-throttling.md",
  },
  "fo-exempt": {
    id: "fo-exempt",
    title: "Exempt from finance and operations throttling",
    summary:
      "Data management (DIXF), dual-write, Power Platform virtual tables and Office integration are not throttled by finance and operations service protection.",
    source: "dynamics-365-unified-operations-public data-entities/service-protection-api-limits.md",
  },
  "webhook-delivery": {
    id: "webhook-delivery",
    title: "Webhook delivery",
    summary:
      "The receiver must answer within 60 seconds; only 502, 503 and 504 get one retry; payloads over 256 KB lose their context and images.",
    source: "powerapps-docs developer/data-platform/use-webhooks.md",
  },
  "service-bus-delivery": {
    id: "service-bus-delivery",
    title: "Service Bus delivery",
    summary:
      "Messages over 192 KB are trimmed and, if still too large, not sent; failed posts retry with growing waits and asynchronous jobs wait while the bus is unreachable.",
    source: "powerapps-docs developer/data-platform/azure-integration.md",
  },
  "dual-write-limits": {
    id: "dual-write-limits",
    title: "Dual-write limits",
    summary:
      "Live sync moves at most 1,000 records per transaction within 2 minutes; initial sync handles up to 500,000 records per run per legal entity; a pause can queue up to 7 days.",
    source: "dynamics-365-unified-operations-public data-entities/dual-write/sync-limits.md",
  },
  "virtual-table-limits": {
    id: "virtual-table-limits",
    title: "Virtual table limits",
    summary:
      "Every read goes to the source system; connector-based virtual tables return at most 1,000 records a query, and virtual tables have no auditing, search, charts or offline use.",
    source: "powerapps-docs maker/data-platform/limits-tshoot-virtual-tables.md",
  },
};

export const THROTTLING_FACT_IDS = Object.keys(THROTTLING_FACTS) as ThrottlingFactId[];
