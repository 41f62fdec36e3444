import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { admitEntraSignIn } from "@/db/commands/entra-sign-in";
import { countSignInFailures } from "@/db/commands/sign-in-failures";
import { getUserIdByEntraIdentity } from "@/db/queries/users";
import { auditLog, users } from "@/db/schema";

// Crafted Entra ID profiles (no real tenant here): what the signIn callback in auth.ts passes on.
const tenant = "11111111-2222-3333-4444-555555555555";
const otherTenant = "99999999-2222-3333-4444-555555555555";
const oidA = "aaaaaaaa-0000-0000-0000-000000000001";
const oidB = "bbbbbbbb-0000-0000-0000-000000000002";

const userByEmail = async (email: string) => (await (await getDb()).select().from(users).where(eq(users.email, email)))[0]!;
const signIns = async (userId: string) =>
  (await (await getDb()).select().from(auditLog).where(and(eq(auditLog.entityType, "sign-in"), eq(auditLog.actorId, userId))).orderBy(auditLog.id)).map((r) => [
    r.action,
    (r.after as { method?: string; reason?: string }).method,
    (r.after as { reason?: string }).reason ?? null,
  ]);

describe("NHSmail (Entra ID) sign-in", () => {
  it("links an account by email at the first sign-in, then matches on tenant and object id only", async () => {
    const viewer = await userByEmail("viewer@demo.nhs.uk");
    const first = await admitEntraSignIn({ expectedTenantId: tenant, claims: { tid: tenant, oid: oidA, email: "Viewer@Demo.nhs.uk" }, address: "192.0.2.5" });
    expect(first).toEqual({ ok: true, userId: viewer.id });
    expect(await userByEmail("viewer@demo.nhs.uk")).toMatchObject({ entraTenantId: tenant, entraObjectId: oidA });
    expect(await getUserIdByEntraIdentity({ tenantId: tenant.toUpperCase(), objectId: oidA })).toBe(viewer.id);

    // The email claim changed (a renamed mailbox): the same identity still opens the account.
    expect(await admitEntraSignIn({ expectedTenantId: tenant, claims: { tid: tenant, oid: oidA, email: "sam.taylor@nhs.net" } })).toEqual({ ok: true, userId: viewer.id });
    // The address reused by another identity (another object id) opens nothing.
    expect(await admitEntraSignIn({ expectedTenantId: tenant, claims: { tid: tenant, oid: oidB, email: "viewer@demo.nhs.uk" } })).toEqual({ ok: false, reason: "email linked to another Entra ID identity" });
    // Another tenant's token, whatever it claims.
    expect(await admitEntraSignIn({ expectedTenantId: tenant, claims: { tid: otherTenant, oid: oidA, email: "viewer@demo.nhs.uk" } })).toMatchObject({ ok: false, reason: "another tenant" });
    // No object id: nothing to match on.
    expect(await admitEntraSignIn({ expectedTenantId: tenant, claims: { tid: tenant, email: "viewer@demo.nhs.uk" } })).toMatchObject({ ok: false, reason: "no object id" });

    // Every attempt on the account is in the history, as password sign-ins are.
    expect(await signIns(viewer.id)).toEqual([
      ["sign-in.succeeded", "microsoft-entra-id", null],
      ["sign-in.succeeded", "microsoft-entra-id", null],
      ["sign-in.failed", "microsoft-entra-id", "email linked to another Entra ID identity"],
    ]);
    const linked = await (await getDb()).select().from(auditLog).where(and(eq(auditLog.action, "user.entra-linked"), eq(auditLog.entityId, viewer.id)));
    expect(linked.map((r) => r.after)).toEqual([{ entraTenantId: tenant, entraObjectId: oidA }]);
  });

  it("refuses a disabled account and an unknown email, which goes to the unknown-account failures", async () => {
    const db = await getDb();
    const board = await userByEmail("board@demo.nhs.uk");
    await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, board.id));
    expect(await admitEntraSignIn({ expectedTenantId: tenant, claims: { tid: tenant, oid: oidB, email: "board@demo.nhs.uk" } })).toEqual({ ok: false, reason: "account disabled" });
    expect((await userByEmail("board@demo.nhs.uk")).entraObjectId).toBeNull();
    expect(await signIns(board.id)).toEqual([["sign-in.failed", "microsoft-entra-id", "account disabled"]]);

    const before = await countSignInFailures();
    expect(await admitEntraSignIn({ expectedTenantId: tenant, claims: { tid: tenant, oid: oidB, email: "stranger@nhs.net" } })).toEqual({ ok: false, reason: "no account" });
    expect(await countSignInFailures()).toBe(before + 1);
    // No tenant configured: nobody.
    expect(await admitEntraSignIn({ expectedTenantId: null, claims: { tid: tenant, oid: oidA, email: "viewer@demo.nhs.uk" } })).toMatchObject({ ok: false });
  });
});
