import fs from "node:fs";
import { writePrivateFile } from "../private-files";
import type { Database, Transaction } from "../client";
import { migrationLevel, type MigrationLevel } from "../migrate";
import { readDatabaseFingerprint } from "./fingerprint";
import type { DatabaseFingerprint } from "@/lib/database-fingerprint";

/** Written beside each backup (FILE.manifest.json): what the restore must find. */
export interface BackupManifest {
  format: 1;
  kind: "pglite" | "postgres";
  createdAt: string;
  migrations: MigrationLevel;
  fingerprint: DatabaseFingerprint;
}

export const manifestPath = (backupFile: string) => `${backupFile}.manifest.json`;

export async function readManifestOf(db: Database | Transaction, kind: BackupManifest["kind"]): Promise<BackupManifest> {
  const fingerprint = await readDatabaseFingerprint(db);
  return { format: 1, kind, createdAt: new Date().toISOString(), migrations: await migrationLevel(db as Database), fingerprint };
}

export function writeManifest(backupFile: string, manifest: BackupManifest): void {
  writePrivateFile(manifestPath(backupFile), JSON.stringify(manifest, null, 2) + "\n");
}

/** The manifest beside a backup file, or null when there is none. */
export function loadManifest(backupFile: string): BackupManifest | null {
  const file = manifestPath(backupFile);
  if (!fs.existsSync(file)) return null;
  const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as BackupManifest;
  if (manifest.format !== 1) throw new Error(`${file}: unknown manifest format ${String(manifest.format)}`);
  return manifest;
}
