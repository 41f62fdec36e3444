import { canSeeAssessment, type Actor } from "@/lib/permissions";
import { number, text, type Cell, type StreamedTable, type Table } from "../table";

/** The header of the scores import, exactly: the importer reads files written with it. */
export const scoreImportHeader = ["ods_code", "framework", "period", "domain", "score"] as const;

interface ScoreRow {
  organisationId: string;
  status: "draft" | "submitted" | "approved";
  odsCode: string;
  frameworkCode: string;
  periodCode: string;
  domainCode: string;
  score: number;
}

const [ods, framework, period, domain, score] = scoreImportHeader;
export const scoresImportColumns = [text(ods, ods), text(framework, framework), text(period, period), text(domain, domain), number(score, score)];

/**
 * Scores in the import format, one row per domain score, by codes: those the viewer may
 * see (drafts only by their own CIOs and admins, as on the assessments pages).
 * Organisations without an ODS code cannot be named in this format and are not in `rows`.
 */
export function scoresImportRows(rows: readonly ScoreRow[], viewer: Actor): Record<string, Cell>[] {
  return rows
    .filter((r) => canSeeAssessment(viewer, r))
    .map((r) => ({ [ods]: r.odsCode, [framework]: r.frameworkCode, [period]: r.periodCode, [domain]: r.domainCode, [score]: r.score }));
}

export function scoresImportTable({ title, rows, viewer }: { title: string; rows: readonly ScoreRow[]; viewer: Actor }): Table {
  return { title, columns: scoresImportColumns, rows: scoresImportRows(rows, viewer) };
}

/** The same, a page at a time (the national download: hundreds of thousands of rows). */
export function scoresImportStream({ title, pages, viewer }: { title: string; pages: AsyncIterable<readonly ScoreRow[]>; viewer: Actor }): StreamedTable {
  return {
    title,
    columns: scoresImportColumns,
    pages: (async function* () {
      for await (const page of pages) yield scoresImportRows(page, viewer);
    })(),
  };
}
