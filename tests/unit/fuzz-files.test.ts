import { inflateRawSync, crc32 } from "node:zlib";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { fuzzCase, shortLimits } from "../fuzz/generators";
import { isClearMessage } from "../fuzz/harness";
import { num, repeatedPart, text, writeWorkbook } from "../fuzz/xlsx";
import { deflatedEntry, writeZip } from "../fuzz/zip";

// The fuzzer's own parts: its workbooks must be real workbooks (or the fuzzing proves
// nothing), its bombs must unpack to what they claim, and its judge of messages must tell
// a sentence from an exception.

describe("the fuzzer's workbook writer", () => {
  it("writes a workbook ExcelJS reads back cell for cell", async () => {
    const bytes = writeWorkbook([{ rows: [[text("ods_code"), text("score")], [{ t: "inline", text: "R<T>&H" }, num(65)], [text("RTH"), { t: "f", formula: "1+2", cached: "3" }]] }], { stringsFirst: true });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell("A1").value).toBe("ods_code");
    expect(sheet.getCell("A2").value).toBe("R<T>&H");
    expect(sheet.getCell("B2").value).toBe(65);
    expect(sheet.getCell("A3").value).toBe("RTH");
    expect(sheet.getCell("B3").value).toMatchObject({ formula: "1+2", result: 3 });
  });

  it("makes a part that unpacks to prefix + unit × count + suffix, with its true size and CRC", () => {
    const entry = repeatedPart("x.xml", "<a>", "<row/>", 500_000, "</a>");
    const unpacked = inflateRawSync(entry.stored);
    expect(unpacked.length).toBe(3 + 6 * 500_000 + 4);
    expect(entry.size).toBe(unpacked.length);
    expect(entry.crc).toBe(crc32(unpacked));
    expect(unpacked.subarray(0, 15).toString()).toBe("<a><row/><row/>");
    expect(unpacked.subarray(-10).toString()).toBe("<row/></a>");
    // The point of a bomb: far smaller packed than unpacked.
    expect(entry.stored.length).toBeLessThan(unpacked.length / 100);
  });

  it("writes the lies it is told in both headers", () => {
    const entry = { ...deflatedEntry("a.xml", "<a/>"), lie: { size: 7, crc: 1 } };
    const zip = Buffer.from(writeZip([entry]));
    expect(zip.readUInt32LE(22)).toBe(7); // local header: size
    expect(zip.readUInt32LE(14)).toBe(1); // local header: CRC
    const central = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    expect(zip.readUInt32LE(central + 24)).toBe(7);
    expect(zip.readUInt32LE(central + 16)).toBe(1);
  });

  it("gives the same file for the same seed and case number", () => {
    const a = fuzzCase(shortLimits, 7, 123);
    const b = fuzzCase(shortLimits, 7, 123);
    expect(b.generator).toBe(a.generator);
    expect(Buffer.from(b.bytes).equals(Buffer.from(a.bytes))).toBe(true);
  });
});

describe("the fuzzer's judge of messages", () => {
  it("accepts sentences, quoting whatever the file held", () => {
    expect(isClearMessage("The CSV is malformed: a quoted field is never closed (a \" without its partner).")).toBe(true);
    expect(isClearMessage("Unknown ODS code “undefined”: no organisation in the app has it")).toBe(true);
    expect(isClearMessage("Row 5 of 'Sheet1': Improve Care must be a number from 1 to 5, not 'NaN'")).toBe(true);
  });

  it("refuses exception text, raw codes and stack traces", () => {
    expect(isClearMessage("The CSV is malformed: the parser stopped (CSV_MAX_RECORD_SIZE).")).toBe(false);
    expect(isClearMessage("TypeError: Cannot read properties of undefined (reading 'x')")).toBe(false);
    expect(isClearMessage("Something failed\n    at readXlsx (lib/import/read.ts:12:3)")).toBe(false);
    expect(isClearMessage("Unknown ODS code [object Object]")).toBe(false);
    expect(isClearMessage("")).toBe(false);
    expect(isClearMessage(undefined)).toBe(false);
  });
});
