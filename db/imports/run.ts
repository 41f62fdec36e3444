import type { Database } from "../client";
import { emptyCell, type Cell } from "@/lib/import/cells";
import { readHeader, type ImportRowError } from "@/lib/import/header";
import { FileFormatError, readRows } from "@/lib/import/read";
import type { Actor } from "@/lib/permissions";
import type { Accepted, ImportDefinition, ParsedRow } from "./types";

export const CHUNK_ROWS = 2000;
/** The errors kept for the preview; the count covers them all. */
export const MAX_ERRORS_KEPT = 1000;
/** Reading stops, with an error, past this many rows. */
export const MAX_ROWS = 250_000;

export interface ImportProgress {
  phase: "checking" | "committing";
  rows: number;
  /** 0–1, by the share of the file read so far. */
  fraction: number;
}

export interface ImportSummary {
  rowCount: number;
  created: number;
  changed: number;
  unchanged: number;
  errorCount: number;
  errors: ImportRowError[];
}

/** A commit met rows it cannot write: the transaction must roll back. */
export class ImportRejected extends Error {
  constructor(readonly summary: ImportSummary) {
    super(`${summary.errorCount} row${summary.errorCount === 1 ? "" : "s"} cannot be imported`);
    this.name = "ImportRejected";
  }
}

/**
 * Reads a file and checks every row; with `commit`, also writes it through `db` (the
 * caller's transaction), throwing ImportRejected — so that the caller rolls back — when any
 * row fails. Rows are handled in chunks, so memory holds one chunk and the keys seen.
 */
export async function runImport<T>({
  db,
  actor,
  definition,
  bytes,
  commit,
  onProgress,
  chunkRows = CHUNK_ROWS,
}: {
  db: Database;
  actor: Actor;
  definition: ImportDefinition<T>;
  bytes: Uint8Array;
  commit: boolean;
  onProgress?: (progress: ImportProgress) => void | Promise<void>;
  /** Rows per database round (tests make it small to cross chunk boundaries). */
  chunkRows?: number;
}): Promise<ImportSummary> {
  const summary: ImportSummary = { rowCount: 0, created: 0, changed: 0, unchanged: 0, errorCount: 0, errors: [] };
  const fail = (error: ImportRowError) => {
    summary.errorCount++;
    if (summary.errors.length < MAX_ERRORS_KEPT) summary.errors.push(error);
  };
  const processor = await definition.load(db, actor);
  const phase = commit ? "committing" : "checking";
  let bytesRead = 0;
  const seen = new Map<string, number>();
  let positions: Map<string, number> | null = null;
  let used = new Set<number>();
  let chunk: ParsedRow<T>[] = [];

  const flush = async () => {
    const classified = chunk.length > 0 ? await processor.classify(db, chunk, { lock: commit }) : [];
    const accepted: Accepted<T>[] = [];
    for (const row of classified) {
      if ("problems" in row) {
        for (const p of row.problems) fail({ line: row.line, ...p });
      } else {
        summary[row.outcome]++;
        if (row.outcome !== "unchanged") accepted.push(row);
      }
    }
    if (commit && summary.errorCount === 0 && accepted.length > 0) await processor.apply(db, accepted);
    chunk = [];
    await onProgress?.({ phase, rows: summary.rowCount, fraction: bytes.length ? bytesRead / bytes.length : 1 });
  };

  try {
    for await (const row of readRows(bytes, (read) => (bytesRead = read), commit ? "transaction" : "shared")) {
      if (!positions) {
        const header = readHeader(row.cells, definition.columns, row.line);
        if (!header.ok) {
          header.errors.forEach(fail);
          break;
        }
        positions = header.positions;
        used = new Set(positions.values());
        continue;
      }
      summary.rowCount++;
      // Progress every chunk's worth of rows read, valid or not.
      if (summary.rowCount % chunkRows === 0) await flush();
      if (summary.rowCount > MAX_ROWS) {
        fail({ line: row.line, column: null, message: `The file has more than ${MAX_ROWS.toLocaleString("en-GB")} rows: split it into smaller files` });
        break;
      }
      const cells = row.cells;
      const get = (column: string): Cell => {
        const at = positions!.get(column);
        return at === undefined ? emptyCell : (cells[at] ?? emptyCell);
      };
      const stray = cells.findIndex((c, i) => c.kind !== "empty" && !used.has(i));
      if (stray >= 0) {
        fail({ line: row.line, column: null, message: `This row has a value in column ${stray + 1}, which has no heading` });
        continue;
      }
      const parsed = processor.parse(get);
      if (!parsed.ok) {
        for (const p of parsed.problems) fail({ line: row.line, ...p });
        continue;
      }
      const first = seen.get(parsed.key);
      if (first !== undefined) {
        fail({ line: row.line, column: null, message: `Duplicate of line ${first}: the same ${processor.describeKey}` });
        continue;
      }
      seen.set(parsed.key, row.line);
      chunk.push({ line: row.line, key: parsed.key, item: parsed.item });
    }
    await flush();
  } catch (error) {
    if (!(error instanceof FileFormatError)) throw error;
    fail({ line: error.line ?? 0, column: null, message: error.message });
  }
  if (!positions && summary.errorCount === 0) fail({ line: 1, column: null, message: "The file is empty: it needs a header row and at least one row below it" });
  else if (positions && summary.rowCount === 0) fail({ line: 2, column: null, message: "The file has a header row but no rows below it" });

  // Chunks report their database checks after the rows read since: put them back in line order.
  summary.errors.sort((a, b) => a.line - b.line);
  if (commit) {
    if (summary.errorCount > 0) throw new ImportRejected(summary);
    await processor.finish(db);
  }
  return summary;
}
