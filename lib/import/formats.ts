import type { ImportKind } from "./kinds";

// The documented columns of each import: the header row names every one of them (in any
// order, any case, "ODS code" or "ods_code"); the import page, the templates and the
// README are written from this list. A column left out is an error rather than "keep what
// is there", so that a file never clears fields by omission.

export interface ColumnSpec {
  name: string;
  description: string;
  example: string;
  /** Every column must be in the header; some cells may be left blank (which clears the value). */
  mayBeBlank: boolean;
}

const column = (name: string, description: string, example: string, mayBeBlank = false): ColumnSpec => ({ name, description, example, mayBeBlank });

const framework = column("framework", "The framework's code or name, as the app shows it", "DMI-2016");
const period = column("period", "The assessment period's code or name", "2017-REASSESSMENT");
const domain = column("domain", "The domain's code or name within that framework", "C1");

export const importFormats: Record<ImportKind, { summary: string; columns: ColumnSpec[]; examples: string[][] }> = {
  // Not a table of our own: NHS England's workbook as downloaded, recognised by its layout.
  "dma-results": {
    summary:
      "NHS England's Digital Maturity Assessment results data file (.xlsx), exactly as published: any file with its pillar and overall sheets is recognised by their layout, whatever the kind chosen. Organisations and ICBs are matched by name to ODS codes. Administrators only.",
    columns: [],
    examples: [],
  },
  scores: {
    summary:
      "One row per domain score. A score for an organisation and period without an assessment starts a draft (the period must be open); only draft assessments' scores change.",
    columns: [
      column("ods_code", "The organisation's ODS code", "RTH"),
      framework,
      period,
      domain,
      column("score", "A score on the framework's scale: a whole number from 0 to 100 for DMI-2016 (a trailing % is allowed), 1 to 5 with one decimal for the NHS England DMA", "65"),
    ],
    examples: [
      ["RTH", "DMI-2016", "2017-REASSESSMENT", "R1", "72"],
      ["RTH", "DMI-2016", "2017-REASSESSMENT", "C1", "58"],
    ],
  },
  "national-averages": {
    summary: "One row per domain and period: the national average the heatmap compares against. Administrators only.",
    columns: [framework, period, domain, column("score", "A score on the framework's scale (0 to 100 for DMI-2016)", "61")],
    examples: [
      ["DMI-2016", "2017-REASSESSMENT", "R1", "61"],
      ["DMI-2016", "2017-REASSESSMENT", "C1", "54"],
    ],
  },
  targets: {
    summary:
      "One row per target: a domain's score to reach by the end of a financial year, for the system, a footprint or an organisation. Board members set system and footprint targets, CIOs their own organisations'.",
    columns: [
      column("scope", "system, footprint or organisation", "footprint"),
      column("place", "The system's code, the footprint's code, or the organisation's ODS code", "OXON"),
      framework,
      domain,
      column("financial_year", "The financial year the target is for, like 2018/19", "2018/19"),
      column("score", "A score on the framework's scale (0 to 100 for DMI-2016)", "75"),
    ],
    examples: [
      ["footprint", "OXON", "DMI-2016", "C1", "2018/19", "80"],
      ["organisation", "RTH", "DMI-2016", "C2", "2018/19", "75"],
    ],
  },
  projects: {
    summary:
      "One row per project, matched on its code: a new code adds a project, a known code changes it (all its fields, as in the file). Lists are separated by semicolons. A CIO adds and changes projects one of their organisations owns.",
    columns: [
      column("code", "The project's code: a new one adds a project", "OUH-EPR-2"),
      column("title", "The project's title", "Electronic prescribing on all wards"),
      column("description", "What it does", "Roll out ePMA to the remaining wards", false),
      column("domain", "The maturity domain it raises, by code or name (DMI-2016:C4 where two frameworks share a code)", "C4"),
      column("stp_priority", "The STP digital priority it serves, as the app names it", "Provider digital maturity"),
      column("programme", "The programme's code or name, if it is part of one", "", false),
      column("owners", "ODS codes of the owner organisations", "RTH;RNU"),
      column("footprints", "Footprint codes it applies to, beyond its owners'", "OXON", false),
      column("from_year", "First financial year", "2017/18"),
      column("to_year", "Last financial year", "2018/19"),
      column("start_on", "Start date (YYYY-MM-DD)", "2017-04-01", false),
      column("end_on", "End date (YYYY-MM-DD)", "2019-03-31", false),
      column("status", "planned, in flight, delivered, paused or stopped", "in flight"),
      column("rag", "red, amber or green", "amber", false),
      column("rag_reason", "Why, when red or amber", "Supplier delay", false),
      column("enables", "Universal capabilities (1–10) it enables", "5", false),
      column("supports", "Universal capabilities (1–10) it supports", "2;9", false),
    ],
    examples: [
      ["OUH-EPMA-2", "Electronic prescribing on all wards", "Roll out ePMA to the remaining wards", "C4", "Provider digital maturity", "", "RTH", "OXON", "2017/18", "2018/19", "2017-04-01", "2019-03-31", "in flight", "amber", "Supplier delay", "", "2;9"],
      ["OUH-DS-1", "Discharge summaries to GPs", "", "C2", "Records sharing, care planning", "", "RTH", "", "2017/18", "2017/18", "", "", "planned", "", "", "5", ""],
    ],
  },
};
