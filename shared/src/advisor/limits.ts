/**
 * Throttling and service-protection facts that patterns refer to. Numbers are Microsoft's documented
 * defaults (they "may vary between environments"); each carries its source document.
 */
/** Dataverse service-protection limits, evaluated per user and per web server. */
export const DATAVERSE_SERVICE_PROTECTION = {
  // Source: PA developer/data-platform/api-limits.md [01/31/2023]: 6000 requests per 300 s sliding window.
  requestsPerWindow: 6000,
  windowSeconds: 300,
  // Source: PA api-limits.md: combined execution time 1,200,000 ms (20 min) per 300 s window.
  executionMsPerWindow: 1_200_000,
  // Source: PA api-limits.md: 52 concurrent requests ("or higher").
  concurrentRequests: 52,
  // Source: PA api-limits.md: a batch holds up to 1000 operations; Microsoft suggests starting at 10.
  maxBatchOperations: 1000,
  recommendedBatchStart: 10,
} as const;

/** Requests per licence (or pool) per 24 hours. Source: PP power-platform/admin/api-request-limits-allocations.md [05/29/2025]. */
export const DATAVERSE_ENTITLEMENT = {
  paidLicence: 40_000,
  perAppLicence: 6_000,
  powerAutomatePerFlow: 250_000,
  // Non-licensed identities (application users) share a tenant pool for D365 Enterprise/Professional.
  tenantPoolBase: 500_000,
  tenantPoolPerUserLicence: 5_000,
  tenantPoolMax: 10_000_000,
  capacityAddOn: 50_000,
} as const;
