import { requireFrameworkLoader } from "../route-access";
import { errorResponse } from "@/lib/api-response";
import { toCsv } from "@/lib/export/csv";
import { text, type Table } from "@/lib/export/table";
import { frameworkTemplate } from "@/lib/frameworks/file";

/** A framework file to start from: the header (with five level columns) and two example rows. */
export async function GET() {
  try {
    await requireFrameworkLoader();
    const { header, rows } = frameworkTemplate();
    const table: Table = {
      title: "Framework",
      columns: header.map((name) => text(name, name)),
      rows: rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i] || null]))),
    };
    return new Response(toCsv(table), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": 'attachment; filename="framework-template.csv"',
        "Cache-Control": "private, max-age=300",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
