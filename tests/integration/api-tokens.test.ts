// Personal API tokens: created with the secret shown once and only its hash kept, revoked
// by their owner or an administrator, each step in the change history without the secret.
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createApiToken, recordApiTokenUse, revokeApiToken } from "@/db/commands/api-tokens";
import { listApiTokensByUser } from "@/db/queries/api-tokens";
import { apiTokens, auditLog } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { describeChange } from "@/lib/history";
import { actor, demo } from "../support/fixtures";
import { testDb } from "../support/test-database";

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

async function historyOf(tokenId: string) {
  const db = await testDb();
  return db.select().from(auditLog).where(eq(auditLog.entityId, tokenId)).orderBy(auditLog.id);
}

describe("creating a token", () => {
  it("returns the secret once and keeps only its SHA-256, its first 12 characters and its expiry", async () => {
    const cio = await actor(demo.cioOuh);
    const now = new Date("2026-11-25T09:30:00Z");
    const { token, secret } = await createApiToken({ actor: cio, name: "  Power BI  ", scope: "read", lifetimeDays: 90, now });
    expect(secret).toMatch(/^drm_[A-Za-z0-9_-]{43}$/);
    expect(token).not.toHaveProperty("tokenHash");
    const db = await testDb();
    const [row] = await db.select().from(apiTokens).where(eq(apiTokens.id, token.id));
    expect(row).toMatchObject({ userId: cio.id, name: "Power BI", prefix: secret.slice(0, 12), scope: "read", lastUsedAt: null, revokedAt: null });
    expect(row!.tokenHash).toBe(createHash("sha256").update(secret).digest("hex"));
    expect(row!.expiresAt.toISOString()).toBe("2027-02-23T09:30:00.000Z");
    // Nothing stored holds the secret, or the part of it that is not shown.
    const secretPart = secret.slice(12);
    expect(JSON.stringify(row)).not.toContain(secretPart);
    const history = await historyOf(token.id);
    expect(history.map((h) => [h.action, h.actorId, h.entityType])).toEqual([["api-token.created", cio.id, "api_token"]]);
    expect(JSON.stringify(history)).not.toContain(secretPart);
    expect(describeChange(history[0]!)).toBe(`Created the API token “Power BI” (${secret.slice(0, 12)}…, read only, expires 2027-02-23)`);
  });

  it("lists a user's own tokens, newest first, without their hashes", async () => {
    const board = await actor(demo.board);
    const first = await createApiToken({ actor: board, name: "First", scope: "read", lifetimeDays: 30, now: new Date("2026-11-01T00:00:00Z") });
    const second = await createApiToken({ actor: board, name: "Second", scope: "read-write", lifetimeDays: 365, now: new Date("2026-11-02T00:00:00Z") });
    const listed = await listApiTokensByUser({ userId: board.id });
    expect(listed.map((t) => t.id)).toEqual([second.token.id, first.token.id]);
    expect(listed.every((t) => !("tokenHash" in t))).toBe(true);
    expect(await listApiTokensByUser({ userId: (await actor(demo.ccio)).id })).toEqual([]);
  });
});

describe("revoking a token", () => {
  it("lets the owner revoke their own, once, and records it", async () => {
    const viewer = await actor(demo.viewer);
    const { token } = await createApiToken({ actor: viewer, name: "Excel", scope: "read", lifetimeDays: 30 });
    const at = new Date("2026-11-25T10:00:00Z");
    await revokeApiToken({ actor: viewer, tokenId: token.id, now: at });
    const db = await testDb();
    const [row] = await db.select().from(apiTokens).where(eq(apiTokens.id, token.id));
    expect(row!.revokedAt?.toISOString()).toBe(at.toISOString());
    const again = await refusal(revokeApiToken({ actor: viewer, tokenId: token.id }));
    expect([again.code, again.message]).toEqual(["conflict", "The token “Excel” had already been revoked."]);
    const history = await historyOf(token.id);
    expect(history.map((h) => [h.action, h.actorId])).toEqual([
      ["api-token.created", viewer.id],
      ["api-token.revoked", viewer.id],
    ]);
    expect(describeChange(history[1]!)).toBe(`Revoked the API token “Excel” (${token.prefix}…)`);
  });

  it("refuses anyone else but an administrator, and records the refusal", async () => {
    const cio = await actor(demo.cioRbft);
    const { token } = await createApiToken({ actor: cio, name: "Script", scope: "read-write", lifetimeDays: 30 });
    for (const email of [demo.viewer, demo.board, demo.cioOuh, demo.ccio]) {
      const someoneElse = await actor(email);
      const error = await refusal(revokeApiToken({ actor: someoneElse, tokenId: token.id }));
      expect([error.code, error.message]).toEqual(["forbidden", "You can only revoke your own API tokens."]);
      expect((await historyOf(token.id)).filter((h) => h.action === "access.denied").map((h) => h.actorId)).toContain(someoneElse.id);
    }
    const db = await testDb();
    expect((await db.select().from(apiTokens).where(eq(apiTokens.id, token.id)))[0]!.revokedAt).toBeNull();
    const admin = await actor(demo.admin);
    await revokeApiToken({ actor: admin, tokenId: token.id });
    const revoked = (await historyOf(token.id)).find((h) => h.action === "api-token.revoked")!;
    expect(revoked.actorId).toBe(admin.id);
    expect(revoked.after).toMatchObject({ owner: cio.name, name: "Script" });
  });

  it("answers 404 for a token that does not exist", async () => {
    const error = await refusal(revokeApiToken({ actor: await actor(demo.admin), tokenId: "00000000-0000-4000-8000-000000000000" }));
    expect(error.status).toBe(404);
  });
});

describe("noting a token's use", () => {
  it("writes lastUsedAt at most once a minute", async () => {
    const viewer = await actor(demo.viewer);
    const { token } = await createApiToken({ actor: viewer, name: "Use", scope: "read", lifetimeDays: 30 });
    const db = await testDb();
    const lastUsed = async () => (await db.select().from(apiTokens).where(eq(apiTokens.id, token.id)))[0]!.lastUsedAt?.toISOString() ?? null;
    const t0 = new Date("2026-11-25T12:00:00Z");
    await recordApiTokenUse({ tokenId: token.id, now: t0 });
    expect(await lastUsed()).toBe(t0.toISOString());
    await recordApiTokenUse({ tokenId: token.id, now: new Date("2026-11-25T12:00:59Z") });
    expect(await lastUsed()).toBe(t0.toISOString());
    await recordApiTokenUse({ tokenId: token.id, now: new Date("2026-11-25T12:01:00Z") });
    expect(await lastUsed()).toBe("2026-11-25T12:01:00.000Z");
  });
});
