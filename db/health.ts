import "server-only";
import { sql } from "drizzle-orm";
import { databaseHandle } from "./client";
import { migrationLevel, type MigrationLevel } from "./migrate";
import { logError } from "@/lib/error-log";

export type DatabaseHealth =
  | { status: "ok"; database: { reachable: true; driver: string }; migrations: MigrationLevel & { upToDate: boolean } }
  | { status: "unavailable"; database: { reachable: false; error: string } }
  | { status: "migrations-pending"; database: { reachable: true; driver: string }; migrations: MigrationLevel & { upToDate: boolean } };

export async function checkDatabaseHealth(): Promise<DatabaseHealth> {
  try {
    const handle = await databaseHandle();
    await handle.db.execute(sql`select 1`);
    const level = await migrationLevel(handle.db);
    const upToDate = level.applied >= level.expected;
    return {
      status: upToDate ? "ok" : "migrations-pending",
      database: { reachable: true, driver: handle.kind === "pglite" ? "pglite (embedded)" : "postgresql" },
      migrations: { ...level, upToDate },
    };
  } catch (error) {
    logError("health check: database unreachable", error);
    return { status: "unavailable", database: { reachable: false, error: "The database could not be reached." } };
  }
}
