import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { sql } from "drizzle-orm";
import { analyzeDatabase } from "../analyze";
import { openPostgres, type Database } from "../client";
import { loadManifest, readManifestOf, writeManifest, type BackupManifest } from "./manifest";
import { readDatabaseFingerprint } from "./fingerprint";
import { rowsOf } from "../result-rows";
import { createPrivateFile, makeParentDirs } from "../private-files";
import { fingerprintDifferences } from "@/lib/database-fingerprint";
import type { RestoreResult } from "./embedded";

const run = promisify(execFile);

// PostgreSQL is backed up with its own tools: pg_dump --format=custom, and pg_restore
// into a database. These wrappers add a manifest (row counts and checksums read in the
// very snapshot pg_dump copies) and check the restored database against it.

/** pg_dump or pg_restore: from PG_BINDIR, else the newest /usr/lib/postgresql/N/bin, else PATH. */
export function postgresTool(name: "pg_dump" | "pg_restore"): string {
  const dirs = process.env.PG_BINDIR
    ? [process.env.PG_BINDIR]
    : listDirs("/usr/lib/postgresql")
        .sort((a, b) => Number(b) - Number(a))
        .map((version) => `/usr/lib/postgresql/${version}/bin`);
  const found = dirs.map((dir) => path.join(dir, name)).find((file) => fs.existsSync(file));
  return found ?? name;
}

export async function backupPostgresDatabase({ url, file }: { url: string; file: string }): Promise<BackupManifest> {
  const handle = await openPostgres(url, { max: 1 });
  const partial = `${file}.partial`;
  makeParentDirs(file);
  createPrivateFile(partial); // pg_dump writes into it, keeping its 0600
  try {
    // The transaction exports its snapshot to pg_dump and stays open while pg_dump runs,
    // so that the manifest counts exactly the rows in the dump, whatever the app writes meanwhile.
    const manifest = await handle.db.transaction(
      async (tx) => {
        const [row] = rowsOf<{ snapshot: string }>(await tx.execute(sql`select pg_export_snapshot() as snapshot`));
        const [, read] = await Promise.all([
          runTool("pg_dump", ["--format=custom", `--snapshot=${row!.snapshot}`, `--file=${partial}`], url),
          readManifestOf(tx, "postgres"),
        ]);
        return read;
      },
      { isolationLevel: "repeatable read", accessMode: "read only" },
    );
    fs.renameSync(partial, file);
    writeManifest(file, manifest);
    return manifest;
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  } finally {
    await handle.close();
  }
}

/**
 * pg_restore of a backup into `url`. Refuses a database that already has tables unless
 * `force` (pg_restore --clean then drops and recreates every object in the backup).
 */
export async function restorePostgresDatabase({ file, url, force = false }: { file: string; url: string; force?: boolean }): Promise<Omit<RestoreResult, "movedAside">> {
  const manifest = loadManifest(file);
  if (manifest && manifest.kind !== "postgres") {
    throw new Error(`${file} is a backup of the embedded database: restore it without DATABASE_URL (into DATA_DIR).`);
  }
  const handle = await openPostgres(url, { max: 1 });
  try {
    const tables = await countTables(handle.db);
    if (tables > 0 && !force) {
      throw new Error(
        `The database already has ${tables} tables. Restore into a new, empty database (createdb), or add --force to replace every object the backup holds (pg_restore --clean).`,
      );
    }
    await runTool("pg_restore", ["--clean", "--if-exists", "--no-owner", "--no-acl", "--exit-on-error", "--single-transaction", file], url);
    // A dump holds no planner statistics: gathered now, not when autovacuum comes round.
    await analyzeDatabase(handle.db);
    const fingerprint = await readDatabaseFingerprint(handle.db);
    return { fingerprint, differences: manifest ? fingerprintDifferences(manifest.fingerprint, fingerprint) : null };
  } finally {
    await handle.close();
  }
}

async function countTables(db: Database): Promise<number> {
  const [row] = rowsOf<{ n: number }>(
    await db.execute(sql`select count(*)::int as n from information_schema.tables where table_schema not in ('pg_catalog', 'information_schema')`),
  );
  return Number(row!.n);
}

// The password goes in PGPASSWORD, not on the command line where `ps` would show it.
async function runTool(name: "pg_dump" | "pg_restore", args: string[], url: string): Promise<void> {
  const target = new URL(url);
  const password = decodeURIComponent(target.password);
  target.password = "";
  const env = { ...process.env, ...(password ? { PGPASSWORD: password } : {}) };
  try {
    await run(postgresTool(name), [...args, `--dbname=${target.toString()}`], { env, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const { stderr, code } = error as { stderr?: string; code?: string | number };
    if (code === "ENOENT") throw new Error(`${name} was not found: install the PostgreSQL client (the same major version as the server, or newer), or set PG_BINDIR.`);
    throw new Error(`${name} failed: ${stderr?.trim() || (error as Error).message}`, { cause: error });
  }
}

function listDirs(dir: string): string[] {
  try {
    return fs.readdirSync(dir).filter((entry) => /^\d+$/.test(entry));
  } catch {
    return [];
  }
}
