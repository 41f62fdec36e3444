import { AsyncLocalStorage } from "node:async_hooks";
import type { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { Sql } from "postgres";
import { env } from "@/lib/env";
import * as schema from "./schema";
import { acquireDataDirLock } from "./data-dir-lock";
import { tightenDataDir } from "./private-files";
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

type PostgresHandle = Extract<DatabaseHandle, { kind: "postgres" }>;

export async function openPostgres(
  url: string,
  options: {
    max?: number;
    /** Called (once) when one of the pool's connections closes: the server went away, or the connection broke. */
    onConnectionLost?: (handle: PostgresHandle) => void;
  } = {},
): Promise<PostgresHandle> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  let lost = false;
  const client = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    // Connections are kept until they break (no periodic recycling), so a closed one means trouble.
    max_lifetime: null,
    onclose: () => {
      if (lost) return;
      lost = true;
      options.onConnectionLost?.(handle);
    },
  });
  const handle: PostgresHandle = { db: drizzle({ client, schema, logger: queryCounter }), kind: "postgres", client, close: () => client.end({ timeout: 5 }) };
  return handle;
}

/** How long a retired pool stays open for the requests that were already using it. */
const RETIRED_POOL_GRACE_MS = 30_000;

/**
 * A pool that lost a connection is not used for new requests: postgres.js 3.4.9 can leave
 * a connection that closed while a write was pending unable to send anything again, so
 * every later query on it hangs (porsager/postgres#1208). The next request opens a fresh
 * pool; this one is closed once the requests still on it are done.
 */
function retire(handle: PostgresHandle, forget: () => void): void {
  forget();
  setTimeout(() => void handle.close().catch(() => {}), RETIRED_POOL_GRACE_MS).unref();
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

async function openConfiguredDatabase(onConnectionLost: (handle: PostgresHandle) => void): Promise<DatabaseHandle> {
  const { DATABASE_URL, DATA_DIR, DEMO_ACCOUNTS, FIRST_ADMIN_EMAIL } = env();
  if (DATABASE_URL) {
    return prepare(await openPostgres(DATABASE_URL, { onConnectionLost }), async () => {});
  }
  // The embedded database seeds itself with the demo data once, on first start: with the
  // demo accounts only when asked for, else one administrator whose password is shown once.
  tightenDataDir(DATA_DIR);
  return prepare(await openPglite(`${DATA_DIR}/pglite`), async (db) => {
    const { seedDemoIfEmpty } = await import("./seed/seed");
    const { firstAdmin } = await seedDemoIfEmpty(db, { accounts: DEMO_ACCOUNTS === "1" ? "demo" : "first-admin", firstAdminEmail: FIRST_ADMIN_EMAIL });
    if (firstAdmin) printFirstAdmin(firstAdmin);
  });
}

function printFirstAdmin({ email, password }: { email: string; password: string }): void {
  console.log(
    [
      "",
      "Digital Roadmap: the first administrator account has been made.",
      `  Email:    ${email}`,
      `  Password: ${password}   (shown once, here: it is not stored anywhere you can read it)`,
      "Sign in with it and you will be asked to choose a new password at once; then add real",
      "accounts under Admin > Users. Demo accounts come only with `npm run demo`.",
      "",
    ].join("\n"),
  );
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
    const forget = () => {
      if (holder.__digitalRoadmapDb === opening) holder.__digitalRoadmapDb = undefined;
    };
    const opening: Promise<DatabaseHandle> = openConfiguredDatabase((handle) => retire(handle, forget)).catch((error: unknown) => {
      // Let the next request try again (the server may come back).
      forget();
      throw error;
    });
    holder.__digitalRoadmapDb = opening;
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
    if (!DATABASE_READ_URL) return (replicaHolder.__digitalRoadmapReadDb = null);
    const forget = () => {
      if (replicaHolder.__digitalRoadmapReadDb === opening) replicaHolder.__digitalRoadmapReadDb = undefined;
    };
    const opening: Promise<DatabaseHandle> = openPostgres(DATABASE_READ_URL, { onConnectionLost: (handle) => retire(handle, forget) });
    replicaHolder.__digitalRoadmapReadDb = opening;
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
