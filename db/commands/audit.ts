import "server-only";
import type { Database } from "../client";
import { auditLog } from "../schema";
import type { Actor } from "@/lib/permissions";

export type NewAuditEntry = typeof auditLog.$inferInsert;

export async function recordAudit(db: Database, entries: NewAuditEntry | NewAuditEntry[]): Promise<void> {
  const rows = Array.isArray(entries) ? entries : [entries];
  if (rows.length > 0) await db.insert(auditLog).values(rows);
}

/** A refused attempt is evidence too: who tried what, on which record. */
export async function recordDenied(
  db: Database,
  actor: Actor | null,
  attempt: { action: string; entityType: string; entityId: string; organisationId?: string | null },
): Promise<void> {
  await recordAudit(db, {
    actorId: actor?.id ?? null,
    action: "access.denied",
    entityType: attempt.entityType,
    entityId: attempt.entityId,
    organisationId: attempt.organisationId ?? null,
    after: { attempted: attempt.action, role: actor?.role ?? null },
  });
}
