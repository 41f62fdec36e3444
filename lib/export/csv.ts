import { escapeFormula } from "./escape";
import { rowCells, type Cell, type Table } from "./table";

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

/** The table as CSV text: a header row, then one record per row, each ended by CRLF. */
export function toCsv(table: Table): string {
  const lines = [table.columns.map((c) => field(c.header)), ...table.rows.map((row) => rowCells(table, row).map(field))];
  // A record of one empty field is written "" so that it is not read as a blank line.
  return BOM + lines.map((cells) => (cells.length === 1 && cells[0] === "" ? '""' : cells.join(",")) + CRLF).join("");
}
