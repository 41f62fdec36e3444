import fs from "node:fs";
import path from "node:path";
import { count } from "drizzle-orm";
import { bigint, pgSchema, serial, text } from "drizzle-orm/pg-core";
import type { Database, DatabaseHandle } from "./client";

export const migrationsFolder = path.join(process.cwd(), "db", "migrations");

// drizzle's own book of applied migrations (kept out of schema.ts so drizzle-kit leaves it alone).
const appliedMigrations = pgSchema("drizzle").table("__drizzle_migrations", {
  id: serial("id").primaryKey(),
  hash: text("hash").notNull(),
  createdAt: bigint("created_at", { mode: "number" }),
});

// Any number will do, as long as every instance uses the same one.
const MIGRATION_LOCK_KEY = 727_001;

export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  if (handle.kind === "pglite") {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(handle.db as Parameters<typeof migrate>[0], { migrationsFolder });
    return;
  }
  const { migrate } = await import("drizzle-orm/postgres-js/migrator");
  // Several instances may start at once: an advisory lock, held on a connection of its
  // own, makes them take turns, and the later ones find nothing left to apply.
  const lock = await handle.client.reserve();
  try {
    await lock`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    await migrate(handle.db as Parameters<typeof migrate>[0], { migrationsFolder });
  } finally {
    await lock`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.catch(() => {});
    lock.release();
  }
}

export async function migrationLevel(db: Database): Promise<MigrationLevel> {
  const expected = expectedMigrations();
  const [row] = await db.select({ applied: count() }).from(appliedMigrations);
  const applied = row?.applied ?? 0;
  return { applied, expected: expected.length, latest: applied > 0 ? (expected[applied - 1] ?? null) : null };
}

export interface MigrationLevel {
  applied: number;
  expected: number;
  latest: string | null;
}

export function expectedMigrations(): string[] {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8")) as {
    entries: { tag: string }[];
  };
  return journal.entries.map((e) => e.tag);
}
