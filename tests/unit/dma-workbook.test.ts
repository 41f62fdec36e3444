import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { pillars } from "@/lib/dma/pillars";
import type { DmaRow, DmaWorkbookResult } from "@/lib/dma/results";
import { looksLikeDmaWorkbook, maxWorkbookBytes, readDmaWorkbook } from "@/lib/dma/workbook";
import { normaliseOrganisationName } from "@/lib/ods/names";

// The figures here are read from the shipped workbook with ExcelJS directly, by the
// sheet names and columns NHS England published (data/reference/README.md), never
// through the reader under test.

const shippedPath = path.join(import.meta.dirname, "../../data/reference/dma/NHSE_DMA_2025_Results_Data_File_v2.xlsx");
const shipped = new Uint8Array(readFileSync(shippedPath));

const scPillars = "SC - 2025 Pillar Summary";
const scOverall = "SC - 24 vs 25 Overall DMA";
const icbPillars = "ICB - 2025 Pillar Summary";
const icbOverall = "ICB -24 vs 25 Overall DMA ";
const hiddenSheet = "2025 Pillar Summary (ICB PC)";
const oxford = "OXFORD UNIVERSITY HOSPITALS NHS FOUNDATION TRUST";
const bob = "NHS BUCKINGHAMSHIRE, OXFORDSHIRE AND BERKSHIRE WEST INTEGRATED CARE BOARD";

async function loadShipped(): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(shipped) as unknown as ArrayBuffer);
  return workbook;
}

async function bytesOf(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const text = (value: ExcelJS.CellValue): string => (typeof value === "string" ? value : "");

/** Lines of a published sheet whose cells in the given columns (letters) hold these texts. */
function linesWhere(sheet: ExcelJS.Worksheet, match: Record<string, string>): number[] {
  const lines: number[] = [];
  sheet.eachRow((row, line) => {
    if (Object.entries(match).every(([column, value]) => text(row.getCell(column).value) === value)) lines.push(line);
  });
  return lines;
}

function expectOk(result: DmaWorkbookResult): asserts result is Extract<DmaWorkbookResult, { ok: true }> {
  if (!result.ok) expect.fail(result.errors.map((e) => e.message).join("\n"));
}

function expectErrors(result: DmaWorkbookResult) {
  if (result.ok) return expect.fail("expected the workbook to be refused");
  return result.errors;
}

/** A row as it reads whatever the spelling: what a re-saved file must keep. */
function comparable(row: DmaRow) {
  return {
    kind: row.kind,
    careSetting: row.careSetting,
    organisation: normaliseOrganisationName(row.organisation),
    system: normaliseOrganisationName(row.system),
    region: row.region === null ? null : normaliseOrganisationName(row.region),
    pillars: row.pillars,
    overall: row.overall,
  };
}
const byKey = (a: ReturnType<typeof comparable>, b: ReturnType<typeof comparable>) =>
  `${a.careSetting}|${a.organisation}`.localeCompare(`${b.careSetting}|${b.organisation}`);

interface CopyPlan {
  /** Published name to new name, in the new order. */
  sheets: [string, string][];
  /** Where a published row goes, or null to drop it. */
  line?: (line: number) => number | null;
  columnShift?: number;
  retype?: (value: string, where: { sheet: string; line: number; column: number }) => string;
}

/** The shipped workbook as a person might re-save it: values only, moved and retyped. */
async function copyOfShipped(plan: CopyPlan): Promise<Uint8Array> {
  const source = await loadShipped();
  const target = new ExcelJS.Workbook();
  for (const [from, to] of plan.sheets) {
    const sheet = source.getWorksheet(from)!;
    const copy = target.addWorksheet(to, { state: sheet.state });
    sheet.eachRow((row, line) => {
      const newLine = plan.line ? plan.line(line) : line;
      if (newLine === null) return;
      row.eachCell((cell, column) => {
        const value = cell.value;
        copy.getCell(newLine, column + (plan.columnShift ?? 0)).value = typeof value === "string" && plan.retype ? plan.retype(value, { sheet: from, line, column }) : value;
      });
    });
  }
  return bytesOf(target);
}

async function shippedWith(change: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = await loadShipped();
  change(workbook);
  return bytesOf(workbook);
}

/** "Oxford University  Hospitals Nhs …": what retyping by hand does to a name. */
const mixedCase = (value: string) => `  ${value.toLowerCase().replace(/\b\w/g, (c) => c.toUpperCase()).replace(/ /g, "  ")} `;

describe("reading NHS England's 2025 DMA results workbook", () => {
  let published: ExcelJS.Workbook;
  let result: Extract<DmaWorkbookResult, { ok: true }>;
  beforeAll(async () => {
    published = await loadShipped();
    const read = await readDmaWorkbook(shipped);
    expectOk(read);
    result = read;
  });

  it("reads the year and the four published sheets, not the hidden primary-care one", () => {
    expect(result.year).toBe(2025);
    expect(published.getWorksheet(hiddenSheet)!.state).toBe("hidden");
    expect(result.sheets).toEqual([
      { name: scPillars, kind: "pillars", scope: "provider", headerLine: 11 },
      { name: scOverall, kind: "overall", scope: "provider", headerLine: 11 },
      { name: icbPillars, kind: "pillars", scope: "icb", headerLine: 11 },
      { name: icbOverall, kind: "overall", scope: "icb", headerLine: 11 },
    ]);
  });

  it("has one row per provider and setting, 134 of them acute, and 42 ICBs", () => {
    const sheet = published.getWorksheet(scPillars)!;
    const acuteLines = linesWhere(sheet, { E: "Acute" });
    expect(acuteLines).toHaveLength(134);
    const providerRows = result.rows.filter((r) => r.kind === "provider");
    expect(providerRows.filter((r) => r.careSetting === "acute")).toHaveLength(acuteLines.length);
    const settingLines = ["Acute", "Community", "Mental Health", "Ambulance"].flatMap((setting) => linesWhere(sheet, { E: setting }));
    expect(providerRows).toHaveLength(settingLines.length);

    const icbRows = result.rows.filter((r) => r.kind === "icb");
    expect(icbRows).toHaveLength(42);
    expect(icbRows.every((r) => r.careSetting === "icb" && r.organisation === r.system)).toBe(true);
    const icbNames: string[] = [];
    published.getWorksheet(icbPillars)!.eachRow((row) => {
      const name = text(row.getCell("C").value);
      if (name.endsWith("INTEGRATED CARE BOARD")) icbNames.push(name);
    });
    expect(icbRows.map((r) => r.organisation).sort()).toEqual(icbNames.sort());
  });

  it("reads scores as published: Oxford University Hospitals' acute Well Led is 2.0", () => {
    const row = result.rows.find((r) => r.organisation === oxford && r.careSetting === "acute")!;
    expect(row).toMatchObject({ sheet: scPillars, kind: "provider", region: "SOUTH EAST", system: bob });
    expect(row.pillars.WL).toBe(2);
    expect(row.line).toBe(linesWhere(published.getWorksheet(scPillars)!, { D: oxford, E: "Acute" })[0]);
  });

  it("gives the national acute mean of each pillar that the sheet's own cells give", () => {
    const sheet = published.getWorksheet(scPillars)!;
    const [header] = linesWhere(sheet, { D: "Provider" });
    const headings = sheet.getRow(header!).values as ExcelJS.CellValue[];
    const acute = linesWhere(sheet, { E: "Acute" });
    const acuteRows = result.rows.filter((r) => r.careSetting === "acute");
    for (const pillar of pillars) {
      const column = headings.indexOf(pillar.name);
      expect(column).toBeGreaterThan(0);
      const fromCells = acute.reduce((sum, line) => sum + (sheet.getCell(line, column).value as number), 0) / acute.length;
      const fromRows = acuteRows.reduce((sum, r) => sum + r.pillars[pillar.code]!, 0) / acuteRows.length;
      expect(fromRows).toBeCloseTo(fromCells, 12);
    }
  });

  it("puts the overall sheets' unrounded 2025 and 2024 averages on the right rows", () => {
    const overall = published.getWorksheet(scOverall)!;
    const [oxfordLine] = linesWhere(overall, { D: oxford, E: "Acute" });
    const oxfordRow = result.rows.find((r) => r.organisation === oxford && r.careSetting === "acute")!;
    expect(oxfordRow.overall).toEqual({ 2025: overall.getRow(oxfordLine!).getCell("F").value, 2024: overall.getRow(oxfordLine!).getCell("G").value });
    expect(oxfordRow.overall[2025]).toBe(2.4642857142857144);

    const icbs = published.getWorksheet(icbOverall)!;
    const [bobLine] = linesWhere(icbs, { C: bob });
    const bobRow = result.rows.find((r) => r.kind === "icb" && r.organisation === bob)!;
    expect(bobRow.overall).toEqual({ 2025: icbs.getRow(bobLine!).getCell("D").value, 2024: icbs.getRow(bobLine!).getCell("E").value });
    // Both overall sheets list exactly the pillar sheets' organisations: nothing left over.
    expect(result.rows.every((r) => typeof r.overall[2025] === "number" && typeof r.overall[2024] === "number")).toBe(true);
  });

  it("stops each table at its first blank row: the notes below are not organisations", () => {
    expect(result.rows.some((r) => /source|copyright|notes/i.test(r.organisation))).toBe(false);
  });

  it("is recognised as a DMA workbook", async () => {
    expect(await looksLikeDmaWorkbook(shipped)).toBe(true);
  });
});

describe("a DMA workbook re-saved by hand, or next year's", () => {
  let original: ReturnType<typeof comparable>[];
  beforeAll(async () => {
    const read = await readDmaWorkbook(shipped);
    expectOk(read);
    original = read.rows.map(comparable).sort(byKey);
  });

  it("reads the same with sheets renamed and reordered, the header moved, a title row gone and names retyped", async () => {
    const overallSheets = new Set([scOverall, icbOverall]);
    const bytes = await copyOfShipped({
      sheets: [
        [hiddenSheet, "Primary care"],
        [icbOverall, "ICBs over time"],
        [scOverall, "Trusts over time"],
        ["Introduction ", "Read me"],
        [icbPillars, "ICB pillars"],
        [scPillars, "Trust pillars"],
      ],
      // Row 2 is the title; dropping it and moving the rest down two puts the header on row 13.
      line: (line) => (line === 2 ? null : line < 2 ? line : line + 2),
      columnShift: 1,
      retype: (value, { sheet, line }) => {
        if (line === 11) return ` ${value.toUpperCase().replace(/ /g, "  ")}`;
        if (line < 11) return value;
        // The overall sheets say "&" where the pillar sheets say "and", all in lower case.
        return overallSheets.has(sheet) ? `${value.toLowerCase().replace(/ and /g, " & ")}   ` : mixedCase(value);
      },
    });
    const read = await readDmaWorkbook(bytes);
    expectOk(read);
    expect(read.year).toBe(2025);
    expect(read.sheets.map((s) => [s.name, s.kind, s.scope, s.headerLine])).toEqual([
      ["ICBs over time", "overall", "icb", 13],
      ["Trusts over time", "overall", "provider", 13],
      ["ICB pillars", "pillars", "icb", 13],
      ["Trust pillars", "pillars", "provider", 13],
    ]);
    expect(read.rows.map(comparable).sort(byKey)).toEqual(original);
    const oxfordRow = read.rows.find((r) => normaliseOrganisationName(r.organisation) === normaliseOrganisationName(oxford) && r.careSetting === "acute")!;
    expect(oxfordRow).toMatchObject({ sheet: "Trust pillars", organisation: "Oxford University Hospitals Nhs Foundation Trust" });
    expect(await looksLikeDmaWorkbook(bytes)).toBe(true);
  });

  it("takes next year's from its '<year> Average' columns", async () => {
    const bytes = await copyOfShipped({
      sheets: [
        [scPillars, scPillars],
        [scOverall, scOverall],
      ],
      retype: (value) => value.replace("2025 Average", "2026 Average").replace("2024 Average", "2025 Average"),
    });
    const read = await readDmaWorkbook(bytes);
    expectOk(read);
    expect(read.year).toBe(2026);
    expect(Object.keys(read.rows[0]!.overall).sort()).toEqual(["2025", "2026"]);
  });

  it("takes the year from the pillar sheet's title when there is no overall sheet", async () => {
    const read = await readDmaWorkbook(await copyOfShipped({ sheets: [[scPillars, "Sheet1"]] }));
    expectOk(read);
    expect(read.year).toBe(2025);
    expect(read.rows.every((r) => Object.keys(r.overall).length === 0)).toBe(true);
  });

  it("still returns an organisation that has only an overall score, its pillars null", async () => {
    const read = await readDmaWorkbook(await copyOfShipped({ sheets: [[icbOverall, "ICBs"]] }));
    expectOk(read);
    expect(read.rows).toHaveLength(42);
    expect(read.rows[0]!.pillars).toEqual({ WL: null, SF: null, SP: null, SW: null, EP: null, IC: null, HP: null });
    expect(typeof read.rows[0]!.overall[2025]).toBe("number");
  });

  it("ignores a hidden sheet even when it is a DMA table", async () => {
    const bytes = await shippedWith((workbook) => {
      const hidden = workbook.addWorksheet("Draft", { state: "hidden" });
      workbook.getWorksheet(scPillars)!.eachRow((row, line) => row.eachCell((cell, column) => (hidden.getCell(line, column).value = cell.value)));
    });
    const read = await readDmaWorkbook(bytes);
    expectOk(read);
    expect(read.rows.map(comparable).sort(byKey)).toEqual(original);
  });
});

describe("a DMA workbook with problems", () => {
  it("names the sheet, row and column of a score that is not a number from 1 to 5", async () => {
    let naLine = 0;
    let sevenLine = 0;
    const bytes = await shippedWith((workbook) => {
      const sheet = workbook.getWorksheet(scPillars)!;
      naLine = linesWhere(sheet, { D: oxford, E: "Acute" })[0]!;
      sheet.getRow(naLine).getCell("H").value = "n/a"; // Safe Practice
      const overall = workbook.getWorksheet(scOverall)!;
      sevenLine = linesWhere(overall, { D: oxford, E: "Acute" })[0]!;
      overall.getRow(sevenLine).getCell("F").value = 7; // 2025 Average
    });
    expect(expectErrors(await readDmaWorkbook(bytes))).toEqual([
      { sheet: scPillars, line: naLine, column: "Safe Practice", message: `Row ${naLine} of '${scPillars}': Safe Practice must be a number from 1 to 5, not 'n/a'` },
      { sheet: scOverall, line: sevenLine, column: "2025 Average", message: `Row ${sevenLine} of '${scOverall}': 2025 Average must be a number from 1 to 5, not 7` },
    ]);
  });

  it("refuses a care setting it does not know", async () => {
    const bytes = await shippedWith((workbook) => {
      workbook.getWorksheet(scPillars)!.getRow(12).getCell("E").value = "Primary Care";
    });
    expect(expectErrors(await readDmaWorkbook(bytes))).toEqual([
      {
        sheet: scPillars,
        line: 12,
        column: "Care Setting",
        message: `Row 12 of '${scPillars}': Care Setting must be Acute, Community, Mental Health or Ambulance, not 'Primary Care'`,
      },
    ]);
  });

  it("names both rows of an organisation listed twice in one setting, however it is spelt", async () => {
    let oxfordLine = 0;
    const bytes = await shippedWith((workbook) => {
      const sheet = workbook.getWorksheet(scPillars)!;
      oxfordLine = linesWhere(sheet, { D: oxford, E: "Acute" })[0]!;
      // Row 12 is the first row of the table (Salisbury, acute), well above Oxford's.
      sheet.getRow(12).getCell("D").value = mixedCase(oxford);
      sheet.getRow(12).getCell("E").value = "acute";
    });
    expect(expectErrors(await readDmaWorkbook(bytes))).toEqual([
      {
        sheet: scPillars,
        line: oxfordLine,
        column: null,
        message: `Rows 12 and ${oxfordLine} of '${scPillars}' are both ${oxford} (Acute): each organisation may appear once per care setting`,
      },
    ]);
  });

  it("says once what it expected when no visible sheet is a DMA table", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Notes").getCell("A1").value = "Digital Maturity Assessment 2025";
    const errors = expectErrors(await readDmaWorkbook(await bytesOf(workbook)));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ sheet: null, line: null, column: null });
    expect(errors[0]!.message).toMatch(/^No visible sheet looks like NHS England's DMA results: expected .*Well Led.*Healthy Populations.*"<year> Average"/);
    expect(await looksLikeDmaWorkbook(await bytesOf(workbook))).toBe(false);

    const allHidden = await shippedWith((w) => {
      w.worksheets.forEach((sheet) => (sheet.state = "hidden"));
      // A workbook needs one visible sheet to open in Excel.
      w.addWorksheet("Blank");
    });
    expect(expectErrors(await readDmaWorkbook(allHidden))).toEqual(errors);
  });

  it("refuses a file that is not a workbook, or is over 20 MB, before opening it", async () => {
    const csv = new TextEncoder().encode("Region,ICS,Provider\n");
    expect(expectErrors(await readDmaWorkbook(csv))[0]!.message).toMatch(/not an Excel workbook/);
    expect(await looksLikeDmaWorkbook(csv)).toBe(false);
    const huge = new Uint8Array(maxWorkbookBytes + 1);
    huge.set([0x50, 0x4b, 0x03, 0x04]);
    expect(expectErrors(await readDmaWorkbook(huge))[0]!.message).toMatch(/over the 20 MB limit/);
  });
});
