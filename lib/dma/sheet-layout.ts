import { headerKey } from "@/lib/import/cells";
import { pillarNamed, pillars, type PillarCode } from "./pillars";
import type { DmaScope, DmaSheetKind } from "./results";

// Recognising a DMA results table by its header row, wherever it is: NHS England's sheets
// carry title rows above the header and start in column B, and a file re-saved by hand
// may have moved, renamed or reordered everything but the column headings.

/** How far down a header row may be: the published file has it on row 11. */
export const headerSearchRows = 40;

export interface SheetLayout {
  headerLine: number;
  kind: DmaSheetKind;
  scope: DmaScope;
  /** Column numbers from 1, as in the spreadsheet. */
  columns: {
    region: number | null;
    system: number;
    provider: number | null;
    careSetting: number | null;
    pillars: Partial<Record<PillarCode, number>>;
    overall: { year: number; column: number }[];
  };
  /** The headings as published, by column, for naming columns in errors. */
  headings: Map<number, string>;
  /** The first and last columns of the table: a row blank across them ends it. */
  span: { first: number; last: number };
  /** Years written in the rows above the header, e.g. 2025 in "2025 DMA: ICB Response Data". */
  titleYears: number[];
}

export type LayoutResult = { ok: true; layout: SheetLayout } | { ok: false; headerLine: number; problem: string } | null;

const roleNames: Record<"region" | "system" | "provider" | "careSetting", readonly string[]> = {
  region: ["Region", "NHS England Region", "NHSE Region"],
  system: ["ICS", "ICB", "Integrated Care System", "Integrated Care Board", "System", "ICS Name", "ICB Name"],
  provider: ["Provider", "Provider Name", "Trust", "Trust Name"],
  careSetting: ["Care Setting", "Setting"],
};
const roleByKey = new Map(Object.entries(roleNames).flatMap(([role, names]) => names.map((n) => [headerKey(n), role as keyof typeof roleNames] as const)));
const averageHeading = /^(\d{4})average$/;

function yearsIn(text: string): number[] {
  return [...text.matchAll(/\b(20\d{2})\b/g)].map((m) => Number(m[1]));
}

/** What one row would be as a header: the columns it names. */
function readHeading(cells: readonly string[]) {
  const found: { region?: number; system?: number; provider?: number; careSetting?: number } = {};
  const pillarColumns: Partial<Record<PillarCode, number>> = {};
  const overall: { year: number; column: number }[] = [];
  const headings = new Map<number, string>();
  cells.forEach((text, index) => {
    const column = index + 1;
    const key = headerKey(text);
    if (key === "") return;
    const role = roleByKey.get(key);
    const pillar = pillarNamed(text);
    const average = averageHeading.exec(key);
    // The first column of a name wins: a copy further right is not the table's.
    if (role && found[role] === undefined) found[role] = column;
    else if (pillar && pillarColumns[pillar.code] === undefined) pillarColumns[pillar.code] = column;
    else if (average && !overall.some((o) => o.year === Number(average[1]))) overall.push({ year: Number(average[1]), column });
    else return;
    headings.set(column, text.trim().replace(/\s+/g, " "));
  });
  return { found, pillarColumns, overall, headings };
}

/**
 * The layout of a sheet from its first rows (each row's cell texts, column A first), or
 * null if no row there heads a DMA results table: an organisation column (Provider, or
 * ICS for ICBs' own results) with all seven pillars or with "<year> Average" columns.
 */
export function findSheetLayout(rows: readonly (readonly string[])[]): LayoutResult {
  for (const [index, cells] of rows.slice(0, headerSearchRows).entries()) {
    const { found, pillarColumns, overall, headings } = readHeading(cells);
    const hasPillars = pillars.every((p) => pillarColumns[p.code] !== undefined);
    if ((found.provider === undefined && found.system === undefined) || (!hasPillars && overall.length === 0)) continue;

    const headerLine = index + 1;
    if (found.system === undefined) return { ok: false, headerLine, problem: "the header has a Provider column but no ICS column" };
    if (found.provider !== undefined && found.careSetting === undefined) {
      return { ok: false, headerLine, problem: "the header has a Provider column but no Care Setting column" };
    }
    const used = [...headings.keys()];
    return {
      ok: true,
      layout: {
        headerLine,
        kind: hasPillars ? "pillars" : "overall",
        scope: found.provider === undefined ? "icb" : "provider",
        columns: {
          region: found.region ?? null,
          system: found.system,
          provider: found.provider ?? null,
          careSetting: found.provider === undefined ? null : found.careSetting!,
          pillars: hasPillars ? pillarColumns : {},
          overall: overall.sort((a, b) => b.year - a.year),
        },
        headings,
        span: { first: Math.min(...used), last: Math.max(...used) },
        titleYears: rows.slice(0, index).flatMap((r) => r.flatMap(yearsIn)),
      },
    };
  }
  return null;
}
