// Backs up the database: `npm run db:backup [-- --out FILE]`.
// With DATABASE_URL: pg_dump --format=custom. Without: the embedded database's data folder
// (DATA_DIR/pglite) as a gzipped tarball; the app server must be stopped first.
// Beside the file goes FILE.manifest.json: every table's row count and checksum, which
// `npm run db:restore` checks the restored database against. See docs/backup-and-restore.md.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { backupEmbeddedDatabase } from "@/db/backup/embedded";
import { manifestPath } from "@/db/backup/manifest";
import { backupPostgresDatabase } from "@/db/backup/postgres";
import { makePrivateDir } from "@/db/private-files";
import { formatTableCounts } from "@/lib/database-fingerprint";
import { env } from "@/lib/env";

const { values } = parseArgs({ options: { out: { type: "string" } } });
const { DATABASE_URL, DATA_DIR } = env();
const stamp = new Date().toISOString().slice(0, 19).replace(/:/g, "-");
const file = values.out ?? path.join(DATA_DIR, "backups", `digital-roadmap-${stamp}${DATABASE_URL ? ".dump" : ".tar.gz"}`);

try {
  if (!values.out) makePrivateDir(path.dirname(file)); // DATA_DIR/backups: the app's own
  const manifest = DATABASE_URL
    ? await backupPostgresDatabase({ url: DATABASE_URL, file })
    : await backupEmbeddedDatabase({ dataDir: path.join(DATA_DIR, "pglite"), file });
  const size = (fs.statSync(file).size / 1024 / 1024).toFixed(1);
  console.log(`Backed up the ${DATABASE_URL ? "PostgreSQL" : "embedded"} database to ${file} (${size} MB).`);
  console.log(`Migrations: ${manifest.migrations.applied} applied (latest ${manifest.migrations.latest ?? "none"}).`);
  console.log(formatTableCounts(manifest.fingerprint));
  console.log(`Manifest (row counts and checksums, checked by db:restore): ${manifestPath(file)}`);
  console.log("Keep both files, and copy them off this machine.");
} catch (error) {
  console.error(`Backup failed: ${describe(error)}`);
  process.exitCode = 1;
}

function describe(error: unknown): string {
  const cause = (error as Error).cause;
  return [(error as Error).message, cause instanceof Error && !(error as Error).message.includes(cause.message) ? cause.message : null].filter(Boolean).join("\n");
}
