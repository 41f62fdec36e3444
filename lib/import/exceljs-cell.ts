import type ExcelJS from "exceljs";
import { emptyCell, textCell, type Cell } from "./cells";

// A cell of a workbook opened whole with ExcelJS (NHS England's DMA workbook, lib/dma/),
// as an importer sees it: the same cells as the sheet reader in xlsx-rows.ts gives.
// ExcelJS has already undone Excel's _xHHHH_ escapes in shared strings (Excel writes every
// text as one): undone again here, a literal "_x0041_" typed in a cell (written
// _x005F_x0041_) would read as "A". Inline strings, which Excel does not write, ExcelJS
// leaves as written; their escapes stay as text.

/** An ExcelJS cell value as an importer sees it. */
export function xlsxCell(value: ExcelJS.CellValue): Cell {
  if (value == null) return emptyCell;
  if (typeof value === "number") return Number.isFinite(value) ? { kind: "number", value } : emptyCell;
  if (typeof value === "string") return textCell(value);
  if (typeof value === "boolean") return { kind: "text", value: value ? "TRUE" : "FALSE" };
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? emptyCell : { kind: "text", value: value.toISOString().slice(0, 10) };
  if (typeof value === "object") {
    if ("formula" in value || "sharedFormula" in value) {
      const v = value as { formula?: string; sharedFormula?: string };
      return { kind: "formula", formula: v.formula ?? v.sharedFormula ?? "" };
    }
    if ("richText" in value) return textCell(value.richText.map((r) => r.text).join(""));
    if ("text" in value && typeof value.text === "string") return textCell(value.text);
    if ("error" in value) return { kind: "text", value: String(value.error) };
  }
  return textCell(String(value));
}

