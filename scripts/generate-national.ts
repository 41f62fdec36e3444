// npm run generate:national -- [--seed N] [--scale F]
// Fills the configured database (DATABASE_URL, or the embedded one in DATA_DIR) with the
// demo data and a synthetic national data set, deterministic from the seed. Scale 1 is
// 42 systems and about 1,500 organisations; 0.02 is one synthetic system beside the demo.
import { parseArgs } from "node:util";
import { databaseHandle } from "@/db/client";
import { generateNationalDataSet } from "@/db/seed/national/generate";

const { values } = parseArgs({ options: { seed: { type: "string", default: "1" }, scale: { type: "string", default: "1" } } });
const started = performance.now();
const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
const handle = await databaseHandle();
let lastLine = 0;
try {
  console.log(`Generating the national data set (seed ${values.seed}, scale ${values.scale}) on ${handle.kind === "postgres" ? "PostgreSQL" : "the embedded database"}`);
  const plan = await generateNationalDataSet(handle.db, { seed: Number(values.seed), scale: Number(values.scale) }, (table, written, total) => {
    const now = performance.now();
    if (written === total || now - lastLine > 2000) {
      lastLine = now;
      console.log(`  ${table}: ${written.toLocaleString("en-GB")} of ${total.toLocaleString("en-GB")} rows (${seconds()} s)`);
    }
  });
  const rows = Object.values(plan).reduce((n, list) => n + list.length, 0);
  console.log(
    `Done in ${seconds()} s: ${rows.toLocaleString("en-GB")} rows, among them ${plan.systems.length} systems, ${plan.organisations.length.toLocaleString("en-GB")} organisations, ` +
      `${plan.domainScores.length.toLocaleString("en-GB")} scores, ${plan.targets.length.toLocaleString("en-GB")} targets, ${plan.projects.length.toLocaleString("en-GB")} projects and ${plan.workstreams.length} workstreams (besides the demo's).`,
  );
} catch (error) {
  console.error(`generate:national failed, nothing was written: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await handle.close();
}
