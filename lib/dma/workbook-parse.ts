import ExcelJS from "exceljs";
import { cellText } from "@/lib/import/cells";
import { xlsxCell } from "@/lib/import/exceljs-cell";
import { FileFormatError } from "@/lib/import/file-format-error";
import { dmaZipLimits } from "@/lib/import/limits";
import { readZipDirectory, UnpackBudget, unpackEntry } from "@/lib/import/zip-guard";
import { duplicateErrors, mergeRecords } from "./merge";
import { pillars } from "./pillars";
import { findSheetLayout, headerSearchRows, type SheetLayout } from "./sheet-layout";
import { readSheetRecords, rowError, type SheetRecord } from "./sheet-rows";
import type { DmaError, DmaScope, DmaSheet, DmaWorkbookResult } from "./results";

// NHS England's Digital Maturity Assessment results workbook, recognised by the layout of
// its tables rather than by sheet names or positions, so that next year's file, or this
// one re-saved by hand, reads the same. Hidden sheets are not part of the publication.

const fileError = (message: string): DmaError => ({ sheet: null, line: null, column: null, message });

/**
 * The workbook opened whole with ExcelJS, in the reading worker (read-worker.ts). ExcelJS
 * unpacks every part, so first the archive is checked against the DMA limits and every
 * part is unpacked once, counted, to prove it is no larger than it declares.
 */
async function loadWorkbook(bytes: Uint8Array): Promise<{ ok: true; workbook: ExcelJS.Workbook } | { ok: false; error: DmaError }> {
  const notAWorkbook = fileError("The file is not an Excel workbook (.xlsx). Upload the DMA results data file as NHS England published it.");
  try {
    const budget = new UnpackBudget(dmaZipLimits);
    for (const entry of readZipDirectory(bytes, dmaZipLimits)) for await (const _ of unpackEntry(bytes, entry, budget));
  } catch (error) {
    if (error instanceof FileFormatError) return { ok: false, error: fileError(error.message) };
    throw error;
  }
  try {
    const workbook = new ExcelJS.Workbook();
    // ExcelJS's own Buffer type predates Node's generic one: the bytes are what it reads.
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
    return { ok: true, workbook };
  } catch {
    return { ok: false, error: notAWorkbook };
  }
}

function sheetCells(worksheet: ExcelJS.Worksheet) {
  return {
    name: worksheet.name,
    lastLine: worksheet.rowCount,
    cell: (line: number, column: number) => xlsxCell(worksheet.getRow(line).getCell(column).value),
  };
}

function firstRowsText(worksheet: ExcelJS.Worksheet): string[][] {
  return Array.from({ length: Math.min(headerSearchRows, worksheet.rowCount) }, (_, i) => {
    const row = worksheet.getRow(i + 1);
    return Array.from({ length: row.cellCount }, (_, c) => cellText(xlsxCell(row.getCell(c + 1).value)));
  });
}

type Recognised = { worksheet: ExcelJS.Worksheet; layout: SheetLayout };

/** The visible sheets that head a DMA table, and the ones that nearly do (a column missing). */
function recogniseSheets(workbook: ExcelJS.Workbook): { sheets: Recognised[]; errors: DmaError[] } {
  const sheets: Recognised[] = [];
  const errors: DmaError[] = [];
  for (const worksheet of workbook.worksheets) {
    if (worksheet.state !== "visible") continue;
    const found = findSheetLayout(firstRowsText(worksheet));
    if (found?.ok) sheets.push({ worksheet, layout: found.layout });
    else if (found) errors.push(rowError(worksheet.name, found.headerLine, null, found.problem));
  }
  return { sheets, errors };
}

const noDmaSheet = fileError(
  `No visible sheet looks like NHS England's DMA results: expected a header row with Provider and Care Setting (or ICS, for ICBs) and either the seven pillars (${pillars.map((p) => p.name).join(", ")}) or "<year> Average" columns.`,
);

/** The assessment year: the latest "<year> Average" column, or failing that the latest year in a pillar table's titles. */
function assessmentYear(sheets: readonly Recognised[]): number | null {
  const averages = sheets.flatMap((s) => s.layout.columns.overall.map((o) => o.year));
  const titles = sheets.filter((s) => s.layout.kind === "pillars").flatMap((s) => s.layout.titleYears);
  const years = averages.length > 0 ? averages : titles;
  return years.length > 0 ? Math.max(...years) : null;
}

/** NHS England's workbook read here, in the calling thread: only the reading worker calls this. */
export async function readDmaWorkbookHere(bytes: Uint8Array): Promise<DmaWorkbookResult> {
  const loaded = await loadWorkbook(bytes);
  if (!loaded.ok) return { ok: false, errors: [loaded.error] };
  const { sheets, errors } = recogniseSheets(loaded.workbook);
  if (sheets.length === 0 && errors.length === 0) return { ok: false, errors: [noDmaSheet] };

  const records: SheetRecord[] = [];
  for (const { worksheet, layout } of sheets) {
    const read = readSheetRecords(sheetCells(worksheet), layout);
    records.push(...read.records);
    errors.push(...read.errors);
  }
  errors.push(...duplicateErrors(records));
  const year = assessmentYear(sheets);
  if (year === null) {
    errors.push(fileError(`The workbook does not say which year it is: expected "<year> Average" columns or a title such as "2025 Pillar Summary" above the pillar table.`));
  }
  if (errors.length > 0 || year === null) return { ok: false, errors };

  const overallYears = (scope: DmaScope) =>
    [...new Set(sheets.filter((s) => s.layout.scope === scope).flatMap((s) => s.layout.columns.overall.map((o) => o.year)))].sort((a, b) => b - a);
  const rows = mergeRecords(records, { provider: overallYears("provider"), icb: overallYears("icb") });
  if (rows.length === 0) return { ok: false, errors: [fileError("The DMA results sheets have headers but no rows below them.")] };
  const described: DmaSheet[] = sheets.map(({ worksheet, layout }) => ({ name: worksheet.name, kind: layout.kind, scope: layout.scope, headerLine: layout.headerLine }));
  return { ok: true, year, rows, sheets: described };
}

/** Whether these bytes are a DMA results workbook, read here: only the reading worker calls this. */
export async function isDmaWorkbookHere(bytes: Uint8Array): Promise<boolean> {
  const loaded = await loadWorkbook(bytes);
  return loaded.ok && recogniseSheets(loaded.workbook).sheets.length > 0;
}
