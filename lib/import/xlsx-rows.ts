import { SaxesParser, type SaxesTagPlain } from "saxes";
import { emptyCell, textCell, type Cell } from "./cells";
import { FileFormatError } from "./file-format-error";
import { sheetLimits, zipLimits } from "./limits";
import { readZipDirectory, UnpackBudget, unpackEntry, type ZipEntry, type ZipLimits } from "./zip-guard";

// The first sheet of a workbook, read straight from its parts: the zip is checked first
// (zip-guard.ts), each part is unpacked as it is read and counted, and every count that can
// grow with the file (shared strings, rows, columns, characters in a cell) has a limit
// (limits.ts). Nothing is written to disk, so nothing is left behind when reading stops early.
// Runs in a worker thread (read-worker.ts): a file that still costs too much ends only it.

export interface SheetRow {
  line: number;
  cells: Cell[];
}

const fmt = (n: number) => n.toLocaleString("en-GB");

const damaged = (why: string) =>
  new FileFormatError(`The workbook could not be read (${why}). Open it in Excel, save it as an Excel workbook (.xlsx) again, and upload that.`);

/** XLSX writes characters XML cannot hold as _xHHHH_ (and a literal "_x" as _x005F_x): undone here, as Excel does. */
export function decodeXlsxText(value: string): string {
  return value.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

type Handlers = {
  open?: (tag: SaxesTagPlain) => void;
  text?: (text: string) => void;
  close?: (tag: SaxesTagPlain) => void;
};

/** Runs an XML part through saxes (no DTDs, no entity expansion) as it is unpacked. */
async function* parseXml(chunks: AsyncIterable<Buffer>, handlers: Handlers, name: string): AsyncGenerator<void> {
  const parser = new SaxesParser();
  let failure: Error | null = null;
  parser.on("error", (error) => {
    failure ??= error;
  });
  if (handlers.open) parser.on("opentag", handlers.open);
  if (handlers.text) parser.on("text", handlers.text);
  if (handlers.close) parser.on("closetag", handlers.close);
  const decoder = new TextDecoder("utf-8");
  try {
    for await (const chunk of chunks) {
      parser.write(decoder.decode(chunk, { stream: true }));
      if (failure) break;
      yield;
    }
    if (!failure) parser.write(decoder.decode()).close();
  } catch (error) {
    // A limit, thrown from a handler, passes through as it is.
    if (error instanceof FileFormatError) throw error;
    throw damaged(`its part “${name}” is not well-formed XML`);
  }
  if (failure) throw damaged(`its part “${name}” is not well-formed XML`);
}

async function drain(parse: AsyncGenerator<void>): Promise<void> {
  for await (const _ of parse);
}

const localName = (name: string) => name.slice(name.indexOf(":") + 1);
const attr = (tag: SaxesTagPlain, name: string): string | undefined => {
  for (const [key, value] of Object.entries(tag.attributes)) if (localName(key) === name) return value;
  return undefined;
};

interface Relationship {
  type: string;
  target: string;
}

/** A part's path from a relationship target: relative to the part's folder, or from the root. */
const resolveTarget = (folder: string, target: string) => {
  const parts = (target.startsWith("/") ? target.slice(1) : `${folder}${target}`).split("/");
  const resolved: string[] = [];
  for (const p of parts) {
    if (p === "..") resolved.pop();
    else if (p !== "." && p !== "") resolved.push(p);
  }
  return resolved.join("/");
};
const folderOf = (path: string) => path.slice(0, path.lastIndexOf("/") + 1);
const relsOf = (path: string) => `${folderOf(path)}_rels/${path.slice(path.lastIndexOf("/") + 1)}.rels`;

class Workbook {
  private readonly entries: Map<string, ZipEntry>;
  private readonly budget: UnpackBudget;
  constructor(
    private readonly bytes: Uint8Array,
    limits: ZipLimits,
  ) {
    this.entries = new Map(readZipDirectory(bytes, limits).map((e) => [e.name, e]));
    this.budget = new UnpackBudget(limits);
  }

  entry(path: string): ZipEntry | undefined {
    return this.entries.get(path);
  }

  unpack(entry: ZipEntry): AsyncGenerator<Buffer> {
    return unpackEntry(this.bytes, entry, this.budget);
  }

  async relationships(path: string): Promise<Map<string, Relationship>> {
    const rels = new Map<string, Relationship>();
    const entry = this.entry(relsOf(path));
    if (!entry) return rels;
    await drain(
      parseXml(
        this.unpack(entry),
        {
          open: (tag) => {
            if (localName(tag.name) !== "Relationship") return;
            if (rels.size >= zipLimits.maxEntries) throw damaged(`its part “${entry.name}” lists too many relationships`);
            const id = attr(tag, "Id");
            if (id) rels.set(id, { type: attr(tag, "Type") ?? "", target: resolveTarget(folderOf(path), attr(tag, "Target") ?? "") });
          },
        },
        entry.name,
      ),
    );
    return rels;
  }
}

const builtInDateFormats = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);
/** A number format that shows a date or time: letters y m d h s outside quotes and [colour] brackets. */
const isDateFormatCode = (code: string) => /[ymdhsb]/i.test(code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));

/** For each cell style (the `s` of a cell), whether its number is shown as a date. */
async function dateStyles(book: Workbook, stylesPath: string | undefined): Promise<boolean[]> {
  const entry = stylesPath ? book.entry(stylesPath) : undefined;
  if (!entry) return [];
  const custom = new Map<number, string>();
  const styles: boolean[] = [];
  const styleIds: number[] = [];
  let inCellXfs = false;
  await drain(
    parseXml(
      book.unpack(entry),
      {
        open: (tag) => {
          const name = localName(tag.name);
          if (name === "numFmt") custom.set(Number(attr(tag, "numFmtId")), attr(tag, "formatCode") ?? "");
          else if (name === "cellXfs") inCellXfs = true;
          else if (name === "xf" && inCellXfs) {
            // Excel's own limit is 64,000 styles.
            if (styleIds.length >= 65_536) throw damaged("it has more cell styles than Excel allows");
            styleIds.push(Number(attr(tag, "numFmtId") ?? 0));
          }
        },
        close: (tag) => {
          if (localName(tag.name) === "cellXfs") inCellXfs = false;
        },
      },
      entry.name,
    ),
  );
  for (const id of styleIds) {
    const code = custom.get(id);
    styles.push(code !== undefined ? isDateFormatCode(code) : builtInDateFormats.has(id));
  }
  return styles;
}

/** The shared-strings table, counted: entries, characters in all, characters in one. */
async function sharedStrings(book: Workbook, path: string | undefined): Promise<string[]> {
  const entry = path ? book.entry(path) : undefined;
  if (!entry) return [];
  const strings: string[] = [];
  let chars = 0;
  let current: string[] | null = null;
  let currentLength = 0;
  let inText = false;
  let phonetic = 0;
  await drain(
    parseXml(
      book.unpack(entry),
      {
        open: (tag) => {
          const name = localName(tag.name);
          if (name === "si") {
            if (strings.length >= sheetLimits.maxSharedStrings) {
              throw new FileFormatError(`The workbook has more than ${fmt(sheetLimits.maxSharedStrings)} different texts, the limit: split it into smaller files.`);
            }
            current = [];
            currentLength = 0;
          } else if (name === "rPh") phonetic++;
          else if (name === "t" && current && phonetic === 0) inText = true;
        },
        text: (text) => {
          if (!inText || !current) return;
          currentLength += text.length;
          chars += text.length;
          if (currentLength > sheetLimits.maxCellChars) {
            throw new FileFormatError(`A text in the workbook has more than ${fmt(sheetLimits.maxCellChars)} characters, more than an Excel cell can hold.`);
          }
          if (chars > sheetLimits.maxSharedStringChars) {
            throw new FileFormatError(`The workbook's texts have more than ${fmt(sheetLimits.maxSharedStringChars)} characters in all, the limit: split it into smaller files.`);
          }
          current.push(text);
        },
        close: (tag) => {
          const name = localName(tag.name);
          if (name === "t") inText = false;
          else if (name === "rPh") phonetic--;
          else if (name === "si" && current) {
            strings.push(current.join(""));
            current = null;
          }
        },
      },
      entry.name,
    ),
  );
  return strings;
}

/** Column number (from 1) of a reference like "AB12"; 0 when it has none. */
function columnOf(ref: string): number {
  let column = 0;
  for (let i = 0; i < ref.length && i < 4; i++) {
    const code = ref.charCodeAt(i);
    if (code >= 65 && code <= 90) column = column * 26 + code - 64;
    else if (code >= 97 && code <= 122) column = column * 26 + code - 96;
    else break;
  }
  return column;
}

/** Excel's serial day number as an ISO date (what the importer reads from a date cell). */
function serialDate(serial: number, date1904: boolean): Cell {
  const date = new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
  return Number.isNaN(date.getTime()) ? emptyCell : { kind: "text", value: date.toISOString().slice(0, 10) };
}

interface FirstSheet {
  path: string;
  sharedStringsPath: string | undefined;
  stylesPath: string | undefined;
  date1904: boolean;
}

/** The workbook part, and from it the first sheet (the first tab) and its shared parts. */
async function findFirstSheet(book: Workbook): Promise<FirstSheet> {
  const root = await book.relationships("");
  const workbookPath = [...root.values()].find((r) => r.type.endsWith("/officeDocument"))?.target ?? "xl/workbook.xml";
  const workbookEntry = book.entry(workbookPath);
  if (!workbookEntry) throw damaged("it has no workbook part");
  const rels = await book.relationships(workbookPath);
  let firstSheetId: string | undefined;
  let date1904 = false;
  await drain(
    parseXml(
      book.unpack(workbookEntry),
      {
        open: (tag) => {
          const name = localName(tag.name);
          if (name === "workbookPr") date1904 = ["1", "true"].includes(attr(tag, "date1904") ?? "");
          else if (name === "sheet") firstSheetId ??= attr(tag, "id");
        },
      },
      workbookEntry.name,
    ),
  );
  const sheet = firstSheetId ? rels.get(firstSheetId) : undefined;
  if (!sheet || !book.entry(sheet.target)) throw damaged("it has no sheet");
  const byType = (type: string) => [...rels.values()].find((r) => r.type.endsWith(`/${type}`))?.target;
  return { path: sheet.target, sharedStringsPath: byType("sharedStrings"), stylesPath: byType("styles"), date1904 };
}

/**
 * The rows of the workbook's first sheet that hold anything, with their row numbers.
 * `onProgress` is told how much of the sheet has been read, from 0 to 1.
 */
export async function* readXlsxRows(bytes: Uint8Array, onProgress?: (fraction: number) => void): AsyncGenerator<SheetRow> {
  const book = new Workbook(bytes, zipLimits);
  const first = await findFirstSheet(book);
  const strings = await sharedStrings(book, first.sharedStringsPath);
  const dates = await dateStyles(book, first.stylesPath);
  const sheet = book.entry(first.path)!;

  const ready: SheetRow[] = [];
  let rowElements = 0;
  let line = 0;
  let cells: Cell[] | null = null;
  // The cell being read: its column, type, style, and the text of its value or formula.
  let column = 0;
  let type = "";
  let style = 0;
  let value: string[] | null = null;
  let formula: string[] | null = null;
  let target: string[] | null = null;
  let targetLength = 0;
  let inInline = false;
  let phonetic = 0;

  const limitCell = () => {
    throw new FileFormatError(`A cell in row ${fmt(line)} has more than ${fmt(sheetLimits.maxCellChars)} characters, more than an Excel cell can hold.`, line);
  };
  const cellValue = (): Cell => {
    if (formula) return { kind: "formula", formula: formula.join("") };
    if (!value) return emptyCell;
    const text = value.join("");
    switch (type) {
      case "s": {
        const found = strings[Number(text)];
        return found === undefined ? emptyCell : textCell(decodeXlsxText(found));
      }
      case "inlineStr":
      case "str":
        return textCell(decodeXlsxText(text));
      case "b":
        return { kind: "text", value: Number(text) !== 0 ? "TRUE" : "FALSE" };
      case "e":
        return textCell(text);
      case "d":
        return textCell(text.slice(0, 10));
      default: {
        if (text.trim() === "") return emptyCell;
        const number = Number(text);
        if (!Number.isFinite(number)) return emptyCell;
        return dates[style] ? serialDate(number, first.date1904) : { kind: "number", value: number };
      }
    }
  };

  let unpacked = 0;
  const counted = async function* () {
    for await (const chunk of book.unpack(sheet)) {
      unpacked += chunk.length;
      onProgress?.(unpacked / Math.max(1, sheet.uncompressedSize));
      yield chunk;
    }
  };
  const parse = parseXml(
    counted(),
    {
      open: (tag) => {
        switch (localName(tag.name)) {
          case "row": {
            rowElements++;
            if (rowElements > sheetLimits.maxRows) throw new FileFormatError(`The sheet has more than ${fmt(sheetLimits.maxRows)} rows, the most Excel allows.`);
            const r = Number(attr(tag, "r") ?? line + 1);
            line = Number.isInteger(r) && r > 0 ? r : line + 1;
            if (line > sheetLimits.maxRows) throw new FileFormatError(`The sheet has a row numbered ${fmt(line)}, past the ${fmt(sheetLimits.maxRows)} rows Excel allows.`);
            cells = [];
            column = 0;
            break;
          }
          case "c": {
            if (!cells) break;
            const ref = attr(tag, "r");
            column = ref ? columnOf(ref) || column + 1 : column + 1;
            type = attr(tag, "t") ?? "n";
            style = Number(attr(tag, "s") ?? 0);
            value = formula = target = null;
            targetLength = 0;
            break;
          }
          case "v":
            if (cells && !inInline) target = value = [];
            break;
          case "f":
            if (cells) target = formula = [];
            break;
          case "is":
            if (cells) {
              inInline = true;
              value = [];
            }
            break;
          case "rPh":
            phonetic++;
            break;
          case "t":
            if (inInline && phonetic === 0) target = value;
            break;
        }
      },
      text: (text) => {
        if (!target) return;
        targetLength += text.length;
        if (targetLength > sheetLimits.maxCellChars) limitCell();
        target.push(text);
      },
      close: (tag) => {
        switch (localName(tag.name)) {
          case "v":
          case "f":
          case "t":
            target = null;
            break;
          case "is":
            inInline = false;
            break;
          case "rPh":
            phonetic--;
            break;
          case "c": {
            if (!cells) break;
            const cell = cellValue();
            if (cell.kind !== "empty") {
              if (column > sheetLimits.maxColumns) {
                throw new FileFormatError(`Row ${fmt(line)} has a value in column ${fmt(column)}, past the limit of ${fmt(sheetLimits.maxColumns)} columns.`, line);
              }
              while (cells.length < column - 1) cells.push(emptyCell);
              cells[column - 1] = cell;
            }
            value = formula = target = null;
            break;
          }
          case "row":
            if (cells && cells.some((c) => c.kind !== "empty")) ready.push({ line, cells });
            cells = null;
            break;
        }
      },
    },
    sheet.name,
  );

  for await (const _ of parse) {
    for (const row of ready.splice(0)) yield row;
  }
  for (const row of ready.splice(0)) yield row;
}
