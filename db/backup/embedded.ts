import fs from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import type { PGlite } from "@electric-sql/pglite";
import * as schema from "../schema";
import type { Database } from "../client";
import { acquireDataDirLock } from "../data-dir-lock";
import { makeParentDirs, makePrivateDir, writePrivateFile } from "../private-files";
import { loadManifest, readManifestOf, writeManifest, type BackupManifest } from "./manifest";
import { readDatabaseFingerprint } from "./fingerprint";
import { fingerprintDifferences, type DatabaseFingerprint } from "@/lib/database-fingerprint";

// The embedded database is backed up whole: PGlite's dumpDataDir() is a gzipped tarball of
// its data folder (a physical copy, so the PGlite version that reads it must be the same
// major version), and a restore loads that tarball into a new, empty folder.

/** Writes `client`'s data folder to `file` and the manifest beside it. */
export async function exportPgliteDatabase({ client, db, file }: { client: PGlite; db: Database; file: string }): Promise<BackupManifest> {
  const manifest = await readManifestOf(db, "pglite");
  const tarball = await client.dumpDataDir("gzip");
  writeAtomically(file, Buffer.from(await tarball.arrayBuffer()));
  writeManifest(file, manifest);
  return manifest;
}

/** Backs up the embedded database in `dataDir`, which no other process may have open. */
export async function backupEmbeddedDatabase({ dataDir, file }: { dataDir: string; file: string }): Promise<BackupManifest> {
  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
    throw new Error(`There is no embedded database in ${dataDir} (start the app once, or set DATA_DIR to the folder the app uses).`);
  }
  const release = lockOrExplain(dataDir, "back up");
  try {
    const { client, db } = await openPgliteFolder(dataDir);
    try {
      return await exportPgliteDatabase({ client, db, file });
    } finally {
      await client.close();
    }
  } finally {
    release();
  }
}

export interface RestoreResult {
  fingerprint: DatabaseFingerprint;
  /** What differs from the backup's manifest (empty: every table and row is back); null without a manifest. */
  differences: string[] | null;
  /** Where the folder that was there before went (--force), or null. */
  movedAside: string | null;
}

/**
 * Loads a backup made by backupEmbeddedDatabase into `dataDir`. Refuses while another
 * process has the folder open, and refuses a folder that already holds data unless
 * `force`, in which case that folder is kept beside it (renamed), never deleted.
 */
export async function restoreEmbeddedDatabase({ file, dataDir, force = false }: { file: string; dataDir: string; force?: boolean }): Promise<RestoreResult> {
  const manifest = loadManifest(file);
  if (manifest && manifest.kind !== "pglite") {
    throw new Error(`${file} is a backup of a PostgreSQL database: restore it with DATABASE_URL set.`);
  }
  const tarball = readTarball(file);
  const release = lockOrExplain(dataDir, "restore");
  try {
    let movedAside: string | null = null;
    if (fs.readdirSync(dataDir).length > 0) {
      if (!force) {
        throw new Error(`${dataDir} already holds a database. Restore into an empty folder (set DATA_DIR), or add --force to keep the current folder beside it and restore in its place.`);
      }
      movedAside = `${dataDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`;
      fs.renameSync(dataDir, movedAside);
      makePrivateDir(dataDir);
    }
    let opened: Awaited<ReturnType<typeof openPgliteFolder>>;
    try {
      opened = await openPgliteFolder(dataDir, tarball);
    } catch (error) {
      // A tarball that does not load leaves things as they were.
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (movedAside) fs.renameSync(movedAside, dataDir);
      else makePrivateDir(dataDir);
      throw new Error(`${file} could not be loaded: ${(error as Error).message}`, { cause: error });
    }
    try {
      const fingerprint = await readDatabaseFingerprint(opened.db);
      return { fingerprint, differences: manifest ? fingerprintDifferences(manifest.fingerprint, fingerprint) : null, movedAside };
    } finally {
      await opened.client.close();
    }
  } finally {
    release();
  }
}

// Checked before anything is moved: PGlite's own reading of a damaged file fails late.
function readTarball(file: string): Blob {
  let content: Buffer = fs.readFileSync(file);
  try {
    if (content[0] === 0x1f && content[1] === 0x8b) content = gunzipSync(content);
  } catch (error) {
    throw new Error(`${file} is damaged: ${(error as Error).message}`, { cause: error });
  }
  if (content.subarray(257, 262).toString("latin1") !== "ustar") {
    throw new Error(`${file} is not a backup of the embedded database (not a tarball made by npm run db:backup).`);
  }
  return new Blob([new Uint8Array(content)]);
}

// Opened without the app's migrations: a backup is copied as it is, and the app brings
// it up to date when it starts.
async function openPgliteFolder(dataDir: string, loadDataDir?: Blob): Promise<{ client: PGlite; db: Database }> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const client = await PGlite.create(dataDir, loadDataDir ? { loadDataDir } : {});
  return { client, db: drizzle({ client, schema }) as unknown as Database };
}

function lockOrExplain(dataDir: string, doing: string): () => void {
  try {
    return acquireDataDirLock(dataDir);
  } catch (error) {
    throw new Error(`Cannot ${doing} while the embedded database is open elsewhere (usually the app server: stop it first).\n${(error as Error).message}`, { cause: error });
  }
}

export function writeAtomically(file: string, content: Buffer): void {
  makeParentDirs(file);
  const partial = `${file}.partial`;
  writePrivateFile(partial, content);
  fs.renameSync(partial, file);
}
