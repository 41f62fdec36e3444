import "server-only";
import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { getDb } from "../client";
import { importJobs } from "../schema";
import { recordAudit, recordDenied } from "./audit";
import { importDefinitions } from "../imports/definitions";
import { ImportRejected, runImport, type ImportProgress, type ImportSummary } from "../imports/run";
import { conflict, forbidden, invalid, notFound } from "@/lib/errors";
import { importKindLabels, type ImportKind } from "@/lib/import/kinds";
import { importRefusals, mayImportKind } from "@/lib/import/permissions";
import type { Actor } from "@/lib/permissions";

/** Files above this size are refused before they are read (a 100,000-row score file is ~4 MB). */
export const MAX_FILE_BYTES = 30 * 1024 * 1024;

function definitionFor(kind: ImportKind) {
  const definition = importDefinitions[kind];
  if (!definition) throw invalid(`${importKindLabels[kind]} cannot be imported yet.`, { kind: "Choose what the file holds" });
  return definition;
}

/** The commit would not do what the preview showed. */
class PreviewOutdated extends Error {
  constructor(readonly summary: ImportSummary) {
    super("the preview is out of date");
  }
}

/** A unique index or deadlock hit by another writer at the same moment (PostgreSQL codes). */
function isConcurrentWrite(error: unknown): boolean {
  const code = (e: unknown) => (e && typeof e === "object" && "code" in e ? String((e as { code: unknown }).code) : undefined);
  const found = code(error) ?? code((error as { cause?: unknown } | null)?.cause);
  return found === "23505" || found === "40P01" || found === "40001";
}

/** Refuses (and records) an actor whose role may not import this kind: before any upload is read. */
export async function authoriseImport(actor: Actor, kind: ImportKind, entityId: string = kind): Promise<void> {
  if (mayImportKind(actor, kind)) return;
  await recordDenied(await getDb(), actor, { action: `import.${kind}`, entityType: "import", entityId });
  throw forbidden(importRefusals[kind]);
}

/**
 * Reads and checks a file without changing anything, and keeps it (when it has no errors)
 * for the user to commit: the preview.
 */
export async function checkImport({
  actor,
  kind,
  fileName,
  bytes,
  onProgress,
}: {
  actor: Actor;
  kind: ImportKind;
  fileName: string;
  bytes: Uint8Array;
  onProgress?: (progress: ImportProgress) => void | Promise<void>;
}) {
  const definition = definitionFor(kind);
  await authoriseImport(actor, kind);
  const db = await getDb();
  if (bytes.length === 0) throw invalid("The file is empty.", { file: "Choose a file with a header row and at least one row" });
  if (bytes.length > MAX_FILE_BYTES) throw invalid(`The file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB: split it into smaller files.`, { file: "Choose a smaller file" });
  const summary = await runImport({ db, actor, definition, bytes, commit: false, onProgress });
  const [job] = await db
    .insert(importJobs)
    .values({
      kind,
      userId: actor.id,
      fileName: fileName.slice(0, 200),
      // Kept only when it can be committed.
      contents: summary.errorCount === 0 ? bytes : null,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      rowCount: summary.rowCount,
      created: summary.created,
      changed: summary.changed,
      unchanged: summary.unchanged,
      errorCount: summary.errorCount,
      errors: summary.errors,
    })
    .returning();
  return job!;
}

async function ownJob(actor: Actor, jobId: string) {
  const db = await getDb();
  const [job] = await db.select().from(importJobs).where(eq(importJobs.id, jobId));
  // Someone else's import is not there for this user (no hint that it exists).
  if (!job || job.userId !== actor.id) throw notFound("That import");
  return job;
}

/** The checked file the actor may commit now, or why not. */
export async function committableJob(actor: Actor, jobId: string) {
  const job = await ownJob(actor, jobId);
  await authoriseImport(actor, job.kind, job.id);
  if (job.status !== "checked") throw conflict(`This import was ${job.status} already.`);
  if (job.errorCount > 0 || !job.contents) throw conflict("This file has errors: correct them and upload it again.");
  return { ...job, contents: job.contents };
}

/**
 * Writes a checked file: all of it in one transaction with its history, or — when a row
 * no longer passes, or the file would now do other than the preview showed (someone
 * changed the data since) — nothing, and the preview's counts and errors are brought up
 * to date instead.
 */
export async function commitImport({ actor, jobId, onProgress }: { actor: Actor; jobId: string; onProgress?: (progress: ImportProgress) => void | Promise<void> }) {
  const job = await committableJob(actor, jobId);
  const definition = definitionFor(job.kind);
  const db = await getDb();
  const contents = job.contents;
  try {
    return await db.transaction(async (tx) => {
      // One commit per checked file, even when two arrive at once.
      const [claimed] = await tx
        .update(importJobs)
        .set({ status: "committed", finishedAt: new Date(), contents: null })
        .where(and(eq(importJobs.id, job.id), eq(importJobs.status, "checked")))
        .returning();
      if (!claimed) throw conflict("This import was committed or discarded already.");
      const summary = await runImport({ db: tx, actor, definition, bytes: contents, commit: true, onProgress });
      // Someone changed the same records since the preview: the user approved other figures.
      if (summary.created !== job.created || summary.changed !== job.changed || summary.unchanged !== job.unchanged) throw new PreviewOutdated(summary);
      const [done] = await tx
        .update(importJobs)
        .set({ rowCount: summary.rowCount, created: summary.created, changed: summary.changed, unchanged: summary.unchanged })
        .where(eq(importJobs.id, job.id))
        .returning();
      await recordAudit(tx, {
        actorId: actor.id,
        action: "import.committed",
        entityType: "import",
        entityId: job.id,
        after: { kind: job.kind, file: job.fileName, sha256: job.sha256, rows: summary.rowCount, created: summary.created, changed: summary.changed, unchanged: summary.unchanged },
      });
      return done!;
    });
  } catch (error) {
    if (error instanceof PreviewOutdated) {
      const { summary } = error;
      await db.update(importJobs).set({ created: summary.created, changed: summary.changed, unchanged: summary.unchanged }).where(eq(importJobs.id, job.id));
      throw conflict(
        `Nothing was imported: the data changed after this file was checked, and it would now add ${summary.created}, change ${summary.changed} and leave ${summary.unchanged} alone. The preview shows the new figures: import it again if that is still what you want.`,
      );
    }
    if (isConcurrentWrite(error)) {
      throw conflict("Nothing was imported: someone changed the same records at the same moment. Try again.");
    }
    if (!(error instanceof ImportRejected)) throw error;
    const { summary } = error;
    await db
      .update(importJobs)
      .set({ rowCount: summary.rowCount, created: summary.created, changed: summary.changed, unchanged: summary.unchanged, errorCount: summary.errorCount, errors: summary.errors, contents: null })
      .where(eq(importJobs.id, job.id));
    throw conflict(
      `Nothing was imported: ${summary.errorCount === 1 ? "a row no longer passes" : `${summary.errorCount} rows no longer pass`} the checks (the data changed after the preview). The preview now lists ${summary.errorCount === 1 ? "it" : "them"}.`,
    );
  }
}

export async function discardImport({ actor, jobId }: { actor: Actor; jobId: string }) {
  const job = await ownJob(actor, jobId);
  if (job.status !== "checked") throw conflict(`This import was ${job.status} already.`);
  const db = await getDb();
  await db
    .update(importJobs)
    .set({ status: "discarded", finishedAt: new Date(), contents: null })
    .where(and(eq(importJobs.id, job.id), eq(importJobs.status, "checked")));
}
