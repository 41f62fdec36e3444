// Imports a CSV or XLSX file from a terminal, with the same checks, permissions, history and
// all-or-nothing commit as the import page:
//   npm run import -- scores.csv                       (scores; as the only administrator)
//   npm run import -- --kind targets --as board@nhs.net targets.xlsx
//   npm run import -- --dry-run scores.csv             (check only: nothing is written)
//   npm run import -- NHSE_DMA_2025_Results_Data_File_v2.xlsx --leave-out-unmatched --map "BRADFORD DISTRICT CARE NHS FOUNDATION TRUST=TAD"
//     (NHS England's results workbook is recognised by its layout: --map maps one published
//     name to an ODS code, remembered for the next file; --leave-out-unmatched leaves out,
//     on the record, the rows whose names match no organisation)
// Run with the app stopped when it uses the embedded database (it holds the folder's lock).
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { and, eq, isNull } from "drizzle-orm";
import { databaseHandle } from "@/db/client";
import { checkImport, commitImport, discardImport } from "@/db/commands/imports";
import { getImportJob } from "@/db/queries/imports";
import { getUserWithScope } from "@/db/queries/users";
import { users } from "@/db/schema";
import { importKindLabels, importKinds, type ImportKind } from "@/lib/import/kinds";
import { progressLine } from "@/lib/import/progress-bar";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    kind: { type: "string", default: "scores" },
    as: { type: "string" },
    "dry-run": { type: "boolean", default: false },
    "leave-out-unmatched": { type: "boolean", default: false },
    map: { type: "string", multiple: true, default: [] },
  },
});

function usage(message: string): never {
  console.error(message);
  process.exit(1);
}

/** A failure once the database is open: reported by the catch below, which closes it. */
class Refusal extends Error {}

const file = positionals[0];
if (!file || positionals.length > 1) {
  usage(`Usage: npm run import -- [--kind ${importKinds.join("|")}] [--as EMAIL] [--dry-run] [--leave-out-unmatched] [--map "NAME=ODS CODE"]... FILE`);
}
const mappings: Record<string, string> = {};
for (const pair of values.map ?? []) {
  const at = pair.lastIndexOf("=");
  if (at <= 0 || at === pair.length - 1) usage(`--map takes "NAME=ODS CODE", like --map "BRADFORD DISTRICT CARE NHS FOUNDATION TRUST=TAD" (not "${pair}")`);
  mappings[pair.slice(0, at).trim()] = pair.slice(at + 1).trim().toUpperCase();
}
const kind = importKinds.find((k) => k === values.kind) as ImportKind | undefined;
if (!kind) usage(`--kind must be one of ${importKinds.join(", ")}`);

/** Redraws one line on a terminal; elsewhere (a log) prints every tenth of the way. */
function progressPrinter() {
  let lastTenth = -1;
  return (p: Parameters<typeof progressLine>[0]) => {
    if (process.stderr.isTTY) process.stderr.write(`\r${progressLine(p)}`);
    else if (Math.floor(p.fraction * 10) > lastTenth) {
      lastTenth = Math.floor(p.fraction * 10);
      process.stderr.write(`${progressLine(p)}\n`);
    }
  };
}
const endLine = () => process.stderr.isTTY && process.stderr.write("\n");

const handle = await databaseHandle();
try {
  const db = handle.db;
  const candidates = values.as
    ? await db.select().from(users).where(eq(users.email, values.as.toLowerCase()))
    : await db.select().from(users).where(and(eq(users.role, "admin"), isNull(users.disabledAt)));
  if (candidates.length !== 1) {
    throw new Refusal(values.as ? `No user ${values.as}.` : "Say whose import this is with --as EMAIL (there is not exactly one active administrator).");
  }
  const actor = await getUserWithScope({ userId: candidates[0]!.id });
  if (!actor || actor.disabledAt) throw new Refusal(`${candidates[0]!.email} is disabled.`);
  const bytes = new Uint8Array(await readFile(file));
  console.log(`Importing ${path.basename(file)} (${kind}) as ${actor.name} <${actor.email}>`);

  const options = { leaveOutUnmatched: values["leave-out-unmatched"], mappings };
  const job = await checkImport({ actor, kind, fileName: path.basename(file), bytes, onProgress: progressPrinter(), options });
  if (job.kind !== kind) console.log(`Recognised as ${importKindLabels[job.kind]}.`);
  for (const u of job.options.unmatched ?? []) {
    console.log(`${job.options.leaveOutUnmatched ? "Left out" : "No match"}: “${u.name}” (${u.kind === "icb" ? "ICB" : "provider"}; ${u.places.join(", ")})`);
  }
  endLine();
  const counts = (j: { rowCount: number; created: number; changed: number; unchanged: number }) =>
    `${j.rowCount.toLocaleString("en-GB")} row${j.rowCount === 1 ? "" : "s"}: ${j.created.toLocaleString("en-GB")} to add, ${j.changed.toLocaleString("en-GB")} to change, ${j.unchanged.toLocaleString("en-GB")} unchanged`;
  console.log(`Checked ${counts(job)}.`);
  if (job.errorCount > 0) {
    const view = await getImportJob({ jobId: job.id });
    for (const e of view!.errors.slice(0, 50)) console.error(`  line ${e.line}${e.column ? `, ${e.column}` : ""}: ${e.message}`);
    if (job.kind === "dma-results" && (job.options.unmatched?.length ?? 0) > 0) {
      console.error('Map each name with --map "NAME=ODS CODE", or leave their rows out with --leave-out-unmatched.');
    }
    if (job.errorCount > 50) console.error(`  … and ${job.errorCount - 50} more`);
    await discardImport({ actor, jobId: job.id });
    throw new Refusal(`${job.errorCount} error${job.errorCount === 1 ? "" : "s"}: nothing was imported.`);
  }
  if (values["dry-run"]) {
    // A dry run keeps no copy of the file.
    await discardImport({ actor, jobId: job.id });
    console.log("Dry run: nothing was imported.");
  } else {
    const done = await commitImport({ actor, jobId: job.id, onProgress: progressPrinter() });
    endLine();
    console.log(`Imported: ${done.created.toLocaleString("en-GB")} added, ${done.changed.toLocaleString("en-GB")} changed, ${done.unchanged.toLocaleString("en-GB")} unchanged.`);
  }
} catch (error) {
  endLine();
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await handle.close();
}
