import fs from "node:fs";
import { randomUUID } from "node:crypto";
import postgres from "postgres";
import { inject } from "vitest";
import { getDb, openPglite, openPostgres, type DatabaseHandle } from "@/db/client";

export interface TestDatabase {
  handle: DatabaseHandle;
  dispose(): Promise<void>;
}

export async function openTestDatabase(): Promise<TestDatabase> {
  if (process.env.TEST_DB === "postgres") {
    const adminUrl = inject("postgresAdminUrl");
    const name = `dr_test_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name} template ${inject("postgresTemplate")}`);
    const handle = await openPostgres(adminUrl.replace(/\/[^/]*$/, `/${name}`));
    return {
      handle,
      async dispose() {
        await handle.close();
        await admin.unsafe(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    };
  }
  const snapshot = new Blob([fs.readFileSync(inject("pgliteSnapshot"))]);
  const handle = await openPglite(undefined, snapshot);
  return { handle, dispose: () => handle.close() };
}

/** The database the current test file uses, for arranging and checking rows directly. */
export const testDb = getDb;
