import { careSettingLabels, careSettings, parseCareSetting, type CareSetting } from "@/lib/care-settings";
import { cellText, emptyCell, headerKey, lookupKey, requiredText, truncate, type Cell } from "@/lib/import/cells";
import type { ColumnSpec } from "@/lib/import/formats";
import { readHeader, type ImportRowError } from "@/lib/import/header";
import { FileFormatError, readRows, type SourceRow } from "@/lib/import/read";
import { describeRange, type Scale } from "@/lib/scale";

// A maturity framework loaded from a file (docs/framework-files.md): one row per domain,
// the framework's own fields repeated on every row, then the domain's section, care
// setting and level descriptors. Everything a person can get wrong is a row error with
// its line and column; nothing here touches the database.

/** One row per domain: more than any published framework has, few enough to check at once. */
export const MAX_FRAMEWORK_ROWS = 2_000;
/** Within the body a server action accepts, as an upload and again when it is loaded. */
export const MAX_FRAMEWORK_FILE_BYTES = 512 * 1024;
/** Level columns a header may have (a 0–100 scale has 101 whole levels). */
export const MAX_LEVEL_COLUMNS = 101;
/** Errors returned with a file; the count says how many there were in all. */
export const MAX_ERRORS_SHOWN = 500;

const column = (name: string, description: string, example: string, mayBeBlank = false): ColumnSpec => ({ name, description, example, mayBeBlank });

export const frameworkColumns: ColumnSpec[] = [
  column("framework_code", "The framework's code, new to the app: letters, digits, - . _ (at most 40)", "DMA-2026"),
  column("framework_name", "The framework's name", "Digital Maturity Assessment 2026"),
  column("version", "Its version or edition", "2026"),
  column("scale_min", "The lowest score a domain can have", "1"),
  column("scale_max", "The highest score a domain can have, above scale_min", "5"),
  column("score_decimals", "Decimal places of a domain score, 0 (whole numbers) to 3", "0"),
  column("unit", "Printed after a score, such as %; blank for nothing", "", true),
  column("section_code", "The section's (pillar's) code", "WL"),
  column("section_name", "The section's (pillar's) name, the same on each of its rows", "Well led"),
  column("domain_code", "The domain's code: each domain once, each care setting's version with a code of its own", "WL-AC-1"),
  column("domain_name", "The domain's name", "Leadership and governance"),
  column("domain_short_name", "A short name for narrow tables; blank for the domain's name", "Leadership", true),
  column("care_setting", `The one care setting whose survey has this domain (${careSettings.filter((c) => c !== "all").join(", ")}); blank for every setting`, "acute", true),
];

/** The framework's own fields: the same on every row. */
const frameworkFieldNames = ["framework_code", "framework_name", "version", "scale_min", "scale_max", "score_decimals", "unit"] as const;
const numericFields = new Set<string>(["scale_min", "scale_max", "score_decimals"]);

const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const limits = { code: 40, name: 200, version: 40, unit: 10, shortName: 80, descriptor: 2_000 } as const;

export const levelColumn = (level: number) => `level_${level}`;

/** The template: the header (with five level columns) and two example rows. */
export function frameworkTemplate(): { header: string[]; rows: string[][] } {
  const framework = ["DMA-2026", "Digital Maturity Assessment 2026", "2026", "1", "5", "0", ""];
  return {
    header: [...frameworkColumns.map((c) => c.name), ...[1, 2, 3, 4, 5].map(levelColumn)],
    rows: [
      [
        ...framework,
        "WL",
        "Well led",
        "WL-AC-1",
        "Leadership and governance",
        "Leadership",
        "acute",
        "No named digital lead",
        "A digital lead without a strategy",
        "A board-approved digital strategy",
        "The strategy is funded and tracked",
        "Digital is part of every board decision",
      ],
      [...framework, "SF", "Ensure smart foundations", "SF-1", "Infrastructure", "", "", "", "", "", "", ""],
    ],
  };
}

export interface FrameworkSectionDefinition {
  code: string;
  name: string;
  line: number;
}

export interface FrameworkDomainDefinition {
  code: string;
  name: string;
  shortName: string;
  sectionCode: string;
  /** null: the domain is in every care setting's survey. */
  careSetting: CareSetting | null;
  /** Lowest level first; null when the row describes none. */
  levelDescriptors: string[] | null;
  line: number;
}

export interface FrameworkDefinition {
  code: string;
  name: string;
  version: string;
  scale: Scale;
  /** Those the domains name, in the app's order; ["all"] when none is named. */
  careSettings: CareSetting[];
  sections: FrameworkSectionDefinition[];
  domains: FrameworkDomainDefinition[];
  /** The first row's line: where a problem with the framework as a whole is shown. */
  line: number;
}

export type FrameworkFileResult =
  | { ok: true; framework: FrameworkDefinition; rowCount: number }
  | { ok: false; errors: ImportRowError[]; errorCount: number; rowCount: number };

/** The number of whole scores on a scale: 5 from 1 to 5, 101 from 0 to 100. */
export function wholeLevels(scale: Pick<Scale, "min" | "max">): number {
  return Math.max(0, Math.floor(scale.max) - Math.ceil(scale.min) + 1);
}

type Result<T> = { ok: true; value: T } | { ok: false; message: string };

function numberCell(cell: Cell, label: string): Result<number> {
  if (cell.kind === "empty") return { ok: false, message: `Enter ${label}` };
  if (cell.kind === "formula") return { ok: false, message: `${label} is a formula (=${truncate(cell.formula)}): enter the number itself` };
  const value = cell.kind === "number" ? cell.value : /^-?\d+(\.\d+)?$/.test(cell.value) ? Number(cell.value) : NaN;
  if (!Number.isFinite(value)) return { ok: false, message: `${label} must be a number, like 5 (not “${truncate(cellText(cell))}”)` };
  if (Math.abs(value) > 1_000_000) return { ok: false, message: `${label} must be between -1,000,000 and 1,000,000 (not ${value})` };
  return { ok: true, value };
}

/** Text that must be there and fit; a formula is refused, as in every import. */
function textField(cell: Cell, label: string, max: number): Result<string> {
  const text = requiredText(cell, label);
  if (!text.ok) return text;
  if (text.value.length > max) return { ok: false, message: `${capitalise(label)} is longer than ${max} characters (${text.value.length})` };
  return text;
}

/** Text that may be blank (""). */
function optionalText(cell: Cell, label: string, max: number): Result<string> {
  if (cell.kind === "empty") return { ok: true, value: "" };
  return textField(cell, label, max);
}

function codeField(cell: Cell, label: string): Result<string> {
  const text = textField(cell, label, limits.code);
  if (!text.ok) return text;
  if (!CODE_PATTERN.test(text.value)) {
    return { ok: false, message: `${capitalise(label)} “${truncate(text.value)}” may hold only letters, digits, hyphens, dots and underscores, starting with a letter or digit` };
  }
  return text;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** How a framework field compares between rows: numbers by value ("5" = "5.0"), text exactly. */
function fieldKey(name: string, cell: Cell): string {
  if (numericFields.has(name)) {
    const n = numberCell(cell, name);
    if (n.ok) return String(n.value);
  }
  return cellText(cell);
}

const quoted = (text: string) => (text === "" ? "blank" : `“${truncate(text)}”`);

type HeaderResult = { ok: true; positions: Map<string, number>; levels: number[] } | { ok: false; errors: ImportRowError[] };

/** The documented columns and level_1 … level_N, in any order; every problem at once. */
function readFrameworkHeader(cells: readonly Cell[], line: number): HeaderResult {
  const levelAt = new Map<number, number>();
  const errors: ImportRowError[] = [];
  // Level columns are numbered, so they are taken out before the fixed columns are matched.
  const fixedCells = cells.map((cell, index) => {
    const match = /^level(\d+)$/.exec(headerKey(cellText(cell)));
    const level = match ? Number(match[1]) : 0;
    if (level < 1) return cell;
    if (level > MAX_LEVEL_COLUMNS) {
      errors.push({ line, column: truncate(cellText(cell)), message: `A file has at most ${MAX_LEVEL_COLUMNS} level columns (level_1 to level_${MAX_LEVEL_COLUMNS})` });
    } else if (levelAt.has(level)) {
      errors.push({ line, column: levelColumn(level), message: `The column ${levelColumn(level)} appears twice in the header` });
    } else {
      levelAt.set(level, index);
    }
    return emptyCell;
  });
  const fixed = readHeader(fixedCells, frameworkColumns, line);
  if (!fixed.ok) {
    for (const e of fixed.errors) {
      errors.push(e.message.startsWith("Unknown column") ? { ...e, message: `${e.message}, then level_1, level_2 … for level descriptors` } : e);
    }
  }
  const highest = Math.max(0, ...levelAt.keys());
  for (let level = 1; level < highest; level++) {
    if (!levelAt.has(level)) {
      errors.push({ line, column: levelColumn(level), message: `Missing column ${levelColumn(level)}: level columns run from level_1 to level_${highest} without a gap` });
    }
  }
  if (errors.length > 0 || !fixed.ok) return { ok: false, errors };
  return { ok: true, positions: fixed.positions, levels: Array.from({ length: highest }, (_, i) => levelAt.get(i + 1)!) };
}

interface FrameworkFields {
  code: string;
  name: string;
  version: string;
  scale: Scale | null;
}

/** The framework's fields as the first row gives them, with a problem for each that is wrong. */
function readFrameworkFields(get: (name: string) => Cell, problems: { column: string; message: string }[]): FrameworkFields {
  const take = <T>(name: string, result: Result<T>, fallback: T): T => {
    if (result.ok) return result.value;
    problems.push({ column: name, message: result.message });
    return fallback;
  };
  const code = take("framework_code", codeField(get("framework_code"), "the framework's code"), "");
  const name = take("framework_name", textField(get("framework_name"), "the framework's name", limits.name), "");
  const version = take("version", textField(get("version"), "the framework's version", limits.version), "");
  const min = take<number | null>("scale_min", numberCell(get("scale_min"), "scale_min"), null);
  const max = take<number | null>("scale_max", numberCell(get("scale_max"), "scale_max"), null);
  let decimals = take<number | null>("score_decimals", numberCell(get("score_decimals"), "score_decimals"), null);
  if (decimals != null && !(Number.isInteger(decimals) && decimals >= 0 && decimals <= 3)) {
    problems.push({ column: "score_decimals", message: `score_decimals must be a whole number from 0 to 3 (not ${decimals})` });
    decimals = null;
  }
  const unit = take("unit", optionalText(get("unit"), "the unit", limits.unit), "");
  if (min != null && max != null && min >= max) {
    problems.push({ column: "scale_max", message: `scale_max (${max}) must be greater than scale_min (${min})` });
  }
  const scale = min != null && max != null && min < max && decimals != null ? { min, max, decimals, unit } : null;
  return { code, name, version, scale };
}

/** Rows (header first, as lib/import/read.ts gives them) as a framework, or every problem. */
export async function parseFrameworkRows(rows: AsyncIterable<SourceRow> | Iterable<SourceRow>): Promise<FrameworkFileResult> {
  const errors: ImportRowError[] = [];
  let header: Extract<HeaderResult, { ok: true }> | null = null;
  let headerLine = 0;
  let rowCount = 0;
  let first: { line: number; fields: FrameworkFields; keys: Map<string, string> } | null = null;
  const sections = new Map<string, FrameworkSectionDefinition>();
  const sectionByName = new Map<string, FrameworkSectionDefinition>();
  const domains: FrameworkDomainDefinition[] = [];
  const domainLine = new Map<string, number>();

  for await (const row of rows) {
    if (!header) {
      headerLine = row.line;
      const read = readFrameworkHeader(row.cells, row.line);
      if (!read.ok) return failed(read.errors, 0);
      header = read;
      continue;
    }
    rowCount++;
    if (rowCount > MAX_FRAMEWORK_ROWS) {
      errors.push({ line: row.line, column: null, message: `The file has more than ${MAX_FRAMEWORK_ROWS.toLocaleString("en-GB")} domain rows, the most a framework file may have` });
      rowCount--;
      break;
    }
    const { positions, levels } = header;
    const get = (name: string): Cell => row.cells[positions.get(name)!] ?? emptyCell;
    const problems: { column: string; message: string }[] = [];

    if (!first) {
      first = { line: row.line, fields: readFrameworkFields(get, problems), keys: new Map(frameworkFieldNames.map((n) => [n, fieldKey(n, get(n))])) };
    } else {
      for (const name of frameworkFieldNames) {
        const here = fieldKey(name, get(name));
        const there = first.keys.get(name)!;
        if (here !== there) {
          problems.push({ column: name, message: `${name} is ${quoted(here)} here but ${quoted(there)} on line ${first.line}: every row gives the same framework fields` });
        }
      }
    }

    const take = <T>(name: string, result: Result<T>): T | null => {
      if (result.ok) return result.value;
      problems.push({ column: name, message: result.message });
      return null;
    };

    // The section: one name per code, and one code per name.
    const sectionCode = take("section_code", codeField(get("section_code"), "the section's code"));
    const sectionName = take("section_name", textField(get("section_name"), "the section's name", limits.name));
    let section: FrameworkSectionDefinition | undefined;
    if (sectionCode != null && sectionName != null) {
      section = sections.get(lookupKey(sectionCode));
      if (section && section.name !== sectionName) {
        problems.push({ column: "section_name", message: `Section ${section.code} is named “${truncate(section.name)}” on line ${section.line}: give it the same name on every row (not “${truncate(sectionName)}”)` });
      } else if (!section) {
        const namesake = sectionByName.get(lookupKey(sectionName));
        if (namesake) {
          problems.push({ column: "section_name", message: `“${truncate(sectionName)}” is already the name of section ${namesake.code} (line ${namesake.line}): each section has a name of its own` });
        } else {
          section = { code: sectionCode, name: sectionName, line: row.line };
          sections.set(lookupKey(sectionCode), section);
          sectionByName.set(lookupKey(sectionName), section);
        }
      }
    }

    // The domain.
    const domainCode = take("domain_code", codeField(get("domain_code"), "the domain's code"));
    if (domainCode != null) {
      const earlier = domainLine.get(lookupKey(domainCode));
      if (earlier != null) {
        problems.push({ column: "domain_code", message: `Domain ${domainCode} is already on line ${earlier}: each domain has a code of its own (give each care setting's version of a domain its own code)` });
      } else {
        domainLine.set(lookupKey(domainCode), row.line);
      }
    }
    const domainName = take("domain_name", textField(get("domain_name"), "the domain's name", limits.name));
    const shortName = take("domain_short_name", optionalText(get("domain_short_name"), "the domain's short name", limits.shortName));
    const careSetting = take("care_setting", careSettingCell(get("care_setting")));
    const descriptors = readDescriptors(levels.map((index) => row.cells[index] ?? emptyCell), first.fields.scale, problems);

    if (problems.length > 0) {
      for (const p of problems) errors.push({ line: row.line, column: p.column, message: p.message });
      continue;
    }
    domains.push({
      code: domainCode!,
      name: domainName!,
      shortName: shortName || domainName!,
      sectionCode: section!.code,
      careSetting: careSetting ?? null,
      levelDescriptors: descriptors,
      line: row.line,
    });
  }

  if (!header) return failed([{ line: 1, column: null, message: "The file is empty: it needs a header row, then one row per domain" }], 0);
  if (rowCount === 0) return failed([{ line: headerLine + 1, column: null, message: "The file has a header row but no domains: add one row per domain" }], 0);
  if (errors.length > 0 || !first?.fields.scale) return failed(errors, rowCount);

  const named = new Set(domains.map((d) => d.careSetting).filter((c): c is CareSetting => c != null));
  const { code, name, version, scale } = first.fields;
  return {
    ok: true,
    rowCount,
    framework: {
      code,
      name,
      version,
      scale,
      careSettings: named.size > 0 ? careSettings.filter((c) => named.has(c)) : ["all"],
      sections: [...sections.values()],
      domains,
      line: first.line,
    },
  };
}

function failed(errors: ImportRowError[], rowCount: number): FrameworkFileResult {
  return { ok: false, errors: errors.slice(0, MAX_ERRORS_SHOWN), errorCount: errors.length, rowCount };
}

/** Blank (or "all") for every setting; else one setting by its code or label. */
function careSettingCell(cell: Cell): Result<Exclude<CareSetting, "all"> | null> {
  if (cell.kind === "empty") return { ok: true, value: null };
  const text = requiredText(cell, "the care setting");
  if (!text.ok) return text;
  const setting = parseCareSetting(text.value);
  if (setting === "all") return { ok: true, value: null };
  if (setting) return { ok: true, value: setting };
  const known = careSettings.filter((c) => c !== "all");
  return {
    ok: false,
    message: `Unknown care setting “${truncate(text.value)}”: leave it blank for every setting, or use one of ${known.join(", ")} (or ${known.map((c) => careSettingLabels[c]).join(", ")})`,
  };
}

/**
 * A row's level descriptors, lowest level first: none, or every level up to the highest
 * described, and never more levels than the scale has whole scores.
 */
function readDescriptors(cells: readonly Cell[], scale: Scale | null, problems: { column: string; message: string }[]): string[] | null {
  const texts: string[] = [];
  let highest = 0;
  cells.forEach((cell, i) => {
    const column = levelColumn(i + 1);
    if (cell.kind === "formula") {
      problems.push({ column, message: `${column} is a formula (=${truncate(cell.formula)}): enter the text itself` });
      texts.push("");
      return;
    }
    const text = cellText(cell);
    if (text.length > limits.descriptor) problems.push({ column, message: `${column} is longer than ${limits.descriptor.toLocaleString("en-GB")} characters (${text.length})` });
    texts.push(text);
    if (text !== "") highest = i + 1;
  });
  if (highest === 0) return null;
  const levels = scale ? wholeLevels(scale) : Infinity;
  if (highest > levels) {
    const column = levelColumn(texts.findIndex((t, i) => i >= levels && t !== "") + 1);
    problems.push({ column, message: `${column} describes level ${column.slice(6)}, but a scale ${describeRange(scale!)} has ${levels} whole level${levels === 1 ? "" : "s"}: describe at most ${levels}` });
  }
  for (let i = 0; i < Math.min(highest, levels); i++) {
    if (texts[i] === "") {
      problems.push({ column: levelColumn(i + 1), message: `${levelColumn(i + 1)} is blank but level_${highest} is not: describe every level up to the highest one described` });
    }
  }
  return texts.slice(0, highest);
}

/** A file (CSV or XLSX) as a framework, or its problems; a file that cannot be read is one. */
export async function readFrameworkFile(bytes: Uint8Array): Promise<FrameworkFileResult> {
  try {
    return await parseFrameworkRows(readRows(bytes));
  } catch (error) {
    if (error instanceof FileFormatError) return failed([{ line: error.line ?? 0, column: null, message: error.message }], 0);
    throw error;
  }
}

/** What loading a framework creates, for the preview and the history. */
export interface FrameworkSummary {
  code: string;
  name: string;
  version: string;
  scale: Scale;
  careSettings: CareSetting[];
  sections: { code: string; name: string; domainCount: number }[];
  /** For each care setting: the domains its survey has (its own and every setting's). */
  domainsBySetting: { careSetting: CareSetting; domainCount: number }[];
  domainCount: number;
  /** Domains with level descriptors. */
  describedDomainCount: number;
  domains: { code: string; name: string; shortName: string; sectionCode: string; careSetting: CareSetting | null; levelCount: number }[];
}

export function summariseFramework(framework: FrameworkDefinition): FrameworkSummary {
  const { domains } = framework;
  return {
    code: framework.code,
    name: framework.name,
    version: framework.version,
    scale: framework.scale,
    careSettings: framework.careSettings,
    sections: framework.sections.map((s) => ({ code: s.code, name: s.name, domainCount: domains.filter((d) => d.sectionCode === s.code).length })),
    domainsBySetting: framework.careSettings.map((careSetting) => ({
      careSetting,
      domainCount: domains.filter((d) => d.careSetting == null || d.careSetting === careSetting).length,
    })),
    domainCount: domains.length,
    describedDomainCount: domains.filter((d) => d.levelDescriptors != null).length,
    domains: domains.map((d) => ({
      code: d.code,
      name: d.name,
      shortName: d.shortName,
      sectionCode: d.sectionCode,
      careSetting: d.careSetting,
      levelCount: d.levelDescriptors?.length ?? 0,
    })),
  };
}
