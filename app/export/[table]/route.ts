import type { NextRequest } from "next/server";
import { exportDefinitions } from "./definitions";
import { errorResponse } from "@/lib/api-response";
import { getCurrentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { csvStream } from "@/lib/export/csv";
import { exportNames, type ExportFormat, type ExportName } from "@/lib/export/links";
import { fileName, parseExportQuery } from "@/lib/export/query";
import { streamOf } from "@/lib/export/table";
import { xlsxStream, XLSX_CONTENT_TYPE } from "@/lib/export/xlsx";
import { enforceRateLimit } from "@/lib/rate-limit";

const isExportName = (name: string): name is ExportName => (exportNames as readonly string[]).includes(name);

/**
 * GET /export/{name}?format=csv|xlsx&{the page's filters}: what the page shows, as a file.
 * Signed-out callers get 401 JSON (the sign-in redirect leaves /export alone); every page
 * that has a download is open to every signed-in role, and the scores download applies
 * the draft rule row by row.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ table: string }> }) {
  try {
    const user = await getCurrentUser();
    if (!user) throw new AppError("unauthenticated", "Sign in to download this.");
    const { table: name } = await params;
    if (!isExportName(name)) throw new AppError("not_found", "There is no such download.");
    await enforceRateLimit("export", { userId: user.id });
    const definition = exportDefinitions[name];
    const query = parseExportQuery(definition.query, request.nextUrl.searchParams) as { format: ExportFormat };
    const { table, name: parts } = await definition.build(query, user);
    const filename = fileName(parts, query.format);
    const headers = {
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    };
    // Written as the rows arrive (a national download is read a page at a time).
    const streamed = streamOf(table);
    if (query.format === "xlsx") return new Response(xlsxStream(streamed), { headers: { ...headers, "Content-Type": XLSX_CONTENT_TYPE } });
    return new Response(csvStream(streamed), { headers: { ...headers, "Content-Type": "text/csv; charset=utf-8" } });
  } catch (error) {
    return errorResponse(error);
  }
}
