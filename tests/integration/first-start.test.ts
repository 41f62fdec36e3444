// The first start of an empty database without the demo accounts asked for: one
// administrator with a random one-time password (shown once, to be changed at first
// sign-in), and none of the public demo accounts; a second start makes no account.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openPglite, openPostgres, type DatabaseHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { demoPassword } from "@/db/seed/bob-data";
import { seedDemoIfEmpty } from "@/db/seed/seed";
import { auditLog, users } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";

let handle: DatabaseHandle;
let dispose: () => Promise<void>;

beforeAll(async () => {
  if (process.env.TEST_DB === "postgres") {
    const name = `dr_first_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
    const admin = postgres(inject("postgresAdminUrl"), { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    handle = await openPostgres(inject("postgresAdminUrl").replace(/\/[^/]*$/, `/${name}`), { max: 2 });
    dispose = async () => {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  } else {
    handle = await openPglite(undefined);
    dispose = () => handle.close();
  }
  await migrateDatabase(handle);
});
afterAll(() => dispose?.());

describe("the first start without the demo accounts", () => {
  it("makes one administrator with a one-time password to change at first sign-in, and no demo account", async () => {
    const outcome = await seedDemoIfEmpty(handle.db, { accounts: "first-admin", firstAdminEmail: "first.admin@test.nhs.uk" });
    expect(outcome.seeded).toBe(true);
    expect(outcome.firstAdmin?.email).toBe("first.admin@test.nhs.uk");
    const password = outcome.firstAdmin!.password;
    expect(password).toMatch(/^[A-Za-z0-9_-]{20}$/);

    const everyone = await handle.db.select().from(users);
    expect(everyone).toHaveLength(1);
    const [admin] = everyone;
    expect(admin).toMatchObject({ email: "first.admin@test.nhs.uk", role: "admin", mustChangePassword: true, disabledAt: null });
    expect(await verifyPassword(admin!.passwordHash!, password)).toBe(true);
    expect(await verifyPassword(admin!.passwordHash!, demoPassword)).toBe(false);
    const [created] = await handle.db.select().from(auditLog).where(eq(auditLog.entityId, admin!.id));
    expect(created).toMatchObject({ action: "user.created", after: { role: "admin", via: "first start" } });
    expect(JSON.stringify(created)).not.toContain(password);

    // The next start: nothing made again, no password to print.
    expect(await seedDemoIfEmpty(handle.db, { accounts: "first-admin" })).toEqual({ seeded: false, firstAdmin: null });
    expect(await handle.db.select({ id: users.id }).from(users)).toHaveLength(1);
  });
});
