import { once } from "node:events";
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { escapeFormula } from "./escape";
import { rowCells, streamOf, type Cell, type Column, type StreamedTable, type Table } from "./table";

export const XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// XML cannot hold most control characters (and DEL reads back empty), and turns a carriage return into a line feed
// when read. Office's own escape for them is _xHHHH_ (ECMA-376 ST_Xstring), so an
// underscore that would read as the start of one is escaped too (_x005F_).
const notInXml = /[^\t\n\x20-\x7E\x80-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const looksEscaped = /_(?=x[0-9A-Fa-f]{4}_)/g;
const hex4 = (c: string) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`;

export function encodeXlsxText(value: string): string {
  return value.replace(looksEscaped, "_x005F_").replace(notInXml, (c) => [...c].map((unit) => hex4(unit)).join(""));
}

const MIN_WIDTH = 8;
const MAX_WIDTH = 60;
const DATE_FORMAT = "yyyy-mm-dd";

function value(cell: Cell, column: Column): string | number | Date | null {
  if (cell == null) return null;
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : null;
  if (column.kind === "date" && /^\d{4}-\d{2}-\d{2}$/.test(cell)) return new Date(`${cell}T00:00:00Z`);
  return encodeXlsxText(escapeFormula(cell));
}

/** Wide enough for the longest line of the column's header and cells (of the first page), within reason. */
function width(column: Column, cells: readonly Cell[]): number {
  // A loop, not Math.max(...cells): a spread of 100,000+ values overflows the stack.
  let longest = 0;
  for (const c of [column.header, ...cells]) {
    if (c == null) continue;
    if (column.kind === "date" && typeof c === "string") longest = Math.max(longest, 10);
    else for (const line of String(c).split("\n")) longest = Math.max(longest, line.length);
  }
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 2));
}

/** A worksheet name Excel accepts: at most 31 characters, none of : \ / ? * [ ]. */
export function sheetName(title: string): string {
  // Cut to length first, then strip the apostrophes Excel refuses at either end (and the
  // spaces they leave), until nothing changes.
  let name = title.replace(/[:\\/?*[\]]/g, " ").replace(/\s+/g, " ").trim().slice(0, 31);
  for (let previous = ""; previous !== name; ) {
    previous = name;
    name = name.replace(/^'+|'+$/g, "").trim();
  }
  return name || "Export";
}

/**
 * The table as an XLSX workbook of one worksheet: the header row bold and frozen (with
 * filters), numbers as numbers, dates as dates, columns sized to their contents (the
 * first page's). Written with ExcelJS's streaming writer as the pages arrive, each row
 * committed as it is added and the next page asked for only once the reader has taken
 * what was written: memory stays at about a page whatever the number of rows (and the
 * shared-strings table, which holds each distinct text once: the scores download repeats
 * a few thousand codes).
 */
export function xlsxStream(table: StreamedTable): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  void writeWorkbook(table, out).catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}

async function writeWorkbook(table: StreamedTable, out: PassThrough): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true });
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(sheetName(table.title), { views: [{ state: "frozen", ySplit: 1 }] });
  if (table.columns.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
  let first = true;
  for await (const page of table.pages) {
    const rows = page.map((row) => rowCells(table, row));
    if (first) {
      first = false;
      startSheet(sheet, table.columns, rows);
    }
    for (const cells of rows) sheet.addRow(cells.map((cell, i) => value(cell, table.columns[i]!))).commit();
    // Let the zip's compression catch up, and wait for the reader, before the next page;
    // a reader that went away (a cancelled download) ends the reading of pages.
    await new Promise((resolve) => setImmediate(resolve));
    while (out.writableNeedDrain && !out.destroyed) await Promise.race([once(out, "drain"), once(out, "close")]);
    if (out.destroyed) return;
  }
  if (first) startSheet(sheet, table.columns, []);
  sheet.commit();
  await workbook.commit();
}

function startSheet(sheet: ExcelJS.Worksheet, columns: readonly Column[], rows: readonly Cell[][]): void {
  sheet.columns = columns.map((c, i) => ({
    key: c.key,
    width: width(c, rows.map((r) => r[i] ?? null)),
    ...(c.kind === "date" ? { style: { numFmt: DATE_FORMAT } } : {}),
  }));
  const header = sheet.addRow(columns.map((c) => encodeXlsxText(escapeFormula(c.header))));
  header.font = { bold: true };
  header.commit();
}

/** The whole workbook in memory: for tables that are small (and for tests). */
export async function toXlsx(table: Table): Promise<Uint8Array> {
  return new Uint8Array(await new Response(xlsxStream(streamOf(table))).arrayBuffer());
}
