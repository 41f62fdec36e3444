// Unit tests for lib/frameworks/file.ts: a framework file (CSV or XLSX) read into a
// framework definition, or every problem with its line and column.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { toCsv } from "@/lib/export/csv";
import { number, text, type Cell, type Table } from "@/lib/export/table";
import { toXlsx } from "@/lib/export/xlsx";
import { frameworkTemplate, MAX_FRAMEWORK_ROWS, readFrameworkFile, summariseFramework, wholeLevels, type FrameworkFileResult } from "@/lib/frameworks/file";

const header = "framework_code,framework_name,version,scale_min,scale_max,score_decimals,unit,section_code,section_name,domain_code,domain_name,domain_short_name,care_setting";
const dma = "DMA-T,Test DMA,2026,1,5,0,";

const csv = (...lines: string[]) => new TextEncoder().encode(`${lines.join("\n")}\n`);
const read = (...lines: string[]) => readFrameworkFile(csv(...lines));

function errorsOf(result: FrameworkFileResult) {
  if (result.ok) throw new Error("expected errors");
  return result.errors;
}
function frameworkOf(result: FrameworkFileResult) {
  if (!result.ok) throw new Error(`expected a framework: ${JSON.stringify(result.errors)}`);
  return result.framework;
}

const goodLines = [
  `${header},level_1,level_2,level_3,level_4,level_5`,
  `${dma},WL,Well led,WL-AC-1,Leadership and governance,Leadership,acute,None,Some,Most,All,Exemplary`,
  `${dma},WL,Well led,WL-CO-1,Leadership and governance,,Community,,,,,`,
  `${dma},SF,Ensure smart foundations,SF-1,Infrastructure,,,Basic,Managed,,,`,
  `${dma},SF,Ensure smart foundations,SF-ICB,System infrastructure,,Integrated care board,,,,,`,
];

describe("a good framework file", () => {
  it("reads the framework, its sections, its domains per care setting and their level descriptors", async () => {
    const result = await read(...goodLines);
    const framework = frameworkOf(result);
    expect(result.rowCount).toBe(4);
    expect(framework).toMatchObject({ code: "DMA-T", name: "Test DMA", version: "2026", scale: { min: 1, max: 5, decimals: 0, unit: "" }, line: 2 });
    // Named settings in the app's order, not the file's.
    expect(framework.careSettings).toEqual(["acute", "community", "icb"]);
    expect(framework.sections).toEqual([
      { code: "WL", name: "Well led", line: 2 },
      { code: "SF", name: "Ensure smart foundations", line: 4 },
    ]);
    expect(framework.domains.map((d) => [d.code, d.shortName, d.sectionCode, d.careSetting, d.levelDescriptors])).toEqual([
      ["WL-AC-1", "Leadership", "WL", "acute", ["None", "Some", "Most", "All", "Exemplary"]],
      ["WL-CO-1", "Leadership and governance", "WL", "community", null],
      ["SF-1", "Infrastructure", "SF", null, ["Basic", "Managed"]],
      ["SF-ICB", "System infrastructure", "SF", "icb", null],
    ]);
  });

  it("summarises what loading it creates: sections, domains in each setting's survey, the scale", async () => {
    const summary = summariseFramework(frameworkOf(await read(...goodLines)));
    expect(summary.sections).toEqual([
      { code: "WL", name: "Well led", domainCount: 2 },
      { code: "SF", name: "Ensure smart foundations", domainCount: 2 },
    ]);
    // SF-1 (every setting) is in each survey.
    expect(summary.domainsBySetting).toEqual([
      { careSetting: "acute", domainCount: 2 },
      { careSetting: "community", domainCount: 2 },
      { careSetting: "icb", domainCount: 2 },
    ]);
    expect(summary).toMatchObject({ domainCount: 4, describedDomainCount: 2, scale: { min: 1, max: 5 } });
  });

  it("is one setting, all, when no row names one; columns in any order and loosely named", async () => {
    const framework = frameworkOf(
      await read(
        "Domain Code,Domain Name,Domain short name,Care setting,Section code,Section name,Framework code,Framework name,Version,Scale min,Scale max,Score decimals,Unit",
        "R1,Strategic Alignment,,,READINESS,Readiness,DMI-T,Test index,2016,0,100,0,%",
        "R2,Leadership,,all,READINESS,Readiness,DMI-T,Test index,2016,0,100.0,0,%",
      ),
    );
    expect(framework.careSettings).toEqual(["all"]);
    expect(framework.scale).toEqual({ min: 0, max: 100, decimals: 0, unit: "%" });
    expect(framework.domains.map((d) => d.careSetting)).toEqual([null, null]);
  });

  it("reads an XLSX workbook the same, numbers as numbers", async () => {
    const names = `${header},level_1,level_2`.split(",");
    const rows: Cell[][] = [
      ["DMA-X", "Excel DMA", "2026", 1, 5, 1, "", "WL", "Well led", "WL-1", "Leadership", "", "mental-health", "Low", "Higher"],
      ["DMA-X", "Excel DMA", "2026", 1, 5, 1, "", "WL", "Well led", "WL-2", "Strategy", "", "", "", ""],
    ];
    const table: Table = {
      title: "Framework",
      columns: names.map((n) => (["scale_min", "scale_max", "score_decimals"].includes(n) ? number(n, n) : text(n, n))),
      rows: rows.map((r) => Object.fromEntries(names.map((n, i) => [n, r[i] === "" ? null : r[i]!]))),
    };
    const framework = frameworkOf(await readFrameworkFile(await toXlsx(table)));
    expect(framework).toMatchObject({ code: "DMA-X", scale: { min: 1, max: 5, decimals: 1, unit: "" }, careSettings: ["mental-health"] });
    expect(framework.domains.map((d) => [d.code, d.levelDescriptors])).toEqual([
      ["WL-1", ["Low", "Higher"]],
      ["WL-2", null],
    ]);
  });

  it("the template, as the page serves it, is a good file", async () => {
    const { header: names, rows } = frameworkTemplate();
    const table: Table = { title: "Framework", columns: names.map((n) => text(n, n)), rows: rows.map((r) => Object.fromEntries(names.map((n, i) => [n, r[i] || null]))) };
    const framework = frameworkOf(await readFrameworkFile(new TextEncoder().encode(toCsv(table))));
    expect(framework.domains).toHaveLength(2);
    expect(framework.careSettings).toEqual(["acute"]);
  });

  it("the example in docs/framework-files.md is a good file, and is the template", async () => {
    const doc = readFileSync(path.join(import.meta.dirname, "../../docs/framework-files.md"), "utf8");
    const example = /```csv\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(example).toBeDefined();
    const framework = frameworkOf(await readFrameworkFile(new TextEncoder().encode(example!)));
    const { header: names, rows } = frameworkTemplate();
    expect(example!.trim().split("\n")).toEqual([names.join(","), ...rows.map((r) => r.join(","))]);
    expect(framework.code).toBe("DMA-2026");
  });

  it("counts whole levels on a scale", () => {
    expect(wholeLevels({ min: 1, max: 5 })).toBe(5);
    expect(wholeLevels({ min: 0, max: 100 })).toBe(101);
    expect(wholeLevels({ min: 0.5, max: 3.5 })).toBe(3);
    expect(wholeLevels({ min: 0.2, max: 0.8 })).toBe(0);
  });
});

describe("the header", () => {
  it("names a missing column and an unknown one, and stops there", async () => {
    const errors = errorsOf(await read(header.replace(",unit", ",units"), `${dma},WL,Well led,WL-1,Leadership,,`));
    expect(errors).toEqual([
      { line: 1, column: "units", message: expect.stringMatching(/^Unknown column “units”: the columns are framework_code, .*care_setting, then level_1, level_2 … for level descriptors$/) },
      { line: 1, column: "unit", message: expect.stringMatching(/^Missing column unit: the header row must name/) },
    ]);
  });

  it("refuses a column named twice and level columns with a gap", async () => {
    const errors = errorsOf(await read(`${header},level_1,level_3,Level 3,section_code`, `${dma},WL,Well led,WL-1,Leadership,,,a,b,c,WL`));
    expect(errors).toContainEqual({ line: 1, column: "level_3", message: "The column level_3 appears twice in the header" });
    expect(errors).toContainEqual({ line: 1, column: "section_code", message: "The column section_code appears twice in the header" });
    expect(errors).toContainEqual({ line: 1, column: "level_2", message: "Missing column level_2: level columns run from level_1 to level_3 without a gap" });
  });

  it("refuses an empty file and a header with no rows", async () => {
    expect(errorsOf(await readFrameworkFile(new Uint8Array()))).toEqual([{ line: 1, column: null, message: "The file is empty: it needs a header row, then one row per domain" }]);
    expect(errorsOf(await read(header))).toEqual([{ line: 2, column: null, message: "The file has a header row but no domains: add one row per domain" }]);
  });

  it("says why a file cannot be read, with the line", async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode(`${header}\n`), 0x44, 0xe9, 0x0a]);
    expect(errorsOf(await readFrameworkFile(bytes))).toEqual([{ line: 2, column: null, message: expect.stringMatching(/not UTF-8/) }]);
  });
});

describe("rows", () => {
  const one = async (row: string, lines: string[] = []) => errorsOf(await read(`${header},level_1,level_2,level_3,level_4,level_5,level_6`, ...lines, row));

  it("refuses framework fields that differ between rows", async () => {
    const errors = errorsOf(await read(header, `${dma},WL,Well led,WL-1,Leadership,,`, "DMA-T,Test DMA v2,2026,1,5.0,0,%,WL,Well led,WL-2,Strategy,,"));
    expect(errors).toEqual([
      { line: 3, column: "framework_name", message: "framework_name is “Test DMA v2” here but “Test DMA” on line 2: every row gives the same framework fields" },
      { line: 3, column: "unit", message: "unit is “%” here but blank on line 2: every row gives the same framework fields" },
    ]);
  });

  it("refuses scale_min at or above scale_max", async () => {
    expect(errorsOf(await read(header, "DMA-T,Test DMA,2026,5,5,0,,WL,Well led,WL-1,Leadership,,"))).toEqual([
      { line: 2, column: "scale_max", message: "scale_max (5) must be greater than scale_min (5)" },
    ]);
    expect(errorsOf(await read(header, "DMA-T,Test DMA,2026,5,1,0,,WL,Well led,WL-1,Leadership,,"))).toEqual([
      { line: 2, column: "scale_max", message: "scale_max (1) must be greater than scale_min (5)" },
    ]);
  });

  it("refuses decimals outside 0 to 3, and numbers that are not numbers", async () => {
    expect(errorsOf(await read(header, "DMA-T,Test DMA,2026,1,5,4,,WL,Well led,WL-1,Leadership,,"))).toEqual([
      { line: 2, column: "score_decimals", message: "score_decimals must be a whole number from 0 to 3 (not 4)" },
    ]);
    expect(errorsOf(await read(header, "DMA-T,Test DMA,2026,1,5,0.5,,WL,Well led,WL-1,Leadership,,"))).toEqual([
      { line: 2, column: "score_decimals", message: "score_decimals must be a whole number from 0 to 3 (not 0.5)" },
    ]);
    expect(errorsOf(await read(header, "DMA-T,Test DMA,2026,one,5,0,,WL,Well led,WL-1,Leadership,,"))).toEqual([
      { line: 2, column: "scale_min", message: "scale_min must be a number, like 5 (not “one”)" },
    ]);
  });

  it("refuses an unknown care setting, naming the known ones", async () => {
    const errors = await one(`${dma},WL,Well led,WL-1,Leadership,,hospice,,,,,,`);
    expect(errors).toEqual([{ line: 2, column: "care_setting", message: expect.stringMatching(/^Unknown care setting “hospice”: leave it blank for every setting, or use one of acute, community, mental-health, ambulance, icb, primary-care/) }]);
  });

  it("refuses a domain code given twice, whatever its case", async () => {
    const errors = await one(`${dma},WL,Well led,wl-1,Strategy,,community,,,,,,`, [`${dma},WL,Well led,WL-1,Leadership,,acute,,,,,,`]);
    expect(errors).toEqual([
      { line: 3, column: "domain_code", message: "Domain wl-1 is already on line 2: each domain has a code of its own (give each care setting's version of a domain its own code)" },
    ]);
  });

  it("refuses a section named two ways, and a name given to two sections", async () => {
    const errors = errorsOf(
      await read(header, `${dma},WL,Well led,WL-1,Leadership,,`, `${dma},WL,Well-led,WL-2,Strategy,,`, `${dma},SF,well led,SF-1,Infrastructure,,`),
    );
    expect(errors).toEqual([
      { line: 3, column: "section_name", message: "Section WL is named “Well led” on line 2: give it the same name on every row (not “Well-led”)" },
      { line: 4, column: "section_name", message: "“well led” is already the name of section WL (line 2): each section has a name of its own" },
    ]);
  });

  it("refuses empty codes and names, and codes with spaces", async () => {
    const errors = errorsOf(await read(header, ",,,1,5,0,,WL 1,,,  ,,"));
    expect(errors).toEqual([
      { line: 2, column: "framework_code", message: "Enter the framework's code" },
      { line: 2, column: "framework_name", message: "Enter the framework's name" },
      { line: 2, column: "version", message: "Enter the framework's version" },
      { line: 2, column: "section_code", message: "The section's code “WL 1” may hold only letters, digits, hyphens, dots and underscores, starting with a letter or digit" },
      { line: 2, column: "section_name", message: "Enter the section's name" },
      { line: 2, column: "domain_code", message: "Enter the domain's code" },
      { line: 2, column: "domain_name", message: "Enter the domain's name" },
    ]);
  });

  it("refuses more level descriptors than the scale has whole levels", async () => {
    const errors = await one(`${dma},WL,Well led,WL-1,Leadership,,,a,b,c,d,e,f`);
    expect(errors).toEqual([{ line: 2, column: "level_6", message: "level_6 describes level 6, but a scale from 1 to 5 has 5 whole levels: describe at most 5" }]);
  });

  it("refuses a blank level below a described one", async () => {
    const errors = await one(`${dma},WL,Well led,WL-1,Leadership,,,a,,c,,,`);
    expect(errors).toEqual([{ line: 2, column: "level_2", message: "level_2 is blank but level_3 is not: describe every level up to the highest one described" }]);
  });

  it("refuses a formula where text belongs (XLSX)", async () => {
    const names = header.split(",");
    const table: Table = { title: "F", columns: names.map((n) => text(n, n)), rows: [Object.fromEntries(names.map((n) => [n, null]))] };
    const bytes = await toXlsx(table);
    // A formula cell can only come from a real spreadsheet: write one with ExcelJS.
    const ExcelJS = (await import("exceljs")).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    sheet.getRow(2).values = ["DMA-F", "F", "1", 1, 5, 0, null, "WL", "Well led", "WL-1", { formula: "A1&B1" }, null, null];
    const written = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(errorsOf(await readFrameworkFile(written))).toEqual([{ line: 2, column: "domain_name", message: "The domain's name is a formula (=A1&B1): enter the value itself" }]);
  });

  it(`refuses more than ${MAX_FRAMEWORK_ROWS.toLocaleString("en-GB")} rows`, async () => {
    const rows = Array.from({ length: MAX_FRAMEWORK_ROWS + 5 }, (_, i) => `${dma},WL,Well led,D-${i},Domain ${i},,`);
    const result = await read(header, ...rows);
    expect(errorsOf(result)).toEqual([{ line: MAX_FRAMEWORK_ROWS + 2, column: null, message: "The file has more than 2,000 domain rows, the most a framework file may have" }]);
    expect(result.rowCount).toBe(MAX_FRAMEWORK_ROWS);
  });

  it("lists every problem of every row, by line", async () => {
    const errors = errorsOf(await read(header, `${dma},WL,Well led,WL-1,Leadership,,mars`, `${dma},WL,Well led,WL-1,,,`));
    expect(errors.map((e) => [e.line, e.column])).toEqual([
      [2, "care_setting"],
      [3, "domain_code"],
      [3, "domain_name"],
    ]);
  });
});
