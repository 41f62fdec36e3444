// Measures a 100,000-row score import end to end (check, then commit) on a scratch
// database: rows per second for each step and the process's peak memory.
//   npm run bench:import                 (embedded PGlite in a temporary folder)
//   DATABASE_URL=postgres://… npm run bench:import   (a scratch PostgreSQL database: it adds
//                                                    rows, and the demo data if it is empty)
//   --rows N (default 100000), --json (also print the figures as one JSON line, for npm run bench)
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";

const { values } = parseArgs({ options: { rows: { type: "string", default: "100000" }, json: { type: "boolean", default: false } } });
const wanted = Number(values.rows);
const scratch = process.env.DATABASE_URL ? null : mkdtempSync(path.join(tmpdir(), "import-bench-"));
if (scratch) {
  process.env.DATA_DIR = scratch;
  process.env.DEMO_ACCOUNTS = "1"; // the demo administrator imports
}

const { databaseHandle } = await import("@/db/client");
const { checkImport, commitImport } = await import("@/db/commands/imports");
const { getUserWithScope } = await import("@/db/queries/users");
const schema = await import("@/db/schema");

const handle = await databaseHandle();
try {
  const db = handle.db;
  if (handle.kind === "postgres") {
    const { seedDemoIfEmpty } = await import("@/db/seed/seed");
    await seedDemoIfEmpty(db, { accounts: "demo" });
  }
  const [admin] = await db.select().from(schema.users).where(eq(schema.users.email, "admin@demo.nhs.uk"));
  if (!admin) throw new Error("The scratch database has no demo administrator: run against the embedded demo database.");
  const actor = (await getUserWithScope({ userId: admin.id }))!;
  const [framework] = await db.select().from(schema.frameworks).where(eq(schema.frameworks.code, "DMI-2016"));
  const domains = await db.select().from(schema.frameworkDomains).where(eq(schema.frameworkDomains.frameworkId, framework!.id));
  const [system] = await db.select().from(schema.systems);
  // Enough organisations and open periods for `wanted` distinct scores.
  const periodCount = 10;
  const orgCount = Math.ceil(wanted / (domains.length * periodCount));
  const stamp = Date.now().toString(36).toUpperCase();
  await db.insert(schema.organisations).values(Array.from({ length: orgCount }, (_, i) => ({ systemId: system!.id, odsCode: `B${stamp}${i}`, name: `Bench trust ${i}`, shortName: `Bench ${i}`, type: "acute" as const })));
  await db.insert(schema.assessmentPeriods).values(Array.from({ length: periodCount }, (_, i) => ({ frameworkId: framework!.id, code: `BENCH-${stamp}-${i}`, name: `Bench ${stamp} ${i}`, assessedOn: "2018-03-31", isOpen: true })));
  const lines = ["ods_code,framework,period,domain,score"];
  outer: for (let o = 0; o < orgCount; o++) {
    for (let p = 0; p < periodCount; p++) {
      for (const d of domains) {
        if (lines.length > wanted) break outer;
        lines.push(`B${stamp}${o},DMI-2016,BENCH-${stamp}-${p},${d.code},${(o * 7 + p * 3 + d.position * 11) % 101}`);
      }
    }
  }
  const bytes = new TextEncoder().encode(lines.join("\n") + "\n");
  lines.length = 0;
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
  console.log(`File: ${wanted.toLocaleString("en-GB")} rows, ${mb(bytes.length)}; database: ${handle.kind}`);
  const rss0 = process.memoryUsage().rss;
  let t = performance.now();
  const job = await checkImport({ actor, kind: "scores", fileName: "bench.csv", bytes });
  const checkMs = performance.now() - t;
  if (job.errorCount > 0) throw new Error(`unexpected errors: ${job.errorCount}`);
  t = performance.now();
  const done = await commitImport({ actor, jobId: job.id });
  const commitMs = performance.now() - t;
  const rate = (ms: number) => Math.round(wanted / (ms / 1000)).toLocaleString("en-GB");
  console.log(`Check:  ${(checkMs / 1000).toFixed(1)} s (${rate(checkMs)} rows/s)`);
  console.log(`Commit: ${(commitMs / 1000).toFixed(1)} s (${rate(commitMs)} rows/s), ${done.created.toLocaleString("en-GB")} scores written with their history`);
  const peakRss = process.resourceUsage().maxRSS * 1024;
  console.log(`Memory: ${mb(rss0)} before, peak ${mb(peakRss)} (resident set, whole process)`);
  if (values.json) {
    console.log(JSON.stringify({ rows: wanted, written: done.created, fileBytes: bytes.length, database: handle.kind, checkMs, commitMs, rssBeforeBytes: rss0, peakRssBytes: peakRss }));
  }
} finally {
  await handle.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
}
