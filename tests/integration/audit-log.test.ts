import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog } from "@/db/schema";
import { testDb } from "../support/test-database";

describe("the change history", () => {
  it("is append-only: the database refuses to update, delete or truncate it", async () => {
    const db = await testDb();
    const [row] = await db.insert(auditLog).values({ action: "test", entityType: "test", entityId: "1" }).returning();
    await expect(db.update(auditLog).set({ action: "changed" }).where(sql`${auditLog.id} = ${row!.id}`)).rejects.toThrow();
    await expect(db.delete(auditLog).where(sql`${auditLog.id} = ${row!.id}`)).rejects.toThrow();
    await expect(db.execute(sql`truncate audit_log`)).rejects.toThrow();
    const [after] = await db.select().from(auditLog).where(sql`${auditLog.id} = ${row!.id}`);
    expect(after!.action).toBe("test");
  });
});
