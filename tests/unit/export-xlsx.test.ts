// The XLSX writer: read back with exceljs, every cell is what was written (formula-like
// text escaped), numbers are numbers, dates are dates, and the header row is bold and frozen.
import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Cell, Column, Table } from "@/lib/export/table";
import { sheetName, toXlsx } from "@/lib/export/xlsx";

async function readBack(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  expect(workbook.worksheets).toHaveLength(1);
  return workbook.worksheets[0]!;
}

/** A worksheet's cells as plain values: text, number, an ISO date for a date, null for empty. */
function values(sheet: ExcelJS.Worksheet, columns: number): Cell[][] {
  const out: Cell[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    out.push(
      Array.from({ length: columns }, (_, i) => {
        const v = row.getCell(i + 1).value;
        if (v == null) return null;
        if (v instanceof Date) return v.toISOString().slice(0, 10);
        if (typeof v === "number" || typeof v === "string") return v;
        throw new Error(`unexpected cell ${JSON.stringify(v)}`);
      }),
    );
  }
  return out;
}

// After any leading white space, and the full-width and small forms too (as for CSV).
const FORMULA_FIRST = ["=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠", "﹦", "﹢", "﹣", "﹫"];
function runsAsFormula(s: string): boolean {
  for (let i = 0; i <= s.length && (i === 0 || s[i - 1]!.trim() === ""); i++) if (FORMULA_FIRST.some((c) => s.startsWith(c, i))) return true;
  return false;
}
const expectedText = (s: string) => (runsAsFormula(s) ? `'${s}` : s);

describe("toXlsx, by example", () => {
  const table: Table = {
    title: "Heatmap: 2017/18 [OXON]",
    columns: [
      { key: "name", header: "Organisation", kind: "text" },
      { key: "score", header: "Score", kind: "number" },
      { key: "on", header: "Assessed on", kind: "date" },
    ],
    rows: [
      { name: "Oxford University Hospitals NHS Foundation Trust", score: 72, on: "2017-06-30" },
      { name: "=cmd|' /C calc'!A0", score: -5.5, on: null },
      { name: null, score: null, on: "2016-02-29" },
    ],
  };

  it("keeps numbers as numbers and dates as dates, and escapes formula-like text", async () => {
    const sheet = await readBack(await toXlsx(table));
    expect(values(sheet, 3)).toEqual([
      ["Organisation", "Score", "Assessed on"],
      ["Oxford University Hospitals NHS Foundation Trust", 72, "2017-06-30"],
      ["'=cmd|' /C calc'!A0", -5.5, null],
      [null, null, "2016-02-29"],
    ]);
    expect(sheet.getCell("B2").type).toBe(ExcelJS.ValueType.Number);
    expect(sheet.getCell("C2").type).toBe(ExcelJS.ValueType.Date);
    expect(sheet.getCell("C2").numFmt).toBe("yyyy-mm-dd");
    expect(sheet.getCell("A3").type).toBe(ExcelJS.ValueType.String);
  });

  it("makes the header row bold and frozen, with filters, and sizes columns to their contents", async () => {
    const sheet = await readBack(await toXlsx(table));
    expect(sheet.name).toBe("Heatmap 2017 18 OXON");
    for (const ref of ["A1", "B1", "C1"]) expect(sheet.getCell(ref).font?.bold).toBe(true);
    expect(sheet.getCell("A2").font?.bold).toBeFalsy();
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    const [name, score, on] = [1, 2, 3].map((i) => sheet.getColumn(i).width!) as [number, number, number];
    // The longest organisation name is 48 characters; a score column stays narrow.
    expect(name).toBeGreaterThanOrEqual(48);
    expect(name).toBeLessThanOrEqual(60);
    expect(score).toBeLessThan(name);
    expect(on).toBeGreaterThanOrEqual("Assessed on".length);
  });

  it("names the worksheet within Excel's rules", () => {
    expect(sheetName("a/b\\c?d*e[f]g:h")).toBe("a b c d e f g h");
    expect(sheetName("x".repeat(40))).toHaveLength(31);
    expect(sheetName("'quoted'")).toBe("quoted");
    expect(sheetName("::")).toBe("Export");
    // Apostrophes left at either end by the trim or the cut are stripped too.
    expect(sheetName(" ' ")).toBe("Export");
    expect(sheetName("x' ")).toBe("x");
    expect(sheetName(`${"y".repeat(30)}'z`)).toBe("y".repeat(30));
  });
});

const columnArb: fc.Arbitrary<Column> = fc.record({
  key: fc.string(),
  header: fc.string({ unit: "binary" }),
  kind: fc.constantFrom("text" as const, "number" as const, "date" as const),
});
// Characters XML cannot hold, a carriage return, and text that looks like Office's own _xHHHH_ escape.
const nasty = fc.constantFrom("＝", "＋", "\u3000", "\u00A0", "", "\u0000", "\u0001", "\u001f", "\r", "\r\n", "\uFFFE", "_x0041_", "_x005F_", "_x005f_", "_X0041_", "=", "-", "@", "\t", "&", "<", " ");
const textArb = fc.oneof(fc.string({ unit: "binary" }), fc.array(fc.oneof(nasty, fc.string({ maxLength: 3 })), { maxLength: 6 }).map((parts) => parts.join("")));
const dateArb = fc.date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2100-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const cellArb = (c: Column): fc.Arbitrary<Cell> =>
  fc.option<Cell, null>(c.kind === "number" ? fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (n === 0 ? 0 : n)) : c.kind === "date" ? dateArb : textArb, { nil: null });

const tableArb: fc.Arbitrary<Table> = fc
  .uniqueArray(columnArb, { minLength: 1, maxLength: 5, selector: (c) => c.key })
  .chain((columns) =>
    fc.record({
      title: fc.string(),
      columns: fc.constant(columns),
      rows: fc.array(fc.tuple(...columns.map(cellArb)).map((cells) => Object.fromEntries(columns.map((c, i) => [c.key, cells[i] ?? null]))), { maxLength: 6 }),
    }),
  );

describe("toXlsx, for any table", () => {
  it("reads back with exceljs to the same cells, formula-like text escaped and nothing else altered", async () => {
    await fc.assert(
      fc.asyncProperty(tableArb, async (table) => {
        const sheet = await readBack(await toXlsx(table));
        const expected: Cell[][] = [
          table.columns.map((c) => expectedText(c.header)),
          ...table.rows.map((row) => table.columns.map((c) => {
            const cell = row[c.key] ?? null;
            return typeof cell === "string" && c.kind !== "date" ? expectedText(cell) : cell;
          })),
        ];
        // exceljs reads an empty text cell as "" when it was written as one.
        const got = values(sheet, table.columns.length).map((r) => r.map((v) => (v === "" ? null : v)));
        const want = expected.map((r) => r.map((v) => (v === "" ? null : v)));
        // Rows after the last non-empty one are not stored.
        while (want.length > got.length && want.at(-1)!.every((v) => v == null)) want.pop();
        expect(got).toEqual(want);
      }),
      { numRuns: 150 },
    );
  });
});

describe("formula-like text", () => {
  it("is written as a string cell with an apostrophe, never as a formula, after spaces and in full-width forms too", async () => {
    const texts = ["=1+2", " =1+2", "＝1+2", "  ＋A1", "@SUM(A1)", "x;=1+2"];
    const bytes = await toXlsx({ title: "t", columns: [{ key: "a", header: "=header", kind: "text" }], rows: texts.map((a) => ({ a })) });
    const sheet = await readBack(bytes);
    expect(values(sheet, 1)).toEqual([["'=header"], ...texts.map((t) => [expectedText(t)])]);
    for (let r = 1; r <= texts.length + 1; r++) expect(sheet.getCell(r, 1).type).toBe(ExcelJS.ValueType.String);
    expect(values(sheet, 1).slice(1, 4)).toEqual([["'=1+2"], ["' =1+2"], ["'＝1+2"]]);
    // No cell reads back as a formula.
    expect(sheet.getSheetValues().flat().some((v) => typeof v === "object" && v != null && "formula" in v)).toBe(false);
  });
});

describe("a large table", () => {
  it("writes 150,000 rows (column widths are measured without spreading every cell onto the stack)", async () => {
    const rows = Array.from({ length: 150_000 }, (_, i) => ({ n: i, t: `row ${i}` }));
    const bytes = await toXlsx({ title: "Big", columns: [{ key: "n", header: "N", kind: "number" }, { key: "t", header: "Text", kind: "text" }], rows });
    expect(bytes.length).toBeGreaterThan(100_000);
  }, 120_000);
});

describe("a DEL character", () => {
  it("is written with Office's escape, so that it does not read back as an empty cell", async () => {
    const sheet = await readBack(await toXlsx({ title: "t", columns: [{ key: "a", header: "\u007f", kind: "text" }], rows: [{ a: "x\u007fy" }] }));
    expect(values(sheet, 1)).toEqual([["\u007f"], ["x\u007fy"]]);
  });
});
