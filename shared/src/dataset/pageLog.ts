/**
 * A bounded log of page requests: when each page was asked for, when rows arrived, how many.
 * Immutable: every function returns a new log, so React state can hold it directly.
 */
/** "host": rows arrived that this control did not ask for (the host refreshed the data itself). */
export type PageReason = "first" | "next" | "more" | "previous" | "firstPage" | "refresh" | "host";
type PageStatus = "pending" | "done" | "cancelled" | "failed";

export interface PageLogEntry {
  seq: number;
  pageNumber: number;
  reason: PageReason;
  /** Epoch milliseconds; null for rows the host sent unasked. */
  askedAt: number | null;
  settledAt: number | null;
  rowCount: number | null;
  /** The page size the control asked for, to spot providers that ignore it. */
  pageSizeAsked: number;
  /** The sort and filter in force when the page was asked for, as OData text; null when none. */
  sort: string | null;
  filter: string | null;
  status: PageStatus;
  /** The provider's message when the page failed. */
  error: string | null;
}

/** What a request asked for, besides its page number and reason. */
interface PageAsk {
  pageNumber: number;
  reason: PageReason;
  at: number;
  pageSizeAsked: number;
  sort?: string | null;
  filter?: string | null;
}

export interface PageLog {
  entries: readonly PageLogEntry[];
  limit: number;
  nextSeq: number;
}

const DEFAULT_PAGE_LOG_LIMIT = 50;

export function createPageLog(limit = DEFAULT_PAGE_LOG_LIMIT): PageLog {
  return { entries: [], limit: Math.max(1, Math.floor(limit)), nextSeq: 1 };
}

export function pendingPage(log: PageLog): PageLogEntry | undefined {
  for (let i = log.entries.length - 1; i >= 0; i--) if (log.entries[i].status === "pending") return log.entries[i];
  return undefined;
}

function bounded(entries: PageLogEntry[], limit: number): PageLogEntry[] {
  return entries.length > limit ? entries.slice(entries.length - limit) : entries;
}

/** Records a request. A request still pending is cancelled first: only one load runs at a time. */
export function askPage(log: PageLog, ask: PageAsk): PageLog {
  const entries = log.entries.map((e) => (e.status === "pending" ? { ...e, status: "cancelled" as const, settledAt: ask.at } : e));
  entries.push({
    seq: log.nextSeq,
    pageNumber: ask.pageNumber,
    reason: ask.reason,
    askedAt: ask.at,
    settledAt: null,
    rowCount: null,
    pageSizeAsked: ask.pageSizeAsked,
    sort: ask.sort ?? null,
    filter: ask.filter ?? null,
    status: "pending",
    error: null,
  });
  return { ...log, entries: bounded(entries, log.limit), nextSeq: log.nextSeq + 1 };
}

/** Settles the pending request (if any) with the rows that arrived, or as failed. */
interface PageResult {
  at: number;
  rowCount: number;
  pageNumber?: number;
  failed?: boolean;
  error?: string | null;
}

export function settlePage(log: PageLog, result: PageResult): PageLog {
  const pending = pendingPage(log);
  if (!pending) return log;
  const entries = log.entries.map((e) =>
    e.seq === pending.seq
      ? {
          ...e,
          status: result.failed ? ("failed" as const) : ("done" as const),
          settledAt: result.at,
          rowCount: result.failed ? null : Math.max(0, result.rowCount),
          pageNumber: result.pageNumber !== undefined && result.pageNumber > 0 ? result.pageNumber : e.pageNumber,
          error: result.failed ? (result.error ?? "") : null,
        }
      : e,
  );
  return { ...log, entries };
}

export function cancelPending(log: PageLog, at: number): PageLog {
  if (!pendingPage(log)) return log;
  return { ...log, entries: log.entries.map((e) => (e.status === "pending" ? { ...e, status: "cancelled" as const, settledAt: at } : e)) };
}

/** Milliseconds from asking to rows, or null while pending, when cancelled, or when nobody asked. */
export function pageDuration(entry: PageLogEntry): number | null {
  if (entry.askedAt === null || entry.settledAt === null) return null;
  return entry.status === "done" || entry.status === "failed" ? Math.max(0, entry.settledAt - entry.askedAt) : null;
}

/**
 * Records rows that arrived: settles the pending request, or, when none is pending (the host
 * refreshed on its own, e.g. a new view), logs an unasked page so the pane still shows it.
 */
export function recordArrival(
  log: PageLog,
  result: PageResult & {
    pageNumber: number;
    pageSize: number;
    askedAt?: number | null;
    sort?: string | null;
    filter?: string | null;
    reason?: PageReason;
  },
): PageLog {
  if (pendingPage(log)) return settlePage(log, result);
  const entry: PageLogEntry = {
    seq: log.nextSeq,
    pageNumber: result.pageNumber,
    reason: result.reason ?? "host",
    askedAt: result.askedAt ?? null,
    settledAt: result.at,
    rowCount: result.failed ? null : Math.max(0, result.rowCount),
    pageSizeAsked: result.pageSize,
    sort: result.sort ?? null,
    filter: result.filter ?? null,
    status: result.failed ? "failed" : "done",
    error: result.failed ? (result.error ?? "") : null,
  };
  return { ...log, entries: bounded([...log.entries, entry], log.limit), nextSeq: log.nextSeq + 1 };
}

/** Whether a pending request has waited longer than `timeoutMs` (shown as "still waiting" with a cancel). */
export function isOverdue(entry: PageLogEntry | undefined, now: number, timeoutMs: number): boolean {
  return !!entry && entry.status === "pending" && entry.askedAt !== null && now - entry.askedAt >= timeoutMs;
}
