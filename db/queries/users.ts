import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { getDb } from "../client";
import { userOrganisations, users } from "../schema";
import type { Role } from "@/lib/roles";

export interface UserWithScope {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabledAt: Date | null;
  organisationIds: string[];
  /** Every page asks for a new password until it is changed. */
  mustChangePassword: boolean;
  /** Sessions signed in before this are refused, but for keptSessionId (lib/auth/sessions-cut-off.ts). */
  sessionsValidAfter: Date | null;
  keptSessionId: string | null;
}

const organisationIdsColumn = sql<string[]>`coalesce(array_agg(${userOrganisations.organisationId}::text) filter (where ${userOrganisations.organisationId} is not null), '{}')`;

const accountColumns = { mustChangePassword: users.mustChangePassword, sessionsValidAfter: users.sessionsValidAfter, keptSessionId: users.keptSessionId };

/** Role and scope as they stand now: read on every request, so a revoked role stops at once. */
export async function getUserWithScope({ userId }: { userId: string }): Promise<UserWithScope | null> {
  const db = await getDb();
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, disabledAt: users.disabledAt, organisationIds: organisationIdsColumn, ...accountColumns })
    .from(users)
    .leftJoin(userOrganisations, eq(userOrganisations.userId, users.id))
    .where(eq(users.id, userId))
    .groupBy(users.id);
  return row ?? null;
}

export async function listUsers(): Promise<UserWithScope[]> {
  const db = await getDb();
  return db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, disabledAt: users.disabledAt, organisationIds: organisationIdsColumn, ...accountColumns })
    .from(users)
    .leftJoin(userOrganisations, eq(userOrganisations.userId, users.id))
    .groupBy(users.id)
    .orderBy(asc(users.name));
}

export async function getUserCredentialsByEmail({ email }: { email: string }) {
  const db = await getDb();
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name, passwordHash: users.passwordHash, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.email, email.trim().toLowerCase()));
  return user ?? null;
}

/** The account an Entra identity is linked to (after admitEntraSignIn). */
export async function getUserIdByEntraIdentity({ tenantId, objectId }: { tenantId: string; objectId: string }): Promise<string | null> {
  const db = await getDb();
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.entraTenantId, tenantId.toLowerCase()), eq(users.entraObjectId, objectId.toLowerCase())));
  return row?.id ?? null;
}
