import "server-only";
import { and, desc, eq, ne, notExists, sql, type SQL } from "drizzle-orm";
import { getDb } from "../client";
import { assessments, auditLog, users } from "../schema";

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

// Score changes inside an assessment that is a draft now: work in progress, for its own CIOs.
const notADraftScore = notExists(
  sql`(select 1 from ${assessments} where ${auditLog.entityType} = 'domain_score'
       and ${assessments.id}::text = split_part(${auditLog.entityId}, ':', 1) and ${assessments.status} = 'draft')`,
);

export function listAuditEntriesByOrganisation({
  organisationId,
  includeDraftScores,
  limit = 100,
}: {
  organisationId: string;
  /** Only for those who may see the organisation's drafts. */
  includeDraftScores: boolean;
  limit?: number;
}) {
  return listAuditEntries(and(eq(auditLog.organisationId, organisationId), includeDraftScores ? undefined : notADraftScore), limit);
}

export function listAuditEntriesByEntity({
  entityType,
  entityId,
  includeRefusals = true,
  limit = 100,
}: {
  entityType: string;
  entityId: string;
  /** Refused attempts name who tried: only for those who may see the full history. */
  includeRefusals?: boolean;
  limit?: number;
}) {
  return listAuditEntries(
    and(eq(auditLog.entityType, entityType), eq(auditLog.entityId, entityId), includeRefusals ? undefined : ne(auditLog.action, "access.denied")),
    limit,
  );
}
