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
 * The host's latest record objects, shared by the rows of one session. A row nothing has read yet
 * (off screen in a virtualized grid) takes its record from here when it is first read, so a host that
 * hands new record objects for the same rows costs nothing for those rows.
 */
interface RecordSource {
  records: Readonly<Record<string, RecordLike>>;
  /** Rows read since they were made, in the order they were read (may hold rows no longer shown). */
  read: LazyRow[];
}

export function createRecordSource(): RecordSource {
  return { records: {}, read: [] };
}

/**
 * A row whose cells are read from the record on first use, then kept. A virtualized grid touches only
 * the rows it renders, so 5,000 loaded rows cost 5,000 small objects, not 60,000 value reads.
 */
class LazyRow implements GridRow {
  private cellCache: Record<string, GridCell> | null = null;
  private referenceCache: EntityReferenceLike | null | undefined = undefined;
  /** The record the cells and reference were read from; null until the row is read. */
  private own: RecordLike | null = null;

  constructor(
    readonly id: string,
    /** The record the row was made from: shown when the source no longer has one for this id. */
    private readonly initial: RecordLike,
    private readonly columns: readonly GridColumn[],
    private readonly source: RecordSource,
  ) {}

  /** The record the row shows (for a row not read yet: the source's latest for its id). */
  get record(): RecordLike {
    return this.own ?? this.latest();
  }

  sourceIs(source: RecordSource): boolean {
    return this.source === source;
  }

  /** Whether anything has read this row's cells or reference. */
  get read(): boolean {
    return this.own !== null;
  }

  private latest(): RecordLike {
    const record = this.source.records[this.id];
    return record && typeof record.getValue === "function" ? record : this.initial;
  }

  private bind(): RecordLike {
    if (this.own === null) {
      this.own = this.latest();
      this.source.read.push(this);
    }
    return this.own;
  }

  /**
   * Takes a newer record object for a row that was read, when it reads the same (the host rebuilt its
   * objects, as the PCF test harness does on each update): the row keeps what it showed.
   */
  adoptIfSame(record: RecordLike): boolean {
    const other = new LazyRow(this.id, record, this.columns, { records: {}, read: [] });
    if (this.cellCache !== null) {
      const cells = other.cells;
      for (const column of this.columns) if (!sameCell(this.cellCache[column.name], cells[column.name])) return false;
    }
    if (this.referenceCache !== undefined && !sameValue(this.referenceCache, other.reference)) return false;
    this.own = record;
    return true;
  }

  get cells(): Record<string, GridCell> {
    if (this.cellCache === null) {
      const record = this.bind();
      const cells: Record<string, GridCell> = {};
      for (const column of this.columns) cells[column.name] = readCell(record, column);
      this.cellCache = cells;
    }
    return this.cellCache;
  }

  get reference(): EntityReferenceLike | null {
    if (this.referenceCache === undefined) {
      const record = this.bind();
      try {
        this.referenceCache = record.getNamedReference?.() ?? null;
      } catch {
        this.referenceCache = null;
      }
    }
    return this.referenceCache;
  }
}

function sameCell(a: GridCell, b: GridCell): boolean {
  return a.missing === b.missing && a.mismatch === b.mismatch && a.text === b.text && sameValue(a.value, b.value);
}

/** Equal values as a cell shows them: dates by time, lists and references (plain objects) by their parts. */
function sameValue(a: unknown, b: unknown, depth = 0): boolean {
  if (a === b || (Number.isNaN(a) && Number.isNaN(b))) return true;
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && Object.is(a.getTime(), b.getTime());
  if (depth > 3 || a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i], depth + 1));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  return ka.length === kb.length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && sameValue(ra[k], rb[k], depth + 1));
}

/** Rows by id from the previous read, reused while their record object and the columns stay the same. */
export type RowCache = Map<string, GridRow>;

/**
 * The dataset's records in their sorted order, as typed rows (cells read lazily). A row whose record
 * object is unchanged is taken from `previous` (pass it only when the columns are unchanged), so an
 * appended page costs its new rows, not a re-read of the rows already shown. The rows read their
 * records through `source`, which then holds this dataset's records.
 */
export function readRows(
  dataset: Pick<DatasetLike, "records" | "sortedRecordIds">,
  columns: readonly GridColumn[],
  previous: RowCache = new Map(),
  source: RecordSource = createRecordSource(),
): ReadRowsResult & { cache: RowCache } {
  const ids = Array.isArray(dataset.sortedRecordIds) ? dataset.sortedRecordIds : [];
  const records = dataset.records && typeof dataset.records === "object" ? dataset.records : {};
  source.records = records;
  const rows: GridRow[] = [];
  const cache: RowCache = new Map();
  const read: LazyRow[] = [];
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
    const row = old instanceof LazyRow && old.sourceIs(source) && old.record === record ? old : new LazyRow(id, record, columns, source);
    if (row === old && row.read) read.push(row);
    rows.push(row);
    cache.set(id, row);
  }
  source.read = read;
  return { rows, orphanIds, cache };
}

/** How many rows that were read a patch re-reads to keep them (about a screen or two); others are made anew. */
const ADOPT_LIMIT = 120;

/**
 * The rows after some records changed while the ids, their order and the columns stayed. The rows
 * nothing has read yet take the new records through `source` at no cost. Of the rows that were read
 * (on screen, or checked), one whose record object is unchanged is kept; one with a new object that
 * reads the same keeps its identity (the most recently read ones, up to a budget: a host that hands new
 * objects on every update, as the PCF test harness does on a resize, then changes nothing a grid
 * memoized on its rows would see); any other is made anew, to be read when shown. Costs the rows that
 * were read since the last patch, not the row count; returns `rows` itself when no row was replaced.
 * Null when a record went missing (the caller reads all rows again).
 */
export function patchRows(
  rows: readonly GridRow[],
  records: Record<string, RecordLike> | null | undefined,
  columns: readonly GridColumn[],
  cache: RowCache,
  source: RecordSource,
): readonly GridRow[] | null {
  if (!records || typeof records !== "object") return null;
  const read = source.read;
  for (const row of read) {
    const record = records[row.id];
    if (record !== row.record && (!record || typeof record.getValue !== "function")) return null;
  }
  source.records = records;
  let out: GridRow[] | null = null;
  let index: Map<string, number> | null = null;
  const kept: LazyRow[] = [];
  let adopted = 0;
  for (let k = read.length - 1; k >= 0; k--) {
    const row = read[k];
    const record = records[row.id];
    if (record === row.record) {
      kept.push(row);
      continue;
    }
    if (adopted < ADOPT_LIMIT) {
      adopted++;
      if (row.adoptIfSame(record)) {
        kept.push(row);
        continue;
      }
    }
    index ??= new Map(rows.map((r, i) => [r.id, i]));
    const i = index.get(row.id);
    // A row of an earlier read (an older snapshot read it late): nothing to replace.
    if (i === undefined || rows[i] !== row) continue;
    const fresh = new LazyRow(row.id, record, columns, source);
    out ??= rows.slice();
    out[i] = fresh;
    cache.set(row.id, fresh);
  }
  source.read = kept.reverse();
  return out ?? rows;
}
