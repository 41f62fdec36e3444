import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Session } from "next-auth";

// The session layer with a crafted Auth.js session (no browser): what it answers for an
// administrator who signed in with a password and has not set up two-factor yet.
const session = vi.hoisted(() => ({ current: null as Session | null }));
vi.mock("@/auth", () => ({ auth: vi.fn(async () => session.current) }));
vi.mock("react", async (original) => ({ ...(await original<typeof import("react")>()), cache: <T,>(fn: T) => fn }));
vi.mock("next/navigation", async (original) => ({
  ...(await original<typeof import("next/navigation")>()),
  redirect: vi.fn((to: string) => {
    throw new Error(`redirect ${to}`);
  }),
}));

import { getDb } from "@/db/client";
import { confirmTwoFactorEnrolment, startTwoFactorEnrolment } from "@/db/commands/two-factor";
import { getTwoFactorStatus } from "@/db/queries/two-factor";
import { totpCode } from "@/lib/auth/totp";
import { users, userTwoFactor } from "@/db/schema";
import { getCurrentUser, getSessionAccount, requireUser } from "@/lib/auth/session";
import { userAction } from "@/lib/auth/action";
import { z } from "zod";

const idOf = async (email: string) => (await (await getDb()).select({ id: users.id }).from(users).where(eq(users.email, email)))[0]!.id;
const signedInAs = (userId: string, method: Session["method"]) => {
  session.current = { user: { id: userId }, sessionId: `test-${Math.random()}`, signedInAt: Math.floor(Date.now() / 1000), method, expires: new Date(Date.now() + 3_600_000).toISOString() };
};

describe("administrators must set up two-factor before anything else", () => {
  beforeEach(() => {
    session.current = null;
  });

  it("an admin signed in with a password and no two-factor is no one to pages, actions and route handlers, and is sent to set it up", async () => {
    const admin = await idOf("admin@demo.nhs.uk");
    await (await getDb()).delete(userTwoFactor).where(eq(userTwoFactor.userId, admin));
    signedInAs(admin, "password");
    expect(await getCurrentUser()).toBeNull();
    expect(await getSessionAccount()).toMatchObject({ id: admin, mustEnrolTwoFactor: true });
    await expect(requireUser()).rejects.toThrow("redirect /account/security");
    const state = await userAction(z.object({}), async () => ({ ok: true, message: "done" }))(null, new FormData());
    expect(state).toMatchObject({ ok: false });
    // The set-up page's own actions are open to them.
    const setUp = await userAction(z.object({}), async () => ({ ok: true, message: "done" }), { duringFirstSteps: true })(null, new FormData());
    expect(setUp).toEqual({ ok: true, message: "done" });
  });

  it("the same admin through NHSmail, or any other role with a password, is not asked", async () => {
    const admin = await idOf("admin@demo.nhs.uk");
    signedInAs(admin, "microsoft-entra-id");
    expect(await getCurrentUser()).toMatchObject({ id: admin, role: "admin" });
    signedInAs(await idOf("viewer@demo.nhs.uk"), "password");
    expect(await getCurrentUser()).toMatchObject({ role: "viewer" });
    expect(await requireUser()).toMatchObject({ role: "viewer" });
  });

  it("an admin with two-factor on is let in", async () => {
    const id = await idOf("ccio@demo.nhs.uk");
    const db = await getDb();
    await db.update(users).set({ role: "admin" }).where(eq(users.id, id));
    signedInAs(id, "password");
    expect(await getCurrentUser()).toBeNull();
    await db.insert(userTwoFactor).values({ userId: id, secret: "v1.x.y.z", enabledAt: new Date() });
    expect(await getCurrentUser()).toMatchObject({ id, role: "admin" });
  });

  it("setting up two-factor ends the account's other sessions, signed in without it; the one that set it up goes on", async () => {
    const id = await idOf("board.chair@demo.nhs.uk");
    const db = await getDb();
    await db.update(users).set({ role: "admin" }).where(eq(users.id, id));
    // Someone else with the password, waiting on the set-up page.
    signedInAs(id, "password");
    const other = session.current!;
    expect(await getSessionAccount()).toMatchObject({ id, mustEnrolTwoFactor: true });
    signedInAs(id, "password");
    const setter = session.current!;
    await startTwoFactorEnrolment({ actorId: id });
    const { pendingSecret } = await getTwoFactorStatus({ userId: id });
    const now = new Date();
    await confirmTwoFactorEnrolment({ actorId: id, sessionId: setter.sessionId!, code: totpCode(pendingSecret!, now), now });
    expect(await getCurrentUser()).toMatchObject({ id, role: "admin" });
    session.current = other;
    expect(await getCurrentUser()).toBeNull();
    expect(await getSessionAccount()).toBeNull();
  });
});
