// What an export holds: a plain table, written to CSV or XLSX by ./csv and ./xlsx. Each
// page has a builder in ./tables that makes one from the data the page itself shows.

/** A cell: text, a number (kept a number in XLSX), or nothing. */
export type Cell = string | number | null;

/**
 * "text" and "number" are what they say; "date" is an ISO date (YYYY-MM-DD) as text, which
 * XLSX stores as a real date.
 */
export type ColumnKind = "text" | "number" | "date";

export interface Column {
  key: string;
  header: string;
  kind: ColumnKind;
}

export interface Table {
  /** Names the worksheet; the route names the file. */
  title: string;
  columns: Column[];
  rows: Record<string, Cell>[];
}

export const text = (key: string, header: string): Column => ({ key, header, kind: "text" });
export const number = (key: string, header: string): Column => ({ key, header, kind: "number" });
export const date = (key: string, header: string): Column => ({ key, header, kind: "date" });

/** The cells of a row in column order; a key the row lacks is an empty cell. */
export function rowCells(table: Pick<Table, "columns">, row: Record<string, Cell>): Cell[] {
  return table.columns.map((c) => row[c.key] ?? null);
}

/**
 * A table whose rows come a page at a time (a national download), written to CSV or XLSX
 * as they arrive, so that the file never has to be held whole in memory.
 */
export interface StreamedTable {
  title: string;
  columns: Column[];
  pages: AsyncIterable<readonly Record<string, Cell>[]>;
}

/** A table already in memory, as one page. */
export function streamOf(table: Table | StreamedTable): StreamedTable {
  if ("pages" in table) return table;
  const rows = table.rows;
  return {
    title: table.title,
    columns: table.columns,
    pages: (async function* () {
      yield rows;
    })(),
  };
}
