import { readFile } from "node:fs/promises";
import path from "node:path";
import { requireFrameworkLoader } from "../route-access";
import { errorResponse } from "@/lib/api-response";

/** docs/framework-files.md, the layout of a framework file, as text the browser shows. */
export async function GET() {
  try {
    await requireFrameworkLoader();
    const guide = await readFile(path.join(process.cwd(), "docs", "framework-files.md"), "utf8");
    return new Response(guide, {
      headers: { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff", "Cache-Control": "private, max-age=300" },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
