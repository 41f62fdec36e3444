import { cellText, truncate, type Cell } from "@/lib/import/cells";
import { careSettingNamed, type DmaCareSetting } from "./care-settings";
import { pillarRecord, pillars, type PillarCode } from "./pillars";
import type { SheetLayout } from "./sheet-layout";
import type { DmaError, DmaScope, DmaSheetKind } from "./results";

// The rows of one recognised DMA table, checked cell by cell. Reading stops at the first
// blank row: the publisher's notes and copyright lines sit below the table.

export interface SheetCells {
  name: string;
  lastLine: number;
  cell(line: number, column: number): Cell;
}

/** One row of one sheet, before the pillar and overall sheets are put together. */
export interface SheetRecord {
  sheet: string;
  sheetKind: DmaSheetKind;
  line: number;
  scope: DmaScope;
  region: string | null;
  system: string;
  organisation: string;
  careSetting: DmaCareSetting;
  pillars: Record<PillarCode, number | null> | null;
  overall: Record<number, number | null>;
}

export const lowestScore = 1;
export const highestScore = 5;

export function rowError(sheet: string, line: number, column: string | null, problem: string): DmaError {
  return { sheet, line, column, message: `Row ${line} of '${sheet}': ${problem}` };
}

const collapse = (text: string) => text.trim().replace(/\s+/g, " ");

type Read<T> = { ok: true; value: T } | { ok: false; problem: string };

/** A score as published (never rounded), blank as null; anything but a number from 1 to 5 is refused. */
export function readScore(cell: Cell, heading: string): Read<number | null> {
  const refuse = (shown: string): Read<number | null> => ({ ok: false, problem: `${heading} must be a number from ${lowestScore} to ${highestScore}, not ${shown}` });
  if (cell.kind === "empty") return { ok: true, value: null };
  // A formula's cached result may be stale; the importer never trusts one.
  if (cell.kind === "formula") return refuse(`a formula (=${truncate(cell.formula)}): paste the values instead`);
  // Text that is a plain number is read: a re-saved file may have turned numbers into text.
  const value = cell.kind === "number" ? cell.value : /^\d+(\.\d+)?$/.test(cell.value) ? Number(cell.value) : null;
  if (value === null) return refuse(`'${truncate(cellText(cell))}'`);
  if (value < lowestScore || value > highestScore) return refuse(String(value));
  return { ok: true, value };
}

function readName(cell: Cell, heading: string): Read<string> {
  if (cell.kind === "formula") return { ok: false, problem: `${heading} is a formula (=${truncate(cell.formula)}): paste the values instead` };
  const text = collapse(cellText(cell));
  return text === "" ? { ok: false, problem: `${heading} is blank` } : { ok: true, value: text };
}

function isBlankRow(sheet: SheetCells, line: number, layout: SheetLayout): boolean {
  for (let column = layout.span.first; column <= layout.span.last; column++) {
    if (sheet.cell(line, column).kind !== "empty") return false;
  }
  return true;
}

export function readSheetRecords(sheet: SheetCells, layout: SheetLayout): { records: SheetRecord[]; errors: DmaError[] } {
  const records: SheetRecord[] = [];
  const errors: DmaError[] = [];
  const { columns, headings } = layout;
  const heading = (column: number) => headings.get(column) ?? `column ${column}`;

  for (let line = layout.headerLine + 1; line <= sheet.lastLine && !isBlankRow(sheet, line, layout); line++) {
    const rowErrors: DmaError[] = [];
    const read = <T>(column: number, reader: (cell: Cell, heading: string) => Read<T>, fallback: T): T => {
      const result = reader(sheet.cell(line, column), heading(column));
      if (result.ok) return result.value;
      rowErrors.push(rowError(sheet.name, line, heading(column), result.problem));
      return fallback;
    };

    const system = read(columns.system, readName, "");
    const region = columns.region === null ? null : collapse(cellText(sheet.cell(line, columns.region))) || null;
    const organisation = columns.provider === null ? system : read(columns.provider, readName, "");
    let careSetting: DmaCareSetting = "icb";
    if (columns.careSetting !== null) {
      careSetting = read(
        columns.careSetting,
        (cell, name): Read<DmaCareSetting> => {
          const text = collapse(cellText(cell));
          const code = careSettingNamed(text);
          if (code) return { ok: true, value: code };
          return { ok: false, problem: text === "" ? `${name} is blank` : `${name} must be Acute, Community, Mental Health or Ambulance, not '${truncate(text)}'` };
        },
        "icb",
      );
    }
    const pillarScores = layout.kind === "pillars" ? pillarRecord<number | null>(null) : null;
    if (pillarScores) {
      for (const pillar of pillars) pillarScores[pillar.code] = read(columns.pillars[pillar.code]!, readScore, null);
    }
    const overall: Record<number, number | null> = {};
    for (const { year, column } of columns.overall) overall[year] = read(column, readScore, null);

    if (rowErrors.length > 0) errors.push(...rowErrors);
    else records.push({ sheet: sheet.name, sheetKind: layout.kind, line, scope: layout.scope, region, system, organisation, careSetting, pillars: pillarScores, overall });
  }
  return { records, errors };
}
