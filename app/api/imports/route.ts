import { z } from "zod";
import { assertPreviewRoom, authoriseAnyImport, authoriseImport, checkImport } from "@/db/commands/imports";
import { errorResponse } from "@/lib/api-response";
import { getCurrentUser } from "@/lib/auth/session";
import { AppError, forbidden, invalid, tooLarge } from "@/lib/errors";
import { readBodyWithin } from "@/lib/http/body-limit";
import { importKinds } from "@/lib/import/kinds";
import { ndjsonResponse } from "@/lib/ndjson";
import { MAX_IMPORT_BODY_BYTES, MAX_IMPORT_FILE_BYTES, megabytes } from "@/lib/request-limits";
import { isCrossSite } from "@/lib/same-origin";

const formSchema = z.object({
  kind: z.enum(importKinds, { error: "Choose what the file holds" }),
  file: z.instanceof(File, { error: "Choose a CSV or Excel file to import" }),
});

const fileTooLarge = () => tooLarge(`The file is larger than ${megabytes(MAX_IMPORT_FILE_BYTES)}: split it into smaller files.`, { file: "Choose a smaller file" });

/** The multipart form, from a body already read within its limit. */
async function formOf(request: Request, body: Uint8Array<ArrayBuffer>): Promise<FormData | null> {
  return new Response(body, { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData().catch(() => null);
}

/** Checks an uploaded file (the preview), streaming progress; the last line has the import's id. */
export async function POST(request: Request) {
  try {
    const user = await getCurrentUser();
    if (!user) throw new AppError("unauthenticated", "Sign in first.");
    if (isCrossSite(request)) throw forbidden("Imports can only be sent from this site's own pages.");
    // Refused before a byte of the body is read: a role that may import nothing, and a
    // user whose checked files already fill their share. The kind is in the body, so it is
    // checked once the body is read (within its limit).
    await authoriseAnyImport(user);
    await assertPreviewRoom(user, 0);
    const body = await readBodyWithin(request, { maxBytes: MAX_IMPORT_BODY_BYTES, refusal: fileTooLarge });
    const form = await formOf(request, body);
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
    if (file.size > MAX_IMPORT_FILE_BYTES) throw fileTooLarge();
    const bytes = new Uint8Array(await file.arrayBuffer());
    return ndjsonResponse(async (send) => {
      const job = await checkImport({
        actor: user,
        kind,
        fileName: file.name,
        bytes,
        onProgress: (p) => send({ type: "progress", ...p }),
      });
      return { id: job.id, errorCount: job.errorCount };
    });
  } catch (error) {
    return errorResponse(error);
  }
}
