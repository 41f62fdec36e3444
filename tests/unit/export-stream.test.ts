// The streaming writers ask for a page of rows only as the reader takes the file, and
// write the same file as the in-memory writers.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { csvStream, toCsv } from "@/lib/export/csv";
import type { Cell, Column, StreamedTable } from "@/lib/export/table";
import { xlsxStream } from "@/lib/export/xlsx";

const columns: Column[] = [
  { key: "ods", header: "ods_code", kind: "text" },
  { key: "score", header: "score", kind: "number" },
];
const PAGES = 60;
const ROWS = 1_000;
const rowsOf = (p: number): Record<string, Cell>[] => Array.from({ length: ROWS }, (_, i) => ({ ods: `R${p}-${i}-${"x".repeat(20)}`, score: p * ROWS + i }));

/** A table of 60 pages of 1,000 rows that counts the pages taken from it. */
function countedTable(): { table: StreamedTable; taken: () => number } {
  let taken = 0;
  return {
    taken: () => taken,
    table: {
      title: "Scores",
      columns,
      pages: (async function* () {
        for (let p = 0; p < PAGES; p++) {
          taken++;
          yield rowsOf(p);
        }
      })(),
    },
  };
}

const settle = () => new Promise((r) => setTimeout(r, 50));

describe("csvStream", () => {
  it("takes no page before the header is read, one page a read after, and writes what toCsv writes", async () => {
    const { table, taken } = countedTable();
    const reader = csvStream(table).getReader();
    await settle();
    expect(taken()).toBe(0);
    const chunks = [(await reader.read()).value!];
    await settle();
    expect(taken()).toBe(0);
    chunks.push((await reader.read()).value!);
    await settle();
    expect(taken()).toBe(1);
    for (let next = await reader.read(); !next.done; next = await reader.read()) chunks.push(next.value);
    expect(taken()).toBe(PAGES);
    const rows = Array.from({ length: PAGES }, (_, p) => rowsOf(p)).flat();
    expect(Buffer.concat(chunks).toString("utf8")).toBe(toCsv({ title: "Scores", columns, rows }));
  });
});

describe("xlsxStream", () => {
  it("stops taking pages while nobody reads the file, and the file read in full holds every row", async () => {
    const { table, taken } = countedTable();
    const stream = xlsxStream(table);
    const reader = stream.getReader();
    const chunks = [(await reader.read()).value!];
    await settle();
    await settle();
    // 60,000 rows are far more than the buffers hold: without a reader, the writer waits.
    expect(taken()).toBeLessThanOrEqual(10);
    for (let next = await reader.read(); !next.done; next = await reader.read()) chunks.push(next.value);
    expect(taken()).toBe(PAGES);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(PAGES * ROWS + 1);
    expect(sheet.getRow(1).values).toEqual([undefined, "ods_code", "score"]);
    expect(sheet.getCell(PAGES * ROWS + 1, 2).value).toBe(PAGES * ROWS - 1);
  }, 120_000);
});

describe("a cancelled download", () => {
  it("stops taking pages, in CSV and XLSX alike", async () => {
    for (const write of [csvStream, xlsxStream]) {
      const { table, taken } = countedTable();
      const reader = write(table).getReader();
      await reader.read();
      await reader.cancel();
      await settle();
      const then = taken();
      await settle();
      await settle();
      expect(taken(), write.name).toBe(then);
      expect(then, write.name).toBeLessThanOrEqual(10);
    }
  });
});
