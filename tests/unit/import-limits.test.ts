import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { looksLikeDmaWorkbook } from "@/lib/dma/workbook";
import { csvLimits, dmaZipLimits, sheetLimits, zipLimits } from "@/lib/import/limits";
import { FileFormatError, readRows, type SourceRow } from "@/lib/import/read";
import { runInWorker, tooComplex } from "@/lib/import/read-in-worker";
import { readZipDirectory } from "@/lib/import/zip-guard";
import { repeatedDeflate, sheetHead, sheetTail, sheetXml, stringsHead, stringsTail, workbookOf, zipOf } from "../support/zip-files";

// A test per way an upload could take the server down (issue 17): each file here was read,
// or half-read at great cost, before the limits in lib/import/limits.ts.

async function all(bytes: Uint8Array): Promise<SourceRow[]> {
  const rows: SourceRow[] = [];
  for await (const row of readRows(bytes)) rows.push(row);
  return rows;
}

/** The FileFormatError reading the file ends with (failing the test if it reads, or fails otherwise). */
async function refusal(bytes: Uint8Array): Promise<FileFormatError> {
  try {
    await all(bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(FileFormatError);
    return error as FileFormatError;
  }
  throw new Error("the file was read without error");
}

/** Letters that do not pack well, so that a repeated chunk keeps an ordinary packing ratio. */
const noise = (length: number) => Array.from(randomBytes(length), (b) => String.fromCharCode(97 + (b % 26))).join("");
const shipped = new Uint8Array(readFileSync("data/reference/dma/NHSE_DMA_2025_Results_Data_File_v2.xlsx"));
const MiB = 1024 * 1024;

describe("the zip archive, checked before anything is unpacked", () => {
  it("accepts NHS England's 2025 workbook and the app's own export, well inside every limit", async () => {
    const real = readZipDirectory(shipped, zipLimits);
    expect(real).toHaveLength(50);
    expect(real.reduce((n, e) => n + e.uncompressedSize, 0)).toBeLessThan(zipLimits.maxTotalBytes / 100);
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("s").addRow(["a", 1]);
    expect(readZipDirectory(new Uint8Array(await workbook.xlsx.writeBuffer()), zipLimits).length).toBeGreaterThan(5);
  });

  it("refuses the 3.8 MB shared-strings bomb (1.5 GB unpacked) from its table of contents, unpacking nothing", async () => {
    const chunk = "<si><t>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</t></si>".repeat(16_384); // 1 MiB
    const packed = repeatedDeflate(chunk, 1536, stringsHead, stringsTail);
    const size = stringsHead.length + chunk.length * 1536 + stringsTail.length;
    const bomb = workbookOf({ sheet: sheetXml(`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`), strings: { name: "", packed, size } });
    expect(bomb.length).toBeLessThan(5 * MiB);
    const error = await refusal(bomb);
    expect(error.message).toMatch(/Part “xl\/sharedStrings\.xml” of the workbook unpacks to 1,536 MB, over the limit of 200 MB for one part/);
  });

  it("refuses a part whose table of contents says it is small but which unpacks to far more (a liar)", async () => {
    const chunk = `<row r="1"><c r="A1" t="inlineStr"><is><t>${"x".repeat(1000)}</t></is></c></row>`;
    const packed = repeatedDeflate(chunk, 100_000, sheetHead, sheetTail); // ~100 MB
    const liar = workbookOf({ sheet: { name: "", packed, declaredSize: 5_000, crc: 0 } });
    const error = await refusal(liar);
    expect(error.message).toMatch(/part “xl\/worksheets\/sheet1\.xml” unpacks to more than the 5,000 bytes it declares/);
  });

  it("refuses a part packed far more tightly than any spreadsheet (a ratio bomb)", async () => {
    const chunk = "<row/>".repeat(10_000);
    const packed = repeatedDeflate(chunk, 500, sheetHead, sheetTail); // 30 MB of the same bytes
    const size = sheetHead.length + chunk.length * 500 + sheetTail.length;
    const error = await refusal(workbookOf({ sheet: { name: "", packed, size } }));
    expect(error.message).toMatch(/Part “xl\/worksheets\/sheet1\.xml” of the workbook is packed [\d,]+ times smaller than it unpacks to, over the limit of 150 times/);
  });

  it("refuses an archive of too many parts", async () => {
    const parts = Array.from({ length: zipLimits.maxEntries + 1 }, (_, i) => ({ name: `x/${i}.xml`, data: "<a/>" }));
    const error = await refusal(zipOf(parts));
    expect(error.message).toMatch(/has 2,001 parts, over the limit of 2,000/);
  });

  it("refuses encrypted parts, headers that disagree, parts named twice and a cut-off archive as damaged", async () => {
    const sheet = { name: "xl/worksheets/sheet1.xml", data: sheetXml("") };
    expect(() => readZipDirectory(zipOf([{ ...sheet, flags: 1 }]), zipLimits)).toThrow(/encrypted/);
    expect(() => readZipDirectory(zipOf([{ ...sheet, localName: "xl/worksheets/sheet2.xml" }]), zipLimits)).toThrow(/does not match the archive's table of contents/);
    expect(() => readZipDirectory(zipOf([sheet, sheet]), zipLimits)).toThrow(/appears twice/);
    const whole = zipOf([sheet]);
    expect(() => readZipDirectory(whole.subarray(0, whole.length - 5), zipLimits)).toThrow(/incomplete/);
    // A checksum that does not match is found while unpacking.
    const error = await refusal(workbookOf({ sheet: { name: "", data: sheetXml(""), crc: 12345 } }));
    expect(error.message).toMatch(/fails its checksum/);
  });
});

describe("the sheet, counted while it is read", () => {
  it("refuses a sheet of 10 million empty <row/> elements quickly, at Excel's row limit", async () => {
    // 166,667 empty rows and some text that does not pack (so the ratio passes), 60 times.
    const chunk = "<row/>".repeat(166_667) + `<!--${noise(16_384)}-->`;
    const packed = repeatedDeflate(chunk, 60, sheetHead, sheetTail);
    const size = sheetHead.length + chunk.length * 60 + sheetTail.length;
    const started = Date.now();
    const error = await refusal(workbookOf({ sheet: { name: "", packed, size } }));
    expect(error.message).toBe(`The sheet has more than ${sheetLimits.maxRows.toLocaleString("en-GB")} rows, the most Excel allows.`);
    // A bound against hangs, not a speed check: it stops after an eighth of the rows.
    expect(Date.now() - started).toBeLessThan(60_000);
  });

  it("refuses more shared strings than the limit", async () => {
    const chunk = "<si><t>x</t></si>".repeat(60_000) + `<!--${noise(16_384)}-->`;
    const packed = repeatedDeflate(chunk, 18, stringsHead, stringsTail);
    const size = stringsHead.length + chunk.length * 18 + stringsTail.length;
    const error = await refusal(workbookOf({ sheet: sheetXml(""), strings: { name: "", packed, size } }));
    expect(error.message).toMatch(/more than 1,000,000 different texts, the limit/);
  });

  it("refuses shared strings with more characters in all than the limit", async () => {
    const chunk = `<si><t>${"a".repeat(30_000)}</t></si>`.repeat(30) + `<!--${noise(16_384)}-->`;
    const packed = repeatedDeflate(chunk, 40, stringsHead, stringsTail);
    const size = stringsHead.length + chunk.length * 40 + stringsTail.length;
    const error = await refusal(workbookOf({ sheet: sheetXml(""), strings: { name: "", packed, size } }));
    expect(error.message).toMatch(/texts have more than 33,554,432 characters in all/);
  });

  it("refuses a value past the column limit and a cell longer than Excel allows, naming the row", async () => {
    const wide = await refusal(workbookOf({ sheet: sheetXml(`<row r="3"><c r="AMK3" t="inlineStr"><is><t>x</t></is></c></row>`) }));
    expect(wide).toMatchObject({ line: 3, message: "Row 3 has a value in column 1,025, past the limit of 1,024 columns." });
    const long = await refusal(workbookOf({ sheet: sheetXml(`<row r="7"><c r="A7" t="inlineStr"><is><t>${"y".repeat(sheetLimits.maxCellChars + 1)}</t></is></c></row>`) }));
    expect(long).toMatchObject({ line: 7, message: expect.stringMatching(/A cell in row 7 has more than 32,767 characters/) });
    // Empty (styled) cells far to the right cost nothing and are not values.
    const rows = await all(workbookOf({ sheet: sheetXml(`<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="XFD1" s="0"/></row>`) }));
    expect(rows).toEqual([{ line: 1, cells: [{ kind: "text", value: "a" }] }]);
  });

  it("ends only the worker when a workbook still needs too much memory, with a clear error", async () => {
    // NHS England's workbook is opened whole with ExcelJS: 240,000 numbers pass the
    // archive's limits, and a worker given 32 MB (the real one has 384) runs out opening them.
    const row = (r: number) => `<row r="${r}">${Array.from({ length: 20 }, (_, c) => `<c r="${String.fromCharCode(65 + c)}${r}"><v>${r + c}</v></c>`).join("")}</row>`;
    const bytes = workbookOf({ sheet: sheetXml(Array.from({ length: 12_000 }, (_, i) => row(i + 1)).join("")) });
    readZipDirectory(bytes, dmaZipLimits);
    const small = { maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 8 };
    const before = process.memoryUsage().rss;
    await expect(runInWorker("dma-read", bytes, small)).rejects.toEqual(new FileFormatError(tooComplex));
    // The server's own memory did not take the workbook's cost, and it reads the next file.
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * MiB);
    expect(await looksLikeDmaWorkbook(shipped)).toBe(true);
  });
});

/** Files in the temporary folder, and open file handles, of this process. */
const tempFiles = () => readdirSync(os.tmpdir()).filter((f) => f.startsWith("tmp-")).length;
const openHandles = () => readdirSync("/proc/self/fd").length;

describe("nothing left behind", () => {
  it("leaves no temp file or open handle after reading an Excel-saved workbook (sheet before shared strings), stopped early or not", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("s");
    for (let i = 0; i < 2000; i++) sheet.addRow([`name ${i}`, i]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const names = readZipDirectory(bytes, zipLimits).map((e) => e.name);
    expect(names.indexOf("xl/worksheets/sheet1.xml")).toBeLessThan(names.indexOf("xl/sharedStrings.xml"));
    await all(bytes); // loads what a first read loads
    const files = tempFiles();
    const handles = openHandles();
    for (let i = 0; i < 3; i++) {
      // Stopped after the header, as an import does when the header is wrong.
      for await (const row of readRows(bytes)) {
        expect(row.line).toBe(1);
        break;
      }
    }
    expect(await all(bytes)).toHaveLength(2000);
    await expect(all(workbookOf({ sheet: sheetXml(`<row r="1"><c r="A1"><v>1</c></row>`) }))).rejects.toBeInstanceOf(FileFormatError);
    // The worker's own handles close as it ends: none may stay open after it.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(tempFiles()).toBe(files);
    expect(openHandles()).toBeLessThanOrEqual(handles);
  });
});

describe("CSV limits", () => {
  it("refuses a 29 MB header of commas at the column limit, naming the line", async () => {
    const bytes = new TextEncoder().encode(`ods_code,score\nRTH,1\n${",".repeat(29_000_000)}\n`);
    const error = await refusal(bytes);
    expect(error).toMatchObject({ line: 3, message: `The CSV has more than ${csvLimits.maxColumns.toLocaleString("en-GB")} columns on line 3, the limit.` });
  });

  it("counts columns outside quotes only: a quoted cell of commas and line breaks is one cell", async () => {
    const cell = `${",\n".repeat(csvLimits.maxColumns)}"" end`;
    const rows = await all(new TextEncoder().encode(`a,b\n1,"${cell}"\n2,3\n`));
    expect(rows.map((r) => r.cells.length)).toEqual([2, 2, 2]);
    expect(rows.map((r) => r.line)).toEqual([1, 2, 2 + csvLimits.maxColumns + 1]);
    const wide = await refusal(new TextEncoder().encode(`a,b\n1,"${cell}"\n${",".repeat(csvLimits.maxColumns)}\n`));
    expect(wide).toMatchObject({ line: 2 + csvLimits.maxColumns + 1 });
  });

  it("refuses a line longer than the record limit and a cell longer than Excel allows", async () => {
    const longLine = await refusal(new TextEncoder().encode(`a,b\n1,2\n3,"${"z".repeat(csvLimits.maxRecordChars + 10)}"\n`));
    expect(longLine).toMatchObject({ line: 3, message: "The CSV is malformed: a line holds more than 1,048,576 characters, the limit." });
    const longCell = await refusal(new TextEncoder().encode(`a,b\n1,${"z".repeat(csvLimits.maxCellChars + 1)}\n`));
    expect(longCell).toMatchObject({ line: 2, message: expect.stringMatching(/A cell on line 2 has more than 32,767 characters/) });
  });

  it("refuses more lines than the limit, blank ones included, before parsing them", async () => {
    const error = await refusal(new TextEncoder().encode("a\n" + ",\n".repeat(15_000_000)));
    expect(error).toMatchObject({ line: 1_048_577, message: "The CSV has more than 1,048,576 lines, the limit (as in Excel): split it into smaller files." });
  });
});
