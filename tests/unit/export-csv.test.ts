// The CSV writer: UTF-8 with a byte order mark, CRLF, every text field quoted, and text
// that a spreadsheet would run as a formula (after leading spaces, and in full-width forms
// too) written with a leading apostrophe.
import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toCsv } from "@/lib/export/csv";
import type { Cell, Column, Table } from "@/lib/export/table";

/** Reads CSV bytes back as csv-parse does, accepting only CRLF between records. */
function readBack(csv: string): string[][] {
  const bytes = Buffer.from(csv, "utf8");
  return parse(bytes, { bom: true, record_delimiter: ["\r\n"], relax_quotes: false }) as string[][];
}

// Written out here, not imported: the rule as OWASP states it, after any leading white
// space (Excel skips it), with the full-width and small forms of = + - @ as well.
const FORMULA_FIRST = ["=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠", "﹦", "﹢", "﹣", "﹫"];
function runsAsFormula(s: string): boolean {
  // Tab and carriage return are white space and formula starters both: try every cut.
  for (let i = 0; i <= s.length && (i === 0 || s[i - 1]!.trim() === ""); i++) if (FORMULA_FIRST.some((c) => s.startsWith(c, i))) return true;
  return false;
}
const expectedText = (s: string) => (runsAsFormula(s) ? `'${s}` : s);

describe("toCsv, by example", () => {
  const table: Table = {
    title: "Example",
    columns: [
      { key: "name", header: "Name", kind: "text" },
      { key: "score", header: "Score", kind: "number" },
      { key: "on", header: "On", kind: "date" },
    ],
    rows: [
      { name: "Oxford, John Radcliffe", score: 72, on: "2017-06-30" },
      { name: 'The "Horton"', score: -5, on: null },
      { name: "=HYPERLINK(\"http://x\")", score: 0.5 },
      { name: "line one\nline two", score: null, on: "2016-02-29" },
    ],
  };

  it("writes exactly these bytes: BOM, CRLF after every record, every text field quoted, numbers not", () => {
    expect(toCsv(table)).toBe(
      "\uFEFF" +
        '"Name","Score","On"\r\n' +
        '"Oxford, John Radcliffe",72,"2017-06-30"\r\n' +
        '"The ""Horton""",-5,\r\n' +
        "\"'=HYPERLINK(\"\"http://x\"\")\",0.5,\r\n" +
        '"line one\nline two",,"2016-02-29"\r\n',
    );
  });

  it("quotes text holding the separator of a \";\" locale, so that Excel there finds no second cell to run", () => {
    const csv = toCsv({ title: "t", columns: [{ key: "v", header: "v", kind: "text" }], rows: [{ v: "x;=1+2" }, { v: "plain" }] });
    expect(csv).toBe('\uFEFF"v"\r\n"x;=1+2"\r\n"plain"\r\n');
  });

  it("escapes text starting with = + - @ tab or carriage return, and leaves real numbers alone", () => {
    const cells: Cell[] = ["=1+1", "+44 1865", "-5", "@SUM(A1)", "\tx", "\rx", "a=b", "'quoted", "x;=1+2"];
    const csv = toCsv({ title: "t", columns: [{ key: "v", header: "v", kind: "text" }], rows: cells.map((v) => ({ v })) });
    expect(readBack(csv).slice(1).map((r) => r[0])).toEqual(["'=1+1", "'+44 1865", "'-5", "'@SUM(A1)", "'\tx", "'\rx", "a=b", "'quoted", "x;=1+2"]);
    const numbers = toCsv({ title: "t", columns: [{ key: "v", header: "v", kind: "number" }], rows: [{ v: -5 }, { v: -0 }, { v: 1e21 }, { v: Number.NaN }] });
    expect(numbers).toBe("\uFEFF\"v\"\r\n-5\r\n0\r\n1e+21\r\n\"\"\r\n");
  });

  it("escapes formula characters after leading spaces, and their full-width and small forms", () => {
    const cells: Cell[] = [" =spaced", "   +1", "\u00A0-1", "\u3000@x", "＝1+2", "  ＋1", "－1", "＠SUM(A1)", "﹦1", "﹢1", "﹣1", "﹫x", "a ＝ b", " plain"];
    const csv = toCsv({ title: "t", columns: [{ key: "v", header: "v", kind: "text" }], rows: cells.map((v) => ({ v })) });
    expect(readBack(csv).slice(1).map((r) => r[0])).toEqual(["' =spaced", "'   +1", "'\u00A0-1", "'\u3000@x", "'＝1+2", "'  ＋1", "'－1", "'＠SUM(A1)", "'﹦1", "'﹢1", "'﹣1", "'﹫x", "a ＝ b", " plain"]);
  });

  it("writes a lone empty field as \"\" so that the record is not a blank line", () => {
    const csv = toCsv({ title: "t", columns: [{ key: "v", header: "v", kind: "text" }], rows: [{ v: "" }, { v: null }, { v: "x" }] });
    expect(readBack(csv)).toEqual([["v"], [""], [""], ["x"]]);
  });
});

const columnArb: fc.Arbitrary<Column> = fc.record({
  key: fc.string(),
  header: fc.string({ unit: "binary" }),
  kind: fc.constantFrom("text" as const, "number" as const),
});
// Strings likely to matter (quotes, separators, line breaks, formula starters) mixed with any text.
const nasty = fc.constantFrom("", '"', ",", ";", "\r\n", "\n", "\r", "=", "+", "-", "@", "\t", "'", " ", "\u00A0", "\u3000", "\uFEFF", "＝", "＋", "－", "＠", "﹦", "é", "😀", "0");
const textArb = fc.oneof(fc.string({ unit: "binary" }), fc.array(fc.oneof(nasty, fc.string({ unit: "binary", maxLength: 3 })), { maxLength: 6 }).map((parts) => parts.join("")));
const numberArb = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: -1000, max: 1000 }));

const tableArb: fc.Arbitrary<Table> = fc
  .uniqueArray(columnArb, { minLength: 1, maxLength: 6, selector: (c) => c.key })
  .chain((columns) =>
    fc.record({
      title: fc.string(),
      columns: fc.constant(columns),
      rows: fc.array(
        fc.tuple(...columns.map((c) => fc.option(c.kind === "number" ? (numberArb as fc.Arbitrary<Cell>) : (textArb as fc.Arbitrary<Cell>), { nil: null }))).map((cells) =>
          Object.fromEntries(columns.map((c, i) => [c.key, cells[i] ?? null])),
        ),
        { maxLength: 8 },
      ),
    }),
  );

describe("toCsv, for any table", () => {
  it("reads back with csv-parse to the same cells: formula-like text escaped, numbers equal, nothing else altered", () => {
    fc.assert(
      fc.property(tableArb, (table) => {
        const csv = toCsv(table);
        expect(csv.startsWith("\uFEFF")).toBe(true);
        expect(csv.endsWith("\r\n")).toBe(true);
        const records = readBack(csv);
        expect(records).toHaveLength(table.rows.length + 1);
        expect(records[0]).toEqual(table.columns.map((c) => expectedText(c.header)));
        table.rows.forEach((row, r) => {
          table.columns.forEach((c, i) => {
            const written = records[r + 1]![i]!;
            const cell = row[c.key] ?? null;
            if (cell == null) expect(written).toBe("");
            else if (typeof cell === "number") expect(Number(written)).toBe(cell === 0 ? 0 : cell);
            else expect(written).toBe(expectedText(cell));
          });
        });
      }),
      { numRuns: 300 },
    );
  });

  it("never writes a text cell that, after leading white space, starts with a formula character", () => {
    fc.assert(
      fc.property(tableArb, (table) => {
        const [header, ...records] = readBack(toCsv(table));
        const texts = [...header!, ...records.flatMap((r) => r.filter((_, i) => table.columns[i]!.kind === "text"))];
        for (const written of texts) expect(FORMULA_FIRST.some((c) => written.trimStart().startsWith(c)), JSON.stringify(written)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it("quotes every text field: no \";\" (a \";\" locale's separator) ever stands outside quotes", () => {
    fc.assert(
      fc.property(tableArb, (table) => {
        let quoted = false;
        for (const ch of toCsv(table)) {
          if (ch === '"') quoted = !quoted;
          else if (ch === ";") expect(quoted).toBe(true);
        }
        expect(quoted).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
