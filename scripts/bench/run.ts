// npm run bench: the national-scale benchmark (issue 8). Uses the existing production build
// (it builds nothing), starts a throwaway PostgreSQL cluster, fills it with the national
// data set (npm run generate:national), and measures, for each main page and API endpoint:
// throughput and latency at a fixed concurrency, the SQL the request issues and that SQL
// replayed directly (the database's floor), the HTML served from memory by a bare node:http
// server (the network's floor), first-load JavaScript, then import throughput and memory,
// the memory of the download of every score, and the same pages on the embedded PGlite
// database. Writes reports/bench/bench.{md,json}.
//
//   npm run bench                       full run (about 15 minutes on 2 cores)
//   npm run bench -- --smoke            tiny data set, short runs, no budgets (CI)
//   options: --no-lighthouse --seed N --scale F --concurrency N --duration SECONDS --import-rows N --no-pglite --out DIR
//            --test-report FILE   also write a test report (jest-compatible JSON, one test per
//                                 target and import size: served without errors), for npm test
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { runScript, lastJsonLine } from "./children";
import { startCluster } from "./cluster";
import { firstLoadJsBytes } from "./first-load-js";
import type { LighthouseResult } from "./lighthouse";
import { serveFromMemory, sqlReplay, type LoggedQuery } from "./floors";
import { getOk, httpGet, keepAliveAgent, runLoad, type LoadResult } from "./load";
import { checkBudgets, toMarkdown, type BenchResult, type ExportMemoryResult, type ImportResult, type TargetResult } from "./report";
import { describeBuild, startServer } from "./server";
import { benchTargets, otherPages, type Target } from "./targets";
import { jestReport } from "../test-report";

const root = path.resolve(import.meta.dirname, "../..");
const { values } = parseArgs({
  options: {
    smoke: { type: "boolean", default: false },
    seed: { type: "string", default: "1" },
    scale: { type: "string" },
    concurrency: { type: "string", default: "10" },
    duration: { type: "string" },
    "import-rows": { type: "string" },
    "no-pglite": { type: "boolean", default: false },
    out: { type: "string", default: "reports/bench" },
    "test-report": { type: "string" },
    "no-lighthouse": { type: "boolean", default: false },
  },
});
const smoke = values.smoke;
const settings = {
  seed: Number(values.seed),
  scale: Number(values.scale ?? (smoke ? "0.02" : "1")),
  concurrency: Number(values.concurrency),
  durationSeconds: Number(values.duration ?? (smoke ? "1" : "10")),
};
const importSizes = values["import-rows"] ? [Number(values["import-rows"])] : smoke ? [2_000] : [20_000, 100_000];
const durationMs = settings.durationSeconds * 1000;
const warmupMs = Math.min(2000, durationMs / 2);
const DEMO_PASSWORD = "roadmap-demo-2026";
const ADMIN = "admin@demo.nhs.uk";

const step = (message: string) => console.log(`\n== ${message}`);
const build = describeBuild(root);
console.log(`npm run bench (${smoke ? "smoke" : "full"} run) on ${build}`);

const work = mkdtempSync(path.join(os.tmpdir(), "digital-roadmap-bench-"));
// Beside, not inside, the private work folder: the postgres user must be able to reach it.
const clusterDir = `${work}-pg`;
const cluster = startCluster(root, clusterDir);
const authSecret = randomBytes(33).toString("base64");
try {
  step(`Generating the national data set on PostgreSQL (seed ${settings.seed}, scale ${settings.scale})`);
  const nationalUrl = await cluster.createDatabase("national");
  let t = performance.now();
  await runScript(root, "scripts/generate-national.ts", ["--seed", String(settings.seed), "--scale", String(settings.scale)], { DATABASE_URL: nationalUrl }, { echo: true });
  const generateSeconds = (performance.now() - t) / 1000;

  // This process reads the national database directly: counts, ids and a read token.
  process.env.DATABASE_URL = nationalUrl;
  process.env.AUTH_SECRET = authSecret;
  const prepared = await prepareNationalDatabase();

  const targets = benchTargets({ organisationId: prepared.organisationId });
  // Each virtual client signs in once and does not keep the re-issued cookie, as a browser
  // would: sessions must outlive the run rather than go idle after 30 minutes.
  const serverEnv = { DATABASE_URL: nationalUrl, AUTH_SECRET: authSecret, SESSION_IDLE_MINUTES: "720" };

  step("Capturing each target's SQL, HTML and scripts (one request each, query log on)");
  const queryLog = path.join(work, "queries.ndjson");
  writeFileSync(queryLog, "");
  const otherFirstLoadJs: Record<string, number> = {};
  const captured = new Map<string, { queries: LoggedQuery[]; body: Buffer; contentType: string; firstLoadJs: number | null }>();
  {
    const server = await startServer(root, { ...serverEnv, BENCH_QUERY_LOG: queryLog });
    try {
      const cookie = await signInCookie(server.url);
      const scriptCache = new Map<string, number>();
      for (const target of targets) {
        const headers = requestHeaders(target, cookie, prepared.token);
        const warm = await httpGet(server.url + target.path, { headers });
        if (warm.status !== 200) throw new Error(`${target.path}: HTTP ${warm.status}\n${warm.body.toString().slice(0, 500)}`);
        const before = statSync(queryLog).size;
        const response = await httpGet(server.url + target.path, { headers });
        const queries = readFileSync(queryLog).subarray(before).toString().trim().split("\n").filter(Boolean).map((line) => JSON.parse(line) as LoggedQuery);
        const firstLoadJs = target.kind === "page" ? (await firstLoadJsBytes(server.url, response.body.toString(), scriptCache)).gzipBytes : null;
        captured.set(target.path, { queries, body: response.body, contentType: String(response.headers["content-type"] ?? "text/html"), firstLoadJs });
        console.log(`${target.name}: ${queries.length} SQL queries, ${(response.body.length / 1024).toFixed(0)} kB${firstLoadJs === null ? "" : `, first-load JS ${(firstLoadJs / 1024).toFixed(0)} kB gzipped`}`);
      }
      for (const page of otherPages) {
        const response = await httpGet(server.url + page, { headers: { Cookie: cookie } });
        if (response.status !== 200) throw new Error(`${page}: HTTP ${response.status}`);
        otherFirstLoadJs[page] = (await firstLoadJsBytes(server.url, response.body.toString(), scriptCache)).gzipBytes;
      }
      console.log(`Other pages' first-load JS: ${Object.entries(otherFirstLoadJs).map(([p, b]) => `${p} ${(b / 1024).toFixed(0)} kB`).join(", ")}`);
    } finally {
      await server.stop();
    }
  }

  step(`Load: ${settings.concurrency} clients, ${settings.durationSeconds} s per target, PostgreSQL`);
  const results: TargetResult[] = [];
  const { default: postgres } = await import("postgres");
  const sql = postgres(nationalUrl, { max: settings.concurrency, onnotice: () => {} });
  const server = await startServer(root, serverEnv);
  let serverRss = { startBytes: 0, endBytes: 0 };
  let lighthouse: LighthouseResult[] = [];
  try {
    const cookie = await signInCookie(server.url);
    const agent = keepAliveAgent(settings.concurrency);
    serverRss.startBytes = server.rssBytes();
    for (const target of targets) {
      const capture = captured.get(target.path)!;
      const app = await runLoad(getOk(server.url + target.path, agent, requestHeaders(target, cookie, prepared.token)), { concurrency: settings.concurrency, durationMs, warmupMs });
      const sqlFloor = await runLoad(sqlReplay(sql, capture.queries), { concurrency: settings.concurrency, durationMs, warmupMs });
      const bare = await serveFromMemory(capture.body, capture.contentType);
      const bareAgent = keepAliveAgent(settings.concurrency);
      const htmlFloor = await runLoad(getOk(bare.url, bareAgent, {}), { concurrency: settings.concurrency, durationMs, warmupMs });
      bareAgent.destroy();
      await bare.close();
      results.push({ ...target, app, sqlFloor, htmlFloor, queries: capture.queries.length, htmlBytes: capture.body.length, firstLoadJsGzipBytes: capture.firstLoadJs, pglite: null });
      console.log(`${target.name}: ${line(app)} | SQL floor ${line(sqlFloor)} | HTML floor ${line(htmlFloor)}`);
    }
    serverRss.endBytes = server.rssBytes();
    agent.destroy();
    if (!smoke && !values["no-lighthouse"]) {
      step("Lighthouse (desktop) on the heatmap, trajectories and capability plan");
      const { runLighthouse } = await import("./lighthouse");
      lighthouse = await runLighthouse(server.url, ["/maturity", "/trajectories", "/portfolio/plan"], cookie);
      for (const l of lighthouse) console.log(`${l.path}: performance ${l.performance}, accessibility ${l.accessibility}`);
    }
  } finally {
    await server.stop();
    await sql.end({ timeout: 5 });
  }

  step(`Import throughput on PostgreSQL (${importSizes.map((n) => n.toLocaleString("en-GB")).join(" and ")} rows)`);
  const imports: ImportResult[] = [];
  for (const rows of importSizes) {
    const url = await cluster.createDatabase(`import_${rows}`);
    const output = await runScript(root, "scripts/bench/import-100k.ts", ["--rows", String(rows), "--json"], { DATABASE_URL: url }, { echo: true });
    imports.push(lastJsonLine<ImportResult>(output));
  }

  step("Export memory: the download of every score, streamed and (as before) whole, each in a process of its own");
  const exportMemory: ExportMemoryResult[] = [];
  for (const format of ["csv", "xlsx"])
    for (const mode of ["streamed", "whole"]) {
      const output = await runScript(root, "scripts/bench/export-memory.ts", ["--format", format, "--mode", mode, "--json"], { DATABASE_URL: nationalUrl }, { echo: true });
      exportMemory.push(lastJsonLine<ExportMemoryResult>(output));
    }

  if (!values["no-pglite"]) {
    step("The same pages on the embedded PGlite database");
    const dataDir = await pgliteNationalDataDir();
    const pgliteServer = await startServer(root, { DATABASE_URL: "", DATA_DIR: dataDir, DEMO_ACCOUNTS: "1", AUTH_SECRET: authSecret, SESSION_IDLE_MINUTES: "720" });
    try {
      const cookie = await signInCookie(pgliteServer.url);
      const agent = keepAliveAgent(settings.concurrency);
      // The demo's organisations get new ids in each database: find RTH's in this one.
      const found = await httpGet(`${pgliteServer.url}/api/v1/assessments?organisation=RTH&limit=1`, { headers: { Cookie: cookie } });
      const pgliteOrganisationId = (JSON.parse(found.body.toString()) as { data: { organisation: { id: string } }[] }).data[0]?.organisation.id;
      if (!pgliteOrganisationId) throw new Error("The PGlite national data set lacks RTH's assessments.");
      for (const result of results.filter((r) => r.kind === "page")) {
        const pagePath = result.path.replace(prepared.organisationId, pgliteOrganisationId);
        result.pglite = await runLoad(getOk(pgliteServer.url + pagePath, agent, { Cookie: cookie }), { concurrency: settings.concurrency, durationMs, warmupMs });
        console.log(`${result.name}: ${line(result.pglite)}`);
      }
      agent.destroy();
    } finally {
      await pgliteServer.stop();
    }
  }

  const result: BenchResult = {
    date: new Date().toISOString(),
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GB, Node ${process.version}, ${os.platform()} ${os.release()}`,
    build,
    mode: smoke ? "smoke" : "full",
    settings,
    dataSet: prepared.counts,
    generateSeconds,
    serverRss,
    targets: results,
    otherFirstLoadJs,
    imports,
    exportMemory,
    lighthouse,
  };
  const outDir = path.resolve(root, values.out);
  mkdirSync(outDir, { recursive: true });
  const markdown = toMarkdown(result);
  writeFileSync(path.join(outDir, "bench.json"), JSON.stringify({ ...result, budgets: smoke ? null : checkBudgets(result) }, null, 2) + "\n");
  writeFileSync(path.join(outDir, "bench.md"), markdown);
  step(`Results (also in ${path.relative(root, outDir)}/bench.md and bench.json)`);
  console.log(markdown);
  if (values["test-report"]) writeFileSync(path.resolve(root, values["test-report"]), JSON.stringify(testReport(result)) + "\n");
  const failed = results.filter((r) => r.app.errors > 0 || (r.pglite?.errors ?? 0) > 0);
  if (failed.length) {
    console.error(`Requests failed on: ${failed.map((r) => `${r.name} (${r.app.firstError ?? r.pglite?.firstError})`).join(", ")}`);
    process.exitCode = 1;
  }
} finally {
  cluster.stop();
  rmSync(work, { recursive: true, force: true });
  rmSync(clusterDir, { recursive: true, force: true });
}

/** One test per target (no request failed, on PostgreSQL or PGlite) and per import size (every row imported). */
function testReport(result: BenchResult) {
  return jestReport("npm run bench", [
    ...result.targets.map((t) => ({
      title: `${t.name}: ${t.app.count} requests on PostgreSQL${t.pglite ? ` and ${t.pglite.count} on PGlite` : ""} without an error`,
      passed: t.app.count > 0 && t.app.errors === 0 && (t.pglite?.errors ?? 0) === 0,
    })),
    ...result.imports.map((i) => ({ title: `import of ${i.rows} rows`, passed: i.written === i.rows })),
  ]);
}

function line(r: LoadResult): string {
  return `${r.rps.toFixed(0)} req/s, p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms${r.errors ? `, ${r.errors} errors (${r.firstError})` : ""}`;
}

function requestHeaders(target: Target, cookie: string, token: string): Record<string, string> {
  return target.kind === "api" ? { Authorization: `Bearer ${token}` } : { Cookie: cookie };
}

async function signInCookie(baseUrl: string): Promise<string> {
  const { signInCookie: signIn } = await import("./sign-in");
  return signIn(baseUrl, ADMIN, DEMO_PASSWORD);
}

async function prepareNationalDatabase() {
  const { getDb, databaseHandle } = await import("@/db/client");
  const { createApiToken } = await import("@/db/commands/api-tokens");
  const { getUserCredentialsByEmail, getUserWithScope } = await import("@/db/queries/users");
  const { sql } = await import("drizzle-orm");
  const db = await getDb();
  const admin = await getUserCredentialsByEmail({ email: ADMIN });
  if (!admin) throw new Error(`The national data set has no ${ADMIN}: it should include the demo accounts.`);
  const actor = (await getUserWithScope({ userId: admin.id }))!;
  const { secret } = await createApiToken({ actor, name: "Benchmark", scope: "read", lifetimeDays: 30 });
  const count = async (table: string) => Number(((await db.execute(sql.raw(`select count(*)::int as n from ${table}`))) as unknown as { n: number }[])[0]!.n);
  const counts: Record<string, number> = {};
  for (const [label, table] of [
    ["systems", "systems"],
    ["organisations", "organisations"],
    ["assessment periods", "assessment_periods"],
    ["scores", "domain_scores"],
    ["targets", "targets"],
    ["projects", "projects"],
    ["workstreams", "workstreams"],
    ["tollgate reviews", "tollgate_reviews"],
    ["audit rows", "audit_log"],
  ] as const) {
    counts[label] = await count(table);
  }
  const [organisation] = (await db.execute(sql`select id from organisations where ods_code = 'RTH'`)) as unknown as { id: string }[];
  if (!organisation) throw new Error("The national data set lacks the demo's Oxford University Hospitals (RTH).");
  await (await databaseHandle()).close();
  return { token: secret, organisationId: organisation.id, counts };
}

// The PGlite copy of the data set takes minutes to generate, so it is kept in .data/bench,
// keyed by the seed, the scale and a hash of the generator and the migrations.
async function pgliteNationalDataDir(): Promise<string> {
  const { readdirSync } = await import("node:fs");
  const hash = createHash("sha256");
  for (const dir of ["db/seed", "db/seed/national", "db/migrations"]) {
    const full = path.join(root, dir);
    if (!existsSync(full)) continue;
    for (const name of readdirSync(full).sort()) {
      const file = path.join(full, name);
      if (statSync(file).isFile()) hash.update(name).update(readFileSync(file));
    }
  }
  const dataDir = path.join(root, ".data/bench", `pglite-seed${settings.seed}-scale${settings.scale}-${hash.digest("hex").slice(0, 12)}`);
  if (existsSync(path.join(dataDir, "complete"))) {
    console.log(`Using the PGlite data set generated before in ${path.relative(root, dataDir)}`);
    return dataDir;
  }
  rmSync(dataDir, { recursive: true, force: true });
  const t = performance.now();
  await runScript(root, "scripts/generate-national.ts", ["--seed", String(settings.seed), "--scale", String(settings.scale)], { DATABASE_URL: "", DATA_DIR: dataDir, DEMO_ACCOUNTS: "1" }, { echo: true });
  writeFileSync(path.join(dataDir, "complete"), `${new Date().toISOString()}\n`);
  console.log(`Generated on PGlite in ${((performance.now() - t) / 1000).toFixed(0)} s`);
  return dataDir;
}
