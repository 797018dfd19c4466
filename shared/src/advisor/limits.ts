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

/** Finance and operations user-based limits, now disabled (10.0.36). Source: FO data-entities/service-protection-api-limits.md [04/06/2022 + Learn banner]. */
export const FO_USER_BASED_LIMITS_WHEN_ENABLED = {
  requestsPerWindow: 6000,
  windowSeconds: 300,
  maxBatchOperations: 5000,
} as const;

/** Webhook and Service Bus delivery facts. Source: PA use-webhooks.md, azure-integration.md [03/22/2022]. */
export const EVENT_DELIVERY = {
  webhookTimeoutSeconds: 60,
  webhookPayloadTrimKb: 256,
  serviceBusPayloadLimitKb: 192,
} as const;

/** Dual-write live sync limits. Source: FO data-entities/dual-write/sync-limits.md [08/31/2021]. */
export const DUAL_WRITE_LIMITS = {
  foToDataverseRecordsPerTransaction: 1000,
  transactionMinutes: 2,
  initialSyncRecordsPerRun: 500_000,
  pauseDays: 7,
} as const;

/** Virtual connector provider query cap. Source: PA maker/data-platform/limits-tshoot-virtual-tables.md [11/22/2024]. */
export const VIRTUAL_TABLE_LIMITS = {
  connectorQueryRecords: 1000,
} as const;
