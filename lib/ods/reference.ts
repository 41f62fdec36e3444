import { parse } from "csv-parse/sync";

// The NHS Organisation Data Service lists the app ships (data/reference/ods), as typed
// records. Pure: the caller reads the files, so tests and scripts can pass any text.

export interface OdsTrust {
  odsCode: string;
  name: string;
  /** Null for Welsh trusts, which no English ICB or region covers (the 2026 list leaves them blank). */
  icbCode: string | null;
  regionCode: string | null;
  postcode: string;
  /** ISO date (yyyy-mm-dd), in the lists that publish one. */
  openDate?: string;
}

export interface OdsIcb {
  code: string;
  name: string;
}

export interface OdsRegion {
  code: string;
  name: string;
}

type CsvRecord = Record<string, string>;

/** The rows of a list, refusing it whole if a column the app relies on is missing, or blank where it may not be. */
function readList(csv: string, what: string, required: readonly string[], mayBeBlank: readonly string[] = []): CsvRecord[] {
  const records = parse(csv, { bom: true, columns: true, skip_empty_lines: true, trim: true }) as CsvRecord[];
  const header = Object.keys(records[0] ?? {});
  for (const column of required) {
    if (records.length > 0 && !header.includes(column)) {
      throw new Error(`The ${what} has no ${column} column (its columns are ${header.join(", ")})`);
    }
  }
  records.forEach((record, index) => {
    const blank = required.find((column) => !record[column] && !mayBeBlank.includes(column));
    // Line 1 is the header.
    if (blank) throw new Error(`Line ${index + 2} of the ${what}: ${blank} is blank`);
  });
  return records;
}

/** ODS writes dates as yyyymmdd. */
function isoDate(value: string, line: number, what: string): string {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (!match) throw new Error(`Line ${line} of the ${what}: open_date must be a date written yyyymmdd, not '${value}'`);
  return `${match[1]}-${match[2]}-${match[3]}`;
}

export function parseTrusts(csv: string): OdsTrust[] {
  const what = "ODS trust list";
  const records = readList(csv, what, ["ods_code", "name", "icb_code", "nhse_region_code", "postcode"], ["icb_code", "nhse_region_code"]);
  return records.map((r, index) => ({
    odsCode: r.ods_code!,
    name: r.name!,
    icbCode: r.icb_code || null,
    regionCode: r.nhse_region_code || null,
    postcode: r.postcode!,
    ...(r.open_date ? { openDate: isoDate(r.open_date, index + 2, what) } : {}),
  }));
}

export function parseIcbs(csv: string): OdsIcb[] {
  return readList(csv, "ODS ICB list", ["icb_code", "name"]).map((r) => ({ code: r.icb_code!, name: r.name! }));
}

export function parseRegions(csv: string): OdsRegion[] {
  return readList(csv, "NHS England region list", ["nhse_region_code", "name"]).map((r) => ({ code: r.nhse_region_code!, name: r.name! }));
}
