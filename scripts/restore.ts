// Restores a backup made by `npm run db:backup`: `npm run db:restore -- FILE [--force]`.
// With DATABASE_URL: pg_restore into that database (refused if it has tables, unless --force).
// Without: into DATA_DIR/pglite (refused if the folder holds data, unless --force, which
// keeps the old folder beside it). Then every table is checked against the backup's manifest.
import path from "node:path";
import { parseArgs } from "node:util";
import { restoreEmbeddedDatabase } from "@/db/backup/embedded";
import { restorePostgresDatabase } from "@/db/backup/postgres";
import { formatTableCounts } from "@/lib/database-fingerprint";
import { env } from "@/lib/env";

const { values, positionals } = parseArgs({ options: { force: { type: "boolean", default: false } }, allowPositionals: true });
const file = positionals[0];
if (!file || positionals.length > 1) {
  console.error("Usage: npm run db:restore -- FILE [--force]");
  process.exit(1);
}
const { DATABASE_URL, DATA_DIR } = env();
const dataDir = path.join(DATA_DIR, "pglite");

try {
  const result = DATABASE_URL
    ? await restorePostgresDatabase({ file, url: DATABASE_URL, force: values.force })
    : await restoreEmbeddedDatabase({ file, dataDir, force: values.force });
  console.log(`Restored ${file} into ${DATABASE_URL ? "the PostgreSQL database (DATABASE_URL)" : dataDir}.`);
  if ("movedAside" in result && result.movedAside) console.log(`The folder that was there is kept at ${result.movedAside}.`);
  console.log(formatTableCounts(result.fingerprint));
  if (result.differences === null) {
    console.log("No manifest beside the backup: compare the row counts above with the source yourself.");
  } else if (result.differences.length > 0) {
    console.error(`The restored database does NOT match the backup's manifest:\n  ${result.differences.join("\n  ")}`);
    process.exitCode = 1;
  } else {
    console.log(`Every table, row and sequence matches the backup's manifest (${result.fingerprint.tables.length} tables).`);
    console.log("The app applies any newer migrations when it starts.");
  }
} catch (error) {
  console.error(`Restore failed: ${describe(error)}`);
  process.exitCode = 1;
}

function describe(error: unknown): string {
  const cause = (error as Error).cause;
  return [(error as Error).message, cause instanceof Error && !(error as Error).message.includes(cause.message) ? cause.message : null].filter(Boolean).join("\n");
}
