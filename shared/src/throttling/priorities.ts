import { priorityThrottleThresholds, ThrottlingPriority } from "./limits";

/**
 * Who a priority is mapped to: a Microsoft Entra application (client ID) or a user. Source:
 * learn.microsoft.com/dynamics365/fin-ops-core/dev-itpro/data-entities/priority-based-throttling
 */
type PriorityPrincipal = "app" | "user";

/** One app registration or user and its finance and operations throttling priority. */
export interface AppPriority {
  name: string;
  /** Defaults to "app" (the common case, and the only one before users could be mapped). */
  kind?: PriorityPrincipal;
  clientId?: string;
  /** The user's ID in finance and operations, for a user mapping. */
  userId?: string;
  priority: ThrottlingPriority;
}

type PrioritiesResult =
  | { ok: true; entries: AppPriority[] }
  /** `errorKey` is a .resx key; `values` fill its placeholders. */
  | { ok: false; errorKey: string; values: Record<string, string | number> };

const MAX_PRIORITY_ENTRIES = 50;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function normalizePriority(value: unknown): ThrottlingPriority | undefined {
  if (typeof value !== "string") return undefined;
  const v = value.trim().toLowerCase();
  if (v === "low") return "Low";
  if (v === "medium") return "Medium";
  if (v === "high") return "High";
  return undefined;
}

/**
 * Parses the maker's JSON of priority mappings. Two shapes are accepted:
 * `[{"name": "Order sync", "clientId": "<guid>", "priority": "Low"}, {"name": "Batch user", "type": "user", "userId": "batch", "priority": "Low"}]`
 * or `{"Order sync": "Low", ...}` (app registrations by name). Empty input means "none configured".
 * Any problem gives a message key and where it is; two entries with the same name (or the same
 * client or user ID) are an error, because the table could not tell them apart.
 */
export function parseAppPriorities(json: string | null | undefined): PrioritiesResult {
  if (json === null || json === undefined || json.trim() === "") return { ok: true, entries: [] };
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return { ok: false, errorKey: "PrioritiesError_Json", values: {} };
  }
  let raw: Array<{ name?: unknown; clientId?: unknown; priority?: unknown }>;
  if (Array.isArray(data)) {
    raw = data as typeof raw;
  } else if (data !== null && typeof data === "object") {
    raw = Object.entries(data as Record<string, unknown>).map(([name, priority]) => ({ name, priority }));
  } else {
    return { ok: false, errorKey: "PrioritiesError_Shape", values: {} };
  }
  if (raw.length > MAX_PRIORITY_ENTRIES) return { ok: false, errorKey: "PrioritiesError_TooMany", values: { max: MAX_PRIORITY_ENTRIES } };
  const entries: AppPriority[] = [];
  const seenNames = new Map<string, number>();
  const seenIds = new Map<string, number>();
  for (let i = 0; i < raw.length; i++) {
    const item = raw[i];
    const position = i + 1;
    if (item === null || typeof item !== "object") return { ok: false, errorKey: "PrioritiesError_Entry", values: { position } };
    const name = typeof item.name === "string" ? item.name.trim() : "";
    if (name.length === 0 || name.length > 100) return { ok: false, errorKey: "PrioritiesError_Name", values: { position } };
    const priority = normalizePriority(item.priority);
    if (priority === undefined) return { ok: false, errorKey: "PrioritiesError_Priority", values: { position, name } };
    const loose = item as { type?: unknown; userId?: unknown };
    const type = loose.type === undefined ? "app" : typeof loose.type === "string" ? loose.type.trim().toLowerCase() : "";
    if (type !== "app" && type !== "user") return { ok: false, errorKey: "PrioritiesError_Type", values: { position, name } };
    const entry: AppPriority = { name, kind: type, priority };
    if (type === "app") {
      if (item.clientId !== undefined && (typeof item.clientId !== "string" || !GUID.test(item.clientId))) {
        return { ok: false, errorKey: "PrioritiesError_ClientId", values: { position, name } };
      }
      if (typeof item.clientId === "string") entry.clientId = item.clientId.toLowerCase();
    } else {
      const userId = typeof loose.userId === "string" ? loose.userId.trim() : "";
      if (userId.length === 0 || userId.length > 100) return { ok: false, errorKey: "PrioritiesError_UserId", values: { position, name } };
      entry.userId = userId;
    }
    const nameKey = name.toLocaleLowerCase();
    const first = seenNames.get(nameKey);
    if (first !== undefined) return { ok: false, errorKey: "PrioritiesError_Duplicate", values: { position, first, name } };
    seenNames.set(nameKey, position);
    const id =
      entry.clientId !== undefined
        ? `app:${entry.clientId}`
        : entry.userId !== undefined
          ? `user:${entry.userId.toLocaleLowerCase()}`
          : undefined;
    if (id !== undefined) {
      const firstId = seenIds.get(id);
      if (firstId !== undefined) return { ok: false, errorKey: "PrioritiesError_DuplicateId", values: { position, first: firstId, name } };
      seenIds.set(id, position);
    }
    entries.push(entry);
  }
  return { ok: true, entries };
}

const ORDER: Record<ThrottlingPriority, number> = { Low: 0, Medium: 1, High: 2 };

export interface PriorityRank extends AppPriority {
  /** 1 = throttled first. Apps with the same priority share a rank. */
  rank: number;
  /** Modelled utilization at which this priority starts being throttled (see priorityThrottleThresholds). */
  threshold: number;
}

/** Orders apps by who would be throttled first: Low, then Medium, then High; stable by name within a level. */
export function throttlingOrder(entries: readonly AppPriority[]): PriorityRank[] {
  return [...entries]
    .sort((a, b) => ORDER[a.priority] - ORDER[b.priority] || a.name.localeCompare(b.name))
    .map((e) => ({ ...e, rank: ORDER[e.priority] + 1, threshold: priorityThrottleThresholds[e.priority] }));
}
