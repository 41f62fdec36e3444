import { asc, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { recordAudit, recordAuditBatch, type NewAuditEntry } from "@/db/commands/audit";
import { auditLog, organisations, users } from "@/db/schema";
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

  it("records a batch exactly as one row at a time would, in order, on both drivers", async () => {
    const db = await testDb();
    const [user] = await db.select({ id: users.id }).from(users).limit(1);
    const [organisation] = await db.select({ id: organisations.id }).from(organisations).limit(1);
    const entries = (tag: string): NewAuditEntry[] => [
      { actorId: user!.id, action: `${tag}.a`, entityType: "domain_score", entityId: "x:1", organisationId: organisation!.id, before: null, after: { score: 5, note: "quote \" and ünïcode" } },
      { actorId: null, action: `${tag}.b`, entityType: "assessment", entityId: "y", before: { status: "draft" }, after: { status: "submitted", list: [1, 2] } },
      { action: `${tag}.c`, entityType: "user", entityId: "z", at: new Date("2020-02-03T04:05:06Z") },
    ];
    await recordAudit(db, entries("single"));
    await recordAuditBatch(db, entries("batch"));
    await recordAuditBatch(db, []);
    const read = async (tag: string) =>
      (await db.select().from(auditLog).where(inArray(auditLog.action, [`${tag}.a`, `${tag}.b`, `${tag}.c`])).orderBy(asc(auditLog.id))).map(({ id: _id, at, action, ...rest }) => ({
        ...rest,
        action: action.split(".")[1],
        at: at.getFullYear() === 2020 ? at.toISOString() : "now",
      }));
    const batch = await read("batch");
    expect(batch.map((r) => r.action)).toEqual(["a", "b", "c"]);
    expect(batch).toEqual(await read("single"));
    expect(batch[0]!.before).toBeNull();
    expect(batch[2]!.at).toBe("2020-02-03T04:05:06.000Z");
    // SQL NULL, not a JSON null, as a single insert writes it.
    const nulls = await db.execute(sql`select count(*)::int as n from audit_log where action like 'batch.%' and before is null`);
    expect(Number((Array.isArray(nulls) ? nulls : (nulls as unknown as { rows: { n: number }[] }).rows)[0]!.n)).toBe(2);
  });
});
