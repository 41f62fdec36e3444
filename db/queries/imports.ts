import "server-only";
import { sql, desc, eq } from "drizzle-orm";
import { getDb } from "../client";
import { importJobs, users } from "../schema";
import type { ImportRowError } from "@/lib/import/header";
import type { ImportStatus } from "@/lib/import/kinds";
import { PREVIEW_LIFETIME_HOURS } from "@/lib/request-limits";

// A checked file past its lifetime reads as expired even before the next write sweeps it
// (db/commands/imports.ts), so a page never offers to import it.
const status = sql<ImportStatus>`(case when ${importJobs.status} = 'checked' and ${importJobs.createdAt} < now() - ${`${PREVIEW_LIFETIME_HOURS} hours`}::interval then 'expired' else ${importJobs.status}::text end)`;

const summaryColumns = {
  id: importJobs.id,
  kind: importJobs.kind,
  userId: importJobs.userId,
  fileName: importJobs.fileName,
  status,
  rowCount: importJobs.rowCount,
  created: importJobs.created,
  changed: importJobs.changed,
  unchanged: importJobs.unchanged,
  errorCount: importJobs.errorCount,
  createdAt: importJobs.createdAt,
  finishedAt: importJobs.finishedAt,
  userName: users.name,
};

/** A user's import with its errors (without the file). */
export async function getImportJob({ jobId }: { jobId: string }) {
  const db = await getDb();
  const [row] = await db
    .select({ ...summaryColumns, errors: importJobs.errors, options: importJobs.options, hasContents: sql<boolean>`${importJobs.contents} is not null` })
    .from(importJobs)
    .innerJoin(users, eq(users.id, importJobs.userId))
    .where(eq(importJobs.id, jobId));
  return row ? { ...row, errors: row.errors as ImportRowError[] } : null;
}
export type ImportJobView = NonNullable<Awaited<ReturnType<typeof getImportJob>>>;

/** The latest imports: the user's own, or everyone's for an administrator. */
export async function listImportJobs({ userId, limit = 20 }: { userId: string | null; limit?: number }) {
  const db = await getDb();
  const query = db.select(summaryColumns).from(importJobs).innerJoin(users, eq(users.id, importJobs.userId));
  return (userId ? query.where(eq(importJobs.userId, userId)) : query).orderBy(desc(importJobs.createdAt)).limit(limit);
}
