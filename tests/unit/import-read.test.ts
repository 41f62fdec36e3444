import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stripControlCharacters } from "@/lib/control-characters";
import { toCsv } from "@/lib/export/csv";
import { text, type Table } from "@/lib/export/table";
import { toXlsx } from "@/lib/export/xlsx";
import { cellText, scoreCell, textCell } from "@/lib/import/cells";
import { readHeader } from "@/lib/import/header";
import { importFormats } from "@/lib/import/formats";
import { FileFormatError, readRows, xlsxCell, type SourceRow } from "@/lib/import/read";
import { writeWorkbook } from "../fuzz/xlsx";
import { dmiScale } from "../support/scales";

async function all(bytes: Uint8Array): Promise<SourceRow[]> {
  const rows: SourceRow[] = [];
  for await (const row of readRows(bytes)) rows.push(row);
  return rows;
}

// Text a person could type in a cell: any character but NUL (a binary file's mark), and not
// the one ambiguous case — text that itself starts with an apostrophe before = + - @.
const cellString = fc.string({ unit: "binary", maxLength: 12 }).filter((s) => !s.includes("\u0000") && !/^\s*'[=+\-@\t\r]/.test(stripControlCharacters(s)));
const tableOf = (rows: string[][], columns: number): Table => ({
  title: "Sheet",
  columns: Array.from({ length: columns }, (_, i) => text(`c${i}`, `Column ${i}`)),
  rows: rows.map((r) => Object.fromEntries(r.map((v, i) => [`c${i}`, v]))),
});
/** What the importer should read back from a cell: the text without control characters, trimmed; blank is empty. */
const expected = (value: string) => stripControlCharacters(value).trim();
const readBack = (row: SourceRow, columns: number) => Array.from({ length: columns }, (_, i) => (row.cells[i] ? cellText(row.cells[i]!) : ""));

describe("reading files", () => {
  it("reads back what an export wrote, CSV and XLSX, including text a spreadsheet would run", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }).chain((columns) => fc.tuple(fc.constant(columns), fc.array(fc.array(cellString, { minLength: columns, maxLength: columns }), { minLength: 1, maxLength: 6 }))),
        fc.constantFrom("csv", "xlsx"),
        async ([columns, rows], format) => {
          const table = tableOf(rows, columns);
          const bytes = format === "csv" ? new TextEncoder().encode(toCsv(table)) : await toXlsx(table);
          const read = await all(bytes);
          // Rows with every cell blank are skipped, as blank lines are.
          const kept = rows.filter((r) => r.some((v) => expected(v) !== ""));
          expect(read.slice(1).map((r) => readBack(r, columns))).toEqual(kept.map((r) => r.map(expected)));
        },
      ),
      { numRuns: 60 },
    );
  });

  it("either reads rows or says what is wrong with the file: never another error", async () => {
    let refused = 0;
    let read = 0;
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), fc.constantFrom("", "PK\u0003\u0004", "a,b\n", '"'), async (noise, prefix) => {
        const bytes = new Uint8Array([...new TextEncoder().encode(prefix), ...noise]);
        try {
          await all(bytes);
          read++;
        } catch (error) {
          expect(error).toBeInstanceOf(FileFormatError);
          refused++;
        }
      }),
      { numRuns: 200 },
    );
    // Both outcomes were reached.
    expect(refused).toBeGreaterThan(10);
    expect(read).toBeGreaterThan(10);
  });

  it("names the line of a bad byte, refuses UTF-16 and old .xls workbooks", async () => {
    const latin1 = new Uint8Array([...new TextEncoder().encode("a,b\nc,d\n"), 0x45, 0xe9, 0x0a]);
    await expect(all(latin1)).rejects.toMatchObject({ line: 3, message: expect.stringMatching(/not UTF-8/) });
    await expect(all(new Uint8Array([0xff, 0xfe, 0x61, 0x00]))).rejects.toThrow(/UTF-16/);
    await expect(all(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]))).rejects.toThrow(/\.xls/);
    await expect(all(new TextEncoder().encode('a,"b\nc'))).rejects.toThrow(/quoted field is never closed/);
  });

  it("numbers each record by the line it starts on, whatever the line ends and cells over several lines", async () => {
    const lines = async (text: string) => (await all(new TextEncoder().encode(text))).map((r) => r.line);
    expect(await lines('a,b\r\n"x\r\ny",1\r\nz,2\r\n')).toEqual([1, 2, 4]);
    expect(await lines('\uFEFFa,b\n\n"x\ny\nw",1\n\nz,2')).toEqual([1, 3, 7]);
    expect(await lines("a,b\rc,d\r\ne,f\n")).toEqual([1, 2, 3]);
  });

  it("reads formulas in a workbook as formulas, never as their cached value", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("s");
    sheet.addRow(["score"]);
    sheet.addRow([{ formula: "40+2", result: 42 }]);
    const [, row] = await all(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(row!.cells[0]).toEqual({ kind: "formula", formula: "40+2" });
    expect(scoreCell(row!.cells[0]!, { label: "the score", scale: dmiScale })).toEqual({ ok: false, message: "The score is a formula (=40+2): enter the number itself" });
  });
});

describe("text Excel escapes (_xHHHH_)", () => {
  // Excel writes a NUL as _x0000_, and a literal "_x0041_" typed in a cell as _x005F_x0041_
  // (an escaped underscore): undone once, the cell reads as typed; twice, as "A".
  const typed = ["_x0041_", "a_x0000_b", "_x005F_", "plain"];
  const workbook = () => writeWorkbook([{ rows: [typed.map((t) => ({ t: "s" as const, text: t })), typed.map((t) => ({ t: "inline" as const, text: t }))] }]);

  it("the sheet reader gives back what was typed, once decoded", async () => {
    const rows = await all(workbook());
    expect(rows.map((r) => r.cells.map(cellText))).toEqual([typed, typed]);
  });

  it("NHS England's workbook (read whole with ExcelJS) gives back what was typed in Excel: ExcelJS decodes its shared strings, xlsxCell not again", async () => {
    // Excel writes every text as a shared string; ExcelJS leaves inline strings (other
    // tools') undecoded, so their escapes stay as text: never decoded twice either way.
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(workbook()) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const read = [1, 2].map((line) => typed.map((_, c) => cellText(xlsxCell(sheet.getRow(line).getCell(c + 1).value))));
    expect(read[0]).toEqual(typed);
    expect(read[1]).toEqual(["_x005F_x0041_", "a_x005F_x0000_b", "_x005F_x005F_", "plain"]);
  });
});

describe("cells and headers", () => {
  it("accepts whole numbers in range, with a %, and refuses the rest with a reason", () => {
    const range = { label: "the score", scale: dmiScale };
    expect(scoreCell(textCell("65"), range)).toEqual({ ok: true, value: 65 });
    expect(scoreCell(textCell(" 65% "), range)).toEqual({ ok: true, value: 65 });
    expect(scoreCell({ kind: "number", value: 100 }, range)).toEqual({ ok: true, value: 100 });
    expect(scoreCell(textCell("101"), range)).toEqual({ ok: false, message: "The score must be from 0 to 100 (not 101)" });
    expect(scoreCell(textCell("-1"), range)).toEqual({ ok: false, message: "The score must be from 0 to 100 (not -1)" });
    expect(scoreCell(textCell("6.5"), range)).toEqual({ ok: false, message: "The score must be a whole number (not 6.5)" });
    expect(scoreCell(textCell("+5"), range)).toMatchObject({ ok: false, message: expect.stringMatching(/looks like a formula/) });
    expect(scoreCell(textCell("@SUM(A1)"), range)).toMatchObject({ ok: false, message: expect.stringMatching(/looks like a formula/) });
    expect(scoreCell(textCell("sixty"), range)).toMatchObject({ ok: false, message: expect.stringMatching(/must be a number/) });
    expect(scoreCell(textCell(""), range)).toEqual({ ok: false, message: "Enter the score" });
    // An exported "'=1" is the text "=1" again, which is still not a number.
    expect(textCell("'=1")).toEqual({ kind: "text", value: "=1" });
  });

  it("matches header names loosely and names what is missing, unknown or repeated", () => {
    const columns = importFormats.scores.columns;
    const ok = readHeader(["Score", "DOMAIN", "Period", "framework", "ODS code"].map(textCell), columns);
    expect(ok.ok && [...ok.positions.entries()]).toEqual([
      ["score", 0],
      ["domain", 1],
      ["period", 2],
      ["framework", 3],
      ["ods_code", 4],
    ]);
    const bad = readHeader(["ods_code", "framework", "period", "score", "score", "notes"].map(textCell), columns);
    expect(bad.ok ? [] : bad.errors.map((e) => [e.column, e.message.split(":")[0]])).toEqual([
      ["score", "The column score appears twice in the header"],
      ["notes", "Unknown column “notes”"],
      ["domain", "Missing column domain"],
    ]);
  });
});
