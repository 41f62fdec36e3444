import { stripControlCharacters } from "../control-characters";
import { scoreMessage, type Scale } from "../scale";
// One spreadsheet cell as an importer sees it, whichever file it came from. CSV cells are
// always text; XLSX cells may be numbers, formulas or dates as well.
export type Cell =
  | { kind: "empty" }
  | { kind: "text"; value: string }
  | { kind: "number"; value: number }
  | { kind: "formula"; formula: string };

export const emptyCell: Cell = { kind: "empty" };

// Exports put an apostrophe before text that a spreadsheet would run (= + - @, tab, CR);
// on the way back in, that apostrophe goes again so that a round trip changes nothing.
const escapedFormula = /^'[=+\-@\t\r]/;
const formulaStart = /^[=+\-@]/;

/**
 * A CSV field (or XLSX text) as a cell: blank is empty, "'=1" is the text "=1". Control
 * characters go first (an XLSX cell's _x0000_ is a NUL, which PostgreSQL refuses).
 */
export function textCell(raw: string): Cell {
  const start = stripControlCharacters(raw).trimStart();
  // Checked before the end is trimmed: "'\r" is an escaped carriage return, not an apostrophe.
  const value = (escapedFormula.test(start) ? start.slice(1) : start).trim();
  return value === "" ? emptyCell : { kind: "text", value };
}

export function cellText(cell: Cell): string {
  switch (cell.kind) {
    case "empty":
      return "";
    case "text":
      return cell.value;
    case "number":
      return String(cell.value);
    case "formula":
      return `=${cell.formula}`;
  }
}

export type CellResult<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * A score on a framework's scale, from a number cell or text such as "65", "65%" or "2.8".
 * A formula or text that looks like one ("=A1+1", "+5") is refused as such: a formula's
 * value is never trusted.
 */
export function scoreCell(cell: Cell, { label, scale }: { label: string; scale: Scale }): CellResult<number> {
  if (cell.kind === "empty") return { ok: false, message: `Enter ${label}` };
  if (cell.kind === "formula") return { ok: false, message: `${capitalise(label)} is a formula (=${truncate(cell.formula)}): enter the number itself` };
  let value: number;
  if (cell.kind === "number") value = cell.value;
  else {
    const text = cell.value.replace(/%$/, "").trim();
    if (formulaStart.test(cell.value) && !/^-\d+(\.\d+)?$/.test(text)) {
      return { ok: false, message: `${capitalise(label)} looks like a formula (“${truncate(cell.value)}”): enter the number itself` };
    }
    if (!/^-?\d+(\.\d+)?$/.test(text)) return { ok: false, message: `${capitalise(label)} must be a number, like 65 (not “${truncate(cell.value)}”)` };
    value = Number(text);
  }
  const message = scoreMessage(capitalise(label), value, scale);
  return message ? { ok: false, message } : { ok: true, value };
}

/** Text that must be there: a code or a name. Numbers are read as their digits. */
export function requiredText(cell: Cell, label: string): CellResult<string> {
  if (cell.kind === "empty") return { ok: false, message: `Enter ${label}` };
  if (cell.kind === "formula") return { ok: false, message: `${capitalise(label)} is a formula (=${truncate(cell.formula)}): enter the value itself` };
  return { ok: true, value: cellText(cell) };
}

export function truncate(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Header names compare without case, spaces, underscores or hyphens: "ODS code" = "ods_code". */
export function headerKey(name: string): string {
  return name.trim().toLowerCase().replace(/[\s_-]+/g, "");
}

/** Names and codes people type compare without case or repeated spaces. */
export function lookupKey(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, " ");
}
