import fs from "node:fs";
import path from "node:path";

// The data folder and backups hold every account's password hash and the session signing
// secret: readable by their owner only (folders 0700, files 0600), whatever the umask.
// Modes are set explicitly, since mkdir's and writeFile's `mode` is masked by the umask and
// applies only to what they create.
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** A folder of the app's own (DATA_DIR, its database and backups): made if missing, and made private if it was not. */
export function makePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  fs.chmodSync(dir, PRIVATE_DIR_MODE);
}

/** Folders for a file the user named (--out): any made here are private; ones that exist are left as they are. */
export function makeParentDirs(file: string): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true, mode: PRIVATE_DIR_MODE });
}

/** Writes a file readable by its owner only (also when it existed with a wider mode). */
export function writePrivateFile(file: string, content: string | Uint8Array, flag: "w" | "wx" = "w"): void {
  fs.writeFileSync(file, content, { mode: PRIVATE_FILE_MODE, flag });
  fs.chmodSync(file, PRIVATE_FILE_MODE);
}

/** An empty private file for a tool to write into (pg_dump keeps the mode of a file it truncates). */
export function createPrivateFile(file: string): void {
  writePrivateFile(file, "");
}

/**
 * At start: DATA_DIR and its backups folder made private, with the backups in it, for data
 * folders made by earlier versions with the umask's modes (often world-readable).
 */
export function tightenDataDir(dataDir: string): void {
  makePrivateDir(dataDir);
  const backups = path.join(dataDir, "backups");
  if (!fs.existsSync(backups)) return;
  fs.chmodSync(backups, PRIVATE_DIR_MODE);
  for (const entry of fs.readdirSync(backups, { withFileTypes: true })) {
    if (entry.isFile()) fs.chmodSync(path.join(backups, entry.name), PRIVATE_FILE_MODE);
  }
}
