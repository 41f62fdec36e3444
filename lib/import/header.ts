import { cellText, headerKey, truncate, type Cell } from "./cells";
import type { ColumnSpec } from "./formats";

export interface ImportRowError {
  line: number;
  /** The column the problem is in, or null for the row or the file as a whole. */
  column: string | null;
  message: string;
}

export type HeaderResult = { ok: true; positions: Map<string, number> } | { ok: false; errors: ImportRowError[] };

/** Where each documented column is in the header row; every problem with the header at once. */
export function readHeader(cells: readonly Cell[], columns: readonly ColumnSpec[], line = 1): HeaderResult {
  const byKey = new Map(columns.map((c) => [headerKey(c.name), c]));
  const positions = new Map<string, number>();
  const errors: ImportRowError[] = [];
  const names = columns.map((c) => c.name).join(", ");
  cells.forEach((cell, index) => {
    const text = cellText(cell);
    if (text === "") return;
    const spec = byKey.get(headerKey(text));
    if (!spec) {
      errors.push({ line, column: truncate(text), message: `Unknown column “${truncate(text)}”: the columns are ${names}` });
    } else if (positions.has(spec.name)) {
      errors.push({ line, column: spec.name, message: `The column ${spec.name} appears twice in the header` });
    } else {
      positions.set(spec.name, index);
    }
  });
  for (const spec of columns) {
    if (!positions.has(spec.name)) {
      errors.push({ line, column: spec.name, message: `Missing column ${spec.name}: the header row must name ${names}` });
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, positions };
}
