import { z } from "zod";
import { authoriseImport, checkImport, MAX_FILE_BYTES } from "@/db/commands/imports";
import { errorResponse } from "@/lib/api-response";
import { getCurrentUser } from "@/lib/auth/session";
import { AppError, forbidden, invalid } from "@/lib/errors";
import { importKinds } from "@/lib/import/kinds";
import { ndjsonResponse } from "@/lib/ndjson";
import { isCrossSite } from "@/lib/same-origin";

const formSchema = z.object({
  kind: z.enum(importKinds, { error: "Choose what the file holds" }),
  file: z.instanceof(File, { error: "Choose a CSV or Excel file to import" }),
});

/** Checks an uploaded file (the preview), streaming progress; the last line has the import's id. */
export async function POST(request: Request) {
  try {
    const user = await getCurrentUser();
    if (!user) throw new AppError("unauthenticated", "Sign in first.");
    if (isCrossSite(request)) throw forbidden("Imports can only be sent from this site's own pages.");
    // Refused before the body is read: the size the browser declares.
    const declared = Number(request.headers.get("content-length") ?? "0");
    if (declared > MAX_FILE_BYTES + 64 * 1024) {
      throw invalid(`The file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB: split it into smaller files.`, { file: "Choose a smaller file" });
    }
    const form = await request.formData().catch(() => null);
    if (!form) throw invalid("The upload could not be read: choose the file again.", { file: "Choose a CSV or Excel file to import" });
    const parsed = formSchema.safeParse({ kind: form.get("kind") ?? undefined, file: form.get("file") ?? undefined });
    if (!parsed.success) {
      const fieldErrors = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
      throw invalid("The file was not checked: correct the fields marked below.", fieldErrors);
    }
    const { kind, file } = parsed.data;
    // Refusals answer with their status before the stream starts (the command checks again).
    await authoriseImport(user, kind);
    if (file.size === 0) throw invalid("The file was not checked: it is empty.", { file: "Choose a file with a header row and at least one row" });
    const bytes = new Uint8Array(await file.arrayBuffer());
    return ndjsonResponse(async (send) => {
      const job = await checkImport({
        actor: user,
        kind,
        fileName: file.name || "upload",
        bytes,
        onProgress: (p) => send({ type: "progress", ...p }),
      });
      return { id: job.id, errorCount: job.errorCount };
    });
  } catch (error) {
    return errorResponse(error);
  }
}
