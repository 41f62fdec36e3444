import "server-only";
import { and, desc, eq, type SQL } from "drizzle-orm";
import { getDb } from "../client";
import { auditLog, users } from "../schema";

export interface AuditListItem {
  id: number;
  at: Date;
  action: string;
  entityType: string;
  entityId: string;
  actorName: string | null;
  before: unknown;
  after: unknown;
}

async function listAuditEntries(where: SQL | undefined, limit: number): Promise<AuditListItem[]> {
  const db = await getDb();
  return db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      actorName: users.name,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(where)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit);
}

export function listAuditEntriesByOrganisation({ organisationId, limit = 100 }: { organisationId: string; limit?: number }) {
  return listAuditEntries(eq(auditLog.organisationId, organisationId), limit);
}

export function listAuditEntriesByEntity({ entityType, entityId, limit = 100 }: { entityType: string; entityId: string; limit?: number }) {
  return listAuditEntries(and(eq(auditLog.entityType, entityType), eq(auditLog.entityId, entityId)), limit);
}
