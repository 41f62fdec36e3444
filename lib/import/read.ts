import { Readable } from "node:stream";
import { CsvError, parse } from "csv-parse";
import ExcelJS from "exceljs";
import { emptyCell, textCell, type Cell } from "./cells";

// Reading an uploaded file as rows of cells, one at a time (a 100,000-row file never
// becomes 100,000 objects at once). CSV must be UTF-8; XLSX is read from its first sheet.

export interface SourceRow {
  /** The line (CSV) or row number (XLSX) a person sees in their editor or spreadsheet. */
  line: number;
  cells: Cell[];
}

/** The file as a whole cannot be read: wrong encoding, not a spreadsheet, damaged. */
export class FileFormatError extends Error {
  constructor(
    message: string,
    readonly line: number | null = null,
  ) {
    super(message);
    this.name = "FileFormatError";
  }
}

export type FileType = "csv" | "xlsx";

export function detectFileType(bytes: Uint8Array): FileType {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return "xlsx";
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new FileFormatError("This is an Excel 97–2003 workbook (.xls). Save it as an Excel workbook (.xlsx) or as CSV UTF-8, and upload that.");
  }
  return "csv";
}

const CHUNK = 64 * 1024;

/** The bytes as a stream in chunks, telling `onBytes` how far the reader has got. */
function byteStream(bytes: Uint8Array, onBytes?: (read: number) => void): Readable {
  return Readable.from(
    (function* () {
      for (let at = 0; at < bytes.length; at += CHUNK) {
        const chunk = bytes.subarray(at, Math.min(at + CHUNK, bytes.length));
        onBytes?.(at + chunk.length);
        yield Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      }
    })(),
  );
}

/** Refuses anything but UTF-8 text, naming the first line that is not. */
export function checkUtf8(bytes: Uint8Array): void {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new FileFormatError("The file is saved as UTF-16 (“Unicode text”). Save it as “CSV UTF-8 (comma delimited)” and upload it again.", 1);
  }
  const decoder = new TextDecoder("utf-8", { fatal: true });
  try {
    decoder.decode(bytes);
  } catch {
    let line = 1;
    let start = 0;
    for (let i = 0; i <= bytes.length; i++) {
      if (i === bytes.length || bytes[i] === 0x0a) {
        try {
          new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(start, i));
        } catch {
          throw new FileFormatError(
            "The file is not UTF-8 text (it may be saved as “CSV (comma delimited)” in a Windows encoding). Save it as “CSV UTF-8 (comma delimited)” and upload it again.",
            line,
          );
        }
        line++;
        start = i + 1;
      }
    }
  }
  if (bytes.includes(0)) throw new FileFormatError("The file contains binary data, not text. Upload a CSV or an Excel workbook (.xlsx).", 1);
}

/** Byte offsets just past each line break (CRLF, LF or CR), for finding a record's first line. */
function lineBreaks(bytes: Uint8Array): number[] {
  const breaks: number[] = [];
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a) breaks.push(i + 1);
    else if (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a) breaks.push(i + 1);
  }
  return breaks;
}

/** The line (from 1) an offset is on: one more than the breaks at or before it. */
function lineAt(breaks: readonly number[], offset: number): number {
  let low = 0;
  let high = breaks.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (breaks[mid]! <= offset) low = mid + 1;
    else high = mid;
  }
  return low + 1;
}

async function* readCsv(bytes: Uint8Array, onBytes?: (read: number) => void): AsyncGenerator<SourceRow> {
  checkUtf8(bytes);
  const breaks = lineBreaks(bytes);
  const parser = byteStream(bytes, onBytes).pipe(
    parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true, record_delimiter: ["\r\n", "\n", "\r"] }),
  );
  // A record starts where the last one ended, after any empty lines: its first line is
  // the one people look for (a quoted cell may run over several).
  let end = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { bytes: number } }>) {
      let start = end;
      while (bytes[start] === 0x0d || bytes[start] === 0x0a) start++;
      end = info.bytes;
      const cells = record.map(textCell);
      // A line of blanks (or of separators only) is skipped like an empty line.
      if (cells.some((c) => c.kind !== "empty")) yield { line: lineAt(breaks, start), cells };
    }
  } catch (error) {
    if (error instanceof CsvError) {
      const lines = (error as CsvError & { lines?: number }).lines;
      throw new FileFormatError(`The CSV is malformed: ${csvProblem(error.code)}.`, typeof lines === "number" ? lines : null);
    }
    throw error;
  }
}

function csvProblem(code: string): string {
  switch (code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return "a quoted field is never closed (a \" without its partner)";
    case "CSV_INVALID_CLOSING_QUOTE":
    case "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE":
      return "a quote mark is followed by other text in the same field";
    case "INVALID_OPENING_QUOTE":
      return "a quote mark appears inside a field that does not start with one (put the whole field in quotes and double the quote mark)";
    default:
      return `the parser stopped (${code})`;
  }
}

/** XLSX writes characters XML cannot hold as _xHHHH_ (and a literal "_x" as _x005F_x): undone here, as Excel does. */
export function decodeXlsxText(value: string): string {
  return value.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** An ExcelJS cell value as an importer sees it. */
export function xlsxCell(value: ExcelJS.CellValue): Cell {
  if (value == null) return emptyCell;
  if (typeof value === "number") return Number.isFinite(value) ? { kind: "number", value } : emptyCell;
  if (typeof value === "string") return textCell(decodeXlsxText(value));
  if (typeof value === "boolean") return { kind: "text", value: value ? "TRUE" : "FALSE" };
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? emptyCell : { kind: "text", value: value.toISOString().slice(0, 10) };
  if (typeof value === "object") {
    if ("formula" in value || "sharedFormula" in value) {
      const v = value as { formula?: string; sharedFormula?: string };
      return { kind: "formula", formula: v.formula ?? v.sharedFormula ?? "" };
    }
    if ("richText" in value) return textCell(decodeXlsxText(value.richText.map((r) => r.text).join("")));
    if ("text" in value && typeof value.text === "string") return textCell(value.text);
    if ("error" in value) return { kind: "text", value: String(value.error) };
  }
  return textCell(String(value));
}

async function* readXlsx(bytes: Uint8Array, onBytes?: (read: number) => void): AsyncGenerator<SourceRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(byteStream(bytes, onBytes), {
    entries: "emit",
    sharedStrings: "cache",
    hyperlinks: "ignore",
    styles: "cache",
    worksheets: "emit",
  });
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = (row as ExcelJS.Row).values as ExcelJS.CellValue[];
        const cells: Cell[] = [];
        for (let i = 1; i < values.length; i++) cells.push(xlsxCell(values[i]));
        if (cells.some((c) => c.kind !== "empty")) yield { line: (row as ExcelJS.Row).number, cells };
      }
      return; // the first sheet only
    }
  } catch (error) {
    if (error instanceof FileFormatError) throw error;
    throw new FileFormatError("The workbook could not be read: it may be damaged or not really an Excel workbook. Open it in Excel, save it as .xlsx again, and upload that.");
  }
}

/** The rows of a CSV or XLSX file, header row first. */
export function readRows(bytes: Uint8Array, onBytes?: (read: number) => void): AsyncGenerator<SourceRow> {
  return detectFileType(bytes) === "xlsx" ? readXlsx(bytes, onBytes) : readCsv(bytes, onBytes);
}
