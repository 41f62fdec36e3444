import { deflatedEntry, deflatedRepeatEntry, storedEntry, writeZip, type ZipEntry, type ZipOptions } from "./zip";

// The smallest workbook Excel and ExcelJS accept, written part by part so that the fuzzer
// can damage any part: a cell is a string (shared or inline), a number, a boolean, a formula
// (with or without its cached value), an error, or raw XML written as given.

export type XCell =
  | { t: "s"; text: string }
  | { t: "inline"; text: string }
  | { t: "n"; v: string }
  | { t: "b"; v: boolean }
  | { t: "f"; formula: string; cached?: string; shared?: boolean }
  | { t: "e"; v: string }
  | { t: "raw"; xml: string }
  | null;

export const text = (value: string): XCell => ({ t: "s", text: value });
export const num = (value: number | string): XCell => ({ t: "n", v: String(value) });

/** XML text with the characters XML cannot hold written as Excel does (_xHHHH_). */
export function xmlText(value: string): string {
  return value
    .replace(/_x([0-9A-Fa-f]{4})_/g, "_x005F_x$1_")
    .replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, (c) => `_x${c.charCodeAt(0).toString(16).padStart(4, "0").toUpperCase()}_`)
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");
}

export function columnName(index: number): string {
  let n = index + 1;
  let name = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    name = String.fromCharCode(65 + r) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export interface SheetModel {
  rows: XCell[][];
  /** Row numbers written as given (default: 1, 2, 3 …). */
  rowNumbers?: (string | null)[];
}

/** The worksheet's XML and the shared strings it uses, in order of first use. */
export function sheetParts(sheet: SheetModel): { sheetXml: string; strings: string[] } {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const shared = (s: string) => {
    let i = index.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      index.set(s, i);
    }
    return i;
  };
  const rows = sheet.rows.map((cells, r) => {
    const number = sheet.rowNumbers?.[r] === undefined ? String(r + 1) : sheet.rowNumbers[r];
    const ref = (c: number) => `${columnName(c)}${number ?? r + 1}`;
    const body = cells
      .map((cell, c) => {
        if (!cell) return "";
        switch (cell.t) {
          case "s":
            return `<c r="${ref(c)}" t="s"><v>${shared(cell.text)}</v></c>`;
          case "inline":
            return `<c r="${ref(c)}" t="inlineStr"><is><t xml:space="preserve">${xmlText(cell.text)}</t></is></c>`;
          case "n":
            return `<c r="${ref(c)}"><v>${xmlText(cell.v)}</v></c>`;
          case "b":
            return `<c r="${ref(c)}" t="b"><v>${cell.v ? 1 : 0}</v></c>`;
          case "e":
            return `<c r="${ref(c)}" t="e"><v>${xmlText(cell.v)}</v></c>`;
          case "f": {
            const f = cell.shared ? `<f t="shared" ref="${ref(c)}:${ref(c)}" si="0">${xmlText(cell.formula)}</f>` : `<f>${xmlText(cell.formula)}</f>`;
            return `<c r="${ref(c)}">${f}${cell.cached === undefined ? "" : `<v>${xmlText(cell.cached)}</v>`}</c>`;
          }
          case "raw":
            return cell.xml;
        }
      })
      .join("");
    return number === null ? `<row>${body}</row>` : `<row r="${number}">${body}</row>`;
  });
  return { sheetXml: `${XML}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>${rows.join("")}</sheetData></worksheet>`, strings };
}

export function sharedStringsXml(strings: readonly string[]): string {
  return `${XML}<sst xmlns="${MAIN}" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t xml:space="preserve">${xmlText(s)}</t></si>`).join("")}</sst>`;
}

const contentTypes = (withStrings: boolean, sheets: number) =>
  `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${Array.from({ length: sheets }, (_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("")}${withStrings ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : ""}</Types>`;
const rootRels = `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const workbookXml = (names: readonly string[]) =>
  `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${names.map((n, i) => `<sheet name="${xmlText(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets></workbook>`;
const workbookRels = (sheets: number, withStrings: boolean) =>
  `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${Array.from({ length: sheets }, (_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("")}${withStrings ? `<Relationship Id="rId${sheets + 1}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : ""}</Relationships>`;

export interface WorkbookParts {
  /** Part name → contents, in the order they are written. */
  entries: ZipEntry[];
}

export interface WorkbookOptions {
  sheetNames?: string[];
  /** Excel itself writes the sheets before sharedStrings.xml; ExcelJS writes it first. */
  stringsFirst?: boolean;
  /** Stored rather than deflated. */
  stored?: boolean;
  /** Replace a part's XML (by part name) before it is zipped. */
  replace?: Record<string, string | ZipEntry>;
}

/** The entries of a workbook with these sheets (the first one is the one imported). */
export function workbookEntries(sheets: readonly SheetModel[], options: WorkbookOptions = {}): ZipEntry[] {
  const strings: string[] = [];
  const sheetXmls: string[] = [];
  // One shared-strings table across sheets: each sheet's indexes shifted past the last's.
  for (const sheet of sheets) {
    const { sheetXml, strings: own } = sheetParts(sheet);
    const base = strings.length;
    strings.push(...own);
    sheetXmls.push(base === 0 ? sheetXml : sheetXml.replace(/t="s"><v>(\d+)<\/v>/g, (_, i: string) => `t="s"><v>${Number(i) + base}</v>`));
  }
  const withStrings = strings.length > 0 || options.replace?.["xl/sharedStrings.xml"] !== undefined;
  const names = options.sheetNames ?? sheets.map((_, i) => `Sheet${i + 1}`);
  const pack = (name: string, xml: string): ZipEntry => {
    const replaced = options.replace?.[name];
    if (replaced !== undefined && typeof replaced !== "string") return replaced;
    const body = replaced ?? xml;
    return options.stored ? storedEntry(name, Buffer.from(body, "utf8")) : deflatedEntry(name, body);
  };
  const head = [
    pack("[Content_Types].xml", contentTypes(withStrings, sheets.length)),
    pack("_rels/.rels", rootRels),
    pack("xl/workbook.xml", workbookXml(names)),
    pack("xl/_rels/workbook.xml.rels", workbookRels(sheets.length, withStrings)),
  ];
  const sheetEntries = sheetXmls.map((xml, i) => pack(`xl/worksheets/sheet${i + 1}.xml`, xml));
  const stringsEntry = withStrings ? [pack("xl/sharedStrings.xml", sharedStringsXml(strings))] : [];
  return options.stringsFirst ? [...head, ...stringsEntry, ...sheetEntries] : [...head, ...sheetEntries, ...stringsEntry];
}

export function writeWorkbook(sheets: readonly SheetModel[], options: WorkbookOptions = {}, zip: ZipOptions = {}): Uint8Array {
  return writeZip(workbookEntries(sheets, options), zip);
}

/** A part that unpacks to prefix + unit × count + suffix, cheap to make however large. */
export const repeatedPart = deflatedRepeatEntry;
export const sheetHead = `${XML}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>`;
export const sheetTail = "</sheetData></worksheet>";
export const stringsHead = (count: number) => `${XML}<sst xmlns="${MAIN}" count="${count}" uniqueCount="${count}">`;
export const stringsTail = "</sst>";
