import type { ColumnKind, DatasetLike, EntityReferenceLike, GridCell, GridColumn, GridRow, RecordLike } from "./types";

/** Whether a raw value fits the kind of its column. Empty values (null, undefined, "") always fit. */
export function valueFitsKind(value: unknown, kind: ColumnKind): boolean {
  if (value === null || value === undefined || value === "") return true;
  switch (kind) {
    case "text":
    case "multiline":
    case "email":
    case "phone":
    case "url":
      return typeof value === "string";
    case "whole":
    case "decimal":
    case "currency":
    case "choice":
      return typeof value === "number" && Number.isFinite(value);
    case "date":
    case "datetime":
      return (value instanceof Date && !Number.isNaN(value.getTime())) || (typeof value === "string" && !Number.isNaN(Date.parse(value)));
    case "boolean":
      return typeof value === "boolean";
    case "choices":
      return Array.isArray(value) && value.every((v) => typeof v === "number");
    case "lookup":
      return isReference(value) || (Array.isArray(value) && value.every(isReference));
    default:
      return true;
  }
}

function isReference(value: unknown): boolean {
  return value !== null && typeof value === "object" && ("id" in value || "name" in value);
}

/** Reads one cell without trusting the record: a throwing getter counts as a missing column. */
function readCell(record: RecordLike, column: GridColumn): GridCell {
  let value: unknown;
  let missing = false;
  try {
    value = record.getValue(column.name);
  } catch {
    value = undefined;
    missing = true;
  }
  let text: string | null = null;
  try {
    const formatted = record.getFormattedValue(column.name);
    text = typeof formatted === "string" ? formatted : null;
  } catch {
    text = null;
  }
  if (value === undefined && text === null) missing = true;
  return { value, text, mismatch: !missing && !valueFitsKind(value, column.kind), missing };
}

interface ReadRowsResult {
  rows: GridRow[];
  /** Ids listed in sortedRecordIds with no record behind them. */
  orphanIds: number;
}

/**
 * A row whose cells are read from the record on first use, then kept. A virtualized grid touches only
 * the rows it renders, so 5,000 loaded rows cost 5,000 small objects, not 60,000 value reads.
 */
class LazyRow implements GridRow {
  private cellCache: Record<string, GridCell> | null = null;
  private referenceCache: EntityReferenceLike | null | undefined = undefined;

  constructor(
    readonly id: string,
    readonly record: RecordLike,
    private readonly columns: readonly GridColumn[],
  ) {}

  get cells(): Record<string, GridCell> {
    if (this.cellCache === null) {
      const cells: Record<string, GridCell> = {};
      for (const column of this.columns) cells[column.name] = readCell(this.record, column);
      this.cellCache = cells;
    }
    return this.cellCache;
  }

  get reference(): EntityReferenceLike | null {
    if (this.referenceCache === undefined) {
      try {
        this.referenceCache = this.record.getNamedReference?.() ?? null;
      } catch {
        this.referenceCache = null;
      }
    }
    return this.referenceCache;
  }
}

/** Rows by id from the previous read, reused while their record object and the columns stay the same. */
export type RowCache = Map<string, GridRow>;

/**
 * The dataset's records in their sorted order, as typed rows (cells read lazily). A row whose record
 * object is unchanged is taken from `previous` (pass it only when the columns are unchanged), so an
 * appended page costs its new rows, not a re-read of the rows already shown.
 */
export function readRows(
  dataset: Pick<DatasetLike, "records" | "sortedRecordIds">,
  columns: readonly GridColumn[],
  previous: RowCache = new Map(),
): ReadRowsResult & { cache: RowCache } {
  const ids = Array.isArray(dataset.sortedRecordIds) ? dataset.sortedRecordIds : [];
  const records = dataset.records && typeof dataset.records === "object" ? dataset.records : {};
  const rows: GridRow[] = [];
  const cache: RowCache = new Map();
  let orphanIds = 0;
  for (const raw of ids) {
    const id = String(raw);
    const record = records[id];
    if (!record || typeof record.getValue !== "function") {
      orphanIds++;
      continue;
    }
    if (cache.has(id)) continue; // an id listed twice is shown once
    const old = previous.get(id);
    const row = old instanceof LazyRow && old.record === record ? old : new LazyRow(id, record, columns);
    rows.push(row);
    cache.set(id, row);
  }
  return { rows, orphanIds, cache };
}

/**
 * The rows after some records changed while the ids, their order and the columns stayed: a row whose
 * record object is unchanged is kept, a changed one is re-read. Costs one identity check per row and
 * work for the changed rows only. Null when a record went missing (the caller reads all rows again).
 */
export function patchRows(
  rows: readonly GridRow[],
  records: Record<string, RecordLike> | null | undefined,
  columns: readonly GridColumn[],
  cache: RowCache,
): GridRow[] | null {
  if (!records || typeof records !== "object") return null;
  let out: GridRow[] | null = null;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (!(row instanceof LazyRow)) return null;
    const record = records[row.id];
    if (record === row.record) continue;
    if (!record || typeof record.getValue !== "function") return null;
    const fresh = new LazyRow(row.id, record, columns);
    out ??= rows.slice();
    out[i] = fresh;
    cache.set(row.id, fresh);
  }
  return out ?? rows.slice();
}
