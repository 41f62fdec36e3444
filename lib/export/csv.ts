import { escapeFormula } from "./escape";
import { rowCells, type Cell, type Column, type StreamedTable, type Table } from "./table";

// RFC 4180: fields separated by commas, records by CRLF. Every text field is quoted (its
// quotes doubled), not only those holding a comma: Excel in a locale whose list separator
// is ";" splits an unquoted `x;=1+2` into a second cell that it runs as a formula. Numbers
// are not quoted, so that they stay numbers. The byte order mark makes Excel read the file
// as UTF-8 rather than the machine's code page.
export const BOM = "\uFEFF";
const CRLF = "\r\n";

/** A number as it reads back: no "-0", and nothing for NaN or infinity. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return "";
  return Object.is(value, -0) ? "0" : String(value);
}

function field(cell: Cell): string {
  if (cell == null) return "";
  if (typeof cell === "number") return formatNumber(cell);
  return `"${escapeFormula(cell).replaceAll('"', '""')}"`;
}

// A record of one empty field is written "" so that it is not read as a blank line.
const record = (cells: readonly string[]) => (cells.length === 1 && cells[0] === "" ? '""' : cells.join(",")) + CRLF;
const headerRecord = (columns: readonly Column[]) => record(columns.map((c) => field(c.header)));
const rowsText = (columns: readonly Column[], rows: readonly Record<string, Cell>[]) => rows.map((row) => record(rowCells({ columns: [...columns] }, row).map(field))).join("");

/** The table as CSV text: a header row, then one record per row, each ended by CRLF. */
export function toCsv(table: Table): string {
  return BOM + headerRecord(table.columns) + rowsText(table.columns, table.rows);
}

/**
 * The same bytes as toCsv, as a stream that asks for the next page of rows only when the
 * reader has taken the last: memory stays at about a page whatever the number of rows.
 */
export function csvStream(table: StreamedTable): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const pages = table.pages[Symbol.asyncIterator]();
  let started = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!started) {
          started = true;
          controller.enqueue(encoder.encode(BOM + headerRecord(table.columns)));
          return;
        }
        const next = await pages.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(rowsText(table.columns, next.value)));
      },
      async cancel() {
        await pages.return?.();
      },
    },
    { highWaterMark: 0 },
  );
}
