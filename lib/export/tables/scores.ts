import { canSeeAssessment, type Actor } from "@/lib/permissions";
import { number, text, type Table } from "../table";

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

/**
 * Scores in the import format, one row per domain score, by codes: those the viewer may
 * see (drafts only by their own CIOs and admins, as on the assessments pages).
 * Organisations without an ODS code cannot be named in this format and are not in `rows`.
 */
export function scoresImportTable({ title, rows, viewer }: { title: string; rows: readonly ScoreRow[]; viewer: Actor }): Table {
  const [ods, framework, period, domain, score] = scoreImportHeader;
  return {
    title,
    columns: [text(ods, ods), text(framework, framework), text(period, period), text(domain, domain), number(score, score)],
    rows: rows
      .filter((r) => canSeeAssessment(viewer, r))
      .map((r) => ({ [ods]: r.odsCode, [framework]: r.frameworkCode, [period]: r.periodCode, [domain]: r.domainCode, [score]: r.score })),
  };
}
