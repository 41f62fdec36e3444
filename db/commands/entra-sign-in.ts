import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "../client";
import { users } from "../schema";
import { recordAudit } from "./audit";
import { recordSignInAttempt } from "./sign-in-throttle";

/** The claims of an Entra ID token this app relies on (anything else in the profile is ignored). */
export interface EntraClaims {
  tid?: unknown;
  oid?: unknown;
  email?: unknown;
}

export type EntraSignIn = { ok: true; userId: string } | { ok: false; reason: string };

const text = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim().toLowerCase() : null);

/**
 * Who an Entra ID (NHSmail) sign-in is, if anyone. The token must come from our own
 * tenant. An account linked before is found by tenant and object id, and its email claim
 * is then ignored; an account not linked yet is found by email and linked to the token's
 * object id at this first sign-in. An email claim that now names another object id (an
 * address reused, or changed on another account) opens nothing. Every attempt is in the
 * history, as password sign-ins are.
 */
export async function admitEntraSignIn({ expectedTenantId, claims, address = null, now = new Date() }: { expectedTenantId: string | null; claims: EntraClaims; address?: string | null; now?: Date }): Promise<EntraSignIn> {
  const tid = text(claims.tid);
  const oid = text(claims.oid);
  const email = text(claims.email) ?? "";
  const refuse = async (reason: string, userId: string | null): Promise<EntraSignIn> => {
    await recordSignInAttempt({ email: email || `entra:${oid ?? "unknown"}`, userId, address, outcome: "failed", method: "microsoft-entra-id", reason, now });
    return { ok: false, reason };
  };
  if (!expectedTenantId || tid !== expectedTenantId) return refuse("another tenant", null);
  if (!oid) return refuse("no object id", null);
  const db = await getDb();
  const [linked] = await db
    .select({ id: users.id, disabledAt: users.disabledAt })
    .from(users)
    .where(and(eq(users.entraTenantId, tid), eq(users.entraObjectId, oid)));
  if (linked) {
    if (linked.disabledAt) return refuse("account disabled", linked.id);
    await recordSignInAttempt({ email, userId: linked.id, address, outcome: "succeeded", method: "microsoft-entra-id", now });
    return { ok: true, userId: linked.id };
  }
  if (!email) return refuse("no email claim", null);
  const [byEmail] = await db
    .select({ id: users.id, disabledAt: users.disabledAt, entraObjectId: users.entraObjectId })
    .from(users)
    .where(eq(users.email, email));
  if (!byEmail) return refuse("no account", null);
  if (byEmail.entraObjectId) return refuse("email linked to another Entra ID identity", byEmail.id);
  if (byEmail.disabledAt) return refuse("account disabled", byEmail.id);
  // Linked only if no other sign-in linked it meanwhile (the update's condition).
  const linkedNow = await db.transaction(async (tx) => {
    const updated = await tx
      .update(users)
      .set({ entraTenantId: tid, entraObjectId: oid })
      .where(and(eq(users.id, byEmail.id), eq(users.email, email), isNull(users.entraObjectId)))
      .returning({ id: users.id, entraObjectId: users.entraObjectId });
    if (updated.length === 0) return false;
    await recordAudit(tx, { at: now, actorId: byEmail.id, action: "user.entra-linked", entityType: "user", entityId: byEmail.id, after: { entraTenantId: tid, entraObjectId: oid } });
    return true;
  });
  if (!linkedNow) return refuse("account changed during sign-in", byEmail.id);
  await recordSignInAttempt({ email, userId: byEmail.id, address, outcome: "succeeded", method: "microsoft-entra-id", now });
  return { ok: true, userId: byEmail.id };
}
