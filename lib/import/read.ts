import { Readable } from "node:stream";
import { CsvError, parse, type Options } from "csv-parse";
import { textCell, type Cell } from "./cells";
import { FileFormatError } from "./file-format-error";
import { csvLimits } from "./limits";
import { readXlsxRowsInWorker, type WorkerLane } from "./read-in-worker";

// Reading an uploaded file as rows of cells, one at a time (a 100,000-row file never
// becomes 100,000 objects at once). CSV must be UTF-8; XLSX is read from its first sheet.

export interface SourceRow {
  /** The line (CSV) or row number (XLSX) a person sees in their editor or spreadsheet. */
  line: number;
  cells: Cell[];
}

export { FileFormatError };
export { decodeXlsxText } from "./xlsx-rows";
export { xlsxCell } from "./exceljs-cell";

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

/** The line (from 1) at each offset, for offsets that only move forward: CRLF, LF or CR end a line. */
function lineCounter(bytes: Uint8Array): (offset: number) => number {
  let at = 0;
  let line = 1;
  return (offset) => {
    for (; at < offset && at < bytes.length; at++) {
      if (bytes[at] === 0x0a || (bytes[at] === 0x0d && bytes[at + 1] !== 0x0a)) line++;
    }
    return line;
  };
}

const fmt = (n: number) => n.toLocaleString("en-GB");

/**
 * Refuses a record with more than `csvLimits.maxColumns` columns, naming its line, before
 * the file is parsed: a header of 29 million commas is refused at its 1,025th, never held
 * as a record. Commas inside quotes are not separators; quotes are read as the parser reads
 * them (a doubled quote inside a quoted cell toggles twice), and where a file's quotes are
 * malformed the parser refuses it at that point, before any record past it.
 */
function checkColumns(bytes: Uint8Array): void {
  let line = 1;
  let columns = 1;
  let quoted = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x22) quoted = !quoted;
    else if (b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a)) {
      line++;
      if (!quoted) columns = 1;
    } else if (b === 0x2c && !quoted && ++columns > csvLimits.maxColumns) {
      throw new FileFormatError(`The CSV has more than ${fmt(csvLimits.maxColumns)} columns on line ${fmt(line)}, the limit.`, line);
    }
  }
}

async function* readCsv(bytes: Uint8Array, onBytes?: (read: number) => void): AsyncGenerator<SourceRow> {
  checkUtf8(bytes);
  // Counted before parsing (a scan of the bytes): a file of millions of blank lines is
  // refused at once instead of keeping the server parsing them.
  const lastLine = lineCounter(bytes)(bytes.length);
  if (lastLine > csvLimits.maxLines + 1) {
    throw new FileFormatError(`The CSV has more than ${fmt(csvLimits.maxLines)} lines, the limit (as in Excel): split it into smaller files.`, csvLimits.maxLines + 1);
  }
  checkColumns(bytes);
  const lineAt = lineCounter(bytes);
  // A record starts where the last one ended, after any empty lines: its first line is
  // the one people look for (a quoted cell may run over several). Records are turned into
  // rows, and blank ones dropped, inside the parser: a file of blank lines costs no more
  // than its parsing. The parser passes each record's byte offset to on_record itself; its
  // `info` and `cast` options would build objects for every record and every field, which
  // made a 300,000-row file take several times as long to read (docs/fuzzing.md).
  let end = 0;
  const toRow = (record: string[], info: { bytes: number }): SourceRow | null => {
    let start = end;
    while (bytes[start] === 0x0d || bytes[start] === 0x0a) start++;
    end = info.bytes;
    const line = lineAt(start);
    for (const value of record) {
      if (value.length > csvLimits.maxCellChars) {
        throw new FileFormatError(`A cell on line ${fmt(line)} has more than ${fmt(csvLimits.maxCellChars)} characters, the limit (as in Excel).`, line);
      }
    }
    const cells = record.map(textCell);
    // A line of blanks (or of separators only) is skipped like an empty line.
    return cells.some((c) => c.kind !== "empty") ? { line, cells } : null;
  };
  const options: Options = {
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    record_delimiter: ["\r\n", "\n", "\r"],
    max_record_size: csvLimits.maxRecordChars,
    on_record: toRow as unknown as NonNullable<Options["on_record"]>,
  };
  const parser = byteStream(bytes, onBytes).pipe(parse(options));
  try {
    for await (const row of parser as AsyncIterable<SourceRow>) yield row;
  } catch (error) {
    if (error instanceof FileFormatError) throw error;
    if (error instanceof CsvError) {
      const lines = (error as CsvError & { lines?: number }).lines;
      throw new FileFormatError(`The CSV is malformed: ${csvProblem(error.code)}.`, typeof lines === "number" ? lines : null);
    }
    throw new FileFormatError("The CSV could not be read. Save it as “CSV UTF-8 (comma delimited)” and upload it again.");
  } finally {
    parser.destroy();
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
    case "CSV_MAX_RECORD_SIZE":
      return `a line holds more than ${fmt(csvLimits.maxRecordChars)} characters, the limit`;
    default:
      return `the parser stopped (${code})`;
  }
}

/**
 * The rows of a CSV or XLSX file, header row first. XLSX is read in a worker thread
 * (read-in-worker.ts); `lane` "transaction" when the caller reads inside a database transaction.
 */
export function readRows(bytes: Uint8Array, onBytes?: (read: number) => void, lane: WorkerLane = "shared"): AsyncGenerator<SourceRow> {
  return detectFileType(bytes) === "xlsx" ? readXlsxRowsInWorker(bytes, onBytes, lane) : readCsv(bytes, onBytes);
}
