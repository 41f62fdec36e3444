import { toCsv } from "@/lib/export/csv";
import { text, type Table } from "@/lib/export/table";
import { toXlsx, XLSX_CONTENT_TYPE } from "@/lib/export/xlsx";
import { errorResponse } from "@/lib/api-response";
import { getCurrentUser } from "@/lib/auth/session";
import { AppError, notFound } from "@/lib/errors";
import { importFormats } from "@/lib/import/formats";
import { importKindLabels, importKinds, type ImportKind } from "@/lib/import/kinds";

/** A template for each import: the header row and two example rows, as CSV or Excel. */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  try {
    if (!(await getCurrentUser())) throw new AppError("unauthenticated", "Sign in first.");
    const { file } = await params;
    const match = /^([a-z-]+)\.(csv|xlsx)$/.exec(file);
    const kind = importKinds.find((k) => k === match?.[1]) as ImportKind | undefined;
    if (!match || !kind || importFormats[kind].columns.length === 0) throw notFound("That template");
    const { columns, examples } = importFormats[kind];
    const table: Table = {
      title: importKindLabels[kind],
      columns: columns.map((c) => text(c.name, c.name)),
      rows: examples.map((row) => Object.fromEntries(columns.map((c, i) => [c.name, row[i] ?? null]))),
    };
    const body = match[2] === "csv" ? toCsv(table) : Buffer.from(await toXlsx(table));
    return new Response(body, {
      headers: {
        "Content-Type": match[2] === "csv" ? "text/csv; charset=utf-8" : XLSX_CONTENT_TYPE,
        "Content-Disposition": `attachment; filename="${kind}-template.${match[2]}"`,
        "Cache-Control": "private, max-age=300",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
