// Accounts: disabling ends sessions for good, sign out everywhere, changing one's own
// password, administrators' one-time reset links, and the rehash of old password hashes.
// Sessions are checked as every request checks them (resolveSessionAccount, fed what the
// session cookie says); commands are the real ones.
import { hash } from "@node-rs/argon2";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createPasswordResetLink, resetPasswordWithLink } from "@/db/commands/password-resets";
import { changeOwnPassword, createUser, endSessionsEverywhere, setUserDisabled, upgradePasswordHash } from "@/db/commands/users";
import { getResetLinkBySecret } from "@/db/queries/password-resets";
import { auditLog, passwordResets, users } from "@/db/schema";
import { needsRehash, verifyPassword } from "@/lib/auth/password";
import { hashResetSecret } from "@/lib/auth/reset-link";
import { newSessionId } from "@/lib/auth/session-lifetime";
import { resolveSessionAccount } from "@/lib/auth/session-user";
import { AppError } from "@/lib/errors";
import { actor, demo } from "../support/fixtures";
import { testDb } from "../support/test-database";

const PASSWORD = "quince-lantern-harbour";
let counter = 0;

/** A viewer with a password, made by the administrator. */
async function person(password = PASSWORD) {
  const admin = await actor(demo.admin);
  const n = ++counter;
  const user = await createUser({ actor: admin, email: `accounts.${n}.${Date.now()}@test.nhs.uk`, name: `Account Person ${n}`, password, role: "viewer", organisationIds: [] });
  return { admin, user: await actor(user.email) };
}

/** A session as its cookie describes it, signed in `msAgo` before now. */
const session = (userId: string, msAgo = 60_000) => ({ user: { id: userId }, sessionId: newSessionId(), signedInAtMs: Date.now() - msAgo });
const isOpen = async (s: ReturnType<typeof session>) => (await resolveSessionAccount(s)) !== null;
const historyOf = async (userId: string, action: string) => (await testDb()).select().from(auditLog).where(and(eq(auditLog.entityId, userId), eq(auditLog.action, action)));
const refusal = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => (error instanceof AppError ? error : Promise.reject(error)));

describe("disabling an account", () => {
  it("ends its sessions for good: enabling it again does not revive an old cookie, and a new sign-in works", async () => {
    const { admin, user } = await person();
    const before = session(user.id);
    expect(await isOpen(before)).toBe(true);
    await setUserDisabled({ actor: admin, userId: user.id, disabled: true });
    expect(await isOpen(before)).toBe(false);
    await setUserDisabled({ actor: admin, userId: user.id, disabled: false });
    expect(await isOpen(before), "the cookie from before the account was disabled").toBe(false);
    expect(await isOpen({ ...session(user.id), signedInAtMs: Date.now() + 1 }), "a session signed in after").toBe(true);
  });
});

describe("sign out everywhere", () => {
  it("by the user: every session signed in until then is refused, with a history row", async () => {
    const { user } = await person();
    const [a, b] = [session(user.id), session(user.id, 5_000)];
    await endSessionsEverywhere({ actor: user, userId: user.id });
    expect(await isOpen(a)).toBe(false);
    expect(await isOpen(b)).toBe(false);
    expect(await historyOf(user.id, "user.signed-out-everywhere")).toMatchObject([{ actorId: user.id, after: { by: "the user", sessionsEnded: true } }]);
  });

  it("by an administrator for someone else; anyone else is refused, and the refusal recorded", async () => {
    const { admin, user } = await person();
    const other = await actor(demo.viewer);
    const s = session(user.id);
    expect((await refusal(endSessionsEverywhere({ actor: other, userId: user.id })))?.code).toBe("forbidden");
    expect(await isOpen(s)).toBe(true);
    const denied = await (await testDb()).select().from(auditLog).where(and(eq(auditLog.action, "access.denied"), eq(auditLog.entityId, user.id)));
    expect(denied).toHaveLength(1);
    await endSessionsEverywhere({ actor: admin, userId: user.id });
    expect(await isOpen(s)).toBe(false);
    expect(await historyOf(user.id, "user.signed-out-everywhere")).toMatchObject([{ actorId: admin.id, after: { by: "an administrator" } }]);
  });
});

describe("changing one's own password", () => {
  it("needs the current password and a new one the policy accepts; nothing changes otherwise", async () => {
    const { user } = await person();
    const here = session(user.id);
    const wrong = await refusal(changeOwnPassword({ actor: user, sessionId: here.sessionId, currentPassword: "not-the-password", newPassword: "saffron-kettle-orbit" }));
    expect(wrong?.fieldErrors).toEqual({ currentPassword: "Your current password is not right" });
    const weak = await refusal(changeOwnPassword({ actor: user, sessionId: here.sessionId, currentPassword: PASSWORD, newPassword: "password123!" }));
    expect(weak?.fieldErrors.newPassword).toMatch(/too common/);
    const same = await refusal(changeOwnPassword({ actor: user, sessionId: here.sessionId, currentPassword: PASSWORD, newPassword: PASSWORD }));
    expect(same?.fieldErrors.newPassword).toMatch(/different from your current one/);
    const [row] = await (await testDb()).select().from(users).where(eq(users.id, user.id));
    expect(await verifyPassword(row!.passwordHash!, PASSWORD)).toBe(true);
    expect(await historyOf(user.id, "user.password-changed")).toHaveLength(0);
  });

  it("sets the new password, ends the user's other sessions and keeps this one, and clears 'must change'", async () => {
    const { user } = await person();
    await (await testDb()).update(users).set({ mustChangePassword: true }).where(eq(users.id, user.id));
    const [here, elsewhere] = [session(user.id), session(user.id)];
    expect((await resolveSessionAccount(here))?.mustChangePassword).toBe(true);
    await changeOwnPassword({ actor: user, sessionId: here.sessionId, currentPassword: PASSWORD, newPassword: "saffron-kettle-orbit" });
    expect(await isOpen(elsewhere)).toBe(false);
    const account = await resolveSessionAccount(here);
    expect(account?.mustChangePassword).toBe(false);
    const [row] = await (await testDb()).select().from(users).where(eq(users.id, user.id));
    expect(await verifyPassword(row!.passwordHash!, "saffron-kettle-orbit")).toBe(true);
    expect(await verifyPassword(row!.passwordHash!, PASSWORD)).toBe(false);
    expect(await historyOf(user.id, "user.password-changed")).toMatchObject([{ actorId: user.id, before: { mustChangePassword: true }, after: { mustChangePassword: false, otherSessionsEnded: true } }]);
    // A later sign out everywhere ends the kept session too.
    await endSessionsEverywhere({ actor: user, userId: user.id });
    expect(await isOpen(here)).toBe(false);
  });
});

describe("a password reset link", () => {
  it("is made by administrators only; only its hash is stored; it sets a new password once, ends every session, and is in the history", async () => {
    const { admin, user } = await person();
    expect((await refusal(createPasswordResetLink({ actor: await actor(demo.board), userId: user.id })))?.code).toBe("forbidden");
    const s = session(user.id);
    const { secret, expiresAt } = await createPasswordResetLink({ actor: admin, userId: user.id });
    expect(expiresAt.getTime() - Date.now()).toBeGreaterThan(23 * 3_600_000);
    const stored = await (await testDb()).select().from(passwordResets).where(eq(passwordResets.userId, user.id));
    expect(stored).toHaveLength(1);
    expect(stored[0]!.tokenHash).toBe(hashResetSecret(secret));
    expect(JSON.stringify(stored)).not.toContain(secret);
    expect(await getResetLinkBySecret({ secret })).toMatchObject({ status: "usable", email: user.email });

    const weak = await refusal(resetPasswordWithLink({ secret, newPassword: "short" }));
    expect(weak?.fieldErrors.newPassword).toMatch(/at least 12 characters/);
    expect(await getResetLinkBySecret({ secret }), "a refused password leaves the link usable").toMatchObject({ status: "usable" });

    await resetPasswordWithLink({ secret, newPassword: "marble-otter-lighthouse" });
    const [row] = await (await testDb()).select().from(users).where(eq(users.id, user.id));
    expect(await verifyPassword(row!.passwordHash!, "marble-otter-lighthouse")).toBe(true);
    expect(await isOpen(s)).toBe(false);
    expect(await getResetLinkBySecret({ secret })).toMatchObject({ status: "used" });
    expect((await refusal(resetPasswordWithLink({ secret, newPassword: "another-fine-phrase" })))?.message).toMatch(/used already/);
    expect(await historyOf(user.id, "user.password-reset-link-created")).toMatchObject([{ actorId: admin.id }]);
    expect(await historyOf(user.id, "user.password-reset")).toMatchObject([{ actorId: user.id, after: { via: "reset link", linkMadeBy: admin.id, sessionsEnded: true } }]);
    const history = JSON.stringify(await (await testDb()).select().from(auditLog).where(eq(auditLog.entityId, user.id)));
    expect(history).not.toContain(secret);
  });

  it("expires after 24 hours, and a newer link replaces an unused one", async () => {
    const { admin, user } = await person();
    const dayAgo = new Date(Date.now() - 24 * 3_600_000 - 1_000);
    const old = await createPasswordResetLink({ actor: admin, userId: user.id, now: dayAgo });
    expect(await getResetLinkBySecret({ secret: old.secret })).toMatchObject({ status: "expired" });
    expect((await refusal(resetPasswordWithLink({ secret: old.secret, newPassword: "marble-otter-lighthouse" })))?.message).toMatch(/expired/);
    const first = await createPasswordResetLink({ actor: admin, userId: user.id });
    const second = await createPasswordResetLink({ actor: admin, userId: user.id });
    expect(await getResetLinkBySecret({ secret: first.secret })).toBeNull();
    expect((await refusal(resetPasswordWithLink({ secret: first.secret, newPassword: "marble-otter-lighthouse" })))?.message).toMatch(/not recognised/);
    expect(await getResetLinkBySecret({ secret: second.secret })).toMatchObject({ status: "usable" });
    expect((await refusal(resetPasswordWithLink({ secret: "not a secret", newPassword: "marble-otter-lighthouse" })))?.message).toMatch(/not recognised/);
  });

  it("is not made for a disabled account", async () => {
    const { admin, user } = await person();
    await setUserDisabled({ actor: admin, userId: user.id, disabled: true });
    expect((await refusal(createPasswordResetLink({ actor: admin, userId: user.id })))?.message).toMatch(/disabled/);
  });
});

describe("a password hash made with older, weaker parameters", () => {
  it("is replaced at the next good sign-in with one of at least 19 MiB, once, with a history row", async () => {
    const { user } = await person();
    const old = await hash(PASSWORD, { memoryCost: 4096, timeCost: 3, parallelism: 1 });
    await (await testDb()).update(users).set({ passwordHash: old }).where(eq(users.id, user.id));
    expect(await upgradePasswordHash({ userId: user.id, passwordHash: old, password: PASSWORD })).toBe(true);
    const [row] = await (await testDb()).select().from(users).where(eq(users.id, user.id));
    expect(row!.passwordHash).not.toBe(old);
    expect(needsRehash(row!.passwordHash!)).toBe(false);
    expect(row!.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(row!.passwordHash!, PASSWORD)).toBe(true);
    expect(await upgradePasswordHash({ userId: user.id, passwordHash: row!.passwordHash!, password: PASSWORD })).toBe(false);
    expect(await historyOf(user.id, "user.password-rehashed")).toHaveLength(1);
  });
});
