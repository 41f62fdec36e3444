import { commitImport, committableJob } from "@/db/commands/imports";
import { errorResponse } from "@/lib/api-response";
import { getCurrentUser } from "@/lib/auth/session";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { ndjsonResponse } from "@/lib/ndjson";
import { isCrossSite } from "@/lib/same-origin";

/** Commits a checked file, streaming progress; all of it or nothing. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await getCurrentUser();
    if (!user) throw new AppError("unauthenticated", "Sign in first.");
    if (isCrossSite(request)) throw forbidden("Imports can only be committed from this site's own pages.");
    const { id } = await params;
    if (!isUuid(id)) throw notFound("That import");
    // Not found, refused or already done: answered with its status before the stream starts.
    await committableJob(user, id);
    return ndjsonResponse(async (send) => {
      const job = await commitImport({ actor: user, jobId: id, onProgress: (p) => send({ type: "progress", ...p }) });
      return { id: job.id, created: job.created, changed: job.changed, unchanged: job.unchanged };
    });
  } catch (error) {
    return errorResponse(error);
  }
}
