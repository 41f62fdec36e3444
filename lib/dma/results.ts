import type { DmaCareSetting } from "./care-settings";
import type { PillarCode } from "./pillars";

export type DmaScope = "provider" | "icb";
export type DmaSheetKind = "pillars" | "overall";

/** One organisation in one care setting, as NHS England published it. */
export interface DmaRow {
  sheet: string;
  /** The spreadsheet row (from 1) a person finds it on. */
  line: number;
  kind: DmaScope;
  region: string | null;
  /** The ICS (ICB) column as published, spaces collapsed. */
  system: string;
  organisation: string;
  careSetting: DmaCareSetting;
  /** Pillar scores, 1–5, null where blank or where the organisation has only an overall score. */
  pillars: Record<PillarCode, number | null>;
  /** Overall score by year ("comparable domains only"), unrounded. */
  overall: Record<number, number | null>;
}

export interface DmaError {
  sheet: string | null;
  line: number | null;
  column: string | null;
  message: string;
}

export interface DmaSheet {
  name: string;
  kind: DmaSheetKind;
  scope: DmaScope;
  headerLine: number;
}

export type DmaWorkbookResult = { ok: true; year: number; rows: DmaRow[]; sheets: DmaSheet[] } | { ok: false; errors: DmaError[] };
