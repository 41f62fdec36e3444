import "server-only";
import { createHash } from "node:crypto";
import { and, count, eq, gte, isNotNull, lt, sql } from "drizzle-orm";
import { getDb, type Database } from "../client";
import { importJobs } from "../schema";
import { recordAudit, recordDenied } from "./audit";
import { importDefinitions, type RowImportKind } from "../imports/definitions";
import { runDmaImport, type DmaImportOptions } from "../imports/dma-results";
import { looksLikeDmaWorkbook } from "@/lib/dma/workbook";
import { detectFileType } from "@/lib/import/read";
import type { ImportJobOptions } from "../schema";
import { ImportRejected, runImport, type ImportProgress, type ImportSummary } from "../imports/run";
import { stripControlCharacters } from "@/lib/control-characters";
import { conflict, forbidden, invalid, notFound, tooLarge } from "@/lib/errors";
import { importKindLabels, type ImportKind, type ImportStatus } from "@/lib/import/kinds";
import { importableKinds, importRefusals, mayImportKind } from "@/lib/import/permissions";
import type { Actor } from "@/lib/permissions";
import { MAX_IMPORT_FILE_BYTES, MAX_PENDING_PREVIEW_BYTES_PER_USER, MAX_PENDING_PREVIEWS_PER_USER, megabytes, PREVIEW_LIFETIME_HOURS } from "@/lib/request-limits";

function definitionFor(kind: RowImportKind) {
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

/** Refuses (and records) an actor whose role may import nothing at all: before a byte of an upload is read. */
export async function authoriseAnyImport(actor: Actor): Promise<void> {
  if (importableKinds(actor).length > 0) return;
  await recordDenied(await getDb(), actor, { action: "import", entityType: "import", entityId: "upload" });
  throw forbidden("Only CIOs, programme board members and administrators can import files.");
}

// ---- Checked files waiting to be imported (previews) ----------------------------------
// Each keeps its whole file in the database until it is imported or discarded. They expire
// after PREVIEW_LIFETIME_HOURS and each user may keep only so many, so that abandoned
// uploads cannot fill the database. Expiry needs no scheduler: every new check and every
// commit or discard sweeps first, by the database's clock, so all instances agree.

const lifetime = sql`${`${PREVIEW_LIFETIME_HOURS} hours`}::interval`;

/** Checked files older than their lifetime: marked expired, their contents dropped, each recorded in the history. */
export async function expireStalePreviews(db?: Database): Promise<number> {
  const target = db ?? (await getDb());
  return target.transaction(async (tx) => {
    const expired = await tx
      .update(importJobs)
      .set({ status: "expired", contents: null, finishedAt: sql`now()` })
      .where(and(eq(importJobs.status, "checked"), lt(importJobs.createdAt, sql`now() - ${lifetime}`)))
      .returning({ id: importJobs.id, kind: importJobs.kind, fileName: importJobs.fileName, userId: importJobs.userId });
    // The system did it, not a person: no actor.
    await recordAudit(
      tx,
      expired.map((job) => ({
        actorId: null,
        action: "import.expired",
        entityType: "import",
        entityId: job.id,
        before: { status: "checked", kind: job.kind, file: job.fileName, user: job.userId },
        after: { status: "expired", reason: `not imported within ${PREVIEW_LIFETIME_HOURS} hours of its check` },
      })),
    );
    return expired.length;
  });
}

/**
 * Refuses a new check when the user's checked files already fill their share (in number,
 * or in bytes with `newBytes` added). Refused rather than making room by discarding the
 * oldest: a checked file is someone's pending decision (perhaps open in another tab), and
 * the app does not throw work away behind a person's back.
 */
export async function assertPreviewRoom(actor: Actor, newBytes: number, db?: Database): Promise<void> {
  const target = db ?? (await getDb());
  const [held] = await target
    .select({ files: count(), bytes: sql<number>`coalesce(sum(octet_length(${importJobs.contents})), 0)::float8` })
    .from(importJobs)
    .where(and(eq(importJobs.userId, actor.id), eq(importJobs.status, "checked"), isNotNull(importJobs.contents), gte(importJobs.createdAt, sql`now() - ${lifetime}`)));
  const files = held?.files ?? 0;
  const bytes = Number(held?.bytes ?? 0);
  const what = `Import or discard one of them (under “Your recent imports” on the Imports page) first; files not imported are discarded ${PREVIEW_LIFETIME_HOURS} hours after their check.`;
  if (files >= MAX_PENDING_PREVIEWS_PER_USER) {
    throw conflict(`Nothing was checked: you have ${files} checked files waiting to be imported, the most anyone may keep. ${what}`);
  }
  if (bytes + newBytes > MAX_PENDING_PREVIEW_BYTES_PER_USER) {
    throw conflict(`Nothing was checked: your checked files waiting to be imported hold ${megabytes(bytes)}, and this one would take them past ${megabytes(MAX_PENDING_PREVIEW_BYTES_PER_USER)}. ${what}`);
  }
}

/** Why a file that is no longer waiting cannot be imported, discarded or settled. */
function notPending(status: ImportStatus) {
  if (status === "expired") {
    return conflict(`This file was checked more than ${PREVIEW_LIFETIME_HOURS} hours ago and not imported, so it was discarded: upload it again to check it afresh.`);
  }
  return conflict(`This import was ${status} already.`);
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
  options,
}: {
  actor: Actor;
  kind: ImportKind;
  fileName: string;
  bytes: Uint8Array;
  onProgress?: (progress: ImportProgress) => void | Promise<void>;
  /** For NHS England's workbook: names mapped by hand, and whether to leave out rows matching nothing. */
  options?: DmaImportOptions;
}) {
  await authoriseImport(actor, kind);
  const db = await getDb();
  if (bytes.length === 0) throw invalid("The file is empty.", { file: "Choose a file with a header row and at least one row" });
  if (bytes.length > MAX_IMPORT_FILE_BYTES) throw tooLarge(`The file is larger than ${megabytes(MAX_IMPORT_FILE_BYTES)}: split it into smaller files.`, { file: "Choose a smaller file" });
  await expireStalePreviews(db);
  // Refused before the file is parsed; checked again, under a lock, when it is kept.
  await assertPreviewRoom(actor, bytes.length, db);
  // NHS England's workbook is known by its layout, whatever kind was chosen.
  if (kind !== "dma-results" && (await isDmaWorkbook(bytes))) kind = "dma-results";
  await authoriseImport(actor, kind);
  const { summary, options: found, keep } = await checkFile(db, actor, kind, bytes, options, onProgress);
  const [job] = await db.transaction(async (tx) => {
    if (keep) {
      // Two uploads by one user at once cannot both squeeze under the cap.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`import-previews:${actor.id}`}, 0))`);
      await assertPreviewRoom(actor, bytes.length, tx);
    }
    return tx
      .insert(importJobs)
      .values({
        kind,
        userId: actor.id,
        fileName: stripControlCharacters(fileName).slice(0, 200) || "upload",
        options: found,
        // Kept only when it can be committed (or, for the workbook, once its names are settled).
        contents: keep ? bytes : null,
        sha256: createHash("sha256").update(bytes).digest("hex"),
        rowCount: summary.rowCount,
        created: summary.created,
        changed: summary.changed,
        unchanged: summary.unchanged,
        errorCount: summary.errorCount,
        errors: summary.errors,
      })
      .returning();
  });
  return job!;
}

async function isDmaWorkbook(bytes: Uint8Array): Promise<boolean> {
  try {
    return detectFileType(bytes) === "xlsx" && (await looksLikeDmaWorkbook(bytes));
  } catch {
    return false;
  }
}

/** Checks a file of a kind; says whether it may be kept for a commit (or, for the workbook, a re-check). */
async function checkFile(
  db: Awaited<ReturnType<typeof getDb>>,
  actor: Actor,
  kind: ImportKind,
  bytes: Uint8Array,
  options: DmaImportOptions | undefined,
  onProgress?: (progress: ImportProgress) => void | Promise<void>,
): Promise<{ summary: ImportSummary; options: ImportJobOptions; keep: boolean }> {
  if (kind !== "dma-results") {
    const summary = await runImport({ db, actor, definition: definitionFor(kind), bytes, commit: false, onProgress });
    return { summary, options: {}, keep: summary.errorCount === 0 };
  }
  const summary = await runDmaImport({ db, actor, bytes, commit: false, options });
  const found: ImportJobOptions = { ...options, year: summary.year, unmatched: summary.unmatched, leftOut: summary.leftOut };
  // Names that match nothing are settled on the preview (mapped, added or left out), so the
  // file stays while it has no other error.
  const onlyNames = summary.year != null && summary.errors.every((e) => e.message.includes("in the app matches"));
  return { summary, options: found, keep: onlyNames };
}

/**
 * The workbook checked again with the user's choices for its names: a name mapped to an
 * organisation (remembered when committed), or unmatched rows left out.
 */
export async function recheckDmaImport({ actor, jobId, options }: { actor: Actor; jobId: string; options: DmaImportOptions }) {
  const job = await dmaJobToSettle(actor, jobId);
  const db = await getDb();
  const chosen: DmaImportOptions = {
    leaveOutUnmatched: options.leaveOutUnmatched ?? job.options.leaveOutUnmatched,
    mappings: { ...(job.options.mappings ?? {}), ...(options.mappings ?? {}) },
  };
  const { summary, options: found } = await checkFile(db, actor, "dma-results", job.contents, chosen);
  const [updated] = await db
    .update(importJobs)
    .set({ options: found, rowCount: summary.rowCount, created: summary.created, changed: summary.changed, unchanged: summary.unchanged, errorCount: summary.errorCount, errors: summary.errors.slice(0, 1000) })
    .where(and(eq(importJobs.id, job.id), eq(importJobs.status, "checked")))
    .returning();
  return updated!;
}

/** The actor's own checked workbook whose names may still be settled, or why not. */
export async function dmaJobToSettle(actor: Actor, jobId: string) {
  const job = await ownJob(actor, jobId);
  await authoriseImport(actor, job.kind, job.id);
  if (job.kind !== "dma-results") throw invalid("Only NHS England's workbook has names to settle.", {});
  if (job.status !== "checked") throw notPending(job.status);
  if (!job.contents) throw conflict("This file has errors: correct them and upload it again.");
  return { ...job, contents: job.contents };
}

async function ownJob(actor: Actor, jobId: string) {
  const db = await getDb();
  await expireStalePreviews(db);
  const [job] = await db.select().from(importJobs).where(eq(importJobs.id, jobId));
  // Someone else's import is not there for this user (no hint that it exists).
  if (!job || job.userId !== actor.id) throw notFound("That import");
  return job;
}

/** The checked file the actor may commit now, or why not. */
export async function committableJob(actor: Actor, jobId: string) {
  const job = await ownJob(actor, jobId);
  await authoriseImport(actor, job.kind, job.id);
  if (job.status !== "checked") throw notPending(job.status);
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
      const summary =
        job.kind === "dma-results"
          ? await runDmaImport({ db: tx, actor, bytes: contents, commit: true, options: job.options })
          : await runImport({ db: tx, actor, definition: definitionFor(job.kind), bytes: contents, commit: true, onProgress });
      if (summary.errorCount > 0) throw new ImportRejected(summary);
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
        after: {
          kind: job.kind,
          file: job.fileName,
          sha256: job.sha256,
          rows: summary.rowCount,
          created: summary.created,
          changed: summary.changed,
          unchanged: summary.unchanged,
          // Leaving rows out is a choice the history keeps, with the names left out.
          ...(job.options.leaveOutUnmatched ? { leftOut: job.options.unmatched?.map((u) => u.name) ?? [] } : {}),
          ...(job.options.mappings && Object.keys(job.options.mappings).length > 0 ? { mapped: job.options.mappings } : {}),
        },
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
  if (job.status !== "checked") throw notPending(job.status);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [discarded] = await tx
      .update(importJobs)
      .set({ status: "discarded", finishedAt: new Date(), contents: null })
      .where(and(eq(importJobs.id, job.id), eq(importJobs.status, "checked")))
      .returning({ id: importJobs.id });
    if (!discarded) throw conflict("This import was committed or discarded already.");
    await recordAudit(tx, {
      actorId: actor.id,
      action: "import.discarded",
      entityType: "import",
      entityId: job.id,
      before: { status: "checked", kind: job.kind, file: job.fileName },
      after: { status: "discarded" },
    });
  });
}
