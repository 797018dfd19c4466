/**
 * Throttling facts that patterns refer to by id. The control shows them in the user's language from its
 * .resx (`Fact_<id>_Title`, `Fact_<id>_Summary`); the numbers they quote are the ones in limits.ts.
 * Here: the source document of each fact, for the decision record and the documentation.
 */
import type { ThrottlingFactId } from "./types";

export const THROTTLING_FACT_SOURCES: Readonly<Record<ThrottlingFactId, string>> = {
  "dataverse-service-protection": "Power Apps: Service protection API limits (developer/data-platform/api-limits)",
  "dataverse-entitlement": "Power Platform: Requests limits and allocations (admin/api-request-limits-allocations)",
  "fo-resource-based": "Finance and operations: Service protection API limits (data-entities/service-protection-api-limits)",
  "fo-priority-based": "Finance and operations: Priority-based throttling (data-entities/priority-based-throttling)",
  // The Exceptions list of 2026: recurring integrations are exempt, dual-write is no longer listed, and
  // virtual tables are exempt only with Power Platform integration enabled.
  "fo-exempt": "Finance and operations: Service protection API limits, Exceptions (data-entities/service-protection-api-limits)",
  "webhook-delivery": "Power Apps: Use webhooks to create external handlers (developer/data-platform/use-webhooks)",
  // Service Bus delivery is not ordered: Power Apps "Asynchronous service", Execution order.
  "service-bus-delivery": "Power Apps: Azure integration and Asynchronous service (developer/data-platform/azure-integration)",
  "dual-write-limits": "Finance and operations: Dual-write sync limits (data-entities/dual-write/sync-limits)",
  "virtual-table-limits": "Power Apps: Limitations of virtual tables (maker/data-platform/limits-tshoot-virtual-tables)",
};

export const THROTTLING_FACT_IDS = Object.keys(THROTTLING_FACT_SOURCES) as ThrottlingFactId[];
