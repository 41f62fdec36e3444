import { AsyncLocalStorage } from "node:async_hooks";
import type { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { Sql } from "postgres";
import { env } from "@/lib/env";
import * as schema from "./schema";
import { acquireDataDirLock } from "./data-dir-lock";
import { migrateDatabase } from "./migrate";

// Both drivers give a PgDatabase; queries are written once against this type.
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
/** The handle inside db.transaction(...). */
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
export type DatabaseKind = "pglite" | "postgres";

export type DatabaseHandle =
  | { kind: "pglite"; db: Database; client: PGlite; close(): Promise<void> }
  | { kind: "postgres"; db: Database; client: Sql; close(): Promise<void> };

// The benchmark (scripts/bench) starts a server with BENCH_QUERY_LOG=FILE to learn each
// page's SQL and replay it directly (the database's floor). Never set in production.
const queryLogFile = process.env.BENCH_QUERY_LOG || null;

/**
 * Counts the SQL statements every handle issues, so tests (and the benchmark) can show
 * that a page's queries do not grow with the data. A counter is all it keeps, unless
 * BENCH_QUERY_LOG names a file to append each statement to (one JSON line).
 */
export const queryCounter = {
  count: 0,
  logQuery(query: string, params: unknown[]): void {
    queryCounter.count++;
    if (queryLogFile) appendQueryLog(queryLogFile, query, params);
  },
};

function appendQueryLog(file: string, query: string, params: unknown[]): void {
  // Loaded lazily: this module is also bundled where node:fs must not be imported eagerly.
  const { appendFileSync } = process.getBuiltinModule("node:fs");
  appendFileSync(file, JSON.stringify({ query, params }, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value)) + "\n");
}

export async function openPostgres(url: string, options: { max?: number } = {}): Promise<Extract<DatabaseHandle, { kind: "postgres" }>> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const client = postgres(url, { max: options.max ?? 10, onnotice: () => {} });
  return { db: drizzle({ client, schema, logger: queryCounter }), kind: "postgres", client, close: () => client.end({ timeout: 5 }) };
}

export async function openPglite(dataDir: string | undefined, loadDataDir?: Blob): Promise<Extract<DatabaseHandle, { kind: "pglite" }>> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const release = dataDir ? acquireDataDirLock(dataDir) : () => {};
  try {
    const client = await PGlite.create(dataDir, loadDataDir ? { loadDataDir } : {});
    return {
      db: drizzle({ client, schema, logger: queryCounter }),
      kind: "pglite",
      client,
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

// One handle per process, created on first use and shared by instrumentation.ts (which
// migrates and seeds at start) and every route; kept on globalThis so that dev-mode
// module reloads do not open the embedded database twice.
const holder = globalThis as typeof globalThis & { __digitalRoadmapDb?: Promise<DatabaseHandle> };

async function openConfiguredDatabase(): Promise<DatabaseHandle> {
  const { DATABASE_URL, DATA_DIR } = env();
  if (DATABASE_URL) {
    return prepare(await openPostgres(DATABASE_URL), async () => {});
  }
  // The embedded database is the demo: it seeds itself once, on first start.
  return prepare(await openPglite(`${DATA_DIR}/pglite`), async (db) => {
    const { seedDemoIfEmpty } = await import("./seed/seed");
    await seedDemoIfEmpty(db);
  });
}

async function prepare(handle: DatabaseHandle, seed: (db: Database) => Promise<void>): Promise<DatabaseHandle> {
  try {
    await migrateDatabase(handle);
    await seed(handle.db);
    return handle;
  } catch (error) {
    await handle.close().catch(() => {});
    throw error;
  }
}

export function databaseHandle(): Promise<DatabaseHandle> {
  if (!holder.__digitalRoadmapDb) {
    holder.__digitalRoadmapDb = openConfiguredDatabase().catch((error: unknown) => {
      // Let the next request try again (the server may come back).
      holder.__digitalRoadmapDb = undefined;
      throw error;
    });
  }
  return holder.__digitalRoadmapDb;
}

// Reads that may be served by a replica (DATABASE_READ_URL): the API's GET handlers run
// inside onReadReplica(); everything else, and every write, uses the primary.
const replicaReads = new AsyncLocalStorage<true>();
const replicaHolder = globalThis as typeof globalThis & { __digitalRoadmapReadDb?: Promise<DatabaseHandle> | null };

function readReplicaHandle(): Promise<DatabaseHandle> | null {
  if (replicaHolder.__digitalRoadmapReadDb === undefined) {
    const { DATABASE_READ_URL } = env();
    replicaHolder.__digitalRoadmapReadDb = DATABASE_READ_URL ? openPostgres(DATABASE_READ_URL) : null;
  }
  return replicaHolder.__digitalRoadmapReadDb;
}

/** Runs `work` with its reads on the read replica, where one is configured. */
export function onReadReplica<T>(work: () => Promise<T>): Promise<T> {
  return replicaReads.run(true, work);
}

export async function getDb(): Promise<Database> {
  const replica = replicaReads.getStore() ? readReplicaHandle() : null;
  return (await (replica ?? databaseHandle())).db;
}

/** Tests point the replica's reads at a database of their own (null: no replica). */
export function useReadReplicaHandle(handle: DatabaseHandle | null): void {
  replicaHolder.__digitalRoadmapReadDb = handle ? Promise.resolve(handle) : null;
}

/** Tests point the app's queries at their own database. */
export function useDatabaseHandle(handle: DatabaseHandle): void {
  holder.__digitalRoadmapDb = Promise.resolve(handle);
}
